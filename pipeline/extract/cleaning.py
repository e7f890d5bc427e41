"""Line-level cleaning against the boilerplate phrase lexicon (data/lexicons/boilerplate.toml)."""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.extract.patterns import TRAILING_STAMP
from pipeline.nlp import to_simplified

# Sentence punctuation; a comma between digits groups thousands (閱讀 3,206), it joins no clauses.
_PROSE_PUNCT = re.compile(r"[，。！？；!?;…]|,(?!\d{3}(?!\d))")
_TITLE_BRACKETS = re.compile(r"^[【\[「《〔](.+)[】\]」》〕]$")
_WHITESPACE = re.compile(r"\s+")


def _restates(line: str, title: str) -> bool:
    """The headline again under the story (【headline】 over a share bar or the next story's
    teaser): whitespace aside, since a headline split over lines reads with other spaces."""
    if bracketed := _TITLE_BRACKETS.match(line):
        line = bracketed.group(1)
    return _WHITESPACE.sub("", line) == _WHITESPACE.sub("", title)


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
    run = paragraphs[last + 1 :]
    if last >= 0 and len(run) >= min_run and not enumerated(run):
        return paragraphs[: last + 1]
    return paragraphs


def without_repeated_captions(
    paragraphs: list[str], min_repeats: int = 4, max_len: int = 40
) -> list[str]:
    """A short line that is not a sentence and comes back four times or more is an image
    caption or a widget label repeated under every picture ('产品型号', '点击查看大图'); a
    story does not repeat its own lines, so every copy goes. (Under six characters a repeated
    line is a section label of the story itself: 专家点评, 贴心提醒.)"""
    counts = Counter(paragraphs)
    repeated = {
        line
        for line, n in counts.items()
        if n >= min_repeats and 6 <= len(line) <= max_len and not is_prose(line)
    }
    return [line for line in paragraphs if line not in repeated] if repeated else paragraphs


_ITEM_NUMBER = re.compile(r"^[（(]?(\d{1,3})[、.．)）]")


def enumerated(lines: list[str]) -> bool:
    """A numbered list (1、香港 / 2、新加坡 …) under the text is part of it (a ranking the story
    announces), not a menu: most of its lines carry rising item numbers."""
    numbers = [int(m.group(1)) for line in lines if (m := _ITEM_NUMBER.match(line))]
    rising = sum(b == a + 1 for a, b in itertools.pairwise(numbers))
    return rising >= 0.6 * len(lines)


def _top_level_alternation(pattern: str) -> bool:
    """Whether pattern has a | outside any group (^a|b is not anchored as a whole)."""
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


# A bar, an arrow or an emoji set before a line (▌相關新聞, ▶ 立即订阅…, 📌 延伸閱讀).
_SYMBOL = r"[\u258c-\u258e\u25b6-\u25ba\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?\s*"
# …before a label: not a bracketed tag, which may be the label itself (【相关阅读】)
_MARK = re.compile("^" + _SYMBOL)
# …before a line of furniture: the symbol, or a bracketed tag of a few characters
_DECORATION = re.compile("^(?:" + _SYMBOL + r"|【[^】]{1,10}】\s*|\[[^\]]{1,6}\]\s*)")
_WIDE_GAP = re.compile(r"\s{2,}")
_EMOJI = re.compile(r"[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]\ufe0f?")


class Matcher:
    """One lexicon list as two regular expressions: the patterns anchored at the line's start,
    tried at position 0 only, and the others, searched. One search over a hundred alternatives
    tries every one at every position of the line; most of the lexicon is anchored, and this
    split made line cleaning several times faster."""

    __slots__ = ("anchored", "floating")

    def __init__(self, patterns: list[str]) -> None:
        head = [p for p in patterns if p.startswith("^") and not _top_level_alternation(p)]
        rest = [p for p in patterns if p not in head]
        self.anchored = re.compile("|".join(f"(?:{p})" for p in head) or r"(?!)")
        self.floating = re.compile("|".join(f"(?:{p})" for p in rest) or r"(?!)")

    def search(self, line: str) -> bool:
        return bool(self.anchored.match(line) or self.floating.search(line))

    def search_either(self, line: str) -> bool:
        """The line or its Simplified reading (the same text, searched once, for most lines)."""
        if self.search(line):
            return True
        simplified = _simplified(line)
        return simplified != line and self.search(simplified)


def _prose_chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines if is_prose(line))


