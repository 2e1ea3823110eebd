"""Every Example in examples.py, through the public ``extract``."""
import math

import pytest

from examples import BUGS_CAUGHT, EXAMPLES_FROM_NEWS, EXAMPLES_FROM_SPEC, KNOWN_FAILURES, NO_QUANTITY
from ictstats import extract


def check(example):
    rows = extract(example.text)
    got = [(r.surface, r.value, r.unit) for r in rows]
    want = [(w[0], float(w[1]), w[2]) for w in example.rows]
    assert [g[0] for g in got] == [w[0] for w in want], f"surfaces differ: {got}"
    for row, w in zip(rows, example.rows):
        assert math.isclose(row.value, float(w[1]), rel_tol=1e-9), (row.surface, row.value)
        assert row.unit == w[2], (row.surface, row.unit)
        for key, expected in (w[3] if len(w) > 3 else {}).items():
            got_value = getattr(row, key)
            if isinstance(expected, (int, float)) and not isinstance(expected, bool):
                assert got_value is not None and math.isclose(got_value, expected), (row.surface, key, got_value)
            else:
                assert got_value == expected, (row.surface, key, got_value)
        assert example.text[row.start:row.end] == row.surface


@pytest.mark.parametrize("example", EXAMPLES_FROM_NEWS + EXAMPLES_FROM_SPEC + BUGS_CAUGHT, ids=repr)
def test_example(example):
    check(example)


@pytest.mark.parametrize("example", NO_QUANTITY, ids=repr)
def test_no_quantity(example):
    assert [r.surface for r in extract(example.text)] == []


@pytest.mark.parametrize("example", KNOWN_FAILURES, ids=repr)
@pytest.mark.xfail(strict=True)
def test_known_failure(example):
    check(example)
