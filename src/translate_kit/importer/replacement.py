"""``import --replace DOC SOURCE``: a corrected source for an article already published.

The article keeps its document (so its slug, address and catalogs), its date and tags;
its text is the new source's.  Translators' work is never lost: each catalog of the
document is merged with the new messages exactly as ``update`` merges it
(``catalogs.update.update_edition`` and ``update_corrections``): an unchanged message
keeps its translation, an edited one gets its old translation as fuzzy (with ``#|
msgid``), a removed one stays as ``#~``.  The messages are the ones Sphinx extracts
from an imported document (its title and each paragraph, one line each, as written in
MyST), at their lines; the next ``update`` merges Sphinx's own extraction over them and
changes nothing.  Every catalog is read and parsed before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from translate_kit.catalogs.merge import MergeCounts
from translate_kit.catalogs.pofile_io import catalog_dir, iter_messages, parse_catalog, read_bytes
from translate_kit.catalogs.update import (
    EditionCatalogs,
    script_annotator,
    update_corrections,
    update_edition,
)
from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.errors import SourceError
from translate_kit.importer.document import split_front_matter


@dataclass(frozen=True)
class CatalogMerge:
    """What replacing the article did to one catalog of it."""

    edition: str
    catalog: str
    status: str
    """``updated`` or ``unchanged``."""
    counts: MergeCounts


@dataclass(frozen=True)
class ReplacePlan:
    """The catalogs of the replaced document, read and parsed, to merge once it is written."""

    docname: str
    catalogs: tuple[tuple[Edition, EditionCatalogs], ...]


def find_document(config: ProjectConfig, articles_dir: Path, doc: str) -> Path:
    """The article ``doc`` names: a docname (``articles/x``), a slug, or the ``.md`` path;
    SourceError located at the article it would be when there is none."""
    for candidate in (Path(doc), config.root / doc, config.docs_dir / doc, articles_dir / doc):
        path = _markdown(candidate)
        if path.is_file() and path.resolve().parent == articles_dir:
            return path.resolve()
    raise SourceError(f"--replace {doc}: there is no such article",
                      _relative(config, _markdown(articles_dir / Path(doc).name)))


def _markdown(path: Path) -> Path:
    return path if path.suffix == ".md" else path.with_name(path.name + ".md")


def plan_replace(config: ProjectConfig, docname: str, with_originals: bool) -> ReplacePlan:
    """Read the catalogs of ``docname`` that the replace merges: every translation
    edition's, and each script edition's correction catalog unless the new source's
    originals go there (``originals``); CatalogError (file, line) for a broken one."""
    kinds = (EditionKind.TRANSLATION,) if with_originals else (
        EditionKind.TRANSLATION, EditionKind.SCRIPT)
    found = []
    for edition in config.editions:
        path = catalog_dir(config, edition) / f"{docname}.po"
        if edition.kind in kinds and path.is_file():
            raw = read_bytes(path)
            found.append((edition, EditionCatalogs({docname: path}, {docname: raw},
                                                   {docname: parse_catalog(raw, path)})))
    return ReplacePlan(docname, tuple(found))


def merge_catalogs(config: ProjectConfig, plan: ReplacePlan, document: str) -> list[CatalogMerge]:
    """Merge the messages of ``document`` (the new text) into the planned catalogs."""
    if not plan.catalogs:
        return []
    now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    annotate = script_annotator(config)
    merged = []
    for edition, catalogs in plan.catalogs:
        templates = {plan.docname: _template(document, catalogs.parsed[plan.docname])}
        update = (update_edition(config, edition, templates, annotate, now, catalogs)
                  if edition.kind is EditionKind.TRANSLATION
                  else update_corrections(config, edition, templates, now, catalogs))
        for doc in update.documents:
            merged.append(CatalogMerge(edition.code, _relative(config, doc.path), doc.status,
                                       doc.counts))
    return merged


def _template(document: str, existing: Catalog) -> Catalog:
    """The messages Sphinx extracts from an imported document: the title and each
    paragraph (one line each), located where the catalog's last extraction put them."""
    source = next((path for m in iter_messages(existing) for path, _ in m.locations), None)
    front, body = split_front_matter(document)
    template = Catalog(fuzzy=False)
    for number, line in enumerate(body.split("\n"), front.count("\n") + 1):
        text = line.removeprefix("# ")  # a paragraph never starts so: it would be escaped
        if text.strip() and text not in template:
            template.add(text, locations=[(source, number)] if source else [])
    return template


def _relative(config: ProjectConfig, path: Path) -> str:
    path = path.resolve()
    root = config.root.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
