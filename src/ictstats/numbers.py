"""Stage 1 — numbers: find every numeral in a text and read its value (SPEC §2).

Vietnamese writes ``1.347.087`` for a million-plus and ``30,95`` for a decimal;
news copy also carries English-style ``43.54`` and ``1,200,000``. This module
knows those conventions, the scale words that multiply (``3,5 triệu tỷ``), and
spelled-out cardinals (``hai mươi mốt nghìn``). It does not decide whether a
numeral is a quantity; later stages do.

>>> parse_digits("1.347.087")
1347087.0
>>> parse_digits("30,95")
30.95
>>> parse_digits("1,321", scaled=True)
1.321
>>> parse_spelled("hai mươi mốt nghìn".split())
21000.0
"""
from __future__ import annotations

import bisect
import functools
from decimal import Decimal
from typing import NamedTuple

import regex

from .cues import Words
from .lexicon import compile_before, load, words_alternation


class NumberToken(NamedTuple):
    """A numeral found in the text, with its scale words applied.

    A NamedTuple, like the other small records made by the thousand per document
    (UnitReading, TimeExpr, CueHit, Rejection): it is built several times faster than
    a frozen dataclass, which sets each field through object.__setattr__."""

    start: int  # first character of the numeral (or of its "x" prefix)
    end: int  # end of the numeral and any scale words after it
    value: float
    scale: float  # product of the scale words (1.0 when none)
    kind: str  # "digits", "spelled", "ordinal" ("thứ hai"), "multiplier" ("x2") or "fraction" ("một phần ba")
    raw: str  # the numeral as written, without scale words
    glued: str = ""  # letters stuck to the digits that are not a scale ("5G" -> "G")
    value_max: float | None = None  # set on ranges
    range_rule: str = ""


# ASCII digits only: statistics are written with them, and float() cannot read every script's digits.
_DIGITS = regex.compile(r"(?<![\p{L}\p{N}_])[0-9]+(?:[.,][0-9]+)*")
# "15 000 000 thuê bao", "250 000 đồng": thousands grouped by spaces, after a run of one to
# three digits. A no-break space is typeset for it; a plain space joins groups only where the
# digits cannot be two numbers: two or more groups, or one that opens with 0 ("tháng 5 120
# vụ" is a month and a count; "15 000" is one number).
_GROUP_SPACES = " \u00a0\u202f"
_SPACED_GROUPS = regex.compile(rf"(?:[{_GROUP_SPACES}][0-9]{{3}}(?![0-9]|[.,][0-9]))+")
_GLUED = regex.compile(r"\p{L}+")
_NON_SPACE = regex.compile(r"\S+")
_MULTIPLIER_SIGNS = "xX×"  # what a multiplier opens with: _multipliers looks for them with str.find
_MULTIPLIER = regex.compile(rf"(?<![\p{{L}}\p{{N}}])[{_MULTIPLIER_SIGNS}]([0-9]+(?:[.,][0-9]+)?)(?![\p{{L}}\p{{N}}])")

# Signals of how a document writes numbers, counted over the whole text.
_EN_SIGNS = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d,\d{3}\.\d")
_VI_SIGNS = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d\.\d{3},\d|(?<![\d.,])\d+,\d{1,2}(?![\d,])")


_GROUPED = regex.compile(r"\d+(?:[.,]\d+)+")


def detect_english_style(text: str) -> bool:
    """True when a document uses ``,`` for thousands and ``.`` for decimals.

    Every sign lies inside one run of digits and separators, so only those runs are
    searched (one character past each, for the look-ahead)."""
    english = vietnamese = 0
    for run in _GROUPED.finditer(text):
        raw = run.group()
        if "," not in raw and raw.count(".") < 2:
            continue  # every sign holds a comma or two dots ("509.262" and "43.54" say nothing)
        english += len(_EN_SIGNS.findall(text, run.start(), run.end() + 1))
        vietnamese += len(_VI_SIGNS.findall(text, run.start(), run.end() + 1))
    return english > vietnamese


