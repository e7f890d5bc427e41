"""Quote-level scoring of predictions against gold quotes (the metric of issue 5), kept apart
from the evaluation commands so the claim filter can use it without loading them."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from pipeline.extract.ruby import strip_annotations


def _target_key(target: str | None) -> str:
    """Gold files write a claim about no catalogue target as null or "other"; so does scoring."""
    return target or "other"


def _scored_chars(text: str) -> Counter:
    text = unicodedata.normalize("NFKC", text or "")
    return Counter(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


def char_f1(pred: str, gold: str) -> float:
    """Body extraction's measure (issue 3): F1 of the two texts' character multisets after NFKC,
    leaving out whitespace, punctuation and symbols (Unicode P, S, Z, C); 0 when either is empty.
    Characters, not words: Chinese has no spaces to split on, and a segmenter would add its own
    errors to the extractor's."""
    p, g = _scored_chars(pred), _scored_chars(gold)
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _same_time(ours: str | None, gold: str) -> bool:
    """One time expression within the other (半年 in 半年左右, 明年 in 明年年底): gold marks the
    words around a time in its own way; two different times are not alike for sharing a 年."""
    a, b = ("".join(t.split()) for t in (ours or "", gold))
    return bool(a and b) and (a in b or b in a)


def overlaps(a: str, b: str) -> bool:
    """Quotes match when they share at least half of the shorter one (longest common substring).
    Pinyin reading aids (預(yù)計) are compared away: extraction removes them from the body, and
    a gold quote copied from the raw page still has them."""
    short, long_ = sorted((strip_annotations(a), strip_annotations(b)), key=len)
    if not short:
        return False
    best = 0
    for i in range(len(short)):
        for j in range(i + best + 1, len(short) + 1):
            if short[i:j] in long_:
                best = j - i
            else:
                break
    return best >= len(short) / 2


@dataclass
class PredictionScore:
    """Quote-level matching (overlap of half the shorter quote), then target/direction on matches."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    target_ok: int = 0
    direction_ok: int = 0
    due_ok: int = 0
    due_total: int = 0  # matched gold quotes that state a due date
    # Gold quotes about no catalogue target, and how many matched: claims about 国产芯片 or the
    # AI bubble are found far less often than claims about a target (recall apart).
    gold_targetless: int = 0
    matched_targetless: int = 0
    # Whose claim it is (the author's own or reported speech), on matched gold quotes that say.
    speaker_ok: int = 0
    speaker_total: int = 0
    # The time the claim is due by, as written (半年以后, 明年), on matched gold quotes that name
    # one: what the due date is computed from, so also measured where gold gives no date.
    horizon_ok: int = 0
    horizon_total: int = 0
    # The same on every matched gold quote that says whether it has a time, none included: a
    # time given to a claim whose author gave none (borrowed from a claim nearby) is wrong
    # here, and invisible in the figure above.
    timed_ok: int = 0
    timed_total: int = 0

    def add(self, gold: list[dict], predicted: list) -> None:
        quotes: dict[str, list] = {}
        for p in predicted:
            quotes.setdefault(p.quote, []).append(p)
        self.gold += len(gold)
        self.predicted += len(quotes)
        hit_quotes = set()
        for g in gold:
            targetless = _target_key(g.get("target")) == "other"
            self.gold_targetless += targetless
            match = next((q for q in quotes if overlaps(q, g["quote"])), None)
            if match is None:
                continue
            self.matched_gold += 1
            self.matched_targetless += targetless
            hit_quotes.add(match)
            cands = quotes[match]
            same_target = [
                p for p in cands if _target_key(p.target) == _target_key(g.get("target"))
            ]
            # Right only when the quote is read as about the targets gold gives it and no
            # other: a claim read as about two targets where gold has one is wrong for one.
            gold_targets = {
                _target_key(x.get("target")) for x in gold if overlaps(match, x["quote"])
            }
            self.target_ok += bool(same_target) and all(
                _target_key(p.target) in gold_targets for p in cands
            )
            self.direction_ok += any(
                p.direction == g.get("direction") for p in (same_target or cands)
            )
            if g.get("speaker"):
                self.speaker_total += 1
                self.speaker_ok += any(p.speaker == g["speaker"] for p in cands)
            if g.get("horizon"):
                self.horizon_total += 1
                self.horizon_ok += any(_same_time(p.horizon, g["horizon"]) for p in cands)
            if "horizon" in g:
                self.timed_total += 1
                self.timed_ok += any(
                    _same_time(p.horizon, g["horizon"]) if g["horizon"] else not p.horizon
                    for p in cands
                )
            if "due" in g:
                self.due_total += 1
                self.due_ok += any(
                    (p.due.isoformat() if p.due else None) == g["due"] for p in cands
                )
        self.matched_pred += len(hit_quotes)

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        p, r, f = self.precision, self.recall, self.f1
        m = self.matched_gold or 1
        return (
            f"predictions: precision {p:.3f} recall {r:.3f} F1 {f:.3f} "
            f"({self.predicted} predicted quotes, {self.gold} gold, {self.matched_gold} gold matched); "
            f"on matched: target {self.target_ok / m:.3f}, direction {self.direction_ok / m:.3f}"
            + (
                f", horizon {self.horizon_ok / self.horizon_total:.3f}"
                if self.horizon_total
                else ""
            )
            + (
                f" ({self.timed_ok / self.timed_total:.3f} with claims that have none)"
                if self.timed_total
                else ""
            )
            + (f", due date {self.due_ok / self.due_total:.3f}" if self.due_total else "")
            + (
                f", speaker {self.speaker_ok / self.speaker_total:.3f}"
                if self.speaker_total
                else ""
            )
            + self._recall_by_target()
        )

    def _recall_by_target(self) -> str:
        named = self.gold - self.gold_targetless
        if not (named and self.gold_targetless):
            return ""
        return (
            f"; recall on quotes about a target {(self.matched_gold - self.matched_targetless) / named:.3f}"
            f" ({named}), about neither {self.matched_targetless / self.gold_targetless:.3f}"
            f" ({self.gold_targetless})"
        )
