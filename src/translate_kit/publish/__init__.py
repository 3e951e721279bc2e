"""The publishing stage: Sphinx runs per edition, assembled into one site.

- ``build_html(config)`` builds every edition's HTML in parallel processes, then the
  site's own pages (``sitewide``: front page, 404 pages, sitemap); it returns an
  ``HtmlBuild`` (per-edition warnings, success, timing, notes);
- ``build_pdfs(config)`` typesets one PDF per edition, ``build_epubs(config)`` makes one
  EPUB per edition; both return a ``DownloadBuild`` (``downloads``);
- ``build_site(config)`` does all three, PDFs and EPUBs first, so that the HTML links
  them (``SiteBuild``);
- ``assemble_site(config)`` puts built editions together (the site's own pages, PDFs and
  EPUBs); the HTML build ends with it, and ``build assemble`` runs it alone on editions
  built elsewhere.

``inputs`` decides which editions need a build and notices interrupted ones.
"""

from __future__ import annotations

from translate_kit.publish.assemble import Assembly, assemble_site
from translate_kit.publish.downloads import DownloadBuild, EditionFile
from translate_kit.publish.epub import build_epubs
from translate_kit.publish.html import EditionBuild, HtmlBuild, build_html
from translate_kit.publish.pdf import build_pdfs
from translate_kit.publish.site import SiteBuild, build_site

__all__ = [
    "Assembly", "DownloadBuild", "EditionBuild", "EditionFile", "HtmlBuild", "SiteBuild",
    "assemble_site", "build_epubs", "build_html", "build_pdfs", "build_site",
]