def apply_scale(value: float, scale: float) -> float:
    """``value`` times ``scale``, as the decimal the text writes: a binary float times a
    scale word is off in its last digit (128,3 × 10⁶ = 128300000.00000001).

    >>> apply_scale(128.3, 1e6), 128.3 * 1e6
    (128300000.0, 128300000.00000001)
    >>> apply_scale(3.5, 1e15), apply_scale(0.07, 1e9), apply_scale(12.0, 1.0)
    (3500000000000000.0, 70000000.0, 12.0)
    """
    if scale == 1.0:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def parse_digits(s: str, *, scaled: bool = False, english: bool = False) -> float | None:
    """Value of a digit string under Vietnamese conventions; None if it is not a number.

    ``scaled`` says a scale word follows (it makes ``1,321`` a decimal);
    ``english`` says the document writes ``,`` for thousands.

    >>> parse_digits("509.262"), parse_digits("43.54"), parse_digits("03")
    (509262.0, 43.54, 3.0)
    >>> parse_digits("1,200,000"), parse_digits("1.234.567,89")
    (1200000.0, 1234567.89)
    >>> parse_digits("1.2.3") is None
    True
    """
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        int_part, _, frac = s.rpartition(dec)
        if thou in frac or dec in int_part or not _thousands_ok(int_part.split(thou)):
            return None
        return float(int_part.replace(thou, "") + "." + frac)
    if not (has_dot or has_comma):
        return float(s)
    sep = "." if has_dot else ","
    groups = s.split(sep)
    if len(groups) > 2:
        return float("".join(groups)) if _thousands_ok(groups) else None
    head, tail = groups
    if len(tail) != 3:
        return float(f"{head}.{tail}")
    if sep == "." or (not scaled and english):
        # "." + three digits is always thousands; "," + three digits is thousands
        # only in English-style documents and without a scale word.
        return float(head + tail) if _thousands_ok(groups) else float(f"{head}.{tail}")
    return float(f"{head}.{tail}")


def _style_matters(raw: str) -> bool:
    """Whether parse_digits reads ``raw`` (unscaled) differently in an English-style document:
    only "d,ddd" (one comma, three digits after it, no dot) does. Most documents have none,
    so the whole-document vote is taken only when one turns up.

    >>> _style_matters("1,200"), _style_matters("1,25"), _style_matters("1.200"), _style_matters("1,200,000")
    (True, False, False, False)
    """
    return raw.count(",") == 1 and "." not in raw and len(raw) - raw.index(",") == 4


def whole_count(raw: str, value: float) -> float:
    """The value of ``raw`` as a count of things, which is whole: "1,234 phản ánh" is 1 234
    complaints whatever the document's style (only "d,ddd" reads either way).

    >>> whole_count("1,234", 1.234), whole_count("1,5", 1.5), whole_count("12", 12.0)
    (1234.0, 1.5, 12.0)
    """
    if value.is_integer() or not _style_matters(raw) or raw.startswith("0"):
        return value
    return float(raw.replace(",", ""))


def _thousands_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


@functools.cache
def _spelled_tables():
    lex = load("numbers")["spelled"]
    digits = {k: float(v) for k, v in lex["digits"].items()}
    scales = {k: float(load("numbers")["scale"][k]) for k in lex["scales"]}
    return digits, lex, scales


def parse_spelled(words: list[str]) -> float | None:
    """Value of a spelled-out Vietnamese cardinal, or None if the words do not form one.

    >>> parse_spelled(["tám"]), parse_spelled(["một", "trăm"]), parse_spelled(["hai", "mươi", "lăm"])
    (8.0, 100.0, 25.0)
    """
    digits, lex, scales = _spelled_tables()
    total, group, small = 0.0, 0.0, 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w in digits:
            small += digits[w]
        elif w in lex["ten"]:
            small += 10
        elif w in lex["tens_marker"]:
            small = (small or 1) * 10
        elif w in lex["filler"]:
            continue
        elif w in lex["hundred"]:
            group += (small or 1) * 100
            small = 0
        elif w in scales:
            chunk = group + small
            total = total * scales[w] if chunk == 0 and total else total + (chunk or 1) * scales[w]
            group = small = 0
        else:
            return None
        seen = True
    return total + group + small if seen else None


