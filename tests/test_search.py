"""The search index's parts: folding, terms, the encoding of page lists, page text."""

from __future__ import annotations

import pytest
from docutils.core import publish_doctree
from hypothesis import given
from hypothesis import strategies as st

from translate_kit.errors import BuildError
from translate_kit.sphinxext.search_fold import (
    dictionary_entries,
    fold_classes,
    fold_table,
    translation,
)
from translate_kit.sphinxext.search_index import encode_ids, page_text, term_shard, write_index
from translate_kit.sphinxext.search_language import FoldedSearch


def folded_search() -> FoldedSearch:
    search = type("EditionSearch", (FoldedSearch,), {"fold": translation(fold_table(()))})
    return search({})


def test_both_scripts_fold_to_the_same_characters():
    fold = translation(fold_table(()))
    for traditional, simplified in [("經濟開發區", "经济开发区"), ("綜合保稅區", "综合保税区"),
                                    ("張小兵", "张小兵"), ("項目招引", "项目招引"),
                                    ("裡", "里"), ("裏", "里")]:
        assert traditional.translate(fold) == simplified.translate(fold)
    assert "經濟".translate(fold) != "經營".translate(fold)


def test_a_phrase_entry_folds_its_differing_characters_together():
    # OpenCC converts 憑藉 to 凭借: 藉 and 借 must then fold alike, though 藉 alone stays 藉.
    # A class is represented by its smallest code point.
    table = fold_classes([("憑", "凭"), ("憑藉", "凭借"), ("乾", "干"), ("乾坤", "乾坤"),
                          ("一個", "一")])
    assert table == {"憑": "凭", "藉": "借", "干": "乾"}


def test_a_build_reads_the_folding_back_from_its_cache(tmp_path):
    made = fold_table.__wrapped__(("s2twp.json",))  # what reading OpenCC's dictionaries gives
    assert fold_table.__wrapped__(("s2twp.json",), tmp_path) == made
    (kept,) = tmp_path.glob("fold-*.json")
    kept.write_text('{"經": "X"}', encoding="utf-8")
    assert fold_table.__wrapped__(("s2twp.json",), tmp_path) == {"經": "X"}  # read, not made
    for damaged in ("[", '{"經": "XY"}', '{"經": 1}'):  # made again
        kept.write_text(damaged, encoding="utf-8")
        assert fold_table.__wrapped__(("s2twp.json",), tmp_path) == made
    other = fold_table.__wrapped__(("s2hk.json",), tmp_path)  # another project's editions
    stale = kept.with_name(kept.name[:-len("0123456789abcdef.json")] + "0000000000000000.json")
    stale.write_text("{}", encoding="utf-8")
    kept.unlink()
    fold_table.__wrapped__(("s2twp.json",), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [kept.name, *(p.name for p in tmp_path.glob("fold-s2hk*"))])  # the stale one is gone
    assert fold_table.__wrapped__(("s2hk.json",), tmp_path) == other


def test_without_a_writable_cache_the_folding_is_made_anyway(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert fold_table.__wrapped__(("s2twp.json",), blocked) == fold_table(("s2twp.json",))


def test_full_width_letters_and_digits_fold_to_ascii():
    assert "ＡＢＣ１２３".translate(translation({})) == "ABC123"


def test_cjk_runs_become_overlapping_bigrams_and_words_are_stemmed():
    search = folded_search()
    terms = search.split("經濟開發區 Economic growth，市")
    # Each script pair folds to its lower code point: 經 (U+7D93) over 经, 济 over 濟.
    assert terms == ["經济", "济开", "开发", "发区", "Economic", "growth", "市"]
    assert [search.stem(t) for t in ("Economic", "growth", "市")] == ["econom", "growth", "市"]
    assert not search.word_filter("the") and search.word_filter("市")


def test_page_lists_are_gaps_in_base_32_or_a_bitmap():
    assert encode_ids([0], 100) == "1"
    assert encode_ids([0, 2, 40], 100) == "12X6"  # gaps 1, 2, 38 = 1*32 + 6 (X is 32 + 1)
    assert encode_ids([], 10) == ""
    assert encode_ids(list(range(12)), 12) == "~__"  # every page: two full bitmap characters
    assert encode_ids([1, 6], 12) == "25"  # as short as a bitmap: gaps
    assert encode_ids([0, 1, 2, 3, 4, 5, 6], 12) == "~_1"


@given(st.integers(1, 5000).flatmap(
    lambda pages: st.tuples(st.just(pages), st.sets(st.integers(0, pages - 1)))))
def test_a_page_list_is_never_longer_than_the_bitmap(case):
    # That the search script reads every list back is checked in test_search_script.py.
    pages, ids = case
    assert len(encode_ids(sorted(ids), pages)) <= 1 + -(-pages // 6)


def test_shards_are_spread():
    # The hash itself is pinned to FNV-1a's test vectors in test_search_script.py.
    assert term_shard("经济", 1) == 0
    assert len({term_shard(chr(0x4E00 + i) * 2, 7) for i in range(50)}) == 7


def test_page_text_leaves_out_the_title_and_comments():
    doctree = publish_doctree("Title\n=====\n\nFirst *para*.\n\n.. a comment\n\nSecond.\n")
    assert page_text(doctree) == ("Title", "First para. Second.")


def _frozen(docnames: list[str]) -> dict:
    """What Sphinx's IndexBuilder.freeze() gives for pages each holding its own term and 經濟."""
    return {"docnames": docnames, "titles": [f"title {d}" for d in docnames],
            "terms": {"經濟": list(range(len(docnames))),
                      **{f"t{d}": i for i, d in enumerate(docnames)}},
            "titleterms": {}}


def test_a_new_article_adds_a_record_and_leaves_the_others_alone(tmp_path):
    old = ["a1", "a2", "a3"]
    texts = {d: {"title": d, "text": f"text of {d}"} for d in [*old, "a4"]}
    write_index(tmp_path, _frozen(old), ["a3", "a2", "a1"], texts, lambda d: f"{d}.html")
    records = tmp_path / "_search" / "d"
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    write_index(tmp_path, _frozen([*old, "a4"]), ["a4", "a3", "a2", "a1"], texts,
                lambda d: f"{d}.html")
    after = {p.name: p.read_bytes() for p in records.iterdir()}
    assert {name: after[name] for name in before} == before
    assert set(after) - set(before) == {"3.js"}
    assert '"u":"a4.html"' in after["3.js"].decode()  # the newest has the highest number


def test_a_dictionary_opencc_cannot_read_is_an_error_naming_it(tmp_path):
    broken = tmp_path / "broken.ocd2"
    broken.write_bytes(b"not a dictionary")
    with pytest.raises(BuildError) as caught:
        list(dictionary_entries(broken))
    assert str(caught.value).startswith(f"{broken}: opencc_dict failed with exit code")
