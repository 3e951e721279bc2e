"""EPUBs per volume and per article: language, title, table of contents, date and source,
embedded CJK glyphs, links from the article pages, only the edited volume made again.

The three editions of ``tests/roots/multi`` (an article in March, one in April) are
built once; each book is read as a reader's software does (the zip, its package file,
navigation document and pages), and checked by epubcheck.  The site of ``conftest.site`` (garbled spans, a hostile article)
adds what the small project lacks.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from lxml import html as lxml_html

from conftest import SAMPLE_DOC, copy_root
from translate_kit.config import ProjectConfig, load_config
from translate_kit.epubs import unlink_outside
from translate_kit.errors import BuildError
from translate_kit.fonts import font_file
from translate_kit.publish import build_html
from translate_kit.publish.epub import build_epubs

pytestmark = pytest.mark.epub

EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
ARTICLES = ("articles/a001.xhtml", "articles/a002.xhtml")
MONTHS = ("2024-03", "2024-04")


class Book:
    """An EPUB opened as a reading system opens it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        container = self.xml("META-INF/container.xml")
        self.opf_name = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        self.opf = self.xml(self.opf_name)

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def manifest(self) -> dict[str, str]:
        """href -> media type of every file the package lists."""
        return {i.get("href"): i.get("media-type") for i in self.opf.xpath("//opf:item", namespaces=NS)}

    def toc(self) -> list:
        """The navigation document's table of contents as nested [title, [children]]."""
        nav = self.xml(self.manifest_href("nav"))
        (top,) = nav.xpath("//x:nav[@epub:type='toc']/x:ol", namespaces=NS)
        return _entries(top)

    def manifest_href(self, properties: str) -> str:
        return self.opf.xpath(f"//opf:item[@properties='{properties}']/@href", namespaces=NS)[0]

    def font_characters(self) -> set[str]:
        """Every character the embedded fonts have a glyph for."""
        chars: set[str] = set()
        for href, media_type in self.manifest().items():
            if media_type.startswith("font/"):
                cmap = TTFont(io.BytesIO(self.zip.read(href))).getBestCmap()
                chars |= {chr(code) for code in cmap}
        return chars


def _entries(ol: etree._Element) -> list:
    entries = []
    for li in ol.xpath("x:li", namespaces=NS):
        title = "".join(li.xpath("x:a", namespaces=NS)[0].itertext())
        children = li.xpath("x:ol", namespaces=NS)
        entries.append([title, _entries(children[0])] if children else title)
    return entries


def text_of(page: etree._Element) -> str:
    return "".join(page.xpath("//x:body", namespaces=NS)[0].itertext())