def _prose_follows(before: list[str], after: list[str], factor: int = 3) -> bool:
    """Whether the lines after a marker hold `factor` times the prose of those before it."""
    return _prose_chars(after) > factor * max(_prose_chars(before), 50)


@functools.lru_cache(maxsize=8192)
def _simplified(line: str) -> str:
    """A Traditional line read in Simplified, so that one pattern of the lexicon serves both
    scripts (不代表本報立場 is 不代表本报立场): the lexicon lists the Traditional forms it had
    before OpenCC read them, and new phrases need only their Simplified form."""
    return to_simplified(line)


@dataclass(frozen=True)
class Boilerplate:
    end: Matcher
    line: Matcher
    # Lines dropped from plain-text dumps only: a photo's caption, an editor's note. Marked-up
    # pages keep a caption written as a paragraph of the story (DAnIEL's gold does), while a
    # dump cannot tell a <figcaption> from a <p>, and its captions are furniture.
    dump_line: Matcher = field(default_factory=lambda: Matcher([]))
    # What a site serves in place of an article (页面不存在, 请登录后查看): a short page whose
    # headline or first lines say so is no article (extract/core.py, ERROR_PAGE_CHARS).
    error_page: Matcher = field(default_factory=lambda: Matcher([]))

    @classmethod
    def load(cls, path: str | Path) -> Boilerplate:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"boilerplate lexicon {path} cannot be read: {exc}") from None
        try:
            return cls(
                end=Matcher(data.get("end", [])),
                line=Matcher(data.get("line", [])),
                dump_line=Matcher(data.get("dump_line", [])),
                error_page=Matcher(data.get("error_page", [])),
            )
        except re.error as exc:
            raise ConfigError(f"boilerplate lexicon {path} has a bad pattern: {exc}") from None

    def is_error_message(self, line: str) -> bool:
        return self.error_page.search_either(line.strip())

    def is_end(self, line: str) -> bool:
        return self.end.search_either(line.strip())

    def is_noise(self, line: str) -> bool:
        return self.line.search_either(line.strip())

    def is_dump_end(self, line: str) -> bool:
        """An end marker in a dump, also behind a bar or an emoji set before it (▌相關新聞)."""
        line = line.strip()
        bare = _MARK.sub("", line, count=1)
        return bool(self.is_end(line) or (bare != line and bare and self.is_end(bare)))

    def is_dump_noise(self, line: str) -> bool:
        """Noise in a plain-text dump: a noise line, or furniture that only a dump's lines are,
        also behind the emoji or the bracketed tag that a page sets before it (📌 本文收录于…,
        【某某财经】下载App…, [广告] …), which a dump keeps as text."""
        line = line.strip()
        bare = _DECORATION.sub("", line, count=1)
        # and with the emoji between its words taken out (👍 赞 1,206　💬 评论 318　⭐ 收藏)
        plain = _WIDE_GAP.sub("  ", _EMOJI.sub("", line)).strip() if _EMOJI.search(line) else line
        return any(
            self.line.search_either(text) or self.dump_line.search_either(text)
            for text in ({line, bare, plain} - {""})
        )

    def clean(
        self,
        paragraphs: list[str],
        title: str | None = None,
        verbatim: frozenset[str] = frozenset(),
        title_is_text: bool = False,
    ) -> list[str]:
        """Drop noise lines, a repeated title, and everything after an end marker at the tail;
        lines in verbatim (a code block's) are never noise. title_is_text: the page shows the
        title's words as prose, not as a heading; with nothing else left they are the text."""
        out: list[str] = []
        repeated: str | None = None
        for i, para in enumerate(paragraphs):
            p = para.strip()
            if not p or (self.is_noise(p) and p not in verbatim):
                continue
            if title and (
                _restates(p, title) or (not out and _restates(TRAILING_STAMP.sub("", p), title))
            ):
                # the headline again: first, or with the post's time after it; later, restated
                # under the story
                if not out:
                    repeated = repeated or p
                continue
            # An end marker in the second half of the body ends it; earlier it is an odd line,
            # and so is one with far more prose after it than before (a share bar between a
            # document's info table and its text).
            if self.is_end(p):
                if i >= len(paragraphs) * 0.5 and not _prose_follows(out, paragraphs[i + 1 :]):
                    break
                continue
            out.append(p)
        # A short post that the page titles with its whole text: the text is the post.
        return out or ([repeated] if repeated and title_is_text else [])
