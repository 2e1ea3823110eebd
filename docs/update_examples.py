"""Re-run every ``$ ictstats ...`` console block in docs/*.md and write its real output.

    python docs/update_examples.py && git diff docs

tests/test_docs.py fails when a block's output is stale.
"""
from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BLOCK = re.compile(r"```console\n\$ (?P<cmd>ictstats [^\n]*)\n(?P<out>.*?)```", re.S)


def run(cmd: str) -> str:
    """Output of one documented command, as a user in the repository root sees it (stdout, then stderr)."""
    from typer.testing import CliRunner

    from ictstats.cli import app

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, shlex.split(cmd)[1:], env={"COLUMNS": "120"})
    finally:
        os.chdir(cwd)
    return result.stdout + result.stderr


def render(markdown: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ {m['cmd']}\n{run(m['cmd'])}```", markdown)


# Charts the documented commands draw, kept in docs/img for the pages to show.
CHARTS = {Path("/tmp/ictstats-vn-domains.png"): ROOT / "docs" / "img" / "vn_domains.png"}


def main() -> None:
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = render(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")
    for drawn, kept in CHARTS.items():
        if drawn.exists() and (not kept.exists() or kept.read_bytes() != drawn.read_bytes()):
            kept.write_bytes(drawn.read_bytes())
            print(f"updated {kept.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
