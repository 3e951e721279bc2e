"""Message extraction without compiling the .pot template once per document.

Sphinx's gettext builder makes a new template renderer, and so compiles
``message.pot.jinja`` anew, for every catalog it writes.  With one catalog per document
(``gettext_compact = False``, which translation editions need) that compiling is about a
quarter of ``translate-kit update`` on a 200-article project.  In gettext builds the
builder is given a renderer that shares one Jinja environment, and with it the compiled
template, between catalogs; what it writes is unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from jinja2.sandbox import SandboxedEnvironment
from sphinx.application import Sphinx
from sphinx.builders import gettext


class SharedTemplateRenderer(gettext.GettextRenderer):
    """A GettextRenderer whose Jinja environment is shared by every catalog of the run."""

    _environments: dict[tuple[str, ...], SandboxedEnvironment] = {}

    def __init__(
        self,
        template_path: Sequence[str | os.PathLike[str]] | None = None,
        outdir: str | os.PathLike[str] | None = None,
    ) -> None:
        key = tuple(map(str, template_path or ()))
        environment = self._environments.get(key)
        if environment is None:
            super().__init__(template_path, outdir)
            self._environments[key] = self.env
        else:
            self.outdir = outdir
            self.env = environment


def _share_templates(app: Sphinx) -> None:
    if isinstance(app.builder, gettext.MessageCatalogBuilder):
        gettext.GettextRenderer = SharedTemplateRenderer  # type: ignore[misc]


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _share_templates)
