"""Which fonts an edition is typeset with, derived from its language tag.

Sphinx's xelatex defaults for ``zh`` use the Fandol fonts, which lack many traditional
characters, and its English setup has no CJK font at all; both drop characters
silently.  Every edition gets Noto fonts instead, whose CJK variant (SC, TC, HK) follows
the edition's script; a non-Chinese edition uses the source edition's variant, because
its untranslated passages and proper names come from the source.

An EPUB carries the glyphs it uses: ``subset_font`` cuts them out of the installed face
(Debian's fonts-noto-cjk ships each weight as one .ttc holding the JP, KR, SC, TC and HK
faces; the face is picked by its name) with fontTools.
"""

from __future__ import annotations

import bisect
import io
import shutil
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from translate_kit.config import Edition, ProjectConfig
from translate_kit.errors import BuildError
from translate_kit.files import write_if_changed
from translate_kit.tools import run_tool

if TYPE_CHECKING:  # fontTools loads only when a font is subset
    from fontTools.ttLib import TTFont

NOTO_CJK_PACKAGE = "fonts-noto-cjk"

NOTO_VARIANT_BY_SUBTAG = {"hans": "SC", "hk": "HK", "mo": "HK", "tw": "TC", "hant": "TC"}
"""Noto CJK variant for a BCP 47 script or region subtag, in order of precedence:
a simplified script wins over any region, a Hong Kong, Macau or Taiwan region refines a
traditional script; a bare ``zh`` (or ``zh-CN``, ``zh-SG``) is simplified."""
NOTO_VARIANT_BY_LANGUAGE = {"ja": "JP", "ko": "KR"}
"""Noto CJK variant of a Japanese or Korean passage inside an edition's text: its kanji
take their Japanese shapes, and its Hangul the Korean face's."""


@dataclass(frozen=True)
class FontSet:
    """The fontspec (Latin) and xeCJK (CJK) families of one edition."""

    serif: str
    sans: str
    mono: str
    cjk_serif: str
    cjk_sans: str
    cjk_mono: str

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(vars(self).values()))

    def glyph_font(self, char: str) -> str | None:
        """The body font (``serif`` or ``cjk_serif``) that has ``char``; None if neither.

        Without fontconfig (a machine that builds HTML only) every assigned character
        counts as covered: private-use and unassigned ones never are.
        """
        if unicodedata.category(char) in ("Co", "Cn", "Cs"):
            return None
        for name in ("serif", "cjk_serif"):
            if font_covers(getattr(self, name), char) is not False:
                return name
        return None


@dataclass(frozen=True)
class FontSubset:
    """The glyphs of one face that a book uses, written to ``path``."""

    family: str
    path: Path
    missing: str
    """Characters of the text the face has no glyph for, in code point order."""


def noto_variant(code: str) -> str | None:
    """Noto CJK variant (SC, TC, HK) for a Chinese language tag; None for other languages."""
    primary, *subtags = code.lower().split("-")
    if primary != "zh":
        return None
    for subtag, variant in NOTO_VARIANT_BY_SUBTAG.items():
        if subtag in subtags:
            return variant
    return "SC"


def fonts_for(project: ProjectConfig, edition: Edition) -> FontSet:
    """Noto fonts for ``edition``; code in a monospaced font that has CJK too."""
    variant = noto_variant(edition.code) or noto_variant(project.source_edition.code) or "TC"
    mono = f"Noto Sans Mono CJK {variant}"
    return FontSet(
        serif="Noto Serif",
        sans="Noto Sans",
        mono=mono,
        cjk_serif=f"Noto Serif CJK {variant}",
        cjk_sans=f"Noto Sans CJK {variant}",
        cjk_mono=mono,
    )


def passage_font(language: str) -> str:
    """The serif CJK family of a passage in ``language`` (``ja``, ``ko``)."""
    return f"Noto Serif CJK {NOTO_VARIANT_BY_LANGUAGE[language]}"


