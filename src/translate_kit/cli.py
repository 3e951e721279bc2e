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
    """Build the site and PDFs."""


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
    from translate_kit.build.site import build_site

    editions = tuple(config.edition(c) for c in codes) or None
    result = build_site(config, editions, jobs=jobs)
    _print_pdfs(result.pdfs)
    console.print(f"site: {result.html_dir}", highlight=False)
