"""Cue phrases from the lexicons compiled to regexes: "..." is a short gap of words."""
from __future__ import annotations

import functools

import regex

# "tỷ lệ ... IPv6": up to ten words between, never across ; or a sentence end.
_GAP = r"[,:]?(?:[^\S\n]+[^\s;.!?]+){0,10}?[^\S\n]+"


@functools.cache
def cue_regex(phrase: str) -> regex.Pattern:
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrase.split("...")]
    return regex.compile(r"(?i)(?<![\p{L}\p{N}])" + _GAP.join(parts) + r"(?![\p{L}\p{N}])")


def find_all(phrases, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every match of every phrase in text[start:end]."""
    end = len(text) if end is None else end
    hits = []
    for p in phrases:
        for m in cue_regex(p).finditer(text, start, end):
            hits.append((m.start(), m.end(), p))
    return hits

