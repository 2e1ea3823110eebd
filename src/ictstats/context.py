"""Stage 6 — context: metric, period, status and comparison baseline (SPEC §5–7).

Runs after every mention of a document is known, because context crosses
mentions: a number inherits the metric of the one before it in its sentence,
and a paragraph's period scopes its later sentences.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re

import regex

from . import metrics as metrics_mod
from .config import parse_doc_date
from .cues import Words
from .lexicon import compile_before, load, word_gate, word_set, words_alternation
from .periods import comparison_patterns, find_times, shift
from .qualifiers import after_comparative, is_level_pair, qualifier_cues
from .status import (
    SectionIndex,
    StatusCues,
    closed_parentheses,
    status_for,
    target_sections,
)

_WORDS = regex.compile(r"\p{L}+")
_STOP = regex.compile(r"\.\s+")
_PUNCT = regex.compile(r"[,;()]")


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    """Regexes built from the lexicons' word lists, compiled once."""
    time, ctx = load("time"), load("context")
    doc = time["doc_date"]
    period = time["period"]
    quals = list(qualifier_cues())
    lead_in = quals + ctx["value_cues"] + time["status"]["estimate"]
    opening = words_alternation(period["after_number_lead"])
    paren_lead = r"(?:" + words_alternation(period["parenthesis_time_lead"]) + r"[\s:,]*)*"
    # the clause openers that are words ("và", "còn", "trong khi"), as whole words
    conjunction = r"(?<![\p{L}])" + words_alternation([w for w in ctx["clause_openers"] if w[0].isalpha()]) + r"(?![\p{L}])"
    opener = r"(?:[" + regex.escape("".join(w for w in ctx["clause_openers"] if not w[0].isalpha())) + r"]|" + conjunction + r")"
    return {
        "lead": regex.compile(
            r"\s*" + words_alternation(doc["lead_daypart"]) + r"?\s*(?:" + words_alternation(doc["lead_day"]) + r"\s+)?"
            r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\s*,\s*" + words_alternation(doc["lead_place"])
        ),
        "dateline": regex.compile(
            r"[\p{Lu}][\p{L}.]*(?:[ \t]+[\p{Lu}][\p{L}.]*){0,3}\s*,\s*(?:" + words_alternation(doc["lead_day"]) + r"\s+)?"
            r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\s*[" + regex.escape("".join(doc["dateline_end"])) + r"]"
        ),
        "rate": regex.compile(r"(?<![\p{L}])" + words_alternation(ctx["rate_words"]) + r"(?![\p{L}])"),
        "back_reference": regex.compile(r"(?<![\p{L}])" + words_alternation(ctx["back_reference"]) + r"(?![\p{L}])"),
        "fresh_subject": regex.compile(opener + r"\s*" + words_alternation(ctx["rate_words"] + ctx["count_subject"]) + r"(?![\p{L}])"),
        # what opens a clause: a comma or semicolon, or a word such as "và", "còn"
        "clause_opener": regex.compile(opener),
        # "doanh thu 62.849 tỷ đồng và lợi nhuận 11.071 tỷ đồng": a conjunction opens the next conjunct
        "conjunction": regex.compile(conjunction),
        # between a cue and another metric's cue that qualifies it ("tên miền .vn đăng ký mới")
        "modifier_gap": regex.compile(r"\s+(?:" + words_alternation(ctx["cue_modifier_gap"]) + r"\s+)?"),
        # the list's head: "lần lượt" then up to three words ("tăng", "là", "ở mức") and the number
        "respectively": regex.compile(r"(?<![\p{L}])" + words_alternation(ctx["respectively"]) + r"(?:\s+[^\s\d,;.()]+){0,3}\s*\Z"),
        "list_gap": regex.compile(r"\s*" + words_alternation(load("qualifiers")["change"]["list_joiners"]) + r"\s*"),
        "measured": regex.compile(r"(?<![\p{L}])" + words_alternation(ctx["measured_nouns"]) + r"(?![\p{L}])"),
        # an opener right before a position: "..., nhập khẩu" (see _measure_openings)
        "opener_before": compile_before(opener + r"\s*\Z"),
        "breakdown": regex.compile(r"(?<![\p{L}])" + words_alternation(ctx["breakdown"]) + r"(?![\p{L}])"),
        "restatement": regex.compile(r"\s*[,(]?\s*" + words_alternation(ctx["restatement"]) + r"(?![\p{L}])\s*"),
        "paren_after": regex.compile(r"\s*\(\s*(?:" + words_alternation(lead_in) + r")?\s*"),
        "year_or_month": regex.compile(rf"(?:{opening}\s+)?" + words_alternation(period["after_number"])),
        "year_word": regex.compile(rf"(?:{opening}\s+)?" + words_alternation(period["later_in_clause"])),
        # "... đã được ghi nhận trong 6 tháng đầu năm": the months so far, closing a clause
        # (its lead word stands before the time's span or opens it)
        "so_far_before": regex.compile(r"(?<![\p{L}])" + words_alternation(period["months_so_far_lead"]) + r"\s+\Z"),
        "so_far_opening": regex.compile(words_alternation(period["months_so_far_lead"]) + r"\s"),
        # a parenthesis holding a time may open with these words ("(số liệu tính đến 30/6/2025)")
        "paren_open": regex.compile(r"\s*\(\s*" + paren_lead),
        "paren_close": regex.compile(r"\s*\)"),
        # what may stand before a time that opens the clause after a named source
        "after_source": regex.compile(
            r"\s*" + words_alternation(period["source_openers"]) + r"(?![\p{L}])[^.;!?\n]*,\s*(?:"
            + words_alternation(period["source_time_lead"]) + r"\s+)?"
        ),
        # ... and one closing a sentence may hold a bare year or span of years, which
        # find_times leaves alone ("(2024)" may be anything elsewhere)
        "paren_time": regex.compile(r"\s*" + paren_lead + r"(?:(?P<y1>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?\s*)?"),
    }


