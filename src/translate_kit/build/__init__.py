"""The build stage: Sphinx runs per edition, assembled into one site.

``build_html(config)`` builds every edition's HTML in parallel processes and writes the
chooser page; it returns an ``HtmlBuild`` (per-edition warnings, success, timing).
"""

from __future__ import annotations

from translate_kit.build.html import EditionBuild, HtmlBuild, build_html, html_dir

__all__ = ["EditionBuild", "HtmlBuild", "build_html", "html_dir"]
