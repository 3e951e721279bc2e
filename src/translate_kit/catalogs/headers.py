"""The header of every catalog ``update`` writes: what PO editors and gettext tools read.

The headers that follow from the project and the edition are set on every update:
``Language`` and ``Plural-Forms`` (the edition's catalog language), ``Project-Id-Version``
(the project's title and the document), ``X-Source-Language`` (the source edition, which
Poedit shows as the source text's language) and, unless a team named itself,
``Language-Team``.  What translators and their tools wrote is kept: ``Last-Translator``,
a named team, ``X-Generator`` and any other header.  gettext's template placeholders
(``FULL NAME <EMAIL@ADDRESS>`` …) are emptied, so that ``msgfmt --check`` is silent.
"""

from __future__ import annotations

import datetime as dt

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog

from translate_kit.catalogs.pofile_io import PoCatalog, iter_messages
from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import ConfigError

SOURCE_LANGUAGE = "X-Source-Language"
PLACEHOLDERS = ("FULL NAME <EMAIL@ADDRESS>", "EMAIL@ADDRESS", "<LL@li.org>")
"""What gettext and Babel write where nobody has filled a header in."""


def _filled(value: str | None) -> str:
    """``value``, or "" when it is missing or still a template placeholder."""
    if not value or any(placeholder in value for placeholder in PLACEHOLDERS):
        return ""
    return value


def header_comment(edition: Edition, docname: str) -> str:
    """The comment above a new catalog's header."""
    return (f"# {edition.label} ({edition.code}) translation of {docname!r}.\n"
            "# Updated by `translate-kit update`; edit only the msgstr lines.")


def with_headers(
    catalog: Catalog,
    previous: Catalog | None,
    config: ProjectConfig,
    edition: Edition,
    docname: str,
    now: dt.datetime,
) -> PoCatalog:
    """``catalog``'s messages under the header of ``edition``'s catalog of ``docname``.

    ``previous`` is the catalog as the translator left it (None for a new one): its
    translator, team, comment and extra headers are kept.
    """
    known = previous is not None  # (an empty Catalog is falsy)
    try:
        headed = PoCatalog(
            locale=edition.locale_name, domain=docname, project=config.title, version=docname,
            header_comment=previous.header_comment if known else header_comment(edition, docname),
            copyright_holder=previous.copyright_holder if known else config.publisher,
            creation_date=now, revision_date=now, charset="utf-8", fuzzy=False,
        )
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"edition {edition.code}: catalog language {edition.locale_name!r} "
                          f"is not a locale Babel knows ({exc})") from exc
    # Set after construction: Babel's constructor turns "" back into the placeholders.
    headed.last_translator = _filled(previous.last_translator if known else None)
    headed.msgid_bugs_address = _filled(previous.msgid_bugs_address if known else None)
    headed.language_team = _filled(previous.language_team if known else None) or edition.label
    if isinstance(previous, PoCatalog):
        headed.extra_headers = dict(previous.extra_headers)
    headed.extra_headers[SOURCE_LANGUAGE] = config.source_edition.locale_name
    for message in iter_messages(catalog):
        headed[message.id] = message
    headed.obsolete = catalog.obsolete
    return headed
