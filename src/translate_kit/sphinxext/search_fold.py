"""One character mapping that makes the two scripts equal for search.

A reader types either script; the page may be in the other.  Index and query are both
*folded*: every character is replaced by the representative of its class, where a class
holds the characters OpenCC converts into one another.  The classes come from OpenCC's
own dictionaries, read at build time from the opencc package: every dictionary of the
configurations of the project's script editions (and ``t2s.json``, so that a source
edition alone still folds), character entries and the aligned characters of phrase
entries (``憑藉`` → ``凭借`` puts 藉 with 借).  The mapping is one character to one
character, so a match in folded text is a match at the same place in the page's text:
results and highlights show the page's own script.

The browser receives the same mapping as a small static script (``FOLD_SCRIPT``).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from translate_kit.errors import ConfigError
from translate_kit.files import remove_others, stamped_path, write_atomic, write_if_changed
from translate_kit.script import opencc_share_dir
from translate_kit.tools import run_tool

FOLD_SCRIPT = "translate-kit-fold.js"
BASE_CONFIG = "t2s.json"
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII


def opencc_dict_tool() -> Path:
    """The ``opencc_dict`` program the opencc package ships: it reads ``.ocd2`` files."""
    return opencc_share_dir().parent.parent / "bin" / "opencc_dict"


def config_dictionaries(config_name: str) -> list[Path]:
    """Every dictionary file an OpenCC configuration converts with, in its order."""
    path = opencc_share_dir() / config_name
    if not path.is_file():
        raise ConfigError(f"unknown OpenCC configuration {config_name!r}")
    spec = json.loads(path.read_text(encoding="utf-8"))
    steps = [*spec.get("normalization", []), *spec.get("conversion_chain", [])]
    return [opencc_share_dir() / name for step in steps for name in _files(step.get("dict", {}))]


def _files(spec: dict[str, Any]) -> Iterator[str]:
    if spec.get("type") == "group":
        for member in spec.get("dicts", []):
            yield from _files(member)
    elif "file" in spec:
        yield spec["file"]


def dictionary_entries(path: Path) -> Iterator[tuple[str, str]]:
    """``(key, first value)`` of an OpenCC dictionary: the conversion OpenCC applies."""
    if path.suffix == ".ocd2":
        with tempfile.TemporaryDirectory() as tmp:
            text = Path(tmp) / "dict.txt"
            run_tool([str(opencc_dict_tool()), "-i", str(path), "-o", str(text),
                      "-f", "ocd2", "-t", "text"], about=path)
            lines = text.read_text(encoding="utf-8").splitlines()
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        key, _, values = line.partition("\t")
        if key and values:
            yield key, values.split(" ")[0]


def fold_classes(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{character: representative}`` for every character OpenCC maps to another.

    ``pairs`` are dictionary entries; a phrase entry counts only where key and value have
    the same length (each position pairs two characters).  The representative of a
    class is its smallest code point, so the result does not depend on reading order.
    """
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for key, value in pairs:
        if len(key) != len(value):
            continue
        for a, b in zip(key, value):
            if a != b:
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {char: root(char) for char in parent if root(char) != char}


@cache
def fold_table(config_names: tuple[str, ...], cache_dir: Path | None = None) -> dict[str, str]:
    """The mapping of the dictionaries of ``config_names`` (plus ``t2s.json``).

    Reading OpenCC's binary dictionaries runs ``opencc_dict`` once a file, a quarter of a
    second in all, in every edition's build.  With ``cache_dir`` the table is kept there
    under a key of the files it was made from (path, size, time), so a build reads it back
    (and goes on without it where the directory cannot be written).
    """
    names = sorted({BASE_CONFIG, *config_names})
    paths = list(dict.fromkeys(p for name in names for p in config_dictionaries(name)))
    if cache_dir is None:
        return fold_classes(pair for path in paths for pair in dictionary_entries(path))
    stamps = [(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in paths]
    prefix = "fold-" + "+".join(Path(name).stem for name in names) + "-"
    kept = stamped_path(cache_dir, prefix, stamps, ".json")
    try:
        table = json.loads(kept.read_text(encoding="utf-8"))
        if isinstance(table, dict) and all(
                isinstance(a, str) and isinstance(b, str) and len(a) == len(b) == 1
                for a, b in table.items()):
            return table
    except (OSError, ValueError):
        pass  # not made yet, or unreadable: make it again
    table = fold_table(config_names)
    try:
        write_atomic(kept, json.dumps(table, ensure_ascii=False, sort_keys=True), durable=False)
        remove_others(kept, prefix)  # from dictionaries since replaced
    except OSError:
        pass
    return table


def translation(table: dict[str, str]) -> dict[int, int]:
    """``table`` (plus full-width ASCII to ASCII) for ``str.translate``."""
    return {**_HALF_WIDTH, **{ord(a): ord(b) for a, b in table.items()}}


def fold_script(table: dict[str, str]) -> str:
    """The browser's copy of ``table``: a string of (character, representative) pairs."""
    pairs = "".join(a + b for a, b in sorted(table.items()))
    digest = hashlib.sha256(pairs.encode()).hexdigest()[:12]
    return (
        "/* Search folding: character, representative, ... (from OpenCC's dictionaries) */\n"
        f"window.TK_FOLD = {json.dumps(pairs, ensure_ascii=False)};\n"
        f"window.TK_FOLD_VERSION = {json.dumps(digest)};\n"
    )


def write_fold_script(static_dir: Path, table: dict[str, str]) -> Path:
    path = static_dir / FOLD_SCRIPT
    write_if_changed(path, fold_script(table), durable=False)
    return path
