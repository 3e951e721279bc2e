"""``translate-kit check``: find what would make a translation wrong, broken or unsafe.

Each check is a plain function ``(entry) -> list[Problem]`` over one catalog message; to
add a check, write one and list it in ``CONTENT_CHECKS`` (translated messages) or
``STATE_CHECKS`` (every message), or in their ``CORRECTION_`` counterparts for the
correction catalogs of script editions (see ``corrections``).  Problems carry the .po
file and the line of the message, so editors can jump to them.  Catalogs are only read,
never rewritten.  Correction catalogs are compared with the documents' current messages,
which takes one run of Sphinx's message extraction when a project has any.  A
translation catalog's problems are kept (``cache.per_file``) until it, the glossary or
the checks change, so a second check reads only the catalogs that changed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from translate_kit.catalogs import markup
from translate_kit.catalogs.cache import context_key, file_state, per_file
from translate_kit.catalogs.corrections import unconverted
from translate_kit.catalogs.glossary import Glossary, read_glossary
from translate_kit.catalogs.interface import (
    interface_catalogs,
    locale_dirs,
    placeholder_problem,
    template_path,
)
from translate_kit.catalogs.pofile_io import (
    catalog_paths,
    is_translated,
    iter_messages,
    message_text,
    read_catalog,
    source_docnames,
)
from translate_kit.catalogs.safety import unsafe_reason
from translate_kit.catalogs.update import Extract, catalog_lock
from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.errors import CatalogError, format_location
from translate_kit.progress import ignore
from translate_kit.script import converter_for


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    severity: Severity
    message: str
    check: str = ""

    def __str__(self) -> str:
        return f"{format_location(self.path, self.line)}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Entry:
    """One message of a catalog, with what the checks need to judge it."""

    message: Message
    path: Path
    glossary: Glossary
    locale: str
    convert: Callable[[str], str] | None = None
    """The edition's script conversion (correction catalogs only)."""
    current: frozenset[object] | None = None
    """The msgids the document has now (correction catalogs only)."""

    @property
    def msgid(self) -> str:
        return message_text(self.message.id)

    @property
    def msgstr(self) -> str:
        return message_text(self.message.string)

    def error(self, text: str) -> Problem:
        return Problem(self.path, self.message.lineno, Severity.ERROR, text)

    def warning(self, text: str) -> Problem:
        return Problem(self.path, self.message.lineno, Severity.WARNING, text)


Check = Callable[[Entry], list[Problem]]


def unfinished(entry: Entry) -> list[Problem]:
    if not is_translated(entry.message):
        return [entry.warning("untranslated")]
    if entry.message.fuzzy:
        return [entry.warning("fuzzy: not published until a translator confirms it")]
    return []


def garbled(entry: Entry) -> list[Problem]:
    return [entry.warning(f"unresolved garbled text from import: {span!r}")
            for span in markup.garbled_spans(entry.msgid)]


def injection(entry: Entry) -> list[Problem]:
    reason = unsafe_reason(entry.msgid, entry.msgstr)
    return [entry.error(f"unsafe: {reason}; the build leaves this translation out")] if reason else []


def myst_markup(entry: Entry) -> list[Problem]:
    return [entry.error(text) for text in markup.differences(entry.msgid, entry.msgstr)]


def numbers(entry: Entry) -> list[Problem]:
    missing = Counter(markup.missing_numbers(entry.msgid, entry.msgstr, entry.locale))
    return [entry.error(f"number {n!r} of the source is missing from the translation"
                        + (f" ({count} times)" if count > 1 else ""))
            for n, count in missing.items()]


def addresses(entry: Entry) -> list[Problem]:
    return [entry.error(f"{kind} {value!r} of the source is missing from the translation")
            for kind, value in markup.missing_addresses(entry.msgid, entry.msgstr)]


