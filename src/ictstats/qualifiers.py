"""Stage 4 — qualifiers and change: the words that bound or move a number (SPEC §4).

>>> read_qualifier("đạt gần 43.54%", 8)
('~', 4)
>>> read_qualifier("bị phạt tiền đến 100 triệu đồng", 17)
('<=', 13)
>>> read_change("tăng thêm khoảng 6,54%", 17)
'up'
>>> read_change("đã tăng ở mức kỷ lục lên 20.579", 25)
''
"""
from __future__ import annotations

import functools
import re

import regex

from .lexicon import (
    compile_before,
    load,
    word_gate,
    words_alternation,
    words_right_before,
)
from .numbers import fraction_opening

_SPACE = r"[ \t\u00a0]*"
_LEFT = r"(?:^|(?<=[^\p{L}]))"


@functools.cache
def qualifier_cues() -> tuple[str, ...]:
    """Every cue of qualifiers.toml [qualifier], whatever its qualifier: the words that may
    stand between another cue and the number ("chỉ bằng khoảng 1/10", "tăng thêm khoảng 6,54%").

    >>> "khoảng" in qualifier_cues() and "tối thiểu" in qualifier_cues()
    True
    """
    return tuple(c for cues in load("qualifiers")["qualifier"].values() for c in cues)


@functools.cache
def _qualifier_patterns():
    lex = load("qualifiers")
    # one alternation, a named group per qualifier: the leftmost match is the longest cue
    # ending before the number, and at equal length the qualifier listed first wins
    names = {f"q{i}": qual for i, qual in enumerate(lex["qualifier"])}
    branches = "|".join(f"(?P<{name}>{words_alternation(lex['qualifier'][qual])})" for name, qual in names.items())
    # a headed cue ("phạt đến"): the head before the cue, the cue (in the surface) before the
    # number; gated on its heads, as "đến", "tới" stand before numbers far more often than "phạt"
    headed = [
        (regex.compile(_LEFT + words_alternation(h["heads"]) + r"\s+(?P<cue>" + words_alternation(h["cues"]) + ")" + _SPACE + r"\Z"),
         h["qualifier"], word_gate(h["heads"]))
        for h in lex.get("qualifier_after_head", [])
    ]
    single = (regex.compile(_LEFT + "(?:" + branches + ")" + _SPACE + r"\Z"), names, word_gate(qualifier_cues()))
    comparative = regex.compile(_LEFT + words_alternation(lex["qualifier_exceptions"]["comparative_heads"]) + r"\s+\Z")
    return single, comparative, headed


def read_qualifier(text: str, start: int) -> tuple[str, int]:
    """(qualifier, new start) from the cue right before ``start``; ("=", start) if none."""
    single, comparative, headed = _qualifier_patterns()
    before = text[max(0, start - 25):start]
    offset = start - len(before)
    pattern, names, gate = single
    lower = before.lower()
    m = pattern.search(before) if gate.search(lower) else None
    if m is None:
        for head_pattern, qual, head_gate in headed:
            h = head_gate.search(lower) and head_pattern.search(before)
            if h:
                return qual, offset + h.start("cue")
        return "=", start
    qual, at = names[m.lastgroup], m.start()
    if qual == ">" and comparative.search(before[:at]):
        return "=", start
    if (before[:at].rstrip()[-1:].isdigit() and " ".join(m.group().lower().split()) in _between_numbers()
            and _SMALL_NUMBER_BEFORE.search(before, 0, at) and _SMALL_NUMBER.match(text, start)):
        return "=", start  # "Cứ 4 trên 10 người": four out of ten, not more than ten
    return qual, offset + at


# "4 trên 10", "1 trên 4": two small whole numbers ("năm 2024 trên 10 triệu" is more than)
_SMALL_NUMBER_BEFORE = compile_before(r"(?<![\d.,/])\d{1,3}\s+\Z")
_SMALL_NUMBER = regex.compile(r"\d{1,3}(?![\d.,])")


@functools.cache
def _between_numbers() -> frozenset[str]:
    return frozenset(load("qualifiers")["qualifier_exceptions"]["between_numbers"])


@functools.cache
def _pair_patterns():
    out = []
    pairs = load("qualifiers")["qualifier_pair"]
    for pair in pairs:
        before = (
            regex.compile(_LEFT + words_alternation([pair["before"]]) + _SPACE + r"\Z") if pair["before"] else None
        )
        after = regex.compile(_SPACE + words_alternation([pair["after"]]) + r"(?![\p{L}])")
        out.append((before, after, pair["qualifier"]))
    # every second part at once: most numbers are followed by none, and one match settles that
    any_after = regex.compile(_SPACE + words_alternation([pair["after"] for pair in pairs]) + r"(?![\p{L}])")
    return out, any_after


