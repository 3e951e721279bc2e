"""The cleanup rules, one small input each, and the shipped sample as a whole."""

from pathlib import Path

import pytest

from translate_kit.errors import SourceError
from translate_kit.importer.article import clean_article, plain
from translate_kit.importer.boilerplate import is_notice, split_trailing_credit
from translate_kit.importer.extract import from_text
from translate_kit.importer.garbled import find_garbled
from translate_kit.importer.pinyin import strip_annotations
from translate_kit.importer.punctuation import fix_punctuation

SAMPLE = Path(__file__).parents[1] / "sources" / "000_5b3b55316f9678e7.txt"


def article(text: str, title: str | None = "標題", restore: bool = True):
    return clean_article(from_text(text), Path("a.txt"), title, restore=restore)


@pytest.mark.parametrize("source, expected", [
    ("經(jīng)濟(jì)開發(fā)區(qū)", "經濟開發區"),
    ("(綜合保稅區(qū))", "(綜合保稅區)"),
    ("經濟(jīngjì)", "經濟"),
    ("經濟(jīng jì)", "經濟"),
    ("我們(wǒmen)", "我們"),
    ("綠(lǜ)色", "綠色"),
    ("經(jing)濟", "經濟"),  # tone-less, but a reading of 經
    ("經（jīng）濟", "經濟"),
])
def test_pinyin_annotations_after_han_are_removed(source, expected):
    assert strip_annotations(source)[0] == expected


@pytest.mark.parametrize("source", [
    "今年(2024)", "加入世貿組織(WTO)", "正文(注)", "別針(pin)", "北京(Beijing)",
    "北京(Běijīng)", "咖啡館(café)", "(jīng)開頭", "A(jīng)", "數據(data)", "好(xyz)",
])
def test_ordinary_parentheses_are_kept(source):
    assert strip_annotations(source) == (source, 0)


@pytest.mark.parametrize("source, expected", [
    ("近日,泰州召開會議:聽取彙報;研究問題!是嗎?", "近日，泰州召開會議：聽取彙報；研究問題！是嗎？"),
    ("泰州(綜合保稅區)召開", "泰州（綜合保稅區）召開"),
    ("今年(2024)經濟", "今年（2024）經濟"),
    ("經濟, 發展", "經濟，發展"),
    ("上午9:00開會,增長18.5%。", "上午9:00開會，增長18.5%。"),
    ("郵箱:info@example.com,請聯繫", "郵箱：info@example.com，請聯繫"),
    ("網址:https://example.com/a,b?x=1,見", "網址：https://example.com/a,b?x=1，見"),
    ("路徑為/usr/local/bin:/opt,請", "路徑為/usr/local/bin:/opt，請"),
    ("He said: hello, world! (really?)", "He said: hello, world! (really?)"),
    ("他說:Hello, world!", "他說：Hello, world!"),
])
def test_punctuation_in_chinese_context_becomes_full_width(source, expected):
    assert fix_punctuation(source)[0] == expected


@pytest.mark.parametrize("paragraph", [
    "免責聲明：本網轉載自其它媒體的文章。",
    "免责声明：本网转载自其它媒体的文章。",
    "聲明：本文來源於網絡，版權歸原作者所有。",
    "（責任編輯：王五）",
    "来源：新华网",
    "本文轉載自泰州日報。",
])
def test_republisher_notices_are_recognised(paragraph):
    assert is_notice(paragraph)


@pytest.mark.parametrize("paragraph", ["聲明發表後，市場反應平穩。", "編輯部今天開會。", "泰州召開會議。"])
def test_article_text_is_not_a_notice(paragraph):
    assert not is_notice(paragraph)


def test_a_trailing_editor_credit_is_split_off():
    assert split_trailing_credit("會議結束。（責任編輯：王五）") == ("會議結束。", "（責任編輯：王五）")
    assert split_trailing_credit("會議結束。(责任编辑:王五)")[1] == "(责任编辑:王五)"


def test_notices_move_to_front_matter_and_nothing_is_lost():
    result = article("近日,泰州召開會議。(責任編輯:王五)\n免責聲明:本網轉載自其它媒體。")
    assert [plain(p) for p in result.paragraphs] == ["近日，泰州召開會議。"]
    assert result.notices == ("（責任編輯：王五）", "免責聲明：本網轉載自其它媒體。")
    assert result.counts.boilerplate_moved == 2


@pytest.mark.parametrize("text, spans", [
    ("勇挑重?fù)?dān)、真抓", [("?fù)", "fù"), ("?dān)", "dān")]),
    ("一\ufffd\ufffd二", [("\ufffd\ufffd", "lost character")]),
    ("專家?guī)欤晟普猩虥Q策", [("?guī)欤晟普猩虥Q", "realigned by one byte: ｊ善招商決")]),
])
def test_garbled_spans_are_found(text, spans):
    found = [(text[s.start:s.end], s.detail) for s in find_garbled(text)]
    assert [t for t, _ in found] == [t for t, _ in spans]
    assert all(hint in detail for (_, detail), (_, hint) in zip(found, spans))


