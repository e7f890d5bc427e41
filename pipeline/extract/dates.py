"""Publish dates: written dates (2025-01-28, 2025年1月28日, 二〇二五年一月), timestamps, and where on a
page the publish date stands (meta tags, JSON-LD, time elements, the header, the URL).

Dates are taken only from the page's own metadata or its header (the text between the title and
the body), never from comments below the body and never from the crawl time: a wrong date moves
an opinion to the wrong week, while a missing one only leaves it undated.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone

from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.fields import canonical_url, json_ld
from pipeline.extract.xpath import xpath

log = logging.getLogger(__name__)

_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "weibo:article:create_at",
    "og:release_date",
    "sailthru.date",
    "parsely-pub-date",
)
_DATE_XPATHS = (
    '//*[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//*[@itemprop="datePublished"]/@title',
    '//*[@itemprop="datePublished"]',
    '//*[@id="publish_time"]',
    '//*[@data-testid="storyPublishDate"]',
    '(//em[starts-with(@id, "authorposton")])[1]',
    # A Q&A page's answer: its own creation date (Zhihu's microdata), then the first answer's
    # time line. Further down, the time lines are those of the other answers listed under it.
    '(//*[@itemprop="answer" or @itemprop="acceptedAnswer" or @itemprop="suggestedAnswer"])[1]'
    '//*[@itemprop="dateCreated"]/@content',
    '(//*[contains(@class, "ContentItem-time")])[1]',
    '//time[contains(@class, "published")]/@datetime',
    '//time[contains(@class, "entry-date")]/@datetime',
    "(//article//time/@datetime)[1]",
    '//*[@id="pubtime" or @id="pub_date" or @id="pubTime" or @class="pubtime" or @class="pub_date"]',
    '//*[contains(@class, "date-source") or contains(@class, "post-time") or contains(@class, "time-source")]',
    '//*[contains(@class, "date-header")]',
)


_CLOCK_LABEL = re.compile(
    r"(?:今天是|今日是|今天|现在是|現在是|当前时间|當前時間|Today is"
    # A forum's poster panel (注册：2003-10-1, 最后登录) and a profile's birthday date the
    # member, not the post; a panel sits right above the first post, where its date would win.
    r"|注册|註冊|注册时间|註冊時間|注册日期|註冊日期|加入|加入时间|加入時間|最后登录|最後登錄|上次登录"
    r"|上次登錄|生日|Joined|Registered"
    # a deadline (公眾諮詢 截止 30/06/2016, 截至2016年6月30日): what is due, not when it was written
    r"|截止|截至|截止日期|截止时间|截止時間)\s*[:：]?\s*$"
)


# Full-width digits and marks (２０２５－０１－２８), one character for one, so offsets hold.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．：", "0123456789-/.:")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "О": 0}
# 二〇二五年一月二十八日, the way official documents and some papers date themselves.
_CN_DATE = re.compile(
    r"(?P<y>[〇○零О一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号號]"
)


def _cn_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十七 → 27 (as far as a month or a day goes)."""
    if "十" not in numeral:
        return _CN_DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


# phpBB's Chinese pack: 十一月 04, 2007 (a month's name, the day, the year).
_CN_MONTH_NAME_DATE = re.compile(
    r"(?<![一二三四五六七八九十])(?P<m>十[一二]?|[一二三四五六七八九])月\s*(?P<d>\d{1,2}),\s*"
    r"(?P<y>(?:19|20)\d{2})(?![\d\u4e00-\u9fff])"
)


