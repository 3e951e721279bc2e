"""One MyST parse of a document for every edition that would parse it alike.

Each edition is its own Sphinx build, and each used to parse every document again,
though the parse (MyST source to a docutils tree, before any transform) is mostly the
same in every edition: the simplified edition is the source edition's tree with its text
converted afterwards, by a transform (``script``), the English edition the same tree with
its messages translated (Sphinx's ``Locale``).  When the runner builds
several editions at once it names a directory they share (``SHARED_PARSE_OPTION``); the
first edition to reach a document parses it and keeps the tree there, with what the
parse left beside it (its warnings, the document's metadata and settings); the others
wait for it and load the tree instead of parsing (a lock per document).

A kept tree is used only when everything the parse reads is the same: the document's
name and text, MyST's settings, the documents of the project (a toctree's glob), the
extensions, the language, and the versions of Sphinx, docutils and MyST.  The language
matters to few documents (``language_free``): MyST renders a front matter field whose
name is bibliographic in the document's language (``date`` in English) as Markdown, any
other as text, and docutils looks up directive and role names in the language too.  A
document using no directive or role but the extension's own, whose bibliographic fields
hold plain words, is parsed once for every language (the English edition's too), and
its fields are given the form the loading language renders (``_render_fields_in``).

A parse that adds to the rest of the environment (a domain's objects, a dependency) or
leaves a transform pending is not kept.  One file per document and language (or for
every language): a stale one is replaced, one of a document the project no longer has
removed.
"""

from __future__ import annotations

import copy
import datetime
import fcntl
import hashlib
import logging
import pickle
import pkgutil
import re
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

import docutils.languages
import yaml
from docutils import nodes
from docutils.languages import get_language
from mdit_py_plugins.wordcount import basic_count
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import get_node_location

from translate_kit.contract import SHARED_PARSE_OPTION
from translate_kit.files import files_under

FORMAT = "3"
"""The layout of a kept parse; a change makes every kept one stale."""
_VERSIONS = "|".join(version(name) for name in ("sphinx", "docutils", "myst-parser"))
KEPT = ".parsed"
"""The suffix of a kept parse: ``<directory>/<language>/<docname>.parsed``."""
_DETACHED = ("settings", "reporter", "transformer")
"""A document's attributes that belong to one Sphinx run, not to the tree."""
EVERY_LANGUAGE = "every-language"
"""The directory of the parses that every language makes alike (``language_free``)."""
NEUTRAL_ROLES = frozenset({"garbled", "restored"})
"""The extension's roles, which make the same nodes in every language."""
_DIRECTIVE_OR_ROLE = re.compile(
    r"\{([^{}\s`]+)\}`|^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{([^{}\s]*)\}", re.MULTILINE)
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", re.DOTALL)
_PLAIN = re.compile(r"[^\W_]+(?:[ :-][^\W_]+)*")
"""Words that MyST's inline Markdown renders as themselves, whatever its extensions."""
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SharedMystParser(MystParser):
    """MyST's parser, parsing once what several editions read alike."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env: BuildEnvironment = document.settings.env
        shared = env.config[SHARED_PARSE_OPTION]
        if not shared or not _is_read_document(document, env):
            super().parse(inputstring, document)
            return
        fields = language_free(inputstring)
        key = parse_key(inputstring, document, env, fields)
        language = EVERY_LANGUAGE if fields is not None else _language_family(
            document.settings.language_code)
        path = Path(shared) / language / f"{env.docname}{KEPT}"
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path) as kept:
            parsed = _read(kept, key)
            if parsed is not None:
                _adopt(parsed, document, env)
                _render_fields_in(document, env, parsed["language"], fields or ())
                return
            parsed = self._parse_recording(inputstring, document, env)
            if parsed is not None:
                _write(kept, key, parsed)

    def _parse_recording(self, inputstring: str, document: nodes.document,
                         env: BuildEnvironment) -> dict[str, Any] | None:
        """Parse; what another edition needs to adopt the result, or None if it cannot."""
        settings = dict(vars(document.settings))
        footprint = _footprint(env)
        pending = len(document.transformer.transforms)
        with _recorded_warnings() as warnings:
            super().parse(inputstring, document)
        if _footprint(env) != footprint or len(document.transformer.transforms) != pending:
            return None
        after = {name: value for name, value in vars(document.settings).items()
                 if _is_plain(value)}
        changed = {name for name, value in after.items()
                   if name not in settings or settings[name] is not value}
        return {"document": document, "warnings": warnings,
                "metadata": dict(env.metadata.get(env.docname, {})),
                "settings": after, "changed_settings": changed,
                "language": document.settings.language_code}


def _is_read_document(document: nodes.document, env: BuildEnvironment) -> bool:
    """Whether ``document`` is the one Sphinx reads, not a translated message parsed
    into a document of its own (Sphinx's Locale transform does so for each)."""
    return document.get("source") == str(env.doc2path(env.docname))


def _is_plain(value: Any) -> bool:
    """A setting's value that another process can take as it is."""
    if isinstance(value, tuple | list | frozenset):
        return all(map(_is_plain, value))
    return value is None or isinstance(value, str | int | float)


def parse_key(inputstring: str, document: nodes.document, env: BuildEnvironment,
              language_free_fields: list[str] | None) -> str:
    """What a document's parse depends on, as a digest (``language_free_fields``: what
    ``language_free`` found)."""
    config = env.config
    myst = env.myst_config
    language = document.settings.language_code
    languages = (repr(language_free_fields) if language_free_fields is not None else
                 _language_family(language) + repr(_bibliographic_names(inputstring, language)))
    parts = [FORMAT, _VERSIONS, env.docname, document.get("source", ""), inputstring,
             _stable({field.name: getattr(myst, field.name) for field in fields(myst)}),
             _project_digest(env), repr(sorted(config.extensions)), languages,
             repr((config.highlight_language, config.default_role, config.primary_domain))]
    if "substitution" in myst.enable_extensions:  # substitutions may read any config value
        parts.append(_stable({name: config[name] for name in config.values}))
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _stable(value: Any) -> str:
    """``repr`` with sets and dicts in sorted order: the same in every process (the order
    of a set of strings is not)."""
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda item: repr(item[0]))
        return "{" + ", ".join(f"{_stable(k)}: {_stable(v)}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(_stable(item) for item in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_stable(item) for item in value) + "]"
    return repr(value)


