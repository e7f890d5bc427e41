"""Whether the real pages' errors are a matter of class priors: offsets tuned on stance-dev.

    .venv/bin/python benchmarks/stance_priors.py [--data ../shared/eval/commentary]

Our training data is balanced over bullish, bearish and neutral; the real pages are mostly
neutral (NVIDIA 59 of 97). If the shipped model (linear.v1) only leaned the wrong way, an
offset added to its log-probabilities per class (label-shift correction) would fix much of it.
The offsets are chosen on our held-out examples (data/labelled/stance-dev, never trained on):
every pair of neutral and bearish offsets on a grid, bullish fixed at 0, the best mean of the two
targets' macro-F1. The real pages are then read with the chosen offsets, and with a few neutral
offsets alone, side by side with the shipped argmax. Nothing is saved.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.refits import TARGETS  # noqa: E402
from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance import registry  # noqa: E402
from pipeline.stance.dataset import load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases, example_cases, macro_f1  # noqa: E402
from pipeline.stance.views import mentioned_targets  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "commentary"
GRID = np.arange(-1.5, 1.51, 0.25)

# (target, gold label, class probabilities or None where the model says "none")
Row = tuple[str, str, "np.ndarray | None"]


def probabilities(cases, clf) -> list[Row]:
    rows: list[Row] = []
    for case in cases:
        if case.item is None:  # not extracted: counts as "none" for every target
            rows.extend((t, g, None) for t, g in case.gold.items())
            continue
        present = [t for t in case.gold if t in mentioned_targets(case.item, clf.catalogue)]
        # untempered: the offsets are on the model's own log-probabilities, as when chosen
        probs = clf.probabilities(case.item, present, calibrated=False)
        by_target = dict(zip(present, probs, strict=True))
        rows.extend((t, g, by_target.get(t)) for t, g in case.gold.items())
    return rows


def scores(rows: list[Row], classes: list[str], offsets: dict[str, float]) -> dict[str, float]:
    shift = np.array([offsets.get(c, 0.0) for c in classes])
    out = {}
    for target in TARGETS:
        pairs = []
        for t, gold, p in rows:
            if t != target or gold == "none":
                continue
            got = "none" if p is None else classes[int(np.argmax(np.log(p) + shift))]
            pairs.append((gold, got))
        out[target] = macro_f1(pairs)[0]
    return out


def fmt(s: dict[str, float]) -> str:
    return " / ".join(f"{s[t]:.3f}" for t in TARGETS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not (args.data / "labels.jsonl").is_file():
        sys.exit(f"skipped: {args.data} has no labels.jsonl (../shared/eval/commentary is absent)")
    settings = load_settings()
    analyzer = analyzer_for(settings)
    clf = registry.create("linear.v1", settings, analyzer.catalogue)
    dev_files = sorted((ROOT / "data" / "labelled" / "stance-dev").glob("*.jsonl"))
    dev = probabilities(example_cases(load_examples(dev_files), analyzer), clf)
    real = probabilities(commentary_cases(args.data, analyzer), clf)
    classes = clf.classes

    def dev_mean(offsets: dict[str, float]) -> float:
        s = scores(dev, classes, offsets)
        return sum(s.values()) / len(s)

    best = max(
        ({"neutral": float(n), "bearish": float(b)} for n, b in itertools.product(GRID, GRID)),
        key=dev_mean,
    )
    print(f"  {'macro-F1 NVIDIA / DeepSeek':<56} {'stance-dev':<16} real pages")
    chosen = ", ".join(f"{k} {v:+.2f}" for k, v in best.items())
    rows = [("shipped (argmax)", {}), (f"best on stance-dev ({chosen})", best)]
    rows += [(f"neutral {n:+.2f}", {"neutral": n}) for n in (-0.5, 0.5, 1.0)]
    for name, offsets in rows:
        print(
            f"  {name:<56} {fmt(scores(dev, classes, offsets))}    "
            f"{fmt(scores(real, classes, offsets))}"
        )


if __name__ == "__main__":
    main()
