"""Search per edition, Chinese-aware.

Each edition has its own search index, built from its own (converted or translated)
text.  Sphinx's Chinese search splits words with jieba when it is installed; by default
it would also re-load jieba's whole main dictionary as a *user* dictionary in every
build, which costs seconds and adds nothing.  Instead the user dictionary is the
project's phrase glossary (the words OpenCC needed help with), so they stay whole.
jieba reads only files shipped in its package (it caches its prefix dictionary in the
system's temporary directory, so a clean build does not rebuild it).
Where Sphinx's own Chinese search page is broken (Sphinx 9.0), it is replaced by
``chinese_search.ChineseSearch``, whose search page works.  Opened from ``file://``, the search page lists results without the
summaries it cannot fetch there, instead of logging an error per result.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from translate_kit.config import EditionKind
from translate_kit.files import write_if_changed
from translate_kit.script import converter_for
from translate_kit.sphinxext import current_edition, project_config


def _configure(app: Sphinx) -> None:
    """Chinese search for HTML builds (other builders need no index, nor jieba's import)."""
    config = app.config
    language = config.html_search_language or config.language or "en"
    if app.builder.format != "html" or not language.lower().startswith("zh"):
        return
    from translate_kit.sphinxext.chinese_search import search_language

    app.add_search_language(search_language())
    options = dict(config.html_search_options or {})
    options.setdefault("dict", str(_user_dictionary(app) or ""))
    config.html_search_options = options
    _quiet_jieba()


def _user_dictionary(app: Sphinx) -> Path | None:
    """A jieba user dictionary of the edition's glossary words, if it has any."""
    project, edition = project_config(app.config), current_edition(app.config)
    if edition.kind is not EditionKind.SCRIPT:
        return None
    words = sorted({word for _source, word in converter_for(project, edition).phrases})
    if not words:
        return None
    path = project.cache_dir("jieba") / f"{edition.slug}-words.txt"
    write_if_changed(path, "".join(f"{word.split()[0]}\n" for word in words))
    return path


def _quiet_jieba() -> None:
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


def _search_page_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search":
        app.add_js_file("translate-kit-search.js")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _search_page_script)
    app.connect("builder-inited", _configure)
