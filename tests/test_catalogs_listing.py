"""Which catalogs and sources a project has, found without Sphinx."""

from conftest import copy_root
from translate_kit.catalogs.pofile_io import catalog_paths, source_docnames
from translate_kit.config import load_config


def touch(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_catalogs_are_listed_by_docname_in_path_order(tmp_path):
    root = copy_root("multi", tmp_path)
    config = load_config(root)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    for name in ("articles-old/z.po", "articles/b/c.po", "zeta.po", "articles/a000.po", "notes.txt"):
        touch(folder / name)
    found = catalog_paths(config, config.edition("en"))
    assert list(found) == ["articles/a000", "articles/a001", "articles/b/c", "articles-old/z", "zeta"]
    assert found["articles/b/c"] == folder / "articles" / "b" / "c.po"
    assert catalog_paths(config, config.edition("zh-Hant")) == {}  # no folder at all


def test_sources_leave_out_hidden_and_underscored_files_and_folders(tmp_path):
    root = copy_root("multi", tmp_path)
    docs = root / "docs"
    for name in ("_build/x.md", ".cache/y.md", "articles/_draft.md", "articles/.z.md", "notes/n.rst"):
        touch(docs / name)
    assert source_docnames(load_config(root)) == {
        "index", "articles/index", "articles/a001", "articles/a002", "notes/n"}
