"""What the encoder costs: pages per second, linear.v1 against linear.v2 and claims.v2 against
claims.v3, same run.

    .venv/bin/python benchmarks/stance_speed.py [--repeat 3]

On our sample pages and, where ../shared is present, the 130 real pages of
../shared/eval/commentary (longer: their target views hold a median 5.5 sentences, up to 113):
the stance stage alone (both targets, evidence included) and the whole analysis of an
extracted page (sentences, stance, predictions), one process, medians over --repeat with the
encoder's cache emptied before each pass, so that every sentence is read afresh. Last, the
prediction rules alone (the candidates both trained stance models count as forecast columns):
what the stance stage pays for them when it is called alone; the whole analysis runs them once
for both stages.

Three configurations side by side: linear.v1 with claims.v2 (neither reads sentence vectors: what
a run that chooses speed sets), linear.v2 with claims.v2, and the default, linear.v2 with
claims.v3 (the claim filter reads each claim's vector too). The stance stage alone does not
depend on the claim filter, so its row shows the two stance models.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analyze import Analyzer, analysed_text  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.sources import discover  # noqa: E402
from pipeline.stance import encoder  # noqa: E402
from pipeline.stance.base import AnalysisInput  # noqa: E402
from pipeline.stance.evaluate import commentary_cases  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
CONFIGS = (("linear.v1", "claims.v2"), ("linear.v2", "claims.v2"), ("linear.v2", "claims.v3"))
LABELS = tuple(f"{m}+{c.split('.')[1]}" for m, c in CONFIGS)


def _fresh() -> None:
    encoder.shared_encoder().forget()


def articles(settings, analyzer: Analyzer) -> dict[str, list]:
    """Each set's pages as extracted articles (extraction is the same for both models)."""
    from pipeline.batch import read_inputs
    from pipeline.records import RawPage

    pages = read_inputs(discover([settings.path("samples")]), settings)
    results = [analyzer.process(p, analyse=False) for p in pages if isinstance(p, RawPage)]
    out = {"samples": [r.article for r in results if r.ok]}
    if (COMMENTARY / "labels.jsonl").is_file():
        cases = commentary_cases(COMMENTARY, analyzer)
        out["real pages"] = [c.item.article for c in cases if c.item is not None]
    else:
        print(f"({COMMENTARY} is absent: only the samples are timed)")
    return out


def rate(work, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        _fresh()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return n / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings()
    analyzers = {
        label: Analyzer(settings.with_overrides(model=m, claim_model=c))
        for label, (m, c) in zip(LABELS, CONFIGS, strict=True)
    }
    base = analyzers[LABELS[0]]
    print(f"{'pages':<12}{'stage':<18}" + "".join(f"{m:>20}" for m in LABELS))
    for name, arts in articles(settings, base).items():
        items = [AnalysisInput(a, base.nlp.sentences(analysed_text(a))) for a in arts]
        stance, whole = {}, {}
        for m, an in analyzers.items():

            def stance_pass(an=an, items=items) -> None:
                for item in items:
                    an.classifier.predict(item, an.catalogue.ids)

            def whole_pass(an=an, arts=arts) -> None:
                for article in arts:
                    an.analyze_article(article)

            if m != LABELS[2]:  # the default's stance model is timed in the column before
                stance[m] = rate(stance_pass, len(items), args.repeat)
            whole[m] = rate(whole_pass, len(arts), args.repeat)
        stance[LABELS[2]] = stance[LABELS[1]]  # the same stance model
        for stage, r in (("stance alone", stance), ("whole analysis", whole)):
            cells = "".join(f"{r[m]:>12.1f} (×{r[m] / r[LABELS[0]]:.2f})" for m in LABELS)
            print(f"{name:<12}{stage:<18}{cells}", flush=True)

        def rules_pass(items=items) -> None:
            for item in items:
                base.predictor.candidates(item.article, item.sentences)

        print(
            f"{name:<12}{'prediction rules':<18}{rate(rules_pass, len(items), args.repeat):>12.1f}"
        )
    print(f"(pages per second; in brackets against {LABELS[0]})")


if __name__ == "__main__":
    main()
