"""What labelled sentences of real financial news would add to claims.v2's direction model: an
experiment, not a model we ship (the data has no licence that allows it).

    .venv/bin/python benchmarks/direction_extra_data.py [--sizes 0 1000 3000 8312]

Trains the direction model as `duokong train --model claims.v2` does (our gold prediction quotes,
the target masked, the rules' verdict beside it), adding N entity-level sentences of CFSC-ABSA
(../shared/eval/sentiment/cfsc_absa: Chinese financial news, 2021-2022; the entity masked as the
target; positive, negative, neutral read as up, down, other). Each fit is scored as it ships
(the rules decide a negated cue; a falsification bet is read in its premise and flipped) on gold quotes it was not trained on: our stance-dev examples,
our sample pages, and the 163 real gold quotes of ../shared/eval/commentary (extraction taken
out: the model reads each gold quote itself).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.claims import (  # noqa: E402
    FLIP,
    DirectionInput,
    build_direction_estimator,
    gold_direction,
)
from pipeline.evaluate import load_gold  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance.dataset import default_training_paths, load_examples  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
CFSC = SHARED / "sentiment" / "cfsc_absa" / "cfsc_absa_test.json"
COMMENTARY = SHARED / "commentary" / "labels.jsonl"
POLARITY = {"positive": "up", "negative": "down", "neutral": "other"}

# (features, gold direction in the model's terms, the rules' direction, rules decide, bet)
Row = tuple[DirectionInput, str, str]  # input, gold direction in the model's terms, rules'


def rows_of(predictions: list[dict], analyzer: Analyzer) -> list[Row]:
    out = []
    for g in predictions:
        q, rule, said = gold_direction(g, analyzer.predictor)
        out.append((q, said, rule))
    return out


def accuracy(rows: list[Row], model) -> float:
    import numpy as np

    got = model.predict(np.array([q.row for q, _, _ in rows], dtype=object))
    right = 0
    for (q, said, rule), label in zip(rows, got, strict=True):
        right += q.final(rule, str(label)) == (FLIP[said] if q.bet else said)
    return right / len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 3000, 8312])
    args = ap.parse_args()
    if not CFSC.is_file() or not COMMENTARY.is_file():
        sys.exit(f"{SHARED} is incomplete: this experiment reads ../shared evaluation data")
    import numpy as np

    analyzer = Analyzer(load_settings().with_overrides(claim_model=""))
    ours = [
        p for ex in load_examples(default_training_paths("claims.v2", ROOT)) for p in ex.predictions
    ]
    dev = [p for ex in load_examples([ROOT / "data/labelled/stance-dev"]) for p in ex.predictions]
    samples = [
        p
        for g in load_gold(sorted((ROOT / "data/labelled/samples-gold").glob("*.jsonl")))
        for p in g.get("predictions", [])
    ]
    real = [p for g in load_gold([COMMENTARY]) for p in g.get("predictions", [])]
    train, sets = (
        rows_of(ours, analyzer),
        {
            "stance-dev": rows_of(dev, analyzer),
            "sample pages": rows_of(samples, analyzer),
            "real pages": rows_of(real, analyzer),
        },
    )
    extra = [
        # claims.direction_row's layout for a claim about a target, the rules silent
        ([r["sentence"][: r["from"]] + "TGT" + r["sentence"][r["to"] :], 0.0, 0.0, 0.0, "", 0.0], p)
        for r in json.loads(CFSC.read_text("utf-8"))
        if (p := POLARITY.get(r["polarity"]))
    ]
    print(
        f"direction accuracy on gold quotes not trained on ({len(train)} of ours in training; "
        + ", ".join(f"{k} {len(v)}" for k, v in sets.items())
        + ")"
    )
    print(f"  {'CFSC rows added':>15} " + " ".join(f"{k:>13}" for k in sets))
    for n in args.sizes:
        added = random.Random(0).sample(extra, min(n, len(extra)))
        X = np.array([q.row for q, _, _ in train] + [x for x, _ in added], dtype=object)
        y = np.array([said for _, said, _ in train] + [d for _, d in added])
        model = build_direction_estimator().fit(X, y)
        print(
            f"  {len(added):>15} " + " ".join(f"{accuracy(v, model):13.3f}" for v in sets.values())
        )


if __name__ == "__main__":
    main()