@functools.cache
def _stamp_pattern() -> regex.Pattern:
    words = words_alternation(load("time")["doc_date"]["stamp_words"])
    return regex.compile(
        r"(?i)\s*" + words + r"\s*[:|,]?\s*"
        r"(?:(?P<iso>(?:19|20)\d{2}-[01]\d(?:-[0-3]\d)?)|(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>(?:19|20)\d{2}))"
    )


_DMY_LINE = regex.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])")


# a dated lead opens one of a paragraph's first sentences, not one a page further on
_LEAD_REACH = 1000


def detect_doc_date(text: str) -> str:
    """The date a document states for itself: a stamp near the top, a timestamp line, or a dated lead."""
    head_lines = text.split("\n", load("time")["doc_date"]["lines"])[: load("time")["doc_date"]["lines"]]
    # a stamp opens its line or follows a "|" ("Tin tức | Cập nhật: 11/04/2024"): tried only
    # there, so that a document of one long line costs no scan of that line
    for line in head_lines:
        at = 0
        while at != -1:
            m = _stamp_pattern().match(line, at + (line[at:at + 1] == "|"))
            if m and (m.group("iso") is None or parse_doc_date(m.group("iso"))):
                return m.group("iso") or _dmy(m)
            at = line.find("|", at + 1)
    for line in head_lines:
        stripped = line.strip()
        m = _DMY_LINE.search(stripped)
        if m and sum(1 for _ in itertools.islice(_WORDS.finditer(stripped), 4)) <= 3:
            return _dmy(m)  # "15:06 | 22/12/2016", "Chủ nhật, 14/04/2024 03:01:07"
    for para in text.split("\n", 40)[:40]:  # split no further than needed: documents can be long
        para = para.strip()
        if "/" not in para:
            continue  # a lead's date is written d/m/yyyy
        m = _patterns()["dateline"].match(para)
        if m:
            return _dmy(m)
        # matched in place: a slice per sentence copied the rest of a paragraph each time, which
        # made a document of one long line quadratic
        for start in [0] + [stop.end() for stop in _STOP.finditer(para, 0, _LEAD_REACH)]:
            m = _patterns()["lead"].match(para, start)
            if m:
                return _dmy(m)
    return ""


def _dmy(m) -> str:
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    return parse_doc_date(f"{y:04d}-{mo:02d}-{d:02d}") or ""


def _headings(text: str, layout, times) -> list[tuple[int, str]]:
    """(line start, period) of short heading lines that name a time and scope what follows."""
    # only a line holding a resolved time can be one: look at those, not at every line
    out, seen = [], -1
    for t in times:
        if t.kind != "time" or not t.period:
            continue
        start, end = layout.line_span(t.start)
        if start == seen:
            continue  # the first time of a line is the one that counts
        seen = start
        stripped = text[start:end].strip()
        # a line naming a day is a dateline or a stamp ("Ngày 5/11/2025, tại Hà Nội"): it dates the
        # document, and scopes no figures the way "Tình hình tháng 10/2025" does
        if len(t.period) == 10:
            continue
        if len(stripped) <= 160 and not stripped.endswith((".", "!", "?", ";")) and len(_WORDS.findall(stripped)) >= 4:
            out.append((start, t.period))
    return out


class _CueIndex:
    """A document's cue hits, looked up by position (``hits(span)``: those starting inside
    ``span``), and the exclude phrases that blocked cues, by metric id."""

    def __init__(self, cue_list, excluded, measure_openings=()):
        self._list, self._starts, self._excluded = cue_list, [h.start for h in cue_list], excluded
        self._openings, self._opening_starts = measure_openings, [o[1] for o in measure_openings]

    def measure_opening(self, start: int, at: int) -> int | None:
        """Where the last clause in text[start:at] that opens with a measure starts (its measure)."""
        i = bisect.bisect_left(self._opening_starts, at)
        while i:
            i -= 1
            opener, measure, end = self._openings[i]
            if opener < start:
                return None
            if end <= at:
                return measure
        return None

    def __call__(self, span):
        return self._list[bisect.bisect_left(self._starts, span[0]):bisect.bisect_left(self._starts, span[1])]

    def excluded_between(self, metric_id: str, start: int, end: int) -> bool:
        return any(start <= s and e <= end for s, e in self._excluded.get(metric_id, ()))


def annotate(result, config) -> None:
    """Fill metric, period, status and compared_to on every mention of a scan."""
    text, layout = result.text, result.layout
    result.doc_date = detect_doc_date(text) or (config.doc_date or "")
    words = result.words or Words(text)
    times = _Times(find_times(text, result.doc_date, words))
    doc_year = int(result.doc_date[:4]) if result.doc_date else None
    headings = _headings(text, layout, times)
    taxonomy = metrics_mod.taxonomy(config.taxonomy_files)
    by_id = {t.id: t for t in taxonomy}
    # cues are found once for the whole document, each within its sentence; a mention's
    # look-ups are then slices by position
    def sentence_end(pos):
        return layout.sentence_span(pos)[1]

    hits = _CueIndex(*metrics_mod.cue_hits(words, sentence_end, taxonomy), _measure_openings(text, words))

    status_cues = StatusCues(text, sentence_end, words)
    goal_sections = SectionIndex(target_sections(text, layout.line_starts, words))
    previous = None
    following = {id(a): b for a, b in zip(result.mentions, result.mentions[1:])}
    respective: dict[int, tuple[str, str]] = {}
    for i, m in enumerate(result.mentions):
        sentence = layout.context_span(m.start)
        same_sentence_prev = previous if previous is not None and layout.sentence_span(previous.start) == layout.sentence_span(m.start) else None
        if id(m) not in respective:
            respective.update(_respective_metrics(text, layout, result.mentions, i, hits, by_id))
        if id(m) in respective:
            m.metric, how = respective.pop(id(m))
        else:
            m.metric, how = _metric(text, layout, m, sentence, same_sentence_prev, following.get(id(m)), hits, by_id, config.taxonomy_files)
        if m.metric:
            m.trace.append(("metric", f"{m.metric}: {how}"))
        # parentheses closed before the number keep their cues and times from reaching it
        closed = closed_parentheses(text, sentence[0], m.start)
        m.period, how = _period(text, layout, m, sentence, times, headings, closed, result.doc_date)
        if _is_year_span(m.period):
            m.period, how = _end_of_span(text, m, previous, following.get(id(m)), m.period, how)
        if m.period:
            m.trace.append(("period", f"{m.period}: {how}"))
        m.status, cue = status_for(text, sentence, m.start, m.end, doc_year, status_cues, closed)
        if goal_sections and m.status == "actual" and not cue:
            # no cue either way: a figure under a heading of goals ("II. NHIỆM VỤ NĂM 2026") is one
            heading = goal_sections.heading_at(m.start)
            if heading:
                m.status, cue = "target", f"under the heading {heading!r}"
        if m.status != "target" and after_document(m.period, result.doc_date) and m.unit not in _durations():
            # nothing stated as done can lie ahead of its document: a plain future figure is a
            # goal, and so is one planned or forecast for a period still to come (SPEC §7: an
            # estimate is of a period passed or running). A duration is the calendar's ("vào
            # năm 2045, khi nước ta tròn 100 năm")
            m.status, cue = "target", f"period {m.period} after the document's date {result.doc_date}"
        if cue:
            m.trace.append(("status", f"{m.status}: {cue!r}"))
        if m.change or m.unit == "x":
            m.compared_to = _baseline(text, m, sentence, times)
            if m.change and not m.compared_to and after_comparative(text, m.start):
                # "cao hơn 2,5 lần mức trung bình toàn cầu", "thấp hơn 30% so với Thái Lan": a
                # comparative against no earlier period compares with something else
                m.change = ""
                m.trace.append(("change", "none: a comparative against no earlier period"))
        previous = m


