"""The ``translate-kit`` command: a thin layer over the stages.

Commands parse options, call one stage function, and print its result with rich.  Stage
errors (TranslateKitError) become ``file:line: message`` on stderr and exit status 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from datetime import date
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


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--into", type=click.Path(file_okay=False, path_type=Path),
              help="Directory of the articles (default: docs/articles).")
@click.option("--title", help="Title of the article, when its first line is not one.")
@click.option("--date", callback=_iso_date, help="Publication date, YYYY-MM-DD.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as JSON to this file.")
@click.option("--force", is_flag=True, help="Overwrite documents that were edited by hand.")
@pass_config
@reports_errors
def import_(config: ProjectConfig, sources: tuple[Path, ...], into: Path | None,
            title: str | None, date: str | None, report_path: Path | None, force: bool) -> None:
    """Import source articles (.txt, .html) as MyST documents and list them in the index."""
    from translate_kit.importer import import_sources
    from translate_kit.importer.document import write_atomic

    if title and len(sources) > 1:
        raise click.UsageError("--title names one article: import one SOURCE at a time")
    report = import_sources(config, list(sources), into=into, title=title, date=date, force=force)
    findings = Table("source", "line:column", "kind", "text", "detail", title="findings")
    for r in report.results:
        c = r.counts
        state = "written" if r.written else "unchanged"
        console.print(
            f"[bold]{r.source}[/] → {r.document} ({state}; encoding {r.encoding}): "
            f"{c.annotations_removed} annotations removed, {c.punctuation_fixed} punctuation "
            f"fixed, {c.garbled_spans} garbled spans, {c.boilerplate_moved} notices moved",
            highlight=False,
        )
        for warning in r.warnings:
            console.print(f"  [yellow]warning:[/] {warning}", highlight=False)
        for f in r.findings:
            findings.add_row(r.source, f"{f.line}:{f.column}", f.kind, f.text, f.detail)
    if findings.row_count:
        console.print(findings)
    if report_path:
        write_atomic(report_path, json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
