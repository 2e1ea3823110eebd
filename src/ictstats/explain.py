"""Why a row says what it says: every rule that fired, and every numeral turned down."""
from __future__ import annotations

from .config import DEFAULT, Config
from .extract import Scan, rows_of, scan


def explain(text: str, doc: str = "-", config: Config = DEFAULT) -> dict:
    """A JSON-ready account of one document: its mentions with their steps, and the rejections.

    >>> report = explain("Theo Nghị định số 47/2020/NĐ-CP, có hơn 16 triệu địa chỉ IPv4.")
    >>> [s["stage"] for s in report["mentions"][0]["steps"]]
    ['number', 'unit', 'qualifier', 'metric']
    >>> [(r["text"], r["reason"]) for r in report["rejected"]]
    [('47', 'legal.identifier'), ('2020', 'legal.identifier')]
    """
    result: Scan = scan(text, config)
    rows = rows_of(result, doc)
    mentions = []
    for row, mention in zip(rows, result.mentions):
        entry = {k: row.as_dict()[k] for k in ("surface", "start", "end", "line", "value", "value_max", "unit", "item", "qualifier", "change", "metric", "period", "status", "rule")}
        entry["steps"] = [{"stage": stage, "detail": detail} for stage, detail in mention.trace]
        mentions.append(entry)
    rejected = [{"text": r.text, "start": r.start, "end": r.end, "line": result.layout.line_of(r.start), "reason": r.reason} for r in result.rejections]
    rejected.sort(key=lambda r: r["start"])
    return {"doc": doc, "doc_date": result.doc_date, "mentions": mentions, "rejected": rejected}


REASONS = {
    "date": "a date", "time": "a time or time reference", "legal": "a legal or document identifier",
    "standard": "a standard", "version": "a version number", "tech": "a technology name",
    "file": "a file name", "url": "part of a URL", "email": "part of an e-mail address",
    "phone": "a phone number", "code": "a code", "event": "an anniversary", "ordinal": "an ordinal, not a quantity",
    "name": "part of a name", "furniture": "page furniture (alone on its line)", "bare": "no unit and no cue that it is a value",
    "vague": "a vague amount (hàng trăm, vài nghìn)", "spelled": "a spelled word that counts nothing",
    "overflow": "too large to be a number", "range": "part of a range", "level": "the name of a level (mức 2, cấp độ 3)",
    "idiom": "an idiom, not a quantity (tăng trưởng hai con số)",
    "rate": "the base of a rate named before its value (trên 100 dân)",
}


def describe(reason: str) -> str:
    """A reader's phrase for a rejection id: "date.dmy" -> "a date (date.dmy)"."""
    return f"{REASONS.get(reason.split('.')[0], reason)} ({reason})"
