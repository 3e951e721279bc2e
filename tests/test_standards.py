"""Each script edition converts from the source edition's standard to its own."""

from pathlib import Path

import pytest

from translate_kit.config import load_config
from translate_kit.errors import ConfigError
from translate_kit.script import converter_for, phrases_path
from translate_kit.standards import default_quotes, opencc_chain, standard_of

TAIWAN = '[[editions]]\ncode = "zh-Hant"\nlabel = "繁體"\nkind = "source"\nsphinx_language = "zh_TW"\n'
HONG_KONG = '[[editions]]\ncode = "zh-HK"\nlabel = "香港"\nkind = "source"\n'


def edition(code: str, *lines: str) -> str:
    return "\n".join(['[[editions]]', f'code = "{code}"', 'label = "x"', 'kind = "script"',
                      *lines, ""])


def config(root: Path, text: str):
    (root / "translate-kit.toml").write_text(text, encoding="utf-8")
    return load_config(root)


@pytest.mark.parametrize("tags, standard", [
    (("zh-Hant", "zh_TW"), "tw"),
    (("zh-Hant", "zh_Hant"), "tw"),  # CLDR: zh-Hant is most likely written in Taiwan
    (("zh-HK", "zh_HK"), "hk"),
    (("zh-Hant", "zh_HK"), "hk"),
    (("zh-MO",), "hk"),
    (("zh-Hans", "zh_CN"), "s"),
    (("zh-SG",), "s"),
    (("zh",), "s"),
    (("zh-Hant-CN",), "t"),
    (("en", "en"), None),
])
def test_an_editions_standard_follows_from_its_language(tags, standard):
    assert standard_of(*tags) == standard


@pytest.mark.parametrize("source, target, phrases, chain", [
    ("tw", "s", False, ("tw2s.json",)),
    ("tw", "s", True, ("tw2sp.json",)),
    ("hk", "s", False, ("hk2s.json",)),
    ("t", "s", False, ("t2s.json",)),
    ("s", "tw", True, ("s2twp.json",)),
    ("tw", "hk", False, ("tw2t.json", "t2hk.json")),
    ("hk", "tw", False, ("hk2t.json", "t2tw.json")),
])
def test_the_opencc_conversion_goes_from_one_standard_to_the_other(source, target, phrases, chain):
    assert opencc_chain(source, target, phrases) == chain


def test_the_projects_editions_choose_their_conversion(tmp_path):
    project = config(tmp_path, TAIWAN + edition("zh-Hans", 'sphinx_language = "zh_CN"')
                     + edition("zh-CN", "regional_phrases = true")
                     + edition("zh-HK") + edition("zh-SG", 'opencc_config = "t2s.json"'))
    chains = {e.code: project.opencc_chain(e) for e in project.editions[1:]}
    assert chains == {"zh-Hans": ("tw2s.json",), "zh-CN": ("tw2sp.json",),
                      "zh-HK": ("tw2t.json", "t2hk.json"), "zh-SG": ("t2s.json",)}
    assert project.repair_standard == "tw"
    assert project.simplified_conversion_config == "s2tw.json"


def test_a_hong_kong_source_is_converted_and_repaired_as_hong_kongs(tmp_path):
    project = config(tmp_path, HONG_KONG + edition("zh-Hans"))
    assert project.repair_standard == "hk"
    assert project.opencc_chain(project.edition("zh-Hans")) == ("hk2s.json",)
    assert project.simplified_conversion_config == "s2hk.json"


def test_repair_standard_set_by_hand_is_the_source_standard(tmp_path):
    project = config(tmp_path, '[project]\nrepair_standard = "t"\n')
    assert project.opencc_chain(project.edition("zh-Hans")) == ("t2s.json",)


def test_quotation_marks_follow_the_standard_unless_set(tmp_path):
    project = config(tmp_path, TAIWAN + edition("zh-Hans") + edition("zh-HK")
                     + edition("zh-CN", 'quotes = "corner"')
                     + '[[editions]]\ncode = "en"\nlabel = "English"\nkind = "translation"\n')
    assert [e.quote_style for e in project.editions] == ["corner", "curly", "corner", "corner", "none"]
    assert default_quotes("s") == "curly" and default_quotes(None) == "none"


def test_taiwans_particle_becomes_the_mainlands(tmp_path):
    project = config(tmp_path, "")
    convert = converter_for(project, project.edition("zh-Hans")).convert
    assert convert("著力強化，著眼未來，隨著時間") == "着力强化，着眼未来，随着时间"
    assert convert("顯著的著作") == "显著的著作"  # zhù stays 著


def test_regional_words_only_when_asked(tmp_path):
    plain = config(tmp_path, TAIWAN + edition("zh-Hans"))
    assert converter_for(plain, plain.editions[1]).convert("這個軟體") == "这个软体"
    words = config(tmp_path, TAIWAN + edition("zh-Hans", "regional_phrases = true"))
    assert converter_for(words, words.editions[1]).convert("這個軟體") == "这个软件"


def test_a_chain_of_two_conversions_keeps_the_glossary(tmp_path):
    project = config(tmp_path, TAIWAN + edition("zh-HK"))
    hk = project.edition("zh-HK")
    assert converter_for(project, hk).convert("臺灣的溫度") == "台灣的温度"
    path = phrases_path(project, hk)
    path.parent.mkdir(parents=True)
    path.write_text("溫度\t溫度\n", encoding="utf-8")
    assert converter_for(project, hk).convert("臺灣的溫度") == "台灣的溫度"
    assert converter_for(project, hk).opencc_config == "tw2t.json+t2hk.json"


def test_text_after_a_nul_is_converted_too(tmp_path):
    """OpenCC's two-step conversions stop at a NUL; each piece is converted alone."""
    project = config(tmp_path, "")
    assert converter_for(project, project.edition("zh-Hans")).convert("著眼\0隨著") == "着眼\0随着"


def test_an_edition_in_the_source_standard_names_its_conversion_itself(tmp_path):
    with pytest.raises(ConfigError, match="edition 'zh-Hant': the source edition is written in"):
        config(tmp_path, '[[editions]]\ncode = "zh-TW"\nlabel = "x"\nkind = "source"\n'
               + edition("zh-Hant"))
