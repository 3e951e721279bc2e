"""Run sphinx-build for editions, each in its own process.

Each edition is a separate Sphinx build (its ``language`` selects Sphinx's own UI
messages, which Sphinx loads before any extension runs), so editions are passed on the
command line with ``-D`` and built side by side in parallel processes.  ``run_sphinx``
starts one ``python -m sphinx``; ``run_sphinx_jobs`` runs several builds as children of
one process that imported Sphinx once (``sphinx_fork``).  Sphinx's status lines are
read as they come, and turned into progress steps.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import Edition, EditionKind, ProjectConfig
from translate_kit.progress import Report, Step, ignore
from translate_kit.publish.status import sphinx_step
from translate_kit.contract import SHARED_PARSE_OPTION, edition_overrides
from translate_kit.publish.sphinx_fork import EXIT_MARK

_ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


@dataclass(frozen=True)
class SphinxRun:
    """What one sphinx-build invocation produced."""

    edition: Edition
    builder: str
    outdir: Path
    returncode: int
    warnings: tuple[str, ...]
    output: str
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass(frozen=True)
class SphinxJob:
    """One edition to build with one builder."""

    edition: Edition
    builder: str
    outdir: Path
    extra: tuple[str, ...] = ()


def sphinx_arguments(
    config: ProjectConfig,
    edition: Edition,
    builder: str,
    outdir: Path,
    extra: tuple[str, ...] = (),
) -> list[str]:
    """The sphinx-build arguments that build ``edition`` with ``builder``."""
    doctrees = config.doctrees_dir(builder, edition)
    return [
        "-b", builder,
        "-d", str(doctrees),
        *(item for name, value in edition_overrides(edition).items()
          for item in ("-D", f"{name}={value}")),
        "--keep-going",
        "--no-color",  # status lines end in newlines, even where FORCE_COLOR is set
        *extra,
        str(config.docs_dir),
        str(outdir),
    ]


def _set_up(config: ProjectConfig, job: SphinxJob, extra: tuple[str, ...] = ()) -> list[str]:
    """Make the job's directories; its sphinx-build arguments, warnings to a file."""
    job.outdir.mkdir(parents=True, exist_ok=True)
    warnfile = config.build_warnings(job.builder, job.edition)
    warnfile.parent.mkdir(parents=True, exist_ok=True)
    warnfile.unlink(missing_ok=True)
    return sphinx_arguments(config, job.edition, job.builder, job.outdir,
                            ("-w", str(warnfile), *job.extra, *extra))


def _result(config: ProjectConfig, job: SphinxJob, returncode: int, lines: list[str],
            seconds: float) -> SphinxRun:
    warnfile = config.build_warnings(job.builder, job.edition)
    warnings = ()
    if warnfile.exists():
        warnings = tuple(line for line in warnfile.read_text(encoding="utf-8").splitlines() if line)
        warnfile.unlink()
    return SphinxRun(job.edition, job.builder, job.outdir, returncode, warnings, "".join(lines),
                     seconds)


def _follow(lines: Iterable[str], task: str, report: Report, kept: list[str]) -> int | None:
    """Keep the output, report its progress; the exit status the runner's child gave."""
    for line in lines:
        if line.startswith(EXIT_MARK):
            status = int(line.split()[-1])
            report(Step(task, "done" if status == 0 else "failed", 1, 1))
            return status
        kept.append(line)
        step = sphinx_step(task, line)
        if step is not None:
            report(step)
    return None


def run_sphinx(
    config: ProjectConfig,
    edition: Edition,
    builder: str,
    outdir: Path,
    extra: tuple[str, ...] = (),
    report: Report = ignore,
) -> SphinxRun:
    """Build one edition; warnings are collected, not printed, and progress is reported."""
    job = SphinxJob(edition, builder, outdir, extra)
    command = [sys.executable, "-m", "sphinx", *_set_up(config, job)]
    lines: list[str] = []
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=config.root, env=_ENV) as proc:
        _follow(proc.stdout, f"{edition.code} {builder}", report, lines)
    return _result(config, job, proc.returncode, lines, time.perf_counter() - started)


@dataclass(frozen=True)
class Runner:
    """A started ``sphinx_fork`` process, importing Sphinx, and a pipe for each job it may
    be given: the reading end here, the number of the writing end in the runner."""

    process: subprocess.Popen[str]
    pipes: tuple[tuple[int, int], ...]

    def stop(self) -> None:
        """Stop the runner unused."""
        self.process.kill()
        self.process.communicate()
        for read, _ in self.pipes:
            os.close(read)


