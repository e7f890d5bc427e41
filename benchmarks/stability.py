"""How much our trained models' figures move when their training data moves a little.

    .venv/bin/python benchmarks/stability.py [--runs 3] [--drop 0.03] [--only stance|claims]
                                             [--shipped-fit-only]

For each fitting method (logistic loss by SGD, which we used first, and the exact L-BFGS fit
that ships), leave out a random 3 % of our labelled articles, retrain, and score on our held-out
stance-dev examples and, where ../shared is present, on the real pages of
../shared/eval/commentary: the stance models (linear.v1, and linear.v2 with the exact fit only;
macro-F1 per target) and the claim
filter (the configured one, claims.v3 by default; prediction quote F1). A model whose figures swing by more than the changes we
want to measure cannot tell us whether a change helped; the spread printed here is that noise.
Models are fitted in memory or written to a temporary folder; the shipped ones are not touched.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import pipeline.claims as claims  # noqa: E402
import pipeline.stance.linear as linear  # noqa: E402
from benchmarks.refits import kept_articles, macro_per_target  # noqa: E402
from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.evaluate import example_predictions, load_gold  # noqa: E402
from pipeline.learn import logistic_exact, logistic_sgd  # noqa: E402
from pipeline.scoring import PredictionScore  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.stance.dataset import default_training_paths, load_examples  # noqa: E402
from pipeline.stance.encoder import shared_encoder  # noqa: E402
from pipeline.stance.evaluate import (  # noqa: E402
    commentary_cases,
    example_cases,
    feature_pairs,
)
from pipeline.stance.features import FeatureBuilder  # noqa: E402
from pipeline.stance.train import train, training_set  # noqa: E402
from pipeline.targets import Catalogue  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
METHODS = {"SGD": lambda c: logistic_sgd(), "exact (shipped)": logistic_exact}


def _pairs(cases, features: FeatureBuilder):
    rows, gold, _ = feature_pairs(cases, features)
    return np.array(rows, dtype=object), gold


def _macro(estimator, rows, gold) -> str:
    return macro_per_target(gold, estimator.predict(rows))


def _rows(analyzer, features: FeatureBuilder, data, dev):
    """Training rows, labels and groups, and the held-out sets' rows (real pages: None where
    ../shared is absent), all built by one feature builder."""
    x = np.array([features.row(item, t) for _, item, t, _ in data.items], dtype=object)
    y, groups = np.array(data.labels), np.array(data.groups)
    dev_rows = _pairs(example_cases(dev, analyzer), features)
    real_rows = (
        _pairs(commentary_cases(COMMENTARY, analyzer), features)
        if (COMMENTARY / "labels.jsonl").is_file()
        else None
    )
    return x, y, groups, dev_rows, real_rows


def stance(settings, catalogue: Catalogue, labelled, dev, runs: int, drop: float) -> None:
    analyzer = Analyzer(settings)
    features = FeatureBuilder.from_settings(settings, catalogue)
    data = training_set(labelled, catalogue, analyzer.nlp).articles()
    x, y, groups, dev_rows, real_rows = _rows(analyzer, features, data, dev)
    print("\nlinear.v1, macro-F1 NVIDIA / DeepSeek")
    print(f"{'method':<18}{'run':>4}{'stance-dev':>18}{'real pages':>18}")
    for method, classifier in METHODS.items():
        linear.logistic_exact = classifier  # what build_estimator fits with
        for run in range(runs):
            keep = kept_articles(groups, run, drop)
            model = linear.build_estimator().fit(x[keep], y[keep])
            real = _macro(model, *real_rows) if real_rows else ""
            print(f"{method:<18}{run:>4}{_macro(model, *dev_rows):>18}{real:>18}")
    encoded(settings, catalogue, analyzer, data, runs, drop, dev)


def encoded(settings, catalogue: Catalogue, analyzer, data, runs: int, drop: float, dev) -> None:
    """linear.v2's article model (exact fit), the same articles left out: the encoder's prior is
    the mean over the articles' sentences (`duokong train` averages the posts' too, a few hundred
    short sentences among thousands; 3 % more or less moves it by little)."""
    features = FeatureBuilder.from_settings(settings, catalogue, shared_encoder())
    features.learn_prior([(item, target) for _, item, target, _ in data.items])
    x, y, groups, dev_rows, real_rows = _rows(analyzer, features, data, dev)
    print(f"\n{linear.NAME_V2}, macro-F1 NVIDIA / DeepSeek")
    print(f"{'method':<18}{'run':>4}{'stance-dev':>18}{'real pages':>18}")
    for run in range(runs):
        keep = kept_articles(groups, run, drop)
        model = linear.build_estimator(encoded=True).fit(x[keep], y[keep])
        real = _macro(model, *real_rows) if real_rows else ""
        print(f"{'exact (shipped)':<18}{run:>4}{_macro(model, *dev_rows):>18}{real:>18}")


def _quiet(_message: str) -> None:
    pass


def real_page_f1(analyzer: Analyzer) -> float | None:
    if not (COMMENTARY / "labels.jsonl").is_file():
        return None
    gold = {g["id"]: g for g in load_gold([COMMENTARY / "labels.jsonl"])}
    score = PredictionScore()
    for case in commentary_cases(COMMENTARY, analyzer):
        if case.item is not None:
            found = analyzer.predictor.extract(case.item.article, case.item.sentences)
            score.add(gold[case.id].get("predictions") or [], found)
    return score.f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--drop", type=float, default=0.03)
    parser.add_argument("--only", choices=["stance", "claims"])
    parser.add_argument(
        "--shipped-fit-only", action="store_true", help="skip the SGD fit (history only)"
    )
    args = parser.parse_args()
    if args.shipped_fit_only:
        del METHODS["SGD"]
    settings = load_settings()
    catalogue = Catalogue.load(settings.path("targets_file"))
    root = PROJECT_ROOT
    dev = load_examples([root / "data" / "labelled" / "stance-dev"])
    if not COMMENTARY.is_dir():
        print(f"({COMMENTARY} is absent: real pages are not scored)")
    if args.only != "claims":
        labelled = load_examples(default_training_paths("linear.v1", root))
        stance(settings, catalogue, labelled, dev, args.runs, args.drop)
    if args.only != "stance":
        # Both claim filters learn from the same files.
        labelled = load_examples(default_training_paths(claims.WITH_VECTORS, root))
        claim_filter(settings, catalogue, labelled, dev, args.runs, args.drop)


def claim_filter(settings, catalogue: Catalogue, labelled, dev, runs: int, drop: float) -> None:
    name = settings.claim_model or claims.WITH_VECTORS  # the filter that ships
    print(f"\n{name}, prediction quote F1")
    print(
        f"{'method':<18}{'run':>4}{'threshold':>10}{'CV F1':>8}{'stance-dev F1':>15}{'real F1':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for method, classifier in METHODS.items():
            claims.logistic_exact = classifier  # what build_estimator fits with
            dev_f1, real_f1 = [], []
            for run in range(runs):
                rnd = random.Random(run)
                kept = [e for e in labelled if rnd.random() >= drop]
                models = Path(tmp) / f"{len(dev_f1)}-{method[:3]}"
                shutil.copytree(settings.path("models_dir"), models)
                refit = settings.with_overrides(models_dir=str(models))
                meta = train(
                    name, settings, kept, catalogue, refit.model_dir(name), progress=_quiet
                )
                analyzer = Analyzer(refit)
                dev_f1.append(example_predictions(dev, analyzer).f1)
                real = real_page_f1(analyzer)
                if real is not None:
                    real_f1.append(real)
                print(
                    f"{method:<18}{run:>4}{meta['threshold']:>10}{meta['cv_f1']:>8.3f}"
                    f"{dev_f1[-1]:>15.3f}" + (f"{real:>9.3f}" if real is not None else "")
                )
            spread = f"stance-dev {min(dev_f1):.3f}–{max(dev_f1):.3f}"
            if real_f1:
                spread += f", real pages {min(real_f1):.3f}–{max(real_f1):.3f}"
            print(f"{method:<18} spread: {spread}; mean stance-dev {statistics.mean(dev_f1):.3f}")


if __name__ == "__main__":
    main()
