"""Find text damaged by encoding errors, so that it is flagged rather than "cleaned".

The damage that survives in the sources:

* A **lost character**: a byte pair that could not be decoded became U+FFFD or ``?``.
  The ``(`` of the pinyin annotation after it is often swallowed too, leaving a hint such
  as ``?fù)`` that tells an editor which character was there.  A ``?`` counts as lost
  when it sits after a Han character (or another lost character) and before a Han
  character or such a hint, unless it follows a question particle (``嗎?``).
* A **stray byte**: a character whose first byte was lost leaves its second one, which
  in GBK may be ASCII.  An ASCII character that prose never puts there (``@ [ \\ ] ^ _ `
  { | } ~``) between Han characters, or between a number and its Han unit (``1200|元``,
  where ``|`` is what remains of 億), is one.  A tilde only beside other damage: alone
  it is a range or a drawl as people write them (``4~5帳``, ``事~差點``).
* A **misaligned run**: GBK text read one byte off pairs each character's second byte
  with the next one's first byte.  Those pairs are close to random: about five in six
  GBK codes lie outside GB2312 level 1, whereas real prose has well under one such rare
  character per hundred, and some land on symbols no news text has (Private Use Area,
  enclosed numbers such as ⒕, box drawing).  So a run is a cluster, at most ``MAX_GAP``
  ordinary Han characters apart, of such foreign symbols, rare characters (unless they
  repeat a neighbour, 湿漉漉, or make a dictionary word with them), short runs of kana
  or Hangul inside Han text (``MAX_ODD_RUN``), lone Latin letters wedged between Han
  characters and lost characters, that holds a foreign symbol or at least
  ``MIN_SUSPECTS`` of the others (a letter counts only beside a rare character).

  A run with a foreign symbol also takes in the Han characters beside it (up to
  ``MAX_GAP``) that neither form a word with the text on their other side nor are a
  common word by themselves (与, 的): ``季帧⒕际?``.

Japanese and Korean passages (``passages.foreign_passages``, the importer's own rule
of where another language is) are not Chinese text with odd characters in it: there
only U+FFFD and Private Use Area codes are damage.

Each lost character is its own span (each needs its own repair); a run is one span.
Every run and stray byte is read again with its byte pairs realigned; the reading is
reported when words of jieba's dictionary cover more of it than of the text as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from translate_kit.importer.charset import is_common_han, is_han, to_simplified
from translate_kit.importer.passages import MAX_ODD_RUN, Passage, foreign_passages
from translate_kit.importer.pinyin import is_toned_pinyin
from translate_kit.importer.words import frequencies

_MARK = re.compile(r"[\ufffd\ufffc]+|\?+")
_HINT = re.compile(r"\(?([^\W\d_]{1,7})\)")
_QUESTION_PARTICLES = set("嗎吗呢麼么")
STRAY_BYTES = frozenset("@[\\]^_`{|}~")
"""ASCII characters that are GBK second bytes and never stand between Han characters."""
_FOREIGN_IN_HAN = (("\u2460", "\u24ff"), ("\u2500", "\u257f"))  # enclosed alphanumerics, box drawing
_PRIVATE_USE = (("\ue000", "\uf8ff"), ("\U000f0000", "\U0010ffff"))
_KANA_HANGUL = (("\u3041", "\u3096"), ("\u309d", "\u309f"), ("\u30a1", "\u30fa"),
                ("\u30fc", "\u30ff"), ("\u31f0", "\u31ff"), ("\u1100", "\u11ff"),
                ("\u3131", "\u318e"), ("\uac00", "\ud7a3"))
_PARTICLES = frozenset("のはがをにでともへや")
"""Japanese particles: one of them between Han characters is a word (進擊の巨人)."""
_KANA_HANGUL_RUN = re.compile("[" + "".join(f"{low}-{high}" for low, high in _KANA_HANGUL) + "]+")
MAX_GAP = 2
MIN_SUSPECTS = 2
MAX_WORD = 4
MAX_BRACKETED = 20
COMMON_WORD = 10_000
"""jieba frequency (of some 60 million) from which one character is a word on its own."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    detail: str
    hint: str = ""
    """The pinyin that survived a lost character (``fù`` of ``?fù)``)."""
    core: tuple[tuple[int, int], ...] = ()
    """A run's stretches between its lost characters: the text read again realigned."""


