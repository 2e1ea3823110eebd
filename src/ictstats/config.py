"""One frozen object for the few settings a run has."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Settings of an extraction run.

    doc_date: the documents' date (YYYY, YYYY-MM or YYYY-MM-DD) when they state none.
    taxonomy_files: user TOML files that add or override metrics (same format as
        ``lexicon/taxonomy.toml``).
    """

    doc_date: str | None = None
    taxonomy_files: tuple[str, ...] = ()


DEFAULT = Config()
