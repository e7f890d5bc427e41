"""Quality against gold files: extraction fields, stance macro-F1, prediction matching.

The gold format is data/labelled/samples-gold/*.jsonl (one page per line, see its README).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.batch import analyzer_for, read_inputs
from pipeline.errors import DuokongError
from pipeline.jsonl import json_lines
from pipeline.records import PageResult, RawPage
from pipeline.scoring import PredictionScore
from pipeline.settings import Settings
from pipeline.sources import discover
from pipeline.stance.evaluate import macro_f1

LABELS = ("bullish", "bearish", "neutral")


class GoldFileError(DuokongError):
    """A gold file that cannot be scored against; the message names the file and line."""


def load_gold(files: list[Path], require: str | None = None) -> list[dict[str, Any]]:
    """The gold records of JSONL files, each an object (with the key require, when given)."""
    rows = []
    for f in files:
        for where, row in json_lines(f, GoldFileError):
            if not isinstance(row, dict) or (require and require not in row):
                raise GoldFileError(
                    f"{where} is not a gold record: each line must be a JSON object"
                    + (f" with {require!r}" if require else "")
                    + " (see data/labelled/samples-gold for the format)"
                )
            rows.append(row)
    if not rows:
        raise GoldFileError(f"no gold records in {', '.join(map(str, files))}")
    return rows


@dataclass
class EvalResult:
    pages: int = 0
    failed: list[str] = field(default_factory=list)
    fields: Counter = field(default_factory=Counter)
    field_totals: Counter = field(default_factory=Counter)
    keep_kept: int = 0
    keep_total: int = 0
    drop_dropped: int = 0
    drop_total: int = 0
    stance_pairs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    none_correct: int = 0
    none_total: int = 0
    predictions: PredictionScore = field(default_factory=lambda: PredictionScore())
    errors: list[str] = field(default_factory=list)


def page_result(root: Path, rel: str, settings: Settings) -> PageResult | None:
    """One sample page (root/rel) read through the whole pipeline, as `duokong run` reads it."""
    analyzer = analyzer_for(settings)
    pages = list(read_inputs(discover([root / rel]), settings))
    page = next((p for p in pages if isinstance(p, RawPage)), None)
    return analyzer.process(page) if page else None


def evaluate_samples(files: list[Path], settings: Settings, root: Path | None = None) -> EvalResult:
    root = root or settings.path("samples")
    res = EvalResult()
    for gold in load_gold(files, require="path"):
        res.pages += 1
        result = page_result(root, gold["path"], settings)
        if result is None or result.article is None:
            res.failed.append(gold["path"])
            continue
        a = result.article
        for key in ("title", "published", "site", "author", "category"):
            if gold.get(key) is None:
                continue
            res.field_totals[key] += 1
            got = a.published.isoformat() if key == "published" and a.published else getattr(a, key)
            if got == gold[key]:
                res.fields[key] += 1
            else:
                res.errors.append(f"{gold['path']}: {key} {got!r} != {gold[key]!r}")
        compact = "".join(a.body.split())
        for key, test in (("body_first", compact.startswith), ("body_last", compact.endswith)):
            res.field_totals[key] += 1
            if test("".join(gold[key].split())):
                res.fields[key] += 1
            else:
                res.errors.append(f"{gold['path']}: {key} {gold[key]!r} not where expected")
        for s in gold.get("keep", []):
            res.keep_total += 1
            res.keep_kept += "".join(s.split()) in compact
        for s in gold.get("drop", []):
            res.drop_total += 1
            res.drop_dropped += "".join(s.split()) not in compact
        got_stance = {s.target: s.label for s in result.stances}
        for target, label in gold.get("stance", {}).items():
            pred = got_stance.get(target, "none")
            if label == "none" or pred == "none":
                res.none_total += 1
                res.none_correct += label == pred
            if label != "none":
                res.stance_pairs.setdefault(target, []).append((label, pred))
            if pred != label:
                res.errors.append(f"{gold['path']}: stance {target} {pred} != {label}")
        res.predictions.add(gold.get("predictions", []), list(result.predictions))
    return res


def format_report(res: EvalResult) -> str:
    lines = [
        f"pages: {res.pages} ({len(res.failed)} not extracted: {res.failed})",
        "",
        "extraction:",
    ]
    for key in ("title", "published", "site", "author", "category", "body_first", "body_last"):
        if res.field_totals[key]:
            lines.append(
                f"  {key:<10} {res.fields[key] / res.field_totals[key]:.3f} ({res.fields[key]}/{res.field_totals[key]})"
            )
    if res.keep_total:
        lines.append(
            f"  keep kept  {res.keep_kept / res.keep_total:.3f} ({res.keep_kept}/{res.keep_total})"
        )
    if res.drop_total:
        lines.append(
            f"  drop gone  {res.drop_dropped / res.drop_total:.3f} ({res.drop_dropped}/{res.drop_total})"
        )
    lines += ["", "stance (macro-F1 over bullish/bearish/neutral, pages mentioning the target):"]
    for target, pairs in sorted(res.stance_pairs.items()):
        f1, per = macro_f1(pairs)
        lines.append(
            f"  {target:<10} {f1:.3f}  n={len(pairs)}  "
            + "  ".join(f"{k}={v:.2f}" for k, v in per.items())
        )
    if res.none_total:
        lines.append(
            f"  none accuracy {res.none_correct / res.none_total:.3f} ({res.none_correct}/{res.none_total})"
        )
    lines += ["", res.predictions.summary()]
    return "\n".join(lines)


def evaluate_commentary(folder: Path, settings: Settings, models: list[str]) -> str:
    """Real pages (../shared/eval/commentary: pages.jsonl + labels.jsonl), whole page text with
    its boilerplate as a scraper hands it over: every stance model side by side, then the
    prediction figures of the pipeline."""
    from pipeline.stance.evaluate import commentary_cases, compare, format_comparison

    analyzer = analyzer_for(settings)
    cases = commentary_cases(folder, analyzer)
    scores = compare(models, cases, settings, analyzer)
    pred = PredictionScore()
    labels = {g["id"]: g for g in load_gold([folder / "labels.jsonl"])}
    for case in cases:
        if case.item is not None:
            found = analyzer.predictor.extract(case.item.article, case.item.sentences)
            pred.add(labels[case.id].get("predictions") or [], list(found))
    title = f"{folder}: {len(cases)} pages ({sum(c.item is None for c in cases)} not extracted)"
    return format_comparison(scores, title) + "\n\n" + pred.summary()


def example_predictions(examples: list, analyzer) -> PredictionScore:
    """Prediction figures on our labelled examples (data/labelled/stance): the development
    set the prediction cues are tuned on; ../shared/eval/commentary is the measured one."""
    score = PredictionScore()
    for ex in examples:
        item = ex.analysis_input(analyzer.nlp)
        score.add(ex.predictions, analyzer.predictor.extract(item.article, item.sentences))
    return score
