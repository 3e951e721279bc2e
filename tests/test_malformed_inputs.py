"""Malformed inputs through the command line: a located error, a non-zero exit, nothing changed.

Each case breaks one input of a copy of the repository's project, runs ``python -m
translate_kit`` as a user would, and compares every byte of the project before and after.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import escape

from conftest import SAMPLE_DOC, copy_project, snapshot, translate_kit

CATALOG = f"locale/en/LC_MESSAGES/{SAMPLE_DOC}.po"
CATALOG_COMMANDS = (("update",), ("check",), ("stats",), ("build", "html"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def cut_inside_a_string(po: Path) -> int:
    """An interrupted copy: the file ends halfway through a translation's line."""
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith('"'))
    po.write_text("".join(lines[:n]) + lines[n][: len(lines[n]) // 2], encoding="utf-8")
    return n + 1


def cut_after_a_msgid(po: Path) -> int:
    """An interrupted copy that ends on a whole line: a msgid without its msgstr."""
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith('msgid "'))
    po.write_text("".join(lines[: n + 1]), encoding="utf-8")
    return n + 1


def saved_as_gbk(po: Path) -> int:
    """A PO editor that saved GBK bytes under the UTF-8 header; the first such line."""
    data = po.read_text(encoding="utf-8").encode("gbk")
    po.write_bytes(data)
    return next(n for n, line in enumerate(data.split(b"\n"), 1) if not line.isascii())


def duplicated_msgid(po: Path) -> int:
    """The same source text twice (two catalogs pasted together)."""
    text = po.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith('msgid "') and line != 'msgid ""')
    msgid = first[len("msgid "):]
    po.write_text(f'{text}\nmsgid {msgid}\nmsgstr {escape("again")}\n', encoding="utf-8")
    return text.count("\n") + 2


BROKEN_CATALOGS: dict[str, tuple[Callable[[Path], int], str]] = {
    "truncated inside a string": (cut_inside_a_string, "syntax error"),
    "truncated after a msgid": (cut_after_a_msgid, "missing msgstr"),
    "GBK bytes, UTF-8 header": (saved_as_gbk, "not valid UTF-8"),
    "duplicate msgid": (duplicated_msgid, "duplicate msgid"),
}


@pytest.mark.parametrize("command", CATALOG_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("case", BROKEN_CATALOGS)
def test_a_broken_catalog_is_named_by_file_and_line_and_nothing_changes(project, case, command):
    breaks, problem = BROKEN_CATALOGS[case]
    line = breaks(project / CATALOG)
    before = snapshot(project)

    done = translate_kit(project, *command)

    output = " ".join((done.stdout + done.stderr).split())  # rich may wrap long lines
    assert done.returncode == 1
    assert f"{CATALOG}:{line}:" in output and problem in output
    assert "Traceback" not in output
    assert snapshot(project) == before


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + zlib.compress(bytes(range(256)) * 64)


def noise_without_nul() -> bytes:
    generator = random.Random(7)
    return bytes(generator.randrange(1, 256) for _ in range(8000))


BAD_SOURCES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "contains no article text"),
    "blank.html": (b"<html><body><p> </p></body></html>", "contains no article text"),
    "photo.txt": (png_bytes(), "binary file"),
    "noise.txt": (noise_without_nul(), "cannot be decoded"),
    "photo.png": (png_bytes(), "is not a .txt, .md or .html file"),
    # 10 MiB: refused before it is read, rather than imported into builds that would crawl
    "dump.txt": ("十兆字節的文章。\n".encode() * (10 * 2**20 // 25),
                 "is 10.0 MiB; an article source may be at most 4 MiB"),
}


@pytest.mark.parametrize("name", BAD_SOURCES)
def test_a_bad_source_is_refused_by_name_and_nothing_changes(project, name):
    content, problem = BAD_SOURCES[name]
    (project / "sources" / name).write_bytes(content)
    before = snapshot(project)

    done = translate_kit(project, "import", f"sources/{name}", "--date", "2026-11-27")

    output = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1
    assert f"sources/{name}: " in output and problem in output
    assert snapshot(project) == before


@pytest.mark.parametrize("command", (("build", "html"), ("build", "pdf")), ids=" ".join)
def test_an_unknown_edition_is_refused_naming_the_known_ones(project, command):
    before = snapshot(project)
    done = translate_kit(project, *command, "-e", "fr")
    assert done.returncode == 1
    assert "unknown edition 'fr'; this project has: zh-Hant, zh-Hans, en" in done.stderr
    assert snapshot(project) == before
