#!/usr/bin/env bash
# The measurements of docs/performance.md in one go: generates the 1k, 50k and 500k catalogues of both shapes
# under DIR (default /tmp/bench; realistic in DIR/SIZE, shared-pool in DIR/SIZE-pool) when missing, builds the
# release binaries, runs the benchmark phase by phase with the corpus read from XML (JIANZHENG_NO_CACHE=1: the
# table) and with the corpus cache, and times the realistic shape against the plain-Python baseline
# (scripts/bench-baseline.sh), after timing lexing and parsing alone and loading the corpus alone. Usage: scripts/bench.sh [DIR] [SIZES…], e.g. scripts/bench.sh /tmp/bench 50k.
# 500k needs about 5 GB of memory and several minutes. 2m (2,000,000 procedures, realistic shape only, not in the
# default sizes) is generated without the baseline's plain form and timed once as a whole `review --format jsonl`
# with its peak memory: about 11 GB and two minutes on the 2-core machine of docs/performance.md.
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
        swift build -c release --product jianzheng > /dev/null
        echo "### 2m, review --format jsonl once, corpus from XML (wall s, user s, system s, peak KB)"
        JIANZHENG_NO_CACHE=1 /usr/bin/time -f "%e %U %S %M" .build/release/jianzheng review --rules "$dir/2m/rules" \
            --corpus "$dir/2m/legal-basis" "$dir/2m/catalogue" --format jsonl --as-of 2026-01-01 --policy 基准政策 --quiet | wc -l
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
