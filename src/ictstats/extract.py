"""The pipeline: text in, rows out. Read it top to bottom.

1. ``numbers``     find every numeral and read its value;
2. ranges          join ``70-80`` and ``từ 20 đến 30`` into one numeral;
3. ``exclusions``  drop numerals inside dates, identifiers, versions, names...;
4. ``units``       read the unit, rank or counted noun around each numeral;
5. ``qualifiers``  read ``gần``/``hơn``/``top`` and ``tăng``/``giảm``;
6. ``context``     metric, period and status from the sentence and document;
7. rows.

Every kept mention records the rules that shaped it (``Mention.trace``) and every
dropped numeral its reason (``Rejection``); ``explain`` shows both.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import regex

from . import context, metrics, numbers, periods, status
from .config import DEFAULT, Config
from .cues import Words
from .exclusions import Protected
from .lexicon import (
    compile_before,
    load,
    word_gate,
    word_set,
    words_alternation,
    words_right_before,
)
from .numbers import NumberToken, apply_scale, find_numbers, whole_count
from .qualifiers import (
    is_level_pair,
    qualifier_cues,
    read_change,
    read_qualifier,
    read_qualifier_pair,
)
from .row import Row
from .text import Layout, normalize
from .units import (
    UnitReading,
    currencies,
    is_known_noun,
    is_ordinal,
    per_capita_base,
    per_capita_unit,
    read_counted,
    read_currency_before,
    read_item,
    read_measure,
    read_part_of_total,
    read_rank,
    total_openings,
)

_SPACE = r"[ \t\u00a0]*"
_LEFT = r"(?:^|(?<=[^\p{L}]))"


@dataclass
class Mention:
    """A numeral accepted as a quantity, while the pipeline fills it in."""

    token: NumberToken
    start: int
    end: int
    unit: str
    item: str
    rule: str
    qualifier: str = "="
    change: str = ""
    metric: str = ""
    period: str = ""
    status: str = "actual"
    compared_to: str = ""
    trace: list[tuple[str, str]] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.token.value

    @property
    def value_max(self) -> float | None:
        return self.token.value_max


class Rejection(NamedTuple):
    """A numeral that is not a quantity, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Scan:
    """Everything the pipeline learned about one document."""

    text: str
    layout: Layout
    mentions: list[Mention]
    rejections: list[Rejection]
    doc_date: str = ""
    words: Words | None = None


def extract(text: str, doc: str = "-", config: Config = DEFAULT) -> list[Row]:
    """Every quantity mention in ``text`` as a SPEC row, in document order.

    >>> [(r.surface, r.value, r.unit, r.qualifier) for r in extract("Việt Nam sở hữu hơn 16 triệu địa chỉ IPv4.")]
    [('hơn 16 triệu địa chỉ IPv4', 16000000.0, 'count', '>')]
    >>> [(r.surface, r.value, r.unit, r.change) for r in extract("doanh thu đạt 118 tỷ USD, tăng trưởng 7%")]
    [('118 tỷ USD', 118000000000.0, 'USD', ''), ('7%', 7.0, '%', 'up')]
    """
    return rows_of(scan(text, config), doc)


def rows_of(result: Scan, doc: str) -> list[Row]:
    text, layout = result.text, result.layout
    return [
        Row(
            doc=doc,
            line=layout.line_of(m.start),
            start=m.start,
            end=m.end,
            surface=text[m.start:m.end],
            value=m.value,
            value_max=m.value_max,
            unit=m.unit,
            item=m.item,
            qualifier=m.qualifier,
            change=m.change,
            metric=m.metric,
            period=m.period,
            status=m.status,
            sentence=layout.sentence(m.start),
            rule=m.rule,
            doc_date=result.doc_date,
            compared_to=m.compared_to,
        )
        for m in result.mentions
    ]


def scan(text: str, config: Config = DEFAULT) -> Scan:
    """Run the pipeline over one document."""
    text = normalize(text)
    layout = Layout(text)
    words = Words(text, _vocabulary(config.taxonomy_files))  # shared by numbers, times and cues
    tokens = find_numbers(text, words=words)
    protected = Protected(text, [t.start for t in tokens])
    mentions: list[Mention] = []
    rejections: list[Rejection] = []
    kept = []
    for tok in tokens:
        why = protected.reason(tok.start)
        if why:
            rejections.append(Rejection(tok.start, tok.end, text[tok.start:tok.end], why))
        else:
            kept.append(tok)
    consumed = 0
    for tok in join_ranges(text, kept):
        if tok.start < consumed:
            continue
        outcome = classify(text, tok, protected, layout, mentions)
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
            continue
        outcome.trace.insert(0, ("number", _number_step(tok)))
        mentions.append(outcome)
        consumed = outcome.end
    mentions = join_unit_ranges(text, mentions)
    mentions = join_compound_durations(text, mentions)
    take_unit_from_level_reached(text, mentions)
    result = Scan(text, layout, mentions, rejections, words=words)
    context.annotate(result, config)
    return result