@dataclass(frozen=True)
class _Member:
    """A suspect stretch of text: ``foreign``, ``stray``, ``tilde``, ``rare``, ``letter``
    or ``lost``."""

    start: int
    end: int
    kind: str
    detail: str = ""
    hint: str = ""


def find_garbled(text: str, passages: Sequence[Passage] | None = None) -> list[Span]:
    """The damaged spans of one paragraph, in order, not overlapping.

    ``passages`` are its Japanese and Korean passages when the caller has them (found
    with the article's language); by default they are found here.
    """
    if passages is None:
        passages = foreign_passages(text)
    members = sorted(_lost_characters(text) + _stray_bytes(text) + _suspects(text),
                     key=lambda m: m.start)
    members = [m for m in members
               if _damaged_in_any_script(text, m) or not _within_any(m.start, passages)]
    spans: list[Span] = []
    for cluster in _clusters(text, members):
        kinds = Counter(m.kind for m in cluster)
        odd = kinds["rare"] + kinds["stray"] + kinds["tilde"] + _letters_by_rare(cluster)
        if kinds["foreign"] or (odd and odd + kinds["lost"] >= MIN_SUSPECTS):
            widen = bool(kinds["foreign"]) and not _within_any(cluster[0].start, passages)
            run = _run(text, cluster, widen)
            if spans and run.start < spans[-1].end:  # two runs widened into each other
                run = _joined(spans.pop(), run)
            spans.append(run)
        else:
            spans += [Span(m.start, m.end, m.detail, m.hint)
                      for m in cluster if m.kind in ("lost", "stray")]
    return spans


def _joined(first: Span, second: Span) -> Span:
    """One run of two that overlap (``\ue5e5范范范\ue5e5``: each took in the Han characters
    between them), its stretches joined where they meet."""
    core: list[tuple[int, int]] = []
    for start, end in sorted(first.core + second.core):
        if core and start <= core[-1][1]:
            core[-1] = (core[-1][0], max(core[-1][1], end))
        else:
            core.append((start, end))
    return Span(first.start, max(first.end, second.end), first.detail, first.hint, tuple(core))


def _letters_by_rare(cluster: list[_Member]) -> int:
    """Wedged letters touching a rare character (笈c): a GBK second byte read as ASCII."""
    rare = {m.start for m in cluster if m.kind == "rare"} | {m.end for m in cluster if m.kind == "rare"}
    return sum(m.kind == "letter" and (m.start in rare or m.end in rare) for m in cluster)


def _within_any(i: int, passages: Sequence[Passage]) -> bool:
    return any(p.start <= i < p.end for p in passages)


def _damaged_in_any_script(text: str, member: _Member) -> bool:
    """U+FFFD and Private Use Area codes: damage in Japanese and Korean text too."""
    char = text[member.start]
    return char == "\ufffd" or _within(char, _PRIVATE_USE)


def _clusters(text: str, members: list[_Member]) -> list[list[_Member]]:
    clusters: list[list[_Member]] = []
    for member in members:
        last = clusters[-1][-1] if clusters else None
        gap = text[last.end:member.start] if last else None
        if gap is not None and len(gap) <= MAX_GAP and all(map(is_han, gap)):
            clusters[-1].append(member)
        else:
            clusters.append([member])
    return clusters


