"""How much the claim filter's figures move when its training data moves a little.

    .venv/bin/python benchmarks/claims_stability.py [--runs 3] [--drop 0.03]

For each fitting method of claims.v2 (logistic loss by SGD, as the stance model uses, and the
exact L-BFGS fit that ships), leave out a random 3 % of our labelled articles, retrain, and
score predictions on our held-out stance-dev examples and, where ../shared is present, on the
real pages of ../shared/eval/commentary. A filter whose F1 swings by more than the changes we
want to measure cannot tell us whether a change helped; the spread printed here is that noise.
Models are written to a temporary folder; the shipped ones are not touched.
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

import pipeline.claims as claims  # noqa: E402
from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.evaluate import example_predictions, load_gold  # noqa: E402
from pipeline.learn import logistic_exact, logistic_sgd  # noqa: E402
from pipeline.scoring import PredictionScore  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance.dataset import STANCE_DIR, load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases  # noqa: E402
from pipeline.stance.train import train  # noqa: E402
from pipeline.targets import Catalogue  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
METHODS = {"SGD": lambda c: logistic_sgd(), "exact (shipped)": logistic_exact}


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
    args = parser.parse_args()
    settings = load_settings()
    catalogue = Catalogue.load(settings.path("targets_file"))
    labelled = load_examples([settings.path("models_dir").parent / STANCE_DIR])
    dev = load_examples([settings.path("models_dir").parent / "data" / "labelled" / "stance-dev"])
    if not COMMENTARY.is_dir():
        print(f"({COMMENTARY} is absent: real pages are not scored)")
    print(
        f"{'method':<18}{'run':>4}{'threshold':>10}{'CV F1':>8}{'stance-dev F1':>15}{'real F1':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for method, classifier in METHODS.items():
            claims.logistic_exact = classifier  # what build_estimator fits with
            dev_f1, real_f1 = [], []
            for run in range(args.runs):
                rnd = random.Random(run)
                kept = [e for e in labelled if rnd.random() >= args.drop]
                models = Path(tmp) / f"{len(dev_f1)}-{method[:3]}"
                shutil.copytree(settings.path("models_dir"), models)
                meta = train(
                    "claims.v2", settings, kept, catalogue, models / "claims-v2", progress=_quiet
                )
                analyzer = Analyzer(settings.with_overrides(models_dir=str(models)))
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
