"""EPUB editions: language, title, table of contents, date and source, embedded CJK glyphs.

The three editions of ``tests/roots/multi`` are built once; each book is read as a
reader's software does (the zip, its package file, navigation document and pages), and
checked by epubcheck.  The site of ``conftest.site`` (garbled spans, a hostile article)
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

from conftest import SAMPLE_DOC, copy_root
from translate_kit.config import load_config
from translate_kit.errors import BuildError
from translate_kit.fonts import font_file
from translate_kit.publish.epub import build_epubs

pytestmark = pytest.mark.epub

EDITIONS = {"zh-hant": "zh-Hant", "zh-hans": "zh-Hans", "en": "en"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
ARTICLES = ("articles/a001.xhtml", "articles/a002.xhtml")


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
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    config = load_config(copy_root("multi", tmp_path_factory.mktemp("epub")))
    result = build_epubs(config)
    assert {epub.edition.code: epub.warnings for epub in result.files} == {
        "zh-Hant": (), "zh-Hans": (), "en": ()}
    return {epub.edition.slug: Book(epub.path) for epub in result.files}


def test_each_edition_is_one_epub_named_like_its_pdf(books):
    for slug, book in books.items():
        assert book.path.name == f"translate-kit-{slug}.epub"
        assert book.path.parent.name == "epub" and book.path.parent.parent.name == "_build"
        first = book.zip.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert book.zip.read("mimetype") == b"application/epub+zip"


@pytest.mark.parametrize("slug, title", [
    ("zh-hant", "開發區新聞選集"), ("zh-hans", "开发区新闻选集"), ("en", "開發區新聞選集"),
])
def test_the_book_has_the_edition_language_title_and_metadata(books, slug, title):
    book = books[slug]
    assert book.opf.xpath("//dc:language/text()", namespaces=NS) == [EDITIONS[slug]]
    assert book.opf.xpath("//dc:title/text()", namespaces=NS) == [title]
    assert book.opf.xpath("//dc:creator/text()", namespaces=NS) == ["編輯部"]
    (identifier,) = book.opf.xpath("//dc:identifier/text()", namespaces=NS)
    assert identifier.startswith("urn:uuid:")
    others = [b.opf.xpath("//dc:identifier/text()", namespaces=NS)[0] for s, b in books.items() if s != slug]
    assert identifier not in others
    for name in ("index.xhtml", "articles/index.xhtml", *ARTICLES):
        assert book.xml(name).get("lang") == EDITIONS[slug]


def test_the_table_of_contents_lists_every_article_once(books):
    assert books["zh-hant"].toc() == [
        "開發區新聞選集", ["文章", ["經濟開發區發展報導", "體育館開放"]]]
    assert books["zh-hans"].toc() == [
        "开发区新闻选集", ["文章", ["经济开发区发展报导", "体育馆开放"]]]
    # Untranslated titles stay in the source language, as on the site.
    assert books["en"].toc() == [
        "開發區新聞選集", ["文章", ["Report on the Economic Development Zone", "體育館開放"]]]


def test_the_table_of_contents_heading_is_in_the_edition_language(books):
    headings = {slug: book.xml(book.manifest_href("nav")).xpath("//x:h1/text()", namespaces=NS)
                for slug, book in books.items()}
    assert headings == {"zh-hant": ["目錄"], "zh-hans": ["目录"], "en": ["Contents"]}


@pytest.mark.parametrize("slug, date, source", [
    ("zh-hant", "日期：2024-03-15", "來源：泰州日報"),
    ("zh-hans", "日期：2024-03-15", "来源：泰州日报"),
    ("en", "Date: 2024-03-15", "Source: 泰州日報"),
])
def test_each_article_shows_its_date_and_source_under_its_title(books, slug, date, source):
    page = books[slug].xml("articles/a001.xhtml")
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
        text = text_of(books["en"].xml(name))
        assert "LC_MESSAGES" not in text and ".po" not in text, name


def test_untranslated_passages_carry_the_source_language(books):
    page = books["en"].xml("articles/a002.xhtml")
    marked = page.xpath("//x:p[@lang='zh-Hant']//text()", namespaces=NS)
    assert "新建的體育館今天正式開放，市民可以免費參觀。" in marked
    translated = books["en"].xml("articles/a001.xhtml")
    (paragraph,) = translated.xpath("//x:p[starts-with(., 'Mr Yu said')]", namespaces=NS)
    assert paragraph.get("lang") is None


@pytest.mark.parametrize("slug, face", [
    ("zh-hant", "Noto Serif CJK TC"), ("zh-hans", "Noto Serif CJK SC"), ("en", "Noto Serif CJK TC"),
])
def test_the_book_carries_a_small_font_with_every_han_character_of_its_articles(books, slug, face):
    book = books[slug]
    fonts = [href for href, kind in book.manifest().items() if kind == "font/otf"]
    assert len(fonts) == 1
    font = TTFont(io.BytesIO(book.zip.read(fonts[0])))
    assert font["name"].getDebugName(1) == face
    assert book.zip.getinfo(fonts[0]).file_size < 300_000  # the whole face is ~15 MB
    han = set(HAN.findall("".join(text_of(book.xml(name)) for name in ARTICLES)))
    assert len(han) > 60
    assert han - book.font_characters() == set()
    css = [href for href in book.manifest() if href.endswith("translate-kit-fonts.css")]
    rules = book.zip.read(css[0]).decode()
    assert f'font-family: "{face}"' in rules and Path(fonts[0]).name in rules
    for name in ARTICLES:
        links = book.xml(name).xpath("//x:link[@rel='stylesheet']/@href", namespaces=NS)
        assert "../" + css[0] in links


@pytest.mark.parametrize("slug", EDITIONS)
def test_epubcheck_reports_no_error_and_no_warning(books, slug):
    done = epubcheck(books[slug].path)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in done.stdout + done.stderr, done.stdout + done.stderr
    assert done.returncode == 0


def test_a_font_that_is_not_installed_names_the_package():
    with pytest.raises(BuildError, match="fonts-noto-cjk"):
        font_file("Noto Serif CJK XX")


# The shared site (conftest.site): its sample article has garbled spans, and a hostile
# article whose English catalog tries to inject markup.

@pytest.mark.tex
def test_garbled_spans_are_marked_as_on_the_site(site):
    book = Book(site.root / "_build" / "epub" / "translate-kit-zh-hant.epub")
    spans = book.xml(f"{SAMPLE_DOC}.xhtml").xpath("//x:span[@class='garbled']/text()", namespaces=NS)
    assert spans == ["?fù)", "?dān)", "?guī)欤晟普猩虥Q"]


@pytest.mark.tex
@pytest.mark.parametrize("slug", EDITIONS)
def test_the_hostile_article_brings_no_markup_into_the_book(site, slug):
    book = Book(site.root / "_build" / "epub" / f"translate-kit-{slug}.epub")
    page = book.xml(f"{site.hostile_doc}.xhtml")
    assert page.xpath("//x:script | //x:img[@onerror] | //*[@onmouseover] | //x:b", namespaces=NS) == []
    assert not any(href.startswith("javascript:") for href in page.xpath("//@href"))
    done = epubcheck(book.path)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in done.stdout + done.stderr, done.stdout + done.stderr
