"""``translate-kit import`` of folders and lists, duplicates refused, ``--replace``."""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner

from conftest import translate_kit
from translate_kit.cli import main
from translate_kit.importer.index import ArticleIndex

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "project"
MEETING = "泰州召開會議\n近日，泰州召開會議，研究5G項目建設。\n會議指出，要抓好招商引資工作。\n"
MEETING_SLUG = "taizhou-zhaokai-huiyi"
ZONE = "綜合保稅區揭牌\n泰州綜合保稅區今日揭牌，園區已有三十多家企業入駐。\n"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "sources").mkdir()
    return root


def run(root: Path, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--root", str(root), "import", *args])
    assert (result.exit_code == 0) is ok, result.output
    return result.output


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def articles(root: Path) -> list[str]:
    folder = root / "docs" / "articles"
    return sorted(p.name for p in folder.glob("*.md")) if folder.exists() else []


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project but the import's cache, to show that nothing changed."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "_build" not in p.parts}


def test_a_folder_gives_its_articles_in_sorted_order_without_hidden_files(project):
    inbox = project / "sources" / "inbox"
    write(inbox / "b.txt", "第二篇\n第二篇文章的正文。\n")
    write(inbox / "a.md", "# 第一篇\n\n第一篇文章的正文。\n")
    write(inbox / "sub" / "c.html", "<html><body><article><h1>第三篇</h1><p>第三篇文章的正文。</p>"
                                    "</article></body></html>")
    write(inbox / ".draft.txt", "草稿\n不該匯入的草稿。\n")
    write(inbox / ".git" / "d.txt", "版本庫\n不該匯入的檔案。\n")
    write(inbox / "notes.pdf", "not an article")
    run(project, str(inbox), "--date", "2021-03-04", "--report", str(project / "r.json"))
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in report["sources"]] == [
        "sources/inbox/a.md", "sources/inbox/b.txt", "sources/inbox/sub/c.html"]
    assert (report["written"], report["unchanged"]) == (3, 0)
    assert articles(project) == ["dierpian.md", "disanpian.md", "diyipian.md"]
    markdown = (project / "docs" / "articles" / "diyipian.md").read_text(encoding="utf-8")
    assert front(project / "docs" / "articles" / "diyipian.md")["title"] == "第一篇"
    assert "# 第一篇\n\n第一篇文章的正文。\n" in markdown


def test_a_list_file_names_sources_relative_to_itself(project):
    write(project / "sources" / "one.txt", MEETING)
    write(project / "sources" / "more" / "two.txt", ZONE)
    listing = write(project / "sources" / "batch.txt",
                    "# the articles of Monday\n\none.txt\n  more/two.txt  \n")
    output = run(project, f"@{listing}", "--date", "2021-03-04")
    assert articles(project) == [f"{MEETING_SLUG}.md", "zonghe-baoshuiqu-jiepai.md"]
    assert "2 sources: 2 written, 0 unchanged" in output


@pytest.mark.parametrize("how", ["@", "--from-list"])
def test_a_missing_listed_file_is_an_error_at_its_line_and_nothing_is_written(project, how):
    write(project / "sources" / "one.txt", MEETING)
    listing = write(project / "sources" / "batch.txt", "# Monday\none.txt\n\nlost.txt\n")
    before = snapshot(project)
    args = [f"@{listing}"] if how == "@" else ["--from-list", str(listing)]
    output = run(project, *args, "--report", str(project / "r.json"), ok=False)
    assert f"error: {listing}:4: lost.txt does not exist" in output
    assert snapshot(project) == before and articles(project) == []


def test_a_source_named_twice_is_imported_once_and_an_empty_folder_is_an_error(project):
    write(project / "sources" / "inbox" / "one.txt", MEETING)
    listing = write(project / "sources" / "batch.txt", "inbox/one.txt\nempty\n")
    (project / "sources" / "empty").mkdir()
    write(project / "sources" / "empty" / "photo.png", "not an article")
    output = run(project, f"@{listing}", ok=False)
    assert (f"error: {listing}:2: no article files (.txt, .md, .html, .htm) in the folder "
            f"{project / 'sources' / 'empty'}") in output
    write(listing, "inbox/one.txt\ninbox\n")
    output = run(project, f"@{listing}", str(project / "sources" / "inbox" / "one.txt"),
                 "--date", "2021-03-04")
    assert output.count("sources/inbox/one.txt → ") == 1 and articles(project) == [f"{MEETING_SLUG}.md"]


