"""Number reading (SPEC §2): examples and properties."""
import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ictstats.numbers import detect_english_style, find_numbers, parse_digits, parse_spelled


@pytest.mark.parametrize(
    "raw, kwargs, value",
    [
        ("509.262", {}, 509262),
        ("1.000.000", {}, 1e6),
        ("2,5", {}, 2.5),
        ("30,95", {}, 30.95),
        ("99,9999", {}, 99.9999),
        ("43.54", {}, 43.54),
        ("4.3", {}, 4.3),
        ("1,321", {"scaled": True}, 1.321),
        ("1,321", {}, 1.321),
        ("1,321", {"english": True}, 1321),
        ("1,200,000", {}, 1.2e6),
        ("1.234.567,89", {}, 1234567.89),
        ("1,234,567.89", {}, 1234567.89),
        ("03", {}, 3),
        ("01", {}, 1),
    ],
)
def test_parse_digits(raw, kwargs, value):
    assert math.isclose(parse_digits(raw, **kwargs), value)


@pytest.mark.parametrize("raw", ["1.2.3", "12.34.56", "1,23,4"])
def test_malformed_groups_are_not_numbers(raw):
    assert parse_digits(raw) is None


@pytest.mark.parametrize(
    "words, value",
    [("tám", 8), ("hai mươi mốt nghìn", 21000), ("một trăm", 100), ("hai mươi lăm", 25), ("mười", 10),
     ("một trăm linh năm", 105), ("ba trăm nghìn", 300000), ("một triệu hai trăm nghìn", 1_200_000), ("một tỷ", 1e9)],
)
def test_parse_spelled(words, value):
    assert parse_spelled(words.split()) == value


@pytest.mark.parametrize(
    "text, value",
    [("3,5 triệu tỷ đồng", 3.5e15), ("147,6 nghìn tỷ", 147.6e12), ("135 tỷ USD", 135e9), ("10k", 1e4), ("25 triệu", 25e6)],
)
def test_scale_words_multiply(text, value):
    assert math.isclose(find_numbers(text)[0].value, value)


def test_scale_word_that_starts_another_word_is_not_a_scale():
    assert find_numbers("100 tỷ lệ")[0].value == 100


def test_english_style_documents():
    assert detect_english_style("revenue of 1,200,000 and 3,400,500 users, up 4.5%")
    assert not detect_english_style("đạt 1.347.087 tỷ đồng, tăng 30,95%")


def vi_format(integer: int, decimals: str) -> str:
    """Write a number the Vietnamese way: dot thousands, comma decimals."""
    s = f"{integer:,}".replace(",", ".")
    return f"{s},{decimals}" if decimals else s


@given(
    integer=st.integers(min_value=0, max_value=10**12),
    decimals=st.text(alphabet="0123456789", max_size=4),
    scale=st.sampled_from([("", 1), (" nghìn", 1e3), (" triệu", 1e6), (" tỷ", 1e9), (" nghìn tỷ", 1e12), (" triệu tỷ", 1e15)]),
)
def test_vietnamese_numbers_parse_back(integer, decimals, scale):
    word, factor = scale
    if len(decimals) == 3 and not word and integer >= 1000:
        decimals += "1"  # "1.234,567" is fine, but keep clear of the d,ddd rule tested above
    text = vi_format(integer, decimals) + word
    tokens = find_numbers(f"đạt {text} đồng")
    assert len(tokens) == 1
    expected = (integer + (int(decimals) / 10 ** len(decimals) if decimals else 0)) * factor
    assert math.isclose(tokens[0].value, expected, rel_tol=1e-9)
    written = Decimal(f"{integer}.{decimals or 0}")
    if len(written.normalize().as_tuple().digits) <= 15:  # a double holds 15 significant digits exactly
        # the value is the decimal the text writes, not a product of binary floats (128300000.00000001)
        assert tokens[0].value == float(written * Decimal(int(factor)))
    assert tokens[0].end - tokens[0].start == len(text)


@given(integer=st.integers(min_value=1000, max_value=10**12), space=st.sampled_from([" ", "\u00a0", "\u202f"]))
@example(integer=15_000, space=" ")
def test_thousands_grouped_by_spaces_parse_back(integer, space):
    """"15 000 000 thuê bao": a number whose thousands are grouped by spaces is one number,
    where it cannot be two (two groups or more, a group opening with 0, or a no-break space)."""
    text = f"{integer:,}".replace(",", space)
    groups = text.split(space)
    tokens = find_numbers(f"có {text} thuê bao")
    if len(groups) > 2 or groups[1].startswith("0") or space != " ":
        assert [(t.raw, t.value) for t in tokens] == [(text, integer)]
    else:  # "tháng 5 120 vụ": a plain space between two short runs may part two numbers
        assert [t.value for t in tokens] == [int(g) for g in groups]


@pytest.mark.parametrize(
    "text, value",
    [("1 tỷ 500 triệu USD", 1.5e9), ("2 triệu 300 nghìn đồng", 2.3e6), ("2 nghìn tỷ 500 tỷ đồng", 2.5e12), ("3,5 triệu 200 nghìn", 3.7e6)],
)
def test_a_scaled_number_then_a_smaller_one_is_one_number(text, value):
    tokens = find_numbers(text)
    assert [t.value for t in tokens] == [value]


