"""Every stance backend side by side on the same gold cases, with a majority-class baseline.

Cases come from real pages (a folder with pages.jsonl + labels.jsonl, such as
../shared/eval/commentary: whole page text, boilerplate and all, extracted as in production) or
from our labelled examples. Each model reads the same extracted articles, so differences in the
table are differences between models, not between extractions.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.analyze import Analyzer, analysed
from pipeline.errors import DuokongError
from pipeline.jsonl import json_lines
from pipeline.records import RawPage, Reject
from pipeline.scoring import overlaps
from pipeline.settings import Settings
from pipeline.sources import pages_of, supplied_metadata
from pipeline.stance import registry
from pipeline.stance.base import AnalysisInput
from pipeline.stance.calibration import overconfidence
from pipeline.stance.dataset import DatasetError, Example

log = logging.getLogger(__name__)
LABELS = ("bullish", "bearish", "neutral")
MAJORITY = "majority"


@dataclass(frozen=True)
class Case:
    id: str
    item: AnalysisInput | None  # None when extraction refused the page
    gold: dict[str, str]  # target -> label
    # target -> the sentences the annotator quotes for the label (none where gold gives none)
    evidence: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class ModelScore:
    model: str
    pairs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # target -> (gold, got)
    error: str | None = None
    # (score, right) of every label the model gave where the page names the target and gold
    # says so: whether a score of 0.8 is right about 80 % of the time (calibration.py)
    scored: list[tuple[float, bool]] = field(default_factory=list)
    # whether the model's evidence quotes a sentence the annotator gave, for every label the
    # model gave where gold gives evidence: what a user reading the evidence checks first
    evidence_hits: list[bool] = field(default_factory=list)

    def mean_score(self) -> tuple[float, float] | None:
        """(mean score, share right) of the labels the model gave; None for the baseline."""
        if not self.scored:
            return None
        return overconfidence([s for s, _ in self.scored], [ok for _, ok in self.scored])

    def evidence_rate(self) -> float | None:
        """Share of the labels given whose evidence holds one of the annotator's sentences."""
        return sum(self.evidence_hits) / len(self.evidence_hits) if self.evidence_hits else None

    def macro_f1(self, target: str) -> tuple[float, dict[str, float]]:
        return macro_f1([(g, p) for g, p in self.pairs.get(target, []) if g != "none"])

    def none_accuracy(self, target: str) -> float:
        tp = self.pairs.get(target, [])
        return sum((g == "none") == (p == "none") for g, p in tp) / len(tp) if tp else 0.0


