"""Which files an import reads: plain files, folders of articles and list files.

An editor receives articles by the folder or as a list, so ``import`` takes them as given:

- a file is a source as it is (a wrong kind is refused when it is read);
- a folder gives its article files (``ARTICLE_SUFFIXES``) at any depth, in sorted order
  of their path inside it so that a batch is imported the same way on every machine;
  hidden files and folders (a name starting with ``.``: ``.git``, ``.DS_Store``) are
  skipped;
- a list file (``@list.txt`` as an argument, or ``--from-list``) names one source per
  line, relative to the list file's folder; blank lines and ``#`` comments are skipped.
  A listed file that does not exist is an error at the list's line, found before
  anything is imported.

A source named twice (in two lists, or a file and its folder) is imported once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from translate_kit.errors import SourceError
from translate_kit.importer.extract import EXTRACTORS

ARTICLE_SUFFIXES = tuple(EXTRACTORS)
LIST_PREFIX = "@"


def collect_sources(arguments: Sequence[str | Path], lists: Sequence[Path] = ()) -> list[Path]:
    """The source files ``arguments`` (files, folders, ``@list`` files) and ``lists`` name,
    in order, each once; SourceError (file, line) for a folder without articles or a
    missing listed file."""
    found: list[Path] = []
    for argument in arguments:
        text = str(argument)
        if text.startswith(LIST_PREFIX) and len(text) > 1:
            found += read_list(Path(text[1:]))
        else:
            found += _expand(Path(text))
    for listing in lists:
        found += read_list(listing)
    return _once(found)


def read_list(listing: Path) -> list[Path]:
    """The sources a list file names (folders expanded), each checked to exist."""
    try:
        lines = listing.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SourceError(f"the list of sources cannot be read: {reason}", listing) from exc
    sources: list[Path] = []
    for number, line in enumerate(lines, 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        path = listing.parent / entry
        if not path.exists():
            raise SourceError(f"{entry} does not exist (looked for {path})", listing, number)
        sources += _expand(path, listing, number)
    return sources


def _expand(path: Path, listing: Path | None = None, line: int | None = None) -> list[Path]:
    if not path.is_dir():
        return [path]
    articles = sorted(_articles(path), key=lambda p: p.relative_to(path).parts)
    if not articles:
        where = (listing, line) if listing is not None else (path, None)
        raise SourceError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in the folder "
                          f"{path}", *where)
    return articles


def _articles(folder: Path) -> Iterable[Path]:
    """The article files under ``folder``, hidden ones and those in hidden folders left out."""
    for directory, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(directory) / name


def _once(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
