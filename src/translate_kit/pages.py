"""What an edition's HTML build tells the site about itself.

The site's own pages (the front page, the sitemap, the 404 pages) span every edition,
so they are written after the editions are built, from the list each build leaves in
its directory (``ProjectConfig.page_list_path``): the edition's title, the interface
words those pages need in its language, and every page with its title and date.  The
Sphinx extension writes the list; the publish stage reads it.  Because the list lives
in the edition's directory, a site assembled from editions built elsewhere has it too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from translate_kit.errors import BuildError
from translate_kit.files import write_if_changed


@dataclass(frozen=True)
class Page:
    """One page of an edition."""

    uri: str
    """Address relative to the edition's directory, e.g. ``articles/a001.html``."""
    title: str
    date: str = ""
    """The article's date (YYYY-MM-DD) from its front matter; empty for other pages."""
    lang: str = ""
    """Language of the title when it is not the edition's (an untranslated title)."""
    listing: bool = False
    """A page listing articles (index pages, archives, tags), not a document."""


@dataclass(frozen=True)
class EditionPages:
    """An edition's title, interface words and pages, as its last build listed them."""

    code: str
    title: str
    """The edition's title: its root page's, converted or translated."""
    title_lang: str
    """Language of the title when it is not the edition's (an untranslated title)."""
    words: dict[str, str]
    """Interface strings of the site's own pages (keys as in ``sphinxext.site.site_words``)."""
    pages: tuple[Page, ...]

    def newest(self, count: int) -> tuple[Page, ...]:
        """The ``count`` most recent articles (pages with a date), newest first."""
        dated = sorted((p for p in self.pages if p.date), key=lambda p: (p.date, p.uri),
                       reverse=True)
        return tuple(dated[:count])


def write_pages(path: Path, pages: EditionPages) -> None:
    """Write the list (unchanged content leaves the file and its time alone)."""
    data = {**vars(pages), "pages": [vars(page) for page in pages.pages]}  # asdict copies deeply
    write_if_changed(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n", durable=False)


def read_pages(path: Path) -> EditionPages | None:
    """The list at ``path``, or None when the edition was never built."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = tuple(Page(**page) for page in data.pop("pages"))
        return EditionPages(**data, pages=pages)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BuildError(f"not a page list ({exc}); build the edition again", path) from exc
