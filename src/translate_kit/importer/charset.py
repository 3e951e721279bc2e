"""Character classes the importer's rules are written in (``is_han`` and ``to_simplified``
are re-exported from ``script``: the importer's rules match both scripts through it)."""

from __future__ import annotations

from functools import cache

from translate_kit.script import is_han, to_simplified

__all__ = ["is_cjk", "is_common_han", "is_han", "to_simplified"]


def is_cjk(ch: str) -> bool:
    """Han, kana, CJK and full-width punctuation: what makes a neighbourhood "Chinese"."""
    return (
        is_han(ch)
        or "\u3000" <= ch <= "\u30ff"
        or "\uff00" <= ch <= "\uffef"
        or ch == "\ufffc"  # stands for a masked garbled span
    )


@cache
def is_common_han(ch: str) -> bool:
    """Whether ``ch`` (or its simplified form) is one of GB2312's 3,755 level-1 characters.

    Level 1 holds the everyday characters: ordinary prose rarely leaves it, while byte
    pairs read out of alignment land outside it about five times in six.
    """
    if not is_han(ch):
        return False
    try:
        code = to_simplified(ch).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7

