"""Stage 6b — periods: the time a value refers to, ISO 8601 style (SPEC §6).

Time expressions are found once per document and resolved against the
document's date where they are relative (``năm nay``, ``hiện nay``).

>>> [t.period for t in find_times("tính đến hết tháng 5/2020 và 6 tháng đầu năm 2019, Quý I/2016")]
['2020-05', '2019-01/2019-06', '2016-01/2016-03']
>>> shift("2019-01/2019-06", years=-1), shift("2023-09", months=-1)
('2018-01/2018-06', '2023-08')
"""
from __future__ import annotations

import bisect
import functools
from operator import itemgetter
from typing import NamedTuple

import regex

from .cues import Words
from .lexicon import compile_before, load, words_alternation

_Y = r"((?:19|20)\d{2})"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


class TimeExpr(NamedTuple):
    start: int
    end: int
    period: str  # "" when it needs a year it cannot find
    kind: str  # "time", "present", "recent", "baseline" or "ignored"


def ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def shift(period: str, *, years: int = 0, months: int = 0) -> str:
    """Move every part of a period by whole years or months."""
    def one(p: str) -> str:
        parts = p.split("-")
        y = int(parts[0]) + years
        if len(parts) == 1:
            return f"{y:04d}"
        m = int(parts[1]) + months
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return "-".join([f"{y:04d}", f"{m:02d}"] + parts[2:])
    return "/".join(one(p) for p in period.split("/")) if period else ""


