"""Which of an edition's volumes must be typeset again, by a fingerprint per volume.

A volume's book depends on its own articles (their sources and the edition's catalogs
for them), on what every book shares (translate-kit, the project file, the pages that
are not articles, the edition's other catalogs) and on the list of its articles.  After
an import into an archive of 800 articles only the volume of the new article has new
inputs; the others are not typeset again (the root page's article list, which the import
rewrites, is no input of any volume).  The articles' dates come from the importer's
article index, which reads only the articles that changed since the last run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from translate_kit.config import CONFIG_FILE, Edition, EditionKind, ProjectConfig
from translate_kit.importer.index import BEGIN, END, ArticleIndex
from translate_kit.publish.inputs import PACKAGE, add_stamps, files_in, tool_versions
from translate_kit.volumes import group_articles


@dataclass(frozen=True)
class Volume:
    """One volume of an edition: its articles (in book order) and its inputs' hash."""

    name: str
    """``2026-11``, ``2026``, or ``""`` for the whole archive."""
    docnames: tuple[str, ...]
    stamp: str
    kind: str = "latex"
    """The Sphinx builder that writes it: ``latex`` (the PDF) or ``epub``."""

    @property
    def builder(self) -> str:
        """The name its build is recorded under in ``_build/state/``."""
        return f"{self.kind}-{self.name}" if self.name else self.kind


def article_dates(config: ProjectConfig) -> list[tuple[str, str]]:
    """``(docname, date)`` of every article, from the importer's index."""
    index = ArticleIndex(config.articles_dir, config.import_cache)
    index.save()  # what changed since the last import is not read again by the next build
    folder = config.articles_dir.relative_to(config.docs_dir).as_posix()
    return [(f"{folder}/{name.removesuffix('.md')}", article.date)
            for name, article in index.articles.items()]


def plan_volumes(config: ProjectConfig, edition: Edition, kind: str = "latex") -> list[Volume]:
    """The edition's volumes, oldest first, each with the hash of what it is made from
    by the ``kind`` builder (``latex`` or ``epub``)."""
    volumes = group_articles(article_dates(config), config.volumes)
    catalogs = (config.locale_dir / edition.locale_name / "LC_MESSAGES"
                if edition.kind is not EditionKind.SOURCE else None)
    own: dict[str, list[str]] = {
        doc: [str(config.docs_dir / f"{doc}.md"), *((str(catalogs / f"{doc}.po"),) if catalogs else ())]
        for docs in volumes.values() for doc in docs
    }
    root_page = config.docs_dir / "index.md"
    owned = {str(root_page), *(path for paths in own.values() for path in paths)}
    shared = [*files_in(config.docs_dir), *files_in(PACKAGE), str(config.root / CONFIG_FILE)]
    if edition.kind is not EditionKind.SOURCE:
        shared.extend(files_in(config.locale_dir / edition.locale_name))
    common = hashlib.sha256(f"{kind}\0{edition}\0{config.volumes}\n".encode())
    common.update("\n".join(tool_versions()).encode())
    common.update(_without_article_list(root_page))
    add_stamps(common, (path for path in shared if path not in owned))
    plan = []
    for name, docs in volumes.items():
        digest = hashlib.sha256(f"{common.hexdigest()}\0{name}\0{' '.join(docs)}\n".encode())
        add_stamps(digest, (path for doc in docs for path in own[doc]))
        plan.append(Volume(name, tuple(docs), digest.hexdigest(), kind))
    return plan


def _without_article_list(index: Path) -> bytes:
    """The root page as the volumes see it (their title): without the article list, which
    every import rewrites and no volume prints."""
    try:
        text = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        return b""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + rest.split(END, 1)[1]
    return text.encode()
