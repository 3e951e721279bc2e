"""A reader searching in headless Chromium, served and from file://.

Words, names, compounds and phrases of the sample article, typed in either script, find
it in both Chinese editions, and the result shows the words in the edition's own script;
English words still find English pages; and of two articles, the one whose title holds
the query comes first, though the other is newer.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from conftest import ROOTS, SAMPLE_DOC, Site, Tab, static_host
from translate_kit.config import load_config
from translate_kit.publish import build_html

ORIGINS = ("http", "file")
QUERIES = {  # as the zh-Hant edition writes them: as the zh-Hans edition writes them
    "經濟": "经济",
    "開發區": "开发区",
    "經濟開發區": "经济开发区",
    "綜合保稅區": "综合保税区",
    "張小兵": "张小兵",
    "項目招引": "项目招引",
    "招商渠道": "招商渠道",
    "區黨工委書記張小兵出席": "区党工委书记张小兵出席",
}


def results(tab: Tab, url: str) -> list[str]:
    """The addresses (without ?highlight=) of the results the search page lists."""
    page = tab.open(url)
    page.wait_for_selector("#search-results .search-summary:not(:empty)")
    return [href.split("?")[0] for href in
            page.eval_on_selector_all("ul.search li > a", "links => links.map(a => a.getAttribute('href'))")]


def highlighted(tab: Tab, href: str) -> set[str]:
    item = tab.page.locator("ul.search li", has=tab.page.locator(f'a[href^="{href}?"]'))
    return set(item.locator("span.highlighted").all_inner_texts())


def assert_clean(tab: Tab) -> None:
    assert tab.errors == []
    assert tab.dialogs == []


@pytest.mark.tex
@pytest.mark.browser
@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("slug", ["zh-hant", "zh-hans"])
def test_the_sample_is_found_by_its_words_in_either_script(site: Site, tab: Tab, origin, slug):
    article = f"{SAMPLE_DOC}.html"
    for traditional, simplified in QUERIES.items():
        shown = traditional if slug == "zh-hant" else simplified
        for query in (traditional, simplified):
            found = results(tab, site.url(origin, f"{slug}/search.html?q={query}"))
            assert article in found, (query, found)
            assert highlighted(tab, article) == {shown}, query
    assert_clean(tab)


@pytest.mark.tex
@pytest.mark.browser
@pytest.mark.parametrize("origin", ORIGINS)
def test_the_search_box_leads_to_the_article_with_its_words_highlighted(site: Site, tab: Tab, origin):
    page = tab.open(site.url(origin, f"zh-hant/{SAMPLE_DOC}.html"))
    page.fill('input[name="q"]', "经济开发区")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url("**/zh-hant/search.html?q=*")
    assert page.input_value('input[name="q"]') == "经济开发区"
    page.click(f'ul.search li a[href^="{SAMPLE_DOC}.html"]')
    page.wait_for_url(f"**/zh-hant/{SAMPLE_DOC}.html*")
    marks = set(page.locator("article span.highlighted").all_inner_texts())
    assert marks == {"經濟開發區"}
    assert_clean(tab)


@pytest.mark.tex
@pytest.mark.browser
@pytest.mark.parametrize("origin", ORIGINS)
def test_english_words_still_find_english_pages(site: Site, tab: Tab, origin):
    for query in ("economic development", "Developments", "TAIZHOU"):
        assert "index.html" in results(tab, site.url(origin, f"en/search.html?q={query}")), query
    assert results(tab, site.url(origin, "en/search.html?q=economic+volcano")) == []
    assert tab.page.inner_text(".search-summary") == "No page contains all of these words."
    assert_clean(tab)


@pytest.fixture(scope="module")
def ranking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """tests/roots/search-ranking with an English edition built (no PDFs), served over
    loopback HTTP."""
    root = tmp_path_factory.mktemp("ranking") / "project"
    shutil.copytree(ROOTS / "search-ranking", root)
    with (root / "translate-kit.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[[editions]]\ncode = "en"\nlabel = "English"\nkind = "translation"\n')
    with (root / "docs" / "articles" / "mention.md").open("a", encoding="utf-8") as article:
        article.write("\n館內另設游泳池。\n")  # a second paragraph: not on the front page
    built = build_html(load_config(root))
    assert built.ok, [b.run.output for b in built.editions]
    with static_host(root / "_build" / "html") as address:
        yield Site(root, "", address)


@pytest.mark.browser
@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("slug, one, three", [
    ("zh-hant", "找到 1 篇相符的文章。", "找到 3 篇相符的文章。"),  # one form in Chinese
    ("en", "Found 1 page.", "Found 3 pages."),
])
def test_the_count_of_results_takes_the_form_of_its_number(ranking, tab, origin, slug, one, three):
    summaries = []
    for query, expected in (("游泳池", 1), ("綜合保稅區", 3)):  # the front page lists both articles
        assert len(results(tab, ranking.url(origin, f"{slug}/search.html?q={query}"))) == expected
        summaries.append(tab.page.inner_text(".search-summary"))
    assert summaries == [one, three]
    assert_clean(tab)


@pytest.mark.browser
@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("slug", ["zh-hant", "zh-hans"])
def test_an_article_titled_with_the_query_comes_before_a_newer_mention(ranking, tab, origin, slug):
    for query in ("綜合保稅區", "综合保税区", "保稅"):
        found = results(tab, ranking.url(origin, f"{slug}/search.html?q={query}"))
        assert found[:2] == ["articles/title.html", "articles/mention.html"], query
    assert results(tab, ranking.url(origin, f"{slug}/search.html?q=體育館"))[0] == "articles/mention.html"
    assert_clean(tab)
