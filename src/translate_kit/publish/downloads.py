"""What the PDF and EPUB builds share: one file per edition, built side by side.

Editions are independent, so each edition's book is built in its own thread (its work
runs in child processes: Sphinx, latexmk).  Every edition is tried; when any fails, the
errors of all that failed are raised together, each naming its edition.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import Edition
from translate_kit.errors import BuildError


@dataclass(frozen=True)
class EditionFile:
    """One edition's finished download: its PDF or its EPUB."""

    edition: Edition
    path: Path
    seconds: float
    warnings: tuple[str, ...]
    volumes: tuple[Path, ...] = ()
    """Every volume of the edition (PDFs: a book per month or year)."""
    rebuilt: tuple[str, ...] = ()
    """The volumes this run made again (the others' inputs had not changed)."""


@dataclass(frozen=True)
class DownloadBuild:
    """The files of one ``build pdf`` or ``build epub`` run, in edition order."""

    kind: str
    """What the files are, as readers call them: ``PDF``, ``EPUB``."""
    files: tuple[EditionFile, ...]
    seconds: float


def build_each(kind: str, editions: tuple[Edition, ...], build: Callable[[Edition], EditionFile],
               jobs: int) -> DownloadBuild:
    """``build`` every edition, ``jobs`` at a time."""
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(editions)))) as pool:
        futures = [pool.submit(build, edition) for edition in editions]
    failures = [f.exception() for f in futures if f.exception() is not None]
    if failures:
        if len(failures) == 1:
            raise failures[0]  # type: ignore[misc]
        raise BuildError("\n".join(str(exc) for exc in failures))
    return DownloadBuild(kind, tuple(f.result() for f in futures), time.monotonic() - started)
