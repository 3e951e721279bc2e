"""The ``translate-kit`` command: a thin layer over the stages.

Commands parse options, call one stage function, and print its result with rich.  Stage
errors (TranslateKitError) become ``file:line: message`` on stderr and exit status 1.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from translate_kit import __version__
from translate_kit.build.pdf import PdfBuild, build_pdfs
from translate_kit.build.site import build_site
from translate_kit.config import ProjectConfig, load_config
from translate_kit.errors import TranslateKitError

console = Console()
err_console = Console(stderr=True)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a stage's TranslateKitError into a located message and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TranslateKitError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
            sys.exit(1)

    return wrapper


pass_config = click.make_pass_decorator(ProjectConfig)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="translate-kit")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project directory (default: the nearest one holding translate-kit.toml).",
)
@click.pass_context
@reports_errors
def main(ctx: click.Context, root: Path | None) -> None:
    """Turn source articles into a multilingual Sphinx publication."""
    ctx.obj = load_config(root)


@main.command()
@pass_config
def editions(config: ProjectConfig) -> None:
    """List the project's editions."""
    table = Table("code", "label", "kind", "Sphinx language", "OpenCC", "catalogs")
    for e in config.editions:
        table.add_row(
            e.code, e.label, e.kind.value, e.sphinx_language, e.opencc_config or "",
            f"locale/{e.locale_name}" if e.kind.value != "source" else "",
        )
    console.print(table)


@main.group()
def build() -> None:
    """Build the publication (every edition) into _build/."""


@build.command("html")
@click.option(
    "--edition", "-e", "codes", multiple=True, metavar="CODE",
    help="Build only this edition (repeatable; default: every edition).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Editions built at once (default: all of them, up to 2 per core).")
@pass_config
@reports_errors
def build_html_command(config: ProjectConfig, codes: tuple[str, ...], jobs: int | None) -> None:
    """Build every edition's HTML into _build/html/ with a chooser page."""
    from translate_kit.build import build_html

    result = build_html(config, tuple(config.edition(code) for code in codes), jobs)
    print_build_summary(result.editions, "html")
    console.print(f"site: {result.chooser}")
    if not result.ok:
        sys.exit(1)


def print_build_summary(builds: Any, what: str, shown: int = 20) -> None:
    """A table of editions (status, warnings, time), then each edition's warnings."""
    table = Table("edition", what, "warnings", "seconds", "output")
    for build in builds:
        run = build.run
        status = "[green]ok[/]" if run.ok else f"[bold red]failed ({run.returncode})[/]"
        table.add_row(run.edition.code, status, str(len(run.warnings)),
                      f"{build.seconds:.1f}", str(run.outdir))
    console.print(table)
    for build in builds:
        run = build.run
        if not run.ok:
            err_console.print(f"[bold red]{run.edition.code}:[/] sphinx-build failed:")
            err_console.print(run.output.strip()[-4000:], markup=False, highlight=False)
        for line in run.warnings[:shown]:
            err_console.print(f"[yellow]{run.edition.code}:[/] {line}", highlight=False)
        if len(run.warnings) > shown:
            err_console.print(f"[yellow]{run.edition.code}:[/] … and "
                              f"{len(run.warnings) - shown} more warnings")



def _pdf_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--edition", "-e", "codes", multiple=True, metavar="CODE",
        help="Build only this edition (repeatable; default: all).",
    )(command)
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=2, show_default=True,
        help="Editions built at the same time.",
    )(command)


def _print_pdfs(result: PdfBuild) -> None:
    for pdf in result.pdfs:
        console.print(f"{pdf.edition.code}: {pdf.path} ({pdf.seconds:.1f} s)", highlight=False)
        for warning in pdf.warnings:
            err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    console.print(f"{len(result.pdfs)} PDF(s) in {result.seconds:.1f} s", highlight=False)


@build.command()
@_pdf_options
@pass_config
@reports_errors
def pdf(config: ProjectConfig, codes: tuple[str, ...], jobs: int) -> None:
    """Build one PDF per edition into _build/pdf (needs TeX Live)."""
    editions = tuple(config.edition(c) for c in codes) or None
    _print_pdfs(build_pdfs(config, editions, jobs=jobs))


@build.command()
@_pdf_options
@pass_config
@reports_errors
def site(config: ProjectConfig, codes: tuple[str, ...], jobs: int) -> None:
    """Build the PDFs, then the HTML site that links them."""
    editions = tuple(config.edition(c) for c in codes) or None
    result = build_site(config, editions, jobs=jobs)
    _print_pdfs(result.pdfs)
    print_build_summary(result.html.editions, "html")
    console.print(f"site: {result.html.chooser}")
    if not result.html.ok:
        sys.exit(1)
