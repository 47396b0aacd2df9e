#!/usr/bin/env bash
# Renders the hearing reports and the published lists and checks them as a reader would see them: every HTML
# printed to PDF and screenshotted in headless Chromium, every DOCX and XLSX converted to PDF by LibreOffice,
# pages turned into PNG; then scripts/check-reports.py checks them mechanically (numbering, codes in Chinese text,
# DOCX column widths, the cover, landscape list pages, numbers in the workbook).
#
# Usage: scripts/check-reports.sh [OUT_DIR] [--images DIR]   (default out/reports; the page pictures go to
# OUT_DIR/pictures, or to --images DIR — docs/images for the ones docs/reports.md shows). Needs: chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui
# poppler-utils (apt) and Pillow (pip) for the pictures; installed when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/reports
images=""
while [ $# -gt 0 ]; do
    case "$1" in
        --images) images="$2"; shift 2 ;;
        *) out="$1"; shift ;;
    esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null || ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "install chromium, LibreOffice (writer, calc), fonts-noto-cjk and poppler-utils first" >&2; exit 2; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null
fi
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow

swift build -q --product jianzheng
jz=(.build/debug/jianzheng)
unit=(--unit 甘肃省人民政府审改办 --date 2026-12-02)
"${jz[@]}" report --quiet --format html "${unit[@]}" --out "$out/catalogue.html"
"${jz[@]}" report --quiet --format docx "${unit[@]}" --out "$out/catalogue.docx"
"${jz[@]}" report --quiet --format md "${unit[@]}" --out "$out/catalogue.md"
"${jz[@]}" report --quiet --format html "${unit[@]}" --procedure 620000-GA-0030 --out "$out/procedure.html"
"${jz[@]}" report --quiet --format docx "${unit[@]}" --procedure 620000-GA-0030 --out "$out/procedure.docx"
"${jz[@]}" report --quiet --format html "${unit[@]}" --with examples/proposals/居住证与公租房循环证明.jz --out "$out/proposal.html"
"${jz[@]}" report --quiet --format docx "${unit[@]}" --with examples/proposals/居住证与公租房循环证明.jz --out "$out/proposal.docx"
"${jz[@]}" export --format xlsx --list all --out "$out/lists.xlsx" >/dev/null
"${jz[@]}" guide 620000-MZ-0010 620000-JY-0012 --format html --quiet --out "$out/guide.html"
"${jz[@]}" guide 620000-MZ-0010 620000-JY-0012 --format docx --quiet --out "$out/guide.docx"

# LibreOffice keeps its profile in HOME; a private one keeps runs independent.
export HOME="$out/.home"
mkdir -p "$HOME"
for html in catalogue procedure proposal guide; do
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$html.html.pdf" \
        "file://$out/$html.html" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 \
        --screenshot="$out/$html.screen.png" "file://$out/$html.html" 2>/dev/null
done
(cd "$out" && soffice --headless --convert-to pdf catalogue.docx procedure.docx proposal.docx guide.docx lists.xlsx >/dev/null 2>&1)
for pdf in "$out"/*.pdf; do
    printf '%-40s %s pages\n' "$(basename "$pdf")" "$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')"
done
# The pages as pictures too (PNG): into --images, else next to the PDFs.
python3 scripts/check-reports.py "$out" --images "${images:-$out/pictures}"
