"""The interface catalogs: the words the Sphinx extension adds to pages, as gettext catalogs.

They ship with the extension, in ``translate_kit/sphinxext/locale/<language>/LC_MESSAGES/``:
``translate_kit.po`` translates the extension's own words (English msgids marked with
``_``, and counted phrases with ``ngettext``, in ``sphinxext``, whose template
``translate_kit.pot`` ``interface_template`` extracts), and ``sphinx.po`` the few words of the furo theme that Sphinx's own catalogs
lack (template ``sphinx.pot``, kept by hand).  A project adds or replaces a language in
its own ``locale/interface/<language>/LC_MESSAGES/``, which is searched first.

An edition's Sphinx ``language`` finds its catalog as gettext matches language tags,
with the script CLDR gives the language put in between: ``zh_HK`` looks for ``zh_HK``,
then ``zh_Hant``, then ``zh``; a language without any catalog shows the English msgids.
The .mo files are compiled here when a build starts, never kept beside the .po files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from string import Formatter

from babel.core import Locale, UnknownLocaleError, get_global
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from translate_kit.catalogs.compile import DroppedMessage, mo_bytes, publishable
from translate_kit.catalogs.pofile_io import WRAP_WIDTH, iter_messages, message_text, read_catalog
from translate_kit.config import ProjectConfig
from translate_kit.files import write_if_changed

INTERFACE_DOMAIN = "translate_kit"
"""The catalog of the extension's own words (``sphinxext.messages._``)."""
THEME_DOMAIN = "sphinx"
"""Sphinx's own catalog, which the theme's templates translate through."""
DOMAINS = (INTERFACE_DOMAIN, THEME_DOMAIN)
EXTENSION_DIR = Path(__file__).resolve().parents[1] / "sphinxext"
SHIPPED_DIR = EXTENSION_DIR / "locale"
"""The interface catalogs shipped with the extension."""
TEMPLATE_COMMENT = "# Template of the words translate-kit's Sphinx extension adds to pages.\n#"


def locale_dirs(config: ProjectConfig) -> tuple[Path, ...]:
    """Where interface catalogs are looked for, in order: the project's, then the shipped."""
    return (config.interface_locale_dir, SHIPPED_DIR)


def template_path(domain: str) -> Path:
    return SHIPPED_DIR / f"{domain}.pot"


def catalog_path(locale_dir: Path, language: str, domain: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def _script(language: str) -> str | None:
    """The script CLDR writes ``language`` in (``zh_TW``, ``zh_HK``: Hant; ``zh``: Hans)."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return None
    likely = get_global("likely_subtags").get(locale.language)
    return locale.script or (Locale.parse(likely).script if likely else None)


def candidates(language: str) -> list[str]:
    """The catalog languages that serve Sphinx ``language``, most specific first."""
    language = language.replace("-", "_")
    bare = language.split("_")[0]
    script = _script(language)
    found = [language, f"{bare}_{script}" if script else "", bare]
    return [name for i, name in enumerate(found) if name and name not in found[:i]]


def find_catalog(dirs: tuple[Path, ...], language: str, domain: str) -> Path | None:
    """The catalog of ``domain`` serving ``language``: the best language, then the first dir."""
    for name in candidates(language):
        for locale_dir in dirs:
            path = catalog_path(locale_dir, name, domain)
            if path.is_file():
                return path
    return None


def interface_catalogs(dirs: tuple[Path, ...]) -> dict[str, dict[str, Path]]:
    """Every interface catalog, by language then domain; a project's replaces the shipped."""
    found: dict[str, dict[str, Path]] = {}
    for locale_dir in reversed(dirs):
        for path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            if path.stem in DOMAINS:
                found.setdefault(path.parents[1].name, {})[path.stem] = path
    return dict(sorted(found.items()))


def compiled_catalog(path: Path, convert: Callable[[str], str] | None = None
                     ) -> tuple[bytes, list[DroppedMessage]]:
    """The .mo bytes of the publishable translations of ``path`` (each passed through
    ``convert``: a script edition writing another language's words in its own script),
    and the translations left out.  Raises CatalogError with the file and line."""
    catalog, dropped = publishable(read_catalog(path), path)
    for message in list(iter_messages(catalog)):
        wrong = placeholder_problem(message.id, message.string)
        if wrong:
            dropped.append(DroppedMessage(path, message.lineno, message_text(message.id), wrong, False))
            catalog.delete(message.id, message.context)
        elif convert is not None:
            message.string = (convert(message.string) if isinstance(message.string, str)
                              else tuple(map(convert, message.string)))
    return mo_bytes(catalog), dropped


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` fields of ``text``; None when a brace stands alone."""
    try:
        return {name for _text, name, _spec, _conversion in Formatter().parse(text)
                if name is not None}
    except ValueError:
        return None


def placeholder_problem(msgid: str | tuple[str, ...], msgstr: str | tuple[str, ...]) -> str:
    """Why a translation's ``{name}`` fields would break its page ("" when they match).

    Each form of a plural translation (``msgstr[n]``) must have the fields of the source's
    forms, which serve every count."""
    ids = (msgid,) if isinstance(msgid, str) else tuple(msgid)
    wanted = set().union(*(placeholders(text) or () for text in ids))
    forms = [("", msgstr)] if isinstance(msgstr, str) else [
        (f"msgstr[{number}]: ", form) for number, form in enumerate(msgstr)]
    for where, form in forms:
        found = placeholders(form)
        if found is None:
            return f"{where}a lone {{ or }} in the translation (write {{{{ or }}}} for a brace)"
        if found != wanted:
            listed = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "none"
            return f"{where}the translation's placeholders must be those of the source: {listed}"
    return ""


def interface_template() -> Catalog:
    """The extension's words as ``sphinxext`` marks them (``_("…")``): its .pot."""
    catalog = Catalog(project="translate-kit", domain=INTERFACE_DOMAIN, fuzzy=False,
                      header_comment=TEMPLATE_COMMENT)
    extracted = extract_from_dir(EXTENSION_DIR, method_map=[("**.py", "python")],
                                 keywords={"_": None, "ngettext": (1, 2)},
                                 comment_tags=("Translators:",))
    for filename, line, msgid, comments, context in extracted:
        catalog.add(msgid, locations=[(f"sphinxext/{filename}", line)],
                    auto_comments=comments, context=context)
    return catalog


def write_template() -> Path:
    """Write ``translate_kit.pot`` from the extension's source (after changing its words)."""
    buffer = io.BytesIO()
    write_po(buffer, interface_template(), width=WRAP_WIDTH)
    path = template_path(INTERFACE_DOMAIN)
    write_if_changed(path, buffer.getvalue())
    return path


if __name__ == "__main__":
    print(write_template())
