"""Principled refinements of jieba's dictionary for newspaper segmentation.

jieba's dictionary lists many phrases that both SIGHAN standards treat as several words:
`compound` entries made of other, more frequent words. An entry is dropped when it splits into two
or more words of at least two characters each, every one more frequent than the entry, so the
segmenter keeps the parts. A single character is a morpheme, not a word, here: an entry that only
splits off one (`科学家`, `现代化`) is a derived word and stays. Idioms (tag `i`) are words in every
standard and are kept whole.
"""
import math


def best_split(word, freqs):
    """Most probable split of `word` into other dictionary entries, as a list of parts, or None."""
    n = len(word)
    best = [None] * (n + 1)
    best[n] = (0.0, [])
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            if i == 0 and j == n:
                continue
            part = word[i:j]
            freq = freqs.get(part, 0) if len(part) >= 2 else 0
            if freq <= 0 or best[j] is None:
                continue
            score = math.log(freq) + best[j][0]
            if best[i] is None or score > best[i][0]:
                best[i] = (score, [part] + best[j][1])
    return best[0][1] if best[0] else None


def is_compound(word, freq, tag, freqs):
    if len(word) < 4 or tag == "i":
        return False
    parts = best_split(word, freqs)
    return parts is not None and len(parts) >= 2 and all(freqs[p] > freq for p in parts)


def refine_lexicon(entries):
    freqs = {word: freq for word, freq, _ in entries}
    kept = [(w, f, t) for w, f, t in entries if not is_compound(w, f, t, freqs)]
    print(f"refine: dropped {len(entries) - len(kept)} compound entries of {len(entries)}")
    return kept
