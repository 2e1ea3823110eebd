"""explain, series, plot and eval: the analyst's commands, through the CLI runner."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictstats.cli import app
from ictstats.evaluate import load_gold, score
from ictstats.explain import explain
from ictstats.series import build

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT / "tests" / "data" / "gold"
SHARED_GOLD = ROOT.parent / "shared" / "gold"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input, env={"COLUMNS": "200"})


# --- explain ---------------------------------------------------------------------

def test_explain_lists_steps_and_rejections_as_json():
    result = run("explain", "Theo Nghị định số 47/2020/NĐ-CP ngày 11/6/2020, Việt Nam có hơn 16 triệu địa chỉ IPv4.", "-f", "json")
    report = json.loads(result.stdout)
    mention = report["mentions"][0]
    assert mention["surface"] == "hơn 16 triệu địa chỉ IPv4"
    stages = {s["stage"]: s["detail"] for s in mention["steps"]}
    assert stages["number"].startswith("digits '16' = 1.6e+07") and "scale x1e+06" in stages["number"]
    assert "count.noun" in stages["unit"] and ">" in stages["qualifier"]
    assert "internet.ipv4_addresses" in stages["metric"] and "'địa chỉ IPv4'" in stages["metric"]
    reasons = {r["text"]: r["reason"] for r in report["rejected"]}
    assert reasons["47"] == "legal.identifier" and reasons["11"] == "date.dmy" and reasons["6"] == "date.dmy"


def test_explain_table_is_readable():
    result = run("explain", "Năm 2019, doanh thu toàn ngành dự kiến đạt gần 135 tỷ USD; mạng 5G phủ 63 tỉnh.")
    assert result.exit_code == 0
    out = result.stdout
    assert "gần 135 tỷ USD" in out and "estimate" in out and "ict.sector_revenue" in out
    assert "rejected numerals" in out and "a technology name (tech.name)" in out and "a date (date.word)" in out


def test_explain_reads_a_file(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("có 3 nhà mạng", encoding="utf-8")
    report = json.loads(run("explain", str(doc), "-f", "json").stdout)
    assert report["doc"] == str(doc) and report["mentions"][0]["surface"] == "3 nhà mạng"


def test_explain_library_function_matches_extract():
    text = (FIXTURES / "003_e200c732da0c8e84.txt").read_text(encoding="utf-8")
    report = explain(text)
    from ictstats import extract

    assert [m["surface"] for m in report["mentions"]] == [r.surface for r in extract(text)]
    assert all(m["steps"][0]["stage"] == "number" for m in report["mentions"])


# --- series -----------------------------------------------------------------------

ROWS = [
    {"doc": "a.txt", "surface": "x", "metric": "internet.vn_domains", "period": "2020-05", "status": "actual", "value": 509262, "value_max": None, "unit": "count", "change": ""},
    {"doc": "b.txt", "surface": "x", "metric": "internet.vn_domains", "period": "2020-05", "status": "actual", "value": 509262.0, "value_max": None, "unit": "count", "change": ""},
    {"doc": "c.txt", "surface": "x", "metric": "internet.vn_domains", "period": "2020-05", "status": "actual", "value": 510000, "value_max": None, "unit": "count", "change": ""},
    {"doc": "a.txt", "surface": "x", "metric": "internet.vn_domains", "period": "2025", "status": "target", "value": 1000000, "value_max": None, "unit": "count", "change": ""},
    {"doc": "a.txt", "surface": "x", "metric": "internet.vn_domains", "period": "2020", "status": "actual", "value": 7, "value_max": None, "unit": "%", "change": "up"},
    {"doc": "a.txt", "surface": "x", "metric": "", "period": "2020", "status": "actual", "value": 3, "value_max": None, "unit": "count", "change": ""},
    {"doc": "a.txt", "surface": "x", "metric": "internet.ipv6_adoption", "period": "", "status": "actual", "value": 43.54, "value_max": None, "unit": "%", "change": ""},
]


def test_series_flags_conflicts_and_shows_every_value():
    points = {(p.period, p.status): p for p in build(ROWS)}
    may = points[("2020-05", "actual")]
    assert may.conflict and may.value == "" and may.values == "509262; 510000"
    assert may.documents == 3 and may.mentions == 3 and may.docs == "a.txt; b.txt; c.txt"
    assert may.value_documents == "2; 1"  # two documents say 509262, one says 510000
    target = points[("2025", "target")]
    assert not target.conflict and target.value == "1000000" and target.documents == 1
    assert len(points) == 2  # changes, rows without a metric and rows without a period are not levels of a series


def test_series_agreeing_values_are_not_a_conflict():
    rows = [dict(ROWS[0]), dict(ROWS[1])]
    (point,) = build(rows)
    assert not point.conflict and point.value == "509262" and point.documents == 2


def test_series_over_documents_and_over_extract_output(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Tính đến hết tháng 5/2020, có tổng số 509.262 tên miền quốc gia.", encoding="utf-8")
    (docs / "b.txt").write_text("Tính đến hết tháng 5/2020, Việt Nam có 510.000 tên miền quốc gia.", encoding="utf-8")
    (docs / "c.txt").write_text("Năm 2019, tổng doanh thu toàn ngành đạt 135 tỷ USD.", encoding="utf-8")
    from_docs = list(csv.DictReader(io.StringIO(run("series", str(docs), "-f", "csv").stdout)))
    assert [(r["metric"], r["period"], r["conflict"]) for r in from_docs] == [
        ("ict.sector_revenue", "2019", "False"), ("internet.vn_domains", "2020-05", "True")]
    rows_file = tmp_path / "rows.jsonl"
    rows_file.write_text(run("extract", str(docs), "-f", "jsonl").stdout, encoding="utf-8")
    from_rows = list(csv.DictReader(io.StringIO(run("series", str(rows_file), "-f", "csv", "--metric", "internet.vn_domains").stdout)))
    assert len(from_rows) == 1 and from_rows[0]["values"] == "509262; 510000" and from_rows[0]["documents"] == "2"


def test_series_formats(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Năm 2019, tổng doanh thu toàn ngành đạt 135 tỷ USD.", encoding="utf-8")
    assert json.loads(run("series", str(doc), "-f", "json").stdout)[0]["metric"] == "ict.sector_revenue"
    out = tmp_path / "s.parquet"
    assert run("series", str(doc), "-o", str(out)).exit_code == 0
    import pandas as pd

    assert pd.read_parquet(out)["period"].tolist() == ["2019"]


# --- plot -------------------------------------------------------------------------------

def test_plot_draws_a_png(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    chart = tmp_path / "chart.png"
    result = run("plot", "internet.vn_domains", str(rows), "-o", str(chart))
    assert result.exit_code == 0, result.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "3 values of internet.vn_domains in 2 periods" in result.stderr


def test_plot_draws_an_svg(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    chart = tmp_path / "chart.svg"
    assert run("plot", "internet.vn_domains", str(rows), "-o", str(chart)).exit_code == 0
    assert "<svg" in chart.read_text(encoding="utf-8")[:500]


def test_plot_without_matplotlib_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails as if not installed
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    result = run("plot", "internet.vn_domains", str(rows), "-o", str(tmp_path / "c.png"))
    assert result.exit_code == 1 and "pip install 'ictstats[plot]'" in result.stderr


def test_plot_of_an_absent_metric_is_an_error(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    result = run("plot", "press.agencies", str(rows), "-o", str(tmp_path / "c.png"))
    assert result.exit_code == 1 and "no values of press.agencies" in result.stderr


def test_plot_needs_png_or_svg(tmp_path):
    assert run("plot", "internet.vn_domains", "-o", str(tmp_path / "c.pdf")).exit_code == 2


def test_plot_refuses_an_unwritable_chart_before_reading_anything(tmp_path):
    result = run("plot", "internet.vn_domains", str(FIXTURES), "-o", str(tmp_path / "no-such-dir" / "c.png"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"ictstats: error: -o {tmp_path / 'no-such-dir' / 'c.png'}: cannot write (No such file or directory)"


def test_plot_that_fails_leaves_no_empty_chart_behind(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    assert run("plot", "press.agencies", str(rows), "-o", str(tmp_path / "c.png")).exit_code == 1
    assert not (tmp_path / "c.png").exists()


def test_plot_that_fails_leaves_an_existing_chart_as_it_was(tmp_path):
    # the -o check opens the file before anything is read; it must not truncate it
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    chart = tmp_path / "c.png"
    chart.write_bytes(b"last week's chart")
    assert run("plot", "press.agencies", str(rows), "-o", str(chart)).exit_code == 1
    assert chart.read_bytes() == b"last week's chart"


# --- eval ----------------------------------------------------------------------------------

def test_eval_on_a_small_gold_set():
    result = run("eval", str(GOLD), "--errors")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "docs 2  gold 6" in out
    assert "MISS  a.txt" in out and "'V'" in out  # a roman numeral is not extracted
    assert "WRONG b.txt" in out and "status: want 'target' got 'actual'" in out
    assert out.strip().splitlines()[-1].startswith("strict F1 ")


def test_eval_json_and_prediction_file(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run("extract", str(GOLD / "docs"), "-f", "jsonl").stdout, encoding="utf-8")
    from_file = json.loads(run("eval", str(GOLD), str(pred), "-f", "json").stdout)
    fresh = json.loads(run("eval", str(GOLD), "-f", "json").stdout)
    assert from_file == fresh
    assert from_file["gold"] == 6 and 0 < from_file["strict"]["f1"] < 1


def test_eval_bad_gold_dir_is_an_error(tmp_path):
    result = run("eval", str(tmp_path))
    assert result.exit_code == 1 and "needs docs/ and gold.jsonl" in result.stderr


def _gold_set(tmp_path, doc: bytes, gold_lines: list[str]) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_bytes(doc)
    (tmp_path / "gold.jsonl").write_text("".join(line + "\n" for line in gold_lines), encoding="utf-8")
    return tmp_path


GOLD_LINE = json.dumps({"doc": "a.txt", "anchor": "509.262", "context": "509.262 tên miền", "value": 509262, "unit": "count"})


def test_eval_reads_gold_documents_as_extract_does(tmp_path):
    # a Windows-1258 document (tools on Windows still write it) raised UnicodeDecodeError
    from test_corpus import to_cp1258

    doc = to_cp1258("Có 509.262 tên miền .vn được sử dụng.")
    result = run("eval", str(_gold_set(tmp_path, doc, [GOLD_LINE])), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["strict"]["f1"] == 1.0


@pytest.mark.parametrize("line, problem", [
    ('{"doc": "a.txt", "value": 509262}', "no 'anchor' string"),
    ('[1, 2]', "no 'doc' string"),
    ('{"doc": "a.txt", "anchor": "509.262", "context": 7}', "'context' is not a string"),
], ids=["no anchor", "not an object", "context not text"])
def test_eval_reports_a_malformed_gold_line_by_its_number(tmp_path, line, problem):
    gold_dir = _gold_set(tmp_path, "Có 509.262 tên miền.".encode(), [GOLD_LINE, line])
    result = run("eval", str(gold_dir))
    assert result.exit_code == 1
    [message] = result.stderr.strip().splitlines()
    assert message.startswith(f"ictstats: error: {gold_dir / 'gold.jsonl'}:2: ") and problem in message


def test_eval_reports_an_undecodable_gold_document(tmp_path):
    gold_dir = _gold_set(tmp_path, b"\x81\x82 509.262 \xff\xfe\x00", [GOLD_LINE])
    result = run("eval", str(gold_dir))
    assert result.exit_code == 1
    [message] = result.stderr.strip().splitlines()
    assert message.startswith(f"ictstats: error: {gold_dir / 'docs' / 'a.txt'}: ")


@pytest.mark.skipif(not (SHARED_GOLD / "score.py").exists(), reason="the shared gold sets are not beside this checkout")
@pytest.mark.parametrize("gold_set", ["dev", "dev2"])
def test_eval_agrees_with_the_shared_scorer(tmp_path, gold_set):
    gold_dir = SHARED_GOLD / gold_set
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run("extract", str(gold_dir / "docs"), "-f", "jsonl").stdout, encoding="utf-8")
    theirs = json.loads(subprocess.run([sys.executable, str(SHARED_GOLD / "score.py"), str(gold_dir), str(pred), "--json"],
                                       capture_output=True, text=True, check=True).stdout.rsplit("\nstrict F1", 1)[0])
    ours = json.loads(run("eval", str(gold_dir), str(pred), "-f", "json").stdout)

    def flat(d, prefix=""):
        return {k2: v2 for k, v in d.items() for k2, v2 in (flat(v, f"{prefix}{k}.").items() if isinstance(v, dict) else [(prefix + k, v)])}

    a, b = flat(theirs), flat(ours)
    assert a.keys() == b.keys()
    for key in a:
        assert round(a[key], 3) == round(b[key], 3), key


def test_eval_library_scores_a_perfect_prediction():
    docs, gold = load_gold(GOLD)
    perfect = [dict(g, start=g["span"][0], end=g["span"][1]) for g in gold]
    report = score(docs, gold, perfect)
    assert report.summary["strict"]["f1"] == 1.0 and not report.misses and not report.extras and not report.wrong


def test_series_with_nothing_to_show_still_writes_its_header(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("có 3 nhà mạng", encoding="utf-8")
    result = run("series", str(doc), "-f", "csv")
    assert result.exit_code == 0 and result.stdout.strip().startswith("metric,period,status,unit,value,values,conflict")


@pytest.mark.parametrize("command", [["series"], ["explain", "có 3 nhà mạng"], ["plot", "internet.vn_domains", "-o", "/tmp/x.png"], ["eval", "tests/data/gold"]])
def test_every_command_validates_doc_date(command):
    result = run(*command, "--doc-date", "last year")
    assert result.exit_code == 2 and "--doc-date" in result.stderr