@functools.cache
def _patterns():
    nums = load("numbers")
    scale_words = nums["scale"]
    not_before = nums["scale_not_before"]
    scale_alts = []
    for w in sorted(scale_words, key=len, reverse=True):
        guard = ""
        if w in not_before:
            guard = r"(?!\s+(?:" + "|".join(map(regex.escape, not_before[w])) + r")(?![\p{L}]))"
        scale_alts.append(regex.escape(w) + r"(?![\p{L}\p{N}])" + guard)
    scale_run = regex.compile(r"(?:\s+(?i:" + "|".join(scale_alts) + r"))+")
    one_scale = regex.compile(r"\s+(?i:(" + "|".join(scale_alts) + r"))")
    attached = nums["attached_scale"]
    attached_re = regex.compile(
        r"(" + "|".join(map(regex.escape, sorted(attached, key=len, reverse=True))) + r")(?![\p{L}\p{N}])"
    )
    return scale_run, one_scale, attached_re, {k.lower(): float(v) for k, v in scale_words.items()}, attached


@functools.cache
def looked_up_words() -> frozenset[str]:
    """The words this stage looks up in a document's Words."""
    return frozenset(_spelled_words()) | frozenset(_multiple_words_pattern()[0]) | frozenset(_fraction_patterns()[:2])


@functools.cache
def _spelled_word_set() -> frozenset[str]:
    return frozenset(_spelled_words())


@functools.cache
def _spelled_words() -> tuple[str, ...]:
    """The words a spelled-out numeral is made of, lower-cased."""
    spelled = load("numbers")["spelled"]
    words = list(spelled["digits"]) + spelled["ten"] + spelled["tens_marker"] + spelled["hundred"] + spelled["filler"] + spelled["scales"]
    return tuple(sorted({w.lower() for w in words}))


@functools.cache
def _scale_initials() -> frozenset[str]:
    return frozenset(w[0].lower() for w in load("numbers")["scale"])


@functools.cache
def _scale_half() -> regex.Pattern:
    return regex.compile(r"\s+(?i:" + "|".join(map(regex.escape, load("numbers")["scale_half"])) + r")(?![\p{L}\p{N}])")


def _read_scale(text: str, pos: int) -> tuple[float, int]:
    """Scale words starting at ``pos``: (product, end)."""
    scale_run, one_scale, _, scale_values, _ = _patterns()
    # most numbers are settled without the regex: no space after them, or a next word
    # whose first letter starts no scale word
    window = text[pos:pos + 12]
    after = window.lstrip()
    if len(after) == len(window) or (after and after[0].lower() not in _scale_initials()):
        return 1.0, pos
    m = scale_run.match(text, pos, pos + 80)
    if not m:
        return 1.0, pos
    factor = 1.0
    for w in one_scale.finditer(text, pos, m.end()):
        factor *= scale_values[w.group(1).lower()]
    return factor, m.end()


