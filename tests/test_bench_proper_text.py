"""The proper-text benchmark: what each edition changes of the articles the tests ship."""

import shutil

import pytest

from conftest import FIXTURES
from benchmarks.proper_text import CORPUS, measure_proper_text
from translate_kit.config import load_config


@pytest.fixture(scope="module")
def shares(tmp_path_factory):
    root = tmp_path_factory.mktemp("proper") / "project"
    shutil.copytree(FIXTURES / "import" / "project", root)
    found = measure_proper_text(load_config(root))
    return {(s.article, s.edition): s for s in found}


def changed(shares, article, edition):
    share = shares[article, edition]
    return share.reference, share.changed


def test_a_simplified_original_is_the_simplified_edition_character_for_character(shares):
    for article in ("mainland.txt", "household-tax-rebate.txt"):
        assert changed(shares, article, "zh-Hans") == ("original", 0)
        assert changed(shares, article, "zh-Hant") == ("s2tw.json", 0)


def test_a_taiwanese_article_is_converted_as_tw2s_converts_it(shares):
    assert changed(shares, "taiwan.txt", "zh-Hant") == ("original", 0)
    assert changed(shares, "taiwan.txt", "zh-Hans") == ("tw2s.json", 0)
    # the import widens 6 commas and colons of its Chinese text; the simplified edition
    # also keeps the 13 characters of the Japanese and Korean passages tw2s converts
    assert changed(shares, "japan-korea.txt", "zh-Hant") == ("original", 6)
    assert changed(shares, "japan-korea.txt", "zh-Hans") == ("tw2s.json", 19)


@pytest.mark.parametrize("article", ["japanese.txt", "korean.txt", "korean-article.txt", "english.txt"])
def test_an_article_in_another_language_is_unchanged_in_every_edition(shares, article):
    assert [changed(shares, article, code) for code in ("zh-Hant", "zh-Hans")] == [("original", 0)] * 2


def test_no_damage_flag_on_proper_text_and_the_samples_damage_is_found(shares):
    flags = {article: share.flags for (article, code), share in shares.items() if code == "zh-Hant"}
    assert flags.pop("000_5b3b55316f9678e7.txt") == 3
    assert len(flags) == len(CORPUS) - 1 and set(flags.values()) == {0}
