"""Remove the inline pinyin a naive script converter left after converted characters.

An annotation is removed only when it follows a Han character directly and its content
is pinyin beyond doubt:

* one or more syllables carrying tone marks (``jīng``, ``jīngjì``, ``jīng jì``; neutral
  syllables may sit between toned ones), every syllable a real Mandarin syllable
  (from pypinyin's reading table); or
* a single syllable without tone marks that is a reading of the character it follows
  (``經(jing)``).

Everything else stays: ``(2024)``, ``(WTO)``, ``(注)``, ``(pin)`` after a character that
is not read ``pin``, capitalised words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pypinyin import Style, pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

from translate_kit.importer.charset import is_han

_ANNOTATION = re.compile(r"(?<=(?P<han>.))[(（](?P<content>[^()（）\n]{1,40})[)）]")
_TONE_MARK = re.compile("[\u0304\u0301\u030c\u0300]")  # macron, acute, caron, grave


@cache
def _syllable_pattern() -> re.Pattern[str]:
    """Regex for a sequence of tone-less syllables, built from pypinyin's readings."""
    syllables = {to_normal(r) for readings in pinyin_dict.values() for r in readings.split(",")}
    alternatives = "|".join(sorted(syllables, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?:[ '-]?(?:{alternatives}))*")


@cache
def characters_read_as(syllable: str) -> tuple[str, ...]:
    """The Han characters whose usual reading (pypinyin's first) is the toned ``syllable``
    (``fù``: 負 復 婦 ..., not 報, whose usual reading is bào): what a converter writes."""
    return tuple(chr(code) for code, readings in pinyin_dict.items()
                 if readings.split(",")[0] == syllable and is_han(chr(code)))


def has_tone_mark(text: str) -> bool:
    return bool(_TONE_MARK.search(unicodedata.normalize("NFD", text)))


def is_toned_pinyin(text: str) -> bool:
    """Lower-case syllables, at least one with a tone mark, all of them real syllables."""
    if not text or text != text.lower() or not has_tone_mark(text):
        return False
    return bool(_syllable_pattern().fullmatch(to_normal(text)))


def _is_reading_of(syllable: str, han: str) -> bool:
    readings = pinyin(han, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]
    return syllable in readings


def is_annotation(content: str, han: str) -> bool:
    """Whether ``(content)`` right after ``han`` is a pinyin annotation."""
    if not is_han(han):
        return False
    if is_toned_pinyin(content):
        return True
    return content.isascii() and content.isalpha() and content.islower() and _is_reading_of(content, han)


def strip_annotations(text: str) -> tuple[str, int]:
    """``text`` without its pinyin annotations, and how many were removed."""
    removed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal removed
        if is_annotation(match["content"], match["han"]):
            removed += 1
            return ""
        return match[0]

    return _ANNOTATION.sub(replace, text), removed
