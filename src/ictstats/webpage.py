"""HTML pages reduced to the text a reader sees: scripts, styles and navigation dropped,
and the date the page says it was published."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple

from .config import read_date

# Content of these elements is never part of the article.
SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg", "head", "iframe", "form", "button", "select"})
# These start a new line of text.
BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "blockquote", "pre", "hr", "main", "figure", "figcaption", "dd", "dt", "title",
})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"})


# <meta> names (property=, name= or itemprop=) that news sites give the publication date,
# most specific first
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.created", "date",
)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


class Page(NamedTuple):
    text: str  # the visible text, one block per line
    published: str  # the date (YYYY-MM-DD, or coarser) the page's metadata gives, "" when none


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.meta: dict[str, str] = {}  # published-date candidates by their <meta> name
        self.json_ld = ""  # the first JSON-LD datePublished
        self.time_tag = ""  # the first <time datetime=...>
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        if tag in ("meta", "time", "script"):
            self._note_date(tag, dict(attrs))
        if tag in SKIP and tag not in VOID:
            self.skip_depth += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def _note_date(self, tag: str, attrs: dict) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            date = read_date(attrs.get("content") or "")
            if key in PUBLISHED_META and date:
                self.meta.setdefault(key, date)
        elif tag == "time":
            date = read_date(attrs.get("datetime") or "")
            self.time_tag = self.time_tag or date
        else:
            self.in_json_ld = (attrs.get("type") or "").lower() == "application/ld+json"

    def published(self) -> str:
        for key in PUBLISHED_META:
            if key in self.meta:
                return self.meta[key]
        return self.json_ld or self.time_tag

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_json_ld = False
        if tag in SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_json_ld:
            m = _LD_PUBLISHED.search(data)
            date = read_date(m[1]) if m else ""
            self.json_ld = self.json_ld or date
        if not self.skip_depth:
            self.parts.append(data)


def read_page(html: str) -> Page:
    """The visible text of a page and the date its metadata says it was published:
    ``<meta property="article:published_time">`` and its kin, JSON-LD ``datePublished``,
    else the first ``<time datetime>``.

    >>> read_page('<head><meta property="article:published_time" content="2025-11-05T08:30:00+07:00">'
    ...           '</head><body><p>Năm nay có 5 trạm.</p></body>')
    Page(text='Năm nay có 5 trạm.', published='2025-11-05')
    """
    parser = _Visible()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return Page("\n".join(line for line in lines if line), parser.published())


def visible_text(html: str) -> str:
    """The visible text of a page, one block per line.

    >>> visible_text("<html><head><title>x</title><script>var a=1;</script></head>"
    ...              "<body><nav>Trang chủ</nav><p>Có <b>509.262</b> tên miền.</p><p>Hết</p></body></html>")
    'Có 509.262 tên miền.\\nHết'
    """
    return read_page(html).text
