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
PY

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
exit $failed
