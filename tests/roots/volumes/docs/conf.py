"""Sphinx configuration of the publication.

Everything edition-specific (language, catalogs, script conversion, switcher, LaTeX
fonts) is set by the translate_kit extension from ../translate-kit.toml.
"""

extensions = ["myst_parser", "translate_kit.sphinxext"]

root_doc = "index"
exclude_patterns = ["_build"]
myst_enable_extensions = []
html_theme = "furo"
