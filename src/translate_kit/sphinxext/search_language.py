"""The words of the search index: folded script, overlapping CJK bigrams, English stems.

Chinese has no spaces, and a reader may type ``经济开发区`` as one string, or ``經濟``, or
a name the dictionary of a word segmenter has never seen.  So no segmenter decides what
a word is: after folding (``search_fold``), every run of CJK characters is indexed as
its overlapping bigrams (``經濟開發區`` → 經濟 濟開 開發 發區), as Lucene's CJK analyzer
does, and a run of one character as that character.  A query is cut the same way in
the browser and finds the pages that hold all of its bigrams, whatever grouping of
characters the reader chose.  Other words (English, pinyin, numbers) are stemmed with
Sphinx's English stemmer, whose JavaScript twin Sphinx ships in ``language_data.js``.
"""

from __future__ import annotations

import re

from sphinx.search import SearchLanguage
from sphinx.search.en import SearchEnglish

CJK = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U000323af"
)
"""Han characters (and radicals, iteration marks): the characters cut into bigrams."""
TOKEN = re.compile(rf"[{CJK}]+|[^\W_]+")


def cjk_terms(run: str) -> list[str]:
    """The index terms of a run of CJK characters: its bigrams, or the one character."""
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


class FoldedSearch(SearchLanguage):
    """Sphinx's search language for every edition (``lang`` and ``fold`` set per build)."""

    lang = "en"
    # English stemming as this Sphinx version does it, in Python and in language_data.js
    language_name = SearchEnglish.language_name
    js_stemmer_rawcode = SearchEnglish.js_stemmer_rawcode
    js_stemmer_code = SearchEnglish.js_stemmer_code
    stopwords = SearchEnglish.stopwords
    fold: dict[int, int] = {}

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.english = SearchEnglish(options)

    def split(self, input: str) -> list[str]:
        """Folded terms of ``input``, each once (the index only records presence)."""
        terms: dict[str, None] = {}
        for token in TOKEN.findall(input.translate(self.fold)):
            if re.match(rf"[{CJK}]", token):
                terms.update(dict.fromkeys(cjk_terms(token)))
            else:
                terms[token] = None
        return list(terms)

    def stem(self, word: str) -> str:
        if re.match(rf"[{CJK}]", word):
            return word
        return self.english.stem(word)

    def word_filter(self, word: str) -> bool:
        return word not in self.stopwords
