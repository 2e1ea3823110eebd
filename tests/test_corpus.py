"""Corpora at scale: every input kind and encoding, --jobs, streaming, limits, interruption."""
import csv
import io
import json
import os
import signal
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ictstats.cli import app
from ictstats.webpage import read_page

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
SENTENCE = "Tính đến hết tháng 5/2020, có tổng số 509.262 tên miền, tăng 7%."


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def rows_of(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def to_cp1258(text: str) -> bytes:
    """Windows-1258 writes a base letter and its tone mark as two characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            rest = [m for m in marks if m not in tones]
            out.append(unicodedata.normalize("NFC", base + "".join(rest)).encode("cp1258") + "".join(tones).encode("cp1258"))
    return b"".join(out)


# --- corpus files -------------------------------------------------------------

def test_jsonl_corpus_with_text_and_id_columns(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "body": SENTENCE}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b2", "body": "có 3 nhà mạng"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    rows = rows_of(run("extract", str(corpus), "-f", "jsonl", "--text-column", "body", "--id-column", "id"))
    assert [r["doc"] for r in rows] == [f"{corpus}#a1", f"{corpus}#a1", f"{corpus}#b2"]
    assert rows[0]["surface"] == "509.262 tên miền"


def test_jsonl_default_text_column_and_record_numbers(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "có 3 nhà mạng"}\n\n{"text": "đạt 41%"}\n', encoding="utf-8")
    assert [r["doc"] for r in rows_of(run("extract", str(corpus), "-f", "jsonl"))] == [f"{corpus}#1", f"{corpus}#3"]


def test_bad_records_are_reported_and_the_rest_read(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "có 3 nhà mạng"}\n{broken\n{"other": 1}\n{"text": "đạt 41%"}\n', encoding="utf-8")
    result = run("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 1
    assert [r["surface"] for r in rows_of(result)] == ["3 nhà mạng", "41%"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "line 2 is not JSON" in errors[0] and "record 3 has no 'text'" in errors[1]


def test_null_or_non_string_text_is_an_error_for_that_record(tmp_path):
    # a null cell is a record whose text is missing, not an empty article, and
    # str() of a list would be read as prose: both are reported, the rest read
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": null}\n{"text": ["có 3 nhà mạng"]}\n{"text": "đạt 41%"}\n', encoding="utf-8")
    result = run("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 1
    assert [r["doc"] for r in rows_of(result)] == [f"{corpus}#3"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "record 1 has no text (its 'text' cell is missing or null)" in errors[0]
    assert "record 2's 'text' cell is list, not text" in errors[1]


def test_null_or_blank_id_is_an_error_for_that_record(tmp_path):
    # the rows of a record without an id could not be joined back to it ("file#None")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        '{"id": null, "text": "có 3 nhà mạng"}\n{"id": " ", "text": "có 4 nhà mạng"}\n{"id": 0, "text": "đạt 41%"}\n',
        encoding="utf-8",
    )
    result = run("extract", str(corpus), "-f", "jsonl", "--id-column", "id")
    assert result.exit_code == 1
    assert [r["doc"] for r in rows_of(result)] == [f"{corpus}#0"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "record 1 has no id (its 'id' cell is empty or null)" in errors[0] and "record 2 has no id" in errors[1]


def test_csv_row_short_of_fields_is_an_error_for_that_row(tmp_path):
    corpus = tmp_path / "news.csv"
    corpus.write_text("url,content\nu1,có 3 nhà mạng\nu2\nu3,đạt 41%\n", encoding="utf-8")
    result = run("extract", str(corpus), "-f", "jsonl", "--text-column", "content")
    assert result.exit_code == 1
    assert [r["surface"] for r in rows_of(result)] == ["3 nhà mạng", "41%"]
    assert "record 2 has no text" in result.stderr


def test_parquet_null_text_is_an_error_for_that_record(tmp_path):
    corpus = tmp_path / "news.parquet"
    pq.write_table(pa.table({"text": [None, "có 3 nhà mạng"]}), corpus)
    result = run("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 1
    assert [r["doc"] for r in rows_of(result)] == [f"{corpus}#2"]
    assert "record 1 has no text" in result.stderr


def test_csv_and_tsv_corpora(tmp_path):
    for suffix, delimiter in ((".csv", ","), (".tsv", "\t")):
        corpus = tmp_path / f"news{suffix}"
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter)
        w.writerows([["url", "content"], ["u1", SENTENCE], ["u2", "có 3 nhà mạng"]])
        corpus.write_text(buf.getvalue(), encoding="utf-8")
        rows = rows_of(run("extract", str(corpus), "-f", "jsonl", "--text-column", "content", "--id-column", "url"))
        assert [r["doc"] for r in rows] == [f"{corpus}#u1", f"{corpus}#u1", f"{corpus}#u2"]


def test_parquet_corpus(tmp_path):
    corpus = tmp_path / "news.parquet"
    pq.write_table(pa.table({"doc_id": ["x", "y"], "text": [SENTENCE, "có 3 nhà mạng"]}), corpus)
    rows = rows_of(run("extract", str(corpus), "-f", "jsonl", "--id-column", "doc_id"))
    assert [r["doc"] for r in rows] == [f"{corpus}#x", f"{corpus}#x", f"{corpus}#y"]


LAST_MONTH = "Tháng trước có {} triệu thuê bao 5G mới."


def test_date_column_dates_each_record_before_doc_date(tmp_path):
    lines = [
        {"id": "a", "date": "2025-11-05T08:00:00+07:00", "text": LAST_MONTH.format(1)},
        {"id": "b", "date": "05/03/2024", "text": LAST_MONTH.format(2)},
        {"id": "c", "date": None, "text": LAST_MONTH.format(3)},  # no date of its own: --doc-date
        {"id": "d", "date": "hôm qua", "text": LAST_MONTH.format(4)},  # not a date: an error for it alone
        {"id": "e", "text": LAST_MONTH.format(5)},
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8")
    result = run("extract", str(corpus), "-f", "jsonl", "--id-column", "id", "--date-column", "date", "--doc-date", "2020-01")
    assert result.exit_code == 1
    assert [(r["doc"][-1], r["doc_date"], r["period"]) for r in rows_of(result)] == [
        ("a", "2025-11-05", "2025-10"), ("b", "2024-03-05", "2024-02"), ("c", "2020-01", "2019-12"),
    ]
    assert "record 4's 'date' cell 'hôm qua' is not a date" in result.stderr
    assert "record 5 has no 'date' column" in result.stderr


def test_date_column_of_csv_and_parquet(tmp_path):
    csv_corpus = tmp_path / "news.csv"
    csv_corpus.write_text(f"date,text\n2025-11,{LAST_MONTH.format(1)}\n", encoding="utf-8")
    parquet_corpus = tmp_path / "news.parquet"
    pq.write_table(pa.table({"text": [LAST_MONTH.format(2)], "published": pa.array([date(2025, 11, 5)])}), parquet_corpus)
    rows = rows_of(run("extract", str(csv_corpus), "-f", "jsonl", "--date-column", "date"))
    rows += rows_of(run("extract", str(parquet_corpus), "-f", "jsonl", "--date-column", "published"))
    assert [(r["doc_date"], r["period"]) for r in rows] == [("2025-11", "2025-10"), ("2025-11-05", "2025-10")]


def test_parquet_corpus_without_the_column_is_an_error(tmp_path):
    corpus = tmp_path / "news.parquet"
    pq.write_table(pa.table({"body": ["x"]}), corpus)
    result = run("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 1 and "no 'text' column" in result.stderr


def test_directories_read_corpora_only_with_text_column(tmp_path):
    (tmp_path / "a.txt").write_text("có 3 nhà mạng", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"body": "đạt 41%"}\n', encoding="utf-8")
    plain = run("extract", str(tmp_path), "-f", "jsonl")
    assert [r["surface"] for r in rows_of(plain)] == ["3 nhà mạng"] and "skipped 1 file" in plain.stderr
    with_column = run("extract", str(tmp_path), "-f", "jsonl", "--text-column", "body")
    assert [r["surface"] for r in rows_of(with_column)] == ["3 nhà mạng", "41%"]


# --- HTML ------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Tin</title><style>p{color:red}</style>
<script>var total = 12345; gtag('config', 'UA-1');</script></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/2024/05">Tháng 5</a> 99 bài</nav>
<article><h1>Tên miền .vn</h1><p>Tính đến hết tháng 5/2020, có <b>509.262</b> tên miền.</p>
<p>Tỷ lệ IPv6 đạt 53&nbsp;%.</p></article><footer>© 2024 - 1900 1234</footer></body></html>"""


def test_html_is_reduced_to_visible_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    dump = tmp_path / "dump"
    rows = rows_of(run("extract", str(page), "-f", "jsonl", "--dump-text", str(dump)))
    assert [r["surface"] for r in rows] == ["509.262 tên miền", "53 %"]
    text = (dump / f"{str(page).strip('/').replace('/', '_')}.txt").read_text(encoding="utf-8")
    for r in rows:
        assert text[r["start"]:r["end"]] == r["surface"]
    assert "12345" not in text and "Trang chủ" not in text


@pytest.mark.parametrize(
    "head, published",
    [
        ('<meta property="article:published_time" content="2025-11-05T08:30:00+07:00">', "2025-11-05"),
        ('<meta itemprop="datePublished" content="2025-11-05">', "2025-11-05"),
        ('<meta name="pubdate" content="05/11/2025">', "2025-11-05"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-11-05T08:30"}</script>', "2025-11-05"),
        # the article's own meta before a generic "date"; a <time> only when no meta says it
        ('<meta name="date" content="2024-01-01"><meta property="article:published_time" content="2025-11-05">', "2025-11-05"),
        ('<time datetime="2025-11-05T08:30">5/11/2025</time>', "2025-11-05"),
        # no date, or one that does not exist
        ("", ""),
        ('<meta property="article:published_time" content="2025-13-45">', ""),
        ('<meta property="og:title" content="2025-11-05">', ""),
    ],
)
def test_a_page_states_its_date_in_its_metadata(head, published):
    page = read_page(f"<html><head>{head}</head><body><p>Có 5 trạm.</p></body></html>")
    assert page == ("Có 5 trạm.", published)


def test_a_page_date_resolves_relative_times_before_doc_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2025-11-05T08:30:00+07:00"></head>'
        "<body><p>Tháng trước, số thuê bao 5G tăng thêm 1 triệu thuê bao.</p></body></html>",
        encoding="utf-8",
    )
    text = tmp_path / "same.txt"
    text.write_text("Tháng trước, số thuê bao 5G tăng thêm 1 triệu thuê bao.", encoding="utf-8")
    rows = rows_of(run("extract", str(page), str(text), "-f", "jsonl", "--doc-date", "2020-01"))
    assert [(r["doc_date"], r["period"]) for r in rows] == [("2025-11-05", "2025-10"), ("2020-01", "2019-12")]
    explained = run("explain", str(page), "-f", "json")
    assert json.loads(explained.stdout)["doc_date"] == "2025-11-05"


def test_deeply_nested_html_does_not_break(tmp_path):
    page = tmp_path / "deep.htm"
    page.write_text("<div>" * 20000 + "có 3 nhà mạng" + "</div>" * 20000, encoding="utf-8")
    assert [r["surface"] for r in rows_of(run("extract", str(page), "-f", "jsonl"))] == ["3 nhà mạng"]


# --- encodings --------------------------------------------------------------------

@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: s.encode("utf-16-be").join([b"\xfe\xff", b""]),
        to_cp1258,
        lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "windows-1258", "nfd"],
)
def test_encodings_are_detected(tmp_path, encode):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(encode(SENTENCE))
    rows = rows_of(run("extract", str(doc), "-f", "jsonl"))
    assert [(r["surface"], r["value"], r["period"]) for r in rows] == [("509.262 tên miền", 509262, "2020-05"), ("7%", 7, "2020-05")]