@functools.cache
def _respectively_gate():
    return word_gate(load("context")["respectively"])


def _respective_metrics(text, layout, mentions, i, hits, by_id) -> dict[int, tuple[str, str]]:
    """"doanh thu 62.849 tỷ đồng và lợi nhuận 11.071 tỷ đồng, tăng lần lượt 19,4% và 19,7%": the
    list that starts at mentions[i] after "lần lượt" measures, in order, what as many numbers
    just before it in the sentence measure (by id of the listed mention: (metric, how)).
    When cues stand between those numbers and the list, they name its subjects instead ("tỷ
    lệ sử dụng IPv6 và tỷ lệ người dùng Internet lần lượt là 60% và 79%"), one metric each."""
    m = mentions[i]
    window = text[max(0, m.start - 40):m.start]
    if not _respectively_gate().search(window.lower()) or not _patterns()["respectively"].search(window):
        return {}
    sentence = layout.sentence_span(m.start)
    listed = [m]
    for n in mentions[i + 1:]:
        if n.unit != m.unit or not _patterns()["list_gap"].fullmatch(text, listed[-1].end, n.start):
            break
        listed.append(n)
    if len(listed) < 2:
        return {}
    before = [b for b in mentions[max(0, i - len(listed)):i] if b.start >= sentence[0]]
    named_from = max(sentence[0], text.rfind(";", sentence[0], m.start) + 1, before[-1].end if before else 0)
    subjects = []
    for h in hits((named_from, m.start)):
        if h.metric.id not in subjects:
            subjects.append(h.metric.id)
    if subjects:
        if len(subjects) != len(listed) or not all(by_id[s].takes(n.unit, n.change) for s, n in zip(subjects, listed)):
            return {}
        return {id(n): (s, "'lần lượt': the subjects named before the list, in order") for s, n in zip(subjects, listed)}
    if len(before) < len(listed):
        return {}
    out = {}
    for earlier, n in zip(before, listed):
        metric = by_id.get(earlier.metric)
        fits = metric is not None and metric.takes(n.unit, n.change)
        out[id(n)] = (metric.id if fits else "", f"'lần lượt': as {text[earlier.start:earlier.end]!r}, in order")
    return out


@functools.cache
def _durations() -> frozenset[str]:
    return frozenset(load("units")["unit_rules"]["duration"])


def after_document(period: str, doc_date: str) -> bool:
    """Whether ``period`` starts after the document's date, compared at the coarser precision.

    >>> after_document("2030", "2026-01-10"), after_document("2026", "2026-01-10"), after_document("2026-03/2026-06", "2026-01")
    (True, False, True)
    >>> after_document("2030", ""), after_document("2025-10/2026-03", "2025-12")
    (False, False)
    """
    if not period or not doc_date:
        return False
    start = period.split("/")[0]
    precision = min(len(start), len(doc_date))
    return start[:precision] > doc_date[:precision]


# the stdlib `re` runs a one-character class over a short window faster than `regex`
_CLAUSE_STOP = re.compile(r"[,;(]")
_DIGIT = re.compile(r"\d")
# "(EGDI)", "(Bộ TT&TT)": a short parenthesis without digits glosses a name, and the clause
# goes on after it ("xếp thứ 71 về Chỉ số phát triển Chính phủ điện tử (EGDI) năm 2024")
_GLOSS = re.compile(r"\([^()\d,;.\n]{1,40}\)")


def _clause_end(text: str, end: int, limit: int) -> int:
    """Where the clause that goes on at ``end`` ends (at ``limit`` at most): at a comma, a
    semicolon or a parenthesis, but not at a gloss ("(EGDI)") nor at the comma of a pair of
    nouns written as one name ("Chỉ số an toàn, an ninh mạng toàn cầu").

    >>> text = "xếp thứ 25 về Chỉ số an toàn, an ninh mạng (GCI) năm 2020, tăng 25 bậc"
    >>> text[_clause_end(text, 10, len(text)):]
    ', tăng 25 bậc'
    """
    pos = end
    while (stop := _CLAUSE_STOP.search(text, pos, limit)) is not None:
        at = stop.start()
        if stop.group() == "(":
            gloss = _GLOSS.match(text, at, limit)
            if gloss is None:
                return at
            pos = gloss.end()
        elif stop.group() == "," and _joins_a_pair(text, at):
            pos = at + 1
        else:
            return at
    return limit