def find_numbers(text: str, *, english: bool | None = None, words: Words | None = None) -> list[NumberToken]:
    """Every numeral in ``text``, in order, with scale words applied.

    >>> [(t.raw, t.value) for t in find_numbers("đạt 1.347.087 tỷ đồng, tăng 7%")]
    [('1.347.087', 1347087000000000.0), ('7', 7.0)]
    """
    style = [english]  # the document's vote, taken the first time a number needs it

    def english_style(raw: str, scaled: bool) -> bool:
        if scaled or not _style_matters(raw):
            return False  # parse_digits reads this number the same either way
        if style[0] is None:
            style[0] = detect_english_style(text)
        return style[0]

    _, _, attached_re, _, attached = _patterns()
    tokens: list[NumberToken] = []
    grouped_to = 0  # the end of the last space-grouped number: the runs inside it are read
    for m in _DIGITS.finditer(text):
        if m.start() < grouped_to:
            continue
        raw, end, glued = m.group(), m.end(), ""
        digits = raw
        # a digit after the next character first: most numbers are followed by a space and a word
        if len(raw) <= 3 and text[end + 1:end + 2].isdigit() and text[end] in _GROUP_SPACES and raw.isdigit():
            groups = _SPACED_GROUPS.match(text, end)
            if groups and (len(groups.group()) > 4 or groups.group()[1] == "0" or groups.group()[0] != " "):
                end = grouped_to = groups.end()
                raw = text[m.start():end]
                digits = raw.translate(_NO_GROUP_SPACES)
        scale = 1.0
        # most numbers are followed by an ASCII space or sign, which no letter can be
        after = text[end:end + 1]
        g = None if after.isascii() and not after.isalpha() else _GLUED.match(text, end, end + 40)
        if g:
            a = attached_re.match(text, end, end + 10)
            if a:
                scale, end = float(attached[a.group(1)]), a.end()
            else:
                glued = g.group()
        if not glued:
            more, end = _read_scale(text, end)
            scale *= more
        value = parse_digits(digits, scaled=scale != 1.0, english=english_style(digits, scale != 1.0))
        if value is None:
            continue
        if scale != 1.0 and value.is_integer() and (half := _scale_half().match(text, end, end + 12)):
            value, end = value + 0.5, half.end()  # "7 triệu rưỡi"
        tok = NumberToken(m.start(), end, apply_scale(value, scale), scale, "digits", raw, glued)
        if scale != 1.0 and tokens and _compounds(text, tokens[-1], tok):
            prev = tokens[-1]
            tok = tok._replace(start=prev.start, value=prev.value + tok.value, scale=prev.scale, raw=text[prev.start:tok.start] + tok.raw)
            tokens[-1] = tok
            continue
        tokens.append(tok)
    for m in _multipliers(text):
        value = parse_digits(m.group(1), english=english_style(m.group(1), False))
        if value is not None:
            tokens.append(NumberToken(m.start(), m.end(), value, 1.0, "multiplier", m.group()))
    multiples = _multiple_words_pattern()[2]
    for m in _multiple_words(text, words):
        tokens.append(NumberToken(m.start(1), m.end(1), multiples[m.group(1).lower()], 1.0, "spelled", m.group(1)))
    for start, end, value in _fractions(text, words):
        tokens.append(NumberToken(start, end, value, 1.0, "fraction", text[start:end]))
    for m in _ordinals(text, words):
        value = load("numbers")["ordinal"][m.group(1).lower()]
        tokens.append(NumberToken(m.start(1), m.end(1), float(value), 1.0, "ordinal", m.group(1)))
    taken = sorted((t.start, t.end) for t in tokens)
    for start, end in _spelled_runs(words or Words(text)):
        tok = _spelled_token(text, start, end, taken)
        if tok:
            tokens.append(tok)
    tokens.sort(key=lambda t: t.start)
    return tokens


_NO_GROUP_SPACES = str.maketrans("", "", _GROUP_SPACES)


def _compounds(text: str, prev: NumberToken, tok: NumberToken) -> bool:
    """"1 tỷ 500 triệu USD", "2 triệu 300 nghìn đồng": a scaled number followed, after one
    space, by one in a smaller scale that stays below the first's scale is one number.

    >>> [(t.raw, t.value) for t in find_numbers("đạt 1 tỷ 500 triệu USD")]
    [('1 tỷ 500', 1500000000.0)]
    """
    return (prev.scale > tok.scale > 1.0 and tok.value < prev.scale and not prev.glued and prev.kind == "digits"
            and tok.start - prev.end == 1 and text[prev.end] in _GROUP_SPACES)


def _multipliers(text: str) -> list[regex.Match]:
    """The matches of _MULTIPLIER in ``text``, in order.

    A scan tries its look-behind at every character (about 5 ns each); an "x" followed by
    a digit is rare, so the pattern runs only where str.find puts one. A match holds no
    sign after its first character, so two matches never overlap, as in a scan."""
    found = []
    for sign in _MULTIPLIER_SIGNS:
        i = text.find(sign)
        while i != -1:
            if "0" <= text[i + 1:i + 2] <= "9":
                m = _MULTIPLIER.match(text, i)
                if m:
                    found.append(m)
            i = text.find(sign, i + 1)
    found.sort(key=regex.Match.start)
    return found


