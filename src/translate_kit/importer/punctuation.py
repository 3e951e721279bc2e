"""Give Chinese text its full-width punctuation, and leave ASCII where it belongs.

A half-width ``, : ; ! ?`` becomes full-width when the nearest character on either side
(spaces skipped) is Chinese; a pair of parentheses when its content or either outer
neighbour is.  Times (``9:00``), decimals, Latin sentences stay ASCII because their
neighbours are ASCII; URLs, e-mail addresses and paths are never touched.  Spaces next
to a converted mark and Chinese text go: full-width marks carry their own spacing.
"""

from __future__ import annotations

import re

from translate_kit.importer.charset import is_cjk

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_PROTECTED = re.compile(
    r"[a-z][a-z0-9+.-]*://[^\s\u3000-\u9fff\uff00-\uffef]+"  # URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address
    r"|(?:[A-Za-z]:)?(?:[\\/][\w.~-]+)+[\\/]?",  # path
    re.IGNORECASE | re.ASCII,
)


def fix_punctuation(text: str) -> tuple[str, int]:
    """``text`` with Chinese-context punctuation made full-width, and how many changed."""
    protected = set()
    for match in _PROTECTED.finditer(text):
        end = match.start() + len(match[0].rstrip(".,;:!?)"))
        protected.update(range(match.start(), end))
    partner = _paren_partners(text)
    chars, fixed = list(text), 0
    for i, ch in enumerate(text):
        if ch not in FULL_WIDTH or i in protected:
            continue
        if ch in "()" and i in partner:
            chinese = _pair_is_chinese(text, *sorted((i, partner[i])))
        else:
            chinese = is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, +1))
        if chinese:
            chars[i] = FULL_WIDTH[ch]
            fixed += 1
    return _tighten("".join(chars)), fixed


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _paren_partners(text: str) -> dict[int, int]:
    partner, stack = {}, []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            partner[i], partner[j] = j, i
    return partner


def _pair_is_chinese(text: str, open_: int, close: int) -> bool:
    inside = text[open_ + 1:close]
    return (
        any(map(is_cjk, inside))
        or is_cjk(_neighbour(text, open_, -1))
        or is_cjk(_neighbour(text, close, +1))
    )


_SPACED = re.compile(r" +(?=[，：；！？（）])| *(?<=[，：；！？（）]) +")


def _tighten(text: str) -> str:
    """Drop spaces around full-width marks where the other side is Chinese."""
    def keep_unless_chinese(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if is_cjk(before) and is_cjk(after) else match[0]

    return _SPACED.sub(keep_unless_chinese, text)
