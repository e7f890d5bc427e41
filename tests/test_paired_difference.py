"""The benchmark's paired interval: what tells a gap between two extractors from the draw of
pages (benchmarks/boilerplate_eval.py prints it under each table)."""

from benchmarks.boilerplate_eval import paired_difference


def test_a_steady_gap_has_a_tight_interval_that_excludes_zero():
    ours = [0.95, 0.9, 0.97, 0.92] * 10
    theirs = [s - 0.05 for s in ours]
    diff, low, high = paired_difference(ours, theirs)
    assert abs(diff - 0.05) < 1e-9
    assert 0 < low <= diff <= high < 0.051


def test_a_gap_made_by_few_pages_is_not_beyond_the_draw():
    # duokong better by 0.02 on 30 pages, worse by 0.9 on one: the mean gap is one page
    ours = [0.97] * 30 + [0.05]
    theirs = [0.95] * 30 + [0.95]
    diff, low, high = paired_difference(ours, theirs)
    assert diff < 0
    assert low < 0 < high
