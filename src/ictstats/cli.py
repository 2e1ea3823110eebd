"""The command line: a thin layer over the library. Data to stdout, messages to stderr."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .export import FORMATS, Writer, format_for
from .config import Config
from .export import to_rows_of_dicts
from .metrics import TaxonomyError, taxonomy as load_taxonomy
from .inputs import MB, InputError, ReadOptions, all_documents, skipped_in
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
    paths: List[str] = typer.Argument(None, help="Files or directories; '-' or nothing reads stdin. Directories are walked for .txt, .md and .html (and corpus files with --text-column)."),
    fmt: Optional[str] = FormatOption,
    output: Optional[str] = OutputOption,
    doc_date: Optional[str] = typer.Option(None, "--doc-date", help="Date of the documents (YYYY, YYYY-MM or YYYY-MM-DD) when they do not state one; resolves 'năm nay', 'hiện nay'."),
    taxonomy: List[str] = typer.Option([], "--taxonomy", help="A TOML file of metrics that adds to or overrides the built-in taxonomy (repeatable)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 = one per core. Output order does not depend on it."),
    text_column: Optional[str] = typer.Option(None, "--text-column", help="Column holding the text in .jsonl/.csv/.tsv/.parquet corpora (default 'text')."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column naming each corpus document; doc becomes FILE#ID (default: the record number)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode inputs with this codec instead of detecting UTF-8/UTF-16/Windows-1258."),
    max_size: int = typer.Option(256, "--max-size", min=1, help="Refuse input files larger than this many MB."),
    dump_text: Optional[str] = typer.Option(None, "--dump-text", help="Write the text each document was read as (after decoding, HTML reduction and NFC) into this directory; offsets refer to it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No notes or progress on stderr, only errors."),
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
    options = ReadOptions(encoding=encoding, text_column=text_column, id_column=id_column, max_size=max_size * MB)
    dump_dir = Path(dump_text) if dump_text else None
    if dump_dir:
        dump_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    stream = None if fmt == "parquet" else (open(output, "w", encoding="utf-8", newline="") if output else sys.stdout)
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
        raise typer.Exit(130)
    finally:
        if output and stream is not None:
            stream.close()
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
