"""The command line: a thin layer over the library. Data to stdout, messages to stderr."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from . import __version__
from .export import FORMATS, Writer, format_for
from .config import Config
from .export import to_rows_of_dicts
from .extract import extract
from .metrics import TaxonomyError, taxonomy as load_taxonomy
from .inputs import InputError, expand, read, skipped_in

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


def _check_format(fmt: Optional[str], output: Optional[str]) -> str:
    fmt = format_for(output, fmt, sys.stdout.isatty())
    if fmt not in FORMATS:
        _err(f"error: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        raise typer.Exit(2)
    if fmt == "parquet" and not output:
        _err("error: parquet is binary: give -o FILE.parquet")
        raise typer.Exit(2)
    return fmt


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(None, help="Files or directories (walked for .txt/.md); '-' or nothing reads stdin."),
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    doc_date: Optional[str] = typer.Option(None, "--doc-date", help="Date of the documents (YYYY, YYYY-MM or YYYY-MM-DD) when they do not state one; resolves 'năm nay', 'hiện nay'."),
    taxonomy: List[str] = typer.Option([], "--taxonomy", help="A TOML file of metrics that adds to or overrides the built-in taxonomy (repeatable)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No messages on stderr except errors."),
) -> None:
    """Extract every quantity mention from PATHS, one row each."""
    fmt = _check_format(fmt, output)
    paths = list(paths or ["-"])
    if doc_date is not None:
        from .context import parse_doc_date

        if not parse_doc_date(doc_date):
            _err(f"error: --doc-date {doc_date!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
            raise typer.Exit(2)
    config = Config(doc_date=doc_date, taxonomy_files=_load_taxonomy(taxonomy))
    failed = 0
    stream = None if fmt == "parquet" else (open(output, "w", encoding="utf-8", newline="") if output else sys.stdout)
    writer = Writer(fmt, stream, path=output)
    try:
        for name, path in expand(paths):
            try:
                doc = read(name, path)
            except InputError as e:
                _err(f"error: {e}")
                failed += 1
                continue
            writer.write(extract(doc.text, doc=doc.name, config=config))
        writer.close()
    finally:
        if output and stream is not None:
            stream.close()
    skipped = skipped_in(paths)
    if skipped and not quiet:
        _err(f"note: skipped {len(skipped)} file(s) that are not .txt/.md, e.g. {skipped[0]}")
    if failed:
        raise typer.Exit(1)


def _load_taxonomy(files: List[str]) -> tuple[str, ...]:
    """Validate user taxonomy files up front: a bad one is a usage error."""
    files = tuple(str(f) for f in files or ())
    try:
        load_taxonomy(files)
    except TaxonomyError as e:
        _err(f"error: {e}")
        raise typer.Exit(2)
    return files


@app.command("metrics")
def metrics_command(
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    taxonomy: List[str] = typer.Option([], "--taxonomy", help="Also load metrics from this TOML file (repeatable)."),
) -> None:
    """List the metric taxonomy: id, description, units and cue phrases."""
    fmt = _check_format(fmt, output)
    records = [
        {"id": m.id, "description": m.description, "units": ", ".join(m.units + m.change_units), "cues": "; ".join(m.cues)}
        for m in load_taxonomy(_load_taxonomy(taxonomy))
    ]
    stream = None if fmt == "parquet" else (open(output, "w", encoding="utf-8", newline="") if output else sys.stdout)
    try:
        to_rows_of_dicts(records, fmt, stream, path=output, title="metrics")
    finally:
        if output and stream is not None:
            stream.close()


def main() -> None:
    app(prog_name="ictstats")
