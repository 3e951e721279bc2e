"""How well ``import`` finds the article in a saved news page, against maintained extractors.

Each page of the corpus (``*.html``) has its known main text beside it
(``*.expected.txt``, one paragraph a line).  The importer's own rules and, when they are
installed (``pip install 'translate-kit[extractors]'``), trafilatura, readability-lxml and
jusText extract the article, and each result is compared with the known text character by
character (NFKC, whitespace left out, the title left out: not every extractor returns it):
precision is the share of extracted characters that belong to the article, recall the
share of the article that was extracted, both from the longest matching blocks
(``difflib``).  Every extractor is given the page as the importer decoded it, so a page
that lies about its charset costs none of them anything.

jusText ships no Chinese stop-word list and cuts words at spaces, so it runs with an empty
list and no stop-word thresholds, and its lengths (70 and 200 characters of European
text) scaled to Chinese (25 and 60): its length and link-density rules decide.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from translate_kit.importer.decode import decode
from translate_kit.importer.extract import from_html

CORPUS_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "pages"
Extractor = Callable[[str], str]


@dataclass(frozen=True)
class Score:
    extractor: str
    precision: float
    """Percent of extracted characters that are the article's."""
    recall: float
    """Percent of the article's characters that were extracted."""
    pages: int


@dataclass(frozen=True)
class ExtractionBench:
    scores: tuple[Score, ...]
    missing: tuple[str, ...]
    """Extractors that are not installed (the ``extractors`` extra)."""


def _own(html: str) -> str:
    return "\n".join(p.text for p in from_html(html).paragraphs)


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def _readability(html: str) -> str:
    from readability import Document

    return lxml.html.fromstring(Document(html).summary()).text_content()


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), stopwords_low=0,
                                 stopwords_high=0, length_low=25, length_high=60,
                                 encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, tuple[str | None, Extractor]] = {
    "translate-kit": (None, _own),
    "trafilatura": ("trafilatura", _trafilatura),
    "readability-lxml": ("readability", _readability),
    "jusText": ("justext", _justext),
}


def _normalized(text: str, title: str | None) -> str:
    text = unicodedata.normalize("NFKC", text)
    if title:
        text = text.replace(unicodedata.normalize("NFKC", title), "")
    return re.sub(r"\s+", "", text)


def _matched(extracted: str, expected: str) -> int:
    matcher = difflib.SequenceMatcher(None, extracted, expected, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def measure_extraction(corpus: Path = CORPUS_DIR) -> ExtractionBench:
    """Precision and recall of every installed extractor over the pages of ``corpus``."""
    pages = sorted(corpus.glob("*.html"))
    if not pages:
        raise FileNotFoundError(f"{corpus}: no pages to measure (*.html beside *.expected.txt)")
    scores, missing = [], []
    for name, (module, extract) in EXTRACTORS.items():
        if module and importlib.util.find_spec(module) is None:
            missing.append(name)
            continue
        found = correct = wanted = 0
        for page in pages:
            html = decode(page.read_bytes(), page).text
            title = from_html(html).title
            expected = _normalized(page.with_suffix(".expected.txt").read_text(encoding="utf-8"),
                                   None)
            extracted = _normalized(extract(html), title)
            found, wanted = found + len(extracted), wanted + len(expected)
            correct += _matched(extracted, expected)
        scores.append(Score(name, 100 * correct / max(found, 1), 100 * correct / wanted,
                            len(pages)))
    return ExtractionBench(tuple(scores), tuple(missing))


def main() -> None:
    bench = measure_extraction()
    for score in bench.scores:
        print(f"{score.extractor:18} precision {score.precision:5.1f} %  "
              f"recall {score.recall:5.1f} %  ({score.pages} pages)")
    for name in bench.missing:
        print(f"{name:18} not installed (pip install 'translate-kit[extractors]')")


if __name__ == "__main__":
    main()
