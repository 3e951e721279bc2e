"""PDF editions: every character printed, right fonts and metadata, nothing injected."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from conftest import copy_root
from translate_kit.fonts import fonts_for, noto_variant
from translate_kit.publish.downloads import DownloadBuild
from translate_kit.publish.pdf import build_pdfs
from translate_kit.cli import main
from translate_kit.config import ProjectConfig, load_config
from translate_kit.errors import BuildError

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
FANDOL_LACKS = "內強撐決況"
SPECIALS = r"\input{/etc/passwd} 100% $5 #1 a_b {x} ~ ^ \ 以上照原樣印出。"
SIMPLIFIED = {  # the Han text of each article as the simplified edition prints it
    "meeting.md": "开发区召开项目建设专题会议 近日，泰州经济开发区召开项目招引建设专题会议，听取项目"
                  "招引、开工建设等情况，研究解决面临难题。张小兵出席会议，陈磊主持会议。会议强调，"
                  "要坚持问题导向，撑起园区发展的脊梁，决不能让项目建设的进度落后于计划，内部协调要"
                  "强化，实际情况要及时汇报。",
    "specials.md": "特殊字元 以上照原样印出。原文照印 不变。中文字",
}
FANDOL_LACKS_SIMPLIFIED = "内强撑决况"


def han(text: str) -> set[str]:
    return set(HAN.findall(text))


def article_body(root: Path, name: str) -> str:
    """An article's Markdown without its front matter."""
    text = (root / "docs" / "articles" / name).read_text(encoding="utf-8")
    return text.split("---\n", 2)[2]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectConfig, DownloadBuild]:
    root = copy_root("pdf-editions", tmp_path_factory.mktemp("pdf"))
    config = load_config(root)
    return config, build_pdfs(config)


def edition_pdf(built: tuple[ProjectConfig, DownloadBuild], code: str) -> Path:
    config, result = built
    return next(p.path for p in result.files if p.edition.code == code)


@pytest.mark.tex
def test_each_edition_gets_a_pdf_named_by_the_configuration(built):
    config, result = built
    assert [p.path for p in result.files] == [
        config.build_dir / "pdf" / config.pdf_name(e) for e in config.editions
    ]
    assert [p.path.name for p in result.files] == [
        "news-zh-hant.pdf", "news-zh-hans.pdf", "news-en.pdf",
    ]
    assert all(p.path.read_bytes().startswith(b"%PDF") for p in result.files)


@pytest.mark.tex
def test_traditional_edition_prints_every_character_fandol_lacks(built):
    config, _ = built
    text = pdf_text(edition_pdf(built, "zh-Hant"))
    for name in ("meeting.md", "specials.md"):
        assert han(article_body(config.root, name)) <= han(text), name
    assert set(FANDOL_LACKS) <= han(text)


@pytest.mark.tex
def test_simplified_edition_prints_the_converted_characters(built):
    text = pdf_text(edition_pdf(built, "zh-Hans"))
    for name, simplified in SIMPLIFIED.items():
        assert han(simplified) <= han(text), name
    assert set(FANDOL_LACKS_SIMPLIFIED) <= han(text)
    assert not set(FANDOL_LACKS) & han(text)


@pytest.mark.tex
def test_english_edition_prints_translation_names_and_untranslated_passage(built):
    config, _ = built
    text = pdf_text(edition_pdf(built, "en"))
    flat = " ".join(text.split())
    assert "Development Zone Holds Meeting on Project Construction" in flat
    assert "Zhang Xiaobing (張小兵)" in flat and "Chen Lei (陳磊)" in flat
    untranslated = article_body(config.root, "meeting.md").split("\n\n")[-1]
    assert "撐起" in untranslated and han(untranslated) <= han(text)


@pytest.mark.tex
def test_all_fonts_are_embedded_noto_fonts(built):
    for pdf in built[1].files:
        rows = subprocess.run(
            ["pdffonts", str(pdf.path)], capture_output=True, text=True, check=True,
        ).stdout.splitlines()[2:]
        assert rows, pdf.path
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert emb == "yes", row
            assert "Noto" in name, row


@pytest.mark.tex
def test_pdf_metadata_and_one_bookmark_per_article(built):
    config, result = built
    titles = {
        "zh-Hant": ["開發區召開項目建設專題會議", "特殊字元"],
        "zh-Hans": ["开发区召开项目建设专题会议", "特殊字元"],
        "en": ["Development Zone Holds Meeting on Project Construction", "特殊字元"],
    }
    for pdf in result.files:
        reader = PdfReader(pdf.path)
        info = reader.metadata
        assert reader.trailer["/Root"]["/Lang"] == pdf.edition.code
        assert info["/Author"] == config.author and info["/Publisher"] == config.publisher
        assert info["/Title"] and pdf.edition.label in info["/Subject"]
        outline = [item.title for item in _flatten(reader.outline)]
        for title in titles[pdf.edition.code]:
            assert title in outline, (pdf.edition.code, outline)


def _flatten(outline: list) -> list:
    return [leaf for item in outline for leaf in (_flatten(item) if isinstance(item, list) else [item])]


