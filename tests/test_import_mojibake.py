"""Mojibake, made here from known text, is reversed and reported; proper text is not."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.cli import main
from translate_kit.importer.mojibake import Reversal, reverse_mojibake

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "project"
TRADITIONAL = "行政院今天宣布，明年起將擴大補助偏鄉學校的數位設備。"
SIMPLIFIED = "国务院新闻办公室今天举行发布会，介绍经济开发区建设的最新进展情况。"


def as_browsers_read_cp1252(data: bytes) -> str:
    """Bytes shown as windows-1252 by a browser: its five undefined bytes as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_big5_shown_as_latin1_is_reversed():
    mojibake = TRADITIONAL.encode("big5").decode("latin-1")
    assert mojibake.startswith("¦æ¬F°|¤µ¤Ñ")
    text, reversals = reverse_mojibake(f"前言\n{mojibake}\n")
    assert text == f"前言\n{TRADITIONAL}\n"
    assert reversals == (Reversal(2, 1, mojibake, TRADITIONAL, "latin-1", "big5"),)


def test_gbk_shown_as_cp1252_is_reversed():
    mojibake = as_browsers_read_cp1252(SIMPLIFIED.encode("gbk"))
    assert "€" not in mojibake and mojibake.startswith("¹úÎñÔº")
    text, reversals = reverse_mojibake(mojibake)
    assert text == SIMPLIFIED
    assert [(r.read_as, r.encoding) for r in reversals] == [("latin-1", "gb18030")]


def test_utf8_shown_as_cp1252_is_reversed_in_chinese_and_european_text():
    chinese = as_browsers_read_cp1252(SIMPLIFIED.encode("utf-8"))
    assert reverse_mojibake(chinese)[0] == SIMPLIFIED
    assert reverse_mojibake(chinese)[1][0].read_as == "cp1252"
    european = as_browsers_read_cp1252("Café crème brûlée à Zürich".encode("utf-8"))
    assert european == "CafÃ© crÃ¨me brÃ»lÃ©e Ã\xa0 ZÃ¼rich"
    assert reverse_mojibake(european)[0] == "Café crème brûlée à Zürich"


def test_utf8_shown_as_gbk_is_reversed_and_a_byte_gbk_lost_stays_a_lost_character():
    assert "参考消息".encode("utf-8").decode("gbk", errors="replace") == "鍙傝�冩秷鎭�"
    mojibake = SIMPLIFIED.encode("utf-8").decode("gbk", errors="replace")
    text, reversals = reverse_mojibake(mojibake)
    assert text == "国务院新闻办\ufffd室今天举行发布会，介绍经济开发区建\ufffd的\ufffd新进展情况\ufffd"
    assert [(r.line, r.column, r.read_as, r.encoding) for r in reversals] == [(1, 1, "gbk", "utf-8")]


def test_utf8_shown_as_big5_is_reversed():
    original = "书记表示人们认为中央继续建设大学"
    mojibake = original.encode("utf-8").decode("big5")
    assert mojibake == "銋西扇銵函內鈭箔賑霈支蛹銝剖亢蝏抒賒撱箄挽憭批郎"
    assert reverse_mojibake(mojibake) == (
        original, (Reversal(1, 1, mojibake, original, "big5", "utf-8"),))


def test_gbk_and_big5_shown_as_each_other_are_reversed():
    gbk_as_big5 = SIMPLIFIED.encode("gbk").decode("big5", errors="replace")
    assert gbk_as_big5.startswith("弊昢埏陔恓")
    assert reverse_mojibake(gbk_as_big5)[0] == SIMPLIFIED
    original = "政府決定舉行會議討論經濟發展問題"
    big5_as_gbk = original.encode("big5").decode("gbk")
    assert big5_as_gbk == "現┎∕﹚羭︽穦某癚阶竒蕾祇甶拜肈"
    assert reverse_mojibake(big5_as_gbk)[1] == (
        Reversal(1, 1, big5_as_gbk, original, "gbk", "big5"),)


