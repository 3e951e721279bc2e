"""The search script readers run (``translate-kit-search.js``), exercised in Node.

The Python side writes the index and the script reads it: the two must agree on the
shard of every term, on the page lists, and on how a query is cut into terms.  Each
check here runs the shipped script itself, against literal expectations and against the
Python side on generated cases.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.sphinxext.search_fold import fold_script, fold_table
from translate_kit.sphinxext.search_index import encode_ids, term_shard

pytestmark = pytest.mark.node

SCRIPT = (Path(__file__).parents[1] / "src" / "translate_kit" / "sphinxext" / "static"
          / "translate-kit-search.js")
# What a page gives the script before it runs: a window, a document that is never
# loaded, and the edition's folding table (translate-kit-fold.js).
HARNESS = """
const window = {location: {search: ""}};
const document = {addEventListener() {}};
%(fold)s
%(script)s
const calls = JSON.parse(require("fs").readFileSync(0, "utf8"));
const answers = calls.map(([name, ...args]) => {
  const value = TKSearch[name](...args);
  return name === "parse" ? value.terms : value;
});
process.stdout.write(JSON.stringify(answers));
"""

# FNV-1a (32 bits) of ASCII text: the published test vectors of the algorithm.
FNV1A_VECTORS = {"": 0x811C9DC5, "a": 0xE40C292C, "foobar": 0xBF9CF968}


def run_script(calls: list[list], fold: dict[str, str] | None = None) -> list:
    """The answers of ``TKSearch.<name>(*args)`` for each ``[name, *args]`` of ``calls``."""
    source = HARNESS % {"fold": fold_script(fold or {}), "script": SCRIPT.read_text("utf-8")}
    proc = subprocess.run(["node", "-e", source], input=json.dumps(calls), text=True,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_terms_hash_as_fnv_1a_on_both_sides():
    full = 2**32  # a shard count above every hash leaves the hash itself
    for text, value in FNV1A_VECTORS.items():
        assert term_shard(text, full) == value
    assert run_script([["shardOf", text, full] for text in FNV1A_VECTORS]) == list(
        FNV1A_VECTORS.values())


def test_chinese_terms_fall_in_the_same_shard_on_both_sides():
    terms = ["经济", "經濟", "开发", "區", "𠀀𠀁", "growth", "市"]
    counts = [1, 7, 16, 255]
    python = [term_shard(term, n) for term in terms for n in counts]
    assert run_script([["shardOf", term, n] for term in terms for n in counts]) == python
    assert len(set(python)) > len(counts)  # the terms do not all land in one shard


def test_page_lists_decode_from_literal_text():
    cases = {"1": [0], "12X6": [0, 2, 40], "": [], "~__": list(range(12)), "25": [1, 6],
             "~_1": [0, 1, 2, 3, 4, 5, 6]}
    assert run_script([["decode", text] for text in cases]) == list(cases.values())


@settings(max_examples=5, deadline=None)
@given(st.lists(st.integers(1, 5000).flatmap(
    lambda pages: st.tuples(st.just(pages), st.sets(st.integers(0, pages - 1)))),
    min_size=20, max_size=40))
def test_every_page_list_the_index_writes_reads_back_in_the_script(cases):
    texts = [encode_ids(sorted(ids), pages) for pages, ids in cases]
    assert run_script([["decode", text] for text in texts]) == [sorted(ids) for _, ids in cases]


def test_a_query_is_cut_into_the_terms_the_index_holds():
    fold = fold_table(())
    answers = run_script([["parse", "經濟開發區 Economic，市"], ["parse", "经济开发区"],
                          ["parse", "ＡＢＣ１２３"]], fold)
    # Folded to one script (the lower code point of 經/经 and 濟/济), then bigrams.
    assert answers[0] == ["經济", "济开", "开发", "发区", "economic", "市"]
    assert answers[1] == answers[0][:4]
    assert answers[2] == ["abc123"]
