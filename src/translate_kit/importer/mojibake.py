"""Reverse mojibake: text whose bytes were once decoded with the wrong codec.

A page, a feed or an e-mail that passed through a layer with the wrong charset arrives
as text that is perfectly valid Unicode and reads as nonsense: Big5 or GBK bytes shown
as Latin-1 or CP1252 (``¤¤¤å`` is Big5 中文), UTF-8 shown as GBK or Big5
(``鍙傝€冩秷鎭`` is UTF-8 参考消息), GBK shown as Big5 or the reverse, UTF-8 shown as
CP1252 (``Ã©`` for é).  Each of those is undone by a chain: encode the text with the
codec that misread it, decode the bytes with the one they were written in.

A chain is tried on every run of a line that the misreading codec can encode (a line
holding proper text and mojibake is reversed where the mojibake is; the chain that
reverses most of a line wins), and its result is
accepted only when it is clearly better, so that proper text of any script is never
touched: the bytes must decode strictly (a byte that the misreading layer lost may
stand as one lost character, U+FFFD, which the damage detector then flags); the
result must be Chinese made of everyday characters (GB2312 level 1) that form words of
jieba's dictionary, with nothing a news text never holds (Private Use Area, controls,
stray Latin-1 signs, kana or Hangul among Han); and it must score clearly above the
text as it was.  UTF-8 shown as CP1252 is European mojibake too: there the strict
decoding alone is the evidence (proper text almost never is valid UTF-8 once encoded
as CP1252), and the result must hold fewer non-ASCII characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from translate_kit.importer.charset import is_common_han, is_han, to_simplified
from translate_kit.importer.words import segmenter

LOST = "\ufffd"
MIN_HAN = 2
MIN_COMMON_SHARE = 0.9
"""Share of everyday characters among the Han characters of a reversal: real prose is
above 0.97; GBK and Big5 codes read out of place land outside GB2312 level 1 mostly."""
MIN_WORD_SHARE = 0.5
"""Share of Han characters inside words of jieba's dictionary: prose is above 0.6,
characters thrown together by a wrong codec well below 0.3."""
MIN_GAIN = 0.3
"""How much better than the text as it was a reversal must score."""
MAX_LOST_SHARE = 1 / 4
"""Lost characters a UTF-8 reversal may leave, per Han character it restores."""
_PIECE = re.compile(r"[^，。！？；：、「」『』（）《》\s]+")
_ALLOWED_PUNCTUATION = frozenset("“”‘’…—–·")


@dataclass(frozen=True)
class Reversal:
    """One run of mojibake reversed, located in the decoded source (1-based)."""

    line: int
    column: int
    before: str
    after: str
    read_as: str
    """The codec that misread the bytes: ``latin-1``, ``cp1252``, ``gbk`` or ``big5``."""
    encoding: str
    """The codec the bytes were written in: ``big5``, ``gb18030`` or ``utf-8``."""


@dataclass(frozen=True)
class _Chain:
    read_as: str
    encoding: str


CHAINS = (
    _Chain("cp1252", "big5"), _Chain("cp1252", "gb18030"), _Chain("cp1252", "utf-8"),
    _Chain("gbk", "utf-8"), _Chain("big5", "utf-8"),
    _Chain("big5", "gb18030"), _Chain("gbk", "big5"),
)


def reverse_mojibake(text: str) -> tuple[str, tuple[Reversal, ...]]:
    """``text`` with every run of mojibake reversed, and the reversals in order."""
    lines, reversals = [], []
    for number, line in enumerate(text.split("\n"), 1):
        fixed, found = _reverse_line(line)
        lines.append(fixed)
        reversals += [Reversal(number, column + 1, before, after, read_as, encoding)
                      for column, before, after, read_as, encoding in found]
    return "\n".join(lines), tuple(reversals)


def _reverse_line(line: str) -> tuple[str, list[tuple[int, str, str, str, str]]]:
    if line.isascii():
        return line, []
    best: tuple[int, list[tuple[int, str, str, str, str]]] = (0, [])
    for chain in CHAINS:
        found = []
        for start, run in _runs(line, chain.read_as):
            for offset, piece in _whole_or_pieces(run, chain):
                after = _reversed(piece, chain)
                if after is not None:
                    name = _misreading_name(piece) if chain.read_as == "cp1252" else chain.read_as
                    head, before, after = _trimmed(piece, after)
                    found.append((start + offset + head, before, after, name, chain.encoding))
        changed = sum(len(before) for _, before, _, _, _ in found)
        if changed > best[0]:
            best = (changed, found)
    fixed, last = [], 0
    for start, before, after, _, _ in best[1]:
        fixed += [line[last:start], after]
        last = start + len(before)
    return "".join(fixed) + line[last:], best[1]


def _trimmed(before: str, after: str) -> tuple[int, str, str]:
    """The reversal without the ASCII text (markup, Latin words) both sides share at
    either end, and how many characters were cut from the front."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head] and before[head].isascii():
        head += 1
    tail = 0
    while (tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]
           and before[-1 - tail].isascii()):
        tail += 1
    return head, before[head:len(before) - tail], after[head:len(after) - tail]


def _whole_or_pieces(run: str, chain: _Chain) -> list[tuple[int, str]]:
    """The run whole when it reverses; for a CJK misreading, else its pieces between
    punctuation, so that proper text beside mojibake on one line does not spoil it."""
    if chain.read_as == "cp1252" or _reversed(run, chain) is not None:
        return [(0, run)]
    pieces = [(m.start(), m[0]) for m in _PIECE.finditer(run)]
    return [] if pieces == [(0, run)] else pieces


