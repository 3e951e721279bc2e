"""Article tags: how a tag is written, compared and named in an address.

Tags come from an article's front matter (``tags:``) and from ``import --tag``.  A tag is
compared in its normal form (NFKC, single spaces, case-folded), so ``AI``, ``ａｉ`` and
`` ai `` are one tag.  Its address (``tags/<slug>.html``, ``tags/<slug>.xml``) must be
the same in every edition and in every build, and must never merge two tags: a tag that
is already lower-case ASCII letters, digits and hyphens is its own slug; any other tag
gets its pinyin (or Latin letters) followed by a short hash of its normal form, since
homophones (經濟, 經紀) and symbols (C++, C#) would otherwise collide.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata


from translate_kit.errors import SourceError

MAX_TAG = 40
"""Characters in a tag: a topic, not a sentence."""
_PLAIN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG_WORDS = 40


def normalize_tag(text: str) -> str:
    """``text`` as a tag is stored: NFKC, trimmed, inner spaces collapsed.

    Raises ``SourceError`` for an empty tag, one with a line break or control character,
    and one longer than ``MAX_TAG``.
    """
    tag = " ".join(unicodedata.normalize("NFKC", text).split())
    if not tag:
        raise SourceError(f"a tag must not be empty: {text!r}")
    if any(unicodedata.category(c).startswith("C") for c in tag):
        raise SourceError(f"a tag must not hold control characters: {text!r}")
    if len(tag) > MAX_TAG:
        raise SourceError(f"a tag may have at most {MAX_TAG} characters: {text!r}")
    return tag


def tag_key(tag: str) -> str:
    """What two spellings of one tag have in common."""
    return normalize_tag(tag).casefold()


def tag_slug(tag: str) -> str:
    """The tag's name in addresses: ASCII, stable, different for different tags."""
    key = tag_key(tag)
    if _PLAIN.fullmatch(key):
        return key
    # Loading pypinyin's phrase table takes about 0.4 s: only a build that meets a new
    # tag pays it (the extension keeps the slugs it has worked out).
    from pypinyin import Style, lazy_pinyin

    words = lazy_pinyin(key, style=Style.NORMAL, errors="default")
    base = _NOT_SLUG.sub("-", "-".join(words)).strip("-")[:_MAX_SLUG_WORDS].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest


def parse_tags(value: object) -> tuple[str, ...]:
    """The tags of one article's front matter, normalised, without repeats.

    Sphinx keeps a front-matter list as JSON text; a plain string is one tag.  A tag
    that is not valid is left out (the importer refuses such tags; a hand edit is
    shown without it rather than stopping the build).
    """
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.lstrip().startswith("[") else [value]
        except ValueError:
            value = [value]
    if not isinstance(value, list):
        return ()
    found: dict[str, str] = {}
    for item in value:
        try:
            tag = normalize_tag(str(item))
        except SourceError:
            continue
        found.setdefault(tag.casefold(), tag)
    return tuple(found.values())
