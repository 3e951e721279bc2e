"""The preview's HTTP server: the built site, plus what each page needs to reload itself.

Every HTML page is sent with a small script (``live.js``) and, while a build has failed,
a banner with the error (``file:line: problem``).  The script asks
``/__translate-kit__/status?page=<path>`` for the page's token, which changes when what
the page would show does: its file's content (as soon as Sphinx has written it, not when
the whole build is over: the search index, the listings and the other editions are still
being written then) or the problems shown; the page reloads then.  Everything shown is
escaped: errors quote catalogs and file names.
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
import threading
import time
from collections.abc import Iterable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

PREFIX = "/__translate-kit__/"
"""Where the server's own resources live; no edition or file of a site is named so."""
LIVE_SCRIPT = Path(__file__).with_name("live.js")
SITE = ""
"""The key of pages outside every edition (the chooser), and of project-wide errors."""
WRITING_CHECKS, WRITING_PAUSE = 50, 0.01
"""How long a page that does not end with ``</html>`` is waited for (Sphinx writes one in
a few milliseconds); after that it is taken as it is."""


class LiveState:
    """What the pages are told: the problems to show, by edition."""

    def __init__(self, slugs: Iterable[str]) -> None:
        self._lock = threading.Lock()
        self._slugs = frozenset(slugs)
        self._errors: dict[str, str] = {}
        self._warnings: dict[str, tuple[str, ...]] = {}
        self.building = True
        """True until the first build has finished."""

    @property
    def slugs(self) -> frozenset[str]:
        return self._slugs

    def record(self, attempted: Iterable[str], errors: dict[str, str],
               warnings: dict[str, tuple[str, ...]]) -> None:
        """One build round, in one step so that no page sees half of it.

        ``attempted`` editions lose their old errors and the project-wide one; ``errors``
        and ``warnings`` (by edition slug, or SITE) replace what was shown.
        """
        with self._lock:
            for key in (*attempted, SITE):
                self._errors.pop(key, None)
            self._errors.update(errors)
            self._warnings.update(warnings)
            self.building = False

    def token(self, slug: str, page: Path) -> str:
        """The token of ``page`` (its file) in edition ``slug``: changes with what it shows."""
        return self._token(slug, read_page(page))

    def _token(self, slug: str, content: bytes | None) -> str:
        written = None if content is None else hashlib.sha256(content).hexdigest()
        with self._lock:
            seen = [written, sorted(self._errors.items()), self._warnings.get(slug, ()),
                    self.building]
        return hashlib.sha256(json.dumps(seen).encode()).hexdigest()[:16]

    def snippet(self, slug: str, content: bytes | None) -> str:
        """What goes at the end of a page's body (``content``; None: it has not been
        written): problems, then the reload script with the page's token."""
        token = self._token(slug, content)
        with self._lock:
            errors, warnings = dict(self._errors), self._warnings.get(slug, ())
        parts = [_error_banner(errors)] if errors else []
        if warnings:
            parts.append(_warning_panel(warnings))
        parts.append(f'<script src="{PREFIX}live.js" data-token="{html.escape(token)}"></script>')
        return "\n".join(parts)


def read_page(page: Path) -> bytes | None:
    """The file of ``page`` (None: there is none) once Sphinx has finished writing it:
    Sphinx writes a page in place, and a tab that reloaded while it did would show half."""
    for _ in range(WRITING_CHECKS):
        try:
            content = page.read_bytes()
        except OSError:
            return None
        if page.suffix != ".html" or content.rstrip().endswith(b"</html>"):
            break
        time.sleep(WRITING_PAUSE)
    return content


def _error_banner(errors: dict[str, str]) -> str:
    text = "\n\n".join(errors[key] for key in sorted(errors))
    return (
        '<div id="tk-live-error" role="alert" style="position:fixed;top:0;left:0;right:0;'
        "z-index:10000;max-height:60vh;overflow:auto;padding:0.75rem 1rem;background:#fff1f0;"
        'color:#5c0000;border-bottom:3px solid #c00;font:14px/1.45 sans-serif">'
        "<strong>The last build failed; this page is from the build before it.</strong>"
        '<pre style="white-space:pre-wrap;margin:0.5rem 0 0;font:13px/1.45 monospace">'
        f"{html.escape(text)}</pre></div>"
    )


def _warning_panel(warnings: tuple[str, ...]) -> str:
    return (
        '<details id="tk-live-warnings" style="position:fixed;right:1rem;bottom:1rem;'
        "z-index:10000;max-width:40rem;max-height:50vh;overflow:auto;padding:0.5rem 0.75rem;"
        'background:#fffbe6;color:#4d3800;border:1px solid #d4b000;font:13px/1.45 sans-serif">'
        f"<summary>{len(warnings)} build warning(s)</summary>"
        '<pre style="white-space:pre-wrap;margin:0.5rem 0 0">'
        f'{html.escape(chr(10).join(warnings))}</pre></details>'
    )


BUILDING_PAGE = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Building…</title>"
                 "</head><body><p>Building the site; this page reloads when it is ready.</p>"
                 "</body></html>\n")


def with_snippet(page: bytes, snippet: str) -> bytes:
    """``page`` with ``snippet`` right before its ``</body>`` (at its end if it has none)."""
    index = page.lower().rfind(b"</body>")
    data = snippet.encode("utf-8")
    return page + data if index < 0 else page[:index] + data + b"\n" + page[index:]


class LiveHandler(SimpleHTTPRequestHandler):
    """Files of the site, HTML pages with their snippet, and the server's own resources."""

    def __init__(self, *args: Any, state: LiveState, **kwargs: Any) -> None:
        self.state = state  # before the base class, which handles the request right away
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path.startswith(PREFIX):
            self._own(url.path[len(PREFIX):], parse_qs(url.query))
            return
        slug, target = self._page(url.path)
        content = read_page(target) if target.suffix == ".html" and target.is_file() else None
        if content is not None:
            self._send(with_snippet(content, self.state.snippet(slug, content)),
                       "text/html; charset=utf-8")
        elif not target.exists() and self.state.building:
            self._send(with_snippet(BUILDING_PAGE.encode(), self.state.snippet(slug, None)),
                       "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _page(self, path: str) -> tuple[str, Path]:
        """The edition (slug, or SITE) and the file of the page at URL ``path``."""
        slug = path.lstrip("/").split("/", 1)[0]
        target = Path(self.translate_path(path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        return (slug if slug in self.state.slugs else SITE), target

    def _own(self, name: str, query: dict[str, list[str]]) -> None:
        if name == "live.js":
            self._send(LIVE_SCRIPT.read_bytes(), "text/javascript; charset=utf-8")
        elif name == "status":
            slug, page = self._page(query.get("page", ["/"])[0])
            body = json.dumps({"token": self.state.token(slug, page)}).encode()
            self._send(body, "application/json")
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a preview is never stale
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a page polls several times a second: the requests are not news


class LiveServer(ThreadingHTTPServer):
    daemon_threads = True  # an open page never keeps the server from stopping

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a reload mid-answer is not
            super().handle_error(request, client_address)


def make_server(host: str, port: int, directory: Path, state: LiveState) -> LiveServer:
    """A server of ``directory`` on ``host:port`` (port 0: any free port); OSError if taken."""
    handler = partial(LiveHandler, directory=str(directory), state=state)
    return LiveServer((host, port), handler)
