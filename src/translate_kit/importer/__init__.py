"""``translate-kit import``: messy source articles in, clean MyST documents out.

One source goes through ``decode`` (bytes to text) → ``mojibake`` (text that an earlier
layer decoded with the wrong codec, reversed) → ``extract`` (paragraphs, from plain
text or HTML) → ``article`` (garbled spans, pinyin, punctuation, the ``repair`` of
leftover simplified characters, or the ``simplified`` article's one conversion, notices,
title) → ``document`` (MyST with front matter).  ``index`` then lists every article in
``docs/index.md``, and ``originals`` keeps a simplified article's original text for the
simplified edition.  Every source is prepared, and checked against the project's
articles and the batch's other sources (``duplicates``), before anything is written, so one
bad source or one article imported twice leaves all files as they were; ``sources`` turns
folders and lists into the sources of a batch, ``replacement`` gives an existing article a
corrected source and merges its catalogs.  A source larger than ``MAX_SOURCE_BYTES`` is
refused before it is read: no news article is that long, and such a file (an archive,
a whole site's dump) would only make every later build and PDF crawl.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from translate_kit.config import ProjectConfig
from translate_kit.errors import SourceError
from translate_kit.files import write_atomic
from translate_kit.importer.article import Counts, Finding, Repair, Restored, clean_article
from translate_kit.importer.decode import decode
from translate_kit.importer.document import (
    edited_by_hand,
    front_matter,
    original_messages,
    read_document,
    render,
    slugify,
)
from translate_kit.importer.duplicates import text_key
from translate_kit.importer.extract import EXTRACTORS
from translate_kit.importer.index import ArticleIndex, update_index
from translate_kit.importer.mojibake import Reversal, reverse_mojibake
from translate_kit.importer.originals import plan_originals, simplified_editions
from translate_kit.importer.page import PageMeta, charset_disagrees
from translate_kit.importer.repair import Repairer, repairer_for
from translate_kit.importer.replacement import (
    CatalogMerge,
    ReplacePlan,
    find_document,
    merge_catalogs,
    plan_replace,
)
from translate_kit.importer.simplified import (
    Conversion,
    SimplifiedConverter,
    simplified_converter_for,
)
from translate_kit.progress import Report, Step, ignore
from translate_kit.tags import normalize_tag, parse_tags

__all__ = ["ImportReport", "SourceResult", "import_sources"]

MAX_SOURCE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class OriginalsStored:
    """A simplified source's original passages in one edition's correction catalog."""

    edition: str
    catalog: str
    stored: int
    kept: int
    """Passages whose entry a corrector had changed: kept, the original not written."""


@dataclass(frozen=True)
class SourceResult:
    """What importing one source did."""

    source: str
    document: str
    encoding: str
    counts: Counts
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...]
    written: bool
    """False when the document was already exactly what the import produced."""
    repairs: tuple[Repair, ...] = ()
    script: str = "traditional"
    """The script the source arrived in: ``simplified``, ``traditional`` or ``mixed``."""
    conversion: Conversion | None = None
    """The one conversion of a simplified source to the source edition's standard."""
    originals: tuple[OriginalsStored, ...] = ()
    reversals: tuple[Reversal, ...] = ()
    """Runs of mojibake reversed, each with the codec that misread it and the right one
    (``--no-repair`` keeps them as they arrived)."""
    restorations: tuple[Restored, ...] = ()
    """Damaged text restored, with its evidence (the findings still list the damage)."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("findings", "warnings", "repairs", "originals", "restorations"):
            data[key] = list(data[key])
        return data


@dataclass(frozen=True)
class ImportReport:
    """What one import did: every source of the batch, in order."""

    results: tuple[SourceResult, ...]
    index_changed: bool
    replaced: str | None = None
    """The docname ``--replace`` gave a corrected source."""
    catalogs: tuple[CatalogMerge, ...] = ()
    """The replaced document's catalogs, merged with its new messages."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sources": [r.to_json() for r in self.results],
            "written": sum(r.written for r in self.results),
            "unchanged": sum(not r.written for r in self.results),
        }
        if self.replaced is not None:
            data["replaced"] = self.replaced
            data["catalogs"] = [asdict(c) for c in self.catalogs]
        return data