@pytest.mark.parametrize("text, spans", [
    # a misaligned run with an enclosed number: the characters around it read as no word
    ("營收，季帧⒕际?營業收入", [("季帧⒕际?", "misaligned double-byte text; lost character")]),
    # ... unless they make one with the intact text beside them (第三季)
    ("今年第三季帧⒕际?增長", [("帧⒕际?", "misaligned double-byte text")]),
    ("報告指出，\ue5e5\ue5e6園區", [("\ue5e5\ue5e6", "misaligned double-byte text")]),
    ("數據顯示┏┓增長", [("┏┓", "misaligned double-byte text")]),
    ("在東京ぁゥ際表示", [("ぁゥ", "misaligned double-byte text")]),
    ("總統윤석열表示", [("윤석열", "misaligned double-byte text")]),
    ("字型\U00020000\ue000缺", [("\U00020000\ue000缺", "misaligned double-byte text")]),
    # two runs that each take in the characters between them are one run, not two that
    # overlap (the characters between them would be kept twice)
    ("正文\ue5e5范范范\ue5e5", [("\ue5e5范范范\ue5e5", "misaligned double-byte text")]),
    # the second byte of 億 (GBK 83 7C) is all that is left of it
    ("產值達到1200|元。", [("|", "stray byte of a lost double-byte character, likely 億 (億元)")]),
    ("他說@我們", [("@", "stray byte of a lost double-byte character")]),
    ("金額5`元", [("`", "stray byte of a lost double-byte character")]),
])
def test_foreign_symbols_and_stray_bytes_are_garbled(text, spans):
    found = [(text[s.start:s.end], s.detail) for s in find_garbled(text)]
    assert [t for t, _ in found] == [t for t, _ in spans]
    assert all(detail.startswith(expected) for (_, detail), (_, expected) in zip(found, spans))


@pytest.mark.parametrize("text", [
    "你好嗎?我很好。", "是嗎?", "晟字單獨出現。", "買A股。", "為什麼? 因為。",
    "①加強建設，②推動發展", "韓國總統（윤석열）表示", "動畫進擊の巨人", "時間1~3月", "第1~3季",
    "買A股B股", "電話02|1234", "郵件a@b.com", "路徑a_b", "[注]說明",
])
def test_ordinary_text_is_not_garbled(text):
    assert find_garbled(text) == []


def test_garbled_text_is_kept_verbatim_and_its_hints_survive():
    result = article("勇挑重?fù)?dān)、真抓實(shí)干,好", restore=False)
    paragraph = result.paragraphs[0]
    assert [(s.text, s.garbled) for s in paragraph] == [
        ("勇挑重", False), ("?fù)", True), ("?dān)", True), ("、真抓實干，好", False),
    ]
    assert [(f.line, f.column) for f in result.findings] == [(1, 4), (1, 8)]


def test_the_sample_imports_clean_with_its_three_garbled_spans():
    result = article(SAMPLE.read_text(encoding="utf-8"), None)
    body = "\n".join(s.text for p in result.paragraphs for s in p if not s.garbled)
    assert strip_annotations(body)[1] == 0 and fix_punctuation(body)[1] == 0
    assert "," not in body and "(" not in body and "泰州經濟開發區（綜合保稅區）" in body
    assert [(f.line, f.column, f.text) for f in result.findings] == [
        (2, 284, "?fù)"), (2, 288, "?dān)"), (4, 445, "?guī)欤晟普猩虥Q"),
    ]
    assert len(result.notices) == 1 and result.notices[0].startswith("免責聲明：本網轉載")
    assert result.counts.annotations_removed == 242


def test_the_first_line_is_the_title_when_it_looks_like_one():
    result = article("泰州召開項目建設會議\n近日,泰州召開會議。", None)
    assert result.title == "泰州召開項目建設會議" and len(result.paragraphs) == 1
    assert result.warnings == ()


def test_a_rule_line_is_kept_as_text_not_taken_as_the_title():
    result = article("---\n近日,泰州召開會議。會議研究了問題。", None)
    assert result.title == "近日，泰州召開會議" and len(result.paragraphs) == 2


def test_without_a_title_line_the_given_title_is_used():
    result = article("近日,泰州召開會議。會議研究了問題。", "會議")
    assert result.title == "會議" and len(result.paragraphs) == 1


def test_without_any_title_one_is_derived_with_a_warning():
    result = article("近日,泰州召開會議。會議研究了問題。", None)
    assert result.title == "近日，泰州召開會議"
    assert "no title line" in result.warnings[0]


def test_an_article_of_notices_only_is_an_error():
    with pytest.raises(SourceError, match="a.txt: contains no article text"):
        article("免責聲明:本網轉載自其它媒體。\n\n")