def epubcheck(path: Path) -> subprocess.CompletedProcess[str]:
    """Debian's epubcheck: its command is the jar itself, run through java (whether or
    not the machine runs jars directly)."""
    jar = Path(shutil.which("epubcheck") or "epubcheck").resolve()
    return subprocess.run(["java", "-jar", str(jar), str(path)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> ProjectConfig:
    config = load_config(copy_root("multi", tmp_path_factory.mktemp("epub")))
    result = build_epubs(config)
    assert {epub.edition.code: epub.warnings for epub in result.files} == {
        "zh-Hant": (), "zh-Hans": (), "en": ()}
    assert [epub.rebuilt for epub in result.files] == [("2024-03", "2024-04")] * 3
    return config


@pytest.fixture(scope="module")
def books(project) -> dict[str, dict[str, Book]]:
    """Per edition slug: its volumes (by month) and its articles' books (by name)."""
    found = {}
    for edition in project.editions:
        found[edition.slug] = {
            **{month: Book(project.volume_epub_path(edition, month)) for month in MONTHS},
            **{Path(name).stem: Book(project.article_epub_path(edition, name[:-6]))
               for name in ARTICLES},
        }
    return found


def test_each_volume_and_each_article_is_an_epub_named_like_its_pdf(project, books):
    epubs = project.epub_dir
    assert sorted(p.relative_to(epubs).as_posix() for p in epubs.rglob("*.epub")) == [
        "en/articles/a001.epub", "en/articles/a002.epub",
        "translate-kit-en-2024-03.epub", "translate-kit-en-2024-04.epub",
        "translate-kit-zh-hans-2024-03.epub", "translate-kit-zh-hans-2024-04.epub",
        "translate-kit-zh-hant-2024-03.epub", "translate-kit-zh-hant-2024-04.epub",
        "zh-hans/articles/a001.epub", "zh-hans/articles/a002.epub",
        "zh-hant/articles/a001.epub", "zh-hant/articles/a002.epub"]
    for book in (b for edition in books.values() for b in edition.values()):
        first = book.zip.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert book.zip.read("mimetype") == b"application/epub+zip"


@pytest.mark.parametrize("slug, volume, article", [
    ("zh-hant", "開發區新聞選集 2024-03", "經濟開發區發展報導"),
    ("zh-hans", "开发区新闻选集 2024-03", "经济开发区发展报导"),
    ("en", "開發區新聞選集 2024-03", "Report on the Economic Development Zone"),
])
def test_the_books_have_the_edition_language_title_and_metadata(books, slug, volume, article):
    month, own = books[slug]["2024-03"], books[slug]["a001"]
    for book in (month, own):
        assert book.opf.xpath("//dc:language/text()", namespaces=NS) == [EDITIONS[slug]]
        assert book.opf.xpath("//dc:creator/text()", namespaces=NS) == ["編輯部"]
        assert book.xml("articles/a001.xhtml").get("lang") == EDITIONS[slug]
    assert month.opf.xpath("//dc:title/text()", namespaces=NS) == [volume]
    assert own.opf.xpath("//dc:title/text()", namespaces=NS) == [article]
    # The article's book names the volume it comes from.
    assert own.opf.xpath("//opf:meta[@property='belongs-to-collection']/text()",
                         namespaces=NS) == [volume]
    every = [b.opf.xpath("//dc:identifier/text()", namespaces=NS)[0]
             for edition in books.values() for b in edition.values()]
    assert len(set(every)) == len(every) == 12
    assert all(identifier.startswith("urn:uuid:") for identifier in every)


def test_a_volume_holds_its_month_and_an_article_book_its_article(books):
    assert books["zh-hant"]["2024-03"].toc() == ["經濟開發區發展報導"]
    assert books["zh-hant"]["2024-04"].toc() == ["體育館開放"]
    assert books["zh-hans"]["a001"].toc() == ["经济开发区发展报导"]
    # Untranslated titles stay in the source language, as on the site.
    assert books["en"]["a001"].toc() == ["Report on the Economic Development Zone"]
    assert books["en"]["a002"].toc() == ["體育館開放"]
    pages = sorted(n for n in books["zh-hant"]["a002"].manifest() if n.endswith(".xhtml"))
    assert pages == ["articles/a002.xhtml", "nav.xhtml"]
    # The article's picture goes with it.
    assert "_images/photo.png" in books["zh-hant"]["a002"].manifest()


def test_the_table_of_contents_heading_is_in_the_edition_language(books):
    headings = {slug: book["a001"].xml(book["a001"].manifest_href("nav")).xpath(
        "//x:h1/text()", namespaces=NS) for slug, book in books.items()}
    assert headings == {"zh-hant": ["目錄"], "zh-hans": ["目录"], "en": ["Contents"]}


@pytest.mark.parametrize("slug, date, source", [
    ("zh-hant", "日期：2024年3月15日", "來源：泰州日報"),
    ("zh-hans", "日期：2024年3月15日", "来源：泰州日报"),
    ("en", "Date: March 15, 2024", "Source: 泰州日報"),
])
def test_each_article_shows_its_date_and_source_under_its_title(books, slug, date, source):
    page = books[slug]["a001"].xml("articles/a001.xhtml")
    (heading,) = page.xpath("//x:h1", namespaces=NS)
    # Under the title, before the article's text (in a translation edition the notices
    # of its progress and catalog come first).
    under = [element.get("class") for element in heading.itersiblings()]
    assert "tk-article-meta" in under[:under.index(None)]
    (meta,) = page.xpath("//x:p[@class='tk-article-meta']", namespaces=NS)
    assert "".join(meta.itertext()) == f"{date} · {source}"


def test_the_book_leaves_out_the_translators_catalog_notice(books):
    # The site names each page's .po for translators; a reader's book does not.
    for name in ARTICLES:
        text = text_of(books["en"][Path(name).stem].xml(name))
        assert "LC_MESSAGES" not in text and ".po" not in text, name


def test_untranslated_passages_carry_the_source_language(books):
    page = books["en"]["a002"].xml("articles/a002.xhtml")
    marked = page.xpath("//x:p[@lang='zh-Hant']//text()", namespaces=NS)
    assert "新建的體育館今天正式開放，市民可以免費參觀。" in marked
    translated = books["en"]["a001"].xml("articles/a001.xhtml")
    (paragraph,) = translated.xpath("//x:p[starts-with(., 'Mr Yu said')]", namespaces=NS)
    assert paragraph.get("lang") is None


@pytest.mark.parametrize("slug, face", [
    ("zh-hant", "Noto Serif CJK TC"), ("zh-hans", "Noto Serif CJK SC"), ("en", "Noto Serif CJK TC"),
])
@pytest.mark.parametrize("name", ["2024-03", "a001"])
def test_the_book_carries_a_small_font_with_every_han_character_of_its_article(
        books, slug, face, name):
    book = books[slug][name]
    fonts = [href for href, kind in book.manifest().items() if kind == "font/otf"]
    assert len(fonts) == 1
    font = TTFont(io.BytesIO(book.zip.read(fonts[0])))
    assert font["name"].getDebugName(1) == face
    assert book.zip.getinfo(fonts[0]).file_size < 300_000  # the whole face is ~15 MB
    han = set(HAN.findall(text_of(book.xml(ARTICLES[0]))))
    assert len(han) > 40
    assert han - book.font_characters() == set()
    css = [href for href in book.manifest() if href.endswith("translate-kit-fonts.css")]
    rules = book.zip.read(css[0]).decode()
    assert f'font-family: "{face}"' in rules and Path(fonts[0]).name in rules
    links = book.xml(ARTICLES[0]).xpath("//x:link[@rel='stylesheet']/@href", namespaces=NS)
    assert "../" + css[0] in links


def test_an_article_book_carries_only_the_glyphs_of_its_article(books):
    volume, article = books["zh-hant"]["2024-04"], books["zh-hant"]["a002"]
    assert article.font_characters() <= volume.font_characters()
    assert "經" not in article.font_characters()  # 經濟 is in the other article only
    assert "經" in books["zh-hant"]["a001"].font_characters()


@pytest.mark.parametrize("slug", EDITIONS)
@pytest.mark.parametrize("name", ["2024-03", "a002"])
def test_epubcheck_reports_no_error_and_no_warning(books, slug, name):
    done = epubcheck(books[slug][name].path)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in done.stdout + done.stderr, done.stdout + done.stderr
    assert done.returncode == 0


def test_article_pages_link_their_epub_and_their_volume(project):
    build_html(project, (project.edition("zh-Hant"),))
    page = project.edition_html_dir(project.edition("zh-Hant")) / "articles" / "a001.html"
    links = {a.text_content(): a.get("href") for a in lxml_html.parse(str(page)).xpath(
        "//*[contains(@class,'tk-epub')]//a")}
    assert links == {"下載本文 EPUB": "../../epub/zh-hant/articles/a001.epub",
                     "下載 2024-03 合輯 EPUB": "../../epub/translate-kit-zh-hant-2024-03.epub",
                     "下載 EPUB": "../../epub/translate-kit-zh-hant-2024-04.epub"}
    for href in links.values():  # relative: opened from disk, the link finds the file
        assert zipfile.is_zipfile(page.parent / href)


def test_an_edited_article_rebuilds_only_its_volume_and_moved_books_leave_the_site(project):
    kept = [project.volume_epub_path(project.edition("zh-Hant"), "2024-03"),
            project.article_epub_path(project.edition("zh-Hant"), "articles/a001")]
    before = [path.stat().st_mtime_ns for path in kept]
    article = project.docs_dir / "articles" / "a002.md"
    article.write_text(article.read_text(encoding="utf-8").replace("免費參觀", "免費入場"),
                       encoding="utf-8")
    result = build_epubs(project)
    assert [f.rebuilt for f in result.files] == [("2024-04",)] * 3
    assert [path.stat().st_mtime_ns for path in kept] == before
    page = Book(project.article_epub_path(project.edition("zh-Hans"), "articles/a002"))
    assert "免费入场" in text_of(page.xml("articles/a002.xhtml"))
    # March's only article moves to April: March's volume goes, in the build and the site;
    # April's other article is not cut again, its page being the same.
    unchanged = project.article_epub_path(project.edition("zh-Hant"), "articles/a002")
    before = unchanged.stat().st_mtime_ns
    moved = project.docs_dir / "articles" / "a001.md"
    moved.write_text(moved.read_text(encoding="utf-8").replace("2024-03-15", "2024-04-01"),
                     encoding="utf-8")
    assert [f.rebuilt for f in build_epubs(project).files] == [("2024-04",)] * 3
    assert unchanged.stat().st_mtime_ns == before
    build_html(project, (project.edition("zh-Hant"),))
    site = project.site_epub_dir
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.epub")) == [
        "en/articles/a001.epub", "en/articles/a002.epub",
        "translate-kit-en-2024-04.epub", "translate-kit-zh-hans-2024-04.epub",
        "translate-kit-zh-hant-2024-04.epub",
        "zh-hans/articles/a001.epub", "zh-hans/articles/a002.epub",
        "zh-hant/articles/a001.epub", "zh-hant/articles/a002.epub"]
    assert Book(project.volume_epub_path(project.edition("zh-Hant"), "2024-04")).toc() == [
        "經濟開發區發展報導", "體育館開放"]


def test_a_link_to_a_page_the_book_lacks_keeps_its_text_and_loses_its_link():
    page = ('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>See <a href="a002.xhtml#x">'
            '<em>the</em> gym</a> and <a href="#top">top</a>, <a href="a003.xhtml">x</a>'
            '<a href="https://example.org/">site</a>.</p></body></html>').encode()
    kept = unlink_outside("articles/a001.xhtml", page, {"articles/a001.xhtml", "articles/a003.xhtml"})
    body = etree.fromstring(kept).xpath("//x:p", namespaces=NS)[0]
    assert "".join(body.itertext()) == "See the gym and top, xsite."
    assert [a.get("href") for a in body.xpath("x:a", namespaces=NS)] == [
        "#top", "a003.xhtml", "https://example.org/"]
    assert body.xpath("x:em/text()", namespaces=NS) == ["the"]


def test_a_font_that_is_not_installed_names_the_package():
    with pytest.raises(BuildError, match="fonts-noto-cjk"):
        font_file("Noto Serif CJK XX")


# The shared site (conftest.site): its sample article has garbled spans, and a hostile
# article whose English catalog tries to inject markup.

@pytest.mark.tex
def test_garbled_spans_are_marked_as_on_the_site(site):
    # The article's own book, cut from its volume, keeps the marks.
    book = Book(site.root / "_build" / "epub" / "zh-hant" / f"{SAMPLE_DOC}.epub")
    spans = book.xml(f"{SAMPLE_DOC}.xhtml").xpath("//x:span[@class='garbled']/text()", namespaces=NS)
    assert spans == ["?fù)", "?dān)", "?guī)欤晟普猩虥Q"]


@pytest.mark.tex
@pytest.mark.parametrize("slug", EDITIONS)
def test_the_hostile_article_brings_no_markup_into_the_book(site, slug):
    book = Book(site.root / "_build" / "epub" / slug / f"{site.hostile_doc}.epub")
    page = book.xml(f"{site.hostile_doc}.xhtml")
    assert page.xpath("//x:script | //x:img[@onerror] | //*[@onmouseover] | //x:b", namespaces=NS) == []
    assert not any(href.startswith("javascript:") for href in page.xpath("//@href"))
    done = epubcheck(book.path)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in done.stdout + done.stderr, done.stdout + done.stderr
