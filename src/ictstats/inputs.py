"""Reading documents: files, directories, stdin, HTML pages and corpus files.

Every bad input becomes one ``InputError`` naming it and the problem; the caller
reports it and goes on with the rest.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .config import READ_DATE_FORMS, read_date
from .webpage import read_page

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv", ".parquet"})
MB = 1024 * 1024


@dataclass(frozen=True)
class Document:
    name: str  # as given on the command line ("-" for stdin; "file#id" inside a corpus)
    text: str
    published: str = ""  # the date an HTML page's metadata or a corpus's --date-column gives, "" if none


class InputError(Exception):
    """One input could not be read; the message names it and says why."""


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # force a codec instead of detecting one
    text_column: str | None = None  # corpus column with the text (default "text")
    id_column: str | None = None  # corpus column naming each document (default: its row number)
    date_column: str | None = None  # corpus column with each document's date (published)
    max_size: int = 256 * MB  # larger inputs are refused, not read


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_HIGH = re.compile(rb"[\x80-\xff]")


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: a BOM decides, else UTF-8, else Windows-1258 when the bytes look like it.

    >>> decode("Hà Nội".encode("utf-16"), "x")
    'Hà Nội'
    >>> import unicodedata  # Windows-1258 writes tone marks as combining characters
    >>> unicodedata.normalize("NFC", decode(b"H\\xe0 N\\xf4\\xf2i", "x"))
    'Hà Nội'
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    # Windows-1258 (older Vietnamese tools): high bytes that do not pair up as UTF-8.
    high = len(_HIGH.findall(data))
    utf8_like = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if high and utf8_like < high / 2:
        try:
            return data.decode("cp1258")
        except UnicodeDecodeError:
            pass
    e = utf8_error
    raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); give --encoding if it is another codec")


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid {codec.upper()} (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def expand(paths: list[str], options: ReadOptions) -> Iterator[tuple[str, Path | None]]:
    """(name, path) for each input; directories are walked; "-" is stdin."""
    for p in paths:
        if p == "-":
            yield p, None
            continue
        path = Path(p)
        if path_test(Path.is_dir, path):
            for child in _walk(path):
                if _walked_kind(child, options):
                    yield str(child), child
        else:
            yield p, path


def path_test(test, path: Path) -> bool:
    """``test(path)`` (``Path.is_dir``, ``Path.is_file``, ``Path.exists``), but False where
    the system refuses the name itself.

    ``pathlib`` lets ENAMETOOLONG and the like escape from its tests; reading such a path
    then fails as an InputError for that input alone, naming it.

    >>> path_test(Path.is_dir, Path("x" * 300)), path_test(Path.is_dir, Path("."))
    (False, True)
    """
    try:
        return test(path)
    except OSError:
        return False


def _walk(path: Path):
    return (c for c in sorted(path.rglob("*")) if c.is_file() and not any(part.startswith(".") for part in c.relative_to(path).parts))


def _walked_kind(path: Path, options: ReadOptions) -> bool:
    suffix = path.suffix.lower()
    # corpus files in a directory are read only when asked for (--text-column): a folder
    # of articles often holds other JSON or CSV next to them
    return suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES or (suffix in CORPUS_SUFFIXES and options.text_column is not None)


def skipped_in(paths: list[str], options: ReadOptions) -> list[str]:
    """Files inside the given directories that a walk does not read (so it can say so)."""
    out = []
    for p in paths:
        path = Path(p)
        if p != "-" and path_test(Path.is_dir, path):
            out += [str(c) for c in _walk(path) if not _walked_kind(c, options)]
    return out


def documents(name: str, path: Path | None, options: ReadOptions) -> Iterator[Document | InputError]:
    """The documents behind one input: one for a text or HTML file, many for a corpus file.

    A bad record of a corpus comes out as an InputError in its place; a file that
    cannot be read at all raises InputError."""
    if path is None:
        yield Document(name, decode(sys.stdin.buffer.read(), "<stdin>", options.encoding))
        return
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _parquet(name, path, options)
    elif suffix in CORPUS_SUFFIXES:
        # corpora stream record by record: memory does not grow with the file
        with _open_text(name, path, options) as stream:
            if suffix in (".jsonl", ".ndjson"):
                yield from _jsonl(name, stream, options)
            else:
                yield from _csv(name, stream, options, "\t" if suffix == ".tsv" else ",")
    else:
        text = decode(_read_bytes(name, path, options), name, options.encoding)
        if suffix in HTML_SUFFIXES:
            page = read_page(text)
            yield Document(name, page.text, page.published)
        else:
            yield Document(name, text)


@contextmanager
def _reading(name: str):
    """Turn the operating system's complaints about one input into a one-line InputError."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None


