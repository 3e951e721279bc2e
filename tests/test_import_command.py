"""``translate-kit import`` end to end: documents, index, report, re-imports, errors."""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from translate_kit.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "project"
SAMPLE = Path(__file__).parents[1] / "sources" / "000_5b3b55316f9678e7.txt"
TITLE = "泰州經濟開發區召開項目招引建設專題會議"
SLUG = "taizhou-jingji-kaifaqu-zhaokai-xiangmu"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "sources").mkdir()
    shutil.copy(SAMPLE, root / "sources" / SAMPLE.name)
    return root


def run(root: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(main, ["--root", str(root), "import", *args])
    assert (result.exit_code == 0) is ok, result.output
    return result.output


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def import_sample(root: Path, *extra: str):
    return run(root, str(root / "sources" / SAMPLE.name), "--title", TITLE,
               "--date", "2019-06-14", *extra)


def test_the_sample_becomes_a_clean_document_listed_in_the_index(project):
    result = import_sample(project, "--report", str(project / "report.json"))
    document = project / "docs" / "articles" / f"{SLUG}.md"
    meta = front(document)
    assert meta["title"] == TITLE and meta["date"] == "2019-06-14"
    assert meta["source"] == f"sources/{SAMPLE.name}" and meta["encoding"] == "utf-8"
    assert meta["notice"][0].startswith("免責聲明：")
    assert meta["counts"] == {"annotations_removed": 242, "punctuation_fixed": 77,
                              "garbled_spans": 3, "boilerplate_moved": 1,
                              "characters_repaired": 17, "restored": 2}
    text = document.read_text(encoding="utf-8")
    assert f"# {TITLE}\n\n近日，泰州經濟開發區（綜合保稅區）召開" in text
    assert "勇挑重{restored}`負擔 <?fù)?dān)>`、真抓實幹" in text
    assert "專家{garbled}`?guī)欤晟`{restored}`善招商決 <普猩虥Q>`策機制" in text
    assert "免責聲明" not in text.split("---\n", 2)[2]
    assert f"  sources/{SAMPLE.name}:2:284: garbled: " in result
    assert f"  sources/{SAMPLE.name}:4:445: garbled: ?guī)欤晟普猩虥Q (misaligned" in result
    assert f"  sources/{SAMPLE.name}:2:284: restored: ?fù)?dān)→負擔 (pinyin fù dān: " in result
    assert f"  sources/{SAMPLE.name}:4:452: restored: 普猩虥Q→善招商決 (realigned" in result
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    assert f"articles/{SLUG}\n" in index
    assert "由編輯手寫的說明" in index and index.endswith("手寫的結尾。\n")


def test_the_json_report_has_one_entry_per_source(project):
    import_sample(project, "--report", str(project / "report.json"))
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    [entry] = report["sources"]
    assert entry["source"] == f"sources/{SAMPLE.name}"
    assert entry["document"] == f"docs/articles/{SLUG}.md"
    assert entry["encoding"] == "utf-8" and entry["counts"]["garbled_spans"] == 3
    assert entry["findings"][2] == {
        "kind": "garbled", "line": 4, "column": 445, "text": "?guī)欤晟普猩虥Q",
        "detail": "misaligned double-byte text, realigned by one byte: ｊ善招商決; "
                  "lost character, pinyin hint guī",
    }


def test_reimporting_gives_a_byte_identical_file(project):
    import_sample(project)
    document = project / "docs" / "articles" / f"{SLUG}.md"
    first = document.read_bytes()
    result = run(project, str(project / "sources" / SAMPLE.name))  # title and date are kept
    assert document.read_bytes() == first and "unchanged" in result and "warning" not in result


def test_a_hand_edited_document_is_only_overwritten_with_force(project):
    import_sample(project)
    document = project / "docs" / "articles" / f"{SLUG}.md"
    edited = document.read_text(encoding="utf-8").replace("近日", "日前")
    document.write_text(edited, encoding="utf-8")
    result = run(project, str(project / "sources" / SAMPLE.name), "--title", "新標題", ok=False)
    assert "edited by hand" in result and "--force" in result
    assert document.read_text(encoding="utf-8") == edited
    import_sample(project, "--force")
    assert "日前" not in document.read_text(encoding="utf-8")


def test_a_different_source_with_the_same_title_gets_its_own_slug(project):
    other = project / "sources" / "other.txt"
    other.write_text("另一篇文章的正文。\n", encoding="utf-8")
    import_sample(project)
    run(project, str(other), "--title", TITLE, "--date", "2020-01-01")
    articles = project / "docs" / "articles"
    assert front(articles / f"{SLUG}-2.md")["source"] == "sources/other.txt"
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    assert index.index(f"articles/{SLUG}-2\n") < index.index(f"articles/{SLUG}\n")  # newest first


def test_sources_in_other_encodings_and_html(project):
    sources = project / "sources"
    (sources / "big5.txt").write_bytes("泰州召開會議\r\n近日,泰州召開會議。\r\n".encode("big5"))
    (sources / "gbk.txt").write_bytes("泰州召开会议\n近日,泰州召开第二次会议。\n".encode("gb18030"))
    (sources / "utf16.txt").write_bytes("泰州再次召開會議\n近日，泰州再次召開會議。\n".encode("utf-16"))
    (sources / "page.html").write_text(
        "<html><body><nav>導航</nav><article><h1>網頁標題</h1><p>網頁正文。</p></article>"
        "<footer>頁腳</footer></body></html>", encoding="utf-8")
    names = ["big5.txt", "gbk.txt", "utf16.txt", "page.html"]
    result = run(project, *(str(sources / n) for n in names), "--date", "2021-01-01",
                 "--report", str(project / "r.json"))
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert [e["encoding"] for e in report["sources"]] == ["big5", "gb18030", "utf-16", "utf-8"]
    page = project / report["sources"][3]["document"]
    assert "# 網頁標題\n\n網頁正文。\n" in page.read_text(encoding="utf-8")
    assert "導航" not in page.read_text(encoding="utf-8") and "warning" not in result


def test_an_article_without_title_or_date_is_imported_with_warnings(project):
    source = project / "sources" / "untitled.txt"
    source.write_text("近日,泰州召開會議。會議研究了問題。\n", encoding="utf-8")
    result = run(project, str(source))
    assert "no title line" in result and "no --date" in result


@pytest.mark.parametrize("name, content, message", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("empty.txt", b"\n \n", "no article text"),
    ("missing.txt", None, "cannot be read"),
    ("notes.docx", b"PK", "not a .txt, .md or .html"),
    ("dump.txt", "新聞內容。\n".encode() * 300_000, "at most 4 MiB"),
])
def test_a_bad_source_is_an_error_and_nothing_is_written(project, name, content, message):
    bad = project / "sources" / name
    if content is not None:
        bad.write_bytes(content)
    index_before = (project / "docs" / "index.md").read_bytes()
    result = run(project, str(project / "sources" / SAMPLE.name), str(bad), "--date", "2019-06-14",
                 "--report", str(project / "r.json"), ok=False)
    assert name in result and message in result
    assert not (project / "docs" / "articles").exists() and not (project / "r.json").exists()
    assert (project / "docs" / "index.md").read_bytes() == index_before