@functools.cache
def _vocabulary(taxonomy_files: tuple[str, ...]) -> frozenset[str]:
    """Every word a stage looks up in a document, found there in one pass."""
    taxonomy = metrics.taxonomy(taxonomy_files)
    return (numbers.looked_up_words() | periods.looked_up_words() | status.looked_up_words() | metrics.looked_up_words(taxonomy)
            | context.looked_up_words())


# --- ranges ---------------------------------------------------------------

_DASH_GAP = regex.compile(r"\s*[-–—]\s*")
_RANGE = load("numbers")["range"]
_TO_GAP = regex.compile(r"\s+(?:" + words_alternation(_RANGE["joiners"]) + r"|-|–)\s+")
_FROM_BEFORE = words_right_before(_RANGE["opener"])


def join_ranges(text: str, tokens: list[NumberToken]) -> list[NumberToken]:
    """Join ``70-80``, ``5 - 6``, ``3,6-4,5``, ``từ 20 đến 30`` and ``5 đến 7`` into range tokens.

    The scale of the second number applies to the first when it has none
    (``từ 20 đến 30 tỷ USD``). Year pairs are left alone: exclusions drop them.
    """
    out: list[NumberToken] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        b = tokens[i + 1] if i + 1 < len(tokens) else None
        if b and a.kind == b.kind != "multiplier" and not a.glued:
            gap = text[a.end:b.start]
            rule = ""
            if _DASH_GAP.fullmatch(gap) and "\n" not in gap:
                rule = "range.dash"
            elif _TO_GAP.fullmatch(gap) and _FROM_BEFORE.search(text, max(0, a.start - 6), a.start):
                rule = "range.from_to"
            elif _TO_GAP.fullmatch(gap) and a.kind == "digits":
                rule = "range.to"  # "tăng 5 đến 7%": the joiner alone, a number on each side
            low = apply_scale(a.value, b.scale) if a.scale == 1.0 and b.scale != 1.0 else a.value
            if rule and low < b.value and not _looks_like_years(a, b):
                start = a.start
                if rule == "range.from_to":
                    start = a.start - len(_FROM_BEFORE.search(text, max(0, a.start - 6), a.start).group())
                out.append(b._replace(start=start, value=low, value_max=b.value, raw=text[start:b.start] + b.raw, range_rule=rule))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_FROM_TO_GAP = regex.compile(r"\s+" + words_alternation(_RANGE["joiners"]) + r"\s+|\s*[-–—]\s*")


