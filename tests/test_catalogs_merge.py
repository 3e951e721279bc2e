"""The merge of extracted messages into a catalog, on in-memory catalogs (no Sphinx)."""

from pathlib import Path

from babel.messages.catalog import Catalog
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from translate_kit.catalogs.memory import TranslationMemory
from translate_kit.catalogs.merge import merge
from translate_kit.catalogs.pofile_io import iter_messages, parse_catalog, render_catalog

PARAGRAPHS = [
    "泰州綜合保稅區於二〇二四年五月正式揭牌運作。",
    "開發區管委會表示，今年外貿進出口總額預計增長百分之十五。",
    "園區內已有三十多家企業入駐，涵蓋生物醫藥與新能源產業。",
]


def template(paragraphs):
    catalog = Catalog()
    for number, text in enumerate(paragraphs, 1):
        catalog.add(text, locations=[("../../docs/articles/zone.md", number * 2)])
    return catalog


def new_catalog():
    return Catalog(locale="en", project="news", version="articles/zone", fuzzy=False)


def round_trip(catalog):
    """What the next run reads back from disk."""
    return parse_catalog(render_catalog(catalog), Path("zone.po"))


def translated(paragraphs):
    catalog = round_trip(merge(template(paragraphs), new_catalog()).catalog)
    for message in iter_messages(catalog):
        message.string = f"EN[{message.id}]"
    return round_trip(catalog)


def translations(catalog):
    messages = [*iter_messages(catalog), *catalog.obsolete.values()]
    return {m.string for m in messages if m.string}


def test_an_edited_paragraph_becomes_fuzzy_with_its_previous_msgid():
    old = translated(PARAGRAPHS)
    edited = PARAGRAPHS[1].replace("十五", "十八")
    result = merge(template([PARAGRAPHS[0], edited, PARAGRAPHS[2]]), old)
    message = result.catalog[edited]
    assert message.fuzzy and message.string == f"EN[{PARAGRAPHS[1]}]"
    assert message.previous_id == [PARAGRAPHS[1]]
    assert not result.catalog[PARAGRAPHS[0]].fuzzy
    text = render_catalog(result.catalog).decode()
    assert f'#| msgid "{PARAGRAPHS[1]}"' in text
    assert result.counts.fuzzy_edited == 1 and result.counts.kept == 2


def test_a_removed_paragraph_stays_obsolete_and_comes_back_unchanged():
    old = translated(PARAGRAPHS)
    without = round_trip(merge(template(PARAGRAPHS[:2]), old).catalog)
    assert PARAGRAPHS[2] not in [m.id for m in iter_messages(without)]
    assert f'#~ msgid "{PARAGRAPHS[2]}"' in render_catalog(without).decode()

    again = merge(template(PARAGRAPHS), without)
    restored = again.catalog[PARAGRAPHS[2]]
    assert restored.string == f"EN[{PARAGRAPHS[2]}]" and not restored.fuzzy
    assert not again.catalog.obsolete and again.counts.restored == 1


def test_reordering_keeps_translations_and_follows_the_source_order():
    old = translated(PARAGRAPHS)
    result = merge(template(PARAGRAPHS[::-1]), old)
    assert [m.id for m in iter_messages(result.catalog)] == PARAGRAPHS[::-1]
    assert all(m.string == f"EN[{m.id}]" and not m.fuzzy for m in iter_messages(result.catalog))


def test_memory_fills_identical_text_and_offers_similar_text_as_fuzzy():
    memory = TranslationMemory([
        ("泰州綜合保稅區", "Taizhou Comprehensive Bonded Zone"),
        (PARAGRAPHS[1], "The committee expects a 15% rise."),
        ("完全不同的一句話，毫無關係。", "Unrelated."),
    ])
    similar = PARAGRAPHS[1].replace("今年", "明年")
    unrelated = "記者從市政府新聞辦公室獲悉此事。"
    result = merge(template(["泰州綜合保稅區", similar, unrelated]), new_catalog(), memory)
    catalog = result.catalog
    assert catalog["泰州綜合保稅區"].string == "Taizhou Comprehensive Bonded Zone"
    assert not catalog["泰州綜合保稅區"].fuzzy
    assert catalog[similar].fuzzy and catalog[similar].previous_id == [PARAGRAPHS[1]]
    assert catalog[similar].string == "The committee expects a 15% rise."
    assert catalog[unrelated].string == ""
    assert (result.counts.from_memory, result.counts.fuzzy_memory, result.counts.untranslated) == (1, 1, 1)


