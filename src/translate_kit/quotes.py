"""Quotation marks in an edition's standard: 「」『』 in Taiwan and Hong Kong, “”‘’ on the mainland.

OpenCC converts characters, not punctuation, so an article that arrived with the
mainland's “” keeps them in every edition.  ``convert_quotes`` rewrites the quotation
marks of Chinese text and nothing else: each mark becomes another mark at the same place.
Marks are paired (an opening mark with the next closing one of its family, double or
single), and a pair is Chinese when the text it quotes is Chinese, or when the text
around it is (他說“OK”。).  Pairs in Latin text (He said “yes”.) and apostrophes
(it’s) stay as written, and so does a URL.  Nesting follows the standard: the outer
pair is 「」 or “”, a pair inside it 『』 or ‘’, whatever the source used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate_kit.script import is_han

MARKS = {"corner": (("「", "」"), ("『", "』")), "curly": (("“", "”"), ("‘", "’"))}
"""The marks of each style: (outer pair, inner pair)."""
OPENING = {"“": 0, "「": 0, "‘": 1, "『": 1}
CLOSING = {"”": 0, "」": 0, "’": 1, "』": 1}
QUOTES = frozenset(OPENING) | frozenset(CLOSING)
OPAQUE = "\ufffc"
"""Stands for what is not prose (inline code, a link shown as its address): not Chinese."""

_CJK_RANGES = (
    ("\u2e80", "\u2fdf"), ("\u3000", "\u303f"), ("\u3040", "\u30ff"), ("\u3100", "\u312f"),
    ("\uac00", "\ud7af"), ("\uff00", "\uffef"),
)
_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.|\bmailto:)"
                  r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_URL_TRAILING = "”’」』.,;:!?)]'\""


def is_chinese(ch: str) -> bool:
    """Han characters, CJK and full-width punctuation, kana, Hangul (not quotation marks)."""
    return ch not in QUOTES and (is_han(ch) or any(lo <= ch <= hi for lo, hi in _CJK_RANGES))


@dataclass
class _Mark:
    index: int
    family: int  # 0 double, 1 single
    opening: bool
    partner: _Mark | None = None
    chinese: bool = False
    depth: int = 0


def convert_quotes(text: str, style: str) -> str:
    """``text`` with the quotation marks of its Chinese passages in ``style``.

    ``style`` is ``corner``, ``curly`` or ``none`` (text as written).  The result has the
    length of ``text`` and differs from it only where a quotation mark became another.
    """
    if style not in MARKS or not QUOTES.intersection(text):
        return text
    marks = _pair(text)
    chars = list(text)
    for mark in marks:
        if mark.chinese:
            pairs = MARKS[style][mark.depth % 2 if mark.partner else mark.family]
            chars[mark.index] = pairs[0] if mark.opening else pairs[1]
    return "".join(chars)


def _protected(text: str) -> set[int]:
    """Positions inside URLs (a trailing mark or full stop belongs to the sentence)."""
    positions: set[int] = set()
    for match in _URL.finditer(text):
        end = match.start() + len(match.group().rstrip(_URL_TRAILING))
        positions.update(range(match.start(), end))
    return positions


def _is_apostrophe(text: str, i: int) -> bool:
    """``it’s``, ``l’eau``: a mark between two letters or digits is not a quotation mark."""
    return (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            and not is_chinese(text[i - 1]) and not is_chinese(text[i + 1]))


def _pair(text: str) -> list[_Mark]:
    """The quotation marks of ``text``, paired, each decided Chinese or not, with depth."""
    protected = _protected(text)
    marks: list[_Mark] = []
    open_marks: list[_Mark] = []
    for i, ch in enumerate(text):
        if ch not in QUOTES or i in protected or _is_apostrophe(text, i):
            continue
        mark = _Mark(i, OPENING.get(ch, CLOSING.get(ch, 0)), ch in OPENING)
        marks.append(mark)
        if mark.opening:
            open_marks.append(mark)
            continue
        match = next((k for k in range(len(open_marks) - 1, -1, -1)
                      if open_marks[k].family == mark.family), None)
        if match is not None:
            opener = open_marks[match]
            opener.partner, mark.partner = mark, opener
            del open_marks[match:]
    for mark in marks:
        if mark.partner is None:
            mark.chinese = _next_to_chinese(text, mark.index, mark.index)
        elif mark.opening:
            start, end = mark.index, mark.partner.index
            mark.chinese = mark.partner.chinese = (
                any(is_chinese(ch) for ch in text[start + 1:end])
                or _next_to_chinese(text, start, end))
    depth = 0
    for mark in marks:  # in text order: an opener's depth counts the Chinese pairs around it
        if not (mark.chinese and mark.partner):
            continue
        if mark.opening:
            mark.depth = mark.partner.depth = depth
            depth += 1
        else:
            depth -= 1
    return marks


def _next_to_chinese(text: str, start: int, end: int) -> bool:
    """Whether the characters before ``start`` and after ``end`` (past spaces) are Chinese.

    Spaces and other quotation marks in between do not count.  One of them may be
    missing (the passage starts or ends there), but not both, and neither may be Latin:
    “Hello,” she said stays English.
    """
    skipped = "".join(QUOTES)
    before = text[:start].rstrip().rstrip(skipped).rstrip()[-1:]
    after = text[end + 1:].lstrip().lstrip(skipped).lstrip()[:1]
    sides = [ch for ch in (before, after) if ch]
    return bool(sides) and all(is_chinese(ch) for ch in sides)


def convert_pieces(pieces: list[str], style: str) -> list[str]:
    """``convert_quotes`` on the pieces of one passage (its text nodes) as one text.

    A mark is decided by the whole passage (“ in one node, ” in the next, 他說 before),
    and each piece keeps its length.
    """
    converted = convert_quotes("".join(pieces), style)
    out, position = [], 0
    for piece in pieces:
        out.append(converted[position:position + len(piece)])
        position += len(piece)
    return out
