"""Cue phrases from the lexicons: compiled to regexes ("..." is a short gap of words),
and found in a whole document at once from the occurrences of their first words.

Searching a sentence with one regex per phrase costs a scan per phrase; instead a
document's words are looked up once (plain substring search on its lower-cased
text) and each phrase is tried only where its first word stands.

>>> text = "Tỷ lệ ứng dụng IPv6 đạt 53%; doanh thu dự kiến đạt 118 tỷ USD."
>>> phrases = PhraseSet(["tỷ lệ ... IPv6", "dự kiến", "dự kiến đạt"])
>>> [(text[s:e], phrases.phrases[i]) for s, e, i in phrases.hits(Words(text), lambda pos: len(text))]
[('Tỷ lệ ứng dụng IPv6', 'tỷ lệ ... IPv6'), ('dự kiến', 'dự kiến'), ('dự kiến đạt', 'dự kiến đạt')]
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import ahocorasick
import regex

# "tỷ lệ ... IPv6": up to ten words between, never across ; or a sentence end.
_GAP = r"[,:]?(?:[^\S\n]+[^\s;.!?]+){0,10}?[^\S\n]+"


@functools.cache
def cue_regex(phrase: str) -> regex.Pattern:
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrase.split("...")]
    return regex.compile(r"(?i)(?<![\p{L}\p{N}])" + _GAP.join(parts) + r"(?![\p{L}\p{N}])")


def find_all(phrases, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every match of every phrase in text[start:end]."""
    end = len(text) if end is None else end
    hits = []
    for p in phrases:
        for m in cue_regex(p).finditer(text, start, end):
            hits.append((m.start(), m.end(), p))
    return hits


@functools.cache
def _automaton(vocabulary: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in vocabulary:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class Words:
    """Where words occur in one document, as whole words and case-insensitively.

    The ``vocabulary`` (lower-case words every stage will ask for) is found in one
    Aho-Corasick pass over the lower-cased text; any other word is searched when
    first asked for. Either way each word is searched once.

    >>> Words("Năm nay, năm 2020 và cả trăm năm", frozenset({"năm", "trăm"})).positions("năm")
    [0, 9, 29]
    >>> Words("Năm nay, năm 2020").positions("nay")
    [4]
    """

    def __init__(self, text: str, vocabulary: frozenset[str] = frozenset()):
        self.text = text
        lower = text.lower()
        # a character whose lower case is longer would shift offsets: search with regexes then
        self.lower = lower if len(lower) == len(text) else None
        self._found: dict[str, list[int]] = {}
        if vocabulary and self.lower is not None:
            found = self._found = {word: [] for word in vocabulary}
            for last, word in _automaton(vocabulary).iter(lower):
                if _whole_word(lower, last + 1 - len(word), last + 1):
                    found[word].append(last + 1 - len(word))

    def positions(self, word: str) -> list[int]:
        """Start offsets of ``word`` (given in lower case), in order."""
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = self._search(word)
        return found

    def _search(self, word: str) -> list[int]:
        lower = self.lower
        if lower is None:
            return [m.start() for m in cue_regex(word).finditer(self.text)]
        out = []
        i = lower.find(word)
        while i != -1:
            if _whole_word(lower, i, i + len(word)):
                out.append(i)
            i = lower.find(word, i + 1)
        return out


def _whole_word(lower: str, start: int, end: int) -> bool:
    """No letter or digit on either side of lower[start:end] ("an" is not inside "toàn")."""
    return (start == 0 or not lower[start - 1].isalnum()) and not lower[end:end + 1].isalnum()


class PhraseSet:
    """A list of cue phrases, found in a document from the positions of their first words."""

    def __init__(self, phrases: Sequence[str]):
        self.phrases = tuple(phrases)
        self._regexes = [cue_regex(p) for p in self.phrases]
        self._by_first: dict[str, list[int]] = {}
        # " thu" for "doanh thu": what must follow the first word after one space (None: no check)
        self._then: list[str | None] = []
        self._first_len: list[int] = []
        for i, phrase in enumerate(self.phrases):
            words = phrase.lower().split()
            self._by_first.setdefault(words[0], []).append(i)
            self._first_len.append(len(words[0]))
            self._then.append(" " + words[1] if len(words) > 1 and "..." not in words[:2] else None)
        #: the first word of every phrase, lower-cased: where the phrases are tried
        self.first_words = frozenset(self._by_first)

    def hits(self, words: Words, bound: Callable[[int], int]) -> list[tuple[int, int, int]]:
        """(start, end, phrase index) of every match, in order of start.

        ``bound(pos)`` is where a match starting at ``pos`` must end (its sentence's end).
        Like a scan with each phrase's regex, matches of one phrase never overlap."""
        text, lower = words.text, words.lower
        tries = sorted((pos, i) for word, indexes in self._by_first.items() for pos in words.positions(word) for i in indexes)
        covered = [0] * len(self.phrases)
        out = []
        for pos, i in tries:
            if pos < covered[i]:
                continue
            then = self._then[i]
            if then is not None and lower is not None:
                # most tries fail on the second word: when one plain space follows the first
                # word, a string test settles that without running the regex
                after = pos + self._first_len[i]
                if lower[after:after + 1] == " " and not lower[after + 1:after + 2].isspace() and not lower.startswith(then, after):
                    continue
            m = self._regexes[i].match(text, pos, bound(pos))
            if m:
                covered[i] = m.end()
                out.append((pos, m.end(), i))
        return out