def _joins_a_pair(text: str, comma: int) -> bool:
    """Does the comma at ``comma`` join a pair of nouns written as one name (context.toml
    paired_names: "an toàn, an ninh", "bưu chính, viễn thông")?"""
    # most commas end no such pair: the word before settles them with one look-up
    lo = max(0, comma - 12)
    space = text.rfind(" ", lo, comma)
    rights = _pairs().get(text[space + 1 if space != -1 else lo:comma].lower())
    if not rights:
        return False
    right = text[comma + 1:comma + 13].split()
    return bool(right) and right[0].lower() in rights


@functools.cache
def _pairs() -> dict[str, frozenset[str]]:
    """The word before the comma of each paired name, to the words that may follow it."""
    pairs: dict[str, set[str]] = {}
    for name in load("context")["paired_names"]:
        left, right = name.lower().split(",")
        pairs.setdefault(left.split()[-1], set()).add(right.split()[0])
    return {left: frozenset(rights) for left, rights in pairs.items()}


# the rules whose counted noun stands before the number (extract.py)
_NOUN_BEFORE_RULES = ("count.noun_before", "count.parallel", "count.scaled")


_ROMAN = regex.compile(r"[ivxlc]+")


def _names_nothing(text: str, start: int, end: int) -> bool:
    """Is text[start:end] only numerals and carry-over words ("năm nay phấn đấu đạt trên")?"""
    words = word_set("context", "carry_over_words")
    return all(w in words or _ROMAN.fullmatch(w) for w in _WORDS.findall(text[start:end].lower()))


@functools.cache
def _cue_rests(taxonomy_files: tuple[str, ...]) -> tuple[dict[str, list[tuple[str, metrics_mod.Metric]]], frozenset[str], frozenset[str]]:
    """The rest of each cue of three words or more (after its two-word head), to its heads and
    metrics; the heads; the last words of the rests."""
    out: dict[str, list[tuple[str, metrics_mod.Metric]]] = {}
    for rest, head, metric in metrics_mod.elided_cues(taxonomy_files):
        out.setdefault(rest, []).append((head, metric))
    return out, frozenset(h for pairs in out.values() for h, _ in pairs), frozenset(r.split()[-1] for r in out)


def _count_completes_cue(text: str, m, start: int, taxonomy_files) -> metrics_mod.Metric | None:
    """"Tổng số thuê bao điện thoại: 1.450.000 thuê bao, trong đó di động 1.420.000 thuê bao": a
    clause that opens with the rest of a cue ("di động") before a count of the cue's head
    ("thuê bao") names that cue's metric ("thuê bao di động")."""
    rests, heads, last_words = _cue_rests(taxonomy_files)
    # most counts are of no cue's head, or follow no cue's last word: two set tests settle them
    if " ".join(m.item.split()[:2]) not in heads:
        return None
    before = text[max(start, m.start - 30):m.start].split()
    if not before or before[-1].lower() not in last_words:
        return None
    for head, metric in rests.get(_clause_opening(text, start, m.start), ()):
        if m.item == head or m.item.startswith(head + " "):
            return metric
    return None


def _last_match(pattern: regex.Pattern, text: str, start: int, end: int) -> regex.Match | None:
    """The last match of ``pattern`` in text[start:end]: the one nearest a number at ``end``."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


def _fresh_subject(text: str, start: int, end: int) -> int | None:
    """Where a clause in text[start:end] opens with a new subject that names something
    ("..., tỷ lệ dân số có chữ ký số đạt"), else None ("..., tỷ lệ tăng")."""
    found = _last_match(_patterns()["fresh_subject"], text, start, end)
    if found is None or _names_nothing(text, found.end(), end):
        return None
    return found.start()


def _clause_opening(text: str, start: int, at: int) -> str | None:
    """The words between the last clause opener ("," "và" "còn" ...) in text[start:at] and
    ``at``, lower-cased and single-spaced; None when no opener stands there.

    >>> _clause_opening("doanh thu đạt 500 tỷ đồng, viễn thông  đạt 2.700", 0, 43)
    'viễn thông đạt'
    """
    last = _last_match(_patterns()["clause_opener"], text, start, at)
    return None if last is None else " ".join(text[last.end():at].lower().split())


def _opens_clause(text: str, start: int, at: int) -> bool:
    """Does a clause opener in text[start:at] stand right before ``at``?"""
    return _clause_opening(text, start, at) == ""


def _links_back(text: str, m, seg0: int) -> bool:
    """Does the number's clause point back to an earlier sentence's indicator: a count, a
    back reference ("Con số này giảm 8,9%") or a rate that names nothing ("với tỷ lệ 14,43%";
    "tỷ trọng thương mại điện tử ... đạt 20%" names its own)?"""
    if m.unit == "count" or _patterns()["back_reference"].search(text, seg0, m.token.start):
        return True
    rate = _last_match(_patterns()["rate"], text, seg0, m.token.start) if m.unit == "%" else None
    return rate is not None and _names_nothing(text, rate.end(), m.token.start)


@functools.cache
def looked_up_words() -> frozenset[str]:
    """The words this stage looks up in a document's Words: the measured nouns."""
    return frozenset(" ".join(w.lower().split()) for w in load("context")["measured_nouns"])


