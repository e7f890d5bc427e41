"""The protocol every stance classifier follows, so the pipeline can swap them by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pipeline.nlp import Sentence
from pipeline.records import Article, Prediction, Stance


@dataclass(frozen=True)
class AnalysisInput:
    """An article with its sentences, split once and shared by stance and prediction stages,
    and the prediction rules' candidates where the caller found them already (the trained stance
    models count them; None: they find them themselves)."""

    article: Article
    sentences: list[Sentence]
    forecasts: tuple[Prediction, ...] | None = None


class StanceClassifier(Protocol):
    name: str  # registered, versioned name, e.g. "lexicon.v1"

    def predict(self, item: AnalysisInput, targets: list[str]) -> list[Stance]:
        """One Stance per target, label 'none' where the article does not mention it."""
        ...
