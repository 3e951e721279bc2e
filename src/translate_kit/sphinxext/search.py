"""Search per edition that finds what readers type, in either script, with a small download.

Each edition has its own index, built from its own (converted or translated) text, with
one search language for every edition (``search_language.FoldedSearch``): both scripts
folded to one (``search_fold``), CJK text as overlapping bigrams, other words stemmed.
Sphinx's ``IndexBuilder`` collects the terms and keeps them between incremental builds;
at the end of the build ``search_index`` writes them as small shards under ``_search/``
that the search page loads on demand, with each page's text for the summaries (taken
when the page is written).  The search page (``templates/search.html``, furo's page
without Sphinx's ``searchtools.js`` and ``searchindex.js``) runs
``translate-kit-search.js``, which answers ``search.html?q=…`` as Sphinx's page does,
served or opened from ``file://``.  Sphinx's own ``searchindex.js`` is not written: the
terms it keeps between builds, and the pages' texts, are pickled beside the doctrees.
"""

from __future__ import annotations

import json
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from translate_kit.config import EditionKind
from translate_kit.files import user_cache_dir, write_atomic
from translate_kit.sphinxext import project_config
from translate_kit.sphinxext.messages import _, ngettext
from translate_kit.sphinxext.search_fold import (
    FOLD_SCRIPT,
    fold_table,
    translation,
    write_fold_script,
)
from translate_kit.sphinxext.search_index import page_record, write_index
from translate_kit.sphinxext.search_language import FoldedSearch

SEARCH_SCRIPT = "translate-kit-search.js"
SPHINX_TERMS = "translate-kit-search-terms.pickle"
PAGE_TEXTS = "translate-kit-search-texts.pickle"
logger = logging.getLogger(__name__)
_TEXTS: WeakKeyDictionary[Sphinx, _PageTexts] = WeakKeyDictionary()
"""The page texts of each application's build."""


class _PickledTerms:
    """The format of the terms Sphinx keeps between builds: a pickle, and the frozen index
    it was given kept for ``_write_index``, which would otherwise freeze it once more
    (0.1 s at 800 pages, on every build)."""

    def __init__(self) -> None:
        self.frozen: dict[str, Any] | None = None

    def dump(self, data: dict[str, Any], stream: IO[bytes]) -> None:
        pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        self.frozen = data

    def load(self, stream: IO[bytes]) -> Any:
        return pickle.load(stream)


def _enabled(app: Sphinx) -> bool:
    return app.builder.format == "html" and getattr(app.builder, "search", False)


def _fold(app: Sphinx) -> dict[str, str]:
    """The folding of every script edition's OpenCC configuration, the same in each edition."""
    project = project_config(app.config)
    configs = tuple(sorted({name for e in project.editions_of(EditionKind.SCRIPT)
                            for name in project.opencc_chain(e)}))
    return fold_table(configs, user_cache_dir())


def _configure(app: Sphinx) -> None:
    """Every HTML edition searches with ``FoldedSearch`` under its own language code."""
    if not _enabled(app):
        return
    language = app.config.html_search_language or app.config.language or "en"
    table = _fold(app)
    app.add_search_language(
        type("EditionSearch", (FoldedSearch,), {"lang": language, "fold": translation(table)})
    )
    write_fold_script(Path(app.outdir) / "_static", table)
    _keep_terms_with_the_doctrees(app)


def _keep_terms_with_the_doctrees(app: Sphinx) -> None:
    """Sphinx keeps the terms of pages it does not read again in its ``searchindex.js``,
    which no page of the site loads: it is kept as a pickle beside the doctrees instead,
    out of the site, and quicker to load and to write on every build than the script."""
    builder = app.builder
    if not hasattr(builder, "searchindex_filename"):
        return
    builder.indexer_format = _PickledTerms()
    builder.indexer_dumps_unicode = False
    builder.searchindex_filename = str(Path(app.doctreedir) / SPHINX_TERMS)
    (Path(app.outdir) / "searchindex.js").unlink(missing_ok=True)  # from an earlier build


