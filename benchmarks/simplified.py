"""How ``import`` treats articles that arrive in simplified script, on hand-written text.

Each article of ``repair_corpus/`` (Taiwan-standard traditional script, written by hand)
is converted to simplified by OpenCC (``t2s``) and imported as a simplified original.
The figures: how many are recognised as simplified (and how many of the originals and
of their naive conversions are not), the share of Han characters of the imported
traditional text in forms Taiwan writes otherwise (``simplified.nonstandard_forms``,
target at most ``TARGET_NONSTANDARD_PERCENT``), whether every original passage is kept
exactly, and the same share and the report lines of repairing the text character by
character instead, as the importer did before.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.repair import CORPUS_DIR, degrade
from benchmarks.run import BenchReport
from translate_kit.importer.article import Article, clean_article
from translate_kit.importer.charset import is_han, to_simplified
from translate_kit.importer.extract import from_text
from translate_kit.importer.repair import Repairer
from translate_kit.importer.simplified import (
    Script,
    SimplifiedConverter,
    detect_script,
    nonstandard_forms,
)
from translate_kit.script import phrase_converter

TARGET_NONSTANDARD_PERCENT = 0.05


@dataclass(frozen=True)
class SimplifiedMeasure:
    articles: int
    recognised: int
    """Simplified articles recognised as simplified."""
    misrecognised: int
    """Originals and naive conversions of them recognised as simplified (target 0)."""
    han_characters: int
    nonstandard: int
    """Han characters of the converted text in forms Taiwan writes otherwise."""
    originals_kept: int
    """Articles whose every passage's original is kept exactly."""
    repairs_before: int
    """Report lines of the character-by-character repair of the same articles."""
    nonstandard_before: int

    @property
    def percent(self) -> float:
        return 100 * self.nonstandard / self.han_characters

    @property
    def percent_before(self) -> float:
        return 100 * self.nonstandard_before / self.han_characters

    @property
    def met(self) -> bool:
        return (self.recognised == self.originals_kept == self.articles and not self.misrecognised
                and self.percent <= TARGET_NONSTANDARD_PERCENT)


def bench_simplified(work: Path, report: BenchReport) -> SimplifiedMeasure:
    """The figures, as a note (and a measure in the JSON) of ``report``."""
    m = measure_simplified(work / "opencc")
    report.measures["simplified"] = asdict(m) | {
        "percent": m.percent, "percent_before": m.percent_before,
        "target_percent": TARGET_NONSTANDARD_PERCENT, "met": m.met}
    report.notes.append(
        f"import of {m.articles} articles in simplified script: {m.recognised} recognised, "
        f"{m.misrecognised} traditional ones taken for simplified; {m.percent:.3f} % of "
        f"{m.han_characters} Han characters in forms Taiwan writes otherwise (target ≤ "
        f"{TARGET_NONSTANDARD_PERCENT} %; {m.percent_before:.3f} % and {m.repairs_before} "
        f"report lines when repaired per character); originals kept exactly in "
        f"{m.originals_kept}: {'met' if m.met else 'NOT met'}")
    return m


def measure_simplified(cache_dir: Path, corpus: Path = CORPUS_DIR) -> SimplifiedMeasure:
    repairer = Repairer("tw", (), cache_dir)
    converter = SimplifiedConverter("s2tw.json", (), phrase_converter("s2tw.json", (), cache_dir))
    articles = sorted(corpus.glob("*.txt"))
    recognised = misrecognised = han = nonstandard = kept = repairs = before = 0
    for path in articles:
        written = path.read_text(encoding="utf-8")
        simplified = to_simplified(written)
        recognised += detect_script([simplified]).script is Script.SIMPLIFIED
        misrecognised += sum(detect_script([text]).script is Script.SIMPLIFIED
                             for text in (written, degrade(written, cache_dir)))
        converted = clean_article(from_text(simplified), path, None, repairer=repairer,
                                  converter=converter)
        text = _proper_text(converted)
        han += sum(map(is_han, text))
        nonstandard += len(nonstandard_forms(text))
        kept += _originals(converted) == _proper_lines(simplified)
        repaired = clean_article(from_text(simplified), path, None, repairer=repairer)
        repairs += len(repaired.repairs)
        before += len(nonstandard_forms(_proper_text(repaired)))
    return SimplifiedMeasure(len(articles), recognised, misrecognised, han, nonstandard, kept,
                             repairs, before)


def _proper_text(article: Article) -> str:
    """Title and paragraphs without the spans marked as damaged (kept as they arrived)."""
    return "\n".join([article.title, *("".join(s.text for s in p if not s.garbled)
                                       for p in article.paragraphs)])


def _originals(article: Article) -> list[str]:
    paragraphs = ["".join(s.text for s in p) for p in article.original_paragraphs]
    return [article.original_title or "", *paragraphs]


def _proper_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
