"""The ``translate-kit`` command: a thin layer over the stages.

Commands parse options, call one stage function, and print its result through
``terminal`` (every string verbatim, paths whole at any width).  Stage errors
(TranslateKitError) become ``error: file:line: message`` on stderr and exit status 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text

from translate_kit import __version__
from translate_kit.config import Edition, EditionKind, ProjectConfig, load_config
from translate_kit.errors import TranslateKitError
from translate_kit.files import write_atomic
from translate_kit.progress import ignore
from translate_kit.terminal import console, say, show_progress, show_rows

if TYPE_CHECKING:  # the stages load lazily: `translate-kit --help` stays fast
    from translate_kit.catalogs.stats import EditionStats
    from translate_kit.publish import DownloadBuild, EditionBuild, HtmlBuild


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a stage's TranslateKitError into a located message and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TranslateKitError as exc:
            say(("error:", "bold red"), " ", str(exc), err=True)
            sys.exit(1)

    return wrapper


pass_config = click.make_pass_decorator(ProjectConfig)


def chosen_editions(config: ProjectConfig, codes: tuple[str, ...]) -> tuple[Edition, ...] | None:
    """The editions named by ``--edition`` options; None (every edition) when there are none."""
    return tuple(config.edition(code) for code in codes) or None


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
    show_rows(("code", "label", "kind", "Sphinx language", "OpenCC", "catalogs"), [
        (e.code, e.label, e.kind.value, e.sphinx_language,
         " + ".join(config.opencc_chain(e)) if e.kind is EditionKind.SCRIPT else "",
         f"locale/{e.locale_name}" if e.kind is not EditionKind.SOURCE else "")
        for e in config.editions
    ])


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
    """Build every edition's HTML into _build/html/ with the site's front page."""
    from translate_kit.publish import start_runner

    editions = chosen_editions(config, codes) or config.editions
    # Started before the build stage is imported: importing Sphinx is the longest wait of
    # a small rebuild, and it overlaps everything else from here on.
    runner = start_runner(config, len(editions))
    from translate_kit.publish import build_html

    with show_progress(console(err=True)) as report:
        result = build_html(config, editions, jobs, report, runner=runner)
    _print_html(result)
    if not result.ok:
        sys.exit(1)


def _print_html(result: HtmlBuild) -> None:
    print_build_summary(result.editions, "html")
    for note in result.notes:
        say(("note:", "yellow"), " ", note)
    say("site: ", str(result.chooser))


def print_build_summary(builds: Sequence[EditionBuild], what: str, shown: int = 20) -> None:
    """Editions with status, warnings and time; where each one is; each one's warnings.

    The output directories are lines of their own, never table cells: a path must stay
    whole to be copied.
    """
    show_rows(("edition", what, "warnings", "seconds"), [
        (b.run.edition.code, _build_status(b), str(len(b.run.warnings)), f"{b.seconds:.1f}")
        for b in builds
    ])
    for build in builds:
        say(f"{build.run.edition.code} {what}: ", str(build.run.outdir))
    for build in builds:
        run, code = build.run, build.run.edition.code
        if not run.ok:
            say((f"{code}:", "bold red"), " sphinx-build failed:", err=True)
            say(run.output.strip()[-4000:], err=True)
        for line in run.warnings[:shown]:
            say((f"{code}:", "yellow"), " ", line, err=True)
        if len(run.warnings) > shown:
            say((f"{code}:", "yellow"), f" … and {len(run.warnings) - shown} more warnings", err=True)


def _build_status(build: EditionBuild) -> Text:
    if build.up_to_date:
        return Text("up to date", style="green")
    if build.run.ok and build.recovered:
        return Text("ok (last build interrupted: rebuilt in full)", style="green")
    if build.run.ok:
        return Text("ok", style="green")
    return Text(f"failed ({build.run.returncode})", style="bold red")



def _pdf_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--edition", "-e", "codes", multiple=True, metavar="CODE",
        help="Build only this edition (repeatable; default: all).",
    )(command)
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=2, show_default=True,
        help="Editions built at the same time.",
    )(command)


def _print_downloads(result: DownloadBuild) -> None:
    for book in result.files:
        say(book.edition.code, ": ", str(book.path), f" ({book.seconds:.1f} s)")
        if book.volumes:
            say(f"{book.edition.code}: {len(book.volumes)} volume(s), made again: ",
                ", ".join(name or "all" for name in book.rebuilt) or "none")
        for warning in book.warnings:
            say(("warning:", "yellow"), " ", warning, err=True)
    say(f"{len(result.files)} {result.kind}(s) in {result.seconds:.1f} s")


@build.command()
@_pdf_options
@pass_config
@reports_errors
def pdf(config: ProjectConfig, codes: tuple[str, ...], jobs: int) -> None:
    """Build one PDF per edition into _build/pdf (needs TeX Live)."""
    from translate_kit.publish import build_pdfs

    with show_progress(console(err=True)) as report:
        result = build_pdfs(config, chosen_editions(config, codes), jobs=jobs, report=report)
    _print_downloads(result)


@build.command()
@_pdf_options
@pass_config
@reports_errors
def epub(config: ProjectConfig, codes: tuple[str, ...], jobs: int) -> None:
    """Build each edition's EPUBs, a volume per month and one per article, into _build/epub."""
    from translate_kit.publish import build_epubs

    _print_downloads(build_epubs(config, chosen_editions(config, codes), jobs=jobs))


