"""How well the claim filter reads which way a claim points, apart from finding the claims
(claims.v3 and claims.v2 train their direction models alike, from the same data).

    .venv/bin/python benchmarks/direction_eval.py

Each labelled claim is read as it stands, with its gold target, by the rules alone
(pipeline/direction.py) and as shipped (the direction model over the rules' verdict,
pipeline/claims.py). Accuracy per set, and per gold direction; and, on the claims whose
direction the rules compose (DirectionRules.composed: a burden eased, a place held or taken, a
pace, a comparison with what was expected), how often the rules and the model alone are right:
there the shipped direction is the rules'.

- data/labelled/direction-dev: 240 clauses written blind to the rules, most of them traps
  (negations, comparisons with expectations, burdens, bets, idioms); the rules of the
  thirty-first session were written after reading its errors, so it is a development set now;
- data/labelled/direction-test, where present: written blind after those rules, never read for
  rules (the held-out figure);
- the gold prediction quotes of our held-out examples (stance-dev, essays-dev, longread-dev,
  short-dev, fieldwide-dev) and sample pages (never trained on);
- the 163 gold quotes of the real pages in ../shared/eval/commentary, where present.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.claims import WITH_VECTORS, ClaimFilter, gold_direction, gold_directions  # noqa: E402
from pipeline.evaluate import load_gold  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance.dataset import load_examples  # noqa: E402

LABELLED = ROOT / "data" / "labelled"
COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary" / "labels.jsonl"


def claims_file(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def sets() -> dict[str, list[dict]]:
    out = {}
    for name in ("direction-dev", "direction-test"):
        path = LABELLED / name / "claims.jsonl"
        if path.exists():
            out[name] = claims_file(path)
    for name in ("stance-dev", "essays-dev", "longread-dev", "short-dev", "fieldwide-dev"):
        out[f"{name} quotes"] = [
            g for ex in load_examples([LABELLED / name]) for g in ex.predictions
        ]
    out["sample-page quotes"] = [
        g
        for page in load_gold(sorted((LABELLED / "samples-gold").glob("*.jsonl")))
        for g in page.get("predictions", [])
    ]
    if COMMENTARY.exists():
        out["real-page quotes"] = [
            g for page in claims_file(COMMENTARY) for g in page.get("predictions") or []
        ]
    else:
        print(f"({COMMENTARY} is absent: the real pages are left out)")
    return out


def main() -> None:
    settings = load_settings()
    extractor = Analyzer(settings.with_overrides(claim_model="")).predictor
    name = settings.claim_model or WITH_VECTORS
    flt = ClaimFilter.load(settings.model_dir(name), extractor, name)
    print(
        f"{'set':<20} {'claims':>6} {'rules':>7} {'shipped':>8}   shipped by gold direction"
        "              composed: rules  model alone"
    )
    for name, golds in sets().items():
        golds = [g for g in golds if g.get("direction") in ("up", "down", "other")]
        read = gold_directions(golds, flt)
        rules = sum(r == g["direction"] for g, (r, _) in zip(golds, read, strict=True))
        shipped = sum(s == g["direction"] for g, (_, s) in zip(golds, read, strict=True))
        right, total = Counter(), Counter()
        for g, (_, s) in zip(golds, read, strict=True):
            total[g["direction"]] += 1
            right[g["direction"]] += s == g["direction"]
        per = "  ".join(f"{d} {right[d]}/{total[d]}" for d in ("up", "down", "other"))
        n = len(golds)
        composed = composed_figures(golds, flt)
        print(f"{name:<20} {n:>6} {rules / n:>7.3f} {shipped / n:>8.3f}   {per:<36} {composed}")


def composed_figures(golds: list[dict], flt: ClaimFilter) -> str:
    """'rules right/n  model right/n' on the claims whose direction the rules compose."""
    extractor = flt.extractor
    inputs, rules, gold = [], [], []
    for g in golds:
        target = g.get("target") if g.get("target") in extractor.catalogue.ids else None
        q, rule, _ = gold_direction(g, extractor)
        if rule != "other" and extractor.directions.composed(g["quote"], target):
            inputs.append(q)
            rules.append(rule)
            gold.append(g["direction"])
    model = flt.model_directions(inputs)
    n = len(gold)
    by_rules = sum(r == d for r, d in zip(rules, gold, strict=True))
    by_model = sum(m == d for m, d in zip(model, gold, strict=True))
    return f"{by_rules:>4}/{n:<4} {by_model:>6}/{n}"


if __name__ == "__main__":
    main()
