"""linear.v1 and linear.v2: logistic regression over what the author writes around each target.

Inputs per (article, target), built by `features.row`: the jieba tokens and the characters of
the target view (views.py, target names masked so one model serves every target), plus the
lexicon classifier's cue sums as dense features, so the model starts from what the rules know
and learns where to trust them. `none` is decided by mention, as in every backend.

linear.v2 reads the same columns and, after them, the mean vector of the view's sentences from
a pretrained multilingual encoder read frozen (encoder.py): standardised, then weighed by
ENCODER_WEIGHT, which sets how far the model may lean on them against the n-grams.

Each is two models of that shape, chosen by the length of the text: one for articles and one
for posts. A one-line post (英伟达的股价会涨) reads nothing like an article, and the article model,
which never saw one, read half the bullish one-liners as bearish; taught the posts as well, it lost
NVIDIA on long pages. So each model learns from and reads the texts of its own length: the article
model those of SHORT_CHARS characters or more, the posts model the rest.

A stance's score is its label's probability divided down by the model's temperature, fitted at
training on cross-validated probabilities and kept in duokong.json (calibration.py): the fits
are surer than right, and a user filtering on the score should get what it says.

The artifact is a dict of plain scikit-learn Pipelines saved with skops (no pickle, see modelio.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import modelio
from pipeline.errors import UnknownModelError
from pipeline.learn import hashed_tfidf, logistic_exact, with_classifier
from pipeline.nlp import to_simplified
from pipeline.records import Stance
from pipeline.settings import Settings
from pipeline.stance.base import AnalysisInput
from pipeline.stance.calibration import tempered
from pipeline.stance.encoder import DIM, shared_encoder
from pipeline.stance.features import FeatureBuilder
from pipeline.stance.registry import register
from pipeline.stance.views import first_mentions, mentioned_targets, sentences_naming
from pipeline.targets import Catalogue

NAME = "linear.v1"
NAME_V2 = "linear.v2"
PRIOR_KEY = "encoder_prior"  # in duokong.json: the training sentences' mean encoder vector
TEMPERATURE_KEY = "temperature"  # in duokong.json: each model's, {"article": …, "post": …}
TRAINED_ON_KEY = "trained_on"  # in duokong.json: the targets it learnt from (FeatureBuilder)
LABELS = ("bullish", "bearish", "neutral")
ARTIFACT = modelio.ARTIFACT
EVIDENCE_MAX = 3
# Inverse regularisation: cross-validated macro-F1 0.723 at C = 1, 0.768 at 5, 0.774 at 20,
# 0.778 at 60, 0.782 at 200, where held-out figures start to scatter; 60 is where the rise flattens.
C = 60.0
# The encoder columns' weight after standardising, with features.PRIOR_SENTENCES, chosen on our
# own yardsticks only (cross-validation, data/labelled/stance-dev, the short posts of
# tests/test_stance.py, the sample pages; never the real pages): at 0.1 stance-dev gains most
# (0.808 / 0.764) but one-line posts fall to 17 of 22 (linear.v1: 19); at 0.05 with two prior
# sentences cross-validation 0.775, stance-dev 0.791 / 0.756, short posts 20 of 22.
ENCODER_WEIGHT = 0.05
# Texts shorter than this many characters (whitespace aside) go to the posts model. Every labelled
# post is under 70 characters, and 10 of our 1,416 articles are under 80 (median 352); no real page
# of ../shared/eval/commentary comes near it.
SHORT_CHARS = 80
ARTICLE_MODEL, POST_MODEL = "article", "post"

log = logging.getLogger(__name__)


def build_estimator(encoded: bool = False):  # -> sklearn.pipeline.Pipeline
    """Tokens (uni+bigrams), characters (2–3-grams) and the dense lexicon columns (and, encoded,
    the encoder's), weighed by one class-balanced logistic regression fitted exactly
    (pipeline/learn.py): neutral dominates real commentary, and a model that ignores the
    minority classes is worthless for finding bulls and bears."""
    from sklearn.compose import ColumnTransformer
    from sklearn.preprocessing import StandardScaler

    parts = feature_columns()
    if not encoded:
        return with_classifier(ColumnTransformer(parts), logistic_exact(C))
    first = 2 + FeatureBuilder.DENSE
    parts.append(("encoder", StandardScaler(), list(range(first, first + DIM))))
    columns = ColumnTransformer(parts, transformer_weights={"encoder": ENCODER_WEIGHT})
    return with_classifier(columns, logistic_exact(C))


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


def is_short_text(text: str) -> bool:
    """What picks the model: the text's characters, whitespace aside, against SHORT_CHARS."""
    return len("".join(text.split())) < SHORT_CHARS


def is_short(item: AnalysisInput) -> bool:
    return is_short_text(item.article.body)


def fit_by_length(rows: np.ndarray, labels: np.ndarray, short: np.ndarray, encoded: bool) -> dict:
    """Each model from the texts it will read: the article model from the rows of long texts,
    the posts model from the rows of short ones. Taught the articles as well, the posts model
    read the held-out posts worse (linear.v2 DeepSeek 0.804 → 0.688, benchmarks/short_posts.py):
    a one-liner's encoder columns and n-grams mean something else in an article. Where either
    side lacks a class, one model fitted on every row reads both."""
    classes = set(labels)
    if set(labels[short]) != classes or set(labels[~short]) != classes:
        if short.any():
            log.warning(
                "the texts under %d characters or the longer ones lack a class; one model "
                "reads both",
                SHORT_CHARS,
            )
        both = build_estimator(encoded).fit(rows, labels)
        return {ARTICLE_MODEL: both, POST_MODEL: both}
    return {
        ARTICLE_MODEL: build_estimator(encoded).fit(rows[~short], labels[~short]),
        POST_MODEL: build_estimator(encoded).fit(rows[short], labels[short]),
    }


def predict_by_length(models: dict, rows: np.ndarray, short: np.ndarray) -> np.ndarray:
    """Each row's label from the model its text's length picks."""
    out = np.empty(len(rows), dtype=object)
    for key, mask in ((ARTICLE_MODEL, ~short), (POST_MODEL, short)):
        if mask.any():
            out[mask] = models[key].predict(rows[mask])
    return out


def probabilities_by_length(
    models: dict, rows: np.ndarray, short: np.ndarray, classes: np.ndarray
) -> np.ndarray:
    """Each row's class probabilities, one column per label of `classes`, from the model its
    text's length picks, untempered: what a temperature is fitted on. A label the model never
    learnt (a fold of a small training set without it) gets probability 0."""
    out = np.zeros((len(rows), len(classes)))
    for key, mask in ((ARTICLE_MODEL, ~short), (POST_MODEL, short)):
        if mask.any():
            columns = np.searchsorted(classes, models[key].classes_)
            out[np.ix_(np.flatnonzero(mask), columns)] = models[key].predict_proba(rows[mask])
    return out


def save(models: dict, out_dir: Path, meta: dict[str, Any], name: str = NAME) -> None:
    modelio.save(models, out_dir, name, meta)


def load(model_dir: Path, trusted: list[str] | None = None, name: str = NAME) -> Any:
    return modelio.load(model_dir, name, trusted)


class LinearStance:
    def __init__(
        self,
        models: Any,
        features: FeatureBuilder,
        name: str = NAME,
        temperatures: dict[str, float] | None = None,
    ) -> None:
        """`models`: {"article": ..., "post": ...}, or one estimator for both (a model trained
        before the split, which reads every text alike). `temperatures`: each model's, from
        training (calibration.py); a model trained before them reads its probabilities as
        they come (1.0)."""
        self.name = name
        self.temperatures = dict(temperatures or {})
        self.models = models if isinstance(models, dict) else {ARTICLE_MODEL: models}
        keys = set(self.models)
        if ARTICLE_MODEL not in keys or not keys <= {ARTICLE_MODEL, POST_MODEL}:
            raise UnknownModelError(
                f"{name}: its file holds the models {sorted(keys)}, where {ARTICLE_MODEL!r} and "
                f"optionally {POST_MODEL!r} belong; retrain it: duokong train --model {name}"
            )
        self.features = features
        self.catalogue = features.catalogue
        classes = {tuple(str(c) for c in m.classes_) for m in self.models.values()}
        if len(classes) != 1:
            raise UnknownModelError(
                f"{name}: its models disagree on the labels ({classes}); retrain it"
            )
        self.classes = list(classes.pop())

    def estimator_for(self, item: AnalysisInput) -> Any:
        return self.models[self._model_key(item)]

    def probabilities(
        self, item: AnalysisInput, targets: list[str], calibrated: bool = True
    ) -> np.ndarray:
        """One row of class probabilities (in `classes` order) per target, all of them named;
        tempered as the scores are, or as the model gives them (calibrated=False: what an
        experiment that shifts log-probabilities reads)."""
        key = self._model_key(item)
        rows = self.features.rows(item, targets)
        if not rows:
            return np.empty((0, len(self.classes)))
        raw = self.models[key].predict_proba(np.array(rows, dtype=object))
        return tempered(raw, self.temperature(key)) if calibrated else raw

    def temperature(self, key: str) -> float:
        """A model's temperature; a posts model fitted on no posts of its own is the article
        model, and takes its temperature too; a model trained before them has none (1.0)."""
        return self.temperatures.get(key, self.temperatures.get(ARTICLE_MODEL, 1.0))

    def _model_key(self, item: AnalysisInput) -> str:
        return POST_MODEL if is_short(item) and POST_MODEL in self.models else ARTICLE_MODEL

    def predict(self, item: AnalysisInput, targets: list[str]) -> list[Stance]:
        in_article = mentioned_targets(item, self.catalogue)
        present = [t for t in targets if t in in_article]
        model = self.estimator_for(item)
        by_target = dict(zip(present, self.probabilities(item, present), strict=True))
        stances = []
        for target in targets:
            if target not in by_target:
                stances.append(Stance(item.article.id, target, "none", 0.99, (), self.name))
                continue
            p = by_target[target]
            k = int(np.argmax(p))
            label = self.classes[k]
            evidence = self._evidence(model, item, target, k)
            stances.append(
                Stance(item.article.id, target, label, round(float(p[k]), 3), evidence, self.name)
            )
        return stances

    def _evidence(self, model: Any, item: AnalysisInput, target: str, k: int) -> tuple[str, ...]:
        """The sentences naming the target that, read alone by the model that judged the text,
        most favour the chosen label, the author's own before those that report another's view
        (分析师认为…, 有人说…: the label is the author's, and a rebuttal's quoted side read
        alone favours the other label); for a neutral label its first mentions (views.py)."""
        if self.classes[k] == "neutral":
            return first_mentions(item, target, EVIDENCE_MAX)
        # Each sentence once: a page that repeats one (a pull quote, a summary box) would
        # otherwise spend two of the three places on it.
        sents = sentences_naming(item, target)
        if not sents:
            return ()
        rows = [self.features.sentence_row(text, target) for text in sents]
        p = model.predict_proba(np.array(rows, dtype=object))[:, k]
        view = self.features.lexicon.scorer.view
        reported = [view(to_simplified(text)).reported for text in sents]
        order = sorted(range(len(sents)), key=lambda i: (reported[i], -p[i]))[:EVIDENCE_MAX]
        return tuple(sents[i] for i in sorted(order))


def temperatures(meta: dict[str, Any], model_dir: Path) -> dict[str, float]:
    """Each model's temperature from a model's duokong.json (none in one trained before them).
    Anything but a positive number is refused: 0 divides by zero, and a negative one would turn
    every label into its opposite."""
    found = {}
    for key, value in (meta.get(TEMPERATURE_KEY) or {}).items():
        t = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if t is None or not np.isfinite(t) or t <= 0:
            raise UnknownModelError(
                f"{model_dir}/duokong.json: temperature of the {key} model is {value!r}, not a "
                f"positive number; retrain the model (duokong train --model {meta.get('name')})"
            )
        found[str(key)] = float(t)
    return found


@register(NAME)
def create(settings: Settings, catalogue: Catalogue) -> LinearStance:
    model_dir = settings.model_dir(NAME)
    estimator = load(model_dir)
    meta = modelio.meta(model_dir)
    features = FeatureBuilder.from_settings(
        settings, catalogue, trained_on=meta.get(TRAINED_ON_KEY)
    )
    return LinearStance(estimator, features, NAME, temperatures(meta, model_dir))


@register(NAME_V2)
def create_v2(settings: Settings, catalogue: Catalogue) -> LinearStance:
    model_dir = settings.model_dir(NAME_V2)
    estimator = load(model_dir, name=NAME_V2)
    prior = modelio.meta(model_dir).get(PRIOR_KEY)
    if not prior or len(prior) != DIM:
        raise UnknownModelError(
            f"{model_dir}: its duokong.json lacks the encoder's prior vector ({PRIOR_KEY}); "
            f"retrain it: duokong train --model {NAME_V2}"
        )
    encoder = shared_encoder()
    features = FeatureBuilder.from_settings(
        settings,
        catalogue,
        encoder,
        np.array(prior, dtype=np.float32),
        trained_on=modelio.meta(model_dir).get(TRAINED_ON_KEY),
    )
    return LinearStance(
        estimator, features, NAME_V2, temperatures(modelio.meta(model_dir), model_dir)
    )