def start_runner(config: ProjectConfig, most: int) -> Runner:
    """A runner for at most ``most`` jobs; the live preview starts the next one as soon as a
    build is over, so that a save finds Sphinx imported."""
    pipes = [os.pipe() for _ in range(most)]
    process = subprocess.Popen([sys.executable, "-m", "translate_kit.publish.sphinx_fork"],
                               stdin=subprocess.PIPE, text=True, cwd=config.root, env=_ENV,
                               pass_fds=[write for _, write in pipes])
    for _, write in pipes:
        os.close(write)
    return Runner(process, tuple(pipes))


LOWER_PRIORITY = 5
"""The niceness of the quicker jobs when there are more jobs than cores (see ``niceness``)."""


def niceness(jobs: Sequence[SphinxJob], cores: int) -> list[int]:
    """Each job's niceness: with more jobs than cores, the quicker ones yield to the slowest.

    Shared fairly, three editions on two cores each get two thirds of a core, and the
    slowest (a translation edition, which parses every translated message once more)
    ends alone on one core while the other idles.  With the slowest at normal priority
    it keeps a core to itself and all end about together: 6 % less time for a first
    build of three editions at N=200, in 7 runs out of 7 on a two-core machine.
    """
    if len(jobs) <= cores:
        return [0] * len(jobs)
    slowest = sorted(range(len(jobs)), key=lambda i: jobs[i].edition.kind is not EditionKind.TRANSLATION)
    first = set(slowest[:cores - 1])
    return [0 if i in first else LOWER_PRIORITY for i in range(len(jobs))]


def shared_parse(config: ProjectConfig, jobs: Sequence[SphinxJob]) -> list[tuple[str, ...]]:
    """Each job's arguments that let editions built together parse each document once
    between them (``sphinxext.shared_parse``): most documents parse alike in every
    language, the others in the editions of one language.  None for a job alone, which
    would keep parses no other job reads."""
    option = ("-D", f"{SHARED_PARSE_OPTION}={config.cache_dir('parsed')}")
    return [option if len(jobs) > 1 else () for _ in jobs]


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_sphinx_jobs(
    config: ProjectConfig, plan: Callable[[], Sequence[SphinxJob]], most: int, parallel: int,
    report: Report = ignore, runner: Runner | None = None,
) -> tuple[SphinxRun, ...]:
    """Build the jobs ``plan`` returns, ``parallel`` at a time, forked from one process.

    That process (``runner``, or one started here) imports Sphinx first; ``plan`` runs
    meanwhile, on the other core (compiling catalogs, deciding which editions are out of
    date), and returns at most ``most`` jobs.  When it raises or returns none, the process
    is stopped unused.
    """
    if runner is None or len(runner.pipes) < most or runner.process.poll() is not None:
        if runner is not None:
            runner.stop()
        runner = start_runner(config, most)
    jobs: list[SphinxJob] = []
    try:
        jobs = list(plan())
    finally:
        if not jobs:  # nothing to fork: the runner need not finish importing
            runner.stop()
        else:
            for read, _ in runner.pipes[len(jobs):]:
                os.close(read)
    if not jobs:
        return ()
    assert len(jobs) <= most, "plan returned more jobs than it said it would"
    pipes = runner.pipes
    outputs: list[list[str]] = [[] for _ in jobs]
    statuses: list[int | None] = [None] * len(jobs)
    seconds = [0.0] * len(jobs)
    started = time.perf_counter()

    def follow(index: int) -> None:
        with open(pipes[index][0], encoding="utf-8", errors="replace") as lines:
            task = f"{jobs[index].edition.code} {jobs[index].builder}"
            statuses[index] = _follow(lines, task, report, outputs[index])
        seconds[index] = time.perf_counter() - started

    readers = [threading.Thread(target=follow, args=(i,), daemon=True) for i in range(len(jobs))]
    for reader in readers:
        reader.start()
    spec = {"parallel": parallel,
            "jobs": [{"argv": _set_up(config, job, shared), "fd": write, "nice": nice}
                     for job, (_, write), nice, shared
                     in zip(jobs, pipes, niceness(jobs, _cores()), shared_parse(config, jobs))]}
    runner.process.communicate(json.dumps(spec))
    for reader in readers:
        reader.join()
    return tuple(
        _result(config, job, -1 if status is None else status,
                output if status is not None else [*output, "sphinx-build ended without a status\n"],
                took)
        for job, status, output, took in zip(jobs, statuses, outputs, seconds)
    )
