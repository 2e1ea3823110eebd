"""The lexicons are data: check that they load, compile and hold together."""
import regex
import pytest

from ictstats.exclusions import expand
from ictstats.lexicon import load, tone_variants
from ictstats.metrics import taxonomy
from ictstats.numbers import parse_spelled

from regen_golden import FIXTURES

SECTIONS = {
    "numbers": {"scale", "scale_half", "scale_not_before", "attached_scale", "spelled", "ordinal", "ordinal_marker", "multiple_words", "fraction", "range"},
    "units": {"unit", "unit_rules", "rate_suffix", "price_per", "per_head", "per_capita", "currency_prefix", "multiplier_prefix", "part_of_total", "compound_duration"},
    "qualifiers": {"qualifier", "qualifier_pair", "qualifier_after_head", "qualifier_exceptions", "change"},
    "context": {
        "value_cues", "count_subject", "measured_nouns", "rate_words", "clause_openers", "back_reference", "breakdown", "restatement", "respectively", "cue_modifier_gap",
        "carry_over_words", "paired_names",
        "score", "bare", "rank", "ordinal", "names", "nouns",
    },
    "exclusions": {"pattern"},
    "taxonomy": {"metric"},
    "time": {"comparison", "period", "doc_date", "status"},
}


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_lexicon_has_its_sections(name):
    assert SECTIONS[name] <= set(load(name))


def test_exclusion_patterns_compile_and_have_ids():
    patterns = load("exclusions")["pattern"]
    assert patterns
    for p in patterns:
        assert set(p) <= {"id", "regex", "case_sensitive"}
        assert regex.match(r"^[a-z]+(?:\.[a-z_]+)?$", p["id"]), p["id"]
        regex.compile(expand(p["regex"]))
        assert "<<" not in expand(p["regex"]), p["id"]  # every word-list reference names a list


