"""The document as the extractor sees it: NFC text, its lines and its sentences."""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

import regex

# A sentence ends at a line break, or at . ! ? … followed by space and a capital,
# digit or opening quote. A dot between digits (1.000, 43.54) never ends one.
# The pattern starts at the stop itself (a look-behind would be tried at every position).
_SENTENCE_END = regex.compile(r"[.!?…][\"”’)]*\s+(?=[\p{Lu}\d“\"(\[‘'])|\n+")

CONTEXT_REACH = 2000


def normalize(text: str) -> str:
    """Unicode NFC, nothing else: offsets in rows index into this string."""
    return unicodedata.normalize("NFC", text)


@dataclass
class Layout:
    """Line and sentence boundaries of one document, for offset look-ups."""

    text: str
    line_starts: list[int] = field(init=False)
    sentence_bounds: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        text = self.text
        # str.find runs to the next line break at C speed, twice as fast as a regex scan
        starts, i = [0], text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.line_starts = starts
        bounds, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            stop = m.start() if text[m.start()] == "\n" else m.start() + 1  # the stop stays in its sentence
            if stop > start:
                bounds.append((start, stop))
            start = m.end()
        if start < len(self.text):
            bounds.append((start, len(self.text)))
        self.sentence_bounds = bounds
        self._sentence_starts = [s for s, _ in bounds]

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def line_span(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def sentence_span(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return self.line_span(offset)
        start, end = self.sentence_bounds[i]
        if offset >= end:  # between sentences (whitespace): use the line
            return self.line_span(offset)
        return start, end

    def sentence(self, offset: int) -> str:
        start, end = self.context_span(offset)
        return self.text[start:end].strip()

    def context_span(self, offset: int, reach: int = CONTEXT_REACH) -> tuple[int, int]:
        """The sentence around ``offset``, cut to ``reach`` characters either side.

        Real sentences are far shorter; the cut keeps work and output bounded on
        pathological input (a 10 MB line with no full stop)."""
        start, end = self.sentence_span(offset)
        return max(start, offset - reach), min(end, offset + reach)