def join_unit_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """"từ 70.000 đồng đến 150.000 đồng": two mentions with the same unit joined by đến after
    từ are one range, whose unit is that of the second (SPEC §2)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.token.value_max is None and m.token.value_max is None
            and prev.unit and prev.unit.split("/")[0] == m.unit.split("/")[0] and prev.item == m.item
            and prev.qualifier == "=" and m.qualifier == "="
            and _FROM_TO_GAP.fullmatch(text, prev.end, m.start)
            and _FROM_BEFORE.search(text, max(0, prev.start - 6), prev.start)
            and prev.value < m.value
        ):
            start = prev.start - len(_FROM_BEFORE.search(text, max(0, prev.start - 6), prev.start).group())
            token = m.token._replace(start=start, value=prev.value, value_max=m.value, raw=text[start:m.token.end], range_rule="range.from_to")
            joined = replace(m, token=token, start=start, qualifier="range", rule=_rule(token, m.rule.split("/", 1)[1]), change=prev.change or m.change, trace=prev.trace + m.trace + [("range", "joined with the number before it")])
            out[-1] = joined
            continue
        out.append(m)
    return out


_BLANK = regex.compile(r"[ \t\u00a0]+")


@functools.cache
def _compound_duration_pairs() -> dict[tuple[str, str], float]:
    return {(big, small): float(factor) for big, small, factor in load("units")["compound_duration"]["pairs"]}


def join_compound_durations(text: str, mentions: list[Mention]) -> list[Mention]:
    """"6 giờ 30 phút", "2 năm 3 tháng": a duration and one in the next smaller unit right
    after it are one duration, in the larger unit (6.5 hours)."""
    pairs = _compound_duration_pairs()
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        factor = pairs.get((prev.unit, m.unit)) if prev is not None else None
        if (
            factor and prev.token.value_max is None and m.token.value_max is None
            and m.qualifier == "=" and not m.change and m.value < factor
            and _BLANK.fullmatch(text, prev.end, m.start)
        ):
            token = prev.token._replace(value=prev.value + m.value / factor, end=m.token.end)
            out[-1] = replace(prev, token=token, end=m.end, rule=_rule(prev.token, "duration.compound"),
                              trace=prev.trace + [("unit", f"duration.compound: {text[prev.start:m.end]!r} = {token.value:g} {prev.unit}")])
            continue
        out.append(m)
    return out


def take_unit_from_level_reached(text: str, mentions: list[Mention]) -> None:
    """"tăng từ 58.000 lên 74.000 doanh nghiệp", "giảm từ 150 xuống còn 120 nghìn đồng": a bare
    number a change starts from takes the unit, item and scale of the level it reaches, when
    the two are within a factor of ten of each other (else the text is too loose to tell)."""
    for m, n in zip(mentions, mentions[1:]):
        if m.unit or not m.rule.endswith(("/bare", "/bare.scaled")) or not n.unit or m.token.value_max is not None:
            continue
        if not is_level_pair(text, m.start, m.end, n.start):
            continue
        token = m.token
        if token.scale == 1.0 and n.token.scale != 1.0:
            token = token._replace(value=apply_scale(token.value, n.token.scale), scale=n.token.scale)
        low, high = sorted((abs(token.value), abs(n.value)))
        if low == 0 or high / low > 10:
            continue
        m.token, m.unit, m.item = token, n.unit, n.item
        m.rule = _rule(token, "level_start")
        m.trace.append(("unit", f"level_start: {n.unit or 'no unit'} of the level reached, {text[n.start:n.end]!r}"))


def _looks_like_years(a: NumberToken, b: NumberToken) -> bool:
    return all(t.scale == 1.0 and t.raw.isdigit() and len(t.raw) == 4 and 1900 <= t.value <= 2100 for t in (a, b))


# --- one numeral ------------------------------------------------------------


def classify(text: str, tok: NumberToken, protected: Protected, layout: Layout, mentions: list[Mention]) -> Mention | Rejection:
    """Decide whether ``tok`` is a quantity and, if so, read what it measures."""

    def reject(reason: str) -> Rejection:
        return Rejection(tok.start, tok.end, text[tok.start:tok.end], reason)

    if not math.isfinite(tok.value) or (tok.value_max is not None and not math.isfinite(tok.value_max)):
        return reject("overflow")  # 100 000 digits are not a statistic
    if tok.glued:
        measure = read_measure(text, tok.start + len(tok.raw))
        if not measure:
            return reject("tech.name")  # 5G, IPv6, 4K: letters glued to the digits
    if _alone_on_line(text, tok, layout):
        return reject("furniture")

    rank = read_rank(text, tok.start, tok.end)
    if rank:
        start, rule, qualifier = rank
        m = Mention(tok, start, tok.end, "rank", "", _rule(tok, rule), qualifier=qualifier)
        m.trace.append(("unit", f"{rule}: {text[start:tok.start].strip()!r}"))
        return _finish(text, m, layout, mentions, qualifier_read=qualifier != "=")
    if tok.kind == "ordinal":
        return reject("ordinal")
    if tok.kind == "spelled" and _vague(text, tok.start):
        return reject("vague")
    if is_ordinal(text, tok.start):
        return reject("ordinal")

    if tok.kind == "multiplier":
        m = Mention(tok, tok.start, tok.end, "x", "", "multiplier.prefix")
        return _finish(text, m, layout, mentions)
    if tok.kind == "fraction":  # "một phần ba": a share of a whole, whatever noun follows
        m = Mention(tok, tok.start, tok.end, "%", "", _rule(tok, "percent.fraction"))
        return _finish(text, m, layout, mentions)

    prefix = read_currency_before(text, tok.start) if tok.kind == "digits" else None
    if prefix:
        unit, start = prefix
        m = Mention(tok, start, tok.end, unit, "", _rule(tok, "currency.prefix"))
        m.trace.append(("unit", f"currency.prefix: {text[start:tok.start].strip()!r}"))
        return _finish(text, m, layout, mentions)
    reading = read_measure(text, tok.end) or _score(text, tok, layout)
    # most numbers have no "/" or "trong" after them: one string test settles them ("95/100 điểm" is a score)
    over = reading is None and text.startswith(total_openings(), tok.end) and tok.kind == "digits" and _whole(tok)
    part = read_part_of_total(text, tok.end, tok.value, tok.start) if over else None
    if part:
        reading, total = part
        # a fraction's value is its share; its mention covers the total, which is read no further
        token = tok._replace(value=tok.value / total * 100, end=reading.end) if reading.unit == "%" else tok
        m = Mention(token, tok.start, reading.end, reading.unit, reading.item, _rule(tok, reading.rule))
        m.trace.append(("unit", f"{reading.rule}: {text[tok.start:reading.end]!r} (total {total:g})"))
        return _finish(text, m, layout, mentions)
    reading = reading or read_counted(text, tok.end)
    strong = reading is not None and reading.unit not in ("count",)
    counts_known_noun = reading is not None and reading.unit == "count" and is_known_noun(reading.item)
    if tok.kind == "digits" and not strong and not counts_known_noun and tok.scale == 1.0 and _name_before(text, tok.start, layout):
        return reject("name")
    if _year_like(tok) and (reading is None or reading.rule == "duration"):
        return reject("date.year")
    if reading is not None and reading.rule == "duration" and _YEAR_AFTER.match(text, reading.end):
        # "gấp 3 năm 2020": a multiple of that year's figure; "từ 58.000 năm 2020 lên 74.000 năm
        # 2024": a level in that year ("5 năm 2021-2025" is five years, spanned)
        reading = None

    if reading is not None:
        if reading.unit == "count" and tok.kind == "digits" and tok.scale == 1.0:
            tok = tok._replace(value=whole_count(tok.raw, tok.value))  # "1,234 phản ánh": things come whole
        m = Mention(tok, tok.start, reading.end, reading.unit, reading.item, _rule(tok, reading.rule))
        m.trace.append(("unit", f"{reading.rule}: {text[tok.end:reading.end].strip()!r}"))
        return _finish(text, m, layout, mentions)

    multiple = _multiple_before(text, tok)
    if multiple is not None:
        m = Mention(tok, multiple, tok.end, "x", "", _rule(tok, "multiplier.before"))
        m.trace.append(("unit", f"multiplier.before: {text[multiple:tok.start].strip()!r}"))
        return _finish(text, m, layout, mentions)
    if tok.kind == "spelled":
        return reject("spelled.no_noun")
    if _level_name(text, tok):
        return reject("level")
    bare = _bare(text, tok, layout, mentions)
    if bare is None:
        return reject("bare")
    return _finish(text, bare, layout, mentions)


def _number_step(tok: NumberToken) -> str:
    how = {"digits": "digits", "spelled": "spelled-out numeral", "ordinal": "ordinal word", "multiplier": "multiplier", "fraction": "spelled fraction"}[tok.kind]
    scale = f", scale x{tok.scale:g}" if tok.scale != 1.0 else ""
    span = f" to {tok.value_max:g} ({tok.range_rule})" if tok.value_max is not None else ""
    return f"{how} {tok.raw!r} = {tok.value:g}{span}{scale}"


def _rule(tok: NumberToken, unit_rule: str) -> str:
    prefix = tok.range_rule or {"digits": "number", "spelled": "spelled", "ordinal": "ordinal", "multiplier": "number", "fraction": "spelled"}[tok.kind]
    return f"{prefix}/{unit_rule}"


def _finish(text: str, m: Mention, layout: Layout, mentions: list[Mention], *, qualifier_read: bool = False) -> Mention:
    """Qualifier, change and paired cues around an accepted mention."""
    pair = None if qualifier_read else read_qualifier_pair(text, m.start, m.end)
    if pair:
        m.qualifier, m.start, m.end = pair
        m.trace.append(("qualifier", f"{pair[0]}: two-part cue {text[m.start:m.end]!r}"))
    elif not qualifier_read:
        qualifier, start = read_qualifier(text, m.start)
        if qualifier != "=" and not _total_of_rank(text, m, mentions):
            m.qualifier, m.start = qualifier, start
            m.trace.append(("qualifier", f"{qualifier}: {text[start:m.token.start].strip()!r}"))
    if m.token.value_max is not None:
        m.qualifier = "range"
    m.change = read_change(text, m.start, m.end)
    if m.change:
        m.trace.append(("change", m.change))
    elif sign := _sign_before(text, m):
        m.change, m.start = sign, m.start - 1
        m.trace.append(("change", f"{sign}: sign {text[m.start]!r}"))
    elif _in_parenthesis_after(text, m, mentions):
        m.change = mentions[-1].change
        m.trace.append(("change", f"{m.change}: parenthesis after a change"))
    elif _continues_change_list(text, m, mentions, layout):
        m.change = mentions[-1].change
        m.trace.append(("change", f"{m.change}: listed after a change ({text[mentions[-1].end:m.start].strip()!r})"))
    return m


# --- helpers --------------------------------------------------------------


def _sign_before(text: str, m: Mention) -> str:
    """"up" or "down" for a sign glued to a number with nothing else before it: " +12,5%",
    "(-3,2%)"; "" otherwise ("70-80%", a "-" opening a list line)."""
    if m.start != m.token.start or m.start < 2 or text[m.start - 2] not in " \t(":
        return ""
    return load("qualifiers")["change"]["signs"].get(text[m.start - 1], "")


def _total_of_rank(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """"xếp thứ 46 trên 132 nền kinh tế": right after a rank, "trên" is "out of", not "more than"."""
    prev = mentions[-1] if mentions else None
    if prev is None or prev.unit != "rank" or m.token.start - prev.end > 12:
        return False
    return " ".join(text[prev.end:m.token.start].lower().split()) in word_set("context", "rank", "out_of")


def _alone_on_line(text: str, tok: NumberToken, layout: Layout) -> bool:
    """Page furniture: a number alone on its line, a line made mostly of numbers, or a
    counter such as "0 Thanh Niên"."""
    start, end = layout.line_span(tok.start)
    if end - start > len(tok.raw) + 80:
        return False  # a long line is prose: no need to copy it for every number in it
    line = text[start:end].strip()
    if line == tok.raw:
        return True
    # the numeral is one word, however many spaces group its digits ("15 000 000 thuê bao")
    words = (text[start:tok.start] + "".join(tok.raw.split()) + text[tok.start + len(tok.raw):end]).split()
    if len(words) <= 6 and sum(w.isdigit() for w in words) * 2 >= len(words):
        return True  # "Trang 1 2 3 Tiếp": pagination and counters, not prose
    if tok.kind == "digits" and line.startswith(tok.raw + " "):
        rest = line[len(tok.raw):].split()
        return 0 < len(rest) <= 3 and all(w[:1].isupper() for w in rest) and not any(c in line for c in ".,;:%")
    return False


@functools.cache
def _vague_pattern() -> regex.Pattern:
    return words_right_before(load("numbers")["spelled"]["vague_before"])


def _vague(text: str, start: int) -> bool:
    return bool(_vague_pattern().search(text, max(0, start - 12), start))


_PREV_WORDS = compile_before(r"([\p{L}\p{N}&]+)(\s+)\Z")
_OPEN_PAREN = regex.compile(r"\s*\(\s*")


@functools.cache
def _name_word_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Words that end a name looking back from a number, and words that are never part of one."""
    stops = word_set("context", "nouns", "stop_words") | word_set("context", "value_cues")
    return stops, frozenset(load("context")["names"]["not_name_words"])


