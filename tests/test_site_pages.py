"""The site's own pages: the front page, and with base_url the sitemap, robots.txt,
canonical links and 404 pages (tests/roots/multi, built once with a public address)."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import FIXTURES, copy_root, set_base_url, translate_kit
from translate_kit.config import load_config
from translate_kit.publish import build_html
from translate_kit.publish.sitemap import SitemapUrl, sitemap_index, split

BASE = "https://news.example.org/taizhou/"
EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
PAGES = ("index.html", "articles/index.html", "articles/a001.html", "articles/a002.html")
LISTINGS = ("archive/index.html", "archive/2024.html", "archive/2024-03.html",
            "archive/2024-04.html", "tags/index.html")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small site with base_url (given without its final slash) and one EPUB."""
    root = copy_root("multi", tmp_path_factory.mktemp("site-pages"))
    set_base_url(root, "https://news.example.org/taizhou")
    config = load_config(root)
    config.epub_path(config.edition("zh-Hans")).parent.mkdir(parents=True)
    config.epub_path(config.edition("zh-Hans")).write_bytes(b"an EPUB")
    result = build_html(config)
    assert result.ok and result.notes == ()
    return root / "_build" / "html"


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(path)).getroot()


def test_the_sitemap_follows_the_sitemaps_org_schema(site):
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "sitemap" / "sitemap.xsd")))
    document = etree.parse(str(site / "sitemap.xml"))
    assert schema.validate(document), schema.error_log


def test_the_sitemap_lists_every_page_with_its_alternates_and_x_default(site):
    document = etree.parse(str(site / "sitemap.xml"))
    listed = {}
    for url in document.xpath("//s:url", namespaces=SITEMAP_NS):
        (loc,) = url.xpath("s:loc/text()", namespaces=SITEMAP_NS)
        links = url.xpath("x:link[@rel='alternate']", namespaces=SITEMAP_NS)
        listed[loc] = {link.get("hreflang"): link.get("href") for link in links}
        assert len(links) == len(listed[loc])  # no language twice
    # No English page reaches min_translated (80 %): they are not listed, nor are the
    # English listings (its index is not offered).  The listings readers browse the
    # other editions by are.
    expected = {BASE + "index.html": {
        "zh-Hant": BASE + "zh-hant/index.html", "zh-Hans": BASE + "zh-hans/index.html",
        "x-default": BASE + "index.html"}}
    for slug in ("zh-hant", "zh-hans"):
        for page in (*PAGES, *LISTINGS):
            expected[f"{BASE}{slug}/{page}"] = {
                "zh-Hant": f"{BASE}zh-hant/{page}", "zh-Hans": f"{BASE}zh-hans/{page}",
                "x-default": BASE + "index.html"}
    assert listed == expected


def test_a_site_of_more_than_50000_pages_gets_a_sitemap_index():
    urls = [SitemapUrl(f"https://a.example/{n}.html") for n in range(5)]
    assert [len(part) for part in split(urls, limit=2)] == [2, 2, 1]
    assert split([], limit=2) == [[]]
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "sitemap" / "sitemap.xsd")))
    index = etree.fromstring(sitemap_index(["https://a.example/sitemap-1.xml",
                                            "https://a.example/sitemap-2.xml"]))
    assert schema.validate(index), schema.error_log
    assert index.xpath("//s:loc/text()", namespaces=SITEMAP_NS) == [
        "https://a.example/sitemap-1.xml", "https://a.example/sitemap-2.xml"]


def test_robots_txt_allows_everything_and_names_the_sitemap(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        "# Every page may be indexed; the sitemap lists them in every edition.\n"
        "User-agent: *\nDisallow:\n\nSitemap: https://news.example.org/taizhou/sitemap.xml\n")


@pytest.mark.parametrize("slug", EDITIONS)
def test_every_page_names_its_canonical_address(site, slug):
    for page in (*PAGES, "search.html", "genindex.html"):
        (canonical,) = html(site / slug / page).xpath("//link[@rel='canonical']/@href")
        assert canonical == f"{BASE}{slug}/{page}"
    assert html(site / "index.html").xpath("//link[@rel='canonical']/@href") == [BASE + "index.html"]


@pytest.mark.parametrize("slug", EDITIONS)
def test_every_page_names_its_alternates_by_their_full_address(site, slug):
    # The English catalogs of tests/roots/multi are under min_translated (80 %): a001 is
    # translated 75 %, the other pages have no catalog.  Their pages offer no alternates,
    # and the other editions do not offer them.
    for page in PAGES:
        links = html(site / slug / page).xpath("//link[@rel='alternate'][@hreflang]")
        assert {link.get("hreflang"): link.get("href") for link in links} == ({} if slug == "en" else {
            "zh-Hant": f"{BASE}zh-hant/{page}", "zh-Hans": f"{BASE}zh-hans/{page}",
            "x-default": BASE + "index.html"})
    front = html(site / "index.html").xpath("//link[@rel='alternate']")
    assert {link.get("hreflang"): link.get("href") for link in front} == {
        "zh-Hant": f"{BASE}zh-hant/index.html", "zh-Hans": f"{BASE}zh-hans/index.html",
        "x-default": BASE + "index.html"}


