"""Put the built editions together into one site: the site's own pages and the downloads.

``make site`` builds every edition on one machine.  A CI matrix builds each edition in
its own job (``build pdf -e CODE``, ``build epub -e CODE``, then ``build html -e CODE``,
which links the downloads it finds), and a last job gathers the jobs' ``_build/html/<slug>/``,
``_build/pdf/`` and ``_build/epub/`` and runs ``build assemble``.  Both end here, so both
give the same site.  Assembling from separate jobs also checks what one machine
guarantees by itself: every edition is there, every edition has the same pages (the
targets of the language switcher), and every download a page links is there.
"""

from __future__ import annotations

import filecmp
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import BuildError
from translate_kit.files import copy_atomic
from translate_kit.publish.sitewide import write_site_pages

SHOWN = 5


@dataclass(frozen=True)
class Assembly:
    """The assembled site: its front page, the downloads it offers, notes for the reader."""

    front_page: Path
    downloads: tuple[Path, ...]
    notes: tuple[str, ...] = ()


def assemble_site(config: ProjectConfig, *, check: bool = False) -> Assembly:
    """Copy the editions' downloads into the site, then write the site's own pages.

    With ``check``, first make sure that the editions fit together (BuildError if not).
    """
    if check:
        check_editions(config)
    downloads = []
    for edition in config.editions:
        for source, target in config.downloads(edition).values():
            if source.is_file():
                if not (target.is_file() and filecmp.cmp(source, target, shallow=False)):
                    copy_atomic(source, target)
                downloads.append(target)
    for edition in config.editions:
        _copy_volumes(config, edition)
    pages = write_site_pages(config)
    return Assembly(pages.front_page, tuple(downloads), pages.notes)


def _copy_volumes(config: ProjectConfig, edition: Edition) -> None:
    """Copy an edition's volumes and article books into the site when newer than the copy
    there: after an import only the new article's and its volume's are copied.  A copy
    whose book the build removed (an article moved to another month, a volume left
    empty, the whole book once volumes were by month) is removed too."""
    for folder, whole in ((config.pdf_dir, config.pdf_name(edition)),
                          (config.epub_dir, config.epub_name(edition))):
        suffix = Path(whole).suffix
        built = [*config.volume_files(folder, whole), *(folder / whole,),
                 *(folder / edition.slug).rglob(f"*{suffix}")]
        built = [source for source in built if source.is_file()]
        for source in built:
            target = config.in_site(source)
            if not target.is_file() or target.stat().st_mtime_ns < source.stat().st_mtime_ns:
                copy_atomic(source, target)
        copies = {config.in_site(source) for source in built}
        site = config.in_site(folder / whole).parent
        for copy in [*config.volume_files(site, whole), site / whole,
                     *config.in_site(folder / edition.slug).rglob(f"*{suffix}")]:
            if copy.is_file() and copy not in copies:
                copy.unlink()


def _pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}


def check_editions(config: ProjectConfig) -> None:
    """Every edition built, with the same pages, and the downloads its pages link."""
    problems = []
    pages: dict[str, set[str]] = {}
    for edition in config.editions:
        folder = config.edition_html_dir(edition)
        root_page = folder / "index.html"
        if not root_page.is_file():
            problems.append(f"edition {edition.code} is not in {folder}: build it with "
                            f"`translate-kit build html -e {edition.code}` or copy its build there")
            continue
        pages[edition.code] = _pages(folder)
        linked = root_page.read_text(encoding="utf-8")
        for kind, (source, _copy) in config.downloads(edition).items():
            if source.name in linked and not source.is_file():
                problems.append(f"edition {edition.code} links its {kind.upper()}, "
                                f"which is not in {source.parent}")
    every = set().union(*pages.values()) if pages else set()
    for code, found in pages.items():
        missing = sorted(every - found)
        if missing:
            shown = ", ".join(missing[:SHOWN]) + (" …" if len(missing) > SHOWN else "")
            problems.append(f"edition {code} lacks {len(missing)} page(s) the other editions "
                            f"have (built from other sources?): {shown}")
    if problems:
        raise BuildError("cannot assemble the site:\n" + "\n".join(problems))
