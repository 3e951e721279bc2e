"""A synthetic project of N articles, shaped like imported ones, for benchmarks.

Articles are made of traditional-script sentences drawn from a fixed vocabulary with a
seeded random generator, so the same N always gives the same corpus; their front matter
is as long as the importer's (notices, counts, checksums); the English
catalogs translate every other paragraph, as a project part-way through translation.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from translate_kit.importer.index import index_block

# Phrases typical of the articles translate-kit publishes, in traditional script, many
# of them with characters that differ between the scripts.
_PHRASES = (
    "經濟開發區", "綜合保稅區", "項目招引", "開工建設", "專題會議", "高質量發展",
    "管委會主任", "醫藥高新區", "黨工委書記", "相關部門", "負責人", "重點項目",
    "跟蹤洽談", "情況匯報", "有效措施", "工作思路", "信息儲備", "主導產業",
    "融合發展", "明顯成效", "目標任務", "新跨越", "發展勢頭", "思想統一",
    "企業服務", "統籌協調", "精準服務", "技改擴能", "競爭優勢", "招大引強",
    "電子信息", "智能製造", "互聯網", "人工智能", "高端裝備", "醫療健康",
    "體制機制", "決策機制", "全球市場", "招商渠道", "市場化運作", "獎勵機制",
    "產業政策", "要素保障", "全員招商", "責任落實", "創新發展", "政策優勢",
    "經濟總量", "發展空間", "總體規劃", "科技創新", "高等院校", "科研院所",
)
_VERBS = ("推動", "聚焦", "深化", "強化", "突出", "加快", "優化", "拓寬", "實現", "圍繞")
_LINKS = ("，", "，", "、", "，進一步", "，同時")
_NOTICE = ("免責聲明：本網轉載自其它媒體的文章，目的在于傳遞更多信息，并不代表本網贊同其觀點和"
           "對其真實性負責。如果您認為本站文章侵犯了您的版權，請與我們聯系，我們將第一時間刪除。")


@dataclass(frozen=True)
class Corpus:
    """Where a generated project lives and what it holds."""

    root: Path
    articles: tuple[str, ...]  # docnames, e.g. "articles/a0001"
    paragraphs: int


def _sentence(rng: random.Random) -> str:
    parts = [rng.choice(_VERBS) + rng.choice(_PHRASES) for _ in range(rng.randint(2, 4))]
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice(_LINKS) + part
    return text + "。"


def _paragraph(rng: random.Random) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def generate_corpus(root: Path, articles: int, template: Path, seed: int = 1) -> Corpus:
    """Write a project of ``articles`` articles into ``root`` (replacing what is there).

    ``template`` is a project whose translate-kit.toml and docs/conf.py are reused, so the
    benchmark measures the same configuration users build.
    """
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "docs" / "articles").mkdir(parents=True)
    shutil.copy2(template / "translate-kit.toml", root / "translate-kit.toml")
    shutil.copy2(template / "docs" / "conf.py", root / "docs" / "conf.py")

    docnames: list[str] = []
    count = 0
    start = date(2024, 1, 1)
    for number in range(1, articles + 1):
        docname = f"articles/a{number:04d}"
        title = rng.choice(_PHRASES) + rng.choice(_VERBS) + rng.choice(_PHRASES)
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(4, 8))]
        day = start + timedelta(days=number)
        body = "\n\n".join([f"# {title}", *paragraphs])
        front = _front_matter(title, day, f"sources/a{number:04d}.txt", body)
        (root / "docs" / f"{docname}.md").write_text(front + body + "\n", encoding="utf-8")
        _write_translation(root, docname, title, paragraphs)
        docnames.append(docname)
        count += len(paragraphs)

    # The list the importer keeps, newest first: an import adds to it as in a real project.
    index = f"# 新聞\n\n{index_block(docnames[::-1])}"
    (root / "docs" / "index.md").write_text(index, encoding="utf-8")
    return Corpus(root=root, articles=tuple(docnames), paragraphs=count)


def _front_matter(title: str, day: date, source: str, body: str) -> str:
    """Front matter as the importer writes it: what it found and did, and checksums."""
    digest = hashlib.sha256(body.encode()).hexdigest()
    return (
        f"---\ntitle: {title}\ndate: '{day.isoformat()}'\nsource: {source}\n"
        f"source_sha256: {digest}\nencoding: gb18030\nnotice:\n- {_NOTICE}\ncounts:\n"
        "  annotations_removed: 12\n  punctuation_fixed: 30\n  garbled_spans: 1\n"
        f"  boilerplate_moved: 1\nimport_sha256: {digest[::-1]}\n---\n\n"
    )


def write_source(path: Path, seed: int = 0) -> Path:
    """A new source article as it arrives from a newsroom: a title line, then paragraphs."""
    rng = random.Random(f"source-{seed}")
    title = rng.choice(_PHRASES) + rng.choice(_VERBS) + rng.choice(_PHRASES)
    paragraphs = [_paragraph(rng) for _ in range(6)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join([title, *paragraphs]) + "\n", encoding="utf-8")
    return path


def _write_translation(root: Path, docname: str, title: str, paragraphs: list[str]) -> None:
    """An English catalog translating the title and every other paragraph."""
    catalog = Catalog(locale="en", project="bench", charset="utf-8")
    catalog.add(title, f"Article {docname}")
    for number, paragraph in enumerate(paragraphs):
        translated = number % 2 == 0
        catalog.add(paragraph, f"Paragraph {number} of {docname} in English." if translated else "")
    path = root / "locale" / "en" / "LC_MESSAGES" / f"{docname}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, width=0)
