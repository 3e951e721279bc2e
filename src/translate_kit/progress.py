"""Progress of long work (builds, imports, updates), shown while it happens.

Stages report ``Step``s to a callback and do not know how they are shown.  The command
line shows one rich progress bar per task (an edition's HTML, its PDF, an import) on a
terminal, and plain lines (``[zh-Hant html] writing output 40%``) when its output is a
file or a pipe, as in a CI log: one when a phase starts, one per tenth of it.

Sphinx's own status lines (``reading sources... [ 45%] articles/a0090``) and latexmk's
passes (``Run number 2 of rule 'xelatex'``) are turned into steps here, so a build's bar
moves as Sphinx reads and writes, whatever the language of its messages.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    """How far one task is: ``done`` of ``total`` in its current phase."""

    task: str
    """What progresses, e.g. ``zh-Hant html`` or ``import``."""
    phase: str
    """The part of the work under way, e.g. ``reading sources`` or ``xelatex pass 2``."""
    done: int
    total: int
    item: str = ""
    """The document or file being worked on, if any."""


Report = Callable[[Step], None]


def ignore(step: Step) -> None:
    """The report of a caller that shows no progress."""


SPHINX_STATUS = re.compile(r"^(?P<phase>[^\[\]]*?)[.…]*\s*\[\s*(?P<percent>\d+)%\]\s*(?P<item>.*)$")
ANSI_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LATEXMK_RUN = re.compile(r"^Run number (?P<number>\d+) of rule '(?P<rule>[^']+)'")


def sphinx_step(task: str, line: str) -> Step | None:
    """The step a sphinx-build status line reports, if it reports one.

    Where Sphinx believes it writes to a terminal (``FORCE_COLOR``) it rewrites one line
    (erase, text, carriage return): the last rewrite counts.
    """
    line = ANSI_CONTROL.sub("", line.rstrip("\r\n")).rsplit("\r", 1)[-1]
    match = SPHINX_STATUS.match(line.strip())
    if match is None:
        return None
    return Step(task, match["phase"].strip(), int(match["percent"]), 100, match["item"].strip())


def latexmk_step(task: str, line: str, passes: int = 3) -> Step | None:
    """The step a latexmk status line reports: the TeX passes, then the PDF driver."""
    match = LATEXMK_RUN.match(line.strip())
    if match is None:
        return None
    number, rule = int(match["number"]), match["rule"]
    if rule.endswith("latex"):
        return Step(task, f"{rule} pass {number}", min(number - 1, passes - 1), passes)
    return Step(task, rule, passes - 1, passes)


class LineProgress:
    """Plain lines: a phase's start, each tenth of it, and its end."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo
        self.shown: dict[str, tuple[str, int]] = {}  # task -> (phase, tenth shown)
        self.lock = threading.Lock()

    def __call__(self, step: Step) -> None:
        tenth = step.done * 10 // step.total if step.total else 10
        with self.lock:
            phase, shown = self.shown.get(step.task, ("", -1))
            if phase == step.phase and tenth <= shown:
                return
            self.shown[step.task] = (step.phase, tenth)
        percent = step.done * 100 // step.total if step.total else 100
        self.echo(f"[{step.task}] {step.phase} {percent}%")


class BarProgress:
    """One rich progress bar per task; the current phase and item beside it."""

    def __init__(self, console: Any) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        self.bars = Progress(
            TextColumn("{task.fields[name]}", markup=False),
            BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[phase]}", markup=False),
            console=console, transient=False,
        )
        self.tasks: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __call__(self, step: Step) -> None:
        phase = f"{step.phase} {step.item}".strip()
        with self.lock:
            if step.task not in self.tasks:
                self.tasks[step.task] = self.bars.add_task("", total=step.total, name=step.task,
                                                           phase=phase)
        self.bars.update(self.tasks[step.task], completed=step.done, total=step.total,
                         phase=phase)


@contextmanager
def show_progress(console: Any) -> Iterator[Report]:
    """Bars on a terminal, plain lines otherwise, for the work done inside the block.

    Only a real terminal gets bars: output forced into colour (``FORCE_COLOR`` in a CI
    log) is still a log, and cursor movements have no place in it.
    """
    if not (console.is_terminal and console.file.isatty()):
        yield LineProgress(lambda text: console.print(text, markup=False, highlight=False,
                                                      soft_wrap=True))
        return
    progress = BarProgress(console)
    with progress.bars:
        yield progress