@pytest.mark.tex
@pytest.mark.parametrize("code, title, meta", [
    # xeCJK sets a thin space between Han characters and digits; pdftotext shows it.
    ("zh-Hant", "開發區召開項目建設專題會議", ("2023 年 5 月 12 日", "泰州日報")),
    ("zh-Hans", "开发区召开项目建设专题会议", ("2023 年 5 月 12 日", "泰州日报")),
    ("en", "Development Zone Holds Meeting", ("Date: May 12, 2023", "Source: 泰州日報")),
    ("en", "特殊字元", ("June 1, 2023", "https://example.org/news?id=7&lang=zh")),
])
def test_each_article_starts_a_page_with_its_date_and_source(built, code, title, meta):
    pages = [p.strip().splitlines() for p in pdf_text(edition_pdf(built, code)).split("\f")]
    page = next(lines for lines in pages if lines and lines[0] == title)
    meta_line = next(line for line in page if meta[0] in line)
    assert page.index(meta_line) <= 2 and meta[1] in meta_line


@pytest.mark.tex
def test_latex_special_characters_are_printed_literally(built):
    for code in ("zh-Hant", "en"):
        text = pdf_text(edition_pdf(built, code))
        assert SPECIALS in text, code
        assert 'print("中文字")' in text
        assert "root:" not in text
        log = (edition_pdf(built, code).parents[1] / "latex").rglob("*.log")
        assert all("write18 enabled" not in path.read_text(errors="replace") for path in log)


@pytest.mark.tex
def test_straight_quotes_and_backticks_print_as_typed(built):
    # TeX ligatures would curl them: "x" into ”x”, ` into ‘.
    for code in ("zh-Hant", "zh-Hans"):
        assert """<img alt="x"> `ls` 'q' ```""" in pdf_text(edition_pdf(built, code)), code


@pytest.mark.tex
def test_english_quotes_and_dashes_stay_latin_only_in_the_english_edition(built):
    def font_of(code: str, char: str) -> str:
        xml = subprocess.run(
            ["pdftohtml", "-xml", "-i", "-stdout", str(edition_pdf(built, code))],
            capture_output=True, check=True,
        ).stdout
        tree = etree.fromstring(xml, etree.XMLParser(recover=True))
        fonts = {f.get("id"): f.get("family") for f in tree.iter("fontspec")}
        return next(fonts[t.get("font")] for t in tree.iter("text") if char in "".join(t.itertext()))

    for char in "“—’·":
        assert "CJK" not in font_of("en", char), char
    assert "CJK" in font_of("zh-Hant", "“")


@pytest.mark.tex
def test_a_character_no_font_has_fails_naming_it_and_the_edition(tmp_path):
    root = copy_root("pdf-editions", tmp_path)
    article = root / "docs" / "articles" / "rare.md"
    article.write_text("---\ndate: 2023-06-02\n---\n\n# 罕見字\n\n這個字𪛖沒有字型。\n",
                       encoding="utf-8")
    config = load_config(root)
    old = config.build_dir / "pdf" / config.pdf_name(config.source_edition)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"%PDF previous build")

    with pytest.raises(BuildError) as failure:
        build_pdfs(config, (config.source_edition,))

    assert "edition zh-Hant" in str(failure.value) and "𪛖 (U+2A6D6)" in str(failure.value)
    assert (failure.value.path, failure.value.line, failure.value.column) == (article, 7, 4)
    assert old.read_bytes() == b"%PDF previous build"


def test_without_tex_the_build_names_the_debian_packages(tmp_path, monkeypatch):
    root = copy_root("pdf-editions", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(main, ["--root", str(root), "build", "pdf"])
    output = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "xelatex" in output
    assert "apt-get install texlive-xetex" in output and "fonts-noto-cjk" in output
    assert not (root / "_build" / "pdf").exists()


@pytest.mark.parametrize("code, variant", [
    ("zh-Hant", "TC"), ("zh-TW", "TC"), ("zh-Hant-TW", "TC"), ("zh-HK", "HK"),
    ("zh-Hant-HK", "HK"), ("zh-MO", "HK"), ("zh-Hans", "SC"), ("zh-Hans-HK", "SC"),
    ("zh-CN", "SC"), ("zh", "SC"), ("en", None), ("ja", None),
])
def test_cjk_font_variant_follows_script_then_region(code, variant):
    assert noto_variant(code) == variant


def test_english_edition_uses_the_source_editions_cjk_fonts(tmp_path):
    (tmp_path / "translate-kit.toml").write_text(
        '[[editions]]\ncode = "zh-HK"\nlabel = "香港"\nkind = "source"\n'
        '[[editions]]\ncode = "en"\nlabel = "English"\nkind = "translation"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    fonts = fonts_for(config, config.edition("en"))
    assert fonts.serif == "Noto Serif"
    assert (fonts.cjk_serif, fonts.mono) == ("Noto Serif CJK HK", "Noto Sans Mono CJK HK")


@pytest.mark.tex
def test_site_builds_the_pdfs_then_the_html_that_offers_them(tmp_path):
    root = copy_root("pdf-editions", tmp_path)
    result = CliRunner().invoke(main, ["--root", str(root), "build", "site", "-e", "zh-Hant"])
    assert result.exit_code == 0, result.output
    built = root / "_build" / "pdf" / "news-zh-hant.pdf"
    published = root / "_build" / "html" / "pdf" / "news-zh-hant.pdf"
    assert published.read_bytes() == built.read_bytes()
    pages = (root / "_build" / "html" / "zh-hant").rglob("*.html")
    assert any("news-zh-hant.pdf" in page.read_text(encoding="utf-8") for page in pages)
