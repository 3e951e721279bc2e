"""From extracted paragraphs to a clean article: the importer's rules in their order.

Garbled spans are found first, on the text as it arrived, and masked: the hints next to
lost characters look like pinyin annotations and would otherwise be removed, and
nothing inside a damaged span should be "fixed".  Japanese and Korean passages
(``passages``) are masked alike: no rule for Chinese text applies to them, and they are
never flagged as damaged.  Then annotations are removed,
punctuation is made full-width, the simplified characters a naive converter left are
repaired (``repair``: the whole document is looked at before any text changes),
republisher notices are moved out of the body and the title is chosen.  Han characters
are never added or dropped; a repair replaces one with another and is reported, and
damaged text is only ever replaced by its restoration (``restore``), marked as such.  An
article that arrived in simplified script is not repaired: once clean, it is converted
whole (``simplified``; with Taiwan's words, ``s2twp``, a word may change its length),
and its clean original is kept beside it for the simplified edition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from translate_kit.errors import SourceError
from translate_kit.importer.boilerplate import is_notice, split_trailing_credit
from translate_kit.importer.charset import is_han
from translate_kit.importer.extract import Extracted, SourceParagraph
from translate_kit.importer.garbled import Span, find_garbled
from translate_kit.importer.passages import Passage, article_language, foreign_passages
from translate_kit.importer.pinyin import strip_annotations
from translate_kit.importer.punctuation import fix_punctuation
from translate_kit.importer.repair import Change, Repairer
from translate_kit.importer.restore import Restoration, restorations
from translate_kit.importer.simplified import (
    Conversion,
    Script,
    SimplifiedConverter,
    detect_script,
)

MASK = "\ufffc"
MAX_TITLE = 40
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；，!?;,]|[：:]$")
_FOREIGN_SENTENCE_END = re.compile(r"[。！？.!?]$")
"""A Japanese or Korean title has commas (서울시, 청년 주거 지원 확대), never a full stop."""


@dataclass(frozen=True)
class Finding:
    """Something the importer could not resolve, located in the source file."""

    kind: str
    line: int
    column: int
    text: str
    detail: str


@dataclass(frozen=True)
class Repair:
    """A leftover simplified character replaced, located in the source file."""

    line: int
    column: int
    before: str
    after: str
    phrase: str
    """The phrase (as repaired) whose conversion decided it, e.g. 颱風 for 台→颱."""


@dataclass(frozen=True)
class Restored:
    """Damaged text restored where the evidence was clear, located in the source file."""

    line: int
    column: int
    text: str
    restored: str
    evidence: str


@dataclass(frozen=True)
class Segment:
    text: str
    garbled: bool = False
    language: str | None = None
    """The language of a Japanese or Korean passage (``ja``, ``ko``), kept as it is."""
    restored_from: str | None = None
    """The damaged source text that ``text`` restores (None: not a restoration)."""

    @property
    def verbatim(self) -> bool:
        """Whether the segment is kept exactly as it arrived (damaged or foreign)."""
        return self.garbled or self.language is not None

    @property
    def plain(self) -> bool:
        """Ordinary text: neither kept as it arrived nor restored."""
        return not self.verbatim and self.restored_from is None


Paragraph = tuple[Segment, ...]


@dataclass
class Counts:
    annotations_removed: int = 0
    punctuation_fixed: int = 0
    garbled_spans: int = 0
    boilerplate_moved: int = 0
    characters_repaired: int = 0
    restored: int = 0


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[Paragraph, ...]
    notices: tuple[str, ...]
    counts: Counts
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()
    restorations: tuple[Restored, ...] = ()
    script: str = Script.TRADITIONAL.value
    """The script the article arrived in (``simplified``, ``traditional``, ``mixed``)."""
    conversion: Conversion | None = None
    """How an article that arrived in simplified script was converted (else None)."""
    original_title: str | None = None
    original_paragraphs: tuple[Paragraph, ...] = ()
    """A converted article's title and paragraphs as they arrived, cleaned alike."""
    language: str | None = None
    """``ja`` or ``ko`` for an article written in Japanese or Korean (else None)."""


@dataclass(frozen=True)
class _Cleaned:
    """A text cleaned up to its repair; each garbled span or foreign passage stands in
    it as one MASK."""

    text: str
    masked: tuple[Segment, ...]
    """What each MASK stands for: damaged text kept, its restoration, or a foreign passage."""
    line: int
    han_columns: tuple[int, ...]
    """Source column of each Han character of ``text``, in order."""


def plain(paragraph: Paragraph) -> str:
    return "".join(segment.text for segment in paragraph)


