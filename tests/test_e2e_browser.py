"""A reader in headless Chromium: chooser, switcher and PDF (search: test_search_browser), served and from file://.

Every test runs against the one site build of ``conftest.site`` (the repository's own
project), once served over loopback HTTP and once opened from the files, and ends by
checking that the browser logged no error and opened no dialog.  One screenshot of an
article page per edition goes to ``test-artifacts/``.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from pypdf import PdfReader

from conftest import ARTIFACTS, SAMPLE_DOC, Tab

pytestmark = [pytest.mark.browser, pytest.mark.tex]

ORIGINS = ("http", "file")
EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
SAMPLE = SAMPLE_DOC
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


@pytest.mark.parametrize("origin", ORIGINS)
def test_the_chooser_sends_a_reader_to_their_edition_and_lists_every_edition(site, tab, origin):
    page = tab.open(site.url(origin, "index.html"), wait_until="commit")
    page.wait_for_url("**/zh-hant/index.html")  # the browser asks for zh-TW
    assert tab.lang() == "zh-Hant"

    tab.open(site.url(origin, "index.html#editions"))
    labels = page.locator("#editions a").all_inner_texts()
    assert labels == ["繁體中文", "简体中文", "English"]
    page.click('#editions a[hreflang="zh-Hans"]')
    page.wait_for_url("**/zh-hans/index.html")
    assert tab.lang() == "zh-Hans"
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
    link = page.locator(".tk-pdf a")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert PdfReader(BytesIO(response.body())).trailer["/Root"]["/Lang"] == EDITIONS[slug]

    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"translate-kit-{slug}.pdf"
    assert Path(download.value.path()).read_bytes() == response.body()
    assert_clean(tab)


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_pdf_link_of_the_files_points_at_the_edition_pdf(site, tab, slug):
    page = tab.open(site.url("file", f"{slug}/{SAMPLE}.html"))
    target = urlparse(page.locator(".tk-pdf a").evaluate("a => a.href"))
    assert target.scheme == "file"
    pdf = Path(unquote(target.path))
    assert pdf.name == f"translate-kit-{slug}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert_clean(tab)


@pytest.mark.parametrize("origin", ORIGINS)
def test_no_page_of_any_edition_logs_an_error(site, tab, origin):
    pages = sorted(p.relative_to(site.html).as_posix() for p in site.html.glob("*/**/*.html")
                   if "_static" not in p.parts and "_sources" not in p.parts)
    assert len(pages) >= len(EDITIONS) * 4
    for name in pages:
        tab.open(site.url(origin, name))
    assert_clean(tab)
