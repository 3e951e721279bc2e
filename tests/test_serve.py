"""`translate-kit serve`: the live preview, driven end to end over real HTTP.

The server runs as a user runs it (a subprocess, stopped with Ctrl-C); the tests edit
the project's files as an editor saves them and read what the server prints and serves.
"""

import html
import json
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from conftest import copy_root
from translate_kit.config import load_config
from translate_kit.serve.changes import ChangeTracker
from translate_kit.serve.server import LiveState, read_page, with_snippet

RUSH = "為了趕上進度，工人們著急地加班，這樣的情況在開發區並不少見。"
A001_EN = "locale/en/LC_MESSAGES/articles/a001.po"


def html_mtimes(root, slug):
    base = root / "_build" / "html" / slug
    return {p.relative_to(base).as_posix(): p.stat().st_mtime_ns for p in base.rglob("*.html")}


def runners(root):
    """The build runners (``sphinx_fork``) started in ``root``, by process id."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes().split(b"\0")
            if b"translate_kit.publish.sphinx_fork" in command and (proc / "cwd").resolve() == root:
                found.append(int(proc.name))
        except (OSError, ValueError):
            continue  # not a process, or one that ended meanwhile
    return found


def token(preview, page):
    with urlopen(f"{preview.url}__translate-kit__/status?page=/{page}", timeout=30) as response:
        return json.load(response)["token"]


def test_a_saved_catalog_rebuilds_its_edition_and_a_broken_one_is_shown_until_fixed(
        tmp_path, live_preview):
    root = copy_root("multi", tmp_path)
    preview = live_preview(root)
    for code in ("zh-Hant", "zh-Hans", "en"):
        preview.expect(rf"^{code}: built in ")
    assert RUSH in preview.get("en/articles/a001.html")
    others = {slug: html_mtimes(root, slug) for slug in ("zh-hant", "zh-hans")}
    chinese, english = (token(preview, f"{slug}/articles/a001.html") for slug in ("zh-hant", "en"))

    catalog = root / A001_EN
    original = catalog.read_bytes()
    catalog.write_bytes(original + f'\nmsgid "{RUSH}"\nmsgstr "Workers did overtime."\n'.encode())
    assert preview.expect(r"^changed: ").string == f"changed: {A001_EN} → rebuilding en"
    preview.expect(r"^en: built in ")
    page = preview.get("en/articles/a001.html")
    assert "Workers did overtime." in page and RUSH not in page
    assert {slug: html_mtimes(root, slug) for slug in others} == others  # only en was rebuilt
    assert token(preview, "en/articles/a001.html") != english  # the open page reloads
    assert token(preview, "zh-hant/articles/a001.html") == chinese  # and only the pages written
    assert len(runners(root.resolve())) == 1  # the next build's, importing Sphinx meanwhile

    # A save that changes nothing, and whatever the build wrote, trigger nothing: the next
    # change the server reports is the next real one.
    catalog.write_bytes(catalog.read_bytes())
    (root / "locale/en/LC_MESSAGES/articles/a002.po").write_text(
        'msgid "體育館開放"\nmsgstr "Sports hall opens"\n', encoding="utf-8")
    assert preview.expect(r"^changed: ").string == (
        "changed: locale/en/LC_MESSAGES/articles/a002.po → rebuilding en")
    preview.expect(r"^en: built in ")

    lines = catalog.read_bytes().count(b"\n")
    with catalog.open("a", encoding="utf-8") as handle:
        handle.write('msgid "<b>half"\nmsgstr "<script>saved mid-edit\n')
    error = f"{A001_EN}:{lines + 2}: syntax error"
    assert preview.expect(r"^error: ").string.startswith(f"error: {error}")
    for page in ("en/articles/a001.html", "zh-hant/index.html", "index.html"):
        shown = preview.get(page)
        assert 'id="tk-live-error"' in shown and error in shown
        assert "<script>saved" not in shown and html.escape("<script>saved") in shown
    assert "Workers did overtime." in preview.get("en/articles/a001.html")  # the last good build

    catalog.write_bytes(original)
    preview.expect(r"^en: built in ")
    page = preview.get("en/articles/a001.html")
    assert 'id="tk-live-error"' not in page and "Workers did overtime." not in page

    assert preview.stop() == 0
    assert preview.output[-1] == "stopped"
    assert runners(root.resolve()) == []
    with pytest.raises(URLError):
        urlopen(preview.url, timeout=5)


def test_it_listens_on_loopback_and_a_taken_port_is_a_clear_error(tmp_path, live_preview):
    root = copy_root("multi", tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "translate_kit", "--root", str(root), "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=120)  # a bound: it must fail at once
    assert done.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in done.stderr
    preview = live_preview(root, "-e", "en")
    assert preview.url.startswith("http://127.0.0.1:")
    preview.expect(r"^en: built in ")
    assert not (root / "_build/html/zh-hant").exists()  # -e: only that edition
    assert preview.stop() == 0


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    root = copy_root("multi", tmp_path_factory.mktemp("tracker"))
    (root / "locale/zh_Hant").mkdir()
    (root / "locale/zh_Hant/repairs.txt").write_text("后\t後\n", encoding="utf-8")
    config = load_config(root)
    return ChangeTracker(config, config.editions)


@pytest.mark.parametrize("name, readers", [
    ("locale/en/LC_MESSAGES/articles/a001.po", ["en"]),
    ("locale/zh_Hans/LC_MESSAGES/articles/a001.po", ["zh-Hans"]),
    ("locale/zh_Hans/phrases.txt", ["zh-Hans"]),
    ("docs/articles/a002.md", ["zh-Hant", "zh-Hans", "en"]),
    ("translate-kit.toml", ["zh-Hant", "zh-Hans", "en"]),
    ("locale/zh_Hant/repairs.txt", []),  # applied when articles are imported, not when built
    ("locale/en/LC_MESSAGES/articles/new.po", ["en"]),  # a new catalog
    ("locale/interface/zh_Hant/LC_MESSAGES/translate_kit.po", ["zh-Hant", "zh-Hans", "en"]),
])
def test_a_file_is_rebuilt_into_the_editions_that_read_it(tracker, name, readers):
    path = tracker.config.root / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('msgid "x"\nmsgstr ""\n', encoding="utf-8")
    assert [e.code for e in tracker.readers([path])] == readers


def test_editor_leftovers_hidden_files_and_build_output_are_not_watched(tracker):
    root = tracker.config.root
    for name in ("docs/articles/.a001.md.swp", "docs/articles/a001.md~", "locale/.translate-kit.lock",
                 "_build/html/en/index.html", "locale/en/LC_MESSAGES/.a001.po.tmp"):
        assert not tracker.is_watched(root / name), name
    assert tracker.is_watched(root / "locale/en/LC_MESSAGES/articles/a001.po")


def test_a_file_rewritten_with_the_same_bytes_is_no_change(tmp_path):
    root = copy_root("multi", tmp_path)
    config = load_config(root)
    changes = ChangeTracker(config, config.editions)
    article = root / "docs/articles/a001.md"
    article.write_bytes(article.read_bytes())
    assert changes.changed([article]) == []
    article.write_bytes(article.read_bytes() + b"\n")
    assert changes.changed([article]) == [article]
    article.unlink()
    assert changes.rescan() == [article]
    assert [e.code for e in changes.readers([article])] == ["zh-Hant", "zh-Hans", "en"]


def test_a_page_gets_a_new_token_when_its_file_is_written_and_problems_are_escaped(tmp_path):
    state = LiveState(["zh-hant", "en"])
    page, other, unwritten = (tmp_path / name for name in ("a.html", "b.html", "c.html"))
    page.write_text("<html><body><p>1</p></body></html>\n")
    other.write_text("<html><body><p>1</p></body></html>\n")
    before = state.token("en", page)
    state.record(["en"], {}, {"en": ()})
    assert state.token("en", page) != before  # the first round ends "building"
    settled = {path: state.token("en", path) for path in (page, other, unwritten)}
    state.record(["en"], {}, {"en": ()})
    assert {path: state.token("en", path) for path in settled} == settled

    other.write_text(other.read_text())  # written again as it was: nothing to reload
    page.write_text("<html><body><p>2</p></body></html>\n")  # its open tabs reload at once
    unwritten.write_text("<html><body><p>new</p></body></html>\n")
    assert state.token("en", page) != settled[page]
    assert state.token("en", unwritten) != settled[unwritten]
    assert state.token("en", other) == settled[other]
    state.record(["en"], {}, {"en": ("docs/a.md:3: WARNING: something",)})
    assert state.token("en", other) != settled[other]  # its edition's warnings are shown
    assert state.token("zh-hant", other) == settled[other]  # not another edition's

    state.record(["en"], {"en": 'x.po:3: bad "<img src=x onerror=alert(1)>"'}, {})
    shown = with_snippet(b"<html><body><p>text</p></body></html>",
                         state.snippet("zh-hant", page.read_bytes()))
    assert b"<img" not in shown and b"&lt;img src=x onerror=alert(1)&gt;" in shown
    assert shown.index(b"tk-live-error") > shown.index(b"<p>text</p>")
    assert shown.endswith(b"</script>\n</body></html>")
    state.record(["en"], {}, {})
    assert b"tk-live-error" not in with_snippet(b"<body></body>", state.snippet("en", None))


def test_a_page_caught_while_sphinx_writes_it_is_read_once_written(tmp_path):
    """Sphinx writes a page in place: a tab that reloads meanwhile gets the whole page."""
    page = tmp_path / "a.html"
    whole = "<!DOCTYPE html>\n<html><body><p>" + "新" * 5000 + "</p></body></html>\n"
    page.write_text(whole[:100])
    finish = threading.Timer(0.05, lambda: page.write_text(whole))
    finish.start()
    try:
        assert read_page(page) == whole.encode()
    finally:
        finish.join()
    assert read_page(tmp_path / "missing.html") is None
