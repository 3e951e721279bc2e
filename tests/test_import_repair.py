"""Repairing what a naive converter left: false friends, proper text, variants, repairs.txt."""

from pathlib import Path

import pytest

from translate_kit.config import load_config
from translate_kit.errors import ConfigError
from translate_kit.importer.article import clean_article, plain
from translate_kit.importer.extract import from_text
from translate_kit.importer.repair import Repairer, repairer_for, repairs_path

# A paragraph as a character-by-character converter leaves it (written by hand): every
# character with one traditional form converted, every one with several left alone.
NAIVE = "台風過后，皇后在宮里發表講話，她說不會干涉政府制定的政策。"
NAIVE_REPAIRED = "颱風過後，皇后在宮裡發表講話，她說不會干涉政府制定的政策。"
NAIVE_2 = "工廠恢復生產，智能制造發展迅速，一只貓跑了三公里。他頭发很長，面條很好吃，大家保持聯系。"
NAIVE_2_REPAIRED = "工廠恢復生產，智能製造發展迅速，一隻貓跑了三公里。他頭髮很長，麵條很好吃，大家保持聯繫。"
# Proper Taiwanese text, including words where its usage and OpenCC's differ (宣布, 了解,
# 村里, 不准) and the false friends, which traditional script writes like simplified.
PROPER = ("政府宣布，台灣的村里長要了解防災知識，不准擅自離開。"
          "皇后只有一隻貓，跑了三公里，不會干涉政府制定的政策。")


@pytest.fixture(scope="module")
def repairer(tmp_path_factory):
    return Repairer("tw", (), tmp_path_factory.mktemp("opencc"))


def repaired(repairer, *texts):
    return [text for text, _ in repairer.repair(list(texts))]


def test_leftovers_are_repaired_and_false_friends_kept(repairer):
    assert repaired(repairer, NAIVE, NAIVE_2) == [NAIVE_REPAIRED, NAIVE_2_REPAIRED]


def test_each_repair_names_the_phrase_that_decided_it(repairer):
    [(_, changes)] = repairer.repair([NAIVE_2])
    assert [(c.start, c.before, c.after, c.phrase) for c in changes] == [
        (9, "制", "製", "製造"), (17, "只", "隻", "一隻"), (27, "发", "髮", "頭髮"),
        (31, "面", "麵", "麵條"), (42, "系", "繫", "聯繫"),
    ]


def test_proper_traditional_text_is_left_as_it_is(repairer):
    assert repairer.repair([PROPER]) == [(PROPER, ())]


def test_text_converted_phrase_by_phrase_is_left_as_it_is(repairer):
    converted = "颱風過後，皇后在宮裡發表講話。一隻貓跑了三公里，頭髮和麵條，聯繫與關係，乾淨的幹部。"
    assert repaired(repairer, converted, NAIVE_REPAIRED) == [converted, NAIVE_REPAIRED]


def test_variant_preferences_are_not_rewritten(repairer):
    text = "爲了這件事，台灣代表在會議裏面啓動計畫，會后發表聲明。"
    assert repaired(repairer, text, NAIVE) == [
        "爲了這件事，台灣代表在會議裏面啓動計畫，會後發表聲明。", NAIVE_REPAIRED]


def test_a_simplified_only_character_is_repaired_even_in_proper_text(repairer):
    assert repaired(repairer, "他的頭发很長。") == ["他的頭髮很長。"]


def test_a_document_needs_several_kinds_of_leftover_to_count_as_naive(repairer):
    # 后 alone could be a writer's choice; 后, 里 and 于 together are a converter's traces.
    assert repaired(repairer, "會后見。") == ["會后見。"]
    assert repaired(repairer, "會后見。", "這里好。", "位于北方。") == ["會後見。", "這裡好。", "位於北方。"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("", encoding="utf-8")
    return load_config(tmp_path)


def write_repairs(config, text):
    path = repairs_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_repairs_file_lives_in_the_source_editions_locale(project):
    assert repairs_path(project) == project.root / "locale" / "zh_Hant" / "repairs.txt"


def test_repairs_file_forbids_and_forces_repairs(project):
    naive = "范先生說，會后發表聲明，這里位于北方。"
    assert repaired(repairer_for(project), naive)[0].startswith("範先生")
    write_repairs(project, "# 人名\n范先生\t范先生\n依託\t依託\n")
    assert repaired(repairer_for(project), naive) == ["范先生說，會後發表聲明，這裡位於北方。"]
    # forced in proper text too, where the rules alone would leave it
    assert repaired(repairer_for(project), "引導企業依托自身優勢。") == ["引導企業依託自身優勢。"]


def test_a_repair_that_changes_words_is_an_error_naming_the_line(project):
    path = write_repairs(project, "依托\t依託\n信息\t資訊\n")
    with pytest.raises(ConfigError, match=rf"{path}:2: '資訊' is not '信息' in another script"):
        repairer_for(project)


def test_the_standard_is_configurable(tmp_path):
    (tmp_path / "translate-kit.toml").write_text('[project]\nrepair_standard = "hk"\n',
                                                 encoding="utf-8")
    text = "會后在宮里面發表講話，位于北方。"
    assert repaired(repairer_for(load_config(tmp_path)), text) == ["會後在宮裏面發表講話，位於北方。"]


def test_an_unknown_standard_is_a_config_error(tmp_path):
    (tmp_path / "translate-kit.toml").write_text('[project]\nrepair_standard = "cn"\n',
                                                 encoding="utf-8")
    with pytest.raises(ConfigError, match="repair_standard must be one of tw, hk, t"):
        load_config(tmp_path)


def test_the_article_reports_each_repair_with_its_source_position(repairer):
    source = "標題\n近日,經(jīng)濟會議召開后,\n  各方表示并不干涉,這里位于北方。"
    article = clean_article(from_text(source), Path("a.txt"), None, repairer=repairer)
    assert [plain(p) for p in article.paragraphs] == ["近日，經濟會議召開後，", "各方表示並不干涉，這裡位於北方。"]
    assert [(r.line, r.column, r.before, r.after, r.phrase) for r in article.repairs] == [
        (2, 16, "后", "後", "後"), (3, 7, "并", "並", "並"), (3, 13, "里", "裡", "裡"),
        (3, 15, "于", "於", "於"),
    ]
    assert article.counts.characters_repaired == 4


def test_garbled_spans_are_never_repaired(repairer):
    source = "會后見,這里位于專家?guī)欤晟普猩虥Q策。"
    article = clean_article(from_text(source), Path("a.txt"), "T", repairer=repairer)
    assert [(s.text, s.garbled, s.restored_from) for s in article.paragraphs[0]] == [
        ("會後見，這裡位於專家", False, None), ("?guī)欤晟", True, None),
        ("善招商決", False, "普猩虥Q"), ("策。", False, None)]
