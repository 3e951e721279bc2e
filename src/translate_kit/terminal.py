"""How the command line prints: every string verbatim, paths never cut or wrapped.

Only ``cli`` uses this module.  What it prints comes from users, articles and tools (file
names, titles, Sphinx warnings such as ``[myst.xref_missing]``), so nothing is read as
rich markup: a line is assembled from plain pieces, a style given beside each piece.

A path, an edition code or a ``file:line`` location is useless cut short, so no line is
wrapped or cropped at any width: it is as long as it needs to be.  Rows of figures are a
rich table only on a terminal wide enough to show every cell whole; otherwise (and always
in a pipe, a file or a CI log) they are plain lines of aligned columns.  The consoles are
made per call, so ``COLUMNS`` and the output stream are read when the command runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from translate_kit.progress import Report, Step

Piece = str | tuple[str, str]
"""A piece of a line: text printed as it is, or ``(text, style)``."""
Cell = str | Text
_UNLIMITED = 100_000


def console(err: bool = False) -> Console:
    """A console on standard output (or error) that neither wraps, crops nor highlights."""
    return Console(stderr=err, soft_wrap=True, highlight=False)


def say(*pieces: Piece, err: bool = False) -> None:
    """Print one line made of ``pieces``, each exactly as given."""
    console(err).print(Text.assemble(*pieces))


def show_rows(header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str | None = None,
              err: bool = False) -> None:
    """Print ``rows`` under ``header``: a table on a terminal it fits, else aligned lines."""
    out = console(err)
    cells = [[Text(c) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(title=Text(title) if title else None)
    for name in header:
        table.add_column(Text(name), no_wrap=True)
    for row in cells:
        table.add_row(*row)
    if out.is_terminal and _natural_width(out, table) <= out.width:
        out.print(table)
        return
    if title:
        out.print(Text(title, style="bold"))
    out.print(Text("\n").join(aligned([[Text(name, style="bold") for name in header], *cells])))


def _natural_width(out: Console, table: Table) -> int:
    """The width ``table`` takes with no cell wrapped or cut (measured against a wide page)."""
    return out.measure(table, options=out.options.update_width(_UNLIMITED)).maximum


def aligned(rows: Sequence[Sequence[Text]]) -> list[Text]:
    """``rows`` as lines, each column padded to its widest cell (East Asian wide counts 2)."""
    widths = [max(cell_len(row[i].plain) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        line = Text()
        for cell, width in zip(row, widths):
            line.append_text(cell)
            line.append(" " * (width - cell_len(cell.plain) + 2))
        line.rstrip()
        lines.append(line)
    return lines


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
