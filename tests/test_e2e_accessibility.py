"""Every kind of page passes axe-core (WCAG 2.1 A and AA, and best practices), light and dark.

axe-core comes with axe-playwright-python (its ``axe.min.js``) and runs in Debian's
Chromium on the shared site of ``conftest.site``, served as a static host serves it: the
front page, and in every edition its index, an article, the search page with results
and the 404 page of a wrong address three folders deep.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import SAMPLE_DOC, Site, Tab

pytestmark = [pytest.mark.browser, pytest.mark.tex]

EDITIONS = ("zh-hant", "zh-hans", "en")
QUERIES = {"zh-hant": "%E6%8B%9B%E5%95%86", "zh-hans": "%E6%8B%9B%E5%95%86", "en": "Taizhou"}  # 招商
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                               "best-practice"]},
         "resultTypes": ["violations"]}
PAGES = [
    "index.html#editions",  # the front page, where a reader chooses
    *(page for slug in EDITIONS for page in (
        f"{slug}/index.html",
        f"{slug}/{SAMPLE_DOC}.html",
        f"{slug}/search.html?q={QUERIES[slug]}",
        f"{slug}/a/b/c/missing.html",
    )),
]


def violations(tab: Tab) -> list[str]:
    """axe's violations on the open page, one line each: rule, impact, elements."""
    found = Axe().run(tab.page, options=RULES).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violation(site: Site, tab: Tab, page: str, scheme: str) -> None:
    tab.page.emulate_media(color_scheme=scheme)
    opened = tab.open(site.url("http", page))
    if "search.html" in page:
        opened.wait_for_selector("#search-results ul.search li")  # the results are shown
    assert violations(tab) == []
    assert tab.errors_besides_not_found(site.url("http", page)) == []
