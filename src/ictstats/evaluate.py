"""Scoring predictions against gold annotations in the SPEC §9 format.

A gold set is a directory with ``docs/*.txt`` and ``gold.jsonl``; each gold line
names its doc, the number as written (``anchor``) and a unique ``context`` that
contains it (or the anchor's ``occurrence``), and the expected fields. A
prediction matches a gold mention when their spans overlap (largest overlap
first, one to one); strict counts a match only when value, value_max and unit
are right. This mirrors the project's shared ``score.py`` so the figures agree.
"""
from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .inputs import InputError, decode, path_test

FIELDS = ("qualifier", "change", "metric", "period", "status", "item")


class GoldError(ValueError):
    """A gold set that cannot be read; the message names the file and line."""


def _norm(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return v.strip() if isinstance(v, str) else v


def _num(v):
    v = _norm(v)
    if v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def same_number(a, b) -> bool:
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _boundary_ok(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if before in ".," and i >= 2 and text[i - 2].isdigit():
        return False
    if after in ".," and j + 1 < len(text) and text[j + 1].isdigit():
        return False
    return True


def _find_anchor(text: str, anchor: str, start: int = 0, end: int | None = None, nth: int = 1):
    end = len(text) if end is None else end
    seen, i = 0, text.find(anchor, start, end)
    while i != -1:
        j = i + len(anchor)
        if _boundary_ok(text, i, j):
            seen += 1
            if seen == nth:
                return i, j
        i = text.find(anchor, i + 1, end)
    return None


def locate(text: str, gold: dict) -> tuple[int, int]:
    """The [start, end) of a gold mention's anchor in its document."""
    anchor, context = gold["anchor"], gold.get("context")
    if context:
        c = unicodedata.normalize("NFC", context)
        k = text.find(c)
        if k == -1 or text.find(c, k + 1) != -1:
            raise ValueError(f"context not found once: {context!r}")
        span = _find_anchor(text, anchor, k, k + len(c))
    else:
        span = _find_anchor(text, anchor, nth=int(gold.get("occurrence", 1)))
    if span is None:
        raise ValueError(f"anchor not found: {anchor!r} ({context or gold.get('occurrence', 1)})")
    return span


def load_gold(gold_dir: Path) -> tuple[dict[str, str], list[dict]]:
    docs_dir = gold_dir / "docs"
    if not path_test(Path.is_dir, docs_dir) or not path_test(Path.is_file, gold_dir / "gold.jsonl"):
        raise GoldError(f"{gold_dir}: a gold set needs docs/ and gold.jsonl")
    docs = {}
    for p in sorted(docs_dir.iterdir()):
        if p.is_file():
            # read as extract reads them (encoding detected), or the offsets would not agree
            try:
                docs[p.name] = unicodedata.normalize("NFC", decode(p.read_bytes(), str(p)))
            except InputError as e:
                raise GoldError(str(e)) from None
            except OSError as e:
                raise GoldError(f"{p}: cannot read ({e.strerror or e})") from None
    gold = []
    with (gold_dir / "gold.jsonl").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                g = json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldError(f"{gold_dir / 'gold.jsonl'}:{n}: not JSON ({e.msg})") from None
            missing = [key for key in ("doc", "anchor") if not isinstance(g, dict) or not isinstance(g.get(key), str)]
            if missing:
                raise GoldError(f"{gold_dir / 'gold.jsonl'}:{n}: no {missing[0]!r} string (each line is an object with doc, anchor and the expected fields)")
            if not isinstance(g.get("context") or "", str):
                raise GoldError(f"{gold_dir / 'gold.jsonl'}:{n}: 'context' is not a string")
            g["anchor"] = unicodedata.normalize("NFC", g["anchor"])
            if g["doc"] not in docs:
                raise GoldError(f"{gold_dir / 'gold.jsonl'}:{n}: unknown doc {g['doc']}")
            try:
                g["span"] = locate(docs[g["doc"]], g)
            except (ValueError, TypeError) as e:  # TypeError: an occurrence of the wrong type
                raise GoldError(f"{gold_dir / 'gold.jsonl'}:{n}: {e}") from None
            gold.append(g)
    return docs, gold


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = g["span"]
        for pi, p in enumerate(pred):
            if p["doc"] != g["doc"]:
                continue
            overlap = min(ge, p["end"]) - max(gs, p["start"])
            if overlap > 0:
                pairs.append((-overlap, abs(p["start"] - gs), gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Report:
    summary: dict
    misses: list = field(default_factory=list)  # gold dicts
    extras: list = field(default_factory=list)  # prediction dicts
    wrong: list = field(default_factory=list)  # (gold, prediction, [field, ...])


def score(docs: dict[str, str], gold: list[dict], predictions: list[dict]) -> Report:
    pred = [p for p in predictions if p["doc"] in docs]
    pairs = match(gold, pred)
    strict = value_ok = unit_ok = metric_tp = 0
    field_ok = {f: 0 for f in FIELDS}
    report = Report({})
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        v_ok = same_number(g["value"], p.get("value")) and same_number(g.get("value_max"), p.get("value_max"))
        u_ok = _norm(g.get("unit")) == _norm(p.get("unit"))
        value_ok += v_ok
        unit_ok += u_ok
        strict += v_ok and u_ok
        bad = [] if v_ok and u_ok else ["value" if not v_ok else "unit"]
        for f in FIELDS:
            want, got = _norm(g.get(f)), _norm(p.get(f))
            if f == "item":
                want, got = str(want).lower(), str(got).lower()
            ok = want == got
            field_ok[f] += ok
            if not ok and f != "item":
                bad.append(f)
        if _norm(g.get("metric")) and _norm(g.get("metric")) == _norm(p.get("metric")):
            metric_tp += 1
        if bad:
            report.wrong.append((g, p, bad))
    n_gold, n_pred, n_match = len(gold), len(pred), len(pairs)
    gold_metric = sum(1 for g in gold if _norm(g.get("metric")))
    pred_metric = sum(1 for p in pred if _norm(p.get("metric")))
    report.summary = {
        "docs": len(docs), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "detection": _prf(n_match, n_pred, n_gold),
        "strict": _prf(strict, n_pred, n_gold),
        "value_acc": value_ok / n_match if n_match else 0.0,
        "unit_acc": unit_ok / n_match if n_match else 0.0,
        "field_acc": {f: (field_ok[f] / n_match if n_match else 0.0) for f in FIELDS},
        "metric": _prf(metric_tp, pred_metric, gold_metric),
    }
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    report.misses = [g for gi, g in enumerate(gold) if gi not in matched_g]
    report.extras = [p for pi, p in enumerate(pred) if pi not in matched_p]
    return report


def summary_lines(s: dict) -> list[str]:
    acc = s["field_acc"]
    return [
        f"docs {s['docs']}  gold {s['gold']}  predicted {s['predicted']}  matched {s['matched']}",
        f"detection  P {s['detection']['p']:.3f}  R {s['detection']['r']:.3f}  F1 {s['detection']['f1']:.3f}",
        f"strict     P {s['strict']['p']:.3f}  R {s['strict']['r']:.3f}  F1 {s['strict']['f1']:.3f}   (span + value + unit)",
        "accuracy on matches: value {:.3f}  unit {:.3f}  ".format(s["value_acc"], s["unit_acc"]) + "  ".join(f"{f} {acc[f]:.3f}" for f in FIELDS),
        f"metric     P {s['metric']['p']:.3f}  R {s['metric']['r']:.3f}  F1 {s['metric']['f1']:.3f}   (non-empty metric ids)",
        f"strict F1 {s['strict']['f1']:.3f}",
    ]


def error_lines(report: Report, docs: dict[str, str]) -> list[str]:
    out = []
    for g in report.misses:
        s, e = g["span"]
        ctx = docs[g["doc"]][max(0, s - 40):e + 40].replace("\n", " ")
        out.append(f"MISS  {g['doc']}:{s} {g['anchor']!r} want {g['value']} {g.get('unit')}  | {ctx}")
    for p in report.extras:
        out.append(f"EXTRA {p['doc']}:{p['start']} {p.get('surface', '')!r} -> {p.get('value')} {p.get('unit')}")
    for g, p, bad in report.wrong:
        fields = (["value", "value_max", "unit"] if bad[0] in ("value", "unit") else []) + [b for b in bad if b not in ("value", "unit")]
        diffs = ", ".join(f"{f}: want {g.get(f)!r} got {p.get(f)!r}" for f in fields)
        out.append(f"WRONG {g['doc']}:{g['span'][0]} {g['anchor']!r} {p.get('surface', '')!r}: {diffs}")
    return out
