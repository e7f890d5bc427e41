"""Would a sentence-level reader of the author's evidence help the article judgement? Measured.

    .venv/bin/python benchmarks/stance_evidence.py [--runs 3] [--drop 0.03]

The experiment behind the model card's "what limits it": our labelled examples name the
sentences that carry the author's view of each target (`evidence`). A sentence classifier learns
from them, on every sentence of the target view (views.py), whether it is bullish, bearish or
neutral evidence or plain text (the other sentences), and its probabilities, aggregated over the
view, become extra columns of linear.v1. For the training rows the sentence model is fitted
out of fold (5 folds grouped by article), so the article model never sees probabilities of
sentences the sentence model was trained on.

Printed, for each variant and each refit leaving 3 % of the articles out (as in stability.py):
macro-F1 NVIDIA / DeepSeek on our held-out stance-dev examples and, where ../shared is present,
on the real pages. Also the length of the target views each set gives the model. Throwaway
models only: nothing is saved.
"""

from __future__ import annotations

import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.refits import kept_articles, macro_per_target, refit_parser  # noqa: E402
from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.learn import logistic_exact, with_classifier  # noqa: E402
from pipeline.scoring import overlaps  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.stance.dataset import default_training_paths, load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases, example_cases  # noqa: E402
from pipeline.stance.features import FeatureBuilder  # noqa: E402
from pipeline.stance.linear import C as ARTICLE_C  # noqa: E402
from pipeline.stance.linear import feature_columns  # noqa: E402
from pipeline.stance.train import training_set  # noqa: E402
from pipeline.stance.views import mentioned_targets, view_sentences  # noqa: E402
from pipeline.targets import Catalogue  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
SENTENCE_CLASSES = (
    "ev_bearish",
    "ev_bullish",
    "ev_neutral",
    "plain",
)  # sorted, as sklearn has them
SENTENCE_C = 10.0
# Aggregates of the sentence probabilities over a view: max bull/bear/neutral, their means, and
# tanh-squashed sums (bull − bear, bull, bear, neutral).
AGGREGATES = 10
VARIANTS = {
    "shipped features": [],
    "+ evidence means": [3, 4, 5],
    "+ all ten aggregates": list(range(AGGREGATES)),
}


def sentence_rows(features: FeatureBuilder, item, target: str) -> list[list[object]]:
    n = max(len(item.sentences), 1)
    return [
        [*features.sentence_row(item.sentences[i].text, target), i / n, float(i >= n - 3)]
        for i in view_sentences(item, target)
    ]


def sentence_estimator():
    """linear.v1's columns over a sentence row, with its position as two more dense columns."""
    from sklearn.compose import ColumnTransformer

    columns = ColumnTransformer(feature_columns(FeatureBuilder.DENSE + 2))
    return with_classifier(columns, logistic_exact(SENTENCE_C))


def article_estimator(extra: int):
    from sklearn.compose import ColumnTransformer

    parts = feature_columns()
    if extra:
        dense = 2 + FeatureBuilder.DENSE
        parts.append(("evidence", "passthrough", list(range(dense, dense + extra))))
    return with_classifier(ColumnTransformer(parts), logistic_exact(ARTICLE_C))


def aggregate(probs: np.ndarray) -> list[float]:
    if len(probs) == 0:
        return [0.0] * AGGREGATES
    bear, bull, neu = probs[:, 0], probs[:, 1], probs[:, 2]
    return [
        bull.max(),
        bear.max(),
        neu.max(),
        bull.mean(),
        bear.mean(),
        neu.mean(),
        math.tanh((bull - bear).sum() / 2),
        math.tanh(bull.sum() / 2),
        math.tanh(bear.sum() / 2),
        math.tanh(neu.sum() / 2),
    ]


def evidence_label(text: str, evidence: list[str], label: str) -> str:
    return f"ev_{label}" if any(overlaps(text, e) for e in evidence) else "plain"


class Rows:
    """Article rows (shipped features), evidence aggregates, gold (target, label) per pair."""

    def __init__(self) -> None:
        self.articles: list[list[object]] = []
        self.evidence: list[list[float]] = []
        self.gold: list[tuple[str, str]] = []
        self.view_chars: list[int] = []

    def matrix(self, chosen: list[int]) -> np.ndarray:
        return np.array(
            [a + [e[i] for i in chosen] for a, e in zip(self.articles, self.evidence, strict=True)],
            dtype=object,
        )

    def macro(self, model, chosen: list[int]) -> str:
        return macro_per_target(self.gold, model.predict(self.matrix(chosen)))


