"""Each fixture's rows must equal the golden file beside it.

To accept a change in behaviour: ``python tests/regen_golden.py``, then review
``git diff tests/fixtures`` and commit the golden files with the change.
"""
import json
from pathlib import Path

import pytest

from regen_golden import FIXTURES, golden_path, render

DOCS = sorted(FIXTURES.glob("*.txt"))


def test_every_fixture_has_a_golden_file():
    assert DOCS
    assert all(golden_path(d).exists() for d in DOCS)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_golden(doc: Path):
    expected = [json.loads(line) for line in golden_path(doc).read_text(encoding="utf-8").splitlines()]
    actual = [json.loads(line) for line in render(doc).splitlines()]
    for i, (want, got) in enumerate(zip(expected, actual)):
        assert got == want, f"{doc.name} row {i}: {got['surface']!r}"
    assert len(actual) == len(expected), f"{doc.name}: {len(actual)} rows, golden has {len(expected)}"
