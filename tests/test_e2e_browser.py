"""A reader in headless Chromium: front page, switcher, PDF, EPUB and 404 pages (search:
test_search_browser), served and from file://.

Every test runs against the one site build of ``conftest.site`` (the repository's own
project), once served over loopback HTTP and once opened from the files, and ends by
checking that the browser logged no error and opened no dialog.  One screenshot of an
article page per edition goes to ``test-artifacts/``.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pypdf import PdfReader

from conftest import ARTIFACTS, SAMPLE_DOC, Site, Tab

pytestmark = [pytest.mark.browser, pytest.mark.tex]

ORIGINS = ("http", "file")
EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
SAMPLE = SAMPLE_DOC
VOLUME = "2026-11"  # the month of the sample article: its PDF volume, the newest
SAMPLE_TITLES = {  # the repository's sample article, as each edition titles it
    "zh-Hant": "泰州經濟開發區召開項目招引建設專題會議",
    "zh-Hans": "泰州经济开发区召开项目招引建设专题会议",
    "en": "Taizhou Economic Development Zone Holds Special Meeting on Attracting and Building Projects",
}


def heading(tab: Tab) -> str:
    """The article's title as shown (without the ¶ anchor Sphinx adds)."""
    return tab.page.eval_on_selector("article h1", "h => h.firstChild.textContent")


def assert_clean(tab: Tab) -> None:
    assert tab.errors == []
    assert tab.dialogs == []


def forget_the_chosen_edition(tab: Tab, site: Site, origin: str) -> None:
    """Clear what the browser remembers of an earlier pick (per origin: http, file)."""
    tab.open(site.url(origin, "index.html#editions"))
    tab.page.evaluate("localStorage.removeItem('translate-kit-edition')")


@pytest.mark.parametrize("origin", ORIGINS)
def test_the_front_page_sends_a_reader_to_their_edition_and_lists_every_edition(site, tab, origin):
    forget_the_chosen_edition(tab, site, origin)
    page = tab.open(site.url(origin, "index.html"), wait_until="commit")
    page.wait_for_url("**/zh-hant/index.html")  # the browser asks for zh-TW
    assert tab.lang() == "zh-Hant"

    tab.open(site.url(origin, "index.html#editions"))
    labels = page.locator("#editions h2 a").all_inner_texts()
    assert labels == ["繁體中文", "简体中文", "English"]
    page.click('#editions h2 a[hreflang="zh-Hans"]')
    page.wait_for_url("**/zh-hans/index.html")
    assert tab.lang() == "zh-Hans"
    forget_the_chosen_edition(tab, site, origin)
    assert_clean(tab)


@pytest.mark.parametrize("origin", ORIGINS)
def test_a_reader_who_picks_an_edition_is_sent_there_next_time_and_can_always_choose(
        site, tab, origin):
    forget_the_chosen_edition(tab, site, origin)
    page = tab.page
    page.click('#editions h2 a[hreflang="en"]')  # picked on the front page
    page.wait_for_url("**/en/index.html")
    tab.open(site.url(origin, "index.html"), wait_until="commit")
    page.wait_for_url("**/en/index.html")  # not zh-hant, which the browser's language asks for

    tab.open(site.url(origin, f"en/{SAMPLE}.html"))
    page.click('nav.tk-editions a[hreflang="zh-Hans"]')  # picked in the switcher
    page.wait_for_url(f"**/zh-hans/{SAMPLE}.html")
    tab.open(site.url(origin, "index.html"), wait_until="commit")
    page.wait_for_url("**/zh-hans/index.html")

    page.click("nav.tk-editions a.tk-chooser")  # "all editions" on every page: no redirect
    page.wait_for_url("**/index.html#editions")
    page.wait_for_load_state("load")
    assert page.url == site.url(origin, "index.html#editions")
    assert page.locator("#editions h2 a").count() == 3
    forget_the_chosen_edition(tab, site, origin)
    assert_clean(tab)


