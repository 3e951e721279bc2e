"""Sharing metadata (OpenGraph, description) of article pages in every edition, built from
tests/roots/status (base_url set), and escaped when a title or a sentence looks like markup."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import build_editions, copy_root
from translate_kit.sphinxext.sharing import first_sentence, og_locale

BASE = "https://news.example.org/zone/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_editions(copy_root("status", tmp_path_factory.mktemp("sharing")))


def tags(site: Path, slug: str, name: str) -> dict[str, str]:
    tree = lxml.html.parse(str(site / slug / f"{name}.html")).getroot()
    found = {}
    for meta in tree.xpath("//head/meta[@content][@property or @name]"):
        key = meta.get("property") or meta.get("name")
        assert key not in found or key == "viewport", f"{key} twice"  # furo writes viewport twice
        found[key] = meta.get("content")
    return found


@pytest.mark.parametrize("slug, expected", [
    ("zh-hant", {"og:title": "圖書館延長開放", "og:description": "市立圖書館從下週起延長開放時間。",
                 "og:locale": "zh_TW", "og:site_name": "開發區新聞"}),
    ("zh-hans", {"og:title": "图书馆延长开放", "og:description": "市立图书馆从下周起延长开放时间。",
                 "og:locale": "zh_CN", "og:site_name": "开发区新闻"}),
    ("en", {"og:title": "Longer Library Hours",
            "og:description": "The city library opens longer from next week.",
            "og:locale": "en_US", "og:site_name": "Zone News"}),
])
def test_an_article_carries_its_edition_s_sharing_metadata(site, slug, expected):
    found = tags(site, slug, "articles/full")
    assert {key: found[key] for key in expected} == expected
    assert found["description"] == expected["og:description"]
    assert found["og:type"] == "article"
    assert found["article:published_time"] == "2026-11-15"
    assert found["og:url"] == f"{BASE}{slug}/articles/full.html"


def test_a_page_without_a_date_is_a_website(site):
    found = tags(site, "zh-hant", "index")
    assert found["og:type"] == "website" and "article:published_time" not in found
    assert found["og:title"] == "開發區新聞"


def test_titles_and_sentences_that_look_like_markup_stay_text(site):
    path = site / "zh-hant" / "articles/quotes.html"
    found = tags(site, "zh-hant", "articles/quotes")
    assert found["og:title"] == "「標題」與 \"引號\" <script>alert(1)</script> & 符號"
    assert found["og:description"] == "他說：\"<b>粗體</b>\" & 'x' 不會變成標記。"
    raw = path.read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<b>粗體" not in raw
    assert 'content="「標題」與 &quot;引號&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; 符號"' in raw


def test_first_sentence_and_locale():
    assert first_sentence("他說：「好。」然後走了。") == "他說：「好。」"
    assert first_sentence("Growth was 3.5 percent. It was more.") == "Growth was 3.5 percent."
    assert first_sentence("字" * 300) == "字" * 199 + "…"
    assert [og_locale(name) for name in ("zh_TW", "zh_CN", "zh_HK", "en")] == [
        "zh_TW", "zh_CN", "zh_HK", "en_US"]
