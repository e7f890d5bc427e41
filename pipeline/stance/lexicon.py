"""lexicon.v1: rules and lexicons, no training.

Each sentence that concerns a target (names it, uses one of its product or people names, talks
about its sector, or uses a cue specific to it) is scored by CueScorer; the article's stance is
the weighed sum, so one loud sentence does not outvote a whole argument. The title counts a
little: Chinese headlines are often questions that the body answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.nlp import to_simplified
from pipeline.records import Stance
from pipeline.settings import Settings
from pipeline.stance.base import AnalysisInput
from pipeline.stance.cues import CueLexicon, CueScorer
from pipeline.stance.registry import register
from pipeline.stance.views import first_mentions
from pipeline.targets import Catalogue

NAME = "lexicon.v1"
THRESHOLD = 0.6
TITLE_WEIGHT = 0.3
EVIDENCE_MAX = 3


@dataclass(frozen=True)
class SentenceScore:
    sentence: str
    scores: dict[str, float]
    is_title: bool = False


class LexiconStance:
    name = NAME

    def __init__(self, scorer: CueScorer, catalogue: Catalogue) -> None:
        self.scorer = scorer
        self.catalogue = catalogue
        self._related = {
            t.id: tuple(to_simplified(r) for r in t.related) for t in catalogue.targets
        }
        self._specific = {t.id: tuple(scorer.lexicon.target_cues[t.id]) for t in catalogue.targets}

    def attribution(
        self, sentence: str, in_article: set[str], previous: set[str], named: set[str] | None = None
    ) -> dict[str, float]:
        named = self.catalogue.mentioned(sentence) if named is None else named
        weights = {t: 1.0 for t in named}
        if weights:
            return weights
        simplified = to_simplified(sentence)
        for t in in_article:
            if any(r in simplified for r in self._related[t]):
                weights[t] = 0.5
            elif any(c in simplified for c in self._specific[t]):
                weights[t] = 0.4
        if not weights and len(previous) == 1:
            weights = {next(iter(previous)): 0.4}
        return weights

    def sentence_scores(self, item: AnalysisInput, in_article: set[str]) -> list[SentenceScore]:
        out: list[SentenceScore] = []
        if item.article.title:
            w = self.attribution(item.article.title, in_article, set())
            if w:
                s = self.scorer.score(
                    item.article.title, {t: v * TITLE_WEIGHT for t, v in w.items()}
                )
                out.append(SentenceScore(item.article.title, s, is_title=True))
        previous: set[str] = set()
        last_paragraph = -1
        for sent in item.sentences:
            if sent.paragraph != last_paragraph:
                previous, last_paragraph = set(), sent.paragraph
            named = set(sent.targets)
            weights = self.attribution(sent.text, in_article, previous, named)
            if named:
                previous = named
            if weights:
                out.append(SentenceScore(sent.text, self.scorer.score(sent.text, weights)))
        return out

    def predict(self, item: AnalysisInput, targets: list[str]) -> list[Stance]:
        in_article = self.catalogue.mentioned(item.article.body) | (
            self.catalogue.mentioned(item.article.title or "")
        )
        scored = self.sentence_scores(item, in_article & set(targets))
        stances = []
        for target in targets:
            if target not in in_article:
                stances.append(Stance(item.article.id, target, "none", 0.99, (), NAME))
                continue
            total = sum(s.scores.get(target, 0.0) for s in scored)
            if total >= THRESHOLD:
                label = "bullish"
            elif total <= -THRESHOLD:
                label = "bearish"
            else:
                label = "neutral"
            if label == "neutral":
                prob = 1.0 - 0.5 * math.tanh(abs(total) / THRESHOLD)
                evidence = first_mentions(item, target, EVIDENCE_MAX)
            else:
                prob = 0.5 + 0.5 * math.tanh(abs(total) / 3)
                sign = 1 if label == "bullish" else -1
                evidence_from = sorted(
                    (s for s in scored if s.scores.get(target, 0) * sign > 0),
                    key=lambda s: -abs(s.scores[target]),
                )
                # Evidence is quoted from the body: the title only weighs in the score.
                evidence = tuple(dict.fromkeys(s.sentence for s in evidence_from if not s.is_title))
                evidence = evidence[:EVIDENCE_MAX] or first_mentions(item, target, 1)
            stances.append(Stance(item.article.id, target, label, round(prob, 3), evidence, NAME))
        return stances


@register(NAME)
def create(settings: Settings, catalogue: Catalogue) -> LexiconStance:
    lexicon = CueLexicon.load(settings.path("stance_cues"), catalogue)
    return LexiconStance(CueScorer(lexicon, catalogue), catalogue)
