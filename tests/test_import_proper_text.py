"""Proper text raises no damage flag: either Chinese script, Japanese, Korean, Latin,
with the reduplications and the punctuation people really write."""

from pathlib import Path

import pytest

from conftest import FIXTURES
from translate_kit.importer.garbled import find_garbled
from translate_kit.importer.passages import foreign_passages

PROPER = sorted((FIXTURES / "proper").glob("*.txt"))


@pytest.mark.parametrize("path", PROPER, ids=lambda p: p.stem)
def test_no_line_of_a_proper_article_is_flagged(path: Path):
    flagged = [(line[s.start:s.end], s.detail)
               for line in path.read_text(encoding="utf-8").splitlines()
               for s in find_garbled(line)]
    assert flagged == []


def test_the_fixtures_cover_every_script():
    assert [p.stem for p in PROPER] == ["english", "japanese", "korean", "mainland", "taiwan"]


@pytest.mark.parametrize("text", [
    "石板路濕漉漉的", "稻田绿油油的", "一片綠油油", "亮晶晶的眼睛",
    "大概4~5帳就夠", "那次的事~差點就賠光了", "要6～8箱", "說「謝謝～」",
    "巴茲·奧爾德林", "阿姆斯壯‧奧爾德林", "瑪麗・居里", "網站[公告]或熱線", "【提示】景區",
    "（微信公眾號“古鎮文旅”）", "東京都の発表。", "新型コロナウイルス対策を発表した。",
    "윤석열 대통령은 서울에서 말했다.", "大韓民國의 主權은 國民에게 있고",
])
def test_proper_phrases_are_not_flagged(text):
    assert find_garbled(text) == []


def test_a_japanese_sentence_in_a_chinese_paragraph_is_its_own_passage():
    text = "他引用了一句話：東京都の知事は発表した。隨後說明。"
    assert [text[p.start:p.end] for p in foreign_passages(text)] == ["東京都の知事は発表した。"]
    assert foreign_passages("在東京ぁゥ際表示") == []
    assert foreign_passages("總統윤석열表示") == []


@pytest.mark.parametrize("text, flagged", [
    # a short odd run of kana or Hangul inside Han text is still damage...
    ("在東京ぁゥ際表示", "ぁゥ"),
    ("總統윤석열表示", "윤석열"),
    # ... and so is U+FFFD or a Private Use Area code in a Japanese sentence
    ("東京都の知事は\ufffd発表した。", "\ufffd"),
    ("東京都の知事は\ue5e5発表した。", "\ue5e5"),
    # a tilde beside other damage is part of it
    ("營收~欤晟表示", "~欤晟"),
])
def test_damage_is_still_found(text, flagged):
    assert [text[s.start:s.end] for s in find_garbled(text)] == [flagged]
