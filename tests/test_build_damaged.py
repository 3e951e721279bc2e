"""A damaged article never stops a build: what no font has shows as its code point."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from conftest import FIXTURES, build, build_editions, copy_root
from translate_kit.config import load_config
from translate_kit.importer import import_sources
from translate_kit.publish import build_pdfs

# ⒕ (U+2495) is only in the CJK fonts; U+E5E5 and U+E5E6 (Private Use Area) are in none.
DAMAGED = FIXTURES / "damaged" / "damaged-article.txt"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The PDF test project with the damaged article imported; and the article's docname."""
    root = copy_root("pdf-editions", tmp_path_factory.mktemp("damaged"))
    (root / "sources").mkdir()
    shutil.copy(DAMAGED, root / "sources" / DAMAGED.name)
    report = import_sources(load_config(root), [root / "sources" / DAMAGED.name], date="2024-05-01")
    [result] = report.results
    assert [f.text for f in result.findings] == ["季帧⒕际?", "|", "\ue5e5\ue5e6"]
    return root, Path(result.document).relative_to("docs").with_suffix("").as_posix()


@pytest.mark.tex
def test_every_pdf_is_built_with_the_missing_characters_as_boxed_code_points(project):
    result = build_pdfs(load_config(project[0]))
    assert len(result.files) == 3
    for pdf in result.files:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf.path), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "U+E5E5 U+E5E6" in text, pdf.edition.code
        assert "⒕" in text and "1200|" in text, pdf.edition.code


def test_html_shows_the_same_boxed_code_points(project, tmp_path):
    root, docname = project
    config = load_config(root)
    page = Path(build(root, tmp_path, config.source_edition.code).outdir) / f"{docname}.html"
    body = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    boxes = body.xpath("//span[@class='garbled']/span[@class='missing-glyph']")
    assert [b.text for b in boxes] == ["U+E5E5", "U+E5E6"]
    assert "季帧⒕际?" in body.text_content()


SAMPLE = Path(__file__).parents[1] / "sources" / "000_5b3b55316f9678e7.txt"
HOSTILE_RESTORED = r"{restored}`負擔 <\input{x}$%~>`"
RESTORED_TITLES = {  # edition -> (shown text, hover title) of the restored 負擔
    "zh-Hant": ("負擔", "匯入時還原；原文：?fù)?dān)"),
    "zh-Hans": ("负担", "导入时还原；原文：?fù)?dān)"),
    "en": ("負擔", "Restored on import; the source reads: ?fù)?dān)"),
}


@pytest.fixture(scope="module")
def restored_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The PDF test project with the sample imported, its clear damage restored."""
    root = copy_root("pdf-editions", tmp_path_factory.mktemp("restored"))
    (root / "sources").mkdir()
    shutil.copy(SAMPLE, root / "sources" / SAMPLE.name)
    report = import_sources(load_config(root), [root / "sources" / SAMPLE.name], date="2019-06-14")
    [result] = report.results
    assert result.counts.restored == 2
    document = root / result.document  # and a restoration whose source is LaTeX
    document.write_text(document.read_text(encoding="utf-8").rstrip("\n") + HOSTILE_RESTORED + "\n",
                        encoding="utf-8")
    return root, Path(result.document).relative_to("docs").with_suffix("").as_posix()


def test_every_edition_shows_the_restored_text_marked_with_its_source(restored_project):
    root, docname = restored_project
    config = load_config(root)
    build_editions(root)
    for edition in config.editions:
        page = config.edition_html_dir(edition) / f"{docname}.html"
        body = lxml.html.fromstring(page.read_text(encoding="utf-8"))
        spans = body.xpath("//span[@class='restored']")
        shown, title = RESTORED_TITLES[edition.code]
        assert [(s.text_content(), s.get("title")) for s in spans][0] == (shown, title), edition.code
        assert spans[1].text_content() in ("善招商決", "善招商决"), edition.code
        assert [s.text_content() for s in body.xpath("//span[@class='garbled']")] == ["?guī)欤晟"]


def test_the_latex_source_marks_the_restored_text_and_names_its_source_in_a_footnote(
        restored_project, tmp_path):
    root, docname = restored_project
    config = load_config(root)
    app = build(root, tmp_path, config.source_edition.code, "latex")
    tex = (Path(app.outdir) / config.tex_name(config.source_edition)).read_text(encoding="utf-8")
    assert r"勇挑重\DUrole{restored}{負擔}\footnote{匯入時還原；原文：?fù)?dān)}、真抓" in tex
    assert r"\DUrole{restored}{善招商決}\footnote{匯入時還原；原文：普猩虥Q}策" in tex
    assert r"\footnote{匯入時還原；原文：\textbackslash{}input\{x\}\$\%\textasciitilde{}}" in tex
