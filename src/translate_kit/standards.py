"""The written standard of each Chinese edition, and OpenCC's way from one to another.

A standard is how a region writes Chinese: ``s`` (mainland simplified), ``tw`` (Taiwan),
``hk`` (Hong Kong) or ``t`` (OpenCC's own traditional forms, which no region writes as
such).  An edition's standard follows from its language tags by CLDR's likely subtags
(Babel's copy): ``zh-Hant`` is written as in Taiwan, ``zh-Hans`` as on the mainland,
``zh-HK`` and ``zh-MO`` as in Hong Kong.  A script edition is converted from the source
edition's standard to its own with OpenCC's configurations for that pair, so Taiwan's
particle 著 becomes the mainland's 着 (``tw2s``), which the standard-agnostic ``t2s``
leaves as it is.
"""

from __future__ import annotations

from babel.core import get_global, parse_locale

from translate_kit.errors import ConfigError

STANDARDS = ("s", "t", "tw", "hk")
TRADITIONAL_STANDARDS = ("tw", "hk", "t")
_REGIONS = {"TW": "tw", "HK": "hk", "MO": "hk"}

# OpenCC's configurations between two standards; the second form of a pair also changes
# regional words (軟體 → 软件), where OpenCC has one.
_DIRECT: dict[tuple[str, str], tuple[str, str | None]] = {
    ("tw", "s"): ("tw2s", "tw2sp"),
    ("hk", "s"): ("hk2s", "hk2sp"),
    ("t", "s"): ("t2s", None),
    ("s", "tw"): ("s2tw", "s2twp"),
    ("s", "hk"): ("s2hk", "s2hkp"),
    ("s", "t"): ("s2t", None),
    ("t", "tw"): ("t2tw", None),
    ("t", "hk"): ("t2hk", None),
    ("tw", "t"): ("tw2t", None),
    ("hk", "t"): ("hk2t", None),
}

QUOTE_STYLES = ("corner", "curly", "none")
"""``corner`` 「」『』 (Taiwan, Hong Kong), ``curly`` “”‘’ (mainland), ``none``: as written."""


def standard_of(*tags: str) -> str | None:
    """The standard a Chinese language tag writes (``zh-Hant`` → ``tw``); None if not Chinese.

    Of several tags (an edition's code and its Sphinx language), the first that names a
    script or a region decides it; what none names comes from CLDR's likely subtags.
    """
    parsed = [_parse(tag) for tag in tags if tag]
    if not parsed or parsed[0][0] != "zh":
        return None
    script = next((s for _, s, _ in parsed if s), None)
    region = next((r for _, _, r in parsed if r), None)
    likely = _likely(script, region)
    script, region = script or likely[1], region or likely[2]
    if script != "Hans" and region in _REGIONS:
        return _REGIONS[region]
    return "s" if script == "Hans" else "t"


def _parse(tag: str) -> tuple[str, str | None, str | None]:
    try:
        parts = parse_locale(tag.replace("-", "_"))
    except ValueError:
        return tag.lower(), None, None
    return parts[0], parts[2], parts[1]


def _likely(script: str | None, region: str | None) -> tuple[str, str | None, str | None]:
    table = get_global("likely_subtags")
    for key in (f"zh_{script}", f"zh_{region}", "zh"):
        if key in table:
            return _parse(table[key])
    return "zh", None, None


def opencc_chain(source: str, target: str, regional_phrases: bool = False) -> tuple[str, ...]:
    """OpenCC configurations (``tw2s.json``) that turn ``source``'s writing into ``target``'s.

    Between two traditional standards OpenCC goes through its own forms (``tw2t`` then
    ``t2hk``).  A ConfigError says why a pair cannot be converted: the same standard
    (nothing to convert), or regional words asked where OpenCC has none for the pair.
    """
    if source == target:
        raise ConfigError(f"the source edition is written in the same standard ({source!r}): "
                          f"there is nothing to convert")
    if (source, target) in _DIRECT:
        steps = [(source, target)]
    else:
        steps = [(source, "t"), ("t", target)]
    if regional_phrases and (len(steps) > 1 or _DIRECT[steps[0]][1] is None):
        raise ConfigError(f"OpenCC has no regional words from {source!r} to {target!r}; "
                          f"regional_phrases needs a simplified and a regional standard")
    names = [_DIRECT[step][1] if regional_phrases else _DIRECT[step][0] for step in steps]
    return tuple(f"{name}.json" for name in names)


def default_quotes(standard: str | None) -> str:
    """The quotation marks a standard writes: corner brackets in traditional script."""
    if standard is None:
        return "none"
    return "curly" if standard == "s" else "corner"
