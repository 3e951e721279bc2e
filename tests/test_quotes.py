"""Quotation marks in each edition's standard, and nothing else changed."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate_kit.quotes import QUOTES, convert_pieces, convert_quotes


@pytest.mark.parametrize("text, corner, curly", [
    ("他說“你好”。", "他說「你好」。", "他說“你好”。"),
    # the outer pair is 「」 or “” and the one inside it 『』 or ‘’, whatever the source used
    ("「開發區」的『一企一策』", "「開發區」的「一企一策」", "“開發區”的“一企一策”"),
    ("他說：“要‘一企一策’。”", "他說：「要『一企一策』。」", "他說：“要‘一企一策’。”"),
    ("著眼“內外兼顧”發展", "著眼「內外兼顧」發展", "著眼“內外兼顧”發展"),
    ("叫“OK”的方案", "叫「OK」的方案", "叫“OK”的方案"),  # Latin words quoted in Chinese text
    ("“第一段沒有結尾的引號", "「第一段沒有結尾的引號", "“第一段沒有結尾的引號"),
])
def test_chinese_quotation_marks_take_the_editions_form(text, corner, curly):
    assert convert_quotes(text, "corner") == corner
    assert convert_quotes(text, "curly") == curly


@pytest.mark.parametrize("text", [
    "He said “yes” and left.",
    "“Hello,” she said, “it’s late.”",
    "The zone’s economy grew ‘fast’.",
])
def test_latin_text_keeps_its_marks(text):
    assert convert_quotes(text, "corner") == text
    assert convert_quotes(f"他寫道：{text}。", "corner") == f"他寫道：{text}。"


def test_english_marks_inside_a_chinese_quotation_stay():
    assert convert_quotes("報導寫道：“The plan is ‘bold’.”", "corner") == (
        "報導寫道：「The plan is ‘bold’.」")


def test_a_url_keeps_its_marks_and_the_sentence_its_own():
    text = "網址是“https://example.org/“a”/b”。"
    assert convert_quotes(text, "corner") == "網址是「https://example.org/“a”/b」。"


def test_none_leaves_the_text_as_written():
    assert convert_quotes("他說“你好”。", "none") == "他說“你好”。"


def test_a_pair_split_over_pieces_is_one_pair():
    pieces = ["他說“", "你好", "”。"]
    assert convert_pieces(pieces, "corner") == ["他說「", "你好", "」。"]
    assert convert_pieces(["“", "\ufffc", "”很長"], "corner") == ["「", "\ufffc", "」很長"]


CHINESE = st.sampled_from(list("他說你好開發區經濟，。：、！"))
LATIN = st.sampled_from(list("abcXYZ019 .,;:!?-'\"()"))
MARK = st.sampled_from(sorted(QUOTES))
# A mark at the end of a URL closes the sentence around it, and Chinese text (「 too)
# ends the URL; a curly mark inside it is the URL's.
URL = st.builds("https://example.org/{}.html".format,
                st.text(alphabet=st.sampled_from(list("ab/“”‘’")), max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(CHINESE, LATIN, MARK), max_size=40), st.sampled_from(["corner", "curly"]))
@example(list("他說“it’s”"), "corner")
def test_only_quotation_marks_ever_change(chars, style):
    text = "".join(chars)
    converted = convert_quotes(text, style)
    assert len(converted) == len(text)
    assert all(a == b or (a in QUOTES and b in QUOTES) for a, b in zip(text, converted))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LATIN, MARK), max_size=40), st.sampled_from(["corner", "curly"]))
def test_text_without_chinese_is_never_changed(chars, style):
    text = "".join(chars)
    assert convert_quotes(text, style) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(CHINESE, MARK), max_size=12), URL, st.lists(st.one_of(CHINESE, MARK), max_size=12),
       st.sampled_from(["corner", "curly"]))
def test_a_url_among_chinese_text_is_never_changed(before, url, after, style):
    head = "".join(before) + " "
    converted = convert_quotes(head + url + " " + "".join(after), style)
    assert converted[len(head):len(head) + len(url)] == url
