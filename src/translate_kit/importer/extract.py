"""Cut a decoded source into paragraphs that remember where they came from.

Plain text: every non-blank line is a paragraph (Chinese news is not hard-wrapped);
Markdown is plain text whose headings lose their ``#`` marks.
HTML: a saved news page is mostly something else than its article, so the page is
pruned first (scripts, navigation, share buttons, related links, comments, copyright
footers: by tag, ARIA role, and class or id names in English and in the pinyin
abbreviations Chinese sites use, then every block made mostly of link text), and the
article body is the element whose own paragraphs hold the most sentence text.  Its
text is cut into paragraphs at block elements and ``<br>``; images leave nothing but
their caption (``<figcaption>``, or a caption block beside the body).  The title, date,
author and address come from the page's metadata (``page``).  Positions are 1-based;
for HTML the line is the element's and the column is 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml.etree import ParserError

from translate_kit.importer.charset import to_simplified
from translate_kit.importer.page import PageMeta, page_meta

_NOISE_TAGS = {"script", "style", "noscript", "template", "nav", "aside", "footer", "form",
               "iframe", "svg", "button", "input", "select", "textarea", "object", "embed"}
_NOISE_WORDS = {
    "nav", "navigation", "topnav", "mainnav", "menu", "breadcrumb", "crumb", "route",
    "position", "sidebar", "right", "rightbox", "footer", "foot", "bottom", "copyright",
    "share", "bshare", "social", "related", "relate", "recommend", "more", "hot", "rank",
    "mostread", "comment", "comments", "disqus", "reply", "advert", "advertise", "ad", "ads",
    "banner", "tags", "tag", "keywords", "statement", "function", "tools", "print", "login",
    "search", "header", "author", "info", "time", "date", "channel",
    "xgxw", "xgwz", "pinglun", "pl", "rdph", "phb", "tuijian", "fenxiang", "daohang",
}
_NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CAPTION_WORDS = {"caption", "figcaption", "imgcaption", "picinfo", "desc", "pictext"}
_INLINE = {"a", "b", "strong", "em", "i", "u", "span", "font", "small", "big", "sub", "sup",
           "abbr", "cite", "q", "mark", "time", "label", "img"}
_PARAGRAPHS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "dd", "dt",
               "pre"}
_SENTENCE = re.compile(r"[，。！？；,.!?;]")
_READ_ON = re.compile(r"^(?:请继续往下阅读|继续阅读|分享到|点击(?:查看|进入|阅读))")
_MAX_LINK_SHARE = 0.5
_WORD_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


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
    meta: PageMeta | None = None
    """What a page's metadata says of its article (HTML only)."""


def from_text(text: str) -> Extracted:
    paragraphs = []
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            column = len(line) - len(line.lstrip()) + 1
            paragraphs.append(SourceParagraph(stripped, number, column))
    return Extracted(paragraphs)


_HEADING_MARK = re.compile(r"^( {0,3})#{1,6}[ \t]+(?=\S)", re.MULTILINE)


def from_markdown(text: str) -> Extracted:
    """A Markdown article (as an editor saves one): its lines as plain text, headings
    without their ``#`` marks, so that ``# 標題`` is the title line.  Other Markdown is
    text like any other and shown as written."""
    return from_text(_HEADING_MARK.sub(r"\1", text))


def from_html(text: str) -> Extracted:
    """The article of an HTML page; an empty Extracted when there is none."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except ParserError:
        return Extracted([])
    meta = page_meta(root)
    heading = root.find(".//h1")
    _prune(root)
    body = _article_body(root)
    skip = {meta.title, _text(heading)}
    paragraphs = [p for p in _paragraphs(body) if p.text not in skip]
    before, after = _captions_beside(body)
    line = heading.sourceline if heading is not None else None
    return Extracted([*before, *paragraphs, *after], meta.title, line or 1, meta)


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def _words(element: lxml.html.HtmlElement) -> set[str]:
    """The words of an element's class and id: ``index_shareBox`` → index, share, box,
    and each name whole (``xgxw``, ``mostRead`` → mostread)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    words = {name.lower() for name in names}
    for name in names:
        words.update(part.lower() for part in _WORD_PARTS.findall(name))
    return words


