"""A page whose neighbours changed is written again.

Every page links to the previous and the next page of the table of contents, by title.
Sphinx writes again only the pages it read again, so after an import puts a new article
at the top of the list, the article that used to be the newest kept pointing past it
until a clean build.  The relations of every page (parent, previous, next, and their
titles) are kept in the environment, and each build also writes the pages whose
relations are not what they were.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from translate_kit.sphinxext import pages_changed

RELATIONS = "translate_kit_relations"


def _relations(env: BuildEnvironment) -> dict[str, tuple[str, ...]]:
    """What each page shows of the pages around it."""
    def title(docname: str | None) -> str:
        node = env.titles.get(docname) if docname else None
        return node.astext() if node is not None else ""

    return {
        docname: tuple(
            part for related in links for part in (related or "", title(related)))
        for docname, links in env.collect_relations().items()
    }


def _changed_neighbours(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return pages_changed(env, RELATIONS, _relations(env))


def setup(app: Sphinx) -> None:
    app.connect("env-get-updated", _changed_neighbours)
