"""Stage 6c — status: actual, estimate or target (SPEC §7).

A cue counts only before the number and in its scope: an estimate cue
(``ước đạt``, ``dự kiến``) up to the next ``;``; a target cue (``mục tiêu``,
``phấn đấu``, ``sẽ``) across the sentence, since goals are listed with ``;``.
A cue inside a parenthesis that closes before the number does not reach it, and
``hoàn thành mục tiêu`` (a goal met) is not a target, though the goal's value
given after it (``vượt chỉ tiêu đề ra (70.000 doanh nghiệp)``) is; nor is a
forecast beaten (``vượt kỳ vọng``, ``vượt dự báo``) an estimate.
"""
from __future__ import annotations

import bisect
import functools
import re

import regex

from .cues import PhraseSet, Words
from .lexicon import load, word_gate, word_set, words_alternation
from .periods import present_guards


@functools.cache
def _after_target_year() -> regex.Pattern:
    words = load("time")["status"]["target_year_after"]
    return regex.compile(r"[ \t]*(?:[^\s,;]+[ \t]+){0,2}?" + words_alternation(words) + r"\s+((?:19|20)\d{2})")


_PARENS = regex.compile(r"[()]")


def closed_parentheses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of parentheses in text[start:end] that open and close before ``end``."""
    spans, stack = [], []
    first_open = text.find("(", start, end)
    if first_open == -1:  # most sentences: a ")" with none open before it closes nothing
        return spans
    for m in _PARENS.finditer(text, first_open, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            spans.append((stack.pop(), m.end()))
    return spans


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    """Status regexes built from time.toml.

    "đến năm 2025, tỷ lệ … đạt 80%" is a horizon year, then "đạt", then the number. "Tính
    đến hết năm 2023" is a date of record, and "đã" marks a thing done, so neither is a goal."""
    lex = load("time")["status"]
    record = words_alternation(lex["record_before"])
    horizon = words_alternation(lex["target_year_before"])
    reach = words_alternation(lex["reach_verb"])
    return {
        "horizon": regex.compile(rf"(?<!{record}\s)(?<![\p{{L}}]){horizon}\s+((?:19|20)\d{{2}})(?=[^;]*?(?<![\p{{L}}]){reach}(?![\p{{L}}]))"),
        "done": regex.compile(r"(?<![\p{L}])" + words_alternation(lex["done"]) + r"(?![\p{L}])"),
        "actual_after": regex.compile(r"(?<![\p{L}])" + present_guards()[0] + words_alternation(lex["actual_after_target"]) + r"(?![\p{L}])" + present_guards()[1]),
        # "hoàn thành mục tiêu, chỉ tiêu", "vượt các chỉ tiêu", "đạt 100% kế hoạch"; not "đạt 100% (theo
        # kế hoạch ...": a parenthesis starts another phrase; nor "đạt 84%, mục tiêu là 85%": a clause
        # stop after a number does
        "met": regex.compile(words_alternation(lex["met_before"]) + r"(?:\s+(?:[^\s(),;]+|[^\s()\d]+)){0,2}\s*\Z"),
        # "vượt kế hoạch năm (100 tỷ USD)", "vượt mục tiêu đề ra là 70.000 doanh nghiệp": a number
        # that a parenthesis or "là" gives as the met goal's value is that goal; "vượt kế hoạch
        # 5%" says by how much the goal was beaten, and stays an actual
        "goal_value": regex.compile(r"[^,;.!?()]{0,40}(?:\(|(?<![\p{L}])là)\s*"),
        "against": regex.compile(r"(?<![\p{L}])" + words_alternation(lex["measured_against"]) + r"(?![\p{L}])"),
        "goal_then_value": regex.compile(r"(?:\s+[^\s\d,;.!?()]+){0,2}\s+"),
        "reached": regex.compile(r"(?<![\p{L}])" + words_alternation(lex["reach_verb"] + lex["done"]) + r"(?![\p{L}])"),
    }


@functools.cache
def _horizon_gate() -> re.Pattern:
    """A literal search for the first words of the horizon phrases ("đến năm", "vào năm")."""
    return word_gate(load("time")["status"]["target_year_before"])


@functools.cache
def _cue_sets() -> dict[str, PhraseSet]:
    lex = load("time")["status"]
    return {"target": PhraseSet(lex["target"]), "estimate": PhraseSet(lex["estimate"])}


def looked_up_words() -> frozenset[str]:
    """The words this stage looks up in a document's Words."""
    return frozenset().union(*(phrases.looked_up for phrases in _cue_sets().values()), _target_heading_words())


