"""The lexicons are data: check that they load, compile and hold together."""
import regex
import pytest

from ictstats.lexicon import load, word_gate

SECTIONS = {
    "numbers": {"scale", "scale_not_before", "attached_scale", "spelled", "ordinal", "range"},
    "units": {"unit", "unit_rules", "rate_suffix", "per_capita", "currency_prefix", "multiplier_prefix"},
    "qualifiers": {"qualifier", "qualifier_pair", "qualifier_exceptions", "change"},
    "context": {"value_cues", "count_subject", "rate_words", "score", "bare", "rank", "ordinal", "names", "nouns"},
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
        regex.compile(p["regex"])


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


def test_scale_words_are_powers_of_ten():
    for word, factor in load("numbers")["scale"].items():
        assert factor >= 10 and float(factor).is_integer(), word


def test_known_nouns_are_lower_case_and_not_stop_words():
    nouns = load("context")["nouns"]
    assert all(n == n.lower() for n in nouns["known"])
    assert len(nouns["known"]) == len(set(nouns["known"]))
    single_stops = set(nouns["stop_words"])
    assert not [n for n in nouns["known"] if n in single_stops]


def test_unit_rules_name_declared_units():
    declared = {u["id"] for u in load("units")["unit"]}
    for rule, units in load("units")["unit_rules"].items():
        assert set(units) <= declared, rule


# Each cue list whose regex is skipped when a word gate finds nothing in the window:
# the gate must find every phrase of the list, in any case, or a real cue would be missed.
GATED = [
    ("qualifiers", ("qualifier",), False),
    ("qualifiers", ("change", "up"), False),
    ("qualifiers", ("change", "down"), False),
    ("context", ("value_cues",), False),
    ("context", ("rank", "prefix"), True),
    ("context", ("ordinal", "before"), True),
]


@pytest.mark.parametrize("name, path, last", GATED)
def test_word_gates_find_every_phrase_they_stand_for(name, path, last):
    node = load(name)
    for key in path:
        node = node[key]
    phrases = [c for cues in node.values() for c in cues] if isinstance(node, dict) else node
    gate = word_gate(phrases, last=last)
    missed = [p for p in phrases if not gate.search(f"đạt {p.upper()} ".lower())]
    assert not missed
