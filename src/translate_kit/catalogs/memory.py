"""Translation memory: reuse what translators already wrote anywhere in the project.

An identical source text translated in another document is filled in as is; a similar
one (normalised longest-common-subsequence ratio, as rapidfuzz's ``fuzz.ratio``, at or
above a threshold) is offered as a fuzzy suggestion, which the build never publishes
until a translator confirms it.  rapidfuzz compares in C, so looking up every message of
a large project against every translation stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from babel.messages.catalog import Catalog
from rapidfuzz import fuzz, process

from translate_kit.catalogs.pofile_io import is_translated

MessageText = str | tuple[str, ...]


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
        self._choices = [text for text, _ in self._texts]

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[Catalog]) -> TranslationMemory:
        """Confirmed (not fuzzy) translations of the catalogs, active entries before obsolete ones."""
        catalogs = list(catalogs)
        active = [m for c in catalogs for m in c]
        obsolete = [m for c in catalogs for m in c.obsolete.values()]
        return cls(
            (m.id, m.string) for m in (*active, *obsolete)
            if is_translated(m) and not m.fuzzy
        )

    def exact(self, msgid: MessageText) -> MessageText | None:
        return self._exact.get(msgid)

    def closest(self, msgid: MessageText, threshold: float) -> Match | None:
        """The most similar remembered source text with ratio >= threshold (first wins ties)."""
        if not isinstance(msgid, str) or not msgid:
            return None
        # Two candidates: the best may be msgid itself, which is not a suggestion.
        found = process.extract(msgid, self._choices, scorer=fuzz.ratio,
                                score_cutoff=threshold * 100, limit=2)
        for _text, score, index in found:
            text, translation = self._texts[index]
            if text != msgid:
                return Match(text, translation, score / 100)
        return None
