"""Whatever the mess, import neither loses nor invents a Han character, and drops the pinyin.

Only a repair replaces one, and every repair is reported where the source has it.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from translate_kit.importer.article import clean_article
from translate_kit.importer.charset import is_han
from translate_kit.importer.document import render
from translate_kit.importer.extract import from_text
from translate_kit.importer.repair import Repairer

HAN = "泰州經濟開發區綜合保稅召項目招引建設專題會議聽取研究解決聲明免責編輯本網轉載晟欤虥的了是嗎"
OTHER = [",", ":", ";", "!", "?", "(", ")", "。", "、", " ", "2024", "9:00", "WTO", "a", "(注)", "\ufffd"]
# Leftovers of a naive converter and their neighbours in the words that decide them.
NAIVE = [*"后干发里面台系制只于并范采余准辟托松历参钟", "皇后", "干涉", "制定", "一只", "公里", "頭发",
         "面條", "台風", "聯系", "會后", "這里", "位于", "并不", "采取", "規范", "製造", "為", "爲", "裏",
         "\ue5e5", "⒕", "|", "1200"]


@st.composite
def messy_text(draw) -> tuple[str, set[str]]:
    """Text with inline pinyin after some Han characters, and the readings it added."""
    pieces, readings = [], set()
    for _ in range(draw(st.integers(1, 60))):
        if draw(st.booleans()):
            han = draw(st.sampled_from(HAN))
            pieces.append(han)
            if draw(st.integers(0, 3)) == 0:
                reading = pinyin(han, style=Style.TONE)[0][0]
                pieces.append(f"({reading})")
                readings.add(reading)
        else:
            pieces.append(draw(st.sampled_from(OTHER + ["\n"])))
    return "".join(pieces), readings


def han(text: str) -> Counter:
    return Counter(ch for ch in text if ch in HAN)


@settings(max_examples=150, deadline=None)
@given(messy_text())
def test_import_keeps_every_han_character_and_drops_the_pinyin(mess):
    text, readings = mess
    text = "正文。\n" + text  # one paragraph that is surely article text
    article = clean_article(from_text(text), Path("a.txt"), title="T")
    kept = "".join(s.text for p in article.paragraphs for s in p) + "".join(article.notices)
    assert han(kept) == han(text)
    document = render(article, {"date": "2024-01-01"})
    assert han(document) == han(text)
    # Right after a Han character of the article text, in half- or full-width brackets.
    # (After a damaged span a reading is kept: it hints at what the damaged text said.)
    left = re.compile(f"[{HAN}][(（]({'|'.join(readings)})[)）]") if readings else None
    for segment in (s for p in article.paragraphs for s in p if not s.garbled):
        assert left is None or not left.search(segment.text), segment.text


@st.composite
def naive_text(draw) -> str:
    pieces = draw(st.lists(st.sampled_from([*NAIVE, *HAN, *OTHER, "\n"]), min_size=1, max_size=80))
    return "正文。\n" + "".join(pieces)


@pytest.fixture(scope="module")
def repairer(tmp_path_factory):
    return Repairer("tw", (), tmp_path_factory.mktemp("opencc"))


@settings(max_examples=150, deadline=None)
@given(text=naive_text())
def test_import_changes_han_characters_only_by_the_repairs_it_reports(repairer, text):
    article = clean_article(from_text(text), Path("a.txt"), title="T", repairer=repairer)
    lines = [list(line) for line in text.split("\n")]
    for repair in article.repairs:
        assert lines[repair.line - 1][repair.column - 1] == repair.before
        lines[repair.line - 1][repair.column - 1] = repair.after
    repaired = "\n".join("".join(line) for line in lines)
    kept = "".join(s.text for p in article.paragraphs for s in p) + "".join(article.notices)
    assert Counter(filter(is_han, kept)) == Counter(filter(is_han, repaired))
    assert article.counts.characters_repaired == len(article.repairs)