@functools.cache
def _patterns():
    lex = load("time")["period"]
    months_word = "(" + r"\d{1,2}|" + _spelled_month_alternation() + ")"
    # "năm nay", "năm ngoái": the word after "năm" in the relative years of time.toml
    rel_year = r"((?:19|20)\d{2}|" + words_alternation(_relative_years(), flags="") + ")"
    # spelled counts of months start a branch only with their month word after them ("sáu
    # tháng"): "một", "hai", "ba" alone are too common to try the branches at each
    units, tens = _spelled_month_parts()
    spelled = [f"{n} {m.lower()}" for n in [*units, *tens, *(f"{t} {u}" for t in tens for u in units)] for m in lex["month"]]
    listed = {key: [p.split()[0] for p in lex[key]] for key in _LISTED}

    def whole_phrases(key: str) -> list[str]:
        """A list's phrases whole, as starters: their first words ("cả", "toàn", "cho", "kết")
        are too common in other phrases to try the branch at each"""
        return [" ".join(p.lower().split()) for p in lex[key]]
    so_far, year_lead = lex["months_so_far_lead"], lex["year_lead"]
    # the grammar's words, each an alternation of its variants in time.toml
    month, year, quarter, year_span, years_of, day, daypart = (words_alternation(lex[k], flags="") for k in _GRAMMAR)
    year_kind = r"(?:\s+" + words_alternation(lex["year_kind"], flags="") + ")?"
    side = words_alternation(lex["first_part"] + lex["last_part"], flags="")
    first_side = words_alternation(lex["first_part"], flags="")
    half = words_alternation(lex["half_first"] + lex["half_last"], flags="")
    quarter_short = words_alternation(lex["quarter_short"], flags="")
    first = {k: [p.split()[0] for p in lex[k]] for k in _GRAMMAR}
    total_lead = lex["months_total_lead"]
    since_words = words_alternation(load("time")["comparison"]["since"], flags="")
    since_first = [p.split()[0] for p in load("time")["comparison"]["since"]]
    span_to = words_alternation(lex["span_to"], flags="")
    ending = words_alternation(lex["months_ending_lead"], flags="")
    not_so_far = words_alternation(lex["months_so_far_not_before"], flags="")
    months = rf"{months_word}\s+{month}"
    to_date = (
        rf"{words_alternation(total_lead, flags='')}\s+{months}(?![\p{{L}}\d/])(?!\s+{side}|\s+{year}\s+{rel_year})"
        # the look-ahead first: at most digits it fails at once, before the span words are tried
        rf"|(?=(?:{months_word[1:]}\s+{month}\s+{words_alternation(lex['months_followed_by'], flags='')}(?![\p{{L}}]))"
        rf"(?<!(?<![\p{{L}}]){words_alternation(lex['months_span_after'], flags='')}\s+){months}"
        # "3,1 triệu tỷ đồng (10 tháng)": a count of months alone in a parenthesis right after
        # a figure is the figure's months so far, not a duration
        rf"|(?<=\d[\p{{L}}\s%.,]{{0,25}}\(\s*){months}(?=\s*\))"
    )
    # (name, regex, can it start with a digit, the words it can start with): _time_matches tries
    # at a digit or a starter word only the branches that can start there; test_context checks
    # the result against a scan of the whole pattern at every position. A branch that can start
    # with a digit must start with \d{1,2} then a space or one of /.- (see _DIGIT_START).
    table = [
        # "12 tháng tính đến tháng 6/2025": the twelve months ending with June 2025
        ("months_ending", rf"{months_word}\s+{month}\s+{ending}\s+{month}\s+(\d{{1,2}})\s*/\s*{_Y}(?![\d/])", True, spelled),
        # "10 tháng năm 2024" says the first ten months too, but only with its year written
        # (the condition names its group: a number would count the groups of every branch before it)
        ("first_months", rf"{months_word}\s+{month}\s+(?:(?P<side>{side})\s+)?{year}(?(side)(?:\s+{rel_year})?|\s+{rel_year})", True, spelled),
        ("months_so_far", rf"{words_alternation(so_far, flags='')}\s+{months_word}\s+{month}(?![\p{{L}}\d/])(?!\s+{side}|\s+{year}\s+{rel_year}|\s+{ending}\s+{month}|\s+{not_so_far}(?![\p{{L}}]))", False, so_far),
        ("months_to_date", to_date, True, [*whole_phrases("months_total_lead"), *spelled]),
        # "quý II/2026", "quý II năm nay", and "quý II" alone, in the nearby or the document's year
        ("quarter", rf"{quarter}\s+(IV|I{{1,3}}|[1-4])(?:\s*/\s*{_Y}|\s+{year}\s+{rel_year})?(?![\d/])", False, first["quarter"]),
        ("quarter_short", rf"{quarter_short}([1-4])(?:(?:\s*[/\-]\s*|\s+){_Y}|\s+{year}\s+{rel_year})?(?![\d/])", False,
         [f"{q}{n}" for q in lex["quarter_short"] for n in "1234"]),
        ("half_year", rf"({half})\s+{year}(?:\s+{rel_year})?", False, [p.split()[0] for p in lex["half_first"] + lex["half_last"]]),
        ("date", rf"(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*{_Y}", True, []),
        ("day_month", rf"(?:{daypart}\s+(?:{day}\s+)?|{day}\s+)(\d{{1,2}})\s*/\s*(\d{{1,2}})(?![\d/]|[.,]\d|\s*[/.\-]\s*\d|\s*%)",
         False, first["day"] + first["daypart"]),
        ("month_year_words", rf"{month}\s+(\d{{1,2}})\s+{year}\s+{rel_year}", False, first["month"]),
        ("month_year", rf"(?:{month}\s+)?(\d{{1,2}})\s*/\s*{_Y}(?!/)", True, first["month"]),
        ("month", rf"{month}\s+(\d{{1,2}})(?![\d/]|[.,]\d|\s+{year})", False, first["month"]),
        # "giai đoạn 2021-2025", and "năm 2019-2023" too: the span, not its first year
        ("year_range", rf"(?:{year_span}|{year}{year_kind})\s+{_Y}\s*[-–]\s*{_Y}(?![\d/])", False, first["year_span"] + first["year"]),
        # "từ đầu năm đến nay", "từ đầu năm 2025 đến hết tháng 5": January to now (the document's
        # month) or to the month named; "(lũy kế) từ đầu năm," closing its clause: to now
        ("year_to_date", (rf"{since_words}\s+{first_side}\s+{year}(?:\s+{rel_year})?(?:\s+{span_to}\s+(?:"
                          rf"({words_alternation(lex['to_date_now'], flags='')})|(?:{words_alternation(lex['to_date_end'], flags='')}\s+)?{month}\s+(\d{{1,2}})(?:\s*/\s*{_Y})?(?![\d/]))"
                          rf"|()(?=\s*[,;:]))"),
         False, since_first),
        # "từ tháng 1 đến tháng 9/2025": the months between, not the last one
        ("months_from_to", rf"{since_words}\s+{month}\s+(\d{{1,2}})(?:\s*/\s*{_Y})?\s*(?:{span_to}|[-–])\s*(?:{month}\s+)?(\d{{1,2}})(?:\s*/\s*{_Y}(?!/)|\s+{year}\s+{rel_year})",
         False, since_first),
        # "từ năm 2011 đến năm 2019", "kể từ 2016 đến 2020,": the span of years, not its last year
        # (bare years only before a non-letter: "từ 2000 đến 2020 doanh nghiệp" counts firms)
        ("years_from_to", rf"{since_words}\s+(?:{year}\s+{_Y}\s*(?:{span_to}|[-–])\s*(?:{year}\s+)?{_Y}|{_Y}\s*(?:{span_to}|[-–])\s*(?:{year}\s+{_Y}|{_Y}(?!\s*\p{{L}})))(?![\d/])",
         False, since_first),
        ("year", rf"(?:{years_of}\s+)?{year}{year_kind}\s+{_Y}|{words_alternation(year_lead, flags='')}\s+{_Y}(?![\d/])", False, [*(f"{a.lower()} {y.lower()}" for a in lex["years_of"] for y in lex["year"]), *first["year"], *year_lead]),
        # "Tính chung cả năm,", "doanh thu cả năm đạt": the whole year the text speaks of ("cả năm
        # 2025" and "cả năm nay" are left to the year branches)
        ("whole_year", words_alternation(lex["whole_year"], flags="") + rf"(?!\s+(?:{_Y}|{rel_year}|{words_alternation(lex['whole_year_not_before'], flags='')})(?![\p{{L}}\d]))",
         False, whole_phrases("whole_year")),
        ("this_year", words_alternation(lex["this_year"], flags=""), False, listed["this_year"]),
        ("last_year", words_alternation(lex["last_year"], flags=""), False, listed["last_year"]),
        ("last_month", words_alternation(lex["last_month"], flags=""), False, listed["last_month"]),
        ("present", present_guards()[0] + words_alternation(lex["present"], flags="") + present_guards()[1]
         + r"|(?<=(?:^|[\n.;:,])\s*)" + words_alternation(lex["present_fronted"], flags="")
         + r"(?=\s*,|(?:[ \t]+\p{L}+){0,6}?[ \t]+" + words_alternation(lex["present_fronted_then"], flags="") + r"(?![\p{L}]))", False, listed["present"] + whole_phrases("present_fronted")),
        ("recent", r"(?<!(?<![\p{L}])" + words_alternation(lex["recent_not_after"], flags="") + r"\s+)" + words_alternation(lex["recent"], flags="")
         + r"(?!\s+" + words_alternation(lex["recent_not_before"], flags="") + r"(?![\p{L}]))", False, whole_phrases("recent")),
    ]

    def compiled(rows) -> regex.Pattern:
        alternation = "|".join(f"(?P<{name}>{body})" for name, body, *_ in rows)
        return regex.compile(r"(?i)(?<![\p{L}\p{N}])(?:" + alternation + r")(?![\p{L}\p{N}])")

    combined = compiled(table)
    starters = {w.lower() for *_, first in table for w in first}
    # the branches (in table order, so the same one wins) that can match where each starter
    # word stands, and where a digit stands
    by_word = {word: compiled([row for row in table if word in {w.lower() for w in row[3]}]) for word in starters}
    at_digit = compiled([row for row in table if row[2]])
    group_counts = {name: regex.compile(body).groups for name, body, *_ in table}
    comparison = load("time")["comparison"]
    markers = words_alternation(comparison["markers"])
    between = words_alternation(comparison["between"])
    same = words_alternation(comparison["same_period"])
    # "gấp 1,5 lần năm 2024", and without "lần": "gấp 3 năm 2020", "gấp đôi năm 2020"
    multiple = words_alternation(comparison["multiple_open"]) + r"\s+\S+(?:\s+" + words_alternation(comparison["multiple_close"]) + ")?"
    baseline = compile_before(rf"(?:{markers}|{multiple})(?:\s+{between}){{0,2}}\s*\Z|(?:^|\s){same}\s*\Z")
    since = compile_before(r"(?:^|\s)" + words_alternation(comparison["since"]) + r"\s*\Z")
    signed_on = words_alternation(lex["signed_on"], flags="")
    legal = compile_before(r"(?i)\d+[/\-]\S*\p{Lu}\S*(?:\s+\S+){0,8}?\s+" + signed_on + r"\s*\Z")
    return combined, group_counts, baseline, since, legal, by_word, at_digit


