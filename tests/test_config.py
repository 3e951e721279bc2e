from pathlib import Path

import pytest

from translate_kit.config import EditionKind, load_config
from translate_kit.errors import ConfigError


SOURCE = '[[editions]]\ncode = "zh-Hant"\nlabel = "繁體"\nkind = "source"\nsphinx_language = "zh_TW"\n'


def write(root: Path, text: str) -> Path:
    (root / "translate-kit.toml").write_text(text, encoding="utf-8")
    return root


def test_defaults_are_the_three_standard_editions(tmp_path):
    config = load_config(write(tmp_path, ""))
    assert [(e.code, e.kind) for e in config.editions] == [
        ("zh-Hant", EditionKind.SOURCE),
        ("zh-Hans", EditionKind.SCRIPT),
        ("en", EditionKind.TRANSLATION),
    ]
    assert [e.slug for e in config.editions] == ["zh-hant", "zh-hans", "en"]
    assert config.docs_dir == tmp_path.resolve() / "docs"


def test_a_hong_kong_edition_is_one_table(tmp_path):
    config = load_config(write(tmp_path, """
[[editions]]
code = "zh-Hant"
label = "繁體中文"
kind = "source"
[[editions]]
code = "zh-HK"
label = "香港繁體"
kind = "script"
opencc_config = "t2hk.json"
sphinx_language = "zh_HK"
"""))
    hk = config.edition("zh-hk")
    assert hk.kind is EditionKind.SCRIPT and hk.opencc_config == "t2hk.json"
    assert hk.locale_name == "zh_HK"


def test_unknown_edition_names_the_known_ones(tmp_path):
    config = load_config(write(tmp_path, ""))
    with pytest.raises(ConfigError, match="zh-Hant, zh-Hans, en"):
        config.edition("fr")


@pytest.mark.parametrize("text, message", [
    (SOURCE + '[[editions]]\ncode = "x"\nlabel = "x"\nkind = "script"\n',
     "translate-kit.toml: edition 'x': its language names no Chinese standard; set opencc_config"),
    (SOURCE + '[[editions]]\ncode = "zh-TW"\nlabel = "x"\nkind = "script"\n',
     "edition 'zh-TW': the source edition is written in the same standard \\('tw'\\)"),
    (SOURCE + '[[editions]]\ncode = "zh-HK"\nlabel = "x"\nkind = "script"\nregional_phrases = true\n',
     "edition 'zh-HK': OpenCC has no regional words from 'tw' to 'hk'"),
    (SOURCE + '[[editions]]\ncode = "zh-Hans"\nlabel = "x"\nkind = "script"\nregional_phrases = "yes"\n',
     "translate-kit.toml: edition #2: regional_phrases must be true or false"),
    (SOURCE + '[[editions]]\ncode = "zh-Hans"\nlabel = "x"\nkind = "script"\nquotes = "angled"\n',
     "translate-kit.toml: edition #2: edition 'zh-Hans': quotes must be one of corner, curly, none"),
    ('[[editions]]\ncode = "x"\nlabel = "x"\nkind = "nonsense"\n', "edition #1"),
    ('[[editions]]\ncode = "x"\nkind = "source"\n', "lacks key 'label'"),
    ("[project]\ncolour = 1\n", "\\[project\\]: unknown keys: colour"),
    ('[[editions]]\ncode = "x"\nlabel = "x"\nkind = "source"\nopencc = "t2s.json"\n',
     "edition #1: unknown keys: opencc"),
    ("[project\n", "translate-kit.toml"),
    ('[project]\nedit_url = "https://example.org/{file}"\n', "unknown placeholder \\{file\\}"),
    ('[project]\nedit_url = "https://example.org/{path!r}"\n', "unknown placeholder \\{path\\}"),
    ('[project]\nedit_url = "https://example.org/{path"\n', "not a URL template"),
    ('[project]\nedit_url = "javascript:alert(1)//{path}"\n', "must be an http:// or https:// URL"),
    ('[project]\nedit_url = 1\n', "edit_url must be a string"),
    ('[project]\nbase_url = "example.org/news/"\n', "base_url must be an absolute http"),
    ('[project]\nbase_url = "https://example.org/news/?page=1"\n', "base_url must be an absolute http"),
    ("[project]\nbase_url = 1\n", "base_url must be a string"),
])
def test_bad_configuration_is_a_clear_error(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_the_edit_link_of_a_catalog_fills_in_the_template_percent_encoded(tmp_path):
    config = load_config(write(tmp_path, '[project]\nedit_url = "https://example.org/{language}/{path}?d={docname}"\n'))
    assert config.edit_link("locale/en/LC_MESSAGES/articles/a b.po", "articles/a b", "en") == (
        "https://example.org/en/locale/en/LC_MESSAGES/articles/a%20b.po?d=articles/a%20b")
    hostile = config.edit_link('locale/en/x"><script>.po', 'x"><script>', "en")
    assert not set('"<> ') & set(hostile)
    assert load_config(write(tmp_path, "")).edit_link("x.po", "x", "en") is None


def test_the_public_address_ends_with_one_slash_and_has_no_default(tmp_path):
    assert load_config(write(tmp_path, "")).base_url == ""
    config = load_config(write(tmp_path, '[project]\nbase_url = "https://example.org/news"\n'))
    assert config.base_url == "https://example.org/news/"
    assert config.site_url("zh-hant/index.html") == "https://example.org/news/zh-hant/index.html"
