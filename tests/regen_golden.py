"""Regenerate the golden files: the expected rows beside each fixture.

    python tests/regen_golden.py && git diff tests/fixtures

Review the diff: every changed row is a behaviour change you are signing off.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ictstats import extract  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def golden_path(doc: Path) -> Path:
    return doc.with_suffix(".expected.jsonl")


def render(doc: Path) -> str:
    rows = extract(doc.read_text(encoding="utf-8"), doc=doc.name)
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    for doc in sorted(FIXTURES.glob("*.txt")):
        golden_path(doc).write_text(render(doc), encoding="utf-8")
        print(f"wrote {golden_path(doc).relative_to(FIXTURES.parent.parent)}")


if __name__ == "__main__":
    main()
