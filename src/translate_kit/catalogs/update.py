"""``translate-kit update``: merge the extracted messages into every catalog.

Every translation edition's catalogs, and every script edition's correction catalogs, are
read first (while the caller's ``extract`` starts Sphinx), so a broken one stops the
update before anything is extracted or written.  ``extract`` then gives a template per
document (the runner's one Sphinx run of the source edition with the extension's gettext
builder); the catalogs are merged
(``merge.merge``, where a message whose source changed only by script, as the importer's
repairs change it, keeps its translation; ``corrections.merge_corrections`` for
corrections), given the edition's headers (``headers``) and written back only when their
bytes change.  Header dates move only with the content, so a second update without source
changes leaves every file byte-identical.  The whole run holds an exclusive lock, so two
updates at once cannot interleave their extraction runs and writes: the second one waits
(and its caller is told) until the first has finished.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import rapidfuzz
from babel.messages.catalog import Catalog, Message

from translate_kit.catalogs.cache import context_key
from translate_kit.catalogs.corrections import merge_corrections
from translate_kit.catalogs.headers import with_headers
from translate_kit.catalogs.memory import SimilarFound, TranslationMemory
from translate_kit.catalogs.merge import Annotator, MergeCounts, merge
from translate_kit.catalogs.pofile_io import (
    catalog_dir,
    catalog_paths,
    message_text,
    parse_catalog,
    read_bytes,
    render_catalog,
)
from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.contract import FOREIGN_LANGUAGES, passage_role
from translate_kit.files import write_atomic, write_if_changed
from translate_kit.progress import Report, Step, ignore
from translate_kit.quotes import convert_quotes
from translate_kit.script import to_simplified

LOCK_FILE = ".translate-kit.lock"


@dataclass(frozen=True)
class Extraction:
    """The source edition's messages: one template per document, by docname."""

    outdir: Path
    templates: dict[str, Catalog]
    warnings: tuple[str, ...]
    """Sphinx's warnings while it read the documents."""


class Extract(Protocol):
    """What runs the extraction (``publish.extraction.extract_templates``, which runs Sphinx):
    the catalogs stage is given it, and starts no process of its own.  ``before`` runs
    while Sphinx starts; when it raises, nothing is extracted."""

    def __call__(self, config: ProjectConfig, report: Report = ...,
                 before: Callable[[], None] = ...) -> Extraction: ...


@dataclass(frozen=True)
class DocumentUpdate:
    docname: str
    path: Path
    status: str
    """``created``, ``updated`` or ``unchanged``."""
    counts: MergeCounts


@dataclass(frozen=True)
class EditionUpdate:
    edition: Edition
    documents: tuple[DocumentUpdate, ...]
    orphaned: tuple[Path, ...]
    """Catalogs whose document no longer exists: reported, never deleted."""

    @property
    def changed(self) -> tuple[DocumentUpdate, ...]:
        """The catalogs this update created or rewrote."""
        return tuple(doc for doc in self.documents if doc.status != "unchanged")


@dataclass(frozen=True)
class UpdateResult:
    templates_dir: Path
    warnings: tuple[str, ...]
    """Sphinx's warnings during extraction."""
    editions: tuple[EditionUpdate, ...]


@dataclass(frozen=True)
class EditionCatalogs:
    """One edition's catalogs as found before the update, by docname."""

    paths: dict[str, Path]
    raw: dict[str, bytes]
    parsed: dict[str, Catalog]


def read_catalogs(config: ProjectConfig, edition: Edition) -> EditionCatalogs:
    """Read and parse every catalog of ``edition``; CatalogError (file, line) for a bad one."""
    paths = catalog_paths(config, edition)
    raw = {doc: read_bytes(path) for doc, path in paths.items()}
    return EditionCatalogs(paths, raw, {doc: parse_catalog(raw[doc], paths[doc]) for doc in paths})


