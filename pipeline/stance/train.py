"""`duokong train`: fit a stance model from the labelled examples in the repository.

The shipped models are trained only from data/labelled/stance (written by us), so a fresh clone
reproduces them exactly; training also reports a cross-validated macro-F1 on those examples,
which the model card quotes next to the figures on real pages measured by `duokong eval`.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.nlp import ChineseNLP
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.staging import writable_folder
from pipeline.stance.dataset import (
    DIRECTION_TRAIN,
    Example,
    check_targets,
    load_direction_clauses,
)
from pipeline.stance.views import mentioned_targets, target_view
from pipeline.targets import Catalogue

log = logging.getLogger(__name__)
TRAINABLE = ("linear.v1", "linear.v2", "transformer.v1", "claims.v3", "claims.v2")
Progress = Callable[[str], None]
FOLDS = 5  # the linear models' cross-validation, by article


@dataclass(frozen=True)
class TrainingSet:
    """(article, target) pairs the models learn from: labelled bullish/bearish/neutral and named
    in the text. A labelled target the catalogue cannot find is skipped and counted, because
    no model would ever be asked about it."""

    items: list[tuple[Example, Any, str, str]]  # example, AnalysisInput, target, label
    skipped_unmentioned: int

    @property
    def labels(self) -> list[str]:
        return [label for *_, label in self.items]

    @property
    def groups(self) -> list[str]:
        return [ex.id for ex, *_ in self.items]

    @property
    def short(self) -> np.ndarray:
        """Which pairs come from texts under linear.SHORT_CHARS: the posts model's."""
        from pipeline.stance.linear import is_short

        return np.array([is_short(item) for _, item, _, _ in self.items], dtype=bool)

    def articles(self) -> TrainingSet:
        """The pairs the article model learns from (texts of linear.SHORT_CHARS or more): what
        an experiment that fits one model and reads long pages with it should fit on. Its
        skipped_unmentioned stays the whole set's count (the skipped pairs are not kept)."""
        kept = [it for it, short in zip(self.items, self.short, strict=True) if not short]
        return TrainingSet(kept, self.skipped_unmentioned)


def training_set(examples: list[Example], catalogue: Catalogue, nlp: ChineseNLP) -> TrainingSet:
    items, skipped = [], 0
    for ex in examples:
        item = ex.analysis_input(nlp)
        named = mentioned_targets(item, catalogue)
        for target, label in ex.labels.items():
            if label == "none" or target not in catalogue.by_id:
                continue
            if target not in named:
                skipped += 1
                continue
            items.append((ex, item, target, label))
    return TrainingSet(items, skipped)


