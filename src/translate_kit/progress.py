"""Progress of long work (builds, imports, updates): what a stage reports.

Stages report ``Step``s to a callback and do not know how they are shown: the command
line draws them (``terminal.show_progress``), the runner makes them of the tools' own
status lines (``publish.status``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
