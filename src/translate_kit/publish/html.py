"""Build every edition into one HTML site.

``_build/html/<slug>/`` holds one Sphinx build per edition (each with its own doctree
directory, so rebuilds are incremental), and ``_build/html/index.html`` is a chooser that
links every edition and sends a browser to the one matching its languages.  Editions are
separate processes run side by side: running them all at once rather than in a pool of
``cpu_count`` keeps the cores busy until the very end (3 editions on 2 cores take 1.5
builds' time instead of 2).
"""

from __future__ import annotations

import html
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote

from translate_kit.publish.inputs import STAMP, fingerprint, is_up_to_date
from translate_kit.sphinx_run import SphinxRun, run_sphinx
from translate_kit.catalogs.compile import compile_catalogs
from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.files import write_atomic

TEMPLATES = Path(__file__).parent / "templates"
ICON = Path(__file__).parents[1] / "sphinxext" / "static" / "translate-kit-icon.svg"
# Region subtags that read each Chinese script, for browsers that only send zh-TW etc.
SCRIPT_REGIONS = {"hant": ("zh-tw", "zh-hk", "zh-mo"), "hans": ("zh-cn", "zh-sg", "zh-my", "zh")}


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
    """The site: its directory, chooser page and every edition's build."""

    outdir: Path
    chooser: Path
    editions: tuple[EditionBuild, ...]

    @property
    def ok(self) -> bool:
        return all(build.run.ok for build in self.editions)


def build_html(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int | None = None
) -> HtmlBuild:
    """Build ``editions`` (default: all) in parallel and write the chooser page."""
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
    return HtmlBuild(outdir, write_chooser(config, outdir), builds)


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


def write_chooser(config: ProjectConfig, outdir: Path) -> Path:
    """``index.html`` linking every edition; written atomically."""
    source = config.source_edition
    esc = html.escape
    links = "\n".join(
        f'<li><a href="{esc(e.slug)}/index.html" hreflang="{esc(e.code)}" '
        f'lang="{esc(e.code)}">{esc(e.label)}</a></li>'
        for e in config.editions
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{esc(e.code)}" href="{esc(e.slug)}/index.html" />'
        for e in config.editions
    ) + '\n<link rel="alternate" hreflang="x-default" href="index.html" />'
    text = Template((TEMPLATES / "chooser.html").read_text(encoding="utf-8")).substitute(
        lang=esc(source.code),
        title=esc(config.title),
        icon=esc("data:image/svg+xml," + quote(ICON.read_text(encoding="utf-8").strip())),
        alternates=alternates,
        links=links,
        language_map=json.dumps(language_map(config)).replace("<", "\\u003c"),
    )
    target = outdir / "index.html"
    write_atomic(target, text)
    return target


def language_map(config: ProjectConfig) -> dict[str, str]:
    """Lower-case language tag -> edition index, most specific claims first."""
    found: dict[str, str] = {}
    editions = config.editions
    for e in editions:  # exact codes and Sphinx locales
        for tag in (e.code, e.sphinx_language.replace("_", "-")):
            found.setdefault(tag.lower(), f"{e.slug}/index.html")
    for e in editions:  # regions that read the edition's script
        for tag in SCRIPT_REGIONS.get(e.code.lower().rpartition("-")[2], ()):
            found.setdefault(tag, f"{e.slug}/index.html")
    for e in editions:  # bare language
        found.setdefault(e.code.split("-")[0].lower(), f"{e.slug}/index.html")
    return found
