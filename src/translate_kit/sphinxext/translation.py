"""Catalog-driven text: translation editions and per-message corrections.

Every edition except the source reads ``locale/<locale_name>/LC_MESSAGES/<doc>.po``
(one catalog per document).  The catalogs are compiled into ``_build/`` before reading
(never into ``locale/``), and Sphinx's own Locale transform applies them.  Because
Sphinx only tracks ``.po`` files it finds in ``locale_dirs``, this module records each
document's catalog timestamp itself, so editing one ``.po`` re-reads only its document.

In a translation edition, passages without a translation fall back to the source text;
they are marked with the source language (``lang="zh-Hant"``); how far a page is
translated is said by ``status``.  So that a translator can go from the page to the
catalog, every page names its catalog under its title (with an "Edit this translation"
link when the project sets ``edit_url``), and in HTML every fallback passage is wrapped
in a ``<span class="tk-untranslated">`` whose ``data-tk-catalog`` (shown on hover) gives
the catalog file and the line of its entry, and ``data-tk-state`` why it is not
translated (untranslated, fuzzy, missing from the catalog, unsafe, not applied).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError as SphinxConfigError
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages
from sphinx.writers.html5 import HTML5Translator

from translate_kit.catalogs.compile import ENTRIES_SUFFIX, compile_catalogs, mo_dir, read_entries
from translate_kit.catalogs.pofile_io import catalog_dir
from translate_kit.config import EditionKind
from translate_kit.errors import TranslateKitError, format_location
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.plain_passages import in_front_matter

logger = logging.getLogger(__name__)
STAMPS = "translate_kit_catalog_stamps"


def catalog_path(config: Config, docname: str) -> Path:
    """The ``.po`` file of one document in the current edition."""
    return catalog_dir(project_config(config), current_edition(config)) / f"{docname}.po"


def shown_path(config: Config, path: Path) -> str:
    """``path`` as translators see it: relative to the project root where it can be."""
    root = project_config(config).root
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


class fallback(nodes.inline):  # noqa: N801 - docutils dispatches on the class name
    """Source text shown where a translation edition has no translation for a message.

    ``catalog`` is ``path:line`` of its catalog entry (just the path when there is none),
    ``state`` why it is not translated and ``hint`` both in words, for the hover text.
    """


def _configure(app: Sphinx, config: Config) -> None:
    edition = current_edition(app.config)
    config.gettext_compact = False
    config.gettext_auto_build = False  # Sphinx would write .mo files into locale/
    if edition.kind is EditionKind.SOURCE:
        config.locale_dirs = []
        return
    dest = project_config(app.config).catalog_build_dir(edition)
    try:
        result = compile_catalogs(
            project_config(app.config), edition, dest, language=edition.sphinx_language
        )
    except TranslateKitError as exc:  # a located message rather than a traceback
        raise SphinxConfigError(str(exc)) from exc
    for dropped in result.unsafe:
        logger.warning("translation left out: %s", dropped.reason,
                       location=format_location(dropped.path, dropped.line), type="translate_kit",
                       subtype="unsafe")
    config.locale_dirs = [str(dest)]


def _stamps(env: BuildEnvironment) -> dict[str, int | None]:
    if not hasattr(env, STAMPS):
        setattr(env, STAMPS, {})
    return getattr(env, STAMPS)


def _stamp(catalogs: str, docname: str) -> int | None:
    """The modification time of the document's catalog in ``catalogs`` (None: it has
    none).  Paths as strings: every build looks at every catalog."""
    try:
        return os.stat(f"{catalogs}/{docname}.po").st_mtime_ns
    except OSError:
        return None


def _catalogs(config: Config) -> str:
    return str(catalog_dir(project_config(config), current_edition(config)))


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Documents whose catalog appeared, changed or vanished since they were read."""
    if current_edition(app.config).kind is EditionKind.SOURCE:
        return []
    stamps, catalogs = _stamps(env), _catalogs(app.config)
    return [
        docname for docname in env.all_docs
        if docname not in changed and stamps.get(docname) != _stamp(catalogs, docname)
    ]


