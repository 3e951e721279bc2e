"""Translation memory: reuse what translators already wrote anywhere in the project.

An identical source text translated in another document is filled in as is; a similar
one (difflib ratio at or above a threshold) is offered as a fuzzy suggestion, which the
build never publishes until a translator confirms it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from babel.messages.catalog import Catalog, Message

MessageText = str | tuple[str, ...]


def is_translated(message: Message) -> bool:
    """True when every form of the msgstr is filled in (fuzzy or not)."""
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return bool(message.id) and all(strings)


@dataclass(frozen=True)
class Match:
    """A remembered translation of a source text similar to the one looked up."""

    msgid: MessageText
    msgstr: MessageText
    ratio: float


class TranslationMemory:
    """Source texts and their translations, searchable exactly and by similarity."""

    def __init__(self, pairs: Iterable[tuple[MessageText, MessageText]] = ()) -> None:
        self._exact: dict[MessageText, MessageText] = {}
        for msgid, msgstr in pairs:
            self._exact.setdefault(msgid, msgstr)
        self._texts = [(i, s) for i, s in self._exact.items() if isinstance(i, str)]

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[Catalog], include_fuzzy: bool = False) -> TranslationMemory:
        """Translations of the catalogs, active entries before obsolete ones."""
        catalogs = list(catalogs)
        active = [m for c in catalogs for m in c]
        obsolete = [m for c in catalogs for m in c.obsolete.values()]
        return cls(
            (m.id, m.string) for m in (*active, *obsolete)
            if is_translated(m) and (include_fuzzy or not m.fuzzy)
        )

    def __len__(self) -> int:
        return len(self._exact)

    def exact(self, msgid: MessageText) -> MessageText | None:
        return self._exact.get(msgid)

    def closest(self, msgid: MessageText, threshold: float) -> Match | None:
        """The most similar remembered source text with ratio >= threshold (first wins ties)."""
        if not isinstance(msgid, str) or not msgid:
            return None
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(msgid)  # SequenceMatcher caches its analysis of the second sequence
        best: Match | None = None
        for text, translation in self._texts:
            bound = 2 * min(len(text), len(msgid)) / (len(text) + len(msgid))
            floor = best.ratio if best else threshold
            if text == msgid or bound < floor:
                continue
            matcher.set_seq1(text)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            ratio = matcher.ratio()
            if ratio >= floor and (best is None or ratio > best.ratio):
                best = Match(text, translation, ratio)
        return best
