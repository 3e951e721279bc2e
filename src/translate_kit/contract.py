"""What the build runner, the importer and the Sphinx extension agree on, written once.

The runner (``publish``) starts ``sphinx-build``; the extension (``sphinxext``) runs
inside it.  Neither imports the other: both read the names here, so a builder or an
option renamed on one side cannot be missed on the other.
"""

from __future__ import annotations

from translate_kit.config import Edition

MESSAGE_BUILDER = "translate-kit-messages"
"""The extension's gettext builder: one ``.pot`` template per document."""
EDITION_OPTION = "translate_kit_edition"
"""The Sphinx config value naming the edition a run builds (its code)."""
ROOT_OPTION = "translate_kit_root"
"""The Sphinx config value holding the project's root (found from ``conf.py``'s folder)."""
VOLUMES_OPTION = "translate_kit_volumes"
"""The Sphinx config value naming the volumes a LaTeX run writes (comma-separated; "": all)."""
SHARED_PARSE_OPTION = "translate_kit_shared_parse"
"""The Sphinx config value naming the directory where editions built together keep the
documents they parse alike ("": each parses its own)."""

ARTICLES_SUFFIX = ".articles.json"
"""Beside each volume's ``.tex``: its articles' docnames and titles, in the book's order."""


def edition_overrides(edition: Edition) -> dict[str, str]:
    """The Sphinx config values (``-D name=value``) that make a run build ``edition``.

    ``language`` selects Sphinx's own interface messages, which Sphinx loads before any
    extension runs, so it is given on the command line too.
    """
    return {"language": edition.sphinx_language, EDITION_OPTION: edition.code}

FOREIGN_LANGUAGES = ("ja", "ko")
"""Languages whose passages inside Chinese text the importer marks and the build keeps."""


def passage_role(language: str) -> str:
    """The MyST role of a passage in ``language`` (``{lang-ja}`…```): the importer writes
    it, the extension renders it with its own ``lang`` and never converts its script."""
    return f"lang-{language}"


def role_content(text: str) -> str:
    """The text of a role the importer wrote (``importer.markup.role``): content that starts
    or ends with a backtick was padded with a space on each side, as CommonMark pads code
    spans, and the role takes the padding off again."""
    if len(text) > 2 and text.startswith(" ") and text.endswith(" "):
        return text[1:-1]
    return text
