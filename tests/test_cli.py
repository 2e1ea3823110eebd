"""The command line, through typer's CliRunner."""
import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ictstats import COLUMNS
from ictstats.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
DOC = FIXTURES / "000_e3f4f09c47423a5d.txt"
SAMPLE = "Tính đến hết tháng 5/2020, có tổng số 509.262 tên miền, tăng 7%.\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_csv_is_the_default_when_not_a_terminal():
    result = run("extract", str(DOC))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0].keys()) == list(COLUMNS)
    assert rows[1]["surface"] == "509.262 tên miền" and rows[1]["value"] == "509262"
    assert result.stderr == ""


def test_tsv():
    result = run("extract", str(DOC), "--format", "tsv")
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows[1]["unit"] == "count"


def test_jsonl_has_nulls_for_empty_fields():
    result = run("extract", "-", "-f", "jsonl", input=SAMPLE)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["surface"] for r in rows] == ["509.262 tên miền", "7%"]
    assert rows[0]["value_max"] is None and rows[0]["doc"] == "-"
    assert list(rows[0]) == list(COLUMNS)


def test_json_is_one_array():
    result = run("extract", "-f", "json", input=SAMPLE)
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and rows[1]["change"] == "up"


def test_json_of_nothing_is_an_empty_array():
    assert json.loads(run("extract", "-f", "json", input="không có gì").stdout) == []


