"""A build killed while it writes pages is repaired by the next one, never trusted."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import as_from_a_terminal
from benchmarks import generate_corpus

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 40


def start_build(root: Path) -> subprocess.Popen:
    """``translate-kit build html`` in its own process group, as a terminal runs it."""
    return subprocess.Popen(
        [sys.executable, "-m", "translate_kit", "--root", str(root), "build", "html"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, env={**os.environ, "COLUMNS": "200"},
        preexec_fn=as_from_a_terminal,
    )


def finish_build(root: Path) -> str:
    proc = start_build(root)
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output
    return output


def kill_while_writing(root: Path, sig: int) -> None:
    """Wait until the source edition has written some pages but not its search index."""
    out = root / "_build/html/zh-hant"
    proc = start_build(root)
    deadline = time.monotonic() + 600
    while not any((out / "articles").glob("*.html")):
        assert proc.poll() is None, "the build ended before writing any page"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(proc.pid, sig)
    proc.communicate(timeout=60)
    assert not (out / "_search/meta.js").exists(), "killed too late: the build had finished"


def indexed_pages(root: Path, slug: str) -> int:
    """How many pages the edition's search finds things in (``_search/meta.js``)."""
    text = (root / "_build/html" / slug / "_search/meta.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"TKSearch\.meta\(0,(.*)\);", text.strip())[1])["pages"]


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "_build/html"
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory) -> dict[str, bytes]:
    root = generate_corpus(tmp_path_factory.mktemp("clean") / "p", ARTICLES, REPO).root
    finish_build(root)
    return site_files(root)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_the_build_after_an_interrupted_one_gives_the_clean_site(tmp_path, clean_site, sig):
    root = generate_corpus(tmp_path / "p", ARTICLES, REPO).root
    kill_while_writing(root, sig)
    output = finish_build(root)
    (row,) = [line for line in output.splitlines() if re.match(r"zh-Hant {2,}", line)]  # summary
    assert "interrupted" in row and "up to date" not in row
    assert indexed_pages(root, "zh-hant") == ARTICLES + 1  # the articles and the index
    assert site_files(root) == clean_site
    again = finish_build(root)
    assert len(re.findall(r"^\S+ {2,}up to date", again, re.MULTILINE)) == 3, again
    assert site_files(root) == clean_site
