"""Editions built in separate clones (CI matrix jobs), then assembled, make the same site."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import copy_root, translate_kit

REPO = Path(__file__).parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
EDITIONS = {"zh-Hant": "zh-hant", "zh-Hans": "zh-hans", "en": "en"}
PDF_DATES = re.compile(rb"/(?:CreationDate|ModDate) \(D:[^)]*\)")
EPUB_DATES = re.compile(rb"<meta property=\"dcterms:modified\">[^<]*</meta>|<dc:date>[^<]*</dc:date>")


def clone(tmp_path: Path, name: str, project: str = "multi") -> Path:
    return copy_root(project, tmp_path, name)


def run(root: Path, *args: str) -> str:
    done = translate_kit(root, *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def upload(job: Path, code: str, artifacts: Path) -> None:
    """What the workflow's edition job uploads: its edition's pages, PDFs and EPUBs."""
    shutil.copytree(job / "_build/html" / EDITIONS[code], artifacts / "html" / EDITIONS[code])
    for kind in ("pdf", "epub"):
        for book in (job / "_build" / kind).glob(f"*.{kind}"):
            (artifacts / kind).mkdir(parents=True, exist_ok=True)
            shutil.copy2(book, artifacts / kind / book.name)
    for kind in ("pdf", "epub"):  # the PDF and EPUB of each article
        articles = job / "_build" / kind / EDITIONS[code]
        shutil.copytree(articles, artifacts / kind / EDITIONS[code])


def site(root: Path) -> dict[str, object]:
    """Every file of the published site; PDFs and EPUBs without their build dates."""
    html = root / "_build/html"
    files: dict[str, object] = {}
    for path in sorted(p for p in html.rglob("*") if p.is_file()):
        data = path.read_bytes()
        name = path.relative_to(html).as_posix()
        if path.suffix == ".pdf":
            files[name] = PDF_DATES.sub(b"", data)
        elif path.suffix == ".epub":  # its files, not the zip's timestamps
            with zipfile.ZipFile(path) as book:
                files[name] = {i: EPUB_DATES.sub(b"", book.read(i)) for i in book.namelist()}
        else:
            files[name] = data
    return files


@pytest.mark.tex
def test_editions_built_apart_and_assembled_equal_make_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # what LaTeX writes as today
    whole = clone(tmp_path, "whole", "pdf-editions")
    run(whole, "build", "site")
    artifacts = tmp_path / "artifacts"
    for code in EDITIONS:
        job = clone(tmp_path, f"job-{code}", "pdf-editions")
        run(job, "build", "pdf", "-e", code)
        run(job, "build", "epub", "-e", code)
        run(job, "build", "html", "-e", code)
        upload(job, code, artifacts)
    final = clone(tmp_path, "final", "pdf-editions")
    shutil.copytree(artifacts, final / "_build")
    run(final, "build", "assemble")
    expected, assembled = site(whole), site(final)
    assert sorted(assembled) == sorted(expected)
    assert [name for name in expected if assembled[name] != expected[name]] == []
    assert {"index.html", "pdf/news-en.pdf", "epub/news-en.epub",
            "zh-hans/articles/meeting.html"} <= set(expected)


def test_assemble_names_a_missing_edition_and_pages_built_from_other_sources(tmp_path):
    final = clone(tmp_path, "final")
    run(final, "build", "html", "-e", "zh-Hant", "-e", "en")
    done = translate_kit(final, "build", "assemble")
    assert done.returncode == 1
    assert "edition zh-Hans is not in" in done.stderr and "build html -e zh-Hans" in done.stderr

    other = clone(tmp_path, "other")
    (other / "docs/articles/a003.md").write_text("# 新文章\n\n內容。\n", encoding="utf-8")
    index = other / "docs/articles/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("a002", "a002\na003"),
                     encoding="utf-8")
    run(other, "build", "html", "-e", "zh-Hans")
    shutil.copytree(other / "_build/html/zh-hans", final / "_build/html/zh-hans")
    done = translate_kit(final, "build", "assemble")
    assert done.returncode == 1
    assert "lacks 1 page(s)" in done.stderr and "articles/a003.html" in done.stderr


def test_the_workflow_is_valid_and_builds_each_edition_in_its_own_job():
    check = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    edition_steps = " ".join(step.get("run", "") for step in jobs["edition"]["steps"])
    assert 'build pdf -e "${{ matrix.edition }}"' in edition_steps
    assert 'build epub -e "${{ matrix.edition }}"' in edition_steps
    assert 'build html -e "${{ matrix.edition }}"' in edition_steps
    # the HTML links the PDF and the EPUB it finds
    assert edition_steps.index("build pdf") < edition_steps.index("build html")
    assert edition_steps.index("build epub") < edition_steps.index("build html")
    assert jobs["site"]["needs"] == "edition"
    assert any(step.get("run") == "translate-kit build assemble" for step in jobs["site"]["steps"])
