"""claims.v2 and claims.v3: which of the rule-found claims are checkable predictions worth
keeping, and which way each one points.

The rules in predictions.py are built for recall: every clause with a future cue or horizon.
Many are not predictions a reader would track (会说, 有机会…, a tutorial's "this will install").
A small classifier trained on the prediction quotes of our labelled examples scores each
candidate from its characters and from what the rules found (a strong cue, a stated or
inherited horizon, a condition, who speaks, a target, a direction); candidates under the
threshold chosen by cross-validation are dropped.

Direction (v2): the cue and change-word rules say "up" or "down" for half the gold quotes at
best, and "other" for most of the rest (份额将加速流失, 面临逆风, 被对手甩开 are in no lexicon). A
second classifier reads the claim with its target masked (TGT/OTH, so one model serves every
catalogue target) and what the rules said, and gives the direction; a claim about no catalogue
target points the way its own subject goes. Cross-validated accuracy against the rules is in the
model's duokong.json. Both are saved in one skops file.

claims.v3 (the default) also reads each claim's sentence vector (multilingual-e5-small, as
linear.v2 does): character n-grams learnt from the quotes we wrote say little of a real page's
wording, and the encoder has read far more Chinese than we can write. Against claims.v2
(models/claims-v3/README.md), fitted on the same candidates: cross-validated F1 0.753 → 0.771,
real pages 0.552 → 0.582 (refits 0.549–0.566 → 0.569–0.578), and on the real pages F1
0.564–0.582 at every threshold from 0.30 to 0.50 where characters alone gave 0.488–0.555; our
held-out examples moved by about what a refit does. The direction model gained nothing from
them (real-page quotes 0.736 → 0.742–0.755, direction-dev 0.846 → 0.829–0.842) and reads
characters alone. The vectors cost about 130 ms of a real page's 800 ms of analysis, which would
be most of it under linear.v1: claims.v2, the same filter without them, stays for runs that
choose speed (claim_model = "claims.v2").
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import modelio
from pipeline.clauses import clauses_naming
from pipeline.errors import UnknownModelError
from pipeline.learn import hashed_tfidf, logistic_exact, with_classifier
from pipeline.nlp import to_simplified
from pipeline.predictions import ClaimContext, Contexts, PredictionExtractor
from pipeline.records import Prediction
from pipeline.scoring import PredictionScore, overlaps
from pipeline.settings import CLAIM_MODELS
from pipeline.stance.encoder import DIM, shared_encoder
from pipeline.stance.views import mask
from pipeline.targets import Catalogue

NAME = "claims.v2"  # the filter on characters and rule flags
WITH_VECTORS = "claims.v3"  # the same, and each claim's sentence vector
MODELS = tuple(m for m in CLAIM_MODELS if m)  # the settings' names, none aside
VECTORS_KEY = "sentence_vectors"  # in duokong.json, for the reader: whether the filter reads them
FLAGS = 14  # claim_row's columns after the claim's characters
# Steps of 0.025: on a grid of 0.05 the plateau held three or four points, and a change of
# 0.001 in one of them moved its middle, and the shipped threshold, by a whole step.
THRESHOLDS = tuple(round(0.25 + 0.025 * i, 3) for i in range(15))
# Cross-validated F1 is flat near its peak (0.734-0.738 from 0.35 to 0.45), so its arg-max jumps
# between refits; the middle of the thresholds within this much of the best is stable.
PLATEAU = 0.005
# One 5-fold split's F1 curve has bumps of that size too, and its arg-max moved the shipped
# threshold between 0.35 and 0.45 with changes that moved nothing else: the curve is the mean
# over this many shuffled splits. With three, lexicon changes that moved no figure at a fixed
# threshold still flipped it between 0.35 and 0.40 (a cost of 0.01–0.02 on the real pages);
# with ten the full fit held at 0.35 (one refit of three still lands on 0.40; training takes
# about a minute longer).
CV_REPEATS = 10
# Inverse regularisation of both claim models: cross-validated F1 rises to 0.72 at C = 20 and
# stays there (0.69 at 1, 0.71 at 5, 0.72 at 60).
C = 20.0
DIRECTION_COLUMNS = 6  # direction_row's width
HEDGE_RANK = {"certain": 0.0, "likely": 0.5, "possible": 1.0}

log = logging.getLogger(__name__)


def claim_row(
    group: list[Prediction], context: ClaimContext, extractor: PredictionExtractor
) -> list[object]:
    """One row per quote (a claim about two targets is one candidate)."""
    p = group[0]
    q = to_simplified(p.quote)
    return [
        q,
        float(extractor.strong_cue(q)),
        float(p.horizon is not None),
        float(p.horizon_source == "inherited"),
        float(p.conditional),
        float(p.speaker == "reported"),
        float(any(x.target is not None for x in group)),
        min(len(q), 200) / 200,
        float(any(x.direction != "other" for x in group)),
        float("我" in q or "笔者" in q),
        HEDGE_RANK[p.hedge],
        float(extractor.scorer.bet(q)),
        *context.features(),
    ]


def claim_rows(
    groups: list[list[Prediction]],
    contexts: Contexts,
    extractor: PredictionExtractor,
    vectors: bool,
) -> np.ndarray:
    """claim_row of each quote and, for a filter that reads them, the quote's sentence vector
    (DIM columns more). The quotes of one article are embedded in one call."""
    rows = [claim_row(g, contexts[g[0].quote], extractor) for g in groups]
    if vectors:
        found = shared_encoder().embed([row[0] for row in rows]).tolist()
        rows = [[*row, *vector] for row, vector in zip(rows, found, strict=True)]
    return np.array(rows, dtype=object).reshape(len(rows), claim_width(vectors))


def claim_width(vectors: bool) -> int:
    return 1 + FLAGS + (DIM if vectors else 0)


def by_quote(predictions: list[Prediction]) -> list[list[Prediction]]:
    groups: dict[str, list[Prediction]] = {}
    for p in predictions:
        groups.setdefault(p.quote, []).append(p)
    return list(groups.values())


def build_estimator(vectors: bool = False):  # -> sklearn.pipeline.Pipeline
    """Characters (1–3-grams) of the claim, the rule flags and, where asked, the claim's
    sentence vector (claim_rows; pipeline/learn.py)."""
    from sklearn.compose import ColumnTransformer

    parts = [
        ("chars", hashed_tfidf(analyzer="char", ngram_range=(1, 3)), 0),
        ("flags", "passthrough", list(range(1, 1 + FLAGS))),
    ]
    if vectors:
        parts.append(("sense", "passthrough", list(range(1 + FLAGS, claim_width(True)))))
    columns = ColumnTransformer(parts)
    return with_classifier(columns, logistic_exact(C))


FLIP = {"up": "down", "down": "up", "other": "other"}


def direction_row(
    quote: str, target: str | None, rule: str, conditional: bool, catalogue: Catalogue
) -> list[object]:
    """The claim with its target masked, and what the rules said (their direction, whether the
    claim is conditional). A claim about two targets is read in the clauses naming this one:
    in "DeepSeek全面领先, NVIDIA砍单" DeepSeek goes up and NVIDIA down.

    A claim about no catalogue target points the way its own subject goes (国产芯片会崛起 is up,
    国产芯片份额提升 is down for NVIDIA), so its characters also go in a column of their own:
    the model learns what they mean without a target beside what they mean with one."""
    q = to_simplified(quote)
    if target:
        q = mask(_about(q, target, catalogue), target, catalogue)
    return [
        q,
        float(rule == "up"),
        float(rule == "down"),
        float(conditional),
        "" if target else q,
        float(not target),
    ]


def _about(text: str, target: str, catalogue: Catalogue) -> str:
    named = {m.target for m in catalogue.find(text)}
    return clauses_naming(text, target, catalogue) if len(named) >= 2 else text


def build_direction_estimator():  # -> sklearn.pipeline.Pipeline
    """Character uni- and bigrams of the masked claim, again for a claim with no target, and the
    rules' verdict."""
    from sklearn.compose import ColumnTransformer

    columns = ColumnTransformer(
        [
            ("chars", hashed_tfidf(analyzer="char", ngram_range=(1, 2)), 0),
            ("rules", "passthrough", [1, 2, 3]),
            ("targetless", hashed_tfidf(analyzer="char", ngram_range=(1, 2)), 4),
            ("no_target", "passthrough", [5]),
        ]
    )
    return with_classifier(columns, logistic_exact(C))


