"""Feature rows for the trained stance models: the same code at training and predict time.

A row is [view tokens, view characters, dense lexicon features..., the article's voice shares
(voice.py)]. Text is converted to Simplified first, so Traditional pages share every feature with
Simplified ones.
"""

from __future__ import annotations

import math

from pipeline.nlp import ChineseNLP, to_simplified
from pipeline.settings import Settings
from pipeline.stance.base import AnalysisInput
from pipeline.stance.cues import CueLexicon, CueScorer
from pipeline.stance.lexicon import LexiconStance, SentenceScore
from pipeline.stance.views import mask, mentioned_targets, target_view
from pipeline.stance.voice import VoiceMarkers
from pipeline.targets import Catalogue

SQUASH = 3.0


class FeatureBuilder:
    CUE_COLUMNS = 10
    DENSE = CUE_COLUMNS + VoiceMarkers.COUNT  # dense columns after the two text columns

    def __init__(self, lexicon: LexiconStance, nlp: ChineseNLP, voice: VoiceMarkers) -> None:
        self.lexicon = lexicon
        self.nlp = nlp
        self.voice = voice
        self.catalogue = lexicon.catalogue

    @classmethod
    def from_settings(cls, settings: Settings, catalogue: Catalogue) -> FeatureBuilder:
        cues = CueLexicon.load(settings.path("stance_cues"), catalogue)
        return cls(
            LexiconStance(CueScorer(cues, catalogue), catalogue),
            ChineseNLP(catalogue, settings.path("userdict")),
            VoiceMarkers.load(settings.path("stance_cues")),
        )

    def text_columns(self, view: str) -> list[str]:
        simplified = to_simplified(view)
        tokens = " ".join(t for t in self.nlp.tokens(simplified) if not t.isspace())
        return [tokens, simplified]

    def _dense(
        self, scored: list[SentenceScore], target: str, n_sentences: int, named: int, others: int
    ) -> list[float]:
        mine = [s for s in scored if target in s.scores]
        values = [s.scores[target] for s in mine]
        views = [self.lexicon.scorer.view(to_simplified(s.sentence)) for s in mine]
        n = max(len(mine), 1)
        # Sums squashed: a long article's raw sums run to tens and would saturate the model.
        return [
            math.tanh(sum(values) / SQUASH),
            math.tanh(sum(v for v in values if v > 0) / SQUASH),
            math.tanh(-sum(v for v in values if v < 0) / SQUASH),
            math.log1p(len(mine)) / 3,
            named / max(n_sentences, 1),
            float(any(s.is_title for s in mine)),
            others / max(n_sentences, 1),
            sum(v.reported for v in views) / n,
            sum(v.rhetorical for v in views) / n,
            sum(v.conditional for v in views) / n,
        ]

    def rows(self, item: AnalysisInput, targets: list[str]) -> list[list[object]]:
        """One row per target; the article's sentences are cue-scored once for all of them."""
        in_article = mentioned_targets(item, self.catalogue)
        scored = self.lexicon.sentence_scores(item, in_article)
        voice = self.voice.shares([s.text for s in item.sentences], item.article.body)
        out = []
        for target in targets:
            named = sum(1 for s in item.sentences if target in s.targets)
            others = sum(1 for s in item.sentences if s.targets - {target})
            view = target_view(item, target, self.catalogue)
            out.append(
                [
                    *self.text_columns(view),
                    *self._dense(scored, target, len(item.sentences), named, others),
                    *voice,
                ]
            )
        return out

    def row(self, item: AnalysisInput, target: str) -> list[object]:
        return self.rows(item, [target])[0]

    def sentence_row(self, sentence: str, target: str) -> list[object]:
        """A row for one sentence read alone (to rank evidence sentences)."""
        named = self.catalogue.mentioned(sentence)
        score = SentenceScore(
            sentence, self.lexicon.scorer.score(sentence, dict.fromkeys(named, 1.0))
        )
        return [
            *self.text_columns(mask(sentence, target, self.catalogue)),
            *self._dense([score], target, 1, int(target in named), int(bool(named - {target}))),
            *self.voice.shares([sentence], ""),
        ]
