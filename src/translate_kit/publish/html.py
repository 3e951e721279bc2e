"""Build every edition into one HTML site.

``_build/html/<slug>/`` holds one Sphinx build per edition (each with its own doctree
directory, so rebuilds are incremental); then the site is assembled (``assemble``: the
downloads and the site's own pages, the front page ``index.html`` and, with base_url,
the 404 pages, sitemap and robots.txt).  Editions are separate Sphinx processes run
side by side, forked from one that imported Sphinx once (``sphinx_run.run_sphinx_jobs``):
running them all at once rather than in a pool of ``cpu_count`` keeps the cores busy
until the very end.  Whether an edition must be built at all, and whether its last build
was interrupted, is decided for every edition before any is built (``inputs``), and its
catalogs compiled, while that process imports Sphinx.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from translate_kit.progress import Report, Step, ignore
from translate_kit.publish.assemble import assemble_site
from translate_kit.publish.inputs import begin, finish, fingerprints, is_up_to_date
from translate_kit.publish.sphinx_run import Runner, SphinxJob, SphinxRun, run_sphinx_jobs
from translate_kit.catalogs.compile import compile_catalogs
from translate_kit.config import Edition, EditionKind, ProjectConfig


@dataclass(frozen=True)
class EditionBuild:
    """One edition's Sphinx run and how long it took."""

    run: SphinxRun
    seconds: float
    up_to_date: bool = False
    """Nothing the edition reads had changed since its last clean build: Sphinx not run."""
    recovered: bool = False
    """The edition's last build never finished: it was built again from nothing."""

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
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int | None = None,
    report: Report = ignore, runner: Runner | None = None,
) -> HtmlBuild:
    """Build ``editions`` (default: all) in parallel, then the site's own pages.

    ``runner``: a runner started beforehand (``start_runner``) for at least as many
    editions, which has imported Sphinx by now; it is used up.
    """
    editions = editions or config.editions
    jobs = jobs or min(len(editions), 2 * (os.cpu_count() or 1))
    for edition in editions:  # a bar for every edition from the start, in their order
        report(Step(f"{edition.code} html", "waiting", 0, 1))
    plans: list[_Plan] = []
    begun: dict[Edition, bool] = {}

    def what_to_build() -> list[SphinxJob]:
        """While the runner imports Sphinx: the editions out of date, catalogs compiled."""
        stamps = fingerprints(config, editions, "html")
        plans.extend(_plan(config, edition, stamps[edition], report) for edition in editions)
        for edition in editions:
            if edition.kind is not EditionKind.SOURCE:
                # The extension compiles too (for plain sphinx-build); doing it here,
                # before any edition is built, turns a broken catalog into a CatalogError
                # naming file and line while the site is still as it was.
                compile_catalogs(config, edition, config.catalog_build_dir(edition),
                                 language=edition.sphinx_language)
        outdated = [p for p in plans if not p.up_to_date]
        for outdated_plan in outdated:
            begun[outdated_plan.edition] = _begin(config, outdated_plan)
        return [SphinxJob(p.edition, "html", p.target) for p in outdated]

    runs = iter(run_sphinx_jobs(config, what_to_build, len(editions), jobs, report, runner))
    builds = tuple(_finish(config, plan, None if plan.up_to_date else next(runs),
                           begun.get(plan.edition, False)) for plan in plans)
    site = assemble_site(config)
    return HtmlBuild(config.html_dir, site.front_page, builds, site.notes)


@dataclass(frozen=True)
class _Plan:
    """What an edition's build has to do, decided before any edition is built."""

    edition: Edition
    target: Path
    stamp: str
    up_to_date: bool


def _plan(config: ProjectConfig, edition: Edition, stamp: str, report: Report) -> _Plan:
    target = config.edition_html_dir(edition)
    up_to_date = is_up_to_date(config, edition, "html", stamp, target)
    if up_to_date:
        report(Step(f"{edition.code} html", "up to date", 1, 1))
    return _Plan(edition, target, stamp, up_to_date)


def _begin(config: ProjectConfig, plan: _Plan) -> bool:
    """Mark the edition's build as started; True when the last one never finished."""
    recovered = begin(config, plan.edition, "html")
    if recovered:  # half-written pages, an index that skips them: start afresh
        for partial in (plan.target, config.doctrees_dir("html", plan.edition)):
            shutil.rmtree(partial, ignore_errors=True)
    return recovered


def _finish(config: ProjectConfig, plan: _Plan, run: SphinxRun | None,
            recovered: bool) -> EditionBuild:
    if run is None:
        return EditionBuild(SphinxRun(plan.edition, "html", plan.target, 0, (), ""), 0.0,
                            up_to_date=True)
    if run.ok:  # a build with warnings runs again and shows them again
        finish(config, plan.edition, "html", None if run.warnings else plan.stamp)
    return EditionBuild(run, run.seconds, recovered=recovered)
