"""Japanese and Korean passages: never repaired, punctuation-fixed, converted or flagged.

The articles were written for the tests (``fixtures/passages``): a Taiwanese report
quoting a Japanese and a Korean speech, with a Japanese paragraph, and a whole Korean
article.  Built, every edition keeps the passages as written, in a ``lang`` span.
"""

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import translate_kit
from translate_kit.config import load_config
from translate_kit.importer.article import clean_article
from translate_kit.importer.extract import from_text
from translate_kit.importer.repair import repairer_for
from translate_kit.importer.simplified import simplified_converter_for
from translate_kit.importer.passages import Passage, foreign_passages
from translate_kit.publish.pdf import build_pdfs

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "passages"
SPEECH = "築地場外市場は長い歴史を持ち、万全の準備で観光客を迎えています。今後も台湾からの旅行者を歓迎します!"
PARAGRAPH = ("東京の老舗旅館の女将は、築百年の建物を守りながら、外国人向けのサービスを広げてきたと語った。"
             "長く続く伝統と新しい発想を両立させることが大切だという。")
KOREAN = "한국관광공사는 앞으로도 대만 관광객을 위해 다양한 여행 상품을 준비하겠습니다. 감사합니다!"
PAGE = "articles/ri-han-guanguang-luntan-zai-taibei.html"


def found(text: str) -> list[tuple[str, str]]:
    return found_in(text, None)


def found_in(text: str, article_language: str | None) -> list[tuple[str, str]]:
    return [(text[p.start:p.end], p.language) for p in foreign_passages(text, article_language)]


def test_kana_make_a_sentence_japanese_and_its_kanji_belong_to_it():
    text = "東京都の築地市場は長い歴史を持つ。万全の準備で臨んだ。隨後他離開會場。"
    assert found(text) == [("東京都の築地市場は長い歴史を持つ。万全の準備で臨んだ。", "ja")]


def test_a_quoted_passage_is_the_quotation():
    assert found("他寫道：「今日は築地に行った。」隨後離開。") == [("今日は築地に行った。", "ja")]
    assert found("他說：「감사합니다. 정말 좋아요.」然後走了。") == [("감사합니다. 정말 좋아요.", "ko")]


def test_chinese_text_and_damage_have_no_foreign_passage():
    assert found("巴兹・奥尔德林說，颱風過後ー切恢復正常。") == []
    assert found("今天召開專題會議，專家ぃ紊の說明項目招引建設情況。") == []  # GBK read one byte off
    assert foreign_passages("오늘은 좋습니다.") == [Passage(0, 9, "ko")]


def test_a_chinese_sentence_in_an_article_written_in_korean_stays_chinese():
    text = "他說, 我們會繼續努力!서울시는 청년 지원을 확대한다고 밝혔다. 大韓民國의 主權은 국민에게 있다."
    assert found_in(text, "ko") == [("서울시는 청년 지원을 확대한다고 밝혔다. 大韓民國의 主權은 국민에게 있다.", "ko")]
    text = "감사합니다! 서울시는 밝혔다.築地市場は長い歴史を持つ。"
    assert found_in(text, "ko") == [("감사합니다! 서울시는 밝혔다.", "ko"), ("築地市場は長い歴史を持つ。", "ja")]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("passages") / "project"
    shutil.copytree(FIXTURES / "import" / "project", root)
    shutil.copytree(ARTICLES, root / "sources")
    for name in ("japan-korea.txt", "korean-article.txt"):
        imported = translate_kit(root, "import", f"sources/{name}", "--date", "2026-12-01")
        assert imported.returncode == 0, imported.stderr
    return root


def document(root: Path, name: str) -> str:
    return (root / "docs" / "articles" / name).read_text(encoding="utf-8")


def test_the_import_keeps_the_passages_as_they_arrived(project):
    text = document(project, "ri-han-guanguang-luntan-zai-taibei.md")
    assert f"表示：「{{lang-ja}}`{SPEECH}`」他並指出，" in text
    assert f"\n{{lang-ja}}`{PARAGRAPH}`\n" in text
    assert f"致詞：「{{lang-ko}}`{KOREAN}`」現場響起" in text
    assert "characters_repaired: 0" in text and "garbled_spans: 0" in text
    korean = next(text for text in map(lambda p: p.read_text(encoding="utf-8"),
                                       (project / "docs" / "articles").glob("*.md"))
                  if "title: 서울시, 청년 주거 지원 확대" in text)
    assert '{lang-ko}`시 관계자는 "주거비 부담 때문에' in korean
    assert "punctuation_fixed: 0" in korean and "garbled_spans: 0" in korean


