"""EPUB 3 books made of pages Sphinx wrote: a volume's articles, or one article.

An EPUB is a zip: ``mimetype`` first and stored, ``META-INF/container.xml`` naming the
package file, the package file (``content.opf``: metadata, manifest, spine) and the
navigation document (``nav.xhtml``), beside the pages and what they use.  Sphinx's
EPUB builder packs every page of its output into one book; a volume or an article is a
few of those pages, so the package is written here: ``book_files`` takes the pages of
the chapters and every file they reference (stylesheets, images, the fonts the
stylesheets name), ``write_epub`` packs them, ``read_epub`` opens a book again to cut
chapters out of it.  A link to a page the book does not hold would be a broken
reference (epubcheck's RSC-007): its text stays, the link goes.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from translate_kit.config import ProjectConfig
from translate_kit.files import replace_with

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
OPS_NS = "http://www.idpf.org/2007/ops"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
PACKAGE = "content.opf"
NAV = "nav.xhtml"
MEDIA_TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".otf": "font/otf",
               ".ttf": "font/ttf", ".woff": "font/woff", ".woff2": "font/woff2",
               ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
               ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}
"""The media types a book may hold without fallbacks (EPUB 3 core media types)."""
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member's time: the same pages give the same bytes."""


@dataclass(frozen=True)
class BookInfo:
    """What a reading system shows of a book: its metadata and its contents' heading."""

    identifier: str
    title: str
    language: str
    author: str
    publisher: str
    contents: str
    """The heading of the table of contents, in the book's language."""
    modified: str
    """``dcterms:modified``: ``2026-11-27T00:00:00Z``."""
    collection: str = ""
    """The book this one was cut from (``belongs-to-collection``), or ""."""


@dataclass(frozen=True)
class Chapter:
    """A page of the book, in reading order, with its title in the table of contents."""

    href: str
    title: str


def _local(path: str, reference: str) -> str | None:
    """The book path ``reference`` (written in file ``path``) points to; None if outside."""
    target = reference.split("#", 1)[0]
    if not target or _SCHEME.match(target) or target.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), target))


def _references(path: str, data: bytes) -> list[str]:
    """Files a page or a stylesheet uses (not the pages it links to)."""
    if path.endswith(".css"):
        found = _CSS_URL.findall(data.decode("utf-8", errors="replace"))
    elif path.endswith(".xhtml"):
        root = etree.fromstring(data, _PARSER)
        found = [*root.xpath("//x:link[@rel='stylesheet']/@href", namespaces={"x": XHTML_NS}),
                 *root.xpath("//*[@src]/@src")]
    else:
        return []
    return [local for local in (_local(path, ref) for ref in found) if local is not None]


def unlink_outside(path: str, data: bytes, pages: set[str]) -> bytes:
    """The page with its links to pages outside ``pages`` taken out (their text kept)."""
    root = etree.fromstring(data, _PARSER)
    removed = False
    for link in root.xpath("//x:a[@href]", namespaces={"x": XHTML_NS}):
        target = _local(path, link.get("href"))
        if target is None or target == posixpath.normpath(path) or target in pages:
            continue
        _unwrap(link)
        removed = True
    if not removed:
        return data
    return etree.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")