@pytest.mark.parametrize(
    "text, raw, value",
    [("có 7 triệu rưỡi thuê bao", "7 triệu rưỡi", 7.5e6), ("Doanh thu 1 tỷ rưỡi USD", "1 tỷ rưỡi", 1.5e9),
     ("đạt 3 nghìn tỷ rưỡi đồng", "3 nghìn tỷ rưỡi", 3.5e12), ("có hai triệu rưỡi người dùng", "hai triệu rưỡi", 2.5e6),
     ("có 7 TRIỆU RƯỠI thuê bao", "7 TRIỆU RƯỠI", 7.5e6)],
)
def test_a_half_after_the_scale_word_adds_half_of_it(text, raw, value):
    assert [(text[t.start:t.end], t.value) for t in find_numbers(text)] == [(raw, value)]


@pytest.mark.parametrize("text, value", [("có 7 rưỡi", 7), ("có 7 triệu, rưỡi", 7e6)])
def test_a_half_without_a_scale_word_before_it_is_no_part_of_the_number(text, value):
    assert [t.value for t in find_numbers(text)] == [value]


@pytest.mark.parametrize("text", ["5 triệu 7 triệu", "3 triệu, 200 nghìn", "1 triệu 2 triệu nghìn", "2 nghìn 5 tỷ"])
def test_scaled_numbers_that_do_not_compose_stay_apart(text):
    assert len(find_numbers(text)) == 2


_SPACES = st.lists(st.sampled_from([" ", "\u00a0", "\n", "\t", "\x1c"]), max_size=3).map("".join)
_WORDS = st.sampled_from(["tỷ", "Tỷ", "TRIỆU", "nghìn", "Ngàn", "chục", "trăm", "lệ", "million", "Nam", "x", "5", "%", ""])


def _every_scale_word_after_a_space():
    from ictstats.lexicon import load

    return [space + case(word) for word in load("numbers")["scale"] for space in (" ", "\u00a0", "\n ") for case in (str, str.upper, str.title)]


@pytest.mark.parametrize("after", _every_scale_word_after_a_space())
def test_scale_shortcut_lets_every_scale_word_through(after):
    check_scale_shortcut(after)


@given(st.lists(st.tuples(_SPACES, _WORDS).map("".join), max_size=3).map("".join))
def test_scale_shortcut_agrees_with_the_scale_pattern(after):
    check_scale_shortcut(after)


def check_scale_shortcut(after):
    """_read_scale settles most numbers without its regex; the regex alone must agree."""
    from ictstats import numbers

    scale_run, one_scale, _, values, _ = numbers._patterns()
    text = "5" + after
    m = scale_run.match(text, 1, 81)
    expected = (1.0, 1)
    if m:
        factor = math.prod(values[w.group(1).lower()] for w in one_scale.finditer(text, 1, m.end()))
        expected = (factor, m.end())
    assert numbers._read_scale(text, 1) == expected


@given(
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=4), min_size=1, max_size=4),
    st.lists(st.sampled_from(".,"), min_size=3, max_size=3),
    st.booleans(),
)
@example(["1", "200"], [",", ",", ","], False)
@example(["12", "345", "678"], [",", ",", ","], False)
@example(["1", "234"], [".", ".", "."], False)
@example(["3", "5"], [",", ",", ","], False)
def test_the_style_vote_is_needed_only_where_find_numbers_asks_for_it(groups, separators, scaled):
    """find_numbers takes the document's English-style vote only for numbers that
    _style_matters; every other number must read the same under either style."""
    from ictstats.numbers import _style_matters

    raw = groups[0] + "".join(sep + g for sep, g in zip(separators, groups[1:]))
    if scaled or not _style_matters(raw):
        assert parse_digits(raw, scaled=scaled, english=True) == parse_digits(raw, scaled=scaled, english=False)


# Texts where a multiplier or an ordinal stands, or nearly does.
SIGN_TEXTS = [
    "tăng x2 so với năm trước, X3 lần, ×4",
    "gấp 2x5 lần, ax2, x2a, x2.5x, x 2, x",
    "xếp thứ hai, Thứ Ba, THỨ BẢY, thứthứ hai, 2thứ ba, thứ\nhai",
    "hạng thứ mười hai; thứ 2; sản xuất x10, x0,5",
    "İstanbul thứ hai x2",  # a character whose lower case is longer: the fallback path
]
_SIGN_PIECES = st.sampled_from(["x", "X", "×", "2", "12", ".5", ",5", "a", "đ", " ", "\n", "thứ", "Thứ", "THỨ", "hai", "Ba", "İ", "ß", "-"])


@pytest.mark.parametrize("text", SIGN_TEXTS)
def test_multiplier_and_ordinal_searches_agree_with_a_full_scan(text):
    check_sign_searches(text)


@given(st.lists(_SIGN_PIECES, max_size=12).map("".join))
def test_multiplier_and_ordinal_searches_agree_with_a_full_scan_on_any_text(text):
    check_sign_searches(text)


def check_sign_searches(text):
    """find_numbers runs the multiplier and ordinal patterns only where str.find puts their
    first character or word; they must find what a scan of the whole text finds."""
    from ictstats import numbers
    from ictstats.cues import Words

    spans = lambda matches: [m.span() for m in matches]  # noqa: E731
    assert spans(numbers._multipliers(text)) == spans(numbers._MULTIPLIER.finditer(text))
    full = spans(numbers._ordinal_pattern().finditer(text))
    assert spans(numbers._ordinals(text, Words(text))) == full
    assert spans(numbers._ordinals(text, None)) == full


def test_case_insensitive_ordinal_word_is_what_lower_cases_to_it():
    """_ordinals looks for the ordinal's first word in the lower-cased text: every
    character the case-insensitive pattern takes for one of its letters must lower-case
    to that letter, or an ordinal written with it would be missed."""
    import regex

    from ictstats.numbers import ordinal_marker

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in ordinal_marker():
        takes = set(regex.findall(f"(?i){regex.escape(letter)}", every))
        assert takes and all(c.lower() == letter for c in takes), (letter, takes)
