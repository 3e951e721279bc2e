"""Imported articles built by Sphinx: text stays text, garbled spans show, front matter hides."""

import shutil
from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from sphinx.application import Sphinx

from translate_kit.config import load_config
from translate_kit.importer import import_sources

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "project"

SHOWN = {  # a hostile source line -> the text its page shows
    '他寫道:<script>alert("x")</script>完畢': '他寫道：<script>alert("x")</script>完畢',
    "角色{raw}`<b>粗</b>`與`代碼`和*強調*及_底線_還有$x^2$":
        "角色{raw}`<b>粗</b>`與`代碼`和*強調*及_底線_還有$x^2$",
    # parentheses and a semicolon next to Han become full-width; the URL keeps its own
    "連結[點我](javascript:alert(1))與<a href=\"javascript:alert(2)\">這裡</a>及&amp;和\\反斜線":
        "連結[點我]（javascript:alert(1)）與<a href=\"javascript:alert(2)\">這裡</a>及&amp；和\\反斜線",
    "# 不是標題": "# 不是標題",
    "1. 不是列表": "1. 不是列表",
    "--- 不是分隔線": "--- 不是分隔線",
    "> 不是引用": "> 不是引用",
    "| 不是 | 表格 |": "| 不是 | 表格 |",
    "+ 不是列表": "+ 不是列表",
    "(target)=": "(target)=",
    "% 不是註解": "% 不是註解",
    "~~不是刪除線~~與{{ 不是替換 }}": "~~不是刪除線~~與{{ 不是替換 }}",
}
GARBLED = "勇挑重?fù)?dān)、真抓實干"
HOSTILE = [*SHOWN, GARBLED]
DAMAGED = ["金額5`元。", "產值達到1200|元。", "報告指出，\ue5e5\ue5e6園區。"]
HOSTILE_RESTORED = '{restored}`` 負擔 <"><script>alert(1)</script>`&> ``'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("sphinx") / "project"
    shutil.copytree(FIXTURE, root)
    source = root / "hostile.txt"
    source.write_text("\n".join(HOSTILE + DAMAGED) + "\n", encoding="utf-8")
    report = import_sources(load_config(root), [source], title="*標題*<i>斜</i>", date="2024-05-01")
    docname = Path(report.results[0].document).relative_to("docs").with_suffix("").as_posix()
    document = root / "docs" / f"{docname}.md"  # a restoration whose source is hostile
    document.write_text(document.read_text(encoding="utf-8").rstrip("\n") + HOSTILE_RESTORED + "\n",
                        encoding="utf-8")
    warnings = StringIO()
    app = Sphinx(root / "docs", root / "docs", root / "_build" / "html", root / "_build" / "doctrees",
                 "html", status=None, warning=warnings, freshenv=True)
    app.build()
    html = (root / "_build" / "html" / f"{docname}.html").read_text(encoding="utf-8")
    body = lxml.html.fromstring(html).xpath("//div[@role='main']")[0]
    return app, docname, body, warnings.getvalue()


def test_the_build_has_no_warnings(built):
    assert built[3] == ""


def test_hostile_text_is_shown_literally(built):
    _, _, body, _ = built
    text = body.text_content()
    for shown in SHOWN.values():
        assert shown in text
    assert "*標題*<i>斜</i>" in body.xpath("string(.//h1)")


def test_hostile_text_emits_no_element(built):
    _, _, body, _ = built
    for tag in ("script", "em", "strong", "b", "i", "code", "a[starts-with(@href, 'javascript')]",
                "ol", "ul", "blockquote", "hr", "table", "del", "h2", "span[@class='math']"):
        assert body.xpath(f".//{tag}") == [], tag
    assert len(body.xpath(".//h1")) == 1
    # Every hostile line is one paragraph; the date/source line under the title is the extension's.
    paragraphs = body.xpath(".//p[not(contains(@class, 'tk-article-meta'))]")
    assert len(paragraphs) == len(HOSTILE + DAMAGED)


def test_garbled_spans_render_as_marked_spans(built):
    app, _, body, _ = built
    spans = body.xpath(".//span[@class='garbled']")
    # the lone backslash between 和 and 反 is where GBK and Big5 lose a character's first byte
    assert [s.text_content() for s in spans] == ["\\", "`", "|", "U+E5E5U+E5E6"]
    assert all(s.get("title") for s in spans)
    assert (Path(app.outdir) / "_static" / "translate-kit-garbled.css").exists()


def test_restored_text_renders_marked_with_its_source_as_plain_text(built):
    _, _, body, _ = built
    spans = body.xpath(".//span[@class='restored']")
    assert [(s.text_content(), s.get("title"), len(s)) for s in spans] == [
        ("負擔", "Restored on import; the source reads: ?fù)?dān)", 0),
        ("負擔", 'Restored on import; the source reads: "><script>alert(1)</script>`&', 0),
    ]
    assert "勇挑重負擔、真抓實干" in body.text_content()


def test_characters_no_font_has_show_as_boxed_code_points(built):
    _, _, body, _ = built
    boxes = body.xpath(".//span[@class='garbled']/span[@class='missing-glyph']")
    assert [(b.text, b.get("title")) for b in boxes] == [("U+E5E5", "U+E5E5"), ("U+E5E6", "U+E5E6")]
    assert "金額5`元。" in body.text_content() and "1200|元" in body.text_content()


def test_front_matter_is_metadata_not_page_content(built):
    app, docname, body, _ = built
    text = lxml.html.tostring(body, encoding="unicode")
    assert "source_sha256" not in text and "docinfo" not in text and "field-list" not in text
    meta = app.env.metadata[docname]
    assert meta["date"] == "2024-05-01" and meta["source"] == "hostile.txt"
