"""Per-edition LaTeX settings: xelatex, Noto fonts chosen by script, strict glyph checks.

Sphinx's language defaults (Fandol fonts, babel/polyglossia, fncychap) are replaced by
the edition's fonts (``translate_kit.fonts``) set up with fontspec and xeCJK, and
a missing glyph stops the build (``\\tracinglostchars=3``) instead of leaving a gap;
inside garbled text such a glyph is a boxed code point instead (``garbled``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.texescape import escape

from translate_kit.fonts import FontSet, fonts_for, noto_variant
from translate_kit.config import Edition, ProjectConfig
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.articles import article_meta
from translate_kit.sphinxext.garbled import latex_macros
from translate_kit.sphinxext.passages import latex_fonts

LATIN_PUNCTUATION = ("00B7", "2013", "2014", "2018", "2019", "201C", "201D", "2026")
"""Middle dot, en and em dash, curly quotes and ellipsis: xeCJK treats them as CJK
punctuation by default; in a non-Chinese edition they must stay in the Latin font."""

ARTICLE_META_CLASS = "articlemeta"


def is_chinese(edition: Edition) -> bool:
    """Chinese editions typeset their punctuation the Chinese way."""
    return noto_variant(edition.code) is not None


def font_preamble(fonts: FontSet, chinese: bool) -> str:
    """fontspec and xeCJK declarations; Latin punctuation kept Latin outside Chinese."""
    lines = [
        rf"\setmainfont{{{fonts.serif}}}",
        rf"\setsansfont{{{fonts.sans}}}",
        rf"\setmonofont{{{fonts.mono}}}",
        rf"\setCJKmainfont{{{fonts.cjk_serif}}}",
        rf"\setCJKsansfont{{{fonts.cjk_sans}}}",
        rf"\setCJKmonofont{{{fonts.cjk_mono}}}",
        r"\xeCJKsetup{PunctStyle=quanjiao, CheckSingle=true}",
    ]
    if not chinese:
        chars = ", ".join(f'"{c}' for c in LATIN_PUNCTUATION)
        lines.append(rf"\xeCJKDeclareCharClass{{Default}}{{{chars}}}")
    return "\n".join(lines)


def pdf_info(project: ProjectConfig, edition: Edition) -> str:
    """PDF document information; the title is set by Sphinx's title page."""
    def tex(value: str) -> str:
        return "{" + escape(value, "xelatex") + "}"

    return "\n".join((
        rf"\hypersetup{{pdfauthor={tex(project.author)}, pdflang={tex(edition.code)},",
        rf"  pdfsubject={tex(f'{project.title} ({edition.label})')}, pdfcreator={{translate-kit}},",
        rf"  pdfinfo={{Publisher={tex(project.publisher)}}}}}",
    ))


def latex_elements(project: ProjectConfig, edition: Edition) -> dict[str, str]:
    """Sphinx ``latex_elements`` replacing its language defaults for this edition."""
    chinese = is_chinese(edition)
    fonts = fonts_for(project, edition)
    preamble = "\n".join((
        "% A glyph missing from every font is an error, not a silent gap.",
        r"\tracinglostchars=3",
        pdf_info(project, edition),
        "% Articles are not numbered; -2 leaves parts unnumbered too.",
        r"\setcounter{secnumdepth}{-2}",
        rf"\newenvironment{{sphinxclass{ARTICLE_META_CLASS}}}"
        r"{\par\small\sffamily\raggedright}{\par\bigskip}",
        "% Text the importer could not restore ({garbled} role) is greyed, as in HTML.",
        r"\providecommand{\DUrolegarbled}[1]{\textcolor{gray}{#1}}",
        "% Text it restored ({restored} role) is coloured; a footnote gives the source.",
        r"\providecommand{\DUrolerestored}[1]{\textcolor{teal}{#1}}",
        "% Inside it, a symbol only the CJK font has, and a character no font has.",
        latex_macros(fonts),
        "% Japanese and Korean passages in their own faces ({lang-ja}, {lang-ko} roles).",
        latex_fonts(),
    ))
    return {
        "papersize": "a4paper",
        "classoptions": ",openany",
        "babel": "",
        "polyglossia": "",
        # As Sphinx does for xelatex: no TeX ligatures, so " ' ` stay as the text has them.
        "fontenc": "\\usepackage{fontspec}\n\\defaultfontfeatures[\\rmfamily,\\sffamily,\\ttfamily]{}"
                   "\n\\usepackage{xeCJK}",
        "fontpkg": font_preamble(fonts, chinese),
        "fncychap": "",
        "fvset": r"\fvset{fontsize=auto,formatcom=\xeCJKVerbAddon}",
        "makeindex": "",
        "printindex": "",
        "preamble": preamble,
    }


def _merge_elements(ours: dict[str, str], conf_py: dict[str, str]) -> dict[str, str]:
    """conf.py's ``latex_elements`` win, except that its preamble adds to ours."""
    merged = {**ours, **conf_py}
    if "preamble" in conf_py:
        merged["preamble"] = f"{ours['preamble']}\n{conf_py['preamble']}"
    return merged


def _configure(app: Sphinx, config: Config) -> None:
    project, edition = project_config(app.config), current_edition(app.config)
    config.latex_engine = "xelatex"
    config.latex_elements = _merge_elements(latex_elements(project, edition), config.latex_elements)
    config.latex_documents = [(
        config.root_doc, project.tex_name(edition), escape(project.title, "xelatex"),
        escape(project.author, "xelatex"), "manual", True,
    )]
    config.latex_use_xindy = False
    config.latex_domain_indices = False
    config.latex_show_urls = "footnote"


def _adopt_edition_structure(app: Sphinx, env: BuildEnvironment) -> None:
    """Title the PDF as the edition titles its root page, and make articles chapters.

    The root page's title is known only after reading (translated or converted for
    the edition).  Articles become chapters (each on a new page, one bookmark each):
    when they sit one level below the root, under a section page, that page is a part.
    """
    if app.builder.format != "latex":
        return
    config = app.config
    root = config.root_doc
    if root in env.titles and config.latex_documents:
        title = escape(env.titles[root].astext(), "xelatex")
        first, *rest = config.latex_documents
        config.latex_documents = [(first[0], first[1], title, *first[3:]), *rest]
    if config.latex_toplevel_sectioning is None:
        deep = any(env.toctree_includes.get(doc) for doc in env.toctree_includes.get(root, ()))
        config.latex_toplevel_sectioning = "part" if deep else "chapter"


def _article_meta_in_latex(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Each article's date and source under its title, as the HTML pages show them.

    The LaTeX builder resolves one tree holding every document, so the per-page
    handler never sees the articles; here each inlined document gets its line.
    """
    if app.builder.format != "latex":
        return
    for start in list(doctree.findall(addnodes.start_of_file)):
        section = next(iter(start.findall(nodes.section)), None)
        meta = article_meta(app, start["docname"])
        if section is None or meta is None:
            continue
        for value in meta.findall(nodes.inline):
            url = value.astext()
            if url.startswith(("https://", "http://")):
                value.replace_self(nodes.reference(url, url, refuri=url))
        title = next(iter(section.findall(nodes.title)), None)
        index = section.index(title) + 1 if title is not None else 0
        section.insert(index, nodes.container("", meta, classes=[ARTICLE_META_CLASS]))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _configure, priority=150)
    app.connect("env-updated", _adopt_edition_structure)
    app.connect("doctree-resolved", _article_meta_in_latex)
