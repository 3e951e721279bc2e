"""Translation memory: reuse what translators already wrote anywhere in the project.

An identical source text translated in another document is filled in as is; a similar
one (normalised longest-common-subsequence ratio, as rapidfuzz's ``fuzz.ratio``, at or
above a threshold) is offered as a fuzzy suggestion, which the build never publishes
until a translator confirms it.  rapidfuzz compares in C.

Every update looks up every untranslated message among every translation, so its cost
grows with the product of the two: 11 s of a 28 s update at 800 articles, minutes at
5,000.  Between two updates a few messages and translations are new, so the memory can
be given what an earlier run found (``SimilarFound``): for a message looked up then, it
compares only the texts translated since, and keeps from the earlier matches those
still translated.  The suggestion is the same as comparing with every text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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


@dataclass
class SimilarFound:
    """What lookups found: for each text looked up at a threshold, every remembered text
    at or above it (with its ratio), among ``compared``, the texts there were to compare."""

    compared: frozenset[str] = frozenset()
    found: dict[float, dict[str, list[tuple[str, float]]]] = field(default_factory=dict)


class TranslationMemory:
    """Source texts and their translations, searchable exactly and by similarity."""

    def __init__(self, pairs: Iterable[tuple[MessageText, MessageText]] = (),
                 earlier: SimilarFound | None = None) -> None:
        self._exact: dict[MessageText, MessageText] = {}
        for msgid, msgstr in pairs:
            self._exact.setdefault(msgid, msgstr)
        self._texts = [(i, s) for i, s in self._exact.items() if isinstance(i, str)]
        self._choices = [text for text, _ in self._texts]
        self._earlier = earlier or SimilarFound()
        self._now = SimilarFound(frozenset(self._choices))
        self._positions: dict[str, int] | None = None
        self._unseen: list[str] | None = None

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[Catalog],
                      earlier: SimilarFound | None = None) -> TranslationMemory:
        """Confirmed (not fuzzy) translations of the catalogs, active entries before obsolete ones."""
        catalogs = list(catalogs)
        active = [m for c in catalogs for m in c]
        obsolete = [m for c in catalogs for m in c.obsolete.values()]
        return cls(
            ((m.id, m.string) for m in (*active, *obsolete)
             if is_translated(m) and not m.fuzzy),
            earlier,
        )

    def exact(self, msgid: MessageText) -> MessageText | None:
        return self._exact.get(msgid)

    def closest(self, msgid: MessageText, threshold: float) -> Match | None:
        """The most similar remembered source text with ratio >= threshold (first wins ties)."""
        if not isinstance(msgid, str) or not msgid:
            return None
        found = self._similar(msgid, threshold)
        self._now.found.setdefault(threshold, {})[msgid] = found
        positions = self._position()
        best = min(((-score, positions[text]) for text, score in found
                    if text != msgid), default=None)  # msgid itself is no suggestion
        if best is None:
            return None
        text, translation = self._texts[best[1]]
        return Match(text, translation, -best[0] / 100)

    def found(self) -> SimilarFound:
        """What this memory's lookups found, for the next run to start from."""
        return self._now

    def _similar(self, msgid: str, threshold: float) -> list[tuple[str, float]]:
        """Every remembered text with ratio >= threshold, and its ratio."""
        earlier = self._earlier.found.get(threshold, {}).get(msgid)
        if earlier is None:
            return _at_least(msgid, self._choices, threshold)
        positions = self._position()
        kept = [(text, score) for text, score in earlier if text in positions]
        return kept + _at_least(msgid, self._texts_unseen(), threshold)

    def _position(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {text: index for index, text in enumerate(self._choices)}
        return self._positions

    def _texts_unseen(self) -> list[str]:
        """The texts the earlier run did not have to compare."""
        if self._unseen is None:
            self._unseen = [text for text in self._choices if text not in self._earlier.compared]
        return self._unseen


def _at_least(msgid: str, texts: Sequence[str], threshold: float) -> list[tuple[str, float]]:
    return [(text, score) for text, score, _ in
            process.extract(msgid, texts, scorer=fuzz.ratio, score_cutoff=threshold * 100,
                            limit=None)]
