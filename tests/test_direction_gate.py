"""The direction reader's gate: which way claims we wrote point, read with their gold target,
against pinned floors that a regression of the rules (pipeline/direction.py, the lexicon's
[direction] words) or of the shipped direction model breaks. Measure and compare with
`.venv/bin/python benchmarks/direction_eval.py`."""

import json
from pathlib import Path

import pytest

from pipeline.analyze import Analyzer
from pipeline.claims import ClaimFilter, gold_directions
from pipeline.stance.dataset import load_examples

LABELLED = Path(__file__).resolve().parent.parent / "data" / "labelled"

# (set, floor of the shipped reading, floor of the rules alone), a little under what the shipped
# claims.v2 read on 2026-12-01 (thirty-fourth session; claims.v3 and the claims.v2 refit of 2026-12-02
# read the same): 0.846 / 0.717, 0.889 / 0.596 and, on the
# held-out long pages, 0.856 / 0.611. The direction model learnt from the long pages' 315 quotes
# that session: long pages (the first 20) 0.80 -> 0.84 and sample pages 0.81 -> 0.86 on matched quotes, for
# 6 of direction-dev's 240 clauses and 3 of stance-dev's 225 quotes (0.871 and 0.902 before;
# models/claims-v2/README.md). direction-test stays out: it is the held-out set, read by the
# benchmark only, never to write rules from (0.870 before and after).
# The refit of 2026-12-03 (forty-seventh session), on rules that read a bare 涨, a fall out of a
# rank and a denied change (不会有实质性的恢复), reads stance-dev 0.880 (0.889 before: 2 of 225
# quotes) and the rules alone 0.600; essays 0.831 -> 0.854, short posts 0.825 -> 0.854, long
# pages 0.856 -> 0.860, direction-dev 0.846 -> 0.850; the stance-dev floor sits under it again.
# The refits of 2026-12-04 (forty-eighth session), on rules that read losses won back (跌幅…收复),
# being overtaken (被…反超, 被…拉开差距), a target price with its figure, good times ending, costs
# as burdens, stopped falls and losing bets, read direction-dev 0.858 (rules alone 0.754, from
# 0.733), stance-dev 0.884 (0.622, from 0.600) and long pages 0.865 (0.659, from 0.638): the
# floors rise under them.
FLOORS = [("direction-dev", 0.85, 0.74), ("stance-dev", 0.87, 0.61), ("longread-dev", 0.85, 0.64)]


@pytest.fixture(scope="module")
def claim_filter(settings) -> ClaimFilter:
    extractor = Analyzer(settings.with_overrides(claim_model="")).predictor
    return ClaimFilter.load(
        settings.model_dir(settings.claim_model), extractor, settings.claim_model
    )


def _claims(name: str) -> list[dict]:
    if name in ("stance-dev", "longread-dev"):
        return [g for ex in load_examples([LABELLED / name]) for g in ex.predictions]
    path = LABELLED / name / "claims.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name, shipped_floor, rules_floor", FLOORS)
def test_direction_of_labelled_claims_stays_above_its_floor(
    claim_filter, name, shipped_floor, rules_floor
):
    claims = _claims(name)
    read = gold_directions(claims, claim_filter)
    shipped = sum(s == g["direction"] for g, (_, s) in zip(claims, read, strict=True))
    rules = sum(r == g["direction"] for g, (r, _) in zip(claims, read, strict=True))
    assert shipped / len(claims) >= shipped_floor, f"{name}: {shipped}/{len(claims)} right"
    assert rules / len(claims) >= rules_floor, f"{name}: rules {rules}/{len(claims)} right"
