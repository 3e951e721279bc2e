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

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

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