@functools.cache
def present_guards() -> tuple[str, str]:
    """The look-behind and the look-ahead that keep the "hiện" of "now" from matching the same
    syllable inside another word: "thực hiện", "xuất hiện" before it, "hiện đại", "hiện hành"
    after it (time.toml period.present_not_after, present_not_before)."""
    period = load("time")["period"]
    return (r"(?<!(?<![\p{L}])" + words_alternation(period["present_not_after"]) + r"\s)",
            r"(?!\s+" + words_alternation(period["present_not_before"]) + r"(?![\p{L}]))")


_TIME_REACH = 200  # far longer than any time expression ("mười hai tháng đầu năm ngoái")


_LISTED = ("this_year", "last_year", "last_month", "present")
_GRAMMAR = ("month", "year", "quarter", "year_span", "years_of", "day", "daypart")
# Where a time expression can start: a digit with no letter or digit before it, or a starter word.
# Every branch that can start at a digit starts with one or two digits followed by a space or
# a date separator ("6 tháng đầu", "31/8/2023", "5/2020"), so "1.347.087" and "30,95%" offer
# one try or none. The look-behind stands after the first digit, where it runs only at digits.
_DIGIT_START = regex.compile(r"\d(?<![\p{L}\p{N}]\d)\d?(?=[\s/.\-])")


