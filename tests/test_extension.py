"""The Sphinx extension in-process, with ``sphinx.testing``: a second or so per build.

These tests build one edition of a mini project inside the test process, as Sphinx's and
myst-parser's own tests do, and read the pages a reader gets.  The end-to-end tests
(``test_build_*``) run the same extension through ``translate-kit build`` in child
processes; here only what the extension itself decides is checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from conftest import build, copy_root, with_article
from sphinx.testing.util import SphinxTestApp

from translate_kit.sphinxext.search import PAGE_TEXTS
from translate_kit.sphinxext.search_index import term_shard

DAMAGED_ARTICLE = """\
---
date: 2024-03-16
---

# 專家庫

專家{garbled}`?guī` 繼續完善。

勇挑重{restored}`負擔 <?fù)?dān)>`。
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_root("multi", tmp_path_factory.mktemp("extension"))
    return with_article(root, "a003", DAMAGED_ARTICLE)


@pytest.fixture(scope="module")
def pages(project: Path, tmp_path_factory: pytest.TempPathFactory):
    """Read a page of one edition's HTML, building each edition once."""
    built: dict[str, Path] = {}

    def page(code: str, name: str = "articles/a001") -> lxml.html.HtmlElement:
        if code not in built:
            out = tmp_path_factory.mktemp(code)
            build(project, out, code)
            built[code] = out / "html"
        return lxml.html.fromstring((built[code] / f"{name}.html").read_bytes())

    return page


def latex_source(app: SphinxTestApp) -> str:
    """Every volume's LaTeX source (a volume per month), as one text."""
    return "".join(tex.read_text(encoding="utf-8") for tex in sorted(Path(app.outdir).glob("*.tex")))


def article_text(page: lxml.html.HtmlElement) -> str:
    return " ".join(page.xpath("string(//article)").split())


def test_the_source_edition_is_the_text_as_written(pages):
    page = pages("zh-Hant")
    assert page.get("lang") == "zh-Hant"
    assert article_text(page).startswith("經濟開發區發展報導¶ 日期：2024年3月15日 · 來源：泰州日報")


def test_the_simplified_edition_converts_prose_and_leaves_code_and_data_as_written(pages):
    page = pages("zh-Hans")
    text = article_text(page)
    assert page.get("lang") == "zh-Hans"
    assert text.startswith("经济开发区发展报导¶ 日期：2024年3月15日 · 来源：泰州日报")
    assert "为了赶上进度，工人们着急地加班" in text
    # an inline file name and a literal block are data, not prose
    assert page.xpath("string(//code[contains(@class, 'literal')])") == "資料/統計.csv"
    assert page.xpath("string(//pre)").strip() == "區域,產值,備註\n開發區,1200,經濟與貿易"


def test_a_link_target_is_never_converted(pages):
    link = pages("zh-Hans").xpath("//article//a[contains(@class, 'external')]")[0]
    assert link.text_content() == "开发区网站"
    assert unquote(link.get("href")) == "https://example.com/開發區/報導.html"


def test_damaged_text_is_underlined_with_a_title_in_the_editions_script(pages):
    hant = pages("zh-Hant", "articles/a003").xpath("//span[contains(@class, 'garbled')]")
    hans = pages("zh-Hans", "articles/a003").xpath("//span[contains(@class, 'garbled')]")
    assert [(s.text_content(), s.get("title")) for s in hant] == [("?guī", "原文亂碼，匯入時無法還原")]
    assert [(s.text_content(), s.get("title")) for s in hans] == [("?guī", "原文乱码，导入时无法还原")]


def test_damaged_text_is_greyed_in_the_latex_source(project, tmp_path):
    """The LaTeX writer only (no xelatex): the role reaches the PDF as its own macro."""
    app = build(project, tmp_path, "zh-Hant", "latex")
    tex = latex_source(app)
    assert r"專家\DUrole{garbled}{?guī} 繼續完善。" in tex
    assert r"\providecommand{\DUrolegarbled}[1]{\textcolor{gray}{#1}}" in tex


def test_restored_text_is_marked_with_its_source_in_the_editions_script(pages):
    hant = pages("zh-Hant", "articles/a003").xpath("//span[contains(@class, 'restored')]")
    hans = pages("zh-Hans", "articles/a003").xpath("//span[contains(@class, 'restored')]")
    assert [(s.text_content(), s.get("title")) for s in hant] == [("負擔", "匯入時還原；原文：?fù)?dān)")]
    assert [(s.text_content(), s.get("title")) for s in hans] == [("负担", "导入时还原；原文：?fù)?dān)")]


