"""One key per article text, so that an article already in the project is recognised.

The same article reaches editors twice under other names: another file name, another
title, saved again with other line breaks or spaces, its punctuation half-width instead
of full-width, or in simplified script after the traditional one was imported.  The key
is taken from the imported document's body, the same way for a new import and for an
article already in ``docs/articles/`` (so a hand-edited article counts with its edits):

- the front matter and the title heading are left out (another title is the same article);
- the importer's markup is taken off: roles give their text (a restoration its restored
  text, not its source), backslash escapes their character;
- Unicode NFKC folds full-width and half-width forms (``，`` and ``,``; ``Ａ`` and ``A``),
  then OpenCC's ``t2s`` folds the script, and every whitespace character is removed.

The key is a BLAKE2b digest of that text: the articles index keeps it per article, so an
import compares keys and never reads the archive again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from translate_kit.contract import role_content
from translate_kit.importer.document import split_front_matter
from translate_kit.script import to_simplified

_TITLE = re.compile(r"\A\s*# [^\n]*\n")
_ROLE = re.compile(r"\{[a-z][a-z0-9-]*\}(`+)(.*?)\1", re.DOTALL)
_RESTORED_SOURCE = re.compile(r" <[^<>]*>\Z")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")


def text_key(document: str) -> str:
    """The key of a MyST article's text (see the module's docstring); "" for an article
    without text, which is the same as no other."""
    body = _TITLE.sub("", split_front_matter(document)[1], count=1)
    pieces, last = [], 0
    for match in _ROLE.finditer(body):
        pieces += [_ESCAPE.sub(r"\1", body[last:match.start()]),
                   _RESTORED_SOURCE.sub("", role_content(match[2]))]
        last = match.end()
    pieces.append(_ESCAPE.sub(r"\1", body[last:]))
    folded = _WHITESPACE.sub("", to_simplified(unicodedata.normalize("NFKC", "".join(pieces))))
    if not folded:
        return ""  # no text: nothing to be the same as
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).hexdigest()
