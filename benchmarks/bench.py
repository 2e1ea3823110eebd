"""Throughput and memory of `ictstats extract` on a synthetic corpus built from the fixtures.

    python benchmarks/bench.py                    # 50 MB, --jobs 1 and 2
    python benchmarks/bench.py --mb 50 200        # memory flatness across corpus sizes

The corpus is the fixture articles repeated as JSON Lines documents, every number
varied so no cache can help. By default a number keeps its shape: a year stays a
year (1990-2035), a number up to 12 or up to 31 stays one (months and days stay
valid dates), any other digit run gets random digits of the same length.
``--variation digits`` replaces every digit by a random one instead (the corpus
of earlier rounds: "năm 5472", "tháng 0/1895" — years and dates that no longer
look like ones, so they are read as quantities instead of being excluded).
Each run is `ictstats extract CORPUS --format jsonl` in a fresh process, its
output counted and discarded; peak memory is the largest resident set of that
process or its workers (from wait4). The floor is a bare `regex` scan for digit
runs over the same texts in this process: no extractor can be faster.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
DIGIT = regex.compile(r"\d")
DIGIT_RUN = regex.compile(r"\d+")


def vary_digits(text: str, rng: random.Random) -> str:
    """Every digit replaced by a random one."""
    return DIGIT.sub(lambda m: str(rng.randrange(10)), text)


def vary_numbers(text: str, rng: random.Random) -> str:
    """Every digit run replaced by a random one of the same shape.

    >>> vary_numbers("ngày 15/8/2023, 509.262 tên miền", random.Random(1))
    'ngày 05/2/2006, 277.863 tên miền'
    """
    def vary(m: regex.Match) -> str:
        run = m.group()
        value = int(run)
        if len(run) == 4 and 1900 <= value <= 2099:
            new = rng.randint(1990, 2035)
        elif len(run) == 1:
            new = rng.randint(1 if value else 0, 9)
        elif len(run) == 2 and value <= 31:
            new = rng.randint(1, 12 if value <= 12 else 31)
        else:
            first = str(rng.randint(1 if run[0] != "0" else 0, 9))
            return first + "".join(str(rng.randrange(10)) for _ in run[1:])
        return str(new).zfill(len(run))
    return DIGIT_RUN.sub(vary, text)


VARIATIONS = {"shape": vary_numbers, "digits": vary_digits}


def varied_rounds(seed: int = 7, variation: str = "shape") -> Iterator[list[str]]:
    """Every fixture article once per round, each time with its numbers varied anew."""
    rng = random.Random(seed)
    vary = VARIATIONS[variation]
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    while True:
        yield [vary(text, rng) for text in texts]


def build_corpus(path: Path, megabytes: float, seed: int = 7, variation: str = "shape") -> tuple[int, int]:
    """Write a JSONL corpus of at least ``megabytes`` MB of text, in whole rounds of the
    fixtures; return (documents, text bytes)."""
    target, written, docs = megabytes * 1e6, 0, 0
    with path.open("w", encoding="utf-8") as out:
        for texts in varied_rounds(seed, variation):
            if written >= target:
                break
            for varied in texts:
                out.write(json.dumps({"id": docs, "text": varied}, ensure_ascii=False) + "\n")
                written += len(varied.encode("utf-8"))
                docs += 1
    return docs, written


def floor(path: Path) -> float:
    """MB/s of a bare digit scan over the corpus texts (JSON decoding excluded).

    Texts are read one at a time: holding the corpus here would inflate the
    high-water memory that forked children report."""
    size, seconds = 0, 0.0
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            size += len(text.encode("utf-8"))
            start = time.perf_counter()
            for _ in DIGIT_RUN.finditer(text):
                pass
            seconds += time.perf_counter() - start
    return size / 1e6 / seconds


def run(path: Path, jobs: int) -> tuple[float, int, int]:
    """(seconds, rows, peak RSS in KB) of one `ictstats extract` over the corpus."""
    cmd = [sys.executable, "-m", "ictstats", "extract", str(path), "--format", "jsonl", "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    rows = 0
    for chunk in iter(lambda: proc.stdout.read(1 << 20), b""):
        rows += chunk.count(b"\n")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"ictstats exited with status {status}")
    return seconds, rows, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[50.0], help="corpus sizes in MB")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run")
    ap.add_argument("--variation", choices=sorted(VARIATIONS), default="shape",
                    help="how numbers are varied: keep their shape (default) or shuffle every digit")
    a = ap.parse_args()
    # the interpreter's build changes the figures by 15-20% (docs/performance.md): say which one ran
    print(f"python {platform.python_version()} at {os.path.realpath(sys.executable)}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in a.mb:
            corpus = Path(tmp) / f"corpus-{mb:g}mb.jsonl"
            docs, size = build_corpus(corpus, mb, variation=a.variation)
            print(f"corpus: {docs} documents, {size / 1e6:.1f} MB of text ({corpus.stat().st_size / 1e6:.1f} MB on disk), "
                  f"numbers varied by {a.variation}")
            base = floor(corpus)
            print(f"  floor (bare regex digit scan): {base:8.1f} MB/s")
            single = None
            for jobs in a.jobs:
                seconds, rows, rss = run(corpus, jobs)
                mbs = size / 1e6 / seconds
                single = single or mbs
                print(f"  --jobs {jobs}: {seconds:6.1f} s  {mbs:5.2f} MB/s  {rows / seconds:8.0f} rows/s  "
                      f"peak RSS {rss / 1024:6.0f} MB  speed-up {mbs / single:4.2f}x  floor/ours {base / mbs:5.0f}x")


if __name__ == "__main__":
    main()
