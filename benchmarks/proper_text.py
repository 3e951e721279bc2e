"""How much each Chinese edition changes proper text, and the damage flags raised on it.

The articles are the ones the tests ship (``tests/fixtures``: mainland and Taiwanese
news, a Japanese, a Korean and an English article, a Taiwanese report quoting Japanese
and Korean speakers), the repository's sample (``sources/``, which has real damage) and
the hand-written Taiwanese articles of ``repair_corpus/``.
Each is imported in-process as ``translate-kit import`` does, with the repository's
configuration, and each edition's text is made as its build makes it: the source
edition is the imported text; the simplified edition converts it with the edition's
OpenCC conversion and phrase glossary, keeping Japanese and Korean passages and damaged
spans as they are, or is the original of an article that arrived in simplified script.

Each edition is compared with its reference: the original for the edition written in
the article's own script and for an article in another language, and OpenCC's plain
conversion of the original for the other script (``s2tw`` of a simplified original,
``tw2s`` of a traditional one).  The share is of the edition's characters (whitespace
and quotation marks, which follow each edition's style, left out) that are not the
reference's at their place.  A false flag is a damage flag on an article with no damage.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import opencc

from benchmarks.repair import CORPUS_DIR as REPAIR_CORPUS
from benchmarks.run import BenchReport
from translate_kit.config import Edition, EditionKind, ProjectConfig, load_config
from translate_kit.importer.article import Article, clean_article
from translate_kit.importer.extract import from_text
from translate_kit.importer.passages import foreign_passages
from translate_kit.importer.repair import repairer_for
from translate_kit.importer.simplified import simplified_converter_for
from translate_kit.script import converter_for

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
QUOTATION_MARKS = frozenset("「」『』“”‘’")


@dataclass(frozen=True)
class CorpusArticle:
    path: Path
    kind: str
    script: str
    """The article's own script: ``s``, ``t``, or ``other`` (another language)."""
    damaged: bool = False
    """Whether the article has real damage (its flags are not false ones)."""


CORPUS = (
    CorpusArticle(FIXTURES / "proper" / "mainland.txt", "mainland, simplified", "s"),
    CorpusArticle(FIXTURES / "simplified" / "household-tax-rebate.txt", "mainland, simplified", "s"),
    CorpusArticle(FIXTURES / "proper" / "taiwan.txt", "Taiwan, traditional", "t"),
    CorpusArticle(FIXTURES / "passages" / "japan-korea.txt", "Taiwan, quoting Japanese and Korean", "t"),
    CorpusArticle(REPO / "sources" / "000_5b3b55316f9678e7.txt", "sample, naively converted and damaged",
                  "t", damaged=True),
    CorpusArticle(FIXTURES / "proper" / "japanese.txt", "Japanese", "other"),
    CorpusArticle(FIXTURES / "proper" / "korean.txt", "Korean", "other"),
    CorpusArticle(FIXTURES / "passages" / "korean-article.txt", "Korean", "other"),
    CorpusArticle(FIXTURES / "proper" / "english.txt", "English", "other"),
    *(CorpusArticle(path, "Taiwan, hand-written (repair corpus)", "t")
      for path in sorted(REPAIR_CORPUS.glob("*.txt"))),
)


@dataclass(frozen=True)
class EditionShare:
    """One edition of one article against its reference."""

    article: str
    kind: str
    script: str
    edition: str
    reference: str
    """``original`` or the OpenCC configuration of the reference."""
    characters: int
    changed: int
    flags: int
    false_flags: int

    @property
    def percent(self) -> float:
        return 100 * self.changed / self.characters if self.characters else 0.0

    @property
    def must_be_unchanged(self) -> bool:
        """The simplified edition of a simplified original, and every edition of an
        article in another language, are their original character for character."""
        return self.reference == "original" and self.script in ("s", "other")


def measure_proper_text(config: ProjectConfig, corpus: tuple[CorpusArticle, ...] = CORPUS
                        ) -> list[EditionShare]:
    """Every Chinese edition of every article of ``corpus`` against its reference."""
    repairer, converter = repairer_for(config), simplified_converter_for(config)
    source = config.source_edition
    scripts = [e for e in config.editions_of(EditionKind.SCRIPT) if e.standard is not None]
    shares = []
    for item in corpus:
        written = item.path.read_text(encoding="utf-8")
        article = clean_article(from_text(written), item.path, None, repairer=repairer,
                                converter=converter)
        flags = sum(f.kind == "garbled" for f in article.findings)
        false_flags = 0 if item.damaged else flags
        editions = [(source.code, _source_text(article))]
        for edition in scripts:
            original = edition.standard == "s"  # a simplified article's original is its text
            editions.append((edition.code, _script_text(article, converter_for(config, edition).convert,
                                                        original)))
        for code, text in editions:
            reference, name = _reference(config, config.edition(code), item.script, written)
            characters, changed = _changed(text, reference)
            shares.append(EditionShare(item.path.name, item.kind, item.script, code, name, characters,
                                       changed, flags, false_flags))
    return shares


