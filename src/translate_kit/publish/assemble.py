"""Put the built editions together into one site: the chooser page and the PDFs.

``make site`` builds every edition on one machine.  A CI matrix builds each edition in
its own job (``build pdf -e CODE``, then ``build html -e CODE``, which links the PDF it
finds), and a last job gathers the jobs' ``_build/html/<slug>/`` and ``_build/pdf/``
and runs ``build assemble``.  Both end here, so both give the same site.  Assembling
from separate jobs also checks what one machine guarantees by itself: every edition is
there, every edition has the same pages (the targets of the language switcher), and
every PDF a page links is there.
"""

from __future__ import annotations

import filecmp
import html
import json
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote

from translate_kit.config import ProjectConfig
from translate_kit.errors import BuildError
from translate_kit.files import copy_atomic, write_atomic

TEMPLATES = Path(__file__).parent / "templates"
ICON = Path(__file__).parents[1] / "sphinxext" / "static" / "translate-kit-icon.svg"
# Region subtags that read each Chinese script, for browsers that only send zh-TW etc.
SCRIPT_REGIONS = {"hant": ("zh-tw", "zh-hk", "zh-mo"), "hans": ("zh-cn", "zh-sg", "zh-my", "zh")}
SHOWN = 5


@dataclass(frozen=True)
class Assembly:
    """The assembled site: its chooser page and the PDFs it offers."""

    chooser: Path
    pdfs: tuple[Path, ...]


def assemble_site(config: ProjectConfig, *, check: bool = False) -> Assembly:
    """Write the chooser and copy the editions' PDFs into the site's ``pdf/``.

    With ``check``, first make sure that the editions fit together (BuildError if not).
    """
    if check:
        check_editions(config)
    pdfs = []
    for edition in config.editions:
        source = config.pdf_path(edition)
        if source.is_file():
            target = config.site_pdf_dir / source.name
            if not (target.is_file() and filecmp.cmp(source, target, shallow=False)):
                copy_atomic(source, target)
            pdfs.append(target)
    return Assembly(write_chooser(config, config.html_dir), tuple(pdfs))


def _pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}


def check_editions(config: ProjectConfig) -> None:
    """Every edition built, with the same pages, and the PDFs its pages link."""
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
        pdf = config.pdf_path(edition)
        if pdf.name in root_page.read_text(encoding="utf-8") and not pdf.is_file():
            problems.append(f"edition {edition.code} links its PDF, which is not in {pdf.parent}")
    every = set().union(*pages.values()) if pages else set()
    for code, found in pages.items():
        missing = sorted(every - found)
        if missing:
            shown = ", ".join(missing[:SHOWN]) + (" …" if len(missing) > SHOWN else "")
            problems.append(f"edition {code} lacks {len(missing)} page(s) the other editions "
                            f"have (built from other sources?): {shown}")
    if problems:
        raise BuildError("cannot assemble the site:\n" + "\n".join(problems))


def write_chooser(config: ProjectConfig, outdir: Path) -> Path:
    """``index.html`` linking every edition; written atomically."""
    source = config.source_edition
    esc = html.escape
    links = "\n".join(
        f'<li><a href="{esc(e.slug)}/index.html" hreflang="{esc(e.code)}" '
        f'lang="{esc(e.code)}">{esc(e.label)}</a></li>'
        for e in config.editions
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{esc(e.code)}" href="{esc(e.slug)}/index.html" />'
        for e in config.editions
    ) + '\n<link rel="alternate" hreflang="x-default" href="index.html" />'
    text = Template((TEMPLATES / "chooser.html").read_text(encoding="utf-8")).substitute(
        lang=esc(source.code),
        title=esc(config.title),
        icon=esc("data:image/svg+xml," + quote(ICON.read_text(encoding="utf-8").strip())),
        alternates=alternates,
        links=links,
        language_map=json.dumps(language_map(config)).replace("<", "\\u003c"),
    )
    target = outdir / "index.html"
    write_atomic(target, text)
    return target


def language_map(config: ProjectConfig) -> dict[str, str]:
    """Lower-case language tag -> edition index, most specific claims first."""
    found: dict[str, str] = {}
    editions = config.editions
    for e in editions:  # exact codes and Sphinx locales
        for tag in (e.code, e.sphinx_language.replace("_", "-")):
            found.setdefault(tag.lower(), f"{e.slug}/index.html")
    for e in editions:  # regions that read the edition's script
        for tag in SCRIPT_REGIONS.get(e.code.lower().rpartition("-")[2], ()):
            found.setdefault(tag, f"{e.slug}/index.html")
    for e in editions:  # bare language
        found.setdefault(e.code.split("-")[0].lower(), f"{e.slug}/index.html")
    return found
