"""An article page offers the article's own PDF and EPUB and the volumes it belongs to.

Each is linked only when it was built (``build pdf`` and ``build epub`` run before the
HTML in ``build site``) and only in the site layout, where the runner copies them under
``pdf/`` and ``epub/``.  The
links are relative, so they work from ``file://``.  Which downloads a page offered is
kept with the environment: a page whose article PDF or volume appeared or went away since
it was written is written again, and no other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from translate_kit.sphinxext import current_edition, in_site, project_config
from translate_kit.sphinxext.messages import _
from translate_kit.volumes import volume_of


def article_downloads(app: Sphinx, docname: str, built: Callable[[Path], bool] = Path.is_file
                      ) -> list[tuple[str, str, Path]]:
    """``(kind, label, built file)`` of the article's PDF and EPUB and its volume's, those
    that exist (``built``)."""
    if not in_site(app):
        return []
    project, edition = project_config(app.config), current_edition(app.config)
    date = str(app.env.metadata.get(docname, {}).get("date", "") or "")
    folder = project.articles_dir.relative_to(project.docs_dir).as_posix() + "/"
    volume = volume_of(date, project.volumes) if docname.startswith(folder) else None
    if volume is None:
        return []
    found = [("pdf", _("Download this article (PDF)"), project.article_pdf_path(edition, docname)),
             ("epub", _("Download this article (EPUB)"), project.article_epub_path(edition, docname))]
    if volume:  # the whole archive's volume is the edition's book, linked on every page
        found += [("pdf", _("Download the {volume} volume (PDF)").format(volume=volume),
                   project.volume_pdf_path(edition, volume)),
                  ("epub", _("Download the {volume} volume (EPUB)").format(volume=volume),
                   project.volume_epub_path(edition, volume))]
    return [(kind, label, path) for kind, label, path in found if built(path)]


def _built_files(app: Sphinx) -> set[Path]:
    """The PDFs and EPUBs the edition's pages may offer, listed once for all its pages."""
    project, edition = project_config(app.config), current_edition(app.config)
    found: set[Path] = set()
    for folder in (project.pdf_dir, project.epub_dir):
        if folder.is_dir():  # the volumes, then the articles cut from them
            found.update(path for path in folder.iterdir() if path.is_file())
            found.update(path for path in (folder / edition.slug).rglob("*") if path.is_file())
    return found


def _offered(app: Sphinx, docname: str, built: set[Path]) -> tuple[str, ...]:
    if not built:  # no PDF or EPUB built (an HTML-only site, the live preview)
        return ()
    return tuple(str(path) for _kind, _label, path in article_downloads(app, docname, built.__contains__))


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    """Pages whose downloads appeared or went away since they were written."""
    if app.builder.name != "html":
        return []
    before: dict[str, tuple[str, ...]] = getattr(env, "translate_kit_downloads", {})
    built = _built_files(app)
    now = {doc: _offered(app, doc, built) for doc in env.found_docs if doc in env.metadata}
    env.translate_kit_downloads = now
    return [doc for doc, offered in now.items()
            if doc not in added | changed and before.get(doc, ()) != offered]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    if app.builder.name != "html" or doctree is None:
        return
    project = project_config(app.config)
    to_site = "../" * (pagename.count("/") + 1)
    edition_links = context.get("translate_kit_downloads", [])
    shown = {link["href"] for link in edition_links}
    links = [{"kind": kind, "label": label,
              "href": to_site + project.in_site(path).relative_to(project.html_dir).as_posix()}
             for kind, label, path in article_downloads(app, pagename)]
    context["translate_kit_downloads"] = [
        *(link for link in links if link["href"] not in shown), *edition_links]


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
    # After ``editions`` (400), which lists the edition's own downloads.
    app.connect("html-page-context", _page_context, priority=450)
