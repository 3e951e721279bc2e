"""``translate-kit serve``: a live preview of the site for translators and editors.

The site (``build_html``'s output) is served on 127.0.0.1; when an article, a catalog,
a phrase glossary or the project file is saved, the editions that read it are rebuilt
and open pages reload themselves.

- ``changes``: which saves count (content hashes) and which editions read a file;
- ``server``: the HTTP server, the reload script's status endpoint, the error banner;
- ``preview``: the loop that ties them to the publish stage, and its events.
"""

from __future__ import annotations

from translate_kit.serve.preview import Built, Changed, Event, Failed, Serving, serve

__all__ = ["Built", "Changed", "Event", "Failed", "Serving", "serve"]
