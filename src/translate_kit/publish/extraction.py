"""Message extraction for ``update`` and ``check``: one Sphinx run of the source edition.

The extension's gettext builder (``sphinxext.extraction``) writes a ``.pot`` template per
document; the catalogs stage merges them (``catalogs.update``) and never runs Sphinx
itself.  The run is forked from a process that imports Sphinx while the caller's
``before`` runs (``update`` reads every catalog then): one that raises stops it unused.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable

from translate_kit.catalogs.pofile_io import read_catalog
from translate_kit.catalogs.update import Extraction
from translate_kit.config import ProjectConfig
from translate_kit.contract import MESSAGE_BUILDER
from translate_kit.errors import BuildError
from translate_kit.progress import Report, ignore
from translate_kit.publish.sphinx_run import SphinxJob, run_sphinx_jobs

TEMPLATES_DIR = "gettext"


def extract_templates(config: ProjectConfig, report: Report = ignore,
                      before: Callable[[], None] = lambda: None) -> Extraction:
    """Run the gettext builder once; the templates by docname and Sphinx's warnings.

    ``before`` runs while Sphinx is imported; when it raises, nothing is extracted.  The
    output directory is emptied first so that templates of deleted documents do not
    linger and keep their catalogs alive.
    """
    outdir = config.cache_dir(TEMPLATES_DIR)
    # Reading is most of the work; Sphinx reads in parallel processes with -j.
    job = SphinxJob(config.source_edition, MESSAGE_BUILDER, outdir,
                    ("-D", "gettext_compact=0", "-j", "auto"))

    def plan() -> list[SphinxJob]:
        before()
        shutil.rmtree(outdir, ignore_errors=True)
        return [job]

    (run,) = run_sphinx_jobs(config, plan, 1, 1,
                             report=lambda step: report(dataclasses.replace(step, task="update")))
    if not run.ok:
        raise BuildError(f"message extraction failed:\n{run.output.strip()}", config.docs_dir)
    templates = {path.relative_to(outdir).with_suffix("").as_posix(): read_catalog(path)
                 for path in sorted(outdir.rglob("*.pot"))}
    return Extraction(outdir, templates, run.warnings)