def test_table():
    result = runner.invoke(app, ["extract", str(DOC), "-f", "table"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "509.262 tên miền" in result.stdout and "rows" in result.stdout


def test_parquet_reads_back_with_pandas(tmp_path):
    out = tmp_path / "rows.parquet"
    result = run("extract", str(FIXTURES), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(COLUMNS)
    assert frame["doc"].nunique() == 5
    assert frame.loc[frame["surface"] == "509.262 tên miền", "value"].iloc[0] == 509262


def test_parquet_needs_an_output_file():
    result = run("extract", str(DOC), "-f", "parquet")
    assert result.exit_code == 2 and "-o" in result.stderr


def test_output_format_follows_the_suffix(tmp_path):
    out = tmp_path / "rows.jsonl"
    assert run("extract", str(DOC), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["doc"] == str(DOC)


def test_directory_is_walked_for_text_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("có 3 nhà mạng", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("đạt 41%", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    result = run("extract", str(tmp_path), "-f", "jsonl")
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]
    assert "skipped 1 file" in result.stderr


def test_empty_input_gives_header_only_and_exit_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("extract", str(empty), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.strip() == ",".join(COLUMNS)


def test_missing_file_is_reported_and_others_still_processed(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"), str(DOC), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"ictstats: error: {tmp_path / 'nope.txt'}: no such file or directory"
    assert len(result.stdout.splitlines()) > 10


# longer than any file system allows for one name (255 bytes): pathlib's is_dir() raised
# ENAMETOOLONG out of the walk and took the whole run down with a traceback
TOO_LONG_NAME = "bao-cao-" * 40 + ".txt"


@pytest.mark.parametrize("command", ["extract", "series"])
def test_a_name_too_long_is_an_error_for_that_input_alone(command):
    result = run(command, TOO_LONG_NAME, str(DOC), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"ictstats: error: {TOO_LONG_NAME}: cannot read (File name too long)"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "509262" in result.stdout or "tên miền" in result.stdout


@pytest.mark.parametrize("command", ["extract", "series", "metrics"])
@pytest.mark.parametrize("where", ["no-such-dir/out.csv", "bao-cao-" * 40 + ".csv"], ids=["missing dir", "name too long"])
def test_an_unwritable_output_is_a_usage_error_before_any_input_is_read(tmp_path, command, where):
    target = tmp_path / where
    args = [command, "-o", str(target)] + ([] if command == "metrics" else [str(DOC)])
    result = run(*args)
    assert result.exit_code == 2
    [message] = result.stderr.strip().splitlines()
    assert message.startswith(f"ictstats: error: -o {target}: cannot write (")
    assert result.stdout == ""


def test_an_existing_output_file_is_replaced_by_the_run(tmp_path):
    out = tmp_path / "rows.csv"
    out.write_text("old", encoding="utf-8")
    assert run("extract", "-o", str(out), str(DOC)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("doc,line,start")


def test_explain_takes_a_sentence_longer_than_a_file_name():
    sentence = ("Theo số liệu được Bộ Thông tin và Truyền thông công bố tại hội nghị tổng kết công tác "
                "của ngành thông tin và truyền thông tổ chức sáng nay tại Hà Nội, trong 9 tháng đầu "
                "năm 2025, doanh thu toàn ngành ước đạt 2,8 triệu tỷ đồng.")
    assert len(sentence.encode()) > 255
    result = run("explain", sentence, "-f", "json")
    assert result.exit_code == 0, result.stderr
    [mention] = json.loads(result.stdout)["mentions"]
    assert mention["surface"] == "2,8 triệu tỷ đồng" and mention["period"] == "2025-01/2025-09"


def test_binary_file_is_an_error(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    result = run("extract", str(binary), str(DOC))
    assert result.exit_code == 1
    assert "binary file" in result.stderr and str(binary) in result.stderr
    assert result.stdout.count("\n") > 10


def test_invalid_utf8_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("đạt 5%".encode("utf-8") + b"\xff\xfe tail")
    result = run("extract", str(bad))
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.stderr and "offset" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_utf8_bom_is_accepted(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "đạt 5%".encode("utf-8"))
    rows = [json.loads(l) for l in run("extract", str(bom), "-f", "jsonl").stdout.splitlines()]
    assert rows[0]["start"] == 4 and rows[0]["surface"] == "5%"


def test_unknown_format_is_a_usage_error():
    result = run("extract", str(DOC), "-f", "xml")
    assert result.exit_code == 2


@pytest.mark.parametrize("date", ["yesterday", "2025-13", "2025-02-30", "2025-00"])
def test_bad_doc_date_is_a_usage_error(date):
    result = run("extract", str(DOC), "--doc-date", date)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"ictstats: error: --doc-date {date!r}: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD"


def test_config_refuses_a_date_that_does_not_exist():
    from ictstats import Config

    with pytest.raises(ValueError, match="2025-13"):
        Config(doc_date="2025-13")
    assert Config(doc_date="2024-02-29").doc_date == "2024-02-29"


@pytest.mark.parametrize("text", ["", "   "])
def test_explain_of_empty_text_explains_nothing(text):
    # "" was taken for Path("") — the current directory — and raised InputError
    result = run("explain", text, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["mentions"] == []


def test_explain_of_a_page_dates_it_by_its_metadata_before_doc_date(tmp_path):
    # as extract does: the page states its own date, which --doc-date only stands in for
    page = tmp_path / "bai.html"
    page.write_text('<html><head><meta property="article:published_time" content="2025-11-05T08:30:00+07:00"></head>'
                    "<body><p>Năm nay cả nước có 5.000 trạm BTS.</p></body></html>", encoding="utf-8")
    result = run("explain", str(page), "-f", "json", "--doc-date", "2019")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["doc_date"] == "2025-11-05"
    assert [m["period"] for m in report["mentions"]] == ["2025"]


def test_explain_of_a_directory_is_a_one_line_error(tmp_path):
    result = run("explain", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"ictstats: error: {tmp_path}: is a directory"


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("ictstats ")


@pytest.mark.parametrize("command", ["extract", "metrics"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "--format" in result.stdout


def test_metrics_lists_the_taxonomy_in_any_format():
    rows = list(csv.DictReader(io.StringIO(run("metrics", "-f", "csv").stdout)))
    assert {"id", "description", "units", "cues"} == set(rows[0])
    assert "internet.vn_domains" in {r["id"] for r in rows}
    assert json.loads(run("metrics", "-f", "json").stdout)[0]["id"]


def test_taxonomy_option_adds_a_metric(tmp_path):
    extra = tmp_path / "bts.toml"
    extra.write_text('[[metric]]\nid = "telecom.bts"\ndescription = "base stations"\ncues = ["trạm BTS"]\nunits = ["count"]\n', encoding="utf-8")
    result = run("extract", "-f", "jsonl", "--taxonomy", str(extra), input="Viettel có 6.500 trạm BTS.")
    assert json.loads(result.stdout)["metric"] == "telecom.bts"
    assert "telecom.bts" in run("metrics", "-f", "csv", "--taxonomy", str(extra)).stdout


def test_bad_taxonomy_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[metric]\nid=", encoding="utf-8")
    result = run("extract", "--taxonomy", str(bad), input="có 3 nhà mạng")
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_doc_date_option_fills_doc_date_and_present_periods():
    result = run("extract", "-f", "jsonl", "--doc-date", "2017-11", input="Hiện nay có 350 mạng độc lập.")
    row = json.loads(result.stdout)
    assert row["period"] == "2017-11" and row["doc_date"] == "2017-11"
