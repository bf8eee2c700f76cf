#!/usr/bin/env bash
# Retrains the entity tagger and writes Sources/AlmanacExtract/Resources/ner.bin.
#
# Trains on the People's Daily NER *development* file only (research use only; see
# Sources/AlmanacExtract/Resources/README.md) — never on a test file. Deterministic: the same
# corpus, lexicon and place tables give the same bytes.
#
#   scripts/ner/train.sh                      # the shipped model: all of the dev file
#   HOLDOUT=0.2 scripts/ner/train.sh /tmp/x   # train on 80%, print F1 on the last 20% each epoch
#                                             # and for each --minimum-weight (pruning) threshold
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
corpus="${CORPUS:-$root/../shared/eval/ner/peoples_daily_dev_bio.txt}"
output="${1:-$root/Sources/AlmanacExtract/Resources/ner.bin}"
cd "$root"
nice swift build --product almanac-bench >/dev/null
.build/debug/almanac-bench train-entities --corpus "$corpus" --output "$output" \
    --epochs 13 --minimum-count 2 --minimum-weight 1 --holdout "${HOLDOUT:-0}"
