"""Japanese and Korean passages: found, so that no rule meant for Chinese touches them.

Kana make a sentence Japanese, Hangul make it Korean.  A Japanese sentence is taken
whole, up to and including its full stop, because its kanji belong to it (築, 長, 万 are
Japanese forms, not characters to repair or convert); when it is quoted inside a
Chinese sentence (他說：「今日は…」), the passage is the quotation.  Korean is written
with ASCII punctuation and spaces, and seldom with Han characters: a Korean passage
runs from the first to the last Hangul syllable between two Chinese punctuation marks
or Han characters (so Chinese text between two Korean sentences is never in one),
with the ASCII full stop or question mark that ends it; in an article written in Korean
the Han characters are Hanja, and a passage runs across them, though not across a
sentence of Han characters without Hangul, which is Chinese.  The katakana middle dot and
the prolonged sound mark count for neither, as Chinese transliterations use them too,
and a kana or two among many Han characters are damage, not Japanese; so is a short run
of kana or Hangul wedged between two Han characters (``MAX_ODD_RUN``) when it is all the
foreign text of its sentence.

This is the one rule of where another language is: the importer keeps these passages
as they arrived, and the damage check (``garbled``) flags nothing in them but U+FFFD
and Private Use Area codes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate_kit.script import is_han

_KANA = re.compile(r"[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*|[。！？!?]+")
_KOREAN_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*|[.?!]+")
_CHINESE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\n]")
_OPENERS = "「『“（(：:"
_CLOSERS = "」』”）)"
MIN_KANA = 2
"""Kana a sentence needs to be Japanese: one alone may be a stray symbol."""
MIN_KANA_SHARE = 0.2
"""Share of kana among the kana and Han characters of a Japanese passage: Japanese prose
has a third or more, whereas GBK text read one byte off (damage, see ``garbled``) leaves
a kana or two among many Han characters."""
MAX_ODD_RUN = 3
"""Longest run of kana or Hangul between two Han characters that is damage when nothing
else in its sentence is foreign (在東京ぁゥ際, 總統윤석열表示): a word of Japanese or
Korean quoted in Chinese has more around it."""


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    language: str
    """BCP 47 language tag: ``ja`` or ``ko``."""


def foreign_passages(text: str, article_language: str | None = None) -> list[Passage]:
    """The Japanese and Korean passages of ``text``, in order, not overlapping.

    In an article written in Japanese (``article_language="ja"``, see ``article_language``)
    one kana makes a sentence Japanese (築地市場の歴史): there is no Chinese text around
    it that damage could come from.  In an article written in Korean (``"ko"``) Han
    characters are Korean too (Hanja: 大韓民國의 主權은), so a passage runs across them.

    Adjacent passages of one language (sentences apart by one space or none) are one.
    """
    found = sorted(_japanese(text, article_language == "ja")
                   + _korean(text, article_language == "ko"),
                   key=lambda p: p.start)
    merged: list[Passage] = []
    for passage in found:
        if merged and merged[-1].end > passage.start:
            continue  # Korean inside a Japanese sentence stays with it
        if (merged and merged[-1].language == passage.language
                and text[merged[-1].end:passage.start] in ("", " ", "\u3000")):
            merged[-1] = Passage(merged[-1].start, passage.end, passage.language)
        else:
            merged.append(passage)
    return merged


def _japanese(text: str, in_japanese: bool) -> list[Passage]:
    passages = []
    for sentence in _SENTENCE.finditer(text):
        kana = [m.start() for m in _KANA.finditer(sentence[0])]
        if len(kana) < (1 if in_japanese else MIN_KANA):
            continue
        if not in_japanese and _odd_run(text, sentence.start() + kana[0],
                                        sentence.start() + kana[-1] + 1):
            continue
        body = sentence[0]
        start, end = 0, len(body.rstrip())
        openers = [i for i in range(kana[0]) if body[i] in _OPENERS]
        if openers:
            start = openers[-1] + 1
        closers = [i for i in range(kana[-1], end) if body[i] in _CLOSERS]
        if closers and start > 0:
            end = closers[0]
        korean_before = [m.end() for m in _HANGUL.finditer(body, start, kana[0])]
        if korean_before:  # a Korean sentence ended with an ASCII full stop
            start = korean_before[-1]
            while body[start] in ".?!":
                start += 1
        korean_after = _HANGUL.search(body, kana[-1], end)
        if korean_after:
            end = len(body[:korean_after.start()].rstrip())
        start += len(body[start:end]) - len(body[start:end].lstrip())
        kana_count = len(_KANA.findall(body[start:end]))
        han_count = sum(map(is_han, body[start:end]))
        if not in_japanese and kana_count < MIN_KANA_SHARE * (kana_count + han_count):
            continue
        passages.append(Passage(sentence.start() + start, sentence.start() + end, "ja"))
    return passages


def _korean(text: str, in_korean: bool) -> list[Passage]:
    passages = []
    for start, end in _korean_stretches(text, in_korean):
        chunk = text[start:end]
        syllables = [m.start() for m in _HANGUL.finditer(chunk)]
        if syllables and (in_korean or not _odd_run(text, start, end)):
            first = len(chunk) - len(chunk.lstrip()) if in_korean else syllables[0]
            stop = syllables[-1] + 1
            while stop < len(chunk) and chunk[stop] in ".?!":
                stop += 1
            passages.append(Passage(start + first, start + stop, "ko"))
    return passages


def _korean_stretches(text: str, in_korean: bool) -> list[tuple[int, int]]:
    """The stretches of ``text`` that one Korean passage may span: between two Chinese
    punctuation marks or Han characters, and in an article written in Korean (where Han
    characters are Hanja) between Chinese punctuation and the sentences that are Chinese,
    with Han characters and no Hangul (他說, 我們會繼續努力!)."""
    boundaries = [i for i, char in enumerate(text)
                  if (is_han(char) and not in_korean) or _CHINESE_PUNCTUATION.match(char)]
    stretches, last = [], 0
    for end in [*boundaries, len(text)]:
        if in_korean:
            for sentence in _KOREAN_SENTENCE.finditer(text, last, end):
                if any(map(is_han, sentence[0])) and not _HANGUL.search(sentence[0]):
                    stretches.append((last, sentence.start()))
                    last = sentence.end()
        stretches.append((last, end))
        last = end + 1
    return stretches


def _odd_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a short run of kana or Hangul wedged between two
    Han characters, the only foreign text of its sentence: what misaligned double-byte
    text leaves, not a language."""
    run = text[start:end]
    if not (0 < start and end < len(text) and 0 < len(run) <= MAX_ODD_RUN
            and all(_KANA.match(c) or _HANGUL.match(c) for c in run)
            and is_han(text[start - 1]) and is_han(text[end])):
        return False
    sentence = next(m for m in _SENTENCE.finditer(text) if m.start() <= start < m.end())
    outside = text[sentence.start():start] + text[end:sentence.end()]
    return not (_KANA.search(outside) or _HANGUL.search(outside))


def article_language(texts: Sequence[str]) -> str | None:
    """``ja`` or ``ko`` when passages of that language hold most of an article's text."""
    sizes = {"ja": 0, "ko": 0}
    total = 0
    for text in texts:
        total += sum(not c.isspace() for c in text)
        for passage in foreign_passages(text):
            sizes[passage.language] += sum(not c.isspace() for c in text[passage.start:passage.end])
    language = max(sizes, key=lambda name: sizes[name])
    return language if total and sizes[language] * 2 > total else None
