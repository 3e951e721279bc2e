"""One PDF per volume of each edition, and one per article: Sphinx's LaTeX builder, then
latexmk with xelatex, then pypdf.

Editions are independent, so they are built side by side (``downloads``: one Sphinx run
for the edition's outdated volumes, then one latexmk run per such volume, each in its own
process).  A volume whose inputs did not change is not typeset again (``volumes``), and
articles are cut from their volume's PDF (``split``), never typeset one by one.  LaTeX runs without shell
escape; a character no font has fails the build with the character, its code point,
the edition and, when it can be found, the file and line it comes from.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from translate_kit.fonts import fonts_for
from translate_kit.progress import Report, Step, ignore
from translate_kit.publish.status import latexmk_step
from translate_kit.publish.downloads import DownloadBuild, EditionFile, build_each
from translate_kit.publish.inputs import begin, finish, is_up_to_date
from translate_kit.publish.split import split_articles
from translate_kit.publish.sphinx_run import run_sphinx
from translate_kit.publish.volumes import Volume, plan_volumes
from translate_kit.contract import ARTICLES_SUFFIX, VOLUMES_OPTION
from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import BuildError
from translate_kit.files import copy_atomic
from translate_kit.tools import run_tool

DEBIAN_PACKAGES = (
    "texlive-xetex", "texlive-lang-chinese", "texlive-latex-recommended",
    "texlive-latex-extra", "texlive-fonts-recommended", "latexmk",
    "fonts-noto-cjk", "fonts-noto-core",
)
TEX_TOOLS = ("xelatex", "xdvipdfmx", "latexmk", "fc-list")

MISSING_CHAR = re.compile(r"Missing character: There is no (.+?) \(U\+([0-9A-F]{4,6})\) in font (.+?)/")
TEX_ERROR = re.compile(r"^(?:!|\S+\.tex:\d+:) (.*(?:\n\(.*)*)", re.MULTILINE)
SEARCHED_SUFFIXES = (".md", ".rst", ".txt", ".po")


def build_pdfs(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int = 2,
    report: Report = ignore,
) -> DownloadBuild:
    """Build the PDFs of ``editions`` (default: all) into ``_build/pdf/``, ``jobs`` at a time."""
    editions = config.editions if editions is None else editions
    check_tex(config, editions)
    return build_each("PDF", editions, lambda e: build_edition_pdf(config, e, report), jobs)


def check_tex(config: ProjectConfig, editions: tuple[Edition, ...]) -> None:
    """Stop early, naming the Debian packages, when TeX or the fonts are not installed."""
    missing = [tool for tool in TEX_TOOLS if shutil.which(tool) is None]
    if not missing:
        families = {f for e in editions for f in fonts_for(config, e).families}
        missing = [f"font {f!r}" for f in sorted(families) if not _font_installed(f)]
    if missing:
        raise BuildError(
            f"cannot build PDFs: {', '.join(missing)} not found. Install TeX Live and the "
            f"Noto fonts: sudo apt-get install {' '.join(DEBIAN_PACKAGES)}"
        )


def _font_installed(family: str) -> bool:
    return run_tool(["fc-list", "-q", family], check=False).returncode == 0


def build_edition_pdf(config: ProjectConfig, edition: Edition, report: Report = ignore
                      ) -> EditionFile:
    """The edition's volumes whose inputs changed: one Sphinx run writes their ``.tex``
    into ``_build/latex/<slug>/``, latexmk typesets each, and each is copied to
    ``_build/pdf/`` and cut into its articles' PDFs (``split``)."""
    started = time.monotonic()
    task = f"{edition.code} pdf"
    latex_dir = config.latex_dir(edition)
    volumes = plan_volumes(config, edition)
    outdated = [v for v in volumes if not is_up_to_date(
        config, edition, v.builder, v.stamp, config.volume_pdf_path(edition, v.name))]
    warnings: tuple[str, ...] = ()
    if outdated:
        for volume in outdated:
            if begin(config, edition, volume.builder):  # half-written .aux files: start afresh
                for partial in latex_dir.glob(_stem(config, edition, volume) + ".*"):
                    partial.unlink()
        names = ",".join(volume.name for volume in outdated)
        run = run_sphinx(config, edition, "latex", latex_dir, ("-D", f"{VOLUMES_OPTION}={names}"),
                         report=lambda step: report(dataclasses.replace(step, task=task)))
        if not run.ok:
            raise BuildError(f"edition {edition.code}: Sphinx failed:\n{run.output.strip()}")
        warnings = run.warnings
        for volume in outdated:
            _typeset_volume(config, edition, volume, lambda line: _report_pass(report, task, line))
    _remove_stale(config, edition, volumes)
    report(Step(task, "done", 1, 1))
    return EditionFile(edition, config.volume_pdf_path(edition, volumes[-1].name if volumes else ""),
                       time.monotonic() - started, warnings,
                       tuple(config.volume_pdf_path(edition, v.name) for v in volumes),
                       tuple(v.name for v in outdated))