def spans(root: Path, edition: str) -> list[tuple[str, str]]:
    tree = lxml.html.parse(str(root / "_build" / "html" / edition / PAGE)).getroot()
    return [(span.get("lang"), span.text_content())
            for span in tree.xpath("//section[h1]//span[@lang='ja' or @lang='ko']")]


def test_every_edition_shows_the_passages_unconverted_in_their_own_language(project):
    built = translate_kit(project, "build", "html")
    assert built.returncode == 0, built.stdout + built.stderr
    for edition in ("zh-hant", "zh-hans", "en"):
        assert spans(project, edition) == [("ja", SPEECH), ("ja", PARAGRAPH), ("ko", KOREAN)], edition
    simplified = (project / "_build" / "html" / "zh-hans" / PAGE).read_text(encoding="utf-8")
    assert "由交通部观光署主办的日韩观光论坛" in simplified  # the Chinese text around them is converted


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.tex
def test_the_pdf_prints_every_japanese_and_korean_character_in_their_faces(project):
    config = load_config(project)
    result = build_pdfs(config, (config.source_edition,))  # a missing glyph stops the build
    pdf = result.files[0].path
    text = "".join(pdf_text(pdf).split("\n"))
    assert "万全の準備で観光客を迎えています" in text
    assert "대만 관광객을 위해" in text  # the spaces between Korean words are kept
    # Noto CJK's faces share one PostScript name in the PDF: the LaTeX source says which.
    tex = "".join(t.read_text(encoding="utf-8")
                  for t in sorted((config.build_dir / "latex").rglob("*.tex")))
    assert r"\newCJKfontfamily\translatekitjafont{Noto Serif CJK JP}" in tex
    assert r"\newCJKfontfamily\translatekitkofont{Noto Serif CJK KR}" in tex
    assert f"「{{\\translatekitjafont{{}}{SPEECH}}}」" in tex


def test_catalogs_keep_the_passages_and_their_simplified_comment_does_not_convert_them(project):
    updated = translate_kit(project, "update")
    assert updated.returncode == 0, updated.stderr
    catalog = (project / "locale" / "en" / "LC_MESSAGES" / "articles"
               / "ri-han-guanguang-luntan-zai-taibei.po").read_text(encoding="utf-8")
    # the simplified edition's quotation marks, its passage as it is
    assert f"#. 日本观光厅代表在致词中表示：“{{lang-ja}}`{SPEECH}`”他并指出" in catalog
    entry = catalog.split(f"{{lang-ja}}`{PARAGRAPH}`")[0].rsplit("\n\n", 1)[1]
    assert "zh-Hans" not in entry  # nothing in it to convert: no comment


CHINESE = ("颱風今晚登陸，氣象局發布海上警報。", "他說, 我們會繼續努力!", "匯報后采取措施, 真抓實干。",
           "東京與首爾的業者分享經驗。")
FOREIGN = (("ja", "築地市場は長い歴史を持つ。"), ("ja", "万全の準備で臨みました!"),
           ("ja", "東京の老舗旅館は築百年です。"),
           ("ko", "감사합니다!"), ("ko", "서울시는 청년 지원을 확대한다고 밝혔다."))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CHINESE), st.sampled_from(FOREIGN)), min_size=1,
                max_size=6))
def test_passages_come_out_of_the_import_as_they_went_in(pieces):
    text = "".join(p if isinstance(p, str) else p[1] for p in pieces)
    config = load_config(FIXTURES / "import" / "project")
    article = clean_article(from_text(f"標題\n\n{text}\n"), Path("a.txt"),
                            repairer=repairer_for(config), converter=simplified_converter_for(config))
    kept = "".join(s.text for p in article.paragraphs for s in p if s.language)
    assert kept == "".join(p[1] for p in pieces if not isinstance(p, str))
    assert not article.findings


