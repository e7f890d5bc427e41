"""The header a telnet-era BBS prints over an article (水木-style boards and their web mirrors).

A post on such a board is a plain-text mail: 发信人 (the poster's id and nickname), 信区 (the
board), 标  题, 发信站 (the station and the time) above the text; a signature after "--" and the
station's 来源/修改 lines below it. The web mirror shows it as one <pre> under a page <title> that
names only the station (清源BBS-阅读文章), so the header is the only place the headline, the
writer, the date and the site are given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.extract import dates as D

_POSTER = re.compile(
    r"^(?:发信人|發信人)\s*[:：]\s*([A-Za-z0-9_.\-]{2,20})(?:\s*[(（][^)）]*[)）])?"
)
_SUBJECT = re.compile(r"^(?:标|標)\s*(?:题|題)\s*[:：]\s*(.+?)\s*$")
_STATION = re.compile(r"^(?:发信站|發信站)\s*[:：]\s*([^(（]+?)\s*[(（]([^)）]*)[)）]")
_HEADER_LINES = 3  # the three lines of the header, in this order


@dataclass(frozen=True)
class BbsHeader:
    poster: str
    subject: str
    station: str
    posted: date | None


def bbs_header(paragraphs: list[str]) -> BbsHeader | None:
    """The header at the top of the text, or None when the text does not start with one."""
    if len(paragraphs) < _HEADER_LINES:
        return None
    poster, subject, station = (
        _POSTER.match(paragraphs[0].strip()),
        _SUBJECT.match(paragraphs[1].strip()),
        _STATION.match(paragraphs[2].strip()),
    )
    if not (poster and subject and station):
        return None
    return BbsHeader(
        poster.group(1), subject.group(1), station.group(1).strip(), D.parse_date(station.group(2))
    )


def without_header(paragraphs: list[str]) -> list[str]:
    return paragraphs[_HEADER_LINES:]
