#!/usr/bin/env bash
# The web benchmark: `wrk` against GET /api/v1/search of a release-built `almanac serve` over an
# archive of about ARTICLES articles (default 100000): with the search response cache (the default)
# over queries drawn from a Zipf distribution of the archive's own headline words (search logs follow a
# power law; make_queries.py), then over 32 fixed queries with and without the cache. Prints requests/s
# and the 50th and 99th-percentile latency of each.
#
#   benchmarks/web/run.sh [ARTICLES]
#
# The archive is built once into $ALMANAC_BENCH_DIR (default /tmp/almanac-web-bench) and reused:
# pages from `almanac generate`, ingested with `almanac ingest` (without `generate`, varied copies of
# the demo pages from make_pages.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=${1:-100000}
WORK=${ALMANAC_BENCH_DIR:-/tmp/almanac-web-bench}
DURATION=${ALMANAC_BENCH_SECONDS:-20}
mkdir -p "$WORK"

if ! command -v wrk >/dev/null; then
    echo "run.sh: installing wrk (Debian)" >&2
    sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y --no-install-recommends wrk || { echo "run.sh: cannot install wrk" >&2; exit 1; }
fi

nice swift build -c release --scratch-path .build-release --product almanac
BIN=.build-release/release/almanac
DB="$WORK/archive-$TARGET.sqlite"

if [ ! -f "$DB" ]; then
    rm -rf "$WORK/pages" "$WORK/probe" "$WORK/probe.sqlite"
    if "$BIN" --help | grep -qE '^ +generate'; then
        # Generated pages (about 10 KB, 8-12 articles each); a few first, to learn articles per page.
        "$BIN" generate --pages 40 --out "$WORK/probe" >/dev/null
        per=$("$BIN" ingest --db "$WORK/probe.sqlite" --json "$WORK/probe" | sed -E 's/.*"articles":([0-9]+).*/\1/')
        # 5 % over the probe's estimate: a probe of 40 pages overstates articles a page a little.
        pages=$(( (TARGET * 40 * 105 / 100 + per - 1) / per ))
        "$BIN" generate --pages "$pages" --out "$WORK/pages" >/dev/null
        echo "run.sh: ingesting $pages generated pages (about $(( per / 40 )) articles a page)" >&2
    else
        # Varied copies of the demo pages (see make_pages.py); one round first, to learn its articles.
        python3 benchmarks/web/make_pages.py demo/pages "$WORK/probe" 1 >/dev/null
        per_round=$("$BIN" ingest --db "$WORK/probe.sqlite" --json "$WORK/probe" | sed -E 's/.*"articles":([0-9]+).*/\1/')
        rounds=$(( (TARGET + per_round - 1) / per_round ))
        python3 benchmarks/web/make_pages.py demo/pages "$WORK/pages" "$rounds"
        echo "run.sh: ingesting $rounds rounds of the demo pages ($per_round articles a round)" >&2
    fi
    "$BIN" ingest --db "$DB.partial" --json "$WORK/pages" | tail -1
    for suffix in "" -wal -shm; do
        if [ -f "$DB.partial$suffix" ]; then mv "$DB.partial$suffix" "$DB$suffix"; fi
    done
    rm -rf "$WORK/pages" "$WORK/probe" "$WORK/probe.sqlite"
fi

serve_and_measure() {
    local label=$1; shift
    local script=$1; shift
    local out="$WORK/serve.out"
    "$BIN" serve --db "$DB" --port 0 --log-level warning "$@" >"$out" 2>"$WORK/serve.err" &
    local pid=$!
    local url=""
    for _ in $(seq 1 300); do
        url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$out" || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    if [ -z "$url" ]; then echo "run.sh: the server did not start" >&2; cat "$WORK/serve.err" >&2; kill "$pid"; exit 1; fi
    if [ "$label" = "cache, Zipf" ]; then
        curl -s "$url/api/v1/stats" | sed -E 's/.*"articles":([0-9]+).*/archive: \1 articles/'
        echo
    fi
    wrk -t2 -c16 -d5s -s "$script" "$url" >/dev/null   # warm-up
    local result
    result=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s "$script" "$url")
    kill -TERM "$pid"
    wait "$pid" || true
    local rps p99 p50
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
    local errors
    errors=$(echo "$result" | grep -E "Non-2xx|Socket errors" || true)
    printf '%-30s %10s req/s   p50 %8s   p99 %8s   %s\n' "search, $label" "$rps" "$p50" "$p99" "$errors"
}

QUERIES=${ALMANAC_BENCH_QUERIES:-5000}
python3 benchmarks/web/make_queries.py "$DB" "$BIN" "$WORK/zipf.lua" --queries "$QUERIES"
echo "wrk -t2 -c16 -d${DURATION}s, limit=20 ($(nproc) cores, shared; load $(cut -d' ' -f1-3 /proc/loadavg))"
serve_and_measure "cache, Zipf" "$WORK/zipf.lua" --search-cache 1024
serve_and_measure "cache, 32 queries" benchmarks/web/queries.lua --search-cache 1024
serve_and_measure "no cache, 32 queries" benchmarks/web/queries.lua --search-cache 0
serve_and_measure "no cache, Zipf" "$WORK/zipf.lua" --search-cache 0
