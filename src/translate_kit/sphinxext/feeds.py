"""Atom feeds: one per edition (``atom.xml``) and one per tag (``tags/<slug>.xml``).

Written by feedgen from what the edition's build knows (``archives``): each article's
title and first sentence as this edition gives them (converted to its script, or
translated), its date as ``updated`` and ``published``, and the edition's language as
``xml:lang``.  Entry and feed ids are ``urn:uuid`` names derived from the project's
publisher and title, the edition and the article, so they never change from one build
to the next.  Links are absolute with ``base_url`` and relative to
the feed otherwise, so the site still works from any place.  Every page names the
edition's feed (and a tag page its tag's) with ``<link rel="alternate">``.
"""

from __future__ import annotations

import datetime
import html
import posixpath
import uuid
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx

from translate_kit.files import write_if_changed
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.archives import (
    EDITION_FEED,
    Entry,
    index_page,
    newest_first,
    tag_feed,
    tag_page,
    tags_of,
    title_of,
)
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.script import edition_text

FEED_ENTRIES = 50
ATOM = "application/atom+xml"


def _id(app: Sphinx, *parts: str) -> str:
    """A ``urn:uuid`` that depends only on the project, the edition and ``parts``.

    Not on ``base_url``: a site that gets its address later keeps its readers' feeds.
    """
    project = project_config(app.config)
    site = f"translate-kit:{project.publisher}:{project.title}"
    name = "/".join((site, current_edition(app.config).slug, *parts))
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def feed_xml(app: Sphinx, path: str, title: str, page: str, found: list[Entry]) -> bytes:
    """The Atom feed at ``path`` (in the edition) of ``found``'s newest articles."""
    project, edition = project_config(app.config), current_edition(app.config)

    def link(target: str) -> str:
        if project.base_url:
            return project.site_url(f"{edition.slug}/{target}")
        return posixpath.relpath(target, posixpath.dirname(path) or ".")

    newest = found[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(_id(app, "feed", path))
    feed.title(title)
    feed.language(edition.code)
    feed.author(name=edition_text(app.config)(project.author))
    feed.link(href=link(app.builder.get_target_uri(page)), rel="alternate", type="text/html")
    feed.link(href=link(path), rel="self", type=ATOM)
    feed.updated(_moment(newest[0].date) if newest else _moment(datetime.date(1970, 1, 1)))
    for article in newest:
        entry = feed.add_entry(order="append")
        entry.id(_id(app, "article", article.docname))
        entry.title(title_of(app, article.docname))
        entry.link(href=link(app.builder.get_target_uri(article.docname)), rel="alternate")
        entry.updated(_moment(article.date))
        entry.published(_moment(article.date))
        if article.summary:
            entry.summary(article.summary)
    return feed.atom_str(pretty=True)


def _write_feeds(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    found = newest_first(app)
    outdir = Path(app.outdir)
    root_title = title_of(app, app.config.root_doc)
    write_if_changed(outdir / EDITION_FEED,
                     feed_xml(app, EDITION_FEED, root_title, index_page(app, 1), found))
    convert = edition_text(app.config)
    for tag, tagged in tags_of(found).items():
        title = f"{root_title}: {_('Tag: {tag}').format(tag=convert(tag))}"
        write_if_changed(outdir / tag_feed(tag),
                         feed_xml(app, tag_feed(tag), title, tag_page(tag), tagged))


def _advertise(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    """``<link rel="alternate" type="application/atom+xml">`` to the page's feeds."""
    if app.builder.name != "html":
        return
    here = posixpath.dirname(app.builder.get_target_uri(pagename)) or "."
    feeds = [(EDITION_FEED, title_of(app, app.config.root_doc))]
    tag = context.get("translate_kit_tag")
    if tag:
        feeds.append((tag_feed(tag), _("Tag: {tag}").format(tag=edition_text(app.config)(tag))))
    tags = "".join(
        f'<link rel="alternate" type="{ATOM}" title="{html.escape(title)}" '
        f'href="{html.escape(posixpath.relpath(path, here))}" />\n'
        for path, title in feeds)
    context["metatags"] = context.get("metatags", "") + "\n" + tags


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _advertise, priority=450)
    app.connect("build-finished", _write_feeds)
