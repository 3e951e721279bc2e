"""Correction catalogs: per-message fixes of a script edition's automatic conversion.

A script edition (the simplified one) is converted by OpenCC; where that is wrong for one
passage, a translator corrects its message in ``locale/<locale_name>/LC_MESSAGES/<doc>.po``.
Unlike a translation catalog, a correction catalog holds only the messages somebody
corrected: ``update`` keeps those current (an edited source makes the correction fuzzy
with its previous msgid, a removed one obsolete) but never adds the others, and never
creates a catalog for a document nobody corrected.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from difflib import SequenceMatcher

from babel.messages.catalog import Catalog, Message
from rapidfuzz import fuzz

from translate_kit.catalogs.memory import TranslationMemory
from translate_kit.catalogs.merge import MergeResult, ScriptKey, merge
from translate_kit.catalogs.pofile_io import is_translated, iter_messages, message_text


def merge_corrections(template: Catalog, existing: Catalog,
                      script_key: ScriptKey | None = None) -> MergeResult:
    """``existing`` updated to ``template``'s messages, keeping only what was corrected.

    ``merge`` does the work (the same order of preference as for translations, without
    the project's translation memory: a correction belongs to its passage).  Of the
    active messages it returns, an entry stays when the catalog had it, or when it
    carries a correction over to the passage it was edited into (fuzzy, with the old
    text as previous msgid; the most similar one, if the old text resembles several).
    Every other message, a suggestion taken from a passage that is still there among
    them, is nobody's correction and is left out.  With ``script_key``, a passage that
    changed only by script keeps its correction as it is.
    """
    result = merge(template, existing, TranslationMemory(), script_key=script_key)
    had = {m.id for m in iter_messages(existing)} | {m.id for m in existing.obsolete.values()}
    new = [m for m in iter_messages(result.catalog) if m.id not in had]
    kept = _successors(new, {m.id for m in iter_messages(result.catalog)})
    for message in new:
        if message not in kept:
            result.catalog.delete(message.id, message.context)
    counts = dataclasses.replace(
        result.counts, from_memory=0, fuzzy_memory=0, untranslated=0,
        fuzzy_edited=sum(1 for m in kept if m.fuzzy),
    )
    return MergeResult(result.catalog, counts)


def _successors(new: list[Message], active: set[object]) -> list[Message]:
    """The new messages that carry a correction over from a passage that is gone."""
    kept: list[Message] = []
    closest: dict[tuple[str, ...], Message] = {}
    for message in new:
        if not is_translated(message) or set(message.previous_id) & active:
            continue
        if not message.previous_id:
            kept.append(message)  # the same correction under a new msgid, not a guess
            continue
        key = tuple(message.previous_id)
        if key not in closest or _likeness(message) > _likeness(closest[key]):
            closest[key] = message
    return kept + list(closest.values())


def _likeness(message: Message) -> float:
    return fuzz.ratio(message_text(message.id), message.previous_id[0])


def corrections(catalog: Catalog) -> tuple[int, int]:
    """(corrections that apply, fuzzy ones waiting for review) of one catalog."""
    done = [m for m in iter_messages(catalog) if is_translated(m)]
    fuzzy = sum(1 for m in done if m.fuzzy)
    return len(done) - fuzzy, fuzzy


def unconverted(text: str, convert: Callable[[str], str]) -> list[tuple[str, str]]:
    """Passages of ``text`` that the edition's conversion would still change, as
    ``(written, converted)`` pairs: characters of the source script left in a correction."""
    converted = convert(text)
    if converted == text:
        return []
    matcher = SequenceMatcher(None, text, converted, autojunk=False)
    return [(text[i1:i2], converted[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