@build.command()
@_pdf_options
@pass_config
@reports_errors
def site(config: ProjectConfig, codes: tuple[str, ...], jobs: int) -> None:
    """Build the PDFs and EPUBs, then the HTML site that links them."""
    from translate_kit.publish import build_site

    with show_progress(console(err=True)) as report:
        result = build_site(config, chosen_editions(config, codes), jobs=jobs, report=report)
    _print_downloads(result.pdfs)
    _print_downloads(result.epubs)
    _print_html(result.html)
    if not result.html.ok:
        sys.exit(1)


@build.command()
@pass_config
@reports_errors
def assemble(config: ProjectConfig) -> None:
    """Put editions built elsewhere (e.g. CI jobs) together: front page and downloads."""
    from translate_kit.publish.assemble import assemble_site

    result = assemble_site(config, check=True)
    for download in result.downloads:
        say("download: ", str(download))
    for note in result.notes:
        say(("note:", "yellow"), " ", note)
    say("site: ", str(result.front_page))


@main.command()
@click.option("--edition", "-e", "codes", multiple=True, metavar="CODE",
              help="Serve and rebuild only this edition (repeatable; default: every edition).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@pass_config
@reports_errors
def serve(config: ProjectConfig, codes: tuple[str, ...], port: int, host: str) -> None:
    """Serve the site and rebuild what a saved file changes; open pages reload themselves."""
    from translate_kit.serve import serve as serve_site

    try:
        serve_site(config, chosen_editions(config, codes), host, port,
                   lambda event: _print_serve_event(config, event))
    except KeyboardInterrupt:
        pass
    say("stopped")


def _print_serve_event(config: ProjectConfig, event: Any) -> None:
    """One line per event of the preview, printed at once (a pipe would hold it back)."""
    from translate_kit.serve import Built, Changed, Failed, Serving

    if isinstance(event, Serving):
        say("serving ", event.url, f" ({', '.join(e.code for e in event.editions)}); "
            "press Ctrl-C to stop")
    elif isinstance(event, Changed):
        target = ", ".join(e.code for e in event.editions) or "nothing (no edition reads it)"
        retried = ", ".join(e.code for e in event.retried)
        say("changed: ", ", ".join(_relative(config, path) for path in event.paths),
            f" → rebuilding {target}",
            f"; retrying {retried} (its last build failed)" if retried else "")
    elif isinstance(event, Built):
        for build in event.build.editions:
            state = ("up to date" if build.up_to_date else
                     f"built in {build.seconds:.1f} s" if build.run.ok else "sphinx-build failed")
            say(f"{build.edition.code}: {state}, {len(build.run.warnings)} warnings")
    elif isinstance(event, Failed):
        say(("error:", "bold red"), " ", event.message)
    sys.stdout.flush()


@main.command()
@click.option("--interface", "start", multiple=True, metavar="LANGUAGE",
              help="Start the interface catalog of LANGUAGE (fr, pt_BR) in locale/interface/.")
@pass_config
@reports_errors
def update(config: ProjectConfig, start: tuple[str, ...]) -> None:
    """Extract messages and merge them into every translation edition's catalogs, and the
    extension's words into the project's interface catalogs."""
    from translate_kit.catalogs.interface_update import read_interface, update_interface
    from translate_kit.catalogs.update import update_catalogs
    from translate_kit.publish.extraction import extract_templates

    interface = read_interface(config, start)  # a broken catalog stops the update here
    with show_progress(console(err=True)) as report:
        result = update_catalogs(config, extract_templates, on_busy=lambda lock: say(
            ("waiting:", "yellow"), " another update holds the catalogs (", _relative(config, lock),
            "); this one starts when it ends", err=True), report=report)
    for warning in result.warnings:
        say(("sphinx:", "yellow"), " ", warning, err=True)
    for edition in result.editions:
        # Only catalogs that changed get a row: a project of hundreds of documents would
        # otherwise print hundreds of "unchanged" lines on every run.
        changed, code = edition.changed, edition.edition.code
        if changed:
            show_rows(("document", "status", "kept", "memory", "fuzzy", "new", "obsolete"), [
                (doc.docname, doc.status, str(doc.counts.kept + doc.counts.restored),
                 str(doc.counts.from_memory),
                 str(doc.counts.fuzzy_edited + doc.counts.fuzzy_memory),
                 str(doc.counts.untranslated), str(doc.counts.obsoleted))
                for doc in changed
            ], title=f"{edition.edition.label} ({code})")
        say(f"{code}: {len(changed)} of {len(edition.documents)} catalogs changed")
        for path in edition.orphaned:
            say(("warning:", "yellow"), " ", _relative(config, path), ": its document no longer "
                "exists; the catalog is kept (delete it yourself if unneeded)", err=True)
    for done in update_interface(interface):
        if done.status != "unchanged":
            counts = done.counts
            say(f"interface {done.language}: ", _relative(config, done.path), f" {done.status} "
                f"({counts.kept + counts.restored} kept, {counts.fuzzy_edited} fuzzy, "
                f"{counts.untranslated} new, "
                f"{counts.obsoleted} obsolete)")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="PERCENT",
              help="Exit with status 1 when an edition is less translated than this.")
