"""HTML pages reduced to the text a reader sees: scripts, styles and navigation dropped."""
from __future__ import annotations

from html.parser import HTMLParser

# Content of these elements is never part of the article.
SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg", "head", "iframe", "form", "button", "select"})
# These start a new line of text.
BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "blockquote", "pre", "hr", "main", "figure", "figcaption", "dd", "dt", "title",
})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"})


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP and tag not in VOID:
            self.skip_depth += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The visible text of a page, one block per line.

    >>> visible_text("<html><head><title>x</title><script>var a=1;</script></head>"
    ...              "<body><nav>Trang chủ</nav><p>Có <b>509.262</b> tên miền.</p><p>Hết</p></body></html>")
    'Có 509.262 tên miền.\\nHết'
    """
    parser = _Visible()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
