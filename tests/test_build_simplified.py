"""End-to-end: an article that arrived in simplified script, imported and built.

The simplified edition's page must be the original text character for character (not a
conversion of its conversion), before and after ``translate-kit update``, and the
traditional edition's page must have Taiwan's forms.  The article was written for the
tests (``fixtures/simplified/household-tax-rebate.txt``).
"""

import shutil
from pathlib import Path

import lxml.html
import opencc
import pytest

from conftest import translate_kit

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "simplified" / "household-tax-rebate.txt"
PAGE = "articles/taizhou-kaifaqu-tuichu-zhuhu-tuishui.html"
ORIGINAL = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("simplified") / "project"
    shutil.copytree(FIXTURES / "import" / "project", root)
    (root / "sources").mkdir()
    shutil.copy(ARTICLE, root / "sources" / ARTICLE.name)
    imported = translate_kit(root, "import", f"sources/{ARTICLE.name}", "--date", "2026-11-27")
    assert imported.returncode == 0, imported.stderr
    return root


def build(root: Path) -> None:
    built = translate_kit(root, "build", "html")
    assert built.returncode == 0, built.stdout + built.stderr


def passages(root: Path, edition: str) -> list[str]:
    """The article's title and paragraphs as readers get them, headerlink and meta aside."""
    tree = lxml.html.parse(str(root / "_build" / "html" / edition / PAGE)).getroot()
    section = tree.xpath("//section[h1]")[0]
    title = "".join(section.xpath("./h1/text()"))
    paragraphs = [p.text_content() for p in section.xpath("./p[not(@class)]")]
    return [title, *paragraphs]


def test_the_simplified_page_is_the_original_and_the_traditional_one_taiwans(project):
    build(project)
    assert passages(project, "zh-hans") == ORIGINAL
    traditional = "".join(passages(project, "zh-hant"))
    assert not set("户温悦脱税兑着") & set(traditional)
    assert set("戶溫悅脫稅兌著") <= set(traditional)
    assert "颱風過後" in traditional and "居民的想像。" in traditional
    # Converted back by either configuration, the page would not be the original.
    last = passages(project, "zh-hant")[-1]
    for config in ("t2s.json", "tw2s.json"):
        assert opencc.OpenCC(config).convert(last) != ORIGINAL[-1]


def test_the_original_survives_update(project):
    updated = translate_kit(project, "update")
    assert updated.returncode == 0, updated.stderr
    build(project)
    assert passages(project, "zh-hans") == ORIGINAL
