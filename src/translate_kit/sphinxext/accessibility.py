"""What an accessibility audit (axe-core, WCAG 2.1 A/AA) asks that Sphinx and furo do not give.

- A toctree caption is ``<p class="caption" role="heading">``: a heading role needs an
  ``aria-level``, which Sphinx's translator leaves out; the translator of every HTML
  builder is extended to give it (one below the section the toctree is in).
- furo's "view this page" button sits outside every landmark; it links the Markdown
  source, of no use to a reader, so furo's ``top_of_page_buttons`` is empty unless
  conf.py sets it; without that button nothing links the copies of the sources, so
  Sphinx does not write them under ``_sources/`` either.

The edition switcher's caption (``templates/translate-kit/editions.html``) has its
``aria-level`` in the template, and the search page (``templates/search.html``) has the
``<h1>`` furo's lacks.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config


class AriaLevelCaptions:
    """Translator mixin: toctree captions are headings with a level."""

    def visit_title(self, node: nodes.title) -> None:
        parent = node.parent
        if not (isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree")):
            super().visit_title(node)  # type: ignore[misc]
            return
        level = str(max(_section_depth(node), 1) + 1)
        self.body.append(self.starttag(  # type: ignore[attr-defined]
            node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": level}))
        self.body.append('<span class="caption-text">')  # type: ignore[attr-defined]
        self.context.append("</span></p>\n")  # type: ignore[attr-defined]


def _section_depth(node: nodes.Node) -> int:
    """How many sections hold ``node``: 1 under the page's title (an ``<h1>``)."""
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += isinstance(node, nodes.section)
    return depth


def _configure(app: Sphinx, config: Config) -> None:
    if config.html_theme == "furo":
        config.html_theme_options = {"top_of_page_buttons": [], **config.html_theme_options}
        config.html_copy_source = "view" in config.html_theme_options["top_of_page_buttons"]


def _extend_translator(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    base = app.registry.get_translator_class(app.builder)
    if issubclass(base, AriaLevelCaptions):
        return
    app.set_translator(app.builder.name, type(base.__name__, (AriaLevelCaptions, base), {}),
                       override=True)


def _skip_sources_dir(app: Sphinx) -> None:
    """Without copies of the sources, the HTML builder need not make their empty folder."""
    if app.builder.format == "html" and not app.config.html_copy_source:
        app.builder.copysource = False  # type: ignore[attr-defined]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _configure, priority=300)
    app.connect("builder-inited", _skip_sources_dir)
    app.connect("builder-inited", _extend_translator)
