"""What limits stance on real pages, measured: errors by kind, and what real labelled pages add.

    .venv/bin/python benchmarks/stance_limits.py [--data ../shared/eval/commentary] [--folds 5]

Two tables for the default trained model (linear.v1, features as shipped):

1. Errors by kind on the real pages, split by the genre the gold gives each page (opinion
   pieces against news-like pages: news, analysis, interviews, translations, explainers...):
   a neutral author read as bull or bear, a bull or bear read as neutral, bull and bear swapped.
2. A learning experiment, k-fold grouped by page: the model trained on our written data only
   (what ships; identical on every fold), on the real pages of the other folds only, and on
   both. If real pages of the same kind were what the model lacked, (b) or (c) would beat (a).

The real pages are read from ../shared and never copied; the experiment trains throwaway
models in memory and saves nothing (the shipped model is trained only from data/labelled).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.stance.dataset import STANCE_DIR, load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases, feature_pairs, macro_f1  # noqa: E402
from pipeline.stance.features import FeatureBuilder  # noqa: E402
from pipeline.stance.linear import build_estimator  # noqa: E402
from pipeline.stance.train import training_set  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "commentary"
TARGETS = ("nvidia", "deepseek")
POLAR = ("bullish", "bearish")


def error_kind(gold: str, got: str) -> str:
    if gold == got:
        return "right"
    if gold == "neutral":
        return "neutral read as polar"
    if got == "neutral":
        return "polar read as neutral"
    return "bull/bear swapped"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not (args.data / "labels.jsonl").is_file():
        sys.exit(f"skipped: {args.data} has no labels.jsonl (../shared/eval/commentary is absent)")

    settings = load_settings()
    analyzer = analyzer_for(settings)
    catalogue = analyzer.catalogue
    features = FeatureBuilder.from_settings(settings, catalogue)
    labelled = PROJECT_ROOT / STANCE_DIR
    ours = training_set(load_examples([labelled]), catalogue, analyzer.nlp).articles()
    x_ours = np.array([features.row(i, t) for _, i, t, _ in ours.items], dtype=object)
    y_ours = np.array(ours.labels)

    genres = {}
    for line in (args.data / "labels.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            lab = json.loads(line)
            genres[lab["id"]] = "opinion" if lab.get("genre") == "opinion" else "news-like"
    rows, gold, pages = feature_pairs(commentary_cases(args.data, analyzer), features)
    x_real = np.array(rows, dtype=object)
    y_real = np.array([label for _, label in gold])

    shipped = build_estimator().fit(x_ours, y_ours).predict(x_real)
    print(f"{args.data}: {len(gold)} (page, target) pairs that name the target\n")
    print("1. errors by kind, linear.v1 trained on data/labelled (as shipped)")
    kinds = ("right", "neutral read as polar", "polar read as neutral", "bull/bear swapped")
    print(f"{'target':<10}{'pages':<11}{'n':>4}" + "".join(f"{k:>24}" for k in kinds))
    for target in TARGETS:
        for genre in ("opinion", "news-like"):
            idx = [i for i, (t, _) in enumerate(gold) if t == target and genres[pages[i]] == genre]
            count = Counter(error_kind(gold[i][1], shipped[i]) for i in idx)
            print(
                f"{target:<10}{genre:<11}{len(idx):>4}" + "".join(f"{count[k]:>24}" for k in kinds)
            )

    from sklearn.model_selection import GroupKFold

    print(
        f"\n2. learning experiment, {args.folds}-fold grouped by page: macro-F1 on held-out pages"
    )
    trained_on = {
        "our written data (shipped)": lambda tr: (x_ours, y_ours),
        "real pages of the other folds": lambda tr: (x_real[tr], y_real[tr]),
        "both": lambda tr: (
            np.concatenate([x_ours, x_real[tr]]),
            np.concatenate([y_ours, y_real[tr]]),
        ),
    }
    print(f"{'trained on':<34}" + "".join(f"{t:>12}" for t in TARGETS))
    for name, data in trained_on.items():
        predicted = np.empty_like(y_real)
        for tr, te in GroupKFold(n_splits=args.folds).split(x_real, y_real, pages):
            x, y = data(tr)
            predicted[te] = build_estimator().fit(x, y).predict(x_real[te])
        scores = [
            macro_f1([(g, p) for (t, g), p in zip(gold, predicted, strict=True) if t == target])[0]
            for target in TARGETS
        ]
        print(f"{name:<34}" + "".join(f"{s:>12.3f}" for s in scores))


if __name__ == "__main__":
    main()
