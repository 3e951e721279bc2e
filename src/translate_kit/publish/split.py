"""Cut a volume's PDF into one PDF per article, by its top-level bookmarks.

Every article is a chapter of its volume: it starts a page and has the volume's
top-level bookmark.  Article *n* is pages [start of *n*, start of *n+1*) (the last one
runs to the end of the book); pypdf copies those pages with the fonts they use, so an
article's PDF prints exactly as its volume does, at the cost of copying pages (no
second LaTeX run per article).  Its document title is the article's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from translate_kit.errors import BuildError
from translate_kit.files import replace_with


def chapter_starts(reader: PdfReader) -> list[int]:
    """The first page (0-based) of every top-level bookmark, in order."""
    return [reader.get_destination_page_number(item)
            for item in reader.outline if not isinstance(item, list)]


def split_articles(volume: Path, articles: Sequence[tuple[str, Path]]) -> None:
    """Write ``(title, target)`` for each article of ``volume``, in the book's order."""
    reader = PdfReader(volume)
    starts = chapter_starts(reader)
    if len(starts) != len(articles):
        raise BuildError(f"{volume}: {len(starts)} chapters for {len(articles)} articles; "
                         "cannot cut it into articles", volume)
    info = {key: value for key, value in (reader.metadata or {}).items() if key != "/Title"}
    language = reader.trailer["/Root"].get("/Lang")
    ends = [*starts[1:], len(reader.pages)]
    for (title, target), start, end in zip(articles, starts, ends):
        writer = PdfWriter()
        for number in range(start, end):
            writer.add_page(reader.pages[number])
        writer.add_metadata({**info, "/Title": title})
        if language is not None:
            writer.root_object[NameObject("/Lang")] = TextStringObject(str(language))
        replace_with(target, writer.write)
