"""Translate plain-text passages without parsing them again.

Sphinx's Locale transform parses every translated message as a document of its own,
and twice (once to update titles, once to translate): with myst-parser each parse builds
a fresh Markdown parser and docutils settings, about a millisecond and a half.  In a
translation edition that is a third of the build.  Most passages are plain prose, a
paragraph of text only, translated by text only; parsing such a translation gives back
that text, so this transform puts it in directly, before Locale runs, and tells Locale
to leave the paragraph alone.  The front matter is data and is not translated at all.
Everything else (titles, passages with links, emphasis,
roles, a translation with any character Markdown could read as markup) goes through
Sphinx as before, so the pages are the same either way.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from translate_kit.catalogs.compile import mo_dir
from translate_kit.config import EditionKind
from translate_kit.sphinxext import current_edition, project_config

# Markdown's inline markup, HTML, entities, roles, substitutions and math, anywhere; list
# items, quotes, headings, field lists and fences at the start; any line break or control.
_MARKUP = re.compile(r"[\\`*_\[\]<>#&${}|~\x00-\x1f\x7f]|^[-+:=]|^\d{1,9}[.)](?:\s|$)")
# These read quotes, dashes, "(c)" or a bare domain name as markup too.
_TYPOGRAPHIC_EXTENSIONS = frozenset({"linkify", "replacements", "smartquotes"})


def is_plain(text: str) -> bool:
    """Whether Markdown reads ``text``, as one paragraph, as exactly this text."""
    return bool(text) and text == text.strip() and _MARKUP.search(text) is None


def in_front_matter(node: nodes.Node | None) -> bool:
    """Whether ``node`` is in the document's front matter (data, never translated).

    myst-parser writes the front matter as the document's first field list, which
    docutils' DocInfo transform (priority 340) turns into a ``docinfo``.
    """
    while node is not None:
        if isinstance(node, nodes.docinfo):
            return True
        if isinstance(node, nodes.field_list) and isinstance(node.parent, nodes.document):
            first = node.parent.first_child_not_matching_class(nodes.PreBibliographic)
            return first is not None and node.parent[first] is node
        node = node.parent
    return False


def _applies(config: Config) -> bool:
    if current_edition(config).kind is not EditionKind.TRANSLATION:
        return False
    extensions = set(getattr(config, "myst_enable_extensions", ()) or ())
    # Sphinx's own progress classes count the paragraphs Locale translates.
    return not (extensions & _TYPOGRAPHIC_EXTENSIONS or getattr(config, "myst_gfm_only", False)
                or config.translation_progress_classes)


def _hide_from_locale(node: nodes.Element) -> None:
    """Make Locale pass ``node`` by: a node without source text holds no message.

    ``translatable = False`` would do too, but for every such node Sphinx formats the
    node as XML for a debug message it does not show (in each of Locale's two passes).
    """
    node.rawsource = ""


class TranslatePlainPassages(SphinxTransform):
    """Before Sphinx's Locale (20): plain paragraphs get their plain translation."""

    default_priority = 19

    def apply(self, **kwargs: object) -> None:
        if not _applies(self.config):
            return
        translations = self._catalog()
        if translations is None:
            return
        for node, msgid in list(extract_messages(self.document)):
            if in_front_matter(node):
                # Data kept as imported (dates, hashes, the title the heading repeats):
                # Sphinx would parse a translation of it twice, and drop it with the rest
                # of the front matter.
                _hide_from_locale(node)
                continue
            if type(node) is not nodes.paragraph or not all(
                    isinstance(child, nodes.Text) for child in node.children):
                continue
            msgstr = translations.gettext(msgid)
            if msgstr is msgid or msgstr == msgid or not is_plain(msgstr):
                continue  # untranslated, unchanged, or markup: Sphinx decides
            node.children = []
            node += nodes.Text(msgstr)
            node["translated"] = True
            _hide_from_locale(node)  # Locale would parse it again

    def _catalog(self) -> gettext.GNUTranslations | None:
        edition = current_edition(self.config)
        directory = mo_dir(project_config(self.config).catalog_build_dir(edition), edition,
                           edition.sphinx_language)
        domain = docname_to_domain(self.env.current_document.docname, self.config.gettext_compact)
        path = Path(directory) / f"{domain}.mo"
        try:
            with path.open("rb") as mo:
                return gettext.GNUTranslations(mo)
        except OSError:
            return None  # no catalog: every passage falls back, as Sphinx does


def setup(app: Sphinx) -> None:
    app.add_transform(TranslatePlainPassages)
