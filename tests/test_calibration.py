"""Temperature scaling of stance scores: the fit finds a known temperature and tempering moves
no label (a trained model's temperatures: tests/test_linear.py)."""

import numpy as np
import pytest

from pipeline.stance.calibration import (
    calibration_error,
    fit_temperature,
    log_loss,
    overconfidence,
    tempered,
)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _overconfident(temperature: float, n: int = 6000, seed: int = 7):
    """Labels drawn from true probabilities, and what a model twice as sure would say."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 1.5, size=(n, 3))
    truth = np.array([rng.choice(3, p=p) for p in _softmax(logits)])
    return _softmax(logits * temperature), truth


@pytest.mark.parametrize("known", [0.6, 1.0, 2.0])
def test_the_fit_finds_the_temperature_that_made_the_scores(known):
    said, truth = _overconfident(known)
    assert fit_temperature(said, truth) == pytest.approx(known, rel=0.12)
    fitted = tempered(said, fit_temperature(said, truth))
    assert log_loss(fitted, truth) <= log_loss(said, truth) + 1e-9


def test_tempering_keeps_every_label_and_sums_to_one():
    said, _ = _overconfident(2.0, n=500)
    cooled = tempered(said, 2.0)
    assert (cooled.argmax(axis=1) == said.argmax(axis=1)).all()
    assert np.allclose(cooled.sum(axis=1), 1.0)
    assert (cooled.max(axis=1) <= said.max(axis=1) + 1e-12).all()
    assert np.allclose(tempered(said, 1.0), said)


def test_a_tempered_model_says_what_it_gets_right():
    """The user's check: after the fit the mean score is near the share right, before it was not."""
    said, truth = _overconfident(2.0)
    right = list(said.argmax(axis=1) == truth)
    before = overconfidence(list(said.max(axis=1)), right)
    fitted = tempered(said, fit_temperature(said, truth))
    after = overconfidence(list(fitted.max(axis=1)), right)
    assert before[0] - before[1] > 0.08
    assert abs(after[0] - after[1]) < 0.02
    assert calibration_error(list(fitted.max(axis=1)), right) < calibration_error(
        list(said.max(axis=1)), right
    )


def test_lexicon_scores_say_how_often_its_labels_are_right(settings, analyzer):
    """lexicon.v1's scores follow a curve fitted on data/labelled/stance: on our held-out
    stance-dev they average near the share of its labels that is right (0.432 against 0.444;
    the scores read off the cue sum by hand said 0.846, `benchmarks/lexicon_calibration.py`)."""
    from pipeline.stance import registry
    from pipeline.stance.calibration import calibration_error
    from pipeline.stance.dataset import load_examples
    from pipeline.stance.evaluate import ModelScore, example_cases, score_classifier
    from tests.test_linear import DEV

    lexicon = registry.create("lexicon.v1", settings, analyzer.catalogue)
    cases = example_cases(load_examples([DEV]), analyzer)
    found = score_classifier(ModelScore("lexicon.v1"), lexicon, cases)
    mean_score, right = found.mean_score()
    assert abs(mean_score - right) <= 0.05, (mean_score, right)
    scores, oks = zip(*found.scored, strict=True)
    assert calibration_error(list(scores), list(oks)) <= 0.08
    # and they tell right labels from wrong ones better than one score for all would (Brier
    # 0.241 against 0.247 for the share right given to every label)
    brier = sum((s - ok) ** 2 for s, ok in found.scored) / len(found.scored)
    assert brier < right * (1 - right)


def test_a_strong_cue_sum_makes_a_neutral_label_less_sure_and_a_pole_surer():
    from pipeline.stance.lexicon import label_score

    assert label_score("neutral", 0.0) > label_score("neutral", 0.5)
    assert label_score("bearish", -3.0) > 0.5 > label_score("bearish", -0.6)
