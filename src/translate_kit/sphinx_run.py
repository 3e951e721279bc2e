"""Run sphinx-build for one edition in its own process.

Each edition is a separate Sphinx build (its ``language`` selects Sphinx's own UI
messages, which Sphinx loads before any extension runs), so editions are passed on the
command line with ``-D`` and built side by side in parallel processes.  Sphinx's status
lines are read as they come, and turned into progress steps.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import Edition, ProjectConfig
from translate_kit.progress import Report, ignore, sphinx_step


@dataclass(frozen=True)
class SphinxRun:
    """What one sphinx-build invocation produced."""

    edition: Edition
    builder: str
    outdir: Path
    returncode: int
    warnings: tuple[str, ...]
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def sphinx_command(
    config: ProjectConfig,
    edition: Edition,
    builder: str,
    outdir: Path,
    extra: tuple[str, ...] = (),
) -> list[str]:
    """The sphinx-build command line that builds ``edition`` with ``builder``."""
    doctrees = config.doctrees_dir(builder, edition)
    return [
        sys.executable, "-m", "sphinx",
        "-b", builder,
        "-d", str(doctrees),
        "-D", f"language={edition.sphinx_language}",
        "-D", f"translate_kit_edition={edition.code}",
        "--keep-going",
        *extra,
        str(config.docs_dir),
        str(outdir),
    ]


def run_sphinx(
    config: ProjectConfig,
    edition: Edition,
    builder: str,
    outdir: Path,
    extra: tuple[str, ...] = (),
    report: Report = ignore,
) -> SphinxRun:
    """Build one edition; warnings are collected, not printed, and progress is reported."""
    outdir.mkdir(parents=True, exist_ok=True)
    warnfile = config.build_warnings(builder, edition)
    warnfile.parent.mkdir(parents=True, exist_ok=True)
    warnfile.unlink(missing_ok=True)
    command = sphinx_command(config, edition, builder, outdir, ("-w", str(warnfile), *extra))
    task = f"{edition.code} {builder}"
    lines = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=config.root, env={**os.environ, "PYTHONUNBUFFERED": "1"}) as proc:
        for line in proc.stdout:
            lines.append(line)
            step = sphinx_step(task, line)
            if step is not None:
                report(step)
    warnings = ()
    if warnfile.exists():
        warnings = tuple(line for line in warnfile.read_text(encoding="utf-8").splitlines() if line)
        warnfile.unlink()
    return SphinxRun(edition, builder, outdir, proc.returncode, warnings, "".join(lines))
