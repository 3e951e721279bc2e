"""Articles that arrive in simplified script: recognised, converted once, originals kept.

The test article ``fixtures/simplified/household-tax-rebate.txt`` and every sentence
below were written for these tests (in the shape of a local news report); the expected
traditional text is written out by hand in Taiwan's forms.  The sample article
(``sources/000_…``) is traditional text with a naive converter's leftovers.
"""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner

from conftest import msgfmt_is_silent, translate_kit
from benchmarks.repair import CORPUS_DIR, degrade
from translate_kit.cli import main
from translate_kit.importer.simplified import Script, detect_script, nonstandard_forms
from translate_kit.script import to_simplified

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = FIXTURES / "import" / "project"
ARTICLE = FIXTURES / "simplified" / "household-tax-rebate.txt"
SAMPLE = Path(__file__).parents[1] / "sources" / "000_5b3b55316f9678e7.txt"
SLUG = "taizhou-kaifaqu-tuichu-zhuhu-tuishui"
DOCUMENT = f"docs/articles/{SLUG}.md"
CATALOG = f"locale/zh_Hans/LC_MESSAGES/articles/{SLUG}.po"
ORIGINAL = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line]
TAIWAN = [
    "泰州開發區推出住戶退稅新政",
    "本報訊 隨著新年臨近，泰州經濟開發區管委會於11月27日發佈住戶退稅辦法，符合條件的家庭最多可獲"
    "退稅3,000元，發放後可在銀行兌現。",
    "管委會主任張小兵表示，今年以來區內氣溫偏低，溫暖過冬是群眾最關心的事，退稅將優先照顧獨居老人和"
    "困難家庭。他說：“我們要著力解決群眾的急難愁盼，讓大家過上喜悅的新年。”",
    "據瞭解，申請人需在12月31日前通過政務網站提交材料，系統審核後會發短信通知。已脫貧的家庭同樣可以"
    "申請，相關稅務部門將派幹部上門幫忙填表。",
    "颱風過後，部分住戶房屋受損，區裡還將拿出專項資金，用於面向受災家庭的維修補貼。這項安排超出了不少"
    "居民的想像。",
]

SIMPLIFIED = "泰州经济开发区召开会议，研究部署下一阶段工作，要求各部门加快项目建设进度。"
TRADITIONAL = "泰州經濟開發區召開會議，研究部署下一階段工作，要求各部門加快項目建設進度。"
NAIVE = "區領導听取匯報后指出，要真抓實干，推動經濟發展，确保項目早日开工。"
QUOTING_TRADITIONAL = "台湾作家在《臺灣通史》新版发布会上说，这本书记录了三百年的历史变迁。鴻海集团也派代表出席。"
WITH_JAPANESE = "日本首相在东京表示：「経済の長期的な安定が大切です」。他强调两国关系的重要性，并宣布将访问北京。"
TRADITIONAL_QUOTING_SLOGAN = "標語寫著「为人民服务」五個大字，遊客紛紛在門口拍照留念，管理處表示將延長開放時間。"


