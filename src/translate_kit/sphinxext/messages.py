"""The interface strings of pages, in each edition's language.

Sphinx translates its own chrome through ``language``; ``MESSAGES`` are the strings the
extension adds, and ``THEME`` the few of furo's own words (Next, Previous, On this
page…) that Sphinx's zh_TW and zh_CN catalogs lack.  They are given to Sphinx as a
fallback catalog of its "sphinx" domain, which the page templates translate through.
Script editions write the source edition's strings in their own script (through the same
converter as the articles), so a new OpenCC edition needs no entry.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from sphinx.application import Sphinx
from sphinx.config import Config

from translate_kit.catalogs.compile import mo_bytes
from translate_kit.config import EditionKind
from translate_kit.files import write_if_changed
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.script import edition_text

MESSAGES: dict[str, dict[str, str]] = {
    "zh": {
        "editions": "語言版本",
        "all_editions": "所有版本",
        "pdf": "下載 PDF",
        "epub": "下載 EPUB",
        "article_pdf": "下載本文 PDF",
        "volume_pdf": "下載 {volume} 合輯 PDF",
        "article_epub": "下載本文 EPUB",
        "volume_epub": "下載 {volume} 合輯 EPUB",
        "newest": "最新文章",
        "browse": "瀏覽",
        "archive": "文章彙整",
        "tags": "標籤",
        "tag": "標籤：{tag}",
        "feed": "Atom 訂閱",
        "pages": "頁次",
        "page": "第 {number} 頁",
        "count": "{count} 篇",
        "home": "本版首頁：",
        "not_found_title": "找不到這一頁",
        "not_found": "這個網址沒有頁面：可能已經移動，或網址有誤。",
        "contents": "目錄",
        "date": "日期：",
        "source": "來源：",
        "status": "本頁已翻譯 {percent} %，未翻譯的段落以{language}顯示。",
        "original": "閱讀原文",
        "completeness": "已翻譯 {percent} %",
        "catalog": "翻譯檔：",
        "edit": "編輯此翻譯",
        "fallback_missing": "尚未收入翻譯檔（請執行 translate-kit update）：{where}",
        "fallback_untranslated": "尚未翻譯：{where}",
        "fallback_fuzzy": "模糊翻譯，待譯者確認：{where}",
        "fallback_unsafe": "譯文含不安全的標記，未予採用：{where}",
        "fallback_not_applied": "譯文與原文的標記不符，未予採用：{where}",
        "search_results": "搜尋結果",
        "search_searching": "搜尋中……",
        "search_found_one": "找到 1 篇相符的文章。",
        "search_found": "找到 {count} 篇相符的文章。",
        "search_none": "沒有文章同時含有這些字詞。",
        "search_more": "顯示更多結果",
    },
    "en": {
        "editions": "Editions",
        "all_editions": "All editions",
        "pdf": "Download PDF",
        "epub": "Download EPUB",
        "article_pdf": "Download this article (PDF)",
        "volume_pdf": "Download the {volume} volume (PDF)",
        "article_epub": "Download this article (EPUB)",
        "volume_epub": "Download the {volume} volume (EPUB)",
        "newest": "Newest articles",
        "browse": "Browse",
        "archive": "Archive",
        "tags": "Tags",
        "tag": "Tag: {tag}",
        "feed": "Atom feed",
        "pages": "Pages",
        "page": "page {number}",
        "count": "{count} articles",
        "home": "Home of this edition: ",
        "not_found_title": "Page not found",
        "not_found": "There is no page at this address: it may have moved, or the address is mistyped.",
        "contents": "Contents",
        "date": "Date: ",
        "source": "Source: ",
        "status": "This page is {percent} % translated; untranslated passages are shown in {language}.",
        "original": "Read the original",
        "completeness": "{percent} % translated",
        "catalog": "Catalog: ",
        "edit": "Edit this translation",
        "fallback_missing": "Not in the catalog yet (run translate-kit update): {where}",
        "fallback_untranslated": "Untranslated: {where}",
        "fallback_fuzzy": "Fuzzy translation waiting for review: {where}",
        "fallback_unsafe": "Translation left out as unsafe: {where}",
        "fallback_not_applied": "Translation not applied (its markup differs from the source): {where}",
        "search_results": "Search results",
        "search_searching": "Searching…",
        "search_found_one": "Found 1 page.",
        "search_found": "Found {count} pages.",
        "search_none": "No page contains all of these words.",
        "search_more": "Show more results",
    },
}


THEME: dict[str, dict[str, str]] = {
    "zh": {
        "Next": "下一頁",
        "Previous": "上一頁",
        "Home": "首頁",
        "On this page": "本頁目錄",
        "Edit this page": "編輯本頁",
        "View this page": "檢視本頁原始碼",
        "Back to top": "回到頂部",
    },
}


def _language(config: Config) -> str:
    """The language whose table the edition uses: a script edition uses its source's."""
    edition = current_edition(config)
    if edition.kind is EditionKind.SCRIPT:
        return project_config(config).source_edition.code.split("-")[0].lower()
    return edition.code.split("-")[0].lower()


def message(config: Config, key: str, **values: object) -> str:
    """The string ``key`` as the current edition writes it."""
    table = MESSAGES.get(_language(config), MESSAGES["en"])
    return edition_text(config)(table[key].format(**values))


def _theme_catalog(app: Sphinx, config: Config) -> None:
    """Compile ``THEME`` for this edition and add it under Sphinx's own catalog."""
    words = THEME.get(_language(config))
    if not words or not config.language:
        return
    convert = edition_text(config)
    catalog = Catalog(locale=None)
    for msgid, text in words.items():
        catalog.add(msgid, convert(text))
    directory = Path(app.doctreedir) / "translate-kit-locale"
    write_if_changed(directory / config.language / "LC_MESSAGES" / "sphinx.mo", mo_bytes(catalog),
                     durable=False)
    app.add_message_catalog("sphinx", str(directory))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _theme_catalog, priority=400)
