"""The Sphinx extension: one build of docs/ per edition, chosen by ``translate_kit_edition``.

The build stage runs ``sphinx-build -D translate_kit_edition=<code> -D language=<lang>``;
a plain ``sphinx-build docs out`` builds the source edition.  Each concern registers
itself from its own module:

- ``shared_parse``: editions of one language built together parse each document once;
- ``script``: script editions are converted by OpenCC at read time (a docutils transform);
- ``quotes``: quotation marks in each Chinese edition's standard (「」 or “”), after it;
- ``plain_passages``: a plain paragraph's plain translation is put in as text, not parsed
  by Sphinx as a document of its own (a third of a translation edition's build);
- ``translation``: translation editions use the gettext catalogs compiled into _build/,
  mark untranslated passages with the source language and their catalog entry, and show
  a page's catalog;
- ``safety``: translated text can never bring raw markup or script links into a page;
- ``status``: how much of a translated page is translated, and whether it is offered as
  a translation (hreflang, ``<html lang>``), by ``translate-kit stats``' figures;
- ``sharing``: OpenGraph and description metadata of every page, in its edition;
- ``editions``: ``<html lang>``, hreflang alternates, the edition switcher, the PDF and
  EPUB links, and a furo sidebar that does not grow with the number of articles;
- ``downloads``: an article page's own PDF and its volume's;
- ``relations``: a page whose previous or next page changed is written again;
- ``site``: canonical addresses (with ``base_url``) and the page list the site's own
  pages (front page, sitemap, 404) are written from;
- ``accessibility``: what an accessibility audit asks that Sphinx and furo do not give;
- ``articles``: an article's date and source under its title;
- ``archives``: the listings readers browse by (the index's newest articles and pages,
  archives by year and month, tags); ``feeds``: Atom feeds of the edition and its tags;
- ``search``: the per-edition search: both scripts folded to one (``search_fold``), CJK
  text as overlapping bigrams (``search_language``), written as small shards that the
  search page loads on demand (``search_index``, ``static/translate-kit-search.js``);
- ``extraction``: the ``translate-kit-messages`` builder, Sphinx's gettext extraction with
  templates written by Babel (``update`` runs it);
- ``garbled``: the ``{garbled}`` role for text the importer could not restore;
- ``passages``: the ``{lang-ja}``, ``{lang-ko}`` roles of Japanese and Korean passages,
  never script-converted, with their own ``lang`` and fonts;
- ``latex``: per-edition xelatex settings and fonts for the PDF;
- ``volumes``: the PDF as one book per volume (a month of articles), listing its articles;
- ``epub``: an EPUB per volume: metadata, table of contents and embedded CJK fonts.

``messages`` holds ``_``, which translates the words the modules above add to pages through
the gettext catalogs shipped in ``locale/`` (see ``catalogs.interface``).
"""

from __future__ import annotations

import functools
from importlib.metadata import version  # not translate_kit.__version__: its setup imports us
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from translate_kit.config import Edition, ProjectConfig, find_root, load_config
from translate_kit.contract import EDITION_OPTION, ROOT_OPTION


@functools.cache
def _load(root: str) -> ProjectConfig:
    return load_config(Path(root))


def project_config(config: Config) -> ProjectConfig:
    """The translate-kit configuration of the project being built."""
    return _load(config[ROOT_OPTION])


def current_edition(config: Config) -> Edition:
    """The edition this Sphinx run builds."""
    return project_config(config).edition(config[EDITION_OPTION])


def pages_changed(env: BuildEnvironment, name: str, now: dict[str, object]) -> list[str]:
    """The pages whose value in ``now`` differs from the one kept under ``name`` by the last
    build with this environment, which then keeps ``now``.  None on a first build: every
    page is written anyway."""
    before = getattr(env, name, None)
    setattr(env, name, now)
    if before is None:
        return []
    return [docname for docname, value in now.items()
            if docname in before and before[docname] != value]


def in_site(app: Sphinx) -> bool:
    """Whether this run writes the edition into the site (``_build/html/<slug>/``).

    Links to the rest of the site (PDF, EPUB, front page) only work from there.
    """
    edition_dir = project_config(app.config).edition_html_dir(current_edition(app.config))
    return _same_directory(str(app.outdir), str(edition_dir))


@functools.cache
def _same_directory(one: str, other: str) -> bool:
    """Asked for every page: resolved once per build."""
    return Path(one).resolve() == Path(other).resolve()


def _configure(app: Sphinx, config: Config) -> None:
    root = find_root(Path(app.confdir))
    project = _load(str(root))
    config[ROOT_OPTION] = str(root)
    config[EDITION_OPTION] = project.edition(
        config[EDITION_OPTION] or project.source_edition.code
    ).code
    defaults = (("project", project.title), ("author", project.author),
                ("copyright", project.publisher))
    for name, value in defaults:
        if config[name] in (None, "", "Project name not set", "Author name not set"):
            config[name] = value


def setup(app: Sphinx) -> dict[str, object]:
    from translate_kit.sphinxext import (
        accessibility,
        archives,
        articles,
        downloads,
        editions,
        epub,
        extraction,
        feeds,
        garbled,
        latex,
        messages,
        passages,
        plain_passages,
        quotes,
        relations,
        safety,
        script,
        search,
        shared_parse,
        sharing,
        site,
        status,
        translation,
        volumes,
    )

    app.add_config_value(EDITION_OPTION, "", "env", types=frozenset({str}))
    app.add_config_value(ROOT_OPTION, "", "env", types=frozenset({str}))
    app.connect("config-inited", _configure, priority=100)
    modules = (shared_parse, script, quotes, plain_passages, translation, status, safety, editions, downloads,
               relations, site, accessibility, articles, search, garbled, passages, latex, volumes,
               epub, extraction, messages, sharing, archives, feeds)
    for module in modules:
        module.setup(app)
    return {"version": version("translate-kit"), "parallel_read_safe": True, "parallel_write_safe": True}
