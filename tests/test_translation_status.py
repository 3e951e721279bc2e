"""Honest translation status, on tests/roots/status (min_translated = 70): a page says how
much of it is translated, and a page under the threshold is not offered as a translation.

English catalogs: articles/half 2 of 6 messages (one fuzzy), articles/mostly 3 of 4,
articles/full and the index pages complete, articles/quotes has none.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import copy_root, translate_kit
from translate_kit.config import load_config
from translate_kit.errors import ConfigError
from translate_kit.publish import build_html

BASE = "https://news.example.org/zone/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_root("status", tmp_path_factory.mktemp("status"))
    result = build_html(load_config(root))
    assert result.ok, [b.run.output for b in result.editions]
    assert {b.edition.code: b.run.warnings for b in result.editions} == {
        "zh-Hant": (), "zh-Hans": (), "en": ()}
    return root


def page(root: Path, slug: str, name: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(root / "_build/html" / slug / f"{name}.html")).getroot()


def notice(tree: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(p.text_content().split())
            for p in tree.xpath("//p[contains(@class,'tk-translation-status')]")]


def alternates(tree: lxml.html.HtmlElement) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href")
            for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")}


def test_a_half_translated_page_says_how_much_in_english_and_links_the_original(root):
    tree = page(root, "en", "articles/half")
    assert notice(tree) == ["This page is 33.3 % translated; untranslated passages are shown "
                            "in Chinese. Read the original"]
    (status,) = tree.xpath("//p[contains(@class,'tk-translation-status')]")
    assert status.getprevious().tag == "h1"  # at the top, right under the title
    (link,) = status.xpath("a")
    assert link.get("href") == "../../zh-hant/articles/half.html"
    assert (root / "_build/html/en/articles" / link.get("href")).resolve() == (
        root / "_build/html/zh-hant/articles/half.html")


def test_the_page_figures_are_those_of_translate_kit_stats(root):
    stats = json.loads(translate_kit(root, "stats", "--json").stdout)
    (english,) = stats["editions"]
    figures = {d["docname"]: d["messages"]["percent"] for d in english["documents"]}
    assert figures["articles/half"] == 33.3 and figures["articles/mostly"] == 75.0
    assert notice(page(root, "en", "articles/mostly")) == [
        "This page is 75 % translated; untranslated passages are shown in Chinese. "
        "Read the original"]
    assert english["messages"]["percent"] == 66.6
    front = lxml.html.parse(str(root / "_build/html/index.html")).getroot()
    assert front.xpath("//li[@lang='en']/p[@class='tk-completeness']/text()") == ["66.6 % translated"]
    script = (root / "_build/html/translate-kit-completeness.js").read_text(encoding="utf-8")
    assert '({"en": "66.6"});' in script


def test_the_switcher_of_every_edition_reads_the_completeness_of_the_site(root):
    for slug in ("zh-hant", "zh-hans", "en"):
        tree = page(root, slug, "articles/full")
        assert tree.xpath("//nav[contains(@class,'tk-editions')]//span/@data-tk-completeness") == ["en"]
        (src,) = tree.xpath("//nav[contains(@class,'tk-editions')]//script/@src")
        assert src == "../../translate-kit-completeness.js"


def test_a_fully_translated_page_has_no_notice_and_every_alternate(root):
    tree = page(root, "en", "articles/full")
    assert notice(tree) == []
    assert tree.get("lang") == "en"
    assert alternates(tree) == {
        "zh-Hant": f"{BASE}zh-hant/articles/full.html", "zh-Hans": f"{BASE}zh-hans/articles/full.html",
        "en": f"{BASE}en/articles/full.html", "x-default": f"{BASE}index.html"}
    assert notice(page(root, "zh-hant", "articles/half")) == []  # the source is complete


def test_a_page_under_the_threshold_is_not_offered_as_a_translation(root):
    half = page(root, "en", "articles/half")
    assert half.get("lang") == "zh-Hant"  # what readers mostly get
    assert half.xpath("//h1/@lang") == ["en"]  # its translated title says it is English
    assert alternates(half) == {}
    for slug in ("zh-hant", "zh-hans"):
        assert alternates(page(root, slug, "articles/half")) == {
            "zh-Hant": f"{BASE}zh-hant/articles/half.html",
            "zh-Hans": f"{BASE}zh-hans/articles/half.html", "x-default": f"{BASE}index.html"}
    untranslated = page(root, "en", "articles/quotes")  # no catalog: 0 %
    assert untranslated.get("lang") == "zh-Hant" and alternates(untranslated) == {}


def test_the_threshold_comes_from_the_project(root):
    mostly = page(root, "en", "articles/mostly")  # 75 %: over min_translated = 70
    assert mostly.get("lang") == "en"
    assert "en" in alternates(mostly) and "en" in alternates(page(root, "zh-hant", "articles/mostly"))


def test_the_sitemap_leaves_out_pages_under_the_threshold(root):
    sitemap = etree.parse(str(root / "_build/html/sitemap.xml"))
    listed = set(sitemap.xpath("//s:loc/text()", namespaces=SITEMAP))
    assert f"{BASE}en/articles/mostly.html" in listed and f"{BASE}en/articles/full.html" in listed
    assert f"{BASE}en/articles/half.html" not in listed
    assert f"{BASE}en/articles/quotes.html" not in listed
    assert f"{BASE}zh-hant/articles/half.html" in listed
    hreflangs = sitemap.xpath(f"//s:url[s:loc='{BASE}zh-hant/articles/half.html']/x:link/@hreflang",
                              namespaces=SITEMAP)
    assert hreflangs == ["zh-Hant", "zh-Hans", "x-default"]


def test_min_translated_must_be_a_percentage(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("[project]\nmin_translated = 120\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[project\] min_translated must be a number from "
                                          r"0 to 100, not 120") as error:
        load_config(tmp_path)
    assert error.value.path == tmp_path.resolve() / "translate-kit.toml"
    (tmp_path / "translate-kit.toml").write_text("[project]\n", encoding="utf-8")
    assert load_config(tmp_path).min_translated == 80


def test_a_catalog_crossing_the_threshold_rewrites_the_pages_that_offer_it(tmp_path):
    root = copy_root("status", tmp_path)
    config = load_config(root)
    build_html(config)
    po = root / "locale/en/LC_MESSAGES/articles/half.po"
    text = po.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    for chinese, english in (("工程歷時兩年，比原定計畫提前完工。", "It took two years."),
                             ("啟用典禮上，市長向工人致謝。", "The mayor thanked the workers.")):
        text = text.replace(f'msgid "{chinese}"\nmsgstr ""', f'msgid "{chinese}"\nmsgstr "{english}"')
    po.write_text(text, encoding="utf-8")  # 5 of 6: 83.3 %
    result = build_html(config)
    assert [b.up_to_date for b in result.editions] == [False, False, False]
    assert alternates(page(root, "zh-hant", "articles/half"))["en"] == f"{BASE}en/articles/half.html"
    english = page(root, "en", "articles/half")
    assert english.get("lang") == "en" and "en" in alternates(english)
    assert notice(english)[0].startswith("This page is 83.3 % translated;")