@dataclass(frozen=True)
class _Plan:
    path: Path
    text: str
    result: SourceResult
    originals: tuple[tuple[str, str], ...] = ()
    """(message, original) of each passage of a converted simplified source."""
    catalogs: tuple[tuple[Path, bytes], ...] = ()
    """Correction catalogs to write with the document."""
    key: str = ""
    """The key of the document's text (``duplicates``)."""


def import_sources(
    config: ProjectConfig,
    paths: list[Path],
    *,
    into: Path | None = None,
    title: str | None = None,
    date: str | None = None,
    tags: tuple[str, ...] = (),
    force: bool = False,
    repair: bool = True,
    restore: bool = True,
    replace: str | None = None,
    report: Report = ignore,
) -> ImportReport:
    """Import ``paths`` into ``into`` (default: the configured articles directory).

    ``repair=False`` keeps the characters a naive converter left (see ``repair``) and
    a simplified source as it is (see ``simplified``); ``restore=False`` keeps all
    damaged text flagged, restoring none (see ``restore``).  A simplified source's original
    passages go into the simplified editions' correction catalogs (see ``originals``),
    under the catalogs' lock, and are read before anything is written.  ``tags`` are
    added to each article's front matter (``tags:``), after those it already has.

    An article whose text is already in the project under another document, or twice in
    ``paths``, is refused (see ``duplicates``).  ``replace`` (a docname, slug or path)
    names the article that the one source of ``paths`` corrects (see ``replacement``).
    """
    tags = tuple(normalize_tag(tag) for tag in tags)
    articles_dir = (into or config.articles_dir).resolve()
    if not articles_dir.is_relative_to(config.docs_dir.resolve()):
        raise SourceError(f"articles must be inside the Sphinx project {config.docs_dir}", articles_dir)
    articles = ArticleIndex(articles_dir, config.import_cache)
    target = find_document(config, articles_dir, replace) if replace is not None else None
    if target is not None and len(paths) != 1:
        raise SourceError(f"--replace {replace} takes exactly one corrected source, "
                          f"not {len(paths)}", _relative(config, target))
    repairer = repairer_for(config) if repair else None
    converter = simplified_converter_for(config) if repair else None
    plans: list[_Plan] = []
    for number, path in enumerate(paths):
        report(Step("import", "cleaning", number, len(paths), Path(path).name))
        taken = {plan.path for plan in plans}
        plan = _prepare(config, Path(path), articles, title, date, tags, force, taken,
                        repairer, converter, restore, target)
        _refuse_duplicate(config, plan, plans, articles)
        plans.append(plan)
    report(Step("import", "writing", len(paths), len(paths)))
    merged: tuple[CatalogMerge, ...] = ()
    if target is not None or any(plan.originals for plan in plans):
        from translate_kit.catalogs.update import catalog_lock

        with catalog_lock(config):
            replacing = (plan_replace(config, _docname(config, target), bool(plans[0].originals))
                         if target is not None else None)
            plans = [_with_originals(config, plan) for plan in plans]
            merged = _write(config, plans, replacing)
    else:
        _write(config, plans, None)
    articles.refresh()
    changed = update_index(config.docs_dir / "index.md", config.docs_dir, articles, config.title)
    articles.save()
    return ImportReport(tuple(plan.result for plan in plans), changed,
                        _docname(config, target) if target else None, merged)


def _refuse_duplicate(config: ProjectConfig, plan: _Plan, earlier: list[_Plan],
                      articles: ArticleIndex) -> None:
    """SourceError when ``plan``'s article is already in the project under another
    document, or an earlier source of the batch is the same article."""
    for other in earlier:
        if plan.key and other.key == plan.key:
            raise SourceError(f"is the same article as {other.result.source} in this import "
                              f"(whitespace, punctuation width and script aside)", plan.result.source)
    existing = articles.with_key(plan.key)
    if existing is not None and existing != plan.path.resolve():
        raise SourceError(
            f"is already in the project as {_docname(config, existing)} "
            f"({_relative(config, existing)}; whitespace, punctuation width and script aside): "
            f"nothing was imported (to correct that article, use --replace "
            f"{_docname(config, existing)})", plan.result.source)


def _docname(config: ProjectConfig, document: Path) -> str:
    return document.resolve().relative_to(config.docs_dir.resolve()).with_suffix("").as_posix()


