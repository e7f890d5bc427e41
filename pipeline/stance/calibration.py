"""Temperature scaling: a stance's score that means what it says.

A stance row's `score` is the probability of its label, and users filter on it (`where score >
0.8`). A logistic regression fitted with little regularisation on our examples is sure of
itself: cross-validated, linear.v2's article model said 0.865 on average where it was right
0.789 of the time, and on our held-out long essays 0.882 against 0.800. Dividing the log-probabilities by one
temperature per model, fitted on the cross-validated probabilities of the training data
(Guo et al. 2017, "On Calibration of Modern Neural Networks"), brings the scores down to the
rate at which they are right without moving any label: the order of the classes, and so the
arg-max, stays. The posts model was less sure of itself and gets a smaller one (1.23 against
1.64 for linear.v2).

Measured with `duokong eval`, which prints each backend's mean score beside its share right.
"""

from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

# Searched in log space: 0.25–8 holds every temperature a sane fit needs; a fit at the edge
# says the probabilities carry almost no information (or are certain), not that T is exact.
_LOG_T_BOUNDS = (np.log(0.25), np.log(8.0))
_FLOOR = 1e-12


def tempered(probabilities: np.ndarray, temperature: float) -> np.ndarray:
    """Rows of class probabilities with their log-probabilities divided by `temperature`
    (> 1 flattens, < 1 sharpens); each row still sums to 1 and keeps its arg-max."""
    p = np.atleast_2d(np.asarray(probabilities, dtype=float))
    if temperature == 1.0 or p.size == 0:
        return p
    z = np.log(np.clip(p, _FLOOR, 1.0)) / temperature
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def log_loss(probabilities: np.ndarray, truth: np.ndarray) -> float:
    """Mean negative log-probability of the true class (`truth` holds column indices)."""
    p = np.asarray(probabilities, dtype=float)
    return float(-np.mean(np.log(np.clip(p[np.arange(len(truth)), truth], _FLOOR, 1.0))))


def fit_temperature(probabilities: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that minimises the log loss of held-out probabilities against their
    true classes; 1.0 when there is nothing to fit on."""
    from scipy.optimize import minimize_scalar

    truth = np.asarray(truth)
    if len(truth) == 0:
        return 1.0
    result = minimize_scalar(
        lambda log_t: log_loss(tempered(probabilities, float(np.exp(log_t))), truth),
        bounds=_LOG_T_BOUNDS,
        method="bounded",
    )
    if min(abs(result.x - edge) for edge in _LOG_T_BOUNDS) < 0.01:
        log.warning(
            "the temperature fit stopped at its bound (%.2f) on %d labels: the cross-validated "
            "probabilities say almost nothing, or are never wrong; look at the training data",
            float(np.exp(result.x)),
            len(truth),
        )
    return round(float(np.exp(result.x)), 3)


def overconfidence(scores: list[float], right: list[bool]) -> tuple[float, float]:
    """(mean score, share right) of the labels a model gave: a calibrated model's two agree."""
    if not scores:
        return 0.0, 0.0
    return float(np.mean(scores)), float(np.mean(right))


def calibration_error(scores: list[float], right: list[bool], bins: int = 10) -> float:
    """Expected calibration error: over bins of score, the gap between mean score and share
    right, weighed by each bin's share of the labels."""
    s = np.asarray(scores, dtype=float)
    ok = np.asarray(right, dtype=float)
    if s.size == 0:
        return 0.0
    which = np.clip((s * bins).astype(int), 0, bins - 1)
    return float(
        sum(
            abs(s[which == b].mean() - ok[which == b].mean()) * (which == b).sum()
            for b in set(which)
        )
        / s.size
    )
