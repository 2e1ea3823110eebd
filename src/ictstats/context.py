"""Stage 6 — context: metric, period and status (SPEC §5–7). Filled in by later work."""
from __future__ import annotations


def annotate(result, *, doc_date=None) -> None:
    return None


def parse_doc_date(value: str) -> str | None:
    import regex

    return value if regex.fullmatch(r"(?:19|20)\d{2}(?:-[01]\d(?:-[0-3]\d)?)?", value or "") else None