@pytest.mark.parametrize("slug, heading, home", [
    ("zh-hant", "找不到這一頁", "本版首頁：開發區新聞選集"),
    ("zh-hans", "找不到这一页", "本版首页：开发区新闻选集"),
    ("en", "Page not found", "Home of this edition: 開發區新聞選集"),
])
def test_each_edition_has_a_404_page_in_its_language_with_absolute_links(site, slug, heading, home):
    page = html(site / slug / "404.html")
    assert page.get("lang") == EDITIONS[slug]
    assert page.xpath("string(//h1)") == heading
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    addresses = page.xpath("//a/@href | //link/@href | //form/@action")
    addresses.remove(page.xpath("//link[@rel='icon']/@href")[0])  # inline data: URI
    assert addresses and all(address.startswith(BASE) for address in addresses)
    (link,) = page.xpath(f"//a[@href='{BASE}{slug}/index.html']")
    assert " ".join(link.text_content().split()) == home
    assert page.xpath("//form/@action") == [f"{BASE}{slug}/search.html"]
    assert page.xpath(f"//a[@href='{BASE}index.html#editions']")


def test_the_site_root_has_a_404_page_in_every_language(site):
    page = html(site / "404.html")
    assert [span.get("lang") for span in page.xpath("//h1/span")] == list(EDITIONS.values())
    assert page.xpath("string(//h1)") == "找不到這一頁 · 找不到这一页 · Page not found"
    assert sorted(page.xpath("//section//a/@href")) == sorted(
        f"{BASE}{slug}/index.html" for slug in EDITIONS)


def test_the_front_page_shows_each_edition_with_its_title_newest_articles_and_downloads(site):
    front = html(site / "index.html")
    assert front.xpath("string(//h1)") == "開發區新聞選集"
    cards = front.xpath("//ul[@id='editions']/li")
    assert [card.get("lang") for card in cards] == list(EDITIONS.values())
    assert [card.xpath("string(h2)") for card in cards] == ["繁體中文", "简体中文", "English"]
    assert [card.xpath("string(p[1])") for card in cards] == [
        "開發區新聞選集", "开发区新闻选集", "開發區新聞選集"]
    assert cards[2].xpath("p[1]/@lang") == ["zh-Hant"]  # the English title is not translated yet
    newest = [[(a.get("href"), a.text, a.get("lang")) for a in card.xpath(".//ul//a")] for card in cards]
    assert newest == [
        [("zh-hant/articles/a002.html", "體育館開放", None),
         ("zh-hant/articles/a001.html", "經濟開發區發展報導", None)],
        [("zh-hans/articles/a002.html", "体育馆开放", None),
         ("zh-hans/articles/a001.html", "经济开发区发展报导", None)],
        [("en/articles/a002.html", "體育館開放", "zh-Hant"),
         ("en/articles/a001.html", "Report on the Economic Development Zone", None)],
    ]
    assert [card.xpath(".//time/text()") for card in cards] == [["2024-04-02", "2024-03-15"]] * 3
    assert [card.xpath("string(h3)") for card in cards] == ["最新文章", "最新文章", "Newest articles"]
    downloads = [[(a.text, a.get("href")) for a in card.xpath(".//*[@class='tk-downloads']/a")]
                 for card in cards]
    assert downloads == [[], [("下载 EPUB", "epub/translate-kit-zh-hans.epub")], []]
    assert (site / "epub" / "translate-kit-zh-hans.epub").read_bytes() == b"an EPUB"


@pytest.mark.parametrize("slug", EDITIONS)
def test_an_epub_is_linked_from_every_page_of_its_edition_when_it_exists(site, slug):
    for page in PAGES:
        links = html(site / slug / page).xpath("//*[contains(@class,'tk-epub')]/a")
        if slug != "zh-hans":
            assert links == []
            continue
        (link,) = links
        assert link.text == "下载 EPUB" and link.get("download") is not None
        assert (site / slug / page).parent.joinpath(link.get("href")).resolve() == (
            site / "epub" / "translate-kit-zh-hans.epub").resolve()


def test_without_base_url_none_are_written_and_the_build_says_so_once(site, tmp_path):
    root = tmp_path / "multi"
    shutil.copytree(site.parent.parent, root)  # the built site, with its sitemap and 404s
    site = root / "_build" / "html"
    config = root / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'base_url = "https://news.example.org/taizhou"\n', ""), encoding="utf-8")
    done = translate_kit(root, "build", "html")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (done.stdout + done.stderr).count("no base_url") == 1
    for name in ("sitemap.xml", "robots.txt", "404.html", *(f"{slug}/404.html" for slug in EDITIONS)):
        assert not (site / name).exists(), name
    for slug in EDITIONS:
        assert html(site / slug / "articles/a001.html").xpath("//link[@rel='canonical']") == []
    assert html(site / "index.html").xpath("//link[@rel='canonical']") == []
