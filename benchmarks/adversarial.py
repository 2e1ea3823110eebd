"""Pathological inputs: the extractor and its whole-text patterns must stay linear.

    python benchmarks/adversarial.py

Each case is built at a base size and at four times that size; the run fails
(exit 1) when the larger one takes more than 8x as long (4x is linear), or when
an input the CLI should refuse is not refused quickly. Times are printed, never
asserted in the test suite.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ictstats import extract  # noqa: E402
from ictstats.context import detect_doc_date  # noqa: E402
from ictstats.numbers import _DIGITS, _patterns as number_patterns  # noqa: E402
from ictstats.periods import _patterns as time_patterns  # noqa: E402
from ictstats.webpage import visible_text  # noqa: E402

ARTICLE = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt")))

CASES = {
    "digits with dots": lambda n: "1." * n + "1 đồng",
    "digits with commas": lambda n: "1," * n + "5%",
    "digits and spaces": lambda n: "12 " * n,
    "slash chains": lambda n: "/".join(["12"] * n),
    "dash chains": lambda n: "-".join(["3"] * n) + " lần",
    "open parentheses": lambda n: "(" * n + "đạt 5%",
    "balanced parentheses": lambda n: "(" * n + "5%" + ")" * n,
    "cue words": lambda n: "tăng " * n + "5%",
    "year words": lambda n: "năm " * n + "2020",
    "ordinal words": lambda n: "thứ " * n + "2 khu vực",
    "spelled numerals": lambda n: "hai mươi " * n + "người",
    "scale words": lambda n: "5 " + "triệu " * n + "đồng",
    "one long line": lambda n: (ARTICLE * (4 * n // len(ARTICLE) + 1))[: n * 4],
    "no full stops": lambda n: ("có 3 nhà mạng và " * n),
    "phone after its lead word": lambda n: "tổng đài " + "1 " * n + "số",
    "hotline numbers": lambda n: "1900 " * n + "1234",
    "round-the-clock slashes": lambda n: "24/" * n + "7 giờ",
    # a fraction looks around each "phần"; a score looks back over its clause for the places it counts
    "fraction words": lambda n: "một phần " * n + "ba",
    "places before a score": lambda n: "5" + " " * n + "điểm phục vụ: 5 điểm. " + "Số điểm cầu: 7 điểm. " * (n // 20),
    # each heading of goals looks ahead for the next heading of its rank: nested ranks and
    # plain lines between must not make that quadratic
    "nested headings of goals": lambda n: "I. NHIỆM VỤ\n1. Nhiệm vụ\n1.1 Nhiệm vụ\n1.1.1 Nhiệm vụ\nĐạt 5%.\n" * (n // 10 + 1),
    # a bare quarter looks back for the year of the paragraphs before it: a bounded number of years
    "bare quarters after dated statements": lambda n: " date 2025-11-15\n" + "Doanh thu đạt 5 tỷ USD trong năm 2024.\n" * (n // 4) + "Trong quý III, có 5 vụ.\n" * (n // 4),
    "headings of goals over long sections": lambda n: "II. NHIỆM VỤ NĂM 2026\n" + "Phủ sóng 5G tới 90% dân số.\n" * n,
}


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def scan_all(text: str) -> None:
    for pattern in (_DIGITS, number_patterns()[2], time_patterns()[0]):
        for _ in pattern.finditer(text):
            pass


def check_growth(label: str, build, run, base: int) -> bool:
    small, large = build(base), build(base * 4)
    t1, t2 = timed(run, small), timed(run, large)
    ok = t2 <= max(8 * t1, 0.05)
    print(f"{'ok  ' if ok else 'SLOW'} {label:28s} {len(small):>9,d} chars {t1:7.3f}s   {len(large):>9,d} chars {t2:7.3f}s")
    return ok


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ictstats", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def main() -> int:
    ok = True
    print("extract():")
    for label, build in CASES.items():
        ok &= check_growth(label, build, extract, 5_000)
    # a quadratic step over one long line (a slice per sentence) only shows at megabytes, where
    # it outgrows everything linear: the document-date search copied the rest of the paragraph
    # at every sentence (1 MB took 0.24 s there, 4 MB 3.9 s)
    print("extract() stages at megabytes:")
    ok &= check_growth("document date, one long line", CASES["one long line"], detect_doc_date, 250_000)
    print("whole-text patterns:")
    for label, build in CASES.items():
        ok &= check_growth(label, build, scan_all, 20_000)
    print("HTML:")
    ok &= check_growth("nested elements", lambda n: "<div>" * n + "có 3 nhà mạng" + "</div>" * n, visible_text, 20_000)
    ok &= check_growth("unclosed elements", lambda n: "<p><b>" * n + "có 3 nhà mạng", visible_text, 20_000)

    print("command line:")
    with tempfile.TemporaryDirectory() as tmp:
        line = Path(tmp) / "line.txt"
        line.write_text((ARTICLE * (10_000_000 // len(ARTICLE) + 1))[:10_000_000], encoding="utf-8")
        start = time.perf_counter()
        result = cli("extract", str(line), "-f", "jsonl", "-q", timeout=600)
        print(f"     10 MB single line: exit {result.returncode}, {result.stdout.count(chr(10))} rows in {time.perf_counter() - start:.1f}s")
        ok &= result.returncode == 0

        nul = Path(tmp) / "nul.txt"
        nul.write_bytes(b"co 3 nha mang\x00\x00")
        result = cli("extract", str(nul))
        print(f"     NUL byte: exit {result.returncode}: {result.stderr.strip()}")
        ok &= result.returncode == 1 and "binary" in result.stderr

        huge = Path(tmp) / "huge.txt"
        with huge.open("wb") as f:
            f.truncate(2 * 1024**3)  # sparse: 2 GB without using the disk
        start = time.perf_counter()
        result = cli("extract", str(huge))
        print(f"     2 GB file: exit {result.returncode} in {time.perf_counter() - start:.1f}s: {result.stderr.strip()}")
        ok &= result.returncode == 1 and "too large" in result.stderr
    print("all linear and bounded" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
