"""Read the Docs builds what the README promises: the site with its PDFs and EPUBs."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import REPO
from translate_kit.publish.pdf import DEBIAN_PACKAGES

CONFIG = REPO / ".readthedocs.yaml"


def test_the_configuration_follows_read_the_docs_schema():
    """check-jsonschema ships Read the Docs' published schema: no network is needed."""
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.readthedocs", str(CONFIG)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_debian_packages_are_installed_because_the_build_runs_in_jobs():
    # Read the Docs ignores build.apt_packages when build.commands replaces the build.
    build = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["build"]
    assert "commands" not in build
    assert set(DEBIAN_PACKAGES) <= set(build["apt_packages"])
    html = build["jobs"]["build"]["html"]
    assert "python -m translate_kit build site" in html
    assert any("$READTHEDOCS_OUTPUT/html" in line and "_build/html" in line for line in html)
