"""How well ``import`` repairs a naive converter's leftovers, on articles written by hand.

``repair_corpus/`` holds news articles written by hand in Taiwan-standard traditional
script (OpenCC's ``tw`` forms where Taiwan accepts two spellings, 宣佈 for 宣布).  Each
is degraded as a naive converter degrades news: simplified by OpenCC (``t2s``), then
converted back character by character with OpenCC's character table, which leaves every
character with several traditional forms as it is (后, 干, 发, 里, 面 ...).  The degraded
text is imported and compared with the hand-written original, character by character.
The original itself, and its phrase-by-phrase conversion by OpenCC (``s2tw``), must
import without a single repair; neither they nor the original in simplified script
(``t2s``) may have a single damage flag (``false_flags``).

Damage is made in the same articles as GBK text read one byte off (``damage``): runs of
``DAMAGED_RUN`` characters at three places of every long line.  The figures are how many
of those runs are flagged, and how many restorations give back the original text (the
realigned reading may run on into the intact text after the run).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import opencc

from benchmarks.run import BenchReport
from translate_kit.errors import BuildError
from translate_kit.importer.article import Article, clean_article, plain
from translate_kit.importer.charset import is_han, to_simplified
from translate_kit.importer.extract import from_text
from translate_kit.importer.garbled import find_garbled
from translate_kit.importer.repair import Repairer
from translate_kit.importer.restore import restorations

CORPUS_DIR = Path(__file__).parent / "repair_corpus"
TARGET_WRONG_PERCENT = 0.3
DAMAGED_RUN = 10


@dataclass(frozen=True)
class RepairMeasure:
    """Han characters wrong in the degraded corpus before and after import, and the
    repairs and damage flags in text that needed none."""

    articles: int
    han_characters: int
    wrong_before: int
    wrong_after: int
    repairs_in_proper_text: int
    false_flags: int = 0

    @property
    def percent_before(self) -> float:
        return 100 * self.wrong_before / self.han_characters

    @property
    def percent_after(self) -> float:
        return 100 * self.wrong_after / self.han_characters

    @property
    def met(self) -> bool:
        return (self.percent_after <= TARGET_WRONG_PERCENT and self.repairs_in_proper_text == 0
                and self.false_flags == 0)


@dataclass(frozen=True)
class DamageMeasure:
    """Misaligned runs made in the corpus, those flagged, and the restorations of them."""

    runs: int
    flagged: int
    restored_right: int
    restored_wrong: int


def measure_damage(corpus: Path = CORPUS_DIR) -> DamageMeasure:
    """Flag and restore runs of every long line of ``corpus`` read one byte off."""
    runs = flagged = right = wrong = 0
    for path in sorted(corpus.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) < 4 * DAMAGED_RUN:
                continue
            for start in (len(line) // 4, len(line) // 2, 3 * len(line) // 4 - DAMAGED_RUN):
                damaged = line[start:start + DAMAGED_RUN].encode("gb18030")[1:].decode("gb18030", errors="replace")
                text = line[:start] + damaged + line[start + DAMAGED_RUN:]
                spans = find_garbled(text)
                runs += 1
                flagged += any(s.start < start + len(damaged) and s.end > start for s in spans)
                for restoration in restorations(text, spans):
                    good = restoration.restored in line[start:start + 2 * DAMAGED_RUN]
                    right, wrong = right + good, wrong + (not good)
    return DamageMeasure(runs, flagged, right, wrong)


def bench_repair(work: Path, report: BenchReport) -> RepairMeasure:
    """The repair figures, as a note (and a measure in the JSON) of ``report``."""
    measure = measure_repairs(work / "opencc")
    report.measures["repair"] = asdict(measure) | {
        "percent_before": measure.percent_before, "percent_after": measure.percent_after,
        "target_percent": TARGET_WRONG_PERCENT, "met": measure.met}
    report.notes.append(
        f"import repair, {measure.articles} hand-written articles degraded by a naive converter: "
        f"{measure.percent_before:.2f} % of {measure.han_characters} Han characters wrong before, "
        f"{measure.percent_after:.2f} % after (target ≤ {TARGET_WRONG_PERCENT} %); "
        f"{measure.repairs_in_proper_text} repairs and {measure.false_flags} damage flags "
        f"in the proper texts (target 0): "
        f"{'met' if measure.met else 'NOT met'}")
    damage = measure_damage()
    report.measures["damage"] = asdict(damage)
    report.notes.append(
        f"damaged text, {damage.runs} runs of {DAMAGED_RUN} characters read one byte off: "
        f"{damage.flagged} flagged; {damage.restored_right} restorations give the original "
        f"back, {damage.restored_wrong} do not")
    return measure


def measure_repairs(cache_dir: Path, corpus: Path = CORPUS_DIR) -> RepairMeasure:
    """Import every article of ``corpus`` degraded, as written, and converted by OpenCC."""
    repairer = Repairer("tw", (), cache_dir)
    phrase_by_phrase = opencc.OpenCC("s2tw.json")
    articles = sorted(corpus.glob("*.txt"))
    han = before = after = needless = flags = 0
    for path in articles:
        written = path.read_text(encoding="utf-8")
        degraded = degrade(written, cache_dir)
        imported = _han(_imported(degraded, path, repairer))
        expected = _han(written)
        han += len(expected)
        before += _differences(_han(degraded), expected)
        after += _differences(imported, expected)
        for proper in (written, phrase_by_phrase.convert(to_simplified(written))):
            needless += _imported(proper, path, repairer).counts.characters_repaired
        for proper in (written, phrase_by_phrase.convert(to_simplified(written)),
                       to_simplified(written)):
            flags += sum(len(find_garbled(line)) for line in proper.splitlines())
    return RepairMeasure(len(articles), han, before, after, needless, flags)


def _imported(text: str, path: Path, repairer: Repairer) -> Article:
    return clean_article(from_text(text), path, None, repairer=repairer)


def _han(value: str | Article) -> str:
    if isinstance(value, Article):
        value = "\n".join([value.title, *map(plain, value.paragraphs)])
    return "".join(filter(is_han, value))


def _differences(got: str, expected: str) -> int:
    if len(got) != len(expected):
        raise BuildError(f"import changed the number of Han characters ({len(got)}, not {len(expected)})")
    return sum(a != b for a, b in zip(got, expected))


def degrade(text: str, cache_dir: Path) -> str:
    """``text`` as a character-by-character converter gives it from simplified script."""
    table = _character_table(cache_dir)
    to_taiwan = _taiwan_variants()
    return "".join(to_taiwan.convert(table[c][0]) if len(table.get(c, ())) == 1 else c
                   for c in to_simplified(text))


@cache
def _taiwan_variants() -> opencc.OpenCC:
    return opencc.OpenCC("t2tw.json")


@cache
def _character_table(cache_dir: Path) -> dict[str, list[str]]:
    """OpenCC's simplified-to-traditional character table, from its own dictionary file.

    The opencc package ships the table compiled (``STCharacters.ocd2``) with the tool that
    turns it back into text (``opencc_dict``).
    """
    package = Path(opencc.__file__).resolve().parent / "clib"
    tool, compiled = package / "bin" / "opencc_dict", package / "share" / "opencc" / "STCharacters.ocd2"
    text = cache_dir / "STCharacters.txt"
    if not text.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = text.with_suffix(f".{os.getpid()}.tmp")
        try:
            subprocess.run([str(tool), "-i", str(compiled), "-o", str(partial), "-f", "ocd2",
                            "-t", "text"], check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            raise BuildError(f"cannot read OpenCC's character table with {tool}: {exc}") from exc
        os.replace(partial, text)
    table = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        simplified, _, traditional = line.partition("\t")
        table[simplified] = traditional.split(" ")
    return table
