"""Evaluation gate for extraction on pages we wrote (data/samples, gold in
data/labelled/samples-gold), in the spirit of trafilatura's tests/eval_gate.py.

test_samples.py checks each page on its own; this gate scores the whole set at once, per field,
and pins each score at its current value, so that a change that trades one field for another, or
that loses a little everywhere, fails with the figures in the message. Raise a floor when a change
improves a score; never lower one to make a change pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from pipeline.batch import read_inputs
from pipeline.records import RawPage
from pipeline.sources import discover
from tests.conftest import GOLD_DIR, SAMPLES

# Current values (all samples, December 2026). Shares of pages, or of keep/drop strings.
FLOORS = {
    "body_first": 1.0,
    "body_last": 1.0,
    "keep": 1.0,
    "drop": 1.0,
    "title": 1.0,
    "published": 1.0,
    "author": 1.0,
    "site": 1.0,
    "extracted": 1.0,
}


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


@dataclass
class Scores:
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool, where: str) -> None:
        self.totals[key] = self.totals.get(key, 0) + 1
        self.hits[key] = self.hits.get(key, 0) + ok
        if not ok:
            self.misses.append(f"{where}: {key}")

    def share(self, key: str) -> float:
        return self.hits.get(key, 0) / self.totals[key]


def _gold() -> list[dict]:
    return [
        json.loads(line)
        for f in sorted(GOLD_DIR.glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _score_page(scores: Scores, gold: dict, art) -> None:
    where = gold["path"]
    scores.add("extracted", art is not None, where)
    if art is None:
        return
    body = _compact(art.body)
    scores.add("body_first", body.startswith(_compact(gold["body_first"])), where)
    scores.add("body_last", body.endswith(_compact(gold["body_last"])), where)
    for s in gold.get("keep", []):
        scores.add("keep", _compact(s) in body, where)
    for s in gold.get("drop", []):
        scores.add("drop", _compact(s) not in body, where)
    got = {"published": art.published.isoformat() if art.published else None}
    for key in ("title", "published", "author", "site"):
        if key == "published" or gold.get(key) is not None:
            scores.add(key, got.get(key, getattr(art, key, None)) == gold.get(key), where)


@pytest.fixture(scope="module")
def scores(analyzer, settings) -> Scores:
    result = Scores()
    for gold in _gold():
        pages = [
            p
            for p in read_inputs(discover([SAMPLES / gold["path"]]), settings)
            if isinstance(p, RawPage)
        ]
        art = analyzer.process(pages[0], analyse=False).article if pages else None
        _score_page(result, gold, art)
    return result


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_extraction_stays_above_its_floor(scores: Scores, key: str):
    share = scores.share(key)
    misses = [m for m in scores.misses if m.endswith(f": {key}")]
    assert share >= FLOORS[key], f"{key} {share:.3f} < floor {FLOORS[key]:.3f}: {misses[:10]}"


def test_gate_covers_every_field_on_enough_pages(scores: Scores):
    """A gate over a handful of pages pins nothing: every field is scored on many of them."""
    assert scores.totals["extracted"] >= 40
    for key in ("title", "published", "author", "site", "keep", "drop"):
        assert scores.totals[key] >= 20, key