def test_an_article_in_japanese_is_japanese_down_to_a_title_with_one_kana(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "import" / "project", root)
    source = root / "tsukiji.txt"
    source.write_text(f"築地市場の歴史\n\n{PARAGRAPH}\n\n築地市場は長い歴史を持つ。\n", encoding="utf-8")
    imported = translate_kit(root, "import", str(source), "--date", "2026-12-01")
    assert imported.returncode == 0, imported.stderr
    text = next((root / "docs" / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert "\nlanguage: ja\n" in text and "garbled_spans: 0" in text
    assert "\n# {lang-ja}`築地市場の歴史`\n" in text


def test_a_simplified_article_is_converted_around_its_japanese_title_passage(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "import" / "project", root)
    source = root / "news.html"
    source.write_text("<html><head><title>访谈：「万全の準備で臨む」</title></head><body>"
                      "<p>记者在东京采访了市场的经营者，听他们讲述发展的经过。</p>"
                      "<p>他说：「築地市場は長い歴史を持つ。万全の準備で臨んだ。」</p></body></html>",
                      encoding="utf-8")
    imported = translate_kit(root, "import", str(source), "--date", "2026-12-01")
    assert imported.returncode == 0, imported.stderr
    text = next((root / "docs" / "articles").glob("*.md")).read_text(encoding="utf-8")
    assert "\nscript: simplified\n" in text
    assert "\n# 訪談：「{lang-ja}`万全の準備で臨む`」\n" in text
    assert "記者在東京採訪了市場的經營者" in text
    assert "他說：「{lang-ja}`築地市場は長い歴史を持つ。万全の準備で臨んだ。`」" in text


def test_chinese_between_two_korean_sentences_is_not_part_of_either():
    text = "감사합니다!他說, 我們會繼續努力!감사합니다!"
    assert [(p.language, text[p.start:p.end]) for p in foreign_passages(text)] == [
        ("ko", "감사합니다!"), ("ko", "감사합니다!")]


@pytest.mark.parametrize("name, title, first", [
    ("passages/korean-article.txt", "서울시, 청년 주거 지원 확대", "서울시는 내년부터 청년 월세"),
    ("proper/japanese.txt", "東京都、新たな防災計画を発表", "東京都の小池百合子知事は"),
])
def test_a_foreign_title_line_is_the_title_and_not_a_paragraph_too(name, title, first):
    article = clean_article(from_text((FIXTURES / name).read_text(encoding="utf-8")), Path("a.txt"))
    assert (article.title, article.warnings) == (title, ())
    assert "".join(s.text for s in article.paragraphs[0]).startswith(first)


def test_hanja_in_a_korean_article_are_korean_and_never_converted():
    text = '大韓民國 憲法 第1條 ②項은 "大韓民國의 主權은 國民에게 있고, 모든 權力은 國民으로부터 나온다"고 規定하고 있다.'
    assert [(p.language, text[p.start:p.end]) for p in foreign_passages(text, "ko")] == [("ko", text)]
    assert found(text)[0] == ("은", "ko")  # in a Chinese article, Han characters are Chinese
    config = load_config(FIXTURES / "import" / "project")
    source = (FIXTURES / "proper" / "korean.txt").read_text(encoding="utf-8")
    article = clean_article(from_text(source), Path("a.txt"), repairer=repairer_for(config),
                            converter=simplified_converter_for(config))
    assert article.language == "ko"
    assert [[s.language for s in p] for p in article.paragraphs] == [["ko"]] * len(article.paragraphs)
    assert text in ["".join(s.text for s in p) for p in article.paragraphs]


def test_a_lost_character_in_a_japanese_passage_is_flagged_and_the_rest_kept():
    text = "他引用了一句話：「東京都の知事は\ufffd発表した。」隨後說明。"
    article = clean_article(from_text(f"標題\n\n{text}\n"), Path("a.txt"))
    assert [(f.kind, f.column, f.text) for f in article.findings] == [("garbled", 17, "\ufffd")]
    assert [(s.text, s.language, s.garbled) for s in article.paragraphs[0] if not s.plain] == [
        ("東京都の知事は", "ja", False), ("\ufffd", None, True), ("発表した。", "ja", False)]
