"""Which saved files matter, and to which editions.

A save counts only when the file's bytes change, so an editor that writes a file back
unchanged, or a tool that touches it, triggers nothing; the build writes under
``_build/``, which is never looked at.  An edition is rebuilt when its build reads the
file, as the publish stage lists what each edition reads (``publish.inputs``), so the
preview rebuilds exactly the editions ``make html`` would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from translate_kit.config import CONFIG_FILE, Edition, ProjectConfig
from translate_kit.publish.inputs import input_files

EDITOR_LEFTOVERS = ("~", ".swp", ".swx", ".tmp", ".part", ".bak", ".orig")
"""Endings of the backup and temporary files editors write beside the files they save."""


def digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes; None when there is no such file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


class ChangeTracker:
    """The content of every file the preview watches, and which editions read it."""

    def __init__(self, config: ProjectConfig, editions: tuple[Edition, ...]) -> None:
        self.config = config
        self.editions = editions
        self._hashes = {path: digest(path) for path in self.scan()}
        self._inputs = self._read_inputs()

    @property
    def watched_dirs(self) -> tuple[Path, ...]:
        """Directories watched for changes: the documents and the catalogs."""
        return tuple(d for d in (self.config.docs_dir, self.config.locale_dir) if d.is_dir())

    @property
    def polled_files(self) -> tuple[Path, ...]:
        """Files outside those directories, checked on every tick (the project file …)."""
        files = (self.config.root / CONFIG_FILE, self.config.glossary)
        return tuple(f for f in files if not any(f.is_relative_to(d) for d in self.watched_dirs))

    def is_watched(self, path: Path) -> bool:
        """False for hidden files, editors' leftovers and anything in the build directory."""
        if path.is_relative_to(self.config.build_dir) or path.name.endswith(EDITOR_LEFTOVERS):
            return False
        relative = path.relative_to(self.config.root) if path.is_relative_to(self.config.root) else path
        return not any(part.startswith(".") or part == "__pycache__" for part in relative.parts)

    def scan(self) -> Iterator[Path]:
        """Every watched file that exists now."""
        for directory in self.watched_dirs:
            yield from (p for p in directory.rglob("*") if p.is_file() and self.is_watched(p))
        yield from (p for p in self.polled_files if p.is_file())

    def changed(self, candidates: Iterable[Path]) -> list[Path]:
        """The candidates whose content differs from when they were last seen."""
        found = []
        for path in sorted(set(candidates)):
            if not self.is_watched(path):
                continue
            now = digest(path)
            if self._hashes.get(path) != now:
                self._hashes[path] = now
                found.append(path)
        return found

    def rescan(self) -> list[Path]:
        """Every watched file that changed, appeared or vanished since it was last seen."""
        return self.changed([*self.scan(), *self._hashes])

    def readers(self, paths: Iterable[Path]) -> tuple[Edition, ...]:
        """The editions whose build reads any of ``paths`` (or read it, for a deleted one)."""
        paths = set(paths)
        before = self._inputs
        if any(not p.exists() or not any(p in files for files in before.values()) for p in paths):
            self._inputs = self._read_inputs()  # a file came or went: the lists change
        return tuple(e for e in self.editions
                     if paths & before[e.code] or paths & self._inputs[e.code])

    def _read_inputs(self) -> dict[str, frozenset[Path]]:
        return {e.code: frozenset(input_files(self.config, e, "html")) for e in self.editions}
