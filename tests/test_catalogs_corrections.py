"""Correction catalogs of the simplified edition through `update`, `check` and `stats`.

A translator corrects a passage of the simplified edition in
``locale/zh_Hans/LC_MESSAGES/<doc>.po``; the commands must keep those corrections current
and say when one is wrong or no longer applies.
"""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import msgfmt_is_silent, translate_kit
from translate_kit.catalogs.pofile_io import read_catalog
from translate_kit.cli import main

ROOT = Path(__file__).parent / "roots" / "catalogs"
CORRECTIONS = "locale/zh_Hans/LC_MESSAGES/articles/zone.po"
TRADE = "開發區管委會表示，今年外貿進出口總額預計增長百分之十五。"
TRADE_NEXT_YEAR = "開發區管委會表示，明年外貿進出口總額預計增長百分之十五。"
PARK = "園區內已有三十多家企業入駐，涵蓋生物醫藥與新能源產業。"
OPENING = "泰州綜合保稅區於 2024 年 5 月揭牌，詳見 [官網](https://example.cn)。"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_Hans\\n"\n'


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT, tmp_path / "project")
    return tmp_path / "project"


def run(root, *args):
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def write_corrections(root, text):
    path = root / CORRECTIONS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_update_keeps_corrections_current_and_adds_nothing_nobody_corrected(root):
    path = write_corrections(root, (
        f'\nmsgid "{TRADE}"\nmsgstr "开发区管委会表示，今年外贸进出口总额预计增长15%。"\n'
        f'\nmsgid "{PARK}"\nmsgstr "园区内已有三十多家企业入驻，涵盖生物医药和新能源产业。"\n'
    ))
    zone = root / "docs/articles/zone.md"
    zone.write_text(
        f"# 泰州綜合保稅區揭牌\n\n{OPENING}\n\n{TRADE_NEXT_YEAR}\n\n"
        "開發區管委會表示，明年外貿進出口總額預計增長百分之二十。\n", encoding="utf-8")

    output = run(root, "update").output
    assert "简体中文 (zh-Hans)" in output and "zh-Hans: 1 of 1 catalogs changed" in output

    catalog = read_catalog(path)
    [edited] = [m for m in catalog if m.id]  # no entry for the title or the other paragraphs
    assert edited.id == TRADE_NEXT_YEAR and edited.fuzzy and edited.previous_id == [TRADE]
    assert edited.string == "开发区管委会表示，今年外贸进出口总额预计增长15%。"
    assert [m.id for m in catalog.obsolete.values()] == [PARK]
    text = path.read_text(encoding="utf-8")
    for header in ("Language: zh_Hans", "Language-Team: 简体中文", "Plural-Forms: nplurals=1; plural=0;",
                   "Project-Id-Version: 泰州新聞 articles/zone", "X-Source-Language: zh_Hant"):
        assert f'"{header}\\n"' in text
    msgfmt_is_silent(path)
    assert not (root / "locale/zh_Hans/LC_MESSAGES/articles/meeting.po").exists()
    assert not (root / "locale/zh_Hans/LC_MESSAGES/index.po").exists()

    before = path.read_bytes()
    assert "zh-Hans: 0 of 1 catalogs changed" in run(root, "update").output
    assert path.read_bytes() == before


