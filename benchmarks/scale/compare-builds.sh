#!/usr/bin/env bash
# Two builds of almanac ingesting the same folder of pages into a new SQLite archive, alternating
# run by run (farm-bench pairs them, so a shared machine's drift falls on both): the figure to quote
# is the median of the A/B wall and cpu ratios.
#
#   benchmarks/scale/compare-builds.sh NEW_BINARY OLD_BINARY PAGES_DIR [RUNS]
#
# PAGES_DIR: e.g. `almanac generate --pages 10000 --out /tmp/gen10k --seed 1`. RUNS: pairs (3).
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
NEW=$(realpath "$1"); OLD=$(realpath "$2"); PAGES=$(realpath "$3"); RUNS=${4:-3}
command -v farm-bench >/dev/null || { echo "farm-bench is not on PATH" >&2; exit 1; }
WORK=$(mktemp -d /tmp/almanac-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# One run: a fresh archive, the ingest's own output thrown away.
cat > "$WORK/ingest.sh" <<'RUN'
#!/bin/sh
rm -f "$3" "$3-wal" "$3-shm"
exec "$1" ingest --db "$3" --paper 岚江日报 --jobs 2 "$2" >/dev/null 2>&1
RUN
chmod +x "$WORK/ingest.sh"
farm-bench -n "$RUNS" --timeout 3600 \
    --vs "$WORK/ingest.sh $OLD $PAGES $WORK/old.sqlite" -- "$WORK/ingest.sh" "$NEW" "$PAGES" "$WORK/new.sqlite"
