"""The publishing stage: Sphinx runs per edition, assembled into one site.

- ``build_html(config)`` builds every edition's HTML in parallel processes and writes the
  chooser page; it returns an ``HtmlBuild`` (per-edition warnings, success, timing);
- ``build_pdfs(config)`` typesets one PDF per edition (``PdfBuild``);
- ``build_site(config)`` does both, PDFs first, so that the HTML links them (``SiteBuild``);
- ``assemble_site(config)`` puts built editions together (chooser page, PDFs); the HTML
  build ends with it, and ``build assemble`` runs it alone on editions built elsewhere.

``inputs`` decides which editions need a build and notices interrupted ones.
"""

from __future__ import annotations

from translate_kit.publish.assemble import Assembly, assemble_site
from translate_kit.publish.html import EditionBuild, HtmlBuild, build_html
from translate_kit.publish.pdf import EditionPdf, PdfBuild, build_pdfs
from translate_kit.publish.site import SiteBuild, build_site

__all__ = [
    "Assembly", "assemble_site", "EditionBuild", "EditionPdf", "HtmlBuild", "PdfBuild", "SiteBuild",
    "build_html", "build_pdfs", "build_site",
]
