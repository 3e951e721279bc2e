"""Plain translations are put in as text: the pages are exactly what Sphinx makes of them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from docutils import nodes
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from sphinx.cmd.build import build_main

from conftest import copy_root
from translate_kit.config import load_config
from translate_kit.publish.sphinx_run import sphinx_arguments
from translate_kit.sphinxext import plain_passages
from translate_kit.sphinxext.plain_passages import is_plain

# Source paragraph -> its translation.  Plain ones first, then ones Markdown reads as markup.
PLAIN = [
    "Output rose 50% in the U.S. zone, (est.) 2024.5 (see below).",
    "It's \"quoted\" -- and so: a note, with a colon; and a question?",
    "The 2nd plant opened on 3/4; costs fell by 1.5 million yuan!",
    "Mixed text 開發區 and 經濟 stay as they are.",
    "Ends with a full stop.",
    "x = y + 1 is not a heading.",
]
MARKUP = [
    "1. Looks like a list item",
    "- A bullet",
    "An *emphasised* word",
    "A `literal` word",
    "See [the site](https://example.com/) for more",
    "Tom & Jerry &amp; friends",
    "A <b>tag</b> here",
    "# Not a heading",
    ":field: value",
    "Line one\nline two",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_recognised(text):
    assert is_plain(text)


@pytest.mark.parametrize("text", [*MARKUP, " leading space", "trailing space ", "", "tab\there"])
def test_anything_markdown_could_read_as_markup_is_left_to_sphinx(text):
    assert not is_plain(text)


def _project(tmp_path: Path) -> Path:
    """The multi project with an article whose every paragraph has a translation."""
    root = copy_root("multi", tmp_path)
    sources = [f"第{n}段，開發區的經濟發展很快。" for n in range(len(PLAIN + MARKUP))]
    body = "\n\n".join(sources)
    (root / "docs" / "articles" / "a001.md").write_text(
        f"---\ndate: 2024-03-15\n---\n\n# 翻譯測試\n\n{body}\n", encoding="utf-8")
    catalog = Catalog(locale="en")
    catalog.add("翻譯測試", "Translation test")
    for source, text in zip(sources, PLAIN + MARKUP):
        catalog.add(source, text)
    with (root / "locale" / "en" / "LC_MESSAGES" / "articles" / "a001.po").open("wb") as po:
        write_po(po, catalog)
    return root


def _build(root: Path, outdir: Path) -> str:
    config = load_config(root)
    arguments = sphinx_arguments(config, config.edition("en"), "html", outdir, ("-q",))
    arguments[arguments.index("-d") + 1] = str(outdir / ".doctrees")
    assert build_main(arguments) == 0
    return (outdir / "articles" / "a001.html").read_text(encoding="utf-8")


def test_pages_are_byte_identical_with_and_without_the_plain_path(tmp_path, monkeypatch):
    root = _project(tmp_path)
    fast = _build(root, tmp_path / "fast")
    monkeypatch.setattr(plain_passages, "_applies", lambda config: False)
    slow = _build(root, tmp_path / "sphinx")
    assert fast == slow
    for text in ["Output rose 50% in the U.S. zone", "Mixed text 開發區 and 經濟",
                 "An <em>emphasised</em> word", 'href="https://example.com/"']:
        assert text in fast
    # The plain path did the plain ones, and only those.
    doctree = pickle.loads((tmp_path / "fast" / ".doctrees" / "articles" / "a001.doctree")
                           .read_bytes())
    put_in = [p.astext() for p in doctree.findall(nodes.paragraph)
              if p.get("translated") and not p.rawsource]  # Locale keeps the msgid there
    assert len(put_in) == len(PLAIN)  # as smart quotes left them
    assert put_in[0] == PLAIN[0]
