"""Time translate-kit's work against baselines measured in the same run.

Every figure is a ratio to a baseline measured in the same invocation on the same
corpus, because this machine's speed varies from run to run.  Each step runs in a fresh
process, as users run it, ``repeat`` times; the best run counts and the range of all
runs is kept, so a noisy machine shows as a wide range rather than a wrong figure.

The sections follow what a publisher waits for:

- ``bench_editions``: the three-edition build against one edition of the same project
  (and, for comparison only, plain Sphinx with furo), the three measured in turns, and
  the rebuild after a translator saves one catalog;
- ``bench_update``: ``translate-kit update`` against ``sphinx-build -b gettext`` and
  ``sphinx-intl update``;
- ``bench_archive``: at archive size, importing one new article (against the same
  import into the shipped project), importing and publishing it (against a full build),
  and ``stats``/``check`` after one catalog changed (against reading every catalog);
- ``bench_scaling``: a full build of a larger archive against the archive-size build,
  with its peak memory;
- ``bench_pdf``: every edition's PDF against plain HTML.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.corpus import Corpus, generate_corpus, write_source
from translate_kit.config import load_config
from translate_kit.errors import BuildError

NEW_ARTICLE = "sources/bench-new-article.txt"
NEW_ARTICLE_DATE = "2099-01-01"
"""Later than every corpus article (one a day from 2024), as a newly published one is."""
SHIPPED_FILES = ("translate-kit.toml", "docs", "locale", "sources")


@dataclass(frozen=True)
class Run:
    """One timed command: wall-clock seconds and the peak memory of its largest process."""

    seconds: float
    peak_kib: int


@dataclass(frozen=True)
class Figure:
    """One benchmark result: its runs, and the best run's ratio to a baseline."""

    name: str
    runs: tuple[Run, ...]
    """The runs; their ``seconds`` are a count of ``unit`` when ``unit`` is not ``s``."""
    baseline: str = ""
    ratio: float | None = None
    target: float | None = None
    unit: str = "s"

    @classmethod
    def of(cls, name: str, value: float, baseline: str = "", ratio: float | None = None,
           target: float | None = None, unit: str = "s") -> Figure:
        """A figure measured once (a size, or a time measured in its own way)."""
        return cls(name, (Run(value, 0),), baseline, ratio, target, unit)

    @property
    def seconds(self) -> float:
        return min(run.seconds for run in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        """Fastest and slowest run."""
        times = [run.seconds for run in self.runs]
        return min(times), max(times)

    @property
    def peak_mib(self) -> float:
        return max(run.peak_kib for run in self.runs) / 1024

    @property
    def met(self) -> bool | None:
        if self.ratio is None or self.target is None:
            return None
        return self.ratio <= self.target

    def against(self, name: str, baseline: Figure, target: float | None = None) -> Figure:
        """This measurement as a figure named ``name``, compared with ``baseline``."""
        return Figure(name, self.runs, baseline.name, self.seconds / baseline.seconds, target)


@dataclass
class BenchReport:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    measures: dict[str, dict[str, object]] = field(default_factory=dict)
    """Figures that are not times (the import's repair rate), by name."""
    on_figure: Callable[[Figure], None] | None = None
    """Told about each figure as soon as it is measured (the CLI shows progress)."""

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        if self.on_figure is not None:
            self.on_figure(figure)
        return figure

    def as_json(self) -> dict[str, object]:
        figures = [
            asdict(f) | {"seconds": f.seconds, "spread": f.spread, "peak_mib": f.peak_mib,
                         "met": f.met}
            for f in self.figures
        ]
        return {"figures": figures, "notes": self.notes, "measures": self.measures}


# Users' Pythons cache compiled modules; an environment that forbids it would charge every
# run of either workflow for compiling its modules again.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_TK = [sys.executable, "-m", "translate_kit"]


def _timed(command: list[str], cwd: Path) -> Run:
    """Run ``command``; its time and the peak resident memory of its largest process.

    ``wait4`` reports the usage of this child and of every descendant it waited for
    (sphinx-build, latexmk), and nothing of earlier commands.
    """
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise BuildError(f"{' '.join(command)} failed:\n{text}", cwd)
    return Run(elapsed, usage.ru_maxrss)


Step = tuple[Callable[[], None], Sequence[list[str]]]
"""What to do before a timed run, and the commands it times one after the other."""


def _measure(
    repeat: int, prepare: Callable[[], None], commands: Sequence[list[str]], cwd: Path
) -> tuple[Run, ...]:
    """``repeat`` runs of ``commands`` one after the other, each after ``prepare``."""
    return _alternating(repeat, cwd, (prepare, commands))[0]


def _alternating(repeat: int, cwd: Path, *steps: Step) -> list[tuple[Run, ...]]:
    """The runs of each step, the steps taking turns ``repeat`` times.

    A figure and its baseline measured in turns see the same machine: on a shared one,
    whose speed drifts over minutes, all of one and then all of the other do not.
    """
    runs: list[list[Run]] = [[] for _ in steps]
    for _ in range(repeat):
        for (prepare, commands), step_runs in zip(steps, runs):
            prepare()
            timed = [_timed(command, cwd) for command in commands]
            step_runs.append(Run(sum(s.seconds for s in timed), max(s.peak_kib for s in timed)))
    return [tuple(step_runs) for step_runs in runs]


def _clean(*paths: Path) -> Callable[[], None]:
    def remove() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)

    return remove


