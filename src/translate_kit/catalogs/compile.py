"""Compile an edition's .po catalogs into the .mo files Sphinx reads.

Only translations fit to publish reach a ``.mo``: fuzzy entries (a guess or an outdated
translation), untranslated ones and unsafe ones (``safety.unsafe_reason``) are left out,
so the edition shows the source text there instead.  A ``.mo`` is rewritten only when
its bytes change, because Sphinx re-reads every document whose ``.mo`` is newer than
its last read; an unchanged catalog therefore costs no rebuild.  A manifest beside the
.mo files remembers each .po's size and modification time and what was dropped from it,
so a build after a one-catalog edit parses one catalog, not all of them.  Beside each
.mo, ``<doc>.entries.json`` keeps the line and state of every entry of its .po, so the
build can say where an untranslated passage's entry is without parsing the .po again.
"""

from __future__ import annotations

import io
import os
import json
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo

from translate_kit.catalogs.pofile_io import (
    catalog_paths,
    is_translated,
    iter_messages,
    message_text,
    read_catalog,
)
from translate_kit.catalogs.safety import unsafe_reason
from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import format_location
from translate_kit.files import files_under, write_atomic, write_if_changed

FUZZY = "fuzzy"
MANIFEST = ".compiled.json"
"""Beside the .mo files: each .po's stamp and what was dropped from it."""
ENTRIES_SUFFIX = ".entries.json"
"""Beside each .mo: ``{msgid: [line, state]}`` of its .po (see ``catalog_entries``)."""


@dataclass(frozen=True)
class DroppedMessage:
    """A translation left out of the .mo, and why."""

    path: Path
    """The .po file holding it."""
    line: int | None
    msgid: str
    reason: str
    unsafe: bool
    """True when the translation would inject markup (not merely unfinished)."""

    def __str__(self) -> str:
        return f"{format_location(self.path, self.line)}: {self.reason}"


@dataclass(frozen=True)
class CompileResult:
    """What ``compile_catalogs`` did for one edition."""

    edition: Edition
    written: tuple[Path, ...]
    """.mo files (re)written because their content changed."""
    unchanged: tuple[Path, ...]
    removed: tuple[Path, ...]
    """.mo files deleted because their .po no longer exists."""
    dropped: tuple[DroppedMessage, ...]

    @property
    def unsafe(self) -> tuple[DroppedMessage, ...]:
        return tuple(d for d in self.dropped if d.unsafe)


def _why_dropped(message: Message) -> tuple[str, bool] | None:
    """(reason, unsafe) when ``message`` must stay out of the .mo; None to publish it."""
    if message.fuzzy:
        return FUZZY, False
    reason = unsafe_reason(message_text(message.id), message_text(message.string))
    return (reason, True) if reason else None


def publishable(catalog: Catalog, path: Path) -> tuple[Catalog, list[DroppedMessage]]:
    """``catalog`` reduced to the translations fit to publish, and the ones dropped."""
    dropped: list[DroppedMessage] = []
    for message in list(iter_messages(catalog)):
        if not is_translated(message):
            catalog.delete(message.id, message.context)
            continue
        why = _why_dropped(message)
        if why:
            dropped.append(DroppedMessage(path, message.lineno, message_text(message.id), *why))
            catalog.delete(message.id, message.context)
    return catalog, dropped


def catalog_entries(catalog: Catalog) -> dict[str, tuple[int | None, str]]:
    """``{msgid: (line, state)}`` of every entry; ``state`` is ``translated`` (published),
    ``untranslated``, ``fuzzy`` or ``unsafe``.  Keyed as ``Catalog.get(msgid)`` finds them."""
    entries: dict[str, tuple[int | None, str]] = {}
    for message in iter_messages(catalog):
        if message.context is not None:
            continue
        if not is_translated(message):
            state = "untranslated"
        else:
            why = _why_dropped(message)
            state = "translated" if why is None else "unsafe" if why[1] else FUZZY
        entries[message.id if isinstance(message.id, str) else message.id[0]] = (
            message.lineno, state)
    return entries


