"""Shared test helpers.

Tests that need external programs carry a marker (``tex``, ``browser``, ``epub``).
Locally a missing program skips them with a reason; under ``CI=true`` it fails them, so
CI can never pass by skipping.

The end-to-end modules share one build of the repository's own project (``site``), a
static server for it that answers a missing address with a 404 page as static hosts do,
and one headless Chromium (``tab`` opens a page in it).
"""

from __future__ import annotations

import contextlib
import functools
import os
import queue
import re
import signal
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

import pytest
from babel.messages.pofile import read_po, write_po
from sphinx.testing.util import SphinxTestApp

from translate_kit.config import load_config
from translate_kit.contract import edition_overrides

ROOTS = Path(__file__).parent / "roots"
FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parents[1]
ARTIFACTS = REPO / "test-artifacts"
PROJECT_FILES = ("translate-kit.toml", "docs", "locale", "sources")
UPDATE_LOCK = "locale/.translate-kit.lock"
SAMPLE_DOC = f"articles/{sorted((REPO / 'docs' / 'articles').glob('*.md'))[0].stem}"
"""The repository's sample article, as a docname (and page path inside an edition)."""
HOSTILE_SOURCE = FIXTURES / "hostile" / "hostile-article.txt"
HOSTILE_DATE = "2026-11-27"
HOSTILE_TITLE_EN = "Hostile input test"
HOSTILE_TRANSLATIONS = {
    # start of the msgid -> what a translator (or an attacker) put in its msgstr
    "惡意輸入": HOSTILE_TITLE_EN,  # the title; safe: must be published
    "title：假標題": "---\ntitle: pwned\n---",
    "本文含有": "Text <script>window.tkInjected = 11; alert(11)</script> here.",
    "圖片": 'Image <img src=x onerror="window.tkInjected = 12; alert(12)"> here.',
    "角色": 'Role {raw}`html`<b id="tk-raw-role-en" onmouseover="alert(13)">bold</b>` end.',
    "\\`\\`\\`\\{raw\\} html": "```{raw} html\n<script id=\"tk-raw-block-en\">"
                           "window.tkInjected = 14; alert(14)</script>\n```",
    "See ": "See [x](javascript:window.tkInjected=15) here.",
}
CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright downloads no browser
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

TOOLS_BY_MARKER = {
    "tex": ("xelatex", "xdvipdfmx", "latexmk", "pdftotext", "pdffonts", "pdftohtml", "fc-list"),
    "browser": ("chromium", "chromedriver"),
    "epub": ("java", "epubcheck", "fc-list"),
    "node": ("node",),
}
FONTS_BY_MARKER = {
    "tex": ("Noto Serif", "Noto Sans", "Noto Serif CJK TC", "Noto Sans Mono CJK SC"),
    "epub": ("Noto Serif CJK TC", "Noto Serif CJK SC"),
}


def requires_tools(tools: tuple[str, ...] = (), fonts: tuple[str, ...] = ()) -> None:
    """Skip (locally) or fail (under CI=true) unless every program and font is installed."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if shutil.which("fc-list"):
        missing += [
            f"font {font!r}" for font in fonts
            if subprocess.run(["fc-list", "-q", font], capture_output=True).returncode != 0
        ]
    if not missing:
        return
    reason = f"not installed: {', '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required when CI=true)", pytrace=False)
    pytest.skip(reason)


def msgfmt_is_silent(path: Path) -> None:
    """GNU msgfmt, as Poedit and Weblate run it, accepts the catalog without a word."""
    requires_tools(("msgfmt",))
    proc = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (0, "")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in TOOLS_BY_MARKER:
        if item.get_closest_marker(marker):
            requires_tools(TOOLS_BY_MARKER[marker], FONTS_BY_MARKER.get(marker, ()))


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The suite's own user cache directory (jieba's word store), not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("user-cache")
        patch.setenv("XDG_CACHE_HOME", str(path))
        yield path


def as_from_a_terminal() -> None:
    """In a child process: Ctrl-C (SIGINT) stops it as it would from a terminal, even when
    the suite runs in the background (``&``, ``nohup``), which ignores SIGINT."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def copy_root(name: str, destination: Path, as_name: str | None = None) -> Path:
    """A fresh copy of the mini project ``tests/roots/<name>``, as ``destination/<as_name>``
    (``destination/<name>`` by default)."""
    target = destination / (as_name or name)
    shutil.copytree(ROOTS / name, target)
    return target


