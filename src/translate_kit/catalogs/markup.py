"""What a translation must keep from its source text: MyST markup, numbers, addresses.

The functions compare a msgid and its msgstr item by item (multisets), so a link that
moves within the sentence is fine but a link that disappears or changes target is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError
from babel.dates import get_month_names

_ROLE = re.compile(r"\{([A-Za-z0-9_+.:-]+)\}(`+)(.*?)\2", re.DOTALL)
_CODE = re.compile(r"(?<![`}])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_LINK = re.compile(r"\[(?:[^\[\]\\]|\\.)*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?"
                   r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REF_LINK = re.compile(r"\[(?:[^\[\]\\]|\\.)+\]\[([^\]^][^\]]*)\]")
_AUTOLINK = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s<>@]+@)[^\s<>]*)>")
_SUBSTITUTION = re.compile(r"\{\{\s*(.*?)\s*\}\}")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_TARGET_IN_ROLE = re.compile(r"<([^<>]+)>\s*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`\u3000-\u303f\uff00-\uffef]+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

GARBLED_ROLE = "garbled"
REFERENCE_ROLES = frozenset({"doc", "ref", "numref", "download", "any", "eq", "cite", "std:ref", "std:doc"})
"""Roles whose content is a target even without the ``text <target>`` form."""
_MULTIPLIERS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}


def garbled_spans(text: str) -> list[str]:
    """Contents of the ``{garbled}`…``` roles the importer left for unreadable text."""
    return [content for name, _, content in _ROLE.findall(text) if name == GARBLED_ROLE]


def _roles(text: str) -> list[str]:
    return [name for name, _, _ in _ROLE.findall(text) if name != GARBLED_ROLE]


def _role_targets(text: str) -> list[str]:
    targets = []
    for name, _, content in _ROLE.findall(text):
        explicit = _TARGET_IN_ROLE.search(content)
        if explicit:
            targets.append(f"{{{name}}} <{explicit.group(1)}>")
        elif name in REFERENCE_ROLES:
            targets.append(f"{{{name}}} {content}")
    return targets


def _without_roles(text: str) -> str:
    return _ROLE.sub(" ", text)


def _code(text: str) -> list[str]:
    return [f"`{content.strip()}`" for _, content in _CODE.findall(_without_roles(text))]


def _plain(text: str) -> str:
    """Text with roles, code and link targets removed, where only emphasis markers remain."""
    text = _CODE.sub(" ", _without_roles(text))
    text = _LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](") + 1], text)
    return _AUTOLINK.sub(" ", text)


def _strong(text: str) -> list[str]:
    return ["**"] * (_plain(text).count("**") // 2)


def _emphasis(text: str) -> list[str]:
    return ["*"] * (_plain(text).replace("**", "").count("*") // 2)


def _links(text: str) -> list[str]:
    return [*_LINK.findall(_without_roles(text)), *_AUTOLINK.findall(text)]


def _reference_links(text: str) -> list[str]:
    return _REF_LINK.findall(text)


def _substitutions(text: str) -> list[str]:
    return [f"{{{{ {name} }}}}" for name in _SUBSTITUTION.findall(text)]


def _footnotes(text: str) -> list[str]:
    return [f"[^{label}]" for label in _FOOTNOTE.findall(text)]


_MARKUP: tuple[tuple[str, Callable[[str], list[str]]], ...] = (
    ("inline code", _code),
    ("role", lambda t: [f"{{{n}}}" for n in _roles(t)]),
    ("role target", _role_targets),
    ("link target", _links),
    ("reference link", _reference_links),
    ("strong emphasis", _strong),
    ("emphasis", _emphasis),
    ("substitution", _substitutions),
    ("footnote reference", _footnotes),
)


def _items(counter: Counter[str]) -> str:
    return ", ".join(repr(item) for item in sorted(counter.elements()))


def differences(msgid: str, msgstr: str) -> list[str]:
    """How the MyST markup of the translation differs from the source's, in words."""
    problems = []
    for kind, extract in _MARKUP:
        source, translation = Counter(extract(msgid)), Counter(extract(msgstr))
        if source - translation:
            problems.append(f"MyST: the translation lacks {kind} {_items(source - translation)}")
        if translation - source:
            problems.append(f"MyST: the translation adds {kind} {_items(translation - source)}")
    return problems


def _normal_number(text: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    return text


def _format(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=16)
def _month_names(locale: str) -> dict[int, tuple[str, ...]]:
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        return {}
    wide, short = get_month_names("wide", locale=parsed), get_month_names("abbreviated", locale=parsed)
    return {n: (wide[n].casefold(), short[n].casefold().rstrip(".")) for n in range(1, 13)}


def _accepted_forms(number: str, following: str) -> Iterable[str]:
    """How a translation may write a number: as is, or rescaled from 萬/億 to thousands..."""
    yield number
    multiplier = _MULTIPLIERS.get(following)
    if multiplier and "," not in number:
        value = float(number) * multiplier
        yield from (_format(value / scale) for scale in (1, 10**3, 10**6, 10**9))


def missing_numbers(msgid: str, msgstr: str, locale: str) -> list[str]:
    """Arabic numbers of the source the translation does not have (Chinese numerals are free).

    A month written ``5月`` may become the month's name in the catalog's language, and an
    amount in 萬 or 億 may be rescaled (1.2萬 = 12,000 = 12 thousand).
    """
    source = unicodedata.normalize("NFKC", msgid)
    target = unicodedata.normalize("NFKC", msgstr)
    present = Counter(_normal_number(n) for n in _NUMBER.findall(target))
    words = target.casefold()
    missing = []
    for match in _NUMBER.finditer(source):
        number = _normal_number(match.group())
        following = source[match.end():].lstrip()[:1]
        form = next((f for f in _accepted_forms(number, following) if present[f]), None)
        if form is not None:
            present[form] -= 1
            continue
        if following == "月" and number.isdigit() and 1 <= int(number) <= 12:
            names = _month_names(locale).get(int(number), ())
            if any(re.search(rf"\b{re.escape(name)}", words) for name in names):
                continue
        missing.append(match.group())
    return missing


def missing_addresses(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    """URLs and e-mail addresses of the source the translation does not keep verbatim."""
    urls = [("URL", u.rstrip(".,;:!?")) for u in _URL.findall(msgid)]
    emails = [("e-mail address", e) for e in _EMAIL.findall(msgid)]
    return [(kind, value) for kind, value in urls + emails if value not in msgstr]
