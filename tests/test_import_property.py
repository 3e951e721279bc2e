"""Whatever the mess, import neither loses nor invents a Han character, and drops the pinyin."""

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from translate_kit.importer.article import clean_article
from translate_kit.importer.document import render
from translate_kit.importer.extract import from_text

HAN = "泰州經濟開發區綜合保稅召項目招引建設專題會議聽取研究解決聲明免責編輯本網轉載晟欤虥的了是嗎"
OTHER = [",", ":", ";", "!", "?", "(", ")", "。", "、", " ", "2024", "9:00", "WTO", "a", "(注)", "\ufffd"]


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
