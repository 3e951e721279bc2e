"""Sphinx's Chinese search with a stemmer its search page can find.

Sphinx 9.0's Chinese search ships the English stemmer (for the Latin words in Chinese
text) but writes ``window.Stemmer = ChineseStemmer`` into ``language_data.js``, a class
that does not exist: the search page stops with a script error and shows no results.
Its own module, because importing Sphinx's Chinese search imports jieba.
"""

from __future__ import annotations

from sphinx.search.zh import SearchChinese


class ChineseSearch(SearchChinese):
    """Names the stemmer Sphinx writes as ``<language_name>Stemmer``: the English one."""

    language_name = "English"
