"""From extracted paragraphs to a clean article: the importer's rules in their order.

Garbled spans are found first, on the text as it arrived, and masked: the hints next to
lost characters look like pinyin annotations and would otherwise be removed, and
nothing inside a damaged span should be "fixed".  Then annotations are removed,
punctuation is made full-width, republisher notices are moved out of the body and the
title is chosen.  Han characters are never added or dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from translate_kit.errors import SourceError
from translate_kit.importer.boilerplate import is_notice, split_trailing_credit
from translate_kit.importer.extract import Extracted, SourceParagraph
from translate_kit.importer.garbled import find_garbled
from translate_kit.importer.pinyin import strip_annotations
from translate_kit.importer.punctuation import fix_punctuation

MASK = "\ufffc"
MAX_TITLE = 40
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；，!?;,]|[：:]$")


@dataclass(frozen=True)
class Finding:
    """Something the importer could not resolve, located in the source file."""

    kind: str
    line: int
    column: int
    text: str
    detail: str


@dataclass(frozen=True)
class Segment:
    text: str
    garbled: bool = False


Paragraph = tuple[Segment, ...]


@dataclass
class Counts:
    annotations_removed: int = 0
    punctuation_fixed: int = 0
    garbled_spans: int = 0
    boilerplate_moved: int = 0


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[Paragraph, ...]
    notices: tuple[str, ...]
    counts: Counts
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()


def plain(paragraph: Paragraph) -> str:
    return "".join(segment.text for segment in paragraph)


def clean_article(
    extracted: Extracted, path: Path, title: str | None = None, fallback_title: str | None = None,
) -> Article:
    """Apply every cleanup rule; SourceError when no article text is left.

    The title is ``title``, else the source's own, else ``fallback_title`` (the one an
    earlier import was given), else one derived from the first sentence.
    """
    counts, findings = Counts(), []
    body: list[Paragraph] = []
    notices: list[str] = []
    for source in extracted.paragraphs:
        paragraph = _clean(source, counts, findings)
        if is_notice(plain(paragraph)):
            notices.append(plain(paragraph))
            continue
        if paragraph and not paragraph[-1].garbled:
            text, credit = split_trailing_credit(paragraph[-1].text)
            if credit:
                notices.append(credit)
                paragraph = (*paragraph[:-1], Segment(text)) if text else paragraph[:-1]
        if paragraph:
            body.append(paragraph)
    counts.boilerplate_moved = len(notices)
    if not body:
        raise SourceError("contains no article text", path)
    if title is None and extracted.title:
        title = _clean_text(extracted.title, counts)
    title, body, warnings = _choose_title(title, body, fallback_title)
    return Article(title, tuple(body), tuple(notices), counts, tuple(findings), warnings)


def _clean(source: SourceParagraph, counts: Counts, findings: list[Finding]) -> Paragraph:
    spans = find_garbled(source.text)
    masked, last = [], 0
    for span in spans:
        masked.append(source.text[last:span.start] + MASK)
        last = span.end
        findings.append(Finding("garbled", source.line, source.column + span.start,
                                source.text[span.start:span.end], span.detail))
    counts.garbled_spans += len(spans)
    cleaned = _clean_text("".join(masked) + source.text[last:], counts)
    segments = []
    for piece, span in zip(cleaned.split(MASK), [*spans, None]):
        if piece:
            segments.append(Segment(piece))
        if span:
            segments.append(Segment(source.text[span.start:span.end], garbled=True))
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
    return (
        len(text) <= MAX_TITLE
        and _has_words(text)  # a rule such as "---" or "***" is no title
        and not any(s.garbled for s in paragraph)
        and not _SENTENCE_PUNCTUATION.search(text)
    )
