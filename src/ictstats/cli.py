"""The command line: a thin layer over the library. Data to stdout, messages to stderr."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .export import FORMATS, Writer, format_for
from .config import READ_DATE_FORMS, Config
from .export import plain_number, to_rows_of_dicts
from .metrics import TaxonomyError, taxonomy as load_taxonomy
from .inputs import MB, InputError, ReadOptions, all_documents, path_test, skipped_in
from .progress import Progress
from .runner import run

app = typer.Typer(
    help="Extract statistics from Vietnamese ICT news and reports into a tidy table.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _err(message: str) -> None:
    print(f"ictstats: {message}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"ictstats {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """ictstats reads Vietnamese ICT text and writes one row per statistic."""


FormatOption = typer.Option(None, "--format", "-f", help=f"Output format: {', '.join(FORMATS)}. Default: table on a terminal, CSV otherwise, or from the -o suffix.")
OutputOption = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout (format from its suffix unless --format).")


DocDateOption = typer.Option(None, "--doc-date", help="Date of the documents (YYYY, YYYY-MM or YYYY-MM-DD) when they do not state one; resolves 'năm nay', 'hiện nay'.")
TaxonomyOption = typer.Option([], "--taxonomy", help="A TOML file of metrics that adds to or overrides the built-in taxonomy (repeatable).")
TextColumnOption = typer.Option(None, "--text-column", help="Column holding the text in .jsonl/.csv/.tsv/.parquet corpora (default 'text').")


def _config(doc_date: Optional[str], taxonomy: List[str]) -> Config:
    """The run's Config from the shared options; a bad value is a usage error."""
    if doc_date is not None:
        from .config import DATE_FORMS, parse_doc_date

        if not parse_doc_date(doc_date):
            _err(f"error: --doc-date {doc_date!r}: expected {DATE_FORMS}")
            raise typer.Exit(2)
    return Config(doc_date=doc_date, taxonomy_files=_load_taxonomy(taxonomy))


@contextmanager
def _output(fmt: str, output: Optional[str]):
    """The text stream to write to (stdout or -o FILE); None for Parquet, which pyarrow writes itself."""
    if fmt == "parquet":
        yield None
    elif output:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield sys.stdout