@dataclass(frozen=True)
class DirectionInput:
    """What the direction model reads of one claim, and how its verdict is used."""

    row: list[object]  # features, in the terms of a bet's premise when the claim is a bet
    bet: bool  # a falsification bet (如果半年后 X, 我认错): the verdict is flipped back
    rules_decide: bool  # the rules' direction stands: a negated cue, a claim only of when

    def final(self, rule: str, label: str) -> str:
        """The claim's direction from the rules' and the model's verdict on this input."""
        if self.rules_decide:
            return rule
        return FLIP[label] if self.bet else label


def direction_input(
    quote: str, target: str | None, rule: str, conditional: bool, extractor: PredictionExtractor
) -> DirectionInput:
    """The model reads what a claim says will happen; a falsification bet predicts the opposite
    of its premise, so the rules' verdict goes in and the model's comes out flipped, as the
    rules themselves do. Where the rules read a negated cue (不会回落) their direction stands:
    the model has no notion of a negation's scope (on our held-out quotes the two tie on such
    claims). So does it where one word qualifies another (库存压力将缓解, 地位难以取代, 被华为取代:
    DirectionRules.composed): where they compose the verdict, on the gold quotes of our held-out
    sets and the real pages, they were right more often than the model alone and on no set less
    (`benchmarks/direction_eval.py`, its last columns). A claim only that the
    truth will be known (…就会水落石出), or only of when something is released or where a focus
    moves (将于下周公布财报), keeps the rules' "other"."""
    bet = extractor.scorer.view(extractor.directions.reads(to_simplified(quote))).falsification
    premise = FLIP[rule] if bet else rule
    rules_decide = (
        rule != "other"
        and (
            bet
            or extractor.negated_cue(quote, target)
            or extractor.directions.composed(quote, target)
        )
    ) or (rule == "other" and (extractor.only_resolution(quote) or extractor.only_schedule(quote)))
    row = direction_row(quote, target, premise, conditional, extractor.catalogue)
    return DirectionInput(row, bet, rules_decide)


