"""Repair the simplified characters a naive script converter left in traditional text.

A character-by-character converter cannot choose between the traditional characters
one simplified character stands for, so it leaves that character as it was: 后 for 後,
干 for 幹 or 乾, 发 for 發 or 髮, 面 for 麵, 台 for 颱, 系 for 係 or 繫.  Only the word
around it decides, and OpenCC's phrase dictionaries know the words.  Each text is
converted to simplified (``t2s``) and back with the project's standard (``s2tw`` by
default, see ``ProjectConfig.repair_standard``), and compared with itself.  A difference
is a candidate repair only where

* the text's character is a simplified form: OpenCC simplifies another character to it
  and it stays itself in this context (爲, 裏, 啓 are only traditional: never touched);
* the two characters are not regional variants of one character (OpenCC's variant
  dictionaries) of which the standard accepts the text's own: 台 stays in 台灣.

Proper traditional text can still differ from OpenCC (宣布, 村里, 不准), so candidates are
repaired only in a document that shows a naive converter's traces: a simplified-only
character (one that Big5, the traditional character set, lacks), or at least
``MIN_KINDS`` kinds of leftover (后→後, 于→於...) whose traditional form the document
never uses.  Text typed in traditional script or converted phrase by phrase imports as
it is; a simplified-only character is repaired in any document.

``locale/<source edition>/repairs.txt`` (OpenCC's text format: ``phrase<TAB>traditional``,
the phrase in either script) goes into OpenCC's own dictionary chain in front of its
phrases, so it decides like them: ``依托<TAB>依託`` forces a repair wherever the phrase
occurs, ``范姜<TAB>范姜`` forbids one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import opencc

from translate_kit.config import ProjectConfig
from translate_kit.errors import ConfigError
from translate_kit.importer.charset import to_simplified
from translate_kit.script import HAN_RANGES, phrase_converter, read_phrases

REPAIRS_FILE = "repairs.txt"
MIN_KINDS = 3
"""Kinds of leftover that mark a document as naively converted: proper traditional text
that disagrees with OpenCC does so in a word or two (宣布, 了解), not across the board."""
MAX_PHRASE = 8
VARIANT_CONFIGS = ("t2tw.json", "tw2t.json", "t2hk.json", "hk2t.json")


@dataclass(frozen=True)
class Change:
    """One repaired character: its offset in the text, and the phrase that decided it."""

    start: int
    before: str
    after: str
    phrase: str
    """The repaired text around it that OpenCC converts as one phrase (the character
    itself when its own default form decided)."""


@dataclass(frozen=True)
class _Candidate:
    start: int
    before: str
    after: str
    forced: bool


@dataclass(frozen=True)
class _Proposal:
    simplified: str
    standard: str
    candidates: tuple[_Candidate, ...]
    agreeing: Counter[str]
    """Characters the text already has as the standard wants them, with their counts."""


class Repairer:
    """Repairs documents to one OpenCC standard, with a project's forced phrases."""

    def __init__(self, standard: str, phrases: tuple[tuple[str, str], ...], cache_dir: Path) -> None:
        self._to_standard = phrase_converter(f"s2{standard}.json", phrases, cache_dir)
        self._accepts = _converter(f"t2{standard}.json") if standard != "t" else None
        self._forced = tuple(source for source, _ in phrases)

    def repair(self, texts: Sequence[str]) -> list[tuple[str, tuple[Change, ...]]]:
        """Each text of one document repaired, with its changes (none when it needs none)."""
        proposals = [self._propose(text) for text in texts]
        candidates = [c for p in proposals for c in p.candidates]
        agreeing = sum((p.agreeing for p in proposals), Counter())
        naive = _looks_naively_converted(candidates, agreeing)
        results = []
        for text, proposal in zip(texts, proposals):
            accepted = [c for c in proposal.candidates if naive or c.forced or not in_big5(c.before)]
            chars = list(text)
            for candidate in accepted:
                chars[candidate.start] = candidate.after
            changes = tuple(
                Change(c.start, c.before, c.after, self._deciding_phrase(proposal, c.start))
                for c in accepted)
            results.append(("".join(chars), changes))
        return results

    def _propose(self, text: str) -> _Proposal:
        simplified = to_simplified(text)
        standard = self._to_standard.convert(simplified)
        if not len(text) == len(simplified) == len(standard):
            return _Proposal(simplified, standard, (), Counter())  # OpenCC keeps lengths
        forced = self._forced_positions(simplified)
        candidates, agreeing = [], Counter()
        for i, (char, simple, wanted) in enumerate(zip(text, simplified, standard)):
            if char == wanted:
                agreeing[char] += 1
            elif simple == char and char in simplified_forms() and (
                    i in forced or not self._variant_kept(char, wanted)):
                candidates.append(_Candidate(i, char, wanted, i in forced))
        return _Proposal(simplified, standard, tuple(candidates), agreeing)

    def _forced_positions(self, simplified: str) -> set[int]:
        positions = set()
        for phrase in self._forced:
            start = simplified.find(phrase)
            while start >= 0:
                positions.update(range(start, start + len(phrase)))
                start = simplified.find(phrase, start + 1)
        return positions

    def _variant_kept(self, char: str, wanted: str) -> bool:
        """Whether ``char`` is a variant of ``wanted`` that the standard accepts as it is."""
        accepted = self._accepts is None or self._accepts.convert(char) == char
        return accepted and are_variants(char, wanted)

    def _deciding_phrase(self, proposal: _Proposal, i: int) -> str:
        """The shortest stretch around ``i`` that OpenCC alone converts as in context."""
        text, wanted = proposal.simplified, proposal.standard
        for length in range(1, MAX_PHRASE + 1):
            for start in range(max(0, i - length + 1), min(i, len(text) - length) + 1):
                converted = self._to_standard.convert(text[start:start + length])
                if converted[i - start] == wanted[i]:
                    return wanted[start:start + length]
        return wanted[i]


