"""End-to-end: build the small three-edition site of tests/roots/multi and read its HTML."""

import json
import re
from pathlib import Path

import lxml.html
import opencc
import pytest
from babel.messages.pofile import read_po

from conftest import copy_root
from translate_kit.publish import build_html
from translate_kit.publish.sphinx_run import LOWER_PRIORITY, SphinxJob, niceness
from translate_kit.config import load_config
from translate_kit.script import read_phrases

EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
PAGES = ["index", "articles/index", "articles/a001", "articles/a002", "search", "genindex"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    config = load_config(copy_root("multi", tmp_path_factory.mktemp("site")))
    result = build_html(config)
    assert result.ok, [b.run.output for b in result.editions]
    return result


def page(site, slug, name="articles/a001"):
    return lxml.html.parse(str(site.outdir / slug / f"{name}.html")).getroot()


def article_text(tree):
    return " ".join(tree.xpath("//article")[0].text_content().split())


def test_every_edition_builds_without_warnings(site):
    assert [b.edition.code for b in site.editions] == ["zh-Hant", "zh-Hans", "en"]
    assert {b.edition.code: b.run.warnings for b in site.editions} == {
        "zh-Hant": (), "zh-Hans": (), "en": ()}


def test_chooser_links_every_edition_and_matches_browser_languages(site):
    chooser = lxml.html.parse(str(site.chooser)).getroot()
    links = {a.get("hreflang"): a.get("href") for a in chooser.xpath("//*[@id='editions']//h2/a")}
    assert links == {code: f"{slug}/index.html" for slug, code in EDITIONS.items()}
    assert all((site.outdir / href).is_file() for href in links.values())
    script = chooser.xpath("//script[not(@src)]")[0].text
    assert '"zh-tw": "zh-hant/index.html"' in script and '"zh-cn": "zh-hans/index.html"' in script
    (src,) = chooser.xpath("//script/@src")
    assert (site.outdir / src).is_file()


@pytest.mark.parametrize("slug", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_switcher_links_lead_to_the_same_page_in_every_edition(site, slug, name):
    path = site.outdir / slug / f"{name}.html"
    links = lxml.html.parse(str(path)).getroot().xpath("//nav[contains(@class,'tk-editions')]//a[@hreflang]")
    assert {a.get("hreflang") for a in links} == set(EDITIONS.values())
    for a in links:
        href = a.get("href")
        assert not href.startswith(("/", "http")) and href.endswith(".html")
        target = (path.parent / href).resolve()
        assert target == (site.outdir / EDITIONS_BY_CODE[a.get("hreflang")] / f"{name}.html").resolve()
        assert target.is_file()


EDITIONS_BY_CODE = {code: slug for slug, code in EDITIONS.items()}


@pytest.mark.parametrize("slug", EDITIONS)
def test_every_page_names_its_icon_so_browsers_do_not_ask_for_favicon_ico(site, slug):
    chooser = lxml.html.parse(str(site.chooser)).getroot()
    assert chooser.xpath("//link[@rel='icon']/@href")[0].startswith("data:image/svg+xml,")
    for name in PAGES:
        (icon,) = page(site, slug, name).xpath("//link[contains(@rel, 'icon')]/@href")
        path = site.outdir / slug / Path(name).parent / icon
        assert path.resolve().is_file() and path.read_text(encoding="utf-8").startswith("<svg")


@pytest.mark.parametrize("slug, code", EDITIONS.items())
def test_html_lang_and_hreflang_alternates(site, slug, code):
    tree = page(site, slug)
    assert tree.get("lang") == code
    alternates = {l.get("hreflang"): l.get("href") for l in tree.xpath("//link[@rel='alternate'][@hreflang]")}
    # The English page is translated 75 %, under min_translated (80): not offered.
    assert alternates == ({} if code == "en" else {
        **{c: f"../../{s}/articles/a001.html" for s, c in EDITIONS.items() if c != "en"},
        "x-default": "../../index.html",
    })


def traditional_only():
    convert = opencc.OpenCC("t2s.json").convert
    return {chr(c) for c in range(0x3400, 0xA000) if convert(chr(c)) != chr(c)}


def deliberately_kept(root):
    """Characters the project's own corrections write in the simplified edition."""
    kept = set("".join(read_phrases(root / "locale/zh_Hans/phrases.txt").values()))
    for po in (root / "locale/zh_Hans/LC_MESSAGES").rglob("*.po"):
        with po.open("rb") as handle:
            kept |= {c for m in read_po(handle) if m.id for c in m.string}
    return kept


def test_simplified_edition_has_no_traditional_characters_outside_code(site):
    forbidden = traditional_only() - deliberately_kept(site.outdir.parent.parent)
    assert "於" not in forbidden and "說" in forbidden
    for path in (site.outdir / "zh-hans").rglob("*.html"):
        tree = lxml.html.parse(str(path)).getroot()
        for element in tree.xpath("//pre | //code | //script | //style | //*[@lang and @lang!='zh-Hans']"):
            element.drop_tree()
        text = tree.text_content() + " ".join(tree.xpath("//meta/@content | //@title | //@alt"))
        assert not (set(text) & forbidden), (path, sorted(set(text) & forbidden))


def test_conversion_leaves_code_urls_and_labels_alone(site):
    tree = page(site, "zh-hans")
    assert "區域,產值,備註" in tree.xpath("//pre")[0].text_content()
    assert [c.text_content() for c in tree.xpath("//article//code")] == ["資料/統計.csv"]
    hrefs = tree.xpath("//article//a/@href")
    assert "https://example.com/%E9%96%8B%E7%99%BC%E5%8D%80/%E5%A0%B1%E5%B0%8E.html" in hrefs
    assert "#economy-report" in hrefs and tree.xpath("//section[@id='economy-report']")


def test_titles_toctree_and_chrome_are_converted(site):
    tree = page(site, "zh-hans")
    # The site is named by the edition's own root-page title, without " documentation".
    assert tree.findtext(".//title") == "经济开发区发展报导 - 开发区新闻选集"
    assert page(site, "zh-hant").findtext(".//title") == "經濟開發區發展報導 - 開發區新聞選集"
    index = page(site, "zh-hans", "articles/index")
    assert [a.text_content() for a in index.xpath("//article//li/a")] == ["经济开发区发展报导", "体育馆开放"]
    assert page(site, "zh-hans", "index").xpath("//article//p[@class='caption']")[0].text_content() == "文章"
    description = "//meta[@name='description']/@content"
    assert page(site, "zh-hans", "articles/a002").xpath(description) == ["新建体育馆开放的报导"]
    assert tree.xpath("//input[@name='q']/@placeholder") == ["搜索"]
    assert page(site, "zh-hant").xpath("//input[@name='q']/@placeholder") == ["搜尋"]
    assert page(site, "en").xpath("//input[@name='q']/@placeholder") == ["Search"]


@pytest.mark.parametrize("slug, words", [
    ("zh-hant", {"上一頁", "下一頁", "回到頂部"}),
    ("zh-hans", {"上一页", "下一页", "回到顶部"}),
    ("en", {"Previous", "Next", "Back to top"}),
])
def test_theme_navigation_words_are_in_the_edition_language(site, slug, words):
    spans = {s.text_content().strip() for s in page(site, slug, "articles/index").xpath("//span")}
    assert words <= spans


def test_glossary_and_catalog_override_win_over_opencc(site):
    plain = opencc.OpenCC("t2s.json").convert
    assert plain("工人們著急地加班") == "工人们著急地加班"  # the OpenCC mistake
    assert plain("於先生說") == "于先生说"  # 於 as a surname
    text = article_text(page(site, "zh-hans"))
    assert "工人们着急地加班" in text  # locale/zh_Hans/phrases.txt
    assert "於先生说，工厂的订单太多，大家都很着急。" in text  # the per-message .po entry
    assert "于先生" not in text and "著急" not in text


def test_translated_passages_are_english_and_the_rest_is_marked_chinese(site):
    tree = page(site, "en")
    paragraphs = {p.text_content(): p.get("lang") for p in tree.xpath("//article//p")}
    assert paragraphs["The zone’s economy grew fast this year; many companies came here to invest."] is None
    assert paragraphs["為了趕上進度，工人們著急地加班，這樣的情況在開發區並不少見。"] == "zh-Hant"
    assert tree.xpath("//h2/span/@lang") == ["zh-Hant"]  # its translation is fuzzy
    assert "Statistics (draft)" not in article_text(tree)
    assert tree.xpath("//h1")[0].get("lang") is None
    assert "This page is 75 % translated" in article_text(tree)  # translate-kit stats' figure


def test_a_page_without_catalog_says_it_is_untranslated(site):
    text = article_text(page(site, "en", "articles/a002"))
    assert "This page is 0 % translated" in text and "體育館開放" in text
    index = page(site, "en", "articles/index")
    entries = {a.text_content(): a.xpath("span/@lang") for a in index.xpath("//article//li/a")}
    assert entries == {"Report on the Economic Development Zone": [], "體育館開放": ["zh-Hant"]}
    nxt = page(site, "en").xpath("//a[contains(@class,'next-page')]//span[@lang]")
    assert [(s.text, s.get("lang")) for s in nxt] == [("體育館開放", "zh-Hant")]
    assert "translated" not in article_text(page(site, "zh-hans", "articles/a002"))


def test_article_date_and_source_under_the_title(site):
    meta = page(site, "zh-hans").xpath("//p[contains(@class,'tk-article-meta')]")[0]
    assert meta.text_content() == "日期：2024年3月15日 · 来源：泰州日报"
    assert meta.getprevious().tag == "h1"
    source = page(site, "en").xpath("//span[contains(@class,'tk-source')]")[0]
    assert source.get("lang") == "zh-Hant" and source.text == "泰州日報"
    assert page(site, "en").xpath("//span[contains(@class,'tk-date')]/@lang") == []


def test_sidebar_has_no_global_navigation(site):
    tree = page(site, "zh-hant", "articles/a002")
    sidebar = tree.xpath("//div[contains(@class,'sidebar-container')]")[0]
    assert not [a for a in sidebar.xpath(".//a/@href") if "a001" in a]
    assert tree.xpath("//nav[contains(@class,'tk-editions')]")


def search_records(site, slug):
    """The page records of an edition's search index: {address: (title, text)}."""
    records = {}
    for path in (site.outdir / slug / "_search" / "d").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        record = json.loads(re.fullmatch(r"TKSearch\.page\(\d+,(.*)\);\s*", text, re.S).group(1))
        records[record["u"]] = (record["t"], record["x"])
    return records


def test_search_results_show_each_edition_its_own_script(site):
    assert search_records(site, "zh-hans")["articles/a001.html"][0] == "经济开发区发展报导"
    title, text = search_records(site, "zh-hant")["articles/a001.html"]
    assert title == "經濟開發區發展報導" and "許多企業來這裡投資" in text
    assert search_records(site, "en")["articles/a001.html"][0] == "Report on the Economic Development Zone"


@pytest.mark.parametrize("slug", EDITIONS)
def test_search_page_uses_a_stemmer_its_script_defines(site, slug):
    script = (site.outdir / slug / "_static" / "language_data.js").read_text(encoding="utf-8")
    stemmer = re.search(r"window\.Stemmer = (\w+);", script)
    assert stemmer is None or re.search(rf"\b(var|const|let|class) {stemmer[1]}\b", script)


def test_the_search_page_loads_the_sharded_index_not_sphinx_whole_one(site):
    scripts = [s.get("src", "") for s in page(site, "zh-hant", "search").xpath("//script")]
    for name in ("translate-kit-fold.js", "translate-kit-search.js", "language_data.js"):
        assert any(name in src for src in scripts)
    assert not any("searchindex.js" in src or "searchtools.js" in src for src in scripts)
    assert (site.outdir / "zh-hant" / "_search" / "meta.js").is_file()
    assert not any("translate-kit-search.js" in s.get("src", "")
                   for s in page(site, "en").xpath("//script"))


def test_no_pdf_link_without_a_pdf(site):
    assert not page(site, "zh-hans").xpath("//*[contains(@class,'tk-pdf')]")
    assert not (site.outdir / "pdf").exists()


def test_every_page_of_the_translation_names_its_catalog_and_links_to_edit_it(site):
    notice = page(site, "en").xpath("//p[contains(@class,'tk-translation-catalog')]")[0]
    assert notice.text_content() == (
        "Catalog: locale/en/LC_MESSAGES/articles/a001.po · Edit this translation")
    assert notice.xpath(".//a/@href") == [
        "https://translate.example.org/news/articles/a001/en/?file=locale/en/LC_MESSAGES/articles/a001.po"]
    assert "tk-translation-status" in notice.getprevious().get("class")  # under the status
    index = page(site, "en", "index").xpath("//p[contains(@class,'tk-translation-catalog')]")
    assert index[0].text_content().startswith("Catalog: locale/en/LC_MESSAGES/index.po")
    assert not page(site, "zh-hans").xpath("//p[contains(@class,'tk-translation-catalog')]")


def test_each_passage_shown_untranslated_leads_to_its_catalog_entry(site):
    tree = page(site, "en")
    marked = {span.text_content(): (span.get("data-tk-catalog"), span.get("data-tk-state"),
                                    span.get("title"))
              for span in tree.xpath("//article//span[contains(@class,'tk-untranslated')]")}
    catalog = "locale/en/LC_MESSAGES/articles/a001.po"
    assert marked["統計資料"] == (  # its translation is fuzzy
        f"{catalog}:16", "fuzzy", f"Fuzzy translation waiting for review: {catalog}:16")
    assert marked["為了趕上進度，工人們著急地加班，這樣的情況在開發區並不少見。"] == (
        catalog, "missing", f"Not in the catalog yet (run translate-kit update): {catalog}")
    assert not [text for text in marked if "economy" in text or "Mr Yu" in text]


def test_with_more_editions_than_cores_the_quicker_ones_yield_to_the_translation(tmp_path):
    """Three editions on two cores: English (which parses every translated message once
    more) keeps a core to itself rather than sharing one and ending alone."""
    config = load_config(copy_root("multi", tmp_path))
    jobs = [SphinxJob(config.edition(code), "html", tmp_path) for code in ("zh-Hant", "zh-Hans", "en")]
    assert niceness(jobs, cores=2) == [LOWER_PRIORITY, LOWER_PRIORITY, 0]
    assert niceness(jobs, cores=3) == [0, 0, 0]
    assert niceness(jobs, cores=1) == [LOWER_PRIORITY] * 3  # one core: all alike
