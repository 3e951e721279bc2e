"""The terminology glossary: source terms translators must render as listed.

``locale/glossary.csv`` has a ``source`` column and one column per edition (its code,
e.g. ``en``, or its catalog directory name).  A cell may list accepted variants
separated by ``|``; an empty cell sets no rule for that edition.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import Edition
from translate_kit.errors import ConfigError

SOURCE_COLUMN = "source"


@dataclass(frozen=True)
class Term:
    source: str
    renderings: tuple[str, ...]
    """Accepted translations; the first one is the preferred form."""
    line: int


@dataclass(frozen=True)
class Glossary:
    """The terms of one edition, longest first so that longer terms win overlaps."""

    terms: tuple[Term, ...] = ()

    def find(self, text: str) -> list[Term]:
        """Terms occurring in ``text``, leftmost-longest, without overlaps."""
        found: list[Term] = []
        position = 0
        while position < len(text):
            term = next((t for t in self.terms if text.startswith(t.source, position)), None)
            if term is None:
                position += 1
                continue
            found.append(term)
            position += len(term.source)
        return found


def read_glossary(path: Path, edition: Edition) -> Glossary:
    """The edition's terms from ``path``; an absent file is an empty glossary."""
    if not path.is_file():
        return Glossary()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"glossary is not UTF-8: {exc.reason}", path) from exc
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip() for cell in next(rows, [])]
    if SOURCE_COLUMN not in header:
        raise ConfigError(f"glossary needs a {SOURCE_COLUMN!r} column, found {header}", path, 1)
    column = next((header.index(n) for n in (edition.code, edition.locale_name) if n in header), None)
    if column is None:
        return Glossary()
    terms: dict[str, Term] = {}
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ConfigError(f"expected {len(header)} columns, found {len(row)}", path, line)
        source = row[header.index(SOURCE_COLUMN)].strip()
        renderings = tuple(v.strip() for v in row[column].split("|") if v.strip())
        if source in seen:
            raise ConfigError(f"{source!r} is already listed on line {seen[source]}", path, line)
        seen[source] = line
        if source and renderings:
            terms[source] = Term(source, renderings, line)
    ordered = sorted(terms.values(), key=lambda t: (-len(t.source), t.line))
    return Glossary(tuple(ordered))
