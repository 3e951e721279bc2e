"""Progress: Sphinx's and latexmk's own status lines move one bar (or line) per task."""

import io

from conftest import copy_root, translate_kit
from rich.console import Console

from translate_kit.progress import Step
from translate_kit.publish.status import latexmk_step, sphinx_step
from translate_kit.terminal import show_progress



def test_sphinx_status_lines_become_steps_in_any_language():
    assert sphinx_step("en html", "reading sources... [ 45%] articles/a0090\n") == Step(
        "en html", "reading sources", 45, 100, "articles/a0090")
    assert sphinx_step("en html", "writing output... [100%] index") == Step(
        "en html", "writing output", 100, 100, "index")
    assert sphinx_step("x", "正在讀取原始檔案…… [ 50%] index") == Step(
        "x", "正在讀取原始檔案", 50, 100, "index")
    rewritten = "\x1b[2Kreading sources... [ 50%] a\r\x1b[2Kreading sources... [100%] index\r\n"
    assert sphinx_step("en html", rewritten) == Step("en html", "reading sources", 100, 100, "index")
    for line in ("building [html]: targets for 3 source files", "loading translations [en]... done",
                 "build succeeded."):
        assert sphinx_step("en html", line) is None


def test_latexmk_passes_become_steps():
    assert latexmk_step("en pdf", "Run number 2 of rule 'xelatex'") == Step(
        "en pdf", "xelatex pass 2", 1, 3)
    assert latexmk_step("en pdf", "Run number 1 of rule 'xdvipdfmx'") == Step(
        "en pdf", "xdvipdfmx", 2, 3)
    assert latexmk_step("en pdf", "Latexmk: applying rule 'xelatex'...") is None


class Screen(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_one_bar_per_task():
    screen = Screen()
    console = Console(file=screen, force_terminal=True, width=100)
    with show_progress(console) as report:
        report(Step("zh-Hant html", "reading sources", 30, 100, "articles/a001"))
        report(Step("en html", "writing output", 100, 100, "index"))
        report(Step("zh-Hant html", "writing output", 50, 100, "articles/a002"))
    shown = screen.getvalue()
    assert "zh-Hant html" in shown and "en html" in shown
    assert "writing output articles/a002" in shown and "\x1b[" in shown


def test_a_pipe_gets_plain_lines_at_each_tenth():
    lines = io.StringIO()
    with show_progress(Console(file=lines, width=100)) as report:
        for percent in range(0, 101, 5):
            report(Step("en html", "writing output", percent, 100, f"doc{percent}"))
    assert lines.getvalue().splitlines() == [f"[en html] writing output {p}%" for p in range(0, 101, 10)]


def test_colours_forced_into_a_log_still_get_plain_lines():
    log = io.StringIO()
    with show_progress(Console(file=log, force_terminal=True, width=100)) as report:
        report(Step("en html", "writing output", 100, 100, "index"))
    assert "[en html] writing output 100%" in log.getvalue() and "\x1b[2K" not in log.getvalue()


def test_build_html_in_a_pipe_reports_each_edition_reading_and_writing(tmp_path):
    root = copy_root("multi", tmp_path)
    done = translate_kit(root, "build", "html")
    assert done.returncode == 0, done.stdout + done.stderr
    progress = done.stderr.splitlines()
    for code in ("zh-Hant", "zh-Hans", "en"):
        assert f"[{code} html] reading sources 100%" in progress
        assert f"[{code} html] writing output 100%" in progress
        assert f"[{code} html] done 100%" in progress
    assert "\x1b[2K" not in done.stderr  # no bar redrawn in a log, even with FORCE_COLOR
