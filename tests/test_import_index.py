"""The article index: an import reads only the articles that changed since the last one."""

import os
from pathlib import Path

from translate_kit.importer.index import ArticleIndex


def write_article(folder: Path, name: str, date: str, title: str, source: str = "") -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"---\ntitle: {title}\ndate: '{date}'\nsource: {source or name}.txt\n---\n\n"
                    f"# {title}\n\n正文。\n", encoding="utf-8")
    return path


def archive(tmp_path: Path) -> tuple[Path, Path, Path]:
    docs = tmp_path / "docs"
    articles = docs / "articles"
    articles.mkdir(parents=True)
    write_article(articles, "a", "2024-01-01", "甲")
    write_article(articles, "b", "2024-03-01", "乙")
    write_article(articles, "c", "2024-02-01", "丙")
    return docs, articles, tmp_path / "_build" / "import" / "articles.json"


def test_a_second_look_reads_no_article_and_keeps_the_order(tmp_path):
    docs, articles, cache = archive(tmp_path)
    first = ArticleIndex(articles, cache)
    assert first.files_read == 3
    first.save()
    again = ArticleIndex(articles, cache)
    assert again.files_read == 0
    assert again.docnames(docs) == ["articles/b", "articles/c", "articles/a"]
    assert again.imported_from("c.txt", set()) == articles.resolve() / "c.md"


def test_a_new_article_is_the_only_one_read(tmp_path):
    docs, articles, cache = archive(tmp_path)
    ArticleIndex(articles, cache).save()
    write_article(articles, "d", "2025-01-01", "丁")
    index = ArticleIndex(articles, cache)
    assert index.files_read == 1
    assert index.docnames(docs)[0] == "articles/d"


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path):
    """As after ``rsync -a`` or ``touch -r``: the cached date must not win."""
    docs, articles, cache = archive(tmp_path)
    ArticleIndex(articles, cache).save()
    path = articles / "a.md"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("2024-01-01", "2029-01-01"),
                    encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    index = ArticleIndex(articles, cache)
    assert index.files_read == 1
    assert index.docnames(docs) == ["articles/a", "articles/b", "articles/c"]


def test_an_index_that_was_not_saved_leaves_no_cache(tmp_path):
    """An import that fails (a bad source) changes no file, the cache included."""
    docs, articles, cache = archive(tmp_path)
    ArticleIndex(articles, cache)
    assert not cache.exists()


def test_removed_articles_leave_the_index_and_a_damaged_cache_is_rebuilt(tmp_path):
    docs, articles, cache = archive(tmp_path)
    ArticleIndex(articles, cache).save()
    (articles / "b.md").unlink()
    cache.write_text('{"version": 1, "dir": 3', encoding="utf-8")
    index = ArticleIndex(articles, cache)
    assert index.files_read == 2
    assert index.docnames(docs) == ["articles/c", "articles/a"]
