"""Stage 3 — units: what a number measures, read from the words around it (SPEC §3).

After the number: ``%``, currencies, ``lần`` (x), durations, data units, a rate
per head (``/100 dân``) or a counted noun (unit ``count``, the noun as ``item``).
Before it: ranking cues (``đứng thứ``, ``top``, ``vị trí``).

>>> read_measure("30,95%", 5).unit
'%'
>>> r = read_counted("509.262 tên miền quốc gia", 7); (r.unit, r.item)
('count', 'tên miền')
>>> read_counted("01 đồng chí lãnh đạo", 2).unit
'count'
>>> read_currency_before("đạt US$ 5 triệu", 8)
('USD', 4)
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from .lexicon import (
    compile_before,
    load,
    word_gate,
    word_set,
    words_alternation,
    words_right_before,
)
from .numbers import ordinal_marker, parse_digits
from .qualifiers import qualifier_cues


class UnitReading(NamedTuple):
    unit: str
    item: str
    end: int  # where the unit (and item) ends in the text
    rule: str


_SPACE = r"[ \t\u00a0]*"
_WORD = r"[\p{L}\p{N}][\p{L}\p{N}&]*|\S"
# after at least one space: a word glued to the number ("5G") is not a noun after it
_FIRST_WORD = regex.compile(rf"[^\S\n]+({_WORD})")
_ITEM_WORDS = regex.compile(rf"[^\S\n]+(?P<w>{_WORD})(?:[^\S\n]*(?P<w>{_WORD})){{0,9}}")


@functools.cache
def _unit_pattern() -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    """One alternation over every unit form; group name -> (unit id, rule id)."""
    alts, groups = [], {}
    forms = []
    for i, u in enumerate(load("units")["unit"]):
        guard = ""
        if u.get("not_before"):
            guard = r"(?!\s+(?:" + "|".join(map(regex.escape, u["not_before"])) + r")(?![\p{L}]))"
        for j, form in enumerate(u["forms"]):
            forms.append((form, i, j, u, guard))
    for form, i, j, u, guard in sorted(forms, key=lambda f: len(f[0]), reverse=True):
        name = f"u{i}_{j}"
        body = regex.escape(form).replace(r"\ ", r"\s+")
        if not u.get("case_sensitive"):
            body = f"(?i:{body})"
        boundary = r"(?![\p{L}\p{N}])" if form[-1].isalnum() else ""
        alts.append(f"(?P<{name}>{body}){boundary}{guard}")
        groups[name] = (u["id"], u.get("rule", _rule_for(u["id"])))
    return regex.compile(_SPACE + "(?:" + "|".join(alts) + ")"), groups


def _rule_for(unit: str) -> str:
    for rule, units in load("units")["unit_rules"].items():
        if unit in units:
            return rule
    return "measure"


@functools.cache
def currencies() -> tuple[str, ...]:
    """The currency units of units.toml ("USD", "VND", ...)."""
    return tuple(load("units")["unit_rules"]["currency"])


@functools.cache
def _rate_pattern(rule: str) -> tuple[regex.Pattern, dict]:
    rates = load("units")["rate_suffix"] | load("units")["per_head"]
    if rule == "currency":
        rates = rates | load("units")["price_per"]
    return regex.compile(r"/(" + words_alternation(rates) + r")(?![\p{L}])"), {" ".join(k.lower().split()): v for k, v in rates.items()}


@functools.cache
def per_capita_base() -> str:
    """The bases a rate per head is written with ("/100 dân", "trên 1.000 dân"), as a group."""
    return "(" + words_alternation(load("units")["per_capita"]["bases"], flags="") + ")"


def per_capita_unit(base: str) -> str:
    """The unit of a rate per ``base`` people as written, from units.toml [per_capita].

    >>> per_capita_unit("100"), per_capita_unit("1.000")
    ('per100', 'per1000')
    """
    return load("units")["per_capita"][base.replace(".", "").replace(",", "")]


@functools.cache
def _per_capita_pattern() -> regex.Pattern:
    pc = load("units")["per_capita"]
    joiners = words_alternation(pc["joiners"])
    people = words_alternation(pc["population_words"])
    return regex.compile(_SPACE + joiners + _SPACE + per_capita_base() + _SPACE + people + r"(?![\p{L}])")


def read_measure(text: str, pos: int) -> UnitReading | None:
    """A unit form (not a counted noun) starting at ``pos``, with a rate suffix if any."""
    pattern, groups = _unit_pattern()
    m = pattern.match(text, pos, pos + 60)
    if not m:
        return None
    unit, rule = groups[m.lastgroup]
    end = m.end()
    if rule in ("measure", "currency"):  # 50GB/ngày, 150.000 đồng/tháng, 0,38 USD/GB, đồng/thuê bao/tháng
        rate_re, rates = _rate_pattern(rule)
        for _ in range(2):
            r = rate_re.match(text, end, end + 20)
            if not r:
                break
            unit, end = f"{unit}/{rates[' '.join(r.group(1).lower().split())]}", r.end()
    return UnitReading(unit, "", end, rule)


@functools.cache
def _currency_prefix() -> tuple[regex.Pattern, dict[str, str]]:
    signs = load("units")["currency_prefix"]
    alternation = "|".join(regex.escape(k) for k in sorted(signs, key=len, reverse=True))
    return regex.compile(r"(?:^|(?<=[^\p{L}\p{N}]))(" + alternation + r")[ \t\u00a0]?\Z"), signs


def read_currency_before(text: str, start: int) -> tuple[str, int] | None:
    """("USD", where the sign starts) for "$1,2 tỷ", "US$ 5 triệu"; None otherwise."""
    pattern, signs = _currency_prefix()
    lo = max(0, start - 5)
    m = pattern.search(text[lo:start])
    if not m:
        return None
    return signs[m.group(1)], lo + m.start(1)


@functools.cache
def _total_pattern() -> regex.Pattern:
    """"/63" or " trong số 20" right after a whole number: a total, not a date ("2/3/2020")
    or a decimal ("/1,5"). Group 1 is the joining word, None for the slash."""
    joiners = words_alternation(load("units")["part_of_total"]["joiners"])
    return regex.compile(rf"(?:/|[ \t\u00a0]+({joiners})[ \t\u00a0]+)([0-9]{{1,3}}(?:\.[0-9]{{3}})*)(?![0-9/]|[.,][0-9])")


@functools.cache
def total_openings() -> tuple[str, ...]:
    """What the text right after a number starts with when a total may follow: one string
    test rules out most numbers before the pattern runs."""
    return ("/",) + tuple(" " + w.split()[0] for w in load("units")["part_of_total"]["joiners"])


class PartReading(NamedTuple):
    """A number written over a total: a count of the noun after the total, or a fraction."""

    reading: UnitReading
    total: float


@functools.cache
def _ratio_before() -> regex.Pattern:
    # a qualifier may stand between: "chỉ bằng khoảng 1/10 so với Singapore"
    qualifiers = words_alternation(qualifier_cues())
    return compile_before(r"(?<![\p{L}])" + words_alternation(load("units")["part_of_total"]["ratio_before"])
                          + r"(?:[ \t\u00a0]+" + qualifiers + r")?[ \t\u00a0]+\Z")


def read_part_of_total(text: str, end: int, numerator: float, start: int | None = None) -> PartReading | None:
    """"25/63 tỉnh" or "12 trong số 20 ứng dụng" (a count of 25 tỉnh out of 63) or
    "2/3 doanh nghiệp" (a fraction, in %; only with the slash: "1 trong 3 nhà mạng" is
    one of three carriers).

    >>> read_part_of_total("có 25/63 tỉnh, thành phố", 5, 25).reading
    UnitReading(unit='count', item='tỉnh, thành phố', end=5, rule='count.part_of_total')
    >>> read_part_of_total("hơn 2/3 doanh nghiệp", 5, 2).reading
    UnitReading(unit='%', item='', end=7, rule='percent.fraction')
    >>> read_part_of_total("có 12 trong số 20 ứng dụng", 5, 12).reading
    UnitReading(unit='count', item='ứng dụng', end=5, rule='count.part_of_total')
    >>> read_part_of_total("ngày 2/3/2020 có 5 doanh nghiệp", 6, 2) is None
    True
    >>> read_part_of_total("xử lý 3 trong 5 ngày", 7, 3) is None  # a time, not a total
    True

    With the number's ``start``, a ratio word before it makes a fraction of a slash that no
    known counted noun follows:

    >>> read_part_of_total("chỉ bằng 1/10 so với năm 2015", 10, 1, start=9).reading
    UnitReading(unit='%', item='', end=13, rule='percent.fraction')
    """
    m = _total_pattern().match(text, end, end + 30)
    if not m:
        return None
    slash = m.group(1) is None
    total = parse_digits(m.group(2))
    if not 0 < numerator <= total:
        return None
    counted = read_counted(text, m.end())
    counts_nothing_known = counted is None or counted.unit != "count" or not is_known_noun(counted.item)
    if slash and numerator < total and counts_nothing_known and start is not None and _ratio_before().search(text, max(0, start - 30), start):
        return PartReading(UnitReading("%", "", m.end(), "percent.fraction"), total)
    if counted is None or counted.unit != "count":
        return None
    lex = load("units")["part_of_total"]
    opening = counted.item.split()
    fraction_noun = any(opening[:len(w.split())] == w.split() for w in lex["fraction_nouns"])
    if slash and numerator < total and (total <= lex["fraction_max_denominator"] or fraction_noun):
        return PartReading(UnitReading("%", "", m.end(), "percent.fraction"), total)
    return PartReading(UnitReading("count", counted.item, end, "count.part_of_total"), total)


def read_counted(text: str, pos: int) -> UnitReading | None:
    """The counted noun after a number ending at ``pos`` (a count, or a rate per 100/1000 people)."""
    item, end = read_item(text, pos)
    if not item:
        return None
    pc = _per_capita_pattern().match(text, end, end + 40)
    if pc:
        return UnitReading(per_capita_unit(pc.group(1)), item, pc.end(), "per_capita")
    return UnitReading("count", item, end, "count.noun")


def _is_tech(word: str) -> bool:
    """IPv4, 5G, BTS, TTTT: tokens that name a technology or body and can close an item."""
    # a word of letters holds no digit: only then is each character looked at
    return (len(word) >= 2 and word.isupper()) or (not word.isalpha() and any(c.isdigit() for c in word))


def read_item(text: str, pos: int, *, max_words: int = 2) -> tuple[str, int]:
    """The counted noun starting after ``pos`` (lower-cased) and where it ends; ("", pos) if none."""
    stops = word_set("context", "nouns", "stop_words")
    known = _known_noun_words()
    first = _FIRST_WORD.match(text, pos, pos + 60)
    # a word glued to the number ("5G") is not a noun after it
    if not first or not first.group(1)[0].isalpha():
        return "", pos
    head = first.group(1).lower()
    if head in stops and head not in _known_lengths() and head not in _stop_heads():
        return "", pos  # the common case, settled without reading further words
    # up to ten words on the same line: a word, or any other single non-space character
    m = _ITEM_WORDS.match(text, pos, pos + 160)
    words = [(a, b, text[a:b]) for a, b in m.spans("w")]  # one call: starts/ends/captures cost three
    longest = _known_lengths().get(head, 0)  # most numbers are followed by no known noun at all
    # only the first words can be part of a noun or a stop phrase; later ones are only tested for tech names
    lowered = [w.lower() for _, _, w in words[:max(longest, max_words, 2)]]
    # the longest known noun wins, even over a stop word ("Chỉ thị" is not "chỉ")
    best, noun = 0, ""
    for n in range(min(len(words), longest), 0, -1):
        noun = known.get(" ".join(lowered[:n]), "")
        if noun:
            best = n
            break
    if not best and (lowered[0] in stops or (len(lowered) > 1 and f"{lowered[0]} {lowered[1]}" in stops)):
        return "", pos
    if best:
        n = best
        while n < len(words) and _is_tech(words[n][2]):
            n += 1
    else:
        n = 0
        while n < len(words) and n < max_words:
            w, lw = words[n][2], lowered[n]
            if not w[0].isalpha() or lw in stops:
                break
            if n and w[0].isupper() and not _is_tech(w) and not words[0][2][0].isupper():
                break  # a name starts: "04 cơ quan Văn phòng"
            n += 1
        # "quỹ đầu tư": a cut inside a word of two syllables takes its second
        if n == max_words and n < len(words) and f"{lowered[n - 1]} {words[n][2].lower()}" in _compounds():
            n += 1
        while n < len(words) and _is_tech(words[n][2]) and words[n][2][0].isalnum():
            n += 1
    if n == 0:
        return "", pos
    end = words[n - 1][1]
    rest = [w.lower() for _, _, w in words[best:n]]
    return " ".join([noun, *rest] if best else rest), end  # a known noun as the lexicon writes it


def is_known_noun(item: str) -> bool:
    """Does the counted noun begin with a noun the lexicon knows ("tỉnh", "cơ quan báo chí")?"""
    words = item.split()
    known = _known_nouns()
    return any(" ".join(words[:n]) in known for n in range(len(words), 0, -1))


@functools.cache
def _compounds() -> frozenset[str]:
    return word_set("context", "nouns", "compounds")


@functools.cache
def _known_nouns() -> frozenset[str]:
    return word_set("context", "nouns", "known")


_WORDS_OF = regex.compile(_WORD)


@functools.cache
def _known_noun_words() -> dict[str, str]:
    """Each known noun as read_item's words of it joined by spaces ("bộ , ngành"), to the noun."""
    return {" ".join(_WORDS_OF.findall(noun)): noun for noun in _known_nouns()}