def test_encoding_option_overrides_detection(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_bytes("có 3 nhà mạng".encode("utf-16-le"))  # no BOM: cannot be detected
    assert run("extract", str(doc)).exit_code == 1
    assert [r["surface"] for r in rows_of(run("extract", str(doc), "-f", "jsonl", "--encoding", "utf-16-le"))] == ["3 nhà mạng"]


def test_unknown_encoding_is_an_error_for_that_file(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("có 3 nhà mạng", encoding="utf-8")
    result = run("extract", str(doc), "--encoding", "klingon")
    assert result.exit_code == 1 and "unknown encoding" in result.stderr


# --- limits --------------------------------------------------------------------------

def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    result = run("extract", str(big), str(FIXTURES / "000_e3f4f09c47423a5d.txt"), "--max-size", "1")
    assert result.exit_code == 1 and "too large" in result.stderr
    assert result.stdout.count("\n") > 10


def test_a_long_run_of_digits_is_not_a_statistic():
    rows = rows_of(run("extract", "-f", "jsonl", input="đạt " + "1." + "000." * 30000 + "000 đồng và 5%"))
    assert [r["surface"] for r in rows] == ["5%"]


# --- jobs and streaming ----------------------------------------------------------------

def test_jobs_give_the_same_rows_in_the_same_order(tmp_path):
    corpus = tmp_path / "many.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    corpus.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts * 6), encoding="utf-8")
    one = run("extract", str(corpus), "-f", "jsonl", "--jobs", "1").stdout
    two = run("extract", str(corpus), "-f", "jsonl", "--jobs", "2").stdout
    assert one == two and one.count("\n") > 300


def _raise_on_boom(real):
    def extract(text, *args, **kwargs):
        if "BOOM" in text:
            raise ValueError("a rule\nbroke")  # the error stays on one line
        return real(text, *args, **kwargs)
    return extract


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_whose_extraction_raises_is_an_error_for_it_alone(tmp_path, monkeypatch, jobs):
    """A bug in a rule costs one document, not the run: the others are written, exit code 1.
    (Worker processes are forked after the patch, so they raise too.)"""
    from ictstats import runner

    monkeypatch.setattr(runner, "extract", _raise_on_boom(runner.extract))
    corpus = tmp_path / "crawl.jsonl"
    texts = ["có 3 nhà mạng", "BOOM 5 doanh nghiệp", "tăng 7%"]
    corpus.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    result = run("extract", str(corpus), "-f", "jsonl", "--jobs", jobs)
    assert result.exit_code == 1
    assert [r["surface"] for r in rows_of(result)] == ["3 nhà mạng", "7%"]
    assert result.stderr.strip() == (
        f"ictstats: error: {corpus}#2: extraction failed (ValueError: a rule broke); "
        "this is a bug in ictstats, please report it with the document"
    )


def test_batches_keep_every_document_and_error_in_input_order(monkeypatch):
    from ictstats import runner
    from ictstats.config import DEFAULT
    from ictstats.inputs import Document, InputError

    monkeypatch.setattr(runner, "BATCH_DOCS", 2)  # many small batches, errors between and inside them
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    items = []
    for i, text in enumerate(texts * 2):
        items.append(Document(f"d{i}", text))
        if i % 3 == 0:
            items.append(InputError(f"bad{i}: cannot be read"))
    one = [(str(item) if isinstance(item, InputError) else item.name, rows) for item, rows in runner.run(items, DEFAULT, 1)]
    two = [(str(item) if isinstance(item, InputError) else item.name, rows) for item, rows in runner.run(items, DEFAULT, 2)]
    assert one == two
    assert [name for name, _ in one] == [str(i) if isinstance(i, InputError) else i.name for i in items]
    assert sum(len(rows) for _, rows in two) > 100


def _cli(*args):
    """The command in a child process, its pipes unbuffered on this side: ``communicate``
    reads the pipe itself, so bytes a buffered ``readline`` had read ahead would be lost."""
    return subprocess.Popen([sys.executable, "-m", "ictstats", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)


def test_rows_stream_out_before_the_input_ends(tmp_path):
    fifo = tmp_path / "later.txt"
    os.mkfifo(fifo)
    first = FIXTURES / "000_e3f4f09c47423a5d.txt"
    proc = _cli("extract", str(first), str(fifo), "-f", "jsonl")
    try:
        line = proc.stdout.readline()  # the first document's rows arrive while the FIFO is still open
        assert json.loads(line)["doc"] == str(first)
        with open(fifo, "w", encoding="utf-8") as w:
            w.write("có 3 nhà mạng")
        out, _ = proc.communicate(timeout=60)
        assert json.loads(out.decode("utf-8").splitlines()[-1])["surface"] == "3 nhà mạng"
    finally:
        proc.kill()


def test_interrupt_leaves_only_complete_rows(tmp_path):
    corpus = tmp_path / "many.jsonl"
    text = (FIXTURES / "003_e200c732da0c8e84.txt").read_text(encoding="utf-8")
    corpus.write_text((json.dumps({"text": text}, ensure_ascii=False) + "\n") * 3000, encoding="utf-8")
    proc = _cli("extract", str(corpus), "-f", "jsonl")
    first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)  # while the command is still writing rows
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err.decode("utf-8")
    for line in (first + out).decode("utf-8").splitlines():
        json.loads(line)  # every line written is a whole row


def _bench_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", Path(__file__).parents[1] / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_corpus_varies_numbers_but_keeps_their_shape():
    """Years stay years and days/months stay valid, so the benchmark reads real-looking text,
    while every repetition carries different numbers (nothing can be cached)."""
    import random

    import regex

    bench = _bench_module()
    text = (FIXTURES / sorted(p.name for p in FIXTURES.glob("*.txt"))[0]).read_text(encoding="utf-8")
    varied = [bench.vary_numbers(text, random.Random(seed)) for seed in (1, 2)]
    assert varied[0] != varied[1] != text
    runs = [regex.findall(r"\d+", t) for t in (text, *varied)]
    for before, after in zip(runs[0], runs[1]):
        assert len(before) == len(after)
        if len(before) == 4 and 1900 <= int(before) <= 2099:
            assert 1990 <= int(after) <= 2035
        elif len(before) == 2 and int(before) <= 12:
            assert 1 <= int(after) <= 12
    assert len(runs[0]) == len(runs[1]) == len(runs[2])