def _name_before(text: str, start: int, layout: Layout) -> bool:
    """"Bộ Tư lệnh 86", "AIPA 41", "Hội nghị Trung ương 7": a number that is part of a name."""
    stops, not_name = _name_word_sets()
    sentence_start = layout.sentence_span(start)[0]
    pos = start
    for depth in range(2):
        m = _PREV_WORDS.search(text, max(0, pos - 40), pos)
        if not m or " " not in m.group(2) and m.group(2) != "" and not m.group(2).isspace():
            return False
        word = m.group(1)
        if word.lower() in stops or word in not_name:
            return False
        initial = text[sentence_start:m.start()].strip(" \t\"“'(") == ""
        if depth == 0 and len(word) >= 2 and word.isalpha() and (word.isupper() or any(c.isupper() for c in word[1:])):
            return True  # an acronym or a mixed-case brand right before the number (AIPA 41, iPhone 15)
        if word[0].isupper() and not initial:
            return True
        if initial:
            return False
        pos = m.start()
    return False


def _whole(tok: NumberToken) -> bool:
    """A plain whole number ("25", "1.200"): no scale, no range, no decimals, not a year."""
    return tok.scale == 1.0 and tok.value_max is None and "," not in tok.raw and tok.value == int(tok.value) and not _year_like(tok)


