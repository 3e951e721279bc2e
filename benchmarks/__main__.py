"""``make bench`` (``python -m benchmarks``): the figures, as a table or plain lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.text import Text

from benchmarks import run_benchmarks
from translate_kit.cli import reports_errors
from translate_kit.config import load_config
from translate_kit.files import write_atomic
from translate_kit.terminal import console, say, show_rows


def _sizes(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, ...]:
    """``--downloads-sizes``: corpus sizes, none for ''."""
    try:
        return tuple(int(n) for n in value.split(",")) if value else ()
    except ValueError:
        raise click.BadParameter("give sizes separated by commas, e.g. 800,2000") from None


def _size_pair(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, ...]:
    """``--search-sizes``: two corpus sizes, or none for ''."""
    try:
        pair = tuple(int(n) for n in value.split(",")) if value else ()
    except ValueError:
        pair = None
    if pair is None or len(pair) not in (0, 2):
        raise click.BadParameter("give two sizes, e.g. 800,5000")
    return pair


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Project directory (default: the nearest one holding translate-kit.toml).")
@click.option("--articles", default=200, show_default=True,
              help="Corpus size for the edition and update figures (0: leave them out).")
@click.option("--archive", default=800, show_default=True,
              help="Archive size for the import, stats and check figures (0: leave them out).")
@click.option("--scale", default=2000, show_default=True,
              help="A full build of this many articles against the archive's (0: leave it out).")
@click.option("--pdf-articles", default=50, show_default=True, help="Corpus size for PDFs (0: none).")
@click.option("--repeat", default=1, show_default=True, help="Runs per figure; the best counts.")
@click.option("--search-sizes", default="800,5000", show_default=True, callback=_size_pair,
              help="Two corpus sizes for the search download and index figures ('' to leave them out).")
@click.option("--downloads-sizes", default="800,2000", show_default=True, callback=_sizes,
              help="Corpus sizes for the PDF and EPUB volumes and articles ('' to leave them out).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures to this JSON file.")
@reports_errors
def bench(root: Path | None, articles: int, archive: int, scale: int, pdf_articles: int,
          repeat: int, search_sizes: tuple[int, ...], downloads_sizes: tuple[int, ...],
          json_path: Path | None) -> None:
    """Time the builds against baselines measured in the same run, on synthetic corpora."""
    config = load_config(root)
    with console().status("running benchmarks…") as status:
        report = run_benchmarks(
            config.root, config.build_dir / "bench", articles, archive, scale, pdf_articles,
            repeat, search_sizes, downloads_sizes, on_figure=lambda f: status.console.log(Text(f.name)))
    number = {f.name: f"#{i}" for i, f in enumerate(report.figures, 1)}
    show_rows(("#", "figure", "best", "range", "ratio", "target", "met"), [
        (str(i), f.name, *_value(f),
         f"{f.ratio:.3f}× {number.get(f.baseline, f.baseline)}" if f.ratio is not None else "",
         f"≤ {f.target:g}×" if f.target is not None else "", _met(f.met))
        for i, f in enumerate(report.figures, 1)
    ])
    for f in report.figures:
        if f.name.startswith("build html, full"):
            say(f"peak memory of {f.name}: {f.peak_mib:.0f} MiB (largest process)")
    for note in report.notes:
        say(("note:", "yellow"), " ", note)
    if json_path:
        write_atomic(json_path, json.dumps(report.as_json(), indent=2))


def _value(figure: Any) -> tuple[str, str]:
    """A figure's best run and the range of its runs, in its unit."""
    if figure.unit != "s":
        return f"{figure.seconds:,.0f} {figure.unit}", ""
    low, high = figure.spread
    return f"{figure.seconds:.2f} s", f"{low:.2f}–{high:.2f} s"


def _met(met: bool | None) -> Text:
    return {True: Text("yes", style="green"), False: Text("no", style="red"), None: Text("")}[met]


if __name__ == "__main__":
    bench()
