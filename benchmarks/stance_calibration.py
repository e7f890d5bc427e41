"""Whether a stance's score says how often its label is right: the shipped temperatures against
none, on the same labels in one run.

    .venv/bin/python benchmarks/stance_calibration.py [--model linear.v2] [--model linear.v1]

On our held-out sets (stance-dev, essays-dev, longread-dev, short-dev, fieldwide-dev: never
trained on) and, where ../shared is present, the 130 real pages of ../shared/eval/commentary:
for every label a model gives where the page names the target and gold says so, its score and
whether it is right.
Printed per set: the mean score and the share right, the expected calibration error over ten
bins of score (ECE), the Brier score of the label's score, and the share right by score band.
"untempered" reads the same model with its temperatures set aside (calibration.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance import registry  # noqa: E402
from pipeline.stance.calibration import calibration_error  # noqa: E402
from pipeline.stance.dataset import load_examples  # noqa: E402
from pipeline.stance.evaluate import (  # noqa: E402
    ModelScore,
    commentary_cases,
    example_cases,
    score_classifier,
)

HELD_OUT = ("stance-dev", "essays-dev", "longread-dev", "short-dev", "fieldwide-dev")
COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def scored(classifier, cases) -> tuple[np.ndarray, np.ndarray]:
    """(score, right) of every label given where the page names the target and gold says so."""
    found = score_classifier(ModelScore(classifier.name), classifier, cases).scored
    return np.array([s for s, _ in found]), np.array([ok for _, ok in found], dtype=float)


def line(name: str, scores: np.ndarray, right: np.ndarray) -> str:
    bands = "  ".join(
        f"{lo:.1f}–{min(hi, 1):.1f}: {right[m].mean():.2f} of {m.sum()}"
        for lo, hi in BANDS
        if (m := (scores >= lo) & (scores < hi)).any()
    )
    return (
        f"  {name:<13} n {len(scores):>4}  score {scores.mean():.3f}  right {right.mean():.3f}  "
        f"ECE {calibration_error(list(scores), list(right)):.3f}  "
        f"Brier {np.mean((scores - right) ** 2):.3f}  | {bands}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", help="backend (repeatable; default linear.v2)")
    args = parser.parse_args()
    settings = load_settings()
    analyzer = analyzer_for(settings)
    sets = {
        name: example_cases(load_examples([ROOT / "data" / "labelled" / name]), analyzer)
        for name in HELD_OUT
    }
    if COMMENTARY.is_dir():
        sets["real pages"] = commentary_cases(COMMENTARY, analyzer)
    else:
        print(f"({COMMENTARY} is absent: the real pages are not measured)")
    for model in args.model or ["linear.v2"]:
        classifier = registry.create(model, settings, analyzer.catalogue)
        temperatures = dict(getattr(classifier, "temperatures", {}))
        readings = [("shipped", temperatures)] + ([("untempered", {})] if temperatures else [])
        for label, chosen in readings:
            classifier.temperatures = chosen
            print(f"\n{model}, {label} (temperatures {chosen or 'none'})")
            for name, cases in sets.items():
                print(line(name, *scored(classifier, cases)), flush=True)


if __name__ == "__main__":
    main()
