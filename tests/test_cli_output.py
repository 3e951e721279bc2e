"""What the command prints: whole paths and codes at any width, untrusted text verbatim.

Each command runs at ``COLUMNS`` 40 and 250, from a project in a long directory path, with
its output going to a pipe (as in a CI log) and to a terminal (rich's ``FORCE_COLOR``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_root
from translate_kit.cli import main

LONG = "x" * 90
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = re.compile("[│┃━─┏┗╇┡]")


@pytest.fixture(params=["40", "250"], ids=lambda c: f"COLUMNS={c}")
def columns(request) -> str:
    return request.param


@pytest.fixture(params=["pipe", "terminal"])
def output(request) -> str:
    return request.param


@pytest.fixture
def multi(tmp_path) -> Path:
    """The ``multi`` mini project, ninety characters deeper than the temporary directory."""
    return copy_root("multi", tmp_path / LONG)


def invoke(root: Path, *args: str, columns: str = "80", output: str = "pipe"):
    """Run the command as printed to ``output`` at ``COLUMNS``; its text without colours."""
    env = {"COLUMNS": columns, "FORCE_COLOR": "1" if output == "terminal" else None,
           "TTY_COMPATIBLE": None, "NO_COLOR": None}
    result = CliRunner().invoke(main, ["--root", str(root), *args], env=env)
    return result.exit_code, ANSI.sub("", result.output)


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_editions_shows_every_code_whole(multi, columns, output):
    code, text = invoke(multi, "editions", columns=columns, output=output)
    assert code == 0, text
    words = text.split()
    assert {"zh-Hant", "zh-Hans", "en", "locale/zh_Hans", "locale/en"} <= set(words)
    assert "…" not in text
    if output == "pipe":
        assert not BOX.search(text)
        assert lines(text)[1].split() == ["zh-Hant", "繁體中文", "source", "zh_TW"]


def test_build_html_prints_whole_paths(multi, columns, output):
    code, text = invoke(multi, "build", "html", "-e", "zh-Hant", columns=columns, output=output)
    assert code == 0, text
    assert f"site: {multi}/_build/html/index.html" in lines(text)
    assert f"zh-Hant html: {multi}/_build/html/zh-hant" in lines(text)
    assert "…" not in text
    if output == "pipe":
        assert not BOX.search(text)
        status = next(line for line in lines(text) if line.startswith("zh-Hant "))
        assert status.split()[:3] == ["zh-Hant", "ok", "0"]


def test_a_failed_build_says_so_with_its_code(multi, columns):
    (multi / "docs/conf.py").write_text("this is not python\n", encoding="utf-8")
    code, text = invoke(multi, "build", "html", "-e", "zh-Hant", columns=columns)
    assert code == 1
    assert any(line.split()[:3] == ["zh-Hant", "failed", "(2)"] for line in lines(text)), text
    assert "zh-Hant: sphinx-build failed:" in lines(text)


def test_a_sphinx_warning_keeps_its_type(multi, output):
    article = multi / "docs/articles/a002.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n見[別處](#nowhere)。\n",
                       encoding="utf-8")
    code, text = invoke(multi, "build", "html", "-e", "zh-Hant", output=output)
    assert code == 0, text
    [warning] = [line for line in lines(text) if "nowhere" in line]
    assert warning.startswith("zh-Hant: ") and warning.endswith("[myst.xref_missing]")


def test_import_prints_a_file_name_that_looks_like_markup_as_it_is(tmp_path, output):
    root = copy_root("catalogs", tmp_path / LONG, "project")
    source = root / "[red]odd name.txt"
    source.write_text("奇怪的檔名\n這是正文。\n", encoding="utf-8")
    code, text = invoke(root, "import", str(source), "--date", "2026-01-02", output=output)
    assert code == 0, text
    assert text.startswith("[red]odd name.txt → docs/articles/")


def test_a_title_or_label_with_a_closing_tag_is_printed_as_it_is(tmp_path, output):
    root = copy_root("catalogs", tmp_path, "project")
    config = root / "translate-kit.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'label = "English"', 'label = "[/x] English [bold]"'), encoding="utf-8")
    code, text = invoke(root, "editions", output=output)
    assert code == 0, text
    assert "[/x] English [bold]" in text
    source = root / "title.txt"
    source.write_text("這是正文。\n", encoding="utf-8")
    code, text = invoke(root, "import", str(source), "--title", "[/x] 標題 [/]", output=output)
    assert code == 0, text
    code, text = invoke(root, "update", output=output)
    assert code == 0, text
    assert "[/x] English [bold] (en)" in [line.strip() for line in lines(text)]  # a table centres it