def cross_validate_linear(
    rows: np.ndarray,
    labels: list[str],
    groups: list[str],
    encoded: bool = False,
    short: np.ndarray | None = None,
) -> dict:
    """5-fold macro-F1 with all targets of one article in the same fold (no leakage), each fold
    fitted and read by length as the shipped pair is (linear.fit_by_length); `short` marks the
    rows of short texts (none: every row is an article's). The short rows' own figure says what
    the posts model does, which the article pages would drown in the overall one."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from pipeline.stance.linear import fit_by_length, probabilities_by_length

    y = np.array(labels)
    short = np.zeros(len(y), dtype=bool) if short is None else short
    classes = np.array(sorted(set(labels)))
    held_out = np.zeros((len(y), len(classes)))
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, y, groups):
        models = fit_by_length(rows[train], y[train], short[train], encoded)
        held_out[test] = probabilities_by_length(models, rows[test], short[test], classes)
    predicted = classes[held_out.argmax(axis=1)]
    figures = {
        "cv_macro_f1": round(float(f1_score(y, predicted, average="macro")), 3),
        "cv_per_class_f1": {
            lab: round(float(f), 3)
            for lab, f in zip(
                ("bullish", "bearish", "neutral"),
                f1_score(y, predicted, labels=["bullish", "bearish", "neutral"], average=None),
                strict=True,
            )
        },
    }
    if short.any():
        figures["cv_short_macro_f1"] = round(
            float(f1_score(y[short], predicted[short], average="macro")), 3
        )
    figures.update(temperatures_from(held_out, np.searchsorted(classes, y), short))
    return figures


def temperatures_from(held_out: np.ndarray, truth: np.ndarray, short: np.ndarray) -> dict:
    """Each model's temperature fitted on its own rows' cross-validated probabilities, and the
    mean score of its labels before and after beside the share right (calibration.py)."""
    from pipeline.stance.calibration import fit_temperature, tempered
    from pipeline.stance.linear import ARTICLE_MODEL, POST_MODEL, TEMPERATURE_KEY

    temperatures, report = {}, {}
    for key, rows in ((ARTICLE_MODEL, ~short), (POST_MODEL, short)):
        if not rows.any():
            continue
        t = fit_temperature(held_out[rows], truth[rows])
        temperatures[key] = t
        right = held_out[rows].argmax(axis=1) == truth[rows]
        report[key] = {
            "temperature": t,
            "mean_score_untempered": round(float(held_out[rows].max(axis=1).mean()), 3),
            "mean_score": round(float(tempered(held_out[rows], t).max(axis=1).mean()), 3),
            "share_right": round(float(right.mean()), 3),
        }
    return {TEMPERATURE_KEY: temperatures, "cv_calibration": report}


def train_linear(
    data: TrainingSet,
    settings: Settings,
    catalogue: Catalogue,
    out_dir: Path,
    progress: Progress,
    name: str = "linear.v1",
) -> dict:
    from pipeline.stance import linear
    from pipeline.stance.encoder import shared_encoder
    from pipeline.stance.features import FeatureBuilder

    encoded = name == linear.NAME_V2
    trained_on = sorted({target for _, _, target, _ in data.items})
    features = FeatureBuilder.from_settings(
        settings, catalogue, shared_encoder() if encoded else None, trained_on=trained_on
    )
    prior = None
    if encoded:
        progress("reading the training sentences with the encoder (about 43 a second)")
        prior = features.learn_prior([(item, target) for _, item, target, _ in data.items])
    progress(f"building features for {len(data.items)} (article, target) pairs")
    rows = []
    for k, (_, item, target, _) in enumerate(data.items, 1):
        rows.append(features.row(item, target))
        if k % 500 == 0:
            progress(f"  {k} of {len(data.items)} pairs")
    rows = np.array(rows, dtype=object)
    short = data.short
    progress(
        f"cross-validating (5 folds, grouped by article; {int(short.sum())} pairs from texts "
        f"under {linear.SHORT_CHARS} characters)"
    )
    figures = cross_validate_linear(rows, data.labels, data.groups, encoded, short)
    progress("fitting the article and posts models on all examples")
    models = linear.fit_by_length(rows, np.array(data.labels), short, encoded)
    meta = _meta(data, figures)
    meta["short_chars"] = linear.SHORT_CHARS
    meta[linear.TRAINED_ON_KEY] = trained_on
    meta["pairs_by_model"] = (
        {linear.ARTICLE_MODEL: int((~short).sum()), linear.POST_MODEL: int(short.sum())}
        if models[linear.ARTICLE_MODEL] is not models[linear.POST_MODEL]
        else {"one model for both": len(short)}
    )
    if prior is not None:
        meta[linear.PRIOR_KEY] = [round(float(v), 6) for v in prior]
    linear.save(models, out_dir, meta, name)
    return meta


def train_transformer(
    data: TrainingSet,
    catalogue: Catalogue,
    out_dir: Path,
    base: Path | None,
    epochs: int,
    progress: Progress,
    lr: float | None = None,
) -> dict:
    from pipeline.stance import transformer

    if base is None:
        raise ValueError(
            "transformer.v1 fine-tunes an encoder from a local directory: pass --base DIR "
            "(for example a Chinese RoBERTa downloaded with its tokenizer)"
        )
    views = [target_view(item, target, catalogue) for _, item, target, _ in data.items]
    options = {"lr": lr} if lr is not None else {}
    stats = transformer.fit(
        views,
        data.labels,
        base,
        out_dir,
        epochs=epochs,
        progress=progress,
        calibration_share=transformer.CALIBRATION_SHARE,
        groups=data.groups,
        **options,
    )
    return {**_meta(data, {}), **stats}


def train_claim_filter(
    examples: list[Example], settings: Settings, out_dir: Path, progress: Progress, name: str
) -> dict:
    """The prediction filter and direction model learn from the prediction quotes of the same
    examples: the filter from the rules' candidates, the direction from the gold quotes with
    the direction the rules give them, and from the repository's direction clauses
    (dataset.DIRECTION_TRAIN)."""
    from pipeline.analyze import Analyzer
    from pipeline.claims import by_quote, gold_direction, train_claims

    check_gold_predictions(examples, name)
    analyzer = Analyzer(settings.with_overrides(claim_model=""))
    extractor = analyzer.predictor
    cands, directions = [], []
    for ex in examples:
        item = ex.analysis_input(analyzer.nlp)
        found, contexts = extractor.candidates_in_context(item.article, item.sentences)
        cands.append((ex.id, by_quote(found), contexts, ex.predictions))
        for g in ex.predictions:
            # Learned in the terms of a bet's premise, as ClaimFilter.directed reads it.
            q, _, said = gold_direction(g, extractor)
            directions.append((ex.id, q.row, said, q.rules_decide))
    for g in load_direction_clauses(PROJECT_ROOT / DIRECTION_TRAIN, analyzer.catalogue.ids):
        q, _, said = gold_direction(g, extractor)
        directions.append((g["id"], q.row, said, q.rules_decide))
    return {
        "trained": date.today().isoformat(),
        **train_claims(cands, directions, extractor, out_dir, progress, name),
    }


def check_gold_predictions(examples: list[Example], name: str) -> None:
    """The filter learns which candidates are gold predictions: with none labelled it failed
    after reading every example, in scikit-learn's words (needs samples of 2 classes)."""
    if not any(ex.predictions for ex in examples):
        raise ValueError(
            f"{name} learns from the gold predictions of labelled examples, and none of the "
            f"{len(examples)} given has any; label their predictions (a predictions list of "
            "quotes), or give data/labelled/stance"
        )


