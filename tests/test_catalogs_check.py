"""`translate-kit check`: located problems for broken, inconsistent and unsafe translations."""


import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from click.testing import CliRunner

from test_catalogs_safety import INJECTIONS, SOURCE
from translate_kit.publish.extraction import extract_templates
from translate_kit.catalogs.check import Severity, check_catalogs
from translate_kit.cli import main
from translate_kit.config import load_config

GLOSSARY = "source,en\n泰州,Taizhou\n綜合保稅區,Comprehensive Bonded Zone\n綜保區,Comprehensive Bonded Zone|bonded zone\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("", encoding="utf-8")
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    for docname in ("index", "articles/zone"):
        (tmp_path / "docs" / f"{docname}.md").write_text("# 泰州\n", encoding="utf-8")
    return load_config(tmp_path)


def write(project, entries, docname="articles/zone"):
    catalog = Catalog(locale="en", fuzzy=False)
    for msgid, msgstr, *flags in entries:
        catalog.add(msgid, msgstr, flags=flags)
    path = project.locale_dir / "en" / "LC_MESSAGES" / f"{docname}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def problems(project, severity=None):
    found = check_catalogs(project, extract_templates).problems
    return [p for p in found if severity is None or p.severity is severity]


def errors_of(project, msgid, msgstr):
    """The error messages of one translation, all located at its msgid line."""
    path = write(project, [(msgid, msgstr)])
    errors = problems(project, Severity.ERROR)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert errors and all(e.path == path and lines[e.line - 1] == f'msgid "{msgid}"' for e in errors)
    return " | ".join(e.message for e in errors)


def test_a_faithful_translation_passes(project):
    write(project, [(
        "泰州綜合保稅區於 2024 年 5 月揭牌，投資 3.5億元，詳見 [官網](https://example.cn) 或寫信至 info@example.cn，`代碼` 與 **重點** 及 *強調*[^1]。",
        "The Taizhou Comprehensive Bonded Zone opened in May 2024 with 350 million yuan invested; see [the website](https://example.cn) or write to info@example.cn, `代碼` and **key points** and *emphasis*[^1].",
    ), ("綜保區今年二〇二四", "The bonded zone this year 2024")])
    assert problems(project) == []


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("見 `make html` 指令", "See the command", "lacks inline code '`make html`'"),
    ("見 {doc}`articles/zone`", "See {doc}`articles/other`", "role target"),
    ("見 {ref}`新聞 <news>`", "See {ref}`news <other>`", "role target"),
    ("見 {sub}`x`", "See x", "lacks role '{sub}'"),
    ("見 [官網](https://example.cn/a)", "See [site](https://example.cn/b)", "link target"),
    ("見 [官網](https://example.cn)", "See the site at https://example.cn", "lacks link target"),
    ("這是 **重點**", "This is key", "lacks strong emphasis"),
    ("這是 *強調*", "This is emphasised", "lacks emphasis"),
    ("這是 {{ 名稱 }}", "This is the name", "lacks substitution"),
    ("這是注釋[^note]", "This is a note", "lacks footnote reference '[^note]'"),
    ("面積 1.2 平方公里", "An area of 12 km²", "number '1.2'"),
    ("2024 年", "This year", "number '2024'"),
    ("詳見 https://example.cn/news", "See the website", "URL 'https://example.cn/news'"),
    ("來信 info@example.cn", "Write to us", "e-mail address 'info@example.cn'"),
    ("泰州新聞", "Taichow news", "'泰州' should be translated as 'Taizhou'"),
    ("綜保區", "the free zone", "or 'bonded zone'"),
])
def test_inconsistent_translations_are_errors(project, msgid, msgstr, expected):
    assert expected in errors_of(project, msgid, msgstr)


def test_a_number_missing_several_times_is_one_problem_with_its_count(project):
    write(project, [("第 3 期與第 3 批", "The third phase and batch")])
    found = [p.message for p in problems(project, Severity.ERROR)]
    assert found == ["number '3' of the source is missing from the translation (2 times)"]


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_every_injection_form_is_an_error(project, name):
    path = write(project, [(SOURCE, INJECTIONS[name])])
    unsafe = [p for p in problems(project, Severity.ERROR) if p.check == "injection"]
    assert len(unsafe) == 1 and unsafe[0].path == path and "unsafe" in unsafe[0].message


def test_garbled_fuzzy_and_untranslated_are_warnings(project):
    write(project, [
        ("這是 {garbled}`鍩鍝` 段落", "This is {garbled}`鍩鍝` a paragraph"),
        ("泰州 2024", "Taichow", "fuzzy"),
        ("新聞", ""),
    ])
    found = problems(project)
    assert all(p.severity is Severity.WARNING for p in found)
    messages = sorted(p.message for p in found)
    assert messages[0].startswith("fuzzy") and messages[1] == "unresolved garbled text from import: '鍩鍝'"
    assert messages[2] == "untranslated"


def test_a_translation_may_resolve_garbled_text(project):
    write(project, [("這是 {garbled}`鍩鍝` 段落", "This is the missing word in a paragraph")])
    assert problems(project, Severity.ERROR) == []


@pytest.mark.parametrize("content, line, expected", [
    (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b\n', 6,
     "syntax error"),
    (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xe6\xb3"\n', 6,
     "not valid UTF-8"),
    (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "a"\nmsgstr "b"\n', 3,
     "charset"),
    (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n\n'
     b'msgid "a"\nmsgstr "c"\n', 8, "duplicate msgid 'a'"),
    (b'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstrr "b"\n', 5, "syntax error"),
])
def test_unreadable_catalogs_are_located_errors_and_left_untouched(project, content, line, expected):
    path = project.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    [error] = problems(project)
    assert (error.path, error.line, error.severity) == (path, line, Severity.ERROR)
    assert expected in error.message
    assert path.read_bytes() == content


def test_the_command_prints_file_and_line_and_fails_on_errors(project):
    path = write(project, [("泰州", "Taichow"), ("新聞", "")])
    result = CliRunner().invoke(main, ["--root", str(project.root), "check"])
    assert result.exit_code == 1
    relative = path.relative_to(project.root)
    assert f"{relative}:" in result.output and ": error: glossary: '泰州'" in result.output
    assert ": warning: untranslated" in result.output

    write(project, [("泰州", "Taizhou"), ("新聞", "")])
    result = CliRunner().invoke(main, ["--root", str(project.root), "check"])
    assert result.exit_code == 0
    result = CliRunner().invoke(main, ["--root", str(project.root), "check", "--no-warnings"])
    assert "untranslated" not in result.output


def test_a_broken_glossary_is_a_located_error(project):
    project.glossary.write_text("source,en\n泰州,Taizhou\n泰州,Tai-chou\n", encoding="utf-8")
    write(project, [("泰州", "Taizhou")])
    result = CliRunner().invoke(main, ["--root", str(project.root), "check"])
    assert result.exit_code == 1
    assert f"{project.glossary}:3: '泰州' is already listed on line 2" in result.output


def test_catalogs_of_deleted_documents_are_warnings(project):
    write(project, [("泰州", "Taizhou")])
    stale = write(project, [("泰州", "Taizhou")], docname="articles/old")
    [warning] = problems(project)
    assert warning.path == stale and warning.severity is Severity.WARNING
    assert "'articles/old' no longer exists" in warning.message
