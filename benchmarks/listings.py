"""What a reader's browsing costs on a built edition: page sizes and link depth.

Read from the HTML an edition's build left: the largest page against the 100 KB budget
of a page, how many listing pages there are, and how many links a reader follows from
the edition's index to the farthest article (breadth-first over every ``href``), against
the three links allowed.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
from pathlib import Path

from benchmarks.run import BenchReport, Figure

PAGE_BUDGET = 100_000
MAX_DEPTH = 3
LISTING_FOLDERS = ("page", "archive", "tags")
_HREF = re.compile(r'href="([^"#?]+)')


def link_depths(edition_dir: Path) -> dict[str, int]:
    """Links from ``index.html`` to every page reachable inside the edition."""
    depths, queue = {"index.html": 0}, deque(["index.html"])
    while queue:
        page = queue.popleft()
        text = (edition_dir / page).read_text(encoding="utf-8")
        for href in _HREF.findall(text):
            if "://" in href or not href.endswith(".html"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            if target not in depths and not target.startswith("..") and (edition_dir / target).is_file():
                depths[target] = depths[page] + 1
                queue.append(target)
    return depths


def bench_listings(edition_dir: Path, articles: int, report: BenchReport) -> None:
    """The browsing figures of one built edition of ``articles`` articles."""
    pages = [p for p in edition_dir.rglob("*.html") if "_static" not in p.parts]
    largest = max(p.stat().st_size for p in pages)
    listings = sum(1 for p in pages if p.relative_to(edition_dir).parts[0] in LISTING_FOLDERS)
    depths = link_depths(edition_dir)
    article_pages = [p.relative_to(edition_dir).as_posix() for p in (edition_dir / "articles").glob("*.html")]
    deepest = max(depths.get(page, 10**6) for page in article_pages)
    report.add(Figure.of(f"largest page of an edition, N={articles}", largest,
                         "100 KB budget", largest / PAGE_BUDGET, 1.0, unit="bytes"))
    report.add(Figure.of(f"listing pages of an edition, N={articles}", listings, unit="pages"))
    report.add(Figure.of(f"links from the index to the farthest article, N={articles}", deepest,
                         "3 links", deepest / MAX_DEPTH, 1.0, unit="links"))