def _meta(data: TrainingSet, figures: dict) -> dict:
    return {
        "trained": date.today().isoformat(),
        "examples": len({ex.id for ex, *_ in data.items}),
        "pairs": len(data.items),
        "labels": dict(Counter(data.labels)),
        "skipped_unmentioned": data.skipped_unmentioned,
        **figures,
    }


def train(
    name: str,
    settings: Settings,
    examples: list[Example],
    catalogue: Catalogue,
    out_dir: Path | None = None,
    base: Path | None = None,
    epochs: int = 3,
    progress: Progress = log.info,
    lr: float | None = None,
) -> dict:
    if name not in TRAINABLE:
        raise ValueError(f"{name!r} cannot be trained; trainable models: {', '.join(TRAINABLE)}")
    started = time.perf_counter()
    out = writable_folder(out_dir or settings.model_dir(name))  # before minutes of training
    if name.startswith("claims."):
        meta = train_claim_filter(examples, settings, out, progress, name)
        meta["seconds"] = round(time.perf_counter() - started, 1)
        meta["out"] = str(out)
        return meta
    check_targets(examples, catalogue.ids)
    nlp = ChineseNLP(catalogue, settings.path("userdict"))
    data = training_set(examples, catalogue, nlp)
    if len(set(data.labels)) < 3:
        raise ValueError(
            f"training needs bullish, bearish and neutral examples; got {dict(Counter(data.labels))}"
        )
    if name.startswith("linear.") and len(set(data.groups)) < FOLDS:
        raise ValueError(
            f"{name} is cross-validated in {FOLDS} folds of whole articles: give at least "
            f"{FOLDS} labelled articles naming their targets, got {len(set(data.groups))}"
        )
    if name.startswith("linear."):
        meta = train_linear(data, settings, catalogue, out, progress, name)
    else:
        meta = train_transformer(data, catalogue, out, base, epochs, progress, lr)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    meta["out"] = str(out)
    return meta
