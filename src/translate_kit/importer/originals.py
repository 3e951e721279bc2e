"""The simplified edition of an article that arrived in simplified script is its original.

The document holds the article converted to the source edition's standard; converting
it back at build time would give the simplified edition a double conversion of the text
the editor already had.  So the importer writes each passage's original as the
correction of its message in the simplified edition's correction catalog
(``locale/zh_Hans/LC_MESSAGES/<doc>.po``, see ``catalogs.corrections``): the build puts
it in place of the conversion exactly as a corrector's text, ``update`` keeps it current
like any correction (fuzzy when the passage is edited, ``#~`` when it is removed), and
``stats`` counts it among the corrections.

Nobody's work is lost: an entry whose text differs from the original (a corrector
changed it, or confirmed a fuzzy one) is kept as it is and counted as kept; an obsolete
entry for a passage that is back is made active again with its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from translate_kit.catalogs.headers import with_headers
from translate_kit.catalogs.pofile_io import (
    catalog_dir,
    iter_messages,
    parse_catalog,
    read_bytes,
    render_catalog,
)
from translate_kit.config import Edition, EditionKind, ProjectConfig

SIMPLIFIED_CODES = ("zh-hans", "zh-cn", "zh-sg", "zh-my")
"""BCP 47 tags (and their prefixes) of editions written in simplified script."""
COMMENT = "original text of {source}"


@dataclass(frozen=True)
class OriginalsPlan:
    """What storing one document's originals in one catalog does."""

    edition: str
    path: Path
    data: bytes | None
    """The catalog to write, None when it stays as it is."""
    stored: int
    """Passages whose original is in the catalog after the import."""
    kept: int
    """Passages whose entry somebody changed: left as they were, the original not written."""


def simplified_editions(config: ProjectConfig) -> tuple[Edition, ...]:
    """The script editions written in simplified script, by their language tag."""
    return tuple(e for e in config.editions_of(EditionKind.SCRIPT)
                 if e.code.lower().startswith(SIMPLIFIED_CODES))


def plan_originals(config: ProjectConfig, docname: str, pairs: Iterable[tuple[str, str]],
                   source: str, now: dt.datetime | None = None) -> list[OriginalsPlan]:
    """Each simplified edition's catalog of ``docname`` with the ``(message, original)``
    pairs in it; CatalogError (file, line) when an existing catalog cannot be read."""
    pairs = list(pairs)
    if not pairs:
        return []
    now = now or dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    plans = []
    for edition in simplified_editions(config):
        path = catalog_dir(config, edition) / f"{docname}.po"
        raw = read_bytes(path) if path.is_file() else None
        existing = parse_catalog(raw, path) if raw is not None else None
        # A second parse to change: ``existing`` must stay as it was to tell a change.
        catalog, kept = _with_originals(parse_catalog(raw, path) if raw is not None else Catalog(),
                                        pairs, source)
        headed = with_headers(catalog, existing, config, edition, docname, now)
        data = render_catalog(headed)
        unchanged = raw is not None and _same_entries(existing, headed)
        plans.append(OriginalsPlan(edition.code, path, None if unchanged else data,
                                   len(pairs) - kept, kept))
    return plans


def _with_originals(catalog: Catalog, pairs: list[tuple[str, str]],
                    source: str) -> tuple[Catalog, int]:
    """``catalog`` with every original in it, and how many entries were kept instead."""
    kept = 0
    for message, original in pairs:
        current = catalog.get(message)
        if current is None and message in catalog.obsolete:
            current = catalog.obsolete.pop(message)
            catalog[message] = current
        if current is not None and current.string:
            kept += current.string != original or current.fuzzy
            continue
        catalog[message] = Message(message, original,
                                   user_comments=[COMMENT.format(source=source)])
    return catalog, kept


def _same_entries(before: Catalog | None, after: Catalog) -> bool:
    """Whether the import changes no entry (its header dates alone would change)."""
    if before is None:
        return False
    entries = [[(m.id, m.string, m.fuzzy, tuple(m.user_comments)) for m in iter_messages(c)]
               for c in (before, after)]
    obsolete = [sorted(c.obsolete) for c in (before, after)]
    return entries[0] == entries[1] and obsolete[0] == obsolete[1]
