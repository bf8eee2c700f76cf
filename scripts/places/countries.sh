#!/usr/bin/env bash
# Regenerates Sources/AlmanacExtract/Resources/countries.txt (the Chinese names of the world's
# countries and territories, one a line) from Debian's iso-codes package (ISO 3166-1 with its
# zh_CN translations, LGPL-2.1+), and copies its copyright file beside the generated file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../Sources/AlmanacExtract/Resources"
if [ ! -f /usr/share/iso-codes/json/iso_3166-1.json ] || [ ! -f /usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo ]; then
    apt-get install -y iso-codes >/dev/null
fi
python3 - "$out/countries.txt" <<'PY'
import gettext, json, re, sys
t = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["zh_CN"])
entries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
names = set()
for entry in entries:
    for field in ("name", "common_name", "official_name"):
        if field in entry:
            name = t.gettext(entry[field]).strip()
            if re.fullmatch(r"[\u4e00-\u9fff·]{2,12}", name):
                names.add(name)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for name in sorted(names):
        f.write(name + "\n")
PY
{
    echo "countries.txt is derived from Debian's iso-codes package (iso_3166-1.json and the zh_CN"
    echo "translations iso_3166-1.mo) by scripts/places/countries.sh. iso-codes' copyright file:"
    echo
    cat /usr/share/doc/iso-codes/copyright
    echo
    echo "The GNU Lesser General Public License, version 2.1:"
    echo
    cat /usr/share/common-licenses/LGPL-2.1
} > "$out/LICENSE-iso-codes.txt"
echo "wrote $out/countries.txt ($(wc -l < "$out/countries.txt") names)"
