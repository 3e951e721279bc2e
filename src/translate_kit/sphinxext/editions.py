"""Every page knows its edition and its siblings.

- ``<html lang>`` is the edition's BCP 47 code (not Sphinx's locale name), or the
  source's on a page mostly untranslated (``status``);
- ``<link rel="alternate" hreflang>`` for every edition that offers the page (``status``:
  not one translated under ``min_translated``), plus x-default to the front page (full
  addresses when translate-kit.toml gives the site's ``base_url``);
- a switcher to the same page in every edition (a reader's pick there is remembered by
  ``translate-kit-editions.js`` for the front page) with each translation edition's
  completeness (filled in by the site's ``translate-kit-completeness.js``, written once
  per build, so that no page is written again when a catalog changes), "Download PDF"
  and "Download EPUB" links, in the sidebar;
- an icon (unless conf.py sets ``html_favicon``), so browsers do not ask the host for a
  ``/favicon.ico`` it may not have.

All links are relative and end in ``.html``, so the site works from ``file://`` too.
furo renders the whole global toctree into every page, which makes writing N pages cost
O(N²); the sidebar here drops that tree (the index pages list the articles instead).
EPUB pages are not part of the site: they get none of this.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.config import Config

from translate_kit.config import EditionKind
from translate_kit.files import copy_atomic
from translate_kit.sphinxext import current_edition, in_site, project_config
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.status import offered, page_language

HERE = Path(__file__).parent
ICON = HERE / "static" / "translate-kit-icon.svg"
SHARED_PAGES = frozenset({"genindex", "search"})
SIDEBAR = [
    "sidebar/brand.html",
    "sidebar/search.html",
    "sidebar/scroll-start.html",
    "translate-kit/editions.html",
    "translate-kit/browse.html",
    "sidebar/scroll-end.html",
]


def downloads(app: Sphinx) -> dict[str, tuple[Path, Path]]:
    """This edition's downloads: kind -> (where its stage leaves it, its place in the site)."""
    return project_config(app.config).downloads(current_edition(app.config))


def _configure(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    if not config.html_favicon:
        config.html_favicon = str(ICON)
    if not config.html_sidebars and config.html_theme == "furo":
        config.html_sidebars = {"**": SIDEBAR}
    # Config values, so that pages are rewritten when a download appears or disappears.
    # Linked only in the site layout (_build/html/<slug>/), next to which they are copied.
    site = project_config(config).html_dir
    for kind, (source, target) in downloads(app).items():
        exists = in_site(app) and source.is_file()
        config[f"translate_kit_{kind}"] = target.relative_to(site).as_posix() if exists else ""


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.name.startswith("epub"):
        return
    project, edition = project_config(app.config), current_edition(app.config)
    to_site = "../" * (pagename.count("/") + 1)  # from this page up to _build/html/
    # Every edition is built from the same documents (and lists them under the same
    # names); other generated pages may differ.
    exists = (pagename in app.env.all_docs or pagename in SHARED_PAGES
              or context.get("translate_kit_every_edition", False))
    target = app.builder.get_target_uri(pagename if exists else app.config.root_doc)
    links = [
        {
            "code": e.code, "slug": e.slug, "label": e.label, "current": e is edition,
            "href": f"{to_site}{e.slug}/{target}", "translation": e.kind is EditionKind.TRANSLATION,
        }
        for e in project.editions
    ]
    context["language"] = context["lang_attr"] = page_language(app, pagename)
    # The site is named as this edition titles its root page (converted or translated),
    # not "<project> documentation" in the source script.
    root_title = app.env.titles.get(app.config.root_doc)
    if root_title is not None:
        context["docstitle"] = context["shorttitle"] = root_title.astext()
    context["translate_kit_editions"] = links
    context["translate_kit_chooser"] = f"{to_site}index.html"
    context["translate_kit_completeness"] = (
        to_site + project.completeness_script.relative_to(project.html_dir).as_posix()
        if in_site(app) else "")
    context["translate_kit_messages"] = {
        "editions": _("Editions"), "all_editions": _("All editions"),
        "pdf": _("Download PDF"), "epub": _("Download EPUB"),
    }
    context["translate_kit_downloads"] = [
        {"kind": kind, "href": to_site + app.config[f"translate_kit_{kind}"]}
        for kind in downloads(app) if app.config[f"translate_kit_{kind}"]
    ]
    # Search engines want the alternates' full addresses: with base_url they have them.
    site = project.site_url() if project.base_url else to_site
    codes = offered(app, pagename)
    alternates = [{**link, "href": f"{site}{link['slug']}/{target}"} for link in links
                  if link["code"] in codes]
    if alternates:
        context["metatags"] = context.get("metatags", "") + _alternates(alternates, site)
    if app.config.html_theme == "furo":
        # furo renders the global toctree into every page's sidebar: a page per article
        # would grow with the archive.  Other themes are left as they are.
        context["toctree"] = lambda **kwargs: ""


def _alternates(links: list[dict[str, Any]], to_site: str) -> str:
    tags = [
        f'<link rel="alternate" hreflang="{html.escape(link["code"])}" '
        f'href="{html.escape(link["href"])}" />'
        for link in links
    ]
    tags.append(f'<link rel="alternate" hreflang="x-default" href="{to_site}index.html" />')
    return "\n" + "\n".join(tags) + "\n"


def _copy_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Put the linked PDF and EPUB in ``<site>/pdf/`` and ``<site>/epub/``."""
    if exception is not None or app.builder.name != "html":
        return
    for kind, (source, target) in downloads(app).items():
        if not app.config[f"translate_kit_{kind}"] or not source.is_file():
            continue
        if target.is_file() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
            continue
        copy_atomic(source, target)  # a reader downloading it meanwhile gets a whole file


def _cache_templates(app: Sphinx) -> None:
    """Keep compiled page templates between builds.

    Sphinx compiles the theme's Jinja templates afresh in every run; for a rebuild that
    writes two pages that is a sixth of the run.  The cache lives with the doctrees, so
    ``make clean`` removes it.
    """
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is not None:
        cache = Path(app.doctreedir) / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(cache))


def setup(app: Sphinx) -> None:
    for kind in ("pdf", "epub"):  # the download's path in the site, "" when not linked
        app.add_config_value(f"translate_kit_{kind}", "", "html", types=frozenset({str}))
    app.connect("builder-inited", _cache_templates)
    app.add_css_file("translate-kit.css")
    app.add_js_file("translate-kit-editions.js", defer="defer")
    app.connect("config-inited", _configure, priority=300)
    # Before furo's handler (500), which would render the toctree.
    app.connect("html-page-context", _page_context, priority=400)
    app.connect("build-finished", _copy_downloads)
