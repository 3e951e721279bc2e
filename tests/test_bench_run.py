"""make bench: every figure of the publisher table, each against its baseline of the same run."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import run_benchmarks
from benchmarks.run import Figure, Step, _alternating

REPO = Path(__file__).resolve().parents[1]


def test_every_figure_is_measured_against_its_baseline(tmp_path):
    report = run_benchmarks(REPO, tmp_path, articles=2, archive=3, scale=4, pdf_articles=0,
                            repeat=1, search_sizes=())
    figures = {f.name: f for f in report.figures}
    expected = {  # figure -> (its baseline, target)
        "build html, 3 editions, N=2": ("build html -e zh-Hant (single edition), N=2", 1.3),
        "build html, 3 editions, vs plain Sphinx + furo, N=2": (
            "plain Sphinx + furo, 1 language (comparison only), N=2", None),
        "rebuild after one .po edit, N=2": ("build html, 3 editions, N=2", 0.08),
        "translate-kit update, N=2": ("sphinx-build -b gettext + sphinx-intl update, N=2", 1.0),
        "import of one article, N=3": ("import of one article into the shipped project", 1.2),
        "import + build html of one article, N=3": ("build html, full, N=3", 0.08),
        "stats after one .po edit, N=3": ("stats, every catalog read, N=3", 0.3),
        "stats --json after one .po edit, N=3": ("stats --json, every catalog read, N=3", 0.3),
        "check after one .po edit, N=3": ("check, every catalog read, N=3", 0.3),
        "build html, full, N=4": ("build html, full, N=3", 2.6),
    }
    for name, (baseline, target) in expected.items():
        figure = figures[name]
        assert (figure.baseline, figure.target) == (baseline, target), name
        assert figure.ratio == figure.seconds / figures[baseline].seconds
    assert all(len(figures[name].runs) == 1 for name in expected)
    live = figures["live preview: save one en .po → page shows it, N=3, against 1 s"]
    assert (live.baseline, live.target, live.ratio) == ("1 s", 1.0, live.seconds)
    assert figures["build html, full, N=4"].peak_mib > 10  # a Sphinx process, not the runner
    # Browsing at N=4 (one month of articles): the index links every article.
    assert figures["listing pages of an edition, N=4"].seconds == 4  # archive, 2024, 2024-01, tags
    assert figures["links from the index to the farthest article, N=4"].seconds == 1
    largest = figures["largest page of an edition, N=4"]
    assert largest.baseline == "100 KB budget" and largest.met
    assert "links from the index to the farthest article, N=3" in figures


def test_a_figure_and_its_baseline_take_turns_repeat_times(tmp_path):
    """On a shared machine whose speed drifts, each run of a figure sits beside one of its
    baseline; the best of the runs counts."""
    log = tmp_path / "log"
    log.write_text("")

    def step(name: str) -> Step:
        return (lambda: log.write_text(log.read_text() + f"prepare {name}\n"),
                [[sys.executable, "-c", f"open({str(log)!r}, 'a').write('run {name}\\n')"]])

    figure, baseline = _alternating(3, tmp_path, step("figure"), step("baseline"))
    assert log.read_text().split("\n")[:4] == ["prepare figure", "run figure", "prepare baseline",
                                               "run baseline"]
    assert log.read_text().count("run figure") == 3 and len(figure) == len(baseline) == 3
    best = Figure("figure", figure)
    assert best.seconds == min(run.seconds for run in figure)


def test_make_bench_runs_the_benchmarks_from_outside_the_package():
    """``make bench`` runs ``python -m benchmarks`` in the project; the package has no bench."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "0", "--archive", "0", "--scale", "0",
         "--pdf-articles", "0", "--search-sizes", "", "--downloads-sizes", ""],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "COLUMNS": "40"}, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "import repair, 24 hand-written articles" in done.stdout
    assert importlib.util.find_spec("translate_kit.bench") is None
