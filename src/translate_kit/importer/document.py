"""Write an article as a MyST document, and find the documents already imported.

The front matter keeps what the site and the editors need (title, date, source, its
sha256 and encoding, the script it arrived in and its conversion, the moved notices,
counts).  myst-parser turns it into a docinfo
field list that Sphinx moves into ``env.metadata[docname]`` (values as strings, lists
as JSON) and removes from the page, so it neither clutters the page nor the catalogs.

``import_sha256`` is the hash of the document without that line: a file whose hash no
longer matches was edited by hand, and is only overwritten with ``--force``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from pypinyin import Style, lazy_pinyin

from translate_kit.contract import passage_role
from translate_kit.errors import SourceError
from translate_kit.importer.article import Article, Paragraph, Segment
from translate_kit.importer.charset import to_simplified
from translate_kit.importer.markup import escape_inline, escape_line_start, role
from translate_kit.importer.passages import foreign_passages
from translate_kit.importer.words import segmenter

CHECKSUM_KEY = "import_sha256"
MAX_SLUG = 40
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}: \S+\n", re.MULTILINE)
# libyaml's loader when PyYAML was built with it: the same documents, ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def render(article: Article, meta: dict[str, Any]) -> str:
    """The document: front matter (``meta`` plus notices and counts), title, paragraphs."""
    front = {
        "title": article.title, **meta,
        "script": article.script,
        **({"language": article.language} if article.language else {}),
        **({"conversion": asdict(article.conversion)} if article.conversion else {}),
        "notice": list(article.notices),
        "counts": asdict(article.counts),
    }
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**6)
    body = "\n\n".join(_paragraph(p) for p in article.paragraphs)
    text = f"---\n{header}---\n\n# {_title(article.title, article.language)}\n\n{body}\n"
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text.replace("\n---\n", f"\n{CHECKSUM_KEY}: {checksum}\n---\n", 1)


def original_messages(article: Article) -> list[tuple[str, str]]:
    """``(message, original)`` for each passage of a converted article whose original
    differs: the message as Sphinx extracts it from the document (the title's or the
    paragraph's MyST text), the original in the same markup."""
    if article.original_title is None:
        return []
    pairs = [(_title(article.title, article.language),
              _title(article.original_title, article.language))]
    pairs += [(_paragraph(p), _paragraph(o))
              for p, o in zip(article.paragraphs, article.original_paragraphs)]
    return [(message, original) for message, original in pairs if message != original]


def _title(title: str, language: str | None) -> str:
    """The title as MyST, its Japanese or Korean passages in their roles as in the text."""
    pieces, last = [], 0
    for passage in foreign_passages(title, language):
        pieces += [escape_inline(title[last:passage.start]),
                   role(passage_role(passage.language), title[passage.start:passage.end])]
        last = passage.end
    return "".join(pieces) + escape_inline(title[last:])


def _paragraph(paragraph: Paragraph) -> str:
    line = "".join(_segment(s) for s in paragraph)
    return escape_line_start(line)


def _segment(segment: Segment) -> str:
    if segment.garbled:
        return role("garbled", segment.text)
    if segment.language:
        return role(passage_role(segment.language), segment.text)
    if segment.restored_from is not None:  # restored text never holds " <"
        return role("restored", f"{segment.text} <{segment.restored_from}>")
    return escape_inline(segment.text)


def read_document(path: Path) -> str:
    """The text of a document in docs/; SourceError (file, line) when it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line) from exc


def front_matter(path: Path) -> dict[str, Any]:
    """The front matter of a MyST file ({} when it has none or it is not YAML)."""
    return front_matter_of(read_document(path))


def split_front_matter(text: str) -> tuple[str, str]:
    """A document's front matter (with its ``---`` lines; "" when it has none) and the rest."""
    match = _FRONT_MATTER.match(text)
    return (match[0], text[match.end():]) if match else ("", text)


def front_matter_of(text: str) -> dict[str, Any]:
    """The front matter of a MyST document's text ({} when it has none or it is not YAML)."""
    match = _FRONT_MATTER.match(text)
    try:
        data = yaml.load(match[1], Loader=_SAFE_LOADER) if match else {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def edited_by_hand(path: Path) -> bool:
    """Whether ``path`` differs from what the importer wrote there."""
    text = read_document(path)
    match = _FRONT_MATTER.match(text)
    found = _CHECKSUM_LINE.search(match[1]) if match else None
    if not found:
        return True
    stored = found[0].split(":", 1)[1].strip()
    unstamped = text.replace(found[0], "", 1)
    return hashlib.sha256(unstamped.encode("utf-8")).hexdigest() != stored


def slugify(title: str) -> str:
    """ASCII file name from the title's pinyin, one hyphen-joined group per word."""
    words = segmenter().lcut(to_simplified(title))
    parts = ["".join(lazy_pinyin(w, style=Style.NORMAL, errors="default")) for w in words]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    while len(slug) > MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_SLUG] or "article"

