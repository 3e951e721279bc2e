"""Script editions: convert the source text with OpenCC while the document is read.

Conversion is a docutils transform over Text nodes, so titles, the toctree, labels'
section names and the search index all see converted text, and ``make html`` after
editing an article is always current.  Only text readers see is converted: code, literal
and raw blocks, math, URLs, reference targets, labels and front-matter data are left
alone (most of those live in attributes, which the transform never touches).
A passage a translator corrected in ``locale/<locale_name>/LC_MESSAGES/<doc>.po`` has
been replaced by Sphinx's Locale transform before this one runs and is kept as written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from translate_kit.config import EditionKind
from translate_kit.script import converter_for
from translate_kit.sphinxext import current_edition, project_config

# Subtrees holding code, markup or data rather than prose.
SKIPPED = (
    nodes.literal_block, nodes.doctest_block, nodes.literal, nodes.raw, nodes.comment,
    nodes.math, nodes.math_block, nodes.docinfo, nodes.substitution_definition,
    addnodes.desc_signature,
)
NO_CONVERT_CLASSES = frozenset({"notranslate", "no-convert"})


def edition_text(config: Config) -> Callable[[str], str]:
    """How the current edition writes a source-script string (identity unless script)."""
    edition = current_edition(config)
    if edition.kind is EditionKind.SCRIPT:
        return converter_for(project_config(config), edition).convert
    return _identity


def _identity(text: str) -> str:
    return text


class ConvertScript(SphinxTransform):
    """Convert every prose Text node of a script edition's document."""

    # After Locale (20) and smart quotes (750), before domains and collectors read
    # titles and labels (850, 880).
    default_priority = 700

    def apply(self, **kwargs: object) -> None:
        if current_edition(self.config).kind is not EditionKind.SCRIPT:
            return
        convert = edition_text(self.config)
        stack: list[nodes.Node] = [self.document]
        while stack:
            node = stack.pop()
            if isinstance(node, nodes.Text):
                self._replace(node, convert)
            elif not _keeps_source(node):
                _convert_attributes(node, convert)
                stack.extend(node.children)

    @staticmethod
    def _replace(node: nodes.Text, convert: Callable[[str], str]) -> None:
        parent = node.parent
        if isinstance(parent, nodes.reference) and parent.get("refuri") == node.astext():
            return  # a bare URL shown as its own text
        converted = convert(str(node))
        if converted != node:
            parent.replace(node, nodes.Text(converted))


def _keeps_source(node: nodes.Node) -> bool:
    if isinstance(node, SKIPPED):
        return True
    if not isinstance(node, nodes.Element):
        return False
    # True only when a catalog message replaced the node: the corrected text wins.
    return node.get("translated") is True or not NO_CONVERT_CLASSES.isdisjoint(node["classes"])


def _convert_attributes(node: nodes.Node, convert: Callable[[str], str]) -> None:
    """Attributes readers see: toctree captions and titles, alt text, link titles, meta."""
    if isinstance(node, addnodes.toctree):
        if node.get("caption"):
            node["caption"] = convert(node["caption"])
        node["entries"] = [
            (convert(title) if title else title, ref) for title, ref in node["entries"]
        ]
    elif isinstance(node, nodes.image) and node.get("alt"):
        node["alt"] = convert(node["alt"])
    elif isinstance(node, nodes.reference) and node.get("reftitle"):
        node["reftitle"] = convert(node["reftitle"])
    elif isinstance(node, nodes.meta) and node.get("content"):
        node["content"] = convert(node["content"])


def _convert_config(app: Sphinx, config: Config) -> None:
    """Project name, titles and author show in every page's chrome and <title>."""
    edition = current_edition(app.config)
    if edition.kind is not EditionKind.SCRIPT:
        return
    converter = converter_for(project_config(app.config), edition)
    for name in ("project", "author", "html_title", "html_short_title"):
        if isinstance(config[name], str) and config[name]:
            config[name] = converter.convert(config[name])
    # A glossary edit, or another OpenCC conversion, must re-read every document.
    conversion = repr((converter.opencc_config, converter.phrases))
    config.translate_kit_phrases = hashlib.sha256(conversion.encode()).hexdigest()


def setup(app: Sphinx) -> None:
    app.add_config_value("translate_kit_phrases", "", "env", types=frozenset({str}))
    app.add_transform(ConvertScript)
    app.connect("config-inited", _convert_config, priority=200)
