#!/usr/bin/env python3
"""Build the demo pages and their layout gold from the annotated sources in this folder.

Each `*.src` file describes one page. Every non-empty line is one block of the printed page
(blocks are joined by a blank line, as text extraction gives them), unless it starts with `@`:

  @page NAME            output file name (the date in it is the page date)
  @encoding E           utf-8 | gb18030 | utf-8-bom-crlf
  @lead N               number of empty lines before the first block
  @blank                an empty block (adds two more line breaks)
  @art                  a new article starts; the plain blocks after it are its body
  @x TEXT               a raw-only block: headline, label, byline, credit, caption, subhead
  @r TEXT               a raw-only block that repeats body text (counted in paragraphs_dup)
  @headline/@sub/@section/@kind/@bylines/@photographers/@captions/@must/@mustnot/
  @first/@last/@note    the gold of the current article (lists: one item per line)

Inline, inside a body block:
  ⟦B⟧       column break: the block ends here, the sentence goes on in the next block
  ⟦A⟧ ⟦a⟧   stray " and " / "and" printed where the text reads 和
  ⟦X:…⟧     raw-only text (dateline, glued byline, a caption dropped into a sentence);
            inside it ⏎ is a line break

The checker then proves the gold against the repaired body: every must_contain is in it (with
whitespace removed), every broken place is spanned by some must_contain, no must_not_contain is
in it, first_words/last_words start and end it, and the headline is printed on the page.

Run: python3 build.py  (writes ../pages/*.txt and ../gold/layout.jsonl)
"""

import json
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
PAGES = HERE.parent / "pages"
GOLD = HERE.parent / "gold"

INLINE = re.compile(r"⟦(B|A|a|X:[^⟧]*)⟧")
LIST_KEYS = {"bylines", "photographers", "captions", "must", "mustnot"}


def squash(s):
    return re.sub(r"\s+", "", s)


def render(text):
    """Returns (raw text, clean text, clean offsets of broken places)."""
    raw, clean, breaks = [], [], []
    pos = 0
    for m in INLINE.finditer(text):
        raw.append(text[pos : m.start()])
        clean.append(text[pos : m.start()])
        tag = m.group(1)
        if tag == "B":
            raw.append("\n\n")
            breaks.append(len(squash("".join(clean))))
        elif tag in ("A", "a"):
            raw.append(" and " if tag == "A" else "and")
            breaks.append(len(squash("".join(clean))))
            clean.append("和")
        else:
            piece = tag[2:].replace("⏎", "\n")
            raw.append(piece)
            if "\n" in piece:
                breaks.append(len(squash("".join(clean))))
        pos = m.end()
    raw.append(text[pos:])
    clean.append(text[pos:])
    return "".join(raw), "".join(clean), breaks


def parse(path):
    page = {"lead": 2, "encoding": "utf-8", "blocks": [], "articles": []}
    art = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("@"):
            key, _, val = line[1:].partition(" ")
            if key == "page":
                page["name"] = val.strip()
            elif key == "encoding":
                page["encoding"] = val.strip()
            elif key == "lead":
                page["lead"] = int(val)
            elif key == "blank":
                page["blocks"].append("")
            elif key == "art":
                art = {"paras": [], "breaks": [], "dup": 0, "gold": {k: [] for k in LIST_KEYS}}
                page["articles"].append(art)
            elif key in ("x", "r"):
                page["blocks"].append(val)
                if key == "r":
                    art["dup"] += 1
                    art.setdefault("repeats", []).append(val)
            elif key in LIST_KEYS:
                art["gold"][key].append(val)
            elif key in ("headline", "sub", "section", "kind", "first", "last", "note"):
                art["gold"][key] = val
            else:
                sys.exit(f"{path}:{lineno}: unknown directive @{key}")
        else:
            raw, clean, breaks = render(line)
            page["blocks"].append(raw)
            offset = len(squash("\n".join(art["paras"])))
            art["breaks"] += [offset + b for b in breaks]
            art["paras"].append(clean)
    return page


