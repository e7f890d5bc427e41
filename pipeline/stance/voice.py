"""How the whole article speaks: the author's own voice or a reporter's.

Why: the commonest error on real pages was a neutral news page read as bull or bear (20 of 54
NVIDIA news-like pages, benchmarks/stance_limits.py). Such a page uses a bear's words when it
reports a crash or an analyst's call, and the target view (views.py) sees only the sentences
around the mentions, where the words are. Whether anyone in the article says 我, ends sentences
with 吧/呢/!, or judges (显然, 说白了), against how much of it is 据报道/表示/记者, is spread over
the whole page, so it is measured over the whole page and handed to the model as five shares.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.nlp import to_simplified
from pipeline.stance.cues import literal_alternation

# A news dateline in the body's first characters: 新华社北京1月28日电, 本报讯, 记者 张三, 据路透社
# (read in Simplified; not the 电 of 台积电 or 电脑, nor the 讯 of 腾讯).
DATELINE = re.compile(
    r"\d{1,2}日电|电讯|(?:本报|本刊|本站|本台|本网)讯|记者|新华社|中新社|中央社|路透社|彭博社|美联社|法新社"
)
DATELINE_CHARS = 80
SMOOTHING = 2  # sentences of no voice added to every page
# What may close a sentence after its particle or mark: 错杀吧。 ends in 吧.
CLOSING = r"[。．.…」”』）)\s]*"


@dataclass(frozen=True)
class VoiceMarkers:
    first_person: re.Pattern[str]
    reporting: re.Pattern[str]
    evaluative: re.Pattern[str]
    sentence_end: re.Pattern[str]  # a spoken particle or !/? closing the sentence

    COUNT = 5

    @classmethod
    def load(cls, path: str | Path) -> VoiceMarkers:
        path = Path(path)
        try:
            section = tomllib.loads(path.read_text("utf-8")).get("voice")
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"stance cue lexicon {path} cannot be read: {exc}") from None
        if not section:
            raise ConfigError(
                f"stance cue lexicon {path} has no [voice] section: add it (see data/lexicons)"
            )

        def words(key: str) -> re.Pattern[str]:
            return re.compile(literal_alternation(section.get(key, [])))

        ends = literal_alternation(section.get("sentence_end", []))
        return cls(
            first_person=words("first_person"),
            reporting=words("reporting"),
            evaluative=words("evaluative"),
            sentence_end=re.compile(rf"({ends}){CLOSING}$"),
        )

    def shares(self, sentences: Sequence[str], body: str) -> list[float]:
        """Shares of sentences in the first person, ending in a particle or !/?, and reporting;
        1.0 when the body opens with a news dateline; the share of sentences judging."""
        texts = [to_simplified(s) for s in sentences] or [""]
        n = len(texts)

        def share(pattern: re.Pattern[str]) -> float:
            # Smoothed toward none: one sentence in the first person is no voice of a whole page
            # (a one-line post would otherwise weigh as 1.0, beyond anything seen in training).
            return sum(1 for t in texts if pattern.search(t)) / (n + SMOOTHING)

        return [
            share(self.first_person),
            share(self.sentence_end),
            share(self.reporting),
            float(bool(DATELINE.search(to_simplified(body[:DATELINE_CHARS])))),
            share(self.evaluative),
        ]