def _entries_lost(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    """The pages to read again because their search entry is lost: every page when the
    terms kept between builds are missing (deleted, or kept by an earlier version in
    ``searchindex.js``), as Sphinx would index only the pages it reads; those whose text
    kept for the results' summaries is missing."""
    if not _enabled(app):
        return []
    kept = _load_texts(app)
    _TEXTS[app] = _PageTexts(kept, {})
    if not (Path(app.doctreedir) / SPHINX_TERMS).is_file():
        return sorted(env.all_docs)
    return sorted(env.all_docs.keys() - kept.keys())


@dataclass
class _PageTexts:
    """The texts of the pages for the results' summaries: as earlier builds kept them,
    and of the pages this build wrote."""

    kept: dict[str, dict[str, str]]
    written: dict[str, dict[str, str]]

    def save(self, path: Path, docnames: list[str] | None) -> dict[str, dict[str, str]]:
        """Keep the texts of ``docnames`` (None: of every page known) when any changed."""
        texts = {**self.kept, **self.written}
        if docnames is not None:
            texts = {docname: texts[docname] for docname in docnames if docname in texts}
        if texts != self.kept:
            write_atomic(path, pickle.dumps(texts, protocol=pickle.HIGHEST_PROTOCOL),
                         durable=False)
        return texts


def _load_texts(app: Sphinx) -> dict[str, dict[str, str]]:
    try:
        with (Path(app.doctreedir) / PAGE_TEXTS).open("rb") as stream:
            kept = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}
    return kept if isinstance(kept, dict) else {}


def _keep_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if _enabled(app):
        _TEXTS.setdefault(app, _PageTexts({}, {})).written[docname] = page_record(doctree)


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    indexer = getattr(app.builder, "indexer", None)
    if not _enabled(app) or indexer is None:
        return
    texts_path = Path(app.doctreedir) / PAGE_TEXTS
    page_texts = _TEXTS.pop(app, None) or _PageTexts(_load_texts(app), {})
    if exception is not None:
        page_texts.save(texts_path, None)
        return
    terms_format = getattr(app.builder, "indexer_format", None)
    frozen = getattr(terms_format, "frozen", None) or indexer.freeze()
    texts = page_texts.save(texts_path, list(frozen["docnames"]))
    outdir = Path(app.outdir)
    index = write_index(outdir, frozen, _newest_first(app), texts, app.builder.get_target_uri)
    logger.info("search index: %d pages, %d terms in %d shards",
                index.pages, index.terms, index.shards)


def _newest_first(app: Sphinx) -> list[str]:
    """Docnames by the date of their front matter, newest first; undated pages last."""
    def date(docname: str) -> str:
        value = str(app.env.metadata.get(docname, {}).get("date", ""))
        return value if re.fullmatch(r"\d{4}-\d\d-\d\d", value) else ""

    return sorted(app.env.found_docs, key=lambda d: (date(d) == "", _reverse(date(d)), d))


def _reverse(date: str) -> str:
    """A key that sorts ISO dates newest first."""
    return "".join(chr(0x7F - ord(char)) for char in date)


def _search_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search" and _enabled(app):
        app.add_js_file(FOLD_SCRIPT)
        app.add_js_file(SEARCH_SCRIPT)
        context["tk_search_messages"] = search_words(len(app.env.found_docs))


def search_words(pages: int) -> dict[str, str]:
    """The search page's words, by the ``data-`` attribute the search script reads them from
    (``{count}`` is filled in there).

    ``found`` lists the forms of the count of results (JSON) and ``found_plural`` is the
    form for each count from 0 to ``pages``, one digit each: the catalog's plural rule is
    applied here by gettext, so the script never evaluates a translator's expression."""

    def found(count: int) -> str:
        return ngettext("Found {count} page.", "Found {count} pages.", count)

    forms = list(dict.fromkeys(found(count) for count in [*range(1, pages + 1), 0]))
    return {
        "results": _("Search results"),
        "searching": _("Searching…"),
        "found": json.dumps(forms, ensure_ascii=False),
        "found_plural": "".join(str(forms.index(found(count))) for count in range(pages + 1)),
        "none": _("No page contains all of these words."),
        "more": _("Show more results"),
    }


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _configure)
    app.connect("env-get-outdated", _entries_lost)
    app.connect("doctree-resolved", _keep_text)
    app.connect("html-page-context", _search_page)
    app.connect("build-finished", _write_index)
