"""Rebuilds, the PDF link, unsafe translations and the command line, on small copies."""

import shutil

import lxml.html
import pytest
from click.testing import CliRunner

from conftest import copy_root
from translate_kit.publish import build_html
from translate_kit.publish.sitewide import language_map
from translate_kit.cli import main
from translate_kit.config import load_config

RUSH = "為了趕上進度，工人們著急地加班，這樣的情況在開發區並不少見。"


@pytest.fixture
def root(tmp_path):
    return copy_root("multi", tmp_path)


def build(root, *codes):
    config = load_config(root)
    result = build_html(config, tuple(config.edition(c) for c in codes))
    assert result.ok, [b.run.output for b in result.editions]
    return result


def doctree_times(root, slug):
    base = root / "_build/doctrees/html" / slug
    return {p.relative_to(base).as_posix(): p.stat().st_mtime_ns for p in base.rglob("*.doctree")}


def html(root, slug, name="articles/a001"):
    return lxml.html.parse(str(root / "_build/html" / slug / f"{name}.html")).getroot()


def append(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def test_editing_one_catalog_rereads_only_its_document(root):
    build(root, "en")
    before = doctree_times(root, "en")
    append(root / "locale/en/LC_MESSAGES/articles/a001.po",
           f'\nmsgid "{RUSH}"\nmsgstr "Workers did overtime to keep up."\n')
    build(root, "en")
    after = doctree_times(root, "en")
    assert [d for d in before if before[d] != after[d]] == ["articles/a001.doctree"]
    assert "Workers did overtime to keep up." in html(root, "en").text_content()
    assert not list((root / "locale").rglob("*.mo"))  # compiled into _build/ only


def test_only_editions_whose_inputs_changed_run_sphinx_again(root):
    first = build(root)
    assert not any(b.up_to_date for b in first.editions)
    assert all(b.up_to_date for b in build(root).editions)

    # With an untranslated entry the page stays under min_translated (4 of 6 messages):
    # the other editions, which do not offer it, have nothing to write again.
    append(root / "locale/en/LC_MESSAGES/articles/a001.po",
           f'\nmsgid "{RUSH}"\nmsgstr "Workers did overtime to keep up."\n'
           '\nmsgid "尚未翻譯的段落。"\nmsgstr ""\n')
    third = build(root)
    assert {b.edition.code: b.up_to_date for b in third.editions} == {
        "zh-Hant": True, "zh-Hans": True, "en": False}
    assert "Workers did overtime to keep up." in html(root, "en").text_content()

    append(root / "docs/articles/a002.md", "\n新增的段落。\n")
    assert not any(b.up_to_date for b in build(root).editions)
    assert "新增的段落" in html(root, "zh-hant", "articles/a002").text_content()


def test_an_edition_whose_output_was_deleted_is_built_again(root):
    build(root, "zh-Hant")
    shutil.rmtree(root / "_build/html/zh-hant")
    result = build(root, "zh-Hant")
    assert not result.editions[0].up_to_date
    assert (root / "_build/html/zh-hant/articles/a001.html").is_file()


def test_a_new_catalog_is_picked_up(root):
    build(root, "en")
    append(root / "locale/en/LC_MESSAGES/articles/a002.po",
           'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           'msgid "體育館開放"\nmsgstr "Stadium opens"\n')
    build(root, "en")
    assert html(root, "en", "articles/a002").xpath("//h1")[0].text_content().startswith("Stadium")


def test_editing_the_glossary_reconverts_the_edition(root):
    build(root, "zh-Hans")
    append(root / "locale/zh_Hans/phrases.txt", "體育館\t体育场馆\n")
    build(root, "zh-Hans")
    assert html(root, "zh-hans", "articles/a002").xpath("//h1")[0].text_content().startswith("体育场馆开放")


def test_pdf_link_only_where_the_pdf_exists(root):
    config = load_config(root)
    pdf = config.build_dir / "pdf" / config.pdf_name(config.edition("zh-Hans"))
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7\n")
    build(root, "zh-Hans", "en")
    link = html(root, "zh-hans").xpath("//*[contains(@class,'tk-pdf')]//a/@href")
    assert link == ["../../pdf/translate-kit-zh-hans.pdf"]
    page = root / "_build/html/zh-hans/articles/a001.html"
    assert (page.parent / link[0]).resolve().read_bytes() == b"%PDF-1.7\n"
    assert not html(root, "en").xpath("//*[contains(@class,'tk-pdf')]")


def test_unsafe_translation_is_left_out_with_a_warning(root):
    append(root / "locale/en/LC_MESSAGES/articles/a001.po",
           f'\nmsgid "{RUSH}"\nmsgstr "Workers <script>alert(1)</script> did overtime."\n')
    result = build(root, "en")
    page = html(root, "en")
    assert not page.xpath("//article//script") and "alert(1)" not in page.text_content()
    assert page.xpath(f"//p[.='{RUSH}']/@lang") == ["zh-Hant"]
    assert any("a001.po" in w and "<script>" in w for w in result.editions[0].run.warnings)


def test_translated_text_never_yields_raw_html(root):
    """Defence in depth: raw HTML is dropped even where the catalog check allows it."""
    append(root / "docs/articles/a002.md", "\n館內有<b>免費</b>停車場。\n")
    append(root / "locale/en/LC_MESSAGES/articles/a002.po",
           'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           'msgid "館內有<b>免費</b>停車場。"\nmsgstr "There is <b>free</b> parking."\n')
    result = build(root, "en")
    page = html(root, "en", "articles/a002")
    assert page.xpath("//article//p[.='There is free parking.']")
    assert not page.xpath("//article//b")
    assert any("raw html markup" in w for w in result.editions[0].run.warnings)


def test_cli_prints_a_summary_and_fails_when_a_build_fails(root):
    runner = CliRunner()
    ok = runner.invoke(main, ["--root", str(root), "build", "html", "-e", "zh-Hant"])
    assert ok.exit_code == 0, ok.output
    assert "zh-Hant" in ok.output and "index.html" in ok.output
    (root / "docs/conf.py").write_text("this is not python\n", encoding="utf-8")
    failed = runner.invoke(main, ["--root", str(root), "build", "html", "-e", "zh-Hant"])
    assert failed.exit_code == 1 and "failed" in failed.output


def test_browser_languages_prefer_the_most_specific_edition(tmp_path):
    (tmp_path / "translate-kit.toml").write_text(
        '[[editions]]\ncode = "zh-Hant"\nlabel = "繁體"\nkind = "source"\nsphinx_language = "zh_TW"\n'
        '[[editions]]\ncode = "zh-HK"\nlabel = "香港"\nkind = "script"\n'
        'opencc_config = "t2hk.json"\nsphinx_language = "zh_HK"\n'
        '[[editions]]\ncode = "zh-Hans"\nlabel = "简体"\nkind = "script"\n'
        'opencc_config = "t2s.json"\nsphinx_language = "zh_CN"\n', encoding="utf-8")
    found = language_map(load_config(tmp_path))
    assert found["zh-hk"] == "zh-hk/index.html"
    assert found["zh-tw"] == found["zh-mo"] == "zh-hant/index.html"
    assert found["zh"] == found["zh-sg"] == "zh-hans/index.html"


def test_a_script_edition_without_catalogs_uses_opencc_and_the_glossary(root):
    shutil.rmtree(root / "locale/zh_Hans/LC_MESSAGES")
    build(root, "zh-Hans")
    text = html(root, "zh-hans").xpath("//article")[0].text_content()
    assert "于先生说" in text and "工人们着急地加班" in text


def test_a_broken_catalog_is_a_located_error_and_nothing_is_built(root):
    po = root / "locale/en/LC_MESSAGES/articles/a001.po"
    append(po, '\nmsgid "統計資料"\n')
    result = CliRunner().invoke(main, ["--root", str(root), "build", "html"])
    assert result.exit_code == 1
    assert f"{po}:" in result.output and "Traceback" not in result.output
    assert not (root / "_build/html").exists()  # no edition built, not even the sound ones


def test_a_new_article_is_linked_from_its_neighbours_as_in_a_clean_build(root, tmp_path):
    build(root, "zh-Hant")
    (root / "docs/articles/a000.md").write_text("# 最新的文章\n\n開發區今天開工。\n", encoding="utf-8")
    listing = root / "docs/articles/index.md"
    listing.write_text(listing.read_text(encoding="utf-8").replace("a001\n", "a000\na001\n"),
                       encoding="utf-8")
    build(root, "zh-Hant")
    # a001 was not read again, but its "previous" page is now the new article.
    assert html(root, "zh-hant").xpath("//a[@class='prev-page']/@href") == ["a000.html"]
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("_build"))
    build(clean, "zh-Hant")
    pages = sorted(p.relative_to(root / "_build/html/zh-hant")
                   for p in (root / "_build/html/zh-hant").rglob("*.html"))
    assert pages
    for page in pages:
        assert (root / "_build/html/zh-hant" / page).read_bytes() == \
            (clean / "_build/html/zh-hant" / page).read_bytes(), page


def edition_files(root, slug):
    base = root / "_build/html" / slug
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*"))
            if p.is_file()}


def test_every_edition_writes_the_same_pages_built_with_the_others_as_built_alone(root):
    config = load_config(root)
    build(root, *(e.code for e in config.editions))
    together = {e.slug: edition_files(root, e.slug) for e in config.editions}
    for edition in config.editions:
        shutil.rmtree(root / "_build")
        build(root, edition.code)
        alone = edition_files(root, edition.slug)
        assert sorted(alone) == sorted(together[edition.slug])
        differing = [name for name in alone if alone[name] != together[edition.slug][name]]
        assert differing == [], f"{edition.code}: {differing}"
