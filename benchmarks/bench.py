"""Throughput and memory of `ictstats extract` on a synthetic corpus built from the fixtures.

    python benchmarks/bench.py                    # 50 MB, --jobs 1 and 2
    python benchmarks/bench.py --mb 50 200        # memory flatness across corpus sizes

The corpus is the fixture articles repeated as JSON Lines documents, every digit
replaced by a random one (same length, same separators) so no cache can help.
Each run is `ictstats extract CORPUS --format jsonl` in a fresh process, its
output counted and discarded; peak memory is the largest resident set of that
process or its workers (from wait4). The floor is a bare `regex` scan for digit
runs over the same texts in this process: no extractor can be faster.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
DIGIT = regex.compile(r"\d")


def build_corpus(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write a JSONL corpus of at least ``megabytes`` MB of text; return (documents, text bytes)."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    target, written, docs = megabytes * 1e6, 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            for text in texts:
                varied = DIGIT.sub(lambda m: str(rng.randrange(10)), text)
                out.write(json.dumps({"id": docs, "text": varied}, ensure_ascii=False) + "\n")
                written += len(varied.encode("utf-8"))
                docs += 1
    return docs, written


def floor(path: Path) -> float:
    """MB/s of a bare digit scan over the corpus texts (JSON decoding excluded).

    Texts are read one at a time: holding the corpus here would inflate the
    high-water memory that forked children report."""
    pattern = regex.compile(r"\d+")
    size, seconds = 0, 0.0
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            size += len(text.encode("utf-8"))
            start = time.perf_counter()
            for _ in pattern.finditer(text):
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
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for mb in a.mb:
            corpus = Path(tmp) / f"corpus-{mb:g}mb.jsonl"
            docs, size = build_corpus(corpus, mb)
            print(f"corpus: {docs} documents, {size / 1e6:.1f} MB of text ({corpus.stat().st_size / 1e6:.1f} MB on disk)")
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
