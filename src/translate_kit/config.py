"""The one typed configuration every stage reads: the project and its editions.

A project is described by ``translate-kit.toml`` at its root.  Every key is optional;
the defaults describe the standard three editions (traditional source, simplified by
OpenCC, English from gettext catalogs), so adding a Taiwan or Hong Kong edition is one
``[[editions]]`` table.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from pathlib import Path
from string import Formatter
from typing import Any
from urllib.parse import quote, urlsplit

from translate_kit.errors import ConfigError
from translate_kit.standards import (
    QUOTE_STYLES,
    TRADITIONAL_STANDARDS,
    default_quotes,
    opencc_chain,
    standard_of,
)
from translate_kit.volumes import PERIODS

CONFIG_FILE = "translate-kit.toml"
REPAIR_STANDARDS = TRADITIONAL_STANDARDS
"""OpenCC's traditional standards (``s2tw.json``, ``s2hk.json``, ``s2t.json``)."""
SIMPLIFIED_CONVERSIONS = {"tw": ("s2tw", "s2twp"), "hk": ("s2hk",), "t": ("s2t",)}
"""The OpenCC conversions of simplified articles that write each repair standard; the
first is the default (``s2twp`` also changes Taiwan's words: 软件 → 軟體)."""


class EditionKind(str, Enum):
    """How an edition's text is produced."""

    SOURCE = "source"  # the articles as imported
    SCRIPT = "script"  # the source converted by OpenCC at build time
    TRANSLATION = "translation"  # the source replaced message by message from .po files


@dataclass(frozen=True)
class Edition:
    """One language edition of the publication."""

    code: str
    """BCP 47 tag, used for ``lang``/``hreflang`` (``zh-Hant``, ``zh-Hans``, ``en``)."""
    label: str
    """Name of the edition in its own language, shown in the language switcher."""
    kind: EditionKind
    sphinx_language: str
    """Sphinx ``language``: selects Sphinx's UI messages (zh_TW, zh_CN, en)."""
    opencc_config: str | None = None
    """OpenCC configuration of a script edition (``t2s.json``), in place of the one that
    ``ProjectConfig.opencc_chain`` derives from the source's standard and this one's."""
    catalog_language: str | None = None
    """Directory under ``locale/`` holding this edition's .po files (``en``, ``zh_Hans``)."""
    regional_phrases: bool = False
    """Whether a script edition also converts regional words (軟體 → 软件: ``tw2sp``)."""
    quotes: str = ""
    """Quotation marks: ``corner`` 「」, ``curly`` “”, ``none`` (as written); by default
    those of the edition's standard (see ``quote_style``)."""

    def __post_init__(self) -> None:
        if self.quotes and self.quotes not in QUOTE_STYLES:
            raise ConfigError(f"edition {self.code!r}: quotes must be one of "
                              f"{', '.join(QUOTE_STYLES)}, not {self.quotes!r}")

    @property
    def standard(self) -> str | None:
        """The Chinese standard the edition writes (``tw``, ``hk``, ``s``), from its tags."""
        return standard_of(self.code, self.sphinx_language)

    @property
    def quote_style(self) -> str:
        """The quotation marks the edition prints: its own setting or its standard's."""
        return self.quotes or default_quotes(self.standard)

    @property
    def slug(self) -> str:
        """Directory name of the edition in the built site: the lower-case tag."""
        return self.code.lower()

    @property
    def locale_name(self) -> str:
        """Name of the edition's catalog directory under ``locale/``."""
        return self.catalog_language or self.code.replace("-", "_")


DEFAULT_EDITIONS: tuple[Edition, ...] = (
    Edition("zh-Hant", "繁體中文", EditionKind.SOURCE, "zh_TW"),
    Edition("zh-Hans", "简体中文", EditionKind.SCRIPT, "zh_CN"),
    Edition("en", "English", EditionKind.TRANSLATION, "en"),
)


