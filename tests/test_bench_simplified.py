"""The simplified-originals benchmark on the hand-written corpus (its t2s conversions)."""

from benchmarks.repair import CORPUS_DIR
from benchmarks.simplified import measure_simplified


def test_simplified_articles_are_recognised_converted_to_taiwan_forms_and_kept(tmp_path):
    measure = measure_simplified(tmp_path)
    articles = len(list(CORPUS_DIR.glob("*.txt")))
    assert measure.articles == measure.recognised == measure.originals_kept == articles
    assert measure.misrecognised == 0
    assert measure.nonstandard <= 0.0005 * measure.han_characters
    # Repaired per character, the same articles kept Hong Kong forms (户, 温) and made
    # hundreds of report lines: the figure the conversion is measured against.
    assert measure.nonstandard_before > measure.nonstandard and measure.repairs_before > 1000
