#!/usr/bin/env bash
# Scale benchmark (issue 5): builds release, generates PAGES pages with `almanac generate`, ingests them
# into SQLite and into a throwaway PostgreSQL server in the same run, and prints pages/s, archive size
# against the raw page text, and search latency (p50/p99) over a fixed list of 1–3-word queries.
#
#   benchmarks/scale/run.sh                 # 10,000 pages (about 100,000 articles)
#   PAGES=1000 JOBS=2 benchmarks/scale/run.sh
#
# Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin, or ALMANAC_POSTGRES_BIN) and, as root, the
# `postgres` user to run the server. Everything goes to a temporary folder removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAGES=${PAGES:-10000}
JOBS=${JOBS:-2}
ROUNDS=${ROUNDS:-20}
PGBIN=${ALMANAC_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
BIN=.build-release/release

echo "== build (release, .build-release)"
nice swift build -c release --scratch-path .build-release --product almanac >/dev/null
nice swift build -c release --scratch-path .build-release --product almanac-store-bench >/dev/null

WORK=$(mktemp -d /tmp/almanac-scale.XXXXXX)
chmod 755 "$WORK"
PGDATA_DIR="$WORK/pg"
cleanup() {
    if [ -f "$PGDATA_DIR/data/postmaster.pid" ]; then
        as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
trap cleanup EXIT

seconds_since() { python3 -c "import time,sys; print('%.2f' % (time.time() - float(sys.argv[1])))" "$1"; }
now() { python3 -c 'import time; print(time.time())'; }
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }

echo "== generate $PAGES pages"
"$BIN/almanac" generate --pages "$PAGES" --out "$WORK/pages" --seed 1
RAW=$(find "$WORK/pages" -name '*.txt' -print0 | xargs -0 cat | wc -c)
echo "raw page text: $RAW bytes"

INGEST_FLAGS=()
if "$BIN/almanac" ingest --help | grep -q -- '--jobs'; then
    INGEST_FLAGS=(--jobs "$JOBS")
else
    echo "note: this almanac's ingest has no --jobs yet: one page at a time"
fi

echo "== ingest into SQLite ${INGEST_FLAGS[*]}"
start=$(now)
"$BIN/almanac" ingest --db "$WORK/archive.sqlite" --paper 岚江日报 "${INGEST_FLAGS[@]}" "$WORK/pages" | tail -n 1
SQLITE_SECONDS=$(seconds_since "$start")
python3 - "$WORK/archive.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
rows = db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6").fetchall()
print("largest parts: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in rows))
PY
SQLITE_BYTES=$(stat -c %s "$WORK/archive.sqlite")
[ -f "$WORK/archive.sqlite-wal" ] && SQLITE_BYTES=$((SQLITE_BYTES + $(stat -c %s "$WORK/archive.sqlite-wal")))

echo "== PostgreSQL: throwaway server"
mkdir -p "$PGDATA_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR/data" -U postgres -A trust -E UTF8 --locale C.UTF-8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" -w -o \
    "-p $PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres almanac
URL="postgres://postgres@127.0.0.1:$PORT/almanac"
echo "server on 127.0.0.1:$PORT, default settings (fsync on)"

echo "== ingest into PostgreSQL ${INGEST_FLAGS[*]}"
start=$(now)
"$BIN/almanac" ingest --db "$URL" --paper 岚江日报 "${INGEST_FLAGS[@]}" "$WORK/pages" | tail -n 1
PG_SECONDS=$(seconds_since "$start")
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d almanac -X -q -c "VACUUM ANALYZE" >/dev/null
PG_BYTES=$("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d almanac -X -A -t -c "SELECT pg_database_size('almanac')")
EMPTY_BYTES=$("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d almanac -X -A -t -c "SELECT pg_database_size('template1')")

echo "== search latency"
"$BIN/almanac-store-bench" search --db "$WORK/archive.sqlite" --rounds "$ROUNDS" --label sqlite
"$BIN/almanac-store-bench" search --db "$URL" --rounds "$ROUNDS" --label postgres

echo "== summary ($PAGES pages, $RAW bytes of page text; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "ingest SQLite: $(ratio "$PAGES" "$SQLITE_SECONDS") pages/s ($SQLITE_SECONDS s)"
echo "ingest PostgreSQL: $(ratio "$PAGES" "$PG_SECONDS") pages/s ($PG_SECONDS s)"
echo "size SQLite: $SQLITE_BYTES bytes = $(ratio "$SQLITE_BYTES" "$RAW") × raw page text"
echo "size PostgreSQL: $PG_BYTES bytes = $(ratio "$PG_BYTES" "$RAW") × raw page text ($(ratio "$((PG_BYTES - EMPTY_BYTES))" "$RAW") × without the empty database's $EMPTY_BYTES bytes)"
