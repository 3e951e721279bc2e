"""Per-edition EPUBs: a book per volume (a month or year of articles), each page in the
edition's language, with the CJK glyphs it uses.

Sphinx's EPUB builder writes pages with the same translator as the HTML one, so garbled
spans, untranslated passages (with their ``lang``) and each article's date and source
come as they do on the site; it writes only the pages whose documents changed.  Instead
of packing every page into one book, the builder packs the volumes the runner asks for
(the ``translate_kit_volumes`` option, as for the PDFs; all of them when it is empty),
each named like its PDF with ``.epub`` (``translate_kit.epubs`` writes the package):

- the volume's articles in the book's order, titled ``<edition title> <volume>``, with
  the edition's language, author and publisher, and a table of contents of its
  articles headed in the edition's language; ``lang`` on every page;
- the glyphs the volume uses, cut out of the edition's Noto Serif CJK face into
  ``_static/fonts/`` with a stylesheet that uses them, so the book reads the same on a
  reader without Chinese fonts.

The runner cuts each volume into one book per article (``publish.epub``).
"""

from __future__ import annotations

import html
import os
import time
import uuid
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.util import logging

from translate_kit.contract import VOLUMES_OPTION
from translate_kit.epubs import BookInfo, Chapter, book_files, download_identifier, page_text, write_epub
from translate_kit.files import write_if_changed
from translate_kit.fonts import fonts_for, subset_font, subset_font_data
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.volumes import edition_volumes

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
    # Sphinx warns about EPUB settings left empty before the builder starts, though the
    # volumes carry identifiers of their own (``epubs.download_identifier``).
    config = app.config
    config.epub_identifier = book_identifier(app)
    config.epub_scheme = "URL" if project_config(config).base_url else "UUID"
    if not config.version:  # the book's version (ibooks:version): the day it was made
        config.version = publication_time()[:10].replace("-", ".")
    app.add_css_file(FONT_CSS)


def _page_lang(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    if is_epub(app):
        code = html.escape(current_edition(app.config).code)
        context["html_tag"] = (f'<html xmlns="http://www.w3.org/1999/xhtml" '
                               f'xmlns:epub="http://www.idpf.org/2007/ops" '
                               f'lang="{code}" xml:lang="{code}">')


def publication_time() -> str:
    """``dcterms:modified`` of the books: ``SOURCE_DATE_EPOCH`` when set, else now."""
    made = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(made) if made else None))


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, packing a book per volume instead of one of every page."""

    def handle_finish(self) -> None:
        """Pack the volumes asked for.  Reading the installed face costs seconds, so its
        glyphs are cut once for all of them, and each volume's from that cut."""
        wanted = {v for v in self.config[VOLUMES_OPTION].split(",") if v} or None
        root = self.env.titles.get(self.config.root_doc)
        title = root.astext() if root is not None else self.config.project
        outdir, contents = Path(self.outdir), _("Contents")
        books = {volume: [Chapter(doc + self.out_suffix, self.env.titles[doc].astext())
                          for doc in docs]
                 for volume, docs in edition_volumes(self.app, self.env).items()
                 if wanted is None or volume in wanted}
        if not books:
            return
        texts = {volume: f"{title} {volume}{contents}" + "".join(
            page_text((outdir / c.href).read_bytes()) for c in chapters)
            for volume, chapters in books.items()}
        font = cut_fonts(self.config, outdir, "".join(texts.values()))
        every = font.read_bytes()
        for volume, chapters in books.items():
            if len(books) > 1:
                write_if_changed(font, subset_font_data(every, texts[volume]), durable=False)
            self.write_volume(volume, chapters, f"{title} {volume}".strip(), contents)

    def write_volume(self, volume: str, chapters: list[Chapter], title: str, contents: str
                     ) -> None:
        """The volume's book, beside the pages in the output directory (its glyphs cut)."""
        project, edition = project_config(self.config), current_edition(self.config)
        outdir = Path(self.outdir)

        def read(path: str) -> bytes | None:
            file = outdir / path
            return file.read_bytes() if file.is_file() else None

        info = BookInfo(
            identifier=download_identifier(project, project.volume_epub_path(edition, volume)),
            title=title, language=edition.code, author=project.author,
            publisher=project.publisher, contents=contents, modified=publication_time())
        write_epub(outdir / project.volume_epub_name(edition, volume), info, chapters,
                   book_files(chapters, read))


def cut_fonts(config: Config, outdir: Path, text: str) -> Path:
    """Cut the glyphs of ``text`` into ``_static/fonts/`` with the stylesheet every page
    links (the book packed next takes them); the font's path."""
    family = fonts_for(project_config(config), current_edition(config)).cjk_serif
    static = outdir / "_static"
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
    return cut.path


def setup(app: Sphinx) -> None:
    app.add_builder(EditionEpubBuilder, override=True)
    app.connect("config-inited", _configure, priority=300)
    # Before Sphinx checks the EPUB settings (builder-inited, priority 500).
    app.connect("builder-inited", _prepare, priority=400)
    app.connect("html-page-context", _page_lang)
