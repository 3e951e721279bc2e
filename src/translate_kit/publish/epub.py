"""One EPUB per edition: Sphinx's EPUB builder with the edition's settings and fonts.

Each edition is one Sphinx run (``sphinxext.epub`` sets its language, title, table of
contents and embedded glyphs) into ``_build/epub-files/<slug>/``; the finished book is
copied to ``_build/epub/`` under the PDF's name with ``.epub``, from where the HTML
build links it.  Editions are built side by side, like the PDFs (``downloads``).
"""

from __future__ import annotations

import time

from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import BuildError
from translate_kit.files import copy_atomic
from translate_kit.fonts import font_file, fonts_for
from translate_kit.publish.downloads import DownloadBuild, EditionFile, build_each
from translate_kit.publish.sphinx_run import run_sphinx


def build_epubs(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int = 2
) -> DownloadBuild:
    """Build the EPUBs of ``editions`` (default: all) into ``_build/epub/``."""
    editions = config.editions if editions is None else editions
    for family in sorted({fonts_for(config, e).cjk_serif for e in editions}):
        font_file(family)  # a missing font stops the build before any Sphinx run
    return build_each("EPUB", editions, lambda e: build_edition_epub(config, e), jobs)


def build_edition_epub(config: ProjectConfig, edition: Edition) -> EditionFile:
    """Sphinx's EPUB output in ``epub_files_dir``, the book copied to ``epub_path``."""
    started = time.monotonic()
    files = config.epub_files_dir(edition)
    run = run_sphinx(config, edition, "epub", files)
    book = files / config.epub_name(edition)
    if not run.ok or not book.is_file():
        raise BuildError(f"edition {edition.code}: Sphinx failed:\n{run.output.strip()}")
    target = config.epub_path(edition)
    copy_atomic(book, target)
    return EditionFile(edition, target, time.monotonic() - started, run.warnings)