@functools.cache
def _stop_heads() -> frozenset[str]:
    """First words of the stop phrases of several words ("so với")."""
    return frozenset(w.split()[0] for w in word_set("context", "nouns", "stop_words") if " " in w)


@functools.cache
def _known_lengths() -> dict[str, int]:
    """First word of the known nouns -> the most words a known noun starting with it has."""
    lengths: dict[str, int] = {}
    for words in map(str.split, _known_noun_words()):
        lengths[words[0]] = max(lengths.get(words[0], 0), len(words))
    return lengths


@functools.cache
def _rank_patterns():
    rank = load("context")["rank"]
    prefix = words_right_before(rank["prefix"])
    top = words_right_before(rank["top"])
    marker = [ordinal_marker()]  # "thứ 2 ASEAN"
    thu = words_right_before(marker)
    group = words_right_before(rank["group"])
    leaders = regex.compile(r"(?:\s+[\p{L}]+){1,4}?\s+" + words_alternation(rank["group_leaders"]) + r"(?![\p{L}])")
    gate = word_gate(rank["prefix"] + rank["top"] + rank["group"] + marker, last=True)
    scope = regex.compile(_SPACE + r"(?:" + words_alternation(rank["scope_lead"]) + r"\s+)?" + words_alternation(rank["scope_words"]) + r"(?![\p{L}])")
    return prefix, top, thu, scope, gate, group, leaders


