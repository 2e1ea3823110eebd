"""Cue phrases from the lexicons: compiled to regexes ("..." is a short gap of words),
and found in a whole document at once from its word index.

Searching a sentence with one regex per phrase costs a scan per phrase; instead a
document's words and plain phrases are looked up in one Aho-Corasick pass over its
lower-cased text, and a regex runs only for a phrase with a gap (at its first word)
or where a phrase may be written with irregular spaces.

>>> text = "Tỷ lệ ứng dụng IPv6 đạt 53%; doanh thu dự kiến đạt 118 tỷ USD."
>>> phrases = PhraseSet(["tỷ lệ ... IPv6", "dự kiến", "dự kiến đạt"])
>>> [(text[s:e], phrases.phrases[i]) for s, e, i in phrases.hits(Words(text), lambda pos: len(text))]
[('Tỷ lệ ứng dụng IPv6', 'tỷ lệ ... IPv6'), ('dự kiến', 'dự kiến'), ('dự kiến đạt', 'dự kiến đạt')]
"""
from __future__ import annotations

import bisect
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
def _automaton(vocabulary: frozenset[str]) -> tuple[ahocorasick.Automaton, tuple[str, ...]]:
    """The automaton, whose values are (index in the word tuple, length), and the words."""
    words = tuple(sorted(vocabulary))
    automaton = ahocorasick.Automaton()
    for i, word in enumerate(words):
        automaton.add_word(word, (i, len(word)))
    automaton.make_automaton()
    return automaton, words


class Words:
    """Where words occur in one document, as whole words and case-insensitively.

    The ``vocabulary`` (lower-case words, or phrases of words joined by one space,
    that every stage will ask for) is found in one Aho-Corasick pass over the
    lower-cased text, any whitespace read as a space; any other word is searched
    when first asked for. Either way each word is searched once.

    >>> Words("Năm nay, năm 2020 và cả trăm năm", frozenset({"năm", "trăm"})).positions("năm")
    [0, 9, 29]
    >>> Words("Năm nay, năm 2020").positions("nay")
    [4]
    >>> Words("doanh\u00a0thu, doanh  thu", frozenset({"doanh thu"})).positions("doanh thu")
    [0]
    """

    def __init__(self, text: str, vocabulary: frozenset[str] = frozenset()):
        self.text = text
        lower = text.lower()
        # a character whose lower case is longer would shift offsets: search with regexes then
        self.lower = lower if len(lower) == len(text) else None
        # a space for any whitespace but a line break, so "doanh\xa0thu" is the phrase "doanh thu"
        # (no phrase crosses a line break: lines end sentences)
        flat = self.lower
        if flat is not None:
            for c in _OTHER_SPACES:
                if c in flat:
                    flat = flat.replace(c, " ")
        self._flat = flat
        self._found: dict[str, list[int]] = {}
        #: vocabulary words that do not occur: most of any phrase list, skipped at once
        self._absent: frozenset[str] = frozenset()
        self._space_runs: list[int] | None = None
        if vocabulary and self._flat is not None:
            automaton, keys = _automaton(vocabulary)
            found = [[] for _ in keys]
            # a space on each side, so the whole-word test (as _whole_word) needs no bounds checks;
            # a match ending at `last` of the padded text starts at `last - length` of the flat one
            padded = " " + self._flat + " "
            for last, (i, length) in automaton.iter(padded):
                if not padded[last + 1].isalnum() and not padded[last - length].isalnum():
                    found[i].append(last - length)
            self._found = dict(zip(keys, found))
            self._absent = frozenset(k for k, at in self._found.items() if not at)

    def present(self, words: frozenset[str]) -> frozenset[str]:
        """Those of ``words`` that may occur: all but the vocabulary words found absent."""
        return words - self._absent

    def positions(self, word: str) -> list[int]:
        """Start offsets of ``word`` (given in lower case, words joined by one space), in order."""
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = self._search(word)
        return found

    def space_runs(self) -> list[int]:
        """Where two or more whitespace characters stand together within a line: the only
        places a phrase can be written other than with single spaces."""
        if self._space_runs is None:
            runs, flat = [], self._flat
            i = flat.find("  ")
            while i != -1:
                runs.append(i)
                i = flat.find("  ", i + 1)
            self._space_runs = runs
        return self._space_runs

    def _search(self, word: str) -> list[int]:
        flat = self._flat
        if flat is None:
            return [m.start() for m in cue_regex(word).finditer(self.text)]
        out = []
        i = flat.find(word)
        while i != -1:
            if _whole_word(flat, i, i + len(word)):
                out.append(i)
            i = flat.find(word, i + 1)
        return out


# What `regex` reads as \s, except the space and the line break (str.isspace adds \x1c-\x1f).
_OTHER_SPACES = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n" and regex.match(r"\s", c))


def _whole_word(lower: str, start: int, end: int) -> bool:
    """No letter or digit on either side of lower[start:end] ("an" is not inside "toàn")."""
    return (start == 0 or not lower[start - 1].isalnum()) and not lower[end:end + 1].isalnum()