def _plain_sphinx(corpus: Corpus, outdir: Path, language: str, theme: str = "") -> list[str]:
    """Plain sphinx-build of the same documents: myst-parser and furo (or ``theme``), no
    translate-kit.

    Chinese search gets jieba's own dictionary named as a string, which is what Sphinx
    loads by default: Sphinx 8.2 passes its default to jieba as a path object, which
    jieba cannot read.
    """
    import jieba

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    return [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", "extensions=myst_parser",
        "-D", f"language={language}", "-D", f"html_search_options.dict={dictionary}",
        *(("-D", f"html_theme={theme}") if theme else ()),
        "-d", str(outdir / ".doctrees"), str(corpus.root / "docs"), str(outdir),
    ]


def bench_editions(template: Path, work: Path, articles: int, repeat: int,
                   report: BenchReport) -> None:
    """Three editions against one, at N=``articles``; a rebuild after one ``.po`` edit."""
    corpus = generate_corpus(work / f"n{articles}", articles, template)
    root, build = corpus.root, corpus.root / "_build"
    source = load_config(root).source_edition
    plain_out = build / "plain"
    plain_runs, single_runs, full_runs = _alternating(
        repeat, root,
        (_clean(plain_out), [_plain_sphinx(corpus, plain_out, source.sphinx_language)]),
        (_clean(build), [[*_TK, "build", "html", "-e", source.code]]),
        (_clean(build), [[*_TK, "build", "html"]]))
    plain = report.add(Figure(
        f"plain Sphinx + furo, 1 language (comparison only), N={articles}", plain_runs))
    single = report.add(Figure(
        f"build html -e {source.code} (single edition), N={articles}", single_runs))
    full = report.add(Figure("", full_runs).against(f"build html, 3 editions, N={articles}",
                                                     single, 1.3))
    report.add(full.against(f"build html, 3 editions, vs plain Sphinx + furo, N={articles}",
                            plain))
    po = root / "locale" / "en" / "LC_MESSAGES" / f"{corpus.articles[0]}.po"
    rebuild = Figure("", _measure(repeat, lambda: _edit_po(po), [[*_TK, "build", "html"]], root))
    report.add(rebuild.against(f"rebuild after one .po edit, N={articles}", full, 0.08))


def _edit_po(po: Path) -> None:
    """Change one translation, as a translator saving in their editor does."""
    text = po.read_text(encoding="utf-8")
    marker = " in English."
    edited = text.replace(marker, " in English!", 1) if marker in text else text.replace(
        " in English!", marker, 1)
    po.write_text(edited, encoding="utf-8")


def bench_update(template: Path, work: Path, articles: int, repeat: int,
                 report: BenchReport) -> None:
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
    plain_runs, our_runs = _alternating(repeat, root, (reset, [
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-D", "gettext_compact=0",
         "-D", "extensions=myst_parser", str(root / "docs"), str(pot)],
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-l", "en",
         "-d", str(root / "locale")],
    ]), (reset, [[*_TK, "update"]]))
    plain = report.add(Figure(f"sphinx-build -b gettext + sphinx-intl update, N={articles}",
                              plain_runs))
    report.add(Figure("", our_runs).against(f"translate-kit update, N={articles}", plain, 1.0))


