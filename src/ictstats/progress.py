"""A progress line on stderr (documents, MB, rows) for long runs on a terminal; silent otherwise."""
from __future__ import annotations

import sys
import time


class Progress:
    """Counts what has been done; draws a rich progress display on stderr when enabled.

    It starts drawing only after a second, so short runs print nothing, and never
    writes to stdout.
    """

    def __init__(self, enabled: bool, delay: float = 1.0):
        self.enabled, self.delay = enabled, delay
        self.docs = self.rows = 0
        self.bytes = 0
        self._started = time.monotonic()
        self._live = None
        self._task = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._live is not None:
            self._live.stop()
        return False

    def advance(self, doc, rows: int) -> None:
        self.docs += 1
        self.rows += rows
        self.bytes += len(doc.text.encode("utf-8", "surrogatepass"))
        if not self.enabled:
            return
        if self._live is None and time.monotonic() - self._started >= self.delay:
            from rich.console import Console
            from rich.progress import Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._live = RichProgress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=Console(file=sys.stderr), transient=True)
            self._live.start()
            self._task = self._live.add_task("")
        if self._live is not None:
            self._live.update(self._task, description=f"{self.docs} documents, {self.bytes / 1e6:.1f} MB, {self.rows} rows")

    def print_error(self, message: str) -> None:
        if self._live is not None:
            self._live.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)
