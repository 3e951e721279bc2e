"""Results computed from catalogs, kept until the catalog changes.

``stats`` and ``check`` read every catalog of the project; at 800 documents that is most
of their time, and after a translator saved one catalog all the others give the answer
they gave last time.  ``per_file`` keeps each catalog's result with the file's size,
modification and change times, in ``_build/catalogs/``, and computes it again only for
catalogs that changed, appeared or are new to it.  What else a result depends on (the
glossary, the checks' code) goes into its ``context``: a change there recomputes all.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from translate_kit.files import write_atomic

CODE = Path(__file__).parent
"""The catalogs package: results depend on its code."""


def file_state(path: Path) -> list[int] | None:
    """Size, modification and change times of ``path`` (None when it does not exist)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def context_key(*parts: object) -> str:
    """A key for ``parts`` and the state of the code that computes the results."""
    code = [(p.name, file_state(p)) for p in sorted(CODE.glob("*.py"))]
    return hashlib.sha256(json.dumps([code, *parts], default=str).encode()).hexdigest()


def per_file(
    cache: Path, context: str, paths: Iterable[Path], compute: Callable[[Path], Any],
    keep: Callable[[dict[Path, Any]], bool] = lambda results: True,
) -> dict[Path, Any]:
    """``compute(path)`` (a JSON value) for every path, reusing unchanged files' results.

    The results are kept for the next call only if ``keep(results)``: a run that met a
    broken file changes nothing on disk.
    """
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        known = stored["files"] if stored.get("context") == context else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        known = {}  # missing or damaged: every file is read again
    found: dict[str, list[Any]] = {}
    results: dict[Path, Any] = {}
    for path in paths:
        name, state = os.fspath(path), file_state(path)
        entry = known.get(name)
        if entry is None or entry[0] != state:
            entry = [state, compute(path)]
        found[name] = entry
        results[path] = entry[1]
    if found != known and keep(results):
        write_atomic(cache, json.dumps({"context": context, "files": found}, ensure_ascii=False),
                     durable=False)
    return results