def _bibliographic_names(inputstring: str, language: str) -> list[str]:
    """The language's bibliographic field names that the front matter mentions at all.

    MyST parses a front matter field as Markdown when its name is bibliographic in the
    document's language, as text otherwise.  Two languages can parse a document alike
    when neither finds one of its names in the front matter: a test of substrings, which
    never shares a parse wrongly and costs far less than reading the YAML.
    """
    if not inputstring.startswith("---"):
        return []
    front_matter = " ".join(inputstring[3:].split("\n---", 1)[0].lower().split())
    return sorted(name for name in get_language(language).bibliographic_fields
                  if name in front_matter)


def language_free(inputstring: str) -> list[str] | None:
    """The names of the front matter's fields that some language takes as bibliographic,
    when the document parses alike in every language; None when it may not.

    It may not when it uses a directive or a role (but the extension's own), or when a
    field some language takes as bibliographic has a name that language translates, or
    a value other than plain words (which MyST would render as Markdown in that language
    and as text in the others).
    """
    for match in _DIRECTIVE_OR_ROLE.finditer(inputstring):
        if (match[1] or match[2]) not in NEUTRAL_ROLES:
            return None
    if not inputstring.startswith("---"):
        return []
    front_matter = _FRONT_MATTER.match(inputstring)
    try:
        data = yaml.load(front_matter[1], Loader=_SAFE_LOADER) if front_matter else None
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    bibliographic = _bibliographic_in_some_language()
    names = []
    for name, value in data.items():
        if not isinstance(name, str) or name.lower() not in bibliographic:
            continue
        if (bibliographic[name.lower()] != {name} or
                not isinstance(value, str | int | float | datetime.date) or
                not _PLAIN.fullmatch(str(value))):
            return None
        names.append(name)
    return sorted(names)


@cache
def _bibliographic_in_some_language() -> dict[str, set[str]]:
    """Each name of a bibliographic field in any of docutils' languages, with the names
    it stands for."""
    found: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(docutils.languages.__path__):
        language = get_language(module.name)
        for name, meaning in getattr(language, "bibliographic_fields", {}).items():
            found.setdefault(name, set()).add(meaning)
    return found


def _render_fields_in(document: nodes.document, env: BuildEnvironment, parsed_in: str,
                      names: Iterable[str]) -> None:
    """The front matter fields ``names`` as MyST renders them in the document's language,
    when the kept tree was parsed in another: a bibliographic field's plain words as
    text, any other field's as literal text.  MyST's word count (``env.metadata``) counts
    the words of the fields it renders as Markdown too."""
    language = document.settings.language_code
    # MyST renders the front matter first (after its html_meta): the first field list
    front_matter = next((node for node in document.children
                         if isinstance(node, nodes.field_list)), None)
    if language == parsed_in or not names or front_matter is None:
        return
    now = get_language(language).bibliographic_fields
    before = get_language(parsed_in).bibliographic_fields
    words = 0
    for field in front_matter.children:
        name = field[0].astext()
        if name in names and (name in now) != (name in before):
            paragraph = field[1][0]
            value = paragraph.astext()
            del paragraph[:]
            paragraph += nodes.Text(value) if name in now else nodes.literal(value, value)
            words += basic_count(value) if name in now else -basic_count(value)
    count = env.metadata[env.docname].get("wordcount")
    if words and isinstance(count, dict) and "words" in count:
        total = count["words"] + words
        env.metadata[env.docname]["wordcount"] = {
            **count, "words": total,
            "minutes": int(round(total / env.myst_config.words_per_minute))}


