"""The publishing stage: Sphinx runs per edition, assembled into one site.

- ``build_html(config)`` builds every edition's HTML in parallel processes, then the
  site's own pages (``sitewide``: front page, 404 pages, sitemap); it returns an
  ``HtmlBuild`` (per-edition warnings, success, timing, notes);
- ``build_pdfs(config)`` typesets one PDF per edition, ``build_epubs(config)`` makes one
  EPUB per edition; both return a ``DownloadBuild`` (``downloads``);
- ``build_site(config)`` does all three, PDFs and EPUBs first, so that the HTML links
  them (``SiteBuild``);
- ``start_runner(config, most)`` starts the process that imports Sphinx and forks the
  editions' builds ahead of a build (the live preview keeps one ready);
- ``assemble_site(config)`` puts built editions together (the site's own pages, PDFs and
  EPUBs); the HTML build ends with it, and ``build assemble`` runs it alone on editions
  built elsewhere.

``inputs`` decides which editions need a build and notices interrupted ones.
"""

from __future__ import annotations

import importlib
from typing import Any

# Each name is imported from its module on first use, so that the process that runs
# Sphinx (``python -m translate_kit.publish.sphinx_fork``) imports none of the stages.
_HOMES = {
    "Assembly": "assemble", "assemble_site": "assemble",
    "DownloadBuild": "downloads", "EditionFile": "downloads",
    "build_epubs": "epub",
    "EditionBuild": "html", "HtmlBuild": "html", "build_html": "html",
    "build_pdfs": "pdf",
    "SiteBuild": "site", "build_site": "site",
    "Runner": "sphinx_run", "start_runner": "sphinx_run",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
