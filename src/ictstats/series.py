"""Indicator time series: the rows of many documents merged per (metric, period, status).

Only levels go into a series: rows with a metric and a period that do not state
a change (a growth rate of revenue is not a revenue). Values that disagree for
the same metric, period and status are flagged as a conflict and all shown —
never averaged.
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from .export import plain_number

SERIES_COLUMNS = ("metric", "period", "status", "unit", "value", "values", "conflict", "documents", "value_documents", "mentions", "docs")


@dataclass(frozen=True)
class Point:
    metric: str
    period: str
    status: str
    unit: str
    value: str  # the agreed value, empty on conflict
    values: str  # every distinct value, "; "-separated, ranges as low–high
    conflict: bool
    documents: int  # how many documents state it
    value_documents: str  # how many documents state each of ``values``, "; "-separated
    mentions: int
    docs: str  # the documents, "; "-separated

    def as_dict(self) -> dict:
        return asdict(self)


def _num(v) -> float | None:
    if v is None or v == "":
        return None
    f = float(v)
    return None if math.isnan(f) else f


def _shown(value: float, value_max: float | None) -> str:
    return plain_number(value) + (f"–{plain_number(value_max)}" if value_max is not None else "")


def _same(a: tuple, b: tuple) -> bool:
    return a[2] == b[2] and all(
        (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-6))
        for x, y in zip(a[:2], b[:2])
    )


def build(rows, metric: str | None = None) -> list[Point]:
    """Series points from row dicts (as written by ``extract``), sorted by metric and period."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for r in rows:
        m, period = r.get("metric") or "", r.get("period") or ""
        if not m or not period or (r.get("change") or "") or (metric and m != metric):
            continue
        groups.setdefault((m, period, r.get("status") or "actual"), []).append(r)
    points = []
    for (m, period, status), members in groups.items():
        distinct: list[tuple] = []
        stated_by: list[set] = []
        for r in members:
            key = (_num(r.get("value")), _num(r.get("value_max")), r.get("unit") or "")
            for i, d in enumerate(distinct):
                if _same(key, d):
                    stated_by[i].add(r.get("doc") or "")
                    break
            else:
                distinct.append(key)
                stated_by.append({r.get("doc") or ""})
        docs = sorted({r.get("doc") or "" for r in members})
        units = sorted({d[2] for d in distinct})
        shown = "; ".join(_shown(v, vmax) + (f" {u}" if len(units) > 1 else "") for v, vmax, u in distinct)
        conflict = len(distinct) > 1
        points.append(Point(
            metric=m, period=period, status=status, unit=units[0] if len(units) == 1 else "; ".join(units),
            value="" if conflict else _shown(distinct[0][0], distinct[0][1]), values=shown, conflict=conflict,
            documents=len(docs), value_documents="; ".join(str(len(b)) for b in stated_by),
            mentions=len(members), docs="; ".join(docs),
        ))
    return sorted(points, key=lambda p: (p.metric, p.period, p.status))


def looks_like_rows(path: Path) -> bool:
    """Is this file an `ictstats extract` output (rather than a corpus to extract from)?"""
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8") as f:
                first = f.readline()
            return bool(first.strip()) and {"surface", "metric", "period"} <= set(json.loads(first))
        if suffix == ".json":
            return True
        if suffix in (".csv", ".tsv"):
            with path.open(encoding="utf-8") as f:
                header = next(csv.reader(f, delimiter="\t" if suffix == ".tsv" else ","), [])
            return {"surface", "metric", "period"} <= set(header)
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return {"surface", "metric", "period"} <= set(pq.ParquetFile(path).schema_arrow.names)
    except (OSError, ValueError, StopIteration):
        return False
    return False


def read_rows(path: Path) -> list[dict]:
    """Rows from an extract output file in any machine format."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    if suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if suffix in (".csv", ".tsv"):
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f, delimiter="\t" if suffix == ".tsv" else ","))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()
