"""The PDF is a book per volume: one LaTeX file per month (or year) of articles.

One Sphinx run writes the ``.tex`` of every volume the runner asks for (the
``translate_kit_volumes`` option; all of them when it is empty), and beside each the list
of its articles with their titles in the edition (``<tex stem>.articles.json``), in the
order of the book: the runner cuts the article PDFs from the volume by that list.

Each article is a chapter of its volume, so it starts a page and is one top-level
bookmark.  The volume's book is assembled from the volume's articles alone (Sphinx would
inline the whole root toctree), so writing a volume costs its own articles, not the
archive's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.console import darkgreen
from sphinx.util.nodes import inline_all_toctrees
from sphinx.util.texescape import escape

from translate_kit.contract import ARTICLES_SUFFIX, VOLUMES_OPTION
from translate_kit.files import write_if_changed
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.volumes import group_articles


def edition_volumes(app: Sphinx, env: BuildEnvironment) -> dict[str, list[str]]:
    """The edition's volumes (volume -> docnames), from the articles' front matter."""
    project = project_config(app.config)
    folder = project.articles_dir.relative_to(project.docs_dir).as_posix() + "/"
    dates = [(doc, str(env.metadata.get(doc, {}).get("date", "") or ""))
             for doc in env.all_docs if doc.startswith(folder)]
    return group_articles(dates, project.volumes)


def _plan_volumes(app: Sphinx, env: BuildEnvironment) -> None:
    """One LaTeX document per volume asked for, titled ``<edition title> <volume>``."""
    if app.builder.name != "latex" or not app.config.latex_documents:
        return
    project, edition = project_config(app.config), current_edition(app.config)
    wanted = {v for v in app.config[VOLUMES_OPTION].split(",") if v} or None
    volumes = {v: docs for v, docs in edition_volumes(app, env).items()
               if wanted is None or v in wanted}
    root, _target, title, *rest = app.config.latex_documents[0]
    app.config.latex_documents = [
        (root, project.volume_pdf_name(edition, volume).removesuffix(".pdf") + ".tex",
         f"{title} {escape(volume, 'xelatex')}".strip(), *rest)
        for volume in volumes
    ]
    app.config.latex_toplevel_sectioning = "chapter"
    app.builder.volumes = {entry[1]: volumes[volume]
                           for entry, volume in zip(app.config.latex_documents, volumes)}


class VolumeLaTeXBuilder(LaTeXBuilder):
    """Sphinx's LaTeX builder writing each volume from its own articles."""

    def init(self) -> None:
        super().init()
        self.volumes: dict[str, list[str]] = {}
        """Articles of each ``.tex`` target, in their order in the book."""
        self._articles: list[str] = []

    def write_documents(self, docnames: Any) -> None:
        every = self.document_data
        try:
            for entry in every:
                self._articles = self.volumes.get(entry[1], [])
                self.document_data = [entry]
                super().write_documents(docnames)
                titles = [(doc, self.env.titles[doc].astext()) for doc in self._articles]
                listing = Path(self.outdir) / (entry[1].removesuffix(".tex") + ARTICLES_SUFFIX)
                write_if_changed(listing, json.dumps(titles, ensure_ascii=False, indent=0) + "\n",
                                 durable=False)
        finally:
            self.document_data = every

    def assemble_doctree(self, indexfile: str, toctree_only: bool, appendices: list[str]
                         ) -> nodes.document:
        """The volume's articles inlined into one tree (Sphinx's own, for its articles)."""
        self.docnames = {indexfile, *appendices}
        tree = self.env.get_doctree(indexfile)
        for child in list(tree.children):
            tree.remove(child)
        section = nodes.section()
        section += nodes.title("<volume>", "<volume>")  # the book's title replaces it
        toctree = addnodes.toctree(includefiles=list(self._articles), maxdepth=1, glob=False,
                                   entries=[(None, doc) for doc in self._articles])
        section += toctree
        tree += section
        largetree = inline_all_toctrees(self, self.docnames, indexfile, tree, darkgreen,
                                        [indexfile])
        largetree["docname"] = indexfile
        self.env.resolve_references(largetree, indexfile, self)
        for pending in list(largetree.findall(addnodes.pending_xref)):
            name = pending.get("refsectname") or pending.astext()
            pending.replace_self(nodes.emphasis(name, name))
        return largetree


def setup(app: Sphinx) -> None:
    app.add_config_value(VOLUMES_OPTION, "", "", types=frozenset({str}))
    app.add_builder(VolumeLaTeXBuilder, override=True)
    # After latex's own handler, which titles the book as the edition titles its root.
    app.connect("env-updated", _plan_volumes, priority=600)
