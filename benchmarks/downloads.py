"""The PDFs and EPUBs by volume and by article against one book of the whole archive.

On a corpus of N articles (one a day), the source edition's PDFs are built with
``volumes = "month"`` (a book per month, cut into article PDFs) and with ``volumes =
"all"`` (one book of every article, as the PDFs were before volumes), the two in turns.
Then: how long pypdf takes to cut the whole book into its articles, and the build after
importing one article into the newest month, against the full build by month.  The
EPUBs get the same figures, the cut being ``publish.epub.split_articles`` (a zip and a
font cut from the volume's font per article).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from benchmarks.corpus import generate_corpus, write_source
from benchmarks.run import (
    _TK, NEW_ARTICLE, BenchReport, Figure, _alternating, _clean, _import_reset, _measure,
    _timed,
)
from translate_kit.config import load_config
from translate_kit.contract import ARTICLES_SUFFIX
from translate_kit.publish.epub import split_articles as split_epub
from translate_kit.publish.split import split_articles


def _with_volumes(root: Path, period: str) -> None:
    config = root / "translate-kit.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[project]\n", f'[project]\nvolumes = "{period}"\n', 1),
                      encoding="utf-8")


def _monthly_and_whole(template: Path, where: Path, articles: int) -> tuple[Path, Path]:
    """Two copies of one corpus: volumes by month, and one volume of every article."""
    monthly = generate_corpus(where, articles, template).root
    whole = where.with_name(where.name + "-all")
    shutil.rmtree(whole, ignore_errors=True)
    shutil.copytree(monthly, whole)
    _with_volumes(monthly, "month")
    _with_volumes(whole, "all")
    return monthly, whole


def _import_and_build(root: Path, month: str, build: list[str], repeat: int) -> Figure:
    """Import one article into ``month`` (YYYY-MM) of ``root`` and run ``build``, each run
    from the project as it was."""
    write_source(root / NEW_ARTICLE)
    command = [*_TK, "import", NEW_ARTICLE, "--date", f"{month}-28"]
    reset = _import_reset(root)

    def reset_and_build() -> None:
        reset()
        _timed(build, root)

    return Figure("", _measure(repeat, reset_and_build, [command, build], root))


def bench_downloads(template: Path, work: Path, articles: int, repeat: int,
                    report: BenchReport) -> None:
    """Volumes by month and article PDFs at N=``articles``, against one whole book."""
    monthly, whole = _monthly_and_whole(template, work / f"downloads{articles}", articles)

    def build(root: Path) -> list[str]:
        return [*_TK, "--root", str(root), "build", "pdf", "-e", "zh-Hant"]

    by_month, one_book = _alternating(repeat, work, (_clean(monthly / "_build"), [build(monthly)]),
                                      (_clean(whole / "_build"), [build(whole)]))
    book = report.add(Figure(f"build pdf -e zh-Hant, one book of all articles, N={articles}",
                             one_book))
    report.add(Figure("", by_month).against(
        f"build pdf -e zh-Hant, volumes by month + article PDFs, N={articles}", book))

    config = load_config(whole)
    edition = config.source_edition
    listing = config.latex_dir(edition) / (config.tex_name(edition).removesuffix(".tex")
                                           + ARTICLES_SUFFIX)
    docs = json.loads(listing.read_text(encoding="utf-8"))
    out = work / "split"
    started = time.perf_counter()
    split_articles(config.pdf_path(edition), [(title, out / f"{doc}.pdf") for doc, title in docs])
    seconds = time.perf_counter() - started
    report.add(Figure.of(f"pypdf split of the whole book into {len(docs)} article PDFs",
                         seconds, book.name, seconds / book.seconds))
    report.add(Figure.of("pypdf split, per article", seconds / max(len(docs), 1)))

    full = report.add(Figure(f"build pdf -e zh-Hant by month, full, N={articles}", by_month))
    newest = max(load_config(monthly).volume_pdfs(edition)).stem[-7:]  # YYYY-MM
    imported = _import_and_build(monthly, newest, build(monthly), repeat)
    report.add(imported.against(
        f"import + build pdf of one article into the newest month, N={articles}", full, 0.2))


def bench_epub_downloads(template: Path, work: Path, articles: int, repeat: int,
                         report: BenchReport) -> None:
    """EPUB volumes by month and article EPUBs at N=``articles``, against one whole book."""
    monthly, whole = _monthly_and_whole(template, work / f"epubs{articles}", articles)

    def build(root: Path) -> list[str]:
        return [*_TK, "--root", str(root), "build", "epub", "-e", "zh-Hant"]

    by_month, one_book = _alternating(repeat, work, (_clean(monthly / "_build"), [build(monthly)]),
                                      (_clean(whole / "_build"), [build(whole)]))
    book = report.add(Figure(f"build epub -e zh-Hant, one book of all articles + article "
                             f"EPUBs, N={articles}", one_book))
    full = report.add(Figure("", by_month).against(
        f"build epub -e zh-Hant, volumes by month + article EPUBs, N={articles}", book))

    config = load_config(whole)
    edition = config.source_edition
    volume = config.volume_epub_path(edition, "")
    shutil.rmtree(config.epub_dir / edition.slug)  # a book already cut is not cut again
    started = time.perf_counter()
    cut = split_epub(config, edition, volume)
    seconds = time.perf_counter() - started
    report.add(Figure.of(f"EPUB cut of the whole book into {len(cut)} article EPUBs",
                         seconds, book.name, seconds / book.seconds))
    report.add(Figure.of("EPUB cut, per article", seconds / max(len(cut), 1)))

    newest = max(load_config(monthly).volume_epubs(edition)).stem[-7:]  # YYYY-MM
    imported = _import_and_build(monthly, newest, build(monthly), repeat)
    report.add(imported.against(
        f"import + build epub of one article into the newest month, N={articles}", full, 0.2))
