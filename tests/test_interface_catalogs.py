"""The site's own words as gettext catalogs: shipped with the extension, chosen by each
edition's language, and a new language is a .po file that ``check`` lints and ``stats``
counts.  The builds run in this process (``sphinx.testing``), one edition each."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import build, copy_root, translate_kit, with_article
from sphinx.errors import ConfigError

from translate_kit.catalogs.check import check_interface
from translate_kit.catalogs.interface import (
    SHIPPED_DIR,
    candidates,
    interface_template,
    template_path,
)
from translate_kit.catalogs.interface_update import read_interface, update_interface
from translate_kit.catalogs.pofile_io import iter_messages, read_catalog
from translate_kit.catalogs.stats import collect_interface_stats
from translate_kit.cli import main
from translate_kit.config import load_config

FRENCH = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Editions"
msgstr "Éditions"

msgid "Browse"
msgstr "Parcourir"

msgid "Tag: {tag}"
msgstr "Étiquette : {tag}"

msgid "Archive"
msgstr "Archives"

msgid "{count} article"
msgid_plural "{count} articles"
msgstr[0] "{count} billet"
msgstr[1] "{count} billets"
"""
TAGGED_ARTICLE = """\
---
date: 2024-03-16
tags: [經濟]
---

# 經濟簡報

開發區經濟穩定。
"""
SOURCE_EDITION = """\
[[editions]]
code = "zh-Hant"
label = "繁體中文"
kind = "source"
sphinx_language = "zh_TW"
"""
FRENCH_EDITION = SOURCE_EDITION + """
[[editions]]
code = "fr"
label = "Français"
kind = "translation"
"""
HONG_KONG_EDITION = SOURCE_EDITION + """
[[editions]]
code = "zh-HK"
label = "香港版"
kind = "script"
sphinx_language = "zh_HK"
"""

def french_project(root: Path, catalog: str) -> tuple[Path, Path]:
    """``root`` (a copy of ``multi``) with a French edition and no catalogs but ``catalog``,
    the project's French interface catalog (returned with the root)."""
    (root / "translate-kit.toml").write_text(FRENCH_EDITION, encoding="utf-8")
    shutil.rmtree(root / "locale")
    po = root / "locale" / "interface" / "fr" / "LC_MESSAGES" / "translate_kit.po"
    po.parent.mkdir(parents=True)
    po.write_text(catalog, encoding="utf-8")
    return root, po


