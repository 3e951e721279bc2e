"""What a saved news page says about its article: title, date, author, address, site.

Pages carry this in three places of uneven quality: JSON-LD (``NewsArticle`` and kin,
written for search engines and the most exact), Open Graph and ``article:`` properties,
and the older ``<meta name=…>`` tags of Chinese content systems (``publishdate``,
``ArticleTitle``, ``SiteName``).  They are read in that order; the first that has a
value wins.  Only values are taken, never markup: every value is plain text, and an
address is kept only when it is an absolute ``http(s)`` URL.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                  "AnalysisNewsArticle", "WebPageElement"}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_TITLE_SEPARATORS = re.compile(r"\s+[-|｜—]\s+|\s*(?:--|_|｜|\|)\s*|-(?=[^-]{1,12}$)")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_FAMILIES = {"gb2312": "gb", "gbk": "gb", "gb18030": "gb", "big5": "big5",
             "big5hkscs": "big5", "cp950": "big5", "utf_8": "utf-8", "utf_8_sig": "utf-8"}


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD) of publication."""
    author: str | None = None
    source_url: str | None = None
    site_name: str | None = None
    declared_charset: str | None = None
    """The charset the page declares (``<meta charset>``), which may not be its own."""

    def front_matter(self) -> dict[str, str]:
        """The fields a document records about its page (those the page has)."""
        fields = {"author": self.author, "source_url": self.source_url, "site_name": self.site_name}
        return {key: value for key, value in fields.items() if value}


def page_meta(root: lxml.html.HtmlElement) -> PageMeta:
    """The metadata of a parsed page (before anything is dropped from it)."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = _clean(meta.get("content"))
        if key and content:
            metas.setdefault(key, content)
    article = _json_ld_article(root)
    published = article.get("datePublished") or article.get("dateCreated")
    time = root.find(".//time[@datetime]")
    return PageMeta(
        title=_first(_clean(article.get("headline")), _h1(root), metas.get("og:title"),
                     metas.get("articletitle"), _cut_title(root.findtext(".//title"))),
        date=_first(*map(_iso_date, (
            published, metas.get("article:published_time"), metas.get("pubdate"),
            metas.get("publishdate"), metas.get("date"),
            time.get("datetime") if time is not None else None))),
        author=_first(_names(article.get("author")), metas.get("author"),
                      metas.get("article:author")),
        source_url=_first(*map(_address, (
            _canonical(root), metas.get("og:url"), _clean(article.get("url")),
            _entity_id(article.get("mainEntityOfPage"))))),
        site_name=_first(metas.get("og:site_name"), _names(article.get("publisher")),
                         metas.get("sitename"), metas.get("application-name")),
        declared_charset=_declared_charset(root),
    )


def charset_disagrees(declared: str | None, used: str) -> bool:
    """Whether the page's declared charset is not the one its bytes are in (GBK, GB2312
    and GB18030 count as one, as do Big5 and its extensions)."""
    if not declared:
        return False
    try:
        names = [codecs.lookup(name).name for name in (declared, used)]
    except LookupError:
        return True
    families = [_FAMILIES.get(name.replace("-", "_"), name) for name in names]
    return families[0] != families[1]


def _json_ld_article(root: lxml.html.HtmlElement) -> dict[str, Any]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _items(data):
            types = item.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & _ARTICLE_TYPES:
                return item
    return {}


def _items(data: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD block: a list of them, or a ``@graph``."""
    if isinstance(data, list):
        return [item for entry in data for item in _items(entry)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _names(value: Any) -> str | None:
    """A JSON-LD person or organisation (or a list of them) as names joined by 、."""
    values = value if isinstance(value, list) else [value]
    names = [_clean(v.get("name") if isinstance(v, dict) else v) for v in values]
    return "、".join(n for n in names if n) or None


def _entity_id(value: Any) -> str | None:
    return _clean(value.get("@id") if isinstance(value, dict) else value)


def _h1(root: lxml.html.HtmlElement) -> str | None:
    heading = root.find(".//h1")
    return _clean(heading.text_content()) if heading is not None else None


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _clean(link.get("href"))
    return None


def _declared_charset(root: lxml.html.HtmlElement) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("charset"):
            return meta.get("charset").strip().lower()
        if (meta.get("http-equiv") or "").lower() == "content-type":
            found = _CHARSET.search(meta.get("content") or "")
            if found:
                return found[1].lower()
    return None


def _cut_title(title: str | None) -> str | None:
    """A ``<title>`` without the site and channel names most pages append to it."""
    title = _clean(title)
    return _TITLE_SEPARATORS.split(title, maxsplit=1)[0].strip() or title if title else None


def _iso_date(value: Any) -> str | None:
    found = _DATE.search(value) if isinstance(value, str) else None
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _address(value: str | None) -> str | None:
    return value if value and re.match(r"https?://[^\s<>\"']+$", value) else None


def _clean(value: Any) -> str | None:
    return re.sub(r"\s+", " ", value).strip() or None if isinstance(value, str) else None


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
