"""``make bench``: translate-kit's builds timed against plain Sphinx on a synthetic corpus,
and the import's repair of naively converted text measured on hand-written articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from translate_kit.bench.corpus import Corpus, generate_corpus
from translate_kit.bench.live import bench_live
from translate_kit.bench.repair import RepairMeasure, bench_repair, measure_repairs
from translate_kit.bench.run import (
    BenchReport,
    Figure,
    bench_html,
    bench_pdf,
    bench_scaling,
    bench_update,
)
from translate_kit.bench.search import bench_search

__all__ = ["BenchReport", "Corpus", "Figure", "RepairMeasure", "generate_corpus", "measure_repairs",
           "run_benchmarks"]


def run_benchmarks(
    template: Path,
    work: Path,
    articles: int = 200,
    sizes: tuple[int, int] = (400, 800),
    pdf_articles: int = 50,
    repeat: int = 1,
    search_sizes: tuple[int, ...] = (800, 5000),
) -> BenchReport:
    """Run every benchmark; ``pdf_articles=0`` leaves out the PDFs (no TeX needed)."""
    report = BenchReport()
    work.mkdir(parents=True, exist_ok=True)
    bench_repair(work, report)
    bench_html(template, work, articles, repeat, report)
    bench_update(template, work, articles, report)
    bench_live(template, work, articles, repeat, report)
    if sizes:
        bench_scaling(template, work, sizes, report)
    if search_sizes:
        bench_search(template, work, search_sizes, report)
    if pdf_articles and shutil.which("xelatex"):
        bench_pdf(template, work, pdf_articles, report)
    elif pdf_articles:
        report.notes.append("PDF benchmark not run: xelatex is not installed")
    return report
