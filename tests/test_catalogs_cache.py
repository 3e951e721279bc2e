"""stats and check read only the catalogs that changed, and never show a stale answer."""

import os

from conftest import copy_root
from translate_kit.publish.extraction import extract_templates
from translate_kit.catalogs.cache import per_file
from translate_kit.catalogs.check import check_catalogs
from translate_kit.catalogs.stats import collect_stats
from translate_kit.config import load_config

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_only_changed_files_are_computed_again(tmp_path):
    files = [tmp_path / name for name in ("a.po", "b.po", "c.po")]
    for path in files:
        path.write_text(path.stem, encoding="utf-8")
    cache = tmp_path / "cache" / "x.json"
    computed = []

    def compute(path):
        computed.append(path.name)
        return path.read_text(encoding="utf-8").upper()

    assert per_file(cache, "one", files, compute) == dict(zip(files, ["A", "B", "C"]))
    assert per_file(cache, "one", files, compute)[files[1]] == "B"
    assert computed == ["a.po", "b.po", "c.po"]
    before = files[1].stat()
    files[1].write_text("x", encoding="utf-8")  # same size, and the old times put back
    os.utime(files[1], ns=(before.st_atime_ns, before.st_mtime_ns))
    assert per_file(cache, "one", files, compute)[files[1]] == "X"
    assert computed == ["a.po", "b.po", "c.po", "b.po"]
    per_file(cache, "two", files, compute)  # another context: everything again
    assert computed[4:] == ["a.po", "b.po", "c.po"]


def test_stats_and_check_follow_an_edited_catalog(tmp_path):
    root = copy_root("multi", tmp_path)
    config = load_config(root)
    po = root / "locale/en/LC_MESSAGES/articles/a002.po"
    po.write_text(HEADER + 'msgid "體育館開放"\nmsgstr ""\n', encoding="utf-8")

    def a002_translated():
        (en,) = collect_stats(config)
        return {d.docname: d.progress.messages.translated for d in en.documents}["articles/a002"]

    def a002_problems():
        return [p.message for p in check_catalogs(config, extract_templates).problems if p.path == po]

    assert a002_translated() == 0 and any("untranslated" in m for m in a002_problems())
    po.write_text(HEADER + 'msgid "體育館開放"\nmsgstr "Stadium opens <script>"\n', encoding="utf-8")
    assert a002_translated() == 1
    assert any("<script>" in m for m in a002_problems())
    po.write_text(HEADER + 'msgid "體育館開放"\nmsgstr "Stadium opens"\n', encoding="utf-8")
    assert a002_problems() == []