@click.option("--by", "unit", type=click.Choice(["messages", "characters"]), default="messages",
              show_default=True, help="Unit for --fail-under.")
@pass_config
@reports_errors
def stats(config: ProjectConfig, as_json: bool, fail_under: float | None, unit: str) -> None:
    """Translation progress per edition and document (fuzzy counts as not done), the
    number of corrections of each script edition, and each interface language's progress."""
    from translate_kit.catalogs.stats import collect_corrections, collect_interface_stats, collect_stats

    editions = collect_stats(config)
    corrections = collect_corrections(config)
    interface = collect_interface_stats(config)
    if as_json:
        click.echo(json.dumps({"editions": [e.as_dict() for e in editions],
                               "corrections": [c.as_dict() for c in corrections],
                               "interface": [i.as_dict() for i in interface]},
                              ensure_ascii=False, indent=2))
    else:
        for edition in editions:
            _print_stats(edition)
        if corrections:
            show_rows(("edition", "corrections", "fuzzy", "catalogs"), [
                (c.edition.code, str(c.corrections), str(c.fuzzy), str(c.catalogs))
                for c in corrections
            ], title="corrections")
        show_rows(("language", "translated", "fuzzy", "untranslated", "%"), [
            (i.language, str(i.progress.messages.translated), str(i.progress.messages.fuzzy),
             str(i.progress.messages.untranslated), f"{i.progress.messages.shown_percent:.1f}")
            for i in interface
        ], title="interface")
    for edition in editions:
        for docname in edition.without_catalog:
            say(f"warning: {edition.edition.code}: ", docname,
                " has no catalog yet (run translate-kit update)", err=True)
    below = [e for e in editions if fail_under is not None and e.progress.percent(unit) < fail_under]
    for edition in below:
        say((f"{edition.edition.code}: {edition.progress.percent(unit):.1f} % of {unit} "
             f"translated, under {fail_under:g} %", "red"), err=True)
    if below:
        sys.exit(1)


def _print_stats(edition: EditionStats) -> None:
    rows = [(d.docname, d.progress) for d in edition.documents] + [("total", edition.progress)]
    show_rows(("document", "translated", "fuzzy", "untranslated", "%", "chars %"), [
        (name, str(p.messages.translated), str(p.messages.fuzzy), str(p.messages.untranslated),
         f"{p.messages.shown_percent:.1f}", f"{p.characters.shown_percent:.1f}")
        for name, p in rows
    ], title=f"{edition.edition.label} ({edition.edition.code})")


@main.command()
@click.option("--no-warnings", is_flag=True, help="Print errors only.")
@pass_config
@reports_errors
def check(config: ProjectConfig, no_warnings: bool) -> None:
    """Check the catalogs and the interface catalogs; print file:line: problems and fail on
    errors."""
    from translate_kit.catalogs.check import check_catalogs, check_interface
    from translate_kit.publish.extraction import extract_templates

    result = check_catalogs(config, extract_templates) + check_interface(config)
    shown = result.errors if no_warnings else result.problems
    for problem in sorted(shown, key=lambda p: (str(p.path), p.line or 0)):
        click.echo(str(problem).replace(f"{config.root}/", "", 1))
    summary = (f"{result.catalogs} catalog(s): {len(result.errors)} errors, "
               f"{len(result.warnings)} warnings")
    say((summary, "red" if result.errors else "green"), err=True)
    if result.errors:
        sys.exit(1)


