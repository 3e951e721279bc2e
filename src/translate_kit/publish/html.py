"""Build every edition into one HTML site.

``_build/html/<slug>/`` holds one Sphinx build per edition (each with its own doctree
directory, so rebuilds are incremental); then the site's own pages are written
(``sitewide``: the front page ``index.html``, and with base_url the 404 pages, sitemap
and robots.txt).  Editions are separate processes run side by side: running them all
at once rather than in a pool of ``cpu_count`` keeps the cores busy until the very end
(3 editions on 2 cores take 1.5 builds' time instead of 2).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from translate_kit.publish.inputs import STAMP, fingerprint, is_up_to_date
from translate_kit.sphinx_run import SphinxRun, run_sphinx
from translate_kit.catalogs.compile import compile_catalogs
from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.publish.sitewide import write_site_pages


@dataclass(frozen=True)
class EditionBuild:
    """One edition's Sphinx run and how long it took."""

    run: SphinxRun
    seconds: float
    up_to_date: bool = False
    """Nothing the edition reads had changed since its last clean build: Sphinx not run."""

    @property
    def edition(self) -> Edition:
        return self.run.edition


@dataclass(frozen=True)
class HtmlBuild:
    """The site: its directory, front page, every edition's build and notes for the reader."""

    outdir: Path
    chooser: Path
    editions: tuple[EditionBuild, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return all(build.run.ok for build in self.editions)


def build_html(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int | None = None
) -> HtmlBuild:
    """Build ``editions`` (default: all) in parallel, then the site's own pages."""
    editions = editions or config.editions
    jobs = jobs or min(len(editions), 2 * (os.cpu_count() or 1))
    outdir = config.html_dir
    for edition in editions:
        if edition.kind is not EditionKind.SOURCE:
            # The extension compiles too (for plain sphinx-build); doing it here, before any
            # edition is built, turns a broken catalog into a CatalogError naming file and
            # line while the site is still as it was, instead of a Sphinx crash.
            compile_catalogs(config, edition, config.catalog_build_dir(edition),
                             language=edition.sphinx_language)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        builds = tuple(pool.map(lambda e: _build_one(config, e, outdir), editions))
    pages = write_site_pages(config)
    return HtmlBuild(outdir, pages.front_page, builds, pages.notes)


def _build_one(config: ProjectConfig, edition: Edition, outdir: Path) -> EditionBuild:
    start = time.perf_counter()
    target = config.edition_html_dir(edition)
    stamp = fingerprint(config, edition, "html")
    if is_up_to_date(target, stamp):
        run = SphinxRun(edition, "html", target, 0, (), "")
        return EditionBuild(run, time.perf_counter() - start, up_to_date=True)
    (target / STAMP).unlink(missing_ok=True)
    run = run_sphinx(config, edition, "html", target)
    if run.ok and not run.warnings:  # a build with warnings runs again and shows them again
        (target / STAMP).write_text(stamp, encoding="utf-8")
    return EditionBuild(run, time.perf_counter() - start)
