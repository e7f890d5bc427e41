"""The header a telnet-era BBS prints over an article (水木-style boards and their web mirrors).

A post on such a board is a plain-text mail: 发信人 (the poster's id and nickname), 信区 (the
board), 标  题, 发信站 (the station and the time) above the text; a signature after "--" and the
station's 来源/修改 lines below it. The web mirror shows it as one <pre> under a page <title> that
names only the station (清源BBS-阅读文章), so the header is the only place the headline, the
writer, the date and the site are given.

PTT's web page shows the same mail otherwise: its header as rows of a tag and a value (作者 /
看板 / 標題 / 時間), the post, "--" and the station's lines as bare text, then each push (推 / 噓 /
→, the pusher's id, the text, the time) in a div of its own. Read as HTML, the pushes were the
densest block's last lines and the header's spans ran together (看板Stock for the author); read
as the text the page shows, it is the post a text dump of PTT holds, which the dump reader
reads whole (its header, and its end at "--").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import html as lxml_html

from pipeline.extract import dates as D
from pipeline.extract import htmltree as HT
from pipeline.extract.xpath import xpath

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


_WEB_HEADER_CLASS = "article-meta-tag"
_WEB_HEADER_TAGS = xpath(
    '//span[contains(concat(" ", normalize-space(@class), " "), " article-meta-tag ")]'
)
_WEB_ROW_TAG = xpath(
    './/span[contains(concat(" ", normalize-space(@class), " "), " article-meta-tag ")]'
)
_WEB_ROW_VALUE = xpath(
    './/span[contains(concat(" ", normalize-space(@class), " "), " article-meta-value ")]'
)
_WEB_HEADER_ROWS_MIN = 3  # 作者, 標題, 時間 at least (看板 may stand apart)


def _piece_text(el: lxml_html.HtmlElement) -> str:
    """An element's text without scripts and styles, its spaces as shown."""
    if el.tag in ("script", "style", "noscript"):
        return ""
    return "".join(el.itertext())


def _header_row(el: lxml_html.HtmlElement) -> str | None:
    """A header row's tag and value as a dump's header line (作者 NVfan (暱稱)), else None."""
    tags, values = _WEB_ROW_TAG(el), _WEB_ROW_VALUE(el)
    if not tags or not values:
        return None
    return f"{_piece_text(tags[0]).strip()} {_piece_text(values[0]).strip()}"


def board_page_text(text: str, source: str) -> str | None:
    """The text of a board's web page (PTT's) as a dump of its post shows it: the header rows
    as 作者 / 看板 / 標題 / 時間 lines, the post and its footer as written, each push on a line
    of its own. None when the page shows no such header."""
    if _WEB_HEADER_CLASS not in text:
        return None
    root = HT.parse(text, source)
    tags = _WEB_HEADER_TAGS(root)
    if len(tags) < _WEB_HEADER_ROWS_MIN:
        return None
    row = tags[0].getparent()
    container = row.getparent() if row is not None else None
    if container is None:
        return None
    pieces = [container.text or ""]
    for child in container:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        line = _header_row(child)
        if line is None and child.tag == "div":
            line = " ".join(_piece_text(child).split())  # a push, one line
        pieces.append(f"\n{line}\n" if line is not None else _piece_text(child))
        pieces.append(child.tail or "")
    return "\n".join(ln.strip() for ln in "".join(pieces).splitlines() if ln.strip())
