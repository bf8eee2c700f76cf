#!/usr/bin/env python3
"""Derive AlmanacText's lexicon and HMM resources from jieba (MIT licence).

Reads jieba's dict.txt ("word freq tag" per line) and its finalseg HMM
probabilities from the installed `jieba` package and writes:

  lexicon.bin  a prefix trie in breadth-first order (see Sources/AlmanacText/Segmentation/Lexicon+Loading.swift)
  hmm.bin      BMES start/transition/emission log-probabilities

Usage: generate.py OUTPUT_DIR
"""
import math
import os
import struct
import sys

import jieba
from jieba.finalseg.prob_emit import P as EMIT
from jieba.finalseg.prob_start import P as START
from jieba.finalseg.prob_trans import P as TRANS

from refine import refine_lexicon


def read_jieba_dictionary():
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    entries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 2:
                continue
            tag = parts[2] if len(parts) > 2 else ""
            entries.append((parts[0], int(parts[1]), tag))
    return entries


def write_lexicon(entries, path):
    """Writes the trie: labels (UInt16), child starts (UInt32), freqs (UInt32), tags (UInt8)."""
    tags = sorted({tag for _, _, tag in entries})
    tag_index = {tag: i for i, tag in enumerate(tags)}
    root = {}
    word_info = {}
    for word, freq, tag in entries:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        word_info[id(node)] = (freq, tag_index[tag])
    labels, freqs, tag_ids, child_start = [0], [], [], []
    order = [root]
    info = word_info.get(id(root), (0, 0))
    freqs.append(info[0])
    tag_ids.append(info[1])
    index = 0
    while index < len(order):
        node = order[index]
        child_start.append(len(order))
        for ch in sorted(node):
            child = node[ch]
            code = ord(ch)
            assert code < 0x10000, "lexicon is limited to the Basic Multilingual Plane"
            labels.append(code)
            freq, tag = word_info.get(id(child), (0, 0))
            freqs.append(freq)
            tag_ids.append(tag)
            order.append(child)
        index += 1
    child_start.append(len(order))
    count = len(order)
    total = sum(freq for _, freq, _ in entries)
    with open(path, "wb") as out:
        out.write(b"ALXN")
        out.write(struct.pack("<IIIQI", 1, count, len(entries), total, len(tags)))
        for tag in tags:
            encoded = tag.encode("ascii")
            out.write(struct.pack("<B", len(encoded)) + encoded)
        out.write(b"\0" * ((-out.tell()) % 4))
        out.write(struct.pack(f"<{count + 1}I", *child_start))
        out.write(struct.pack(f"<{count}I", *freqs))
        out.write(struct.pack(f"<{count}H", *labels))
        out.write(bytes(tag_ids))
    return count


def write_hmm(path):
    """Writes log-probabilities for states B, M, E, S (in that order)."""
    states = "BMES"
    floor = -1e30
    chars = sorted({ch for table in EMIT.values() for ch in table})
    with open(path, "wb") as out:
        out.write(b"AHMM")
        out.write(struct.pack("<II", 1, len(chars)))
        out.write(struct.pack("<4d", *[START.get(s, floor) for s in states]))
        for s in states:
            out.write(struct.pack("<4d", *[TRANS[s].get(t, floor) for t in states]))
        out.write(struct.pack(f"<{len(chars)}I", *[ord(c) for c in chars]))
        for s in states:
            out.write(struct.pack(f"<{len(chars)}f", *[max(EMIT[s].get(c, floor), -1e30) for c in chars]))


def main():
    out_dir = sys.argv[1]
    entries = refine_lexicon(read_jieba_dictionary())
    nodes = write_lexicon(entries, os.path.join(out_dir, "lexicon.bin"))
    write_hmm(os.path.join(out_dir, "hmm.bin"))
    print(f"{len(entries)} words, {nodes} trie nodes written to {out_dir}")


if __name__ == "__main__":
    main()
