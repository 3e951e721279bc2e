"""Turn a source file's bytes into text, whatever encoding the publisher used.

Strict checks come first (byte-order marks, then UTF-8), because a statistical guess is
only needed, and only trustworthy, when those fail: charset-normalizer often mistakes a
few sentences of GB18030 for Big5 or the reverse.  Its guesses are therefore treated as
candidates, next to GB18030 and Big5, and the candidate whose text reads most like
Chinese (everyday Han characters, ASCII, CJK punctuation) wins.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from translate_kit.errors import SourceError
from translate_kit.importer.charset import is_common_han

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_CANDIDATES = ("gb18030", "big5")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(raw: bytes, path: Path) -> Decoded:
    """The text of ``raw`` with LF line endings and NFC normalisation, or a SourceError."""
    encoding, text = _detect(raw, path)
    if _control_share(text) > 0.05:
        raise SourceError("looks like a binary file, not an article", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(unicodedata.normalize("NFC", text), encoding)


def _detect(raw: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return encoding, raw.decode(encoding)
            except UnicodeDecodeError as exc:
                message = f"has a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
                raise SourceError(message, path) from exc
    if b"\x00" in raw:
        raise SourceError("is a binary file (it contains NUL bytes), not an article", path)
    try:
        return "utf-8", raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    decodings = {}
    for encoding in (*_CHINESE_CANDIDATES, *_guesses(raw)):
        try:
            decodings.setdefault(codecs.lookup(encoding).name, raw.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    if not decodings:
        raise SourceError("cannot be decoded as UTF-8, UTF-16, GB18030 or Big5", path)
    encoding = max(decodings, key=lambda name: _chinese_score(decodings[name]))
    return encoding, decodings[encoding]


def _guesses(raw: bytes) -> list[str]:
    return [match.encoding for match in from_bytes(raw)]


def _chinese_score(text: str) -> float:
    """Share of characters that ordinary Chinese prose is made of."""
    good = sum(
        1 for ch in text
        if ch.isascii() and (ch.isprintable() or ch in "\n\r\t")
        or is_common_han(ch)
        or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e"
    )
    return good / max(len(text), 1)


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)
