"""Sphinx configuration of the publication.

Everything edition-specific (language, catalogs, script conversion, switcher, search,
sidebar, LaTeX fonts) is set by the translate_kit extension from ../translate-kit.toml;
``translate-kit build html`` passes the edition with ``-D translate_kit_edition=<code>``.
A plain ``sphinx-build docs out`` builds the source edition.
"""

extensions = ["myst_parser", "translate_kit.sphinxext"]

root_doc = "index"
exclude_patterns = ["_build"]
myst_enable_extensions = []
html_theme = "furo"