def test_memory_ignores_matches_below_the_threshold():
    memory = TranslationMemory([("泰州經濟開發區管委會", "the zone's administrative committee")])
    result = merge(template(["泰州市政府"]), new_catalog(), memory)
    assert result.catalog["泰州市政府"].string == ""


def _every_text_compared(pairs, msgid, threshold):
    """What a lookup must find: comparing ``msgid`` with every remembered text, the most
    similar at or above the threshold, the first of equals, never msgid itself."""
    first: dict[str, str] = {}
    for text, translation in pairs:
        first.setdefault(text, translation)  # a text's first translation is remembered
    found = process.extract(msgid, list(first), scorer=fuzz.ratio,
                            score_cutoff=threshold * 100, limit=None)
    for text, score, _ in sorted(found, key=lambda f: (-f[1], f[2])):
        if text != msgid:
            return text, first[text], score / 100
    return None


def _looked_up(memory, msgid, threshold):
    match = memory.closest(msgid, threshold)
    return None if match is None else (match.msgid, match.msgstr, match.ratio)


_SHORT_TEXT = st.text(alphabet="甲乙丙丁戊，。ab", min_size=1, max_size=10)
_PAIRS = st.lists(st.tuples(_SHORT_TEXT, st.sampled_from(["EN 1", "EN 2", "EN 3"])), max_size=30)
_THRESHOLD = st.sampled_from([0.5, 0.6, 0.8, 0.9])


@settings(max_examples=200, deadline=None)
@given(_PAIRS, _SHORT_TEXT, _THRESHOLD)
def test_the_suggestion_is_the_most_similar_text_the_first_of_equals(pairs, msgid, threshold):
    assert _looked_up(TranslationMemory(pairs), msgid, threshold) == _every_text_compared(
        pairs, msgid, threshold)


@settings(max_examples=300, deadline=None)
@given(_PAIRS, _PAIRS, st.lists(_SHORT_TEXT, min_size=1, max_size=6), _THRESHOLD)
def test_a_memory_given_an_earlier_runs_lookups_suggests_what_comparing_every_text_would(
        before, after, msgids, threshold):
    """Between the runs texts were translated, untranslated, reordered, retranslated."""
    earlier = TranslationMemory(before)
    for msgid in msgids[::2]:
        earlier.closest(msgid, threshold)
    memory = TranslationMemory(after, earlier.found())
    for msgid in msgids:
        assert _looked_up(memory, msgid, threshold) == _every_text_compared(after, msgid, threshold)


def test_fuzzy_translations_are_not_memory():
    catalog = Catalog(locale="en")
    catalog.add("泰州", "Taichow", flags=["fuzzy"])
    catalog.add("新聞", "News")
    memory = TranslationMemory.from_catalogs([catalog])
    assert memory.exact("泰州") is None and memory.exact("新聞") == "News"


def test_annotations_are_added_and_translator_comments_kept():
    old = translated(PARAGRAPHS)
    old[PARAGRAPHS[0]].user_comments = ["check the date with the editor"]
    result = merge(template(PARAGRAPHS), old, annotate=lambda m: [f"len: {len(m.id)}"])
    message = result.catalog[PARAGRAPHS[0]]
    assert message.auto_comments == [f"len: {len(PARAGRAPHS[0])}"]
    assert message.user_comments == ["check the date with the editor"]


def test_a_second_merge_without_changes_is_byte_identical():
    first = render_catalog(merge(template(PARAGRAPHS[:2]), translated(PARAGRAPHS)).catalog)
    second = render_catalog(merge(template(PARAGRAPHS[:2]), parse_catalog(first, Path("x"))).catalog)
    assert first == second


def test_babel_format_guesses_do_not_become_flags():
    text = "這是 {garbled}`??` 的段落，增長 5% of"
    result = merge(template([text]), new_catalog())
    assert result.catalog[text].flags == set()


# Random edit sequences: whatever happens to the source, no translation is lost.

