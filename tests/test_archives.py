"""Browsing an edition: the index's newest articles and its pages, archives by year and
month, tag pages, dates in each edition's way, and article pages that do not grow with
the archive."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import REPO, build, build_editions
from test_feeds import tagged_project
from test_import_command import FIXTURE as IMPORT_FIXTURE
from test_import_command import SAMPLE, SLUG, front, import_sample, run
from benchmarks.corpus import generate_corpus
from translate_kit.config import load_config
from translate_kit.publish import build_html
from translate_kit.errors import ConfigError
from translate_kit.tags import parse_tags, tag_slug


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(path)).getroot()


def listed(path: Path) -> list[tuple[str, str, str]]:
    """(date as shown, title, href) of the articles a listing page shows."""
    return [(li.xpath("string(time)"), li.xpath("string(a)"), li.xpath("string(a/@href)"))
            for li in page(path).xpath("//ol[@class='tk-entries']/li")]


@pytest.fixture(scope="module")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_editions(tagged_project(tmp_path_factory.mktemp("archives-multi")))


def corpus_site(destination: Path, articles: int) -> Path:
    """The benchmark corpus of ``articles`` (one a day from 2024-01-02), 10 to a page,
    built in the source edition only."""
    root = generate_corpus(destination, articles, REPO).root
    config = root / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[project]\n", "[project]\narticles_per_page = 10\n"), encoding="utf-8")
    return Path(build(root, destination / "out", "zh-Hant").outdir)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus at 5 and at 40 articles."""
    return (corpus_site(tmp_path_factory.mktemp("five"), 5),
            corpus_site(tmp_path_factory.mktemp("forty"), 40))


def test_the_index_shows_date_title_and_first_sentence_in_each_editions_way(multi):
    shown = {
        slug: [(li.xpath("string(time)"), li.xpath("string(a)"),
                li.xpath("string(p[@class='tk-summary'])"))
               for li in page(multi / slug / "index.html").xpath(
                   "//section[@class='tk-latest']//li")]
        for slug in ("zh-hant", "zh-hans", "en")}
    assert shown["zh-hant"][1:] == [
        ("2024年4月2日", "體育館開放", "新建的體育館今天正式開放，市民可以免費參觀。"),
        ("2024年3月15日", "經濟開發區發展報導", "開發區今年的經濟發展很快，許多企業來這裡投資。")]
    assert shown["zh-hans"][1:] == [
        ("2024年4月2日", "体育馆开放", "新建的体育馆今天正式开放，市民可以免费参观。"),
        ("2024年3月15日", "经济开发区发展报导", "开发区今年的经济发展很快，许多企业来这里投资。")]
    assert shown["en"][1:] == [
        ("April 2, 2024", "體育館開放", "新建的體育館今天正式開放，市民可以免費參觀。"),
        ("March 15, 2024", "Report on the Economic Development Zone",
         "The zone\u2019s economy grew fast this year; many companies came here to invest.")]
    # Untranslated source text is marked with its language for readers' tools.
    english = page(multi / "en" / "index.html")
    assert english.xpath("//section[@class='tk-latest']//li[2]/a/@lang") == ["zh-Hant"]


def test_archive_pages_by_year_and_month_are_localized(multi):
    assert page(multi / "zh-hant" / "archive" / "2024.html").xpath(
        "//ul[@class='tk-months']/li/a/text()") == ["2024年4月", "2024年3月"]
    assert page(multi / "en" / "archive" / "2024.html").xpath(
        "//ul[@class='tk-months']/li/a/text()") == ["April 2024", "March 2024"]
    april = multi / "zh-hans" / "archive" / "2024-04.html"
    assert page(april).xpath("string(//h1)") == "2024年4月"
    assert [title for _, title, _ in listed(april)] == ["<script>alert(1)</script> 新闻", "体育馆开放"]
    assert page(multi / "en" / "archive" / "index.html").xpath(
        "//ul[@class='tk-archive']/li/a/text()") == ["2024", "Apr", "Mar"]


def test_a_tag_page_lists_the_tags_articles_and_the_tags_page_every_tag(multi):
    economy = multi / "zh-hans" / "tags" / f"{tag_slug('經濟')}.html"
    assert page(economy).xpath("string(//h1)") == "标签：经济"
    assert listed(economy) == [("2024年4月2日", "体育馆开放", "../articles/a002.html"),
                               ("2024年3月15日", "经济开发区发展报导", "../articles/a001.html")]
    tags = page(multi / "en" / "tags" / "index.html").xpath("//ul[@class='tk-tags']/li")
    assert [li.text_content() for li in tags] == ["經濟 (2)", "<b>粗</b> (1)", "體育 (1)"]


def test_every_page_leads_to_the_archive_and_tags_in_the_sidebar(multi):
    sidebar = page(multi / "en" / "articles" / "a001.html").xpath("//nav[@class='tk-browse sidebar-tree']//a")
    assert [(a.text, a.get("href")) for a in sidebar] == [
        ("Newest articles", "../index.html"), ("Archive", "../archive/index.html"),
        ("Tags", "../tags/index.html"), ("Atom feed", "../atom.xml")]
    # The edition switcher keeps a reader on the same listing.
    switcher = page(multi / "en" / "archive" / "2024-03.html").xpath("//a[@hreflang='zh-Hans']/@href")
    assert switcher == ["../../zh-hans/archive/2024-03.html"]


