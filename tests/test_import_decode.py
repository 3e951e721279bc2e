"""Decoding: every encoding publishers use, detected without being told."""

from pathlib import Path

import pytest

from translate_kit.errors import SourceError
from translate_kit.importer.decode import decode

TRADITIONAL = "泰州經濟開發區召開項目招引建設專題會議。會議聽取了項目招引、開工建設等情況匯報。"
SIMPLIFIED = "泰州经济开发区召开项目招引建设专题会议。会议听取了项目招引、开工建设等情况汇报。"
SOURCE = Path("article.txt")


@pytest.mark.parametrize("text, raw, encoding", [
    (TRADITIONAL, TRADITIONAL.encode("utf-8"), "utf-8"),
    (TRADITIONAL, b"\xef\xbb\xbf" + TRADITIONAL.encode("utf-8"), "utf-8-sig"),
    (TRADITIONAL, TRADITIONAL.encode("utf-16"), "utf-16"),
    (TRADITIONAL, TRADITIONAL.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    (TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
    (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
    (TRADITIONAL, TRADITIONAL.encode("gb18030"), "gb18030"),
])
def test_encodings_are_detected(text, raw, encoding):
    decoded = decode(raw, SOURCE)
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize("text, encoding", [
    ("經濟發展。", "big5"), ("经济发展。", "gb18030"), ("會議在泰州召開。", "big5"),
])
def test_a_short_sentence_is_not_mistaken_for_the_other_chinese_encoding(text, encoding):
    assert decode(text.encode(encoding), SOURCE).text == text


def test_line_endings_become_lf_and_text_nfc():
    raw = b"\xef\xbb\xbf" + "第一段。\r\n第二段。\r第三段 Cafe\u0301。\r\n".encode("utf-8")
    assert decode(raw, SOURCE).text == "第一段。\n第二段。\n第三段 Café。\n"


def test_crlf_big5_file(tmp_path):
    raw = (TRADITIONAL + "\r\n" + TRADITIONAL + "\r\n").encode("big5")
    decoded = decode(raw, SOURCE)
    assert decoded.encoding == "big5" and decoded.text == f"{TRADITIONAL}\n{TRADITIONAL}\n"


@pytest.mark.parametrize("raw, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NUL bytes"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"\xff\xfe\x00\xd8", "byte-order mark"),
])
def test_binary_or_undecodable_input_is_an_error_naming_the_file(raw, message):
    with pytest.raises(SourceError, match=message) as caught:
        decode(raw, SOURCE)
    assert str(caught.value).startswith("article.txt:")
