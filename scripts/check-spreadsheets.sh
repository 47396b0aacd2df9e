#!/usr/bin/env bash
# Exports the catalogue list as XLSX, has LibreOffice convert it to CSV (so another tool reads our file), and
# checks that every row equals the review's verdict for that procedure and material.
# Needs: apt-get install libreoffice-calc-nogui. Output goes to ${1:-out/spreadsheets}.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/spreadsheets}"
mkdir -p "$out"
swift build -q
jz=.build/debug/jianzheng
$jz export --list catalogue --format xlsx --out "$out/catalogue.xlsx"
$jz review examples/gansu --format json > "$out/review.json"
rm -f "$out/catalogue.csv"
(cd "$out" && soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' catalogue.xlsx >/dev/null 2>&1)
python3 - "$out/catalogue.csv" "$out/review.json" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header, body = rows[0], rows[1:]
verdicts = {"取消": "remove", "共享获取": "obtain-by-sharing", "告知承诺": "commitment", "保留": "keep"}
review = {(d["procedureID"], d["material"]): (d["verdict"], d["reason"]) for d in json.load(open(sys.argv[2]))["decisions"]}
at = {name: header.index(name) for name in ["事项编码", "申请材料", "审查结论", "理由代码"]}
seen = {(r[at["事项编码"]], r[at["申请材料"]]): (verdicts[r[at["审查结论"]]], r[at["理由代码"]]) for r in body}
assert seen == review, f"{len(set(seen.items()) ^ set(review.items()))} rows differ"
print(f"LibreOffice read {len(body)} rows; every row equals the review's verdict and reason")
PY