def _measure_openings(text: str, words: Words) -> list[tuple[int, int, int]]:
    """(opener start, measure start, measure end) of every clause that opens with a measure of
    its own, in order: in "Xuất khẩu phần cứng đạt 119,3 tỷ USD, nhập khẩu 97,2 tỷ USD" the
    imports are no exports, and in "..., chi phí 300.000 tỷ đồng, tăng 3%" the growth is
    the cost's. Found from the word index: most documents name few measures.

    >>> text = "Doanh thu đạt 119,3 tỷ USD, nhập khẩu 97,2 và  chi phí 5, nhập  khẩu 6"
    >>> _measure_openings(text, Words(text))
    [(26, 28, 37), (43, 47, 54), (56, 58, 68)]
    """
    opener, measured = _patterns()["opener_before"], _patterns()["measured"]
    firsts, marks, last_words = _measure_and_opener_ends()
    spans = {(at, at + len(noun)) for noun in words.present(looked_up_words()) for at in words.positions(noun)}
    # the index reads phrases written with single spaces: "nhập  khẩu" across a run of spaces
    # is found by the pattern, around the few runs a document has
    for run in words.space_runs():
        before = text[max(0, run - 12):run].split()
        if before and before[-1].lower() in firsts:  # most runs follow no measure's first word
            spans.update(f.span() for f in measured.finditer(text, max(0, run - 16), run + 16) if f.start() < run < f.end())
    found = []
    for at, end in sorted(spans):
        head = text[max(0, at - 20):at].rstrip()
        # most measures follow no opener: the last character or word settles them without the pattern
        if not head or (head[-1] not in marks and head.rsplit(None, 1)[-1].lower() not in last_words):
            continue
        before = opener.search(text, max(0, at - 20), at)
        if before is not None:
            found.append((before.start(), at, end))
    return found


@functools.cache
def _measure_and_opener_ends() -> tuple[frozenset[str], str, frozenset[str]]:
    """The first words of the measured nouns; the clause openers that are marks (",", ";");
    the last words of those that are words ("và", "trong đó")."""
    openers = load("context")["clause_openers"]
    return (frozenset(noun.split()[0] for noun in looked_up_words()), "".join(w for w in openers if not w[0].isalpha()),
            frozenset(w.split()[-1].lower() for w in openers if w[0].isalpha()))


def _goes_on_counting(text: str, metric, m, seg0: int) -> bool:
    """Can a count go on with the metric of the number before it: it counts that metric's
    own noun (or names none), or it breaks that number down ("779 cơ quan báo chí, trong đó
    có ... 142 báo")?"""
    return not m.item or metric.counts(m.item) or bool(_patterns()["breakdown"].search(text, seg0, m.token.start))