def read_qualifier_pair(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Two-part cues ("từ 15 tuổi trở lên"): (qualifier, new start, new end) or None."""
    pairs, any_after = _pair_patterns()
    if not any_after.match(text, end, end + 40):
        return None
    before_text = text[max(0, start - 15):start]
    offset = start - len(before_text)
    for before, after, qual in pairs:
        a = after.match(text, end, end + 40)
        if not a:
            continue
        if before is None:
            return qual, start, a.end()
        b = before.search(before_text)
        if b:
            return qual, offset + b.start(), a.end()
    return None


@functools.cache
def _change_patterns():
    ch = load("qualifiers")["change"]
    fillers = words_alternation(ch["fillers"] + ch["level_markers"])
    quals = words_alternation(qualifier_cues())
    # "tăng trưởng doanh thu 9%", "giảm chi phí 30%": the measure that moved may stand
    # between the verb and the number (context.toml lists the measures)
    measured = words_alternation(load("context")["measured_nouns"])
    tail = rf"(?:\s+{measured})?(?:\s+{fillers})*(?:\s+{quals})?" + _SPACE + r"\Z"
    up = regex.compile(_LEFT + "(" + words_alternation(ch["up"]) + ")" + f"(?P<tail>{tail})")
    down = regex.compile(_LEFT + "(" + words_alternation(ch["down"]) + ")" + f"(?P<tail>{tail})")
    level = regex.compile(_LEFT + words_alternation(ch["level_markers"]) + r"(?![\p{L}])")
    # the level reached, later in the clause: "... xuống còn 120.000", "... năm 2023 lên 18,3%"
    # ... or a spelled fraction: "từ một phần tư lên hai phần ba"
    reached = regex.compile(r"[^.;:!?\n]{0,30}?(?<![\p{L}])" + words_alternation(ch["level_markers"]) + r"\s+(?:[^\s\d]{0,6}\d|" + fraction_opening() + r"(?![\p{L}]))")
    return up, down, level, word_gate(ch["up"] + ch["down"]), reached


@functools.cache
def _comparative_patterns() -> tuple[re.Pattern, regex.Pattern]:
    """A gate, and the comparative right before a number ("cao hơn 7.000 đồng", "thấp hơn
    khoảng 15%"), its direction the name of the group that matched. The gate looks for the
    phrases whole: their first words ("cao", "lớn") are common alone."""
    ch = load("qualifiers")["change"]
    quals = words_alternation(qualifier_cues())
    phrases = ch["comparative_up"] + ch["comparative_down"]
    gate = re.compile("|".join(r"\s+".join(map(re.escape, p.lower().split())) for p in phrases))
    comparative = compile_before(_LEFT + "(?:(?P<up>" + words_alternation(ch["comparative_up"]) + ")|(?P<down>"
                                 + words_alternation(ch["comparative_down"]) + rf"))(?:\s+{quals})?" + _SPACE + r"\Z")
    return gate, comparative


def _comparative(text: str, start: int, before: str):
    gate, comparative = _comparative_patterns()
    return comparative.search(text, max(0, start - 40), start) if gate.search(before) else None


def read_change(text: str, start: int, end: int | None = None) -> str:
    """"up", "down" or "" from a change cue right before the number at ``start``; with the
    number's ``end``, "" also for the level a change started from ("tăng từ 16,5% lên 18,3%").

    >>> read_change("giảm từ 150.000 đồng xuống còn 120.000 đồng", 8), read_change("giảm từ 150.000 đồng xuống còn 120.000 đồng", 8, 20)
    ('down', '')
    >>> read_change("tốc độ có thể tăng từ 20-40% đối với IPv6", 22, 28)
    'up'
    >>> read_change("ARPU cao hơn 7.000 đồng", 13)
    'up'
    """
    up, down, level, gate, reached = _change_patterns()
    before = text[max(0, start - 40):start].lower()
    if (c := _comparative(text, start, before)) is not None:
        return "up" if c.group("up") else "down"
    if not gate.search(before):
        return ""
    found = []
    for direction, pattern in (("up", up), ("down", down)):
        m = pattern.search(text, max(0, start - 40), start)
        if m:
            found.append((m.start(), direction, m.group("tail")))
    if not found:
        return ""
    _, direction, tail = max(found)  # the cue nearest the number
    if level.search(tail):
        return ""
    if end is not None and _started_here(text, start) and reached.match(text, end, end + 60):
        return ""
    return direction


def after_comparative(text: str, start: int) -> bool:
    """Whether the change of the number at ``start`` comes from a comparative ("cao hơn", "thấp
    hơn"), which states a change only against an earlier period of the same thing.

    >>> after_comparative("cao hơn 2,5 lần", 8), after_comparative("tăng 2,5 lần", 5)
    (True, False)
    """
    return _comparative(text, start, text[max(0, start - 40):start].lower()) is not None


@functools.cache
def _level_pair_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    ch = load("qualifiers")["change"]
    # "từ" right before a number: read_change and is_level_pair ask the same question
    started = words_right_before(ch["start_markers"])
    # "từ 58.000 năm 2020 lên 74.000 năm 2024": the year of the level it started from may stand between
    year = r"(?:\s+" + words_alternation(load("time")["period"]["year"]) + r"\s+(?:19|20)\d\d)?"
    reached = regex.compile(year + r"\s+" + words_alternation(ch["level_markers"]) + r"\s+")
    return started, reached


def _started_here(text: str, start: int) -> bool:
    """Whether a start marker ("từ") stands right before the number at ``start``."""
    return _level_pair_patterns()[0].search(text, max(0, start - 10), start) is not None


def is_level_pair(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Whether two numbers are where a change started and the level it reached: "từ 58.000 lên
    74.000", "từ 150 xuống còn 120" (the markers of qualifiers.toml [change]).

    >>> t = "tăng từ 58.000 lên 74.000 doanh nghiệp"
    >>> is_level_pair(t, 8, 14, 19), is_level_pair("đạt 58.000 và 74.000", 4, 10, 14)
    (True, False)
    """
    return bool(_level_pair_patterns()[1].fullmatch(text, first_end, second_start) and _started_here(text, first_start))
