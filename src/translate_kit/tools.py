"""Running the small programs a stage asks (fontconfig, OpenCC's dictionary tool).

Each run has a time limit, and a program that is missing, fails or hangs becomes a
``BuildError`` that names the program and the file it was working on, instead of a
traceback from deep inside a build.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from translate_kit.errors import BuildError

TOOL_TIMEOUT = 120
"""Seconds a helper program may take: fc-list answers in well under one, opencc_dict in a
few, so a run this long has hung."""


def run_tool(command: list[str], *, about: Path | None = None, check: bool = True,
             timeout: float = TOOL_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``command`` and return what it printed; ``about`` is the file it works on.

    With ``check=False`` a non-zero exit is an answer (``fc-list -q``), not an error.
    """
    program = Path(command[0]).name
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except FileNotFoundError as exc:
        raise BuildError(f"{program} is not installed ({exc.strerror})", about) from exc
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{program} did not finish in {timeout:g} s", about) from exc
    if check and done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise BuildError(f"{program} failed with exit code {done.returncode}"
                         + (f": {said[-1]}" if said else ""), about)
    return done
