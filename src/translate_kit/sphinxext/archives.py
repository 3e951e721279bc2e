"""Listings readers browse an edition by: its index, archives by month, tags.

An article (a document with a ``date`` in its front matter) is collected when it is read,
with its first sentence as the edition gives it (converted, or translated) and its tags.
From those the HTML build writes, in every edition under the same names:

- on the index (the root document): the newest ``articles_per_page`` articles (date,
  title, first sentence), numbers of every older page (``page/<n>.html``), every year
  and month of the archive, and links to the tags and the feed;
- ``archive/index.html`` (years and months), ``archive/<yyyy>.html`` (its months),
  ``archive/<yyyy>-<mm>.html`` and its pages ``archive/<yyyy>-<mm>/<n>.html``;
- ``tags/index.html`` and per tag ``tags/<slug>.html`` (and ``tags/<slug>/<n>.html``).

So every article is at most three links from the index (index → month → its page →
article), and no page lists the whole archive: an article page carries only a fixed
"Browse" section in the sidebar.  The listings are extension pages, not documents: a page
is written again only when what it shows changed.  Every title, summary and tag comes
from articles and is escaped here.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from translate_kit.config import EditionKind
from translate_kit.files import write_if_changed
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.messages import _, ngettext
from translate_kit.sphinxext.script import edition_text
from translate_kit.tags import parse_tags, tag_slug

ENTRIES = "translate_kit_entries"
LISTED = "translate_kit_listed"
EDITION_FEED = "atom.xml"
MAX_SUMMARY = 160
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE = re.compile(r".+?(?:[。！？!?]|\.(?=\s|$))")


@dataclass(frozen=True)
class Entry:
    """What the listings and feeds show of one article."""

    docname: str
    date: datetime.date
    summary: str
    tags: tuple[str, ...]


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, at most ``MAX_SUMMARY`` characters."""
    text = " ".join(text.split())
    match = _SENTENCE.match(text)
    sentence = match[0] if match else text
    return sentence if len(sentence) <= MAX_SUMMARY else sentence[:MAX_SUMMARY - 1] + "…"


def entries(env: BuildEnvironment) -> dict[str, Entry]:
    if not hasattr(env, ENTRIES):
        setattr(env, ENTRIES, {})
    return getattr(env, ENTRIES)


def newest_first(app: Sphinx) -> list[Entry]:
    """Every article of the edition, newest first (then by title and name, as the index)."""
    found = sorted(entries(app.env).values(), key=lambda e: (title_of(app, e.docname), e.docname))
    return sorted(found, key=lambda e: e.date, reverse=True)


