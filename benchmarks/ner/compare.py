"""Scores jieba's part-of-speech tagger as a named-entity recogniser on BIO files, beside Almanac.

jieba.posseg cuts each sentence into words with tags; nr (and nrfg, nrt) → PER, ns → LOC, nt → ORG.
Each tagged word is one entity: consecutive words with the same tag stay separate entities (jieba
has no notion of a multi-word name). Scoring is conlleval's: exact span and type.
Prints one table row per system and file; Almanac's figures come from `almanac eval ner --json`.
"""
import json
import subprocess
import sys
import time

TYPES = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def sentences(path):
    chars, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), tags
                chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            chars.append(parts[0][0])
            tags.append(parts[-1])
    if chars:
        yield "".join(chars), tags


def spans(tags):
    out, current = [], None
    for i, tag in enumerate(tags):
        kind = tag[2:]
        if tag.startswith("I-") and current and current[0] == kind:
            current[2] = i + 1
            continue
        if current:
            out.append(tuple(current))
        current = [kind, i, i + 1] if tag[:2] in ("B-", "I-") else None
    if current:
        out.append(tuple(current))
    return out


def score_jieba(path):
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)
    gold_n = pred_n = correct = 0
    for text, tags in sentences(path):
        gold = set(spans(tags))
        predicted = set()
        offset = 0
        for pair in posseg.cut(text, HMM=True):
            word, flag = pair.word, pair.flag
            if flag in TYPES:
                predicted.add((TYPES[flag], offset, offset + len(word)))
            offset += len(word)
        gold_n += len(gold)
        pred_n += len(predicted)
        correct += len(gold & predicted)
    return prf(correct, pred_n, gold_n)


def prf(correct, predicted, gold):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_almanac(almanac, path):
    result = subprocess.run([almanac, "eval", "ner", "--gold", path, "--json"], check=True, capture_output=True, text=True)
    overall = json.loads(result.stdout)["overall"]
    return overall["precision"], overall["recall"], overall["f1"]


def main():
    almanac, files = sys.argv[1], sys.argv[2:]
    rows = {"almanac": [], "jieba": []}
    for path in files:
        start = time.time()
        rows["almanac"].append(score_almanac(almanac, path))
        rows["jieba"].append(score_jieba(path))
        print(f"scored {path} in {time.time() - start:.0f} s", file=sys.stderr)
    names = [p.rsplit("/", 1)[-1].replace("_bio.txt", "") for p in files]
    print("| system | " + " | ".join(f"{n} P / R / F1" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for system, scores in rows.items():
        cells = " | ".join(f"{p:.3f} / {r:.3f} / **{f:.3f}**" for p, r, f in scores)
        print(f"| {system} | {cells} |")


if __name__ == "__main__":
    main()
