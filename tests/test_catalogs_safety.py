import pytest

from translate_kit.catalogs.safety import unsafe_reason

SOURCE = "泰州綜合保稅區於 2024 年 {garbled}`??` 揭牌，詳見 [官網](https://example.cn)。"

INJECTIONS = {
    "raw HTML": "The zone opened in 2024 <script>alert(1)</script> [site](https://example.cn).",
    "HTML attribute": 'The zone opened in 2024 <img src=x onerror="alert(1)"> [site](https://example.cn).',
    "HTML comment": "The zone opened in 2024 <!-- hidden --> [site](https://example.cn).",
    "raw role": "The zone opened in 2024 {raw}`<b>x</b>` [site](https://example.cn).",
    "raw html role": "The zone opened in 2024 {raw-html}`x` [site](https://example.cn).",
    "raw directive": "The zone opened in 2024.\n\n```{raw} html\n<b>x</b>\n```\n",
    "include directive": "The zone opened in 2024.\n\n```{include} /etc/passwd\n```\n",
    "colon directive": "The zone opened in 2024.\n\n:::{note}\nx\n:::\n",
    "tilde directive": "The zone opened in 2024.\n\n~~~{eval-rst}\n.. raw:: html\n~~~\n",
    "javascript link": "The zone opened in 2024, see [site](javascript:alert(1)).",
    "javascript autolink": "The zone opened in 2024, see <javascript:alert(1)>.",
    "encoded javascript": "The zone opened in 2024, see [site](jav&#x61;script:alert(1)).",
    "spaced javascript": "The zone opened in 2024, see [site](JAVA\tSCRIPT:alert(1)).",
    "front matter": "---\nhtml_meta:\n  refresh: 0\n---\nThe zone opened in 2024.",
    "image": "The zone opened in 2024 ![x](/etc/passwd) [site](https://example.cn).",
    "local file link": "The zone opened in 2024, see [site](../../../etc/passwd).",
    "file URL": "The zone opened in 2024, see <file:///etc/passwd> [site](https://example.cn).",
    "link definition": "The zone opened in 2024 [site][x] [a](https://example.cn).\n\n[x]: /etc/passwd",
}


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_added_markup_is_unsafe(name):
    reason = unsafe_reason(SOURCE, INJECTIONS[name])
    assert reason is not None and "source text does not have" in reason


def test_reason_names_what_was_added():
    assert "raw role {raw}" in unsafe_reason(SOURCE, INJECTIONS["raw role"])
    assert "directive {include}" in unsafe_reason(SOURCE, INJECTIONS["include directive"])
    assert "javascript:" in unsafe_reason(SOURCE, INJECTIONS["encoded javascript"])
    assert "front matter" in unsafe_reason(SOURCE, INJECTIONS["front matter"])
    assert "'../../../etc/passwd', which is not a web address" in unsafe_reason(
        SOURCE, INJECTIONS["local file link"])


@pytest.mark.parametrize("msgstr", [
    "The Taizhou Comprehensive Bonded Zone opened in 2024 {garbled}`??`; see [the website](https://example.cn).",
    "Opened in 2024 – see <https://example.cn> or write to <info@example.cn>.",
    "Zone revenue grew by 5 % (*provisional*) and **10 %** in `Q1` -- 2024 < 2025 > 2023.",
    "Opened in 2024; see [the English site](https://en.example.cn/#news) {garbled}`??`.",
])
def test_ordinary_translations_are_safe(msgstr):
    assert unsafe_reason(SOURCE, msgstr) is None


def test_markup_already_in_the_source_may_stay():
    source = "按 <kbd>Ctrl</kbd> 鍵，見 {raw}`<br>` 與 ![圖](map.png)"
    assert unsafe_reason(source, "Press <kbd>Ctrl</kbd>, see {raw}`<br>` and ![map](map.png)") is None
    assert unsafe_reason(source, "Press <kbd>Ctrl</kbd> <kbd>Alt</kbd>, {raw}`<br>` ![map](map.png)")