def title_of(app: Sphinx, docname: str) -> str:
    node = app.env.titles.get(docname)
    return node.astext() if node is not None else docname


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.current_document.docname
    metadata = env.metadata.get(docname, {})
    entries(env).pop(docname, None)
    try:
        day = datetime.date.fromisoformat(str(metadata.get("date", "")).strip())
    except ValueError:
        return  # not an article
    if docname == app.config.root_doc:
        return
    summary = ""
    for paragraph in doctree.findall(nodes.paragraph):
        if not any(isinstance(a, (nodes.docinfo, nodes.title, nodes.field_list))
                   for a in _ancestors(paragraph)) and paragraph.astext().strip():
            summary = first_sentence(paragraph.astext())
            break
    tags = parse_tags(metadata.get("tags"))
    entries(env)[docname] = Entry(docname, day, summary, tags)
    _kept_slugs(env).update((tag, _slug(tag)) for tag in tags)


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    while node.parent is not None:
        node = node.parent
        yield node


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    entries(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = entries(other)
    entries(env).update({d: theirs[d] for d in docnames if d in theirs})
    _kept_slugs(env).update(_kept_slugs(other))


# Names: every edition writes the same pages under the same names.

def index_page(app: Sphinx, number: int) -> str:
    return app.config.root_doc if number == 1 else f"page/{number}"


def month_page(day: datetime.date, number: int = 1) -> str:
    name = f"archive/{day.year:04d}-{day.month:02d}"
    return name if number == 1 else f"{name}/{number}"


def year_page(year: int) -> str:
    return f"archive/{year:04d}"


TAG_SLUGS = "translate_kit_tag_slugs"
_slugs: dict[str, str] = {}
"""Tag addresses worked out in this process, and those the environment kept
(``TAG_SLUGS``): a rebuild that meets no new tag need not romanize one."""


def _slug(tag: str) -> str:
    if tag not in _slugs:
        _slugs[tag] = tag_slug(tag)
    return _slugs[tag]


def _kept_slugs(env: BuildEnvironment) -> dict[str, str]:
    if not hasattr(env, TAG_SLUGS):
        setattr(env, TAG_SLUGS, {})
    return getattr(env, TAG_SLUGS)


def _known_slugs(app: Sphinx) -> None:
    _slugs.update(_kept_slugs(app.env))


def tag_page(tag: str, number: int = 1) -> str:
    name = f"tags/{_slug(tag)}"
    return name if number == 1 else f"{name}/{number}"


def tag_feed(tag: str) -> str:
    """The file of a tag's Atom feed, in the edition's directory."""
    return f"tags/{_slug(tag)}.xml"


ARCHIVE_PAGE = "archive/index"
TAGS_PAGE = "tags/index"


def tags_of(found: list[Entry]) -> dict[str, list[Entry]]:
    """Articles by tag (one spelling per tag: the first, newest article's)."""
    spelling: dict[str, str] = {}
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for entry in found:
        for tag in entry.tags:
            by_tag[spelling.setdefault(tag.casefold(), tag)].append(entry)
    return dict(by_tag)


@functools.cache
def edition_locale(code: str) -> Locale:
    """Babel's locale of an edition (``zh-Hant``), English for a code Babel lacks."""
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def edition_date(config: Config, day: datetime.date) -> str:
    """``day`` as the edition's readers write it (2026年11月27日, November 27, 2026)."""
    return _long_date(current_edition(config).code, day)


@functools.lru_cache(maxsize=4096)
def _long_date(code: str, day: datetime.date) -> str:
    """Babel's long date, once per day: the listings of a large archive show each many
    times."""
    return format_date(day, "long", locale=edition_locale(code))


class Writer:
    """The HTML of listings for one page of one edition: links relative to that page."""

    def __init__(self, app: Sphinx, pagename: str, uris: dict[str, str] | None = None) -> None:
        self.app, self.pagename = app, pagename
        self.uris = {} if uris is None else uris
        """Target URIs by name, shared by the pages of one build (a pager links them all)."""
        self.up = "../" * app.builder.get_target_uri(pagename).count("/")
        edition = current_edition(app.config)
        self.translation = edition.kind is EditionKind.TRANSLATION
        self.source_code = project_config(app.config).source_edition.code
        self.convert: Callable[[str], str] = edition_text(app.config)
        self.locale = edition_locale(edition.code)

    def href(self, target: str, page: bool = True) -> str:
        """The address of ``target`` (a page name, or a file's path in the edition)."""
        if not page:
            return html.escape(self.up + target)
        if target not in self.uris:
            self.uris[target] = html.escape(self.app.builder.get_target_uri(target))
        return self.up + self.uris[target]

    @staticmethod
    def text(words: str) -> str:
        return html.escape(words)

    def _lang(self, text: str) -> str:
        """``lang`` of source text left in a translation edition."""
        if self.translation and HAN.search(text):
            return f' lang="{html.escape(self.source_code)}"'
        return ""

    def tag_name(self, tag: str) -> str:
        shown = self.convert(tag)
        return f"<span{self._lang(shown)}>{html.escape(shown)}</span>"

    def date(self, day: datetime.date) -> str:
        return html.escape(edition_date(self.app.config, day))

    def month(self, day: datetime.date, skeleton: str = "yMMMM") -> str:
        return html.escape(format_skeleton(skeleton, day, locale=self.locale))

    def entry_list(self, found: list[Entry]) -> str:
        items = []
        for entry in found:
            title, summary = title_of(self.app, entry.docname), entry.summary
            items.append(
                f'<li><time datetime="{entry.date.isoformat()}">{self.date(entry.date)}</time> '
                f'<a class="reference internal" href="{self.href(entry.docname)}"'
                f'{self._lang(title)}>{html.escape(title)}</a>'
                + (f'<p class="tk-summary"{self._lang(summary)}>{html.escape(summary)}</p>'
                   if summary else "") + "</li>")
        return f'<ol class="tk-entries">{"".join(items)}</ol>'

    def pager(self, pages: list[str], current: int) -> str:
        if len(pages) < 2:
            return ""
        links = []
        for number, page in enumerate(pages, 1):
            if number == current:
                links.append(f'<span aria-current="page">{number}</span>')
            else:
                rel = ' rel="prev"' if number == current - 1 else (
                    ' rel="next"' if number == current + 1 else "")
                links.append(f'<a href="{self.href(page)}"{rel}>{number}</a>')
        label = self.text(_("Pages"))
        return f'<nav class="tk-pager" aria-label="{label}">{" ".join(links)}</nav>'

    def overview(self, months: dict[int, list[datetime.date]]) -> str:
        """Every year, each with its months, newest first."""
        rows = []
        for year in sorted(months, reverse=True):
            days = sorted(months[year], reverse=True)
            links = " ".join(f'<a href="{self.href(month_page(d))}">{self.month(d, "MMM")}</a>'
                             for d in days)
            rows.append(f'<li><a href="{self.href(year_page(year))}">'
                        f'{self.month(days[0], "y")}</a>: {links}</li>')
        return f'<ul class="tk-archive">{"".join(rows)}</ul>'


def _months(found: list[Entry]) -> dict[int, list[datetime.date]]:
    months: dict[int, set[datetime.date]] = defaultdict(set)
    for entry in found:
        months[entry.date.year].add(entry.date.replace(day=1))
    return {year: sorted(days) for year, days in months.items()}


def _chunks(found: list[Entry], size: int) -> list[list[Entry]]:
    return [found[i:i + size] for i in range(0, len(found), size)] or [[]]


def _articles(count: int) -> str:
    """A month's count of articles, in the form its number takes in the edition's language."""
    return ngettext("{count} article", "{count} articles", count).format(count=count)


def front_html(app: Sphinx, pagename: str) -> str:
    """What the edition's index shows under its own text."""
    found = newest_first(app)
    size = project_config(app.config).articles_per_page
    pages = [index_page(app, n) for n in range(1, len(_chunks(found, size)) + 1)]
    w = Writer(app, pagename)
    newest, archive, tags, feed = map(w.text, (_("Newest articles"), _("Archive"), _("Tags"),
                                               _("Atom feed")))
    return (
        f'<section class="tk-latest"><h2>{newest}</h2>{w.entry_list(found[:size])}'
        f'{w.pager(pages, 1)}</section>'
        f'<section class="tk-browse-archive"><h2>{archive}</h2>'
        f'{w.overview(_months(found))}'
        f'<p><a href="{w.href(TAGS_PAGE)}">{tags}</a> · '
        f'<a href="{w.href(EDITION_FEED, page=False)}" type="application/atom+xml">'
        f'{feed}</a></p></section>')


def listing_pages(app: Sphinx) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(pagename, title, body, extra context) of every listing page but the index."""
    found = newest_first(app)
    size = project_config(app.config).articles_per_page
    root_title = title_of(app, app.config.root_doc)
    uris: dict[str, str] = {}

    def paged(first: Callable[[int], str], title: str, items: list[Entry],
              head: Callable[[Writer], str] | None = None,
              extra: dict[str, Any] | None = None, skip_first: bool = False
              ) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        chunks = _chunks(items, size)
        pages = [first(n) for n in range(1, len(chunks) + 1)]
        for number, chunk in enumerate(chunks, 1):
            if number == 1 and skip_first:
                continue
            w = Writer(app, pages[number - 1], uris)
            shown = title if number == 1 else f"{title} — " + _("page {number}").format(number=number)
            body = (f'<h1>{html.escape(shown)}</h1>{head(w) if head else ""}'
                    f'{w.entry_list(chunk)}{w.pager(pages, number)}')
            yield pages[number - 1], shown, body, extra or {}

    yield from paged(lambda n: index_page(app, n), root_title, found, skip_first=True)
    months = _months(found)
    w = Writer(app, ARCHIVE_PAGE, uris)
    archive = _("Archive")
    yield ARCHIVE_PAGE, archive, f"<h1>{w.text(archive)}</h1>{w.overview(months)}", {}
    by_month: dict[datetime.date, list[Entry]] = defaultdict(list)
    for entry in found:
        by_month[entry.date.replace(day=1)].append(entry)
    for year, days in months.items():
        w = Writer(app, year_page(year), uris)
        rows = "".join(
            f'<li><a href="{w.href(month_page(d))}">{w.month(d)}</a> '
            f'({w.text(_articles(len(by_month[d])))})</li>' for d in sorted(days, reverse=True))
        title = format_skeleton("y", days[0], locale=w.locale)
        yield year_page(year), title, f'<h1>{html.escape(title)}</h1><ul class="tk-months">{rows}</ul>', {}
    for day, items in by_month.items():
        title = format_skeleton("yMMMM", day, locale=w.locale)
        yield from paged(lambda n, d=day: month_page(d, n), title, items)
    by_tag = tags_of(found)
    w = Writer(app, TAGS_PAGE, uris)
    ranked = sorted(by_tag, key=lambda t: (-len(by_tag[t]), t))
    rows = "".join(f'<li><a href="{w.href(tag_page(t))}">{w.tag_name(t)}</a> ({len(by_tag[t])})</li>'
                   for t in ranked)
    tags = _("Tags")
    yield TAGS_PAGE, tags, f'<h1>{w.text(tags)}</h1><ul class="tk-tags">{rows}</ul>', {}
    for tag, items in by_tag.items():
        title = _("Tag: {tag}").format(tag=edition_text(app.config)(tag))

        def feed_link(w: Writer, tag: str = tag) -> str:
            feed = w.text(_("Atom feed"))
            return (f'<p><a href="{w.href(tag_feed(tag), page=False)}" type="application/atom+xml">'
                    f'{feed}</a></p>')

        yield from paged(lambda n, t=tag: tag_page(t, n), title, items, head=feed_link,
                         extra={"translate_kit_tag": tag})


def _fingerprint_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "translate-kit-listings.json"


def _chrome(app: Sphinx) -> str:
    """What else a listing page shows: configuration and templates."""
    info = getattr(app.builder, "build_info", None)
    templates = getattr(app.builder, "templates", None)
    mtime = templates.newest_template_mtime() if templates is not None else 0
    return repr((getattr(info, "config_hash", ""), getattr(info, "tags_hash", ""), mtime))


def _collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The listing pages whose content changed (or whose file is missing)."""
    if app.builder.name != "html":
        return
    known = set(app.env.all_docs)
    try:
        before = json.loads(_fingerprint_file(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    chrome, now = _chrome(app), {}
    outdir = Path(app.outdir)
    for pagename, title, body, extra in listing_pages(app):
        if pagename in known:
            continue  # a document of that name wins
        digest = hashlib.sha256(repr((chrome, title, body, extra)).encode()).hexdigest()
        now[pagename] = [digest, title]
        target = outdir / app.builder.get_target_uri(pagename)
        if before.get(pagename, [""])[0] == digest and target.is_file():
            continue
        yield pagename, {"title": title, "body": body, "translate_kit_every_edition": True,
                         "display_toc": False, **extra}, "page.html"
    write_if_changed(_fingerprint_file(app), json.dumps(now, sort_keys=True), durable=False)


def written_listings(app: Sphinx) -> dict[str, str]:
    """Name -> title of every listing page the last HTML build wrote or kept."""
    try:
        found = json.loads(_fingerprint_file(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: value[1] for name, value in found.items() if isinstance(value, list)}


def _listed(app: Sphinx) -> str:
    found = newest_first(app)
    data = [(e.docname, e.date.isoformat(), title_of(app, e.docname), e.summary, e.tags)
            for e in found]
    return hashlib.sha256(repr(data).encode()).hexdigest()


def _index_outdated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The index shows the newest articles: written again when the listing changed."""
    now, before = _listed(app), getattr(env, LISTED, None)
    setattr(env, LISTED, now)
    return [app.config.root_doc] if before is not None and before != now else []


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    if app.builder.name != "html":
        return
    w = Writer(app, pagename)
    if pagename == app.config.root_doc and "body" in context:
        context["body"] += front_html(app, pagename)
    context["translate_kit_browse_title"] = _("Browse")
    context["translate_kit_browse"] = [
        {"href": w.href(index_page(app, 1)), "label": _("Newest articles")},
        {"href": w.href(ARCHIVE_PAGE), "label": _("Archive")},
        {"href": w.href(TAGS_PAGE), "label": _("Tags")},
        {"href": w.href(EDITION_FEED, page=False), "label": _("Atom feed"),
         "type": "application/atom+xml"},
    ]


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _known_slugs)
    app.connect("doctree-read", _collect, priority=600)  # after Sphinx's metadata and titles
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _index_outdated)
    app.connect("html-collect-pages", _collect_pages)
    app.connect("html-page-context", _page_context, priority=450)
