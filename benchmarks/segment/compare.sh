#!/usr/bin/env bash
# Compares jieba, rjieba and Almanac's segmenter in one run on the same inputs:
# F1 on the SIGHAN 2005 PKU and MSR test sets, MB/s on a ~20 MB corpus, lexicon load time and
# peak memory. Prints a markdown table.
#
# Usage: benchmarks/segment/compare.sh [EVAL_DIR]   (default ../shared/eval/segmentation)
# Needs python3 (with venv), /usr/bin/time and network access to PyPI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
eval_dir="${1:-$root/../shared/eval/segmentation}"
eval_dir="$(cd "$eval_dir" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building almanac (release, --scratch-path .build-release)…" >&2
(cd "$root" && swift build -c release --scratch-path .build-release --product almanac >&2)
almanac="$root/.build-release/release/almanac"

echo "installing jieba and rjieba into a throwaway virtualenv…" >&2
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet jieba rjieba

"$work/venv/bin/python" "$here/compare.py" --almanac "$almanac" --eval "$eval_dir" --work "$work"
