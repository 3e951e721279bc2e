"""The Chinese search fix applies only where Sphinx names a stemmer class it lacks."""

from __future__ import annotations

from sphinx.search import SearchLanguage

from translate_kit.sphinxext.chinese_search import names_missing_stemmer


def _language(name: str, rawcode: str) -> type[SearchLanguage]:
    return type("Language", (SearchLanguage,), {"language_name": name, "js_stemmer_rawcode": rawcode})


def test_a_stemmer_script_that_defines_the_named_class_needs_no_fix():
    assert names_missing_stemmer(_language("English", "english-stemmer.js")) is False


def test_a_name_the_script_does_not_define_needs_the_fix():
    # Sphinx 9.0's Chinese search: the English script, named as "ChineseStemmer".
    assert names_missing_stemmer(_language("Chinese", "english-stemmer.js")) is True


def test_an_inline_stemmer_needs_no_fix():
    assert names_missing_stemmer(_language("Chinese", "")) is False
