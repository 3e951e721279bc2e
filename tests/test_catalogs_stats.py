"""`translate-kit stats`: progress by messages and characters, table, JSON, --fail-under."""

import json

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from click.testing import CliRunner
from conftest import translate_kit

from translate_kit.catalogs.stats import collect_stats
from translate_kit.cli import main
from translate_kit.config import load_config


@pytest.fixture
def project(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("", encoding="utf-8")
    config = load_config(tmp_path)
    write(config, "index", [("新聞", "News"), ("泰州", "Taichow", "fuzzy")])
    write(config, "articles/zone", [("泰州綜合保稅區揭牌", "Taizhou bonded zone opens"),
                                    ("開發區管委會表示，今年增長。", ""), ("甲", "A")])
    return config


def write(config, docname, entries):
    catalog = Catalog(locale="en", fuzzy=False)
    for msgid, msgstr, *flags in entries:
        catalog.add(msgid, msgstr, flags=flags)
    catalog.obsolete["舊"] = catalog.add("舊", "Old")  # obsolete entries do not count
    del catalog["舊"]
    path = config.locale_dir / "en" / "LC_MESSAGES" / f"{docname}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def invoke(config, *args):
    return CliRunner().invoke(main, ["--root", str(config.root), "stats", *args])


def test_progress_counts_messages_and_characters_and_fuzzy_is_not_done(project):
    [en] = collect_stats(project)
    by_doc = {d.docname: d.progress for d in en.documents}
    zone = by_doc["articles/zone"]
    assert (zone.messages.translated, zone.messages.fuzzy, zone.messages.untranslated) == (2, 0, 1)
    assert (zone.characters.translated, zone.characters.untranslated) == (10, 14)
    index = by_doc["index"]
    assert (index.messages.translated, index.messages.fuzzy, index.characters.fuzzy) == (1, 1, 2)
    assert en.progress.messages.total == 5 and en.progress.messages.percent == 60.0
    assert en.progress.characters.percent == pytest.approx(100 * 12 / 28)


def test_json_output(project):
    result = invoke(project, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    [en] = data["editions"]
    assert en["edition"] == "en" and en["messages"]["percent"] == 60.0
    assert en["characters"]["percent"] == 42.8  # rounded down: 42.857...
    zone = next(d for d in en["documents"] if d["docname"] == "articles/zone")
    assert zone["messages"] == {"translated": 2, "fuzzy": 0, "untranslated": 1, "total": 3,
                                "percent": 66.6}


def test_table_output(project):
    result = invoke(project)
    assert result.exit_code == 0
    assert "articles/zone" in result.output and "66.6" in result.output and "total" in result.output


@pytest.mark.parametrize("args, code", [
    (["--fail-under", "60"], 0),
    (["--fail-under", "60.1"], 1),
    (["--fail-under", "42", "--by", "characters"], 0),
    (["--fail-under", "43", "--by", "characters"], 1),
])
def test_fail_under(project, args, code):
    result = invoke(project, *args)
    assert result.exit_code == code
    if code:
        assert "under" in result.output


def test_a_finished_edition_passes_at_100(project):
    write(project, "index", [("新聞", "News"), ("泰州", "Taizhou")])
    write(project, "articles/zone", [("甲", "A")])
    assert invoke(project, "--fail-under", "100").exit_code == 0


def test_documents_without_a_catalog_are_reported(project):
    (project.docs_dir / "articles").mkdir(parents=True)
    for docname in ("index", "articles/zone", "articles/new"):
        (project.docs_dir / f"{docname}.md").write_text("# 新聞\n", encoding="utf-8")
    [en] = collect_stats(project)
    assert en.without_catalog == ("articles/new",)
    done = translate_kit(project.root, "stats", "--json")  # stdout alone: JSON, warnings aside
    assert json.loads(done.stdout)["editions"][0]["without_catalog"] == ["articles/new"]
    assert "articles/new has no catalog yet" in invoke(project).output