def glossary_terms(entry: Entry) -> list[Problem]:
    text = entry.msgstr.casefold()
    return [entry.error(f"glossary: {t.source!r} should be translated as {t.renderings[0]!r}"
                        + (f" (or {', '.join(map(repr, t.renderings[1:]))})" if t.renderings[1:] else ""))
            for t in entry.glossary.find(entry.msgid)
            if not any(r.casefold() in text for r in t.renderings)]


def fuzzy_correction(entry: Entry) -> list[Problem]:
    if entry.message.fuzzy:
        return [entry.warning("fuzzy: the correction is not applied until a translator confirms it")]
    return []


def unmatched(entry: Entry) -> list[Problem]:
    if entry.current is None or entry.message.id in entry.current:
        return []
    return [entry.warning("the correction no longer matches any message of its document, so "
                          "it is not applied (translate-kit update marks it fuzzy or obsolete)")]


def source_script(entry: Entry) -> list[Problem]:
    if entry.convert is None:
        return []
    found = unconverted(entry.msgstr, entry.convert)
    if not found:
        return []
    listed = ", ".join(f"{written!r} (converted: {converted!r})" for written, converted in found[:5])
    return [entry.warning(f"the correction has text the edition would convert: {listed}; "
                          "write it in the edition's script, or add the phrase to phrases.txt "
                          "if it is meant")]


def placeholders(entry: Entry) -> list[Problem]:
    reason = placeholder_problem(entry.message.id, entry.message.string)
    return [entry.error(f"{reason}; the build shows the English words")] if reason else []


STATE_CHECKS: tuple[Check, ...] = (unfinished, garbled)
"""Run on every message."""
CONTENT_CHECKS: tuple[Check, ...] = (injection, myst_markup, numbers, addresses, glossary_terms)
"""Run on finished (translated, not fuzzy) messages: fuzzy ones are suggestions."""
CORRECTION_STATE_CHECKS: tuple[Check, ...] = (fuzzy_correction, unmatched)
"""Run on every correction (entries without a msgstr correct nothing and are skipped)."""
CORRECTION_CONTENT_CHECKS: tuple[Check, ...] = (injection, myst_markup, source_script)
"""Run on corrections that apply (not fuzzy)."""
INTERFACE_CONTENT_CHECKS: tuple[Check, ...] = (injection, placeholders)
"""Run on finished translations of the interface catalogs (``catalogs.interface``)."""


def check_entry(entry: Entry, state: tuple[Check, ...] = STATE_CHECKS,
                content: tuple[Check, ...] = CONTENT_CHECKS) -> list[Problem]:
    checks = state
    if is_translated(entry.message) and not entry.message.fuzzy:
        checks += content
    return [dataclasses.replace(p, check=check.__name__) for check in checks for p in check(entry)]


def check_catalog(catalog: Catalog, path: Path, glossary: Glossary, locale: str) -> list[Problem]:
    return [p for m in iter_messages(catalog) for p in check_entry(Entry(m, path, glossary, locale))]


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    catalogs: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def __add__(self, other: CheckResult) -> CheckResult:
        return CheckResult(self.problems + other.problems, self.catalogs + other.catalogs)


Judge = Callable[[str, Catalog, Path], list[Problem]]
"""The problems of one catalog, given its docname and path."""


def check_edition(config: ProjectConfig, edition: Edition, extract: Extract
                  ) -> tuple[list[Problem], int]:
    """The edition's problems; only translation catalogs changed since the last check are read."""
    problems: list[Problem] = []
    paths = catalog_paths(config, edition)
    if not paths:
        return problems, 0
    documents = source_docnames(config)
    if edition.kind is EditionKind.SCRIPT:
        judge = _corrections_judge(config, edition, set(paths) & documents, extract)
        judgements = {path: _judged(judge, doc, path) for doc, path in paths.items()}
    else:
        judge = _translations_judge(config, edition)
        docname_of = {path: doc for doc, path in paths.items()}
        cache = config.cache_dir("catalogs") / f"check-{edition.slug}.json"
        context = context_key(edition.locale_name, config.glossary, file_state(config.glossary))
        judgements = per_file(
            cache, context, paths.values(), lambda path: _judged(judge, docname_of[path], path),
            keep=lambda found: not any(
                check == "syntax" for problems in found.values() for *_, check in problems))
    for docname, path in paths.items():
        if docname not in documents:
            problems.append(Problem(path, None, Severity.WARNING,
                                    f"document {docname!r} no longer exists; the catalog is unused",
                                    "stale"))
        problems.extend(Problem(path, line, Severity(severity), message, check)
                        for line, severity, message, check in judgements[path])
    return problems, len(paths)


