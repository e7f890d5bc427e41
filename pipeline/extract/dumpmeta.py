"""What a text dump's header says beyond its line shapes: the date a scraper glued in front of
the first line, a news dateline inside the first paragraph, a meta line written as a row of
fields, and which of the header's short lines is the headline.

A dump has no <title> or <time> to go by. Its first line is often not the headline: a channel
name (业界动态), a back link (< 返回列表), a forum's name, a photo credit (圖/ic). The headline is
the line that the body goes on to talk about; a site's furniture shares few words with it.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.extract import dates as D

# A scraper's own record of the publish date, glued in front of the page's first line:
# "date 2025-10-30 在AI投資熱潮推動下…" (labelled anywhere in the first lines; bare only on
# the first, where nothing of the page comes before it).
_LABELLED_DATE = re.compile(
    r"^(?:date|Date|DATE|published|Published|日期|发布日期|發佈日期)\s*[:：]?\s*"
    r"(?P<date>20\d\d-\d{1,2}-\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S)"
)
_BARE_DATE = re.compile(
    r"^(?P<date>20\d\d-\d{1,2}-\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=[^\d\s])"
)
GLUED_DATE_LINES = 3

# A news dateline opening a paragraph: 【看中國2025年10月7日訊】, （本報2024年3月1日電）,
# 新华网2025年1月28日讯. Only with its year: 北京21日电 alone dates nothing.
_DATELINE = re.compile(
    r"^[【\[(（]?[^【】\[\]()（）。，,]{0,16}?(?P<y>20\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*"
    r"(?P<d>\d{1,2})\s*日\s*(?:讯|訊|电|電|消息)"
)
DATELINE_PARAGRAPHS = 3

# A meta line may read as prose by its length and colons ("| 阅读量 | 分类: IT业界 | 作者: 某某 |
# 时间:2026年01月10日 13:58"), yet every field of it is short.
_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s{2,}|\s*[·•]\s*")
FIELD_MAX = 24


def glued_date(lines: list[str]) -> tuple[date | None, list[str]]:
    """The date a scraper glued in front of one of the first lines, and the lines without it."""
    for i, line in enumerate(lines[:GLUED_DATE_LINES]):
        m = _LABELLED_DATE.match(line) or (_BARE_DATE.match(line) if i == 0 else None)
        if m:
            day = D.parse_date(m.group("date"))
            if day is not None:
                rest = line[m.end() :].strip()
                return day, [*lines[:i], *([rest] if rest else []), *lines[i + 1 :]]
    return None, lines


def dateline(paragraphs: list[str]) -> date | None:
    """The date of a news dateline at the start of one of the first paragraphs."""
    for text in paragraphs[:DATELINE_PARAGRAPHS]:
        if m := _DATELINE.match(text):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def is_field_row(line: str) -> bool:
    """A line of short fields between bars or wide gaps, none of them a sentence."""
    parts = [p for p in _FIELD_SEPARATOR.split(line) if p.strip()]
    return len(parts) >= 2 and "。" not in line and all(len(p) <= FIELD_MAX for p in parts)


_HAN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def _terms(text: str) -> set[str]:
    """Character bigrams of its Chinese runs and its Latin words, lower-cased: enough to tell
    whether two texts are about the same things, in Simplified or Traditional alike."""
    terms = {w.lower() for w in _LATIN_WORD.findall(text)}
    for run in _HAN.findall(text):
        terms.update(run[k : k + 2] for k in range(len(run) - 1))
        if len(run) == 1:
            terms.add(run)
    return terms


def shared_with(line: str, body_terms: set[str]) -> float:
    """The share of a line's terms that the body uses too."""
    terms = _terms(line)
    return len(terms & body_terms) / len(terms) if terms else 0.0


# The first candidate stands unless the body shares almost nothing with it and plainly talks
# about another header line. A headline's wording is terse, so the body uses only a part of
# its bigrams (a quarter to a half on real pages); a channel's name or a back link, none.
FURNITURE_SHARE = 0.1
HEADLINE_SHARE = 0.25
BODY_SAMPLE = 4000


def headline_among(candidates: list[str], chosen: str | None, body: list[str]) -> str | None:
    """The header line the body talks about, where the line chosen by its shape is site
    furniture the body never mentions (a channel name, a back link, a forum's name)."""
    if not chosen or len(candidates) < 2:
        return chosen
    body_terms = _terms("\n".join(body)[:BODY_SAMPLE])
    if shared_with(chosen, body_terms) >= FURNITURE_SHARE:
        return chosen
    best = max(candidates, key=lambda c: shared_with(c, body_terms))
    return best if shared_with(best, body_terms) >= HEADLINE_SHARE else chosen


_SUFFIX_START = re.compile(r"^\s*(?:[|｜_*·•]|-|–|—|::?|：)")
HEADLINE_MIN = 6


def without_shown_suffix(title: str | None, lines: list[str]) -> str | None:
    """'标题 * 站名' where the page also shows '标题' on a line of its own: the document title
    with its site suffix, and the headline the page displays. The displayed one is the headline."""
    if not title:
        return title
    for line in lines:
        if (
            len(line) >= HEADLINE_MIN
            and len(line) < len(title)
            and title.startswith(line)
            and _SUFFIX_START.match(title[len(line) :])
        ):
            return line
    return title