@dataclass(frozen=True)
class ProjectConfig:
    """Paths, metadata and editions of one translate-kit project."""

    root: Path
    title: str = "translate-kit"
    author: str = "translate-kit"
    publisher: str = "translate-kit"
    pdf_basename: str = "translate-kit"
    editions: tuple[Edition, ...] = DEFAULT_EDITIONS
    docs_dir: Path = field(default=Path("docs"))
    articles_dir: Path = field(default=Path("docs/articles"))
    locale_dir: Path = field(default=Path("locale"))
    build_dir: Path = field(default=Path("_build"))
    glossary: Path = field(default=Path("locale/glossary.csv"))
    """Terms translators must render as listed (checked by ``translate-kit check``)."""
    repair_standard: str = ""
    """The source edition's standard: ``import`` repairs leftover simplified characters
    to it and script editions convert from it.  ``tw`` (Taiwan), ``hk`` (Hong Kong) or
    ``t`` (OpenCC's own traditional forms); by default the source edition's language
    decides (``zh-Hant`` and ``zh_TW`` are Taiwan's, ``zh_HK`` Hong Kong's)."""
    simplified_conversion: str = ""
    """OpenCC conversion of articles that arrive in simplified script: by default the one
    of ``repair_standard`` (``s2tw``, ``s2hk``, ``s2t``); ``s2twp`` adds Taiwan's words."""
    edit_url: str = ""
    """Where translators edit a catalog (a repository or translation platform): an http(s)
    URL template with ``{path}`` (the catalog's path from the project root, e.g.
    ``locale/en/LC_MESSAGES/articles/x.po``), ``{docname}`` and ``{language}``.  Pages of
    translation editions link to it."""
    base_url: str = ""
    """The site's public address (``https://example.org/news/``).  With it the build
    writes sitemap.xml, robots.txt, canonical links and 404 pages, which need absolute
    addresses; without it the site stays relative and works from any place."""
    min_translated: float = 80
    """Percentage of its messages (as ``translate-kit stats`` counts them) under which a
    translated page is not offered as a translation: no hreflang alternates, not in the
    sitemap, and ``<html lang>`` of the source when less than half is translated."""
    articles_per_page: int = 20
    """Articles on one page of a listing: the edition's index, a month, a tag."""
    volumes: str = "month"
    """What one PDF or EPUB volume holds: the articles of a ``month``, a ``year`` or
    ``all`` of them.  Every article also has a PDF of its own, cut from its volume."""

    def __post_init__(self) -> None:
        codes = [e.code for e in self.editions]
        if len(set(c.lower() for c in codes)) != len(codes):
            raise ConfigError(f"edition codes must be unique: {codes}")
        sources = [e for e in self.editions if e.kind is EditionKind.SOURCE]
        if len(sources) != 1:
            raise ConfigError(f"exactly one source edition is needed, found {len(sources)}")
        if not self.repair_standard:
            standard = self.source_edition.standard
            object.__setattr__(self, "repair_standard",
                               standard if standard in REPAIR_STANDARDS else "tw")
        if self.repair_standard not in REPAIR_STANDARDS:
            raise ConfigError(f"repair_standard must be one of {', '.join(REPAIR_STANDARDS)}, "
                              f"not {self.repair_standard!r}")
        allowed = SIMPLIFIED_CONVERSIONS[self.repair_standard]
        if self.simplified_conversion and self.simplified_conversion not in allowed:
            raise ConfigError(f"[project] simplified_conversion must be {' or '.join(allowed)} "
                              f"with repair_standard {self.repair_standard!r}, not "
                              f"{self.simplified_conversion!r}", self.root / CONFIG_FILE)
        if self.articles_per_page < 1:
            raise ConfigError(f"[project] articles_per_page must be at least 1, not "
                              f"{self.articles_per_page}", self.root / CONFIG_FILE)
        if self.volumes not in PERIODS:
            raise ConfigError(f"[project] volumes must be one of {', '.join(PERIODS)}, not "
                              f"{self.volumes!r}", self.root / CONFIG_FILE)
        root = self.root.resolve()
        object.__setattr__(self, "root", root)
        for edition in self.editions_of(EditionKind.SCRIPT):
            self.opencc_chain(edition, root / CONFIG_FILE)
        if self.edit_url:
            _check_edit_url(self.edit_url, root / CONFIG_FILE)
        if isinstance(self.min_translated, bool) or not isinstance(self.min_translated, (int, float)) \
                or not 0 <= self.min_translated <= 100:
            raise ConfigError(f"[project] min_translated must be a number from 0 to 100, not "
                              f"{self.min_translated!r}", root / CONFIG_FILE)
        if self.base_url:
            _check_base_url(self.base_url, root / CONFIG_FILE)
            object.__setattr__(self, "base_url", self.base_url.rstrip("/") + "/")
        for f in fields(self):  # every path but the root is relative to the root
            path = getattr(self, f.name)
            if f.type == "Path" and f.name != "root" and not path.is_absolute():
                object.__setattr__(self, f.name, root / path)

    @property
    def simplified_conversion_config(self) -> str:
        """The OpenCC configuration that converts simplified articles (``s2tw.json``)."""
        name = self.simplified_conversion or SIMPLIFIED_CONVERSIONS[self.repair_standard][0]
        return f"{name}.json"

    def opencc_chain(self, edition: Edition, path: Path | None = None) -> tuple[str, ...]:
        """The OpenCC configurations that make a script edition from the source, in order.

        ``opencc_config`` when the edition sets one, else the conversion from
        ``repair_standard`` to the edition's standard (see ``standards.opencc_chain``).
        """
        if edition.opencc_config:
            return (edition.opencc_config,)
        where = f"edition {edition.code!r}"
        if edition.standard is None:
            raise ConfigError(f"{where}: its language names no Chinese standard; set "
                              f"opencc_config", path or self.root / CONFIG_FILE)
        try:
            return opencc_chain(self.repair_standard, edition.standard, edition.regional_phrases)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc.message}; set opencc_config",
                              path or self.root / CONFIG_FILE) from exc

    @property
    def source_edition(self) -> Edition:
        return next(e for e in self.editions if e.kind is EditionKind.SOURCE)

    def edition(self, code: str) -> Edition:
        """The edition with this code (case-insensitive), or a ConfigError listing them."""
        for edition in self.editions:
            if edition.code.lower() == code.lower():
                return edition
        known = ", ".join(e.code for e in self.editions)
        raise ConfigError(f"unknown edition {code!r}; this project has: {known}")

    def editions_of(self, kind: EditionKind) -> tuple[Edition, ...]:
        return tuple(e for e in self.editions if e.kind is kind)

    def edit_link(self, path: str, docname: str, language: str) -> str | None:
        """``edit_url`` filled in for one catalog (None when the project sets none)."""
        if not self.edit_url:
            return None
        return self.edit_url.format(path=quote(path), docname=quote(docname),
                                    language=quote(language))

    # The layout of the build directory.  Every stage and the Sphinx extension ask these
    # methods, so an output path is decided here and nowhere else.

    @property
    def html_dir(self) -> Path:
        """The site: the chooser page and one directory per edition."""
        return self.build_dir / "html"

    def edition_html_dir(self, edition: Edition) -> Path:
        return self.html_dir / edition.slug

    @property
    def site_pdf_dir(self) -> Path:
        """The site's ``pdf/`` folder, next to the edition directories."""
        return self.html_dir / "pdf"

    @property
    def pdf_dir(self) -> Path:
        """Where the PDF stage leaves the finished PDFs."""
        return self.build_dir / "pdf"

    def pdf_name(self, edition: Edition) -> str:
        """File name of an edition's PDF, in ``pdf_dir`` and in the site's ``pdf/``."""
        return f"{self.pdf_basename}-{edition.slug}.pdf"

    def pdf_path(self, edition: Edition) -> Path:
        return self.pdf_dir / self.pdf_name(edition)

    def volume_pdf_name(self, edition: Edition, volume: str) -> str:
        """A volume's PDF: ``<pdf_basename>-<slug>-2026-11.pdf``; the whole archive's
        (``volume == ""``) is ``pdf_name(edition)``."""
        return self.pdf_name(edition).removesuffix(".pdf") + (f"-{volume}.pdf" if volume else ".pdf")

    def volume_pdf_path(self, edition: Edition, volume: str) -> Path:
        return self.pdf_dir / self.volume_pdf_name(edition, volume)

    def volume_pdfs(self, edition: Edition) -> list[Path]:
        """The edition's volume PDFs in ``pdf_dir``, oldest first."""
        return self.volume_files(self.pdf_dir, self.pdf_name(edition))

    @staticmethod
    def volume_files(folder: Path, book: str) -> list[Path]:
        """The volumes in ``folder`` of the edition whose whole book is named ``book``."""
        stem, suffix = book.rsplit(".", 1)
        name = re.compile(rf"{re.escape(stem)}-\d{{4}}(?:-\d{{2}})?\.{suffix}")
        return sorted(path for path in folder.glob(f"{stem}-*.{suffix}") if name.fullmatch(path.name))

    def article_pdf_path(self, edition: Edition, docname: str) -> Path:
        """One article's PDF, cut from its volume: ``pdf/<slug>/<docname>.pdf``."""
        return self.pdf_dir / edition.slug / f"{docname}.pdf"

    def in_site(self, download: Path) -> Path:
        """Where a file the PDF or EPUB stage left is copied into the site."""
        for built, published in ((self.pdf_dir, self.site_pdf_dir), (self.epub_dir, self.site_epub_dir)):
            if download.is_relative_to(built):
                return published / download.relative_to(built)
        raise ValueError(f"{download} is not a download")

    @property
    def epub_dir(self) -> Path:
        """Where the EPUB stage leaves the finished EPUBs."""
        return self.build_dir / "epub"

    @property
    def site_epub_dir(self) -> Path:
        """The site's ``epub/`` folder, next to ``pdf/``."""
        return self.html_dir / "epub"

    def epub_name(self, edition: Edition) -> str:
        """File name of an edition's EPUB: the PDF's name with ``.epub``."""
        return self.pdf_name(edition).removesuffix(".pdf") + ".epub"

    def epub_path(self, edition: Edition) -> Path:
        return self.epub_dir / self.epub_name(edition)

    def volume_epub_name(self, edition: Edition, volume: str) -> str:
        """A volume's EPUB: its PDF's name with ``.epub``."""
        return self.volume_pdf_name(edition, volume).removesuffix(".pdf") + ".epub"

    def volume_epub_path(self, edition: Edition, volume: str) -> Path:
        return self.epub_dir / self.volume_epub_name(edition, volume)

    def volume_epubs(self, edition: Edition) -> list[Path]:
        """The edition's volume EPUBs in ``epub_dir``, oldest first."""
        return self.volume_files(self.epub_dir, self.epub_name(edition))

    def article_epub_path(self, edition: Edition, docname: str) -> Path:
        """One article's EPUB, cut from its volume's: ``epub/<slug>/<docname>.epub``."""
        return self.epub_dir / edition.slug / f"{docname}.epub"

    def epub_files_dir(self, edition: Edition) -> Path:
        """Sphinx's EPUB output of an edition: the XHTML, fonts and package files it zips."""
        return self.build_dir / "epub-files" / edition.slug

    def downloads(self, edition: Edition) -> dict[str, tuple[Path, Path]]:
        """An edition's downloads by kind: (where its stage leaves it, its copy in the site).

        Each is the whole archive's, or with volumes by month or year the newest volume.
        """
        found = {}
        for kind, volumes, whole in (("pdf", self.volume_pdfs(edition), self.pdf_path(edition)),
                                     ("epub", self.volume_epubs(edition), self.epub_path(edition))):
            book = volumes[-1] if volumes and self.volumes != "all" else whole
            found[kind] = (book, self.in_site(book))
        return found

    @property
    def front_page(self) -> Path:
        """The site's ``index.html``: every edition, its newest articles and downloads."""
        return self.html_dir / "index.html"

    def not_found_page(self, edition: Edition | None = None) -> Path:
        """The 404 page of an edition, or (without one) of the whole site."""
        folder = self.html_dir if edition is None else self.edition_html_dir(edition)
        return folder / "404.html"

    @property
    def sitemap_path(self) -> Path:
        """``sitemap.xml``: the sitemap, or the index of numbered ones on a large site."""
        return self.html_dir / "sitemap.xml"

    def sitemap_part_path(self, number: int) -> Path:
        return self.html_dir / f"sitemap-{number}.xml"

    @property
    def robots_path(self) -> Path:
        return self.html_dir / "robots.txt"

    def page_list_path(self, edition: Edition) -> Path:
        """What an edition's HTML build lists for the site: its pages, titles and words."""
        return self.edition_html_dir(edition) / "translate-kit-pages.json"

    @property
    def completeness_script(self) -> Path:
        """Every translation edition's completeness, for the switcher of every page."""
        return self.html_dir / "translate-kit-completeness.js"

    def site_url(self, path: str = "") -> str:
        """The public address of ``path`` (relative to the site root); needs base_url."""
        if not self.base_url:
            raise ConfigError("no base_url under [project] in translate-kit.toml")
        return self.base_url + path

    def latex_dir(self, edition: Edition) -> Path:
        return self.build_dir / "latex" / edition.slug

    def tex_name(self, edition: Edition) -> str:
        """The .tex file Sphinx writes; latexmk turns it into ``pdf_name(edition)``."""
        return self.pdf_name(edition).removesuffix(".pdf") + ".tex"

    @property
    def interface_locale_dir(self) -> Path:
        """The project's own interface catalogs (``<language>/LC_MESSAGES/translate_kit.po``),
        searched before those shipped with the extension (see ``catalogs.interface``)."""
        return self.locale_dir / "interface"

    def catalog_build_dir(self, edition: Edition) -> Path:
        """Where an edition's .mo files are compiled (never under ``locale/``)."""
        return self.build_dir / "locale" / edition.slug

    def doctrees_dir(self, builder: str, edition: Edition) -> Path:
        return self.build_dir / "doctrees" / builder / edition.slug

    def cache_dir(self, name: str) -> Path:
        """A directory of derived files a stage keeps between runs (``opencc``, ``jieba`` …)."""
        return self.build_dir / name

    def build_record(self, builder: str, edition: Edition) -> Path:
        """Fingerprint of the inputs of the edition's last finished ``builder`` build."""
        return self.build_dir / "state" / f"{builder}-{edition.slug}.inputs"

    def build_marker(self, builder: str, edition: Edition) -> Path:
        """Exists while the edition's ``builder`` build runs: left behind, it was interrupted."""
        return self.build_dir / "state" / f"{builder}-{edition.slug}.building"

    def build_warnings(self, builder: str, edition: Edition) -> Path:
        """Where sphinx-build writes the warnings of the edition's running build."""
        return self.build_dir / "state" / f"{builder}-{edition.slug}.warnings"

    @property
    def import_cache(self) -> Path:
        """Title, date and source of every article, so an import need not read them all."""
        return self.cache_dir("import") / "articles.json"


