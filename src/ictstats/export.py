"""Writing rows: table, CSV, TSV, JSON, JSON Lines and Parquet behind one function."""
from __future__ import annotations

import csv
import json
import operator
import math
from pathlib import Path
from typing import IO, Iterable

from .row import COLUMNS, Row

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "parquet")
_BY_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".txt": "table"}
ROW_GROUP = 50_000
TABLE_COLUMNS = ("doc", "line", "surface", "value", "unit", "item", "qualifier", "change", "metric", "period", "status", "rule")


def format_for(output: str | None, requested: str | None, stdout_is_tty: bool) -> str:
    """The format to write: as asked, else from the output file's suffix, else by terminal."""
    if requested:
        return requested
    if output:
        suffix = Path(output).suffix.lower()
        if suffix in _BY_SUFFIX:
            return _BY_SUFFIX[suffix]
        return "csv"
    return "table" if stdout_is_tty else "csv"


def plain_number(v: float | None) -> str:
    """A value as text without float noise: 509262 not 509262.0; empty for None."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if float(v).is_integer() and abs(v) < 1e17:
        return str(int(v))
    return repr(float(v))


def _cell(row: Row, col: str) -> str:
    v = getattr(row, col)
    if col in ("value", "value_max"):
        return plain_number(v)
    return "" if v is None else str(v)


# json.dumps(..., ensure_ascii=False) builds a new encoder at every call; rows are many
_encode = json.JSONEncoder(ensure_ascii=False).encode


class Writer:
    """Streams rows to ``stream`` in one format; ``close()`` finishes the document (JSON array, table)."""

    def __init__(self, fmt: str, stream: IO[str] | None = None, *, path: str | None = None, columns=COLUMNS):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.fmt, self.stream, self.path, self.columns = fmt, stream, path, tuple(columns)
        self._first = True
        self._rows: list[Row] = []
        self._values = operator.attrgetter(*self.columns)
        if fmt in ("csv", "tsv"):
            self._csv = csv.writer(stream, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            self._csv.writerow(self.columns)
        elif fmt == "json":
            stream.write("[")
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            self._pa = pa
            self._schema = arrow_schema(self.columns)
            self._pq = pq.ParquetWriter(path, self._schema)

    def write(self, rows: Iterable[Row]) -> None:
        rows = list(rows)
        if self.fmt in ("csv", "tsv"):
            for r in rows:
                self._csv.writerow([_cell(r, c) for c in self.columns])
        elif self.fmt == "jsonl":
            for r in rows:  # one write per row: an interrupt never cuts a row in half
                self.stream.write(_encode(self._record(r)) + "\n")
        elif self.fmt == "json":
            for r in rows:
                self.stream.write(("\n " if self._first else ",\n ") + _encode(self._record(r)))
                self._first = False
        elif self.fmt == "parquet":
            # rows are written in row groups of ROW_GROUP rows: memory stays flat on big corpora
            self._rows.extend(rows)
            if len(self._rows) >= ROW_GROUP:
                self._flush_parquet()
        else:
            self._rows.extend(rows)
        if self.stream is not None and self.fmt != "table":
            self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if not self._first else "]\n")
        elif self.fmt == "parquet":
            self._flush_parquet()
            self._pq.close()
        elif self.fmt == "table":
            _print_table(self._rows, self.stream)


    def _record(self, row: Row) -> dict:
        """The row's columns as JSON values: empty strings become null."""
        values = self._values(row) if len(self.columns) > 1 else (self._values(row),)
        return {c: None if v == "" else v for c, v in zip(self.columns, values)}

    def _flush_parquet(self) -> None:
        if self._rows:
            records = [self._record(r) for r in self._rows]
            self._pq.write_table(self._pa.Table.from_pylist(records, schema=self._schema))
            self._rows = []


def arrow_schema(columns=COLUMNS):
    import pyarrow as pa

    types = {"line": pa.int64(), "start": pa.int64(), "end": pa.int64(), "value": pa.float64(), "value_max": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in columns])


def _print_table(rows: list[Row], stream) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for c in TABLE_COLUMNS:
        table.add_column(c, justify="right" if c in ("line", "value") else "left", overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r, c) for c in TABLE_COLUMNS])
    Console(file=stream, soft_wrap=False).print(table)
    Console(file=stream).print(f"{len(rows)} row{'' if len(rows) == 1 else 's'}")


def to_rows_of_dicts(records: list[dict], fmt: str, stream, *, columns, path: str | None = None, title: str = "") -> None:
    """Write plain records with the given columns in any output format; for ``metrics`` and ``series``."""
    columns = list(columns)
    if fmt in ("csv", "tsv"):
        w = csv.DictWriter(stream, columns, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writeheader()
        w.writerows(records)
    elif fmt == "jsonl":
        for r in records:
            stream.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        stream.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(records, schema=pa.schema([(c, pa.string()) for c in columns]) if not records else None), path)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, header_style="bold")
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in records:
            table.add_row(*[str(r[c]) for c in columns])
        Console(file=stream).print(table)
