"""Turns cpca's adcodes.csv into places.tsv: code, name, level, parent code, short form (tab separated).

level is province, city or county, read from the GB/T 2260 code: PP0000 province, PPCC00 city,
anything else county. The short form is the name without its
division word (省 市 县 区 自治区 自治州 自治县 旗 地区 盟 特别行政区) and without the nationality
before 自治 (cpca's 56_nations.csv), kept when two or more characters remain (锦州市 → 锦州,
延边朝鲜族自治州 → 延边); empty otherwise. Placeholders (市辖区, 县, 省直辖县级行政区划 …) are dropped; a county whose
city code is a placeholder or missing hangs from its province.
"""
import csv
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级"}


SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "矿区", "省", "市", "县", "区", "旗", "盟"]


def short_form(name, nations):
    base = name
    if "自治" in base:
        base = base[: base.index("自治")]
        changed = True
        while changed and base:
            changed = False
            for nation in nations:
                for form in (nation, nation[:-1] if nation.endswith("族") else None):
                    if form and len(form) >= 1 and base.endswith(form) and len(base) - len(form) >= 2:
                        base = base[: -len(form)]
                        changed = True
                        break
                if changed:
                    break
    else:
        for suffix in SUFFIXES:
            if base.endswith(suffix) and len(base) > len(suffix):
                base = base[: -len(suffix)]
                break
    return base if len(base) >= 2 and base != name else ""


def main(source, nations_file, target):
    with open(nations_file, encoding="utf-8") as f:
        nations = sorted({line.strip().split(",")[0] for line in f if line.strip() and "族" in line}, key=len, reverse=True)
    rows = {}
    with open(source, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            name = row["name"].strip()
            if name in PLACEHOLDERS or not name:
                continue
            rows[code] = name
    out = []
    for code, name in rows.items():
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", code[:2] + "0000"
        else:
            level = "county"
            city = code[:4] + "00"
            parent = city if city in rows else code[:2] + "0000"
        out.append((code, name, level, parent if parent in rows else "", short_form(name, nations)))
    out.sort()
    with open(target, "w", encoding="utf-8") as f:
        for r in out:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
