"""The preview loop: build, serve, and on every save rebuild the editions that read the file.

Builds go through the publish stage's ``build_html``, so the preview is the site ``make
html`` makes.  A build that fails never stops the loop: a catalog that does not parse
(a translator's save mid-edit) is shown on every page as ``file:line: problem`` and its
edition is left as it was, while the other editions are built; the next save tries again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from translate_kit.config import CONFIG_FILE, Edition, EditionKind, ProjectConfig, load_config
from translate_kit.errors import ConfigError, ServeError, TranslateKitError
from translate_kit.publish import HtmlBuild, Runner, build_html, start_runner
from translate_kit.serve.changes import ChangeTracker
from translate_kit.serve.server import SITE, LiveState, make_server

TICK_MS = 500
"""How often files outside the watched directories (the project file) are looked at."""
OUTPUT_LINES = 30
"""How much of a failed sphinx-build's output a page shows."""


@dataclass(frozen=True)
class Serving:
    url: str
    editions: tuple[Edition, ...]


@dataclass(frozen=True)
class Changed:
    paths: tuple[Path, ...]
    editions: tuple[Edition, ...]
    """The editions that read them and are rebuilt (none: no build reads the files)."""
    retried: tuple[Edition, ...] = ()
    """Editions whose last build failed, built again with them."""


@dataclass(frozen=True)
class Built:
    build: HtmlBuild


@dataclass(frozen=True)
class Failed:
    edition: Edition | None
    """The edition left as it was (None: the whole project)."""
    message: str


Event = Serving | Changed | Built | Failed
Report = Callable[[Event], None]


class Preview:
    """The editions being previewed, their pending rebuilds and what the pages show."""

    def __init__(self, config: ProjectConfig, editions: tuple[Edition, ...], report: Report) -> None:
        self.config = config
        self.codes = tuple(e.code for e in editions)
        self.state = LiveState(e.slug for e in editions)
        self.tracker = ChangeTracker(config, editions)
        self.report = report
        self.pending: set[str] = set()
        """Editions to build: kept until a build of them succeeds."""
        self.runner: Runner | None = None
        """The process that will run the next build, importing Sphinx while nobody saves."""

    @property
    def editions(self) -> tuple[Edition, ...]:
        return tuple(self.config.edition(code) for code in self.codes)

    def build(self, editions: tuple[Edition, ...]) -> None:
        """Build ``editions`` and every edition still pending; record the outcome for pages."""
        self.pending.update(e.code for e in editions)
        todo = [e for e in self.editions if e.code in self.pending]
        attempted = [e.slug for e in todo]
        errors: dict[str, str] = {}
        failures: list[Failed] = []
        result = None
        while todo and result is None:
            runner, self.runner = self.runner, None
            try:
                result = build_html(self.config, tuple(todo), runner=runner)
            except TranslateKitError as exc:  # e.g. a catalog that does not parse
                culprit, message = self._culprit(exc, todo), self._shown(str(exc))
                errors[culprit.slug if culprit else SITE] = message
                failures.append(Failed(culprit, message))
                todo = [e for e in todo if e is not culprit] if culprit else []
        builds = result.editions if result else ()
        for build in builds:
            if build.run.ok:
                self.pending.discard(build.edition.code)
            else:
                tail = "\n".join(build.run.output.strip().splitlines()[-OUTPUT_LINES:])
                errors[build.edition.slug] = self._shown(
                    f"{build.edition.code}: sphinx-build failed:\n{tail}")
        self.state.record(attempted, errors,
                          {b.edition.slug: tuple(map(self._shown, b.run.warnings)) for b in builds})
        # The next build's runner imports Sphinx while nobody saves.
        self.runner = start_runner(self.config, len(self.codes))
        # Told only once the pages show it: whoever reads the report may look at once.
        for failure in failures:
            self.report(failure)
        if result is not None:
            self.report(Built(result))

    def close(self) -> None:
        """Stop the runner kept for the next build."""
        if self.runner is not None:
            self.runner.stop()
            self.runner = None

    def saved(self, paths: list[Path]) -> None:
        """React to files whose content changed."""
        if self.config.root / CONFIG_FILE in paths:
            try:
                self._reload()
            except ConfigError as exc:  # built once the project file is fixed
                self.pending.update(e.code for e in self.tracker.readers(paths))
                self.state.record((), {SITE: self._shown(str(exc))}, {})
                self.report(Failed(None, self._shown(str(exc))))
                return
        readers = self.tracker.readers(paths)
        retried = tuple(e for e in self.editions if e.code in self.pending and e not in readers)
        self.report(Changed(tuple(paths), readers, retried))
        if readers or retried:
            self.build(readers)

    def _reload(self) -> None:
        config = load_config(self.config.root)
        editions = tuple(config.edition(code) for code in self.codes)
        self.config = config
        self.tracker = ChangeTracker(config, editions)

    def _culprit(self, error: TranslateKitError, editions: list[Edition]) -> Edition | None:
        """The edition whose catalogs hold the file ``error`` is about, if any."""
        for edition in editions:
            catalogs = self.config.locale_dir / edition.locale_name
            if edition.kind is not EditionKind.SOURCE and error.path and error.path.is_relative_to(catalogs):
                return edition
        return None

    def _shown(self, text: str) -> str:
        """``text`` with the project's paths relative to its root, as translators name them."""
        return text.replace(f"{self.config.root}/", "")


def serve(
    config: ProjectConfig,
    editions: tuple[Edition, ...] | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    report: Report = lambda event: None,
    stop: threading.Event | None = None,
) -> None:
    """Serve the site of ``editions`` (default: all) until ``stop`` is set or Ctrl-C."""
    preview = Preview(config, editions or config.editions, report)
    if not preview.tracker.watched_dirs:
        raise ServeError(f"nothing to watch: {config.docs_dir} does not exist")
    try:
        server = make_server(host, port, config.html_dir, preview.state)
    except OSError as exc:
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
    thread = threading.Thread(target=server.serve_forever, name="translate-kit-serve", daemon=True)
    thread.start()
    try:
        host_shown = f"[{host}]" if ":" in host else host
        report(Serving(f"http://{host_shown}:{server.server_address[1]}/", preview.editions))
        preview.build(preview.editions)
        _watch(preview, stop)
    finally:
        preview.close()
        server.shutdown()
        server.server_close()
        thread.join()


def _watch(preview: Preview, stop: threading.Event | None) -> None:
    tracker = preview.tracker
    first = True
    for changes in watchfiles.watch(
        *tracker.watched_dirs, watch_filter=lambda _change, path: tracker.is_watched(Path(path)),
        step=50, rust_timeout=TICK_MS, yield_on_timeout=True, stop_event=stop,
    ):
        tracker = preview.tracker  # a new project file brings a new tracker
        if first:  # whatever was saved while the first build ran
            saved = tracker.rescan()
            first = False
        else:
            saved = tracker.changed([*(Path(path) for _, path in changes), *tracker.polled_files])
        if saved:
            preview.saved(saved)