def test_exclusion_patterns_spell_each_word_both_ways():
    # the loader adds the other tone spelling to word lists, not inside a regular expression
    for p in load("exclusions")["pattern"]:
        words = set(regex.findall(r"\p{L}+", p["regex"]))
        missing = {v for w in words for v in tone_variants(w) if v not in words}
        assert not missing, (p["id"], missing)


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_word_lists_hold_every_tone_spelling(name):
    def lists(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from lists(value)
        elif isinstance(node, list) and node and all(isinstance(x, str) for x in node):
            yield node
        elif isinstance(node, list):
            for value in node:
                yield from lists(value)

    for words in lists(load(name)):
        assert all(v in words for w in words for v in tone_variants(w)), words


def test_tone_variants_reach_user_taxonomies(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[[metric]]\nid = "x.digitised"\ncues = ["số hóa"]\nunits = ["%"]\n', encoding="utf-8")
    metric = next(m for m in taxonomy((str(path),)) if m.id == "x.digitised")
    assert metric.cues == ("số hóa", "số hoá")


@pytest.mark.parametrize("word, variants", [
    ("hóa", ["hóa", "hoá"]), ("hoá", ["hoá", "hóa"]), ("Thủy", ["Thủy", "Thuỷ"]), ("khoẻ", ["khoẻ", "khỏe"]),
    ("ủy ban", ["ủy ban", "uỷ ban"]), ("tọa đàm", ["tọa đàm", "toạ đàm"]),
    # a final consonant or vowel fixes the place; "qu" is a consonant; no tone, nothing to move
    ("hoàn", ["hoàn"]), ("khoảng", ["khoảng"]), ("quý", ["quý"]), ("ngoái", ["ngoái"]), ("hoa", ["hoa"]),
    ("văn hóa, luỹ kế", ["văn hóa, luỹ kế", "văn hóa, lũy kế", "văn hoá, luỹ kế"]),
])
def test_tone_variants(word, variants):
    assert tone_variants(word) == variants


def test_exclusions_read_the_word_lists_they_share_with_the_time_grammar(monkeypatch):
    """A verb added to time.toml's months_followed_by makes "9 tháng <verb>" a time reference in
    the exclusions too, not only a period: the list is written once."""
    import copy

    from ictstats import exclusions, lexicon

    text = "Doanh thu 9 tháng vượt 5 tỷ USD"
    assert exclusions.Protected(text, [10]).reason(10) is None
    extended = copy.deepcopy(load("time"))
    extended["period"]["months_followed_by"].append("vượt")
    monkeypatch.setattr(exclusions, "load", lambda name: extended if name == "time" else lexicon.load(name))
    exclusions._combined.cache_clear()
    try:
        assert exclusions.Protected(text, [10]).reason(10) == "time.reference"
    finally:
        exclusions._combined.cache_clear()


def test_part_of_total_settings():
    part = load("units")["part_of_total"]
    # a denominator of 1 would make no fraction; a large one would read "25/63 tỉnh" as a share
    assert isinstance(part["fraction_max_denominator"], int) and 2 <= part["fraction_max_denominator"] <= 10
    assert part["fraction_nouns"] and all(w == w.lower().strip() and w for w in part["fraction_nouns"])
    # joiners are lower-case words: the string test before the pattern looks for " " + their first word
    assert part["joiners"] and all(w == w.lower().strip() and w and "/" not in w for w in part["joiners"])


def test_compound_duration_pairs_name_duration_units():
    units = load("units")
    durations = set(units["unit_rules"]["duration"]) & {u["id"] for u in units["unit"]}
    for big, small, factor in units["compound_duration"]["pairs"]:
        assert big in durations and small in durations and big != small, (big, small)
        assert isinstance(factor, int) and factor > 1


def test_level_settings():
    bare = load("context")["bare"]
    assert bare["level_before"] and all(w == w.lower().strip() and w for w in bare["level_before"])
    assert isinstance(bare["level_max"], int) and 1 <= bare["level_max"] <= 9  # the rule reads one digit


def test_unit_forms_are_unique_across_units():
    seen = {}
    for unit in load("units")["unit"]:
        for form in unit["forms"]:
            key = form if unit.get("case_sensitive") else form.lower()
            assert key not in seen, f"{form!r} is both {seen[key]} and {unit['id']}"
            seen[key] = unit["id"]


def test_qualifier_cues_are_the_spec_symbols_and_do_not_repeat():
    qualifiers = load("qualifiers")["qualifier"]
    assert set(qualifiers) == {"~", ">", ">=", "<", "<="}
    cues = [c for cs in qualifiers.values() for c in cs]
    assert len(cues) == len(set(cues))


def test_change_cues_do_not_overlap():
    change = load("qualifiers")["change"]
    assert not set(change["up"]) & set(change["down"])
    assert not set(change["comparative_up"]) & set(change["comparative_down"])
    # a comparative is no "more than": "nhiều hơn", "ít hơn" belong to the qualifiers alone
    qualifiers = {c for cs in load("qualifiers")["qualifier"].values() for c in cs}
    assert not (set(change["comparative_up"]) | set(change["comparative_down"])) & qualifiers


def test_a_half_after_a_scale_word_is_no_scale_word_itself():
    numbers = load("numbers")
    assert numbers["scale_half"] and not set(numbers["scale_half"]) & set(numbers["scale"])


def test_multiple_words_are_single_words_worth_more_than_one():
    # "gấp đôi": one word after "gấp", a multiple above 1 (a spelled digit is read anyway)
    words = load("numbers")["multiple_words"]
    assert words and all(len(w.split()) == 1 and float(v) > 1 for w, v in words.items())
    assert not set(words) & set(load("numbers")["spelled"]["digits"])


def test_fraction_words_are_single_words_and_denominators_spelled_digits():
    # "một phần ba": the denominator is a spelled digit (or "mười") above one, never "trăm"
    fraction, spelled = load("numbers")["fraction"], load("numbers")["spelled"]
    assert len(fraction["word"].split()) == len(fraction["half"].split()) == 1
    denominators = fraction["denominators"]
    assert denominators and len(set(denominators)) == len(denominators)
    assert set(denominators) <= set(spelled["digits"]) | set(spelled["ten"])
    assert all(parse_spelled([w]) > 1 for w in denominators)  # valued as spelled numerals
    assert not set(denominators) & set(spelled["hundred"] + spelled["scales"])


def test_change_signs_are_single_characters_with_a_direction():
    signs = load("qualifiers")["change"]["signs"]
    assert signs and all(len(sign) == 1 and not sign.isalnum() for sign in signs)
    assert set(signs.values()) <= {"up", "down"}


def test_spelled_scale_words_have_a_scale_value():
    numbers = load("numbers")
    assert set(numbers["spelled"]["scales"]) <= set(numbers["scale"])


def test_a_unit_closing_a_spelled_run_is_otherwise_a_digit_word():
    spelled = load("numbers")["spelled"]
    assert set(spelled["unit_when_last"]) <= set(spelled["digits"])


def test_scale_words_are_powers_of_ten():
    for word, factor in load("numbers")["scale"].items():
        assert factor >= 10 and float(factor).is_integer(), word


def test_known_nouns_are_lower_case_and_not_stop_words():
    nouns = load("context")["nouns"]
    assert all(n == n.lower() for n in nouns["known"])
    assert len(nouns["known"]) == len(set(nouns["known"]))
    single_stops = set(nouns["stop_words"])
    assert not [n for n in nouns["known"] if n in single_stops]


def test_compounds_are_two_lower_case_syllables_not_opening_with_a_stop_word():
    """An unknown noun's item is cut after two words unless the second and the next form one of
    these words; an item stops before a stop word, so one starting with a stop word never applies."""
    nouns = load("context")["nouns"]
    stops = set(nouns["stop_words"])
    for word in nouns["compounds"]:
        assert word == word.lower() and len(word.split()) == 2, word
        assert word.split()[0] not in stops, word
    assert len(nouns["compounds"]) == len(set(nouns["compounds"]))


def test_paired_names_hold_one_comma_between_words():
    for name in load("context")["paired_names"]:
        left, sep, right = name.partition(",")
        assert sep and "," not in right and left.split() and right.split(), name


def test_unit_rules_name_declared_units():
    declared = {u["id"] for u in load("units")["unit"]}
    for rule, units in load("units")["unit_rules"].items():
        assert set(units) <= declared, rule


def _gated_checks():
    """(name, gate, regex, window, phrases): cue regexes skipped when their gate finds nothing."""
    import importlib

    from ictstats import qualifiers, units

    extract = importlib.import_module("ictstats.extract")
    single, _, headed = qualifiers._qualifier_patterns()
    up, down, _, change_gate, *_ = qualifiers._change_patterns()
    prefix, top, _, _, rank_gate, group, _ = units._rank_patterns()
    value, *_, value_gate = extract._bare_patterns()
    qual = load("qualifiers")
    ctx = load("context")
    return [
        ("qualifier", single[2], single[0], 25, [c for cues in qual["qualifier"].values() for c in cues]),
        ("change up", change_gate, up, 40, qual["change"]["up"]),
        ("change down", change_gate, down, 40, qual["change"]["down"]),
        ("rank prefix", rank_gate, prefix, 30, ctx["rank"]["prefix"]),
        ("rank top", rank_gate, top, 30, ctx["rank"]["top"]),
        ("rank group", rank_gate, group, 30, ctx["rank"]["group"]),
        ("ordinal", units._ordinal_gate(), units._ordinal_pattern(), 30, ctx["ordinal"]["before"]),
        ("value cue", value_gate, value, 25, ctx["value_cues"]),
    ] + [
        (f"headed qualifier {i}", head_gate, pattern, 25, [f"{h} {c}" for h in entry["heads"] for c in entry["cues"]])
        for i, ((pattern, _, head_gate), entry) in enumerate(zip(headed, qual["qualifier_after_head"]))
    ]


@pytest.mark.parametrize("name, gate, pattern, reach, phrases", _gated_checks(), ids=[check[0] for check in _gated_checks()])
def test_a_word_gate_never_hides_a_cue_its_regex_finds(name, gate, pattern, reach, phrases):
    """Wherever the cue regex matches before a number (every phrase, in capitals too, and every
    number of the fixtures), its gate must find a word, or the gate would hide a real cue."""
    texts = [f"Năm nay {p} 5 và {p.upper()} 6" for p in phrases]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    matched = 0
    for text in texts:
        for number in regex.finditer(r"(?<!\d)\d", text):
            start = number.start()
            found = pattern.search(text[max(0, start - reach):start]) if not pattern.flags & regex.REVERSE \
                else pattern.search(text, max(0, start - reach), start)
            if found:
                matched += 1
                assert gate.search(text[max(0, start - reach):start].lower()), (name, text[max(0, start - reach):start])
    assert matched >= len(phrases)  # every phrase was seen by the regex at least once


def test_time_grammar_words_are_listed_lower_case_and_sides_do_not_overlap():
    """periods.py builds its time expressions around these lists and nothing else: each must
    be there, non-empty and lower case (the patterns are case-insensitive, and the word index
    and the resolution of "đầu"/"cuối" compare lower-cased words)."""
    period = load("time")["period"]
    for key in ("month", "year", "quarter", "year_span", "years_of", "first_part", "last_part", "signed_on"):
        words = period[key]
        assert words and all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words), key
    assert not set(period["first_part"]) & set(period["last_part"])
    after = load("time")["status"]["target_year_after"]
    assert after and all(w == w.lower() for w in after)


def test_the_horizon_gate_never_hides_a_horizon_the_regex_finds():
    """status_for runs the horizon regex ("đến năm 2025 … đạt") only where a literal search finds
    a horizon's first word; on every phrase (in capitals too) and every fixture sentence, a
    segment the regex matches must pass that gate."""
    from ictstats import status

    horizon = status._patterns()["horizon"]
    phrases = load("time")["status"]["target_year_before"]
    texts = [f"Mục tiêu {p} 2030 tỷ lệ này đạt 80%" for p in phrases] + [f"{p.upper()} 2030 SẼ ĐẠT 80%" for p in phrases]
    texts += [line for p in sorted(FIXTURES.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    matched = 0
    for text in texts:
        if horizon.search(text):
            matched += 1
            assert status._horizon_gate().search(text.lower()), text
    assert matched >= 2 * len(phrases)


def test_every_per_capita_base_names_a_unit():
    # a base written in units.toml's `bases` must map to a unit once its separators are dropped
    from ictstats.units import per_capita_unit

    bases = load("units")["per_capita"]["bases"]
    assert bases and all(per_capita_unit(b) in ("per100", "per1000") for b in bases)
