"""Rows as a pandas DataFrame with stable dtypes."""
from __future__ import annotations

from .config import DEFAULT, Config
from .extract import extract
from .row import COLUMNS

DTYPES = {"line": "int64", "start": "int64", "end": "int64", "value": "float64", "value_max": "float64"}


def extract_frame(text: str | None = None, doc: str = "-", *, texts: dict[str, str] | None = None, config: Config = DEFAULT):
    """Extract from one text (or a ``{doc: text}`` mapping) into a DataFrame with the SPEC columns.

    >>> extract_frame("đạt 100,6 triệu thuê bao")[["value", "unit", "item"]].values.tolist()
    [[100600000.0, 'count', 'thuê bao']]
    """
    import pandas as pd

    docs = texts if texts is not None else {doc: text or ""}
    records = [r.as_dict() for name, t in docs.items() for r in extract(t, doc=name, config=config)]
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for col in COLUMNS:
        frame[col] = frame[col].astype(DTYPES.get(col, "string"))
    return frame
