"""Which volume an article belongs to: the PDFs and EPUBs are books of a month or a year.

An article is a document of the articles folder with a ``date`` in its front matter; its
volume is the month (``2026-11``) or the year (``2026``) of that date, or the whole
archive (``""``) when ``[project] volumes = "all"``.  Pages without a date belong to no
volume.  The runner (which volumes to rebuild) and the Sphinx extension (what each
volume's book holds) both ask here, so they always agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PERIODS = ("month", "year", "all")
"""Values of ``[project] volumes``: a book per month, per year, or one of everything."""
_DATE = re.compile(r"(\d{4})-(\d{2})-\d{2}")


def volume_of(date: str, period: str) -> str | None:
    """The volume of an article dated ``date`` (``YYYY-MM-DD``); None without a date."""
    match = _DATE.match(date.strip())
    if match is None:
        return None
    if period == "all":
        return ""
    return match[1] if period == "year" else f"{match[1]}-{match[2]}"


def group_articles(dates: Iterable[tuple[str, str]], period: str) -> dict[str, list[str]]:
    """``(docname, date)`` pairs as volume -> docnames, oldest first (then by name).

    The order is the order of the articles in the volume's book.
    """
    volumes: dict[str, list[tuple[str, str]]] = {}
    for docname, date in dates:
        volume = volume_of(date, period)
        if volume is not None:
            volumes.setdefault(volume, []).append((date.strip(), docname))
    return {volume: [docname for _, docname in sorted(items)]
            for volume, items in sorted(volumes.items())}
