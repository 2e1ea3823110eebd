"""One frozen object for the few settings a run has."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

_ISO = re.compile(r"(?:19|20)[0-9]{2}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
# what a document date must be, as the errors about one say it
DATE_FORMS = "a real date written YYYY, YYYY-MM or YYYY-MM-DD"
# what read_date takes: a page's metadata or a corpus's --date-column cell
READ_DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, an ISO timestamp or DD/MM/YYYY"


def parse_doc_date(value: str) -> str | None:
    """``value`` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD, else None.

    >>> parse_doc_date("2024-11"), parse_doc_date("2024-02-29"), parse_doc_date("2024")
    ('2024-11', '2024-02-29', '2024')
    >>> parse_doc_date("2025-13"), parse_doc_date("2025-02-30"), parse_doc_date("2025-00"), parse_doc_date("25/11/2025")
    (None, None, None, None)
    """
    if not value or not _ISO.fullmatch(value):
        return None
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value


_ISO_START = re.compile(r"\s*(" + _ISO.pattern + r")(?![0-9/])")
_DMY = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


def read_date(value: str) -> str:
    """The real date a page's metadata or a corpus cell gives, as YYYY[-MM[-DD]]; "" if none.

    >>> read_date("2025-11-05T08:30:00+07:00"), read_date("05/11/2025"), read_date("2025-11"), read_date(" 2025 ")
    ('2025-11-05', '2025-11-05', '2025-11', '2025')
    >>> read_date("2025-13-45"), read_date("hôm qua"), read_date("1730793600"), read_date("")
    ('', '', '', '')
    """
    m = _ISO_START.match(value)
    if m:
        found = m[1]
    else:
        m = _DMY.match(value)
        found = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else ""
    return parse_doc_date(found) or ""


@dataclass(frozen=True)
class Config:
    """Settings of an extraction run.

    doc_date: the documents' date (YYYY, YYYY-MM or YYYY-MM-DD) when they state none.
    taxonomy_files: user TOML files that add or override metrics (same format as
        ``lexicon/taxonomy.toml``).
    """

    doc_date: str | None = None
    taxonomy_files: tuple[str, ...] = ()

    def __post_init__(self):
        # a month 13 would resolve "năm nay" and "tháng trước" into periods that do not exist
        if self.doc_date and not parse_doc_date(self.doc_date):
            raise ValueError(f"doc_date {self.doc_date!r}: expected {DATE_FORMS}")

    def for_document(self, published: str) -> Config:
        """The settings for one document: the date it states itself (a page's metadata, a
        corpus's --date-column) stands before ``doc_date``, which only stands in for it."""
        return replace(self, doc_date=published) if published else self


DEFAULT = Config()