class StatusCues:
    """The target and estimate cues of one document, found once; ``bound(pos)`` is the end
    of the sentence around ``pos``, which no cue crosses."""

    def __init__(self, text: str, bound=None, words: Words | None = None):
        words = words or Words(text)
        bound = bound or (lambda pos: len(text))
        self._hits = {}
        for kind, phrases in _cue_sets().items():
            hits = [(s, e, phrases.phrases[i]) for s, e, i in phrases.hits(words, bound)]
            self._hits[kind] = (hits, [h[0] for h in hits])

    def between(self, kind: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, cue) of the ``kind`` cues that lie within text[start:end]."""
        hits, starts = self._hits[kind]
        return [h for h in hits[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if h[1] <= end]


# a heading's numbering and its rank: "II." 1, "2." 2, "2.1." 3, "a)" 4; unnumbered, a line in
# capitals ranks 1 and any other 5
_NUMBERING = regex.compile(r"[ \t]*(?:(?P<roman>[IVX]{1,4})[.)]|(?P<digits>\d{1,2}(?:\.\d{1,2}){0,3})[.)]?|(?P<letter>[a-zđ])\))[ \t]+")
_NUMBERING_BEFORE = regex.compile(rf"(?:{_NUMBERING.pattern})?[ \t]*")
_BULLET = regex.compile(r"[ \t]*[-–•*+]")
_HEADING_CHARS = 160
# a section of goals ends after this many lines at most, so a document of many such headings
# without a heading of higher rank after them costs no more than this per heading
_SECTION_LINES = 400


@functools.cache
def _target_heading_words() -> tuple[str, ...]:
    return tuple(" ".join(w.lower().split()) for w in load("time")["status"]["target_heading"])


def _heading_rank(line: str) -> int | None:
    """The rank of a heading line (1 is highest), or None when the line is not a heading:
    too long, a list item, or a sentence with its closing stop."""
    stripped = line.strip()
    if not stripped or len(stripped) > _HEADING_CHARS or stripped.endswith((".", "!", "?", ";")) or _BULLET.match(line):
        return None
    numbered = _NUMBERING.match(line)
    if numbered:
        return 1 if numbered["roman"] else 4 if numbered["letter"] else 1 + numbered["digits"].count(".") + 1
    letters = [c for c in stripped if c.isalpha()]
    return 1 if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters) else 5


def target_sections(text: str, line_starts: list[int], words: Words | None = None) -> list[tuple[int, int, str]]:
    r"""(start, end, heading) of the parts of a document under a heading of goals ("II. NHIỆM
    VỤ 6 THÁNG CUỐI NĂM"), each down to the next heading of the same rank or higher.

    >>> text = "I. KẾT QUẢ\nĐạt 5 tỷ USD.\nII. NHIỆM VỤ\n1. Viễn thông\nPhủ 5G tới 90% dân số.\nIII. KIẾN NGHỊ\n"
    >>> starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    >>> [(heading, text[a:b]) for a, b, heading in target_sections(text, starts)]
    [('II. NHIỆM VỤ', '1. Viễn thông\nPhủ 5G tới 90% dân số.\n')]
    """
    words = words or Words(text)
    sections = []
    # where the heading words stand (found with every other word, in one pass), then whether
    # only a numbering stands before them on their line
    for pos in sorted(p for w in _target_heading_words() for p in words.positions(w)):
        i = bisect.bisect_right(line_starts, pos) - 1
        if not _NUMBERING_BEFORE.fullmatch(text, line_starts[i], pos):
            continue
        line_end = line_starts[i + 1] if i + 1 < len(line_starts) else len(text)
        rank = _heading_rank(text[line_starts[i]:line_end])
        if rank is None:
            continue
        limit = min(len(line_starts), i + 1 + _SECTION_LINES)
        end = line_starts[limit] if limit < len(line_starts) else len(text)
        for j in range(i + 1, limit):
            nxt_end = line_starts[j + 1] if j + 1 < len(line_starts) else len(text)
            other = _heading_rank(text[line_starts[j]:nxt_end])
            if other is not None and other <= rank:
                end = line_starts[j]
                break
        sections.append((line_end, end, text[line_starts[i]:line_end].strip()))
    return sections


class SectionIndex:
    """Which section of ``target_sections`` holds a position, for positions asked in document
    order: the sections open at the last position are kept, so each is looked at a bounded
    number of times (a scan of them all per number was quadratic over a long report).

    >>> index = SectionIndex([(10, 50, "II. NHIỆM VỤ"), (20, 30, "1. Viễn thông")])
    >>> [index.heading_at(p) for p in (5, 25, 40, 60)]
    [None, 'II. NHIỆM VỤ', 'II. NHIỆM VỤ', None]
    """

    def __init__(self, sections: list[tuple[int, int, str]]):
        self._sections = sections
        self._next = 0
        self._open: list[tuple[int, int, str]] = []
        self._last = -1

    def __bool__(self) -> bool:
        return bool(self._sections)

    def heading_at(self, pos: int) -> str | None:
        """The heading of the first section (in heading order) that holds ``pos``."""
        if pos < self._last:  # asked out of order: start again
            self._next, self._open = 0, []
        self._last = pos
        while self._next < len(self._sections) and self._sections[self._next][0] <= pos:
            self._open.append(self._sections[self._next])
            self._next += 1
        self._open = [s for s in self._open if s[1] > pos]
        return self._open[0][2] if self._open else None


def _names_the_goal(text: str, cue_end: int, start: int, met: str = "") -> bool:
    """Is the number at ``start`` the value of the goal named just before it (a goal met:
    "vượt chỉ tiêu (70.000 doanh nghiệp)"; measured against: "so với mục tiêu 80%"), not a
    result ("vượt kế hoạch, đạt 105 tỷ USD") nor the margin it was beaten by ("vượt kế hoạch 5%")?"""
    if _patterns()["against"].search(met) and _patterns()["goal_then_value"].fullmatch(text, cue_end, start):
        return not _patterns()["reached"].search(text, cue_end, start)
    return bool(_patterns()["goal_value"].fullmatch(text, cue_end, start)) and not _patterns()["reached"].search(text, cue_end, start)


def status_for(text: str, sentence: tuple[int, int], start: int, end: int, doc_year: int | None = None,
               cues: StatusCues | None = None, closed: list[tuple[int, int]] | None = None) -> tuple[str, str]:
    """(status, cue) for the number at [start, end) in the sentence span; ``closed`` is
    ``closed_parentheses(text, sentence[0], start)`` when the caller has it already.

    >>> status_for("Doanh thu dự kiến đạt 120 tỷ USD.", (0, 33), 22, 32)
    ('estimate', 'dự kiến đạt')
    """
    cues = cues or StatusCues(text, lambda pos: sentence[1])
    s0, _ = sentence
    segment_start = max(s0, text.rfind(";", s0, start) + 1)
    if closed is None:
        closed = closed_parentheses(text, s0, start)

    def reachable(pos: int) -> bool:
        return not any(a <= pos < b for a, b in closed)

    def beaten(s: int, e: int) -> bool:
        """A goal or forecast met or beaten ("vượt chỉ tiêu", "vượt kỳ vọng"), whose own value
        the number is not."""
        met = _patterns()["met"].search(text[max(s0, s - 25):s])
        return bool(met) and not _names_the_goal(text, e, start, met.group())

    found = []
    for s, e, cue in cues.between("target", s0, start):
        if reachable(s) and not beaten(s, e):
            found.append((e, len(cue), "target", cue))
    for s, e, cue in cues.between("estimate", segment_start, start):
        if reachable(s) and not beaten(s, e):
            found.append((e, len(cue), "estimate", cue))
    if found:
        cue_end, _, status, cue = max(found)
        if status == "target" and cue.lower() in word_set("time", "status", "future_tense"):
            forecast = [f for f in found if f[2] == "estimate" and f[3].lower() in word_set("time", "status", "forecast")]
            if forecast:  # "Dự báo ..., số vụ tấn công sẽ tăng": the forecast's tense
                return "estimate", max(forecast)[3]
        done = _patterns()["actual_after"].search(text, cue_end, start) if status == "target" else None
        if done:
            return "actual", done.group()
        return status, cue
    # the horizon regex tries every position of the segment; a literal search for its first
    # words in the lower-cased segment rules most segments out at once
    horizon = _horizon_gate().search(text[segment_start:start].lower()) and _patterns()["horizon"].search(text, segment_start, start)
    if (horizon and not _patterns()["done"].search(text, horizon.end(), start) and not _patterns()["actual_after"].search(text, horizon.end(), start)
            and (not doc_year or int(horizon.group(1)) > doc_year)):
        return "target", horizon.group().strip() + " … đạt"
    # like the horizon before the number, a year after it is a goal only if it is still
    # ahead of the document ("tăng 20% vào năm 2010" in a 2020 article is history)
    m = _after_target_year().match(text, end, end + 60)
    if m and (not doc_year or int(m.group(1)) > doc_year):
        return "target", m.group().strip()
    return "actual", ""
