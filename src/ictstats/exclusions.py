"""Stage 2 — exclusions: spans of text where a numeral is not a quantity (SPEC §8).

Dates, times, legal identifiers, standards, versions, file names, URLs and
phone numbers are found by the regular expressions in ``lexicon/exclusions.toml``.
Every match marks a protected span with the pattern's id; a numeral inside one
is dropped, and the id says why (``explain`` shows it).

>>> [(text, why) for _, _, why, text in protected_spans("Ngày 11/6/2020, theo Nghị định số 47/2020/NĐ-CP")]
[('Ngày 11/6/2020', 'date.word'), ('Nghị định số 47/2020/NĐ-CP', 'legal.reference')]
"""
from __future__ import annotations

import bisect
import functools

import regex

from .lexicon import load


@functools.cache
def _compiled() -> tuple[tuple[str, regex.Pattern], ...]:
    out = []
    for p in load("exclusions")["pattern"]:
        flags = 0 if p.get("case_sensitive") else regex.IGNORECASE
        out.append((p["id"], regex.compile(p["regex"], flags | regex.V0)))
    return tuple(out)


def protected_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, pattern id, matched text) for every exclusion match, merged per position."""
    spans = []
    for pid, pattern in _compiled():
        for m in pattern.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), pid, m.group()))
    spans.sort()
    # Keep the earliest-starting, longest match where several overlap.
    merged: list[tuple[int, int, str, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            if span[1] > merged[-1][1]:
                start, _, pid, _ = merged[-1]
                merged[-1] = (start, span[1], pid, text[start:span[1]])
            continue
        merged.append(span)
    return merged


class Protected:
    """Fast look-up of whether a numeral falls in a protected span."""

    def __init__(self, text: str):
        self.spans = protected_spans(text)
        self._starts = [s for s, *_ in self.spans]

    def reason(self, start: int, end: int) -> str | None:
        """The id of the pattern covering any of ``[start, end)``, else None."""
        i = bisect.bisect_right(self._starts, end - 1) - 1
        while i >= 0:
            s, e, pid, _ = self.spans[i]
            if e <= start:
                # spans are disjoint and sorted, so no earlier one can reach
                return None
            if s < end:
                return pid
            i -= 1
        return None
