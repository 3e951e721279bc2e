"""The live preview: from saving one English catalog to the page showing the change.

A client does what an open browser tab does (the page's script asks the server for the
page's token every 100 ms, and reloads the page when it changed), so the figure is what
a translator waits for.  Its baseline
is what they would do without the preview: ``translate-kit build html -e en`` after the
same edit, in the same run.  The preview runs the same build; noticing the save and the
page's next poll add a few hundred milliseconds, hence a target of 1.5 times the build;
and a translator expects the page within a second (``LIVE_BUDGET``), measured at the
archive's size.  The preview keeps the next build's runner started, so Sphinx is imported
before the save: the by-hand build pays that, the preview does not.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from benchmarks.corpus import generate_corpus
from benchmarks.run import _ENV, _TK, BenchReport, Figure, _edit_po, _measure, _timed
from translate_kit.errors import BuildError

POLL_SECONDS = 0.1
"""How often an open page asks whether it changed (``serve/live.js``)."""
WAIT_SECONDS = 120
LIVE_BUDGET = 1.0
"""Seconds from saving a catalog to the page showing the edit."""
SETTLE_SECONDS = 2.0
"""Each save comes this long after the last build ended, as a translator's next one does:
the preview has started the next build's process meanwhile."""


def bench_live(template: Path, work: Path, articles: int, repeat: int, report: BenchReport) -> None:
    """Save one en .po while ``translate-kit serve`` runs: seconds until the page changed."""
    corpus = generate_corpus(work / f"live{articles}", articles, template)
    root = corpus.root
    _timed([*_TK, "build", "html"], root)
    docname = corpus.articles[0]
    po = root / "locale" / "en" / "LC_MESSAGES" / f"{docname}.po"
    by_hand = report.add(Figure(f"build html -e en after one .po edit, N={articles}", _measure(
        repeat, lambda: _edit_po(po), [[*_TK, "build", "html", "-e", "en"]], root)))
    server = subprocess.Popen([*_TK, "serve", "--port", "0"], cwd=root, env=_ENV, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              preexec_fn=_interruptible)
    try:
        url = _read_until(server, re.compile(r"serving (http://\S+/)")).group(1)
        _read_until(server, re.compile(r"^en: "))  # the first round (nothing to build) is over
        page = f"{url}en/{docname}.html"
        status = f"{url}__translate-kit__/status?page=/en/{docname}.html"
        times = []
        for edit in range(1, repeat + 1):
            time.sleep(SETTLE_SECONDS)
            times.append(_until_changed(po, page, status, edit))
            _read_until(server, re.compile(r"^en: built"))  # the page shows before the end
        live = min(times)
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=WAIT_SECONDS)
    shown = report.add(Figure.of(f"live preview: save one en .po → page shows it, N={articles}",
                                 live, by_hand.name, live / by_hand.seconds, 1.5))
    report.add(Figure.of(f"{shown.name}, against 1 s", live, "1 s", live / LIVE_BUDGET, 1.0))


def _interruptible() -> None:
    """Ctrl-C stops the preview even when the benchmark runs in the background (``&``,
    ``nohup``), which starts it with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _read_until(server: subprocess.Popen[str], pattern: re.Pattern[str]) -> re.Match[str]:
    """The first line of the server's output matching ``pattern``."""
    assert server.stdout is not None
    for line in server.stdout:
        match = pattern.search(line)
        if match:
            return match
    raise BuildError(f"translate-kit serve stopped before printing {pattern.pattern!r}")


def _until_changed(po: Path, page: str, status: str, edit: int) -> float:
    """Edit ``po`` and follow ``page`` as its open tab does (asking ``status`` for its
    token, reloading when it changed); seconds until the page shows the edit."""
    marker = f"in English (edit {edit})"
    _, token = _load(page)
    text = re.sub(r"in English(?: \(edit \d+\))?", marker, po.read_text(encoding="utf-8"), count=1)
    po.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    while time.perf_counter() - started < WAIT_SECONDS:
        time.sleep(POLL_SECONDS)
        with urllib.request.urlopen(status) as response:
            if json.load(response)["token"] == token:
                continue
        shown, token = _load(page)  # reloaded, with the token it was served with
        if marker in shown:
            return time.perf_counter() - started
    raise BuildError(f"{page} did not show the edit of {po} in {WAIT_SECONDS} s")


def _load(page: str) -> tuple[str, str]:
    """The page as served, and the token its script was given."""
    with urllib.request.urlopen(page) as response:
        shown = response.read().decode("utf-8")
    token = re.search(r'data-token="([^"]+)"', shown)
    if token is None:
        raise BuildError(f"{page} has no live-reload script")
    return shown, token[1]
