"""Script conversion: OpenCC plus the project's phrase glossary.

OpenCC converts word by word from its standard dictionaries and sometimes picks the
wrong character (a surname, a particle).  A project corrects such words once, in
``locale/<locale_name>/phrases.txt`` (OpenCC's own text-dictionary format,
``traditional<TAB>replacement`` per line; ``#`` comments and blank lines allowed).  The
glossary is applied through OpenCC itself: a generated JSON configuration puts the text
dictionary in front of the standard dictionaries, so OpenCC's longest-match segmentation
treats project phrases exactly like its own.  Converters are cached per configuration and
glossary content, because building one loads several megabytes of dictionaries.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import opencc

from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.errors import ConfigError
from translate_kit.files import write_if_changed

PHRASES_FILE = "phrases.txt"
HAN_RANGES = (
    ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"),
    ("\U00020000", "\U0003134f"),
)


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a Han character (the unified ideographs and their extensions)."""
    return any(lo <= ch <= hi for lo, hi in HAN_RANGES)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """``text`` in simplified script by OpenCC's standard ``t2s``, without any glossary.

    Two texts with the same simplified form differ only by script: the importer's repairs
    and ``update`` (which keeps such a message's translation) rely on it.
    """
    return _t2s().convert(text) if text else text


def opencc_share_dir() -> Path:
    """Directory of the configurations and ``.ocd2`` dictionaries the opencc package ships."""
    return Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"


def phrases_path(config: ProjectConfig, edition: Edition) -> Path:
    """Where an edition's phrase glossary lives (it need not exist)."""
    return config.locale_dir / edition.locale_name / PHRASES_FILE


def read_phrases(path: Path) -> dict[str, str]:
    """The glossary as ``{traditional: replacement}``; a malformed line is a located error."""
    phrases: dict[str, str] = {}
    seen_on: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"phrase glossary is not UTF-8: {exc.reason}", path) from exc
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        source, tab, replacement = line.partition("\t")
        source, replacement = source.strip(), replacement.strip()
        if not tab or not source or not replacement or "\t" in replacement:
            raise ConfigError(
                "expected 'source<TAB>replacement' (one tab between two non-empty words)",
                path, number,
            )
        if source in seen_on:
            raise ConfigError(
                f"{source!r} is already listed on line {seen_on[source]}", path, number
            )
        phrases[source] = replacement
        seen_on[source] = number
    return phrases


@dataclass(frozen=True, eq=False)
class ScriptConverter:
    """Converts text to one script edition (OpenCC config + phrase glossary)."""

    opencc_config: str
    phrases: tuple[tuple[str, str], ...]
    _opencc: opencc.OpenCC

    def convert(self, text: str) -> str:
        return self._opencc.convert(text) if text else text


def converter_for(config: ProjectConfig, edition: Edition) -> ScriptConverter:
    """The (cached) converter of a script edition, including its phrase glossary."""
    if edition.kind is not EditionKind.SCRIPT or not edition.opencc_config:
        raise ConfigError(f"edition {edition.code!r} is not a script edition")
    path = phrases_path(config, edition)
    phrases = tuple(read_phrases(path).items()) if path.is_file() else ()
    return phrase_converter(edition.opencc_config, phrases, config.cache_dir("opencc"))


@lru_cache(maxsize=16)
def phrase_converter(
    opencc_config: str, phrases: tuple[tuple[str, str], ...], cache_dir: Path
) -> ScriptConverter:
    """OpenCC's ``opencc_config`` with ``phrases`` in front of its first step (cached).

    Without phrases it is the standard configuration; with them, a generated JSON
    configuration in ``cache_dir`` (see ``with_phrases``).  The importer's repair of
    leftover simplified characters uses this too, with the project's repairs.txt.
    """
    standard = _standard_config(opencc_config)
    if not phrases:
        return ScriptConverter(opencc_config, phrases, opencc.OpenCC(str(standard)))
    text = "".join(f"{source}\t{replacement}\n" for source, replacement in phrases)
    digest = hashlib.sha256(f"{opencc_config}\n{text}".encode()).hexdigest()[:16]
    stem = f"{Path(opencc_config).stem}-{digest}"
    # Parallel builds may write the same files at once: each write is atomic.
    dictionary, generated = cache_dir / f"{stem}.txt", cache_dir / f"{stem}.json"
    write_if_changed(dictionary, text)
    spec = with_phrases(json.loads(standard.read_text(encoding="utf-8")), dictionary)
    write_if_changed(generated, json.dumps(spec, ensure_ascii=False, indent=1))
    return ScriptConverter(opencc_config, phrases, opencc.OpenCC(str(generated)))


def _standard_config(name: str) -> Path:
    path = opencc_share_dir() / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in opencc_share_dir().glob("*.json")))
        raise ConfigError(f"unknown OpenCC configuration {name!r}; available: {known}")
    return path


def with_phrases(spec: dict[str, Any], dictionary: Path) -> dict[str, Any]:
    """An OpenCC config like ``spec`` whose first step consults ``dictionary`` first.

    Standard dictionaries are made absolute (the generated file lives elsewhere).  The
    glossary goes in front of the first conversion step, where traditional text is
    matched, and in front of the segmentation dictionary if the config has one, so a
    glossary phrase is never split.
    """
    spec = _absolute_files(copy.deepcopy(spec), opencc_share_dir())
    text_dict = {"type": "text", "file": str(dictionary)}
    chain = spec.get("conversion_chain") or []
    if not chain:
        raise ConfigError(f"OpenCC configuration {spec.get('name')!r} has no conversion_chain")
    chain[0]["dict"] = _first_match(text_dict, chain[0]["dict"])
    segmentation = spec.get("segmentation")
    if isinstance(segmentation, dict) and "dict" in segmentation:
        segmentation["dict"] = _first_match(text_dict, segmentation["dict"])
    return spec


def _first_match(first: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """A dictionary group where the first dictionary that matches at a position wins."""
    return {"type": "group", "match_policy": "short_circuit", "dicts": [first, then]}


def _absolute_files(value: Any, share: Path) -> Any:
    if isinstance(value, dict):
        return {
            key: str(share / item) if key == "file" and not Path(item).is_absolute()
            else _absolute_files(item, share)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_absolute_files(item, share) for item in value]
    return value

