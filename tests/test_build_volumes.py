"""Volumes by month and a PDF per article, cut from its volume; only changed volumes rebuilt."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import copy_root
from translate_kit.config import ProjectConfig, load_config
from translate_kit.errors import ConfigError
from translate_kit.publish import build_html, build_pdfs
from translate_kit.volumes import group_articles, volume_of

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
TITLES = {
    "zh-Hant": {"library": "圖書館延長開放時間", "harbour": "港口擴建工程開工",
                "bridge": "新橋通車典禮舉行"},
    "zh-Hans": {"library": "图书馆延长开放时间", "harbour": "港口扩建工程开工",
                "bridge": "新桥通车典礼举行"},
}
BODIES = {"zh-Hant": "港口擴建工程今日開工，預計兩年後完成。",
          "zh-Hans": "港口扩建工程今日开工，预计两年后完成。"}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> ProjectConfig:
    root = copy_root("volumes", tmp_path_factory.mktemp("volumes"))
    config = load_config(root)
    build_pdfs(config)
    return config


def test_the_volume_of_an_article_is_its_month_its_year_or_the_archive():
    assert volume_of("2026-11-27", "month") == "2026-11"
    assert volume_of("2026-11-27", "year") == "2026"
    assert volume_of("2026-11-27", "all") == ""
    assert volume_of("", "month") is None
    pairs = [("articles/b", "2026-11-20"), ("articles/c", "2026-10-30"),
             ("articles/a", "2026-11-02"), ("about", "")]
    assert group_articles(pairs, "month") == {"2026-10": ["articles/c"],
                                               "2026-11": ["articles/a", "articles/b"]}


def test_an_unknown_volume_period_names_the_file_and_key(tmp_path):
    (tmp_path / "translate-kit.toml").write_text('[project]\nvolumes = "week"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert "[project] volumes must be one of month, year, all, not 'week'" in str(raised.value)
    assert "translate-kit.toml" in str(raised.value)


@pytest.mark.tex
def test_each_edition_gets_a_volume_per_month(project):
    books = sorted(p.name for p in project.pdf_dir.glob("*.pdf"))
    assert books == ["news-zh-hans-2026-10.pdf", "news-zh-hans-2026-11.pdf",
                     "news-zh-hant-2026-10.pdf", "news-zh-hant-2026-11.pdf"]
    november = pdf_text(project.pdf_dir / "news-zh-hant-2026-11.pdf")
    assert "港口擴建工程開工" in november and "新橋通車典禮舉行" in november
    assert "圖書館延長開放時間" not in november


@pytest.mark.tex
@pytest.mark.parametrize("code", ["zh-Hant", "zh-Hans"])
def test_each_article_pdf_holds_its_own_pages_and_title(project, code):
    edition = project.edition(code)
    titles = TITLES[code]
    for name, title in titles.items():
        pdf = project.article_pdf_path(edition, f"articles/{name}")
        reader = PdfReader(pdf)
        assert reader.metadata["/Title"] == title
        assert reader.trailer["/Root"]["/Lang"] == code
        assert len(reader.pages) == 1
        text = pdf_text(pdf)
        assert text.startswith(title)
        assert [t for other, t in titles.items() if other != name and t in text] == []
    harbour = pdf_text(project.article_pdf_path(edition, "articles/harbour"))
    assert set(HAN.findall(BODIES[code])) <= set(HAN.findall(harbour))


@pytest.mark.tex
def test_an_article_pdf_embeds_the_noto_fonts_it_uses(project):
    pdf = project.article_pdf_path(project.edition("zh-Hant"), "articles/bridge")
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes" and "Noto" in row.split()[0], row


@pytest.mark.tex
def test_the_article_page_links_its_pdf_and_its_volume(project):
    build_html(project)
    page = project.edition_html_dir(project.edition("zh-Hant")) / "articles" / "harbour.html"
    tree = lxml_html.parse(str(page))
    links = {a.text_content(): a.get("href")
             for a in tree.xpath("//*[contains(@class,'tk-pdf')]//a")}
    assert links == {"下載本文 PDF": "../../pdf/zh-hant/articles/harbour.pdf",
                     "下載 PDF": "../../pdf/news-zh-hant-2026-11.pdf"}
    for href in links.values():  # relative: opened from disk, the link finds the file
        assert (page.parent / href).resolve().read_bytes().startswith(b"%PDF")
    older = project.edition_html_dir(project.edition("zh-Hans")) / "articles" / "library.html"
    links = [a.get("href") for a in lxml_html.parse(str(older)).xpath(
        "//*[contains(@class,'tk-pdf')]//a")]
    assert links == ["../../pdf/zh-hans/articles/library.pdf",
                     "../../pdf/news-zh-hans-2026-10.pdf", "../../pdf/news-zh-hans-2026-11.pdf"]


@pytest.mark.tex
def test_an_edited_article_rebuilds_only_its_volume(project):
    kept = [project.pdf_dir / "news-zh-hant-2026-10.pdf",
            project.article_pdf_path(project.edition("zh-Hant"), "articles/library")]
    before = [path.stat().st_mtime_ns for path in kept]
    article = project.docs_dir / "articles" / "bridge.md"
    article.write_text(article.read_text(encoding="utf-8").replace("一半", "三成"),
                       encoding="utf-8")
    result = build_pdfs(project)
    assert [(f.edition.code, f.rebuilt) for f in result.files] == [
        ("zh-Hant", ("2026-11",)), ("zh-Hans", ("2026-11",))]
    assert [path.stat().st_mtime_ns for path in kept] == before
    assert "三成" in pdf_text(project.article_pdf_path(project.edition("zh-Hant"), "articles/bridge"))
    again = build_pdfs(project)
    assert [f.rebuilt for f in again.files] == [(), ()]
    os.utime(article)  # touched, unchanged: the volume's inputs changed, it is made again
    assert [f.rebuilt for f in build_pdfs(project).files] == [("2026-11",), ("2026-11",)]


@pytest.mark.tex
def test_a_removed_article_takes_its_pdfs_and_its_empty_volume_along(project):
    (project.docs_dir / "articles" / "library.md").unlink()
    result = build_pdfs(project)
    assert [f.rebuilt for f in result.files] == [(), ()]  # November did not change
    assert sorted(p.name for p in project.pdf_dir.glob("*.pdf")) == [
        "news-zh-hans-2026-11.pdf", "news-zh-hant-2026-11.pdf"]
    assert sorted(p.name for p in (project.pdf_dir / "zh-hant").rglob("*.pdf")) == [
        "bridge.pdf", "harbour.pdf"]
