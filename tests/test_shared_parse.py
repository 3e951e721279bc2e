"""Editions of one language built together parse each document once (``shared_parse``)."""

import os
import pickle
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from myst_parser.parsers.sphinx_ import MystParser

from conftest import build, copy_root, with_article
from translate_kit.config import load_config
from translate_kit.contract import SHARED_PARSE_OPTION
from translate_kit.publish.sphinx_run import SphinxJob, shared_parse, sphinx_arguments
from translate_kit.sphinxext.shared_parse import language_free

DOCUMENTS = ("index", "articles/index", "articles/a001", "articles/a002")


@pytest.fixture
def root(tmp_path):
    return copy_root("multi", tmp_path)


@pytest.fixture
def parses(monkeypatch):
    """How many times MyST parsed each document (not its translated messages)."""
    counted: Counter[str] = Counter()
    parse = MystParser.parse

    def counting(self, inputstring, document):
        if document["source"].endswith(".md"):
            counted[document.settings.env.docname] += 1
        parse(self, inputstring, document)

    monkeypatch.setattr(MystParser, "parse", counting)
    return counted


def shared(root):
    return {SHARED_PARSE_OPTION: str(root / "_build" / "parsed")}


def pages(out):
    html = out / "html"
    return {p.relative_to(html).as_posix(): p.read_bytes() for p in sorted(html.rglob("*.html"))}


def test_the_simplified_edition_loads_the_source_editions_parse_and_writes_the_same_pages(
        root, tmp_path, parses):
    alone = pages(build(root, tmp_path / "alone", "zh-Hans").outdir.parent)
    parses.clear()
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))
    assert sorted(parses) == sorted(DOCUMENTS)
    parses.clear()
    together = build(root, tmp_path / "together", "zh-Hans", overrides=shared(root))
    assert parses == {}
    assert pages(together.outdir.parent) == alone


def doctrees_and_metadata(app):
    doctrees = Path(app.doctreedir)
    env = pickle.loads((doctrees / "environment.pickle").read_bytes())
    return env.metadata, {doc: pickle.loads((doctrees / f"{doc}.doctree").read_bytes()).pformat()
                          for doc in sorted(env.found_docs)}


@pytest.mark.parametrize("first", ["zh-Hant", "en"])
def test_editions_of_two_languages_share_what_parses_alike_and_write_what_they_write_alone(
        root, tmp_path, parses, first):
    """An article whose front matter has a field bibliographic in English (``date``,
    ``author``) but only plain words in it is parsed once for both languages, whichever
    parses first; one with a directive is parsed by each language."""
    with_article(root, "a003", "---\ndate: 2024-05-06\nauthor: 王小明 李四\ntags:\n- 經濟\n---\n\n"
                               "# 第三篇\n\n正文{garbled}`?x`。\n")
    with_article(root, "a004", "# 第四篇\n\n```{note}\n注意。\n```\n")
    alone = {code: build(root, tmp_path / f"{code}-alone", code) for code in ("zh-Hant", "en")}
    second = "en" if first == "zh-Hant" else "zh-Hant"
    build(root, tmp_path / first, first, overrides=shared(root))
    parses.clear()
    together = build(root, tmp_path / second, second, overrides=shared(root))
    assert "articles/a003" not in parses and "articles/a002" not in parses
    assert parses["articles/a004"] == 1
    assert pages(together.outdir.parent) == pages(alone[second].outdir.parent)
    assert doctrees_and_metadata(together) == doctrees_and_metadata(alone[second])


@pytest.mark.parametrize(("text", "fields"), [
    ("# 標題\n\n正文。\n", []),
    ("---\ndate: 2024-05-06\ntitle: 標題\nnotice:\n- 甲\n---\n\n# 標題\n", ["date"]),
    ("# 標題\n\n{garbled}`?x` 與 {restored}`負擔 <?fù>`\n", []),
    ("# 標題\n\n{sub-ref}`today`\n", None),  # a role MyST or Sphinx makes
    ("# 標題\n\n```{contents}\n```\n", None),  # a directive, its title in the language
    ("# 標題\n\n:::{note}\n注意\n:::\n", None),
    ("---\ndate: '*2024*'\n---\n", None),  # Markdown in English, text elsewhere
    ("---\ndate: 2024 -- 2025\n---\n", None),  # an en dash where MyST replaces
    ("---\nauthor: [甲, 乙]\n---\n", None),
    ("---\ndatum: 2024-05-06\n---\n", None),  # German for date
    ("---\ndate: [unclosed\n---\n", None),
], ids=["plain", "front-matter", "own-roles", "role", "directive", "colon-fence",
        "markdown-value", "dashes", "list-value", "translated-name", "bad-yaml"])
def test_what_parses_alike_in_every_language(text, fields):
    assert language_free(text) == fields