def _year_like(tok: NumberToken) -> bool:
    return tok.kind == "digits" and tok.scale == 1.0 and tok.raw.isdigit() and len(tok.raw) == 4 and 1900 <= tok.value <= 2100 and tok.value_max is None


@functools.cache
def _bare_patterns():
    ctx = load("context")
    quals = qualifier_cues()
    value = compile_before(
        _LEFT + words_alternation(ctx["value_cues"]) + r"(?:\s+" + words_alternation(quals) + r")?" + _SPACE + r"[“\"]?\Z"
    )
    not_before = regex.compile(_SPACE + words_alternation(ctx["value_cue_not_before"]) + r"(?![\p{L}])")
    equivalence = regex.compile(_SPACE + words_alternation(ctx["bare"]["equivalence_after"]) + r"(?![\p{L}])")
    known = words_alternation(ctx["nouns"]["known"])
    noun_before = regex.compile(_LEFT + words_alternation(ctx["count_subject"]) + r"\s+(" + known + r")(?![\p{L}])")
    any_noun = regex.compile(_LEFT + "(" + known + r")(?![\p{L}])")
    return value, not_before, equivalence, noun_before, any_noun, word_gate(ctx["value_cues"])


# what may stand before a bulletin line's label: spaces, a dash or a bullet
_LABEL_LEAD = regex.compile(r"[\s\-–•*+]*")


