#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer (Swift Testing only: XCTest's runner leaks a
# little on its own), in separate scratch directories, then runs the main CLI commands under ASan with leak
# detection on. Takes several minutes per sanitizer on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for sanitizer in address thread; do
    echo "== swift test --sanitize=$sanitizer"
    # Leak checking is left to the CLI run below: LeakSanitizer cannot follow Swift references whose spare bits
    # carry enum tags, and reports objects held by the test runner's lazily initialised statics.
    if ASAN_OPTIONS=detect_leaks=0 swift test --sanitize="$sanitizer" --disable-xctest --scratch-path ".build-$sanitizer" \
        > ".build-$sanitizer.log" 2>&1; then
        grep -E "Test run with" ".build-$sanitizer.log" | tail -1
    else
        status=1
        grep -E "Test run with|WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY" ".build-$sanitizer.log" | head -5
    fi
done
echo "== CLI under AddressSanitizer with leak detection"
jz=".build-address/debug/jianzheng"
for command in "check" "review --format json" "test" "corpus check" "report --format docx --out /tmp/jz-asan.docx" \
    "report --format md --out -" "export --out /tmp/jz-asan.xlsx" "fmt --check" "cite 《婚姻登记条例》第五条" \
    "import Tests/JianzhengSpreadsheetTests/Fixtures/民政目录.xlsx --out /tmp/jz-asan-import --force" \
    "diff --with examples/proposals/居住证与公租房循环证明.jz --fail-on none"; do
    # shellcheck disable=SC2086
    if $jz $command > /dev/null 2> /tmp/jz-asan.err; then echo "ok: jianzheng $command"; else
        grep -q "Sanitizer" /tmp/jz-asan.err && { echo "FAILED: jianzheng $command"; grep SUMMARY /tmp/jz-asan.err; status=1; }
    fi
done
exit $status
