"""The interface strings of pages, in each edition's language, from gettext catalogs.

Sphinx translates its own chrome through ``language``; the words the extension adds are
English msgids marked with ``_`` (the one translator every module imports from here;
``ngettext`` for a phrase that counts, in the forms the catalog's ``Plural-Forms`` chooses),
translated by the ``translate_kit`` catalogs shipped in ``locale/`` beside this module,
and ``sphinx.po`` there adds the few furo words (Next, Previous, On this page…) that
Sphinx's zh_TW and zh_CN catalogs lack.  When Sphinx starts, the catalogs serving the
edition's language (``catalogs.interface``) are compiled into the doctree directory and
registered with ``add_message_catalog``, as Sphinx extensions do.  A script edition
without a catalog of its own language writes the source edition's words in its own
script (through the same converter as the articles), so a new OpenCC edition needs no
catalog.  A fingerprint of the compiled words is a config value, so that changed words
rebuild every page.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError as SphinxConfigError
from sphinx.locale import get_translation, get_translator
from sphinx.util import logging

from translate_kit.catalogs.compile import FUZZY
from translate_kit.catalogs.interface import (
    DOMAINS,
    INTERFACE_DOMAIN,
    compiled_catalog,
    find_catalog,
    locale_dirs,
)
from translate_kit.config import EditionKind
from translate_kit.errors import CatalogError
from translate_kit.files import write_if_changed
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.script import edition_text

WORDS_OPTION = "translate_kit_interface_words"
"""Fingerprint of the edition's compiled interface catalogs (set by the extension)."""
COMPILED_DIR = "translate-kit-locale"
"""Under the doctree directory: ``<fingerprint>/<language>/LC_MESSAGES/<domain>.mo``."""
_translate = get_translation(INTERFACE_DOMAIN)
logger = logging.getLogger(__name__)


def _(message: str) -> str:
    """``message`` in the language of the edition being built (English without a catalog)."""
    return str(_translate(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase for ``count`` in the edition's language ("1 article",
    "2 articles"; one form in Chinese).  Sphinx's ``get_translation`` has no plural form
    (8.2 and 9 alike), so this asks the translator Sphinx registered for the catalog."""
    return get_translator(INTERFACE_DOMAIN).ngettext(singular, plural, count)


def _source(config: Config, domain: str) -> tuple[Path | None, Callable[[str], str] | None]:
    """The catalog serving the edition, and the conversion its words need, if any.

    A script edition served by no catalog, or by the source edition's (``zh_HK`` finds
    ``zh_Hant``), converts the source edition's words as it converts the articles."""
    project, edition = project_config(config), current_edition(config)
    dirs = locale_dirs(project)
    path = find_catalog(dirs, config.language, domain)
    if edition.kind is EditionKind.SCRIPT:
        source = find_catalog(dirs, project.source_edition.sphinx_language, domain)
        if path is None or path == source:
            return source, edition_text(config)
    return path, None


def _compiled(config: Config) -> dict[str, bytes]:
    """The .mo bytes of each catalog domain serving the edition."""
    found = {}
    for domain in DOMAINS:
        path, convert = _source(config, domain)
        if path is None:
            continue
        try:
            found[domain], dropped = compiled_catalog(path, convert)
        except CatalogError as exc:
            raise SphinxConfigError(f"interface catalog {exc}") from exc
        for message in dropped:
            if message.reason != FUZZY:
                logger.warning("interface catalog %s; the English words are shown", message)
    return found


def _add_catalogs(app: Sphinx, config: Config) -> None:
    """Compile the edition's interface catalogs and hand them to Sphinx.

    They go to a folder named by their content: gettext keeps every .mo it loaded for
    the life of the process, so a process that builds again must find new words under
    a new path."""
    if not config.language:
        return
    compiled = _compiled(config)
    fingerprint = hashlib.sha256(b"".join(
        f"{domain}\0{len(data)}\0".encode() + data for domain, data in compiled.items()
    )).hexdigest()
    base = Path(app.doctreedir) / COMPILED_DIR
    directory = base / fingerprint[:16]
    for domain, data in compiled.items():
        write_if_changed(directory / config.language / "LC_MESSAGES" / f"{domain}.mo", data,
                         durable=False)
        app.add_message_catalog(domain, str(directory))
    for old in base.iterdir() if base.is_dir() else ():
        if old != directory:
            shutil.rmtree(old, ignore_errors=True)
    config[WORDS_OPTION] = fingerprint


def setup(app: Sphinx) -> None:
    app.add_config_value(WORDS_OPTION, "", "env", types=frozenset({str}))
    app.connect("config-inited", _add_catalogs, priority=400)