def test_untrusted_titles_and_tags_are_shown_as_text(multi):
    for path in (multi / "zh-hant" / "index.html", multi / "zh-hant" / "tags" / "index.html",
                 multi / "zh-hant" / "tags" / f"{tag_slug('<b>粗</b>')}.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b>粗" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 新聞" in (multi / "zh-hant" / "index.html").read_text()


def test_the_index_pages_through_older_articles(corpus):
    _, forty = corpus
    first = listed(forty / "index.html")
    assert len(first) == 10
    assert first[0][0] == "2024年2月10日" and first[-1][0] == "2024年2月1日"
    pager = page(forty / "index.html").xpath("//section[@class='tk-latest']/nav[@class='tk-pager']")[0]
    assert [(a.text, a.get("href")) for a in pager.xpath("a")] == [
        ("2", "page/2.html"), ("3", "page/3.html"), ("4", "page/4.html")]
    last = listed(forty / "page" / "4.html")
    assert [d for d, _, _ in last] == [f"2024年1月{day}日" for day in range(11, 1, -1)]
    assert last[0][2] == "../articles/a0010.html"


def test_a_month_with_more_articles_than_a_page_has_pages_too(corpus):
    _, forty = corpus
    january = [listed(forty / "archive" / "2024-01.html")] + [
        listed(forty / "archive" / "2024-01" / f"{n}.html") for n in (2, 3)]
    assert [len(p) for p in january] == [10, 10, 10]
    assert january[2][-1] == ("2024年1月2日", "黨工委書記圍繞科技創新", "../../articles/a0001.html")
    assert not (forty / "archive" / "2024-01" / "4.html").exists()


def test_an_article_page_does_not_grow_with_the_archive(corpus):
    five, forty = corpus
    size = {name: (site / "articles" / "a0001.html").stat().st_size for name, site in
            (("five", five), ("forty", forty))}
    assert size["forty"] == size["five"]
    index = {name: (site / "index.html").stat().st_size for name, site in
             (("five", five), ("forty", forty))}
    # Ten articles and three page numbers more, not thirty-five articles more.
    assert index["forty"] - index["five"] < 5 * (index["five"] // 5)
    assert not re.search(r"a0030\.html", (forty / "articles" / "a0001.html").read_text())


def test_import_tag_writes_tags_into_the_front_matter_and_keeps_them(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(IMPORT_FIXTURE, root)
    (root / "sources").mkdir()
    shutil.copy(SAMPLE, root / "sources" / SAMPLE.name)
    document = root / "docs" / "articles" / f"{SLUG}.md"
    import_sample(root, "--tag", "經濟", "--tag", " ＡＩ ", "--tag", "經濟")
    assert front(document)["tags"] == ["經濟", "AI"]
    import_sample(root, "--tag", "ai", "--tag", "泰州")  # a re-import adds, never repeats
    assert front(document)["tags"] == ["經濟", "AI", "泰州"]
    before = document.read_bytes()
    output = run(root, str(root / "sources" / SAMPLE.name), "--date", "2019-06-14", "--tag", "  ", ok=False)
    assert "a tag must not be empty" in output
    assert document.read_bytes() == before


def test_a_new_title_rewrites_the_listings_that_show_it_and_no_other(tmp_path):
    root = tagged_project(tmp_path)
    config = load_config(root)
    assert build_html(config, (config.edition("zh-Hant"),)).ok
    site = root / "_build" / "html" / "zh-hant"
    march, april = site / "archive" / "2024-03.html", site / "archive" / "2024-04.html"
    before = {path: path.stat().st_mtime_ns for path in (march, april)}
    article = root / "docs" / "articles" / "a002.md"
    article.write_text(article.read_text(encoding="utf-8").replace("# 體育館開放", "# 新體育館開放"),
                       encoding="utf-8")
    assert build_html(config, (config.edition("zh-Hant"),)).ok
    assert march.stat().st_mtime_ns == before[march]
    assert [title for _, title, _ in listed(april)] == ["<script>alert(1)</script> 新聞", "新體育館開放"]
    assert [title for _, title, _ in listed(site / "index.html")][1] == "新體育館開放"


def test_tag_addresses_are_stable_ascii_and_never_merge_two_tags():
    assert tag_slug("經濟") == "jing-ji-19201edb"
    assert tag_slug("經紀") == "jing-ji-f3801699"  # a homophone has its own page
    assert tag_slug("AI") == tag_slug(" ａｉ ") == "ai"
    assert tag_slug("C++") == "c-cedb1bac" and tag_slug("C#") != tag_slug("C++")
    assert parse_tags('["經濟", "AI", "ai", ""]') == ("經濟", "AI")


@pytest.mark.parametrize("value, problem", [
    ("0", "articles_per_page must be at least 1, not 0"),
    ('"20"', "articles_per_page must be a whole number"),
])
def test_articles_per_page_is_checked_with_file_and_key(tmp_path, value, problem):
    (tmp_path / "translate-kit.toml").write_text(f"[project]\narticles_per_page = {value}\n",
                                                 encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert problem in str(error.value) and "translate-kit.toml" in str(error.value)
