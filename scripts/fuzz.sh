#!/usr/bin/env bash
# Builds the libFuzzer harnesses in fuzz/targets against this package (in a generated wrapper package under
# .build-fuzz, so ordinary builds are untouched) and runs each for SECONDS (default 600) with seeds from the
# shipped files. Crashes and hangs land in .build-fuzz/findings/TARGET/. Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
seconds="${1:-600}"
shift || true
all="syntax citation corpus spreadsheet sheet schema cache terminal"
targets=("${@:-$all}")
read -r -a targets <<< "${targets[*]}"
work="$root/.build-fuzz"
pkg="$work/pkg"
mkdir -p "$pkg/Sources"
ln -sfn "$root" "$pkg/jianzheng"
{
    echo '// swift-tools-version:6.0'
    echo 'import PackageDescription'
    echo 'let products: [Target.Dependency] = ["Jianzheng", "JianzhengBase", "JianzhengSyntax", "JianzhengXML", "LegalCorpus", "JianzhengSpreadsheet", "JianzhengImport", "JianzhengReports"].map { .product(name: $0, package: "jianzheng") }'
    echo 'let package = Package(name: "JianzhengFuzz", dependencies: [.package(path: "jianzheng")], targets: ['
    for target in $all; do
        echo "    .executableTarget(name: \"fuzz-$target\", dependencies: products, swiftSettings: [.unsafeFlags([\"-parse-as-library\"])]),"
    done
    echo '])'
} > "$pkg/Package.swift"
for target in $all; do
    mkdir -p "$pkg/Sources/fuzz-$target"
    cp "fuzz/targets/$target.swift" "$pkg/Sources/fuzz-$target/Harness.swift"
    # SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
    sed "s/ENTRY/fuzz_${target}_main/" fuzz/targets/entry.swift.in > "$pkg/Sources/fuzz-$target/Entry.swift"
done

# Seeds: the shipped files of each kind.
seeds="$work/seeds.$$"  # per run, so that two runs can fuzz different targets at once
rm -rf "$seeds" && mkdir -p "$seeds"/{syntax,citation,corpus,spreadsheet,sheet,schema,cache,terminal}
find rules examples -name '*.jz' -exec cp {} "$seeds/syntax/" \;
find rules examples -name '*.jz' -exec cp {} "$seeds/terminal/" \;
grep -rhoE '《[^》]*》[^ ,"]*' rules examples | sort -u | head -300 | awk -v d="$seeds/citation" '{ f = d "/c" NR; printf "%s", $0 > f; close(f) }'
for form in '国办发〔2020〕42号' '甘政办发〔2016〕20号 二（二）' '《教师资格条例》第15条第1款第4项' '第五条'; do printf '%s' "$form" > "$seeds/citation/$(printf '%s' "$form" | sha1sum | cut -c1-8)"; done
find legal-basis -name '*.xml' -exec cp {} "$seeds/corpus/" \;
cp Tests/JianzhengSpreadsheetTests/Fixtures/*.xlsx Tests/JianzhengSpreadsheetTests/Fixtures/*.csv "$seeds/spreadsheet/"
# The worksheet XML inside each fixture workbook (what the structure-aware sheet target mutates).
python3 - "$seeds/sheet" Tests/JianzhengSpreadsheetTests/Fixtures/*.xlsx <<'PY'
import re, sys, zipfile, pathlib
out = pathlib.Path(sys.argv[1])
for index, name in enumerate(sys.argv[2:]):
    with zipfile.ZipFile(name) as archive:
        for part in archive.namelist():
            if part.startswith("xl/worksheets/sheet") and part.endswith(".xml"):
                xml = archive.read(part).decode("utf-8")
                body = re.search(r"<sheetData.*?(</sheetData>|<sheetData/>)(.*<mergeCells.*?</mergeCells>)?", xml, re.S)
                if body:
                    (out / f"s{index}-{pathlib.Path(part).stem}").write_text(body.group(0), encoding="utf-8")
PY
printf '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>42430</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells>' > "$seeds/sheet/minimal"
swift run -q jianzheng corpus schema --out "$seeds/schema" > /dev/null
printf '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="/etc/passwd"/><xs:import schemaLocation="http://127.0.0.1:9/x.xsd"/></xs:schema>' > "$seeds/schema/hostile"

export JIANZHENG_CORPUS="$root/legal-basis" JIANZHENG_RULES="$root/rules"
# Leak reports are off for the same reason as -detect_leaks=0 below, also at exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
for target in "${targets[@]}"; do
    if ! swift build -c debug --package-path "$pkg" --product "fuzz-$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library > "$work/build-$target.log" 2>&1; then
        grep -E "error" "$work/build-$target.log" | head -5
        echo "fuzz-$target did not build (log: $work/build-$target.log)"
        exit 1
    fi
    binary="$(swift build -c debug --package-path "$pkg" --show-bin-path)/fuzz-$target"
    corpus="$work/corpus/$target"
    findings="$work/findings/$target"
    mkdir -p "$corpus" "$findings"
    options=()
    if [ "$target" = cache ]; then JIANZHENG_FUZZ_SEED="$seeds/cache/shipped" "$binary" -runs=0 > /dev/null 2>&1 || true; fi
    if [ "$target" = sheet ]; then options+=("-dict=$root/fuzz/sheet.dict"); fi
    echo "== fuzz-$target for $seconds s"
    # -detect_leaks=0: LeakSanitizer cannot follow Swift references whose spare bits carry enum tags (indirect
    # enum payloads, Data), so it reports reachable objects as leaked; AddressSanitizer errors still abort.
    "$binary" "$corpus" "$seeds/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 ${options[@]+"${options[@]}"} 2>&1 | tail -12
done
