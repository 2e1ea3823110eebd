"""Load the word lists that drive every rule (the TOML files in ``lexicon/``).

Lexicons are data so that users can read and extend them without touching the
engine. Each file is parsed once per process.
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources

import regex


@functools.cache
def load(name: str) -> dict:
    """Return the parsed ``lexicon/<name>.toml``, every word list with its tone variants."""
    with resources.files("ictstats").joinpath("lexicon", f"{name}.toml").open("rb") as f:
        return with_tone_variants(tomllib.load(f))


# Vietnamese writes the tone of an open syllable ending in "oa", "oe" or "uy" on either vowel:
# "hóa" and "hoá", "lũy" and "luỹ", "khỏe" and "khoẻ" (old and new style; the same news
# site uses both). With a final consonant the place is fixed ("hoàn", "khoảng", "quyết").
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _place_tone(syllable: str, on_last: bool) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) != 1:
        return syllable
    bare = decomposed.replace(tones[0], "")
    lower = bare.lower()
    # "quý": "qu" is a consonant, "y" the only vowel
    if not lower.endswith(("oa", "oe", "uy")) or lower.endswith("quy"):
        return syllable
    at = len(bare) if on_last else len(bare) - 1
    return unicodedata.normalize("NFC", bare[:at] + tones[0] + bare[at:])


def tone_variants(phrase: str) -> list[str]:
    """``phrase`` and its spellings with the tones of such syllables on the first vowel, then
    on the last (a text keeps to one style).

    >>> tone_variants("số hóa")
    ['số hóa', 'số hoá']
    >>> tone_variants("luỹ kế")
    ['luỹ kế', 'lũy kế']
    >>> tone_variants("quý"), tone_variants("hoàn thành")
    (['quý'], ['hoàn thành'])
    """
    out = [phrase]
    for on_last in (False, True):
        variant = _LETTER_RUN.sub(lambda m: _place_tone(m.group(), on_last), phrase)
        if variant not in out:
            out.append(variant)
    return out


def with_tone_variants(node):
    """A parsed lexicon whose lists of words also hold each word's tone variants (after the
    words, in their order), so that a list written in one style finds text in the other."""
    if isinstance(node, dict):
        return {key: with_tone_variants(value) for key, value in node.items()}
    if isinstance(node, list):
        if node and all(isinstance(x, str) for x in node):
            return list(dict.fromkeys([*node, *(v for x in node for v in tone_variants(x)[1:])]))
        return [with_tone_variants(x) for x in node]
    return node


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
    """Compile a pattern for the words right before a position (it ends with ``\\Z``) to be
    searched backwards: ``p.search(text, lo, pos)`` tries the match ending at ``pos``
    first, where a forward search would try every start in ``text[lo:pos]``. A look-behind
    still sees the text before ``lo``, and ``^`` matches only at the start of the text.
    (``$`` would also match before a line break that ends the window: a number opening a
    line would take the cue that ends the line before, "KẾT QUẢ ĐẠT ĐƯỢC" / "1. Bưu chính".)"""
    return regex.compile("(?r)" + pattern)


def words_right_before(words) -> regex.Pattern:
    """One of ``words``, whole at its left and followed only by spaces, right before a
    position: ``p.search(text, lo, pos)`` (compiled as ``compile_before`` says).

    >>> words_right_before(["top"]).search("lọt vào top 10", 0, 12).group()
    'top '
    >>> words_right_before(["top"]).search("laptop 10", 0, 7) is None
    True
    >>> words_right_before(["top"]).search("Thị trường: top\\n10", 0, 16) is None  # the line before
    True
    """
    return compile_before(r"(?:^|(?<=[^\p{L}]))" + words_alternation(words) + r"[ \t\u00a0]*\Z")


@functools.cache
def word_set(name: str, *path: str) -> frozenset[str]:
    """A lower-cased set of phrases at ``path`` in lexicon ``name``."""
    node = load(name)
    for key in path:
        node = node[key]
    return frozenset(w.lower() for w in node)
