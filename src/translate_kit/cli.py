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
