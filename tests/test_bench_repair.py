"""The repair benchmark: its naive converter, and the figures on the hand-written corpus."""

from benchmarks.repair import CORPUS_DIR, TARGET_WRONG_PERCENT, degrade, measure_damage, measure_repairs


def test_the_naive_converter_leaves_characters_with_several_traditional_forms(tmp_path):
    assert degrade("颱風過後，他的頭髮很乾淨，一隻貓。", tmp_path) == "台風過后，他的頭发很干淨，一只貓。"


def test_the_corpus_has_twenty_articles_or_more():
    assert len(list(CORPUS_DIR.glob("*.txt"))) >= 20


def test_import_repairs_the_degraded_corpus_and_leaves_the_proper_one_alone(tmp_path):
    measure = measure_repairs(tmp_path)
    assert measure.percent_before > 2  # the corpus does exercise the repair
    assert measure.percent_after <= TARGET_WRONG_PERCENT
    assert measure.repairs_in_proper_text == 0 and measure.false_flags == 0


def test_damage_made_in_the_corpus_is_flagged_and_restored_right():
    damage = measure_damage()
    assert damage.runs == 288 and damage.flagged >= 223  # 196 before this branch
    assert damage.restored_right > 50 and damage.restored_wrong == 0