def macro_f1(
    pairs: list[tuple[str, str]], labels: tuple[str, ...] = LABELS
) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the labels present in gold (a class absent from gold cannot be scored)."""
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    present = [lab for lab in labels if any(g == lab for g, _ in pairs)]
    return (sum(per[lab] for lab in present) / len(present) if present else 0.0), per


def confusion(pairs: list[tuple[str, str]], labels: tuple[str, ...] = (*LABELS, "none")) -> str:
    rows = ["    gold \\ got " + " ".join(f"{lab:>8}" for lab in labels)]
    for g in labels:
        rows.append(
            f"    {g:>10} "
            + " ".join(f"{sum(1 for a, b in pairs if a == g and b == p):>8}" for p in labels)
        )
    return "\n".join(rows)


def commentary_cases(folder: Path, analyzer: Analyzer) -> list[Case]:
    """Real pages as a scraper hands them over (text dumps with the scraper's title and publish
    date where it had them), extracted by our pipeline."""
    pages = _commentary_pages(folder)
    cases = []
    for lab in _commentary_labels(folder, set(pages), analyzer.catalogue.ids):
        page = pages[lab["id"]]
        # As the JSON reader hands over such a record: its title and publish date fill what
        # the text dump does not show (sources.supplied_metadata).
        raw = RawPage(
            page["id"],
            page["text"].encode("utf-8"),
            "text",
            url=page.get("source"),
            supplied=supplied_metadata(page),
        )
        gold = {t: lab[f"stance_{t}"] for t in analyzer.catalogue.ids if lab.get(f"stance_{t}")}
        evidence = {t: _quoted(lab.get(f"evidence_{t}")) for t in gold}
        evidence = {t: quotes for t, quotes in evidence.items() if quotes}
        # As the reader hands it over: a feed saved as the page comes as its items, and the
        # page's labels are its first item's (the post the page's title names).
        first = next(pages_of(raw))
        if isinstance(first, Reject):
            log.warning("%s: not extracted (%s)", page["id"], first.detail)
            cases.append(Case(page["id"], None, gold, evidence))
            continue
        raw = first
        try:
            article = analyzer.extract(raw)
        except DuokongError as exc:
            log.warning("%s: not extracted (%s)", page["id"], exc)
            cases.append(Case(page["id"], None, gold, evidence))
            continue
        read = analysed(article)  # as `duokong analyze` reads it: the note, the body's head
        item = AnalysisInput(read, analyzer.nlp.sentences(read.body))
        cases.append(Case(page["id"], item, gold, evidence))
    return cases


def _commentary_pages(folder: Path) -> dict[str, dict]:
    """pages.jsonl of a commentary folder by id, each line checked (file and line named)."""
    path = folder / "pages.jsonl"
    if not path.is_file():
        raise DatasetError(
            f"{folder} holds labels.jsonl but no pages.jsonl; a folder of real pages holds both "
            "(one page a line: id, text)"
        )
    pages = {}
    for where, p in json_lines(path, DatasetError):
        if not isinstance(p, dict) or not isinstance(p.get("id"), str):
            raise DatasetError(f"{where}: each line must be an object with an id and a text")
        if not isinstance(p.get("text"), str):
            raise DatasetError(f"{where}: page {p['id']!r} has no text")
        pages[p["id"]] = p
    return pages


def _commentary_labels(folder: Path, pages: set[str], targets: list[str]) -> Iterator[dict]:
    """labels.jsonl's lines, each naming a page of pages.jsonl, labels the task has and
    targets the catalogue has (a stance_amd without amd in it scored nothing, in silence)."""
    for where, lab in json_lines(folder / "labels.jsonl", DatasetError):
        if not isinstance(lab, dict) or not isinstance(lab.get("id"), str):
            raise DatasetError(f"{where}: each line must be an object with the id of a page")
        if lab["id"] not in pages:
            raise DatasetError(f"{where}: no page {lab['id']!r} in {folder / 'pages.jsonl'}")
        for key, value in lab.items():
            if not key.startswith("stance_") or value in (None, ""):
                continue
            if key.removeprefix("stance_") not in targets:
                raise DatasetError(
                    f"{where}: {key} names a target the catalogue does not have (it has "
                    f"{', '.join(targets)}); add it to the catalogue (settings: targets_file)"
                )
            if value not in (*LABELS, "none"):
                raise DatasetError(
                    f"{where}: {key} is {value!r}; use one of {', '.join((*LABELS, 'none'))}"
                )
        yield lab


def _quoted(value: object) -> list[str]:
    """A label's evidence as the gold writes it: one sentence, a list of them, or none."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def example_cases(examples: list[Example], analyzer: Analyzer) -> list[Case]:
    return [
        Case(
            ex.id,
            ex.analysis_input(analyzer.nlp),
            dict(ex.labels),
            {t: list(quotes) for t, quotes in ex.evidence.items() if quotes},
        )
        for ex in examples
    ]


def score_model(name: str, cases: list[Case], settings: Settings, analyzer: Analyzer) -> ModelScore:
    score = ModelScore(name)
    try:
        classifier = registry.create(name, settings, analyzer.catalogue)
    except DuokongError as exc:
        score.error = str(exc)
        return score
    return score_classifier(score, classifier, cases)


