"""Cut a decoded source into paragraphs that remember where they came from.

Plain text: every non-blank line is a paragraph (Chinese news is not hard-wrapped).
HTML: the paragraphs of the article body, found with lxml after navigation, sidebars,
footers, scripts and styles are dropped; its ``<h1>`` (else ``<title>``) is the title.
Positions are 1-based; for HTML the line is the element's and the column counts
characters of its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml.etree import ParserError

_NOISE_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "footer",
               "header[not(ancestor::article)]", "form", "iframe", "svg", "button")
_NOISE_WORDS = ("nav", "menu", "sidebar", "footer", "breadcrumb", "share", "related",
                "comment", "advert", "banner", "copyright")
_NOISE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search")
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


@dataclass(frozen=True)
class SourceParagraph:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Extracted:
    paragraphs: list[SourceParagraph]
    title: str | None = None
    """The document's own title (HTML); plain text titles are decided later."""
    title_line: int = 1


def from_text(text: str) -> Extracted:
    paragraphs = []
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            column = len(line) - len(line.lstrip()) + 1
            paragraphs.append(SourceParagraph(stripped, number, column))
    return Extracted(paragraphs)


def from_html(text: str) -> Extracted:
    """The article of an HTML page; an empty Extracted when there is none."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except ParserError:
        return Extracted([])
    _drop_noise(root)
    heading = root.find(".//h1")
    if heading is None:
        heading = root.find(".//title")
    title = _text(heading)
    body = _article_body(root)
    paragraphs = []
    for element in body.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in element.iterancestors()):
            continue
        for piece in _text(element, keep_breaks=True).split("\n"):
            if piece:
                paragraphs.append(SourceParagraph(piece, element.sourceline or 1, 1))
    line = heading.sourceline if heading is not None else None
    return Extracted(paragraphs, title or None, line or 1)


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def _drop_noise(root: lxml.html.HtmlElement) -> None:
    tags = " | ".join(f"//{tag}" for tag in _NOISE_TAGS)
    roles = " or ".join(f"@role='{role}'" for role in _NOISE_ROLES)
    words = " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' ', @id, ' '), ' {w}')" for w in _NOISE_WORDS
    )
    keep = "self::html or self::body or .//article or .//main"
    for element in root.xpath(f"{tags} | //*[({roles} or {words}) and not({keep})]"):
        if element.getparent() is not None:
            element.drop_tree()


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The article element, else the element holding the most paragraph text."""
    for path in ("//article", "//*[@itemprop='articleBody']", "//main", "//*[@role='main']"):
        found = root.xpath(path)
        if found:
            return found[0]
    parents: dict[lxml.html.HtmlElement, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        parents[parent] = parents.get(parent, 0) + len(_text(p))
    return max(parents, key=parents.__getitem__) if parents else root


def _text(element: lxml.html.HtmlElement | None, keep_breaks: bool = False) -> str:
    if element is None:
        return ""
    if keep_breaks:
        for br in element.iter("br"):
            br.tail = "\n" + (br.tail or "")
    lines = element.text_content().split("\n") if keep_breaks else [element.text_content()]
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in lines)