def test_restored_text_has_its_source_in_a_footnote_in_the_latex_source(project, tmp_path):
    app = build(project, tmp_path, "zh-Hans", "latex")
    tex = latex_source(app)
    assert r"勇挑重\DUrole{restored}{负担}\footnote{导入时还原；原文：?fù)?dān)}。" in tex
    assert r"\providecommand{\DUrolerestored}[1]{\textcolor{teal}{#1}}" in tex


def test_an_edition_has_no_copies_of_its_sources_and_its_search_still_finds_words(project, tmp_path):
    html = Path(build(project, tmp_path, "zh-Hant").outdir)
    assert not (html / "_sources").exists()
    links = lxml.html.fromstring((html / "articles/a001.html").read_bytes()).xpath("//a/@href")
    assert [link for link in links if "_sources" in link] == []
    meta = (html / "_search" / "meta.js").read_text(encoding="utf-8")
    shards = json.loads(re.fullmatch(r"TKSearch\.meta\(0,(.*)\);\s*", meta, re.S)[1])["shards"]
    shard = html / "_search" / "s" / f"{term_shard('投資', shards)}.js"
    assert '"投資":' in shard.read_text(encoding="utf-8")


def test_furo_view_button_asked_for_in_conf_py_links_a_copy_of_the_source(tmp_path):
    root = copy_root("multi", tmp_path)
    conf = root / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8")
                    + 'html_theme_options = {"top_of_page_buttons": ["view"]}\n', encoding="utf-8")
    html = Path(build(root, tmp_path / "out", "zh-Hant").outdir)
    links = lxml.html.fromstring((html / "articles/a001.html").read_bytes()).xpath(
        "//div[@class='view-this-page']/a/@href")
    assert links == ["../_sources/articles/a001.md.txt"]
    assert (html / "_sources" / "articles" / "a001.md.txt").read_text(encoding="utf-8").startswith(
        "---\ndate: 2024-03-15\n")


def test_a_rebuild_of_one_article_keeps_the_search_terms_of_the_others(tmp_path):
    """Sphinx keeps the terms of pages it does not read again between builds."""
    root = copy_root("multi", tmp_path)
    build(root, tmp_path / "out", "zh-Hant")
    article = root / "docs" / "articles" / "a002.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    html = Path(build(root, tmp_path / "out", "zh-Hant").outdir)
    shards = (html / "_search" / "s").glob("*.js")
    index = "".join(shard.read_text(encoding="utf-8") for shard in shards)
    assert '"投資":' in index and '"新增":' in index


@pytest.mark.parametrize("texts_lost", [False, True], ids=["kept", "lost"])
def test_a_rebuild_shows_the_new_text_of_the_changed_page_in_search_results(tmp_path, texts_lost):
    """The summaries of search results: the rebuilt page's new text, the others' as they
    were, also when the texts kept beside the doctrees are gone."""
    root = copy_root("multi", tmp_path)
    app = build(root, tmp_path / "out", "zh-Hant")
    records = Path(app.outdir) / "_search" / "d"
    before = {p.name: p.read_text(encoding="utf-8") for p in records.glob("*.js")}
    if texts_lost:
        (Path(app.doctreedir) / PAGE_TEXTS).unlink()
    article = root / "docs" / "articles" / "a002.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    build(root, tmp_path / "out", "zh-Hant")
    after = {p.name: p.read_text(encoding="utf-8") for p in records.glob("*.js")}
    changed = [name for name in before if after[name] != before[name]]
    assert after.keys() == before.keys() and len(changed) == 1
    assert "新增一段。" in after[changed[0]] and '"u":"articles/a002.html"' in after[changed[0]]


def test_search_terms_kept_between_builds_are_rebuilt_when_lost(tmp_path):
    """Sphinx's terms are kept beside the doctrees (not as ``searchindex.js`` in the site);
    without them a rebuild reads every page again rather than index only the changed one."""
    root = copy_root("multi", tmp_path)
    app = build(root, tmp_path / "out", "zh-Hant")
    html, doctrees = Path(app.outdir), Path(app.doctreedir)
    assert not (html / "searchindex.js").exists()
    (doctrees / "translate-kit-search-terms.pickle").unlink()
    article = root / "docs" / "articles" / "a002.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    build(root, tmp_path / "out", "zh-Hant")
    index = "".join(shard.read_text(encoding="utf-8") for shard in (html / "_search" / "s").glob("*.js"))
    assert '"投資":' in index and '"新增":' in index
    assert len(list((html / "_search" / "d").glob("*.js"))) == 4
