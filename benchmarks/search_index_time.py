"""Seconds to build one edition's search index alone, in a fresh process (``bench.search``).

``python -m benchmarks.search_index_time DOCS DOCTREES EDITION LANGUAGE ENGINE``
loads the doctrees a build left, then times feeding them to Sphinx's ``IndexBuilder``
and writing the index: Sphinx's jieba language (``sphinx``, as translate-kit configured
it before: no user dictionary) or translate-kit's, with its shards (``translate-kit``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.search import IndexBuilder, js_index

from translate_kit.contract import EDITION_OPTION
from translate_kit.sphinxext import search


def index_seconds(docs: Path, doctrees: Path, edition: str, language: str, engine: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        app = Sphinx(docs, docs, out, doctrees, "html", status=None, warning=None,
                     confoverrides={"language": language, EDITION_OPTION: edition})
        env = app.env
        names = sorted(env.all_docs)
        trees = {name: env.get_doctree(name) for name in names}
        started = time.perf_counter()
        if engine == "sphinx":
            indexer = IndexBuilder(env, "zh", {"dict": ""}, "")
        else:
            indexer = IndexBuilder(env, language, {}, "")
        for name in names:
            indexer.feed(name, name, env.titles[name].astext(), trees[name])
        with open(Path(out) / "searchindex.js", "w", encoding="utf-8") as stream:
            indexer.dump(stream, js_index)
        if engine != "sphinx":
            app.builder.indexer = indexer
            search._write_index(app, None)
        return time.perf_counter() - started


if __name__ == "__main__":
    docs, doctrees, edition, language, engine = sys.argv[1:]
    print(index_seconds(Path(docs), Path(doctrees), edition, language, engine))
