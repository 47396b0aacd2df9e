#!/usr/bin/env bash
# Jianzheng against the plain-Python baseline on a generated realistic catalogue (issue 20), paired: the two
# commands run in turn, RUNS times each, and the ratio is taken pair by pair. Prints the median wall, CPU and peak
# memory of each and the median ratios. Checks first that every verdict agrees.
# Usage: scripts/bench-baseline.sh DIR [RUNS]   (DIR from `jianzheng-bench generate`, holding baseline.json)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$1"
runs="${2:-5}"
swift build -c release --product jianzheng > /dev/null
jianzheng=(.build/release/jianzheng review --rules "$dir/rules" --corpus "$dir/legal-basis" "$dir/catalogue" --format jsonl --as-of 2026-01-01 --policy 基准政策 --quiet)
scratch=$(mktemp -d)
JIANZHENG_NO_CACHE=1 "${jianzheng[@]}" > "$scratch/jianzheng.jsonl"
python3 scripts/baseline-review.py "$dir/baseline.json" --compare "$scratch/jianzheng.jsonl"
for run in $(seq "$runs"); do
    JIANZHENG_NO_CACHE=1 /usr/bin/time -f "jianzheng %e %U %S %M" -a -o "$scratch/times" "${jianzheng[@]}" > /dev/null
    /usr/bin/time -f "baseline %e %U %S %M" -a -o "$scratch/times" python3 scripts/baseline-review.py "$dir/baseline.json" --out "$scratch/baseline.jsonl" 2> /dev/null
done
python3 - "$scratch/times" <<'PY'
import statistics, sys
rows = {"jianzheng": [], "baseline": []}
for line in open(sys.argv[1]):
    name, wall, user, system, peak = line.split()
    rows[name].append((float(wall), float(user) + float(system), int(peak) / 1024))
for name, values in rows.items():
    print("%-9s wall %.2f s  cpu %.2f s  peak %.0f MiB  (medians of %d)" % (
        name, statistics.median(v[0] for v in values), statistics.median(v[1] for v in values), statistics.median(v[2] for v in values), len(values)))
pairs = list(zip(rows["jianzheng"], rows["baseline"]))
print("jianzheng / baseline: wall %.2f×  cpu %.2f×  peak %.2f×  (median of per-pair ratios)" % (
    statistics.median(a[0] / b[0] for a, b in pairs), statistics.median(a[1] / b[1] for a, b in pairs), statistics.median(a[2] / b[2] for a, b in pairs)))
PY
rm -rf "$scratch"