@functools.cache
def looked_up_words() -> frozenset[str]:
    """The words this stage looks up in a document's Words."""
    *_, by_word, _ = _patterns()
    return frozenset(by_word)


@functools.cache
def _phrase_starters() -> tuple[dict[str, tuple[list[str], int]], int]:
    """The starters of several words ("cả năm") by their first word, each with the length of
    its longest, and the longest of all."""
    *_, by_word, _ = _patterns()
    by_first: dict[str, list[str]] = {}
    for phrase in by_word:
        if " " in phrase:
            by_first.setdefault(phrase.split()[0], []).append(phrase)
    entries = {first: (phrases, max(map(len, phrases))) for first, phrases in by_first.items()}
    return entries, max((length for _, length in entries.values()), default=0)


def _oddly_spaced_phrases(words: Words, by_word) -> list:
    """Tries for starters of several words written across a line break or a run of spaces
    ("Cả  năm", "mười hai\ntháng"), which Words, reading phrases with single spaces, does
    not find: at the first word, where one stands before such a gap, as a scan of every
    position would. Most documents have few gaps, and few first words stand before one."""
    (starters, reach), lower = _phrase_starters(), words.lower
    # a line that ends in a letter may end inside a phrase; most end in a stop
    gaps = words.space_runs() + [m.start() for m in _LETTER_THEN_LINE_BREAK.finditer(lower)]
    tries = []
    for gap in gaps:
        # the words just before the gap that could open a phrase running across it
        lo = max(0, gap - reach)
        tail = lower[lo:gap].split()
        for word in tail[1 if lo else 0:]:  # the first may be cut by the window
            entry = starters.get(word)
            if entry:
                at = lower.rfind(word, lo, gap)
                if gap < at + entry[1] and (at == 0 or not lower[at - 1].isalnum()):
                    tries += [(at, by_word[phrase]) for phrase in entry[0]]
    return tries


# the line break first: a pattern led by a literal is searched for it, not tried at each letter
_LETTER_THEN_LINE_BREAK = regex.compile(r"\n(?<=\p{L}[ \t\r]{0,8}\n)")


def _time_matches(text: str, words: Words | None = None):
    """The matches a scan of the whole text with the combined pattern would give, found by
    trying only where a match can start (a digit or a starter word) the branches that can
    start there.

    A scan tries the whole alternation at every position; digits and the starter words
    (looked up in the document's Words) are found by fast searches, so the cost follows
    them, not the length of the text. test_context checks it against a full scan."""
    combined, *_, by_word, at_digit = _patterns()
    words = words or Words(text)
    if words.lower is None:  # a character whose lower case is longer: offsets would drift
        yield from combined.finditer(text)
        return
    candidates = [(m.start(), at_digit) for m in _DIGIT_START.finditer(text)]
    for word in words.present(looked_up_words()):
        pattern = by_word[word]
        candidates += [(pos, pattern) for pos in words.positions(word)]
    candidates += _oddly_spaced_phrases(words, by_word)
    candidates.sort(key=itemgetter(0))  # a digit and a whole word never start at the same place
    covered = 0
    for pos, pattern in candidates:
        if pos < covered:
            continue
        # a bounded window: without endpos `regex` first scans the rest of the document
        # for the literal words a branch needs ("tháng"), once per try
        end = pos + _TIME_REACH
        m = pattern.match(text, pos, end)
        if m and m.end() > end - 40:  # near the window's edge a look-ahead may need what lies beyond
            m = pattern.match(text, pos)
        if m:
            covered = m.end()
            yield m


