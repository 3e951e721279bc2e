"""Script conversion: OpenCC plus the project's phrase glossary.

An edition converts with the OpenCC configurations ``ProjectConfig.opencc_chain`` names
(``tw2s.json`` from Taiwan's forms; two of them between two traditional standards,
joined into one configuration).

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
    return _convert(_t2s(), text)


def _convert(converter: opencc.OpenCC, text: str) -> str:
    """``converter`` on ``text``, piece by piece between NULs, where OpenCC stops."""
    if "\0" in text:
        return "\0".join(_convert(converter, piece) for piece in text.split("\0"))
    return converter.convert(text) if text else text


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
    """The configuration's name, or the names of a chain joined by ``+``."""
    phrases: tuple[tuple[str, str], ...]
    _opencc: opencc.OpenCC

    def convert(self, text: str) -> str:
        return _convert(self._opencc, text)


def converter_for(config: ProjectConfig, edition: Edition) -> ScriptConverter:
    """The (cached) converter of a script edition, including its phrase glossary."""
    if edition.kind is not EditionKind.SCRIPT:
        raise ConfigError(f"edition {edition.code!r} is not a script edition")
    path = phrases_path(config, edition)
    phrases = tuple(read_phrases(path).items()) if path.is_file() else ()
    return phrase_converter(config.opencc_chain(edition), phrases, config.cache_dir("opencc"))


@lru_cache(maxsize=16)
def phrase_converter(
    opencc_config: str | tuple[str, ...], phrases: tuple[tuple[str, str], ...], cache_dir: Path
) -> ScriptConverter:
    """OpenCC's ``opencc_config`` with ``phrases`` in front of its first step (cached).

    Without phrases a single configuration is OpenCC's own file; with them, or for a
    chain of configurations (``("tw2t.json", "t2hk.json")``), a generated JSON
    configuration in ``cache_dir`` (see ``chained`` and ``with_phrases``).  The
    importer's repair of leftover simplified characters uses this too, with the
    project's repairs.txt.
    """
    chain = (opencc_config,) if isinstance(opencc_config, str) else opencc_config
    name = "+".join(chain)
    standards = [_standard_config(config) for config in chain]
    if not phrases and len(chain) == 1:
        return ScriptConverter(name, phrases, opencc.OpenCC(str(standards[0])))
    spec = chained([json.loads(path.read_text(encoding="utf-8")) for path in standards])
    text = "".join(f"{source}\t{replacement}\n" for source, replacement in phrases)
    digest = hashlib.sha256(f"{name}\n{text}".encode()).hexdigest()[:16]
    stem = f"{'+'.join(Path(config).stem for config in chain)}-{digest}"
    # Parallel builds may write the same files at once: each write is atomic.
    generated = cache_dir / f"{stem}.json"
    if phrases:
        dictionary, kept = cache_dir / f"{stem}.txt", cache_dir / f"{stem}-kept.txt"
        write_if_changed(dictionary, text)
        write_if_changed(kept, "".join(f"{r}\t{r}\n" for _source, r in phrases))
        spec = with_phrases(spec, dictionary, kept)
    write_if_changed(generated, json.dumps(spec, ensure_ascii=False, indent=1))
    return ScriptConverter(name, phrases, opencc.OpenCC(str(generated)))


def chained(specs: list[dict[str, Any]]) -> dict[str, Any]:
    """One OpenCC configuration doing the steps of ``specs`` one after the other.

    The first configuration's segmentation and normalization serve the whole chain (the
    others normalize the same way), and its dictionary files are made absolute, since
    the generated file lives elsewhere.
    """
    first, *others = [_absolute_files(copy.deepcopy(spec), opencc_share_dir()) for spec in specs]
    for spec in specs:
        if not spec.get("conversion_chain"):
            raise ConfigError(f"OpenCC configuration {spec.get('name')!r} has no conversion_chain")
    for spec in others:
        first["conversion_chain"] += spec["conversion_chain"]
        first["name"] = f"{first.get('name')} + {spec.get('name')}"
    return first


def _standard_config(name: str) -> Path:
    path = opencc_share_dir() / name
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in opencc_share_dir().glob("*.json")))
        raise ConfigError(f"unknown OpenCC configuration {name!r}; available: {known}")
    return path


def with_phrases(spec: dict[str, Any], dictionary: Path, kept: Path) -> dict[str, Any]:
    """An OpenCC config like ``spec`` whose first step consults ``dictionary`` first.

    Standard dictionaries are made absolute (the generated file lives elsewhere).  The
    glossary goes in front of the first conversion step, where traditional text is
    matched, and in front of the segmentation dictionary if the config has one, so a
    glossary phrase is never split.  Every later step (``tw2s`` has two: Taiwan's
    forms to OpenCC's, then to simplified) consults ``kept`` first, which maps each
    replacement to itself: the glossary's word is the edition's word, not converted
    again (於先生 stays 於先生).
    """
    spec = _absolute_files(copy.deepcopy(spec), opencc_share_dir())
    chain = spec.get("conversion_chain") or []
    if not chain:
        raise ConfigError(f"OpenCC configuration {spec.get('name')!r} has no conversion_chain")
    text_dict = {"type": "text", "file": str(dictionary)}
    chain[0]["dict"] = _first_match(text_dict, chain[0]["dict"])
    for step in chain[1:]:
        step["dict"] = _first_match({"type": "text", "file": str(kept)}, step["dict"])
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

