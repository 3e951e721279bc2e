"""Run several sphinx-build jobs from one process that has already imported Sphinx.

Every edition is its own Sphinx build, and a fresh ``python -m sphinx`` spends a large
part of a second of CPU before it reads a document, importing Sphinx, docutils,
myst-parser, furo and the extension.  For a rebuild that writes two pages that is much
of the work, paid once per edition.  This runner pays it
once: it imports those modules, then forks one child per job; each child runs
``sphinx-build`` with the job's arguments, its output going to the job's own pipe.
No Sphinx application is created before the fork, so each child starts from a clean
Sphinx, exactly as a separate ``python -m sphinx`` would.

The runner imports first, then reads its jobs as JSON on standard input: ``{"parallel":
N, "jobs": [{"argv": [...], "fd": FD, "nice": N}, ...]}`` (nothing at all: no job to
run).  A child's last line is ``EXIT_MARK <status>``; a job whose pipe ends without it
died (killed, or the runner was).
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterable
from typing import Any

EXIT_MARK = "\x00translate-kit sphinx exit"
PRELOADED = (
    "sphinx.cmd.build", "sphinx.application", "sphinx.builders.html",
    "docutils.parsers.rst", "myst_parser.parsers.sphinx_", "myst_parser.sphinx_ext.main",
    "myst_parser.sphinx_ext.directives", "myst_parser.sphinx_ext.mathjax",
    "myst_parser.sphinx_ext.myst_refs", "sphinx.ext.mathjax", "furo", "translate_kit.sphinxext",
)

SHARED_BY_SEVERAL = ("pypinyin",)
"""Imported before forking only when there are several jobs: a build that reads articles
with new tags needs it for their addresses (0.4 s to load), a rebuild seldom does."""


def preload() -> None:
    """Import what every HTML build imports: Sphinx's built-in extensions too."""
    from sphinx.application import builtin_extensions

    _import((*PRELOADED, *builtin_extensions))
    from translate_kit import sphinxext

    for module in pkgutil.iter_modules(sphinxext.__path__):
        importlib.import_module(f"{sphinxext.__name__}.{module.name}")


def _import(names: Iterable[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # not installed: its builds import nothing of it either


def _child(job: dict[str, Any], fds: list[int]) -> None:
    """Run one sphinx-build with its output on the job's pipe; never returns."""
    status = 1
    try:
        for fd in fds:
            if fd != job["fd"]:
                os.close(fd)
        os.nice(job.get("nice", 0))
        os.dup2(job["fd"], 1)
        os.dup2(job["fd"], 2)
        os.close(job["fd"])
        from sphinx.cmd.build import build_main

        status = build_main(job["argv"])
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # any crash is reported on the job's pipe, as sphinx-build would
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:
                pass
        os.write(1, f"\n{EXIT_MARK} {status}\n".encode())
        os._exit(status)


def run(spec: dict[str, Any]) -> None:
    """Fork the jobs, ``parallel`` at a time, and wait for all of them."""
    jobs = list(spec["jobs"])
    if len(jobs) > 1:
        _import(SHARED_BY_SEVERAL)
    # What was imported stays out of the children's garbage collections (and their pages
    # shared): a third less time collecting in a full build of an edition.
    gc.freeze()
    fds = [job["fd"] for job in jobs]
    parallel = max(1, int(spec.get("parallel") or len(jobs)))
    running = 0
    while jobs or running:
        while jobs and running < parallel:
            job = jobs.pop(0)
            sys.stdout.flush()
            if os.fork() == 0:
                _child(job, fds)
            os.close(job["fd"])
            fds.remove(job["fd"])
            running += 1
        os.wait()
        running -= 1


def main() -> None:
    preload()  # while the caller prepares the jobs
    text = sys.stdin.read()
    if text:  # nothing: the caller stopped before sending any job
        run(json.loads(text))


if __name__ == "__main__":
    main()
