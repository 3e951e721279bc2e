"""Time translate-kit's builds against the plain Sphinx workflow in the same run.

Every figure is a ratio to a baseline measured in the same invocation on the same
corpus, because this machine's speed varies from run to run.  Each step runs in a fresh
process, as users run it, and takes the best of ``repeat`` runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translate_kit.bench.corpus import Corpus, generate_corpus
from translate_kit.config import EditionKind, load_config
from translate_kit.errors import BuildError


@dataclass(frozen=True)
class Figure:
    """One benchmark result: a time (or a size), and its ratio to a baseline against a target."""

    name: str
    seconds: float
    """The measured value: seconds, or a count of ``unit`` when ``unit`` is not ``s``."""
    baseline: str = ""
    ratio: float | None = None
    target: float | None = None
    unit: str = "s"

    @property
    def met(self) -> bool | None:
        if self.ratio is None or self.target is None:
            return None
        return self.ratio <= self.target


@dataclass
class BenchReport:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    measures: dict[str, dict[str, object]] = field(default_factory=dict)
    """Figures that are not times (the import's repair rate), by name."""

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def as_json(self) -> dict[str, object]:
        figures = [asdict(f) | {"met": f.met} for f in self.figures]
        return {"figures": figures, "notes": self.notes, "measures": self.measures}


# Users' Pythons cache compiled modules; an environment that forbids it would charge every
# run of either workflow for compiling its modules again.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_ENV)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise BuildError(f"{' '.join(command)} failed:\n{proc.stdout}\n{proc.stderr}", cwd)
    return elapsed


def _best(repeat: int, prepare: Callable[[], None], command: list[str], cwd: Path) -> float:
    """Best time of ``repeat`` runs, each after ``prepare`` (which resets state)."""
    times = []
    for _ in range(repeat):
        prepare()
        times.append(_timed(command, cwd))
    return min(times)


def _clean(path: Path) -> Callable[[], None]:
    return lambda: shutil.rmtree(path, ignore_errors=True)


_TK = [sys.executable, "-m", "translate_kit"]


def _sphinx(corpus: Corpus, outdir: Path, *settings: str) -> list[str]:
    defines = [arg for setting in settings for arg in ("-D", setting)]
    return [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", *defines,
        "-d", str(outdir / ".doctrees"), str(corpus.root / "docs"), str(outdir),
    ]


def bench_html(template: Path, work: Path, articles: int, repeat: int, report: BenchReport) -> None:
    """The issue's HTML targets at N=``articles``."""
    corpus = generate_corpus(work / f"n{articles}", articles, template)
    root, build = corpus.root, corpus.root / "_build"
    config = load_config(root)
    source, script = config.source_edition, config.editions_of(EditionKind.SCRIPT)
    plain_out = build / "plain"
    plain = _best(repeat, _clean(plain_out), _sphinx(
        corpus, plain_out, "extensions=myst_parser", f"language={source.sphinx_language}"
    ), root)
    report.add(Figure(f"plain sphinx-build -b html, N={articles}", plain))

    full = _best(repeat, _clean(build), [*_TK, "build", "html"], root)
    report.add(Figure(f"translate-kit build html, {len(config.editions)} editions, N={articles}",
                      full, "plain", full / plain, 1.5))

    edition_out = build / "one-edition"
    alone = _best(repeat, _clean(edition_out), _sphinx(
        corpus, edition_out, f"language={source.sphinx_language}",
        f"translate_kit_edition={source.code}"), root)
    report.add(Figure(f"{source.code} edition alone, N={articles}", alone, "plain", alone / plain))
    for edition in script:
        seconds = _best(repeat, _clean(edition_out), _sphinx(
            corpus, edition_out, f"language={edition.sphinx_language}",
            f"translate_kit_edition={edition.code}"), root)
        report.add(Figure(f"{edition.code} edition alone, N={articles}", seconds,
                          f"{source.code} edition alone", seconds / alone, 1.1))

    shutil.rmtree(build, ignore_errors=True)
    _timed([*_TK, "build", "html"], root)
    po = root / "locale" / "en" / "LC_MESSAGES" / f"{corpus.articles[0]}.po"
    rebuild = _best(repeat, lambda: _edit_po(po), [*_TK, "build", "html"], root)
    report.add(Figure("rebuild after one .po edit", rebuild, "full build", rebuild / full, 0.1))


def _edit_po(po: Path) -> None:
    """Change one translation, as a translator saving in their editor does."""
    text = po.read_text(encoding="utf-8")
    marker = " in English."
    edited = text.replace(marker, " in English!", 1) if marker in text else text.replace(
        " in English!", marker, 1)
    po.write_text(edited, encoding="utf-8")


def bench_scaling(template: Path, work: Path, sizes: tuple[int, int], report: BenchReport) -> None:
    """Full builds at two sizes: twice the articles may cost at most 2.3 times the time."""
    times = []
    for articles in sizes:
        corpus = generate_corpus(work / f"n{articles}", articles, template)
        times.append(_best(1, _clean(corpus.root / "_build"), [*_TK, "build", "html"], corpus.root))
        report.add(Figure(f"translate-kit build html, N={articles}", times[-1]))
    small, large = sizes
    report.add(Figure(f"N={large} vs N={small}", times[1], f"N={small}", times[1] / times[0],
                      2.3))


def bench_update(template: Path, work: Path, articles: int, report: BenchReport) -> None:
    """translate-kit update against sphinx-build -b gettext + sphinx-intl update."""
    corpus = generate_corpus(work / f"update{articles}", articles, template)
    root = corpus.root
    pristine = work / f"update{articles}-locale"
    shutil.rmtree(pristine, ignore_errors=True)
    shutil.copytree(root / "locale", pristine)

    def reset() -> None:
        shutil.rmtree(root / "_build", ignore_errors=True)
        shutil.rmtree(root / "locale")
        shutil.copytree(pristine, root / "locale")

    pot = root / "_build" / "plain-gettext"
    plain = _best(1, reset, [
        sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-D", "gettext_compact=0",
        "-D", "extensions=myst_parser", str(root / "docs"), str(pot),
    ], root)
    plain += _timed([
        sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-l", "en",
        "-d", str(root / "locale"),
    ], root)
    report.add(Figure(f"sphinx-build -b gettext + sphinx-intl update, N={articles}", plain))
    ours = _best(1, reset, [*_TK, "update"], root)
    report.add(Figure(f"translate-kit update, N={articles}", ours, "gettext + sphinx-intl",
                      ours / plain, 1.0))


def bench_pdf(template: Path, work: Path, articles: int, report: BenchReport) -> None:
    """Time of every edition's PDF for a corpus of ``articles``, against plain HTML."""
    corpus = generate_corpus(work / f"pdf{articles}", articles, template)
    root = corpus.root
    plain = _best(1, _clean(root / "_build"), _sphinx(corpus, root / "_build" / "plain",
                                                       "extensions=myst_parser"), root)
    report.add(Figure(f"plain sphinx-build -b html, N={articles}", plain))
    seconds = _best(1, _clean(root / "_build"), [*_TK, "build", "pdf"], root)
    report.add(Figure(f"translate-kit build pdf, all editions, N={articles}", seconds, "plain",
                      seconds / plain))
