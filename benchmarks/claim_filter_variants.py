"""Variants of the claim filter (claims.v3) against the shipped one, on the same candidates.

    .venv/bin/python benchmarks/claim_filter_variants.py [--repeats 3] [VARIANT ...]

On the real pages the rules find a candidate for most gold quotes and the filter's ranking is
what loses them (the card of models/claims-v3). Ways the filter could read a candidate better,
each fitted on the candidates `duokong train --model claims.v3` learns from:

- shipped: the characters (1-3-grams), the rule flags and the claim's sentence vector as they
  come (unit-length, not standardised), logistic regression at C = 20;
- novec: no sentence vector (claims.v2's columns);
- scaled:W: the vector standardised, then times W (as linear.v2 weighs its encoder columns);
- raw:W: the vector as it comes, times W;
- C:X: another inverse regularisation;
- ngram:A-B: other character n-grams;
- sent / sent:W: the vector of the whole sentence the claim stands in beside the claim's (the
  claim is a clause: is the sentence a question, a report, an aside?), times W.

Printed for each: cross-validated quote F1 (5-fold grouped by article, averaged over --repeats
shuffled splits) at the middle of its near-best plateau of thresholds, as training picks it,
then quote F1 at that threshold on our held-out sets and, where ../shared is present, on the
real pages. Throwaway models only: nothing is saved. The candidates and their vectors are
read once for every variant (about 5 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.claims import (  # noqa: E402
    FLAGS,
    C,
    Candidates,
    by_quote,
    candidate_keys,
    candidate_labels,
    claim_rows,
    claim_width,
    cross_validate,
    plateau_middle,
    score_at,
)
from pipeline.evaluate import load_gold  # noqa: E402
from pipeline.learn import hashed_tfidf, logistic_exact, with_classifier  # noqa: E402
from pipeline.nlp import to_simplified  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.stance.base import AnalysisInput  # noqa: E402
from pipeline.stance.dataset import default_training_paths, load_examples  # noqa: E402
from pipeline.stance.encoder import DIM, shared_encoder  # noqa: E402
from pipeline.stance.evaluate import commentary_cases  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
HELD_OUT = ("stance-dev", "essays-dev", "longread-dev", "short-dev")
DEFAULT_VARIANTS = ("shipped", "novec", "scaled:0.05", "raw:2", "C:40", "ngram:1-2", "sent")


def sentence_of(quote: str, item: AnalysisInput) -> str:
    """The sentence a claim stands in (a claim spanning a sentence break: its first sentence's
    opening words find it; failing that, the claim itself)."""
    for cut in (quote, quote[:8]):
        for sent in item.sentences:
            if cut in sent.text:
                return sent.text
    return quote


def read_articles(
    analyzer: Analyzer, items: list[tuple[str, AnalysisInput, list[dict]]]
) -> tuple[Candidates, np.ndarray]:
    """The rules' candidates of each article grouped by quote, as `duokong train` reads them,
    and their rows: claim_rows with vectors, then the vector of each claim's sentence."""
    extractor = analyzer.predictor
    encoder = shared_encoder()
    cands: Candidates = []
    rows = [np.empty((0, claim_width(True) + DIM), dtype=object)]
    for ex_id, item, gold in items:
        found, contexts = extractor.candidates_in_context(item.article, item.sentences)
        groups = by_quote(found)
        cands.append((ex_id, groups, contexts, gold))
        if groups:
            sents = encoder.embed([to_simplified(sentence_of(g[0].quote, item)) for g in groups])
            claims = claim_rows(groups, contexts, extractor, True)
            rows.append(np.hstack([claims, np.asarray(sents, dtype=object)]))
    return cands, np.concatenate(rows)


def _times(w: float) -> Callable[[np.ndarray], np.ndarray]:
    return lambda X: X.astype(float) * w


def estimator(variant: str):  # -> sklearn.pipeline.Pipeline
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    kind, _, value = variant.partition(":")
    ngrams = tuple(int(n) for n in value.split("-")) if kind == "ngram" else (1, 3)
    vector = list(range(1 + FLAGS, claim_width(True)))
    sentence = list(range(claim_width(True), claim_width(True) + DIM))
    parts = [
        ("chars", hashed_tfidf(analyzer="char", ngram_range=ngrams), 0),
        ("flags", "passthrough", list(range(1, 1 + FLAGS))),
    ]
    if kind == "scaled":
        scaled = make_pipeline(StandardScaler(), FunctionTransformer(_times(float(value))))
        parts.append(("sense", scaled, vector))
    elif kind == "raw":
        parts.append(("sense", FunctionTransformer(_times(float(value))), vector))
    elif kind != "novec":
        parts.append(("sense", "passthrough", vector))
    if kind == "sent":
        parts.append(("sentence", FunctionTransformer(_times(float(value or 1.0))), sentence))
    if kind not in ("shipped", "novec", "scaled", "raw", "C", "ngram", "sent"):
        raise SystemExit(f"unknown variant {variant!r}; see the docstring for the ones there are")
    return with_classifier(
        ColumnTransformer(parts), logistic_exact(float(value) if kind == "C" else C)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("variants", nargs="*", default=list(DEFAULT_VARIANTS))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for v in args.variants:
        estimator(v)  # an unknown name stops here, not after minutes of reading
    analyzer = Analyzer(load_settings().with_overrides(claim_model=""))
    examples = load_examples(default_training_paths("claims.v3", PROJECT_ROOT))
    print(f"reading candidates: {len(examples)} training examples", file=sys.stderr, flush=True)
    train, rows = read_articles(
        analyzer, [(e.id, e.analysis_input(analyzer.nlp), e.predictions) for e in examples]
    )
    sets: dict[str, tuple[Candidates, np.ndarray]] = {}
    for name in HELD_OUT:
        held = load_examples([PROJECT_ROOT / "data" / "labelled" / name])
        sets[name] = read_articles(
            analyzer, [(e.id, e.analysis_input(analyzer.nlp), e.predictions) for e in held]
        )
    if COMMENTARY.exists():
        golds = {g["id"]: g for g in load_gold([COMMENTARY / "labels.jsonl"])}
        cases = [c for c in commentary_cases(COMMENTARY, analyzer) if c.item is not None]
        sets["real pages"] = read_articles(
            analyzer, [(c.id, c.item, golds[c.id].get("predictions") or []) for c in cases]
        )
    else:
        print(f"{COMMENTARY} is absent: the real pages are not measured", file=sys.stderr)
    y = candidate_labels(train)
    print(f"{len(rows)} training candidates, {int(y.sum())} match a gold quote")
    print("variant        CV F1 @ threshold   " + "   ".join(sets))
    for variant in args.variants:
        # the threshold picked as training picks it
        f1_at = cross_validate(train, rows, y, estimator(variant), args.repeats).f1_by_threshold()
        threshold = plateau_middle(f1_at)
        model = estimator(variant).fit(rows, y)
        cells = []
        for cands, held_rows in sets.values():
            probs = dict(
                zip(candidate_keys(cands), model.predict_proba(held_rows)[:, 1], strict=True)
            )
            cells.append(f"{score_at(cands, probs, threshold).f1:.3f}")
        print(
            f"{variant:<14} {f1_at[threshold]:.3f} @ {threshold:<10}  " + "   ".join(cells),
            flush=True,
        )


if __name__ == "__main__":
    main()