def _on_clock(text: str, at: int) -> bool:
    """Whether the date at `at` follows a label that dates something other than the page's
    story: the page's clock (今天是…), a member's registration (注册时间：…), a birthday, the
    crawl that saved the page (抓取时间：…); or
    stands beside the weather and the site's links on a line of no prose (2015年12月3日 星期四 岚溪
    晴 3℃~12℃ 客户端 登录), or beside the weekday and the visitor's account links (2012年1月20日
    星期五 首頁 | 登入): a portal's top bar, which shows the day of the visit."""
    if _label_before(_CLOCK_LABEL, text, at):
        return True
    if _label_before(P.CRAWL_LABEL, text, at, reach=CRAWL_LABEL_REACH):
        return True  # 抓取时间：2025-06-01, crawled_at: …: the scraper's day, not the story's
    if _label_before(_OTHER_STORY_LABEL, text, at, reach=OTHER_STORY_LABEL_REACH):
        return True  # 最新推荐文章于 2025-03-01 发布: another story's day, over this one
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    if _PROSE_MARKS.search(line):
        return False
    if _TEMPERATURE.search(line) and (_SITE_BAR.search(line) or _WEEKDAY.search(line)):
        return True  # a place, its weather and the day: the visit's, not the story's
    return bool(_WEEKDAY.search(line) and _ACCOUNT.search(line) and not _META_WORD.search(line))


_TEMPERATURE = re.compile(r"\d\s*(?:℃|°C|℉|°F)")
# What else a site's top bar holds beside its clock and the weather (a diary's or a forecast's
# own dateline holds none of it).
_SITE_BAR = re.compile(
    r"登录|登錄|登入|注册|註冊|客户端|客戶端|首页|首頁|设为|設為|收藏本站|手机版|手機版|English|网站地图|網站地圖"
)
# or beside the weekday and the visitor's account links, on a line that is no story's meta line
# (星期 and 週 only: 周 opens names and edition titles, 周一鸣, 周六特刊)
_WEEKDAY = re.compile(r"(?:星期|礼拜|禮拜|週)[一二三四五六日天]")
_ACCOUNT = re.compile(r"登录|登錄|登入|注册|註冊")
_META_WORD = re.compile(r"来源|來源|作者|记者|記者|发布|發佈|發布|编辑|編輯|楼主|樓主|回复|回覆")


# A blog's bar over the post giving the day of its newest recommended article (CSDN's 最新推荐文章于
# 2025-03-01 11:00:00 发布): its 发布 would read as this post's publish label.
_OTHER_STORY_LABEL = re.compile(r"(?:最新推荐文章|最新推薦文章)(?:于|於)\s*$")
OTHER_STORY_LABEL_REACH = 12
# How far before a date a crawl's label may start: crawled_at: and Fetched on: are longer than the
# Chinese labels.
CRAWL_LABEL_REACH = 16


def _label_before(label: re.Pattern[str], text: str, at: int, reach: int = 8) -> bool:
    """Whether label (anchored at its end) closes the few characters before `at`: what the
    date written there is a date of."""
    return bool(label.search(text[max(0, at - reach) : at]))


def _cn_year(numeral: str) -> int:
    """二〇二五 → 2025, 2007 → 2007."""
    return int(numeral) if numeral.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in numeral))


def _cn_dates(text: str) -> list[tuple[int, date]]:
    """Dates with Chinese numerals: 二〇二五年一月二十八日, and phpBB's 十一月 04, 2007."""
    found = []
    for pattern in (_CN_MONTH_NAME_DATE, _CN_DATE):
        for m in pattern.finditer(text):
            if _on_clock(text, m.start()):
                continue
            day = m["d"] if m["d"].isdigit() else _cn_number(m["d"])
            try:
                found.append((m.start(), date(_cn_year(m["y"]), _cn_number(m["m"]), int(day))))
            except ValueError:
                continue
    return sorted(found)


