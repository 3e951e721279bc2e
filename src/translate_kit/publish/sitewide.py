"""The site's own pages beside the editions: the front page, 404 pages, sitemap, robots.txt.

They span every edition, so they are written after the editions are built, from the
page list each edition's build leaves in its directory (``translate_kit.pages``):

- ``index.html``, the front page: the publication's title and, for each edition, its
  label, its title in its own language, how much of a translation edition is translated
  (``completeness``, which also writes the switchers' figures), its newest articles and
  its PDF and EPUB.  It
  sends a browser to the edition its reader picked last time (on this page or in an
  edition's switcher; ``translate-kit-editions.js``), else to the one matching the
  browser's languages; with ``#editions`` (every page's "All editions" link) it stays.
  It is in furo's colours, light or dark as the reader chose in the editions.
- With ``base_url``: a ``404.html`` per edition in its language and one at the root in
  every language, with absolute links so that they work at any depth of a wrong
  address; ``sitemap.xml`` (``sitemap``) listing every page with its alternates, but
  no page translated under ``min_translated``;
  ``robots.txt`` pointing to it.  Without ``base_url`` they are not written (those of an
  earlier build are removed) and the result carries a note saying so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from translate_kit.catalogs.status import EditionStatus, project_status, shown
from translate_kit.config import Edition, ProjectConfig
from translate_kit.files import write_if_changed
from translate_kit.pages import EditionPages, Page, read_pages
from translate_kit.publish import sitemap
from translate_kit.publish.completeness import hidden, write_completeness_script
from translate_kit.publish.sitemap import SitemapUrl

TEMPLATES = Path(__file__).parent / "templates"
ICON = Path(__file__).parents[1] / "sphinxext" / "static" / "translate-kit-icon.svg"
FRONT_SCRIPT = "_static/translate-kit-editions.js"
FURO_STYLES = ("_static/styles/furo.css", "_static/styles/furo-extensions.css")
NEWEST = 5
"""Articles listed per edition on the front page."""
NO_BASE_URL = ("no base_url under [project] in translate-kit.toml: sitemap.xml, robots.txt, "
               "canonical links and 404 pages are not written")
# Region subtags that read each Chinese script, for browsers that only send zh-TW etc.
SCRIPT_REGIONS = {"hant": ("zh-tw", "zh-hk", "zh-mo"), "hans": ("zh-cn", "zh-sg", "zh-my", "zh")}

_templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                         undefined=StrictUndefined, keep_trailing_newline=True)


@dataclass(frozen=True)
class SitePages:
    """The front page ``write_site_pages`` wrote, and what it has to tell."""

    front_page: Path
    notes: tuple[str, ...]


def write_site_pages(config: ProjectConfig) -> SitePages:
    """Write the front page and, with base_url, the 404 pages, sitemap and robots.txt."""
    listed = {e: read_pages(config.page_list_path(e)) for e in config.editions}
    found = project_status(config)
    write_completeness_script(config, found)
    write_front_page(config, listed, found, hidden(config, found))
    if not config.base_url:
        _remove_findable(config)
        return SitePages(config.front_page, (NO_BASE_URL,))
    built = {e: pages for e, pages in listed.items() if pages is not None}
    write_not_found_pages(config, built)
    write_sitemap(config, built, hidden(config, found))
    write_if_changed(config.robots_path, robots_txt(config))
    return SitePages(config.front_page, ())


def language_map(config: ProjectConfig) -> dict[str, str]:
    """Lower-case language tag -> edition home, most specific claims first."""
    found: dict[str, str] = {}
    editions = config.editions
    for e in editions:  # exact codes and Sphinx locales
        for tag in (e.code, e.sphinx_language.replace("_", "-")):
            found.setdefault(tag.lower(), f"{e.slug}/index.html")
    for e in editions:  # regions that read the edition's script
        for tag in SCRIPT_REGIONS.get(e.code.lower().rpartition("-")[2], ()):
            found.setdefault(tag, f"{e.slug}/index.html")
    for e in editions:  # bare language
        found.setdefault(e.code.split("-")[0].lower(), f"{e.slug}/index.html")
    return found


def write_front_page(config: ProjectConfig, listed: dict[Edition, EditionPages | None],
                     found: dict[str, EditionStatus], hidden: dict[str, frozenset[str]]) -> None:
    """``index.html``: every edition with its title, completeness, newest articles and
    downloads."""
    static = _static_folder(config)
    site = config.site_url() if config.base_url else ""  # full addresses for search engines
    text = _templates.get_template("front.html").render(
        lang=config.source_edition.code,
        title=config.title,
        icon=_icon(),
        canonical=f"{site}index.html" if config.base_url else "",
        alternates=[{"code": e.code, "href": f"{site}{e.slug}/index.html"} for e in config.editions
                    if "index.html" not in hidden.get(e.code, ())]
        + [{"code": "x-default", "href": f"{site}index.html"}],
        stylesheets=[f"{static}/{sheet}" for sheet in FURO_STYLES if _exists(config, static, sheet)],
        script=f"{static}/{FRONT_SCRIPT}" if _exists(config, static, FRONT_SCRIPT) else "",
        homes=_script_json({e.slug: f"{e.slug}/index.html" for e in config.editions}),
        languages=_script_json(language_map(config)),
        editions=[_front_edition(config, e, pages, found.get(e.code)) for e, pages in listed.items()],
    )
    write_if_changed(config.front_page, text)


def _front_edition(config: ProjectConfig, edition: Edition, pages: EditionPages | None,
                   status: EditionStatus | None) -> dict[str, Any]:
    words = pages.words if pages else {}
    completeness = words.get("completeness", "{percent} %").replace(
        "{percent}", shown(status.percent)) if status else ""
    downloads = [
        {"kind": kind, "href": path.relative_to(config.html_dir).as_posix(), "word": words.get(kind, kind.upper())}
        for kind, (_built, path) in config.downloads(edition).items() if path.is_file()
    ]
    newest = [
        {"href": f"{edition.slug}/{page.uri}", "title": page.title, "date": page.date, "lang": page.lang}
        for page in (pages.newest(NEWEST) if pages else ())
    ]
    return {"code": edition.code, "slug": edition.slug, "label": edition.label,
            "href": f"{edition.slug}/index.html", "title": pages.title if pages else "",
            "title_lang": pages.title_lang if pages else "",
            "words": words, "newest": newest, "downloads": downloads,
            "completeness": completeness}


def write_not_found_pages(config: ProjectConfig, built: dict[Edition, EditionPages]) -> None:
    """A 404 page per edition, in its language, and one at the root in every language."""
    shown_on: dict[Edition | None, list[Edition]] = {edition: [edition] for edition in built}
    if built:
        shown_on[None] = list(built)
    for page, editions in shown_on.items():
        styles = editions[0].slug  # the stylesheets of an edition shown, at their address
        text = _templates.get_template("404.html").render(
            lang=editions[0].code,
            icon=_icon(),
            stylesheets=[config.site_url(f"{styles}/{sheet}") for sheet in FURO_STYLES
                         if _exists(config, styles, sheet)],
            front=config.site_url("index.html#editions"),
            editions=[_not_found_edition(config, e, built[e]) for e in editions],
        )
        write_if_changed(config.not_found_page(page), text)


def _not_found_edition(config: ProjectConfig, edition: Edition, pages: EditionPages) -> dict[str, Any]:
    return {"code": edition.code, "label": edition.label, "title": pages.title,
            "title_lang": pages.title_lang, "words": pages.words,
            "href": config.site_url(f"{edition.slug}/index.html"),
            "search": config.site_url(f"{edition.slug}/search.html")}


def write_sitemap(config: ProjectConfig, built: dict[Edition, EditionPages],
                  hidden: dict[str, frozenset[str]]) -> None:
    """``sitemap.xml`` (and numbered parts on a site of more than 50,000 pages)."""
    parts = sitemap.split(site_urls(config, built, hidden))
    if len(parts) == 1:
        write_if_changed(config.sitemap_path, sitemap.urlset(parts[0]))
        _remove_sitemap_parts(config, 1)
        return
    paths = [config.sitemap_part_path(number) for number in range(1, len(parts) + 1)]
    for path, part in zip(paths, parts):
        write_if_changed(path, sitemap.urlset(part))
    _remove_sitemap_parts(config, len(parts) + 1)
    locations = [config.site_url(path.relative_to(config.html_dir).as_posix()) for path in paths]
    write_if_changed(config.sitemap_path, sitemap.sitemap_index(locations))


def site_urls(config: ProjectConfig, built: dict[Edition, EditionPages],
              hidden: dict[str, frozenset[str]]) -> list[SitemapUrl]:
    """The front page, then every page of every edition, each with its alternates; a
    page translated under ``min_translated`` (``hidden``) is neither, nor are the
    listings of an edition whose index is."""
    front = config.site_url("index.html")
    homes = tuple((e.code, config.site_url(f"{e.slug}/index.html")) for e in built
                  if "index.html" not in hidden.get(e.code, ()))
    urls = [SitemapUrl(front, (*homes, ("x-default", front)))]

    def offered(edition: Edition, page: Page) -> bool:
        left_out = hidden.get(edition.code, frozenset())
        return page.uri not in left_out and not (page.listing and "index.html" in left_out)

    addresses: dict[str, dict[Edition, str]] = {}
    for edition, pages in built.items():
        for page in pages.pages:
            if offered(edition, page):
                addresses.setdefault(page.uri, {})[edition] = config.site_url(f"{edition.slug}/{page.uri}")
    for edition, pages in built.items():
        for page in pages.pages:
            if not offered(edition, page):
                continue
            same = addresses[page.uri]
            alternates = tuple((e.code, address) for e, address in same.items())
            urls.append(SitemapUrl(same[edition], (*alternates, ("x-default", front))))
    return urls


def robots_txt(config: ProjectConfig) -> str:
    return ("# Every page may be indexed; the sitemap lists them in every edition.\n"
            f"User-agent: *\nDisallow:\n\nSitemap: {config.site_url('sitemap.xml')}\n")


def _remove_findable(config: ProjectConfig) -> None:
    """Without base_url, files of an earlier build with one would point to a wrong site."""
    paths = [config.sitemap_path, config.robots_path, config.not_found_page(),
             *(config.not_found_page(e) for e in config.editions)]
    for path in paths:
        path.unlink(missing_ok=True)
    _remove_sitemap_parts(config, 1)


def _remove_sitemap_parts(config: ProjectConfig, first: int) -> None:
    """Numbered sitemaps from ``first`` on: left over from a larger site."""
    number = first
    while config.sitemap_part_path(number).is_file():
        config.sitemap_part_path(number).unlink()
        number += 1


def _static_folder(config: ProjectConfig) -> str:
    """The edition folder whose ``_static`` the front page borrows: the source's if built."""
    for edition in (config.source_edition, *config.editions):
        if (config.edition_html_dir(edition) / FRONT_SCRIPT).is_file():
            return edition.slug
    return config.source_edition.slug


def _exists(config: ProjectConfig, folder: str, path: str) -> bool:
    return (config.html_dir / folder / path).is_file()


def _icon() -> str:
    return "data:image/svg+xml," + quote(ICON.read_text(encoding="utf-8").strip())


def _script_json(value: object) -> Markup:
    """``value`` as a JavaScript literal that cannot end the ``<script>`` it is in."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
