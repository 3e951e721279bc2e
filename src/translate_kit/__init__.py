"""translate-kit: source articles to a multilingual Sphinx publication.

The package is a set of stages (``importer``, ``catalogs``) over one configuration
(``config``) and a lower layer (``script``, ``standards``, ``files``…); ``sphinxext`` is
the Sphinx extension, ``publish`` the runner that starts Sphinx and LaTeX, and ``cli``
the command line.  Importing the package loads neither Sphinx nor any stage.
"""

from __future__ import annotations

__version__ = "0.1.0"


def setup(app):  # pragma: no cover - thin delegation for ``extensions = ["translate_kit"]``
    """Let ``extensions = ["translate_kit"]`` work; the extension lives in sphinxext."""
    from translate_kit.sphinxext import setup as _setup

    return _setup(app)
