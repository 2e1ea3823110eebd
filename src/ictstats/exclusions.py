"""Stage 2 — exclusions: numerals that are not quantities (SPEC §8).

Dates, times, legal identifiers, standards, versions, file names, URLs and
phone numbers are recognised by the regular expressions in
``lexicon/exclusions.toml``. They are tried only where a numeral starts (all of
them at once, as one alternation), so the cost follows the number of numerals,
not the length of the text. A match drops that numeral and any numeral inside
it; the pattern id says why (``explain`` shows it).

>>> p = Protected("Ngày 11/6/2020, theo Nghị định số 47/2020/NĐ-CP", [5, 8, 10, 34, 37])
>>> [p.reason(s) for s in (5, 8, 10, 34, 37)]
['date.dmy', 'date.dmy', 'date.dmy', 'legal.identifier', 'legal.identifier']
"""
from __future__ import annotations

import functools

import regex

from .lexicon import load, words_alternation

# Longest text a pattern may cover from the numeral's start.
_REACH = 200

_LIST = regex.compile(r"<<(\w+)\.(\w+)\.(\w+)>>")


def expand(pattern: str) -> str:
    r"""A pattern with each ``<<lexicon.section.key>>`` replaced by that word list as an
    alternation, so that a list the time grammar also reads is written once.

    >>> regex.search(expand(r"(?<=<<time.period.months_total_lead>>\s+)\d+"), "lũy kế 9 tháng").group()
    '9'
    """
    return _LIST.sub(lambda m: words_alternation(load(m.group(1))[m.group(2)][m.group(3)], flags=""), pattern)


@functools.cache
def _combined() -> tuple[regex.Pattern, dict[str, str]]:
    branches, ids = [], {}
    for i, p in enumerate(load("exclusions")["pattern"]):
        flags = "-i" if p.get("case_sensitive") else "i"
        branches.append(f"(?P<p{i}>(?{flags}:{expand(p['regex'])}))")
        ids[f"p{i}"] = p["id"]
    return regex.compile("|".join(branches), regex.V0), ids


class Protected:
    """Which numerals (given by their start offsets, in order) fall under an exclusion."""

    def __init__(self, text: str, starts: list[int]):
        pattern, ids = _combined()
        self.spans: list[tuple[int, int, str]] = []
        self._reasons: dict[int, str] = {}
        covered_until, covered_by = -1, ""
        for s in sorted(set(starts)):
            if s < covered_until:
                self._reasons[s] = covered_by
                continue
            m = pattern.match(text, s, s + _REACH)
            if m:
                covered_until, covered_by = m.end(), ids[m.lastgroup]
                self.spans.append((s, m.end(), covered_by))
                self._reasons[s] = covered_by

    def reason(self, start: int) -> str | None:
        """The id of the exclusion covering the numeral starting at ``start``, else None."""
        return self._reasons.get(start)
