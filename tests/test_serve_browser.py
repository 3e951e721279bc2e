"""The live preview in headless Chromium: an open page follows the translator's saves."""

import pytest

from conftest import Tab, copy_root

pytestmark = pytest.mark.browser

RUSH = "為了趕上進度，工人們著急地加班，這樣的情況在開發區並不少見。"
CATALOG = "locale/en/LC_MESSAGES/articles/a001.po"
WAIT_MS = 120_000  # a bound, not a measurement
SHOWN = "(document.querySelector('article')?.innerText ?? '')"
"""The article's text, empty while a reloading page has not got as far as it."""


def article(tab: Tab) -> str:
    return tab.page.inner_text("article")


def test_an_open_page_reloads_on_save_and_shows_a_broken_catalog_until_it_is_fixed(
        tmp_path, live_preview, tab):
    root = copy_root("multi", tmp_path)
    preview = live_preview(root, "-e", "en")
    preview.expect(r"^en: built in ")
    page = tab.open(preview.url + "en/articles/a001.html")
    assert RUSH in article(tab)
    assert page.get_attribute(f'p:has-text("{RUSH}") .tk-untranslated', "title") == (
        f"Not in the catalog yet (run translate-kit update): {CATALOG}")
    page.evaluate("window.tkSameDocument = true")  # a reload forgets it

    catalog = root / CATALOG
    original = catalog.read_text(encoding="utf-8")
    catalog.write_text(original + f'\nmsgid "{RUSH}"\nmsgstr "Workers did overtime."\n',
                       encoding="utf-8")
    page.wait_for_function(f"() => !window.tkSameDocument && {SHOWN}.includes('Workers did overtime.')",
                           timeout=WAIT_MS)
    assert RUSH not in article(tab)

    lines = catalog.read_text(encoding="utf-8").count("\n")
    catalog.write_text(catalog.read_text(encoding="utf-8") + 'msgstr "half-typed\n', encoding="utf-8")
    banner = page.wait_for_selector("#tk-live-error", timeout=WAIT_MS)
    assert f"{CATALOG}:{lines + 1}: syntax error" in banner.inner_text()
    assert "Workers did overtime." in article(tab)  # the last good build, under the banner

    catalog.write_text(original, encoding="utf-8")
    page.wait_for_selector("#tk-live-error", state="detached", timeout=WAIT_MS)
    page.wait_for_function(f"() => {SHOWN} !== '' && !{SHOWN}.includes('Workers did overtime.')",
                           timeout=WAIT_MS)
    assert tab.errors == [] and tab.dialogs == []
    assert preview.stop() == 0
