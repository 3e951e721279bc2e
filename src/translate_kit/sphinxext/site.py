"""What an edition tells the site: canonical addresses and its page list.

- With ``base_url`` in translate-kit.toml, Sphinx's ``html_baseurl`` is the edition's
  public address, so every page carries ``<link rel="canonical">`` (furo writes it).
- After an HTML build into the site, the edition's pages (address, title, date), its
  title and the words of the site's own pages in its language are written to the page
  list (``translate_kit.pages``); the publish stage writes the front page, the sitemap
  and the 404 pages from the lists of all editions.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _ as sphinx_words

from translate_kit.pages import EditionPages, Page, write_pages
from translate_kit.sphinxext import current_edition, in_site, project_config
from translate_kit.sphinxext.archives import written_listings
from translate_kit.sphinxext.messages import _


def site_words() -> dict[str, str]:
    """The interface strings the front page and the 404 pages show in the edition's language."""
    return {
        "newest": _("Newest articles"),
        "pdf": _("Download PDF"),
        "epub": _("Download EPUB"),
        "home": _("Home of this edition: "),
        "all_editions": _("All editions"),
        "not_found_title": _("Page not found"),
        "not_found": _("There is no page at this address: it may have moved, or the address "
                       "is mistyped."),
        "completeness": _("{percent} % translated"),
        "search": str(sphinx_words("Search")),  # Sphinx's own word, as its search page says it
    }


def _canonical(app: Sphinx, config: Config) -> None:
    project = project_config(config)
    if project.base_url and not config.html_baseurl:
        config.html_baseurl = project.site_url(f"{current_edition(config).slug}/")


def title_language(title: nodes.Node | None) -> str:
    """The language a title is marked with (an untranslated title), else ""."""
    for node in title.findall(nodes.Element) if title is not None else ():
        for cls in node.get("classes", []):
            if cls.startswith("language-"):
                return cls.removeprefix("language-")
    return ""


def edition_pages(app: Sphinx) -> EditionPages:
    """Every document of the edition with its address, title and date, and the listing
    pages (index pages, archives, tags) readers and search engines browse it by."""
    env, builder = app.env, app.builder
    pages = []
    for docname in sorted(env.all_docs):
        title = env.titles.get(docname)
        date = str(env.metadata.get(docname, {}).get("date", "") or "").strip()
        pages.append(Page(builder.get_target_uri(docname), title.astext() if title else "",
                          date, title_language(title)))
    known = set(env.all_docs)
    pages.extend(Page(builder.get_target_uri(name), title, listing=True)
                 for name, title in sorted(written_listings(app).items()) if name not in known)
    root = env.titles.get(app.config.root_doc)
    return EditionPages(current_edition(app.config).code,
                        root.astext() if root else app.config.project, title_language(root),
                        site_words(), tuple(pages))


def _write_page_list(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html" or not in_site(app):
        return
    project = project_config(app.config)
    write_pages(project.page_list_path(current_edition(app.config)), edition_pages(app))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _canonical, priority=300)
    app.connect("build-finished", _write_page_list)
