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


def _extract_one(doc: Document, config: Config) -> list[Row]:
    return extract(doc.text, doc=doc.name, config=config)


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's to handle: it closes the output cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def jobs_count(jobs: int) -> int:
    return os.cpu_count() or 1 if jobs == 0 else max(1, jobs)


def run(items: Iterable[Document | InputError], config: Config, jobs: int = 1) -> Iterator[tuple[Document | InputError, list[Row]]]:
    """(document or error, its rows) in input order, whatever the number of jobs.

    With several jobs, documents are extracted in worker processes; a bounded
    window of documents in flight keeps memory flat however long the input.
    """
    jobs = jobs_count(jobs)
    if jobs == 1:
        for item in items:
            yield item, ([] if isinstance(item, InputError) else _extract_one(item, config))
        return
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint) as pool:
        try:
            for item in items:
                future = None if isinstance(item, InputError) else pool.submit(_extract_one, item, config)
                window.append((item, future))
                if len(window) >= jobs * 8:
                    item, future = window.popleft()
                    yield item, (future.result() if future else [])
            while window:
                item, future = window.popleft()
                yield item, (future.result() if future else [])
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