def _looks_naively_converted(candidates: list[_Candidate], agreeing: Counter[str]) -> bool:
    if any(not in_big5(c.before) for c in candidates):
        return True
    kinds = {(c.before, c.after) for c in candidates if not agreeing[c.after]}
    return len(kinds) >= MIN_KINDS


def in_big5(char: str) -> bool:
    """Whether Big5, the character set of traditional-script text, has ``char``."""
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _simplified_pairs() -> tuple[tuple[str, str], ...]:
    """(character, its t2s form) of every Han character that t2s changes on its own."""
    chars = [chr(code) for low, high in HAN_RANGES for code in range(ord(low), ord(high) + 1)]
    simplified = to_simplified("\n".join(chars)).split("\n")
    return tuple((t, s) for t, s in zip(chars, simplified) if s != t)


@cache
def simplified_forms() -> frozenset[str]:
    """Characters OpenCC's t2s makes of some other character: the simplified forms."""
    return frozenset(s for _, s in _simplified_pairs() if len(s) == 1)


@cache
def traditional_forms() -> frozenset[str]:
    """Characters OpenCC's t2s changes: forms only traditional script uses."""
    return frozenset(t for t, _ in _simplified_pairs())


@lru_cache(maxsize=None)
def are_variants(a: str, b: str) -> bool:
    """Whether one of OpenCC's regional variant dictionaries maps ``a`` to ``b`` or back."""
    return any(_converter(name).convert(a) == b or _converter(name).convert(b) == a
               for name in VARIANT_CONFIGS)


@cache
def _converter(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)


def repairs_path(config: ProjectConfig) -> Path:
    """``locale/<source edition>/repairs.txt`` (it need not exist)."""
    return config.locale_dir / config.source_edition.locale_name / REPAIRS_FILE


def read_repairs(path: Path) -> tuple[tuple[str, str], ...]:
    """repairs.txt as (simplified phrase, traditional) pairs, the form OpenCC matches.

    A line whose two sides are not one text in two scripts is an error: a repair
    changes characters, never words.
    """
    pairs = {to_simplified(source): wanted for source, wanted in read_phrases(path).items()}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        source, _, wanted = (part.strip() for part in line.partition("\t"))
        if not wanted or line.lstrip().startswith("#"):
            continue
        if len(source) != len(wanted) or to_simplified(source) != to_simplified(wanted):
            raise ConfigError(f"{wanted!r} is not {source!r} in another script: a repair "
                              "changes characters, never words", path, number)
    return tuple(pairs.items())


def repairer_for(config: ProjectConfig) -> Repairer:
    """The project's repairer: its standard and its repairs.txt, if there is one."""
    path = repairs_path(config)
    phrases = read_repairs(path) if path.is_file() else ()
    return Repairer(config.repair_standard, phrases, config.cache_dir("opencc"))
