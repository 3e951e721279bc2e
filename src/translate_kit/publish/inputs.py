"""What an edition's build reads, fingerprinted so an unchanged edition is not rebuilt.

Sphinx decides which documents to re-read, but even a run with nothing to do costs a
second (imports, the pickled environment, the search index).  After a translator saves
one ``locale/en`` catalog only the English edition needs Sphinx at all, so each edition's
inputs (sizes and modification times of the documents, its own catalogs, the project
file, its PDF and EPUB, translate-kit's own files and the versions of every package it
runs on) are hashed, and an edition whose hash matches the one stored by its last clean
build is skipped.  An HTML page lists the translations that are complete enough to
offer (``catalogs.status``), so which pages those are is part of every edition's hash:
a catalog that crosses ``min_translated`` rewrites the pages that link to it.

A build that is killed (Ctrl-C, a cancelled CI job) leaves pages half written, and a
search index that Sphinx's next run would only patch: documents it believes written
would never be indexed.  So every build first leaves a marker (``begin``) that only a
finished build removes (``finish``); a build that finds the marker knows the last one
did not finish, and an edition with a marker is never up to date.  Both files live in
``_build/state/``, outside the published site.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import translate_kit
from translate_kit.catalogs.status import project_status
from translate_kit.config import CONFIG_FILE, Edition, EditionKind, ProjectConfig
from translate_kit.files import write_atomic

PACKAGE = Path(translate_kit.__file__).parent
DISTRIBUTION = "translate-kit"


@cache
def tool_versions() -> tuple[str, ...]:
    """``name==version`` of every package translate-kit runs on, sorted.

    Taken from the package's own requirements and theirs (extras aside), so a tool that
    shapes the pages (Sphinx, docutils, the stemmers of the search index, OpenCC) is
    never forgotten when the list of requirements changes.
    """
    installed = _installed()
    seen: dict[str, str] = {}
    waiting = [DISTRIBUTION]
    while waiting:
        name = _normal(waiting.pop())
        if name in seen or name not in installed:  # not installed: for another platform
            continue
        dist = metadata.PathDistribution(installed[name])
        seen[name] = dist.version
        waiting.extend(_NAME.match(line).group() for line in dist.requires or []
                       if not _EXTRA.search(line))
    return tuple(sorted(f"{name}=={version}" for name, version in seen.items()))


def _installed() -> dict[str, Path]:
    """The ``.dist-info`` folder of every installed package by its name, first on the path
    first.  Their names are read from the folders' names (``sphinx-9.0.4.dist-info``):
    reading every package's metadata would cost more than the whole fingerprint."""
    found: dict[str, Path] = {}
    for entry in reversed(sys.path):
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                found[_normal(name.removesuffix(".dist-info").rpartition("-")[0])] = Path(
                    entry or ".", name)
    return found


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_EXTRA = re.compile(r";.*\bextra\s*==")


def _normal(name: str) -> str:
    """A distribution's name as the packaging standards compare names."""
    return re.sub(r"[-_.]+", "-", name).lower()


_SKIPPED = (".", "_build", "__pycache__")


def files_in(directory: Path) -> list[str]:
    """The files under ``directory``, but hidden ones, build output and bytecode.

    Strings, not ``Path`` objects: at thousands of articles and catalogs, making, sorting
    and relating those costs more than the walk, on every build and every save.
    """
    found = []
    for folder, folders, names in os.walk(directory, followlinks=True):
        folders[:] = [name for name in folders if not name.startswith(_SKIPPED)]
        found.extend(os.path.join(folder, name) for name in names if not name.startswith(_SKIPPED))
    return found


def _common_files(config: ProjectConfig) -> list[str]:
    """What every edition reads: the documents, translate-kit, the project's files."""
    return [*files_in(config.docs_dir), *files_in(PACKAGE), *files_in(config.interface_locale_dir),
            str(config.root / CONFIG_FILE), str(config.glossary)]


def _edition_files(config: ProjectConfig, edition: Edition, builder: str) -> list[str]:
    files = []
    if edition.kind is not EditionKind.SOURCE:
        files.extend(files_in(config.locale_dir / edition.locale_name))
    if builder == "html":  # the downloads its pages link
        files.extend(map(str, (config.pdf_path(edition), config.epub_path(edition),
                               *config.volume_pdfs(edition), *config.volume_epubs(edition))))
        files.extend(files_in(config.pdf_dir / edition.slug))
        files.extend(files_in(config.epub_dir / edition.slug))
    return files


def input_files(config: ProjectConfig, edition: Edition, builder: str) -> list[Path]:
    """Every file whose change can change what the edition's build writes."""
    return [Path(name) for name in
            sorted({*_common_files(config), *_edition_files(config, edition, builder)})]


def fingerprints(config: ProjectConfig, editions: Iterable[Edition], builder: str
                 ) -> dict[Edition, str]:
    """A hash of each edition's inputs; equal hashes mean an identical build.

    The files every edition reads are listed and looked at once, for all of them.
    """
    common = hashlib.sha256(f"{builder}\0{sys.version}\n".encode())
    common.update("\n".join(tool_versions()).encode())
    add_stamps(common, _common_files(config))
    if builder == "html":
        common.update(repr(sorted((code, sorted(status.below(config.min_translated)))
                                  for code, status in project_status(config).items())).encode())
    result = {}
    for edition in editions:
        digest = hashlib.sha256(f"{common.hexdigest()}\0{edition}\n".encode())
        add_stamps(digest, _edition_files(config, edition, builder))
        result[edition] = digest.hexdigest()
    return result


def add_stamps(digest: Any, names: Iterable[str]) -> None:
    """Add each file's name, modification time and size (or that it is missing)."""
    for name in sorted(set(names)):
        try:
            stat = os.stat(name)
        except (FileNotFoundError, NotADirectoryError):
            digest.update(f"{name}\0missing\n".encode())
            continue
        digest.update(f"{name}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())


def is_up_to_date(config: ProjectConfig, edition: Edition, builder: str, stamp: str,
                  output: Path) -> bool:
    """The last ``builder`` build of ``edition`` finished, with these inputs, into ``output``."""
    if config.build_marker(builder, edition).exists() or not output.exists():
        return False
    try:
        return config.build_record(builder, edition).read_text(encoding="utf-8") == stamp
    except OSError:
        return False


def begin(config: ProjectConfig, edition: Edition, builder: str) -> bool:
    """Mark the build as running; True when the previous one never finished."""
    marker = config.build_marker(builder, edition)
    interrupted = marker.exists()
    config.build_record(builder, edition).unlink(missing_ok=True)
    write_atomic(marker, f"{os.getpid()}\n")
    return interrupted


def finish(config: ProjectConfig, edition: Edition, builder: str, stamp: str | None) -> None:
    """The build finished: record its inputs (None: it must run again next time)."""
    if stamp is not None:
        write_atomic(config.build_record(builder, edition), stamp)
    config.build_marker(builder, edition).unlink(missing_ok=True)