@functools.cache
def _multiple_words_pattern() -> tuple[tuple[str, ...], regex.Pattern, dict[str, float]]:
    """The openers ("gấp"), the pattern of an opener and a multiple word, and each word's value."""
    openers = tuple(w.lower() for w in load("time")["comparison"]["multiple_open"])
    values = {w.lower(): float(v) for w, v in load("numbers")["multiple_words"].items()}
    pattern = regex.compile(r"(?i)" + words_alternation(list(openers)) + r"[ \t\u00a0]+(" + words_alternation(list(values)) + r")(?![\p{L}\p{N}])")
    return openers, pattern, values


def _multiple_words(text: str, words: Words | None = None) -> list[regex.Match]:
    """"gấp đôi", "gấp rưỡi": the multiple words of numbers.toml after "gấp", in order, tried
    only where the document's word index has "gấp" (a whole-document scan costs more).

    >>> [(m.group(1), m.start(1)) for m in _multiple_words("tăng gấp đôi, Gấp rưỡi, gấp đôi3")]
    [('đôi', 9), ('rưỡi', 18)]
    """
    openers, pattern, _ = _multiple_words_pattern()
    words = words or Words(text)
    found = [m for opener in openers for i in words.positions(opener) if (m := pattern.match(text, i, i + 40))]
    found.sort(key=regex.Match.start)
    return found


@functools.cache
def _numerators() -> dict[str, float]:
    """A fraction's numerators: the spelled digits that may open a numeral, to their values."""
    spelled = load("numbers")["spelled"]
    return {w.lower(): float(v) for w, v in spelled["digits"].items() if w not in spelled["never_first"]}


@functools.cache
def _fraction_patterns() -> tuple[str, str, regex.Pattern, regex.Pattern, dict[str, float]]:
    """The fraction word ("phần"), the half word ("nửa"), the numerator right before a word
    (searched in a short window ending there), the denominator after "phần", and the value of
    each numerator and denominator word."""
    lex, values = load("numbers")["fraction"], _numerators()
    denominators = {w.lower(): parse_spelled([w]) for w in lex["denominators"]}
    numerator = compile_before(r"(?i)(?<![\p{L}\p{N}])(" + words_alternation(list(values), flags="") + r")[ \t\u00a0]+\Z")
    denominator = regex.compile(r"(?i)[ \t\u00a0]+(" + words_alternation(list(denominators), flags="") + r")(?![\p{L}\p{N}])")
    return lex["word"].lower(), lex["half"].lower(), numerator, denominator, values | {f"/{w}": v for w, v in denominators.items()}


def fraction_opening() -> str:
    """The pattern of a fraction's first two words, a numerator and the fraction or half word
    ("một phần", "hai phần", "một nửa"), for a rule that looks ahead for a fraction."""
    lex = load("numbers")["fraction"]
    return words_alternation(list(_numerators())) + r"\s+" + words_alternation([lex["word"], lex["half"]])


def _fractions(text: str, words: Words | None = None) -> list[tuple[int, int, float]]:
    """Spelled fractions as (start, end, per cent), tried where the word index has "phần" or
    "nửa": a share of a whole is below one ("năm phần ba" is not one, nor "ba phần trăm").

    >>> [(s, e, round(v, 2)) for s, e, v in _fractions("Khoảng một phần ba doanh nghiệp, hai phần ba, Một nửa")]
    [(7, 18, 33.33), (33, 44, 66.67), (46, 53, 50.0)]
    >>> _fractions("ba phần trăm, nửa đầu năm, năm phần ba")
    []
    """
    word, half, numerator, denominator, values = _fraction_patterns()
    words = words or Words(text)
    found = []
    for i in words.positions(word):
        top = numerator.search(text, max(0, i - 8), i)
        low = top and denominator.match(text, i + len(word), i + len(word) + 8)
        if low:
            share = values[top.group(1).lower()] / values["/" + low.group(1).lower()]
            if share < 1:
                found.append((top.start(), low.end(), share * 100))
    for i in words.positions(half):
        top = numerator.search(text, max(0, i - 8), i)
        if top and values[top.group(1).lower()] == 1:
            found.append((top.start(), i + len(half), 50.0))
    return found


@functools.cache
def ordinal_marker() -> str:
    """The word an ordinal opens with ("thứ hai"), lower-cased, from numbers.toml."""
    return load("numbers")["ordinal_marker"]["word"].lower()