def _record(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    _stamps(app.env)[docname] = _stamp(_catalogs(app.config), docname)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _stamps(env).pop(docname, None)


def _merge(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    theirs = _stamps(other)
    _stamps(env).update({d: theirs[d] for d in docnames if d in theirs})


class MarkUntranslated(SphinxTransform):
    """Tag fallback passages with the source language and their catalog entry."""

    # After Locale (20) and smart quotes (750): docutils would look for quote rules of
    # the source language in an edition whose smart quotes are the edition's own.
    default_priority = 760

    def apply(self, **kwargs: object) -> None:
        if current_edition(self.config).kind is not EditionKind.TRANSLATION:
            return
        source_lang = f"language-{project_config(self.config).source_edition.code}"
        docname = self.env.current_document.docname
        path = catalog_path(self.config, docname)
        edition = current_edition(self.config)
        kept = mo_dir(project_config(self.config).catalog_build_dir(edition), edition,
                      edition.sphinx_language) / f"{docname}{ENTRIES_SUFFIX}"
        entries = functools.cache(lambda: read_entries(kept))  # read for the first fallback
        for node, msgid in extract_messages(self.document):
            if isinstance(node, LITERAL_TYPE_NODES) or in_front_matter(node):
                continue  # code is not translated; front matter is data
            if node.get("translated") is True:
                continue
            if isinstance(node, nodes.TextElement):
                marker = _fallback(self.config, path, entries(), msgid)
                if isinstance(node, nodes.title):
                    # The title's text is wrapped, so that the toctree, links and
                    # next/previous (which copy a title's children) carry the language.
                    marker["classes"].append(source_lang)
                marker.extend(node.children)
                node.children = []
                node += marker
            if not isinstance(node, nodes.title) and source_lang not in node["classes"]:
                node["classes"].append(source_lang)


def _fallback(config: Config, path: Path, entries: dict[str, tuple[int | None, str]],
              msgid: str) -> fallback:
    """The marker of an untranslated message: where its entry is and why it shows no
    translation."""
    where = shown_path(config, path)
    if msgid not in entries:
        state = "missing"
    else:
        line, state = entries[msgid]
        where = format_location(where, line)
        if state == "translated":
            state = "not-applied"  # Sphinx refused it (e.g. its references differ)
    hint = fallback_hints()[state].format(where=where)
    return fallback("", catalog=where, state=state, hint=hint)


def fallback_hints() -> dict[str, str]:
    """Why an untranslated passage shows the source, by the state of its catalog entry."""
    return {
        "missing": _("Not in the catalog yet (run translate-kit update): {where}"),
        "untranslated": _("Untranslated: {where}"),
        "fuzzy": _("Fuzzy translation waiting for review: {where}"),
        "unsafe": _("Translation left out as unsafe: {where}"),
        "not-applied": _("Translation not applied (its markup differs from the source): {where}"),
    }


def _visit_fallback_html(self: HTML5Translator, node: fallback) -> None:
    self.body.append(self.starttag(
        node, "span", "", classes=["tk-untranslated"], title=node["hint"],
        **{"data-tk-catalog": node["catalog"], "data-tk-state": node["state"]},
    ))


def _depart_fallback_html(self: HTML5Translator, node: fallback) -> None:
    self.body.append("</span>")


def _visit_inline(self: Any, node: fallback) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: fallback) -> None:
    self.depart_inline(node)


def _notices(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Under the title of a translation edition's page: its catalog."""
    if current_edition(app.config).kind is not EditionKind.TRANSLATION:
        return
    if _is_site_page(app):  # where a translator looks; readers' books and PDFs leave it out
        insert_after_title(doctree, _catalog_notice(app, docname))


def _is_site_page(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def _catalog_notice(app: Sphinx, docname: str) -> nodes.paragraph:
    """"Catalog: locale/…/<doc>.po", and the edit link when the project has edit_url."""
    config, edition = project_config(app.config), current_edition(app.config)
    path = shown_path(app.config, catalog_path(app.config, docname))
    notice = nodes.paragraph("", _("Catalog: "), nodes.literal(path, path),
                             classes=["tk-translation-catalog", "no-search"])
    link = config.edit_link(path, docname, edition.locale_name)
    if link:
        notice += nodes.Text(" · ")
        notice += nodes.reference("", _("Edit this translation"), refuri=link,
                                  classes=["tk-edit-translation"])
    return notice


def insert_after_title(doctree: nodes.document, node: nodes.Element) -> None:
    """Put ``node`` right under the page's first heading (or at the top)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, node)
    else:
        doctree.insert(0, node)


def setup(app: Sphinx) -> None:
    inline = (_visit_inline, _depart_inline)
    app.add_node(fallback, html=(_visit_fallback_html, _depart_fallback_html), latex=inline,
                 text=inline, man=inline, texinfo=inline)
    app.add_transform(MarkUntranslated)
    app.connect("config-inited", _configure, priority=200)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _record)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _notices)
