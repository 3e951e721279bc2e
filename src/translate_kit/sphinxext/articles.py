"""An article's date and source, from its front matter, under its title.

The values are front-matter data (``env.metadata[docname]``), kept as imported; they are
written in the edition's script when shown, and the date as the edition's readers write
it, as the listings do (``archives.edition_date``).  In a translation edition a Chinese source
name stays as it is and is marked with the source language.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx

from translate_kit.config import EditionKind
from translate_kit.sphinxext import current_edition, project_config
from translate_kit.sphinxext.archives import edition_date
from translate_kit.sphinxext.messages import _
from translate_kit.sphinxext.script import edition_text
from translate_kit.sphinxext.translation import insert_after_title

FIELDS = ("date", "source")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # untranslated source names


def article_meta(app: Sphinx, docname: str) -> nodes.paragraph | None:
    """``Date: … · Source: …`` for a document with such front matter, else None."""
    metadata = app.env.metadata.get(docname, {})
    present = [key for key in FIELDS if str(metadata.get(key, "")).strip()]
    if not present:
        return None
    convert = edition_text(app.config)
    paragraph = nodes.paragraph(classes=["tk-article-meta"])
    for key in present:
        if len(paragraph):
            paragraph += nodes.Text(" · ")
        paragraph += nodes.Text(_("Date: ") if key == "date" else _("Source: "))
        value = nodes.inline("", _shown(app, key, str(metadata[key]).strip(), convert),
                             classes=[f"tk-{key}"])
        if current_edition(app.config).kind is EditionKind.TRANSLATION and HAN.search(value.astext()):
            value["classes"].append(f"language-{project_config(app.config).source_edition.code}")
        paragraph += value
    return paragraph


def _shown(app: Sphinx, key: str, value: str, convert: Callable[[str], str]) -> str:
    if key == "date":
        try:
            return edition_date(app.config, datetime.date.fromisoformat(value))
        except ValueError:
            pass  # not a date the listings know either: shown as written
    return convert(value)


def _add_meta(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    paragraph = article_meta(app, docname)
    if paragraph is not None:
        insert_after_title(doctree, paragraph)


def setup(app: Sphinx) -> None:
    # Before the translation notice, which then goes between title and this line.
    app.connect("doctree-resolved", _add_meta, priority=400)