@functools.cache
def _ordinal_pattern() -> regex.Pattern:
    words = words_alternation(load("numbers")["ordinal"], flags="")
    return regex.compile(rf"(?i)(?<![\p{{L}}]){regex.escape(ordinal_marker())}\s+({words})(?![\p{{L}}\p{{N}}])")


def _ordinals(text: str, words: Words | None) -> list[regex.Match]:
    """The matches of the ordinal pattern in ``text``, in order.

    The pattern opens with a look-behind, which keeps `regex` from searching for its first
    word: a scan tries it at every character. It runs instead where the lower-cased text
    holds the word (regex's case-insensitive "thứ" is exactly what lower-cases to it;
    test_numbers checks that for every character)."""
    pattern, marker = _ordinal_pattern(), ordinal_marker()
    lower = words.lower if words is not None else None
    if lower is None:
        lower = text.lower()
        if len(lower) != len(text):  # offsets would drift
            return list(pattern.finditer(text))
    found = []
    i = lower.find(marker)
    while i != -1:
        m = pattern.match(text, i)
        if m:
            found.append(m)
            i = lower.find(marker, m.end())
        else:
            i = lower.find(marker, i + 1)
    return found


def _spelled_runs(words: Words) -> list[tuple[int, int]]:
    """Spans of runs of spelled-numeral words separated by spaces ("hai mươi mốt nghìn"),
    built from where each of those words stands in the document."""
    text = words.text
    hits = sorted((p, p + len(w)) for w in words.present(_spelled_word_set()) for p in words.positions(w))
    runs, i = [], 0
    while i < len(hits):
        start, end = hits[i]
        i += 1
        while i < len(hits) and hits[i][0] > end and text[end:hits[i][0]].isspace():
            end = hits[i][1]
            i += 1
        runs.append((start, end))
    return runs


@functools.cache
def _lone_word_rejects() -> frozenset[str]:
    """Words that never make a spelled numeral on their own: a unit when it closes a run
    ("năm", the year), a word that never starts one, a word never alone, a bare scale word."""
    lex = _spelled_tables()[1]
    return frozenset([*lex["unit_when_last"], *lex["never_first"], *lex["never_alone"], *lex["scales"]])


def _spelled_token(text: str, run_start: int, run_end: int, taken) -> NumberToken | None:
    _, lex, _ = _spelled_tables()
    raw = text[run_start:run_end]
    if raw.isalpha():  # a run of one word, as most are: the steps below come down to these tests
        if raw.lower() in _lone_word_rejects():
            return None
        i = bisect.bisect_left(taken, (run_end,)) - 1
        if i >= 0 and taken[i][1] > run_start:
            return None
        value = parse_spelled([raw])
        return None if value is None else NumberToken(run_start, run_end, value, 1.0, "spelled", raw)
    words = [(run_start + w.start(), run_start + w.end(), w.group()) for w in _NON_SPACE.finditer(text[run_start:run_end])]
    # "năm" closing a run is the unit "year" ("hai năm"), not five.
    while words and words[-1][2].lower() in lex["unit_when_last"] and (len(words) < 2 or words[-2][2].lower() not in lex["filler"] + lex["tens_marker"]):
        words.pop()
    while words and words[0][2].lower() in lex["never_first"]:
        words.pop(0)
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    i = bisect.bisect_left(taken, (end,)) - 1
    if i >= 0 and taken[i][1] > start:  # spans are disjoint: only the one before can overlap
        return None
    names = [w.lower() for _, _, w in words]
    if len(names) == 1 and names[0] in lex["never_alone"]:
        return None
    if names[-1] in lex["scales"] and len(names) == 1:
        return None
    value = parse_spelled([w for _, _, w in words])
    if value is None:
        return None
    if names[-1] in lex["scales"] and (half := _scale_half().match(text, end, end + 12)):
        _, _, _, scale_values, _ = _patterns()
        value, end = value + 0.5 * scale_values[names[-1]], half.end()  # "hai triệu rưỡi"
    raw = text[start:end]
    return NumberToken(start, end, value, 1.0, "spelled", raw)
