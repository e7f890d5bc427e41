"""What the stance benchmarks share: refits that leave a few articles out, and macro-F1 per target.

A model's figure on the real pages moves when its training data moves a little; every experiment
that compares variants of linear.v1 (stability.py, stance_evidence.py, stance_variants.py) fits
each variant on the same draws, so their spreads can be compared side by side.
"""

from __future__ import annotations

import argparse
import random

import numpy as np

from pipeline.stance.evaluate import macro_f1

TARGETS = ("nvidia", "deepseek")


def refit_parser(doc: str | None) -> argparse.ArgumentParser:
    """--runs (refits) and --drop (share of articles left out of each)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--drop", type=float, default=0.03)
    return parser


def kept_articles(groups: np.ndarray, run: int, drop: float) -> np.ndarray:
    """A mask over training rows: the articles that refit `run` keeps (every row of an article
    goes or stays together; the same run keeps the same articles in every script)."""
    rnd = random.Random(run)
    kept = {g for g in sorted(set(groups)) if rnd.random() >= drop}
    return np.array([g in kept for g in groups])


def macro_per_target(gold: list[tuple[str, str]], got) -> str:
    """Macro-F1 NVIDIA / DeepSeek of predictions against (target, gold label) pairs."""
    pairs = list(zip(gold, got, strict=True))
    return " / ".join(
        f"{macro_f1([(g, p) for (t, g), p in pairs if t == target])[0]:.3f}" for target in TARGETS
    )