def training_rows(data, features: FeatureBuilder) -> tuple[Rows, object]:
    """Article rows with out-of-fold evidence aggregates, and the sentence model fitted on all."""
    from sklearn.model_selection import GroupKFold

    rows = Rows()
    sent_x, sent_y, sent_group, sent_pair = [], [], [], []
    for k, (ex, item, target, label) in enumerate(data.items):
        rows.articles.append(features.row(item, target))
        rows.gold.append((target, label))
        rows.view_chars.append(len(rows.articles[-1][1]))
        evidence = ex.evidence.get(target, [])
        pairs = zip(
            view_sentences(item, target), sentence_rows(features, item, target), strict=True
        )
        for i, r in pairs:
            sent_x.append(r)
            sent_y.append(evidence_label(item.sentences[i].text, evidence, label))
            sent_group.append(ex.id)
            sent_pair.append(k)
    x, y, pair = np.array(sent_x, dtype=object), np.array(sent_y), np.array(sent_pair)
    print(f"sentence model: {len(y)} view sentences, {dict(sorted(Counter(y).items()))}")
    out_of_fold = np.zeros((len(y), len(SENTENCE_CLASSES)))
    for train, test in GroupKFold(n_splits=5).split(x, y, sent_group):
        out_of_fold[test] = sentence_estimator().fit(x[train], y[train]).predict_proba(x[test])
    rows.evidence = [aggregate(out_of_fold[pair == k]) for k in range(len(data.items))]
    return rows, sentence_estimator().fit(x, y)


def held_out_rows(cases, features: FeatureBuilder, sentence_model) -> Rows:
    rows = Rows()
    for case in cases:
        if case.item is None:
            continue
        named = mentioned_targets(case.item, features.catalogue)
        for target, label in case.gold.items():
            if label == "none" or target not in named:
                continue
            rows.articles.append(features.row(case.item, target))
            rows.gold.append((target, label))
            rows.view_chars.append(len(rows.articles[-1][1]))
            sents = sentence_rows(features, case.item, target)
            probs = sentence_model.predict_proba(np.array(sents, dtype=object)) if sents else []
            rows.evidence.append(aggregate(np.asarray(probs)))
    return rows


def main() -> None:
    args = refit_parser(__doc__).parse_args()
    started = time.perf_counter()
    settings = load_settings()
    catalogue = Catalogue.load(settings.path("targets_file"))
    analyzer = Analyzer(settings)
    features = FeatureBuilder.from_settings(settings, catalogue)
    data = training_set(
        load_examples(default_training_paths("linear.v1", PROJECT_ROOT)), catalogue, analyzer.nlp
    ).articles()
    train, sentence_model = training_rows(data, features)
    dev_examples = load_examples([PROJECT_ROOT / "data" / "labelled" / "stance-dev"])
    held_out = {
        "stance-dev": held_out_rows(example_cases(dev_examples, analyzer), features, sentence_model)
    }
    if (COMMENTARY / "labels.jsonl").is_file():
        held_out["real pages"] = held_out_rows(
            commentary_cases(COMMENTARY, analyzer), features, sentence_model
        )
    else:
        print(f"({COMMENTARY} is absent: real pages are not scored)")
    print("\ncharacters of the target view, percentiles 25 / 50 / 75")
    for name, rows in {"training": train, **held_out}.items():
        q = np.percentile(rows.view_chars, [25, 50, 75]).round().astype(int)
        print(f"  {name:<12}{len(rows.view_chars):>6} pairs   {q[0]} / {q[1]} / {q[2]}")
    print("\nlinear.v1 macro-F1 NVIDIA / DeepSeek")
    print(f"{'variant':<24}{'run':>4}" + "".join(f"{name:>18}" for name in held_out))
    y, groups = np.array([label for _, label in train.gold]), np.array(data.groups)
    for variant, chosen in VARIANTS.items():
        x = train.matrix(chosen)
        for run in range(args.runs):
            keep = kept_articles(groups, run, args.drop)
            model = article_estimator(len(chosen)).fit(x[keep], y[keep])
            cells = "".join(f"{rows.macro(model, chosen):>18}" for rows in held_out.values())
            print(f"{variant:<24}{run:>4}{cells}", flush=True)
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
