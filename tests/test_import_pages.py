"""Whole news pages as editors save them: the article, its metadata, lying charsets, images."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from translate_kit.cli import main
from translate_kit.importer.decode import decode
from translate_kit.importer.extract import from_html

PAGES = Path(__file__).parent / "fixtures" / "pages"
PROJECT = Path(__file__).parent / "fixtures" / "import" / "project"


def extracted(name: str):
    path = PAGES / name
    return from_html(decode(path.read_bytes(), path).text)


def lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.glob("*.html")))
def test_every_page_gives_exactly_its_article(page):
    expected = (PAGES / page).with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert [p.text for p in extracted(page).paragraphs] == lines(expected)


def test_json_ld_og_and_meta_tags_give_the_metadata():
    assert extracted("thepaper-jsonld-comments.html").meta.front_matter() == {
        "author": "陈思雨", "source_url": "https://www.thepaper.cn/newsDetail_forward_29876543",
        "site_name": "澎湃新闻"}
    hk01 = extracted("hk01-article-alt-only.html")
    assert (hk01.title, hk01.meta.date, hk01.meta.author) == (
        "茶餐廳老闆轉型網店 年輕人接手傳統絲襪奶茶", "2026-08-16", "黃嘉欣、梁志強")
    cna = extracted("cna-taiwan-figure.html")
    assert cna.title == "台鐵花東線新購城際列車上路 台北到台東最快3小時"  # headline, not og:title
    assert cna.meta.site_name == "中央社 CNA" and cna.meta.date == "2026-11-20"
    gov = extracted("gov-table-gbk.html")  # a content system's own <meta name=...>
    assert (gov.title, gov.meta.date, gov.meta.site_name, gov.meta.source_url) == (
        "我市召开秋冬季安全生产工作推进会", "2026-10-30", "泰州市人民政府", None)


def test_the_site_name_is_cut_from_a_title_tag():
    assert extracted("xinhua-utf8-says-gb2312.html").title == "长江中游城市群签署生态保护合作协议"
    assert extracted("people-gbk-says-utf8.html").title == "西部陆海新通道班列今年开行突破一万列"


def test_images_leave_their_caption_or_nothing():
    hk01 = [p.text for p in extracted("hk01-article-alt-only.html").paragraphs]
    assert not any("攝" in text or "jpeg" in text for text in hk01)  # alt text only: nothing
    cna = [p.text for p in extracted("cna-taiwan-figure.html").paragraphs]
    assert cna[0].startswith("台鐵新購城際列車20日投入花東線營運，車廂設有")  # its figcaption


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    shutil.copytree(PAGES, root / "sources")
    return root


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--root", str(root), "import", *args])
    assert result.exit_code == 0, result.output
    return result.output


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_page_imports_with_its_metadata_in_the_front_matter(project):
    output = run(project, str(project / "sources" / "udn-story-body.html"))
    [document] = (project / "docs" / "articles").glob("*.md")
    meta = front(document)
    assert meta["title"] == "高雄輕軌環狀線全線通車 串聯38座車站"
    assert meta["date"] == "2026-10-28"
    assert meta["author"] == "記者林佩君／高雄即時報導"
    assert meta["source_url"] == "https://udn.com/news/story/7324/8123456"
    assert meta["site_name"] == "聯合新聞網"
    assert "dated today" not in output
    body = document.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "留言" not in body and "相關新聞" not in body and "延伸閱讀" not in body
    assert "http" not in body and "著作權" not in body


def test_title_and_date_options_win_over_the_page(project):
    run(project, str(project / "sources" / "udn-story-body.html"), "--title", "輕軌成環",
        "--date", "2026-10-29")
    [document] = (project / "docs" / "articles").glob("*.md")
    meta = front(document)
    assert (meta["title"], meta["date"]) == ("輕軌成環", "2026-10-29")


def test_a_charset_declaration_that_lies_is_overruled_by_the_bytes(project):
    output = run(project, str(project / "sources" / "people-gbk-says-utf8.html"))
    assert "warning: the page declares charset utf-8 but is gb18030: read as gb18030" in output
    output = run(project, str(project / "sources" / "xinhua-utf8-says-gb2312.html"))
    assert "warning: the page declares charset gb2312 but is utf-8: read as utf-8" in output
    titles = sorted(front(d)["title"] for d in (project / "docs" / "articles").glob("*.md"))
    assert titles == ["西部陸海新通道班列今年開行突破一萬列", "長江中游城市群簽署生態保護合作協議"]


def test_an_honest_declaration_gives_no_warning(project):
    output = run(project, str(project / "sources" / "ltn-big5.html"))
    assert "declares charset" not in output


def test_metadata_is_text_never_markup(tmp_path, project):
    page = project / "sources" / "hostile.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="&lt;script&gt;alert(1)&lt;/script&gt;">'
        '<meta property="og:url" content="javascript:alert(1)">'
        '<meta name="author" content="{raw}`<b>x</b>`"></head><body><article>'
        '<h1>標題</h1><p>正文第一段，內容很長。</p></article></body></html>', encoding="utf-8")
    run(project, str(page), "--date", "2026-01-01")
    [document] = (project / "docs" / "articles").glob("*.md")
    meta = front(document)
    assert meta["site_name"] == "<script>alert(1)</script>"  # a YAML string, not a page element
    assert "source_url" not in meta
    assert "<script>" not in document.read_text(encoding="utf-8").split("---\n", 2)[2]
