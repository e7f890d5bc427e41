"""What the posts model does, side by side with one model for every length, on every set.

    .venv/bin/python benchmarks/short_posts.py [--model linear.v2]

The 300 one- to three-sentence posts of data/labelled/stance/posts.jsonl (股吧, 雪球, Weibo,
Threads, PTT, replies, newsflash lines) are the only texts under 80 characters the stance models
learn from. Taught to one model with the articles, they lifted the short posts and cost NVIDIA on
long pages; so the shipped models are two (pipeline/stance/linear.py), each learning from and
reading the texts of its length: the article model those of SHORT_CHARS characters or more, the
posts model the rest. This script fits, from one pass of the feature builder:

- one model on the articles alone (what shipped before the posts were written),
- one model on everything, posts included, reading every text,
- the pair by length with a posts model taught the articles too,
- the pair by length, as `duokong train` fits it (shipped),

and prints macro-F1 NVIDIA / DeepSeek on our held-out sets (data/labelled/stance-dev, essays-dev,
longread-dev, and short-dev's posts and probes) and, where ../shared is present, on the real pages
of ../shared/eval/commentary. Throwaway models: nothing is saved. For linear.v2 the encoder reads
every sentence once, about 13 minutes on 2 cores; linear.v1 takes about 3.

Figures differ a little from `duokong eval`: a target the gold gives but the page never names
is left out here rather than counted as "none".
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.refits import macro_per_target  # noqa: E402
from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance.dataset import STANCE_DIR, load_examples  # noqa: E402
from pipeline.stance.encoder import shared_encoder  # noqa: E402
from pipeline.stance.evaluate import commentary_cases, example_cases, feature_pairs  # noqa: E402
from pipeline.stance.features import FeatureBuilder  # noqa: E402
from pipeline.stance.linear import (  # noqa: E402
    NAME_V2,
    POST_MODEL,
    build_estimator,
    fit_by_length,
    is_short,
    predict_by_length,
)
from pipeline.stance.train import training_set  # noqa: E402

LABELLED = ROOT / "data" / "labelled"
HELD_OUT = {
    "stance-dev": LABELLED / "stance-dev",
    "essays-dev": LABELLED / "essays-dev",
    "longread-dev": LABELLED / "longread-dev",
    "short posts": LABELLED / "short-dev" / "posts.jsonl",
    "probes": LABELLED / "short-dev" / "probes.jsonl",
}
REAL = ROOT.parent / "shared" / "eval" / "commentary"


def held_out_rows(cases, features: FeatureBuilder):
    """Feature rows, (target, gold) pairs, and whether each row's text is short."""
    rows, gold, ids = feature_pairs(cases, features)
    short = {case.id: is_short(case.item) for case in cases if case.item is not None}
    return np.array(rows, dtype=object), gold, np.array([short[i] for i in ids], dtype=bool)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", choices=["linear.v1", NAME_V2], default=NAME_V2)
    args = parser.parse_args()
    started = time.monotonic()
    settings = load_settings()
    analyzer = Analyzer(settings)
    encoded = args.model == NAME_V2
    features = FeatureBuilder.from_settings(
        settings, analyzer.catalogue, shared_encoder() if encoded else None
    )
    data = training_set(load_examples([ROOT / STANCE_DIR]), analyzer.catalogue, analyzer.nlp)
    if encoded:
        print("reading the training sentences with the encoder…", flush=True)
        features.learn_prior([(item, target) for _, item, target, _ in data.items])
    rows = np.array([features.row(item, target) for _, item, target, _ in data.items], dtype=object)
    labels = np.array(data.labels)
    short = data.short
    print(f"{len(rows)} training pairs, {int(short.sum())} of them from short texts", flush=True)
    sets = {
        name: held_out_rows(example_cases(load_examples([path]), analyzer), features)
        for name, path in HELD_OUT.items()
    }
    if (REAL / "labels.jsonl").is_file():
        sets["real pages"] = held_out_rows(commentary_cases(REAL, analyzer), features)
    else:
        print(f"real pages skipped: {REAL} is absent")
    print(f"features ready in {time.monotonic() - started:.0f} s\n")
    print(f"{args.model}, macro-F1 NVIDIA / DeepSeek")
    print(f"{'':<31}" + "  ".join(f"{name:>13}" for name in sets))
    articles = build_estimator(encoded).fit(rows[~short], labels[~short])
    everything = build_estimator(encoded).fit(rows, labels)
    by_length = fit_by_length(rows, labels, short, encoded)
    taught_all = {**by_length, POST_MODEL: everything}
    variants = {
        "one model, articles only": lambda x, s: articles.predict(x),
        "one model, posts included": lambda x, s: everything.predict(x),
        "by length, posts model on all": lambda x, s: predict_by_length(taught_all, x, s),
        "by length (shipped)": lambda x, s: predict_by_length(by_length, x, s),
    }
    for name, predict in variants.items():
        cells = "  ".join(f"{macro_per_target(g, predict(x, s)):>13}" for x, g, s in sets.values())
        print(f"{name:<31}{cells}", flush=True)


if __name__ == "__main__":
    main()
