"""What the 5 MB/s target leaves per article, and what reading every word would cost of it.

    python benchmarks/budget.py                 # 200 articles of the shape-kept corpus
    python benchmarks/budget.py --articles 500

At 5 MB/s an article of the benchmark corpus (about 11 KB) has about 2 200 µs
for everything. This times, in one process and best of three, `extract` on the
same articles and the passes a word-level design would start with: splitting
the text into words with their offsets (which every rule then needs), with
`regex` and with the stdlib `re`. `str.split`, which gives no offsets, and the
bare digit scan of `bench.py` are there for scale. Seconds vary with the
machine's load; the shares of the budget are what to read.
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
import timeit
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the corpus is built the same way as the benchmark's)

from ictstats import extract  # noqa: E402
from ictstats.text import normalize  # noqa: E402

TARGET_MB_S = 5.0
WORDS_REGEX = regex.compile(r"[\p{L}\p{N}]+|\S")
WORDS_RE = re.compile(r"\w+|\S")


def articles(count: int) -> list[str]:
    """The first ``count`` articles of the benchmark's shape-kept corpus."""
    texts = itertools.chain.from_iterable(bench.varied_rounds())
    return [normalize(text) for text in itertools.islice(texts, count)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="how many articles to time")
    docs = articles(ap.parse_args().articles)
    size = sum(len(d.encode("utf-8")) for d in docs)
    budget = size / len(docs) / (TARGET_MB_S * 1e6) * 1e6
    words = sum(len(WORDS_REGEX.findall(d)) for d in docs) / len(docs)
    print(f"{len(docs)} articles, {size / len(docs) / 1e3:.1f} KB and {words:.0f} words each; "
          f"at {TARGET_MB_S:g} MB/s each has {budget:.0f} µs")
    extract(docs[0])  # patterns are compiled at the first document
    passes = {
        "extract (the whole pipeline)": extract,
        "words with offsets, regex": lambda d: [m.span() for m in WORDS_REGEX.finditer(d.lower())],
        "words with offsets, re": lambda d: [m.span() for m in WORDS_RE.finditer(d.lower())],
        "str.split (no offsets)": lambda d: d.lower().split(),
        "bare digit scan (the floor)": lambda d: [m.span() for m in bench.DIGIT_RUN.finditer(d)],
    }
    for name, run in passes.items():
        seconds = min(timeit.repeat(lambda: [run(d) for d in docs], number=1, repeat=3))
        per_article = seconds / len(docs) * 1e6
        print(f"  {name:30s} {per_article:7.0f} µs per article  {per_article / budget:6.0%} of the budget")


if __name__ == "__main__":
    main()
