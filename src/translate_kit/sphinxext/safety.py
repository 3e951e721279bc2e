"""Defence in depth: a translated passage can never inject markup or script.

Catalogs are checked when compiled (unsafe messages are left out), but Sphinx parses each
msgstr with the document's parser, and MyST turns inline HTML into ``raw`` nodes.  This
transform runs right after Sphinx's Locale transform and removes, with a warning, any raw
node or script-capable link inside a node a catalog message produced.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "ftp"})


class DropUnsafeTranslations(SphinxTransform):
    """Remove raw nodes and javascript:/data: links from translated nodes."""

    default_priority = 21  # right after Locale (20)

    def apply(self, **kwargs: object) -> None:
        for node in list(self.document.findall(_is_translated)):
            for raw in list(node.findall(nodes.raw)):
                logger.warning(
                    "translated text contains raw %s markup; it was dropped",
                    raw.get("format", ""), location=node, type="translate_kit", subtype="raw",
                )
                raw.parent.remove(raw)
            for ref in list(node.findall(nodes.reference)):
                scheme = urlsplit(ref.get("refuri", "")).scheme.lower()
                if scheme not in SAFE_SCHEMES:
                    logger.warning(
                        "translated text links to a %r URL; the link was dropped", scheme,
                        location=node, type="translate_kit", subtype="link",
                    )
                    ref.replace_self(nodes.Text(ref.astext()))


def _is_translated(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and node.get("translated") is True


def setup(app: Sphinx) -> None:
    app.add_transform(DropUnsafeTranslations)
