"""Every bundled sample page extracts as its gold file says: metadata, body bounds, no boilerplate."""

import json

import pytest

from pipeline.batch import read_inputs
from pipeline.evaluate import evaluate_samples
from pipeline.records import RawPage
from pipeline.sources import discover
from tests.conftest import GOLD_DIR, SAMPLES

GOLD = [
    json.loads(line)
    for f in sorted(GOLD_DIR.glob("*.jsonl"))
    for line in f.read_text("utf-8").splitlines()
    if line.strip()
]


def test_samples_cover_what_the_demo_promises():
    assert len(GOLD) >= 40
    assert len({g["template"] for g in GOLD}) >= 6
    assert sum(g["encoding"] == "gbk" for g in GOLD) >= 5
    assert sum(g["script"] == "traditional" for g in GOLD) >= 5
    months = {g["published"][:7] for g in GOLD if g["published"]}
    assert len(months) >= 12
    for target in ("nvidia", "deepseek"):
        assert {g["stance"][target] for g in GOLD} == {"bullish", "bearish", "neutral", "none"}


@pytest.mark.parametrize("gold", GOLD, ids=[g["path"] for g in GOLD])
def test_sample_extracts_as_labelled(analyzer, settings, gold):
    [page] = [
        p
        for p in read_inputs(discover([SAMPLES / gold["path"]]), settings)
        if isinstance(p, RawPage)
    ]
    art = analyzer.extract(page)
    for key in ("title", "site", "author", "category"):
        if gold[key] is not None:
            assert getattr(art, key) == gold[key], key
    assert (art.published.isoformat() if art.published else None) == gold["published"]
    body = "".join(art.body.split())
    assert body.startswith("".join(gold["body_first"].split()))
    assert body.endswith("".join(gold["body_last"].split()))
    for s in gold["keep"]:
        assert "".join(s.split()) in body
    for s in gold["drop"]:
        assert "".join(s.split()) not in body


def test_stance_on_samples_stays_above_its_floor(settings):
    """A regression floor for the default model (linear.v2) on our own sample pages, which it
    was not trained on (it scores 0.849 / 0.798 there; linear.v1 0.879 / 0.708)."""
    from pipeline.evaluate import macro_f1

    res = evaluate_samples(sorted(GOLD_DIR.glob("*.jsonl")), settings)
    assert not res.failed and set(res.stance_pairs) == {"nvidia", "deepseek"}
    assert res.none_correct == res.none_total
    for target, pairs in res.stance_pairs.items():
        assert macro_f1(pairs)[0] >= 0.50, target
