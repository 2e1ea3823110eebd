"""Load the word lists that drive every rule (the TOML files in ``lexicon/``).

Lexicons are data so that users can read and extend them without touching the
engine. Each file is parsed once per process.
"""
from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

import regex


@functools.cache
def load(name: str) -> dict:
    """Return the parsed ``lexicon/<name>.toml``."""
    with resources.files("ictstats").joinpath("lexicon", f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def words_alternation(words, *, flags: str = "i") -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of spaces."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    escaped = [regex.escape(w).replace(r"\ ", r"\s+") for w in parts]
    return f"(?{flags}:{'|'.join(escaped)})" if flags else f"(?:{'|'.join(escaped)})"


def word_gate(phrases, *, last: bool = False) -> re.Pattern:
    """A literal search for the lower-cased first (or ``last``) words of ``phrases``.

    A regex made of the phrases cannot match in a lower-cased window where this finds
    nothing, and most windows around numbers hold no cue at all: the stdlib ``re`` runs a
    plain literal alternation several times faster than the cue regex (or ``regex``)."""
    words = {p.split()[-1 if last else 0].lower() for p in phrases if p.strip()}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def compile_before(pattern: str) -> regex.Pattern:
    """Compile a pattern for the words right before a position (it ends with ``$``) to be
    searched backwards: ``p.search(text, lo, pos)`` tries the match ending at ``pos``
    first, where a forward search would try every start in ``text[lo:pos]``. A look-behind
    still sees the text before ``lo``, and ``^`` matches only at the start of the text."""
    return regex.compile("(?r)" + pattern)


@functools.cache
def word_set(name: str, *path: str) -> frozenset[str]:
    """A lower-cased set of phrases at ``path`` in lexicon ``name``."""
    node = load(name)
    for key in path:
        node = node[key]
    return frozenset(w.lower() for w in node)
