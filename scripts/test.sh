#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: `bash scripts/test.sh`.
# It installs what the tests need and fails loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/seeds ]; then
    echo "scripts/test.sh: ../shared (seeds and gold) must sit beside this checkout" >&2
    exit 1
fi

swift build --build-tests
swift test --skip-build --disable-xctest 2>&1 | tee test-output.log
# Swift Testing's closing line; refuse a run that executed nothing.
grep -Eq "Test run with [1-9][0-9]* tests? .*passed" test-output.log
