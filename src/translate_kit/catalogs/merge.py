"""Merge freshly extracted messages into a translator's catalog without losing a translation.

The template (one document's ``.pot``) decides which messages are active and in which
order.  Each one takes, in this order of preference:

1. the translation of the same msgid in the catalog (active, or obsolete: restored), or
   of a msgid that differs from it only by script (the importer repaired a leftover
   simplified character: 匯報后 became 匯報後), kept as it was;
2. the translation of the same msgid elsewhere in the project (translation memory);
3. the translation of a similar msgid of this catalog (a paragraph that "changed a
   little"), marked fuzzy with the old msgid kept as ``#| msgid``;
4. a similar translation from the memory, also fuzzy with its ``#| msgid``.

Translated messages that left the document stay as obsolete ``#~`` entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

from translate_kit.catalogs.memory import TranslationMemory
from translate_kit.catalogs.pofile_io import GUESSED_FLAGS, is_translated, iter_messages

SIMILAR_IN_CATALOG = 0.6
"""A msgid this close to one of the catalog's own old msgids is the same paragraph, edited."""
SIMILAR_IN_MEMORY = 0.8
"""A msgid this close to one translated elsewhere gets that translation as a suggestion."""

Annotator = Callable[[Message], list[str]]
ScriptKey = Callable[[str], str]
"""A text in one script (simplified): two msgids with the same key differ only by script."""
_NOT_CARRIED = GUESSED_FLAGS | {"fuzzy"}
"""Flags decided anew for each merge (format flags are never wanted, see GUESSED_FLAGS)."""
Key = str | tuple[str, str]


def _key(message: Message) -> Key:
    """Babel's key for a message: the msgid, with its context when there is one."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (msgid, message.context) if message.context else msgid


@dataclass
class MergeCounts:
    """How many messages of one catalog ended up where (for the update report)."""

    kept: int = 0
    restored: int = 0
    from_memory: int = 0
    fuzzy_edited: int = 0
    fuzzy_memory: int = 0
    untranslated: int = 0
    obsoleted: int = 0


@dataclass
class MergeResult:
    catalog: Catalog
    counts: MergeCounts = field(default_factory=MergeCounts)


def empty_like(catalog: Catalog) -> Catalog:
    """A catalog without messages that has ``catalog``'s header."""
    return Catalog(
        locale=catalog.locale, domain=catalog.domain, header_comment=catalog.header_comment,
        project=catalog.project, version=catalog.version,
        copyright_holder=catalog.copyright_holder, msgid_bugs_address=catalog.msgid_bugs_address,
        creation_date=catalog.creation_date, revision_date=catalog.revision_date,
        last_translator=catalog.last_translator, language_team=catalog.language_team,
        charset="utf-8", fuzzy=catalog.fuzzy,
    )


def _empty_string(template: Message) -> str | tuple[str, ...]:
    return ("",) * len(template.id) if isinstance(template.id, (tuple, list)) else ""


