#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: `bash scripts/test.sh`.
# It installs what the tests need and fails loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/seeds ]; then
    echo "scripts/test.sh: ../shared (seeds and gold) must sit beside this checkout" >&2
    exit 1
fi

# SQLite archives deflate page text with the system's zlib (a Swift prerequisite on Linux, usually there).
if [ ! -f /usr/include/zlib.h ]; then
    echo "scripts/test.sh: installing zlib1g-dev (the archive compresses page text with zlib)" >&2
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends zlib1g-dev; }; then
        echo "scripts/test.sh: cannot install zlib1g-dev; the build needs zlib.h" >&2
        exit 1
    fi
fi

# The store tests start a throwaway PostgreSQL 15 server (Debian's postgresql-15 package).
PG_BIN=${ALMANAC_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ] || [ ! -x "$PG_BIN/postgres" ]; then
    echo "scripts/test.sh: installing PostgreSQL 15 (no server binaries in $PG_BIN)" >&2
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends postgresql-15; }; then
        echo "scripts/test.sh: cannot install postgresql-15; the PostgreSQL store tests need it" >&2
        exit 1
    fi
    if [ ! -x "$PG_BIN/initdb" ]; then
        echo "scripts/test.sh: postgresql-15 is installed but $PG_BIN/initdb is missing" >&2
        exit 1
    fi
fi

# The browser test drives Debian's chromium headless over the built server (CJK fonts so its
# screenshots show the Chinese); it fails, never skips, when chromium is missing.
CHROMIUM=${ALMANAC_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "scripts/test.sh: installing chromium and fonts-noto-cjk (the browser test needs them)" >&2
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    if ! { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk; }; then
        echo "scripts/test.sh: cannot install chromium; the browser test of the web app needs it" >&2
        exit 1
    fi
    if [ ! -x "$CHROMIUM" ]; then
        echo "scripts/test.sh: chromium is installed but $CHROMIUM is missing; set ALMANAC_CHROMIUM" >&2
        exit 1
    fi
fi

swift build --build-tests
swift test --skip-build --disable-xctest 2>&1 | tee test-output.log
# Swift Testing's closing line; refuse a run that executed nothing.
grep -Eq "Test run with [1-9][0-9]* tests? .*passed" test-output.log
