"""The search index as small static scripts, so that one search downloads little.

Sphinx's ``searchindex.js`` holds every term of every page and is loaded whole by every
search: megabytes for a large archive.  From the same terms (Sphinx's ``IndexBuilder``
still collects them, and keeps them between incremental builds) this writes, under
``_search/`` of the edition:

- ``s/<n>.js``: the terms whose hash falls in shard ``n``, each with the pages that hold
  it in their title and the pages that hold it elsewhere; a search loads only the shards
  of its own terms.  There are as many shards as keep each near ``SHARD_BYTES``.
- ``d/<id>.js``: one page's address, title and text (for the result's summary and
  highlights); a search loads those of the results it shows.
- ``meta.js``: the number of shards and pages.

Pages are numbered oldest first (by the ``date`` of their front matter; pages without
one first of all), so that ties in ranking list the newest article first (the highest
number) and publishing a new article adds a number instead of renumbering every page:
the records of the others, and the shards none of its terms fall in, stay as they are.
Every file is a script that calls a function of ``TKSearch``: the search page loads them
with ``<script>`` elements, which browsers also allow for pages opened from ``file://``
(where ``fetch`` is refused).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes

from translate_kit.files import write_if_changed

INDEX_DIR = "_search"
SHARD_BYTES = 12_000
TEXT_CHARS = 4_000
"""Text kept per page for summaries: enough for a news article's first screens."""
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_SKIPPED = (nodes.comment, nodes.raw, nodes.system_message, nodes.substitution_definition)


def term_shard(term: str, shards: int) -> int:
    """FNV-1a over the term's code points; the search script computes the same."""
    value = 0x811C9DC5
    for char in term:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


def encode_ids(ids: list[int], pages: int) -> str:
    """Sorted page numbers as text: gaps in base-32 digits, or a bitmap if shorter.

    A gap is written most significant digit first in the 64 characters ``0-9A-Za-z-_``:
    the first 32 (``0``-``V``) end a number, the others (``W``-``_``) say more follow.
    A bitmap starts with ``~`` and holds six pages per character.
    """
    width = math.ceil(pages / 6)
    if len(ids) > width:  # every page takes a digit at least: the bitmap is shorter
        return _bitmap(ids, width)
    out, last = [], -1
    for page in ids:
        gap, last = page - last, page
        if gap < 32:
            out.append(_DIGITS[gap])
            continue
        digits = [_DIGITS[gap % 32]]
        gap //= 32
        while gap:
            digits.append(_DIGITS[32 + gap % 32])
            gap //= 32
        out.extend(reversed(digits))
    return "".join(out) if len(out) <= width else _bitmap(ids, width)


def _bitmap(ids: list[int], width: int) -> str:
    bits = [0] * width
    for page in ids:
        bits[page // 6] |= 1 << (page % 6)
    return "~" + "".join(map(_DIGITS.__getitem__, bits))


def page_text(doctree: nodes.document) -> tuple[str, str]:
    """``(title, text)`` of a page as a reader sees them, the text cut at TEXT_CHARS."""
    parts: list[str] = []
    title = next(iter(doctree.findall(nodes.title)), None)

    def visit(node: nodes.Node) -> None:
        if isinstance(node, _SKIPPED) or node is title:
            return
        if isinstance(node, nodes.Element) and "no-search" in node["classes"]:
            return
        if isinstance(node, nodes.Text):
            parts.append(node.astext())
            return
        for child in node.children:
            visit(child)
        if isinstance(node, nodes.TextElement) and not isinstance(node, nodes.Inline):
            parts.append("\n")

    visit(doctree)
    text = " ".join("".join(parts).split())
    return (title.astext() if title else ""), text[:TEXT_CHARS]


@dataclass(frozen=True)
class SearchIndex:
    """What ``write_index`` wrote: counts for the build log and the benchmark."""

    pages: int
    terms: int
    shards: int


def write_index(outdir: Path, frozen: dict[str, Any], order: list[str],
                texts: dict[str, dict[str, str]], uri: Callable[[str], str]) -> SearchIndex:
    """Write the sharded index of Sphinx's ``IndexBuilder.freeze()`` into ``outdir``.

    ``order`` lists docnames newest first; ``texts`` maps a docname to its ``title`` and
    ``text``; ``uri`` gives a page's address relative to the edition.
    """
    docnames, titles = frozen["docnames"], frozen["titles"]
    rank = {name: i for i, name in enumerate(order)}
    listed = sorted((d for d, t in zip(docnames, titles, strict=True) if t),
                    key=lambda d: (rank.get(d, len(rank)), d))
    number_of = {d: len(listed) - 1 - i for i, d in enumerate(listed)}
    page_of = {i: number_of[d] for i, d in enumerate(docnames) if d in number_of}
    postings = _postings(frozen, page_of, len(listed))
    size = sum(len(t) * 3 + len(a) + len(b) + 8 for t, (a, b) in postings.items())
    shards = max(1, math.ceil(size / SHARD_BYTES))
    grouped: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    for term, lists in sorted(postings.items()):
        grouped[term_shard(term, shards)][term] = list(lists)

    root = outdir / INDEX_DIR
    version = hashlib.sha256()  # of every file's content: a search never mixes two builds

    def write(path: Path, script: str) -> None:
        content = script.encode("utf-8")
        version.update(content)
        write_if_changed(path, content, durable=False)

    for number, group in enumerate(grouped):
        write(root / "s" / f"{number}.js", _call("shard", number, group))
    for docname in listed:
        number = number_of[docname]
        text = texts.get(docname, {})
        record = {"u": uri(docname), "t": text.get("title", ""), "x": text.get("text", "")}
        write(root / "d" / f"{number}.js", _call("page", number, record))
    _remove_beyond(root / "s", shards)
    _remove_beyond(root / "d", len(listed))
    meta = {"shards": shards, "pages": len(listed), "version": version.hexdigest()[:12]}
    write_if_changed(root / "meta.js", _call("meta", 0, meta), durable=False)
    return SearchIndex(len(listed), len(postings), shards)


def _postings(frozen: dict[str, Any], page_of: dict[int, int], pages: int
              ) -> dict[str, tuple[str, str]]:
    """``{term: (title pages, other pages)}``, both encoded."""
    number = [page_of.get(i, -1) for i in range(len(frozen["docnames"]))]  # -1: not listed
    listed = (0).__le__

    def pages_of(value: int | list[int]) -> list[int]:
        found = map(number.__getitem__, value if isinstance(value, list) else [value])
        return sorted(filter(listed, found))  # in C: a quarter of the time at N=5000

    title, body = frozen["titleterms"], frozen["terms"]
    result = {}
    for term in title.keys() | body.keys():
        in_title = pages_of(title.get(term, []))
        elsewhere = pages_of(body.get(term, []))
        if in_title:
            shown = set(in_title)
            elsewhere = [page for page in elsewhere if page not in shown]
        if in_title or elsewhere:
            result[term] = (encode_ids(in_title, pages), encode_ids(elsewhere, pages))
    return result


def _call(function: str, number: int, data: object) -> str:
    data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"TKSearch.{function}({number},{data_json});\n"


def _remove_beyond(directory: Path, count: int) -> None:
    """Remove numbered files left from a larger index."""
    for path in directory.glob("*.js"):
        if not path.stem.isdigit() or int(path.stem) >= count:
            path.unlink()


def page_record(doctree: nodes.document) -> dict[str, str]:
    """The page's ``title`` and ``text`` record, as ``write_index`` takes it."""
    title, text = page_text(doctree)
    return {"title": title, "text": text}