def _spelled_month_parts() -> tuple[list[str], list[str]]:
    """(units, tens) of spelled counts of months ("sáu", "mười hai"), from numbers.toml."""
    spelled = load("numbers")["spelled"]
    return [w for w in spelled["digits"] if w not in spelled["never_first"]], list(spelled["ten"])


def _spelled_month_alternation() -> str:
    units, tens = _spelled_month_parts()
    units_alt = words_alternation(units, flags="")
    return f"{words_alternation(tens, flags='')}(?:\\s+{units_alt})?|" + units_alt


def _month_count(word: str) -> int:
    if word.isdigit():
        return int(word)
    from .numbers import parse_spelled

    return int(parse_spelled(word.split()) or 0)


class _Branch:
    """The groups of the branch that matched, numbered from 1 as in its own body.

    They are read off the match itself: matching the branch again on the matched text
    alone would lose what its look-arounds saw around it ("9 tháng" before "ước đạt")."""

    __slots__ = ("_m", "_base", "_count")

    def __init__(self, m: regex.Match, count: int):
        self._m, self._base, self._count = m, m.re.groupindex[m.lastgroup], count

    def group(self, k: int) -> str | None:
        return self._m.group(self._base + k)

    def start(self, k: int) -> int:
        return self._m.start(self._base + k)

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self._m.group(self._base + k) for k in range(1, self._count + 1))


