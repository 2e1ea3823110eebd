"""The docs show real commands with their real output, and document every command and option."""
import math
import re
import sys
from pathlib import Path

import pytest
import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))

from update_examples import BLOCK, run  # noqa: E402

from ictstats import extract  # noqa: E402
from ictstats.cli import app  # noqa: E402

PAGES = sorted((ROOT / "docs").glob("*.md"))
BLOCKS = [(p.name, m["cmd"], m["out"]) for p in PAGES for m in BLOCK.finditer(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page, cmd, shown", BLOCKS, ids=[f"{p}:{c}" for p, c, _ in BLOCKS])
def test_console_blocks_show_real_output(page, cmd, shown):
    assert run(cmd) == shown, f"stale output in docs/{page}: run python docs/update_examples.py"


NUMBER_ROW = re.compile(r"^\| `(?P<text>[^`]+)` \|\s*(?P<value>[\d.e+]+)\s*\|\s*(?P<max>[\d.e+]*)\s*\|\s*(?P<unit>[^|]*?)\s*\|$", re.M)
NUMBER_ROWS = NUMBER_ROW.findall((ROOT / "docs" / "numbers.md").read_text(encoding="utf-8"))


def test_numbers_page_has_examples():
    assert len(NUMBER_ROWS) >= 15


@pytest.mark.parametrize("text, value, value_max, unit", NUMBER_ROWS, ids=[r[0] for r in NUMBER_ROWS])
def test_numbers_page_examples_hold(text, value, value_max, unit):
    rows = extract(text)
    assert len(rows) == 1, [r.surface for r in rows]
    r = rows[0]
    assert math.isclose(r.value, float(value)) and r.unit == unit.strip()
    assert (r.value_max is None) if not value_max else math.isclose(r.value_max, float(value_max))


def _commands():
    group = typer.main.get_group(app)
    return {name: cmd for name, cmd in group.commands.items()}


def test_every_command_and_option_is_documented():
    docs = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
    for name, cmd in _commands().items():
        assert f"ictstats {name}" in docs, f"command {name} is not documented"
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"option {opt} of {name} is not documented"
