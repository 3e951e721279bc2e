"""Progress steps read from the status lines of the tools the runner starts.

Sphinx's own status lines (``reading sources... [ 45%] articles/a0090``) and latexmk's
passes (``Run number 2 of rule 'xelatex'``) are turned into steps here, so a build's bar
moves as Sphinx reads and writes, whatever the language of its messages.
"""

from __future__ import annotations

import re

from translate_kit.progress import Step

SPHINX_STATUS = re.compile(r"^(?P<phase>[^\[\]]*?)[.…]*\s*\[\s*(?P<percent>\d+)%\]\s*(?P<item>.*)$")
ANSI_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LATEXMK_RUN = re.compile(r"^Run number (?P<number>\d+) of rule '(?P<rule>[^']+)'")


def sphinx_step(task: str, line: str) -> Step | None:
    """The step a sphinx-build status line reports, if it reports one.

    Where Sphinx believes it writes to a terminal (``FORCE_COLOR``) it rewrites one line
    (erase, text, carriage return): the last rewrite counts.
    """
    line = ANSI_CONTROL.sub("", line.rstrip("\r\n")).rsplit("\r", 1)[-1]
    match = SPHINX_STATUS.match(line.strip())
    if match is None:
        return None
    return Step(task, match["phase"].strip(), int(match["percent"]), 100, match["item"].strip())


def latexmk_step(task: str, line: str, passes: int = 3) -> Step | None:
    """The step a latexmk status line reports: the TeX passes, then the PDF driver."""
    match = LATEXMK_RUN.match(line.strip())
    if match is None:
        return None
    number, rule = int(match["number"]), match["rule"]
    if rule.endswith("latex"):
        return Step(task, f"{rule} pass {number}", min(number - 1, passes - 1), passes)
    return Step(task, rule, passes - 1, passes)