def _check_format(fmt: Optional[str], output: Optional[str]) -> str:
    fmt = format_for(output, fmt, sys.stdout.isatty())
    if fmt not in FORMATS:
        _err(f"error: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)
    if fmt == "parquet" and not output:
        _err("error: parquet is binary: give -o FILE.parquet")
        raise typer.Exit(2)
    if output:
        _check_writable(output)
    return fmt


def _check_writable(output: str) -> None:
    """Refuse an -o FILE that cannot be written before any input is read, not after."""
    existed = path_test(Path.exists, Path(output))
    try:
        open(output, "ab").close()  # appends nothing: an existing file is left as it was
        if not existed:
            Path(output).unlink()  # a run that fails later leaves no empty file behind
    except OSError as e:
        _err(f"error: -o {output}: cannot write ({e.strerror or e})")
        raise typer.Exit(2) from None


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(None, help="Files or directories; '-' or nothing reads stdin. Directories are walked for .txt, .md and .html (and corpus files with --text-column)."),
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    doc_date: Optional[str] = DocDateOption,
    taxonomy: List[str] = TaxonomyOption,
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 = one per core. Output order does not depend on it."),
    text_column: Optional[str] = TextColumnOption,
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column naming each corpus document; doc becomes FILE#ID (default: the record number)."),
    date_column: Optional[str] = typer.Option(None, "--date-column", help=f"Column with each corpus document's date ({READ_DATE_FORMS}); it stands before --doc-date."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode inputs with this codec instead of detecting UTF-8/UTF-16/Windows-1258."),
    max_size: int = typer.Option(256, "--max-size", min=1, help="Refuse input files larger than this many MB."),
    dump_text: Optional[str] = typer.Option(None, "--dump-text", help="Write the text each document was read as (after decoding, HTML reduction and NFC) into this directory; offsets refer to it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No notes or progress on stderr, only errors."),
) -> None:
    """Extract every quantity mention from PATHS, one row each."""
    fmt = _check_format(fmt, output)
    paths = list(paths or ["-"])
    config = _config(doc_date, taxonomy)
    options = ReadOptions(encoding=encoding, text_column=text_column, id_column=id_column, date_column=date_column, max_size=max_size * MB)
    dump_dir = Path(dump_text) if dump_text else None
    if dump_dir:
        dump_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    with _output(fmt, output) as stream:
        writer = Writer(fmt, stream, path=output)
        progress = Progress(enabled=not quiet and sys.stderr.isatty())
        try:
            with progress:
                for item, rows in run(all_documents(paths, options), config, jobs):
                    if isinstance(item, InputError):
                        progress.print_error(f"ictstats: error: {item}")
                        failed += 1
                        continue
                    writer.write(rows)
                    if dump_dir:
                        _dump(dump_dir, item)
                    progress.advance(item, len(rows))
            writer.close()
        except KeyboardInterrupt:
            writer.close()
            _err("interrupted; the rows written so far are complete")
            raise typer.Exit(130) from None
    skipped = skipped_in(paths, options)
    if skipped and not quiet:
        _err(f"note: skipped {len(skipped)} file(s) that are not text, HTML or (with --text-column) corpora, e.g. {skipped[0]}")
    if failed:
        raise typer.Exit(1)


def _dump(directory: Path, doc) -> None:
    from .text import normalize

    safe = re.sub(r"[^\w.\-]+", "_", doc.name).strip("_") or "stdin"
    (directory / f"{safe}.txt").write_text(normalize(doc.text), encoding="utf-8")


def _load_taxonomy(files: List[str]) -> tuple[str, ...]:
    """Validate user taxonomy files up front: a bad one is a usage error."""
    files = tuple(str(f) for f in files or ())
    try:
        load_taxonomy(files)
    except TaxonomyError as e:
        _err(f"error: {e}")
        raise typer.Exit(2) from None
    return files


@app.command("metrics")
def metrics_command(
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    taxonomy: List[str] = TaxonomyOption,
) -> None:
    """List the metric taxonomy: id, description, units and cue phrases."""
    fmt = _check_format(fmt, output)
    records = [
        {"id": m.id, "description": m.description, "units": ", ".join(m.units + m.change_units), "cues": "; ".join(m.cues)}
        for m in load_taxonomy(_load_taxonomy(taxonomy))
    ]
    with _output(fmt, output) as stream:
        to_rows_of_dicts(records, fmt, stream, columns=("id", "description", "units", "cues"), path=output, title="metrics")


def _read_text_or_path(source: str, options: ReadOptions) -> tuple[str, str, str]:
    """(doc name, text, published date of a single HTML page) for an argument that is a
    path, '-' or literal text."""
    from .inputs import documents

    path = Path(source)
    if source != "-" and not (source.strip() and path_test(Path.exists, path)):
        return "<text>", source, ""  # "" would be Path("."), the current directory
    try:
        items = list(documents(source, None if source == "-" else path, options))
    except InputError as e:  # a directory, or a file that cannot be read at all
        items = [e]
    for item in items:
        if isinstance(item, InputError):
            _err(f"error: {item}")
            raise typer.Exit(1)
    return items[0].name, "\n\n".join(d.text for d in items), items[0].published if len(items) == 1 else ""


@app.command("explain")
def explain_command(
    source: str = typer.Argument(..., help="Text to explain, or a file ('-' for stdin)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table (readable) or json."),
    doc_date: Optional[str] = DocDateOption,
    taxonomy: List[str] = TaxonomyOption,
    show_rejected: bool = typer.Option(True, "--rejected/--no-rejected", help="Also list the numerals that were turned down and why."),
) -> None:
    """Show, for each quantity, every rule that fired, and why other numerals were rejected."""
    from .explain import describe, explain

    if fmt not in ("table", "json"):
        _err(f"error: explain writes table or json, not {fmt!r}")
        raise typer.Exit(2)
    name, text, published = _read_text_or_path(source, ReadOptions())
    report = explain(text, doc=name, config=_config(doc_date, taxonomy).for_document(published))
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.tree import Tree

    console = Console(soft_wrap=False, highlight=False)
    date = f", dated {report['doc_date']}" if report["doc_date"] else ""
    console.print(f"[bold]{report['doc']}[/]: {len(report['mentions'])} quantities{date}")
    for m in report["mentions"]:
        value = plain_number(m["value"]) + (f"–{plain_number(m['value_max'])}" if m["value_max"] is not None else "")
        head = f"[bold]{m['surface']}[/]  (line {m['line']}) → {m['qualifier']} {value} {m['unit'] or '(no unit)'}"
        extras = [f"{k}={m[k]}" for k in ("item", "change", "metric", "period") if m[k]] + [f"status={m['status']}", f"rule={m['rule']}"]
        tree = Tree(head + "  [dim]" + "  ".join(extras) + "[/]")
        for step in m["steps"]:
            tree.add(f"[cyan]{step['stage']:<9}[/] {step['detail']}", highlight=False)
        console.print(tree)
    if show_rejected and report["rejected"]:
        table = Table(title="rejected numerals", header_style="bold")
        for col in ("line", "text", "why"):
            table.add_column(col)
        for r in report["rejected"]:
            table.add_row(str(r["line"]), r["text"], describe(r["reason"]))
        console.print(table)


def _rows_for(paths: List[str], options: ReadOptions, config: Config) -> tuple[list[dict], int]:
    """Row dicts from extract output files, or extracted from documents; and how many inputs failed."""
    from .series import looks_like_rows, read_rows

    rows, failed, to_extract = [], 0, []
    for p in paths or ["-"]:
        path = Path(p)
        if p != "-" and path_test(Path.is_file, path) and looks_like_rows(path):
            rows += read_rows(path)
        else:
            to_extract.append(p)
    if to_extract:
        for item, found in run(all_documents(to_extract, options), config):
            if isinstance(item, InputError):
                _err(f"error: {item}")
                failed += 1
            else:
                rows += [r.as_dict() for r in found]
    return rows, failed


@app.command("series")
def series_command(
    paths: List[str] = typer.Argument(None, help="Documents (as for extract) or extract output files (.jsonl/.csv/.json/.parquet)."),
    metric: Optional[str] = typer.Option(None, "--metric", "-m", help="Only this metric id."),
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    doc_date: Optional[str] = DocDateOption,
    taxonomy: List[str] = TaxonomyOption,
    text_column: Optional[str] = TextColumnOption,
) -> None:
    """One row per (metric, period, status): the value, how many documents state it, and conflicts."""
    from .series import SERIES_COLUMNS, build

    fmt = _check_format(fmt, output)
    config = _config(doc_date, taxonomy)
    rows, failed = _rows_for(list(paths or []), ReadOptions(text_column=text_column), config)
    records = [p.as_dict() for p in build(rows, metric)]
    if not records and fmt == "table":
        _err("no series: no row has both a metric and a period" + (f" for {metric}" if metric else ""))
    else:
        with _output(fmt, output) as stream:
            to_rows_of_dicts(records, fmt, stream, columns=SERIES_COLUMNS, path=output, title=f"series{f' of {metric}' if metric else ''}")
    if failed:
        raise typer.Exit(1)


@app.command("plot")
def plot_command(
    metric: str = typer.Argument(..., help="The metric id to chart (see 'ictstats metrics')."),
    paths: List[str] = typer.Argument(None, help="Documents or extract output files, as for series."),
    output: str = typer.Option(..., "--output", "-o", help="The chart file: .png or .svg."),
    title: Optional[str] = typer.Option(None, "--title", help="Chart title (default: the metric id)."),
    doc_date: Optional[str] = DocDateOption,
    taxonomy: List[str] = TaxonomyOption,
    text_column: Optional[str] = TextColumnOption,
) -> None:
    """Chart one metric over time: actuals, estimates and targets drawn apart, sources counted."""
    from .plot import PlotUnavailable, plot
    from .series import build

    if Path(output).suffix.lower() not in (".png", ".svg"):
        _err(f"error: -o {output}: the chart must be .png or .svg")
        raise typer.Exit(2)
    _check_writable(output)
    config = _config(doc_date, taxonomy)
    rows, failed = _rows_for(list(paths or []), ReadOptions(text_column=text_column), config)
    points = build(rows, metric)
    if not points:
        _err(f"error: no values of {metric} with a period in the input")
        raise typer.Exit(1)
    try:
        drawn = plot(points, metric, output, title=title)
    except PlotUnavailable as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from None
    _err(f"wrote {output}: {drawn} values of {metric} in {len(points)} periods")
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold_dir: str = typer.Argument(..., help="A gold set: GOLD_DIR/docs/*.txt and GOLD_DIR/gold.jsonl (SPEC section 9)."),
    pred: Optional[str] = typer.Argument(None, help="A prediction file (extract output, JSON Lines or CSV); default: run the extractor on GOLD_DIR/docs."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, extra and wrong field."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    doc_date: Optional[str] = DocDateOption,
    taxonomy: List[str] = TaxonomyOption,
) -> None:
    """Precision, recall, strict F1 and per-field accuracy against your own gold annotations."""
    from .evaluate import GoldError, error_lines, load_gold, score, summary_lines
    from .series import read_rows

    if fmt not in ("text", "json"):
        _err(f"error: eval writes text or json, not {fmt!r}")
        raise typer.Exit(2)
    try:
        docs, gold = load_gold(Path(gold_dir))
    except GoldError as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from None
    if pred:
        try:
            predictions = read_rows(Path(pred))
        except (OSError, ValueError) as e:
            _err(f"error: {pred}: cannot read predictions ({e})")
            raise typer.Exit(1) from None
    else:
        config = _config(doc_date, taxonomy)
        from .extract import extract

        predictions = [r.as_dict() for name, text in docs.items() for r in extract(text, doc=name, config=config)]
    for p in predictions:
        p["doc"] = Path(str(p.get("doc", ""))).name
        p["start"], p["end"] = int(p["start"]), int(p["end"])
    report = score(docs, gold, predictions)
    if errors:
        for line in error_lines(report, docs):
            print(line)
    if fmt == "json":
        print(json.dumps(report.summary, ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(report.summary)))


def main() -> None:
    app(prog_name="ictstats")