def _remove_stale(config: ProjectConfig, edition: Edition, volumes: list[Volume]) -> None:
    """Remove the PDFs of volumes and articles that are no more (deleted, or redated)."""
    kept = {config.volume_pdf_path(edition, v.name) for v in volumes}
    kept |= {config.article_pdf_path(edition, doc) for v in volumes for doc in v.docnames}
    built = [*config.volume_pdfs(edition), *(config.pdf_dir / edition.slug).rglob("*.pdf")]
    for path in built:
        if path not in kept:
            path.unlink()


def _stem(config: ProjectConfig, edition: Edition, volume: Volume) -> str:
    return config.volume_pdf_name(edition, volume.name).removesuffix(".pdf")


def _typeset_volume(config: ProjectConfig, edition: Edition, volume: Volume,
                    on_line: Callable[[str], None]) -> None:
    """latexmk on the volume's ``.tex``; its PDF published, then cut into its articles."""
    tex = config.latex_dir(edition) / (_stem(config, edition, volume) + ".tex")
    _run_latexmk(config, edition, tex, on_line)
    listing = json.loads(tex.with_suffix(ARTICLES_SUFFIX).read_text(encoding="utf-8"))
    split_articles(tex.with_suffix(".pdf"),
                   [(title, config.article_pdf_path(edition, doc)) for doc, title in listing])
    copy_atomic(tex.with_suffix(".pdf"), config.volume_pdf_path(edition, volume.name))
    finish(config, edition, volume.builder, volume.stamp)


def latexmk_command(tex: Path) -> list[str]:
    """xelatex through latexmk, no shell escape, no rc files that could change that."""
    return [
        "latexmk", "-norc", "-xelatex", "-interaction=nonstopmode", "-file-line-error",
        "-no-shell-escape", tex.name,
    ]


def _report_pass(report: Report, task: str, line: str) -> None:
    step = latexmk_step(task, line)
    if step is not None:
        report(step)


def _run_latexmk(
    config: ProjectConfig, edition: Edition, tex: Path, on_line: Callable[[str], None]
) -> None:
    # Unwrapped log lines, so a missing character's message is on one line.
    env = {**os.environ, "max_print_line": "100000"}
    output = []
    with subprocess.Popen(latexmk_command(tex), cwd=tex.parent, env=env, text=True,
                          errors="replace", stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as proc:
        for line in proc.stdout:
            output.append(line)
            on_line(line)
    if proc.returncode == 0 and tex.with_suffix(".pdf").is_file():
        return
    log_path = tex.with_suffix(".log")
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.is_file() else ""
    raise _latex_error(config, edition, log or "".join(output), log_path)


def _latex_error(config: ProjectConfig, edition: Edition, log: str, log_path: Path) -> BuildError:
    """The most useful error from a failed LaTeX log: missing glyphs first."""
    missing = dict.fromkeys((m[1], m[2], m[3]) for m in MISSING_CHAR.finditer(log))
    if missing:
        char, code, font = next(iter(missing))
        others = "".join(f", {c} (U+{p})" for c, p, _ in list(missing)[1:])
        where = _locate(config, edition, char)
        return BuildError(
            f"edition {edition.code}: no font has the character {char} (U+{code}); "
            f"{font} lacks it{'; also missing' + others if others else ''}",
            *where,
        )
    errors = TEX_ERROR.findall(log)
    detail = " ".join(errors[0].split()) if errors else "see the log"
    return BuildError(f"edition {edition.code}: LaTeX failed: {detail}", log_path)


def _locate(config: ProjectConfig, edition: Edition, char: str) -> tuple[Path, int, int] | tuple[()]:
    """Where ``char`` first occurs in the sources or the edition's catalogs, if anywhere."""
    folders = (config.docs_dir, config.locale_dir / edition.locale_name)
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.suffix not in SEARCHED_SUFFIXES or config.build_dir in path.parents:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                if char in line:
                    return path, number, line.index(char) + 1
    return ()