EDIT_URL_FIELDS = ("path", "docname", "language")


def _check_edit_url(template: str, path: Path) -> None:
    """An http(s) URL whose only placeholders are EDIT_URL_FIELDS, without format specs."""
    problem = None
    try:
        for _text, name, spec, conversion in Formatter().parse(template):
            if name is not None and (name not in EDIT_URL_FIELDS or spec or conversion):
                problem = f"unknown placeholder {{{name}}}; use {{path}}, {{docname}} or {{language}}"
                break
    except ValueError as exc:  # a lone { or }
        problem = f"not a URL template ({exc})"
    if problem is None and urlsplit(template).scheme.lower() not in ("http", "https"):
        problem = "must be an http:// or https:// URL"
    if problem:
        raise ConfigError(f"[project] edit_url {template!r}: {problem}", path)


def _check_base_url(url: str, path: Path) -> None:
    """An absolute http(s) address: pages are found at ``base_url`` + their path."""
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
        raise ConfigError(f"[project] base_url must be an absolute http(s) address without "
                          f"query or fragment, such as https://example.org/news/; got {url!r}", path)


def find_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` holding translate-kit.toml."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / CONFIG_FILE).is_file():
            return directory
    raise ConfigError(f"no {CONFIG_FILE} found in {start} or any parent directory")


def load_config(root: Path | None = None) -> ProjectConfig:
    """Read ``translate-kit.toml`` from ``root`` (or the nearest one above the cwd)."""
    root = find_root(Path.cwd()) if root is None else Path(root)
    if not root.is_dir():
        raise ConfigError(f"project directory {root} does not exist")
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    return _from_mapping(root, data, path)


def _table_fields(cls: type, path: Path, where: str, table: dict[str, Any]) -> dict[str, Any]:
    """Check ``table``'s keys against ``cls``'s dataclass fields and convert path values.

    The dataclass is the one list of keys: a field added there is accepted here, and a
    misspelt key is an error instead of a silent fallback to a default.
    """
    settable = {f.name: f for f in fields(cls) if f.init and f.name not in _NOT_IN_FILE}
    unknown = set(table) - set(settable)
    if unknown:
        raise ConfigError(f"{path}: {where}: unknown keys: {', '.join(sorted(unknown))}")
    values = {}
    for key, value in table.items():
        kind = str(settable[key].type)
        if kind == "Path":
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {where}: {key} must be a string (a path)")
            value = Path(value)
        elif kind.startswith("str") and not isinstance(value, str):
            raise ConfigError(f"{path}: {where}: {key} must be a string")
        elif kind == "bool" and not isinstance(value, bool):
            raise ConfigError(f"{path}: {where}: {key} must be true or false")
        elif kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(f"{path}: {where}: {key} must be a whole number")
        values[key] = value
    return values


_NOT_IN_FILE = frozenset({"root", "editions"})


def _from_mapping(root: Path, data: dict[str, Any], path: Path) -> ProjectConfig:
    if not isinstance(data.get("project", {}), dict):
        raise ConfigError(f"{path}: [project] must be a table")
    if not isinstance(data.get("editions", []), list):
        raise ConfigError(f"{path}: editions must be [[editions]] tables")
    project = _table_fields(ProjectConfig, path, "[project]", data.get("project", {}))
    editions = DEFAULT_EDITIONS
    if "editions" in data:
        editions = tuple(_edition(path, i, e) for i, e in enumerate(data["editions"], 1))
    return ProjectConfig(root=root, editions=editions, **project)


def _edition(path: Path, index: int, table: dict[str, Any]) -> Edition:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: edition #{index} must be an [[editions]] table")
    where = f"edition #{index}"
    values = _table_fields(Edition, path, where, table)
    missing = [f.name for f in fields(Edition)
               if f.default is MISSING and f.name not in values and f.name != "sphinx_language"]
    if missing:
        raise ConfigError(f"{path}: {where} lacks key {missing[0]!r}")
    values.setdefault("sphinx_language", values["code"].replace("-", "_"))
    try:
        values["kind"] = EditionKind(values["kind"])
    except ValueError as exc:
        raise ConfigError(f"{path}: {where}: {exc}") from exc
    try:
        return Edition(**values)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc.message}", path) from exc