def test_a_bad_date_is_refused(project):
    result = run(project, str(project / "sources" / SAMPLE.name), "--date", "14/06/2019", ok=False)
    assert "YYYY-MM-DD" in result


def test_articles_outside_the_sphinx_project_are_refused(project, tmp_path):
    result = run(project, str(project / "sources" / SAMPLE.name), "--into", str(tmp_path / "elsewhere"),
                 ok=False)
    assert "inside the Sphinx project" in result and not (tmp_path / "elsewhere").exists()


def test_the_report_lists_each_repair_with_the_phrase_that_decided_it(project):
    result = import_sample(project, "--report", str(project / "report.json"))
    [entry] = json.loads((project / "report.json").read_text(encoding="utf-8"))["sources"]
    assert len(entry["repairs"]) == entry["counts"]["characters_repaired"] == 17
    assert entry["repairs"][0] == {"line": 2, "column": 96, "before": "后", "after": "後", "phrase": "後"}
    assert {"line": 4, "column": 271, "before": "制", "after": "製", "phrase": "製造"} in entry["repairs"]
    assert {"line": 6, "column": 200, "before": "系", "after": "繫", "phrase": "聯繫"} in entry["repairs"]
    assert f"  sources/{SAMPLE.name}:2:96: repair: 后→後 (phrase 後)" in result
    assert "17 characters repaired" in result


def test_no_repair_imports_the_characters_as_they_arrived(project):
    import_sample(project, "--no-repair")
    document = project / "docs" / "articles" / f"{SLUG}.md"
    assert front(document)["counts"]["characters_repaired"] == 0
    text = document.read_text(encoding="utf-8")
    assert "情況匯報后，" in text and "真抓實干" in text and "智能制造" in text


def test_the_report_lists_each_restoration_with_its_evidence(project):
    import_sample(project, "--report", str(project / "report.json"))
    [entry] = json.loads((project / "report.json").read_text(encoding="utf-8"))["sources"]
    assert entry["restorations"] == [
        {"line": 2, "column": 284, "text": "?fù)?dān)", "restored": "負擔",
         "evidence": "pinyin fù dān: only 負擔 makes words with 勇挑重…"},
        {"line": 4, "column": 452, "text": "普猩虥Q", "restored": "善招商決",
         "evidence": "realigned by one byte: ｊ善招商決; words 善 招商 決策"},
    ]
    assert len(entry["findings"]) == entry["counts"]["garbled_spans"] == 3  # the damage found


def test_no_restore_keeps_every_damaged_span_flagged(project):
    result = import_sample(project, "--no-restore")
    document = project / "docs" / "articles" / f"{SLUG}.md"
    text = document.read_text(encoding="utf-8")
    assert "{restored}" not in text and front(document)["counts"]["restored"] == 0
    assert "勇挑重{garbled}`?fù)`{garbled}`?dān)`、真抓實幹" in text
    assert "專家{garbled}`?guī)欤晟普猩虥Q`策機制" in text
    assert ": restored: " not in result and "0 damaged spans restored" in result
