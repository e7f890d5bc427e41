"""claims.v1: which of the rule-found claims are checkable predictions worth keeping.

The rules in predictions.py are built for recall: every clause with a future cue or horizon.
Many are not predictions a reader would track (会说, 有机会…, a tutorial's "this will install").
A small classifier trained on the prediction quotes of our labelled examples scores each
candidate from its characters and from what the rules found (a strong cue, a stated or
inherited horizon, a condition, who speaks, a target, a direction); candidates under the
threshold chosen by cross-validation are dropped. Saved with skops like every model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import modelio
from pipeline.learn import hashed_tfidf, with_classifier
from pipeline.nlp import to_simplified
from pipeline.predictions import PredictionCues
from pipeline.records import Prediction
from pipeline.scoring import PredictionScore, overlaps

NAME = "claims.v1"
FLAGS = 10
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
HEDGE_RANK = {"certain": 0.0, "likely": 0.5, "possible": 1.0}

log = logging.getLogger(__name__)


def claim_row(group: list[Prediction], cues: PredictionCues) -> list[object]:
    """One row per quote (a claim about two targets is one candidate)."""
    p = group[0]
    q = to_simplified(p.quote)
    return [
        q,
        float(any(w in q for w in cues.strong)),
        float(p.horizon is not None),
        float(p.horizon_source == "inherited"),
        float(p.conditional),
        float(p.speaker == "reported"),
        float(any(x.target is not None for x in group)),
        min(len(q), 200) / 200,
        float(any(x.direction != "other" for x in group)),
        float("我" in q or "笔者" in q),
        HEDGE_RANK[p.hedge],
    ]


def by_quote(predictions: list[Prediction]) -> list[list[Prediction]]:
    groups: dict[str, list[Prediction]] = {}
    for p in predictions:
        groups.setdefault(p.quote, []).append(p)
    return list(groups.values())


def build_estimator():  # -> sklearn.pipeline.Pipeline
    """Characters (1–3-grams) of the claim and the rule flags (pipeline/learn.py)."""
    from sklearn.compose import ColumnTransformer

    columns = ColumnTransformer(
        [
            ("chars", hashed_tfidf(analyzer="char", ngram_range=(1, 3)), 0),
            ("flags", "passthrough", list(range(1, 1 + FLAGS))),
        ]
    )
    return with_classifier(columns)


class ClaimFilter:
    name = NAME

    def __init__(self, estimator: Any, threshold: float, cues: PredictionCues) -> None:
        self.estimator = estimator
        self.threshold = threshold
        self.cues = cues

    @classmethod
    def load(cls, model_dir: Path, cues: PredictionCues) -> ClaimFilter:
        estimator = modelio.load(model_dir, NAME)
        threshold = float(modelio.meta(model_dir).get("threshold", 0.5))
        return cls(estimator, threshold, cues)

    def keep(self, predictions: list[Prediction]) -> list[Prediction]:
        groups = by_quote(predictions)
        if not groups:
            return []
        rows = np.array([claim_row(g, self.cues) for g in groups], dtype=object)
        scores = self.estimator.predict_proba(rows)[:, 1]
        return [p for g, s in zip(groups, scores, strict=True) if s >= self.threshold for p in g]


Candidates = list[tuple[str, list[list[Prediction]], list[dict]]]  # example id, groups, gold


def _score(cands: Candidates, probs: dict[tuple[str, int], float], threshold: float):
    score = PredictionScore()
    for ex_id, groups, gold in cands:
        kept = [p for k, g in enumerate(groups) if probs[(ex_id, k)] >= threshold for p in g]
        score.add(gold, kept)
    return score


def train_claims(
    cands: Candidates, cues: PredictionCues, out_dir: Path, progress: Callable[[str], None]
) -> dict:
    """Fit on every candidate of our labelled examples (label: overlaps a gold quote); pick the
    threshold that maximises quote-level F1 in 5-fold cross-validation grouped by article."""
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold

    keys = [(ex_id, k) for ex_id, groups, _ in cands for k in range(len(groups))]
    rows = np.array([claim_row(g, cues) for _, groups, _ in cands for g in groups], dtype=object)
    y = np.array(
        [
            int(any(overlaps(g[0].quote, q["quote"]) for q in gold))
            for _, groups, gold in cands
            for g in groups
        ]
    )
    groups_of = [k[0] for k in keys]
    progress(f"claims: {len(rows)} candidates, {int(y.sum())} match a gold quote; cross-validating")
    oof = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=5).split(rows, y, groups_of):
        oof[test] = (
            clone(build_estimator()).fit(rows[train], y[train]).predict_proba(rows[test])[:, 1]
        )
    probs = dict(zip(keys, oof, strict=True))
    unfiltered = _score(cands, probs, 0.0)
    results = {t: _score(cands, probs, t) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: results[t].f1)
    progress("claims: fitting on all candidates")
    estimator = build_estimator().fit(rows, y)
    meta = {
        "threshold": best,
        "candidates": len(rows),
        "positives": int(y.sum()),
        "cv_f1_unfiltered": round(unfiltered.f1, 3),
        "cv_f1": round(results[best].f1, 3),
        "cv_precision": round(results[best].precision, 3),
        "cv_recall": round(results[best].recall, 3),
    }
    modelio.save(estimator, out_dir, NAME, meta)
    return meta
