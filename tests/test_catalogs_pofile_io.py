"""Reading and writing catalogs: nothing a translator wrote is lost in a round trip."""

from pathlib import Path

from translate_kit.catalogs.pofile_io import parse_catalog, render_catalog
from translate_kit.files import write_if_changed

CATALOG = '''# English translation.
msgid ""
msgstr ""
"Project-Id-Version: news articles/zone\\n"
"POT-Creation-Date: 2026-01-02 03:04+0000\\n"
"PO-Revision-Date: 2026-01-05 06:07+0000\\n"
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# check with the editor
#. zh-Hans: 泰州综合保税区
#: ../../docs/articles/zone.md:3
#, fuzzy
#| msgid "泰州綜合保稅區於 2023 年"
#| "揭牌"
msgid "泰州綜合保稅區於 2024 年揭牌"
msgstr "The zone opened in 2023"

#~ msgid "舊段落"
#~ msgstr "An old paragraph"
'''.encode()


def test_previous_msgid_comments_and_dates_survive_a_round_trip():
    catalog = parse_catalog(CATALOG, Path("zone.po"))
    message = catalog["泰州綜合保稅區於 2024 年揭牌"]
    assert message.previous_id == ["泰州綜合保稅區於 2023 年揭牌"]
    assert message.user_comments == ["check with the editor"]
    assert message.auto_comments == ["zh-Hans: 泰州综合保税区"] and message.fuzzy
    assert [m.string for m in catalog.obsolete.values()] == ["An old paragraph"]
    text = render_catalog(catalog).decode()
    assert '#| msgid "泰州綜合保稅區於 2023 年揭牌"' in text and "# | " not in text
    assert "POT-Creation-Date: 2026-01-02 03:04+0000" in text
    assert "PO-Revision-Date: 2026-01-05 06:07+0000" in text
    assert render_catalog(parse_catalog(text.encode(), Path("zone.po"))) == text.encode()


def test_unchanged_content_is_not_rewritten(tmp_path):
    path = tmp_path / "x.po"
    assert write_if_changed(path, CATALOG)
    mtime = path.stat().st_mtime_ns
    assert not write_if_changed(path, CATALOG)
    assert path.stat().st_mtime_ns == mtime
    assert write_if_changed(path, CATALOG + b"\n")
    assert [p.name for p in tmp_path.iterdir()] == ["x.po"]


def test_format_flags_guessed_from_myst_text_are_not_written():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="en", fuzzy=False)
    catalog.add("見 {garbled}`鍩` 與 50% of", "See the word and 50% of")
    assert b"#, python-" in render_catalog(catalog)  # Babel's guess, which varies by version
    once = render_catalog(parse_catalog(render_catalog(catalog), Path("x.po")))
    assert b"python-" not in once
    assert render_catalog(parse_catalog(once, Path("x.po"))) == once
