"""The whole publication: every edition's PDF and EPUB first, then the HTML site.

The HTML build copies whatever PDFs and EPUBs exist into the site's ``pdf/`` and
``epub/`` and links them from every page, so they must be built first.
"""

from __future__ import annotations

from dataclasses import dataclass

from translate_kit.config import Edition, ProjectConfig
from translate_kit.publish.downloads import DownloadBuild
from translate_kit.publish.epub import build_epubs
from translate_kit.publish.html import HtmlBuild, build_html
from translate_kit.publish.pdf import build_pdfs
from translate_kit.progress import Report, ignore


@dataclass(frozen=True)
class SiteBuild:
    """The PDFs, EPUBs and HTML build of one ``build site`` run."""

    pdfs: DownloadBuild
    epubs: DownloadBuild
    html: HtmlBuild


def build_site(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int = 2,
    report: Report = ignore,
) -> SiteBuild:
    """Build the PDFs and EPUBs of ``editions`` (default: all), then their HTML.

    ``jobs`` bounds the PDF and EPUB builds (xelatex is memory-hungry); the HTML
    editions all run at once, which keeps both cores busy to the end (on two cores, 3
    editions of 200 articles take 1.7 to 1.9 times one edition's build).
    """
    pdfs = build_pdfs(config, editions, jobs=jobs, report=report)
    epubs = build_epubs(config, editions, jobs=jobs)
    return SiteBuild(pdfs, epubs, build_html(config, editions, report=report))