def _write(config: ProjectConfig, plans: list[_Plan],
           replacing: ReplacePlan | None) -> tuple[CatalogMerge, ...]:
    """Write every plan; the replaced document's catalogs merged with its new text."""
    for plan in plans:
        if plan.result.written:
            write_atomic(plan.path, plan.text)
        for catalog, data in plan.catalogs:
            write_atomic(catalog, data)
    if replacing is None:
        return ()
    return tuple(merge_catalogs(config, replacing, plans[0].text))


def _with_originals(config: ProjectConfig, plan: _Plan) -> _Plan:
    """``plan`` with the catalogs that keep its originals (read under the catalogs' lock)."""
    stored = plan_originals(config, _docname(config, plan.path), plan.originals, plan.result.source)
    result = replace(plan.result, originals=tuple(
        OriginalsStored(s.edition, _relative(config, s.path), s.stored, s.kept) for s in stored))
    return replace(plan, result=result,
                   catalogs=tuple((s.path, s.data) for s in stored if s.data is not None))


def _prepare(
    config: ProjectConfig, path: Path, articles: ArticleIndex, title: str | None,
    date: str | None, tags: tuple[str, ...], force: bool, taken: set[Path],
    repairer: Repairer | None,
    converter: SimplifiedConverter | None, restore: bool, target: Path | None,
) -> _Plan:
    extract = EXTRACTORS.get(path.suffix.lower())
    if extract is None:
        raise SourceError("is not a .txt, .md or .html file", path)
    raw = _read(path)
    decoded = decode(raw, path)
    unmangled, reversals = reverse_mojibake(decoded.text) if repairer else (decoded.text, ())
    source = _relative(config, path)
    previous = target or articles.imported_from(source, taken)
    old = front_matter(previous) if previous else {}
    extracted = extract(unmangled)
    article = clean_article(extracted, path, title, fallback_title=old.get("title"),
                            repairer=repairer, converter=converter, restore=restore)
    document = previous or _free_path(articles.articles_dir, slugify(article.title), taken)
    warnings = list(article.warnings)
    page = extracted.meta or PageMeta()
    if page.declared_charset and charset_disagrees(page.declared_charset, decoded.encoding):
        warnings.append(f"the page declares charset {page.declared_charset} but is "
                        f"{decoded.encoding}: read as {decoded.encoding}")
    if date is None and not old.get("date") and not page.date:
        warnings.append("no --date: the article is dated today")
    meta: dict[str, Any] = {
        "date": str(date or old.get("date") or page.date or datetime.date.today().isoformat()),
        **page.front_matter()}
    all_tags = parse_tags([*parse_tags(old.get("tags")), *tags])
    if all_tags:
        meta["tags"] = list(all_tags)
    meta |= {
        "source": source,
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "encoding": decoded.encoding,
        **({"mojibake_reversed": len(reversals)} if reversals else {}),
    }
    text = render(article, meta)
    written = not document.exists() or read_document(document) != text
    if written and document.exists() and edited_by_hand(document) and not force:
        raise SourceError("was edited by hand since it was imported; use --force to overwrite it", document)
    result = SourceResult(source, _relative(config, document), decoded.encoding, article.counts,
                          article.findings, tuple(warnings), written, article.repairs,
                          article.script, article.conversion, reversals=reversals,
                          restorations=article.restorations)
    originals = tuple(original_messages(article)) if simplified_editions(config) else ()
    return _Plan(document, text, result, originals, key=text_key(text))


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                f"is {size / 2**20:.1f} MiB; an article source may be at most "
                f"{MAX_SOURCE_BYTES / 2**20:g} MiB (is it one article? split it)", path)
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror or exc}", path) from exc


def _relative(config: ProjectConfig, path: Path) -> str:
    path = path.resolve()
    return path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else path.name


def _free_path(articles_dir: Path, slug: str, taken: set[Path]) -> Path:
    """``<slug>.md``, or ``<slug>-2.md``... when another source has that name."""
    candidate, n = articles_dir / f"{slug}.md", 1
    while candidate.exists() or candidate in taken:
        n += 1
        candidate = articles_dir / f"{slug}-{n}.md"
    return candidate
