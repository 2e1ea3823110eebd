"""ictstats — statistics out of Vietnamese ICT text.

>>> from ictstats import extract
>>> row = extract("Tính đến hết tháng 5/2020, có tổng số 509.262 tên miền .vn")[0]
>>> row.surface, row.value, row.unit, row.item
('509.262 tên miền', 509262.0, 'count', 'tên miền')
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .extract import Mention, Rejection, extract, scan  # noqa: E402
from .frame import extract_frame  # noqa: E402
from .row import COLUMNS, SPEC_COLUMNS, Row  # noqa: E402

__all__ = ["Config", "extract", "extract_frame", "scan", "Row", "Mention", "Rejection", "COLUMNS", "SPEC_COLUMNS", "__version__"]
