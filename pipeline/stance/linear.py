"""linear.v1: logistic regression over what the author writes around each target.

Inputs per (article, target), built by `features.row`: the jieba tokens and the characters of
the target view (views.py, target names masked so one model serves every target), plus the
lexicon classifier's cue sums as dense features, so the model starts from what the rules know
and learns where to trust them. `none` is decided by mention, as in every backend.

The artifact is a plain scikit-learn Pipeline saved with skops (no pickle, see modelio.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import modelio
from pipeline.learn import hashed_tfidf, logistic_exact, with_classifier
from pipeline.records import Stance
from pipeline.settings import Settings
from pipeline.stance.base import AnalysisInput
from pipeline.stance.features import FeatureBuilder
from pipeline.stance.registry import register
from pipeline.stance.views import mentioned_targets
from pipeline.targets import Catalogue

NAME = "linear.v1"
LABELS = ("bullish", "bearish", "neutral")
ARTIFACT = modelio.ARTIFACT
EVIDENCE_MAX = 3
# Inverse regularisation: cross-validated macro-F1 0.723 at C = 1, 0.768 at 5, 0.774 at 20,
# 0.778 at 60, 0.782 at 200, where held-out figures start to scatter; 60 is where the rise flattens.
C = 60.0

log = logging.getLogger(__name__)


def build_estimator():  # -> sklearn.pipeline.Pipeline
    """Tokens (uni+bigrams), characters (2–3-grams) and the dense lexicon columns, weighed by one
    class-balanced logistic regression fitted exactly (pipeline/learn.py): neutral dominates real commentary,
    and a model that ignores the minority classes is worthless for finding bulls and bears."""
    from sklearn.compose import ColumnTransformer

    return with_classifier(ColumnTransformer(feature_columns()), logistic_exact(C))


def feature_columns(dense: int = FeatureBuilder.DENSE) -> list[tuple[str, Any, Any]]:
    """The ColumnTransformer's parts for a row: the view's tokens and characters, then `dense`
    columns passed through (benchmarks/stance_evidence.py adds its own after these)."""
    return [
        ("tokens", hashed_tfidf(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2)), 0),
        ("chars", hashed_tfidf(analyzer="char", ngram_range=(2, 3)), 1),
        # Already bounded (tanh sums, shares): scaling by variance blew rare ones (a share of
        # rhetorical questions, almost always 0) up into the dominant features.
        ("lexicon", "passthrough", list(range(2, 2 + dense))),
    ]


def save(estimator: Any, out_dir: Path, meta: dict[str, Any]) -> None:
    modelio.save(estimator, out_dir, NAME, meta)


def load(model_dir: Path, trusted: list[str] | None = None) -> Any:
    return modelio.load(model_dir, NAME, trusted)


class LinearStance:
    name = NAME

    def __init__(self, estimator: Any, features: FeatureBuilder) -> None:
        self.estimator = estimator
        self.features = features
        self.catalogue = features.catalogue
        self.classes = [str(c) for c in estimator.classes_]

    def predict(self, item: AnalysisInput, targets: list[str]) -> list[Stance]:
        in_article = mentioned_targets(item, self.catalogue)
        present = [t for t in targets if t in in_article]
        rows = self.features.rows(item, present)
        probs = self.estimator.predict_proba(np.array(rows, dtype=object)) if rows else []
        by_target = dict(zip(present, probs, strict=True))
        stances = []
        for target in targets:
            if target not in by_target:
                stances.append(Stance(item.article.id, target, "none", 0.99, (), NAME))
                continue
            p = by_target[target]
            k = int(np.argmax(p))
            label = self.classes[k]
            evidence = self._evidence(item, target, k)
            stances.append(
                Stance(item.article.id, target, label, round(float(p[k]), 3), evidence, NAME)
            )
        return stances

    def _evidence(self, item: AnalysisInput, target: str, k: int) -> tuple[str, ...]:
        """The sentences naming the target that, read alone, most favour the chosen label."""
        sents = [s for s in item.sentences if target in s.targets]
        if not sents:
            return ()
        rows = [self.features.sentence_row(s.text, target) for s in sents]
        p = self.estimator.predict_proba(np.array(rows, dtype=object))[:, k]
        order = np.argsort(-p, kind="stable")[:EVIDENCE_MAX]
        return tuple(sents[i].text for i in sorted(order))


@register(NAME)
def create(settings: Settings, catalogue: Catalogue) -> LinearStance:
    estimator = load(settings.model_dir(NAME))
    return LinearStance(estimator, FeatureBuilder.from_settings(settings, catalogue))
