"""`translate-kit update` on a mini project (tests/roots/catalogs), with real Sphinx runs."""

import fcntl
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import UPDATE_LOCK, requires_tools
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from translate_kit.publish.extraction import extract_templates
from translate_kit.catalogs.pofile_io import read_catalog
from translate_kit.catalogs.update import update_catalogs
from translate_kit.cli import main
from translate_kit.config import load_config
from translate_kit.errors import CatalogError

ROOT = Path(__file__).parent / "roots" / "catalogs"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT, tmp_path / "project")
    return load_config(tmp_path / "project")


def po(project, docname):
    return project.locale_dir / "en" / "LC_MESSAGES" / f"{docname}.po"


def msgfmt_check(path):
    """GNU msgfmt must accept the catalog (a tool translators use on these files)."""
    requires_tools(("msgfmt",))
    proc = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def translate(path, translations, fuzzy=()):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
            if message.id in fuzzy:
                message.flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=79)


def snapshot(project):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(project.locale_dir.rglob("*.po"))}


def test_update_creates_a_catalog_per_document_that_msgfmt_accepts(project):
    result = update_catalogs(project, extract_templates)
    [edition] = result.editions
    assert {d.docname: d.status for d in edition.documents} == {
        "index": "created", "articles/zone": "created", "articles/meeting": "created"}
    text = po(project, "articles/zone").read_text(encoding="utf-8")
    for header in ("Language: en", "Plural-Forms: nplurals=2", "charset=utf-8",
                   "Project-Id-Version: 泰州新聞 articles/zone"):
        assert header in text
    assert "#. zh-Hans: 泰州综合保税区揭牌\n" in text
    assert 'msgid "泰州綜合保稅區揭牌"' in text
    assert not (project.locale_dir / "zh_Hans" / "LC_MESSAGES").exists()
    for path in project.locale_dir.rglob("*.po"):
        msgfmt_check(path)


def test_a_second_update_without_source_changes_touches_nothing(project):
    update_catalogs(project, extract_templates)
    translate(po(project, "articles/zone"), {"泰州綜合保稅區揭牌": "Taizhou bonded zone opens"})
    update_catalogs(project, extract_templates)  # normalises the hand-written file once
    before = snapshot(project)
    result = update_catalogs(project, extract_templates)
    assert snapshot(project) == before
    assert {d.status for d in result.editions[0].documents} == {"unchanged"}


def test_source_edits_keep_every_translation(project):
    update_catalogs(project, extract_templates)
    zone = po(project, "articles/zone")
    translate(zone, {
        "泰州綜合保稅區揭牌": "Taizhou Comprehensive Bonded Zone opens",
        "開發區管委會表示，今年外貿進出口總額預計增長百分之十五。":
            "The administrative committee expects foreign trade to grow by 15 % this year.",
        "園區內已有三十多家企業入駐，涵蓋生物醫藥與新能源產業。":
            "More than thirty companies, in biomedicine and new energy, have moved in.",
    })
    zone_md = project.docs_dir / "articles" / "zone.md"
    zone_md.write_text(
        "# 泰州綜合保稅區揭牌\n\n"
        "開發區管委會表示，明年外貿進出口總額預計增長百分之十五。\n\n"
        "泰州經濟開發區召開項目招引建設專題會議。\n", encoding="utf-8")
    (project.docs_dir / "index.md").write_text(
        "# 泰州新聞\n\n```{toctree}\narticles/zone\n```\n", encoding="utf-8")
    (project.docs_dir / "articles" / "meeting.md").unlink()
    meeting = po(project, "articles/meeting")
    translate(meeting, {"泰州經濟開發區召開項目招引建設專題會議。":
                        "The Taizhou Economic Development Zone held a meeting on projects."})

    result = update_catalogs(project, extract_templates)

    catalog = read_catalog(zone)
    edited = catalog["開發區管委會表示，明年外貿進出口總額預計增長百分之十五。"]
    assert edited.fuzzy and edited.previous_id == ["開發區管委會表示，今年外貿進出口總額預計增長百分之十五。"]
    assert edited.string.startswith("The administrative committee")
    assert catalog["泰州經濟開發區召開項目招引建設專題會議。"].string.startswith("The Taizhou")
    assert not catalog["泰州經濟開發區召開項目招引建設專題會議。"].fuzzy
    obsolete = [m.id for m in catalog.obsolete.values()]
    assert obsolete == ["園區內已有三十多家企業入駐，涵蓋生物醫藥與新能源產業。"]
    text = zone.read_text(encoding="utf-8")
    assert '#| msgid "開發區管委會表示，今年' in text and '#~ msgid "園區內' in text
    assert result.editions[0].orphaned == (meeting,) and meeting.exists()
    msgfmt_check(zone)