def _shipped_copy(template: Path, target: Path) -> Path:
    """A copy of the shipped project (its configuration, documents, catalogs, sources)."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in SHIPPED_FILES:
        if (template / name).is_dir():
            shutil.copytree(template / name, target / name,
                            ignore=shutil.ignore_patterns("_build", ".*"))
        elif (template / name).is_file():
            shutil.copy2(template / name, target / name)
    return target


def _import_reset(root: Path, folders: tuple[str, ...] = ("docs",)) -> Callable[[], None]:
    """Undo the import of the new article, so that every run imports it afresh.

    Call it before the first import: it restores ``folders`` (``docs/``, and ``locale/``
    where an update made the article's catalogs) as they are now.
    """
    kept = {path: path.read_bytes() for folder in folders
            for path in (root / folder).rglob("*") if path.is_file()}

    def reset() -> None:
        for folder in folders:
            for path in (root / folder).rglob("*"):
                if path.is_file() and path not in kept:
                    path.unlink()
        for path, data in kept.items():
            if path.read_bytes() != data:
                path.write_bytes(data)

    return reset


def _import_command() -> list[str]:
    return [*_TK, "import", NEW_ARTICLE, "--date", NEW_ARTICLE_DATE]


def bench_archive(template: Path, work: Path, articles: int, repeat: int,
                  report: BenchReport) -> Figure:
    """One new article into an archive of ``articles``; ``stats`` and ``check``.

    Returns the full build of the archive, the baseline of ``bench_scaling``.
    """
    shipped = _shipped_copy(template, work / "shipped")
    write_source(shipped / NEW_ARTICLE)
    reset_shipped = _import_reset(shipped)  # before the first import: each run imports anew
    _timed(_import_command(), shipped)  # what an import leaves behind is there, as in use
    into_shipped = report.add(Figure(
        "import of one article into the shipped project",
        _measure(repeat, reset_shipped, [_import_command()], shipped)))

    corpus = generate_corpus(work / f"n{articles}", articles, template)
    root = corpus.root
    write_source(root / NEW_ARTICLE)
    full = report.add(Figure(f"build html, full, N={articles}", _measure(
        repeat, _clean(root / "_build"), [[*_TK, "build", "html"]], root)))
    reset = _import_reset(root)
    _timed(_import_command(), root)
    imported = Figure("", _measure(repeat, reset, [_import_command()], root))
    report.add(imported.against(f"import of one article, N={articles}", into_shipped, 1.2))

    def reset_and_build() -> None:
        reset()
        _timed([*_TK, "build", "html"], root)

    published = Figure("", _measure(repeat, reset_and_build,
                                    [_import_command(), [*_TK, "build", "html"]], root))
    report.add(published.against(f"import + build html of one article, N={articles}", full, 0.08))
    reset()
    _bench_update_after_import(root, articles, repeat, report)
    _bench_catalog_commands(root, articles, repeat, report)
    return full


def _bench_update_after_import(root: Path, articles: int, repeat: int, report: BenchReport) -> None:
    """``update`` after one article was imported: starting from what the last update's
    memory lookups found, against comparing every message with every translation."""
    cache = load_config(root).cache_dir("catalogs")
    _timed([*_TK, "update"], root)  # the generated catalogs, written as update writes them
    reset = _import_reset(root, ("docs", "locale"))

    def updated_then_imported() -> None:
        reset()
        _timed([*_TK, "update"], root)
        _timed(_import_command(), root)

    def imported_without_lookups() -> None:
        updated_then_imported()
        for kept in cache.glob("similar-*.json"):
            kept.unlink()

    every, since = _alternating(repeat, root, (imported_without_lookups, [[*_TK, "update"]]),
                                (updated_then_imported, [[*_TK, "update"]]))
    cold = report.add(Figure(
        f"update after one import, every message compared with every translation, "
        f"N={articles}", every))
    report.add(Figure("", since).against(
        f"update after one import, from the last update's lookups, N={articles}", cold))
    reset()


def _bench_catalog_commands(root: Path, articles: int, repeat: int, report: BenchReport) -> None:
    """``stats`` and ``check`` after one catalog changed, against reading every catalog."""
    cache = load_config(root).cache_dir("catalogs")
    po = root / "locale" / "en" / "LC_MESSAGES" / "articles" / "a0001.po"
    # stats --json: the same figures without the table of every document, which rich
    # renders in O(N) whatever the stage costs.
    for command in (["stats"], ["stats", "--json"], ["check"]):
        name = " ".join(command)
        # check exits 1 on errors; the synthetic catalogs have none.
        cold = report.add(Figure(f"{name}, every catalog read, N={articles}", _measure(
            repeat, _clean(cache), [[*_TK, *command]], root)))
        _timed([*_TK, *command], root)
        warm = Figure("", _measure(repeat, lambda: _edit_po(po), [[*_TK, *command]], root))
        report.add(warm.against(f"{name} after one .po edit, N={articles}", cold, 0.3))


def bench_scaling(template: Path, work: Path, articles: int, baseline: Figure, repeat: int,
                  report: BenchReport, inspect: Callable[[Path], None] | None = None) -> None:
    """A full build of ``articles`` against ``baseline`` (the archive-size build);
    ``inspect`` is given the built project before it is removed."""
    corpus = generate_corpus(work / f"n{articles}", articles, template)
    runs = _measure(repeat, _clean(corpus.root / "_build"), [[*_TK, "build", "html"]],
                    corpus.root)
    report.add(Figure("", runs).against(f"build html, full, N={articles}", baseline, 2.6))
    if inspect is not None:
        inspect(corpus.root)
    shutil.rmtree(corpus.root, ignore_errors=True)  # hundreds of MiB


def bench_pdf(template: Path, work: Path, articles: int, repeat: int, report: BenchReport) -> None:
    """Time of every edition's PDF for a corpus of ``articles``, against plain HTML."""
    corpus = generate_corpus(work / f"pdf{articles}", articles, template)
    root = corpus.root
    source = load_config(root).source_edition
    plain_out = root / "_build" / "plain"
    plain = report.add(Figure(
        f"plain Sphinx + furo, 1 language (comparison only), N={articles}",
        _measure(repeat, _clean(plain_out), [_plain_sphinx(corpus, plain_out,
                                                            source.sphinx_language)], root)))
    pdf = Figure("", _measure(repeat, _clean(root / "_build"), [[*_TK, "build", "pdf"]], root))
    report.add(pdf.against(f"build pdf, all editions, N={articles}", plain))