def test_bad_input_anywhere_in_a_batch_writes_nothing(project):
    inbox = project / "sources" / "inbox"
    write(inbox / "a.txt", MEETING)
    (inbox / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    before = snapshot(project)
    output = run(project, str(inbox), "--report", str(project / "r.json"), ok=False)
    assert "b.txt" in output and "binary file" in output
    assert snapshot(project) == before


def test_progress_in_a_log_is_plain_lines_beside_one_report(project):
    for name, text in (("one.txt", MEETING), ("two.txt", ZONE)):
        write(project / "sources" / name, text)
    output = run(project, str(project / "sources"), "--date", "2021-03-04",
                 "--report", str(project / "r.json"))
    assert "\x1b[" not in output  # no cursor movement, no colour in a log
    lines = output.splitlines()
    assert lines[0] == "[import] cleaning 0%" and "[import] writing 100%" in lines
    assert (f"sources/one.txt → docs/articles/{MEETING_SLUG}.md (written; encoding utf-8): "
            "0 annotations removed") in output
    assert lines[-1] == "2 sources: 2 written, 0 unchanged"
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in report["sources"]] == ["sources/one.txt", "sources/two.txt"]


@pytest.mark.parametrize("copy", [
    # another title, other line breaks and spaces, half-width punctuation
    "會議新聞\n近日, 泰州召開會議,研究5G項目建設。\n\n  會議指出,要抓好 招商引資工作。\n",
    # the same text under the same title, in simplified script
    "泰州召开会议\n近日，泰州召开会议，研究5G项目建设。\n会议指出，要抓好招商引资工作。\n",
    # full-width letters and digits count as their ASCII forms
    "泰州召開會議\n近日，泰州召開會議，研究５Ｇ項目建設。\n會議指出，要抓好招商引資工作。\n",
])
def test_an_article_already_in_the_project_is_refused_naming_its_document(project, copy):
    write(project / "sources" / "meeting.txt", MEETING)
    run(project, str(project / "sources" / "meeting.txt"), "--date", "2021-03-04")
    write(project / "sources" / "again.txt", copy)
    write(project / "sources" / "new.txt", ZONE)
    before = snapshot(project)
    output = run(project, str(project / "sources" / "new.txt"), str(project / "sources" / "again.txt"),
                 "--report", str(project / "r.json"), ok=False)
    assert (f"error: sources/again.txt: is already in the project as articles/{MEETING_SLUG} "
            f"(docs/articles/{MEETING_SLUG}.md; ") in output
    assert f"use --replace articles/{MEETING_SLUG}" in output
    assert snapshot(project) == before and articles(project) == [f"{MEETING_SLUG}.md"]


def test_the_same_source_imported_again_is_no_duplicate(project):
    write(project / "sources" / "meeting.txt", MEETING)
    run(project, str(project / "sources" / "meeting.txt"), "--date", "2021-03-04")
    output = run(project, str(project / "sources" / "meeting.txt"))
    assert "(unchanged; encoding utf-8)" in output


def test_two_copies_in_one_batch_are_refused_naming_both(project):
    write(project / "sources" / "a.txt", MEETING)
    write(project / "sources" / "b.txt", MEETING.replace("，", ", "))
    before = snapshot(project)
    output = run(project, str(project / "sources"), ok=False)
    assert ("error: sources/b.txt: is the same article as sources/a.txt in this import") in output
    assert snapshot(project) == before


def test_the_index_keeps_the_text_keys_so_an_import_reads_no_article_again(project):
    write(project / "sources" / "meeting.txt", MEETING)
    run(project, str(project / "sources" / "meeting.txt"), "--date", "2021-03-04")
    index = ArticleIndex(project / "docs" / "articles", project / "_build" / "import" / "articles.json")
    assert index.files_read == 0  # everything, the text's key too, came from the cache
    write(project / "sources" / "copy.txt", "另一個標題\n" + MEETING.split("\n", 1)[1])
    output = run(project, str(project / "sources" / "copy.txt"), ok=False)
    assert f"is already in the project as articles/{MEETING_SLUG}" in output


CORRECTED = ("泰州召開會議\n近日，泰州召開會議，研究5G項目建設。\n"
             "會議指出，要切實抓好招商引資工作。\n會議還部署了下一階段工作。\n")
CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

#: ../../docs/articles/{slug}.md:{title_line}
msgid "泰州召開會議"
msgstr "Taizhou holds a meeting"

#: ../../docs/articles/{slug}.md:{first_line}
msgid "近日，泰州召開會議，研究5G項目建設。"
msgstr "Taizhou recently held a meeting on project construction."