def _metric(text, layout, m, sentence, prev, nxt, hits, by_id, taxonomy_files) -> tuple[str, str]:
    s0, s1 = sentence
    seg0 = max(s0, text.rfind(";", s0, m.start) + 1)
    semi = text.find(";", m.end, s1)
    seg1 = s1 if semi == -1 else semi

    def fits(metric, *, check_item=True) -> bool:
        if not metric.takes(m.unit, m.change):
            return False
        if check_item and m.unit == "count" and not metric.counts(m.item):
            return False
        # "thuê bao cố định" is not a mobile subscription: a longer noun must be the metric's own
        if check_item and m.unit == "count" and metric.item_cues and not metric.is_own_item(m.item):
            return metric.named_by_item(m.item)
        return True

    def renamed(metric, start) -> bool:
        # "Số lao động đạt 1,5 triệu người, năng suất lao động tăng 7%": the metric's words
        # come again between, inside a phrase that names something else (its exclude list)
        return hits.excluded_between(metric.id, start, m.token.start)

    def measures_other(metric, start, cue=(0, 0)) -> bool:
        # "Doanh thu quảng cáo của các cơ quan báo chí giảm 20-30%": a change whose clause names
        # a measure (context.toml measured_nouns) outside the cue changes that, not a count
        if not m.change or "count" not in metric.units:
            return False
        return any(not cue[0] <= f.start() < cue[1] for f in _patterns()["measured"].finditer(text, start, m.token.start))

    def carried_from_prev():
        """The previous number's metric, when this number in its clause can go on with it."""
        metric = by_id.get(prev.metric) if prev is not None and prev.metric and prev.start >= seg0 else None
        if (metric and fits(metric, check_item=False) and not renamed(metric, prev.end) and not measures_other(metric, prev.end)
                and (m.unit != "count" or _goes_on_counting(text, metric, m, seg0))):
            return metric
        return None

    def elided(metric):
        """"doanh thu bưu chính đạt 500 tỷ đồng, viễn thông đạt 2.700 tỷ đồng": a clause after the
        number before that opens with the rest of another metric's cue, whose head ("doanh thu")
        the number before's metric shares, names that metric with the head left out."""
        opening = _clause_opening(text, prev.end, m.token.start)
        if opening is None:
            return None
        heads = {metrics_mod.cue_head(c) for c in metric.cues}
        for rest, head, other in metrics_mod.elided_cues(taxonomy_files):
            if (other is not metric and head in heads and (opening == rest or opening.startswith(rest + " "))
                    and fits(other, check_item=False)):
                return other
        return None

    def going_on(carried, how: str) -> tuple[str, str]:
        """The number before's metric, or the one a clause leaving out its cue's head names."""
        other = elided(carried)
        return (other.id, f"the head of the cue before the number before, left out: {other.id}") if other else (carried.id, how)

    sentence_hits = hits(sentence)
    tail_end = _clause_end(text, m.end, seg1)
    next_in_clause = nxt.start if nxt is not None and m.end <= nxt.start < tail_end else None

    def nearer_the_next(h) -> bool:
        # "doanh thu đạt 10,5 tỷ USD, lợi nhuận 1,2 tỷ USD": a cue between two numbers is the
        # nearer one's ("86% người dùng Internet và 40 triệu thuê bao": the first's), or the
        # next one's when a conjunction stands before it ("62.849 tỷ đồng và lợi nhuận trước
        # thuế 11.071 tỷ đồng")
        if next_in_clause is None or h.start < m.end:
            return False
        return next_in_clause - h.end < h.start - m.end or _patterns()["conjunction"].search(text, m.end, h.start) is not None

    own = [h for h in sentence_hits if m.token.start <= h.start < tail_end and fits(h.metric) and not nearer_the_next(h)]
    if own:  # 1. a cue in the number's own words ...
        h = own[0]
        # ... unless another metric's cue qualifies the first right after it: "4.000 tên miền
        # .vn đăng ký mới" are new registrations, not the domains in use
        for later in own[1:]:
            if later.metric is not h.metric and _patterns()["modifier_gap"].fullmatch(text, h.end, later.start):
                return later.metric.id, f"cue {later.cue!r} qualifying {h.cue!r} after the number"
        return h.metric.id, f"cue {h.cue!r} after the number"
    if prev is not None and prev.end <= m.start and _patterns()["restatement"].fullmatch(text, prev.end, m.start):
        metric = by_id.get(prev.metric)
        if metric is None or not fits(metric, check_item=False):
            return "", ""
        return metric.id, "restates the number before it"
    named = _count_completes_cue(text, m, max(seg0, prev.end if prev is not None else seg0), taxonomy_files) if m.unit == "count" and m.item else None
    if named is not None and fits(named):
        return named.id, "the counted noun is the head of a cue whose rest opens the clause"
    before = [h for h in sentence_hits if seg0 <= h.start < m.token.start and fits(h.metric) and not renamed(h.metric, h.end)
              and not measures_other(h.metric, seg0, (h.start, h.end))]
    if before and prev is not None and prev.start >= seg0 and prev.unit == "count" and prev.item:
        # "số thuê bao phát triển mới ước đạt 10,2 triệu thuê bao, giảm 24,3%": a counting
        # metric's cue before a count of a noun that metric does not count described that noun
        before = [h for h in before if h.end > prev.start or "count" not in h.metric.units or h.metric.counts(prev.item)]
    # the cues before the number before this one are that number's, once a new subject follows it
    fresh = None
    if prev is not None and prev.start >= seg0 and (before or prev.metric):  # else nothing to hold back
        fresh = _fresh_subject(text, prev.end, m.token.start)
    if before or fresh is None and prev is not None and prev.metric:
        measure = hits.measure_opening(seg0, m.token.start)
        if measure is not None:
            # the cues before it described a number before it; a cue may hold the measure ("An
            # toàn thông tin ... doanh thu"), and one that fronts the topic before a comma
            # ("Về công nghiệp ICT, doanh thu ...") has no number after it to describe
            before = [h for h in before if h.end > measure or _DIGIT.search(text, h.end, measure) is None]
            if fresh is None and prev is not None and prev.end <= measure:
                fresh = measure
    if fresh is not None:
        before = [h for h in before if h.start >= fresh]
    elif (before and prev is not None and before[0].end <= prev.start and all(h.start < prev.end for h in before)
          and (carried := carried_from_prev())):
        # "lao động trong lĩnh vực công nghiệp ICT khoảng 1,7 triệu người, tăng 5,4%": the cues
        # before the number before measured that number, and this one goes on with it, unless
        # a cue of its own stands between them
        return going_on(carried, "same as the number before it, whose cues stand before both")
    # a noun written before the number ("số tên miền đăng ký mới là 120.000") stands among the
    # cues before it, which then say more than the noun alone
    # ... and so does a cue of a metric that counts nouns in the number's own clause: "số tên
    # miền đăng ký mới đạt 106.140 tên miền" are new ones, more than the noun alone says
    specific = [
        h for h in before
        if h.metric.items and (prev is None or h.start >= prev.end) and "," not in text[h.end:m.token.start]
    ] if m.unit == "count" else []
    if before and m.unit == "count" and m.rule.endswith(_NOUN_BEFORE_RULES) or specific:
        h = max(specific or before, key=lambda h: h.end)
        return h.metric.id, f"cue {h.cue!r} before, with the counted noun"
    if m.unit == "count":  # 2. the counted noun names the indicator
        for metric in metrics_mod.metrics_named_by(m.item, taxonomy_files):
            if fits(metric):
                if not metrics_mod.find_all(metric.exclude, text, m.token.start, min(s1, m.end + 20)):
                    return metric.id, f"counted noun {m.item!r}"
    if before:  # 3. nearest cue before, in the clause
        h = max(before, key=lambda h: h.end)
        return h.metric.id, f"cue {h.cue!r} before"
    # 4. a cue later in the clause, unless another number follows in it: in "A đạt 84%,
    # trong khi B đạt 82%" the cue B is the subject of 82%, not a description of 84%
    # (the total of "xếp thứ 25/194 quốc gia" is part of the rank's own words)
    alone = nxt is None or nxt.start >= seg1 or text[m.end:nxt.start].strip() == "/"
    after = [h for h in sentence_hits if m.end <= h.start < seg1 and fits(h.metric)] if alone else []
    if after and _opens_clause(text, m.end, after[0].start):
        # "đạt khoảng 6 tỷ USD, lợi nhuận của các nền tảng ...": the cue is the next clause's subject
        after = []
    if after:
        return after[0].metric.id, f"cue {after[0].cue!r} later in the clause"
    if fresh is None and (carried := carried_from_prev()):  # 5. the number before it in the clause
        return going_on(carried, "same as the number before it")
    # 5b. "doanh thu đạt 3,9 triệu tỷ đồng; năm nay phấn đấu đạt 4,2 triệu tỷ đồng": a clause after
    # ";" that names nothing goes on with the number before it, in the same unit
    if prev is not None and prev.metric and prev.unit == m.unit and prev.end <= seg0 != s0 and _names_nothing(text, seg0, m.start):
        metric = by_id.get(prev.metric)
        if metric and fits(metric, check_item=False):
            return metric.id, "the clause after ';' names nothing else: as the number before it"
    # 6. a cue earlier in the paragraph, when this sentence links back to it: a rate
    # ("với tỷ lệ 14,43%"), a back reference ("Con số này giảm 8,9%") or a count of the
    # indicator's own noun
    line0 = max(layout.line_span(m.start)[0], s0 - 1500)
    if line0 < s0 and _links_back(text, m, seg0):
        earlier = [h for h in hits((line0, s0)) if fits(h.metric) and (m.unit != "count" or h.metric.items)]
        if earlier:
            return earlier[-1].metric.id, f"cue {earlier[-1].cue!r} earlier in the paragraph"
    return "", ""