class PhraseSet:
    """A list of cue phrases, found in a document from the Words index.

    A phrase of plain words is itself a key of the index: its occurrences written with
    single spaces come from the document's one Aho-Corasick pass, and its regex runs
    only where two whitespace characters stand inside it. A phrase with a gap
    ("tỷ lệ ... IPv6") is tried with its regex where its first word stands."""

    def __init__(self, phrases: Sequence[str]):
        self.phrases = tuple(phrases)
        self._regexes = [cue_regex(p) for p in self.phrases]
        #: lower-cased phrase -> indexes, for phrases matched as one key of the index
        self._literal: dict[str, list[int]] = {}
        #: first word -> indexes, for phrases tried with their regex
        self._by_first: dict[str, list[int]] = {}
        #: first word -> (index, length) of the literal phrases of several words
        self._spaced: dict[str, list[tuple[int, int]]] = {}
        # " thu" for "doanh thu": what must follow the first word after one space (None: no check)
        self._then: list[str | None] = []
        self._first: list[str] = []
        # "ipv6" for "tỷ lệ ... IPv6": a word that must stand after the gap, before the bound
        self._after_gap: dict[int, str] = {}
        for i, phrase in enumerate(self.phrases):
            phrase = phrase.strip()
            words = phrase.lower().split()
            self._first.append(words[0])
            if "..." in phrase:
                self._after_gap[i] = phrase.lower().split("...")[-1].split()[0]
            self._then.append(" " + words[1] if len(words) > 1 and "..." not in words[:2] else None)
            key = " ".join(words)
            if "..." not in phrase and key == phrase.lower() and len(key) == len(phrase):
                self._literal.setdefault(key, []).append(i)
                if len(words) > 1:
                    self._spaced.setdefault(words[0], []).append((i, len(key)))
            else:
                self._by_first.setdefault(words[0], []).append(i)
        self._literal_keys, self._first_keys, self._spaced_keys = frozenset(self._literal), frozenset(self._by_first), frozenset(self._spaced)
        self._spaced_longest = {first: max(length for _, length in entries) for first, entries in self._spaced.items()}
        #: every key this set looks up in a document's Words
        self.looked_up = self._first_keys | self._literal_keys | self._spaced_keys | frozenset(self._after_gap.values())

    def hits(self, words: Words, bound: Callable[[int], int]) -> list[tuple[int, int, int]]:
        """(start, end, phrase index) of every match, in order of start.

        ``bound(pos)`` is where a match starting at ``pos`` must end (its sentence's end).
        Like a scan with each phrase's regex, matches of one phrase never overlap."""
        text, lower = words.text, words.lower
        if lower is None:  # offsets of the lower-cased text drift: regexes at every first word
            tries = [(pos, i, -1) for i, first in enumerate(self._first) for pos in words.positions(first)]
        else:
            literal, by_first = self._literal, self._by_first
            tries = [(pos, i, pos + len(key)) for key in words.present(self._literal_keys) for pos in words.positions(key) for i in literal[key]]
            tries += [(pos, i, -1) for word in words.present(self._first_keys) for pos in words.positions(word) for i in by_first[word]]
            runs = words.space_runs()
            if runs:
                tries += self._spaced_tries(words, runs)
        tries.sort()
        covered = [0] * len(self.phrases)
        out = []
        for pos, i, end in tries:
            if pos < covered[i]:
                continue
            if end >= 0:  # found written with single spaces: it matches unless it crosses the bound
                if end > bound(pos):
                    continue
                covered[i] = end
                out.append((pos, end, i))
                continue
            then = self._then[i]
            if then is not None and lower is not None:
                # most tries fail on the second word: when one plain space follows the first
                # word, a string test settles that without running the regex
                after = pos + len(self._first[i])
                if lower[after:after + 1] == " " and not lower[after + 1:after + 2].isspace() and not lower.startswith(then, after):
                    continue
            end = bound(pos)
            if i in self._after_gap and lower is not None:
                # the gap regex tries up to ten words at each first word; the word after the
                # gap, looked up in the index, rules out most tries
                later = words.positions(self._after_gap[i])
                k = bisect.bisect_right(later, pos)
                if k == len(later) or later[k] >= end:
                    continue
            m = self._regexes[i].match(text, pos, end)
            if m:
                covered[i] = m.end()
                out.append((pos, m.end(), i))
        return out

    def _spaced_tries(self, words: Words, runs: list[int]) -> list[tuple[int, int, int]]:
        """Regex tries for the phrases of several words whose span holds a run of spaces."""
        tries = []
        spaced = self._spaced
        for first in words.present(self._spaced_keys):
            entries = spaced[first]
            longest = self._spaced_longest[first]
            positions = words.positions(first)
            # a document has a few runs: only the positions between (first run - longest) and
            # the last run can hold one
            lo = bisect.bisect_right(positions, runs[0] - longest)
            hi = bisect.bisect_left(positions, runs[-1])
            for pos in positions[lo:hi]:
                k = bisect.bisect_right(runs, pos)
                if runs[k] < pos + longest:
                    tries += [(pos, i, -1) for i, length in entries if runs[k] < pos + length]
        return tries
