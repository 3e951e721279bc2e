"""The few interface strings the extension adds to pages, in each edition's language.

Sphinx and furo translate their own chrome through ``language``; these strings are the
extension's.  Script editions write the source edition's strings in their own script
(through the same converter as the articles), so a new OpenCC edition needs no entry.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from translate_kit.config import EditionKind
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.script import edition_text

MESSAGES: dict[str, dict[str, str]] = {
    "zh": {
        "editions": "語言版本",
        "all_editions": "所有版本",
        "pdf": "下載 PDF",
        "date": "日期：",
        "source": "來源：",
        "progress": "本頁已翻譯 {percent}%，其餘部分以原文顯示。",
    },
    "en": {
        "editions": "Editions",
        "all_editions": "All editions",
        "pdf": "Download PDF",
        "date": "Date: ",
        "source": "Source: ",
        "progress": "{percent}% translated; the rest of this page is shown in the original.",
    },
}


def message(app: Sphinx, key: str, **values: object) -> str:
    """The string ``key`` as the current edition writes it."""
    edition = current_edition(app.config)
    language = edition.code
    if edition.kind is EditionKind.SCRIPT:
        language = project_config(app.config).source_edition.code
    table = MESSAGES.get(language.split("-")[0].lower(), MESSAGES["en"])
    return edition_text(app.config)(table[key].format(**values))