sentence = st.text(alphabet="泰州開發區綜合保稅新聞企業園今年增長", min_size=4, max_size=30)
edit = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 50), st.text(alphabet="一二三", min_size=1, max_size=3)),
    st.tuples(st.just("insert"), st.integers(0, 50), sentence),
    st.tuples(st.just("swap"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("delete"), st.integers(0, 50), st.none()),
)


def apply(paragraphs, operation):
    kind, position, value = operation
    paragraphs = list(paragraphs)
    if not paragraphs:
        return [value] if kind == "insert" else paragraphs
    index = position % len(paragraphs)
    if kind == "edit":
        text = paragraphs[index]
        paragraphs[index] = text[: len(text) // 2] + value + text[len(text) // 2:]
    elif kind == "insert":
        paragraphs.insert(index, value)
    elif kind == "swap":
        other = value % len(paragraphs)
        paragraphs[index], paragraphs[other] = paragraphs[other], paragraphs[index]
    else:
        del paragraphs[index]
    return list(dict.fromkeys(paragraphs))


@settings(max_examples=60, deadline=None)
@given(start=st.lists(sentence, min_size=1, max_size=6, unique=True),
       edits=st.lists(edit, min_size=1, max_size=6),
       translate_new=st.booleans())
def test_random_edits_never_lose_a_translation(start, edits, translate_new):
    catalog = translated(start)
    paragraphs = start
    for operation in edits:
        paragraphs = apply(paragraphs, operation)
        before = translations(catalog)
        result = merge(template(paragraphs), catalog)
        catalog = round_trip(result.catalog)
        assert before <= translations(catalog)
        assert [m.id for m in iter_messages(catalog)] == paragraphs
        for message in iter_messages(catalog):
            if message.fuzzy:
                assert message.previous_id and message.previous_id[0] != message.id
            if translate_new and not message.string:
                message.string = f"EN[{message.id}]"


def simplified(text):
    """A hand-made script key for the four characters these tests repair."""
    return text.translate(str.maketrans("後於製並", "后于制并"))


def test_a_paragraph_repaired_only_in_script_keeps_its_translation_as_it_was():
    naive = ["會議結束后，代表們前往開發區參觀。", "園區位于長江北岸，以智能制造為主。"]
    repaired = ["會議結束後，代表們前往開發區參觀。", "園區位於長江北岸，以智能製造為主。"]
    old = translated(naive)
    result = merge(template(repaired), old, script_key=simplified)
    for before, after in zip(naive, repaired):
        message = result.catalog[after]
        assert message.string == f"EN[{before}]" and not message.fuzzy
        assert message.previous_id == []
    assert result.counts.kept == 2 and result.counts.fuzzy_edited == 0
    assert not result.catalog.obsolete


def test_a_change_of_words_is_still_an_edit_even_with_a_script_key():
    naive = ["會議結束后，代表們前往開發區參觀。"]
    edited = ["會議結束後，代表們前往高新區參觀。"]
    result = merge(template(edited), translated(naive), script_key=simplified)
    assert result.catalog[edited[0]].fuzzy and result.counts.fuzzy_edited == 1


def test_without_a_script_key_a_script_change_is_an_edit():
    result = merge(template(["會議結束後。"]), translated(["會議結束后。"]))
    assert result.catalog["會議結束後。"].fuzzy


def test_a_msgid_that_becomes_plural_keeps_its_translation_as_the_first_form_for_review():
    old = Catalog(locale="de", fuzzy=False)
    old.add("{count} article", "{count} Beitrag")
    plural = Catalog()
    plural.add(("{count} article", "{count} articles"))
    result = merge(plural, round_trip(old))
    text = render_catalog(result.catalog).decode()
    assert ('#, fuzzy\n#| msgid "{count} article"\nmsgid "{count} article"\n'
            'msgid_plural "{count} articles"\nmsgstr[0] "{count} Beitrag"\nmsgstr[1] ""\n') in text
    result.catalog["{count} article"].string = ("{count} Beitrag", "{count} Beiträge")
    back = Catalog()
    back.add("{count} article")
    singular = merge(back, round_trip(result.catalog)).catalog["{count} article"]
    assert (singular.string, singular.fuzzy) == ("{count} Beitrag", True)
