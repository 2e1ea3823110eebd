"""The library surface: extract, extract_frame, offsets, and robustness."""
import math
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from ictstats import COLUMNS, SPEC_COLUMNS, Row, extract, extract_frame, scan

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))


def test_columns_follow_the_spec_then_extras():
    assert COLUMNS[: len(SPEC_COLUMNS)] == SPEC_COLUMNS
    assert SPEC_COLUMNS == ("doc", "line", "start", "end", "surface", "value", "value_max", "unit", "item",
                            "qualifier", "change", "metric", "period", "status", "sentence", "rule")


def test_every_row_points_at_its_surface_in_every_fixture():
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8")
        rows = extract(text, doc=path.name)
        assert rows, path.name
        for r in rows:
            assert text[r.start:r.end] == r.surface
            assert text.count("\n", 0, r.start) + 1 == r.line
            assert r.surface in r.sentence or r.sentence in text
            assert r.rule and "/" in r.rule
            assert r.doc == path.name


def test_offsets_index_the_nfc_text():
    decomposed = "đạt 5 triệu người dùng".replace("ư", "u\u031b")  # NFD-style input
    row = extract(decomposed)[0]
    assert row.surface == "5 triệu người dùng"


def test_rows_are_in_document_order():
    rows = extract("Có 3 nhà mạng, 2 thành phố và 10 nước.")
    assert [r.value for r in rows] == [3, 2, 10]


def test_rejections_say_why():
    result = scan("Nghị định số 47/2020/NĐ-CP ngày 11/6/2020 về mạng 5G")
    reasons = {r.text: r.reason for r in result.rejections}
    assert reasons["47"].startswith("legal")
    assert reasons["11"].startswith("date")
    assert reasons["5"] == "tech.name"


def test_extract_frame_has_spec_columns_and_stable_dtypes():
    frame = extract_frame(texts={"a.txt": "đạt 70-80%", "b.txt": "có 3 nhà mạng"})
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["value"].dtype) == "float64" and str(frame["line"].dtype) == "int64"
    assert frame["value_max"].tolist()[0] == 80
    assert frame["doc"].tolist() == ["a.txt", "b.txt"]
    empty = extract_frame("không có số nào")
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0
    assert str(empty["value"].dtype) == "float64"


def test_row_is_immutable():
    row = extract("có 3 nhà mạng")[0]
    assert isinstance(row, Row)
    with pytest.raises(AttributeError):
        row.value = 4


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:%/-–()\n\"“”$xX", max_size=300))
def test_extract_never_raises_and_offsets_hold(text):
    for r in extract(text):
        normalized = __import__("unicodedata").normalize("NFC", text)
        assert normalized[r.start:r.end] == r.surface


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extract_never_raises_on_any_unicode(text):
    for r in extract(text):
        assert math.isfinite(r.value) and r.unit is not None and r.rule


def _lexicon_words() -> list[str]:
    """Every word of every phrase in the lexicons (not the exclusion regexes), with numbers
    written the ways the rules read them: random letters seldom form "10 tháng năm qua"."""
    from ictstats.lexicon import load

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    words = set()
    for name in ("time", "qualifiers", "units", "numbers", "context", "taxonomy"):
        words.update(w for s in strings(load(name)) for w in s.split() if len(w) < 30)
    return sorted(words) + ["10", "6", "9", "2024", "5/2020", "31/8/2023", "1.347.087", "30,95%", "2/3", "I", "IV", ",", "."]


LEXICON_WORDS = _lexicon_words()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LEXICON_WORDS), max_size=12).map(" ".join))
def test_extract_never_raises_on_sentences_of_lexicon_words(text):
    for r in extract(text):
        assert text[r.start:r.end] == r.surface


def test_every_rejection_reason_has_a_description():
    """explain turns each rejection id into a reader's phrase; a new reason needs one."""
    import re

    from ictstats.explain import REASONS
    from ictstats.lexicon import load

    source = (Path(__file__).parents[1] / "src" / "ictstats" / "extract.py").read_text(encoding="utf-8")
    reasons = set(re.findall(r'reject\("([\w.]+)"\)', source)) | {p["id"] for p in load("exclusions")["pattern"]}
    assert "level" in reasons and "date.dmy" in reasons
    assert sorted(r for r in reasons if r.split(".")[0] not in REASONS) == []
