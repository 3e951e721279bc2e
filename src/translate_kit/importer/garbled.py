"""Find text damaged by encoding errors, so that it is flagged rather than "cleaned".

Two kinds of damage survive in the sources:

* A **lost character**: a byte pair that could not be decoded became U+FFFD or ``?``.
  The ``(`` of the pinyin annotation after it is often swallowed too, leaving a hint such
  as ``?fù)`` that tells an editor which character was there.  A ``?`` counts as lost
  when it sits after a Han character (or another lost character) and before a Han
  character or such a hint, unless it follows a question particle (``嗎?``).
* A **misaligned run**: GBK text read one byte off pairs each character's second byte
  with the next one's first byte.  Those pairs are close to random, and about five in
  six GBK codes lie outside GB2312 level 1, whereas real prose has well under one such
  rare character per hundred.  So a cluster of at least two rare characters (at most two
  ordinary Han characters apart, with lone Latin letters wedged between Han characters
  also counting as suspects) is a misaligned run.  Lost characters touching a run are
  part of it: the reader lost step there.

Each lost character is its own span (each needs its own repair); a run is one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate_kit.importer.charset import is_common_han, is_han
from translate_kit.importer.pinyin import is_toned_pinyin

_MARK = re.compile(r"[\ufffd\ufffc]+|\?+")
_HINT = re.compile(r"\(?([^\W\d_]{1,7})\)")
_QUESTION_PARTICLES = set("嗎吗呢麼么")
MAX_GAP = 2
MIN_RARE = 2


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    detail: str


def find_garbled(text: str) -> list[Span]:
    """The damaged spans of one paragraph, in order, not overlapping."""
    lost = _lost_characters(text)
    spans = []
    for start, end in _misaligned_runs(text):
        touching = [s for s in lost if s.end == start or s.start == end]
        details = [_misaligned_detail(text[start:end]), *(s.detail for s in touching)]
        for s in touching:
            lost.remove(s)
        start = min([start, *(s.start for s in touching)])
        end = max([end, *(s.end for s in touching)])
        spans.append(Span(start, end, "; ".join(details)))
    return sorted(spans + lost, key=lambda s: s.start)


def _lost_characters(text: str) -> list[Span]:
    spans: list[Span] = []
    for mark in _MARK.finditer(text):
        end, detail = mark.end(), "lost character"
        hint = _HINT.match(text, end)
        if hint and is_toned_pinyin(hint[1]):
            end, detail = hint.end(), f"lost character, pinyin hint {hint[1]}"
        if mark[0].startswith("?") and not _is_lost_question_mark(text, mark.start(), end, spans):
            continue
        spans.append(Span(mark.start(), end, detail))
    return spans


def _is_lost_question_mark(text: str, start: int, end: int, found: list[Span]) -> bool:
    before = text[start - 1] if start else ""
    after_lost = bool(found) and found[-1].end == start
    if not (after_lost or is_han(before)) or before in _QUESTION_PARTICLES:
        return False
    has_hint = end > start + 1 and text[start + 1:end].rstrip(")").lstrip("(?").isalpha()
    return has_hint or (end < len(text) and is_han(text[end]))


def _is_rare(text: str, i: int) -> bool:
    return is_han(text[i]) and not is_common_han(text[i])


def _is_suspect(text: str, i: int) -> bool:
    """A rare Han character, or a lone ASCII letter wedged between Han characters."""
    if _is_rare(text, i):
        return True
    return (
        text[i].isascii() and text[i].isalpha() and 0 < i < len(text) - 1
        and is_han(text[i - 1]) and is_han(text[i + 1])
    )


def _misaligned_runs(text: str) -> list[tuple[int, int]]:
    runs: list[list[int]] = []
    for i in (i for i in range(len(text)) if _is_suspect(text, i)):
        last = runs[-1][-1] if runs else None
        if last is not None and i - last - 1 <= MAX_GAP and all(map(is_han, text[last + 1:i])):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [
        (run[0], run[-1] + 1) for run in runs
        if sum(_is_rare(text, i) for i in run) >= MIN_RARE
    ]


def _misaligned_detail(run: str) -> str:
    """Say what the run reads as when its GBK bytes are realigned by one byte."""
    detail = "misaligned double-byte text"
    try:
        shifted = run.encode("gb18030")[1:].decode("gb18030", errors="replace")
    except UnicodeEncodeError:
        return detail
    shifted = shifted.replace("\ufffd", "")
    if sum(map(is_common_han, shifted)) > sum(map(is_common_han, run)):
        detail += f", realigned by one byte: {shifted}"
    return detail