def _is_noise(element: lxml.html.HtmlElement) -> bool:
    if element.tag in ("html", "body", "article", "main"):
        return False
    if element.tag in _NOISE_TAGS or (element.get("role") or "") in _NOISE_ROLES:
        return True
    if element.tag == "header" and not any(a.tag == "article" for a in element.iterancestors()):
        return True
    return bool(_words(element) & _NOISE_WORDS) and not _holds_body(element)


def _holds_body(element: lxml.html.HtmlElement) -> bool:
    """Whether a noise-named element wraps the article (``<div class="main-nav-page">``)."""
    return element.find(".//article") is not None or element.find(".//main") is not None


def _link_share(element: lxml.html.HtmlElement) -> float:
    total = _length(element.text_content())
    if not total:
        return 0.0
    return sum(_length(a.text_content()) for a in element.iter("a")) / total


def _length(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


def _prune(element: lxml.html.HtmlElement) -> None:
    """Drop the page's furniture, and every block that is mostly links (menus, lists of
    related articles, "read more" lines)."""
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        if _is_noise(child) or (child.tag not in _INLINE and _link_share(child) > _MAX_LINK_SHARE):
            child.drop_tree()
        else:
            _prune(child)


def _article_body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element whose paragraphs (or own lines) hold the most sentence text."""
    credit: dict[lxml.html.HtmlElement, int] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for piece, holder in ((element.text, element), (element.tail, element.getparent())):
            if holder is None or not piece or not _SENTENCE.search(piece):
                continue
            container = _container(holder)
            credit[container] = credit.get(container, 0) + _length(piece)
    return max(credit, key=credit.__getitem__) if credit else root


def _container(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The block that holds a piece of text as one of its paragraphs."""
    while element.tag in _INLINE and element.getparent() is not None:
        element = element.getparent()
    if element.tag in _PARAGRAPHS and element.getparent() is not None:
        return element.getparent()
    return element


def _paragraphs(body: lxml.html.HtmlElement) -> list[SourceParagraph]:
    """The text of ``body`` cut at block elements and ``<br>``."""
    found: list[SourceParagraph] = []
    pieces: list[str] = []
    line = [body.sourceline or 1]

    def flush() -> None:
        paragraph = re.sub(r"\s+", " ", "".join(pieces)).strip()
        pieces.clear()
        if paragraph and not _READ_ON.match(to_simplified(paragraph)):
            found.append(SourceParagraph(paragraph, line[0], 1))

    def add(piece: str | None, element: lxml.html.HtmlElement) -> None:
        if piece and piece.strip():
            if not "".join(pieces).strip():
                line[0] = element.sourceline or line[0]
            pieces.append(piece)

    def walk(element: lxml.html.HtmlElement) -> None:
        block = element.tag not in _INLINE
        if block:
            flush()
        if element.tag != "br":
            add(element.text, element)
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
                if child.tag not in _INLINE:
                    flush()
            add(child.tail, child)
        if block:
            flush()

    walk(body)
    return found


def _captions_beside(
    body: lxml.html.HtmlElement,
) -> tuple[list[SourceParagraph], list[SourceParagraph]]:
    """Captions of pictures placed next to the body rather than in it (before, after)."""
    parent = body.getparent()
    if parent is None:
        return [], []
    before: list[SourceParagraph] = []
    after: list[SourceParagraph] = []
    side = before
    for sibling in parent:
        if sibling is body:
            side = after
            continue
        if isinstance(sibling.tag, str):
            side.extend(p for caption in _captions(sibling) for p in _paragraphs(caption))
    return before, after


def _captions(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    for candidate in element.iter():
        if isinstance(candidate.tag, str) and (
                candidate.tag == "figcaption" or _words(candidate) & _CAPTION_WORDS):
            yield candidate


def _text(element: lxml.html.HtmlElement | None) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", element.text_content()).strip()


EXTRACTORS = {".txt": from_text, ".md": from_markdown, ".html": from_html, ".htm": from_html}
"""The article files the importer reads, by suffix, and how each is cut into paragraphs."""
