#!/usr/bin/env bash
# Big and hostile inputs, timed outside the unit tests: each must give the expected exit code within the time and
# memory printed (wall seconds, peak RSS). Writes its inputs under ${1:-/tmp/jianzheng-hostile}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/jianzheng-hostile}"
rm -rf "$dir" && mkdir -p "$dir/corpus"
swift build -c release -q --product jianzheng
jz="$PWD/.build/release/jianzheng"

python3 - "$dir" <<'PY'
import sys, pathlib
d = pathlib.Path(sys.argv[1])
(d / "long-line.jz").write_text("// " + "长" * 33_000_000 + "\nmaterial 甲 {\n  kind certificate\n}\n", encoding="utf-8")
(d / "garbage-line.jz").write_bytes(b"$" * 100_000_000)
(d / "deep.jz").write_text("a {\n" * 100_000 + "}\n" * 100_000)
(d / "nul.jz").write_bytes(b"material \xe7\x94\xb2 {\n  kind \x00 certificate\n}\n")
ring = []
for i in range(10_000):
    ring.append(f'material 证明{i} {{\n  kind certificate\n}}\nprocedure "R{i}" 事项{i} {{\n  department 民政部门\n  territory CN-62\n'
                f'  requires 证明{(i + 1) % 10_000}\n  issues 证明{i}\n}}\n')
(d / "ring").mkdir()
(d / "ring" / "ring.jz").write_text("".join(ring), encoding="utf-8")
lol = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' + "".join(
    f'<!ENTITY lol{i} "' + f"&{'lol' if i == 1 else f'lol{i-1}'};" * 10 + '">\n' for i in range(1, 10)) + "]>\n<lolz>&lol9;</lolz>\n"
(d / "corpus" / "lol.xml").write_text(lol)
(d / "corpus" / "xxe.xml").write_text('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<a>&e;</a>\n')
(d / "corpus" / "huge-text.xml").write_text("<a>" + "x" * 20_000_000 + "</a>")
(d / "corpus" / "deep.xml").write_text("<a>" * 1_000_000 + "</a>" * 1_000_000)
(d / "corpus" / "wrong-namespace.xml").write_text('<?xml version="1.0"?><akomaNtoso xmlns="urn:wrong"><act name="x"/></akomaNtoso>')
(d / "corpus" / "wide.xml").write_text("<a " + " ".join(f'a{i}="x"' for i in range(100_000)) + "/>")
# A corpus folder carrying a hostile schema: it must be ignored (the schema is compiled into the binary).
(d / "planted" / "schema").mkdir(parents=True)
(d / "planted" / "schema" / "akn-subset.xsd").write_text(
    '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY % x SYSTEM "http://127.0.0.1:9/x">%x;]>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
    '<xs:include schemaLocation="http://127.0.0.1:9/y.xsd"/></xs:schema>')
# Spreadsheets: a million CSV rows; an XLSX of merged ranges over the whole sheet; cells with hostile numbers.
rows = ["事项编码,事项名称,实施部门,申请材料,材料类型"] + [f"P{i // 3},事项{i // 3},部门{i % 7},材料{i % 11},证明" for i in range(1_000_000)]
(d / "million.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
import zipfile
def workbook(name, sheet):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(d / name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}"><si><t>事项编码</t></si></sst>')
        z.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}">{sheet}</worksheet>')
workbook("merges.xlsx", '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells>' + '<mergeCell ref="A1:XFD1048576"/>' * 300 + "</mergeCells>")
workbook("numbers.xlsx", '<sheetData><row r="0"><c r="A1" t="s"><v>-1</v></c></row><row r="9223372036854775807"/><row r="2">'
    '<c r="AAAAAAAAAAAAAAAA2" t="s"><v>0</v></c><c r="B2" s="1"><v>NaN</v></c><c r="C2" s="1"><v>1e300</v></c></row></sheetData>')
# Legal texts for `corpus import`: 10^5 articles in about 100 MB; 100 MB with no structure at all.
article = "本条规定的事项，" + "有关部门应当依照法律、行政法规的规定办理，" * 14 + "不得要求申请人重复提交材料。"
(d / "huge-law.txt").write_text("某某法\n" + "".join(f"第{i}条　{article}\n" for i in range(1, 100_001)), encoding="utf-8")
(d / "prose.txt").write_text("没有结构\n" + "没有任何结构的一行文字，" * 2_800_000 + "\n", encoding="utf-8")
(d / "escape.csv").write_text('事项编码,事项名称,实施部门,申请材料\nP1,"\x1b]52;c;ZXZpbA==\x07结婚登记\u202e",民政局,居民户口簿\n', encoding="utf-8")
PY
truncate -s 500M "$dir/corpus-big.xml"
mkdir -p "$dir/big" && mv "$dir/corpus-big.xml" "$dir/big/big.xml"

