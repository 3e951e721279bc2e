import gettext
import os
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from test_catalogs_safety import INJECTIONS, SOURCE
from translate_kit.catalogs.compile import compile_catalogs, read_entries
from translate_kit.config import load_config
from translate_kit.errors import CatalogError


EVERY_STATE = [  # published, fuzzy, untranslated, unsafe
    ("泰州", "Taizhou", False),
    ("綜合保稅區", "Comprehensive Bonded Zone", True),
    ("揭牌", "", False),
    (SOURCE, INJECTIONS["raw role"], False),
]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("", encoding="utf-8")
    return load_config(tmp_path)


def write_catalog(project, docname, entries):
    """entries: (msgid, msgstr, fuzzy) triples."""
    catalog = Catalog(locale="en")
    for msgid, msgstr, fuzzy in entries:
        catalog.add(msgid, msgstr, flags=["fuzzy"] if fuzzy else [])
    path = project.locale_dir / "en" / "LC_MESSAGES" / f"{docname}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def load_mo(dest, docname):
    with (dest / "en" / "LC_MESSAGES" / f"{docname}.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_only_finished_safe_translations_are_published(project, tmp_path):
    po = write_catalog(project, "articles/zone", EVERY_STATE)
    dest = tmp_path / "mo"
    result = compile_catalogs(project, project.edition("en"), dest)

    mo = load_mo(dest, "articles/zone")
    assert mo.gettext("泰州") == "Taizhou"
    assert mo.gettext("綜合保稅區") == "綜合保稅區"  # fuzzy: the source text stays
    assert mo.gettext("揭牌") == "揭牌"
    assert mo.gettext(SOURCE) == SOURCE
    assert result.written == (dest / "en" / "LC_MESSAGES" / "articles" / "zone.mo",)
    reasons = {d.msgid: (d.reason, d.unsafe) for d in result.dropped}
    assert reasons["綜合保稅區"] == ("fuzzy", False)
    assert "raw role {raw}" in reasons[SOURCE][0] and reasons[SOURCE][1]
    assert [d.msgid for d in result.unsafe] == [SOURCE]
    text = po.read_text(encoding="utf-8").splitlines()
    bad = result.unsafe[0]
    assert bad.path == po and text[bad.line - 1].startswith("msgid")


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_every_injection_form_is_dropped(project, tmp_path, name):
    write_catalog(project, "index", [(SOURCE, INJECTIONS[name], False), ("泰州", "Taizhou", False)])
    result = compile_catalogs(project, project.edition("en"), tmp_path / "mo")
    mo = load_mo(tmp_path / "mo", "index")
    assert mo.gettext(SOURCE) == SOURCE
    assert mo.gettext("泰州") == "Taizhou"
    assert [d.msgid for d in result.unsafe] == [SOURCE]


def test_only_changed_catalogs_are_rewritten(project, tmp_path):
    write_catalog(project, "index", [("泰州", "Taizhou", False)])
    write_catalog(project, "articles/zone", [("泰州", "Taizhou", False)])
    dest = tmp_path / "mo"
    edition = project.edition("en")
    first = compile_catalogs(project, edition, dest)
    assert len(first.written) == 2
    stamps = {p: p.stat().st_mtime_ns for p in first.written}
    for path in stamps:
        os.utime(path, ns=(1, 1))

    second = compile_catalogs(project, edition, dest)
    assert second.written == () and len(second.unchanged) == 2
    assert all(p.stat().st_mtime_ns == 1 for p in stamps)

    write_catalog(project, "articles/zone", [("泰州", "Taizhou City", False)])
    third = compile_catalogs(project, edition, dest)
    assert [p.name for p in third.written] == ["zone.mo"]
    assert (dest / "en" / "LC_MESSAGES" / "index.mo").stat().st_mtime_ns == 1
    assert load_mo(dest, "articles/zone").gettext("泰州") == "Taizhou City"


def test_unchanged_catalogs_are_not_parsed_again_but_still_report_what_was_dropped(
    project, tmp_path, monkeypatch
):
    write_catalog(project, "index", [("泰州", "Taizhou", False), (SOURCE, INJECTIONS["raw role"], False)])
    write_catalog(project, "articles/zone", [("泰州", "Taizhou", False)])
    dest, edition = tmp_path / "mo", project.edition("en")
    first = compile_catalogs(project, edition, dest)

    parsed = []
    import translate_kit.catalogs.compile as compile_module
    real = compile_module.read_catalog
    monkeypatch.setattr(compile_module, "read_catalog", lambda path: parsed.append(path) or real(path))
    second = compile_catalogs(project, edition, dest)
    assert parsed == []
    assert second.dropped == first.dropped and [d.msgid for d in second.unsafe] == [SOURCE]

    edited = write_catalog(project, "articles/zone", [("泰州", "Taizhou City", False)])
    compile_catalogs(project, edition, dest)
    assert parsed == [edited]
    assert load_mo(dest, "articles/zone").gettext("泰州") == "Taizhou City"


def test_a_catalog_marked_fuzzy_only_changes_nothing_published(project, tmp_path):
    write_catalog(project, "index", [("泰州", "Taizhou", False), ("新聞", "News", False)])
    dest = tmp_path / "mo"
    compile_catalogs(project, project.edition("en"), dest)
    write_catalog(project, "index", [("泰州", "Taizhou", False), ("新聞", "Noos", True)])
    result = compile_catalogs(project, project.edition("en"), dest)
    assert result.written and load_mo(dest, "index").gettext("新聞") == "新聞"


def test_every_entry_keeps_its_line_and_state_for_the_fallback_markers(project, tmp_path):
    po = write_catalog(project, "articles/zone", EVERY_STATE)
    dest = tmp_path / "mo"
    compile_catalogs(project, project.edition("en"), dest)
    kept = dest / "en" / "LC_MESSAGES" / "articles" / "zone.entries.json"
    entries = read_entries(kept)
    assert {msgid: state for msgid, (_, state) in entries.items()} == {
        "泰州": "translated", "綜合保稅區": "fuzzy", "揭牌": "untranslated", SOURCE: "unsafe"}
    lines = po.read_text(encoding="utf-8").splitlines()
    assert lines[entries["揭牌"][0] - 1] == 'msgid "揭牌"'

    kept.unlink()  # lost: the catalog is read again to restore it
    compile_catalogs(project, project.edition("en"), dest)
    assert read_entries(kept) == entries
    po.unlink()
    compile_catalogs(project, project.edition("en"), dest)
    assert not kept.exists() and read_entries(kept) == {}


def test_deleted_catalogs_stop_being_published(project, tmp_path):
    po = write_catalog(project, "articles/old", [("泰州", "Taizhou", False)])
    dest = tmp_path / "mo"
    compile_catalogs(project, project.edition("en"), dest)
    po.unlink()
    result = compile_catalogs(project, project.edition("en"), dest)
    assert result.removed == (dest / "en" / "LC_MESSAGES" / "articles" / "old.mo",)
    assert not result.removed[0].exists()


def test_a_malformed_catalog_is_an_error_with_its_line(project, tmp_path):
    po = write_catalog(project, "index", [("泰州", "Taizhou", False)])
    dest = tmp_path / "mo"
    compile_catalogs(project, project.edition("en"), dest)
    mo = dest / "en" / "LC_MESSAGES" / "index.mo"
    before = mo.read_bytes()
    lines = po.read_text(encoding="utf-8").splitlines()
    broken = len(lines) + 2
    po.write_text("\n".join(lines) + '\n\nmsgid "新聞"\nmsgstr "News\n', encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        compile_catalogs(project, project.edition("en"), dest)
    assert info.value.path == po and info.value.line == broken + 1
    assert mo.read_bytes() == before


def test_no_catalogs_means_no_output(project, tmp_path):
    result = compile_catalogs(project, project.edition("en"), tmp_path / "mo")
    assert result.written == result.dropped == result.removed == ()
    assert not Path(tmp_path / "mo").exists()


def test_the_language_directory_can_follow_sphinx(tmp_path):
    (tmp_path / "translate-kit.toml").write_text(
        '[[editions]]\ncode = "zh-Hant"\nlabel = "繁"\nkind = "source"\n'
        '[[editions]]\ncode = "zh-Hans"\nlabel = "简"\nkind = "script"\nopencc_config = "t2s.json"\n'
        'sphinx_language = "zh_CN"\ncatalog_language = "zh_Hans"\n', encoding="utf-8")
    project = load_config(tmp_path)
    edition = project.edition("zh-Hans")
    catalog = Catalog(locale="zh_Hans_CN")
    catalog.add("乾隆", "乾隆")
    path = project.locale_dir / "zh_Hans" / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    result = compile_catalogs(project, edition, tmp_path / "mo", language=edition.sphinx_language)
    assert result.written == (tmp_path / "mo" / "zh_CN" / "LC_MESSAGES" / "index.mo",)