def _noun_with_tech(text: str, noun: regex.Match) -> str:
    """The known noun a count names before its number, with the technology tokens after it
    ("số địa chỉ IPv4 là ..." counts "địa chỉ ipv4", SPEC §3), as after a number."""
    item, end = read_item(text, noun.start(1) - 1)
    return item if end > noun.start(1) else noun.group(1).lower()


def _opens_with(text: str, clause: int, item: str, any_noun: regex.Pattern) -> bool:
    """Does the clause starting at ``clause`` open with the known noun ``item`` begins with?"""
    head = text[clause:clause + 20]
    start = clause + len(head) - len(head.lstrip())
    noun = any_noun.match(text, start, start + 60)
    return noun is not None and item.startswith(noun.group(1).lower())


@functools.cache
def _per_capita_before() -> regex.Pattern:
    """"thuê bao băng rộng di động trên 100 dân đạt ": a rate per 100 (1 000) people named before
    the number, with the noun it counts; searched backwards from the number."""
    pc = load("units")["per_capita"]
    known = words_alternation(load("context")["nouns"]["known"])
    return compile_before(
        r"(?:(?<![\p{L}])(" + known + r")(?:\s+\p{L}+){0,3}?\s*)?" + words_alternation(pc["joiners"]) + r"\s*" + per_capita_base() + r"\s+"
        + words_alternation(pc["population_words"]) + r"(?![\p{L}])[^\d;.!?]{0,40}?(?<![\p{L}])"
        + words_alternation(pc["value_verbs"]) + r"(?![\p{L}])[^\d;.!?]{0,15}\Z"
    )


@functools.cache
def _fronted_lead() -> regex.Pattern:
    return regex.compile(r"\s*" + words_alternation(load("context")["bare"]["fronted_lead"]) + r"\s*")


@functools.cache
def _level_pattern() -> tuple[regex.Pattern, int]:
    bare = load("context")["bare"]
    return compile_before(_LEFT + words_alternation(bare["level_before"]) + r"\s+\Z"), bare["level_max"]


def _level_name(text: str, tok: NumberToken) -> bool:
    """"tài khoản định danh mức 2": a bare single digit after a level word names the level."""
    before, level_max = _level_pattern()
    return tok.raw.isdigit() and len(tok.raw) == 1 and 1 <= tok.value <= level_max and tok.scale == 1.0 and bool(before.search(text, max(0, tok.start - 10), tok.start))


_YEAR_AFTER = regex.compile(r"[ \t\u00a0]+(?:19|20)\d\d(?!\d|\s*[-–]\s*(?:19|20)\d\d)")


@functools.cache
def _multiple_pattern() -> regex.Pattern:
    return compile_before(_LEFT + words_alternation(load("time")["comparison"]["multiple_open"]) + r"\s+\Z")