def check(page, raw):
    problems = []
    flat_raw = squash(raw)
    for i, art in enumerate(page["articles"], 1):
        g, body = art["gold"], "\n".join(art["paras"])
        flat = squash(body)
        who = f'{page["name"]} #{i} {g.get("headline", "?")}'
        for s in g["must"]:
            if squash(s) not in flat:
                problems.append(f"{who}: must_contain not in body: {s}")
        for s in g["mustnot"]:
            if squash(s) in flat:
                problems.append(f"{who}: must_not_contain in body: {s}")
            if squash(s) not in flat_raw:
                problems.append(f"{who}: must_not_contain not on the page at all: {s}")
        for b in art["breaks"]:
            covered = False
            for s in g["must"]:
                t = squash(s)
                k = flat.find(t)
                while k != -1:
                    if k < b < k + len(t):
                        covered = True
                        break
                    k = flat.find(t, k + 1)
            if not covered:
                problems.append(f"{who}: no must_contain spans the broken place at …{flat[max(0, b - 8):b]}|{flat[b:b + 8]}…")
        if not body.startswith(g["first"]):
            problems.append(f"{who}: first_words do not start the body: {g['first']}")
        if not body.endswith(g["last"]):
            problems.append(f"{who}: last_words do not end the body: {g['last']} / {body[-20:]}")
        for key in ("first", "last"):
            if g[key] not in raw:
                problems.append(f"{who}: {key}_words are not verbatim on the page: {g[key]}")
        if squash(g["headline"]) not in flat_raw:
            problems.append(f"{who}: headline not printed on the page")
        if g.get("sub") and squash(g["sub"]) not in flat_raw:
            problems.append(f"{who}: subheadline not printed on the page")
        for c in g["captions"]:
            if c in body:
                problems.append(f"{who}: caption inside body: {c}")
        for r in art.get("repeats", []):
            if squash(r).replace("and", "和") not in flat:
                problems.append(f"{who}: repeated block is not body text: {r[:20]}")
    return problems


def gold_line(page):
    articles = []
    for art in page["articles"]:
        g = art["gold"]
        a = {
            "headline": g["headline"],
            "subheadline": g.get("sub", ""),
            "section": g.get("section", ""),
            "kind": g.get("kind", "news"),
            "bylines": g["bylines"],
            "photographers": g["photographers"],
            "captions": g["captions"],
            "must_contain": g["must"],
            "must_not_contain": g["mustnot"],
            "paragraphs_dup": art["dup"],
            "first_words": g["first"],
            "last_words": g["last"],
        }
        if g.get("note"):
            a["note"] = g["note"]
        articles.append(a)
    return json.dumps({"page": page["name"], "articles": articles}, ensure_ascii=False)


def main():
    PAGES.mkdir(parents=True, exist_ok=True)
    GOLD.mkdir(parents=True, exist_ok=True)
    lines, problems = [], []
    for src in sorted(HERE.glob("*.src")):
        page = parse(src)
        raw = "\n" * page["lead"] + "\n\n".join(page["blocks"]) + "\n"
        problems += check(page, raw)
        enc = page["encoding"]
        if enc == "utf-8":
            data = raw.encode("utf-8")
        elif enc == "gb18030":  # written as UTF-8 first, converted the way a user would
            data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "GB18030"], input=raw.encode("utf-8"),
                                  capture_output=True, check=True).stdout
        elif enc == "utf-8-bom-crlf":
            data = b"\xef\xbb\xbf" + raw.replace("\n", "\r\n").encode("utf-8")
        else:
            sys.exit(f"{src}: unknown encoding {enc}")
        (PAGES / page["name"]).write_bytes(data)
        lines.append(gold_line(page))
    (GOLD / "layout.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(lines)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
