extensions = ["myst_parser", "translate_kit.sphinxext"]
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "furo"
