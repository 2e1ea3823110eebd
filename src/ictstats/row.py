"""The row: one quantity mention, with the columns of SPEC §1 in order."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

# SPEC §1 columns, in order; extra columns follow them.
SPEC_COLUMNS = (
    "doc", "line", "start", "end", "surface", "value", "value_max", "unit", "item",
    "qualifier", "change", "metric", "period", "status", "sentence", "rule",
)
EXTRA_COLUMNS = ("doc_date", "compared_to")
COLUMNS = SPEC_COLUMNS + EXTRA_COLUMNS


@dataclass(frozen=True, slots=True)
class Row:
    doc: str
    line: int
    start: int
    end: int
    surface: str
    value: float
    value_max: float | None
    unit: str
    item: str
    qualifier: str
    change: str
    metric: str
    period: str
    status: str
    sentence: str
    rule: str
    doc_date: str = ""
    compared_to: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


assert tuple(f.name for f in fields(Row)) == COLUMNS