def _language_family(language: str) -> str:
    """What of a Sphinx ``language`` a document's parse depends on: the language without
    region or script (``zh_TW`` and ``zh_CN`` parse alike, and their scripts are converted
    afterwards)."""
    return language.replace("-", "_").split("_")[0].lower() or "und"


_PROJECT_DIGESTS: weakref.WeakKeyDictionary[BuildEnvironment, str] = weakref.WeakKeyDictionary()


def _project_digest(env: BuildEnvironment) -> str:
    """The documents of the project, once per environment."""
    if env not in _PROJECT_DIGESTS:
        names = "\n".join(sorted(env.found_docs)).encode()
        _PROJECT_DIGESTS[env] = hashlib.sha256(names).hexdigest()
    return _PROJECT_DIGESTS[env]


def _footprint(env: BuildEnvironment) -> list[int]:
    """Sizes of what a parse could add to outside its own tree."""
    docname = env.docname
    sizes = [len(env.dependencies.get(docname, ())), len(env.included.get(docname, ()))]
    for domain in env.domains.sorted():
        sizes.extend(len(value) for value in domain.data.values()
                     if isinstance(value, dict | list | set))
    return sizes


@contextmanager
def _locked(path: Path) -> Iterator[IO[bytes]]:
    with path.open("a+b") as kept:
        fcntl.flock(kept, fcntl.LOCK_EX)
        try:
            yield kept
        finally:
            fcntl.flock(kept, fcntl.LOCK_UN)


def _read(kept: IO[bytes], key: str) -> dict[str, Any] | None:
    kept.seek(0)
    if kept.readline().rstrip(b"\n") != key.encode():
        return None
    try:
        return pickle.load(kept)
    except Exception:  # noqa: BLE001 - a file cut short by a killed build: parse again
        return None


def _write(kept: IO[bytes], key: str, parsed: dict[str, Any]) -> None:
    document: nodes.document = parsed["document"]
    detached = {name: getattr(document, name) for name in _DETACHED}
    for name in _DETACHED:
        setattr(document, name, None)
    try:
        data = pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a node that cannot be kept: this document is not shared
        return
    finally:
        for name, value in detached.items():
            setattr(document, name, value)
    kept.seek(0)
    kept.truncate()
    kept.write(key.encode() + b"\n" + data)
    kept.flush()


def _adopt(parsed: dict[str, Any], document: nodes.document, env: BuildEnvironment) -> None:
    """Make ``document`` the kept tree, and do what its parse did beside it."""
    tree: nodes.document = parsed["document"]
    own = {name: getattr(document, name) for name in _DETACHED}
    document.__dict__.update(tree.__dict__)
    document.__dict__.update(own)
    for node in document.findall():
        if node.__dict__.get("_document") is tree:
            node._document = document
        if node.parent is tree:
            node.parent = document
    document._document = document
    # What the parse changed, and what it found set: Sphinx 8 keeps one settings object
    # for every document of a run, which only the run's first parse sets.
    for name, value in parsed["settings"].items():
        if name in parsed["changed_settings"] or not hasattr(document.settings, name):
            setattr(document.settings, name, value)
    env.metadata[env.docname].update(parsed["metadata"])
    for record in parsed["warnings"]:
        logging.getLogger(record.name).handle(record)


class _WarningRecorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        kept = copy.copy(record)
        kept.msg, kept.args, kept.exc_info, kept.exc_text = record.getMessage(), None, None, None
        location = getattr(kept, "location", None)
        if isinstance(location, nodes.Node):
            kept.location = get_node_location(location)
        self.records.append(kept)


@contextmanager
def _recorded_warnings() -> Iterator[list[logging.LogRecord]]:
    """The warnings logged meanwhile, seen before Sphinx's own handlers change them."""
    logger = logging.getLogger("sphinx")
    recorder = _WarningRecorder()
    logger.handlers.insert(0, recorder)
    try:
        yield recorder.records
    finally:
        logger.removeHandler(recorder)


def _forget_removed(app: Sphinx, exception: Exception | None) -> None:
    """Remove the kept parses of documents the project no longer has, in this edition's
    language (the only ones it may read)."""
    shared = app.config[SHARED_PARSE_OPTION]
    if not shared or exception is not None:
        return
    for language in (_language_family(app.config.language or "en"), EVERY_LANGUAGE):
        kept = Path(shared) / language
        for name in files_under(kept, KEPT):  # none when nothing was kept yet
            if name.removesuffix(KEPT) not in app.env.found_docs:
                (kept / name).unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.setup_extension("myst_parser")
    app.add_config_value(SHARED_PARSE_OPTION, "", "", types=frozenset({str}))
    app.add_source_parser(SharedMystParser, override=True)
    app.connect("build-finished", _forget_removed)