def _runs(line: str, read_as: str) -> list[tuple[int, str]]:
    """Stretches of ``line`` that ``read_as`` can encode, with two non-ASCII characters."""
    runs, start = [], None
    for i, char in enumerate(line + "\n"):
        if char != "\n" and _encodable(char, read_as):
            start = i if start is None else start
            continue
        if start is not None and sum(not c.isascii() for c in line[start:i]) >= 2:
            runs.append((start, line[start:i]))
        start = None
    return runs


@cache
def _encodable(char: str, read_as: str) -> bool:
    return _encode_char(char, read_as) is not None


@cache
def _encode_char(char: str, read_as: str) -> bytes | None:
    """The bytes ``char`` was read from by ``read_as``; None when it cannot come from it.

    CP1252 is read as browsers do: its five undefined bytes stand for themselves.
    """
    if read_as == "cp1252":
        try:
            return char.encode("cp1252")
        except UnicodeEncodeError:
            return char.encode("latin-1") if ord(char) < 0x100 else None
    if char == LOST:
        return b""
    if read_as == "gbk" and char == "€":
        return b"\x80"  # Windows' code page 936
    try:
        return char.encode(read_as)
    except UnicodeEncodeError:
        return None


def _misreading_name(text: str) -> str:
    return "latin-1" if all(ord(c) < 0x100 for c in text) else "cp1252"


@lru_cache(maxsize=256)
def _reversed(run: str, chain: _Chain) -> str | None:
    """``run`` read as ``chain.encoding``, if that is clearly better; else None."""
    pieces = [_encode_char(c, chain.read_as) for c in run]
    if any(p is None for p in pieces):
        return None
    if chain.encoding == "utf-8" and chain.read_as != "cp1252":
        candidate = _decode_utf8_lossy(pieces)
        if candidate is None:
            return None
    else:
        try:
            candidate = b"".join(pieces).decode(chain.encoding)
        except UnicodeDecodeError:
            return None
    if candidate == run:
        return None
    if chain.encoding == "utf-8" and chain.read_as == "cp1252" and not _has_han(candidate):
        return candidate if _european_ok(run, candidate) else None
    if not _is_chinese(candidate):
        return None
    return candidate if _score(candidate) - _score(run) >= MIN_GAIN else None


def _decode_utf8_lossy(pieces: list[bytes | None]) -> str | None:
    """UTF-8 bytes where each ``b""`` piece is a byte the misreading layer lost; None
    when more is lost than a reversal may leave (proper text fails at once)."""
    chunks = _split_lost(pieces)
    allowed = 1 + MAX_LOST_SHARE * sum(map(len, chunks)) / 3  # a Han character is 3 bytes
    out: list[str] = []
    lost = 0
    for chunk in chunks:
        i = 0
        while True:
            try:
                out.append(chunk[i:].decode("utf-8"))
                break
            except UnicodeDecodeError as exc:
                out += [chunk[i:i + exc.start].decode("utf-8"), LOST]
                lost += 1
                if lost > allowed:
                    return None
                i += exc.end
        out.append(LOST)
    return re.sub(f"{LOST}+", LOST, "".join(out)[:-1])


def _split_lost(pieces: list[bytes | None]) -> list[bytes]:
    chunks, current = [], bytearray()
    for piece in pieces:
        if piece == b"":
            chunks.append(bytes(current))
            current = bytearray()
        else:
            current += piece or b""
    chunks.append(bytes(current))
    return chunks


def _has_han(text: str) -> bool:
    return any(map(is_han, text))


def _is_chinese(text: str) -> bool:
    """Whether ``text`` reads as Chinese prose with nothing no news text has."""
    han = [c for c in text if is_han(c)]
    if len(han) < MIN_HAN:
        return False
    lost = text.count(LOST)
    if lost > MAX_LOST_SHARE * len(han):
        return False
    if any(not _plausible(c) for c in text if c != LOST):
        return False
    return (sum(map(is_common_han, han)) / len(han) >= MIN_COMMON_SHARE
            and _word_share(text) >= MIN_WORD_SHARE)


def _plausible(char: str) -> bool:
    """Characters of Chinese news prose: ASCII, Han, CJK and full-width punctuation."""
    if char.isascii():
        return char.isprintable() or char == "\t"
    return (is_han(char) or "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e"
            or char in _ALLOWED_PUNCTUATION)


def _score(text: str) -> float:
    """Common share times word share of the Han characters; 0 for text without them."""
    han = [c for c in text if is_han(c)]
    if not han:
        return 0.0
    return sum(map(is_common_han, han)) / len(han) * _word_share(text)


def _word_share(text: str) -> float:
    """Share of the Han characters that stand in words of two or more characters."""
    simplified = to_simplified(text)
    han = sum(map(is_han, simplified))
    if not han:
        return 0.0
    inside = sum(sum(map(is_han, word)) for word in segmenter().lcut(simplified, HMM=False)
                 if len(word) > 1 and _has_han(word))
    return inside / han


def _european_ok(run: str, candidate: str) -> bool:
    """UTF-8 read as CP1252 reversed into Latin text: shorter and with no controls."""
    if any(unicodedata.category(c) in ("Cc", "Cn", "Co") and c != "\t" for c in candidate):
        return False
    return sum(not c.isascii() for c in candidate) < sum(not c.isascii() for c in run)
