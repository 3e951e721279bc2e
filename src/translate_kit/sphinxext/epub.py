"""Per-edition EPUB: metadata, a table of contents of the documents, embedded CJK glyphs.

Sphinx's EPUB builder writes pages with the same translator as the HTML one, so garbled
spans, untranslated passages (with their ``lang``) and each article's date and source
come as they do on the site.  This module sets what the builder leaves generic:

- the edition's language, title (as the edition titles its root page), identifier and
  description; ``lang`` on every page; the table of contents' heading in the edition's
  language;
- a table of contents with one entry per document: its depth is that of the deepest
  document, so an article's own sections do not appear in it;
- the glyphs the book uses, cut out of the edition's Noto Serif CJK face into
  ``_static/fonts/`` with a stylesheet that uses them, so the book reads the same on a
  reader without Chinese fonts.  They are cut after the pages are written and before
  the builder lists the book's files, so the package lists them.

The builder is Sphinx's, with two overrides: the fonts step, and the NCX table of
contents naming the book by its identifier, not by the XML id of that identifier
(Sphinx issue 11184; epubcheck's NCX-001 error).
"""

from __future__ import annotations

import html
import os
import time
import uuid
from pathlib import Path
from typing import Any

from lxml import etree
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from translate_kit.files import write_if_changed
from translate_kit.fonts import fonts_for, subset_font
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import _

logger = logging.getLogger(__name__)
FONT_CSS = "translate-kit-fonts.css"
FONT_DIR = "fonts"


def is_epub(app: Sphinx) -> bool:
    return app.builder.name == "epub"


def book_identifier(app: Sphinx) -> str:
    """The site address of the edition when there is one, else a name-based UUID URN."""
    project, edition = project_config(app.config), current_edition(app.config)
    if project.base_url:
        return project.site_url(f"{edition.slug}/")
    return uuid.uuid5(uuid.NAMESPACE_URL, f"translate-kit:{project.title}:{edition.code}").urn


def _configure(app: Sphinx, config: Config) -> None:
    project, edition = project_config(config), current_edition(config)
    config.epub_language = edition.code
    config.epub_basename = project.epub_name(edition).removesuffix(".epub")
    config.epub_title = project.title
    config.epub_author = config.epub_contributor = project.author
    config.epub_publisher = config.epub_copyright = project.publisher
    config.epub_description = f"{project.title} ({edition.label})"
    config.epub_uid = "BookId"
    config.epub_use_index = False


def _prepare(app: Sphinx) -> None:
    if not is_epub(app):
        return
    config = app.config
    config.epub_identifier = book_identifier(app)
    config.epub_scheme = "URL" if project_config(config).base_url else "UUID"
    if not config.version:  # the book's version (ibooks:version): the day it was made
        made = os.environ.get("SOURCE_DATE_EPOCH")
        config.version = time.strftime("%Y.%m.%d", time.gmtime(int(made) if made else None))
    app.builder.guide_titles = {**app.builder.guide_titles, "toc": _("Contents")}
    app.add_css_file(FONT_CSS)


def _adopt_edition_structure(app: Sphinx, env: BuildEnvironment) -> None:
    """Title the book as the edition titles its root page; size the table of contents."""
    if not is_epub(app):
        return
    config = app.config
    root = env.titles.get(config.root_doc)
    if root is not None:
        config.epub_title = root.astext()
        config.epub_description = f"{root.astext()} ({current_edition(config).label})"
    config.epub_tocdepth = document_depth(env, config.root_doc)
    # The index lists its articles in a hidden toctree (the site's listings show them):
    # the book's table of contents still lists every one.
    config.epub_tocscope = "includehidden"


def document_depth(env: BuildEnvironment, root_doc: str) -> int:
    """Toctree level of the deepest document below ``root_doc`` (its own entries: 1)."""
    depth, seen = 0, {root_doc}
    level = [root_doc]
    while level:
        below = {doc for parent in level for doc in env.toctree_includes.get(parent, ())} - seen
        if below:
            depth += 1
        seen |= below
        level = sorted(below)
    return max(depth, 1)


def _page_lang(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    if is_epub(app):
        code = html.escape(current_edition(app.config).code)
        context["html_tag"] = (f'<html xmlns="http://www.w3.org/1999/xhtml" '
                               f'xmlns:epub="http://www.idpf.org/2007/ops" '
                               f'lang="{code}" xml:lang="{code}">')


def book_text(outdir: Path) -> str:
    """Every character the book's pages show (text, not markup)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    texts = []
    for page in sorted(outdir.rglob("*.xhtml")):
        root = etree.parse(str(page), parser).getroot()
        texts.extend(root.itertext())
    return "".join(texts)


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, carrying its fonts and naming itself right in the NCX."""

    def build_content(self) -> None:
        # Before the package file lists what the book holds; the table of contents'
        # heading is the one text of the book not on its pages.
        embed_fonts(self.config, self.outdir, self.guide_titles["toc"])
        super().build_content()

    def toc_metadata(self, level: int, navpoints: list[Any]) -> dict[str, Any]:
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata


def embed_fonts(config: Config, outdir: Path, more_text: str = "") -> None:
    """Cut the glyphs the pages use into ``_static/fonts/`` and write their stylesheet."""
    family = fonts_for(project_config(config), current_edition(config)).cjk_serif
    static = Path(outdir) / "_static"
    text = book_text(Path(outdir)) + more_text
    cut = subset_font(family, text, static / FONT_DIR)
    if cut.missing:
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in cut.missing[:10])
        logger.warning("%s has no glyph for %d character(s) of the book: %s; readers show "
                       "them in a font of their own", family, len(cut.missing), shown,
                       type="translate_kit", subtype="epub_font")
    css = (
        f"/* The glyphs this book uses, from {family} (SIL Open Font License 1.1). */\n"
        f'@font-face {{ font-family: "{family}"; font-weight: normal; font-style: normal;\n'
        f'  src: url("{FONT_DIR}/{cut.path.name}") format("opentype"); }}\n'
        f'body {{ font-family: "{family}", serif; }}\n'
        f'pre, code, kbd, samp, tt {{ font-family: monospace, "{family}"; }}\n'
    )
    write_if_changed(static / FONT_CSS, css, durable=False)


def setup(app: Sphinx) -> None:
    app.add_builder(EditionEpubBuilder, override=True)
    app.connect("config-inited", _configure, priority=300)
    # Before Sphinx checks the EPUB settings (builder-inited, priority 500).
    app.connect("builder-inited", _prepare, priority=400)
    app.connect("env-updated", _adopt_edition_structure)
    app.connect("html-page-context", _page_lang)