def test_only_the_mojibake_of_a_mixed_line_is_reversed():
    mojibake = "經濟部今天表示，".encode("big5").decode("latin-1")
    line = f"（中央社）{mojibake}今年出口成長三成。"
    text, reversals = reverse_mojibake(line)
    assert text == "（中央社）經濟部今天表示，今年出口成長三成。"
    assert [(r.column, r.before) for r in reversals] == [(6, mojibake)]


PROPER = (
    TRADITIONAL, SIMPLIFIED,
    "颱風今晚登陸，氣象局發布海上警報，花蓮、台東地區嚴防豪雨。",
    "「我們會繼續努力。」他說，並感謝志工的協助～",
    "今日は築地市場に行きました。長い一日でしたが、万全の準備で臨みました。",
    "東京都は来年度から高齢者向けの支援を拡充する方針を明らかにした。",
    "오늘은 날씨가 정말 좋습니다. 서울시는 내년부터 청년 지원을 확대한다고 밝혔다.",
    "The council approved the budget on Tuesday (12 votes to 3).",
    "Café crème brûlée à Zürich, déjà vu; naïve façade.",
    "Straße, Größe und Übermaß: Österreichs Bürger wählen. Ärger? Nein.",
    "São Paulo e Brasília: eleições à vista. El niño comió piñas en Málaga — ¡qué rico!",
    "Łódź i Kraków: żółta gęś. Prix: 25 € – réduction de 10 %.",
    "Ελληνικά κείμενα και Привет, мир.",
)


@st.composite
def proper_text(draw):
    sentences = draw(st.lists(st.sampled_from(PROPER), min_size=1, max_size=4))
    text = draw(st.sampled_from(["", " ", "\n"])).join(sentences)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text[start:end]


@settings(max_examples=300, deadline=None)
@given(proper_text())
def test_proper_text_of_any_script_is_never_touched(text):
    assert reverse_mojibake(text) == (text, ())


def test_import_reverses_a_double_encoded_file_and_reports_it(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    body = "泰州召開會議\n\n經濟開發區今天舉行專題會議，討論項目招引建設的進展。\n"
    source = root / "double.txt"  # UTF-8 text read as CP1252, saved again as UTF-8
    source.write_text(as_browsers_read_cp1252(body.encode("utf-8")), encoding="utf-8")
    report = root / "report.json"
    result = CliRunner().invoke(main, ["--root", str(root), "import", str(source),
                                       "--date", "2026-12-01", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "double.txt:3:1: mojibake: " in result.output
    assert "(utf-8 read as cp1252)" in result.output
    document = next((root / "docs" / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert "mojibake_reversed: 2\n" in document
    assert "# 泰州召開會議\n\n經濟開發區今天舉行專題會議，討論項目招引建設的進展。\n" in document
    reversals = json.loads(report.read_text(encoding="utf-8"))["sources"][0]["reversals"]
    assert [(r["line"], r["column"], r["after"], r["read_as"], r["encoding"]) for r in reversals] == [
        (1, 1, "泰州召開會議", "cp1252", "utf-8"),
        (3, 1, "經濟開發區今天舉行專題會議，討論項目招引建設的進展。", "cp1252", "utf-8")]


def test_an_html_page_with_big5_shown_as_latin1_imports_as_its_text(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    title = "經濟部今天表示".encode("big5").decode("latin-1")
    body = TRADITIONAL.encode("big5").decode("latin-1")
    source = root / "page.html"
    source.write_text(f"<html><head><title>{title}</title></head>\n<body><p>{body}</p></body></html>\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(root), "import", str(source),
                                       "--date", "2026-12-01"])
    assert result.exit_code == 0, result.output
    document = next((root / "docs" / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert f"\n# 經濟部今天表示\n\n{TRADITIONAL}\n" in document
    assert "page.html:2:10: mojibake: " in result.output and "(big5 read as latin-1)" in result.output
