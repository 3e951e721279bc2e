"""Message extraction: a gettext builder that writes its templates with Babel.

``translate-kit update`` needs one ``.pot`` template per document (the translation
editions have one catalog per document).  Sphinx's own ``gettext`` builder renders every
template through a Jinja renderer that it creates, and so compiles, anew for each
document: on a 200-article project that compiling is about a quarter of an update.  This
builder collects messages exactly as Sphinx's does (it is the same ``I18nBuilder``) and
writes each template with ``babel.messages.pofile``, the library that reads them back,
so nothing is compiled per document.
It is registered under its own name, so ``sphinx-build -b gettext`` stays Sphinx's.
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from sphinx.application import Sphinx
from sphinx.builders.gettext import I18nBuilder

from translate_kit.contract import MESSAGE_BUILDER
from translate_kit.files import write_atomic


class MessageTemplateBuilder(I18nBuilder):
    """One ``<docname>.pot`` per document."""

    name = MESSAGE_BUILDER
    epilog = "The message templates are in %(outdir)s."

    def finish(self) -> None:
        super().finish()
        outdir = Path(self.outdir)
        for domain, messages in sorted(self.catalogs.items()):
            template = Catalog(project=self.config.project, version=self.config.version,
                               fuzzy=False)
            for message in messages:
                locations = [(_relative(source, outdir), line) for source, line in message.locations]
                template.add(message.text, locations=locations)
            buffer = BytesIO()
            write_po(buffer, template)
            write_atomic(outdir / f"{domain}.pot", buffer.getvalue())


def _relative(source: str, outdir: Path) -> str:
    return Path(os.path.relpath(source, outdir)).as_posix()


def setup(app: Sphinx) -> None:
    app.add_builder(MessageTemplateBuilder)
