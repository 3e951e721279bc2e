"""Refuse translations that add markup their source message does not have.

A msgstr is untrusted text that Sphinx parses as MyST when it builds a translated
edition, so a translator (or a tampered catalog) could add raw HTML, a ``{raw}`` role,
a directive (``{include}``, ``{raw}``, ``{eval-rst}``...), a ``javascript:`` link, an
image or a link to a local file (Sphinx copies linked files into the site) or front
matter.  ``unsafe_reason`` compares what the
msgid and the msgstr contain: markup present in the source may stay, anything new makes
the translation unsafe.  Both ``translate-kit check`` and ``compile_catalogs`` use it,
so the build never publishes such a translation even when nobody ran the check.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<![A-Za-z\[-][^>]*>?|<\?")
_ROLE = re.compile(r"\{([A-Za-z0-9_+.:-]+)\}`")
_DIRECTIVE = re.compile(
    r"^[ \t>]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{\s*([^}\s]*)\s*\}"  # MyST fences
    r"|^[ \t>]*\.\.[ \t]+([A-Za-z0-9_:.-]+)[ \t]*::",  # reStructuredText (inside eval-rst)
    re.MULTILINE,
)
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_SCRIPT_SCHEME = re.compile(r"(?:java|vb|live)script:|data:[a-z]*/[a-z+.-]*html|data:image/svg")
_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^)\s>]*)"  # [text](target)
    r"|^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)"  # [label]: target
    r"|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>",  # <scheme:target>
    re.MULTILINE,
)
_WEB_TARGET = re.compile(r"(?:https?://|mailto:|#)", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A\s*(?:-{3,}|\+{3,})[ \t]*$", re.MULTILINE)
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060\ufeff\\]+")


def _html_tags(text: str) -> list[str]:
    return [" ".join(tag.split()).lower() for tag in _HTML_TAG.findall(text)]


def _roles(text: str) -> list[str]:
    return _ROLE.findall(text)


def _directives(text: str) -> list[str]:
    return [(fence or rst).lower() for fence, rst in _DIRECTIVE.findall(text)]


def _images(text: str) -> list[str]:
    return ["image" for _ in _IMAGE.findall(text)]


def _script_urls(text: str) -> list[str]:
    # CommonMark decodes entities in link targets and browsers ignore whitespace and
    # control characters inside a scheme, so compare the text as a browser would see it.
    flat = _INVISIBLE.sub("", html.unescape(text)).lower()
    return _SCRIPT_SCHEME.findall(flat)


def _local_links(text: str) -> list[str]:
    targets = (next(filter(None, groups), "") for groups in _LINK_TARGETS.findall(text))
    return [t for t in targets if t and not _WEB_TARGET.match(t)]


def _front_matter(text: str) -> list[str]:
    return ["front matter"] if _FRONT_MATTER.match(text) else []


def _describe_role(name: str) -> str:
    if name.lower() == "raw" or name.lower().startswith(("raw-", "raw:")):
        return f"a raw role {{{name}}}"
    return f"the role {{{name}}}"


def _describe_directive(name: str) -> str:
    return f"a directive {{{name}}}" if name else "a directive"


_FEATURES: tuple[tuple[Callable[[str], list[str]], Callable[[str], str]], ...] = (
    (_front_matter, lambda _: "front matter"),
    (_directives, _describe_directive),
    (_roles, _describe_role),
    (_script_urls, lambda scheme: f"a script URL ({scheme})"),
    (_html_tags, lambda tag: f"raw HTML {tag}"),
    (_images, lambda _: "an image"),
    (_local_links, lambda target: f"a link to {target!r}, which is not a web address"),
)


def unsafe_reason(msgid: str, msgstr: str) -> str | None:
    """Why ``msgstr`` would inject markup that ``msgid`` does not have, or None if it is safe.

    Each kind of markup is counted in both texts; the translation is unsafe as soon as
    it has more of one item (a tag, a role name, a directive...) than the source.
    """
    for find, describe in _FEATURES:
        added = Counter(find(msgstr)) - Counter(find(msgid))
        if added:
            item = next(iter(added))
            return f"the translation adds {describe(item)} that the source text does not have"
    return None
