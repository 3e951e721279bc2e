"""Reading and writing catalogs with Babel, strictly, atomically and reproducibly.

Reading refuses anything that would make a later write lose a translator's work: bytes
that are not UTF-8, another declared charset, a syntax error, or the same msgid twice
(Babel would silently merge the two entries).  Headers Babel does not know (Poedit's
``X-Generator``, ``X-Source-Language`` …) are kept, in their order.  Writing renders the catalog with fixed
options so that an unchanged catalog always gives the same bytes; callers write those
with ``files.write_if_changed``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, unescape, write_po

from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import CatalogError
from translate_kit.files import files_under

PO_SUFFIX = ".po"
WRAP_WIDTH = 79
_STRING = r'"(?:[^"\\]|\\.)*"'
_ENTRY_LINE = re.compile(rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?{_STRING}")
_PREVIOUS = re.compile(rf"\|\s*(msgid|msgid_plural|msgctxt)?\s*({_STRING})")


def catalog_dir(config: ProjectConfig, edition: Edition) -> Path:
    """``locale/<locale_name>/LC_MESSAGES``: where an edition's catalogs live."""
    return config.locale_dir / edition.locale_name / "LC_MESSAGES"


def catalog_paths(config: ProjectConfig, edition: Edition) -> dict[str, Path]:
    """The edition's existing catalogs by docname (``articles/x`` for ``articles/x.po``)."""
    root = catalog_dir(config, edition)
    return {name.removesuffix(PO_SUFFIX): root / name for name in files_under(root, PO_SUFFIX)}


SOURCE_SUFFIXES = (".md", ".rst")


def source_docnames(config: ProjectConfig) -> set[str]:
    """Docnames of the source files under docs/ (without running Sphinx)."""
    return {name.removesuffix(suffix) for suffix in SOURCE_SUFFIXES
            for name in files_under(config.docs_dir, suffix, skip_hidden=True)}


BABEL_HEADERS = frozenset({
    "project-id-version", "report-msgid-bugs-to", "pot-creation-date", "po-revision-date",
    "last-translator", "language", "language-team", "plural-forms", "mime-version",
    "content-type", "content-transfer-encoding", "generated-by",
})
"""The headers Babel reads into a Catalog's attributes and writes back from them."""


class PoCatalog(Catalog):
    """A Catalog that keeps the headers Babel does not know instead of dropping them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.extra_headers: dict[str, str] = {}
        super().__init__(*args, **kwargs)

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        headers = super()._get_mime_headers()
        return [*headers[:-1], *self.extra_headers.items(), headers[-1]]  # Generated-By last

    def _set_mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        headers = list(headers)
        super()._set_mime_headers(headers)
        self.extra_headers = {name: value for name, value in headers
                              if name.lower() not in BABEL_HEADERS}

    # Older Babel binds the property to its own accessors, not to these overrides.
    mime_headers = property(_get_mime_headers, _set_mime_headers)


class _StrictCatalog(PoCatalog):
    """A Catalog that notes msgids defined twice while it is being parsed."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicate: Message | None = None
        self.parsing = True

    def __setitem__(self, id: str | tuple[str, ...], message: Message) -> None:
        if self.parsing and self.duplicate is None and self.get(id, message.context) is not None:
            self.duplicate = message
        super().__setitem__(id, message)


def _line_of(data: bytes, needle: bytes) -> int | None:
    index = data.find(needle)
    return None if index < 0 else data.count(b"\n", 0, index) + 1


def _check_lines(text: str, path: Path) -> None:
    """Reject lines Babel would read leniently (an unterminated string loses its last letter)."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
        elif line.startswith("#"):
            continue
        if line and not _ENTRY_LINE.fullmatch(line):
            raise CatalogError(f"syntax error: malformed line {line!r}", path, number)


GUESSED_FLAGS = frozenset({"python-format", "python-brace-format"})
"""Flags Babel adds to any msgid that looks like a format string; MyST text (``{role}``,
``50% of``) often does, and ``msgfmt --check`` would then compare "format strings"."""


def _restore(catalog: Catalog) -> None:
    """Undo what Babel's reader adds or misreads, so that a read-write round trip is exact.

    ``#| msgid`` lines are read as translator comments: turn them back into previous_id.
    Format flags are guessed from the msgid: drop them.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        message.flags -= GUESSED_FLAGS
        previous: dict[str, list[str]] = {}
        kept: list[str] = []
        keyword = "msgid"
        for comment in message.user_comments:
            match = _PREVIOUS.fullmatch(comment)
            if not match:
                kept.append(comment)
                continue
            keyword = match.group(1) or keyword
            previous.setdefault(keyword, []).append(unescape(match.group(2)))
        if previous:
            message.user_comments = kept
            ids = ["".join(previous.get(k, [])) for k in ("msgid", "msgid_plural") if k in previous]
            message.previous_id = ids


def parse_catalog(data: bytes, path: Path) -> Catalog:
    """Parse the bytes of ``path``; every problem is a CatalogError with its line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line) from exc
    _check_lines(text, path)
    catalog = _StrictCatalog()
    try:
        PoFileParser(catalog, abort_invalid=True).parse(io.BytesIO(data))
    except PoFileError as exc:
        line = exc.lineno + 1 if exc.lineno is not None else None
        raise CatalogError(f"syntax error: {exc.args[0].rsplit(' on ', 1)[0]}: {exc.line!r}",
                           path, line) from exc
    except (ValueError, LookupError) as exc:
        raise CatalogError(f"unreadable catalog: {exc}", path) from exc
    catalog.parsing = False
    _restore(catalog)
    if catalog.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise CatalogError(
            f"declares charset {catalog.charset!r}; catalogs must be UTF-8 "
            "(Content-Type: text/plain; charset=UTF-8)",
            path, _line_of(data, b"Content-Type:"),
        )
    if catalog.duplicate is not None:
        raise CatalogError(f"duplicate msgid {catalog.duplicate.id!r}", path,
                           catalog.duplicate.lineno)
    return catalog


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path) from exc


def read_catalog(path: Path) -> Catalog:
    """Read one .po file (see ``parse_catalog``)."""
    return parse_catalog(read_bytes(path), path)


def render_catalog(catalog: Catalog) -> bytes:
    """The .po bytes of ``catalog``; the same catalog always renders identically."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WRAP_WIDTH, sort_output=False, sort_by_file=False,
             include_previous=True, omit_header=False)
    return buffer.getvalue()


def iter_messages(catalog: Catalog) -> Iterator[Message]:
    """The catalog's messages without the header entry."""
    return (message for message in catalog if message.id)


def is_translated(message: Message) -> bool:
    """True when every form of the msgstr is filled in (fuzzy or not)."""
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return bool(message.id) and all(strings)


def message_text(value: str | tuple[str, ...] | list[str]) -> str:
    """A msgid or msgstr as one string (plural forms one per line)."""
    return value if isinstance(value, str) else "\n".join(value)
