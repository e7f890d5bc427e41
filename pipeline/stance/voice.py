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

# A news dateline in the body's first characters: 新华社北京1月28日电, 本报讯, 记者 张三.
DATELINE = re.compile(r"(电|讯|记者)")
DATELINE_CHARS = 80


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(
        "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    )


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
        ends = "|".join(re.escape(w) for w in section.get("sentence_end", []))
        return cls(
            first_person=_alternation(section.get("first_person", [])),
            reporting=_alternation(section.get("reporting", [])),
            evaluative=_alternation(section.get("evaluative", [])),
            sentence_end=re.compile(rf"({ends})\s*$" if ends else "(?!)"),
        )

    def shares(self, sentences: Sequence[str], body: str) -> list[float]:
        """Shares of sentences in the first person, ending in a particle or !/?, reporting, and
        judging; and 1.0 when the body opens with a news dateline."""
        texts = [to_simplified(s) for s in sentences] or [""]
        n = len(texts)

        def share(pattern: re.Pattern[str]) -> float:
            return sum(1 for t in texts if pattern.search(t)) / n

        return [
            share(self.first_person),
            share(self.sentence_end),
            share(self.reporting),
            float(bool(DATELINE.search(body[:DATELINE_CHARS]))),
            share(self.evaluative),
        ]
