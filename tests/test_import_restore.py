"""Damaged text restored where the evidence leaves one reading; the rest stays flagged."""

from pathlib import Path

import pytest

from translate_kit.importer.article import clean_article
from translate_kit.importer.extract import from_text
from translate_kit.importer.garbled import find_garbled
from translate_kit.importer.restore import restorations

SAMPLE = Path(__file__).parents[1] / "sources" / "000_5b3b55316f9678e7.txt"


def restored(text: str) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.restored) for r in restorations(text, find_garbled(text))]


@pytest.mark.parametrize("text, expected", [
    # one choice of fù and dān makes words with 重: 負擔 (重負 and 重復 alone would be two)
    ("勇挑重?fù)?dān)、真抓", [("?fù)?dān)", "負擔")]),
    # the realigned reading ｊ善招商決 is words with the 策 after it from 善 on
    ("建立項目專家?guī)欤晟普猩虥Q策機制", [("普猩虥Q", "善招商決")]),
    # a lost middle dot between transliterated names, in either script
    ("美国宇航员巴兹?奥尔德林是第二位", [("?", "·")]),
    ("美國太空人巴茲?奧爾德林曾登月", [("?", "·")]),
])
def test_clear_evidence_restores(text, expected):
    assert restored(text) == expected


@pytest.mark.parametrize("text", [
    "勇挑重?fù)、真抓",  # 重負 and 重復: two readings
    "經?jì)發展",  # 經濟 and 經紀
    "中國?大會召開",  # no transliterated names around the ?
    "他說?我們",
    "營收，季帧⒕际?營業收入",
    "產值達到1200|元。",
])
def test_unclear_evidence_restores_nothing(text):
    assert find_garbled(text) and restored(text) == []


def test_the_sample_keeps_its_flags_and_restores_two_spans():
    article = clean_article(from_text(SAMPLE.read_text(encoding="utf-8")), SAMPLE, None)
    assert [(f.line, f.column, f.text) for f in article.findings] == [
        (2, 284, "?fù)"), (2, 288, "?dān)"), (4, 445, "?guī)欤晟普猩虥Q"),
    ]
    assert [(r.line, r.column, r.text, r.restored) for r in article.restorations] == [
        (2, 284, "?fù)?dān)", "負擔"), (4, 452, "普猩虥Q", "善招商決"),
    ]
    segments = [(s.text, s.garbled, s.restored_from) for p in article.paragraphs for s in p
                if not s.plain]
    assert segments == [("負擔", False, "?fù)?dān)"), ("?guī)欤晟", True, None),
                        ("善招商決", False, "普猩虥Q")]
    assert article.counts.restored == 2 and article.counts.garbled_spans == 3


def test_without_restoring_every_span_stays_flagged():
    article = clean_article(from_text(SAMPLE.read_text(encoding="utf-8")), SAMPLE, None,
                            restore=False)
    assert [s.text for p in article.paragraphs for s in p if not s.plain] == [
        "?fù)", "?dān)", "?guī)欤晟普猩虥Q"]
    assert article.restorations == () and article.counts.restored == 0


def test_a_restored_middle_dot_joins_the_names():
    article = clean_article(from_text("美國太空人巴茲?奧爾德林曾登月。"), Path("a.txt"), "T")
    assert "".join(s.text for s in article.paragraphs[0]) == "美國太空人巴茲·奧爾德林曾登月。"
    [r] = article.restorations
    assert r.evidence == "a lost middle dot between the transliterated names …人巴茲 and 奧爾德…"