def han(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.mark.parametrize(("texts", "script"), [
    ([SIMPLIFIED], Script.SIMPLIFIED),
    ([TRADITIONAL], Script.TRADITIONAL),
    ([NAIVE], Script.MIXED),
    ([QUOTING_TRADITIONAL], Script.SIMPLIFIED),
    ([WITH_JAPANESE], Script.SIMPLIFIED),
    ([TRADITIONAL_QUOTING_SLOGAN], Script.MIXED),  # 为, 务: Big5 lacks them, repaired as before
    (["2026年11月27日，中文"], Script.TRADITIONAL),  # nothing script-specific: as before
    (["经济", "增长", "台风"], Script.SIMPLIFIED),  # the whole article counts, not a line
], ids=["simplified", "traditional", "naive", "quoting-traditional", "japanese", "slogan",
        "neutral", "short-lines"])
def test_the_script_of_a_whole_article_is_recognised(texts, script):
    assert detect_script(texts).script is script


def test_hand_written_articles_their_naive_and_their_simplified_forms(tmp_path):
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        written = path.read_text(encoding="utf-8")
        assert detect_script([written]).script is Script.TRADITIONAL, path.name
        assert detect_script([degrade(written, tmp_path)]).script is not Script.SIMPLIFIED, path.name
        assert detect_script([to_simplified(written)]).script is Script.SIMPLIFIED, path.name


def test_the_sample_is_traditional_with_leftovers():
    assert detect_script([SAMPLE.read_text(encoding="utf-8")]).script is Script.MIXED


def test_forms_another_standard_writes_otherwise_are_found():
    assert [c for _, c, _ in nonstandard_forms("住户退税，氣温偏低，喜悦，兑換，脱離。")] == list("户税温悦兑脱")
    assert nonstandard_forms("住戶退稅，氣溫偏低，喜悅，兌現，脫貧，台灣，橋樑。") == []


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    (root / "sources").mkdir()
    shutil.copy(ARTICLE, root / "sources" / ARTICLE.name)
    shutil.copy(SAMPLE, root / "sources" / SAMPLE.name)
    return root


def run(root: Path, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert (result.exit_code == 0) is ok, result.output
    return result.output


def import_article(root: Path, *extra: str) -> str:
    return run(root, "import", str(root / "sources" / ARTICLE.name), "--date", "2026-11-27", *extra)


def body(root: Path) -> list[str]:
    text = (root / DOCUMENT).read_text(encoding="utf-8").split("---\n", 2)[2]
    return [line.removeprefix("# ") for line in text.splitlines() if line]


def front(root: Path) -> dict:
    return yaml.safe_load((root / DOCUMENT).read_text(encoding="utf-8").split("---\n")[1])


def corrections(root: Path) -> dict[str, tuple[str, bool]]:
    with (root / CATALOG).open("rb") as handle:
        return {m.id: (m.string, m.fuzzy) for m in read_po(handle) if m.id}


def test_a_simplified_article_is_converted_once_and_its_original_kept(project):
    output = import_article(project, "--report", str(project / "report.json"))
    assert body(project) == TAIWAN
    converted = sum(a != b for o, t in zip(ORIGINAL, TAIWAN) for a, b in zip(o, t))
    meta = front(project)
    assert meta["script"] == "simplified"
    assert meta["conversion"] == {"opencc": "s2tw.json", "phrases": 0,
                                  "han_characters": sum(map(han, ORIGINAL)),
                                  "characters_converted": converted}
    assert meta["counts"]["characters_repaired"] == 0
    [entry] = json.loads((project / "report.json").read_text(encoding="utf-8"))["sources"]
    assert entry["script"] == "simplified" and entry["repairs"] == []
    assert entry["conversion"]["characters_converted"] == converted == 100
    assert entry["originals"] == [{"edition": "zh-Hans", "catalog": CATALOG, "stored": 5, "kept": 0}]
    assert "repair:" not in output
    assert (f"  script: simplified, converted by s2tw.json with 0 phrases of repairs.txt: "
            f"100 of {sum(map(han, ORIGINAL))} Han characters\n") in output
    assert f"  zh-Hans: the original text of 5 passages in {CATALOG}\n" in output
    assert corrections(project) == {t: (o, False) for t, o in zip(TAIWAN, ORIGINAL)}
    msgfmt_is_silent(project / CATALOG)


def test_the_traditional_text_has_taiwan_forms(project):
    import_article(project)
    text = "".join(body(project))
    assert not set("户温悦脱税兑着") & set(text) and set("戶溫悅脫稅兌著") <= set(text)
    assert len(nonstandard_forms(text)) <= 0.0005 * han(text)


def test_reimport_and_update_keep_the_originals_and_a_correctors_work(project):
    import_article(project)
    document, catalog = (project / DOCUMENT).read_bytes(), (project / CATALOG).read_bytes()
    import_article(project)
    assert (project / DOCUMENT).read_bytes() == document and (project / CATALOG).read_bytes() == catalog

    corrected = (project / CATALOG).read_text(encoding="utf-8").replace(
        "退税将优先照顾独居老人", "退税会优先照顾独居老人")
    (project / CATALOG).write_text(corrected, encoding="utf-8")
    output = import_article(project, "--report", str(project / "report.json"))
    assert "(1 corrections kept)" in output
    [entry] = json.loads((project / "report.json").read_text(encoding="utf-8"))["sources"]
    assert entry["originals"] == [{"edition": "zh-Hans", "catalog": CATALOG, "stored": 4, "kept": 1}]
    assert corrections(project)[TAIWAN[2]][0] == ORIGINAL[2].replace("将", "会", 1)

    update = translate_kit(project, "update")
    assert update.returncode == 0, update.stderr
    expected = {t: (o, False) for t, o in zip(TAIWAN, ORIGINAL)}
    expected[TAIWAN[2]] = (ORIGINAL[2].replace("将", "会", 1), False)
    assert corrections(project) == expected
    after_update = (project / CATALOG).read_bytes()
    import_article(project)
    assert (project / CATALOG).read_bytes() == after_update


def test_the_sample_is_still_repaired_character_by_character(project):
    output = run(project, "import", str(project / "sources" / SAMPLE.name), "--date", "2019-06-14")
    [document] = (project / "docs" / "articles").glob("*.md")
    meta = yaml.safe_load(document.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["script"] == "mixed" and "conversion" not in meta
    assert meta["counts"]["characters_repaired"] == 17 and output.count(": repair: ") == 17
    assert not (project / "locale").exists()


def test_no_repair_keeps_a_simplified_article_as_it_arrived(project):
    import_article(project, "--no-repair")
    assert body(project) == ORIGINAL
    assert front(project)["script"] == "simplified" and "conversion" not in front(project)
    assert not (project / CATALOG).exists()


def test_taiwan_words_and_a_wrong_conversion_in_the_configuration(project):
    config = project / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'simplified_conversion = "s2twp"\n',
                      encoding="utf-8")
    import_article(project)
    assert front(project)["conversion"]["opencc"] == "s2twp.json"
    assert "會發簡訊通知" in body(project)[3]  # 短信: Taiwan's word

    config.write_text(config.read_text(encoding="utf-8").replace('"s2twp"', '"s2hk"'), encoding="utf-8")
    output = run(project, "import", str(project / "sources" / ARTICLE.name), ok=False)
    assert "translate-kit.toml" in output and "simplified_conversion must be s2tw or s2twp" in output


def test_repairs_txt_takes_part_in_the_conversion(project):
    repairs = project / "locale" / "zh_Hant" / "repairs.txt"
    repairs.parent.mkdir(parents=True)
    repairs.write_text("# the project's own choice over OpenCC's 颱風\n台风\t台風\n", encoding="utf-8")
    import_article(project)
    assert body(project)[4].startswith("台風過後，") and front(project)["conversion"]["phrases"] == 1
    assert corrections(project)[body(project)[4]][0] == ORIGINAL[4]


def test_a_broken_correction_catalog_stops_the_import_before_anything_is_written(project):
    catalog = project / CATALOG
    catalog.parent.mkdir(parents=True)
    catalog.write_text('msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n\nmsgid "甲"\nmsgstr "甲\n',
                       encoding="utf-8")
    output = run(project, "import", str(project / "sources" / ARTICLE.name), ok=False)
    assert f"{CATALOG}:" in output.replace(str(project) + "/", "")
    assert not (project / DOCUMENT).exists()
    assert not (project / "docs" / "index.md").read_text(encoding="utf-8").count(SLUG)


def test_a_project_without_a_simplified_edition_gets_no_catalog(project):
    config = project / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8") + (
        '\n[[editions]]\ncode = "zh-Hant"\nlabel = "繁體中文"\nkind = "source"\n'
        '\n[[editions]]\ncode = "en"\nlabel = "English"\nkind = "translation"\n'), encoding="utf-8")
    output = import_article(project)
    assert body(project) == TAIWAN and "zh-Hans" not in output
    assert not (project / "locale").exists()