def _multiple_before(text: str, tok: NumberToken) -> int | None:
    """Where "gấp" starts before a number that no unit or noun follows: "tăng gấp 3 so với
    năm 2022", "gấp ba" are multiples without "lần" ("tuyển gấp 500 kỹ sư" counts engineers:
    its noun was read before this is asked)."""
    found = _multiple_pattern().search(text, max(0, tok.start - 10), tok.start)
    return found.start() if found else None


def _clause_start(text: str, start: int, layout: Layout, cuts: str = ",;:(") -> int:
    s = max(layout.sentence_span(start)[0], start - 300)
    cut = max(text.rfind(c, s, start) for c in cuts)
    return max(s, cut + 1)


def _bare(text: str, tok: NumberToken, layout: Layout, mentions: list[Mention]) -> Mention | None:
    """A number with no unit after it: keep it only when the words around say it is a value."""
    value_cue, not_before, equivalence, noun_before, any_noun, gate = _bare_patterns()
    _, q_start = read_qualifier(text, tok.start)
    lo = max(0, q_start - 25)
    cue = gate.search(text[lo:q_start].lower()) and value_cue.search(text, lo, q_start)
    if cue and not_before.match(text, tok.end, tok.end + 20):
        cue = None
    if cue:
        rate = _per_capita_before().search(text, max(0, q_start - 140), q_start)
        if rate:
            m = Mention(tok, tok.start, tok.end, per_capita_unit(rate.group(2)), (rate.group(1) or "").lower(), _rule(tok, "per_capita.before"))
            m.trace.append(("unit", f"per_capita.before: {text[rate.start():rate.end()].strip()!r}"))
            return m
    change = read_change(text, tok.start)
    formatted = "." in tok.raw or "," in tok.raw
    equivalent = equivalence.match(text, tok.end, tok.end + 30)
    # "Số tài khoản định danh điện tử: 65 triệu": a label before a colon that names a count
    # ("số X") is the number's subject, and the colon says it is a value
    label = None
    lo = max(0, q_start - 10)
    colon = lo + len(text[lo:q_start].rstrip()) - 1
    if colon > 0 and text[colon] == ":":
        label = _clause_start(text, colon, layout)
        noun = noun_before.search(text, label, colon)
        # "Số quyết định: 123" names a document; "Số tài khoản thanh toán mở mới: 1.200" counts
        identifier = noun is not None and not text[noun.end():colon].strip() and noun.group(1).lower() in word_set("context", "bare", "label_identifiers")
        # "- Thuê bao băng rộng cố định: 23,4 triệu": with a scale word, a label that opens
        # with a known noun names the count without "số"
        if noun is None and tok.scale != 1.0:
            noun = any_noun.match(text, _LABEL_LEAD.match(text, label, colon).end(), colon)
        if not noun or (tok.scale == 1.0 and identifier):
            label = None
    if not (cue or label is not None or change or formatted or equivalent or tok.scale != 1.0):
        return None
    labelled = label is not None
    clause = label if labelled else _clause_start(text, tok.start, layout)
    prev = mentions[-1] if mentions and layout.sentence_span(mentions[-1].start) == layout.sentence_span(tok.start) else None
    if tok.scale != 1.0:
        # "Tổng số thuê bao di động của các doanh nghiệp đạt 130 triệu" counts what follows
        # "số", not the nearest noun; without "số" the nearest noun is the best guess
        nouns = list(noun_before.finditer(text, clause, q_start)) or list(any_noun.finditer(text, clause, q_start))
        item = _noun_with_tech(text, nouns[-1]) if nouns else (prev.item if prev and prev.unit == "count" else "")
        if not item and _fronted_lead().fullmatch(text, clause, q_start):
            # "Với mức hơn 7 triệu, số lượng người sử dụng IPv6 ...": the subject comes later
            later = noun_before.search(text, tok.end, layout.sentence_span(tok.start)[1])
            item = _noun_with_tech(text, later) if later else ""
        # with no noun anywhere ("Lợi nhuận 12 nghìn tỷ") the text leaves the unit out (SPEC §3)
        m = Mention(tok, tok.start, tok.end, "count" if item else "", item, _rule(tok, "count.scaled" if item else "bare.scaled"))
    elif change and prev and (prev.unit == "count" or prev.unit in currencies()):
        m = Mention(tok, tok.start, tok.end, prev.unit, prev.item, _rule(tok, "inherited"))
    elif prev and prev.unit == "count" and prev.item and _opens_with(text, clause, prev.item, any_noun):
        # "Số lượng tên miền là 580.000, tên miền mới đăng ký 120.000": a clause that opens with
        # the noun the number before counted counts it again
        m = Mention(tok, tok.start, tok.end, "count", prev.item, _rule(tok, "count.parallel"))
    else:
        nouns = list(noun_before.finditer(text, clause, q_start))
        noun = nouns[-1] if nouns else None  # the nearest "số lượng X" before the number
        if noun and (cue or labelled):
            m = Mention(tok, tok.start, tok.end, "count", _noun_with_tech(text, noun), _rule(tok, "count.noun_before"))
        else:
            m = Mention(tok, tok.start, tok.end, "", "", _rule(tok, "bare"))
    m.trace.append(("unit", m.rule))
    return m


