"""Feature rows for the trained stance models: the same code at training and predict time.

A row is [view tokens, view characters, dense lexicon features..., the article's forecasts
about the target, the article's voice shares (voice.py)], and for linear.v2 the mean encoder
vector of the view's sentences after those (encoder.py). Text is converted to Simplified first,
so Traditional pages share every feature with Simplified ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection

import numpy as np

from pipeline.nlp import ChineseNLP, to_simplified
from pipeline.predictions import PredictionExtractor
from pipeline.records import Prediction
from pipeline.settings import Settings
from pipeline.stance.base import AnalysisInput
from pipeline.stance.cues import CueLexicon, CueScorer
from pipeline.stance.encoder import DIM, SentenceEncoder
from pipeline.stance.lexicon import LexiconStance, SentenceScore
from pipeline.stance.views import mask, mentioned_targets, target_view, view_sentences
from pipeline.stance.voice import VoiceMarkers
from pipeline.targets import Catalogue

SQUASH = 3.0
# Pseudo-sentences of the training sentences' mean vector added to each view's mean: one or two
# sentences' mean sits far out where means over many sit close in, and a one-line post outvoted
# its n-grams (輝達的股價還會上漲 read as bearish) until the short views were pulled in.
PRIOR_SENTENCES = 2.0
# The encoder reads about 43 sentences a second (one thread), the slowest step of a page. No
# training view holds more than 21 sentences; a long page's view (up to 113 on the real pages)
# is read up to this many, in document order.
MAX_ENCODED_SENTENCES = 32


# A condition that frames the reader's or others' view (如果你把DeepSeek理解成“一个模型”，那它确实随时
# 可能被超过。但我觉得…): the writer sets up a reading to turn from it, and what would follow
# is no forecast of theirs. Conditions about the world (如果美国继续收紧出口管制) and bets
# (如果半年以后…，我就删号) still count.
# (A claim's condition is its if-clause without the 如果.)
READERS_FRAME = re.compile(
    r"^\s*(?:(?:如果|假如|要是|若是|倘若|假设)\s*)?(?:你|您|大家|有人|很多人)\s*(?:只)?"
    r"(?:把|将|期待|期望|认为|觉得|以为|当|指望)"
)

# The article's forecasts about the target, counted by who makes them and which way they point.
FORECAST_KINDS = (("author", "up"), ("author", "down"), ("reported", "up"), ("reported", "down"))


class FeatureBuilder:
    CUE_COLUMNS = 10
    FORECAST_COLUMNS = len(FORECAST_KINDS)
    # dense columns after the two text columns
    DENSE = CUE_COLUMNS + FORECAST_COLUMNS + VoiceMarkers.COUNT

    def __init__(
        self,
        lexicon: LexiconStance,
        nlp: ChineseNLP,
        voice: VoiceMarkers,
        forecasts: PredictionExtractor,
        encoder: SentenceEncoder | None = None,
        prior: np.ndarray | None = None,
        trained_on: Collection[str] | None = None,
    ) -> None:
        """trained_on: the targets the model learnt from. Another of them in the text is
        "another target" (its names masked OTH, its sentences counted in `others`); a target a
        user added since reads as the words it is written with. The model learnt what another
        target means from NVIDIA and DeepSeek, a chip maker's buyer and rival in one: AMD
        added to the catalogue read as OTH and turned NVIDIA bullish on a page that says
        我越来越不看好英伟达 beside AMD's name. None: every other target is another target."""
        self.trained_on = frozenset(trained_on) if trained_on else None
        self.lexicon = lexicon
        self.nlp = nlp
        self.voice = voice
        self.forecasts = forecasts  # the prediction rules alone, without the trained filter
        self.encoder = encoder
        self.prior = np.zeros(DIM, dtype=np.float32) if prior is None else np.asarray(prior)
        self.catalogue = lexicon.catalogue

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        catalogue: Catalogue,
        encoder: SentenceEncoder | None = None,
        prior: np.ndarray | None = None,
        trained_on: Collection[str] | None = None,
    ) -> FeatureBuilder:
        cues = CueLexicon.load(settings.path("stance_cues"), catalogue)
        scorer = CueScorer(cues, catalogue)
        nlp = ChineseNLP(catalogue, settings.path("userdict"))
        return cls(
            LexiconStance(scorer, catalogue),
            nlp,
            VoiceMarkers.load(settings.path("stance_cues")),
            PredictionExtractor.from_settings(settings, scorer, catalogue, nlp.tagged),
            encoder,
            prior,
            trained_on,
        )

    def text_columns(self, view: str) -> list[str]:
        simplified = to_simplified(view)
        tokens = " ".join(t for t in self.nlp.tokens(simplified) if not t.isspace())
        return [tokens, self.lexicon.scorer.unglued(simplified)]

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
        claims = item.forecasts
        if claims is None:
            claims = tuple(self.forecasts.candidates(item.article, item.sentences))
        voice = self.voice.shares([s.text for s in item.sentences], item.article.body)
        out = []
        for target in targets:
            named = sum(1 for s in item.sentences if target in s.targets)
            others = sum(1 for s in item.sentences if self._others(s.targets, target))
            view = target_view(item, target, self.catalogue, others=self.trained_on)
            out.append(
                [
                    *self.text_columns(view),
                    *self._dense(scored, target, len(item.sentences), named, others),
                    *self._forecast_counts(claims, target),
                    *voice,
                    *self._meaning(item, target),
                ]
            )
        return out

    def _others(self, named: Collection[str], target: str) -> set[str]:
        """The targets named beside the target that the model reads as another target."""
        others = set(named) - {target}
        return others if self.trained_on is None else others & self.trained_on

    @staticmethod
    def _forecast_counts(claims: tuple[Prediction, ...], target: str) -> list[float]:
        """How many of the article's forecasts about the target go up or down, the author's own
        and those reported, squashed. Why: an author who calls the target's next move has said
        where they stand more plainly than any cue word (the seed's 如果…NVIDIA找TSMC砍单了，那挨打
        要立正 is the author's forecast that NVIDIA's orders hold up, whatever its words). The rules'
        candidates are counted, not the trained filter's picks: the filter learnt from these
        same articles, and its picks would be surer on them than on a new page. Measured when
        they were added, 2026-12-01 (`duokong eval --model linear.v2`, macro-F1 NVIDIA /
        DeepSeek, without → with): data/labelled/stance-dev 0.783 / 0.773 → 0.864 / 0.805, the
        real pages of ../shared/eval/commentary 0.421 / 0.617 → 0.506 / 0.566; the model card
        (models/linear-v2/README.md) has every set and the fits since."""
        counts = Counter(
            (p.speaker, p.direction)
            for p in claims
            if p.target == target and not (p.condition and READERS_FRAME.search(p.condition))
        )
        return [math.tanh(counts[kind] / 2) for kind in FORECAST_KINDS]

    def view_texts(self, item: AnalysisInput, target: str) -> list[str]:
        """What the encoder reads for a target: the view's sentences (the title where none
        names the target). Names are left as written: the encoder knows them."""
        chosen = view_sentences(item, target)[:MAX_ENCODED_SENTENCES]
        texts = [to_simplified(item.sentences[i].text) for i in chosen]
        if not texts and item.article.title:
            texts = [to_simplified(item.article.title)]
        return texts

    def learn_prior(self, pairs: list[tuple[AnalysisInput, str]]) -> np.ndarray:
        """Set the prior to the mean vector of every sentence the training pairs' views hold
        (what linear.v2 saves beside its model), and return it."""
        texts = [t for item, target in pairs for t in self.view_texts(item, target)]
        self.prior = self.encoder.mean(texts)
        return self.prior

    def _meaning(self, item: AnalysisInput, target: str) -> list[float]:
        """The view's mean encoder vector, pulled towards the prior (PRIOR_SENTENCES); nothing
        without an encoder."""
        if self.encoder is None:
            return []
        return self._pooled(self.encoder.embed(self.view_texts(item, target))).tolist()

    def _pooled(self, vectors: np.ndarray) -> np.ndarray:
        total = vectors.sum(axis=0) + PRIOR_SENTENCES * self.prior
        return total / (len(vectors) + PRIOR_SENTENCES)

    def row(self, item: AnalysisInput, target: str) -> list[object]:
        return self.rows(item, [target])[0]

    def sentence_row(self, sentence: str, target: str) -> list[object]:
        """A row for one sentence read alone (to rank evidence sentences)."""
        named = self.catalogue.mentioned(sentence)
        score = SentenceScore(
            sentence, self.lexicon.scorer.score(sentence, dict.fromkeys(named, 1.0))
        )
        return [
            *self.text_columns(mask(sentence, target, self.catalogue, self.trained_on)),
            *self._dense(
                [score], target, 1, int(target in named), int(bool(self._others(named, target)))
            ),
            *[0.0] * self.FORECAST_COLUMNS,  # counts of a whole article: none for one sentence
            *self.voice.shares([sentence], ""),
            *(
                self._pooled(self.encoder.embed([to_simplified(sentence)])).tolist()
                if self.encoder
                else []
            ),
        ]