def _reference(config: ProjectConfig, edition: Edition, script: str, written: str
               ) -> tuple[str, str]:
    """An edition's reference text and its name: the original in the article's own
    standard and in another language, else OpenCC's conversion of it to the edition's."""
    own = edition.standard == "s" if script == "s" else edition.kind is EditionKind.SOURCE
    if script == "other" or own:
        return written, "original"
    chain: tuple[str, ...] = ()
    if script == "s":
        chain = (config.simplified_conversion_config,)
    if edition.kind is EditionKind.SCRIPT:
        chain += config.opencc_chain(edition)
    return _opencc(chain, written), "+".join(chain)


def _opencc(chain: tuple[str, ...], text: str) -> str:
    for name in chain:
        text = opencc.OpenCC(name).convert(text)
    return text


def _source_text(article: Article) -> str:
    """The source edition: the imported title and paragraphs (the notices a republisher
    added go to the front matter)."""
    return "\n".join([*_title(article, article.title),
                      *("".join(s.text for s in p) for p in article.paragraphs)])


def _script_text(article: Article, convert: Callable[[str], str], original: bool) -> str:
    """A script edition: the original of a simplified article in a simplified edition
    (``original``), else the source edition converted but for the passages and damaged
    spans kept as they arrived."""
    if original and article.original_paragraphs:
        return "\n".join([*_title(article, article.original_title or ""),
                          *("".join(s.text for s in p) for p in article.original_paragraphs)])
    pieces, last = [], 0
    for passage in foreign_passages(article.title, article.language):
        pieces += [convert(article.title[last:passage.start]), article.title[passage.start:passage.end]]
        last = passage.end
    title = "".join(pieces) + convert(article.title[last:])
    return "\n".join([*_title(article, title),
                      *("".join(s.text if s.verbatim else convert(s.text) for s in p)
                        for p in article.paragraphs)])


def _title(article: Article, title: str) -> list[str]:
    """The title, unless the importer took it from the first sentence (which it repeats)."""
    return [] if any("taken from the first sentence" in w for w in article.warnings) else [title]


def _changed(text: str, reference: str) -> tuple[int, int]:
    """Characters of ``text`` and those of them not in ``reference`` at their place."""
    def comparable(value: str) -> str:
        return "".join(c for c in value if not c.isspace() and c not in QUOTATION_MARKS)

    mine, theirs = comparable(text), comparable(reference)
    matcher = difflib.SequenceMatcher(None, theirs, mine, autojunk=False)
    changed = sum(j2 - j1 for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert"))
    return len(mine), changed


def bench_proper_text(template: Path, report: BenchReport) -> list[EditionShare]:
    """The figures, as notes (and a measure in the JSON) of ``report``."""
    shares = measure_proper_text(load_config(template))
    first_edition = shares[0].edition
    false_flags = sum(s.false_flags for s in shares if s.edition == first_edition)
    unchanged = [s for s in shares if s.must_be_unchanged]
    met = false_flags == 0 and not any(s.changed for s in unchanged)
    report.measures["proper_text"] = {
        "editions": [asdict(s) | {"percent": s.percent} for s in shares],
        "false_flags": false_flags, "met": met}
    for kind in dict.fromkeys(s.kind for s in shares):
        of_kind = [s for s in shares if s.kind == kind]
        figures = []
        for code in dict.fromkeys(s.edition for s in of_kind):
            mine = [s for s in of_kind if s.edition == code]
            characters, changed = sum(s.characters for s in mine), sum(s.changed for s in mine)
            figures.append(f"{code} {100 * changed / characters:.2f} % of {characters:,} "
                           f"against {mine[0].reference}")
        articles = [s for s in of_kind if s.edition == first_edition]
        flags = sum(s.flags for s in articles)
        damage = (f"{flags} damage flags (on real damage)" if any(s.false_flags != s.flags for s in articles)
                  else f"{flags} false damage flags")
        report.notes.append(f"editions of {kind} ({len(articles)} article"
                            f"{'s' if len(articles) > 1 else ''}): {'; '.join(figures)}; {damage}")
    report.notes.append(
        f"proper text: {len(unchanged)} editions that must be their original character for "
        f"character (simplified edition of a simplified original, every edition of an article "
        f"in another language), {sum(1 for s in unchanged if s.changed)} changed; "
        f"{false_flags} false damage flags (target 0): {'met' if met else 'NOT met'}")
    return shares
