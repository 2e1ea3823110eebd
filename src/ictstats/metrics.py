"""Stage 6a — metrics: which indicator of the taxonomy a number measures (SPEC §5).

The taxonomy is data (``lexicon/taxonomy.toml``); ``--taxonomy FILE`` adds or
overrides entries. A number gets a metric from, in order: a cue in its own
words after it ("509.262 tên miền quốc gia"), its counted noun ("1 triệu lao
động"), the nearest cue before it in its clause, a cue after it in the clause,
the metric of the number before it in the sentence, then a cue earlier in the
paragraph. The metric must take the number's unit (``%`` only for rates or
with a change). Nothing found leaves the metric empty rather than guessing.
"""
from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from .cues import PhraseSet, Words, find_all  # noqa: F401  (find_all re-exported for context)
from .lexicon import load, with_tone_variants


@dataclass(frozen=True)
class Metric:
    id: str
    description: str
    cues: tuple[str, ...]
    units: tuple[str, ...]
    change_units: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    item_cues: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # lower-cased once: every counted number of a document is checked against every metric
    _items_lower: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _item_cues_lower: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_items_lower", tuple(i.lower() for i in self.items))
        object.__setattr__(self, "_item_cues_lower", tuple(c.lower() for c in self.item_cues))

    def __hash__(self) -> int:
        # the taxonomy tuple keys cached look-ups once per document; hashing every field of
        # 35 metrics each time cost more than the look-up (equality still compares all fields)
        return hash(self.id)

    def takes(self, unit: str, change: str) -> bool:
        return unit in self.units or bool(change and unit in self.change_units)

    def counts(self, item: str) -> bool:
        """Whether a count of ``item`` (lower case) can be this metric: it is, or starts with, one of its items."""
        return not self.items or item.startswith(self._items_lower)

    def is_own_item(self, item: str) -> bool:
        """Whether ``item`` (lower case) is exactly one of this metric's items."""
        return item in self._items_lower

    def named_by_item(self, item: str) -> bool:
        """Whether ``item`` (lower case) starts with one of the nouns that name this metric."""
        return item.startswith(self._item_cues_lower)


class TaxonomyError(ValueError):
    """A user taxonomy file that cannot be used; the message names it."""


def _metric(entry: dict, source: str) -> Metric:
    try:
        return Metric(
            id=entry["id"],
            description=entry.get("description", ""),
            cues=tuple(entry.get("cues", ())),
            units=tuple(entry.get("units", ())),
            change_units=tuple(entry.get("change_units", ())),
            items=tuple(entry.get("items", ())),
            item_cues=tuple(entry.get("item_cues", ())),
            exclude=tuple(entry.get("exclude", ())),
        )
    except KeyError as e:
        raise TaxonomyError(f"{source}: a [[metric]] has no {e.args[0]!r}") from None


@functools.cache
def taxonomy(extra_files: tuple[str, ...] = ()) -> tuple[Metric, ...]:
    """The built-in taxonomy, with entries from ``extra_files`` added or replacing by id."""
    by_id = {m.id: m for m in (_metric(e, "taxonomy.toml") for e in load("taxonomy")["metric"])}
    for path in extra_files:
        try:
            data = with_tone_variants(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except OSError as e:
            raise TaxonomyError(f"{path}: cannot read ({e.strerror or e})") from None
        except tomllib.TOMLDecodeError as e:
            raise TaxonomyError(f"{path}: not valid TOML ({e})") from None
        for entry in data.get("metric", []):
            m = _metric(entry, path)
            by_id[m.id] = m
    return tuple(by_id.values())


@functools.lru_cache(maxsize=8192)  # bounded: a corpus brings an open set of nouns
def metrics_named_by(item: str, taxonomy_files: tuple[str, ...] = ()) -> tuple[Metric, ...]:
    """The metrics of ``taxonomy(taxonomy_files)``, in order, that a count of ``item`` (lower
    case) names by its noun.

    Every counted number asks this of every metric; the nouns repeat across a corpus.
    (Keyed by the file names: hashing the metrics themselves takes about 3 µs, most of
    what the loop costs, the file names a tenth of a microsecond.)"""
    return tuple(m for m in taxonomy(taxonomy_files) if m.named_by_item(item))


def cue_head(cue: str) -> str:
    """A cue's first two words, lower-cased: the head a later clause may leave out ("doanh thu"
    of "doanh thu viễn thông")."""
    return " ".join(cue.lower().split()[:2])


@functools.cache
def elided_cues(taxonomy_files: tuple[str, ...] = ()) -> tuple[tuple[str, str, Metric], ...]:
    """(rest, head, metric) of every cue of three words or more, split after its first two
    words, longest rest first: what a clause writes when it leaves out the head that the
    clause before it named ("doanh thu bưu chính đạt 500 tỷ đồng, viễn thông đạt 2.700 tỷ
    đồng": "viễn thông" is the rest of "doanh thu viễn thông").

    >>> [(rest, head) for rest, head, m in elided_cues() if m.id == "telecom.revenue"][:2]
    [('lĩnh vực viễn thông', 'doanh thu'), ('dịch vụ viễn thông', 'doanh thu')]
    """
    out = []
    for metric in taxonomy(taxonomy_files):
        for cue in metric.cues:
            words = cue.lower().split()
            if len(words) >= 3 and "..." not in words:
                out.append((" ".join(words[2:]), cue_head(cue), metric))
    return tuple(sorted(out, key=lambda entry: -len(entry[0])))


class CueHit(NamedTuple):
    start: int
    end: int
    metric: Metric
    cue: str


@functools.cache
def _phrase_sets(metrics: tuple[Metric, ...]) -> tuple[PhraseSet, list[Metric], PhraseSet, list[Metric]]:
    """Every cue of every metric as one PhraseSet, and every exclude phrase as another,
    with the metric each phrase belongs to (in taxonomy order, then cue order)."""
    cues = [(cue, metric) for metric in metrics for cue in metric.cues]
    excludes = [(phrase, metric) for metric in metrics for phrase in metric.exclude]
    return (
        PhraseSet([c for c, _ in cues]), [m for _, m in cues],
        PhraseSet([c for c, _ in excludes]), [m for _, m in excludes],
    )


def looked_up_words(metrics: tuple[Metric, ...]) -> frozenset[str]:
    """The words this stage looks up in a document's Words."""
    cues, _, excludes, _ = _phrase_sets(metrics)
    return cues.looked_up | excludes.looked_up


def cue_hits(words: Words, bound: Callable[[int], int], metrics: tuple[Metric, ...]) -> tuple[list[CueHit], dict[str, list[tuple[int, int]]]]:
    """Every cue of every metric in a document, in order, minus those inside an exclude
    phrase of the same metric; and those exclude phrases, as (start, end) by metric id.
    ``bound(pos)`` is the end of the sentence around ``pos``."""
    cues, cue_metric, excludes, exclude_metric = _phrase_sets(metrics)
    blocked: dict[str, list[tuple[int, int]]] = {}
    for s, e, i in excludes.hits(words, bound):
        blocked.setdefault(exclude_metric[i].id, []).append((s, e))
    hits = []
    for s, e, i in cues.hits(words, bound):
        metric = cue_metric[i]
        if not any(bs <= s < be for bs, be in blocked.get(metric.id, ())):
            hits.append(CueHit(s, e, metric, cues.phrases[i]))
    return hits, blocked
