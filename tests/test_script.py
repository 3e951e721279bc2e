import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate_kit.config import Edition, EditionKind, load_config
from translate_kit.errors import ConfigError
from translate_kit.script import converter_for, opencc_share_dir, phrases_path, with_phrases

# OpenCC's tw2s makes Taiwan's 著 the mainland's 着, also in 土著 ("natives", zhù),
# which simplified Chinese writes 土著.
MISTAKE, FIXED = "土著居民著急地跑來", "土著居民着急地跑来"


@pytest.fixture
def config(tmp_path):
    (tmp_path / "translate-kit.toml").write_text("", encoding="utf-8")
    return load_config(tmp_path)


def write_phrases(config, code, text):
    path = phrases_path(config, config.edition(code))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_opencc_gets_this_word_wrong(config):
    assert converter_for(config, config.edition("zh-Hans")).convert(MISTAKE) == "土着居民着急地跑来"


def test_glossary_phrase_fixes_the_word_everywhere(config, capfd):
    write_phrases(config, "zh-Hans", "# words OpenCC misses\n土著\t土著\n\n")
    convert = converter_for(config, config.edition("zh-Hans")).convert
    assert "warning" not in capfd.readouterr().err  # OpenCC accepts the generated config
    assert convert(MISTAKE) == FIXED
    assert convert("土著的歷史。土著語言") == "土著的历史。土著语言"
    assert convert("歷史") == "历史"  # the standard dictionaries still apply


def test_editing_the_glossary_takes_effect_without_restart(config):
    write_phrases(config, "zh-Hans", "著急\t着急\n")
    assert converter_for(config, config.edition("zh-Hans")).convert("於先生著急") == "于先生着急"
    write_phrases(config, "zh-Hans", "著急\t着急\n於先生\t於先生\n")
    assert converter_for(config, config.edition("zh-Hans")).convert("於先生著急") == "於先生着急"


def test_a_taiwan_edition_is_one_entry_with_its_own_glossary(tmp_path):
    (tmp_path / "translate-kit.toml").write_text(
        '[[editions]]\ncode = "zh-Hant"\nlabel = "繁體"\nkind = "source"\n'
        '[[editions]]\ncode = "zh-TW"\nlabel = "臺灣正體"\nkind = "script"\n'
        'opencc_config = "t2tw.json"\n', encoding="utf-8")
    config = load_config(tmp_path)
    tw = config.edition("zh-TW")
    assert converter_for(config, tw).convert("線上遊戲") == "線上遊戲"
    assert converter_for(config, tw).convert("着") == "著"
    write_phrases(config, "zh-TW", "軟件\t軟體\n")
    assert converter_for(config, tw).convert("這個軟件") == "這個軟體"


def test_generated_config_names_standard_dictionaries_by_absolute_path(config, tmp_path):
    standard = json.loads((opencc_share_dir() / "t2s.json").read_text(encoding="utf-8"))
    spec = with_phrases(standard, tmp_path / "p.txt", tmp_path / "kept.txt")
    first = spec["conversion_chain"][0]["dict"]["dicts"]
    assert first[0] == {"type": "text", "file": str(tmp_path / "p.txt")}
    files = json.dumps(spec)
    assert '"file": "TSPhrases.ocd2"' not in files
    assert str(opencc_share_dir() / "TSPhrases.ocd2") in files


@pytest.mark.parametrize("text, line", [
    ("著急 着急\n", 1),
    ("# ok\n著急\t\n", 2),
    ("著急\t着急\n著急\t著急\n", 2),
])
def test_malformed_glossary_names_file_and_line(config, text, line):
    path = write_phrases(config, "zh-Hans", text)
    with pytest.raises(ConfigError) as info:
        converter_for(config, config.edition("zh-Hans"))
    assert info.value.path == path and info.value.line == line


def test_only_script_editions_have_a_converter(config):
    with pytest.raises(ConfigError, match="not a script edition"):
        converter_for(config, config.edition("en"))


def test_unknown_opencc_configuration_lists_the_known_ones(config):
    edition = Edition("zh-XX", "x", EditionKind.SCRIPT, "zh_CN", opencc_config="nope.json")
    with pytest.raises(ConfigError, match="t2s.json"):
        converter_for(config, edition)


def test_latin_text_passes_through_unchanged(config):
    """URLs, code and English never change, glossary or not."""
    write_phrases(config, "zh-Hans", "著急\t着急\n")
    convert = converter_for(config, config.edition("zh-Hans")).convert

    @settings(max_examples=100, deadline=None)
    @given(st.text(alphabet=st.characters(max_codepoint=0x24F, exclude_categories=("Cs",))))
    @example("a\x00b")  # OpenCC before 1.3.2 cut the text at a NUL
    def unchanged(text):
        assert convert(text) == text

    unchanged()
