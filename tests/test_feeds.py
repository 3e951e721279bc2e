"""Atom feeds per edition and per tag (tests/roots/multi with tags and a hostile title),
built once without and once with base_url."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree

from conftest import build_editions, copy_root, set_base_url
from translate_kit.tags import tag_slug

BASE = "https://news.example.org/taizhou/"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
HOSTILE_TITLE = "<script>alert(1)</script> 新聞"


def tagged_project(destination: Path) -> Path:
    """The multi project; its articles tagged 經濟 (and 體育), plus one hostile article."""
    root = copy_root("multi", destination)
    articles = root / "docs" / "articles"
    for name, tags in (("a001", "[經濟]"), ("a002", "[經濟, 體育]")):
        path = articles / f"{name}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "---\ndate:", f"---\ntags: {tags}\ndate:", 1), encoding="utf-8")
    (articles / "a003.md").write_text(
        "---\ndate: 2024-04-05\ntags: ['<b>粗</b>']\n---\n\n"
        "# \\<script\\>alert(1)\\</script\\> 新聞\n\n\\<img src=x onerror=alert(2)\\>的報導。\n",
        encoding="utf-8")
    index = articles / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("a002\n", "a002\na003\n"),
                     encoding="utf-8")
    return root


def feeds(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.glob("*/**/*.xml"))}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes], Path]:
    """The feeds without base_url, then with it (the second site stays on disk).

    The second build is of a second copy of the project: the extension reads
    ``translate-kit.toml`` once per process, as each ``sphinx-build`` is a process of its own.
    """
    relative = feeds(build_editions(tagged_project(tmp_path_factory.mktemp("feeds"))))
    root = tagged_project(tmp_path_factory.mktemp("feeds-base-url"))
    set_base_url(root, BASE)
    site = build_editions(root)
    return relative, feeds(site), site


def parsed(data: bytes) -> feedparser.FeedParserDict:
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_every_edition_and_tag_has_a_feed_that_feedparser_reads_without_complaint(builds):
    relative, absolute, _ = builds
    economy, sport, bold = tag_slug("經濟"), tag_slug("體育"), tag_slug("<b>粗</b>")
    expected = {f"{slug}/{name}" for slug in ("zh-hant", "zh-hans", "en")
                for name in ("atom.xml", f"tags/{economy}.xml", f"tags/{sport}.xml",
                             f"tags/{bold}.xml")}
    assert set(relative) == set(absolute) == expected
    for data in [*relative.values(), *absolute.values()]:
        parsed(data)


def test_feed_entries_are_newest_first_with_dates_language_and_summaries_in_the_script(builds):
    _, absolute, _ = builds
    hans = parsed(absolute["zh-hans/atom.xml"])
    assert etree.fromstring(absolute["zh-hans/atom.xml"]).get(
        "{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert [e.title for e in hans.entries] == ["<script>alert(1)</script> 新闻", "体育馆开放", "经济开发区发展报导"]
    assert [e.updated for e in hans.entries] == [
        "2024-04-05T00:00:00+00:00", "2024-04-02T00:00:00+00:00", "2024-03-15T00:00:00+00:00"]
    assert hans.feed.updated == "2024-04-05T00:00:00+00:00"
    assert hans.entries[2].summary == "开发区今年的经济发展很快，许多企业来这里投资。"
    hant = parsed(absolute["zh-hant/atom.xml"])
    assert hant.entries[2].summary == "開發區今年的經濟發展很快，許多企業來這裡投資。"
    english = parsed(absolute["en/atom.xml"])
    assert etree.fromstring(absolute["en/atom.xml"]).get(
        "{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert english.entries[2].title == "Report on the Economic Development Zone"
    assert english.entries[2].summary == (
        "The zone\u2019s economy grew fast this year; many companies came here to invest.")


def test_ids_do_not_change_between_builds_and_links_are_absolute_with_base_url(builds):
    relative, absolute, _ = builds
    for name in relative:
        before, after = parsed(relative[name]), parsed(absolute[name])
        assert [e.id for e in before.entries] == [e.id for e in after.entries]
        assert before.feed.id == after.feed.id
        assert all(e.id.startswith("urn:uuid:") for e in after.entries)
    tree = etree.fromstring(relative["zh-hant/atom.xml"])
    assert tree.xpath("a:entry/a:link/@href", namespaces=ATOM)[2] == "articles/a001.html"
    tag_feed = f"zh-hant/tags/{tag_slug('經濟')}.xml"
    assert etree.fromstring(relative[tag_feed]).xpath(
        "a:entry/a:link/@href", namespaces=ATOM) == ["../articles/a002.html", "../articles/a001.html"]
    tree = etree.fromstring(absolute["zh-hant/atom.xml"])
    assert tree.xpath("a:entry/a:link/@href", namespaces=ATOM)[2] == f"{BASE}zh-hant/articles/a001.html"
    assert tree.xpath("a:link[@rel='self']/@href", namespaces=ATOM) == [f"{BASE}zh-hant/atom.xml"]
    # Each edition's entry is its own: the same article has another id in another edition.
    assert parsed(absolute["en/atom.xml"]).entries[0].id != parsed(absolute["zh-hant/atom.xml"]).entries[0].id


def test_a_tag_feed_lists_only_that_tags_articles(builds):
    _, absolute, _ = builds
    feed = parsed(absolute[f"zh-hans/tags/{tag_slug('經濟')}.xml"])
    assert feed.feed.title == "开发区新闻选集: 标签：经济"
    assert [e.title for e in feed.entries] == ["体育馆开放", "经济开发区发展报导"]


def test_every_page_advertises_the_feed_and_a_tag_page_its_tags(builds):
    _, _, site = builds
    for page in ("index.html", "articles/a001.html", "search.html", "archive/2024-03.html"):
        tree = lxml.html.parse(str(site / "en" / page)).getroot()
        links = tree.xpath("//head/link[@type='application/atom+xml']/@href")
        depth = page.count("/")
        assert links == ["../" * depth + "atom.xml"], page
    tag_page = site / "zh-hant" / "tags" / f"{tag_slug('經濟')}.html"
    links = lxml.html.parse(str(tag_page)).getroot().xpath(
        "//head/link[@rel='alternate'][@type='application/atom+xml']")
    assert [(link.get("href"), link.get("title")) for link in links] == [
        ("../atom.xml", "開發區新聞選集"), (f"{tag_slug('經濟')}.xml", "標籤：經濟")]


def test_hostile_titles_and_tags_stay_text_in_feeds(builds):
    _, absolute, _ = builds
    data = absolute[f"zh-hant/tags/{tag_slug('<b>粗</b>')}.xml"]
    assert b"<script>" not in data and b"<b>" not in data and b"<img" not in data
    feed = parsed(data)
    assert feed.entries[0].title == HOSTILE_TITLE
    assert feed.entries[0].summary == "<img src=x onerror=alert(2)>的報導。"
    assert re.search(rb"<title[^>]*>&lt;script&gt;alert\(1\)&lt;/script&gt; \xe6\x96\xb0\xe8\x81\x9e</title>", data)
