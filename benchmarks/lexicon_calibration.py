"""lexicon.v1's scores: refit their calibration and show what it does, against the scores read
off the cue sum by hand that it replaced, on the same labels in one run.

    .venv/bin/python benchmarks/lexicon_calibration.py

1. The fit: for every article-target pair of data/labelled/stance where the article names the
   target and gold gives a label, the rules' weighed cue sum and whether their label is right;
   one logistic curve in |sum| per kind of label (bullish or bearish: "polar"; neutral). Printed
   beside the constants shipped in pipeline/stance/lexicon.py (CALIBRATION): a change of the
   rules or of the lexicons calls for pasting the new ones there.
2. The effect, on our held-out sets (stance-dev, essays-dev, longread-dev, short-dev) and, where
   ../shared is present, the 130 real pages of ../shared/eval/commentary: mean score, share
   right, expected calibration error over ten bins of score (ECE), Brier score and share right
   by score band, for the shipped scores and for the hand-made ones (0.5 + 0.5·tanh(|sum|/3)
   for a pole, 1 − 0.5·tanh(|sum|/0.6) for neutral).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.stance_calibration import COMMENTARY, HELD_OUT, line  # noqa: E402
from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.stance import registry  # noqa: E402
from pipeline.stance.dataset import STANCE_DIR, load_examples  # noqa: E402
from pipeline.stance.evaluate import Case, commentary_cases, example_cases  # noqa: E402
from pipeline.stance.lexicon import (  # noqa: E402
    CALIBRATION,
    THRESHOLD,
    LexiconStance,
    label_of,
    label_score,
)

KINDS = ("polar", "neutral")


def by_hand(label: str, total: float) -> float:
    """The scores lexicon.v1 gave before its calibration."""
    if label == "neutral":
        return 1.0 - 0.5 * math.tanh(abs(total) / THRESHOLD)
    return 0.5 + 0.5 * math.tanh(abs(total) / 3)


def judged(lexicon: LexiconStance, cases: list[Case]) -> list[tuple[str, float, bool]]:
    """(label, cue sum, right) of every label the rules give where the page names the target
    and gold gives a label."""
    out = []
    for case in cases:
        if case.item is None:
            continue
        totals = lexicon.totals(case.item, list(case.gold))
        for target, gold in case.gold.items():
            if gold != "none" and target in totals:
                label = label_of(totals[target])
                out.append((label, totals[target], label == gold))
    return out


def fit(rows: list[tuple[str, float, bool]]) -> dict[str, tuple[float, float]]:
    """(a, b) of P(right) = 1/(1 + exp(-(a + b·|sum|))) for each kind of label, rounded as
    CALIBRATION writes them."""
    from sklearn.linear_model import LogisticRegression

    found = {}
    for kind in KINDS:
        mine = [
            (abs(t), ok) for label, t, ok in rows if (label == "neutral") == (kind == "neutral")
        ]
        x = np.array([[t] for t, _ in mine])
        y = np.array([ok for _, ok in mine])
        model = LogisticRegression(C=1e6).fit(x, y)  # a plain maximum-likelihood fit
        found[kind] = (round(float(model.intercept_[0]), 3), round(float(model.coef_[0][0]), 3))
    return found


def main() -> None:
    settings = load_settings()
    analyzer = analyzer_for(settings)
    lexicon = registry.create("lexicon.v1", settings, analyzer.catalogue)
    training = judged(lexicon, example_cases(load_examples([PROJECT_ROOT / STANCE_DIR]), analyzer))
    print(f"fit on {len(training)} labels of {STANCE_DIR}: P(right) = 1/(1 + exp(-(a + b·|sum|)))")
    for kind, (a, b) in fit(training).items():
        shipped = CALIBRATION[kind]
        print(
            f"  {kind:<8} a {a:+.3f}  b {b:+.3f}   (shipped: a {shipped[0]:+.3f}  b {shipped[1]:+.3f})"
        )
    sets = {name: PROJECT_ROOT / "data" / "labelled" / name for name in HELD_OUT}
    for name, folder in sets.items():
        show(name, judged(lexicon, example_cases(load_examples([folder]), analyzer)))
    if (COMMENTARY / "labels.jsonl").is_file():
        show("real pages", judged(lexicon, commentary_cases(COMMENTARY, analyzer)))
    else:
        print(f"({COMMENTARY} is absent: the real pages are left out)")


def show(name: str, rows: list[tuple[str, float, bool]]) -> None:
    right = np.array([ok for *_, ok in rows], dtype=float)
    print(f"\n{name}")
    for reading, score in (("shipped", label_score), ("by hand", by_hand)):
        scores = np.array([score(label, total) for label, total, _ in rows])
        print(line(reading, scores, right))


if __name__ == "__main__":
    main()
