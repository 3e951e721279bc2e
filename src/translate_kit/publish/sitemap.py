"""sitemap.xml in the sitemaps.org 0.9 format, with Google's hreflang alternates.

Each ``<url>`` lists, as ``<xhtml:link rel="alternate" hreflang>``, the same page in
every edition that has it (itself included) and the ``x-default`` page for readers of
any other language.  A sitemap holds at most 50,000 addresses; a larger site gets a
sitemap index (``sitemap.xml``) of numbered sitemaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000
"""The protocol's limit of addresses per sitemap file."""


@dataclass(frozen=True)
class SitemapUrl:
    """One page's address and its alternates: (hreflang, address) pairs."""

    loc: str
    alternates: tuple[tuple[str, str], ...] = ()


def urlset(urls: list[SitemapUrl]) -> bytes:
    """A ``<urlset>`` document listing ``urls``."""
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for url in urls:
        entry = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url.loc
        for hreflang, href in url.alternates:
            etree.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang,
                             href=href)
    return _document(root)


def sitemap_index(locations: list[str]) -> bytes:
    """A ``<sitemapindex>`` document listing the sitemaps at ``locations``."""
    root = etree.Element(f"{{{SITEMAP_NS}}}sitemapindex", nsmap={None: SITEMAP_NS})
    for location in locations:
        entry = etree.SubElement(root, f"{{{SITEMAP_NS}}}sitemap")
        etree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = location
    return _document(root)


def split(urls: list[SitemapUrl], limit: int = MAX_URLS) -> list[list[SitemapUrl]]:
    """``urls`` in sitemaps of at most ``limit`` addresses each."""
    return [urls[start:start + limit] for start in range(0, len(urls), limit)] or [[]]


def _document(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