def _unwrap(element: etree._Element) -> None:
    """Put ``element``'s text and children in its place, in their order."""
    parent, previous = element.getparent(), element.getprevious()
    children, tail = list(element), element.tail or ""

    def append(after: etree._Element | None, text: str) -> None:
        if after is not None:
            after.tail = (after.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    append(previous, element.text or "")
    index = parent.index(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    append(children[-1] if children else previous, tail)
    parent.remove(element)


def book_files(chapters: Sequence[Chapter], read: Callable[[str], bytes | None]
               ) -> dict[str, bytes]:
    """The chapters' pages (links to other pages taken out) and every file they use.

    ``read`` gives a file's bytes by its path in the book, None for a file that is not
    there (it is left out).
    """
    pages = {chapter.href for chapter in chapters}
    files: dict[str, bytes] = {}
    waiting = list(pages)
    while waiting:
        path = waiting.pop()
        if path in files:
            continue
        data = read(path)
        if data is None or posixpath.splitext(path)[1] not in MEDIA_TYPES:
            continue
        files[path] = unlink_outside(path, data, pages) if path in pages else data
        waiting.extend(_references(path, data))
    return files


def page_text(data: bytes) -> str:
    """Every character a page shows (text, not markup)."""
    root = etree.fromstring(data, _PARSER)
    return "".join(root.xpath("//x:body//text()", namespaces={"x": XHTML_NS}))


def _media_type(path: str) -> str:
    suffix = posixpath.splitext(path)[1].lower()
    return MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def _package(info: BookInfo, chapters: Sequence[Chapter], files: Mapping[str, bytes]) -> bytes:
    opf = etree.Element(f"{{{OPF_NS}}}package", nsmap={None: OPF_NS}, version="3.0",
                        attrib={"unique-identifier": "BookId",
                                "{http://www.w3.org/XML/1998/namespace}lang": info.language})
    metadata = etree.SubElement(opf, f"{{{OPF_NS}}}metadata", nsmap={"dc": DC_NS})
    etree.SubElement(metadata, f"{{{DC_NS}}}identifier", id="BookId").text = info.identifier
    etree.SubElement(metadata, f"{{{DC_NS}}}title").text = info.title
    etree.SubElement(metadata, f"{{{DC_NS}}}language").text = info.language
    for tag, value in (("creator", info.author), ("publisher", info.publisher)):
        if value:
            etree.SubElement(metadata, f"{{{DC_NS}}}{tag}").text = value
    etree.SubElement(metadata, f"{{{OPF_NS}}}meta", property="dcterms:modified").text = info.modified
    if info.collection:
        etree.SubElement(metadata, f"{{{OPF_NS}}}meta", property="belongs-to-collection",
                         id="collection").text = info.collection
    manifest = etree.SubElement(opf, f"{{{OPF_NS}}}manifest")
    etree.SubElement(manifest, f"{{{OPF_NS}}}item", id="nav", href=NAV,
                     attrib={"media-type": _media_type(NAV), "properties": "nav"})
    ids = {}
    for number, path in enumerate(sorted(files), 1):
        ids[path] = f"item-{number}"
        etree.SubElement(manifest, f"{{{OPF_NS}}}item", id=ids[path], href=path,
                         attrib={"media-type": _media_type(path)})
    spine = etree.SubElement(opf, f"{{{OPF_NS}}}spine")
    for chapter in chapters:
        etree.SubElement(spine, f"{{{OPF_NS}}}itemref", idref=ids[chapter.href])
    return etree.tostring(opf, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _navigation(info: BookInfo, chapters: Sequence[Chapter]) -> bytes:
    lang = {"lang": info.language, "{http://www.w3.org/XML/1998/namespace}lang": info.language}
    page = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS, "epub": OPS_NS}, attrib=lang)
    head = etree.SubElement(page, f"{{{XHTML_NS}}}head")
    etree.SubElement(head, f"{{{XHTML_NS}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML_NS}}}title").text = info.contents
    nav = etree.SubElement(etree.SubElement(page, f"{{{XHTML_NS}}}body"), f"{{{XHTML_NS}}}nav",
                           id="toc", attrib={f"{{{OPS_NS}}}type": "toc"})
    etree.SubElement(nav, f"{{{XHTML_NS}}}h1").text = info.contents
    entries = etree.SubElement(nav, f"{{{XHTML_NS}}}ol")
    for chapter in chapters:
        item = etree.SubElement(entries, f"{{{XHTML_NS}}}li")
        etree.SubElement(item, f"{{{XHTML_NS}}}a", href=chapter.href).text = chapter.title
    return etree.tostring(page, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype="<!DOCTYPE html>")


def _container() -> bytes:
    root = etree.Element(f"{{{CONTAINER_NS}}}container", nsmap={None: CONTAINER_NS}, version="1.0")
    files = etree.SubElement(etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles"),
                             f"{{{CONTAINER_NS}}}rootfile")
    files.set("full-path", PACKAGE)
    files.set("media-type", "application/oebps-package+xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_epub(target: Path, info: BookInfo, chapters: Sequence[Chapter],
               files: Mapping[str, bytes]) -> None:
    """Pack ``files`` (the chapters' pages among them) into the book ``target``."""
    members = {"META-INF/container.xml": _container(), PACKAGE: _package(info, chapters, files),
               NAV: _navigation(info, chapters), **files}

    def write(out: str) -> None:
        with zipfile.ZipFile(out, "w") as book:
            book.writestr(zipfile.ZipInfo("mimetype", _ZIP_TIME), b"application/epub+zip",
                          compress_type=zipfile.ZIP_STORED)
            for name, data in members.items():
                book.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data,
                              compress_type=zipfile.ZIP_DEFLATED)

    replace_with(target, write)


@dataclass(frozen=True)
class Book:
    """A book as ``write_epub`` wrote it."""

    info: BookInfo
    chapters: tuple[Chapter, ...]
    files: dict[str, bytes]
    """Every file but the package, navigation and container files."""


def read_epub(path: Path) -> Book:
    """Open a book ``write_epub`` wrote, to cut chapters out of it."""
    with zipfile.ZipFile(path) as book:
        files = {name: book.read(name) for name in book.namelist()}
    opf = etree.fromstring(files.pop(PACKAGE), _PARSER)
    ns = {"opf": OPF_NS, "dc": DC_NS, "x": XHTML_NS, "epub": OPS_NS}

    def text(xpath: str) -> str:
        found = opf.xpath(xpath, namespaces=ns)
        return str(found[0]) if found else ""

    nav = etree.fromstring(files.pop(NAV), _PARSER)
    info = BookInfo(
        identifier=text("//dc:identifier/text()"), title=text("//dc:title/text()"),
        language=text("//dc:language/text()"), author=text("//dc:creator/text()"),
        publisher=text("//dc:publisher/text()"),
        contents="".join(nav.xpath("//x:nav//x:h1//text()", namespaces=ns)),
        modified=text("//opf:meta[@property='dcterms:modified']/text()"),
        collection=text("//opf:meta[@property='belongs-to-collection']/text()"))
    chapters = tuple(Chapter(a.get("href"), "".join(a.itertext()))
                     for a in nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=ns))
    for name in ("mimetype", "META-INF/container.xml"):
        files.pop(name, None)
    return Book(info, chapters, files)


def download_identifier(config: ProjectConfig, download: Path) -> str:
    """A book's identifier: its address in the site with ``base_url``, else a UUID URN
    named after that place (the same book keeps it from build to build)."""
    where = config.in_site(download).relative_to(config.html_dir).as_posix()
    if config.base_url:
        return config.site_url(where)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"translate-kit:{config.title}:{where}").urn