def _period(text, layout, m, sentence, times, headings, closed, doc_date) -> tuple[str, str]:
    s0, s1 = sentence
    line0 = max(layout.line_span(m.start)[0], s0 - 1500)
    nearby = times.between(line0, s1)
    usable = [t for t in nearby if t.kind in ("time", "present", "recent") and t.period]
    # 1. a year or month right after the number: "thứ hạng 100 năm 2017", "20% GDP vào năm 2025";
    # or a parenthesis right after it that holds only a time: "đạt 125 tỷ USD (9 tháng),"
    for t in usable:
        if t.start < m.end or t.start >= min(s1, m.end + 40):
            continue
        gap = text[m.end:t.start]
        if "(" in gap:
            if t.kind == "time" and _patterns()["paren_open"].fullmatch(text, m.end, t.start) and _patterns()["paren_close"].match(text, t.end, min(s1, t.end + 5)):
                return t.period, f"{text[t.start:t.end]!r} in a parenthesis after the number"
        elif t.start < m.end + 25 and len(gap.split()) <= 2 and not _PUNCT.search(gap) and _patterns()["year_or_month"].match(text, t.start, t.end):
            return t.period, f"{text[t.start:t.end]!r} after the number"
    # 1b. "tăng 87,8% so với tháng 9/2022 (khoảng 230 tỷ đồng)": a parenthesis right after a
    # comparison states the value at the compared time
    for t in nearby:
        if t.kind == "baseline" and t.period and t.end <= m.start and _patterns()["paren_after"].fullmatch(text, t.end, m.start):
            return t.period, f"{text[t.start:t.end]!r}: the parenthesis states the compared value"
    # 2. the nearest time before it in the sentence, outside parentheses closed before it
    before = [t for t in nearby if t.kind in ("time", "present", "recent") and s0 <= t.start and t.end <= m.start and not _inside(t.start, closed)]
    before = [t for t in before if t.period or t.kind != "time"]
    if before and before[-1].kind == "time":
        t = before[-1]
        return t.period, f"{text[t.start:t.end]!r} in the sentence"
    # 2a. a parenthesis closing the sentence with nothing but a time in it dates the sentence's
    # figures, and says more than a "hiện nay" before them: "chiếm 79,1% dân số (tháng 1/2024)."
    closing = _closing_parenthesis_time(text, sentence, times)
    if closing is not None and closing[0] >= m.end:
        return closing[1], f"{text[closing[0]:closing[2]]!r}, the parenthesis closing the sentence"
    if before:
        t = before[-1]
        return t.period, f"{text[t.start:t.end]!r} in the sentence"
    # 2b. a year later in the same clause: "Gần 50% doanh nghiệp bị tấn công mạng năm 2024"; any
    # other time only a few words on ("đạt 5 tỷ USD trong quý I/2025", "5 triệu thuê bao tính
    # đến hết tháng 6/2025"): farther away it tends to date something else in a long clause
    clause_end = _clause_end(text, m.end, s1)
    near = m.end + load("time")["period"]["later_in_clause_chars"]
    for t in usable:
        if m.end <= t.start < clause_end and t.kind == "time" and (
                t.start <= near or _patterns()["year_word"].match(text, t.start, t.end)
                or _patterns()["so_far_before"].search(text, max(m.end, t.start - 8), t.start)
                or _patterns()["so_far_opening"].match(text, t.start, t.end)):
            return t.period, f"{text[t.start:t.end]!r} later in the clause"
    # the sentence speaks of now: only the document's date can say when
    if any(t.kind in ("present", "recent") and s0 <= t.start < s1 for t in nearby):
        return "", ""
    # 3. a time opening an earlier sentence of the paragraph
    reach = load("time")["period"]["paragraph_scope_chars"]
    earlier = []
    for t in usable:
        if line0 <= t.start < s0 and t.kind == "time":
            ts0, _ = layout.sentence_span(t.start)
            opens = t.start - ts0 <= reach or _patterns()["after_source"].fullmatch(text, ts0, t.start)
            if opens and not _inside(t.start, closed_parentheses(text, ts0, t.start + 1)):
                earlier.append(t)
    # 3b. "tăng 3% so với tháng trước" in a sentence that names no time: the figure is one
    # month's, and the month is the one the document last named; an earlier sentence's time
    # of another length ("Tính từ đầu năm đến nay, ...") does not scope it
    scoped = _scope_of_previous_period(text, sentence, times, doc_date)
    if earlier and (scoped is None or _granularity(earlier[-1].period) == _granularity(scoped.period)):
        t = earlier[-1]
        return t.period, f"{text[t.start:t.end]!r} earlier in the paragraph"
    if scoped is not None:
        return scoped.period, f"{text[scoped.start:scoped.end]!r}, the period in scope of a comparison with the one before"
    # 4. the heading that scopes this part of the document
    i = bisect.bisect_left(headings, (layout.line_span(m.start)[0],)) - 1
    if i >= 0:
        return headings[i][1], "heading"
    return "", ""


_SENTENCE_CLOSE = ".;!?…"


def _closing_parenthesis_time(text, sentence, times) -> tuple[int, str, int] | None:
    """(start, period, end) of the parenthesis that closes ``sentence`` when it holds a time
    and nothing else but lead words ("số liệu tính đến"): "(tháng 1/2024)", "(2024)",
    "(2016-2020)"."""
    s0, j = sentence
    while j > s0 and (text[j - 1].isspace() or text[j - 1] in _SENTENCE_CLOSE):
        j -= 1
    if j <= s0 or text[j - 1] != ")":
        return None
    close = j - 1
    open_ = text.rfind("(", s0, close)
    if open_ < 0:
        return None
    pattern = _patterns()["paren_time"]
    bare = pattern.fullmatch(text, open_ + 1, close)
    if bare and bare["y1"]:
        return open_, bare["y1"] + (f"/{bare['y2']}" if bare["y2"] else ""), j
    inside = [t for t in times.between(open_ + 1, close) if t.end <= close]
    if (
        len(inside) == 1 and inside[0].kind == "time" and inside[0].period
        and pattern.fullmatch(text, open_ + 1, inside[0].start) and not text[inside[0].end:close].strip()
    ):
        return open_, inside[0].period, j
    return None