def words(html: Path, name: str = "articles/a001") -> dict[str, str]:
    """The interface words a reader sees on one page."""
    page = lxml.html.fromstring((html / f"{name}.html").read_bytes())

    def text(xpath: str) -> str:
        return " ".join(page.xpath(f"string({xpath})").split())

    return {
        "switcher": text("//nav[contains(@class, 'tk-editions')]//span[@class='caption-text']"),
        "browse": text("//nav[contains(@class, 'tk-browse')]//span[@class='caption-text']"),
        "archive": text("//nav[contains(@class, 'tk-browse')]//li[2]/a"),
        "feed": text("//nav[contains(@class, 'tk-browse')]//li[4]/a"),
        "date": text("//p[contains(@class, 'tk-article-meta')]/text()[1]"),
        "next": text("//a[contains(@class, 'next-page')]//div[@class='context']"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The HTML of one edition of ``multi``, building each edition once."""
    root = copy_root("multi", tmp_path_factory.mktemp("interface"))
    done: dict[str, Path] = {}

    def html(code: str) -> Path:
        if code not in done:
            out = tmp_path_factory.mktemp(code)
            build(root, out, code)
            done[code] = out / "html"
        return done[code]

    return html


@pytest.mark.parametrize("code, expected", [
    ("zh-Hant", {"switcher": "語言版本", "browse": "瀏覽", "archive": "文章彙整",
                 "feed": "Atom 訂閱", "date": "日期：", "next": "下一頁"}),
    ("zh-Hans", {"switcher": "语言版本", "browse": "浏览", "archive": "文章汇整",
                 "feed": "Atom 订阅", "date": "日期：", "next": "下一页"}),
    ("en", {"switcher": "Editions", "browse": "Browse", "archive": "Archive",
            "feed": "Atom feed", "date": "Date:", "next": "Next"}),
])
def test_each_edition_shows_the_interface_in_its_language(built, code, expected):
    assert words(built(code)) == expected


@pytest.mark.parametrize("code, results, found, plural", [
    # one form in Chinese; English: "page" for 1 result, "pages" for 0 and 2 to 4
    ("zh-Hant", "搜尋結果", '["找到 {count} 篇相符的文章。"]', "00000"),
    ("zh-Hans", "搜寻结果", '["找到 {count} 篇相符的文章。"]', "00000"),
    ("en", "Search results", '["Found {count} page.", "Found {count} pages."]', "10111"),
])
def test_the_search_page_hands_its_script_the_editions_words(built, code, results, found, plural):
    """The script is given each form of the count of results, and which form serves each
    count up to the edition's 4 pages (the front page, two articles and their listing)."""
    page = lxml.html.fromstring((built(code) / "search.html").read_bytes())
    [box] = page.xpath("//div[@id='search-results']")
    assert (box.get("data-results"), box.get("data-found"), box.get("data-found_plural")) == (
        results, found, plural)


@pytest.mark.parametrize("code, second_page, pager, months", [
    ("zh-Hant", "開發區新聞選集 — 第 2 頁", "頁次", ["2024年4月 (1 篇)", "2024年3月 (2 篇)"]),
    ("zh-Hans", "开发区新闻选集 — 第 2 页", "页次", ["2024年4月 (1 篇)", "2024年3月 (2 篇)"]),
    ("en", "開發區新聞選集 — page 2", "Pages",  # the title has no translation yet
     ["April 2024 (1 article)", "March 2024 (2 articles)"]),
])
def test_the_listings_count_and_page_in_the_editions_words(tmp_path, code, second_page, pager,
                                                          months):
    root = with_article(copy_root("multi", tmp_path), "a003", TAGGED_ARTICLE)
    with (root / "translate-kit.toml").open("a", encoding="utf-8") as toml:
        toml.write("articles_per_page = 1\n")
    build(root, tmp_path / "out", code)
    html = tmp_path / "out" / "html"
    page = lxml.html.fromstring((html / "page" / "2.html").read_bytes())
    assert page.findtext(".//h1") == second_page
    assert page.xpath("//nav[contains(@class, 'tk-pager')]/@aria-label") == [pager]
    year = lxml.html.fromstring((html / "archive" / "2024.html").read_bytes())
    assert [" ".join(li.text_content().split())
            for li in year.xpath("//ul[@class='tk-months']/li")] == months


def test_a_translation_edition_explains_its_untranslated_passages_in_its_language(built):
    page = lxml.html.fromstring((built("en") / "articles/a001.html").read_bytes())

    def text(cls: str) -> str:
        return page.xpath(f"string(//p[contains(@class, '{cls}')])")

    assert text("tk-translation-status") == ("This page is 75 % translated; untranslated "
                                             "passages are shown in Chinese.")
    assert text("tk-translation-catalog") == ("Catalog: locale/en/LC_MESSAGES/articles/a001.po"
                                              " · Edit this translation")
    hints = {span.get("title") for span in page.xpath("//article//span[@data-tk-state]")}
    assert hints == {
        "Not in the catalog yet (run translate-kit update): locale/en/LC_MESSAGES/articles/a001.po",
        "Fuzzy translation waiting for review: locale/en/LC_MESSAGES/articles/a001.po:16",
    }


def test_a_hong_kong_edition_writes_the_traditional_words_in_its_own_standard(tmp_path):
    """zh_HK is served by the source edition's zh_Hant catalog, converted as the articles are."""
    root = copy_root("multi", tmp_path)
    (root / "translate-kit.toml").write_text(HONG_KONG_EDITION, encoding="utf-8")
    shutil.rmtree(root / "locale")
    build(root, tmp_path / "out", "zh-HK")
    seen = words(tmp_path / "out" / "html")
    assert (seen["switcher"], seen["feed"]) == ("語言版本", "Atom 訂閲")  # 訂閱 in zh_Hant


def test_a_new_language_is_a_po_file_in_the_project(tmp_path):
    root, po = french_project(with_article(copy_root("multi", tmp_path), "a003", TAGGED_ARTICLE),
                              FRENCH)
    build(root, tmp_path / "out", "fr")
    seen = words(tmp_path / "out" / "html")
    assert (seen["switcher"], seen["browse"], seen["archive"]) == ("Éditions", "Parcourir", "Archives")
    assert seen["date"] == "Date:"  # not translated yet: the English words
    year = lxml.html.fromstring((tmp_path / "out" / "html" / "archive" / "2024.html").read_bytes())
    assert [" ".join(li.text_content().split()) for li in year.xpath("//ul[@class='tk-months']/li")
            ] == ["avril 2024 (1 billet)", "mars 2024 (2 billets)"]  # French: n > 1 is plural
    assert not list(SHIPPED_DIR.rglob("*.mo"))  # compiled into the build, never beside the .po

    [french] = [s for s in collect_interface_stats(load_config(root)) if s.language == "fr"]
    template = len(list(iter_messages(read_catalog(template_path("translate_kit")))))
    assert (french.progress.messages.translated, french.progress.messages.untranslated) == (
        5, template - 5)
    done = translate_kit(root, "stats", "--json")  # stdout alone: JSON, warnings aside
    [row] = [r for r in json.loads(done.stdout)["interface"] if r["language"] == "fr"]
    assert row["catalogs"] == [str(po)] and row["messages"]["translated"] == 5


def test_a_hostile_interface_catalog_cannot_add_markup_or_read_attributes(tmp_path):
    hostile = (FRENCH.replace('"Archives"', '"<script>alert(1)</script>"')
               .replace("Étiquette : {tag}", "{tag.__class__.__mro__}"))
    root, po = french_project(with_article(copy_root("multi", tmp_path), "a003", TAGGED_ARTICLE),
                              hostile)
    app = build(root, tmp_path / "out", "fr")
    html = tmp_path / "out" / "html"
    assert words(html)["archive"] == "Archive"  # left out: the English words
    assert "<script>alert" not in "".join(p.read_text(encoding="utf-8") for p in html.rglob("*.html"))
    tag_page = lxml.html.fromstring((html / "tags" / "jing-ji-19201edb.html").read_bytes())
    assert tag_page.findtext(".//h1") == "Tag: 經濟"
    warnings = app._warning.getvalue()
    assert f"{po}:16: the translation adds raw HTML <script>" in warnings
    assert f"{po}:13: the translation's placeholders must be those of the source: {{tag}}" in warnings


def test_changed_words_rewrite_the_pages_of_an_edition_built_before(tmp_path):
    root, po = french_project(copy_root("multi", tmp_path), FRENCH)
    build(root, tmp_path / "out", "fr")
    po.write_text(FRENCH.replace("Parcourir", "Feuilleter"), encoding="utf-8")
    build(root, tmp_path / "out", "fr")  # no document changed
    assert words(tmp_path / "out" / "html")["browse"] == "Feuilleter"


def test_check_reports_a_broken_interface_catalog_with_file_and_line(tmp_path):
    root = copy_root("multi", tmp_path)
    po = root / "locale" / "interface" / "fr" / "LC_MESSAGES" / "translate_kit.po"
    po.parent.mkdir(parents=True)
    po.write_text(FRENCH.replace('msgstr "Parcourir"', 'msgstr "Parcourir'), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exit_code == 1
    assert "locale/interface/fr/LC_MESSAGES/translate_kit.po:11: error: syntax error" in result.output
    result = CliRunner().invoke(main, ["--root", str(root), "stats"])
    assert result.exit_code == 1
    assert f"{po}:11: syntax error: malformed line" in result.output


def test_a_broken_interface_catalog_stops_the_build_naming_file_and_line(tmp_path):
    root = copy_root("multi", tmp_path)
    po = root / "locale" / "interface" / "zh_Hant" / "LC_MESSAGES" / "translate_kit.po"
    po.parent.mkdir(parents=True)
    po.write_text(FRENCH.replace('msgstr "Parcourir"', 'msgstr "Parcourir'), encoding="utf-8")
    with pytest.raises(ConfigError, match=f"^interface catalog {po}:11: syntax error"):
        build(root, tmp_path / "out", "zh-Hant")


def test_check_reports_a_translation_that_loses_its_placeholder(tmp_path):
    root = copy_root("multi", tmp_path)
    po = root / "locale" / "interface" / "fr" / "LC_MESSAGES" / "translate_kit.po"
    po.parent.mkdir(parents=True)
    po.write_text(FRENCH.replace("Étiquette : {tag}", "Étiquette : {étiquette}"), encoding="utf-8")
    errors = [str(p).removeprefix(f"{root}/") for p in check_interface(load_config(root)).errors]
    assert errors == ["locale/interface/fr/LC_MESSAGES/translate_kit.po:13: error: the "
                      "translation's placeholders must be those of the source: {tag}; the build "
                      "shows the English words"]


def test_check_lints_each_form_of_a_plural_translation(tmp_path):
    root = copy_root("multi", tmp_path)
    po = root / "locale" / "interface" / "fr" / "LC_MESSAGES" / "translate_kit.po"
    po.parent.mkdir(parents=True)
    po.write_text(FRENCH.replace('msgstr[1] "{count} billets"', 'msgstr[1] "des billets"'),
                  encoding="utf-8")
    errors = [str(p).removeprefix(f"{root}/") for p in check_interface(load_config(root)).errors]
    assert errors == ["locale/interface/fr/LC_MESSAGES/translate_kit.po:19: error: msgstr[1]: "
                      "the translation's placeholders must be those of the source: {count}; the "
                      "build shows the English words"]


OLD_FRENCH = FRENCH + """
msgid "Read the original article"
msgstr "Lire l'article original"

msgid "A word the extension no longer uses"
msgstr "Un mot disparu"
"""


def test_update_merges_the_shipped_template_into_a_projects_interface_catalog(tmp_path):
    root, po = french_project(copy_root("multi", tmp_path), OLD_FRENCH)
    [done] = update_interface(read_interface(load_config(root)))
    assert (done.language, done.path, done.status) == ("fr", po, "updated")
    text = po.read_text(encoding="utf-8")
    assert '"Language: fr\\n"' in text and '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in text
    assert 'msgid "Browse"\nmsgstr "Parcourir"\n' in text  # kept
    assert ('#, python-brace-format\nmsgid "{count} article"\nmsgid_plural "{count} articles"\n'
            'msgstr[0] "{count} billet"\nmsgstr[1] "{count} billets"\n') in text
    assert ('#, python-brace-format\nmsgid "Found {count} page."\nmsgid_plural '
            '"Found {count} pages."\nmsgstr[0] ""\nmsgstr[1] ""\n') in text  # new, untranslated
    assert ('#, fuzzy\n#| msgid "Read the original article"\nmsgid "Read the original"\n'
            'msgstr "Lire l\'article original"\n') in text  # changed: fuzzy
    assert ('#~ msgid "A word the extension no longer uses"\n#~ msgstr "Un mot disparu"\n'
            in text)  # gone: obsolete, never lost
    [again] = update_interface(read_interface(load_config(root)))
    assert again.status == "unchanged"


def test_update_interface_starts_a_new_language_for_translators(tmp_path):
    root = copy_root("multi", tmp_path)
    started = update_interface(read_interface(load_config(root), ["de", "zh-Hant"]))
    interface = root / "locale" / "interface"
    assert [(d.language, d.path, d.status) for d in started] == [
        ("de", interface / "de" / "LC_MESSAGES" / "translate_kit.po", "created"),
        ("zh_Hant", interface / "zh_Hant" / "LC_MESSAGES" / "translate_kit.po", "created")]
    german = (interface / "de" / "LC_MESSAGES" / "translate_kit.po").read_text(encoding="utf-8")
    assert german.startswith("# German: the words translate-kit's Sphinx extension adds to")
    assert '"Language: de\\n"' in german
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in german
    assert 'msgid "Editions"\nmsgstr ""\n' in german
    assert 'msgid_plural "{count} articles"\nmsgstr[0] ""\nmsgstr[1] ""\n' in german
    chinese = (interface / "zh_Hant" / "LC_MESSAGES" / "translate_kit.po").read_text(encoding="utf-8")
    assert 'msgid "Editions"\nmsgstr "語言版本"\n' in chinese  # the shipped words, to adjust
    assert 'msgid_plural "{count} articles"\nmsgstr[0] "{count} 篇"\n' in chinese


def test_the_update_command_merges_and_starts_interface_catalogs(tmp_path):
    root, po = french_project(copy_root("multi", tmp_path), OLD_FRENCH)
    result = CliRunner().invoke(main, ["--root", str(root), "update", "--interface", "de"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("interface ")]
    assert [line.split(" new, ")[0] for line in lines] == [  # the new words: the template's
        "interface de: locale/interface/de/LC_MESSAGES/translate_kit.po created (0 kept, 0 fuzzy, 40",
        "interface fr: locale/interface/fr/LC_MESSAGES/translate_kit.po updated (5 kept, 2 fuzzy, 33"]
    assert [line.split(" new, ")[1] for line in lines] == ["0 obsolete)", "1 obsolete)"]
    assert "Lire l'article original" in po.read_text(encoding="utf-8")


def test_update_refuses_an_unknown_interface_language_and_writes_nothing(tmp_path):
    root = copy_root("multi", tmp_path)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    result = CliRunner().invoke(main, ["--root", str(root), "update", "--interface", "xx"])
    assert result.exit_code == 1
    assert ("error: --interface xx: not a language Babel knows; write a language tag such as "
            "fr, pt_BR or zh_Hant") in " ".join(result.output.split())
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before


def test_the_shipped_catalogs_translate_every_word_of_their_templates(tmp_path):
    root = copy_root("multi", tmp_path)
    result = check_interface(load_config(root))
    assert [str(p) for p in result.problems] == []
    assert result.catalogs == 4  # zh_Hans and zh_Hant, each translate_kit.po and sphinx.po


def test_the_shipped_template_lists_every_word_the_extension_marks():
    extracted = {m.id for m in iter_messages(interface_template())}
    shipped = {m.id for m in iter_messages(read_catalog(template_path("translate_kit")))}
    assert extracted == shipped
    assert {"Editions", "Tag: {tag}", ("Found {count} page.", "Found {count} pages."),
            ("{count} article", "{count} articles")} <= shipped


@pytest.mark.parametrize("language, expected", [
    ("zh_TW", ["zh_TW", "zh_Hant", "zh"]),
    ("zh_HK", ["zh_HK", "zh_Hant", "zh"]),
    ("zh_CN", ["zh_CN", "zh_Hans", "zh"]),
    ("zh_Hant", ["zh_Hant", "zh"]),
    ("zh", ["zh", "zh_Hans"]),  # CLDR: Chinese alone is written in simplified script
    ("fr", ["fr"]),
    ("xx", ["xx"]),  # no such language: no catalog, the English words
])
def test_a_language_is_served_by_its_own_then_its_scripts_then_its_languages_catalog(
        language, expected):
    assert candidates(language) == expected