#: ../../docs/articles/{slug}.md:{second_line}
msgid "會議指出，要抓好招商引資工作。"
msgstr "The meeting said investment promotion must be done well."
"""


def imported_meeting(project: Path) -> tuple[Path, Path]:
    write(project / "sources" / "meeting.txt", MEETING)
    run(project, str(project / "sources" / "meeting.txt"), "--date", "2020-01-02", "--tag", "經濟")
    document = project / "docs" / "articles" / f"{MEETING_SLUG}.md"
    lines = document.read_text(encoding="utf-8").split("\n")
    catalog = write(project / "locale" / "en" / "LC_MESSAGES" / "articles" / f"{MEETING_SLUG}.po",
                    CATALOG.format(slug=MEETING_SLUG, title_line=lines.index("# 泰州召開會議") + 1,
                                   first_line=lines.index("近日，泰州召開會議，研究5G項目建設。") + 1,
                                   second_line=lines.index("會議指出，要抓好招商引資工作。") + 1))
    return document, catalog


def test_replace_keeps_slug_date_tags_and_every_translation(project):
    document, catalog = imported_meeting(project)
    write(project / "sources" / "meeting-corrected.txt", CORRECTED)
    output = run(project, "--replace", f"articles/{MEETING_SLUG}",
                 str(project / "sources" / "meeting-corrected.txt"), "--report", str(project / "r.json"))
    assert articles(project) == [f"{MEETING_SLUG}.md"]
    meta = front(document)
    assert (meta["date"], meta["tags"], meta["source"]) == (
        "2020-01-02", ["經濟"], "sources/meeting-corrected.txt")
    assert "會議指出，要切實抓好招商引資工作。\n\n會議還部署了下一階段工作。\n" in document.read_text(encoding="utf-8")
    with catalog.open("rb") as handle:
        po = read_po(handle)
    title, kept = po["泰州召開會議"], po["近日，泰州召開會議，研究5G項目建設。"]
    assert (title.string, title.fuzzy) == ("Taizhou holds a meeting", False)
    assert (kept.string, kept.fuzzy) == ("Taizhou recently held a meeting on project construction.", False)
    assert ('#, fuzzy\n#| msgid "會議指出，要抓好招商引資工作。"\n'
            'msgid "會議指出，要切實抓好招商引資工作。"\n'
            'msgstr "The meeting said investment promotion must be done well."\n'
            ) in catalog.read_text(encoding="utf-8")
    assert po["會議還部署了下一階段工作。"].string == ""
    assert f"locale/en/LC_MESSAGES/articles/{MEETING_SLUG}.po (en, updated): 2 kept, 1 fuzzy, " \
           "1 untranslated, 0 obsolete" in output
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert report["replaced"] == f"articles/{MEETING_SLUG}"
    assert report["catalogs"][0]["counts"]["fuzzy_edited"] == 1


def test_update_after_replace_changes_nothing_in_the_catalog(project):
    """The replace merged the messages Sphinx extracts, where Sphinx finds them."""
    _, catalog = imported_meeting(project)
    write(project / "sources" / "meeting-corrected.txt", CORRECTED)
    run(project, "--replace", MEETING_SLUG, str(project / "sources" / "meeting-corrected.txt"))
    replaced = catalog.read_bytes()
    result = translate_kit(project, "update")
    assert result.returncode == 0, result.stderr
    assert catalog.read_bytes() == replaced


def test_replace_of_a_simplified_article_keeps_the_original_of_its_new_passage(project):
    write(project / "sources" / "meeting.txt", "泰州召开会议\n近日，泰州召开会议，研究项目建设。\n"
                                                "会议指出，要抓好招商引资工作。\n")
    run(project, str(project / "sources" / "meeting.txt"), "--date", "2020-01-02")
    write(project / "sources" / "corrected.txt", "泰州召开会议\n近日，泰州召开会议，研究项目建设。\n"
                                                  "会议指出，要切实抓好招商引资工作。\n")
    run(project, "--replace", MEETING_SLUG, str(project / "sources" / "corrected.txt"))
    catalog = project / "locale" / "zh_Hans" / "LC_MESSAGES" / "articles" / f"{MEETING_SLUG}.po"
    assert ('# original text of sources/corrected.txt\nmsgid "會議指出，要切實抓好招商引資工作。"\n'
            'msgstr "会议指出，要切实抓好招商引资工作。"\n') in catalog.read_text(encoding="utf-8")


def test_replace_accepts_the_document_path_and_a_new_date_wins(project):
    document, _ = imported_meeting(project)
    write(project / "sources" / "meeting-corrected.txt", CORRECTED)
    run(project, "--replace", f"docs/articles/{MEETING_SLUG}.md", "--date", "2020-02-03",
        str(project / "sources" / "meeting-corrected.txt"))
    assert front(document)["date"] == "2020-02-03" and articles(project) == [f"{MEETING_SLUG}.md"]


def test_replace_of_an_unknown_article_is_an_error_and_nothing_is_written(project):
    imported_meeting(project)
    write(project / "sources" / "meeting-corrected.txt", CORRECTED)
    before = snapshot(project)
    output = run(project, "--replace", "articles/no-such-article",
                 str(project / "sources" / "meeting-corrected.txt"), ok=False)
    assert ("error: docs/articles/no-such-article.md: --replace articles/no-such-article: "
            "there is no such article") in output
    assert snapshot(project) == before


def test_replace_takes_one_source(project):
    imported_meeting(project)
    write(project / "sources" / "zone.txt", ZONE)
    write(project / "sources" / "meeting-corrected.txt", CORRECTED)
    output = run(project, "--replace", f"articles/{MEETING_SLUG}", str(project / "sources" / "zone.txt"),
                 str(project / "sources" / "meeting-corrected.txt"), ok=False)
    assert "takes exactly one corrected source, not 2" in output
