"""Articles that arrive in simplified script: recognising them and converting them once.

A whole article is recognised by its characters.  Of the Han characters whose form
differs between the scripts, those OpenCC's ``t2s`` changes are written in traditional
form (經, 後), and those it leaves but ``s2t`` changes are simplified forms (经, 发, 户).
An article whose share of simplified forms among them is at least ``SIMPLIFIED_SHARE``
is simplified: a quoted traditional name or a Japanese sentence in it does not change
that, where a yes/no identifier (hanzidentifier) calls such text "mixed".  Below the
share it is traditional, and ``mixed`` when it holds simplified characters that Big5,
the traditional character set, lacks; on import an article is ``mixed`` when the
``repair`` module, which handles it as before, repaired a naive converter's leftovers.

A simplified article is converted to the source edition's standard in one pass of
OpenCC (``s2tw``, ``s2twp``, ``s2hk`` or ``s2t``, see
``ProjectConfig.simplified_conversion``) with the project's ``repairs.txt`` in front of
its phrases, instead of being repaired character by character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from functools import cache

import opencc

from translate_kit.config import ProjectConfig
from translate_kit.importer.repair import (
    in_big5,
    read_repairs,
    repairs_path,
    simplified_forms,
    traditional_forms,
)
from translate_kit.script import ScriptConverter, is_han, phrase_converter

SIMPLIFIED_SHARE = 0.75
"""Share of simplified forms among the script-specific characters that makes an article
simplified.  Measured: 1.00 for simplified articles (OpenCC t2s of hand-written Taiwan
articles, the sample's), at most 0.29 for naively converted traditional text, at most
0.07 for proper traditional text; a simplified article quoting a traditional name or a
Japanese sentence stays above 0.85."""
MIN_MARKS = 3
"""Fewer script-specific characters than this say nothing: the text counts as traditional."""


class Script(str, Enum):
    """The script an article arrived in, as recorded in its front matter (``script:``)."""

    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    MIXED = "mixed"
    """Traditional with simplified characters Big5 lacks: a naive converter's leftovers."""


@dataclass(frozen=True)
class Detection:
    script: Script
    simplified: int
    """Han characters in a form only simplified script uses (经, 发)."""
    traditional: int
    """Han characters in a form only traditional script uses (經, 發)."""

    @property
    def share(self) -> float:
        """Share of simplified forms among the script-specific characters (0 when none)."""
        marks = self.simplified + self.traditional
        return self.simplified / marks if marks else 0.0


def detect_script(texts: Sequence[str]) -> Detection:
    """The script of a whole article, from all its texts at once."""
    simplified = traditional = leftovers = 0
    simple_forms, traditional_only = _simplified_forms(), traditional_forms()
    for text in texts:
        for char in text:
            if char in traditional_only:
                traditional += 1
            elif char in simple_forms:
                simplified += 1
                leftovers += not in_big5(char)
    found = Detection(Script.TRADITIONAL, simplified, traditional)
    if simplified + traditional >= MIN_MARKS and found.share >= SIMPLIFIED_SHARE:
        return Detection(Script.SIMPLIFIED, simplified, traditional)
    if leftovers:
        return Detection(Script.MIXED, simplified, traditional)
    return found


@cache
def _simplified_forms() -> frozenset[str]:
    """Simplified forms whose traditional form, alone, is another character (经, 发, 户,
    后; not 系 or 只, which s2t keeps): a subset of what t2s makes of other characters."""
    candidates = sorted(simplified_forms() - traditional_forms())
    converted = _opencc("s2t.json").convert("\n".join(candidates)).split("\n")
    return frozenset(c for c, t in zip(candidates, converted) if c != t)


@dataclass(frozen=True)
class Conversion:
    """One conversion of a whole article, as the front matter and the report record it."""

    opencc: str
    """The OpenCC configuration, e.g. ``s2tw.json``."""
    phrases: int
    """Phrases of the project's repairs.txt that took part."""
    han_characters: int
    characters_converted: int
    """Han characters written otherwise by the conversion."""


class SimplifiedConverter:
    """Converts a simplified article to the source edition's standard, counting changes."""

    def __init__(self, opencc_config: str, phrases: tuple[tuple[str, str], ...],
                 converter: ScriptConverter) -> None:
        self.opencc_config = opencc_config
        self.phrases = phrases
        self._converter = converter

    def convert(self, text: str) -> str:
        return self._converter.convert(text)

    def conversion(self, originals: Sequence[str], converted: Sequence[str]) -> Conversion:
        """The counts of converting ``originals`` into ``converted`` (one text each)."""
        han = changed = 0
        for before, after in zip(originals, converted):
            han += sum(map(is_han, before))
            changed += _han_changed(before, after)
        return Conversion(self.opencc_config, len(self.phrases), han, changed)


def _han_changed(before: str, after: str) -> int:
    if len(before) == len(after):  # character forms only: OpenCC keeps the length
        return sum(a != b and is_han(a) for a, b in zip(before, after))
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return sum(sum(map(is_han, before[i1:i2]))
               for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal")


def simplified_converter_for(config: ProjectConfig) -> SimplifiedConverter:
    """The project's conversion of simplified articles, with its repairs.txt."""
    path = repairs_path(config)
    phrases = read_repairs(path) if path.is_file() else ()
    name = config.simplified_conversion_config
    return SimplifiedConverter(name, phrases,
                               phrase_converter(name, phrases, config.cache_dir("opencc")))


def nonstandard_forms(text: str, standard: str = "tw") -> list[tuple[int, str, str]]:
    """Han characters of traditional ``text`` that ``standard`` writes otherwise, as
    ``(offset, written, standard form)``.

    The standard's form of the text is OpenCC's ``s2<standard>`` of it, after ``hk2t``
    (Hong Kong's forms back to OpenCC's) unless the standard is Hong Kong's: 户→戶,
    温→溫, 发→發, 爲→為.  For Taiwan's standard only characters Big5, Taiwan's character
    set, lacks are counted, so that the forms Taiwan also writes (台 beside 臺, 樑) and the
    choice of words (宣布, 了解) are not: this measures forms, not wording.
    """
    converted = _chain(("hk2t.json",) * (standard != "hk") + (f"s2{standard}.json",), text)
    if len(converted) != len(text):
        raise ValueError("OpenCC changed the length of the text")
    return [(i, char, converted[i]) for i, char in enumerate(text)
            if char != converted[i] and is_han(char) and not (standard == "tw" and in_big5(char))]


def _chain(configs: tuple[str, ...], text: str) -> str:
    for name in configs:
        text = _opencc(name).convert(text)
    return text


@cache
def _opencc(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)