_SCORE = load("context")["score"]
_SCORE_BEFORE = words_right_before(_SCORE["before"])
_SCORE_AFTER = regex.compile(
    _SPACE + words_alternation(_SCORE["after"]) + r"(?![\p{L}])"
    + r"(?!(?!\s+" + words_alternation(_SCORE["not_before_except"]) + r"(?![\p{L}]))\s+" + words_alternation(_SCORE["not_before"]) + r"(?![\p{L}]))"
)
# "Tổng số điểm phục vụ bưu chính: 215 điểm": the clause named the places "điểm" counts (as a
# subject: "300 điểm cầu" counts its own)
_SCORE_NOUN_BEFORE = regex.compile(
    r"(?<![\p{L}])(?<![\p{N}][ \t\u00a0]{0,3})" + words_alternation(_SCORE["after"]) + r"\s+" + words_alternation(_SCORE["not_before"]) + r"(?![\p{L}])"
)
# "/100.000" or "/100,5" is another number; "/100." ends a sentence
_OUT_OF = regex.compile(r"/\s*(?:10|100|1000)(?!\d|[.,]\d)")


def _score(text: str, tok: NumberToken, layout: Layout) -> UnitReading | None:
    """"tổng điểm 94,59/100", "đạt 8,5 điểm", "99,74/100 điểm": a score, whose unit is empty (SPEC §3)."""
    if _SCORE_BEFORE.search(text, max(0, tok.start - 12), tok.start):
        m = _OUT_OF.match(text, tok.end, tok.end + 10)
        return UnitReading("", "", m.end() if m else tok.end, "score")
    # "99,74/100 điểm": the scale's top is part of the score
    out_of = _OUT_OF.match(text, tok.end, tok.end + 10) if text.startswith("/", tok.end) else None
    after = out_of.end() if out_of else tok.end
    m = _SCORE_AFTER.match(text, after, after + 40)
    # a label's colon does not end the clause that names the places: "Tổng số điểm ...: 215 điểm"
    if m and not (after == tok.end and _SCORE_NOUN_BEFORE.search(text, _clause_start(text, tok.start, layout, cuts=",;("), tok.start)):
        return UnitReading("", "", m.end(), "score")
    return None


@functools.cache
def _change_list_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    ch = load("qualifiers")["change"]
    dimension = r"(?:\s+" + words_alternation(ch["list_dimension"]) + r"(?:\s+[\p{L}\p{N}/]+){1,4}?)?"
    gap = regex.compile(dimension + r"\s*" + words_alternation(ch["list_joiners"]) + r"\s*")
    after = regex.compile(r"\s*(?:[.,;:)]|$|" + words_alternation(ch["list_followers"]) + r"(?![\p{L}]))")
    return gap, after


def _continues_change_list(text: str, m: Mention, mentions: list[Mention], layout: Layout) -> bool:
    """"tăng lần lượt 10% và 20%": a number listed right after a change, in its unit, states
    the same change."""
    if not mentions or not mentions[-1].change or mentions[-1].unit != m.unit or not m.unit:
        return False
    prev = mentions[-1]
    gap, after = _change_list_patterns()
    return (
        m.start - prev.end <= 40
        and gap.fullmatch(text, prev.end, m.start) is not None
        and after.match(text, m.end) is not None
        and layout.sentence_span(prev.start) == layout.sentence_span(m.start)
    )


def _in_parenthesis_after(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """"tăng 4,1 triệu thuê bao (4,25 %)": the parenthesis restates the change before it."""
    if not mentions or not mentions[-1].change:
        return False
    gap = text[mentions[-1].end:m.start]
    return _OPEN_PAREN.fullmatch(gap) is not None
