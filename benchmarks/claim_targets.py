"""Which target the prediction rules give the claims they find, apart from the claim filter.

    .venv/bin/python benchmarks/claim_targets.py

For every gold prediction quote of our labelled articles, the rule candidates that overlap it
(by half of the shorter, as `duokong eval` matches quotes): whether there is one, and whether
the targets the rules give those candidates are the gold target (no catalogue target counts as
"other", as in scoring). The rules are not trained, so the training articles are read too: they
are the largest set of claims we have. The real pages of ../shared/eval/commentary are read
where present, by half: the pages at even places of labels.jsonl (the half the error readings
of the later sessions read while writing rules) and those at odd places, the other half. Only
the other half says how the rules carry over, and it does so only roughly: until 2026-12-07
this script split the pages by a hash of their id, and the session that wrote it read that
hash's even half, so some of the other half has been read too.

Why: a claim read as about the wrong target is scored wrong for target and usually for
direction, and the stance models count claims by target. The fifty-fourth session's clause-level
claims (one sentence, a claim for each subject) moved this figure on the training articles from
0.772 to 0.804.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.scoring import _target_key, overlaps  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stance.dataset import load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases  # noqa: E402

LABELLED = ROOT / "data" / "labelled"
SETS = ("stance", "stance-dev", "essays-dev", "longread-dev", "short-dev", "fieldwide-dev")
COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"


def tally(analyzer: Analyzer, item, golds: list[dict], counts: list[int]) -> None:
    """Add to counts [gold quotes, covered by a candidate, target right] for one article."""
    found, _ = analyzer.predictor.candidates_in_context(item.article, item.sentences)
    for gold in golds:
        near = [p for p in found if overlaps(p.quote, gold["quote"])]
        counts[0] += 1
        counts[1] += bool(near)
        counts[2] += bool(near) and {_target_key(p.target) for p in near} == {
            _target_key(gold.get("target"))
        }


def main() -> None:
    analyzer = Analyzer(load_settings().with_overrides(claim_model=""))
    rows: dict[str, list[int]] = {}
    for name in SETS:
        counts = rows.setdefault(name, [0, 0, 0])
        for path in sorted((LABELLED / name).glob("*.jsonl")):
            for example in load_examples([path]):
                if example.predictions:
                    tally(
                        analyzer, example.analysis_input(analyzer.nlp), example.predictions, counts
                    )
    if (COMMENTARY / "labels.jsonl").exists():
        labels = {}
        for line in (COMMENTARY / "labels.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                labels[page["id"]] = page.get("predictions") or []
        place = {page_id: i for i, page_id in enumerate(labels)}  # dicts keep file order
        for case in commentary_cases(COMMENTARY, analyzer):
            if case.item is None:
                continue
            name = "real pages, dev half" if place[case.id] % 2 == 0 else "real pages, other half"
            tally(analyzer, case.item, labels[case.id], rows.setdefault(name, [0, 0, 0]))
    else:
        print(f"({COMMENTARY} is absent: the real pages are skipped)")
    print(f"{'set':26} {'gold':>6} {'covered':>8} {'target right':>13}")
    for name, (gold, covered, right) in rows.items():
        label = "stance (training)" if name == "stance" else name
        print(f"{label:26} {gold:6d} {covered:8d} {right:8d} ({right / max(covered, 1):.3f})")


if __name__ == "__main__":
    main()
