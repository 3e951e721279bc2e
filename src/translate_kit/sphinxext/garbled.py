"""The ``{garbled}`` role: source text the importer could not restore, shown as such.

HTML gets ``<span class="garbled" title="...">`` styled by ``translate-kit-garbled.css``
so that readers see the damage; other builders render it as a plain inline (LaTeX:
``\\DUrole{garbled}{...}``, which prints the text).  The text is never interpreted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

STATIC = Path(__file__).parent / "static"
CSS_FILE = "translate-kit-garbled.css"
TITLES = {
    "zh_TW": "原文亂碼，匯入時無法還原",
    "zh_HK": "原文亂碼，匯入時無法還原",
    "zh_CN": "原文乱码，导入时无法还原",
}
DEFAULT_TITLE = "Garbled in the source; it could not be restored on import"


class garbled(nodes.inline):  # noqa: N801 - docutils dispatches on the class name
    """Unresolved garbled text."""


def garbled_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
    options: dict[str, Any] | None = None, content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    return [garbled(rawtext, text, classes=["garbled"])], []


def _visit_html(self: HTML5Translator, node: garbled) -> None:
    title = TITLES.get(self.builder.config.language or "", DEFAULT_TITLE)
    self.body.append(self.starttag(node, "span", "", title=title))


def _depart_html(self: HTML5Translator, node: garbled) -> None:
    self.body.append("</span>")


def _visit_inline(self: Any, node: garbled) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: garbled) -> None:
    self.depart_inline(node)


def _add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file(CSS_FILE)


def setup(app: Sphinx) -> None:
    inline = (_visit_inline, _depart_inline)
    app.add_node(garbled, html=(_visit_html, _depart_html), latex=inline, text=inline,
                 man=inline, texinfo=inline)
    app.add_role("garbled", garbled_role)
    app.connect("builder-inited", _add_stylesheet)
