"""The publishing stage: Sphinx runs per edition, assembled into one site.

- ``build_html(config)`` builds every edition's HTML in parallel processes and writes the
  chooser page; it returns an ``HtmlBuild`` (per-edition warnings, success, timing);
- ``build_pdfs(config)`` typesets one PDF per edition (``PdfBuild``);
- ``build_site(config)`` does both, PDFs first, so that the HTML links them (``SiteBuild``).
"""

from __future__ import annotations

from translate_kit.publish.html import EditionBuild, HtmlBuild, build_html
from translate_kit.publish.pdf import EditionPdf, PdfBuild, build_pdfs
from translate_kit.publish.site import SiteBuild, build_site

__all__ = [
    "EditionBuild", "EditionPdf", "HtmlBuild", "PdfBuild", "SiteBuild",
    "build_html", "build_pdfs", "build_site",
]
