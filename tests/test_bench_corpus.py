from pathlib import Path

from babel.messages.pofile import read_po

from benchmarks import generate_corpus

REPO = Path(__file__).resolve().parents[1]


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_size_gives_the_same_corpus(tmp_path):
    first = generate_corpus(tmp_path / "a", 4, REPO)
    second = generate_corpus(tmp_path / "b", 4, REPO)
    assert len(first.articles) == 4
    assert snapshot(first.root) == snapshot(second.root)


def test_catalogs_translate_the_articles_own_paragraphs(tmp_path):
    corpus = generate_corpus(tmp_path / "c", 3, REPO)
    index = (corpus.root / "docs" / "index.md").read_text(encoding="utf-8")
    assert index.index("articles/a0003") < index.index("articles/a0001"), "newest first"
    for docname in corpus.articles:
        article = (corpus.root / "docs" / f"{docname}.md").read_text(encoding="utf-8")
        po = corpus.root / "locale" / "en" / "LC_MESSAGES" / f"{docname}.po"
        with po.open("rb") as handle:
            catalog = read_po(handle)
        messages = [m for m in catalog if m.id]
        assert messages and all(m.id in article for m in messages)
        assert 0 < sum(bool(m.string) for m in messages) < len(messages)
