"""Line-level cleaning against the boilerplate phrase lexicon (data/lexicons/boilerplate.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError

_PROSE_PUNCT = re.compile(r"[，。！？；,!?;…]")


def is_prose(line: str) -> bool:
    """A line that reads as a sentence, not as a menu item, a link or a label."""
    return (len(line) >= 15 and bool(_PROSE_PUNCT.search(line))) or len(line) >= 40


def from_first_prose(paragraphs: list[str], limit: int = 12) -> list[str]:
    """Menus, link lists and labels above the first sentence of the text go (up to `limit`
    lines; a body that never turns into prose is left alone)."""
    for i, line in enumerate(paragraphs[:limit]):
        if is_prose(line):
            return paragraphs[i:]
    return paragraphs


def without_trailing_lists(paragraphs: list[str], min_run: int = 5) -> list[str]:
    """A run of at least `min_run` short non-sentence lines after the last sentence is a link
    list or a menu ('新闻推荐', 'more'); a line or two (a signature) stays."""
    last = max((i for i, line in enumerate(paragraphs) if is_prose(line)), default=-1)
    if last >= 0 and len(paragraphs) - last - 1 >= min_run:
        return paragraphs[: last + 1]
    return paragraphs


@dataclass(frozen=True)
class Boilerplate:
    end: re.Pattern[str]
    line: re.Pattern[str]

    @classmethod
    def load(cls, path: str | Path) -> Boilerplate:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"boilerplate lexicon {path} cannot be read: {exc}") from None
        try:
            return cls(
                end=re.compile("|".join(f"(?:{p})" for p in data.get("end", [])) or r"(?!)"),
                line=re.compile("|".join(f"(?:{p})" for p in data.get("line", [])) or r"(?!)"),
            )
        except re.error as exc:
            raise ConfigError(f"boilerplate lexicon {path} has a bad pattern: {exc}") from None

    def is_end(self, line: str) -> bool:
        return bool(self.end.search(line.strip()))

    def is_noise(self, line: str) -> bool:
        return bool(self.line.search(line.strip()))

    def clean(self, paragraphs: list[str], title: str | None = None) -> list[str]:
        """Drop noise lines, a repeated title, and everything after an end marker at the tail."""
        out: list[str] = []
        for i, para in enumerate(paragraphs):
            p = para.strip()
            if not p or self.is_noise(p):
                continue
            if title and p == title and not out:
                continue
            # An end marker in the second half of the body ends it; earlier it is an odd line.
            if self.is_end(p):
                if i >= len(paragraphs) * 0.5:
                    break
                continue
            out.append(p)
        return out
