"""Every page knows its edition and its siblings.

- ``<html lang>`` is the edition's BCP 47 code (not Sphinx's locale name);
- ``<link rel="alternate" hreflang>`` for every edition, plus x-default to the chooser;
- a switcher to the same page in every edition and a "Download PDF" link, in the sidebar;
- an icon (unless conf.py sets ``html_favicon``), so browsers do not ask the host for a
  ``/favicon.ico`` it may not have.

All links are relative and end in ``.html``, so the site works from ``file://`` too.
furo renders the whole global toctree into every page, which makes writing N pages cost
O(N²); the sidebar here drops that tree (the index pages list the articles instead).
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.config import Config

from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import message

HERE = Path(__file__).parent
ICON = HERE / "static" / "translate-kit-icon.svg"
SHARED_PAGES = frozenset({"genindex", "search"})
SIDEBAR = [
    "sidebar/brand.html",
    "sidebar/search.html",
    "sidebar/scroll-start.html",
    "translate-kit/editions.html",
    "sidebar/scroll-end.html",
]


def pdf_source(app: Sphinx) -> Path:
    """Where the PDF stage leaves this edition's PDF."""
    project = project_config(app.config)
    return project.pdf_path(current_edition(app.config))


def _configure(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    if not config.html_favicon:
        config.html_favicon = str(ICON)
    if not config.html_sidebars and config.html_theme == "furo":
        config.html_sidebars = {"**": SIDEBAR}
    # A config value, so that pages are rewritten when the PDF appears or disappears.
    # Linked only in the site layout (_build/html/<slug>/), next to which it is copied.
    project = project_config(config)
    in_site = Path(app.outdir).resolve() == project.edition_html_dir(current_edition(config)).resolve()
    config.translate_kit_pdf = pdf_source(app).name if in_site and pdf_source(app).is_file() else ""


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    project, edition = project_config(app.config), current_edition(app.config)
    to_site = "../" * (pagename.count("/") + 1)  # from this page up to _build/html/
    # Every edition is built from the same documents; other generated pages may differ.
    exists = pagename in app.env.all_docs or pagename in SHARED_PAGES
    target = app.builder.get_target_uri(pagename if exists else app.config.root_doc)
    links = [
        {
            "code": e.code, "label": e.label, "current": e is edition,
            "href": f"{to_site}{e.slug}/{target}",
        }
        for e in project.editions
    ]
    context["language"] = context["lang_attr"] = edition.code
    # The site is named as this edition titles its root page (converted or translated),
    # not "<project> documentation" in the source script.
    root_title = app.env.titles.get(app.config.root_doc)
    if root_title is not None:
        context["docstitle"] = context["shorttitle"] = root_title.astext()
    context["translate_kit_editions"] = links
    context["translate_kit_chooser"] = f"{to_site}index.html"
    context["translate_kit_messages"] = {
        key: message(app, key) for key in ("editions", "all_editions", "pdf")
    }
    context["translate_kit_pdf"] = (
        f"{to_site}{_site_pdf_folder(project)}/{app.config.translate_kit_pdf}"
        if app.config.translate_kit_pdf else ""
    )
    context["metatags"] = context.get("metatags", "") + _alternates(links, to_site)
    if app.config.html_theme == "furo":
        # furo renders the global toctree into every page's sidebar: a page per article
        # would grow with the archive.  Other themes are left as they are.
        context["toctree"] = lambda **kwargs: ""


def _site_pdf_folder(project: ProjectConfig) -> str:
    return project.site_pdf_dir.relative_to(project.html_dir).as_posix()


def _alternates(links: list[dict[str, Any]], to_site: str) -> str:
    tags = [
        f'<link rel="alternate" hreflang="{html.escape(link["code"])}" '
        f'href="{html.escape(link["href"])}" />'
        for link in links
    ]
    tags.append(f'<link rel="alternate" hreflang="x-default" href="{to_site}index.html" />')
    return "\n" + "\n".join(tags) + "\n"


def _copy_pdf(app: Sphinx, exception: Exception | None) -> None:
    """Put the linked PDF at ``<site>/pdf/`` next to the edition directories."""
    if exception is not None or app.builder.format != "html" or not app.config.translate_kit_pdf:
        return
    source = pdf_source(app)
    target = project_config(app.config).site_pdf_dir / source.name
    if not source.is_file():
        return
    if target.is_file() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


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
    app.add_config_value("translate_kit_pdf", "", "html", types=frozenset({str}))
    app.connect("builder-inited", _cache_templates)
    app.add_css_file("translate-kit.css")
    app.connect("config-inited", _configure, priority=300)
    # Before furo's handler (500), which would render the toctree.
    app.connect("html-page-context", _page_context, priority=400)
    app.connect("build-finished", _copy_pdf)
