#!/usr/bin/env bash
# Renders the hearing reports and checks them as a person would: the HTML in headless Chromium (screenshot),
# the DOCX through LibreOffice to PDF (page count, A4). Needs: apt-get install chromium fonts-noto-cjk
# libreoffice-writer-nogui poppler-utils. Output goes to ${1:-out/reports}.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/reports}"
mkdir -p "$out"
swift build -q
jz=.build/debug/jianzheng
$jz report --format html --out "$out/report.html"
$jz report --format docx --out "$out/report.docx"
$jz report --format md --out "$out/report.md"
$jz report --format html --procedure 620000-GA-0030 --out "$out/cycle.html"
$jz report --format docx --with examples/proposals/居住证与公租房循环证明.jz --out "$out/proposal.docx"

chromium --headless --no-sandbox --disable-gpu --window-size=1000,1900 --screenshot="$out/cycle.png" "file://$PWD/$out/cycle.html" 2>/dev/null
test -s "$out/cycle.png" && echo "chromium: $out/cycle.png"
for docx in report proposal; do
    (cd "$out" && soffice --headless --convert-to pdf "$docx.docx" >/dev/null 2>&1)
    pdfinfo "$out/$docx.pdf" | grep -E "^(Pages|Page size)" | sed "s/^/$docx.pdf: /"
done
pdftoppm -png -r 60 -f 1 -l 1 "$out/report.pdf" "$out/report-page"
echo "first page: $out/report-page-01.png"