def test_check_reports_wrong_script_broken_markup_and_corrections_that_no_longer_apply(root):
    write_corrections(root, (
        "\n"                                                            # 5
        f'msgid "{OPENING}"\n'                                          # 6
        'msgstr "泰州综合保税区于 2024 年 5 月揭牌，详见官网。"\n'        # 7
        "\n"                                                            # 8
        f'msgid "{TRADE}"\n'                                            # 9
        f'msgstr "{TRADE}"\n'                                           # 10
        "\n"                                                            # 11
        'msgid "這段文字已經不在文章裡了。"\n'                            # 12
        'msgstr "这段文字已经不在文章里了。"\n'                           # 13
        "\n"                                                            # 14
        "#, fuzzy\n"                                                    # 15
        f'msgid "{PARK}"\n'                                             # 16
        'msgstr "园区内已有三十多家企业入驻。"\n'                          # 17
        "\n"                                                            # 18
        'msgid "泰州綜合保稅區揭牌"\n'                                    # 19
        'msgstr "泰州综合保税区挂牌"\n'                                   # 20
    ))
    result = run(root, "check")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(CORRECTIONS)]
    assert lines == [
        f"{CORRECTIONS}:6: error: MyST: the translation lacks link target 'https://example.cn'",
        f"{CORRECTIONS}:9: warning: the correction has text the edition would convert: "
        "'開發區' (converted: '开发区'), '會' (converted: '会'), '貿進' (converted: '贸进'), "
        "'總額預計' (converted: '总额预计'), '長' (converted: '长'); write it in the edition's script, "
        "or add the phrase to phrases.txt if it is meant",
        f"{CORRECTIONS}:12: warning: the correction no longer matches any message of its "
        "document, so it is not applied (translate-kit update marks it fuzzy or obsolete)",
        f"{CORRECTIONS}:16: warning: fuzzy: the correction is not applied until a translator "
        "confirms it",
    ]


def test_stats_counts_the_corrections_of_each_script_edition(root):
    write_corrections(root, (
        f'\nmsgid "{TRADE}"\nmsgstr "开发区管委会表示，今年外贸进出口总额预计增长15%。"\n'
        f'\n#, fuzzy\nmsgid "{PARK}"\nmsgstr "园区内已有三十多家企业入驻。"\n'
        '\nmsgid "泰州綜合保稅區揭牌"\nmsgstr "泰州综合保税区挂牌"\n'
        '\nmsgid "泰州經濟開發區"\nmsgstr ""\n'
    ))
    figures = json.loads(translate_kit(root, "stats", "--json").stdout)  # warnings aside
    assert figures["corrections"] == [
        {"edition": "zh-Hans", "catalogs": 1, "corrections": 2, "fuzzy": 1}]
    lines = translate_kit(root, "stats").stdout.splitlines()
    assert lines[lines.index("corrections") + 1].split() == ["edition", "corrections", "fuzzy", "catalogs"]
    assert [line.split() for line in lines if line.startswith("zh-Hans")] == [["zh-Hans", "2", "1", "1"]]


def test_a_passage_like_a_corrected_one_that_is_still_there_gets_no_entry():
    from babel.messages.catalog import Catalog

    from translate_kit.catalogs.corrections import merge_corrections

    existing = Catalog(locale="zh_Hans")
    existing.add(TRADE, "开发区管委会表示，今年外贸进出口总额预计增长15%。")
    template = Catalog()
    for msgid in (TRADE, "開發區管委會表示，今年外貿進出口總額預計增長百分之二十。"):
        template.add(msgid)
    result = merge_corrections(template, existing)
    assert [m.id for m in result.catalog if m.id] == [TRADE]
    assert not result.catalog[TRADE].fuzzy and not result.catalog.obsolete


def test_a_passage_repaired_only_in_script_keeps_its_correction_as_it_is():
    from babel.messages.catalog import Catalog

    from translate_kit.catalogs.corrections import merge_corrections
    from translate_kit.script import to_simplified

    leftover = TRADE.replace("會", "会")  # as a naive converter left it, before the repair
    existing = Catalog(locale="zh_Hans")
    existing.add(leftover, "开发区管委会表示，今年外贸进出口总额预计增长15%。")
    template = Catalog()
    template.add(TRADE)
    result = merge_corrections(template, existing, to_simplified)
    assert [(m.id, m.string, m.fuzzy) for m in result.catalog if m.id] == [
        (TRADE, "开发区管委会表示，今年外贸进出口总额预计增长15%。", False)]
    assert not result.catalog.obsolete
