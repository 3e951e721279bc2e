"""What one search downloads, and what the index costs to build, against Sphinx's own.

For each corpus size the source edition is built as users build it, and a plain
``sphinx-build`` of the same documents (basic theme) gives Sphinx's jieba index (``searchindex.js``,
which its search page loads whole).  Headless Chromium then opens the edition's
``search.html?q=…`` for a few queries over loopback HTTP with an empty cache and adds up
every response: page, theme, scripts, index shards and result records.  The index's
build time is measured apart from the rest of the build: a fresh process loads the
built doctrees and times only feeding them to Sphinx's ``IndexBuilder`` and writing
the index, once with Sphinx's jieba language and once with translate-kit's.
"""

from __future__ import annotations

import functools
import shutil
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_corpus
from benchmarks.run import _ENV, _TK, BenchReport, Figure, _plain_sphinx, _timed
from translate_kit.config import load_config

BUDGET = 300_000
QUERIES = ("經濟開發區", "项目招引", "發展", "综合保税区 高质量发展", "張")
CHROMIUM = Path("/usr/bin/chromium")


def bench_search(template: Path, work: Path, sizes: tuple[int, ...], report: BenchReport) -> None:
    for articles in sizes:
        corpus = generate_corpus(work / f"search{articles}", articles, template)
        root = corpus.root
        config = load_config(root)
        source = config.source_edition
        shutil.rmtree(root / "_build", ignore_errors=True)
        plain_out = root / "_build" / "plain"
        # Sphinx's basic theme: its index is furo's, and its build is not quadratic (furo
        # puts the whole navigation on every page: 15+ CPU minutes at N=5000).
        plain = _timed(_plain_sphinx(corpus, plain_out, source.sphinx_language, "basic"),
                       root).seconds
        report.add(Figure.of(f"plain sphinx-build, basic theme (jieba index), N={articles}",
                             plain))
        sphinx_index = (plain_out / "searchindex.js").stat().st_size
        ours = _timed([*_TK, "build", "html", "-e", source.code], root).seconds
        report.add(Figure.of(f"{source.code} edition with the sharded index, N={articles}", ours,
                             "plain", ours / plain))
        _index_times(root, config.doctrees_dir("html", source), source, articles, report)
        _downloads(config.edition_html_dir(source), articles, sphinx_index, report)


_WITH_BENCHMARKS = {**_ENV, "PYTHONPATH": os.pathsep.join(
    filter(None, (_ENV.get("PYTHONPATH"), str(Path(__file__).resolve().parents[1]))))}
"""The environment of a child that runs a benchmark module from the project's folder."""


def _index_times(root: Path, doctrees: Path, source: Any, articles: int,
                 report: BenchReport) -> None:
    times = {}
    for engine in ("sphinx", "translate-kit"):
        command = [sys.executable, "-m", "benchmarks.search_index_time", str(root / "docs"),
                   str(doctrees), source.code, source.sphinx_language, engine]
        done = subprocess.run(command, capture_output=True, text=True, env=_WITH_BENCHMARKS,
                              cwd=root)
        if done.returncode != 0:
            raise RuntimeError(done.stdout + done.stderr)
        times[engine] = float(done.stdout.split()[-1])
    report.add(Figure.of(f"index build, Sphinx jieba, N={articles}", times["sphinx"]))
    report.add(Figure.of(f"index build, folded bigrams + shards, N={articles}",
                         times["translate-kit"], "Sphinx jieba",
                         times["translate-kit"] / times["sphinx"]))


def _downloads(site: Path, articles: int, sphinx_index: int, report: BenchReport) -> None:
    if not CHROMIUM.exists():
        report.notes.append("search download not measured: /usr/bin/chromium is not installed")
        return
    sizes = [_bytes_of_search(site, query) for query in QUERIES]
    largest = max(sizes)
    report.add(Figure.of(f"Sphinx's searchindex.js alone, N={articles}", sphinx_index,
                         unit="bytes"))
    report.add(Figure.of(f"one search downloads (largest of {len(QUERIES)} queries), N={articles}",
                         largest, "300 KB budget", largest / BUDGET, 1.0, unit="bytes"))
    report.notes.append(f"N={articles}: bytes per query "
                        + ", ".join(f"{q}: {n:,}" for q, n in zip(QUERIES, sizes, strict=True)))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _bytes_of_search(site: Path, query: str) -> int:
    """Every byte the browser receives to show the results of ``query``, cache empty."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            received: list[int] = []
            page.on("response", lambda response: received.append(len(response.body())))
            page.goto(f"http://127.0.0.1:{server.server_port}/search.html?q={query}")
            page.wait_for_selector("#search-results .search-summary:not(:empty)")
            page.wait_for_load_state("networkidle")
            time.sleep(0.2)
            browser.close()
        server.shutdown()
    return sum(received)
