"""How complete each page of a translation edition is, as readers are told.

The figures are ``translate-kit stats``' own (messages translated, fuzzy counted as not
done, rounded down to a tenth), so a page, the switcher and the front page never say
something the translators' report does not.  A document without a catalog has nothing
translated.  Below ``[project] min_translated`` a page is not offered as a translation:
the build leaves it out of the hreflang alternates and the sitemap.
"""

from __future__ import annotations

from dataclasses import dataclass

from translate_kit.catalogs.stats import edition_stats
from translate_kit.config import Edition, EditionKind, ProjectConfig

MAJORITY = 50.0
"""Above this share a page reads as its edition's language; at or under it, as its source's."""


@dataclass(frozen=True)
class EditionStatus:
    """One translation edition's completeness: overall and per document."""

    code: str
    percent: float
    """The edition's total, as ``stats`` shows it."""
    documents: dict[str, float]
    """Docname -> percent translated; documents without a catalog are at 0."""

    def of(self, docname: str) -> float | None:
        """The document's percentage; None for a page that is not a document (search)."""
        return self.documents.get(docname)

    def below(self, threshold: float) -> frozenset[str]:
        """Documents translated less than ``threshold`` percent."""
        return frozenset(doc for doc, percent in self.documents.items() if percent < threshold)


def edition_status(config: ProjectConfig, edition: Edition) -> EditionStatus:
    """The completeness of ``edition``; only catalogs changed since the last count are read."""
    stats = edition_stats(config, edition)
    documents = {doc.docname: doc.progress.messages.shown_percent for doc in stats.documents}
    documents.update(dict.fromkeys(stats.without_catalog, 0.0))
    return EditionStatus(edition.code, stats.progress.messages.shown_percent, documents)


def project_status(config: ProjectConfig) -> dict[str, EditionStatus]:
    """Every translation edition's completeness, by edition code."""
    return {e.code: edition_status(config, e) for e in config.editions_of(EditionKind.TRANSLATION)}


def shown(percent: float) -> str:
    """A percentage as pages write it: ``45``, ``33.3`` (the figure ``stats`` prints)."""
    return f"{percent:g}"
