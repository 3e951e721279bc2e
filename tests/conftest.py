"""Shared test helpers.

Tests that need external programs carry a marker (``tex``, ``browser``).  Locally a
missing program skips them with a reason; under ``CI=true`` it fails them, so CI can
never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"

TOOLS_BY_MARKER = {
    "tex": ("xelatex", "xdvipdfmx", "latexmk", "pdftotext", "pdffonts", "pdftohtml", "fc-list"),
    "browser": ("chromium", "chromedriver"),
}
FONTS_BY_MARKER = {
    "tex": ("Noto Serif", "Noto Sans", "Noto Serif CJK TC", "Noto Sans Mono CJK SC"),
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


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in TOOLS_BY_MARKER:
        if item.get_closest_marker(marker):
            requires_tools(TOOLS_BY_MARKER[marker], FONTS_BY_MARKER.get(marker, ()))


def copy_root(name: str, destination: Path) -> Path:
    """A fresh copy of the mini project ``tests/roots/<name>``."""
    target = destination / name
    shutil.copytree(ROOTS / name, target)
    return target
