"""Sphinx's Chinese search, with a stemmer its search page can find where Sphinx lacks one.

Sphinx 9.0's Chinese search ships the English stemmer (for the Latin words in Chinese
text) but writes ``window.Stemmer = ChineseStemmer`` into ``language_data.js``, a class
that does not exist: the search page stops with a script error and shows no results.
Earlier Sphinx versions (an inline stemmer) and any later one that names the class it
ships need nothing, so the fix is applied only when the shipped stemmer script lacks the
class Sphinx will name.  Its own module, because importing Sphinx's Chinese search
imports jieba.
"""

from __future__ import annotations

from pathlib import Path

import sphinx
from sphinx.search import SearchLanguage
from sphinx.search.zh import SearchChinese

STEMMER_SCRIPTS = Path(sphinx.__file__).parent / "search" / "minified-js"


class ChineseSearch(SearchChinese):
    """Names the stemmer Sphinx writes as ``<language_name>Stemmer``: the English one."""

    language_name = "English"


def names_missing_stemmer(language: type[SearchLanguage]) -> bool:
    """Whether Sphinx would point ``window.Stemmer`` at a class its script does not define."""
    if not language.js_stemmer_rawcode:
        return False
    script = STEMMER_SCRIPTS / language.js_stemmer_rawcode
    return f"{language.language_name}Stemmer" not in script.read_text(encoding="utf-8")


def search_language() -> type[SearchLanguage]:
    """The Chinese search class to register: Sphinx's own unless it needs the fix."""
    return ChineseSearch if names_missing_stemmer(SearchChinese) else SearchChinese
