"""Reading documents: paths, directories and stdin, with one clear error per bad input."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# Files a directory walk reads; a file named on the command line is read whatever its name.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True)
class Document:
    name: str  # as given on the command line ("-" for stdin)
    text: str


class InputError(Exception):
    """One input could not be read; the message names it and says why."""


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def expand(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """(name, path) for each input; directories are walked for text files; "-" is stdin."""
    for p in paths:
        if p == "-":
            yield p, None
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield str(child), child
        else:
            yield p, path


def skipped_in(paths: list[str]) -> list[str]:
    """Files inside the given directories that a walk does not read (so it can say so)."""
    out = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out += [str(c) for c in sorted(path.rglob("*")) if c.is_file() and c.suffix.lower() not in TEXT_SUFFIXES and not any(part.startswith(".") for part in c.relative_to(path).parts)]
    return out


def read(name: str, path: Path | None) -> Document:
    """The document behind one input, or InputError with a one-line reason."""
    if path is None:
        return Document(name, decode(sys.stdin.buffer.read(), "<stdin>"))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    return Document(name, decode(data, name))
