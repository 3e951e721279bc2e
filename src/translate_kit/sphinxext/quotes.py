"""Quotation marks in the edition's standard, in every Chinese edition (``quotes.py``).

A docutils transform over each passage (paragraph, title, list item's text...) after
the script conversion: the passage's Text nodes are converted as one text, so that a
pair of marks around emphasis or a link is seen as a pair.  Code, literal blocks, math,
a link shown as its own address and text marked ``no-convert`` are left alone, and
count as Latin text for the marks beside them.  Because the doctree changes, the page,
its title elsewhere, the search index and the PDF all show the same marks.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from translate_kit.quotes import OPAQUE, convert_pieces, convert_quotes
from translate_kit.sphinxext import current_edition
from translate_kit.sphinxext.script import NO_CONVERT_CLASSES, SKIPPED


class ConvertQuotes(SphinxTransform):
    """Rewrite the quotation marks of every passage in the edition's style."""

    # After the script conversion (700) and smart quotes (750), before domains and
    # collectors read titles (850).
    default_priority = 760

    def apply(self, **kwargs: object) -> None:
        style = current_edition(self.config).quote_style
        if style == "none":
            return
        stack: list[nodes.Node] = [self.document]
        while stack:
            node = stack.pop()
            if _opaque(node):
                continue
            if isinstance(node, nodes.TextElement):
                _convert_passage(node, style)
            elif isinstance(node, nodes.Element):
                _convert_attributes(node, style)
                stack.extend(node.children)


def _opaque(node: nodes.Node) -> bool:
    if isinstance(node, SKIPPED):
        return True
    if isinstance(node, nodes.reference) and node.get("refuri") == node.astext():
        return True  # a bare URL shown as its own text
    return isinstance(node, nodes.Element) and not NO_CONVERT_CLASSES.isdisjoint(node["classes"])


def _convert_attributes(node: nodes.Element, style: str) -> None:
    """The description in the page's meta data and an image's alt text, like the page."""
    for kind, name in ((nodes.meta, "content"), (nodes.image, "alt")):
        if isinstance(node, kind) and node.get(name):
            node[name] = convert_quotes(node[name], style)


def _convert_passage(passage: nodes.TextElement, style: str) -> None:
    texts: list[nodes.Text | None] = []
    pieces: list[str] = []
    _collect(passage, texts, pieces, style)
    for node, piece, converted in zip(texts, pieces, convert_pieces(pieces, style)):
        if node is not None and converted != piece:
            parent = node.parent  # found by identity: Text nodes equal as strings
            parent[next(i for i, c in enumerate(parent.children) if c is node)] = nodes.Text(converted)


def _collect(node: nodes.Element, texts: list[nodes.Text | None], pieces: list[str],
             style: str) -> None:
    """The passage's Text nodes in reading order; None and OPAQUE for what stays as written.

    The attributes of its elements (an image's alt text) are converted on the way.
    """
    for child in node.children:
        if _opaque(child):
            texts.append(None)
            pieces.append(OPAQUE)
        elif isinstance(child, nodes.Text):
            texts.append(child)
            pieces.append(str(child))
        elif isinstance(child, nodes.Element):
            _convert_attributes(child, style)
            _collect(child, texts, pieces, style)


def _record_style(app: Sphinx, config: Config) -> None:
    """A changed style must read every document of the edition again."""
    config.translate_kit_quotes = current_edition(config).quote_style


def setup(app: Sphinx) -> None:
    app.add_config_value("translate_kit_quotes", "", "env", types=frozenset({str}))
    app.add_transform(ConvertQuotes)
    app.connect("config-inited", _record_style, priority=200)