def score_classifier(score: ModelScore, classifier, cases: list[Case]) -> ModelScore:
    """Every case read by a loaded backend, into `score` (benchmarks read one backend several
    ways: benchmarks/stance_calibration.py)."""
    for case in cases:
        got = {}
        if case.item is not None:
            got = {s.target: s for s in classifier.predict(case.item, list(case.gold))}
        for target, gold in case.gold.items():
            stance = got.get(target)
            label = stance.label if stance is not None else "none"
            score.pairs.setdefault(target, []).append((gold, label))
            if stance is not None and "none" not in (gold, label):
                score.scored.append((stance.score, label == gold))
                if quotes := case.evidence.get(target):
                    score.evidence_hits.append(
                        any(overlaps(e, q) for e in stance.evidence for q in quotes)
                    )
    return score


def majority_baseline(cases: list[Case]) -> ModelScore:
    """Always the most frequent gold label among pages that mention the target (and `none`
    where gold says not mentioned): the floor any model must clear."""
    score = ModelScore(MAJORITY)
    targets = {t for c in cases for t in c.gold}
    for target in sorted(targets):
        labels = Counter(c.gold[target] for c in cases if c.gold.get(target, "none") != "none")
        top = labels.most_common(1)[0][0] if labels else "neutral"
        score.pairs[target] = [
            (c.gold[target], "none" if c.gold[target] == "none" else top)
            for c in cases
            if target in c.gold
        ]
    return score


def compare(
    models: list[str], cases: list[Case], settings: Settings, analyzer: Analyzer
) -> list[ModelScore]:
    return [majority_baseline(cases)] + [score_model(m, cases, settings, analyzer) for m in models]


def format_comparison(scores: list[ModelScore], title: str, details: bool = True) -> str:
    targets = sorted({t for s in scores for t in s.pairs})
    width = {t: max(14, len(t) + 7) for t in targets}  # "deepseek none" whole, not "deepse none"
    head = (
        f"{'model':<16}"
        + "".join(f"{t + ' F1':>{width[t]}}{t + ' none':>{width[t]}}" for t in targets)
        + f"{'score':>8}{'right':>7}{'evidence':>10}"
    )
    lines = [title, "", head]
    for s in scores:
        if s.error:
            lines.append(f"{s.model:<16}  not measured: {s.error}")
            continue
        calibration = s.mean_score()
        lines.append(
            f"{s.model:<16}"
            + "".join(
                f"{s.macro_f1(t)[0]:>{width[t]}.3f}{s.none_accuracy(t):>{width[t]}.3f}"
                for t in targets
            )
            + (f"{calibration[0]:>8.3f}{calibration[1]:>7.3f}" if calibration else "")
            + (f"{rate:>10.3f}" if (rate := s.evidence_rate()) is not None else "")
        )
    lines.append(
        "(F1: macro over bullish/bearish/neutral on cases that mention the target; none: share of cases where mentioned/not mentioned is right;\n"
        " score: the mean score of the labels given on those cases, right: the share of them that is right; the closer, the more a score means;\n"
        " evidence: the share of those labels whose evidence sentences hold one the annotator quotes, overlapping by half)"
    )
    if details:
        for s in scores:
            if s.error or s.model == MAJORITY:
                continue
            for t in targets:
                f1, per = s.macro_f1(t)
                n = sum(1 for g, _ in s.pairs[t] if g != "none")
                lines += [
                    "",
                    f"{s.model} · {t}: macro-F1 {f1:.3f} on {n} cases; "
                    + "  ".join(f"{k} {v:.2f}" for k, v in per.items()),
                    confusion(s.pairs[t]),
                ]
    return "\n".join(lines)


def feature_pairs(
    cases: list[Case], features
) -> tuple[list[list[object]], list[tuple[str, str]], list[str]]:
    """Feature rows of every (case, target) whose gold says the page names the target and that
    the page does name, with (target, gold label) and the case id of each: for experiments that
    fit throwaway models on real pages (benchmarks/stance_limits.py, benchmarks/stability.py)."""
    from pipeline.stance.views import mentioned_targets

    rows, gold, ids = [], [], []
    for case in cases:
        if case.item is None:
            continue
        named = mentioned_targets(case.item, features.catalogue)
        for target, label in case.gold.items():
            if label != "none" and target in named:
                rows.append(features.row(case.item, target))
                gold.append((target, label))
                ids.append(case.id)
    return rows, gold, ids