@contextmanager
def catalog_lock(config: ProjectConfig, on_busy: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold ``locale/.translate-kit.lock`` exclusively.

    While another update holds it, ``on_busy`` is told (with the lock's path) and the
    lock is waited for.
    """
    config.locale_dir.mkdir(parents=True, exist_ok=True)
    path = config.locale_dir / LOCK_FILE
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_busy is not None:
                on_busy(path)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_PASSAGE = re.compile(
    "(?:" + "|".join(re.escape(f"{{{passage_role(language)}}}") for language in FOREIGN_LANGUAGES)
    + r")(`+).*?\1", re.DOTALL)
"""A Japanese or Korean passage: the build never converts it, nor does the comment."""


def _outside_passages(text: str, convert: Callable[[str], str]) -> str:
    pieces, last = [], 0
    for match in _PASSAGE.finditer(text):
        pieces += [convert(text[last:match.start()]), match[0]]
        last = match.end()
    return "".join(pieces) + convert(text[last:])


def script_annotator(config: ProjectConfig) -> Annotator | None:
    """``#. zh-Hans: …`` comments: each message as every script edition shows it, its
    Japanese and Korean passages as they are (the build keeps them)."""
    editions = config.editions_of(EditionKind.SCRIPT)
    if not editions:
        return None
    from translate_kit.script import converter_for

    converters = [(e.code, converter_for(config, e), e.quote_style) for e in editions]

    def annotate(message: Message) -> list[str]:
        text = message_text(message.id)
        comments = []
        for code, converter, quotes in converters:
            converted = convert_quotes(_outside_passages(text, converter.convert), quotes)
            if converted != text:
                comments.append(f"{code}: {' '.join(converted.splitlines())}")
        return comments

    return annotate


_HEADER_DATES = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date): [^"\n]*"\n', re.MULTILINE)


def _without_dates(data: bytes) -> bytes:
    """A rendered catalog minus the two header dates, which change on every run."""
    return _HEADER_DATES.sub(b"", data)


def update_catalogs(
    config: ProjectConfig, extract: Extract, on_busy: Callable[[Path], None] | None = None,
    report: Report = ignore,
) -> UpdateResult:
    """Extract the source edition's messages with ``extract`` and merge them into every
    translation edition and every script edition's correction catalogs.

    ``on_busy`` is called when another update holds the catalogs and this one waits.
    """
    with catalog_lock(config, on_busy):
        current: dict[Edition, EditionCatalogs] = {}
        corrected: dict[Edition, EditionCatalogs] = {}

        def read_every_catalog() -> None:  # while Sphinx starts; a broken one stops it
            current.update((e, read_catalogs(config, e))
                           for e in config.editions_of(EditionKind.TRANSLATION))
            corrected.update((e, c) for e in config.editions_of(EditionKind.SCRIPT)
                             if (c := read_catalogs(config, e)).paths)

        extraction = extract(config, report, before=read_every_catalog)
        templates = extraction.templates
        annotate = script_annotator(config)
        now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
        editions = tuple(
            _update_with_memory(config, edition, templates, annotate, now, catalogs, report)
            for edition, catalogs in current.items()
        ) + tuple(
            update_corrections(config, edition, templates, now, catalogs)
            for edition, catalogs in corrected.items()
        )
    return UpdateResult(extraction.outdir, extraction.warnings, editions)


def _update_with_memory(
    config: ProjectConfig, edition: Edition, templates: dict[str, Catalog],
    annotate: Annotator | None, now: dt.datetime, catalogs: EditionCatalogs, report: Report,
) -> EditionUpdate:
    """``update_edition``, its memory starting from what the last update's lookups found
    (kept in ``_build/catalogs/``), and keeping what this one's found."""
    kept = config.cache_dir("catalogs") / f"similar-{edition.slug}.json"
    memory = TranslationMemory.from_catalogs(catalogs.parsed.values(), _read_similar(kept))
    update = update_edition(config, edition, templates, annotate, now, catalogs, report, memory)
    _write_similar(kept, memory.found())
    return update


def _read_similar(path: Path) -> SimilarFound | None:
    """What the last update's memory lookups found (``_write_similar``), if still valid."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("context") != _similar_context():
            return None
        return SimilarFound(
            frozenset(stored["compared"]),
            {float(threshold): {msgid: [(text, float(score)) for text, score in found]
                                for msgid, found in lookups.items()}
             for threshold, lookups in stored["found"].items()})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing or damaged: every message is compared with every text


def _write_similar(path: Path, found: SimilarFound) -> None:
    data = {"context": _similar_context(), "compared": sorted(found.compared),
            "found": {repr(threshold): lookups for threshold, lookups in found.found.items()}}
    write_atomic(path, json.dumps(data, ensure_ascii=False), durable=False)


def _similar_context() -> str:
    """The ratios depend on the code and on rapidfuzz's version."""
    return context_key("similar", rapidfuzz.__version__)


def update_edition(
    config: ProjectConfig,
    edition: Edition,
    templates: dict[str, Catalog],
    annotate: Annotator | None,
    now: dt.datetime,
    catalogs: EditionCatalogs | None = None,
    report: Report = ignore,
    memory: TranslationMemory | None = None,
) -> EditionUpdate:
    """Merge the templates into one edition's catalogs; every catalog is read before any write.

    ``memory``: the translation memory of the edition's catalogs (default: made from them).
    """
    catalogs = catalogs or read_catalogs(config, edition)
    paths, raw, existing = catalogs.paths, catalogs.raw, catalogs.parsed
    memory = memory if memory is not None else TranslationMemory.from_catalogs(existing.values())
    documents = []
    for number, (docname, template) in enumerate(templates.items()):
        report(Step("update", f"merging {edition.code}", number, len(templates), docname))
        path = paths.get(docname) or catalog_dir(config, edition) / f"{docname}.po"
        result = merge(template, existing.get(docname, Catalog()), memory, annotate,
                       script_key=to_simplified)
        catalog = with_headers(result.catalog, existing.get(docname), config, edition, docname, now)
        status = store(path, raw.get(docname), catalog)
        documents.append(DocumentUpdate(docname, path, status, result.counts))
    orphaned = tuple(path for doc, path in paths.items() if doc not in templates)
    return EditionUpdate(edition, tuple(documents), orphaned)


def store(path: Path, raw: bytes | None, catalog: Catalog) -> str:
    """Write ``catalog`` over ``path`` (whose bytes were ``raw``); its DocumentUpdate status."""
    data = render_catalog(catalog)
    if raw is None:
        status = "created"
    elif _without_dates(raw) == _without_dates(data):
        status = "unchanged"  # only the dates would change: leave the file as it is
    else:
        status = "updated"
    if status != "unchanged":
        write_if_changed(path, data)
    return status


def update_corrections(
    config: ProjectConfig,
    edition: Edition,
    templates: dict[str, Catalog],
    now: dt.datetime,
    catalogs: EditionCatalogs,
) -> EditionUpdate:
    """Keep a script edition's correction catalogs current (see ``corrections``).

    Only existing catalogs are updated: a document nobody corrected gets none.
    """
    documents = []
    for docname, path in catalogs.paths.items():
        if docname not in templates:
            continue
        result = merge_corrections(templates[docname], catalogs.parsed[docname], to_simplified)
        catalog = with_headers(result.catalog, catalogs.parsed[docname], config, edition, docname, now)
        status = store(path, catalogs.raw[docname], catalog)
        documents.append(DocumentUpdate(docname, path, status, result.counts))
    orphaned = tuple(path for doc, path in catalogs.paths.items() if doc not in templates)
    return EditionUpdate(edition, tuple(documents), orphaned)

