"""Honest translation status: a page says how much of it is translated, and is offered
as a translation only when enough of it is.

The figures are ``translate-kit stats``' (``catalogs.status``), counted once per build.

- A page of a translation edition that is not fully translated says so under its title,
  in the edition's language, with a link to the same page in the source edition.
- A page under ``[project] min_translated`` is not offered as a translation: it lists no
  hreflang alternates, and the pages of the other editions do not list it.  When at most
  half of it is translated, its ``<html lang>`` is the source's (the language readers
  get) and its translated passages carry the edition's language.
- Whether a page of another edition is offered depends on that edition's catalogs, which
  do not make Sphinx write this edition's pages; each build compares what every page
  offers with the last build and writes again the pages whose alternates changed.
"""

from __future__ import annotations

import weakref

from babel import Locale
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from translate_kit.catalogs.status import MAJORITY, EditionStatus, project_status, shown
from translate_kit.sphinxext import current_edition, in_site, pages_changed, project_config
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.translation import insert_after_title

OFFERED = "translate_kit_offered"
_statuses: weakref.WeakKeyDictionary[Sphinx, dict[str, EditionStatus]] = weakref.WeakKeyDictionary()


def _count(app: Sphinx, config: Config) -> None:
    project = project_config(config)
    # A config value, so that changing the threshold writes every page again.
    config["translate_kit_min_translated"] = float(project.min_translated)
    _statuses[app] = project_status(project)


def percent(app: Sphinx, docname: str) -> float | None:
    """How much of ``docname`` this translation edition has translated (None otherwise)."""
    status = _statuses.get(app, {}).get(current_edition(app.config).code)
    return status.of(docname) if status else None


def offered(app: Sphinx, docname: str) -> tuple[str, ...]:
    """The editions whose ``docname`` is offered to readers as an alternate of this page:
    none when this page itself is under the threshold."""
    threshold = app.config.translate_kit_min_translated
    below = {code for code, status in _statuses.get(app, {}).items()
             if (share := status.of(docname)) is not None and share < threshold}
    if current_edition(app.config).code in below:
        return ()
    return tuple(e.code for e in project_config(app.config).editions if e.code not in below)


def page_language(app: Sphinx, docname: str) -> str:
    """The language readers get on ``docname``: the source's when at most half is translated."""
    share = percent(app, docname)
    if share is not None and share <= MAJORITY and share < app.config.translate_kit_min_translated:
        return project_config(app.config).source_edition.code
    return current_edition(app.config).code


def _changed_alternates(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return pages_changed(env, OFFERED, {docname: offered(app, docname) for docname in env.all_docs})


def _notice(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Under the title of a page not fully translated: how much is, and the original."""
    share = percent(app, docname)
    if share is None or share >= 100:
        return
    edition, project = current_edition(app.config), project_config(app.config)
    source = project.source_edition
    language = Locale.parse(source.sphinx_language).get_language_name(
        Locale.parse(edition.sphinx_language)) or source.code
    words = _("This page is {percent} % translated; untranslated passages are shown in "
              "{language}.")
    notice = nodes.paragraph("", words.format(percent=shown(share), language=language),
                             classes=["tk-translation-status", "no-search"])
    if page_language(app, docname) != edition.code:
        for node in doctree.findall(nodes.Element):
            if node.get("translated") is True:
                node["classes"].append(f"language-{edition.code}")
        notice["classes"].append(f"language-{edition.code}")
    original = _original(app, docname)
    if original:
        notice += nodes.Text(" ")
        notice += nodes.reference("", _("Read the original"), refuri=original,
                                  classes=["tk-original"])
    insert_after_title(doctree, notice)


def _original(app: Sphinx, docname: str) -> str:
    """The same page in the source edition: relative in the site, else absolute with
    base_url (a PDF, an EPUB), else none."""
    project = project_config(app.config)
    path = f"{project.source_edition.slug}/{docname}.html"
    if app.builder.format == "html" and app.builder.name != "epub" and in_site(app):
        return "../" * (docname.count("/") + 1) + path
    return project.site_url(path) if project.base_url else ""


def setup(app: Sphinx) -> None:
    app.add_config_value("translate_kit_min_translated", 80.0, "html", types=frozenset({float}))
    app.connect("config-inited", _count, priority=300)
    app.connect("env-get-updated", _changed_alternates)
    app.connect("doctree-resolved", _notice)
