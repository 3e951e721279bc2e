"""``translate-kit stats``: how much of each edition and document is translated.

Progress is counted in messages and in source characters (a headline and a long
paragraph are one message each, but not the same work).  Fuzzy translations count as
not done, since the build does not publish them.  Counts are kept per catalog
(``cache.per_file``), so a second run reads only the catalogs that changed.  Script
editions have no progress, only corrections (see ``corrections``): their number is
counted per edition.
"""

from __future__ import annotations

import math
from dataclasses import asdict, astuple, dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from translate_kit.catalogs.cache import context_key, per_file
from translate_kit.catalogs.corrections import corrections
from translate_kit.catalogs.interface import interface_catalogs, locale_dirs, template_path
from translate_kit.catalogs.pofile_io import (
    catalog_paths,
    is_translated,
    iter_messages,
    read_catalog,
    source_docnames,
)
from translate_kit.config import Edition, EditionKind, ProjectConfig


@dataclass(frozen=True)
class Tally:
    """Translated, fuzzy and untranslated amounts of one unit (messages or characters)."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Share translated; nothing to translate counts as done."""
        return 100.0 if not self.total else 100 * self.translated / self.total

    @property
    def shown_percent(self) -> float:
        """The percentage rounded down, so that 99.96 % never shows as 100 %."""
        return math.floor(self.percent * 10) / 10

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.translated + other.translated, self.fuzzy + other.fuzzy,
                     self.untranslated + other.untranslated)

    def as_dict(self) -> dict[str, float]:
        return {**asdict(self), "total": self.total, "percent": self.shown_percent}


@dataclass(frozen=True)
class Progress:
    messages: Tally = Tally()
    characters: Tally = Tally()

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.messages + other.messages, self.characters + other.characters)

    def percent(self, unit: str) -> float:
        return (self.characters if unit == "characters" else self.messages).percent

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {"messages": self.messages.as_dict(), "characters": self.characters.as_dict()}


@dataclass(frozen=True)
class DocumentStats:
    docname: str
    path: Path
    progress: Progress


@dataclass(frozen=True)
class EditionStats:
    edition: Edition
    documents: tuple[DocumentStats, ...]
    without_catalog: tuple[str, ...] = ()
    """Source documents that have no catalog yet (``translate-kit update`` creates them)."""

    @property
    def progress(self) -> Progress:
        return sum((d.progress for d in self.documents), Progress())

    def as_dict(self) -> dict[str, object]:
        return {
            "edition": self.edition.code,
            "catalogs": self.edition.locale_name,
            **self.progress.as_dict(),
            "without_catalog": list(self.without_catalog),
            "documents": [{"docname": d.docname, "path": str(d.path), **d.progress.as_dict()}
                          for d in self.documents],
        }


def catalog_progress(catalog: Catalog) -> Progress:
    """Progress of one catalog's active messages (the header and obsolete ones do not count)."""
    messages = [0, 0, 0]
    characters = [0, 0, 0]
    for message in iter_messages(catalog):
        state = 1 if message.fuzzy and is_translated(message) else 0 if is_translated(message) else 2
        text = message.id if isinstance(message.id, str) else "".join(message.id)
        messages[state] += 1
        characters[state] += len(text)
    return Progress(Tally(*messages), Tally(*characters))


def _counted(path: Path) -> list[list[int]]:
    progress = catalog_progress(read_catalog(path))
    return [list(astuple(progress.messages)), list(astuple(progress.characters))]


def edition_stats(config: ProjectConfig, edition: Edition) -> EditionStats:
    """The edition's progress; only catalogs changed since the last count are read."""
    paths = catalog_paths(config, edition)
    cache = config.cache_dir("catalogs") / f"stats-{edition.slug}.json"
    counts = per_file(cache, context_key(), paths.values(), _counted)
    docs = tuple(DocumentStats(doc, path, Progress(*(Tally(*c) for c in counts[path])))
                 for doc, path in paths.items())
    return EditionStats(edition, docs, tuple(sorted(source_docnames(config) - set(paths))))


def collect_stats(config: ProjectConfig) -> tuple[EditionStats, ...]:
    """Progress of every translation edition, per document."""
    return tuple(edition_stats(config, e) for e in config.editions_of(EditionKind.TRANSLATION))


@dataclass(frozen=True)
class CorrectionStats:
    """A script edition's correction catalogs: how many corrections they hold."""

    edition: Edition
    catalogs: int
    corrections: int
    """Corrections the build applies."""
    fuzzy: int
    """Corrections waiting for a translator to confirm them (not applied)."""

    def as_dict(self) -> dict[str, object]:
        return {"edition": self.edition.code, "catalogs": self.catalogs,
                "corrections": self.corrections, "fuzzy": self.fuzzy}


def correction_stats(config: ProjectConfig, edition: Edition) -> CorrectionStats:
    counts = [corrections(read_catalog(path)) for path in catalog_paths(config, edition).values()]
    return CorrectionStats(edition, len(counts), sum(c for c, _ in counts), sum(f for _, f in counts))


def collect_corrections(config: ProjectConfig) -> tuple[CorrectionStats, ...]:
    """The corrections of every script edition."""
    return tuple(correction_stats(config, e) for e in config.editions_of(EditionKind.SCRIPT))


@dataclass(frozen=True)
class InterfaceStats:
    """An interface language: how much of the extension's words its catalogs translate."""

    language: str
    catalogs: tuple[Path, ...]
    progress: Progress

    def as_dict(self) -> dict[str, object]:
        return {"language": self.language, "catalogs": [str(p) for p in self.catalogs],
                **self.progress.as_dict()}


def interface_progress(catalog: Catalog, template: Catalog) -> Progress:
    """``catalog``'s progress, counting the template's messages it lacks as untranslated."""
    missing = [m.id for m in iter_messages(template) if m.id not in catalog]
    characters = sum(len(msgid if isinstance(msgid, str) else "".join(msgid)) for msgid in missing)
    return catalog_progress(catalog) + Progress(Tally(untranslated=len(missing)),
                                                Tally(untranslated=characters))


def collect_interface_stats(config: ProjectConfig) -> tuple[InterfaceStats, ...]:
    """Progress of every interface language (see ``catalogs.interface``), by language."""
    found = []
    for language, domains in interface_catalogs(locale_dirs(config)).items():
        progress = sum((interface_progress(read_catalog(path), read_catalog(template_path(domain)))
                        for domain, path in domains.items()), Progress())
        found.append(InterfaceStats(language, tuple(domains.values()), progress))
    return tuple(found)
