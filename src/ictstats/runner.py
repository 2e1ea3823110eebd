"""Running the extractor over many documents: in order, in parallel, as a stream."""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from .config import Config
from .extract import extract
from .inputs import Document, InputError
from .row import Row


class ExtractionFailed(InputError):
    """A document that was read but whose extraction raised: a bug in a rule, reported for
    that document alone so that a crawl of thousands is not lost to one of them."""


def _extract_one(doc: Document, config: Config) -> list[Row] | ExtractionFailed:
    try:
        return extract(doc.text, doc=doc.name, config=config.for_document(doc.published))
    except Exception as e:  # noqa: BLE001 - any bug; Ctrl-C and exits still propagate
        said = " ".join(str(e).split())  # one line, whatever the exception's message holds
        return ExtractionFailed(f"{doc.name}: extraction failed ({type(e).__name__}: {said}); this is a bug in ictstats, please report it with the document")


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's to handle: it closes the output cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def jobs_count(jobs: int) -> int:
    return os.cpu_count() or 1 if jobs == 0 else max(1, jobs)


# Documents are sent to workers in batches: one task per small document costs more in
# inter-process traffic than the extraction itself once that is fast.
BATCH_CHARS = 200_000
BATCH_DOCS = 32


def _extract_batch(docs: list[Document], config: Config) -> list[list[Row] | ExtractionFailed]:
    return [_extract_one(doc, config) for doc in docs]


def _batches(items: Iterable[Document | InputError]) -> Iterator[list[Document | InputError]]:
    """Consecutive items in groups of about BATCH_CHARS of text (at most BATCH_DOCS documents)."""
    batch: list[Document | InputError] = []
    size = 0
    for item in items:
        batch.append(item)
        size += 0 if isinstance(item, InputError) else len(item.text)
        if size >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def run(items: Iterable[Document | InputError], config: Config, jobs: int = 1) -> Iterator[tuple[Document | InputError, list[Row]]]:
    """(document or error, its rows) in input order, whatever the number of jobs.

    A document whose extraction raises comes back as an ``ExtractionFailed`` error with
    no rows, in its place; the others are still extracted.

    With several jobs, batches of documents are extracted in worker processes; a
    bounded window of batches in flight keeps memory flat however long the input.
    """
    jobs = jobs_count(jobs)
    if jobs == 1:
        for item in items:
            yield _outcome(item, [] if isinstance(item, InputError) else _extract_one(item, config))
        return
    window: deque = deque()

    def finished(batch, future):
        results = iter(future.result() if future else [])
        for item in batch:
            yield _outcome(item, [] if isinstance(item, InputError) else next(results))

    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint) as pool:
        try:
            for batch in _batches(items):
                docs = [item for item in batch if not isinstance(item, InputError)]
                window.append((batch, pool.submit(_extract_batch, docs, config) if docs else None))
                # write what is done without waiting; wait only when the window is full
                while window and (len(window) >= jobs * 2 or window[0][1] is None or window[0][1].done()):
                    yield from finished(*window.popleft())
            while window:
                yield from finished(*window.popleft())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _outcome(item: Document | InputError, rows: list[Row] | ExtractionFailed) -> tuple[Document | InputError, list[Row]]:
    return (rows, []) if isinstance(rows, ExtractionFailed) else (item, rows)
