"""What a link to a page shows when it is shared: OpenGraph and description metadata.

Every document of the site gets, in its edition's script or language, ``og:title``,
``og:description`` and ``<meta name="description">`` (the first sentence of its text,
unless its front matter gives a description), ``og:type`` (``article`` with
``article:published_time`` for a dated article, else ``website``), ``og:locale``
(``zh_TW``, ``zh_CN``, ``en_US``: the edition's Sphinx locale, with the region its
language most likely means), ``og:site_name`` and, with ``base_url``, ``og:url``.

sphinxext-opengraph (0.13) was tried on the same pages: its description is the page's
first 200 characters, notices and the date line included, not a sentence; ``og:url``
misses the edition's directory (one ``ogp_site_url`` for all editions); ``og:type`` is
always ``website``, with no date; ``og:site_name`` is conf.py's project in every edition;
and it leaves ``<`` and ``&`` of a title unescaped in the attribute.  The tags here come
from the page as its edition shows it, and every value is escaped as an attribute.
"""

from __future__ import annotations

import html
import re
from typing import Any

from babel import Locale
from babel.core import get_global
from docutils import nodes
from sphinx.application import Sphinx

from translate_kit.sphinxext import current_edition, project_config

LONGEST = 200
"""Characters of a description at most: what link previews show of it."""
_SENTENCE_END = re.compile(r"[。！？][」』”’）)]*|[.!?][\"'”’)]*(?=\s|$)")
"""Where a sentence ends: Chinese full stops with their closing quotes, Latin ones before a space."""


def og_locale(sphinx_language: str) -> str:
    """``zh_TW``, ``en_US``: the locale with the region its language most likely means."""
    locale = Locale.parse(sphinx_language)
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags").get(locale.language, locale.language)
    territory = Locale.parse(likely).territory
    return f"{locale.language}_{territory}" if territory else locale.language


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (at most ``LONGEST`` characters)."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text)
    sentence = text[:end.end()] if end else text
    return sentence if len(sentence) <= LONGEST else sentence[:LONGEST - 1].rstrip() + "…"


def _first_paragraph(doctree: nodes.document) -> str:
    """The text of the page's first paragraph of its own (not a notice under the title)."""
    for paragraph in doctree.findall(nodes.paragraph):
        if any(c.startswith("tk-") for c in paragraph["classes"]):
            continue
        if isinstance(paragraph.parent, (nodes.section, nodes.document)) and paragraph.astext().strip():
            return paragraph.astext()
    return ""


def _has_description(doctree: nodes.document) -> bool:
    return any(node.get("name") == "description" for node in doctree.findall(nodes.Element)
               if node.tagname == "meta")


def sharing_tags(app: Sphinx, pagename: str, doctree: nodes.document) -> list[tuple[str, str, str]]:
    """(attribute, key, value) of every tag of ``pagename``; values not yet escaped."""
    project, edition = project_config(app.config), current_edition(app.config)
    title = app.env.titles.get(pagename)
    root = app.env.titles.get(app.config.root_doc)
    description = first_sentence(_first_paragraph(doctree))
    date = str(app.env.metadata.get(pagename, {}).get("date", "") or "").strip()
    tags = [("property", "og:title", title.astext() if title is not None else "")]
    if description:
        tags.append(("property", "og:description", description))
        if not _has_description(doctree):
            tags.append(("name", "description", description))
    tags.append(("property", "og:type", "article" if date else "website"))
    if date:
        tags.append(("property", "article:published_time", date))
    tags.append(("property", "og:locale", og_locale(edition.sphinx_language)))
    if root is not None:
        tags.append(("property", "og:site_name", root.astext()))
    if project.base_url:
        target = app.builder.get_target_uri(pagename)
        tags.append(("property", "og:url", project.site_url(f"{edition.slug}/{target}")))
    return tags


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    if doctree is None or app.builder.name != "html" or pagename not in app.env.all_docs:
        return
    lines = [f'<meta {attribute}="{html.escape(key)}" content="{html.escape(value)}" />'
             for attribute, key, value in sharing_tags(app, pagename, doctree)]
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