def find_times(text: str, doc_date: str = "", words: Words | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved where it can be."""
    _, group_counts, baseline, since, legal, *_ = _patterns()
    doc_year = int(doc_date[:4]) if doc_date else None
    years = _Years(text)
    baseline_ends, since_ends, longest = _ending_words()
    out = []
    for m in _time_matches(text, words):
        kind_name = m.lastgroup
        g = _Branch(m, group_counts[kind_name])
        lo = max(0, m.start() - 60)
        period = _resolve(kind_name, g, doc_date, doc_year, text, m.start(), years)
        kind = "time"
        if kind_name in ("present", "recent"):
            kind = kind_name
        # both patterns end at the time expression with a word then spaces: a string test on
        # the last word before it rules out most expressions without a regex
        tail = text[lo:m.start()].rstrip()
        last = tail[-longest:].lower()
        if last.endswith(baseline_ends) and baseline.search(text, lo, m.start()):
            kind = "baseline"
        elif kind_name in ("date", "day_month") and legal.search(text, lo, g.start(1)):  # at the day's digits
            kind = "ignored"  # the date a decree was signed ("... ngày 15/3/2020", "... ngày 15/3")
        elif kind_name in ("year", "month_year", "date", "day_month") and last.endswith(since_ends) and since.search(text, lo, m.start()):
            kind = "ignored"  # "từ năm 2015": a start, not the period of a value
        if kind_name == "year" and _after_a_plan_horizon(text, lo, m.start(), tail):
            kind = "ignored"
        if kind_name == "month" and not (1 <= int(g.group(1)) <= 12):
            continue
        out.append(TimeExpr(m.start(), m.end(), period, kind))
    return out


def _after_a_plan_horizon(text: str, lo: int, at: int, tail: str | None = None) -> bool:
    """Is the year at ``at`` a vision's, written right after a plan's own year ("đến năm 2030
    và tầm nhìn đến năm 2050")? ``tail``: text[lo:at] without its trailing spaces, when known.

    >>> _after_a_plan_horizon("Chiến lược đến năm 2030, tầm nhìn đến năm 2050", 0, 38)
    True
    >>> _after_a_plan_horizon("Tầm nhìn đến năm 2045", 0, 13)
    False
    """
    pattern, last_words, longest = _vision_pattern()
    tail = text[lo:at].rstrip() if tail is None else tail
    return tail[-longest:].lower().endswith(last_words) and pattern.search(text, lo, at) is not None


@functools.cache
def _vision_pattern() -> tuple[regex.Pattern, tuple[str, ...], int]:
    """The words between a plan's year and a vision's (time.toml vision_after_plan), as a
    pattern ending where the vision's year stands; the last words it can end with, and the
    longest of them."""
    period = load("time")["period"]
    vision = words_alternation(period["vision_after_plan"])
    # both years horizons ("đến năm 2030, tầm nhìn đến năm 2050"): "20% năm 2025, định hướng
    # năm 2030 đạt 30%" dates a figure with each
    to, year = words_alternation(period["span_to"]), words_alternation(period["year"])
    pattern = compile_before(rf"(?<![\p{{L}}]){to}\s+(?:{year}\s+)?{_Y}\s*(?:[,;]\s*|\s+)(?:và\s+)?{vision}\s+{to}\s+\Z")
    last_words = tuple({w.split()[-1].lower() for w in period["span_to"]})
    return pattern, last_words, max(map(len, last_words))


@functools.cache
def _ending_words() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """The last words a comparison baseline ("so với", "gấp ... lần", "cùng kỳ") and a
    start ("từ", "kể từ") can end with, lower-cased, as _patterns writes them; and the
    longest of them."""
    comparison = load("time")["comparison"]
    baseline = comparison["markers"] + comparison["between"] + comparison["same_period"] + comparison["multiple_close"]
    # a multiple without "lần" ends with its number: digits, or a word of numbers.toml ("đôi")
    baseline += [*"0123456789", *load("numbers")["multiple_words"]]
    baseline_ends = tuple({p.split()[-1].lower() for p in baseline})
    since_ends = tuple({p.split()[-1].lower() for p in comparison["since"]})
    return baseline_ends, since_ends, max(map(len, baseline_ends + since_ends))


class _Years:
    """(offset, year) of every year stated in a text, found when first asked for: most
    documents' time expressions carry their own year and never ask."""

    __slots__ = ("_text", "_found")

    def __init__(self, text: str):
        self._text, self._found = text, None

    def __call__(self) -> list[tuple[int, int]]:
        if self._found is None:
            self._found = sorted((m.start(), int(m.group())) for scan in _YEAR_SCANS for m in scan.finditer(self._text))
        return self._found


_LOOK_BACK = 50  # earlier years a bare month's year is looked for among


def _nearby_year(text: str, pos: int, years_of: _Years, doc_year: int | None = None) -> int | None:
    """The year "qua 11 tháng" or "trong tháng 11" belongs to: one stated in the same sentence,
    else the nearest year stated before it in the document; never a comparison's
    ("so với cùng kỳ năm 2025" is the baseline's year, not the text's). A year after the
    document's own, stated in an earlier paragraph, was a forecast's: "Sáu tháng đầu năm"
    in a new paragraph of a July 2025 article is 2025's, whatever "Năm 2026, ... dự báo"
    said before it. An earlier paragraph's year scopes only if it heads what follows
    (`_scopes_paragraphs`): "Trong quý III" after a paragraph ending "... trong năm 2024."
    is the document's year's."""
    years = years_of()
    lo = max(text.rfind(".", max(0, pos - 600), pos), text.rfind("\n", max(0, pos - 600), pos)) + 1
    hi_candidates = [i for i in (text.find(". ", pos, pos + 600), text.find("\n", pos, pos + 600)) if i != -1]
    hi = min(hi_candidates) if hi_candidates else min(len(text), pos + 600)
    compared = comparison_patterns()["compared"]
    first = bisect.bisect_left(years, (lo,))
    i = first
    while i < len(years) and years[i][0] < hi:
        at, year = years[i]
        if not compared.search(text, max(0, at - 30), at):
            return year
        i += 1
    # by index: a slice would copy every year of a long document; and at most _LOOK_BACK years,
    # so a document of many dated statements does not make each bare month walk back through all
    for j in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        at, year = years[j]
        if compared.search(text, max(0, at - 30), at):
            continue
        if doc_year and text.find("\n", at, pos) != -1:
            if year > doc_year:
                return doc_year
            if not _scopes_paragraphs(text, at):
                continue
        return year
    return None


def _scopes_paragraphs(text: str, at: int) -> bool:
    """Does the year at `at` head what follows it: a time fronted at the start of its line
    ("Năm 2024, ...", "Trong 6 tháng đầu năm 2024, ...") or a heading ("KẾT QUẢ NĂM 2024")?
    Only such a year scopes the paragraphs after it; one inside a statement ("Thị trường
    ... năm 2024 đạt 25 tỷ USD", "... trong năm 2024.") dates that statement alone."""
    line_start = text.rfind("\n", 0, at) + 1
    return at - line_start <= load("time")["period"]["paragraph_scope_chars"] and bool(_HEADS_WHAT_FOLLOWS.match(text, at))


# the year, then the comma of a fronted time or the end of a heading
_HEADS_WHAT_FOLLOWS = regex.compile(r"\d{4}\s*(?:[,:]|\n|$)")


# the years 20xx, then 19xx: a pattern led by a literal is searched for it, several times faster
# than one led by an alternation or a look-behind, which is tried at every position
_YEAR_SCANS = tuple(regex.compile(rf"{lead}(?<![\d.,]{lead})\d\d(?![\d.,]\d)") for lead in ("20", "19"))


@functools.cache
def comparison_patterns() -> dict[str, regex.Pattern]:
    """The comparison words of time.toml as the regexes that periods and baselines need."""
    comparison, period = load("time")["comparison"], load("time")["period"]
    markers = words_alternation(comparison["markers"])
    same = words_alternation(comparison["same_period"])
    last_year = words_alternation(period["last_year"])
    # "so với (cuối) tháng trước" / "quý trước" / "năm trước": the length is the group's name
    not_same = words_alternation([w for w in comparison["between"] if w not in comparison["same_period"]])
    lengths = "|".join(f"(?P<{g}>{words_alternation(period[key])})" for g, key in
                       (("month", "last_month"), ("quarter", "last_quarter"), ("year", "last_year")))
    return {
        # a year inside a comparison ("so với cùng kỳ năm 2010") is not the year of a value
        "compared": regex.compile(rf"(?:{markers}|{same})[^,;]*\Z"),
        # where the baseline starts after a number: "… so với năm 2019", "… lần cùng kỳ năm 2024"
        "baseline": regex.compile(rf"[^;.]{{0,40}}?{markers}\s+|\s+(?={same})"),
        # ... or before it, opening the sentence: "So với năm 2020, số doanh nghiệp tăng ..."
        "fronted": regex.compile(rf"\s*{markers}\s+"),
        # ... or right after a multiple's closing word: "gấp 1,5 lần (mức) năm 2024"
        "after_multiple": regex.compile(rf"\s+(?:{words_alternation(comparison['between'])}\s+){{0,2}}"),
        "same_period_last_year": regex.compile(rf"{same}\s+{last_year}"),
        "same_period": regex.compile(same),
        "previous_period": regex.compile(rf"(?<!\p{{L}}){markers}\s+(?:{not_same}\s+){{0,2}}(?:{lengths})(?!\p{{L}})"),
    }


def _resolve(kind: str, g, doc_date: str, doc_year: int | None, text: str, pos: int, years) -> str:
    def year_of(written: str | None, rel: str | None) -> int | None:
        """The year written with the time, else a relative one ("năm nay"), else the nearby
        or the document's."""
        if written:
            return int(written)
        if rel:
            return _year_of(rel.lower(), doc_year)
        return _nearby_year(text, pos, years, doc_year) or doc_year

    if kind == "first_months":
        n, side = _month_count(g.group(1)), " ".join((g.group(2) or "").lower().split())
        year = year_of(None, g.group(3))
        if not year or not 1 <= n <= 12:
            return ""
        lo, hi = (1, n) if not side or side in _first_part() else (13 - n, 12)
        return f"{ym(year, lo)}/{ym(year, hi)}"
    if kind == "months_ending":
        n, last = _month_count(g.group(1)), int(g.group(2))
        if not 1 <= n <= 36 or not 1 <= last <= 12:
            return ""
        end = ym(int(g.group(3)), last)
        return end if n == 1 else f"{shift(end, months=1 - n)}/{end}"
    if kind == "months_so_far":
        n = _month_count(g.group(1))
        year = _nearby_year(text, pos, years, doc_year)
        return f"{ym(year, 1)}/{ym(year, n)}" if year and 1 <= n <= 12 else ""
    if kind == "months_to_date":
        n = _month_count(g.group(1) or g.group(3) or g.group(4))
        year = year_of(None, None)
        return f"{ym(year, 1)}/{ym(year, n)}" if year and 1 <= n <= 12 else ""
    if kind in ("quarter", "quarter_short"):  # "quý III/2025", "Q3/2025"
        q, year = _ROMAN[g.group(1).upper()], year_of(g.group(2), g.group(3))
        return f"{ym(year, 3 * q - 2)}/{ym(year, 3 * q)}" if year else ""
    if kind == "half_year":
        first_half = " ".join(g.group(1).lower().split()) in _half_first()
        year = year_of(None, g.group(2))
        if not year:
            return ""
        return f"{ym(year, 1)}/{ym(year, 6)}" if first_half else f"{ym(year, 7)}/{ym(year, 12)}"
    if kind == "year_to_date":
        written, now, hi, hi_year, open_ended = g.groups()
        if now or open_ended is not None:  # up to now: this year's, unless the text names another
            if len(doc_date) < 7:
                return ""
            year = _year_of(written.lower(), doc_year) if written else doc_year
            last, n = int(doc_date[:4]), int(doc_date[5:7])
        else:
            year = year_of(None, written)
            last, n = (int(hi_year) if hi_year else year), int(hi)
        if not year or not last or not 1 <= n <= 12 or (year, 1) > (last, n):
            return ""
        return ym(year, 1) if (year, n) == (last, 1) else f"{ym(year, 1)}/{ym(last, n)}"
    if kind == "months_from_to":
        lo, lo_year, hi, hi_year, rel = g.groups()
        last = int(hi_year) if hi_year else _year_of(rel.lower(), doc_year)
        # "từ tháng 9 đến tháng 1/2025" began the year before
        first = int(lo_year) if lo_year else last and last - (int(lo) > int(hi))
        if not last or not (1 <= int(lo) <= 12 and 1 <= int(hi) <= 12) or (first, int(lo)) >= (last, int(hi)):
            return ""
        return f"{ym(first, int(lo))}/{ym(last, int(hi))}"
    if kind == "date":
        d, mo, y = int(g.group(1)), int(g.group(2)), int(g.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""
    if kind == "day_month":
        d, mo = int(g.group(1)), int(g.group(2))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return ""
        year = _nearby_year(text, pos, years, doc_year) or doc_year
        # "Ngày 30/12, ..." in a report of 5 January: the December before it
        if year and year == doc_year and len(doc_date) == 10 and (mo - int(doc_date[5:7])) * 31 + d - int(doc_date[8:]) > 31:
            year -= 1
        return f"{year:04d}-{mo:02d}-{d:02d}" if year else ""
    if kind == "month_year_words":
        mo, year = int(g.group(1)), _year_of(g.group(2).lower(), doc_year)
        return ym(year, mo) if year and 1 <= mo <= 12 else ""
    if kind == "month_year":
        mo, y = int(g.group(1)), int(g.group(2))
        return ym(y, mo) if 1 <= mo <= 12 else ""
    if kind == "month":
        year = year_of(None, None)
        mo = int(g.group(1))
        return ym(year, mo) if year and 1 <= mo <= 12 else ""
    if kind == "year_range":
        return f"{g.group(1)}/{g.group(2)}" if g.group(1) < g.group(2) else ""
    if kind == "years_from_to":
        first, last = (y for y in g.groups() if y)
        return f"{first}/{last}" if first < last else ""
    if kind == "year":
        return next(y for y in g.groups() if y)
    if kind == "whole_year":
        year = year_of(None, None)
        return f"{year:04d}" if year else ""
    if kind == "this_year":
        return f"{doc_year:04d}" if doc_year else ""
    if kind == "last_year":
        return f"{doc_year - 1:04d}" if doc_year else ""
    if kind == "last_month":
        return shift(doc_date[:7], months=-1) if len(doc_date) >= 7 else ""
    if kind == "present":
        return doc_date
    if kind == "recent":
        return doc_date[:7]
    return ""


@functools.cache
def _half_first() -> frozenset[str]:
    return frozenset(" ".join(w.lower().split()) for w in load("time")["period"]["half_first"])


@functools.cache
def _first_part() -> frozenset[str]:
    """"đầu" of "6 tháng đầu năm", lower-cased with single spaces: the months count from January."""
    return frozenset(" ".join(w.lower().split()) for w in load("time")["period"]["first_part"])


@functools.cache
def _relative_years() -> dict[str, int]:
    """"nay" -> 0, "ngoái" -> -1: the last word of this_year and last_year phrases, and the years it shifts."""
    lex = load("time")["period"]
    shifts = {p.split()[-1].lower(): -1 for p in lex["last_year"]}
    shifts.update({p.split()[-1].lower(): 0 for p in lex["this_year"]})
    return shifts


def _year_of(rel: str, doc_year: int | None) -> int | None:
    if rel.isdigit():
        return int(rel)
    if rel in _relative_years() and doc_year:
        return doc_year + _relative_years()[rel]
    return None
