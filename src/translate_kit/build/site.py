"""The whole publication: every edition's PDF first, then the HTML site that links them.

The HTML build copies whatever PDFs exist into the site, so the order matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translate_kit.build.html import build_html
from translate_kit.build.pdf import PdfBuild, build_pdfs
from translate_kit.config import Edition, ProjectConfig


@dataclass(frozen=True)
class SiteBuild:
    """The PDFs built and where the HTML site is."""

    pdfs: PdfBuild
    html_dir: Path


def build_site(
    config: ProjectConfig, editions: tuple[Edition, ...] | None = None, jobs: int = 2
) -> SiteBuild:
    """Build the PDFs of ``editions`` (default: all), then the HTML of every edition."""
    pdfs = build_pdfs(config, editions, jobs=jobs)
    build_html(config)
    return SiteBuild(pdfs, config.build_dir / "html")
