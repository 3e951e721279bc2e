"""``make bench``: translate-kit's work timed against baselines measured in the same run,
the import's repair of naively converted text measured on hand-written articles, and
what each edition changes of proper text."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import Corpus, generate_corpus
from benchmarks.downloads import bench_downloads, bench_epub_downloads
from benchmarks.listings import bench_listings
from benchmarks.live import bench_live
from benchmarks.proper_text import bench_proper_text
from benchmarks.repair import RepairMeasure, bench_repair, measure_repairs
from benchmarks.run import (
    BenchReport,
    Figure,
    bench_archive,
    bench_editions,
    bench_pdf,
    bench_scaling,
    bench_update,
)
from benchmarks.search import bench_search
from benchmarks.simplified import bench_simplified
from translate_kit.config import load_config

__all__ = ["BenchReport", "Corpus", "Figure", "RepairMeasure", "generate_corpus", "measure_repairs",
           "run_benchmarks"]


def run_benchmarks(
    template: Path,
    work: Path,
    articles: int = 200,
    archive: int = 800,
    scale: int = 0,
    pdf_articles: int = 50,
    repeat: int = 1,
    search_sizes: tuple[int, ...] = (800, 5000),
    downloads_sizes: tuple[int, ...] = (),
    on_figure: Callable[[Figure], None] | None = None,
) -> BenchReport:
    """Run the benchmarks; a size of 0 leaves its section out.

    ``articles`` sizes the edition figures, ``archive`` the import, catalog and live preview ones;
    ``scale`` (e.g. 2000) adds a full build of that size against the archive's;
    ``search_sizes`` are the corpora of the search figures (() leaves them out);
    ``pdf_articles=0`` leaves out the PDFs (no TeX needed); ``downloads_sizes`` are the
    corpora of the PDF and EPUB volume and article figures.
    """
    report = BenchReport(on_figure=on_figure)
    work.mkdir(parents=True, exist_ok=True)
    bench_repair(work, report)
    bench_simplified(work, report)
    bench_proper_text(template, report)
    if articles:
        bench_editions(template, work, articles, repeat, report)
        bench_update(template, work, articles, repeat, report)
    if archive:
        bench_live(template, work, archive, repeat, report)
        full = bench_archive(template, work, archive, repeat, report)
        source = load_config(template).source_edition.slug

        def browse(root: Path, articles: int) -> None:
            bench_listings(root / "_build" / "html" / source, articles, report)

        browse(work / f"n{archive}", archive)
        if scale:
            bench_scaling(template, work, scale, full, repeat, report,
                          inspect=lambda root: browse(root, scale))
    elif scale:
        report.notes.append("the scaling figure needs --archive (its baseline)")
    if search_sizes:
        bench_search(template, work, search_sizes, report)
    if pdf_articles and shutil.which("xelatex"):
        bench_pdf(template, work, pdf_articles, repeat, report)
    elif pdf_articles:
        report.notes.append("PDF benchmark not run: xelatex is not installed")
    for size in downloads_sizes if shutil.which("xelatex") else ():
        bench_downloads(template, work, size, repeat, report)
    for size in downloads_sizes:
        bench_epub_downloads(template, work, size, repeat, report)
    return report