def test_a_parse_cut_short_by_a_killed_build_is_parsed_again(root, tmp_path, parses):
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))
    kept = root / "_build/parsed/zh/articles/a001.parsed"
    kept.write_bytes(kept.read_bytes()[:200])
    parses.clear()
    app = build(root, tmp_path / "together", "zh-Hans", overrides=shared(root))
    assert parses == {"articles/a001": 1}
    assert "经济开发区发展报导" in (app.outdir / "articles/a001.html").read_text(encoding="utf-8")


def test_warnings_of_a_shared_parse_are_given_by_every_edition(root, tmp_path, parses):
    with_article(root, "a003", "# 第三篇\n\n這裡有{nosuchrole}`文字`。\n")
    warnings = {}
    for code in ("zh-Hant", "zh-Hans"):
        parses.clear()
        app = build(root, tmp_path / code, code, overrides=shared(root))
        warnings[code] = [line for line in app._warning.getvalue().splitlines() if "nosuchrole" in line]
    assert "articles/a003" not in parses  # the second edition loaded it
    assert len(warnings["zh-Hans"]) == 1
    assert "a003.md" in warnings["zh-Hans"][0] and ":3: WARNING" in warnings["zh-Hans"][0]
    assert warnings["zh-Hans"] == warnings["zh-Hant"]


def test_a_parse_that_adds_objects_to_a_domain_is_not_shared(root, tmp_path, parses):
    with_article(root, "a003", "# 名詞\n\n```{glossary}\n開發區\n  經濟開發區的簡稱。\n```\n\n"
                               "見{term}`開發區`。\n")
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))
    parses.clear()
    app = build(root, tmp_path / "together", "zh-Hans", overrides=shared(root))
    assert parses == {"articles/a003": 1}
    page = (app.outdir / "articles/a003.html").read_text(encoding="utf-8")
    assert 'href="#term-0"' in page or "#term-" in page
    assert "term not in glossary" not in app._warning.getvalue()


def test_the_runner_shares_parses_between_editions_built_together(root):
    config = load_config(root)
    jobs = [SphinxJob(edition, "html", config.edition_html_dir(edition)) for edition in config.editions]
    arguments = dict(zip((e.code for e in config.editions), shared_parse(config, jobs)))
    option = ("-D", f"{SHARED_PARSE_OPTION}={config.cache_dir('parsed')}")
    assert arguments == {"zh-Hant": option, "zh-Hans": option, "en": option}
    assert shared_parse(config, jobs[:1]) == [()]  # a build of one edition keeps nothing


def test_the_parse_of_a_removed_document_is_not_kept(root, tmp_path):
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))
    kept = root / "_build/parsed/every-language/articles/a002.parsed"
    assert kept.is_file()
    (root / "docs/articles/a002.md").unlink()
    listing = root / "docs/articles/index.md"
    listing.write_text(listing.read_text(encoding="utf-8").replace("a002\n", ""), encoding="utf-8")
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))
    assert not kept.exists()
    assert (root / "_build/parsed/zh/articles/a001.parsed").is_file()


def test_a_build_that_parses_nothing_keeps_nothing_and_builds(root, tmp_path, parses):
    build(root, tmp_path / "source", "zh-Hant")
    parses.clear()
    build(root, tmp_path / "source", "zh-Hant", overrides=shared(root))  # nothing to read
    assert parses == {} and not (root / "_build/parsed").exists()


def test_an_edition_in_a_process_of_its_own_builds_from_kept_parses_alone(root, tmp_path):
    """As the runner's editions do: the loading process parses nothing of its own, so
    whatever the parse set up for the rest of the build comes with the kept tree."""
    config = load_config(root)
    option = ("-D", f"{SHARED_PARSE_OPTION}={root / '_build' / 'parsed'}")

    def sphinx_build(code):
        argv = sphinx_arguments(config, config.edition(code), "html", tmp_path / code, option)
        done = subprocess.run([sys.executable, "-m", "sphinx", *argv], cwd=root,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr

    sphinx_build("zh-Hant")
    kept = {path: path.stat().st_mtime_ns for path in (root / "_build/parsed").rglob("*.parsed")}
    assert len(kept) == len(DOCUMENTS)
    sphinx_build("zh-Hans")
    assert {path: path.stat().st_mtime_ns for path in kept} == kept  # loaded, not parsed again
    page = (tmp_path / "zh-Hans" / "articles/a001.html").read_text(encoding="utf-8")
    assert "经济开发区发展报导" in page
    # Saved again unchanged: read again, first of its run, from a parse that was not its own
    # run's first (Sphinx 8 keeps one settings object per run, set up by that first parse).
    os.utime(root / "docs/articles/a002.md")
    sphinx_build("zh-Hans")
