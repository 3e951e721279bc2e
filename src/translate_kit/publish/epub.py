"""One EPUB per volume of each edition, and one per article, cut from its volume.

Each edition is one Sphinx run (``sphinxext.epub``) into ``_build/epub-files/<slug>/``
for the volumes whose inputs changed (``volumes``, as for the PDFs); Sphinx writes only
the pages whose documents changed, and packs each of those volumes into a book named
like its PDF with ``.epub``.  The runner copies each to ``_build/epub/`` and cuts it
into its articles' books (``_build/epub/<slug>/<docname>.epub``): the article's page,
what it uses, and the glyphs it uses cut from the volume's font (a few hundred
kilobytes, not the 15 MB face), so an article costs a zip and a small font cut, never a
Sphinx run; an article whose book would come out the same is not cut again.  Editions are built side by side, like the PDFs (``downloads``).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from translate_kit.config import Edition, ProjectConfig
from translate_kit.contract import VOLUMES_OPTION
from translate_kit.epubs import (
    Book, BookInfo, Chapter, book_files, download_identifier, page_text, read_epub, write_epub,
)
from translate_kit.errors import BuildError
from translate_kit.files import copy_atomic
from translate_kit.fonts import font_file, fonts_for, subset_font_data
from translate_kit.publish.downloads import DownloadBuild, EditionFile, build_each
from translate_kit.publish.inputs import begin, finish, is_up_to_date
from translate_kit.publish.sphinx_run import run_sphinx
from translate_kit.publish.volumes import Volume, plan_volumes

FONT_SUFFIXES = (".otf", ".ttf")
PAGE_SUFFIX = ".xhtml"
"""The suffix of the pages Sphinx's EPUB builder writes: a page is ``<docname>.xhtml``."""


def build_epubs(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int = 2
) -> DownloadBuild:
    """Build the EPUBs of ``editions`` (default: all) into ``_build/epub/``."""
    editions = config.editions if editions is None else editions
    for family in sorted({fonts_for(config, e).cjk_serif for e in editions}):
        font_file(family)  # a missing font stops the build before any Sphinx run
    return build_each("EPUB", editions, lambda e: build_edition_epub(config, e), jobs)


def build_edition_epub(config: ProjectConfig, edition: Edition) -> EditionFile:
    """The edition's volumes whose inputs changed, packed by one Sphinx run, copied to
    ``_build/epub/`` and cut into their articles' books."""
    started = time.monotonic()
    files = config.epub_files_dir(edition)
    volumes = plan_volumes(config, edition, "epub")
    outdated = [v for v in volumes if not is_up_to_date(
        config, edition, v.builder, v.stamp, config.volume_epub_path(edition, v.name))]
    warnings: tuple[str, ...] = ()
    if outdated:
        for volume in outdated:
            begin(config, edition, volume.builder)
        names = ",".join(volume.name for volume in outdated)
        run = run_sphinx(config, edition, "epub", files, ("-D", f"{VOLUMES_OPTION}={names}"))
        if not run.ok:
            raise BuildError(f"edition {edition.code}: Sphinx failed:\n{run.output.strip()}")
        warnings = run.warnings
        for volume in outdated:
            _publish_volume(config, edition, volume)
    _remove_stale(config, edition, volumes)
    newest = config.volume_epub_path(edition, volumes[-1].name if volumes else "")
    return EditionFile(edition, newest, time.monotonic() - started, warnings,
                       tuple(config.volume_epub_path(edition, v.name) for v in volumes),
                       tuple(v.name for v in outdated))


def _publish_volume(config: ProjectConfig, edition: Edition, volume: Volume) -> None:
    book = config.epub_files_dir(edition) / config.volume_epub_name(edition, volume.name)
    if not book.is_file():
        raise BuildError(f"edition {edition.code}: Sphinx wrote no book for volume "
                         f"{volume.name or 'of every article'}", book)
    split_articles(config, edition, book)
    copy_atomic(book, config.volume_epub_path(edition, volume.name))
    finish(config, edition, volume.builder, volume.stamp)


def split_articles(config: ProjectConfig, edition: Edition, volume: Path) -> list[Path]:
    """Write one book per chapter of ``volume`` to ``article_epub_path``; their paths."""
    book = read_epub(volume)
    written = []
    for chapter in book.chapters:
        docname = chapter.href.removesuffix(PAGE_SUFFIX)
        target = config.article_epub_path(edition, docname)
        _write_article(book, chapter, target, download_identifier(config, target))
        written.append(target)
    return written


def _write_article(volume: Book, chapter: Chapter, target: Path, identifier: str) -> None:
    """The chapter as a book of its own: its page, what it uses, its glyphs.

    Cutting the glyphs is most of an article's cost (fontTools reads each glyph's
    outline in Python), so an article whose book already holds the same page, title
    and files is left as it is: after an import only the new article is cut again.
    """
    files = book_files([chapter], volume.files.get)
    info = BookInfo(identifier=identifier, title=chapter.title, language=volume.info.language,
                    author=volume.info.author, publisher=volume.info.publisher,
                    contents=volume.info.contents, modified=volume.info.modified,
                    collection=volume.info.title)
    if target.is_file() and _same_book(read_epub(target), info, files):
        return
    text = page_text(files[chapter.href]) + volume.info.contents + chapter.title
    for path in files:
        if path.endswith(FONT_SUFFIXES):
            files[path] = subset_font_data(files[path], text)
    write_epub(target, info, [chapter], files)


def _same_book(book: Book, info: BookInfo, files: dict[str, bytes]) -> bool:
    """``book`` holds what ``info`` and ``files`` would make (its fonts cut from them)."""
    def unfonted(found: dict[str, bytes]) -> dict[str, bytes]:
        return {path: data for path, data in found.items() if not path.endswith(FONT_SUFFIXES)}

    return (dataclasses.replace(book.info, modified=info.modified) == info
            and unfonted(book.files) == unfonted(files) and book.files.keys() == files.keys())


def _remove_stale(config: ProjectConfig, edition: Edition, volumes: list[Volume]) -> None:
    """Remove the EPUBs of volumes and articles that are no more (deleted, or redated)."""
    kept = {config.volume_epub_path(edition, v.name) for v in volumes}
    kept |= {config.article_epub_path(edition, doc) for v in volumes for doc in v.docnames}
    whole = config.epub_path(edition)  # one book of everything, from before volumes
    built = [*config.volume_epubs(edition), *([whole] if whole.is_file() else []),
             *(config.epub_dir / edition.slug).rglob("*.epub")]
    for path in built:
        if path not in kept:
            path.unlink()
