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


@main.command()
@click.option("--articles", default=200, show_default=True, help="Corpus size for the main figures.")
@click.option("--sizes", default="400,800", show_default=True,
              help="Two corpus sizes for the scaling figure ('' to leave it out).")
@click.option("--pdf-articles", default=50, show_default=True, help="Corpus size for PDFs (0: none).")
@click.option("--repeat", default=1, show_default=True, help="Runs per figure; the best counts.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures to this JSON file.")
@pass_config
@reports_errors
def bench(config: ProjectConfig, articles: int, sizes: str, pdf_articles: int, repeat: int,
          json_path: Path | None) -> None:
    """Time the builds against plain sphinx-build on a synthetic corpus."""
    import json

    from translate_kit.bench import run_benchmarks

    pair = tuple(int(n) for n in sizes.split(",")) if sizes else ()
    if pair and len(pair) != 2:
        raise click.BadParameter("give two sizes, e.g. 400,800", param_hint="--sizes")
    with console.status("running benchmarks…"):
        report = run_benchmarks(config.root, config.build_dir / "bench", articles, pair,
                                pdf_articles, repeat)
    table = Table("figure", "seconds", "ratio", "target", "met")
    for f in report.figures:
        ratio = f"{f.ratio:.2f}× {f.baseline}" if f.ratio is not None else ""
        target = f"≤ {f.target:g}×" if f.target is not None else ""
        met = {True: "[green]yes[/]", False: "[red]no[/]", None: ""}[f.met]
        table.add_row(f.name, f"{f.seconds:.2f}", ratio, target, met)
    console.print(table)
    for note in report.notes:
        console.print(f"[yellow]note:[/] {note}")
    if json_path:
        json_path.write_text(json.dumps(report.as_json(), indent=2), encoding="utf-8")