def _relative(config: ProjectConfig, path: Path) -> str:
    try:
        return str(path.relative_to(config.root))
    except ValueError:
        return str(path)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@main.command("import")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--from-list", "lists", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A file naming one source per line (as @FILE; repeatable).")
@click.option("--replace", metavar="DOC",
              help="Give the article DOC (articles/<slug>) a corrected SOURCE, keeping its "
                   "slug, date, tags and translations.")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path),
              help="Directory of the articles (default: docs/articles).")
@click.option("--title", help="Title of the article, when its first line is not one.")
@click.option("--date", callback=_iso_date, help="Publication date, YYYY-MM-DD.")
@click.option("--tag", "tags", multiple=True,
              help="A tag for the articles' front matter (repeat for several).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as JSON to this file.")
@click.option("--force", is_flag=True, help="Overwrite documents that were edited by hand.")
@click.option("--no-repair", is_flag=True,
              help="Keep the simplified characters a naive converter left (no repairs).")
@click.option("--no-restore", is_flag=True,
              help="Keep all damaged text flagged, even where the evidence restores it.")
@pass_config
@reports_errors
def import_(config: ProjectConfig, sources: tuple[Path, ...], into: Path | None,
            title: str | None, date: str | None, tags: tuple[str, ...], report_path: Path | None,
            force: bool, no_repair: bool, no_restore: bool, lists: tuple[Path, ...],
            replace: str | None) -> None:
    """Import source articles (.txt, .md, .html; folders of them, @FILE lists of them) as
    MyST documents and list them in the index."""
    from translate_kit.importer import import_sources
    from translate_kit.importer.sources import collect_sources

    if not sources and not lists:
        raise click.UsageError("name the SOURCE files, folders or @lists to import")
    paths = collect_sources(sources, lists)
    if title and len(paths) > 1:
        raise click.UsageError("--title names one article: import one SOURCE at a time")
    with show_progress(console(err=True)) as progress:  # a bar over several sources
        report = import_sources(config, paths, into=into, title=title, date=date,
                                tags=tags, force=force, repair=not no_repair, restore=not no_restore,
                                replace=replace, report=progress if len(paths) > 1 else ignore)
    for r in report.results:
        c = r.counts
        say((r.source, "bold"), " → ", r.document,
            f" ({'written' if r.written else 'unchanged'}; encoding {r.encoding}): "
            f"{c.annotations_removed} annotations removed, {c.punctuation_fixed} punctuation "
            f"fixed, {c.garbled_spans} garbled spans, {c.boilerplate_moved} notices moved, "
            f"{c.characters_repaired} characters repaired, {c.restored} damaged spans restored")
        if r.conversion:  # one conversion, not a repair per character
            v = r.conversion
            say("  ", f"script: {r.script}, converted by {v.opencc} with {v.phrases} phrases of "
                f"repairs.txt: {v.characters_converted} of {v.han_characters} Han characters")
        for o in r.originals:
            say("  ", f"{o.edition}: the original text of {o.stored} passages in ", o.catalog,
                f" ({o.kept} corrections kept)" if o.kept else "")
        for warning in r.warnings:
            say("  ", ("warning:", "yellow"), " ", warning)
        for m in r.reversals:
            say("  ", f"{r.source}:{m.line}:{m.column}: mojibake: ", m.before, " → ", m.after,
                f" ({m.encoding} read as {m.read_as})")
        for f in r.findings:  # file:line:column, as editors and terminals link them
            say("  ", f"{r.source}:{f.line}:{f.column}: {f.kind}: ", f.text, " (", f.detail, ")")
        for s in r.restorations:
            say("  ", f"{r.source}:{s.line}:{s.column}: restored: ", f"{s.text}→{s.restored}",
                " (", s.evidence, ")")
        for p in r.repairs:
            say("  ", f"{r.source}:{p.line}:{p.column}: repair: ", f"{p.before}→{p.after}",
                " (phrase ", p.phrase, ")")
    for m in report.catalogs:
        c = m.counts
        say(m.catalog, f" ({m.edition}, {m.status}): {c.kept + c.restored} kept, "
            f"{c.fuzzy_edited + c.fuzzy_memory} fuzzy, {c.untranslated} untranslated, "
            f"{c.obsoleted} obsolete")
    if len(report.results) > 1:
        written = sum(r.written for r in report.results)
        say(f"{len(report.results)} sources: {written} written, "
            f"{len(report.results) - written} unchanged")
    if report_path:
        write_atomic(report_path, json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
