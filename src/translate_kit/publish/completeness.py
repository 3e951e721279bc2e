"""Each translation edition's completeness, as the site shows it outside its pages.

- ``translate-kit-completeness.js`` at the site's root fills in the switcher of every
  page (``data-tk-completeness``) with each translation edition's percentage.  It is
  written with the site's own pages after every build, so a saved catalog changes one
  small file instead of every page of every edition.
- ``hidden`` names the pages the sitemap leaves out: those of a translation edition
  translated under ``[project] min_translated``.

The figures are ``translate-kit stats``' (``catalogs.status``).
"""

from __future__ import annotations

import json

from translate_kit.catalogs.status import EditionStatus, shown
from translate_kit.config import ProjectConfig
from translate_kit.files import write_if_changed

SCRIPT = """/* Each translation edition's completeness, written by the build: the edition
   switcher shows it next to the edition's name. */
(function (figures) {
  var spans = document.querySelectorAll("[data-tk-completeness]");
  for (var i = 0; i < spans.length; i++) {
    var code = spans[i].getAttribute("data-tk-completeness");
    if (Object.prototype.hasOwnProperty.call(figures, code)) {
      spans[i].textContent = figures[code] + " %";
    }
  }
})(%s);
"""


def write_completeness_script(config: ProjectConfig, found: dict[str, EditionStatus]) -> None:
    figures = {code: shown(status.percent) for code, status in found.items()}
    text = json.dumps(figures, sort_keys=True).replace("<", "\\u003c")
    write_if_changed(config.completeness_script, SCRIPT.replace("%s", text))


def hidden(config: ProjectConfig, found: dict[str, EditionStatus]) -> dict[str, frozenset[str]]:
    """Edition code -> addresses (``articles/a.html``) not offered as translations."""
    return {code: frozenset(f"{docname}.html" for docname in status.below(config.min_translated))
            for code, status in found.items()}
