#!/usr/bin/env bash
# The measurements of docs/performance.md in one go: generates the 1k, 50k and 500k catalogues of both shapes
# under DIR (default /tmp/bench; realistic in DIR/SIZE, shared-pool in DIR/SIZE-pool) when missing, builds the
# release binaries, runs the benchmark phase by phase with the corpus read from XML (JIANZHENG_NO_CACHE=1: the
# table) and with the corpus cache, and times the realistic shape against the plain-Python baseline
# (scripts/bench-baseline.sh), after timing lexing and parsing alone and loading the corpus alone. Usage: scripts/bench.sh [DIR] [SIZES…], e.g. scripts/bench.sh /tmp/bench 50k.
# 500k needs about 5 GB of memory and several minutes. 2m (2,000,000 procedures, realistic shape only, not in the
# default sizes) is generated without the baseline's plain form and timed as a whole `review --format jsonl` with
# its peak memory, each run right after a run of 500k (PAIRS pairs, default 5), for the linearity target: the
# medians and the 2m median ÷ 4 × the 500k median. About 10 GB and ten minutes on the machine of docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/bench}"
shift || true
sizes=("${@:-1k 50k 500k}")
read -r -a sizes <<< "${sizes[*]}"
swift build -c release --product jianzheng-bench > /dev/null
bench=.build/release/jianzheng-bench
for size in "${sizes[@]}"; do
    if [ "$size" = 2m ]; then
        [ -d "$dir/2m/catalogue" ] || "$bench" generate --procedures 2000000 --seed 1 --out "$dir/2m" --no-baseline
        [ -d "$dir/500k/catalogue" ] || "$bench" generate --procedures 500000 --seed 1 --out "$dir/500k"
        swift build -c release --product jianzheng > /dev/null
        echo "### 2m after 500k, ${PAIRS:-5} pairs, review --format jsonl, corpus from XML (size, wall s, user s, system s, peak KB)"
        times=$(mktemp)
        for _ in $(seq "${PAIRS:-5}"); do
            for run in 500k 2m; do
                JIANZHENG_NO_CACHE=1 /usr/bin/time -f "$run %e %U %S %M" -a -o "$times" .build/release/jianzheng review \
                    --rules "$dir/$run/rules" --corpus "$dir/$run/legal-basis" "$dir/$run/catalogue" --format jsonl \
                    --as-of 2026-01-01 --policy 基准政策 --quiet > /dev/null
                tail -1 "$times"
            done
        done
        python3 - "$times" <<'PY'
import statistics, sys
rows = {"500k": [], "2m": []}
for line in open(sys.argv[1]):
    size, wall, user, system, peak = line.split()
    rows[size].append((float(wall), int(peak) / 1024 / 1024))
walls = {size: statistics.median(row[0] for row in values) for size, values in rows.items()}
for size, values in rows.items():
    print("%-4s wall %.1f s (%.1f–%.1f)  peak %.2f GiB (median of %d)" % (
        size, walls[size], min(v[0] for v in values), max(v[0] for v in values), statistics.median(v[1] for v in values), len(values)))
print("2m ÷ (4 × 500k): %.2f× of linear (medians); pair by pair %s" % (
    walls["2m"] / (4 * walls["500k"]), ", ".join("%.2f×" % (b[0] / (4 * a[0])) for a, b in zip(rows["500k"], rows["2m"]))))
PY
        continue
    fi
    case "$size" in
        1k) procedures=1000 runs=5 ;;
        50k) procedures=50000 runs=9 ;;
        500k) procedures=500000 runs=3 ;;
        *) echo "unknown size $size (1k, 50k, 500k or 2m)" >&2; exit 2 ;;
    esac
    [ -d "$dir/$size/catalogue" ] || "$bench" generate --procedures "$procedures" --seed 1 --out "$dir/$size"
    [ -d "$dir/$size-pool/catalogue" ] || "$bench" generate --shape shared-pool --procedures "$procedures" --seed 1 --out "$dir/$size-pool"
    for shape in "$size" "$size-pool"; do
        echo "### $shape, corpus from XML"
        JIANZHENG_NO_CACHE=1 "$bench" run --dir "$dir/$shape" --runs "$runs"
        echo "### $shape, corpus cache (the first run writes it)"
        "$bench" run --dir "$dir/$shape" --runs "$runs" --what-if false
    done
    echo "### $size, lexing and parsing alone (one core)"
    "$bench" parse --dir "$dir/$size" --runs 5
    echo "### $size, the corpus alone from XML (parse, validate, read) and the digest of what was read"
    "$bench" corpus --dir "$dir/$size" --runs 5
    echo "### $size, against the baseline"
    scripts/bench-baseline.sh "$dir/$size" "$(( runs < 5 ? runs : 5 ))"
done