def gold_direction(gold: dict, extractor: PredictionExtractor) -> tuple[DirectionInput, str, str]:
    """A labelled prediction as the direction model learns and is judged on it: its input, the
    rules' direction, and the gold direction in the model's terms (a bet's premise is flipped)."""
    target = gold.get("target") if gold.get("target") in extractor.catalogue.ids else None
    rule = extractor.direction_of(gold["quote"], target)
    q = direction_input(gold["quote"], target, rule, bool(gold.get("conditional")), extractor)
    return q, rule, FLIP[gold["direction"]] if q.bet else gold["direction"]


class ClaimFilter:
    def __init__(
        self,
        estimator: Any,
        threshold: float,
        direction: Any,
        extractor: PredictionExtractor,
        vectors: bool = False,
        name: str = NAME,
    ) -> None:
        self.estimator = estimator
        self.threshold = threshold
        self.direction = direction
        self.extractor = extractor
        self.vectors = vectors  # whether the filter reads each claim's sentence vector
        self.name = name

    @classmethod
    def load(
        cls, model_dir: Path, extractor: PredictionExtractor, name: str = WITH_VECTORS
    ) -> ClaimFilter:
        """The filter `name` (the claim_model setting) trained into model_dir; a folder holding
        another filter, or one trained for other columns, is refused with the command that
        rebuilds the one asked for."""
        if name not in MODELS:
            raise UnknownModelError(f"no claim filter {name!r}; use one of {', '.join(MODELS)}")
        meta = modelio.meta(model_dir)
        if meta.get("name", name) != name:
            raise UnknownModelError(
                f"{model_dir} holds {meta['name']}, not {name}: set claim_model = "
                f"{meta['name']!r}, or train it: duokong train --model {name}"
            )
        models = modelio.load(model_dir, name)
        threshold = float(meta.get("threshold", 0.5))
        vectors = name == WITH_VECTORS
        # A model trained before a change of columns (claims without a target got their own,
        # the claim's place in its article, the sentence vector) reads the wrong ones: refuse
        # it by name rather than fail deep inside scikit-learn.
        for part, columns in (("keep", claim_width(vectors)), ("direction", DIRECTION_COLUMNS)):
            width = getattr(models[part], "n_features_in_", None)
            if width != columns:
                raise UnknownModelError(
                    f"{model_dir}: its {part} model reads {width} columns, this duokong gives "
                    f"{columns}; retrain it: duokong train --model {name}"
                )
        return cls(models["keep"], threshold, models["direction"], extractor, vectors, name)

    def scored(
        self, predictions: list[Prediction], contexts: Contexts
    ) -> list[tuple[list[Prediction], float]]:
        """The candidates grouped by quote, each with the filter's probability that it is a
        prediction worth keeping (keep applies the threshold; benchmarks try other policies)."""
        groups = by_quote(predictions)
        if not groups:
            return []
        rows = claim_rows(groups, contexts, self.extractor, self.vectors)
        scores = self.estimator.predict_proba(rows)[:, 1]
        return [(g, float(s)) for g, s in zip(groups, scores, strict=True)]

    def keep(self, predictions: list[Prediction], contexts: Contexts) -> list[Prediction]:
        kept = [p for g, s in self.scored(predictions, contexts) if s >= self.threshold for p in g]
        return self.directed(kept)

    def directed(self, predictions: list[Prediction]) -> list[Prediction]:
        """The predictions with the direction model's verdict (direction_input says when)."""
        if not predictions:
            return predictions
        inputs = [
            direction_input(p.quote, p.target, p.direction, p.conditional, self.extractor)
            for p in predictions
        ]
        finals = self.final_directions(inputs, [p.direction for p in predictions])
        return [replace(p, direction=d) for p, d in zip(predictions, finals, strict=True)]

    def final_directions(self, inputs: list[DirectionInput], rules: list[str]) -> list[str]:
        """The shipped direction of each claim: the model's verdict on its input, or the rules'
        where the input says they stand."""
        labels = self.direction.predict(np.array([i.row for i in inputs], dtype=object))
        return [i.final(r, str(d)) for i, r, d in zip(inputs, rules, labels, strict=True)]

    def model_directions(self, inputs: list[DirectionInput]) -> list[str]:
        """The model's verdict alone on each claim (a bet's flipped back), where the rules stand
        too: what benchmarks/direction_eval.py sets against the rules to show they should."""
        if not inputs:
            return []
        labels = self.direction.predict(np.array([i.row for i in inputs], dtype=object))
        return [FLIP[str(d)] if i.bet else str(d) for i, d in zip(inputs, labels, strict=True)]


