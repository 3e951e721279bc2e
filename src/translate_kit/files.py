"""Writing files so that no reader ever sees half of one.

Every stage writes through here: a translator's catalog, an imported article, the site's
chooser page, a PDF.  The new content goes to a temporary file beside the target, which
then replaces it in one step (``os.replace``), so Sphinx, a browser, a parallel build or
an interrupted run sees the old file or the new one, never a mix.  Unchanged content is
not rewritten, so modification times (which incremental builds go by) stay put.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

FILE_MODE = 0o644
"""Mode of written files: temporary files are private (0600), results are not."""


def user_cache_dir() -> Path:
    """Where derived data that belongs to no project is kept between runs (jieba's words,
    the search folding of OpenCC's dictionaries): ``$XDG_CACHE_HOME/translate-kit``, by
    default ``~/.cache/translate-kit``."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "translate-kit"
    try:
        return Path.home() / ".cache" / "translate-kit"
    except RuntimeError:  # no home directory (a service account): the temporary directory
        return Path(tempfile.gettempdir()) / f"translate-kit-{os.getuid()}"


def stamped_path(directory: Path, prefix: str, stamp: object, suffix: str) -> Path:
    """``<directory>/<prefix><digest of stamp><suffix>``: a derived file named after what it
    was made from (versions, paths, sizes, times), so that new sources make a new file."""
    return directory / f"{prefix}{hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]}{suffix}"


def remove_others(path: Path, prefix: str) -> None:
    """Remove the other ``<prefix>…`` files beside ``path``: made from sources since replaced."""
    for other in path.parent.glob(f"{prefix}*{path.suffix}"):
        if other != path:
            other.unlink(missing_ok=True)


def replace_with(path: Path, fill: Callable[[str], None]) -> None:
    """Create a temporary file next to ``path``, let ``fill`` write it, then swap it in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        fill(tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8, line ends as given).

    ``durable`` data is on disk before it replaces the old file, so a crash cannot leave
    an empty catalog or article.  Build output, which the next build writes again, passes
    False: a search index of a thousand shards would spend most of its time waiting for
    the disk.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data

    def fill(tmp: str) -> None:
        with open(tmp, "wb") as handle:
            handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())

    replace_with(path, fill)


def write_if_changed(path: Path, data: bytes | str, *, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True if written."""
    content = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, content, durable=durable)
    return True


def copy_atomic(source: Path, target: Path) -> None:
    """Replace ``target`` with a copy of ``source``, complete or not at all."""
    replace_with(target, lambda tmp: shutil.copyfile(source, tmp))


def files_under(root: Path, suffix: str, *, skip_hidden: bool = False) -> list[str]:
    """The files at any depth under ``root`` whose names end in ``suffix``, as paths
    relative to it (``articles/a1.po``), in the order of sorted paths; with
    ``skip_hidden``, none whose name or folder starts with ``.`` or ``_``.

    Strings throughout: at thousands of catalogs, pathlib's objects (sorting them,
    ``relative_to``) cost several times the walk itself.
    """
    top = str(root)
    hidden = (".", "_")
    found = []
    for directory, folders, names in os.walk(top, followlinks=True):
        if skip_hidden:
            folders[:] = [name for name in folders if not name.startswith(hidden)]
        relative = os.path.relpath(directory, top)
        prefix = "" if relative == os.curdir else relative.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in names
                     if name.endswith(suffix) and not (skip_hidden and name.startswith(hidden)))
    return sorted(found, key=lambda path: path.split("/"))