def with_article(root: Path, name: str, text: str) -> Path:
    """``root`` (a copy of ``multi``) with one more article, listed after ``a002``."""
    (root / "docs" / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    listing = root / "docs" / "articles" / "index.md"
    listing.write_text(listing.read_text(encoding="utf-8").replace("a002\n", f"a002\n{name}\n"),
                       encoding="utf-8")
    return root


def build(root: Path, out: Path, code: str, builder: str = "html",
          overrides: dict[str, str] | None = None) -> SphinxTestApp:
    """One edition of ``root`` built in this process, as ``translate-kit build`` would
    (with ``overrides``: config values the runner passes too)."""
    edition = load_config(root).edition(code)
    app = SphinxTestApp(builder, srcdir=root / "docs", builddir=out,
                        confoverrides={**edition_overrides(edition), **(overrides or {})})
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0, app._warning.getvalue()
    return app


def build_editions(root: Path) -> Path:
    """Every edition of ``root`` built afresh in this process into its place in the site
    (``_build/html/<slug>/``, which the extension checks before linking the rest of the
    site); the site's own pages (front page, sitemap) are the runner's and are not
    written.  The site directory."""
    config = load_config(root)
    for edition in config.editions:
        builddir, target = config.build_dir / "in-process" / edition.slug, config.edition_html_dir(edition)
        for earlier in (builddir, target):
            shutil.rmtree(earlier, ignore_errors=True)
        target.mkdir(parents=True)
        builddir.mkdir(parents=True)
        (builddir / "html").symlink_to(target)  # sphinx.testing writes to <builddir>/html
        build(root, builddir, edition.code)
    return config.html_dir


def copy_project(destination: Path) -> Path:
    """A copy of the repository's own project: configuration, documents, catalogs, sources."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


def translate_kit(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command as a user does (``python -m translate_kit``) in the project ``root``."""
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", "--root", str(root), *args],
        cwd=root, capture_output=True, text=True, timeout=300,
    )


class LivePreview:
    """``translate-kit serve --port 0`` in a subprocess; its output is read line by line."""

    WAIT = 180  # seconds: a bound for any one step, never a measurement

    def __init__(self, root: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "translate_kit", "--root", str(root), "serve", "--port", "0",
             *args],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "COLUMNS": "200"},
            preexec_fn=as_from_a_terminal,
        )
        self.output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self.url = self.expect(r"^serving (http://127\.0\.0\.1:\d+/) ").group(1)
        except BaseException:
            self.process.kill()
            self.process.wait()
            raise

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def expect(self, pattern: str) -> re.Match[str]:
        """The next line of output matching ``pattern`` (earlier lines are passed over)."""
        while True:
            try:
                line = self._lines.get(timeout=self.WAIT)
            except queue.Empty:
                pytest.fail(f"no line matching {pattern!r} in {self.WAIT} s:\n" + "\n".join(self.output))
            if line is None:
                pytest.fail(f"serve ended before {pattern!r}:\n" + "\n".join(self.output))
            self.output.append(line)
            if match := re.search(pattern, line):
                return match

    def get(self, page: str) -> str:
        """``page`` (relative to the site) over HTTP, as text."""
        with urlopen(self.url + page, timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> int:
        """Ctrl-C, as a user stops it; the exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=self.WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        self._reader.join(timeout=self.WAIT)
        while (line := self._lines.get_nowait()) is not None:
            self.output.append(line)
        return code


@pytest.fixture
def live_preview() -> Iterator[Any]:
    """Start ``LivePreview``s; any still running at the end of the test is killed."""
    started: list[LivePreview] = []

    def start(root: Path, *args: str) -> LivePreview:
        started.append(LivePreview(root, *args))
        return started[-1]

    yield start
    for preview in started:
        if preview.process.poll() is None:
            preview.process.kill()
            preview.process.wait()


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: compare two to prove nothing changed.

    Builds and caches under ``_build/`` count; the empty lock file ``update`` holds while
    it runs (``locale/.translate-kit.lock``, ignored by git) does not.
    """
    return {
        name: path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and (name := path.relative_to(root).as_posix()) != UPDATE_LOCK
    }


def translate_like_an_attacker(catalog: Path) -> None:
    """Fill ``catalog`` with ``HOSTILE_TRANSLATIONS``, as a PO editor would save it."""
    with catalog.open("rb") as handle:
        messages = read_po(handle)
    for message in messages:
        for start, msgstr in HOSTILE_TRANSLATIONS.items():
            if message.id and message.id.startswith(start):
                message.string = msgstr
    with catalog.open("wb") as handle:
        write_po(handle, messages, width=0)


@dataclass(frozen=True)
class Site:
    """The repository's project with the hostile article imported, built with its PDFs."""

    root: Path
    hostile_doc: str
    """docname of the imported hostile article, e.g. ``articles/eyi-shuru-ceshi-gao``."""
    base_url: str
    """``http://127.0.0.1:<port>/``: the site served over loopback (also its ``base_url``)."""

    @property
    def html(self) -> Path:
        return self.root / "_build" / "html"

    @property
    def hostile_catalog(self) -> Path:
        return self.root / "locale" / "en" / "LC_MESSAGES" / f"{self.hostile_doc}.po"

    def url(self, origin: str, page: str) -> str:
        """``page`` (relative to the site root) served over ``http`` or opened as a ``file``."""
        if origin == "http":
            return self.base_url + page
        path, query = re.match(r"([^?#]*)(.*)", page).groups()  # keep ?q=… and #… as they are
        return (self.html / path).as_uri() + query


class StaticHost(SimpleHTTPRequestHandler):
    """Serves files as static hosts do: a missing address gets the ``404.html`` of the
    folder its path starts with (an edition's), else the site's, with status 404."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        first = unquote(urlsplit(self.path).path).lstrip("/").partition("/")[0]
        folders = [root / first, root] if first and not first.startswith(".") else [root]
        return next((f / "404.html" for f in folders if (f / "404.html").is_file()), None)


@contextlib.contextmanager
def static_host(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields its ``http://…/`` address."""
    handler = functools.partial(StaticHost, directory=str(directory))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}/"
        server.shutdown()
        thread.join()


