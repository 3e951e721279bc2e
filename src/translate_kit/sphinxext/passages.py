"""Japanese and Korean passages: the ``{lang-ja}`` and ``{lang-ko}`` roles the importer writes.

Each becomes an inline node with the class ``no-convert``, which the script transform
(``script``) leaves as it is: Japanese kanji stay Japanese (築, 長, 万) in every edition.
HTML gets ``<span lang="ja">`` so that browsers pick a Japanese or Korean font and
screen readers the right voice; LaTeX sets the passage in the Noto CJK face of its
language (JP, KR), with the spaces between Korean words kept (xeCJK drops spaces
between CJK characters by default).  The text is never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from translate_kit.contract import FOREIGN_LANGUAGES, passage_role, role_content
from translate_kit.fonts import passage_font

NO_CONVERT_CLASS = "no-convert"


class foreign_passage(nodes.inline):  # noqa: N801 - docutils dispatches on the class name
    """A passage in another language than the edition's, kept as written."""


def _role_for(language: str) -> Callable[..., tuple[list[nodes.Node], list[nodes.system_message]]]:
    def role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
             options: dict[str, Any] | None = None, content: list[str] | None = None,
             ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [foreign_passage(rawtext, role_content(text), classes=[NO_CONVERT_CLASS], lang=language)], []
    return role


def font_macro(language: str) -> str:
    return rf"\translatekit{language}font"


def latex_fonts() -> str:
    """The font families of the passages' languages, for the preamble."""
    return "\n".join(rf"\newCJKfontfamily{font_macro(language)}{{{passage_font(language)}}}"
                     for language in FOREIGN_LANGUAGES)


def _visit_html(self: HTML5Translator, node: foreign_passage) -> None:
    self.body.append(self.starttag(node, "span", "", lang=node["lang"]))


def _depart_html(self: HTML5Translator, node: foreign_passage) -> None:
    self.body.append("</span>")


def _visit_latex(self: LaTeXTranslator, node: foreign_passage) -> None:
    spacing = r"\xeCJKsetup{CJKspace=true}" if node["lang"] == "ko" else ""
    opening = r"\texorpdfstring{" if self.in_title else ""  # a bookmark takes no font
    self.body.append(f"{opening}{{{spacing}{font_macro(node['lang'])}{{}}")


def _depart_latex(self: LaTeXTranslator, node: foreign_passage) -> None:
    self.body.append(f"}}}}{{{self.encode(node.astext())}}}" if self.in_title else "}")


def _visit_inline(self: Any, node: foreign_passage) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: foreign_passage) -> None:
    self.depart_inline(node)


def setup(app: Sphinx) -> None:
    inline = (_visit_inline, _depart_inline)
    app.add_node(foreign_passage, html=(_visit_html, _depart_html),
                 latex=(_visit_latex, _depart_latex), text=inline, man=inline, texinfo=inline)
    for language in FOREIGN_LANGUAGES:
        app.add_role(passage_role(language), _role_for(language))
