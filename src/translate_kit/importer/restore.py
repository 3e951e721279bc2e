"""Restore damaged text where the evidence leaves one reading: the rest stays flagged.

Three kinds of damage (see ``garbled``) can leave evidence clear enough:

* **Lost characters whose pinyin survived** (``重?fù)?dān)``).  The naive converter
  annotated only the characters it converted, so each was a traditional character whose
  simplified form differs, read as the hint says (fù: 負 復 婦 賦 ...).  A group of
  adjacent lost characters is restored when exactly one choice of candidates puts every
  one of them in a dictionary word with the text around it (負擔: 勇挑重負擔; 重負 and
  重復 alone would be two).
* **A run read one byte off**: its realigned reading is restored from its end as far as
  it is made of dictionary words that fit the text after it (…善招商決 + 策: 善 招商
  決策); a single-character word counts only if it is a common character, and at least
  half of what is restored lies in words of two or more characters.  Source characters
  with a byte in what stays unreadable stay flagged.
* **A ``?`` between two transliterated names** (巴兹?奥尔德林): a ``·`` that a GBK page
  could not hold.  Each side is transliterated when the characters next to the ``?``
  (two to four of them) are, on average, at least ``NAME_AFFINITY`` name characters
  (``words.name_affinity``): 奥尔 is, 中国 and 大会 are not.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from translate_kit.importer.charset import is_common_han, is_han, to_simplified
from translate_kit.importer.garbled import Span
from translate_kit.importer.pinyin import characters_read_as
from translate_kit.importer.words import frequencies, name_affinity, segmenter

MAX_WORD = 4
MAX_CHOICES = 2_000
"""Combinations of candidates tried for a group of lost characters at most."""
NAME_AFFINITY = 0.1
MIDDLE_DOT = "·"


@dataclass(frozen=True)
class Restoration:
    """Damaged text ``text[start:end]`` of a paragraph read as ``restored``."""

    start: int
    end: int
    restored: str
    evidence: str


def restorations(text: str, spans: list[Span]) -> list[Restoration]:
    """The restorations the evidence allows in one paragraph, in order, inside ``spans``."""
    found: list[Restoration] = []
    for group in _lost_groups(spans):
        found += _from_pinyin(text, group)
    for span in spans:
        if span.core:
            found += _realigned(text, span)
        elif text[span.start:span.end] == "?":
            found += _middle_dot(text, span)
    return sorted(found, key=lambda r: r.start)


def _lost_groups(spans: list[Span]) -> list[list[Span]]:
    """Runs of adjacent lost characters that all kept their pinyin."""
    groups: list[list[Span]] = []
    for span in spans:
        if not span.hint:
            continue
        if groups and groups[-1][-1].end == span.start:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _from_pinyin(text: str, group: list[Span]) -> list[Restoration]:
    choices = [_converted_characters(span.hint) for span in group]
    if not all(choices) or math.prod(len(c) for c in choices) > MAX_CHOICES:
        return []
    before = _han_tail(text[:group[0].start])
    after = _han_head(text[group[-1].end:])
    fitting = [combination for combination in itertools.product(*choices)
               if _all_in_words(before, "".join(combination), after)]
    if len(fitting) != 1:
        return []
    restored = "".join(fitting[0])
    hints = " ".join(span.hint for span in group)
    return [Restoration(group[0].start, group[-1].end, restored,
                        f"pinyin {hints}: only {restored} makes words with {before}…{after}")]


def _converted_characters(syllable: str) -> tuple[str, ...]:
    return tuple(c for c in characters_read_as(syllable) if to_simplified(c) != c)


def _all_in_words(before: str, middle: str, after: str) -> bool:
    """Whether every character of ``middle`` lies in a word of two or more characters."""
    line, offset = before + middle + after, len(before)
    return all(
        any(_is_word(line[start:start + n]) for n in range(2, MAX_WORD + 1)
            for start in range(max(0, i - n + 1), min(i, len(line) - n) + 1))
        for i in range(offset, offset + len(middle)))


def _realigned(text: str, span: Span) -> list[Restoration]:
    start, end = span.core[-1]
    if end != span.end:
        return []
    piece = text[start:end]
    try:
        data = piece.encode("gb18030")
    except UnicodeEncodeError:
        return []
    reading = _read_from(data, 1)
    after = _han_head(text[end:])
    found = _restorable_from(reading, after)
    if found is None:
        return []
    first, words = found
    restored_from = reading[first][1]
    offsets, position = [], 0
    for char in piece:
        offsets.append(position)
        position += len(char.encode("gb18030"))
    replaced = next((i for i, o in enumerate(offsets) if o >= restored_from), len(piece))
    if replaced == len(piece):
        return []
    restored = "".join(char for char, _ in reading[first:])
    whole = "".join(char for char, _ in reading)
    return [Restoration(start + replaced, end, restored,
                        f"realigned by one byte: {whole}; words {words}")]


def _read_from(data: bytes, position: int) -> list[tuple[str, int]]:
    """The characters of GB18030 ``data`` from byte ``position``, each with its offset."""
    chars = []
    while position < len(data):
        for size in (1, 2, 4):
            try:
                char = data[position:position + size].decode("gb18030")
            except UnicodeDecodeError:
                continue
            break
        else:
            char, size = "\ufffd", 1
        chars.append((char, position))
        position += size
    return chars


def _restorable_from(reading: list[tuple[str, int]], after: str) -> tuple[int, str] | None:
    """Index of the first character of ``reading``'s tail made of words that fit
    ``after``, and those words."""
    chars = "".join(char for char, _ in reading)
    if not chars or not all(map(is_han, chars[-1:])):
        return None
    line = to_simplified(chars + after)
    if len(line) != len(chars) + len(after):
        return None
    tokens, position = [], 0
    for token in segmenter().cut(line, HMM=False):
        tokens.append((position, token))
        position += len(token)
    first, in_words, words = len(chars), 0, []
    for position, token in reversed(tokens):
        if position >= len(chars):
            continue
        if not _good_token(token):
            break
        first = position
        words.insert(0, (chars + after)[position:position + len(token)])
        in_words += min(len(chars), position + len(token)) - position if len(token) > 1 else 0
    restored = len(chars) - first
    if restored < 2 or 2 * in_words < restored:
        return None
    return first, " ".join(words)


def _good_token(token: str) -> bool:
    if not all(map(is_han, token)):
        return False
    if len(token) > 1:
        return _is_word(token)
    return is_common_han(token) and _is_word(token)


def _middle_dot(text: str, span: Span) -> list[Restoration]:
    before = _han_tail(text[:span.start])
    after = _han_head(text[span.end:])
    if not (_transliterated(before[::-1]) and _transliterated(after)):
        return []
    return [Restoration(span.start, span.end, MIDDLE_DOT,
                        f"a lost middle dot between the transliterated names …{before} and {after}…")]


def _transliterated(side: str) -> bool:
    """Whether the two to four characters of ``side`` next to the ``?`` (nearest first)
    are, on average, name characters."""
    affinity = name_affinity()
    chars = to_simplified(side)
    return any(sum(affinity.get(c, 0.0) for c in chars[:n]) / n >= NAME_AFFINITY
               for n in range(2, min(MAX_WORD, len(chars)) + 1))


def _han_tail(text: str) -> str:
    """The Han characters (up to ``MAX_WORD - 1``) that end ``text``."""
    tail = ""
    for char in reversed(text[-(MAX_WORD - 1):]):
        if not is_han(char):
            break
        tail = char + tail
    return tail


def _han_head(text: str) -> str:
    head = ""
    for char in text[:MAX_WORD - 1]:
        if not is_han(char):
            break
        head += char
    return head


def _is_word(text: str) -> bool:
    return all(map(is_han, text)) and bool(frequencies().get(to_simplified(text)))
