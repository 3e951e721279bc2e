"""The project's own catalogs: the English edition is complete and passes the checks."""

from pathlib import Path

from translate_kit.publish.extraction import extract_templates
from translate_kit.catalogs.check import check_catalogs
from translate_kit.catalogs.compile import compile_catalogs
from translate_kit.catalogs.stats import collect_stats
from translate_kit.config import load_config

PROJECT = load_config(Path(__file__).resolve().parents[1])


def test_the_english_catalogs_pass_check():
    result = check_catalogs(PROJECT, extract_templates)
    assert result.catalogs == len(list((PROJECT.locale_dir / "en").rglob("*.po")))  # all of them
    assert [str(p) for p in result.errors] == []


def test_the_english_edition_is_fully_translated():
    [english] = [s for s in collect_stats(PROJECT) if s.edition.code == "en"]
    assert english.documents and english.progress.messages.percent == 100.0


def test_every_english_translation_is_published(tmp_path):
    result = compile_catalogs(PROJECT, PROJECT.edition("en"), tmp_path)
    assert result.dropped == ()