check() {  # name, expected exit code, command…
    local name="$1" expected="$2"
    shift 2
    local status=0
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out" 2> "$dir/err" || status=$?
    read -r seconds kilobytes < <(tail -1 "$dir/time")  # time prefixes a line when the exit status is not 0
    local verdict=ok
    [ "$status" = "$expected" ] || verdict="FAILED (exit $status, expected $expected)"
    printf '%-28s exit %s  %6.2f s  %6d MB  %s  %s\n' "$name" "$status" "$seconds" $((kilobytes / 1024)) "$verdict" \
        "$(grep -m1 -oE '\[JZ[0-9]+\]|error:.*' "$dir/err" | cut -c1-60 || true)"
    [ "$verdict" = ok ]
}

failed=0
check "100 MB string on one line" 0 "$jz" check "$dir/long-line.jz" || failed=1
check "100 MB of garbage, one line" 1 "$jz" check "$dir/garbage-line.jz" || failed=1
check "10^5-deep nesting" 1 "$jz" check "$dir/deep.jz" || failed=1
check "NUL byte" 1 "$jz" check "$dir/nul.jz" || failed=1
mkdir -p "$dir/empty"
check "empty directory" 0 "$jz" check "$dir/empty" || failed=1
check "missing file" 2 "$jz" check "$dir/none.jz" || failed=1
check "10^4-procedure ring review" 0 "$jz" review --policy 全国现行 --format jsonl "$dir/ring" || failed=1
check "hostile corpus" 1 "$jz" corpus check --corpus "$dir/corpus" || failed=1
grep -q "root:" "$dir/out" "$dir/err" && { echo "the external entity leaked /etc/passwd"; failed=1; }
check "corpus with a planted schema" 0 "$jz" corpus check --corpus "$dir/planted" || failed=1
check "500 MB XML (refused unread)" 1 "$jz" corpus check --corpus "$dir/big" || failed=1
check "10^6-row CSV import" 0 "$jz" import "$dir/million.csv" --out "$dir/million-out" --force || failed=1
check "XLSX of whole-sheet merges" 0 "$jz" import "$dir/merges.xlsx" --out "$dir/merges-out" --force || failed=1
check "XLSX hostile numbers" 1 "$jz" import "$dir/numbers.xlsx" --out "$dir/numbers-out" --force || failed=1
check "escape sequences in a sheet" 1 "$jz" import "$dir/escape.csv" --out "$dir/escape-out" --force || failed=1
metadata=(--rank law --issuer 全国人民代表大会常务委员会 --effective 2020-01-01 --promulgated 2020-01-01)
check "10^5 articles, 96 MB text" 1 "$jz" corpus import "$dir/huge-law.txt" "${metadata[@]}" --out "$dir/huge-law.xml" || failed=1
check "100 MB without structure" 1 "$jz" corpus import "$dir/prose.txt" "${metadata[@]}" --out "$dir/prose.xml" || failed=1
if LC_ALL=C grep -q $'\x1b' "$dir/err" "$dir/out"; then echo "an escape sequence reached the terminal"; failed=1; fi
# A shared, world-writable cache directory is refused (the corpus is read from the XML, with a warning).
mkdir -p "$dir/shared-cache" && chmod 777 "$dir/shared-cache"
python3 - "$dir/big-corpus" legal-basis/national/regulation/教师资格条例.xml <<'PY'
import sys, pathlib
out = pathlib.Path(sys.argv[1]); out.mkdir(exist_ok=True)
base = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
for i in range(300):  # the cache serves corpora of 256 documents or more
    (out / f"act{i}.xml").write_text(base.replace("gwyl-188", f"gen-{i}").replace("教师资格条例", f"生成条例{i}")
                                     .replace("国务院令第188号", f"生成令第{i}号")
                                     .replace('<jz:delegatesFrom href="/akn/cn/act/1993/zxfl-15"/>', ""), encoding="utf-8")
PY
check "world-writable cache dir" 0 env JIANZHENG_CACHE_DIR="$dir/shared-cache" "$jz" corpus check --corpus "$dir/big-corpus" || failed=1
grep -q "JZ4010" "$dir/err" || { echo "the shared cache directory was used"; failed=1; }
# A link planted where the old predictable temporary name was must not redirect the report.
printf 'secret' > "$dir/victim" && mkdir -p "$dir/out-dir" && ln -sf "$dir/victim" "$dir/out-dir/.report.html.jz-tmp-1"
check "planted temporary link" 0 "$jz" report --format html --out "$dir/out-dir/report.html" || failed=1
[ "$(cat "$dir/victim")" = secret ] || { echo "a planted link was followed"; failed=1; }
exit $failed