def set_base_url(root: Path, url: str) -> None:
    """Give the project at ``root`` the public address ``url`` (``[project] base_url``)."""
    config = root / "translate-kit.toml"
    text = config.read_text(encoding="utf-8")
    assert text.count("[project]\n") == 1
    config.write_text(text.replace("[project]\n", f'[project]\nbase_url = "{url}"\n'),
                      encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Import the hostile article, give it a hostile catalog, ``build site`` once, serve it.

    The server starts first: its address is the site's ``base_url``, so the sitemap,
    canonical links and 404 pages point to it.
    """
    requires_tools(TOOLS_BY_MARKER["tex"], FONTS_BY_MARKER["tex"])
    root = copy_project(tmp_path_factory.mktemp("site") / "project")
    with static_host(root / "_build" / "html") as address:
        set_base_url(root, address)
        shutil.copy2(HOSTILE_SOURCE, root / "sources" / HOSTILE_SOURCE.name)
        before = {p.stem for p in (root / "docs" / "articles").glob("*.md")}
        for args in (("import", f"sources/{HOSTILE_SOURCE.name}", "--date", HOSTILE_DATE), ("update",)):
            done = translate_kit(root, *args)
            assert done.returncode == 0, done.stdout + done.stderr
        (stem,) = {p.stem for p in (root / "docs" / "articles").glob("*.md")} - before
        translate_like_an_attacker(root / "locale" / "en" / "LC_MESSAGES" / "articles" / f"{stem}.po")
        done = translate_kit(root, "build", "site")
        assert done.returncode == 0, done.stdout + done.stderr
        yield Site(root, f"articles/{stem}", address)


@dataclass
class Tab:
    """A browser page that remembers every console error, uncaught exception and dialog."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, url: str, wait_until: str = "load") -> Any:
        """Go to ``url`` and wait until it has loaded (or only committed); the page."""
        self.page.goto(url, wait_until=wait_until)
        return self.page

    def lang(self) -> str:
        return self.page.evaluate("document.documentElement.lang")

    def errors_besides_not_found(self, url: str) -> list[str]:
        """The errors, less the browser's report of ``url`` answering 404 (a 404 page)."""
        status = f"{url}: Failed to load resource: the server responded with a status of 404"
        return [error for error in self.errors if not error.startswith(status)]


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile; a reader in Taiwan (zh-TW)."""
    requires_tools(TOOLS_BY_MARKER["browser"])
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True, args=CHROMIUM_ARGS, locale="zh-TW",
            viewport={"width": 1200, "height": 900}, accept_downloads=True,
        )
        yield context
        context.close()


@pytest.fixture
def tab(chromium: Any) -> Iterator[Tab]:
    """A new page in the shared browser; dialogs are recorded and dismissed."""
    page = chromium.new_page()
    tab = Tab(page)

    def console(message: Any) -> None:
        if message.type == "error":
            source = message.location.get("url") or page.url
            tab.errors.append(f"{source}: {message.text}")

    def dialog(shown: Any) -> None:
        tab.dialogs.append(f"{page.url}: {shown.type}: {shown.message}")
        shown.dismiss()

    page.on("console", console)
    page.on("pageerror", lambda error: tab.errors.append(f"{page.url}: uncaught {error}"))
    page.on("dialog", dialog)
    yield tab
    page.close()