def read_rank(text: str, start: int, end: int) -> tuple[int, str, str] | None:
    """(surface start, rule, qualifier) when the number at [start, end) is a position in a ranking."""
    prefix, top, thu, scope, gate, group, leaders = _rank_patterns()
    lo = max(0, start - 30)
    if not gate.search(text[lo:start].lower()):
        return None
    m = prefix.search(text, lo, start)
    if m:
        return m.start(), "rank.position", "="
    m = top.search(text, lo, start)
    if m:
        return m.start(), "rank.top", "<="
    m = group.search(text, lo, start)
    if m and leaders.match(text, end, end + 50):
        return m.start(), "rank.top", "<="
    m = thu.search(text, lo, start)
    if m and scope.match(text, end, end + 60):
        return m.start(), "rank.ordinal", "="
    return None


def is_ordinal(text: str, start: int) -> bool:
    """"lần thứ 37", "kỳ họp thứ 5", "Thứ hai," — an ordinal that is not a ranking."""
    lo = max(0, start - 30)
    return bool(_ordinal_gate().search(text[lo:start].lower()) and _ordinal_pattern().search(text, lo, start))


@functools.cache
def _ordinal_gate() -> re.Pattern:
    return word_gate(load("context")["ordinal"]["before"], last=True)


@functools.cache
def _ordinal_pattern() -> regex.Pattern:
    words = load("context")["ordinal"]["before"]
    return words_right_before(words)