def test_a_malformed_catalog_stops_the_update_and_is_left_untouched(project):
    update_catalogs(project, extract_templates)
    zone = po(project, "articles/zone")
    lines = zone.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("msgstr")
                  and i > 15)
    lines[number - 1] = 'msgstr "unterminated'
    zone.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(project)
    pots = sorted((project.build_dir / "gettext").rglob("*.pot"))
    templates = [p.read_bytes() for p in pots]
    (project.docs_dir / "articles" / "meeting.md").write_text("# 新標題\n", encoding="utf-8")

    with pytest.raises(CatalogError) as info:
        update_catalogs(project, extract_templates)
    assert info.value.path == zone and info.value.line == number
    assert snapshot(project) == before
    assert [p.read_bytes() for p in pots] == templates  # stopped before extracting

    run = CliRunner().invoke(main, ["--root", str(project.root), "update"])
    assert run.exit_code == 1
    assert f"{zone}:{number}: syntax error" in run.output


def test_an_update_waits_while_another_holds_the_catalogs(project):
    """While one update runs (it holds the lock), a second one touches nothing and says so."""
    command = [sys.executable, "-m", "translate_kit", "--root", str(project.root), "update"]
    project.locale_dir.mkdir()
    with (project.root / UPDATE_LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as the running update does
        second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([second.stderr], [], [], 300)  # a guard, never reached
        said = second.stderr.readline() if ready else "(nothing in 300 s)"
        assert said.startswith("waiting: another update holds the catalogs"), said
        assert second.poll() is None
        assert not list(project.locale_dir.rglob("*.po"))
        assert not (project.build_dir / "gettext").exists()  # not even extracting
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, out + err
    assert po(project, "articles/zone").is_file()
    for path in project.locale_dir.rglob("*.po"):
        read_catalog(path)
        msgfmt_check(path)
    assert not list(project.locale_dir.rglob("*.tmp"))


def test_an_empty_catalog_keeps_its_header(project):
    import datetime as dt

    from babel.messages.catalog import Catalog

    from translate_kit.catalogs.update import update_edition

    path = po(project, "index")
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Last-Translator: Jane Doe <jane@example.org>\\n"\n'
                    '"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    template = Catalog()
    template.add("泰州新聞", locations=[("index.md", 1)])
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    result = update_edition(project, project.edition("en"), {"index": template}, None, now)
    assert result.documents[0].status == "updated"
    text = path.read_text(encoding="utf-8")
    assert "Last-Translator: Jane Doe <jane@example.org>" in text and 'msgid "泰州新聞"' in text
    msgfmt_check(path)


def test_a_source_repaired_only_in_script_keeps_its_translations_as_they_were(project):
    article = project.docs_dir / "articles" / "meeting.md"
    naive = "會后，泰州經濟開發區召開項目招引建設專題會議，并不拖延。"
    article.write_text(f"# 項目建設專題會議\n\n{naive}\n", encoding="utf-8")
    update_catalogs(project, extract_templates)
    translate(po(project, "articles/meeting"), {naive: "After the meeting, the zone met at once."})
    repaired = "會後，泰州經濟開發區召開項目招引建設專題會議，並不拖延。"
    article.write_text(f"# 項目建設專題會議\n\n{repaired}\n", encoding="utf-8")
    [edition] = update_catalogs(project, extract_templates).editions
    catalog = read_catalog(po(project, "articles/meeting"))
    message = catalog[repaired]
    assert message.string == "After the meeting, the zone met at once." and not message.fuzzy
    assert naive not in catalog.obsolete
    [meeting] = [d for d in edition.documents if d.docname == "articles/meeting"]
    assert (meeting.counts.kept, meeting.counts.fuzzy_edited) == (1, 0)  # the title is untranslated


def test_a_paragraph_translated_between_updates_is_suggested_for_a_similar_one(project):
    """The second update starts from what the first one's memory lookups found: the
    paragraph it had looked up, in vain, is compared with the translation added since."""
    similar = "開發區管委會表示，今年外貿進出口總額預計增長百分之二十。"
    (project.docs_dir / "articles" / "growth.md").write_text(
        f"# 外貿增長\n\n{similar}\n", encoding="utf-8")
    update_catalogs(project, extract_templates)
    assert read_catalog(po(project, "articles/growth"))[similar].string == ""
    translate(po(project, "articles/zone"), {
        "開發區管委會表示，今年外貿進出口總額預計增長百分之十五。":
            "The administrative committee expects foreign trade to grow by 15 % this year."})

    update_catalogs(project, extract_templates)

    suggested = read_catalog(po(project, "articles/growth"))[similar]
    assert suggested.fuzzy and suggested.string.startswith("The administrative committee")
    assert suggested.previous_id == ["開發區管委會表示，今年外貿進出口總額預計增長百分之十五。"]
    # a memory lookup kept from a damaged file is no lookup: every text is compared again
    for kept in project.cache_dir("catalogs").glob("similar-*.json"):
        kept.write_text("{damaged", encoding="utf-8")
    translate(po(project, "articles/growth"), {similar: ""})
    update_catalogs(project, extract_templates)
    assert read_catalog(po(project, "articles/growth"))[similar].fuzzy
