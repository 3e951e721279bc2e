"""The versions an edition's rebuild fingerprint holds: every package the build runs on."""

from importlib import metadata

from translate_kit.publish.inputs import tool_versions


def test_the_fingerprint_holds_the_tools_that_shape_the_pages():
    versions = set(tool_versions())
    # Sphinx's own requirement (docutils) and the stemmers of the search index count,
    # though translate-kit does not name them all.
    for name in ("sphinx", "docutils", "myst-parser", "furo", "opencc", "babel",
                 "snowballstemmer", "pystemmer"):
        assert f"{name}=={metadata.version(name)}" in versions


def test_test_and_benchmark_tools_do_not_rebuild_the_site():
    names = {entry.partition("==")[0] for entry in tool_versions()}
    assert not names & {"pytest", "hypothesis", "playwright", "sphinx-intl"}
