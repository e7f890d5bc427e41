"""Predictions: checkable claims about the future, with target, direction, due date and hedge.

A sentence is a prediction when its author commits to a future state of a target: a future cue
(将, 预计, 必然…) or a horizon (半年以后, 明年…) about a target it names. Rhetorical questions and
counterfactuals are not predictions. A falsification bet (如果半年以后 X, 那我认错) predicts
not-X: its direction comes from the same cue scorer as stance, which flips such premises.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.horizon import find_horizons
from pipeline.nlp import Sentence, to_simplified
from pipeline.records import Article, Prediction, sha256_hex
from pipeline.stance.cues import CueScorer, split_conditional
from pipeline.targets import Catalogue

_NOT_FUTURE_HUI = re.compile(
    r"(社会|机会|会议|大会|协会|学会|开会|委员会|体会|误会|约会|理会|会员|会计|会场|都会)"
)


@dataclass(frozen=True)
class PredictionCues:
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    possible: tuple[str, ...]
    likely: tuple[str, ...]
    certain: tuple[str, ...]
    exclude: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, path: str | Path) -> PredictionCues:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
            return cls(
                strong=tuple(data["future"]["strong"]),
                weak=tuple(data["future"]["weak"]),
                possible=tuple(data["hedge"]["possible"]),
                likely=tuple(data["hedge"]["likely_phrases"]),
                certain=tuple(data["hedge"]["certain"]),
                exclude=tuple(re.compile(p) for p in data["exclude"]["patterns"]),
            )
        except (OSError, KeyError, tomllib.TOMLDecodeError, re.error) as exc:
            raise ConfigError(f"prediction cue lexicon {path} is unusable: {exc}") from None


class PredictionExtractor:
    def __init__(self, cues: PredictionCues, scorer: CueScorer, catalogue: Catalogue) -> None:
        self.cues = cues
        self.scorer = scorer
        self.catalogue = catalogue

    def hedge(self, text: str) -> str:
        if any(c in text for c in self.cues.likely):
            return "likely"
        if any(c in text for c in self.cues.possible):
            return "possible"
        if any(c in text for c in self.cues.certain):
            return "certain"
        return "likely"

    def _future_cue(self, text: str) -> str | None:
        for c in self.cues.strong:
            if c in text:
                return "strong"
        cleaned = _NOT_FUTURE_HUI.sub("", text)
        for c in self.cues.weak:
            if c in cleaned:
                return "weak"
        return None

    def extract(self, article: Article, sentences: list[Sentence]) -> list[Prediction]:
        out: list[Prediction] = []
        for sent in sentences:
            simplified = to_simplified(sent.text)
            if any(p.search(simplified) for p in self.cues.exclude):
                continue
            named = set(sent.targets)
            if not named:
                continue
            horizons = find_horizons(simplified, article.published)
            cue = self._future_cue(simplified)
            if not horizons and cue != "strong":
                continue
            # Offsets found in the Simplified text hold in the original when OpenCC kept the
            # length (it nearly always does); otherwise quote the whole sentence.
            same = len(simplified) == len(sent.text)
            text = sent.text if same else simplified
            cond = split_conditional(simplified)
            start = sent.start + (cond[0] if cond and same else 0)
            quote = article.body[start : sent.end]
            horizon = horizons[0] if horizons else None
            condition = text[cond[1] : cond[2]].strip(" ,，") if cond else None
            scores = self.scorer.score(sent.text, {t: 1.0 for t in named})
            for target in sorted(named):
                pol = scores.get(target, 0.0)
                direction = "up" if pol > 0 else "down" if pol < 0 else "other"
                due: date | None = horizon.due if horizon else None
                out.append(
                    Prediction(
                        id=sha256_hex(f"{article.id}|{quote}|{target}")[:32],
                        article_id=article.id,
                        quote=quote,
                        target=target,
                        direction=direction,
                        horizon=text[horizon.start : horizon.end] if horizon else None,
                        due=due,
                        window_start=horizon.earliest if horizon else None,
                        conditional=cond is not None,
                        condition=condition or None,
                        hedge=self.hedge(simplified),  # type: ignore[arg-type]
                    )
                )
        return out