class _Merger:
    def __init__(self, existing: Catalog, memory: TranslationMemory, active: set[Key],
                 script_key: ScriptKey | None) -> None:
        self.old = {_key(m): m for m in iter_messages(existing)}
        self.obsolete = {_key(m): m for m in existing.obsolete.values()}
        self.memory = memory
        self.counts = MergeCounts()
        self.reused: set[object] = set()
        self._own: TranslationMemory | None = None
        self._by_script = self._index_by_script(active, script_key) if script_key else {}
        self._script_key = script_key

    def _index_by_script(self, active: set[Key], script_key: ScriptKey) -> dict[Key, Message]:
        """Translated messages that left the template, by the script key of their msgid."""
        index: dict[Key, Message] = {}
        for key, message in [*self.old.items(), *self.obsolete.items()]:
            if key not in active and isinstance(message.id, str) and is_translated(message):
                index.setdefault(_rekey(message, script_key), message)
        return index

    def _same_but_script(self, template: Message) -> Message | None:
        if self._script_key is None or not isinstance(template.id, str):
            return None
        prior = self._by_script.pop(_rekey(template, self._script_key), None)
        if prior is not None:
            self.reused.add(prior.id)
        return prior

    def _count(self, name: str) -> None:
        setattr(self.counts, name, getattr(self.counts, name) + 1)

    @property
    def own(self) -> TranslationMemory:
        """The catalog's own earlier translations, fuzzy ones included (built on first use)."""
        if self._own is None:
            messages = [*self.old.values(), *self.obsolete.values()]
            self._own = TranslationMemory(
                (m.id, m.string) for m in messages if is_translated(m))
        return self._own

    def carry(self, template: Message) -> Message:
        """The template's message with the best translation the project has for it."""
        key = _key(template)
        message = Message(template.id, _empty_string(template), list(template.locations),
                          auto_comments=list(template.auto_comments), context=template.context)
        message.flags = set(template.flags) - _NOT_CARRIED
        prior = self.old.get(key) or self.obsolete.get(key) or self._same_but_script(template)
        if prior is not None:
            message.user_comments = list(prior.user_comments)
            message.flags |= set(prior.flags) - _NOT_CARRIED
            if is_translated(prior):
                if prior.fuzzy:
                    message.flags.add("fuzzy")
                message.string = prior.string
                message.previous_id = list(prior.previous_id) if prior.fuzzy else []
                if _is_plural(prior.string) != _is_plural(message.id):
                    _reshape(message, prior)
                self._count("kept" if _key(prior) in self.old else "restored")
                return message
        self._suggest(message)
        return message

    def _suggest(self, message: Message) -> None:
        exact = self.memory.exact(message.id)
        if exact is not None:
            message.string = exact
            self._count("from_memory")
            return
        for source, threshold, counter in ((self.own, SIMILAR_IN_CATALOG, "fuzzy_edited"),
                                           (self.memory, SIMILAR_IN_MEMORY, "fuzzy_memory")):
            match = source.closest(message.id, threshold)
            if match is not None:
                message.string = match.msgstr
                message.flags.add("fuzzy")
                message.previous_id = [match.msgid] if isinstance(match.msgid, str) else list(match.msgid)
                if source is self.own:
                    self.reused.add(match.msgid)
                self._count(counter)
                return
        self._count("untranslated")

    def obsolete_entries(self, active: set[Key]) -> list[tuple[Key, Message]]:
        """Earlier obsolete entries, then translated messages that just left the document.

        A message whose translation moved to its edited successor (as a fuzzy entry with
        ``#| msgid``) is not left behind a second time.
        """
        kept = [(k, m) for k, m in self.obsolete.items() if k not in active]
        seen = {k for k, _ in kept}
        gone = [(k, m) for k, m in self.old.items()
                if k not in active and k not in seen and m.id not in self.reused
                and is_translated(m)]
        self.counts.obsoleted += len(gone)
        return kept + gone


def _is_plural(text: str | tuple[str, ...] | list[str]) -> bool:
    return not isinstance(text, str)


def _reshape(message: Message, prior: Message) -> None:
    """Fit a translation to a msgid that became plural (its first form is the translation)
    or singular (the first form serves): fuzzy, so that a translator checks the forms."""
    message.string = (prior.string,) if _is_plural(message.id) else prior.string[0]
    message.flags.add("fuzzy")
    message.previous_id = [prior.id] if isinstance(prior.id, str) else list(prior.id)


def _rekey(message: Message, script_key: ScriptKey) -> Key:
    key = _key(message)
    return (script_key(key[0]), key[1]) if isinstance(key, tuple) else script_key(key)


def merge(
    template: Catalog,
    existing: Catalog,
    memory: TranslationMemory | None = None,
    annotate: Annotator | None = None,
    script_key: ScriptKey | None = None,
) -> MergeResult:
    """``existing`` updated to the messages of ``template`` (neither is modified).

    The result keeps ``existing``'s header; ``annotate`` returns extra ``#.`` comments
    for a template message (the simplified-script form of its text).  With
    ``script_key``, a msgid that changed only by script keeps its translation.
    """
    active = {_key(m) for m in iter_messages(template)}
    merger = _Merger(existing, memory if memory is not None else TranslationMemory(), active,
                     script_key)
    merged = empty_like(existing)
    for template_message in iter_messages(template):
        message = merger.carry(template_message)
        if annotate is not None:
            message.auto_comments = [*template_message.auto_comments, *annotate(template_message)]
        merged[message.id] = message
    for key, message in merger.obsolete_entries(active):
        merged.obsolete[key] = message
    return MergeResult(merged, merger.counts)
