#!/usr/bin/env bash
# Regenerates Sources/AlmanacExtract/Resources/places.tsv (Chinese administrative divisions down to
# county level) from the adcodes table of the MIT-licensed `cpca` package on PyPI, and copies its
# licence beside the generated file. Needs python3 and pip; nothing is installed system-wide.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../Sources/AlmanacExtract/Resources"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --dest "$work" cpca==0.5.5
(cd "$work" && python3 -m zipfile -e cpca-0.5.5-py3-none-any.whl wheel)
python3 "$here/generate.py" "$work/wheel/cpca/resources/adcodes.csv" "$work/wheel/cpca/resources/56_nations.csv" "$out/places.tsv"
{
    echo "places.tsv is derived from cpca/resources/adcodes.csv of the Python package cpca 0.5.5"
    echo "(https://github.com/DQinYuan/chinese_province_city_area_mapper, PyPI 'cpca') by"
    echo "scripts/places/generate.sh. cpca is distributed under the following licence:"
    echo
    cat "$work/wheel/cpca-0.5.5.dist-info/LICENSE"
} > "$out/LICENSE-cpca.txt"
echo "wrote $out/places.tsv ($(wc -l < "$out/places.tsv") divisions)"
