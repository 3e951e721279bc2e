"""Errors that carry the file, line and column they are about.

Stages raise these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations

from pathlib import Path


def format_location(path: Path | str | None, line: int | None = None, column: int | None = None) -> str:
    """``file:line:column`` as far as known, in the form editors jump to ("" without a file)."""
    if path is None:
        return ""
    parts = [str(path)]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


class TranslateKitError(Exception):
    """A problem the user can fix, located in a file when there is one."""

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column

    @property
    def location(self) -> str:
        """``file:line:column`` as far as known (see ``format_location``)."""
        return format_location(self.path, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ConfigError(TranslateKitError):
    """translate-kit.toml or an edition code is wrong."""


class SourceError(TranslateKitError):
    """A source article cannot be imported (undecodable, empty, binary...)."""


class CatalogError(TranslateKitError):
    """A .po catalog cannot be read or would be damaged by the requested change."""


class BuildError(TranslateKitError):
    """Sphinx or LaTeX failed for an edition."""


class ServeError(TranslateKitError):
    """The preview server cannot start (its port is taken, nothing to watch...)."""