def _run(text: str, cluster: list[_Member], widen: bool) -> Span:
    start, end = cluster[0].start, cluster[-1].end
    if widen:
        start, end = _widen(text, start, end)
    lost = [m for m in cluster if m.kind == "lost"]
    pieces, last = [], start  # the run without its lost characters and their hints
    for member in lost:
        pieces.append((last, member.start))
        last = member.end
    pieces = [(a, b) for a, b in [*pieces, (last, end)] if b > a]
    core = "".join(text[a:b] for a, b in pieces)
    return Span(start, end, "; ".join([_misaligned_detail(core), *(m.detail for m in lost)]),
                core=tuple(pieces))


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the Han characters beside a run that form no word with the text beyond."""
    low, high = max(0, start - MAX_GAP), min(len(text), end + MAX_GAP)
    while start > low and is_han(text[start - 1]) and not _in_word(text, start - 1, before=True):
        start -= 1
    while end < high and is_han(text[end]) and not _in_word(text, end, before=False):
        end += 1
    return start, end


def _in_word(text: str, i: int, before: bool) -> bool:
    """Whether ``text[i]`` is a common word, or ends (``before``) or starts one."""
    if _frequency(text[i]) >= COMMON_WORD:
        return True
    if before:
        return any(_is_word(text[i - n + 1:i + 1]) for n in range(2, min(MAX_WORD, i + 1) + 1))
    return any(_is_word(text[i:i + n]) for n in range(2, min(MAX_WORD, len(text) - i) + 1))


def _lost_characters(text: str) -> list[_Member]:
    found: list[_Member] = []
    for mark in _MARK.finditer(text):
        end, detail, syllable = mark.end(), "lost character", ""
        hint = _HINT.match(text, end)
        if hint and is_toned_pinyin(hint[1]):
            end, detail, syllable = hint.end(), f"lost character, pinyin hint {hint[1]}", hint[1]
        if mark[0].startswith("?") and not _is_lost_question_mark(text, mark.start(), end, found):
            continue
        found.append(_Member(mark.start(), end, "lost", detail, syllable))
    return found


def _is_lost_question_mark(text: str, start: int, end: int, found: list[_Member]) -> bool:
    before = text[start - 1] if start else ""
    after_lost = bool(found) and found[-1].end == start
    if not (after_lost or is_han(before)) or before in _QUESTION_PARTICLES:
        return False
    has_hint = end > start + 1 and text[start + 1:end].rstrip(")").lstrip("(?").isalpha()
    return has_hint or (end < len(text) and is_han(text[end]))


def _stray_bytes(text: str) -> list[_Member]:
    found = []
    for i in range(1, len(text) - 1):
        before, char, after = text[i - 1], text[i], text[i + 1]
        if (char in STRAY_BYTES and is_han(after) and (is_han(before) or before.isdigit())
                and not _bracketed(text, i)):
            # A lone tilde is a range or a drawl as people write them (4~5帳, 事~差點):
            # damage only beside other damage.
            found.append(_Member(i, i + 1, "tilde" if char == "~" else "stray",
                                 _stray_detail(text, i)))
    return found


def _bracketed(text: str, i: int) -> bool:
    """Whether the character at ``i`` has a partner close by: ``[注]``, ``_底線_`` are no damage."""
    pairs = {"[": "]", "{": "}"}
    char, near = text[i], MAX_BRACKETED
    if char in pairs:
        return pairs[char] in text[i + 1:i + 1 + near]
    if char in pairs.values():
        opening = next(o for o, c in pairs.items() if c == char)
        return opening in text[max(0, i - near):i]
    return char in text[max(0, i - near):i] + text[i + 1:i + 1 + near]


def _suspects(text: str) -> list[_Member]:
    found = []
    for i, char in enumerate(text):
        if _within(char, _PRIVATE_USE) or (_within(char, _FOREIGN_IN_HAN) and _inside_han(text, i)):
            found.append(_Member(i, i + 1, "foreign"))
        elif is_han(char) and not is_common_han(char) and not _in_word_here(text, i):
            found.append(_Member(i, i + 1, "rare"))
        elif _is_wedged_letter(text, i):
            found.append(_Member(i, i + 1, "letter"))
    for run in _KANA_HANGUL_RUN.finditer(text):
        if (len(run[0]) <= MAX_ODD_RUN and run[0] not in _PARTICLES
                and _inside_han(text, run.start(), run.end())):
            found += [_Member(i, i + 1, "rare") for i in range(run.start(), run.end())]
    return found


def _in_word_here(text: str, i: int) -> bool:
    """Whether ``text[i]`` repeats a neighbour (湿漉漉) or makes a word with them."""
    if text[i] in text[max(0, i - 1):i] + text[i + 1:i + 2]:
        return True
    return any(_is_word(text[start:start + n]) for n in range(2, MAX_WORD + 1)
               for start in range(max(0, i - n + 1), min(i, len(text) - n) + 1))


def _within(char: str, ranges: tuple[tuple[str, str], ...]) -> bool:
    return any(low <= char <= high for low, high in ranges)


def _inside_han(text: str, start: int, end: int | None = None) -> bool:
    """Han text (or other damage) on both sides of ``text[start:end]`` (one character)."""
    def damaged_or_han(char: str) -> bool:
        return is_han(char) or char in "?\ufffd" or _within(
            char, _PRIVATE_USE + _FOREIGN_IN_HAN + _KANA_HANGUL)

    end = start + 1 if end is None else end
    return 0 < start and end < len(text) and damaged_or_han(text[start - 1]) and damaged_or_han(text[end])


def _is_wedged_letter(text: str, i: int) -> bool:
    """A lone ASCII letter between Han characters."""
    return (text[i].isascii() and text[i].isalpha() and 0 < i < len(text) - 1
            and is_han(text[i - 1]) and is_han(text[i + 1]))


def _misaligned_detail(core: str) -> str:
    """Say what the run reads as when its GBK bytes are realigned by one byte."""
    detail = "misaligned double-byte text"
    try:
        shifted = core.encode("gb18030")[1:].decode("gb18030", errors="replace")
    except UnicodeEncodeError:
        return detail
    shifted = shifted.replace("\ufffd", "")
    if _plausibility(shifted) > _plausibility(core):
        detail += f", realigned by one byte: {shifted}"
    return detail


def _stray_detail(text: str, i: int) -> str:
    """The character whose second byte the stray one is, when it makes a word in place."""
    detail = "stray byte of a lost double-byte character"
    best = (0, "", "")
    for char in _characters_ending_in(text[i]):
        for before in range(MAX_WORD):
            for after in range(MAX_WORD - before):
                word = text[max(0, i - before):i] + char + text[i + 1:i + 1 + after]
                if len(word) > 1 and _frequency(word) > best[0]:
                    best = (_frequency(word), char, word)
    _, char, word = best
    return f"{detail}, likely {char} ({word})" if word else detail


@cache
def _characters_ending_in(byte: str) -> tuple[str, ...]:
    """Han characters whose GBK code ends in the byte ``byte``."""
    chars = []
    for lead in range(0x81, 0xFF):
        try:
            char = bytes([lead, ord(byte)]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if is_han(char):
            chars.append(char)
    return tuple(chars)


def _plausibility(text: str) -> float:
    """Share of the Han characters of ``text`` that words of two or more characters cover."""
    han = sum(map(is_han, text))
    if not han:
        return 0.0
    covered = [0] * (len(text) + 1)  # covered[i]: most characters covered in text[:i]
    for i in range(1, len(text) + 1):
        covered[i] = covered[i - 1]
        for n in range(2, min(MAX_WORD, i) + 1):
            if _is_word(text[i - n:i]):
                covered[i] = max(covered[i], covered[i - n] + n)
    return covered[-1] / han


def _is_word(text: str) -> bool:
    return _frequency(text) > 0


def _frequency(text: str) -> int:
    if not all(map(is_han, text)):
        return 0
    return frequencies().get(to_simplified(text)) or 0
