"""Hostile text, end to end: an article and a catalog that try to inject markup and script.

``conftest.site`` imports ``fixtures/hostile/hostile-article.txt`` with ``translate-kit
import``, creates its catalog with ``update``, fills it with ``HOSTILE_TRANSLATIONS`` and
builds the site with its PDFs.  The article's text must be shown and printed as text; the
hostile translations must be reported by ``check`` and published nowhere.
"""

from __future__ import annotations

import subprocess

import lxml.html
import pytest
import yaml
from babel.messages.pofile import read_po

from conftest import (
    HOSTILE_DATE, HOSTILE_SOURCE, HOSTILE_TITLE_EN, HOSTILE_TRANSLATIONS, SAMPLE_DOC, Site, Tab,
    translate_kit,
)

pytestmark = pytest.mark.tex  # the shared site is built with its PDFs

EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
TITLE = HOSTILE_SOURCE.read_text(encoding="utf-8").splitlines()[0]
"""The first line, with its script tag: the importer takes it as the title."""
LITERAL = (  # source lines as the importer keeps them (ASCII untouched), in every PDF
    "<script>window.tkInjected = 1; alert(1)</script>",
    '<img src=x onerror="window.tkInjected = 2; alert(2)">',
    '{raw}`html`<b id="tk-raw-role" onmouseover="alert(3)">',
    "```{raw} html",
    '<script id="tk-raw-block">window.tkInjected = 3; alert(4)</script>',
    "See [x](javascript:window.tkInjected=4) and \\input{/etc/hostname} here.",
    "\\input{/etc/hostname}",
    "date: 1999-01-01",
)
INJECTED = (
    "//article//*[@*[starts-with(name(), 'on')] or self::script or self::img or self::iframe"
    " or self::object or starts-with(translate(@href, 'JAVASCRIPT', 'javascript'), 'javascript:')]"
)
"""What no article may add to a page (Sphinx and furo put none of these in one)."""


def article(site: Site, slug: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site.html / slug / f"{site.hostile_doc}.html")).getroot()


def test_front_matter_lookalikes_stay_article_text(site):
    text = (site.root / "docs" / f"{site.hostile_doc}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert (meta["title"], meta["date"]) == (TITLE, HOSTILE_DATE)
    body = " ".join(article(site, "zh-hant").xpath("//article")[0].text_content().split())
    assert "title：假標題" in body and "date: 1999-01-01" in body


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_pages_carry_no_injected_markup(site, slug):
    page = article(site, slug)
    assert page.xpath(INJECTED) == []
    assert page.xpath("//*[starts-with(@id, 'tk-raw-')]") == []
    inline = [s.text_content() for s in page.xpath("//script[not(@src)]")]
    assert all("tkInjected" not in code and "alert" not in code for code in inline)


def test_the_source_edition_shows_the_text_as_it_was_written(site):
    page = article(site, "zh-hant")
    assert page.xpath("//article//h1")[0].text == TITLE
    assert page.xpath("//title")[0].text.startswith(TITLE)
    body = " ".join(page.xpath("//article")[0].text_content().split())
    for line in LITERAL:
        assert line in body


@pytest.mark.parametrize("slug", EDITIONS)
def test_the_pdfs_print_the_text_literally(site, slug):
    pdf = site.root / "_build" / "pdf" / f"translate-kit-{slug}-{HOSTILE_DATE[:7]}.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    # The English edition's smart quotes curl straight quotes, in fallback passages too.
    for line in (line for line in LITERAL if slug != "en" or '"' not in line):
        assert line in text
    if slug != "en":  # the English edition has the title translated
        assert "<script>alert(9)</script>" in text  # the title, as printed in its heading


def test_check_names_every_hostile_translation_by_file_and_line(site):
    done = translate_kit(site.root, "check", "--no-warnings")
    assert done.returncode == 1
    with site.hostile_catalog.open("rb") as handle:
        hostile = [m for m in read_po(handle) if m.id and m.string not in ("", HOSTILE_TITLE_EN)]
    assert len(hostile) == len(HOSTILE_TRANSLATIONS) - 1
    catalog = site.hostile_catalog.relative_to(site.root).as_posix()
    unsafe = {line.split(": error: ")[0] for line in done.stdout.splitlines() if "unsafe" in line}
    assert unsafe == {f"{catalog}:{m.lineno}" for m in hostile}


def test_the_build_publishes_the_safe_translation_and_none_of_the_hostile_ones(site):
    page = article(site, "en")
    assert page.xpath("//article//h1")[0].text == HOSTILE_TITLE_EN
    html = (site.html / "en" / f"{site.hostile_doc}.html").read_text(encoding="utf-8")
    catalog = site.hostile_catalog.read_text(encoding="utf-8")  # what the build was given
    for marker in ("pwned", "alert(11)", "alert(12)", "alert(13)", "alert(14)", "tkInjected=15"):
        assert marker in catalog and marker not in html


@pytest.mark.browser
@pytest.mark.parametrize("origin", ("http", "file"))
@pytest.mark.parametrize("slug", EDITIONS)
def test_the_browser_runs_no_injected_script(site, tab: Tab, slug, origin):
    scripts = "[...document.scripts].map(s => s.getAttribute('src') || s.textContent)"
    page = tab.open(site.url(origin, f"{slug}/{SAMPLE_DOC}.html"))
    sample_scripts = page.evaluate(scripts)
    tab.open(site.url(origin, f"{slug}/{site.hostile_doc}.html"))
    page.hover("article p:last-child")
    assert page.evaluate("typeof window.tkInjected") == "undefined"
    assert page.locator(f"xpath={INJECTED}").count() == 0
    assert page.evaluate(scripts) == sample_scripts  # Sphinx's own scripts, nothing more
    expected_title = HOSTILE_TITLE_EN if slug == "en" else "<script>alert(9)</script>"
    assert expected_title in page.title()
    assert tab.dialogs == []
    assert tab.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("origin", ("http", "file"))
def test_search_lists_the_hostile_title_as_text(site, tab: Tab, origin):
    page = tab.open(site.url(origin, "zh-hant/search.html?q=惡意"))
    result = page.locator(f'ul.search li a[href^="{site.hostile_doc}.html"]')
    assert result.inner_text() == TITLE
    assert page.locator("xpath=//ul[contains(@class, 'search')]//script").count() == 0
    assert tab.dialogs == []
    assert tab.errors == []