def clean_article(
    extracted: Extracted, path: Path, title: str | None = None, fallback_title: str | None = None,
    repairer: Repairer | None = None, converter: SimplifiedConverter | None = None,
    restore: bool = True,
) -> Article:
    """Apply every cleanup rule; SourceError when no article text is left.

    The title is ``title``, else the source's own, else ``fallback_title`` (the one an
    earlier import was given), else one derived from the first sentence.  An article in
    simplified script is converted whole by ``converter`` and not repaired; without a
    ``repairer`` and a ``converter`` the text keeps the characters it arrived with.
    Damaged text is restored where the evidence is clear (see ``restore``) unless
    ``restore`` is False.
    """
    counts, findings, restored = Counts(), [], []
    language = article_language([source.text for source in extracted.paragraphs])
    cleaned = [_clean(source, counts, findings, language, restored if restore else None)
               for source in extracted.paragraphs]
    if title is None and extracted.title:
        cleaned.append(_clean_title(extracted.title, extracted.title_line, counts, language))
    repairs: list[Repair] = []
    script = detect_script([c.text for c in cleaned]).script
    converting = converter is not None and script is Script.SIMPLIFIED
    if repairer is not None and not converting:
        cleaned = _repair(cleaned, repairer, repairs)
        if script is not Script.SIMPLIFIED:  # the repairer judges leftovers best
            script = Script.MIXED if repairs else Script.TRADITIONAL
    counts.characters_repaired = len(repairs)
    if title is None and extracted.title:
        title = plain(_segments(cleaned.pop()))
    body: list[Paragraph] = []
    notices: list[str] = []
    for paragraph in map(_segments, cleaned):
        if is_notice(plain(paragraph)):
            notices.append(plain(paragraph))
            continue
        if paragraph and paragraph[-1].plain:
            text, credit = split_trailing_credit(paragraph[-1].text)
            if credit:
                notices.append(credit)
                paragraph = (*paragraph[:-1], Segment(text)) if text else paragraph[:-1]
        if paragraph:
            body.append(paragraph)
    counts.boilerplate_moved = len(notices)
    if not body:
        raise SourceError("contains no article text", path)
    title, body, warnings = _choose_title(title, body, fallback_title)
    repaired = tuple(sorted(repairs, key=lambda r: (r.line, r.column)))
    counts.restored = len(restored)
    article = Article(title, tuple(body), tuple(notices), counts, tuple(findings), warnings,
                      repaired, tuple(restored), script.value, language=language)
    return _converted(article, converter) if converting and converter else article


def _converted(article: Article, converter: SimplifiedConverter) -> Article:
    """``article`` in the source edition's standard, keeping what it was as its original.

    Garbled spans are left as they arrived (their characters are evidence, not text), and
    so are Japanese and Korean passages.
    """
    texts = [article.title, *article.notices,
             *(s.text for p in article.paragraphs for s in p if not s.verbatim)]
    converted = [converter.convert(text) for text in texts]
    converted[0] = _outside_passages(article.title, converter.convert, article.language)
    pieces = iter(converted[1 + len(article.notices):])
    paragraphs = tuple(tuple(s if s.verbatim else replace(s, text=next(pieces)) for s in p)
                       for p in article.paragraphs)
    return replace(
        article, title=converted[0], notices=tuple(converted[1:1 + len(article.notices)]),
        paragraphs=paragraphs, conversion=converter.conversion(texts, converted),
        original_title=article.title, original_paragraphs=article.paragraphs)


def _outside_passages(text: str, convert: Callable[[str], str], language: str | None) -> str:
    """``text`` converted but for its Japanese and Korean passages."""
    pieces, last = [], 0
    for passage in foreign_passages(text, language):
        pieces += [convert(text[last:passage.start]), text[passage.start:passage.end]]
        last = passage.end
    return "".join(pieces) + convert(text[last:])


def _clean(source: SourceParagraph, counts: Counts, findings: list[Finding],
           language: str | None, restored: list[Restored] | None) -> _Cleaned:
    """``source`` cleaned; damage found is reported, and restored into ``restored``
    (unless None) where the evidence is clear; Japanese and Korean passages are kept."""
    text = source.text
    passages = foreign_passages(text, language)
    spans = find_garbled(text, passages)
    for span in spans:
        findings.append(Finding("garbled", source.line, source.column + span.start,
                                text[span.start:span.end], span.detail))
    counts.garbled_spans += len(spans)
    found = restorations(text, spans) if restored is not None else []
    restored = [] if restored is None else restored
    restored += [Restored(source.line, source.column + r.start, text[r.start:r.end],
                          r.restored, r.evidence) for r in found]
    pieces = sorted([(r.start, r.end, Segment(r.restored, restored_from=text[r.start:r.end]))
                     for r in found]
                    + [(a, b, Segment(text[a:b], garbled=True)) for a, b in _left_damaged(spans, found)]
                    + [(a, b, Segment(text[a:b], language=language))
                       for a, b, language in _around(passages, spans, found)],
                    key=lambda piece: piece[0])
    masked, last, columns = [], 0, []
    for start, end, _ in pieces:
        masked.append(text[last:start] + MASK)
        columns += _han_columns(source, last, start)
        last = end
    columns += _han_columns(source, last, len(text))
    cleaned = _clean_text("".join(masked) + text[last:], counts)
    return _Cleaned(cleaned, tuple(segment for _, _, segment in pieces), source.line, tuple(columns))


