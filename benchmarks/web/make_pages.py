#!/usr/bin/env python3
"""Writes ROUNDS varied copies of the demo pages, for a large archive to load-test the server.

Until `almanac generate` exists, this is how the web benchmark builds its archive: every copy of
a demo page gets its own issue date (one day per round from 2000-01-01), every number in its text
changed (same number of digits, deterministic), and the invented district names rotated, so no
two pages have the same bytes and the search index sees varied text. The demo pages are our own
writing about an invented city; nothing here comes from the seeds or the gold.

usage: make_pages.py DEMO_DIR OUT_DIR ROUNDS
"""
import datetime
import pathlib
import random
import re
import sys

DISTRICTS = ["北湾区", "南屿区", "东湖区", "西林区", "青岭县", "石桥县", "白鹭河镇", "蒿坨子镇"]


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SystemExit("cannot decode a demo page")


def vary(text: str, rng: random.Random, shift: int) -> str:
    def number(match: re.Match) -> str:
        digits = match.group(0)
        first = str(rng.randint(1, 9)) if len(digits) > 1 or digits != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    text = re.sub(r"[0-9]+", number, text)
    pattern = re.compile("|".join(map(re.escape, DISTRICTS)))
    return pattern.sub(lambda m: DISTRICTS[(DISTRICTS.index(m.group(0)) + shift) % len(DISTRICTS)], text)


def main() -> None:
    demo, out, rounds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    pages = sorted(demo.glob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    start = datetime.date(2000, 1, 1)
    for round_ in range(rounds):
        day = start + datetime.timedelta(days=round_)
        folder = out / f"{day.year}" / f"{day:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(pages, 1):
            rng = random.Random(round_ * 1000 + number)
            text = vary(decode(page.read_bytes()), rng, round_)
            (folder / f"{day.isoformat()}_lanjiang-daily_{number:02d}.txt").write_text(text, encoding="utf-8")
    print(f"make_pages.py: {rounds * len(pages)} pages in {out}")


if __name__ == "__main__":
    main()
