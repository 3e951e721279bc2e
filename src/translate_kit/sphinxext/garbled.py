"""The ``{garbled}`` role: source text the importer could not restore, shown as such;
and the ``{restored}`` role: text it restored from clear evidence, shown as restored.

HTML gets ``<span class="garbled" title="...">`` styled by ``translate-kit-garbled.css``
so that readers see the damage; LaTeX gets ``\\DUrole{garbled}{...}`` (greyed, see
``latex``); other builders render it as a plain inline.  The text is never interpreted.

Damaged text holds characters no font has (Private Use Area codes, unassigned ones).
Inside a garbled span such a character is shown as its code point in a box,
``U+E000``, in HTML and PDF alike, instead of stopping the PDF; a character only the
edition's CJK font has (⒕, ┏) is typeset in that font.  Outside garbled spans a missing
glyph still stops the PDF, naming it (see ``publish.pdf``).

``{restored}`負擔 <?fù)?dān)>``` holds the restored text and, in the last ``<…>``, the
damaged source it replaces.  The restored text is ordinary text of the page (script
editions convert it); the source is shown as written, never interpreted: in HTML as
``<span class="restored" title="...">`` (dotted underline, the source on hover), in the
PDF as ``\\DUrole{restored}{...}`` (in colour) with a footnote naming the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from translate_kit.contract import role_content
from translate_kit.fonts import FontSet, fonts_for
from translate_kit.script import is_han
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import _

STATIC = Path(__file__).parent / "static"
CSS_FILE = "translate-kit-garbled.css"
GLYPH_MACRO = "translatekitglyph"
MISSING_GLYPH_MACRO = "translatekitmissingglyph"


class garbled(nodes.inline):  # noqa: N801 - docutils dispatches on the class name
    """Unresolved garbled text."""


class restored(nodes.inline):  # noqa: N801 - docutils dispatches on the class name
    """Damaged source text restored on import; ``source`` is what the source had."""


def restored_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
    options: dict[str, Any] | None = None, content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    text = role_content(text)
    shown, _, source = text.partition(" <")  # restored text never holds " <"
    node = restored(rawtext, shown, classes=["restored"])
    node["source"] = source.removesuffix(">")
    return [node], []


def restored_title(source: str) -> str:
    return _("Restored on import; the source reads: {source}").format(source=source)


def garbled_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
    options: dict[str, Any] | None = None, content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    text = role_content(text)
    return [garbled(rawtext, text, classes=["garbled"])], []


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def glyph_pieces(text: str, fonts: FontSet) -> Iterator[tuple[str, str]]:
    """``text`` as (kind, text) pieces: ``text``, ``missing`` (no font has it) or
    ``cjk`` (a symbol only the CJK font has, which xeCJK would set in the Latin font)."""
    run = ""
    for char in text:
        font = "serif" if char.isascii() else fonts.glyph_font(char)
        kind = "missing" if font is None else "cjk" if font == "cjk_serif" and not is_han(char) else ""
        if not kind:
            run += char
            continue
        if run:
            yield "text", run
            run = ""
        yield kind, char
    if run:
        yield "text", run


def _edition_fonts(translator: Any) -> FontSet:
    config = translator.builder.config
    return fonts_for(project_config(config), current_edition(config))


def _visit_html(self: HTML5Translator, node: garbled) -> None:
    title = _("Garbled in the source; it could not be restored on import")
    self.body.append(self.starttag(node, "span", "", title=title))
    for kind, text in glyph_pieces(node.astext(), _edition_fonts(self)):
        if kind == "missing":
            self.body.append(f'<span class="missing-glyph" title="{code_point(text)}">'
                             f"{code_point(text)}</span>")
        else:
            self.body.append(self.encode(text))
    self.body.append("</span>")
    raise nodes.SkipNode


def _latex_glyphs(self: LaTeXTranslator, text: str) -> str:
    """``text`` escaped for LaTeX, with the glyph macros for what the text font lacks."""
    pieces = {
        "text": self.encode,
        "cjk": lambda char: rf'\{GLYPH_MACRO}{{{ord(char):X}}}',
        "missing": lambda char: rf"\{MISSING_GLYPH_MACRO}{{{code_point(char)}}}",
    }
    return "".join(pieces[kind](piece) for kind, piece in glyph_pieces(text, _edition_fonts(self)))


def _visit_latex(self: LaTeXTranslator, node: garbled) -> None:
    body = _latex_glyphs(self, node.astext())
    self.body.append(body if self.in_title else rf"\DUrole{{garbled}}{{{body}}}")
    raise nodes.SkipNode


def _visit_restored_html(self: HTML5Translator, node: restored) -> None:
    title = restored_title(node["source"])
    self.body.append(self.starttag(node, "span", "", title=title))  # starttag escapes it


def _depart_restored_html(self: HTML5Translator, node: restored) -> None:
    self.body.append("</span>")


def _visit_restored_latex(self: LaTeXTranslator, node: restored) -> None:
    shown = self.encode(node.astext())
    if self.in_title:
        self.body.append(shown)
    else:  # the footnote's words escaped, the source's characters each in a font that has it
        before, after = restored_title("{source}").split("{source}")
        note = self.encode(before) + _latex_glyphs(self, node["source"]) + self.encode(after)
        self.body.append(rf"\DUrole{{restored}}{{{shown}}}\footnote{{{note}}}")
    raise nodes.SkipNode


def latex_macros(fonts: FontSet) -> str:
    """The two macros ``_visit_latex`` writes, for the preamble."""
    return "\n".join((
        rf"\newfontfamily\{GLYPH_MACRO}font{{{fonts.cjk_serif}}}",
        rf'\newcommand{{\{GLYPH_MACRO}}}[1]{{{{\{GLYPH_MACRO}font\char"#1\relax}}}}',
        rf"\newcommand{{\{MISSING_GLYPH_MACRO}}}[1]{{\fbox{{\normalfont\footnotesize #1}}}}",
    ))


def _visit_inline(self: Any, node: garbled) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: garbled) -> None:
    self.depart_inline(node)


def _add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file(CSS_FILE)


def _skipped(self: Any, node: garbled) -> None:
    """Departure of a node whose visit wrote it whole (never called: SkipNode)."""


def setup(app: Sphinx) -> None:
    inline: tuple[Callable[..., None], Callable[..., None]] = (_visit_inline, _depart_inline)
    app.add_node(garbled, html=(_visit_html, _skipped), latex=(_visit_latex, _skipped),
                 text=inline, man=inline, texinfo=inline)
    app.add_role("garbled", garbled_role)
    app.add_node(restored, html=(_visit_restored_html, _depart_restored_html),
                 latex=(_visit_restored_latex, _skipped), text=inline, man=inline, texinfo=inline)
    app.add_role("restored", restored_role)
    app.connect("builder-inited", _add_stylesheet)