def _around(passages: list[Passage], spans: list[Span],
            found: list[Restoration]) -> list[tuple[int, int, str]]:
    """The passages without the damage found in them (U+FFFD, Private Use Area codes),
    which is flagged and restored like any other."""
    damaged = sorted([(s.start, s.end) for s in spans] + [(r.start, r.end) for r in found])
    parts = []
    for passage in passages:
        start = passage.start
        for a, b in damaged:
            if b <= start or a >= passage.end:
                continue
            if a > start:
                parts.append((start, a, passage.language))
            start = max(start, b)
        if start < passage.end:
            parts.append((start, passage.end, passage.language))
    return parts


def _left_damaged(spans: list[Span], found: list[Restoration]) -> list[tuple[int, int]]:
    """The parts of the damaged spans that no restoration covers."""
    parts = []
    for span in spans:
        start = span.start
        for r in found:
            if r.end <= start or r.start >= span.end:
                continue
            if r.start > start:
                parts.append((start, r.start))
            start = max(start, r.end)
        if start < span.end:
            parts.append((start, span.end))
    return parts


def _clean_title(title: str, line: int, counts: Counts, language: str | None) -> _Cleaned:
    """A source's own title, cleaned like a paragraph but for the damage check (a title
    is short and seldom damaged), its Japanese and Korean passages masked."""
    passages = foreign_passages(title, language)
    masked, last, columns = [], 0, []
    for passage in passages:
        masked.append(title[last:passage.start] + MASK)
        columns += [i + 1 for i in range(last, passage.start) if is_han(title[i])]
        last = passage.end
    columns += [i + 1 for i in range(last, len(title)) if is_han(title[i])]
    kept = tuple(Segment(title[p.start:p.end], language=p.language) for p in passages)
    return _Cleaned(_clean_text("".join(masked) + title[last:], counts), kept, line, tuple(columns))


def _han_columns(source: SourceParagraph, start: int, end: int) -> list[int]:
    return [source.column + i for i in range(start, end) if is_han(source.text[i])]


def _repair(cleaned: list[_Cleaned], repairer: Repairer, repairs: list[Repair]) -> list[_Cleaned]:
    """The texts with their leftovers repaired; each repair located in the source."""
    results = repairer.repair([c.text for c in cleaned])
    for paragraph, (_, changes) in zip(cleaned, results):
        repairs.extend(_located(paragraph, change) for change in changes)
    return [replace(c, text=text) for c, (text, _) in zip(cleaned, results)]


def _located(paragraph: _Cleaned, change: Change) -> Repair:
    ordinal = sum(map(is_han, paragraph.text[:change.start]))
    return Repair(paragraph.line, paragraph.han_columns[ordinal], change.before, change.after,
                  change.phrase)


def _segments(cleaned: _Cleaned) -> Paragraph:
    segments = []
    for piece, kept in zip(cleaned.text.split(MASK), [*cleaned.masked, None]):
        if piece:
            segments.append(Segment(piece))
        if kept:
            segments.append(kept)
    return tuple(segments)


def _clean_text(text: str, counts: Counts) -> str:
    text, removed = strip_annotations(text)
    text, fixed = fix_punctuation(text)
    counts.annotations_removed += removed
    counts.punctuation_fixed += fixed
    return text


def _choose_title(
    given: str | None, body: list[Paragraph], fallback: str | None
) -> tuple[str, list[Paragraph], tuple[str, ...]]:
    """The given title, else a title line, else the fallback, else the first sentence."""
    if given and given.strip():
        return given.strip(), body, ()
    first = body[0]
    if len(body) > 1 and _is_title_line(first):
        return plain(first), body[1:], ()
    if fallback:
        return fallback, body, ()
    # The first paragraph with words in it: a leading "---" rule names nothing.
    text = next((plain(p) for p in body if _has_words(plain(p))), plain(first))
    sentence = re.split(r"[。！？!?；;]", text, maxsplit=1)[0]
    derived = sentence.rstrip("，,：: ") or text
    if len(derived) > MAX_TITLE:
        derived = derived[:MAX_TITLE - 1] + "…"
    warning = f"no title line and no --title: the title {derived!r} was taken from the first sentence"
    return derived, body, (warning,)


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _is_title_line(paragraph: Paragraph) -> bool:
    text = plain(paragraph)
    chinese = "".join(s.text for s in paragraph if s.language is None)
    foreign = "".join(s.text for s in paragraph if s.language)
    return (
        len(text) <= MAX_TITLE
        and _has_words(text)  # a rule such as "---" or "***" is no title
        and all(s.plain or s.language for s in paragraph)
        and not _SENTENCE_PUNCTUATION.search(chinese)
        and not _FOREIGN_SENTENCE_END.search(foreign)
    )
