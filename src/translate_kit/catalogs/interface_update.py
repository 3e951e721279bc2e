"""``translate-kit update`` for a project's own interface catalogs.

The templates shipped with the extension (``translate_kit.pot``, ``sphinx.pot``) are
merged into every catalog of ``locale/interface/<language>/LC_MESSAGES/`` as article
templates are merged into article catalogs (``merge.merge``): new words come untranslated,
changed words fuzzy with their old msgid, words the extension no longer uses obsolete
(``#~``), and no translation is lost.  The translator's header (language, plural forms,
``X-Generator`` …) is kept.  ``--interface LANGUAGE`` starts a language's
``translate_kit.po``: a copy of the shipped catalog of that language when there is one, so
that the project adjusts it, otherwise the template with the language's plural forms.
Every catalog is read before any is written; ``read_interface`` refuses a bad one or an
unknown language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog

from translate_kit.catalogs.interface import (
    INTERFACE_DOMAIN,
    SHIPPED_DIR,
    catalog_path,
    interface_catalogs,
    placeholders,
    template_path,
)
from translate_kit.catalogs.merge import MergeCounts, merge
from translate_kit.catalogs.pofile_io import (
    PoCatalog,
    iter_messages,
    parse_catalog,
    read_bytes,
    read_catalog,
)
from translate_kit.catalogs.update import store
from translate_kit.config import ProjectConfig
from translate_kit.errors import ConfigError

BRACE_FORMAT = "python-brace-format"
"""The flag that has PO editors check a translation's ``{name}`` fields."""


@dataclass(frozen=True)
class InterfaceCatalog:
    """One project interface catalog as found before the update (``raw`` None: new)."""

    language: str
    domain: str
    path: Path
    raw: bytes | None
    catalog: Catalog


@dataclass(frozen=True)
class InterfaceUpdate:
    language: str
    path: Path
    status: str
    """``created``, ``updated`` or ``unchanged``."""
    counts: MergeCounts


def _new_catalog(language: str) -> Catalog:
    """The catalog a new interface language starts from."""
    try:
        name = Locale.parse(language).english_name
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"--interface {language}: not a language Babel knows; write a "
                          "language tag such as fr, pt_BR or zh_Hant") from exc
    shipped = catalog_path(SHIPPED_DIR, language, INTERFACE_DOMAIN)
    if shipped.is_file():
        return read_catalog(shipped)
    return Catalog(locale=language, domain=INTERFACE_DOMAIN, project="translate-kit",
                   header_comment=f"# {name}: the words translate-kit's Sphinx extension adds to "
                                  "pages.\n# Updated by `translate-kit update`; edit only the "
                                  "msgstr lines.", fuzzy=False, charset="utf-8")


def read_interface(config: ProjectConfig, start: Iterable[str] = ()) -> tuple[InterfaceCatalog, ...]:
    """The project's interface catalogs, and a new ``translate_kit.po`` for each language
    of ``start`` that has none; CatalogError (file, line) for a broken one."""
    found = [InterfaceCatalog(language, domain, path, raw := read_bytes(path),
                              parse_catalog(raw, path))
             for language, domains in interface_catalogs((config.interface_locale_dir,)).items()
             for domain, path in domains.items()]
    have = {(entry.language, entry.domain) for entry in found}
    for language in dict.fromkeys(name.replace("-", "_") for name in start):
        if (language, INTERFACE_DOMAIN) not in have:
            path = catalog_path(config.interface_locale_dir, language, INTERFACE_DOMAIN)
            found.append(InterfaceCatalog(language, INTERFACE_DOMAIN, path, None,
                                          _new_catalog(language)))
    return tuple(sorted(found, key=lambda entry: (entry.language, entry.domain)))


def _merged(template: Catalog, existing: Catalog) -> tuple[PoCatalog, MergeCounts]:
    """``existing`` merged with ``template``, under ``existing``'s own header."""
    result = merge(template, existing)
    headed = PoCatalog(header_comment=existing.header_comment, fuzzy=False)
    headed.mime_headers = existing.mime_headers
    headed.creation_date = template.creation_date
    for message in iter_messages(result.catalog):
        texts = (message.id,) if isinstance(message.id, str) else message.id
        if any(placeholders(text) for text in texts):
            message.flags.add(BRACE_FORMAT)
        headed[message.id] = message
    headed.obsolete = result.catalog.obsolete
    return headed, result.counts


def update_interface(catalogs: Iterable[InterfaceCatalog]) -> tuple[InterfaceUpdate, ...]:
    """Merge the shipped templates into ``catalogs`` (from ``read_interface``) and write
    those whose words changed."""
    templates: dict[str, Catalog] = {}
    done = []
    for entry in catalogs:
        if entry.domain not in templates:
            templates[entry.domain] = read_catalog(template_path(entry.domain))
        catalog, counts = _merged(templates[entry.domain], entry.catalog)
        done.append(InterfaceUpdate(entry.language, entry.path,
                                    store(entry.path, entry.raw, catalog), counts))
    return tuple(done)