def gold_directions(golds: list[dict], flt: ClaimFilter) -> list[tuple[str, str]]:
    """(the rules' direction, the shipped direction) of labelled claims read as they stand, with
    their gold target: the direction reader measured apart from finding the claims."""
    if not golds:
        return []
    read = [gold_direction(g, flt.extractor) for g in golds]
    rules = [rule for _, rule, _ in read]
    return list(zip(rules, flt.final_directions([q for q, _, _ in read], rules), strict=True))


# example id, candidates grouped by quote, where each quote sits, gold quotes
Candidates = list[tuple[str, list[list[Prediction]], Contexts, list[dict]]]


def plateau_middle(f1_at: dict[float, float]) -> float:
    """The median of the thresholds whose F1 is within PLATEAU of the best (the lower middle
    when their count is even): the arg-max of a flat curve is noise."""
    top = max(f1_at.values())
    near = sorted(t for t, f in f1_at.items() if f >= top - PLATEAU)
    return near[(len(near) - 1) // 2]


def score_at(
    cands: Candidates, probs: dict[tuple[str, int], float], threshold: float
) -> PredictionScore:
    """Quote-level figures of the candidates whose probability (by example id and place among
    its quotes) reaches the threshold, against each example's gold quotes."""
    score = PredictionScore()
    for ex_id, groups, _, gold in cands:
        kept = [p for k, g in enumerate(groups) if probs[(ex_id, k)] >= threshold for p in g]
        score.add(gold, kept)
    return score


def candidate_keys(cands: Candidates) -> list[tuple[str, int]]:
    """(example id, place among its quotes) of every candidate, in claim_rows' order."""
    return [(ex_id, k) for ex_id, groups, _, _ in cands for k in range(len(groups))]


def candidate_labels(cands: Candidates) -> np.ndarray:
    """1 for a candidate that overlaps one of its example's gold quotes, else 0."""
    return np.array(
        [
            int(any(overlaps(g[0].quote, q["quote"]) for q in gold))
            for _, groups, _, gold in cands
            for g in groups
        ]
    )


@dataclass
class CrossValidated:
    """Out-of-fold figures of a filter over shuffled 5-fold splits grouped by article: with
    every candidate kept, and at each of THRESHOLDS."""

    unfiltered: list[PredictionScore]
    curves: list[dict[float, PredictionScore]]

    def mean(self, figure: str, threshold: float | None = None) -> float:
        """A figure's mean over the splits, at a threshold (None: every candidate kept)."""
        scores = self.unfiltered if threshold is None else [c[threshold] for c in self.curves]
        return round(statistics.fmean(getattr(s, figure) for s in scores), 3)

    def f1_by_threshold(self) -> dict[float, float]:
        return {t: self.mean("f1", t) for t in THRESHOLDS}


def cross_validate(
    cands: Candidates, rows: np.ndarray, y: np.ndarray, estimator: Any, repeats: int
) -> CrossValidated:
    """`estimator` (unfitted; cloned for each fold) over `repeats` shuffled 5-fold splits grouped
    by article: one split's F1 curve has bumps as large as the differences it decides."""
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold

    keys = candidate_keys(cands)
    groups_of = [k[0] for k in keys]
    result = CrossValidated([], [])
    for seed in range(repeats):
        folds = GroupKFold(n_splits=5, shuffle=True, random_state=seed)
        oof = np.zeros(len(rows))
        for train, test in folds.split(rows, y, groups_of):
            model = clone(estimator).fit(rows[train], y[train])
            oof[test] = model.predict_proba(rows[test])[:, 1]
        probs = dict(zip(keys, oof, strict=True))
        result.unfiltered.append(score_at(cands, probs, 0.0))
        result.curves.append({t: score_at(cands, probs, t) for t in THRESHOLDS})
    return result


# example id, row, gold direction, whether the rules' verdict stands (a negated cue)
DirectionRows = list[tuple[str, list[object], str, bool]]


def train_direction(rows: DirectionRows, progress: Callable[[str], None]) -> tuple[Any, dict]:
    """Fit on the gold prediction quotes; report 5-fold accuracy grouped by article of what
    ships (the model, the rules where they read a negated cue), against the rules alone."""
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold

    X = np.array([r for _, r, _, _ in rows], dtype=object)
    y = np.array([d for _, _, d, _ in rows])
    groups = [ex_id for ex_id, _, _, _ in rows]
    rule = np.where(X[:, 1] == 1.0, "up", np.where(X[:, 2] == 1.0, "down", "other"))
    rules_stand = np.array([stands for *_, stands in rows])
    progress(f"direction: {len(y)} gold quotes; cross-validating")
    oof = np.empty(len(y), dtype=object)
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        oof[test] = clone(build_direction_estimator()).fit(X[train], y[train]).predict(X[test])
    estimator = build_direction_estimator().fit(X, y)
    shipped = np.where(rules_stand, rule, oof)
    figures = {
        "direction_quotes": len(y),
        "direction_cv_accuracy": round(float((shipped == y).mean()), 3),
        "direction_cv_accuracy_model_alone": round(float((oof == y).mean()), 3),
        "direction_rules_accuracy": round(float((rule == y).mean()), 3),
    }
    return estimator, figures


def train_claims(
    cands: Candidates,
    direction_rows: DirectionRows,
    extractor: PredictionExtractor,
    out_dir: Path,
    progress: Callable[[str], None],
    name: str = NAME,
) -> dict:
    """Fit on every candidate of our labelled examples (label: overlaps a gold quote); pick the
    threshold in the middle of the near-best plateau of quote-level F1 in 5-fold cross-validation
    grouped by article, averaged over CV_REPEATS shuffled splits (plateau_middle).
    Then the direction model, on the gold quotes."""
    vectors = name == WITH_VECTORS
    if vectors:
        progress(f"claims: reading {len(candidate_keys(cands))} candidates' sentence vectors")
    rows = np.concatenate(
        [claim_rows(groups, where, extractor, vectors) for _, groups, where, _ in cands]
        or [np.empty((0, claim_width(vectors)), dtype=object)]
    )
    y = candidate_labels(cands)
    progress(f"claims: {len(rows)} candidates, {int(y.sum())} match a gold quote; cross-validating")
    cv = cross_validate(cands, rows, y, build_estimator(vectors), CV_REPEATS)
    f1_at = cv.f1_by_threshold()
    best = plateau_middle(f1_at)
    progress("claims: fitting on all candidates")
    estimator = build_estimator(vectors).fit(rows, y)
    direction, direction_figures = train_direction(direction_rows, progress)
    meta = {
        "threshold": best,
        "candidates": len(rows),
        "positives": int(y.sum()),
        "cv_f1_unfiltered": cv.mean("f1"),
        "cv_f1": f1_at[best],
        "cv_f1_by_threshold": {str(t): f for t, f in f1_at.items()},
        "cv_precision": cv.mean("precision", best),
        "cv_recall": cv.mean("recall", best),
        **direction_figures,
    }
    meta[VECTORS_KEY] = vectors
    modelio.save({"keep": estimator, "direction": direction}, out_dir, name, meta)
    return meta