def read_entries(path: Path) -> dict[str, tuple[int | None, str]]:
    """The entries ``compile_catalogs`` kept at ``path``; none when there are none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {msgid: (line, state) for msgid, (line, state) in data.items()}


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def mo_dir(dest_dir: Path, edition: Edition, language: str | None = None) -> Path:
    """Where compiled catalogs go: ``<dest_dir>/<language or locale_name>/LC_MESSAGES``."""
    return Path(dest_dir) / (language or edition.locale_name) / "LC_MESSAGES"


def compile_catalogs(
    config: ProjectConfig, edition: Edition, dest_dir: Path, *, language: str | None = None
) -> CompileResult:
    """Write ``<dest_dir>/<locale_name>/LC_MESSAGES/<doc>.mo`` for each of the edition's .po.

    Sphinx looks for ``<locale_dir>/<its language>/LC_MESSAGES``; pass
    ``language=edition.sphinx_language`` where that differs from the catalog directory
    name (``zh_CN`` for catalogs kept in ``locale/zh_Hans``).  Raises CatalogError (with
    file and line) for a catalog that cannot be read; no .mo is written in that case.
    """
    target = mo_dir(dest_dir, edition, language)
    sources = catalog_paths(config, edition)
    manifest_path = target / MANIFEST
    manifest = _read_manifest(manifest_path)
    current: dict[str, dict[str, object]] = {}
    written: list[Path] = []
    unchanged: list[Path] = []
    dropped: list[DroppedMessage] = []
    present = set(files_under(target, ""))  # one walk, not two checks per catalog
    for docname, po_path in sources.items():
        mo_path = target / f"{docname}.mo"
        stat = os.stat(po_path)
        stamp = [stat.st_mtime_ns, stat.st_size]
        entry = manifest.get(docname)
        if (entry and entry.get("po") == stamp and f"{docname}.mo" in present
                and f"{docname}{ENTRIES_SUFFIX}" in present):
            left_out = [DroppedMessage(po_path, *fields) for fields in entry["dropped"]]
            unchanged.append(mo_path)
        else:
            entries_path = target / f"{docname}{ENTRIES_SUFFIX}"
            catalog = read_catalog(po_path)
            entries = json.dumps(catalog_entries(catalog), ensure_ascii=False)
            catalog, left_out = publishable(catalog, po_path)
            changed = write_if_changed(mo_path, mo_bytes(catalog), durable=False)
            write_if_changed(entries_path, entries, durable=False)
            (written if changed else unchanged).append(mo_path)
        dropped.extend(left_out)
        current[docname] = {
            "po": stamp, "dropped": [[d.line, d.msgid, d.reason, d.unsafe] for d in left_out],
        }
    # Only compile_catalogs writes there, and the manifest lists what it wrote.
    removed = _remove_stale(target, set(sources)) if manifest.keys() != sources.keys() else []
    if current != manifest:
        _write_manifest(manifest_path, current)
    return CompileResult(edition, tuple(written), tuple(unchanged), tuple(removed), tuple(dropped))


def _read_manifest(path: Path) -> dict[str, dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # missing or damaged: every catalog is compiled again


def _write_manifest(path: Path, manifest: dict[str, dict[str, object]]) -> None:
    write_atomic(path, json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                 durable=False)


def _remove_stale(target: Path, docnames: set[str]) -> list[Path]:
    """Delete .mo files whose catalog is gone, so their translations stop being published."""
    if not target.is_dir():
        return []
    stale = [p for p in sorted(target.rglob("*.mo"))
             if p.relative_to(target).with_suffix("").as_posix() not in docnames]
    for path in stale:
        path.unlink()
    for path in target.rglob(f"*{ENTRIES_SUFFIX}"):
        if path.relative_to(target).as_posix().removesuffix(ENTRIES_SUFFIX) not in docnames:
            path.unlink()
    return stale
