"""jieba's dictionary, looked up a word at a time.

jieba loads all its words (and their prefixes, half a million keys) before it segments
anything: over half a second, most of what an import of one article costs, when the
importer asks it for the words of one title and a few suspect spans.  The first import
copies that dictionary into an SQLite file in the user's cache directory, named by
jieba's version and dictionary file; later imports look words up in the file, and
jieba's own segmenter runs on that lookup, so the words it finds are the same.  Where
the cache cannot be written, jieba loads its dictionary as it always does.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from translate_kit.files import remove_others, replace_with, stamped_path, user_cache_dir

if TYPE_CHECKING:
    import jieba

STORE_PREFIX = "jieba-words-"


def _jieba() -> ModuleType:
    """jieba, imported without setuptools' ``pkg_resources``.

    jieba tries ``pkg_resources`` first to find its dictionary, and importing that took
    0.15 s of the 1 s an import of one article takes; without it jieba opens the files next
    to its module, as it does wherever setuptools is not installed.
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # its import fails
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


class StoredWords(Mapping[str, int]):
    """Word frequencies (prefixes of words at 0) read from a store that ``store`` made."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True,
                                   check_same_thread=False)
        self.total: int = self._db.execute("SELECT total FROM meta").fetchone()[0]

    def __getitem__(self, word: str) -> int:
        row = self._db.execute("SELECT frequency FROM words WHERE word = ?", (word,)).fetchone()
        if row is None:
            raise KeyError(word)
        return row[0]

    def __iter__(self) -> Iterator[str]:
        return (word for (word,) in self._db.execute("SELECT word FROM words"))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM words").fetchone()[0]


def store(directory: Path) -> Path:
    """The store of jieba's default dictionary in ``directory``, made if missing."""
    jieba = _jieba()

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stamp = (jieba.__version__, str(dictionary), dictionary.stat().st_size,
             dictionary.stat().st_mtime_ns)
    path = stamped_path(directory, STORE_PREFIX, stamp, ".sqlite3")
    if path.is_file():
        return path

    def fill(tmp: str) -> None:
        with dictionary.open("rb") as handle:
            frequencies, total = jieba.dt.gen_pfdict(handle)
        db = sqlite3.connect(tmp)
        try:
            with db:
                db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, frequency INTEGER NOT NULL)"
                           " WITHOUT ROWID")
                db.executemany("INSERT INTO words VALUES (?, ?)", frequencies.items())
                db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
                db.execute("INSERT INTO meta VALUES (?)", (total,))
        finally:
            db.close()

    replace_with(path, fill)
    remove_others(path, STORE_PREFIX)  # of an earlier jieba
    return path


def _stored_words(directory: Path) -> StoredWords:
    path = store(directory)
    try:
        return StoredWords(path)
    except sqlite3.DatabaseError:  # damaged (a full disk, a copy cut short): made again
        path.unlink()
        return StoredWords(store(directory))


@cache
def segmenter() -> jieba.Tokenizer:
    """jieba's segmenter on the stored dictionary (its own dictionary if none can be kept)."""
    jieba = _jieba()

    jieba.setLogLevel(logging.WARNING)
    try:
        words = _stored_words(user_cache_dir())
    except (OSError, sqlite3.Error):
        jieba.dt.check_initialized()
        return jieba.dt
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = words, words.total, True
    return tokenizer


def frequencies() -> Mapping[str, int]:
    """jieba's word frequencies (simplified script), of some 60 million in all."""
    return segmenter().FREQ


@cache
def name_affinity() -> Mapping[str, float]:
    """For each character, the share of jieba's words holding it that are transliterated
    foreign names (tag ``nrt``): 斯 0.31, 尔 0.31, 巴 0.19, but 中 0.004 and 说 0.

    Read from jieba's dictionary file (a tenth of a second), only for a text that needs it.
    """
    jieba = _jieba()

    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    path = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, tag = (line.split() + ["", ""])[:3]
            words.update(set(word))
            if tag == "nrt":
                names.update(set(word))
    return {char: names[char] / count for char, count in words.items()}
