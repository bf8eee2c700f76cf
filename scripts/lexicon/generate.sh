#!/usr/bin/env bash
# Regenerates Sources/AlmanacText/Resources/{lexicon.bin,hmm.bin} from jieba's
# MIT-licensed dictionary and HMM tables, installed from PyPI into a throwaway venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../Sources/AlmanacText/Resources"
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "jieba==0.42.1"
PYTHONPATH="$here" "$venv/bin/python" "$here/generate.py" "$out"
