"""Recognise what a republisher added: disclaimers, source lines and editor credits.

They are matched on the simplified form of the text, so one pattern serves both scripts.
"""

from __future__ import annotations

import re

from translate_kit.importer.charset import to_simplified

_NOTICE_PARAGRAPH = re.compile(
    r"^[(（【\[]?\s*(?:免责声明|版权声明|声明|责任编辑|编辑|来源|稿件来源|原标题)\s*[:：]"
    r"|^(?:本文|本网|本站)(?:来源|转载|转自|系转载)"
)
_TRAILING_CREDIT = re.compile(r"[(（【\[]\s*(?:责任编辑|编辑|来源)\s*[:：][^()（）【】\[\]]{1,40}[)）】\]]\s*$")


def is_notice(paragraph: str) -> bool:
    """Whether the whole paragraph is a republisher's notice."""
    return bool(_NOTICE_PARAGRAPH.match(to_simplified(paragraph.strip())))


def split_trailing_credit(paragraph: str) -> tuple[str, str | None]:
    """``(body, credit)`` when the paragraph ends with ``(責任編輯:…)``, else ``(paragraph, None)``."""
    simplified = to_simplified(paragraph)
    match = _TRAILING_CREDIT.search(simplified) if len(simplified) == len(paragraph) else None
    if not match:
        return paragraph, None
    return paragraph[:match.start()].rstrip(), paragraph[match.start():].strip()