def _date_of(m: re.Match[str]) -> date:
    """The date a DATE_PATTERNS match names; ValueError when there is none (2月30日)."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "sy" in groups:  # a/b/year: whichever is above 12 is the day; 5/3/2013 is a coin flip
        a, b = int(groups["sa"]), int(groups["sb"])
        if a == b or max(a, b) > 12 >= min(a, b):
            return date(int(groups["sy"]), min(a, b), max(a, b))
        raise ValueError(f"{m.group(0)}: day and month cannot be told apart")
    if "roc" in groups:
        y = str(int(groups["roc"]) + 1911)
    elif "yy" in groups:
        y = str((2000 if int(groups["yy"]) < 50 else 1900) + int(groups["yy"]))
    else:
        y = groups.get("y") or groups["y2"]
    month = groups.get("m") or groups["m2"]
    day = groups.get("d") or groups["d2"]
    number = P.MONTH_NAMES.get(month[:3]) or int(month)
    return date(int(y), number, int(day))


def day_first_date(text: str | None) -> date | None:
    """The first a/b/year date of the text read day first (12/02/2025 is 12 February), as Hong
    Kong pages write it where parse_date cannot tell day from month: the caller knows the page
    is one (its script)."""
    for pattern in P.DATE_PATTERNS:
        for m in pattern.finditer(text or ""):
            g = m.groupdict()
            if g.get("sy"):
                try:
                    return date(int(g["sy"]), int(g["sb"]), int(g["sa"]))
                except ValueError:
                    continue
    return None


def _dates(text: str) -> list[tuple[int, date]]:
    """Every plausible date written in text, with its offset. A slashed date whose day could be
    its month (7/5/2005) is left out (_date_of): read either way it is a coin flip, and a wrong
    date moves an opinion to the wrong week while a missing one only leaves it undated."""
    found: list[tuple[int, date]] = [(i, d) for i, d in _cn_dates(text) if 1995 <= d.year <= 2100]
    text = text.translate(_FULL_WIDTH)
    for pattern in P.DATE_PATTERNS:
        for m in pattern.finditer(text):
            if _on_clock(text, m.start()):
                continue  # 今天是2026年11月28日: the page's clock shows the crawl day
            try:
                d = _date_of(m)
            except ValueError:
                continue
            if 1995 <= d.year <= 2100:
                found.append((m.start(), d))
    return sorted(found)


# A news dateline opening a paragraph: 【看中國2025年10月7日訊】, （本報2024年3月1日電）,
# 新华网2025年1月28日讯, and with the time of day a tech desk adds (机锋资讯:2025 年 7 月 15 日晚些时候
# 消息, 北京时间2025年1月28日上午消息). Only with its year: 北京21日电 alone dates nothing.
_DATELINE = re.compile(
    r"^[【\[(（]?[^【】\[\]()（）。，,]{0,16}?(?P<y>20\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*"
    r"(?P<d>\d{1,2})\s*日\s*(?:晚些时候|晚些時候|早些时候|早些時候|[早晚午]间|[早晚午]間|凌晨|"
    r"[上中下]午|傍晚|晚上|早上)?\s*(?:讯|訊|电|電|消息)"
)
DATELINE_PARAGRAPHS = 3


def dateline(paragraphs: list[str]) -> date | None:
    """The date of a news dateline at the start of one of the first paragraphs: a story that
    opens 新华社北京2025年7月15日电 was filed that day, whatever else its page shows or omits."""
    for text in paragraphs[:DATELINE_PARAGRAPHS]:
        if m := _DATELINE.match(text):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def parse_date(text: str | None) -> date | None:
    """The first plausible date written in text (2025-02-02, 2025/2/2, 2025年2月2日)."""
    found = _dates(text) if text else []
    return min(found)[1] if found else None


# A Unix timestamp in seconds or milliseconds, as CMSes write it into meta tags and JSON-LD
# (content="1740787200") and scrapers into their records.
_EPOCH = re.compile(r"^\s*(\d{10}|\d{13})(?:\.\d+)?\s*$")
# The sites we read publish on China's (and Taiwan's, Hong Kong's) clock: UTC+8.
PAGE_CLOCK = timezone(timedelta(hours=8))


def epoch_date(value: str | None) -> date | None:
    """The day a Unix timestamp (seconds or milliseconds) falls on, on the pages' clock; None
    for anything else or a day outside 1995-2100."""
    m = _EPOCH.match(value or "")
    if not m:
        return None
    digits = m.group(1)
    seconds = int(digits) / 1000 if len(digits) == 13 else int(digits)
    day = datetime.fromtimestamp(seconds, PAGE_CLOCK).date()
    return day if 1995 <= day.year <= 2100 else None


def machine_date(value: str | None) -> date | None:
    """The day an ISO 8601 stamp falls on, on the pages' clock where it gives its offset
    (2025-02-10T23:30:00Z is 11 February in Beijing), as written where it gives none; else
    what field_date reads in it."""
    try:
        stamp = datetime.fromisoformat((value or "").strip())
    except ValueError:
        return field_date(value)
    day = (stamp.astimezone(PAGE_CLOCK) if stamp.tzinfo else stamp).date()
    return day if 1995 <= day.year <= 2100 else None


def field_date(value: str | None) -> date | None:
    """The date a metadata field holds (a meta tag, JSON-LD, a scraper's record): a Unix
    timestamp, a date written out, or one in Taiwan's calendar opening the field (114/02/13
    09:30, read as a header's 發布日期：114/02/10 is): a three-digit year from 100 (2011) with
    a month and a day that exist can be no other calendar's there. Not for running text, where
    ten digits are no date."""
    return epoch_date(value) or parse_date(value) or (_roc_numeric(value) if value else None)


def first_past(
    *rules: Callable[[], date | None], source: str = "", ahead: list[date] | None = None
) -> date | None:
    """The first date the rules give, in order, that is not still to come (each rule runs only
    when those before it gave none). A page dated 2099 is a template's placeholder or a typo:
    it would put an opinion in a week that has not come and its predictions' due dates a
    century away, and must not hide the date the page shows. The days passed over go to
    ahead."""
    latest = datetime.now(PAGE_CLOCK).date() + timedelta(days=1)
    for rule in rules:
        day = rule()
        if day is not None and day > latest:
            log.warning(
                "%s: publish date %s is still to come; the page stays undated until then, and "
                "is read again on each run",
                source or "page",
                day,
            )
            if ahead is not None:
                ahead.append(day)
        elif day is not None:
            return day
    return None


_PARTIAL_DATE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|"
    r"(?:19|20)\d{2}[-/.]\d{1,2}(?![\d])|\d{1,2}[:：]\d{2}|\d{1,2}\s*[時时]\s*\d{1,2}\s*分"
)


def date_line(text: str) -> bool:
    """Whether a short line is a date or a timestamp (2025年1月28日, 2003年5月, [06月24日 11時30分],
    1975年1月28日（农历…）) rather than words: such a line above a story is its dateline or a
    birth date in an info box, never its headline."""
    if parse_date(text):
        return True
    rest = _PARTIAL_DATE.sub("", text)
    if rest == text:
        return False
    rest = _BRACKETED.sub("", rest)  # （农历…）, （星期三）: a note on the date
    return len(_CJK_WORD.findall(rest)) < 0.6 * len(_CJK_WORD.findall(text))


_CJK_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_BRACKETED = re.compile(r"[（(][^）)]{0,20}[）)]")


_PROSE_MARKS = re.compile(r"[，。；！？,;!?]")


# The label of a day other than the story's, right before a date (开通时间：2007-06-02).
_OTHER_DAY = re.compile("(?:" + "|".join(P.OTHER_DAY_WORDS) + r")(?:时间|時間|日期)?\s*[:：]?\s*$")


def header_date(text: str | None) -> date | None:
    """The date in the header above a story: the last one on a line that is not prose (a meta
    line, 2012-01-12 03:43 記者…), since the page's clock sits further up (2012年1月13日 星期五
    登入); a summary or a caption between the byline and the story has dates of its own
    (【摘要】2024年3月5日，…), and so does not count. With no such line, the first date."""
    found = [
        d
        for line in (text or "").split("\n")
        if not _PROSE_MARKS.search(line)
        for at, d in _dates(line)
        if not _label_before(_EDIT_LABEL, line, at)  # 2024-12-03 21:47· 修改于 12-04
        and not _label_before(_OTHER_DAY, line, at)  # 开通时间：2007-06-02 in a blog's profile
    ]
    if found:
        return found[-1]
    anywhere = [d for at, d in _dates(text or "") if not _label_before(_OTHER_DAY, text, at)]
    return anywhere[0] if anywhere else None


# When a post was last changed (修改于, 编辑于, 更新于): its publish date only where no other is shown.
# Also a label that a bar or a slash parts from its date (更新 / 2025年1月31日 09:12 beside
# 發布 / 2025年1月30日 17:45 on a Singapore paper), and an update's field with its colon
# (更新时间：, 更新：, 最後更新時間：), which a meta line puts after the publish time it leaves
# unlabelled (2025-02-27 14:33　更新时间：2025-02-28 08:00).
_EDIT_LABEL = re.compile(
    r"(?:修改于|修改於|编辑于|編輯於|更新于|更新於|最后编辑|最後編輯|最后修改|最後修改|最近修改|最近更新"
    r"|最后更新|最後更新)\s*[:：]?\s*$|(?:更新|修改)\s*[/／|｜]\s*$"
    r"|(?:更新|修改)(?:日期|时间|時間)?\s*[:：]\s*$"
)


def labelled_date(text: str | None) -> date | None:
    """The date right after a publish label (发表于 2005-9-15, 发布日期：…), else right before one
    (2014/05/05 發佈), else after an update's label (更新日期：…, the only stamp many Taiwan and
    portal pages give): a header also shows when the blog was created or when the page was
    updated, and the label tells them apart."""
    return (
        _date_after(P.PUBLISH_LABELS, text, skip_edits=True)
        or _date_after(_PUBLISH_FIELD, text)
        or _date_before_label(text)
        or _update_date(text)
    )


# An info table's publish field, its name in one cell and the date in the next (發布日期 | 101-03-15).
_PUBLISH_FIELD = re.compile(
    r"(?:^|\n)[ \t]*(?:发布日期|發布日期|發佈日期|发布时间|發布時間|發佈時間|发表日期|發表日期)[ \t]*\n"
)
_UPDATE_FIELD = re.compile(r"(?:更新|修改)(?:日期|时间|時間)\s*[:：]")


def _update_date(text: str | None) -> date | None:
    """The date after an update's label (更新日期：…), unless its line also shows a date under
    no edit's label (2025-02-27 14:33　更新时间：2025-02-28 08:00): the page was published then,
    and the label only tells the later date apart."""
    for m in _UPDATE_FIELD.finditer(text or ""):
        start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line = text[start : end if end >= 0 else len(text)]
        beside = [d for at, d in _dates(line) if not _label_before(_EDIT_LABEL, line, at)]
        if beside:
            return beside[0]
        if d := _date_after(_UPDATE_FIELD, text[m.start() :]):
            return d
    return None


# 发布 standing after the date it labels (2014/05/05 發佈 ｜), not a word (苹果发布新品, 发布会)
# nor a label of its own (发布于, 发布时间)
_PUBLISHED_AFTER = re.compile(r"(?:发布|發佈|發布|发表|發表)(?![\u4e00-\u9fff])")


# What stands between a date and the 发布 that labels it: the date itself, its time, 首次.
_DATE_THEN_LABEL = re.compile(
    r"[\d\s:：/\-.年月日号號时時分秒〇○零一二三四五六七八九十]*(?:上午|下午|[AaPp][Mm])?[\d\s:：]*"
    r"(?:首次)?\s*"
)


def _date_before_label(text: str | None) -> date | None:
    """The last date within 25 characters before a trailing publish label, with nothing but
    its time between them (2014/05/05 發佈, 于 2025-02-18 10:30:15 首次发布): a headline ending
    in 发布 in a related list (GTC前瞻 2025-03-17 / DGX Spark发布) labels no date of the list's.
    The dates are read in the whole text, so that what labels a date before it (最新推荐文章于
    …) is still seen."""
    dates = _dates(text) if text and _PUBLISHED_AFTER.search(text) else []
    plain = (text or "").translate(_FULL_WIDTH)  # ２０２５－０１－２８ 发布, one for one
    for m in _PUBLISHED_AFTER.finditer(plain):
        if found := [
            d
            for at, d in dates
            if m.start() - 25 <= at < m.start() and _DATE_THEN_LABEL.fullmatch(plain, at, m.start())
        ]:
            return found[-1]
    return None


def document_date(text: str | None) -> date | None:
    """The signing date of an official document (成文日期：2025年01月27日): the document's own
    date, which its closing signature repeats; the site's 发布日期 or PubDate meta is the day
    it was posted."""
    return _date_after(P.DOCUMENT_DATE_LABEL, text)


def _date_after(label: re.Pattern[str], text: str | None, skip_edits: bool = False) -> date | None:
    """The first date written within 30 characters after a match of label (with skip_edits,
    not after an edit's label: 编辑于 2025-02-04 above 发布于 2025-02-03 on a Q&A answer)."""
    for m in label.finditer(text or ""):
        if skip_edits and _EDIT_LABEL.search(m.group(0)):
            continue
        if d := parse_date(text[m.end() : m.end() + 30]) or _roc_numeric(text[m.end() :]):
            return d
    return None


# Taiwan's calendar right after a date's label (發布日期：101-03-15 is 2012-03-15, and
# 114年3月10日 is 2025-03-10): a three-digit year only, from 2011 on; 98-05-03 could be 1998 or
# 2009, and 101-03-15 elsewhere could be anything.
_ROC_YEAR = r"(?P<y>1\d{2})"
_ROC_NUMERIC = re.compile(
    rf"\s*{_ROC_YEAR}(?:[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d])"
    r"|\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日號号])"
)
# The same anywhere in a Traditional page's meta line or header, not inside a longer number.
_ROC_ANYWHERE = re.compile(r"(?<![\dA-Za-z０-９./\-])(?=1\d{2}(?:[-/.]\d|\s*年\s*\d))")


def _roc_numeric(text: str) -> date | None:
    m = _ROC_NUMERIC.match(text.translate(_FULL_WIDTH))
    if not m or not 2011 <= (year := int(m["y"]) + 1911) <= 2100:
        return None
    try:
        return date(year, int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    except ValueError:
        return None


def traditional(text: str) -> bool:
    """Whether text is written in Traditional characters: OpenCC changes a share of them."""
    from pipeline.nlp import to_simplified

    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < TRADITIONAL_SAMPLE_MIN:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(a != b for a, b in zip(han, simplified, strict=False))
    return changed >= TRADITIONAL_SHARE * len(han)


TRADITIONAL_SAMPLE_MIN = 20
TRADITIONAL_SHARE = 0.05


def taiwan_date(text: str | None) -> date | None:
    """The first date in Taiwan's calendar without its 民國 (114年3月10日, 114-03-10), as Taiwan's
    government and some of its news sites stamp a page: the caller knows the page is written
    in Traditional characters and the text is its meta line or header."""
    text = (text or "").translate(_FULL_WIDTH)
    for m in _ROC_ANYWHERE.finditer(text):
        if d := _roc_numeric(text[m.start() :]):
            return d
    return None


def month_dated(lead: str | None, reach: int = 40) -> bool:
    """Whether the text right above the story ends with a date of month precision only (a
    report's '2003年5月' under its title and authors), below any full date: the full date
    further up is when a portal reposted it, not when it was written, and the article's own
    date has no day."""
    tail = (lead or "").rstrip()[-reach:]
    months = [m.end() for m in P.MONTH_ONLY.finditer(tail)]
    # Nothing but a few characters (a line break, 号, a bracket) after it, and no full date.
    return bool(months) and len("".join(tail[months[-1] :].split())) <= 4


def meta_date(tree: lxml_html.HtmlElement, ld: dict | None = None) -> date | None:
    metas = {}
    for node in xpath("//meta[@content]")(tree):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key:
            metas.setdefault(key, node.get("content"))
    for key in _META_DATE_KEYS:
        if key in metas and (d := field_date(metas[key])):
            return d
    ld = json_ld(tree) if ld is None else ld
    if d := field_date(str(ld.get("datePublished") or "")):
        return d
    if d := script_date(tree):
        return d
    for node, text in _time_elements(tree):
        if _edited(text):
            # Zhihu shows 编辑于 …, and the publish date only in the tooltip over it
            hints = [] if isinstance(node, str) else xpath(".//@data-tooltip|.//@title")(node)
            text = " ".join(str(h) for h in hints if not _edited(str(h)))
        if d := parse_date(text):
            return d
    return None


# A WeChat article's publish time, which its page shows only once its script has run: saved
# as fetched, the <em id="publish_time"> is empty and the time is in the script's variables
# (var ct = "1739880300", var publish_time = "2025-02-18" || "", var createTime = '2025-02-18
# 20:05'). Only these names, assigned with var: the data of a related list is no page's date.
_SCRIPT_DATE = re.compile(
    r"\bvar\s+(?:ct|publish_time|createTime|create_time)\s*=\s*[\"']([^\"'\n]{4,30})[\"']"
)


def script_date(tree: lxml_html.HtmlElement) -> date | None:
    """The publish date a WeChat article's inline script holds (_SCRIPT_DATE)."""
    for script in xpath("//script[not(@src)]/text()")(tree):
        for m in _SCRIPT_DATE.finditer(str(script)):
            if d := field_date(m.group(1)):
                return d
    return None


def meta_edit_date(tree: lxml_html.HtmlElement) -> date | None:
    """The date a page's time element gives as an edit (编辑于 2024-03-05) with no publish date
    beside it: a last resort, when nothing on the page dates the post otherwise."""
    return next(
        (d for _, text in _time_elements(tree) if _edited(text) and (d := parse_date(text))), None
    )


def _time_elements(tree: lxml_html.HtmlElement) -> Iterator[tuple[object, str]]:
    """The page's time elements (_DATE_XPATHS, in order) with their text."""
    for xp in _DATE_XPATHS:
        for node in xpath(xp)(tree):
            yield node, str(node if isinstance(node, str) else node.text_content())


def _edited(text: str) -> bool:
    """Whether the first date in text is an edit's (编辑于 2025-02-04), not the publish date."""
    found = _dates(text)
    return bool(found) and _label_before(_EDIT_LABEL, text, found[0][0])


FIRST_PUBLISHED_REACH = 3


def first_published_date(lines: list[str]) -> date | None:
    """The date of the text's own note of its first publication (本文首发于 2025-01-21) in its
    first or last lines: where the page shows only a relative time (昨天 14:22) or nothing,
    the day the piece came out."""
    for line in lines[:FIRST_PUBLISHED_REACH] + lines[-FIRST_PUBLISHED_REACH:]:
        if (m := P.FIRST_PUBLISHED_NOTE.search(line)) and (
            d := parse_date(line[m.end() : m.end() + 30])
        ):
            return d
    return None


def closing_date(paragraphs: list[str]) -> date | None:
    """The date alone on a text's last line, under its signature (青石县林业局 /
    二〇〇六年三月十二日): a notice or a letter is dated where it is signed."""
    last = paragraphs[-1].strip() if paragraphs else ""
    return parse_date(last) if len(last) <= 20 and date_line(last) else None


# A date in the path of a news CMS's URL: /2012-04/18/, /2012/04/18/, /2012/0418/, and eight
# digits only as a folder (/20120418/; /view/20110518.htm is an entry's id).
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[-/_](?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.\-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])/"
)
# The page's own address printed on it (本文网址：http://…), above a print link.
_OWN_URL = re.compile(
    r"(?:本文网址|本文網址|本文链接|本文連結|本文地址|本页网址|本頁網址|本页地址|本頁地址)\s*[:：]\s*"
    r"(https?://[^\s\u3000]+)"
)


def url_date(tree: lxml_html.HtmlElement, text: str) -> date | None:
    """The date in the page's own URL (its canonical link, og:url, or the address the page
    prints as its own), as news CMSs file stories by day; the last resort, since a related
    link's URL carries its own story's date and only the page's own counts."""
    urls = [canonical_url(tree)] + [m.group(1) for m in _OWN_URL.finditer(text)]
    return next((d for url in urls if (d := date_in_url(url))), None)


def date_in_url(url: str | None) -> date | None:
    """The day a news CMS's URL files its story under (/2025/03/07/, /20250307/)."""
    path = url.split("://", 1)[-1].partition("/")[2] if url else ""
    if m := _URL_DATE.search("/" + path):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        try:
            return date(int(y), int(mo), int(d))
        except ValueError:
            return None
    return None