def _granularity(period: str) -> str:
    """"month", "quarter" or "year" for a period of exactly that length, else "".

    >>> [_granularity(p) for p in ("2023-09", "2016-01/2016-03", "2019", "2019-01/2019-06", "2023-09-30")]
    ['month', 'quarter', 'year', '', '']
    """
    if "/" in period:
        a, _, b = period.partition("/")
        if len(a) == len(b) == 7 and a[:4] == b[:4] and int(a[5:]) % 3 == 1 and int(b[5:]) == int(a[5:]) + 2:
            return "quarter"
        return ""
    return {4: "year", 7: "month"}.get(len(period), "")


@functools.cache
def _previous_period_tails() -> re.Pattern:
    """A literal search for the last words of "tháng trước", "năm ngoái" ... less their first
    letter ("rước", "goái"): cheaper than lower-casing the sentence, it passes "Trước" and
    "trước" alike. An empty tail (a one-letter word) passes every sentence.

    >>> _previous_period_tails().pattern
    'goái|rước'
    """
    period = load("time")["period"]
    tails = {p.split()[-1][1:] for key in ("last_month", "last_quarter", "last_year") for p in period[key]}
    return re.compile("|".join(sorted(map(re.escape, tails))))


def _scope_of_previous_period(text, sentence, times, doc_date):
    """The time that scopes a sentence comparing with "tháng trước" ("quý trước", "năm trước").

    That comparison makes the figures of the sentence one month's (quarter's, year's); which
    one it leaves to what came before: the latest time of that length the document named,
    within reach, and not after the document's own date. "so với cùng kỳ năm ngoái" says
    nothing of the length and scopes nothing."""
    s0, s1 = sentence
    found = _previous_period_tails().search(text, s0, s1) and comparison_patterns()["previous_period"].search(text, s0, s1)
    if found:
        wanted, baseline = found.lastgroup, ""
    else:
        # "tăng 0,4 triệu thuê bao so với tháng 8": a month (quarter) named as the baseline says
        # the same of the length, and the figure's is a later one
        named = [t for t in times.between(s0, s1) if t.kind == "baseline" and _granularity(t.period) in ("month", "quarter")]
        if not named:
            return None
        wanted, baseline = _granularity(named[0].period), named[0].period
    reach = load("time")["period"]["previous_period_scope_chars"]
    for t in reversed(times.between(max(0, s0 - reach), s0)):
        if (t.kind == "time" and t.period and _granularity(t.period) == wanted and t.period > baseline
                and not after_document(t.period, doc_date)):
            return t
    return None


def _is_year_span(period: str) -> bool:
    return len(period) == 9 and period[4] == "/" and period[:4].isdigit() and period[5:].isdigit()


def _end_of_span(text, m, prev, nxt, period, how) -> tuple[str, str]:
    """"Giai đoạn 2020-2023, số doanh nghiệp tăng từ 58.000 lên 73.000": the level a change
    started from is the first year's, the level it reached the last year's; any other number
    of the span (the change itself, "tăng 15.000") keeps the whole span."""
    first, _, last = period.partition("/")
    if nxt is not None and is_level_pair(text, m.start, m.end, nxt.start):
        return first, f"{how}; the level a change started from, so its first year"
    if prev is not None and is_level_pair(text, prev.start, prev.end, m.start):
        return last, f"{how}; the level a change reached, so its last year"
    return period, how


class _Times(list):
    """Time expressions sorted by start, with a range look-up."""

    def __init__(self, items):
        super().__init__(items)
        self._starts = [t.start for t in self]

    def between(self, start: int, end: int):
        return self[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _time_right_after(text, end, times, s1):
    """The baseline time standing right after ``end`` (its "lần"), "mức" and the like aside."""
    gap = comparison_patterns()["after_multiple"]
    return next((t for t in times.between(end, min(s1, end + 40)) if t.kind == "baseline" and gap.fullmatch(text, end, t.start)), None)


# "so với năm 2019" within a few words after the number, or "gấp 4 lần cùng kỳ năm 2024"
def _baseline(text, m, sentence, times) -> str:
    """The period a change or multiple is measured against: "so với năm 2019" → "2019"."""
    s0, s1 = sentence
    compare = comparison_patterns()
    b = compare["baseline"].match(text, m.end, min(s1, m.end + 80))
    if b:
        at, limit = b.end(), min(s1, b.end() + 50)  # the baseline never reaches past the sentence
    elif m.unit == "x" and (right_after := _time_right_after(text, m.end, times, s1)) is not None:
        # "gấp 1,5 lần năm 2024": find_times marked the time right after "gấp ... lần" a baseline
        at, limit = m.end, right_after.end
    else:
        # "So với năm 2020, số doanh nghiệp tăng gấp 1,5 lần": a comparison opening the sentence,
        # as a clause of its own before the number
        b = compare["fronted"].match(text, s0, m.start)
        comma = text.find(",", b.end(), m.start) if b else -1
        if comma == -1:
            return ""
        at, limit = b.end(), comma
    tail = text[at:limit].lower()
    period_words = load("time")["period"]
    # "năm trước", "tháng trước" are the year (month) before the figure's own, not before the
    # document's date, which is all a time expression alone can resolve them against
    before_own = (
        (tuple(period_words["last_year"]), {"years": -1}),
        (tuple(period_words["last_month"]), {"months": -1}),
        (tuple(period_words["last_quarter"]), {"months": -3}),
    )
    for t in times.between(at, limit):
        if t.period:
            if compare["same_period_last_year"].match(tail) and m.period:
                return shift(m.period, years=-1)
            if len(t.period) == 4 and len(m.period) > 4 and compare["same_period"].match(tail):
                # "so với cùng kỳ năm 2024" of nine months' figure: those nine months of 2024
                return shift(m.period, years=int(t.period) - int(m.period.rpartition("/")[2][:4]))
            said = text[t.start:t.end].lower()
            step = next((step for words, step in before_own if said.startswith(words)), None)
            return shift(m.period, **step) if step and m.period else t.period
    if not m.period:
        return ""
    if compare["same_period"].match(tail):
        return shift(m.period, years=-1)
    for words, step in before_own:
        if tail.startswith(words):
            return shift(m.period, **step)
    return ""
