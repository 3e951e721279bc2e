"""Make article text inert in MyST: what the source says is shown, never interpreted.

Every character CommonMark, MyST or HTML could read as syntax is backslash-escaped
(CommonMark lets any ASCII punctuation be escaped): inline ones everywhere, block
markers (headings, lists, quotes, breaks, MyST targets and comments) at line start.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_{}\[\]<>$|~&])")
_BLOCK_START = re.compile(r"^(\d*)([#+\-=>%:(!.)])")


def escape_inline(text: str) -> str:
    """``text`` as MyST inline content that renders as exactly ``text``."""
    return _INLINE.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """Keep a line of inline content from opening a block (heading, list, quote...)."""
    return _BLOCK_START.sub(r"\1\\\2", line)


def role(name: str, text: str) -> str:
    """``{name}`text```: role content is taken literally.

    Content holding backticks (a stray GBK byte can be one) is fenced by a longer run of
    backticks, and padded with a space on each side when it starts or ends with one; the
    role strips that padding again, as CommonMark does for code spans.
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{{{name}}}{fence}{text}{fence}"
