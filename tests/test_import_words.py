"""jieba's dictionary as the importer reads it: stored once, looked up a word at a time."""

from __future__ import annotations

import os
import subprocess
import sys

import jieba
import pytest

from translate_kit.importer import words

TITLES = ("泰州经济开发区召开项目招引专题会议", "医药高新区党工委书记调研重点项目",
          "长江大桥合龙，南京市长出席仪式", "研究生命起源的科学家在北京获奖")


@pytest.fixture
def jieba_loaded() -> jieba.Tokenizer:
    """jieba with its whole dictionary loaded, as it segments by itself."""
    tokenizer = jieba.Tokenizer()
    tokenizer.check_initialized()
    return tokenizer


def test_the_stored_dictionary_segments_as_jieba_does(tmp_path, monkeypatch, jieba_loaded):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stored = words.segmenter.__wrapped__()
    assert [p.name for p in (tmp_path / "translate-kit").iterdir()][0].endswith(".sqlite3")
    assert isinstance(stored.FREQ, words.StoredWords)
    for title in TITLES:
        assert stored.lcut(title) == jieba_loaded.lcut(title)
    for word in ("泰州", "开发区", "招", "专题会", "召开项目"):
        assert stored.FREQ.get(word) == jieba_loaded.FREQ.get(word)
    assert stored.total == jieba_loaded.total


def test_a_store_of_an_older_jieba_is_replaced(tmp_path):
    stale = tmp_path / f"{words.STORE_PREFIX}0000000000000000.sqlite3"
    stale.write_bytes(b"")
    path = words.store(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert words.StoredWords(path)["经济"] > 0


def test_a_damaged_store_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = words.store(tmp_path / "translate-kit")
    path.write_bytes(path.read_bytes()[:100])
    assert words.segmenter.__wrapped__().lcut(TITLES[0])[:2] == ["泰州", "经济"]
    assert isinstance(words.segmenter.__wrapped__().FREQ, words.StoredWords)


def test_without_a_writable_cache_jieba_loads_its_own_dictionary(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    fallback = words.segmenter.__wrapped__()
    assert fallback is jieba.dt and fallback.lcut(TITLES[0])[:2] == ["泰州", "经济"]



def test_jieba_reads_its_dictionary_without_pkg_resources(tmp_path):
    """Importing setuptools' pkg_resources (which jieba tries first) costs an import of
    one article 0.3 s and warns in newer setuptools; jieba then finds its files itself."""
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")  # no store: jieba opens its own dictionary
    script = (
        "import sys\n"
        "from translate_kit.importer import words\n"
        f"print(words.segmenter().lcut({TITLES[0]!r})[:2], 'pkg_resources' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "XDG_CACHE_HOME": str(blocked)},
                          check=True)
    assert done.stdout.strip() == "['泰州', '经济'] False"