def _open_text(name: str, path: Path, options: ReadOptions):
    """A corpus file as a text stream: UTF-8 (a BOM is skipped) unless --encoding says otherwise."""
    with _reading(name):
        try:
            return open(path, encoding=options.encoding or "utf-8-sig", errors="strict", newline="")
        except LookupError:
            raise InputError(f"{name}: unknown encoding {options.encoding!r}") from None


def _read_bytes(name: str, path: Path, options: ReadOptions) -> bytes:
    with _reading(name):
        size = path.stat().st_size
        if size > options.max_size:
            raise InputError(f"{name}: too large ({size / MB:.1f} MB, limit {options.max_size / MB:.0f} MB; see --max-size)")
        return path.read_bytes()


def _record(name: str, record: dict, n: int, options: ReadOptions) -> Document:
    column = options.text_column or "text"
    if not isinstance(record, dict) or column not in record:
        raise InputError(f"{name}: record {n} has no {column!r} column (choose one with --text-column)")
    ident = record.get(options.id_column) if options.id_column else n
    if options.id_column and options.id_column not in record:
        raise InputError(f"{name}: record {n} has no {options.id_column!r} column")
    if ident is None or (isinstance(ident, str) and not ident.strip()):
        # "file#None" or "file#" would name no record and merge every nameless one into one doc
        raise InputError(f"{name}: record {n} has no id (its {options.id_column!r} cell is empty or null)")
    value = record[column]
    if value is None:
        # a null cell (or a CSV row short of fields) is a record without text, not an empty article
        raise InputError(f"{name}: record {n} has no text (its {column!r} cell is missing or null)")
    if not isinstance(value, str):
        # str() of a list or an object would be read as if it were prose
        raise InputError(f"{name}: record {n}'s {column!r} cell is {type(value).__name__}, not text")
    if len(value) > options.max_size:
        raise InputError(f"{name}: record {n} is too large ({len(value) / MB:.1f} M characters; see --max-size)")
    return Document(f"{name}#{ident}", value, _record_date(name, record, n, options.date_column))


def _record_date(name: str, record: dict, n: int, column: str | None) -> str:
    """The date a record's --date-column cell gives; "" for an empty cell (the record then
    has no date of its own), an error for a cell that holds something else."""
    if not column:
        return ""
    if column not in record:
        raise InputError(f"{name}: record {n} has no {column!r} column")
    cell = record[column]
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return ""
    date = read_date(str(cell))  # a Parquet date or timestamp prints as ISO
    if not date:
        raise InputError(f"{name}: record {n}'s {column!r} cell {str(cell)[:40]!r} is not a date ({READ_DATE_FORMS})")
    return date


def _jsonl(name: str, stream, options: ReadOptions) -> Iterator[Document | InputError]:
    for n, line in _lines(name, stream):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{name}: line {n} is not JSON ({e.msg})")
            continue
        yield _safe_record(name, record, n, options)


def _safe_record(name: str, record, n: int, options: ReadOptions) -> Document | InputError:
    try:
        return _record(name, record, n, options)
    except InputError as e:
        return e


def _lines(name: str, stream) -> Iterator[tuple[int, str]]:
    n = 0
    try:
        for n, line in enumerate(stream, 1):
            yield n, line
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: line {n + 1} is not valid {stream.encoding} ({e.reason}); give --encoding") from None


def _csv(name: str, stream, options: ReadOptions, delimiter: str) -> Iterator[Document | InputError]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader((line for _, line in _lines(name, stream)), delimiter=delimiter)
    for n, record in enumerate(reader, 1):
        yield _safe_record(name, record, n, options)


def _parquet(name: str, path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except Exception as e:  # pyarrow raises its own error types for corrupt files
        raise InputError(f"{name}: not a readable Parquet file ({e})") from None
    column = options.text_column or "text"
    columns = [column] + [c for c in (options.id_column, options.date_column) if c]
    missing = [c for c in columns if c not in handle.schema_arrow.names]
    if missing:
        raise InputError(f"{name}: no {missing[0]!r} column (columns: {', '.join(handle.schema_arrow.names)})")
    n = 0
    for batch in handle.iter_batches(columns=columns, batch_size=1024):
        for record in batch.to_pylist():
            n += 1
            yield _safe_record(name, record, n, options)


def all_documents(paths: list[str], options: ReadOptions) -> Iterator[Document | InputError]:
    """Every document behind every input, in order, with errors in the place of what failed."""
    for name, path in expand(paths, options):
        try:
            yield from documents(name, path, options)
        except InputError as e:
            yield e
