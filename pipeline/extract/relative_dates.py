"""A publish date written relative to when the page was read (3天前, 昨天 14:20, 15分钟前, 03-08
09:15), resolved against the fetch time a scraper's record, a WARC record or a fetch gives.

Why: apps and feeds print such stamps, and a page showing nothing else stayed undated though
the moment it was fetched is known. Only with a fetch time (never the crawl time as the date
itself), and only in the text right above the body's first paragraph: a comment's 2小时前 stands
below the body, and a sidebar's times further up.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from pipeline.extract.dates import PAGE_CLOCK

# How far above the body's first paragraph a byline's stamp stands, in characters of text.
HEADER_REACH = 300

_RELATIVE = re.compile(
    r"(?<![\d\w])(?:(?P<n>\d{1,3})\s*(?P<unit>分钟|分鐘|小时|小時|天)前"
    # a day word only with its time: 今天 alone is as often a headline's word as a stamp
    r"|(?P<word>今天|昨天|前天)\s*\d{1,2}:\d{2}(?![\d:])"
    r"|(?<![\d\-/.])(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])\s+\d{1,2}:\d{2}(?![\d:]))"
)
_TAG = re.compile(r"<[^>]*>")
_DAYS_BACK = {"今天": 0, "昨天": 1, "前天": 2}


def relative_date(text: str, first_paragraph: str, fetched_at: datetime | None) -> date | None:
    """The day of the relative stamp nearest above the body's first paragraph in text (a
    page's markup or a dump), counted back from fetched_at on the pages' clock (UTC+8)."""
    if fetched_at is None or not first_paragraph:
        return None
    plain = _TAG.sub("\n", text) if "<" in text else text
    at = plain.find(first_paragraph[:20])
    if at < 0:
        return None
    found = list(_RELATIVE.finditer(plain[max(0, at - HEADER_REACH) : at]))
    if not found:
        return None
    m = found[-1]
    now = fetched_at.astimezone(PAGE_CLOCK) if fetched_at.tzinfo else fetched_at
    if m["word"]:
        return (now - timedelta(days=_DAYS_BACK[m["word"]])).date()
    if m["n"]:
        n = int(m["n"])
        back = {"天": timedelta(days=n), "小时": timedelta(hours=n), "小時": timedelta(hours=n)}
        return (now - back.get(m["unit"], timedelta(minutes=n))).date()
    try:
        day = date(now.year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    # a month and day ahead of the fetch are last year's (12-30 read on 01-02)
    return day if day <= now.date() else day.replace(year=now.year - 1)