@cache
def _charset(family: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Fontconfig's character ranges of ``family``'s regular face (None: unknown font)."""
    if shutil.which("fc-list") is None:
        return None
    listing = run_tool(["fc-list", "--format", "%{style[0]}|%{charset}\n", family],
                       check=False).stdout.splitlines()
    faces = [line.split("|", 1) for line in listing if "|" in line]
    if not faces:
        return None
    ranges = next((charset for style, charset in faces if style == "Regular"), faces[0][1])
    starts, ends = [], []
    for item in ranges.split():
        low, _, high = item.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high or low, 16))
    return tuple(starts), tuple(ends)


def font_covers(family: str, char: str) -> bool | None:
    """Whether the installed font ``family`` has a glyph for ``char`` (None: not known)."""
    charset = _charset(family)
    if charset is None:
        return None
    starts, ends = charset
    index = bisect.bisect_right(starts, ord(char)) - 1
    return index >= 0 and ord(char) <= ends[index]


def font_file(family: str, style: str = "Regular") -> Path:
    """The file holding ``family`` in ``style`` (a Noto CJK face sits in a .ttc collection)."""
    found = run_tool(["fc-list", "-f", "%{file}\n", f"{family}:style={style}"],
                     check=False).stdout.split()
    if not found:
        raise BuildError(f"font {family!r} ({style}) is not installed; install the Debian "
                         f"package {NOTO_CJK_PACKAGE} (or the Noto CJK fonts)")
    return Path(sorted(found)[0])


def _face(path: Path, family: str, style: str) -> TTFont:
    """The face named ``family`` ``style`` in ``path``, which may be a collection of faces."""
    from fontTools.ttLib import TTCollection, TTFont

    faces = TTCollection(str(path), lazy=True).fonts if path.suffix.lower() in (".ttc", ".otc") \
        else [TTFont(str(path), lazy=True)]
    for face in faces:
        name = face["name"]
        names = {str(name.getDebugName(i) or "") for i in (1, 16)}
        if family in names and str(name.getDebugName(2) or "") == style:
            return face
    raise BuildError(f"{path} holds no face {family!r} {style}")


def subset_font(family: str, text: str, folder: Path, style: str = "Regular") -> FontSubset:
    """Write the glyphs ``text`` uses from ``family`` to an OpenType file in ``folder``.

    The file is named by the face's PostScript name (``NotoSerifCJKtc-Regular.otf``).
    """
    face = _face(font_file(family, style), family, style)
    cmap = face.getBestCmap()
    chars = _characters(text)
    target = folder / f"{face['name'].getDebugName(6) or 'font'}.otf"
    write_if_changed(target, _cut(face, chars), durable=False)
    missing = "".join(sorted(c for c in chars if ord(c) not in cmap))
    return FontSubset(family, target, missing)


def subset_font_data(font: bytes, text: str) -> bytes:
    """The glyphs ``text`` uses, cut from a font already cut (a volume's, for an article):
    a few hundred kilobytes to read instead of the whole face.  That font has no hints
    left to remove, and its bounding boxes hold the article's glyphs: neither is worked
    out again (a third of the time)."""
    from fontTools.ttLib import TTFont

    return _cut(TTFont(io.BytesIO(font), recalcBBoxes=False), _characters(text), cut_before=True)


def _characters(text: str) -> set[str]:
    return {c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"}


def _cut(face: TTFont, chars: set[str], cut_before: bool = False) -> bytes:
    """The face with only the glyphs of ``chars``, and what horizontal text needs: no
    hinting, no layout features or vertical metrics; the name table (with its copyright
    and licence) stays whole.  A face ``cut_before`` has no hints left to remove."""
    from fontTools import subset

    cmap = face.getBestCmap()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = cut_before
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "BASE", "vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in cmap))
    subsetter.subset(face)
    buffer = io.BytesIO()
    face.save(buffer)
    return buffer.getvalue()
