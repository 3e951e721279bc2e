"""The headers `update` writes: what Poedit, Weblate and gettext read about a catalog."""

import shutil
from pathlib import Path

import pytest

from conftest import msgfmt_is_silent
from translate_kit.publish.extraction import extract_templates
from translate_kit.catalogs.update import update_catalogs
from translate_kit.config import load_config

ROOT = Path(__file__).parent / "roots" / "catalogs"
ZONE = "locale/en/LC_MESSAGES/articles/zone.po"


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT, tmp_path / "project")
    return tmp_path / "project"


def headers(path):
    """The header entry's lines, as written (``Name: value``)."""
    text = path.read_text(encoding="utf-8").split("\n\n")[0]
    return [line.strip('"').removesuffix("\\n") for line in text.splitlines()
            if line.startswith('"') and ": " in line]


def test_a_new_catalog_has_the_editions_headers_and_no_placeholders(root):
    update_catalogs(load_config(root), extract_templates)
    found = [h.split(": Babel ")[0] for h in headers(root / ZONE)
             if not h.startswith(("POT-", "PO-Rev"))]
    assert found == [
        "Project-Id-Version: 泰州新聞 articles/zone",
        "Report-Msgid-Bugs-To: ",
        "Last-Translator: ",
        "Language: en",
        "Language-Team: English",
        "Plural-Forms: nplurals=2; plural=(n != 1);",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "X-Source-Language: zh_Hant",
        "Generated-By",
    ]
    for path in (root / "locale").rglob("*.po"):
        msgfmt_is_silent(path)


def test_update_fixes_the_editions_headers_and_keeps_what_translators_and_tools_wrote(root):
    path = root / ZONE
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: old name\\n"\n'
        '"Last-Translator: Jane Doe <jane@example.org>\\n"\n'
        '"Language-Team: English team <en@example.org>\\n"\n'
        '"Language: fr\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-Generator: Poedit 3.4.2\\n"\n'
        '\nmsgid "泰州綜合保稅區揭牌"\nmsgstr "Taizhou bonded zone opens"\n', encoding="utf-8")
    (root / "translate-kit.toml").write_text(
        (root / "translate-kit.toml").read_text(encoding="utf-8").replace(
            'title = "泰州新聞"', 'title = "泰州新聞週刊"'), encoding="utf-8")

    update_catalogs(load_config(root), extract_templates)

    found = headers(path)
    for header in ("Project-Id-Version: 泰州新聞週刊 articles/zone",
                   "Last-Translator: Jane Doe <jane@example.org>",
                   "Language-Team: English team <en@example.org>",
                   "Language: en", "Plural-Forms: nplurals=2; plural=(n != 1);",
                   "X-Generator: Poedit 3.4.2", "X-Source-Language: zh_Hant"):
        assert header in found
    assert "Language: fr" not in found
    assert 'msgstr "Taizhou bonded zone opens"' in path.read_text(encoding="utf-8")
    msgfmt_is_silent(path)