@pytest.mark.parametrize("origin", ORIGINS)
def test_the_switcher_leads_to_the_same_article_in_every_edition(site, tab, origin):
    page = tab.open(site.url(origin, "zh-hant/index.html"))
    page.click(f'article a[href="{SAMPLE}.html"]')
    for slug, code in [*EDITIONS.items(), ("zh-hant", "zh-Hant")]:
        if not page.url.endswith(f"/{slug}/{SAMPLE}.html"):
            page.click(f'nav.tk-editions a[hreflang="{code}"]')
        page.wait_for_url(f"**/{slug}/{SAMPLE}.html")
        assert tab.lang() == code
        assert heading(tab) == SAMPLE_TITLES[code]
        if origin == "http":
            shot = ARTIFACTS / f"article-{slug}.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot))
            print(f"screenshot: {shot}")
    assert_clean(tab)


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_pdf_link_serves_the_edition_pdf(site, tab, slug):
    page = tab.open(site.url("http", f"{slug}/{SAMPLE}.html"))
    article, link = page.locator(".tk-pdf a").first, page.locator(".tk-pdf a").last
    own = page.request.get(article.evaluate("a => a.href"))
    assert own.ok and own.body().startswith(b"%PDF")
    assert PdfReader(BytesIO(own.body())).metadata["/Title"] == heading(tab)
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert PdfReader(BytesIO(response.body())).trailer["/Root"]["/Lang"] == EDITIONS[slug]

    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"translate-kit-{slug}-{VOLUME}.pdf"
    assert Path(download.value.path()).read_bytes() == response.body()
    assert_clean(tab)


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_pdf_link_of_the_files_points_at_the_edition_pdf(site, tab, slug):
    page = tab.open(site.url("file", f"{slug}/{SAMPLE}.html"))
    for link, name in ((".first", f"{SAMPLE.rpartition('/')[2]}.pdf"),
                       (".last", f"translate-kit-{slug}-{VOLUME}.pdf")):
        locator = getattr(page.locator(".tk-pdf a"), link.lstrip("."))
        target = urlparse(locator.evaluate("a => a.href"))
        assert target.scheme == "file"
        pdf = Path(unquote(target.path))
        assert pdf.name == name
        assert pdf.read_bytes().startswith(b"%PDF")
    assert_clean(tab)


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_epub_link_serves_the_article_epub(site, tab, slug):
    page = tab.open(site.url("http", f"{slug}/{SAMPLE}.html"))
    link = page.locator(".tk-epub a").first
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    book = zipfile.ZipFile(BytesIO(response.body()))
    assert book.read("mimetype") == b"application/epub+zip"
    assert f'<dc:language>{EDITIONS[slug]}</dc:language>' in book.read("content.opf").decode()

    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{SAMPLE.rsplit('/', 1)[-1]}.epub"
    front = tab.open(site.url("http", "index.html#editions"))
    card = front.locator(f'#editions > li[lang="{EDITIONS[slug]}"]')
    assert card.locator("a.tk-epub").get_attribute("href") == f"epub/translate-kit-{slug}-{VOLUME}.epub"
    assert card.locator("a.tk-pdf").get_attribute("href") == f"pdf/translate-kit-{slug}-{VOLUME}.pdf"
    assert_clean(tab)


@pytest.mark.parametrize("wrong, slug, heading, query", [
    ("zh-hant/a/b/c/missing.html", "zh-hant", "找不到這一頁", "招商"),
    ("en/articles/no-such-article.html", "en", "Page not found", "Taizhou"),
])
def test_a_wrong_address_at_any_depth_gets_the_edition_404_page_whose_links_work(
        site, tab, wrong, slug, heading, query):
    response = tab.page.goto(site.url("http", wrong))
    page = tab.page
    assert response.status == 404
    assert tab.lang() == EDITIONS[slug]
    assert page.locator("h1").inner_text() == heading
    # furo's stylesheets are found from any depth: the page has its colours
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--color-foreground-primary')")
    page.fill('input[name="q"]', query)
    page.press('input[name="q"]', "Enter")
    page.wait_for_url(f"**/{slug}/search.html?q=*")
    page.wait_for_selector(f'ul.search li a[href^="{SAMPLE}.html"]')
    page.go_back()
    page.click(f'main a[href$="/{slug}/index.html"]')
    page.wait_for_url(f"**/{slug}/index.html")
    assert tab.errors_besides_not_found(site.url("http", wrong)) == []
    assert tab.dialogs == []


def test_a_wrong_address_outside_the_editions_gets_the_site_404_page(site, tab):
    wrong = site.url("http", "no/such/page.html")
    response = tab.page.goto(wrong)
    assert response.status == 404
    assert tab.page.locator("h1").inner_text() == "找不到這一頁 · 找不到这一页 · Page not found"
    tab.page.click('section[lang="zh-Hans"] a')
    tab.page.wait_for_url("**/zh-hans/index.html")
    assert tab.errors_besides_not_found(wrong) == []


@pytest.mark.parametrize("origin", ORIGINS)
def test_no_page_of_any_edition_logs_an_error(site, tab, origin):
    pages = sorted(p.relative_to(site.html).as_posix() for p in site.html.glob("*/**/*.html")
                   if "_static" not in p.parts and "_sources" not in p.parts)
    assert len(pages) >= len(EDITIONS) * 4
    for name in pages:
        tab.open(site.url(origin, name))
    assert_clean(tab)