def _judged(judge: Judge, docname: str, path: Path) -> list[list[object]]:
    """One catalog's problems as JSON values (a catalog that cannot be read is one)."""
    try:
        found = judge(docname, read_catalog(path), path)
    except CatalogError as exc:
        found = [Problem(path, exc.line, Severity.ERROR, exc.message, "syntax")]
    return [[p.line, p.severity.value, p.message, p.check] for p in found]


def _translations_judge(config: ProjectConfig, edition: Edition) -> Judge:
    glossary = read_glossary(config.glossary, edition)
    return lambda docname, catalog, path: check_catalog(catalog, path, glossary, edition.locale_name)


def _corrections_judge(config: ProjectConfig, edition: Edition, docnames: set[str],
                       extract: Extract) -> Judge:
    convert = converter_for(config, edition).convert
    with catalog_lock(config):  # update extracts into the same directory
        templates = extract(config, ignore).templates if docnames else {}
    current = {doc: frozenset(m.id for m in iter_messages(templates[doc]))
               for doc in docnames if doc in templates}
    glossary = Glossary()

    def judge(docname: str, catalog: Catalog, path: Path) -> list[Problem]:
        return [problem for message in iter_messages(catalog) if is_translated(message)
                for problem in check_entry(
                    Entry(message, path, glossary, edition.locale_name, convert, current.get(docname)),
                    CORRECTION_STATE_CHECKS, CORRECTION_CONTENT_CHECKS)]

    return judge


def check_catalogs(config: ProjectConfig, extract: Extract) -> CheckResult:
    """Check every catalog of every translation edition and every correction catalog.

    ``extract`` gives the source's current messages, which correction catalogs are
    checked against (it runs only where a project has correction catalogs).
    """
    problems: list[Problem] = []
    count = 0
    for edition in config.editions_of(EditionKind.TRANSLATION) + config.editions_of(EditionKind.SCRIPT):
        found, catalogs = check_edition(config, edition, extract)
        problems.extend(found)
        count += catalogs
    return CheckResult(tuple(problems), count)


def check_interface(config: ProjectConfig) -> CheckResult:
    """Check every interface catalog, the project's and those shipped with the extension:
    what ``check`` finds in any catalog, placeholders, and the template's words it lacks."""
    problems: list[Problem] = []
    catalogs = interface_catalogs(locale_dirs(config))
    for language, domains in catalogs.items():
        for domain, path in domains.items():
            try:
                catalog = read_catalog(path)
            except CatalogError as exc:
                problems.append(Problem(path, exc.line, Severity.ERROR, exc.message, "syntax"))
                continue
            problems.extend(p for m in iter_messages(catalog) for p in check_entry(
                Entry(m, path, Glossary(), language), STATE_CHECKS, INTERFACE_CONTENT_CHECKS))
            template = template_path(domain)
            missing = [m.id for m in iter_messages(read_catalog(template)) if m.id not in catalog]
            if missing:
                listed = ", ".join(repr(message_text(msgid)) for msgid in missing[:5])
                problems.append(Problem(path, None, Severity.WARNING, (
                    f"{len(missing)} message(s) of {template.name} missing, shown in English: "
                    f"{listed}{' …' if len(missing) > 5 else ''}"), "missing"))
    return CheckResult(tuple(problems), sum(len(domains) for domains in catalogs.values()))
