"""Each Chinese edition as its readers write: the mainland's 着, and each edition's quotation marks.

Built in-process (see ``test_extension``) from the ``multi`` mini project with one more
article in Taiwan's forms, with the mainland's quotation marks it arrived with.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import build, copy_root, with_article
from test_extension import article_text

ARTICLE = """\
---
date: 2024-03-17
myst:
  html_meta:
    description: 開發區提出“一企一策”
---

# 著眼“內外兼顧”

隨著開發區著力強化服務，企業提出“一企一策”，他說：“要‘內外兼顧’。”

英文報導寫道：“The zone’s plan is ‘bold’.”

網址見 <https://example.com/“a”.html>，代碼 `“引號”` 不變。

![“一企一策”的標誌](photo.png)

```text
“原樣”
```
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_root("multi", tmp_path_factory.mktemp("standards"))
    return with_article(root, "a003", ARTICLE)


@pytest.fixture(scope="module")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    for code in ("zh-Hant", "zh-Hans"):
        build(project, out / code, code)
    return out


def page(built: Path, code: str, name: str = "articles/a003") -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / code / "html" / f"{name}.html").read_bytes())


def test_the_simplified_edition_writes_the_mainlands_particle(built):
    text = article_text(page(built, "zh-Hans"))
    assert text.startswith("着眼“内外兼顾”¶")
    assert "随着开发区着力强化服务" in text
    assert "著" not in text


def test_the_traditional_edition_quotes_with_corner_brackets(built):
    tree = page(built, "zh-Hant")
    text = article_text(tree)
    assert text.startswith("著眼「內外兼顧」¶")
    assert "企業提出「一企一策」，他說：「要『內外兼顧』。」" in text
    assert "英文報導寫道：「The zone’s plan is ‘bold’.」" in text
    assert tree.findtext(".//title").startswith("著眼「內外兼顧」")
    assert tree.xpath("//meta[@name='description']/@content") == ["開發區提出「一企一策」"]
    assert tree.xpath("//article//img/@alt") == ["「一企一策」的標誌"]
    index = page(built, "zh-Hant", "articles/index")
    assert "著眼「內外兼顧」" in [a.text_content() for a in index.xpath("//article//li/a")]


def test_the_simplified_edition_quotes_with_curly_marks(built):
    text = article_text(page(built, "zh-Hans"))
    assert "企业提出“一企一策”，他说：“要‘内外兼顾’。”" in text
    assert "英文报导写道：“The zone’s plan is ‘bold’.”" in text


@pytest.mark.parametrize("code", ["zh-Hant", "zh-Hans"])
def test_code_literal_blocks_and_urls_keep_their_marks(built, code):
    tree = page(built, code)
    assert tree.xpath("string(//article//code[contains(@class, 'literal')])") == "“引號”"
    assert tree.xpath("string(//article//pre)").strip() == "“原樣”"
    link = tree.xpath("//article//a[contains(@class, 'external')]")[0]
    assert link.text_content() == "https://example.com/“a”.html"


def search_record(built: Path, code: str, url: str) -> dict[str, str]:
    """The title and text the search page shows for ``url`` (``TKSearch.page(n, {...});``)."""
    for path in (built / code / "html" / "_search" / "d").glob("*.js"):
        record = json.loads(path.read_text(encoding="utf-8").split(",", 1)[1].removesuffix(");\n"))
        if record["u"] == url:
            return record
    raise AssertionError(f"no search record of {url}")


def test_search_results_show_the_pages_marks(built):
    hant = search_record(built, "zh-Hant", "articles/a003.html")
    assert hant["t"] == "著眼「內外兼顧」" and "企業提出「一企一策」" in hant["x"]
    hans = search_record(built, "zh-Hans", "articles/a003.html")
    assert hans["t"] == "着眼“内外兼顾”" and "企业提出“一企一策”" in hans["x"]


def test_the_pdfs_latex_has_the_pages_marks(project, tmp_path):
    """The LaTeX writer only (no xelatex): the PDF is typeset from the same text."""
    app = build(project, tmp_path, "zh-Hant", "latex")
    tex = "".join(t.read_text(encoding="utf-8") for t in sorted(Path(app.outdir).glob("*.tex")))
    assert "企業提出「一企一策」，他說：「要『內外兼顧』。」" in tex


HONG_KONG_EDITIONS = """\
[[editions]]
code = "{source}"
label = "source"
kind = "source"
sphinx_language = "{language}"

[[editions]]
code = "zh-Hans"
label = "简体中文"
kind = "script"
sphinx_language = "zh_CN"
"""
HONG_KONG_SCRIPT = """
[[editions]]
code = "zh-HK"
label = "香港繁體"
kind = "script"
sphinx_language = "zh_HK"
"""


def standards_project(root: Path, editions: str, text: str) -> Path:
    config = root / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + editions, encoding="utf-8")
    return with_article(root, "a003", f"---\ndate: 2024-03-17\n---\n\n{text}")


TAIWAN_TEXT = "# 住戶衛生講座\n\n隨著氣溫下降，住戶在屋裡加強衛生，喜悅地兌換稅單。\n"


def test_a_hong_kong_edition_writes_hong_kongs_forms(tmp_path):
    """From a Taiwanese source (tw2t, then t2hk): 户 衞 裏 着 温 悦 兑 税, not 戶 衛 裡 著 溫 悅 兌 稅."""
    root = standards_project(copy_root("multi", tmp_path),
                             HONG_KONG_EDITIONS.format(source="zh-Hant", language="zh_TW")
                             + HONG_KONG_SCRIPT, TAIWAN_TEXT)
    build(root, tmp_path / "out", "zh-HK")
    tree = lxml.html.fromstring((tmp_path / "out" / "html" / "articles" / "a003.html").read_bytes())
    assert tree.get("lang") == "zh-HK"
    text = article_text(tree)
    assert text.startswith("住户衞生講座¶")
    assert "隨着氣温下降，住户在屋裏加強衞生，喜悦地兑換税單。" in text


def test_a_hong_kong_source_is_simplified_from_hong_kongs_forms(tmp_path):
    """hk2s: the Hong Kong 衞 is the mainland's 卫 (tw2s would leave it), 裏 is 里."""
    root = standards_project(copy_root("multi", tmp_path),
                             HONG_KONG_EDITIONS.format(source="zh-HK", language="zh_HK"),
                             "# 住户衞生講座\n\n隨着氣温下降，住户在屋裏加強衞生，喜悦地兑換税單。\n")
    for code in ("zh-HK", "zh-Hans"):
        build(root, tmp_path / code, code)
    source = lxml.html.fromstring((tmp_path / "zh-HK" / "html" / "articles" / "a003.html").read_bytes())
    assert source.get("lang") == "zh-HK"
    assert "隨着氣温下降，住户在屋裏加強衞生" in article_text(source)
    simplified = article_text(lxml.html.fromstring(
        (tmp_path / "zh-Hans" / "html" / "articles" / "a003.html").read_bytes()))
    assert simplified.startswith("住户卫生讲座¶")
    assert "随着气温下降，住户在屋里加强卫生，喜悦地兑换税单。" in simplified
