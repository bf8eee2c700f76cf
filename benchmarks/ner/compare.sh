#!/usr/bin/env bash
# Almanac's entity recogniser beside jieba's part-of-speech tagger (nr/ns/nt → PER/LOC/ORG) on the
# MSRA and People's Daily NER test sets, measured in the same run. jieba comes from PyPI into a
# throwaway virtualenv; Almanac is the debug build of this checkout (scores do not depend on the build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
eval_dir="${EVAL_DIR:-$root/../shared/eval/ner}"
venv="$(mktemp -d)"
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet jieba==0.42.1
(cd "$root" && nice swift build --product almanac >/dev/null)
"$venv/bin/python" "$here/compare.py" "$root/.build/debug/almanac" \
    "$eval_dir/msra_test_bio.txt" "$eval_dir/peoples_daily_test_bio.txt"
