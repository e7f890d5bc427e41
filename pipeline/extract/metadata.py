"""Title, publish date, author, site and category from a page's markup and header text.

Dates are taken only from the page's own metadata or its header (the text between the title and
the body), never from comments below the body and never from the crawl time: a wrong date moves
an opinion to the wrong week, while a missing one only leaves it undated.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.blocktext import block_text
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
    '//*[contains(@class, "ContentItem-time")]',
    '//time[contains(@class, "published")]/@datetime',
    '//time[contains(@class, "entry-date")]/@datetime',
    "(//article//time/@datetime)[1]",
    '//*[@id="pubtime" or @id="pub_date" or @id="pubTime" or @class="pubtime" or @class="pub_date"]',
    '//*[contains(@class, "date-source") or contains(@class, "post-time") or contains(@class, "time-source")]',
    '//*[contains(@class, "date-header")]',
)
_AUTHOR_XPATHS = (
    '//meta[@name="author"]/@content',
    '//meta[@property="article:author"]/@content',
    '//*[@id="js_author_name"]',
    '//*[contains(@class, "rich_media_meta_text")]',
    '//*[contains(@class, "AuthorInfo-name")]',
    '(//*[contains(@class, "authi")]//a[contains(@class, "xw1")])[1]',
    '(//td[contains(@class, "row")]/span[@class="name"])[1]',  # phpBB 2's first poster
    '//*[@rel="author"]',
    '//*[contains(@class, "author") and contains(@class, "vcard")]',
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//*[@data-testid="authorName"]',
    '//*[contains(@class, "author-name") or @class="author" or contains(@class, "post-author")]',
    '(//a[contains(@href, "/author") or contains(@rel, "author")])[1]',  # Z-Blog, WordPress
)
_SITE_XPATHS = (
    '//*[@id="js_name"]',  # a WeChat account is the site, not 微信公众平台
    '//meta[@property="og:site_name"]/@content',
    '//meta[@name="application-name"]/@content',
)
_CATEGORY_XPATHS = (
    '//meta[@property="article:section"]/@content',
    '//*[contains(@class, "cat-links")]//a',
    '//*[contains(@class, "post-labels")]//a',
)
# A hosted blog's own name in its masthead (<h1 id="spacename">, <span id="blogname">): the blog
# is the site its posts are read on, not the service hosting it (标题_奔跑的蜗牛_天天博客).
_BLOG_NAME_XPATH = (
    '(//*[contains(@id, "spacename") or contains(@id, "blogname") or contains(@class, "blogname")])[1]',
)
# cnblogs-style blogs print their name in id="blogTitle"; other templates their post's title:
# a blog's name only where it is a piece of <title> other than the headline.
_BLOG_TITLE_XPATH = ('(//*[@id="blogTitle" or @id="blogtitle" or @id="blog_title"])[1]',)
_LOGO_XPATHS = ('(//*[contains(@class, "logo")])[1]', _BLOG_NAME_XPATH[0])
# A site-name class can also mark a reprint's source (原文来自 <span class="site-name">…): asked
# after the copyright line.
_SITE_NAME_XPATH = (
    '(//*[contains(@id, "sitename") or contains(@class, "sitename") or contains(@class, "site-name")])[1]',
)
# 2000s mastheads: <img src="/images/xx_logo.gif" alt="新讯网">, the first on the page
_LOGO_ALT_XPATHS = ('(//img[contains(@src, "logo") or contains(@id, "logo")])[1]/@alt',)
# A masthead image is the site's name only as the link to its front page (a sponsor's banner, a
# partner paper's or a photo of an old masthead link elsewhere or nowhere).
_MASTHEAD_IMAGES = xpath('//a[@href]//img[contains(@src, "masthead") and @alt]')
# How the names of sites and of the bodies that run them end (not 本文, a 集团 or a 公司)
_SITE_END = r"(?:网|網|站|政府|局|委|院|校|大学|大學|报|報|台|在线|在線|社区|社區|论坛|論壇|馆|館|协会|協會)"
_COPYRIGHT_SITE = re.compile(
    r"(?:©|&copy;|Copyright)\s*(?:\d{4}(?:\s*-\s*\d{4})?)?\s*([\u4e00-\u9fffA-Za-z]{2,12})\s*(?:版权所有|版權所有|All rights)"
    # a line that opens with the name (云溪都市报社版权所有: the paper, without its 社)
    r"|(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,12}?)(?:(?<=报|報)社)?(?:版权所有|版權所有)"
    # or with a space (青石县人民政府 版权所有), where the name ends as a site's or a public
    # body's does: a paper's company (汀江晚报社 版权所有) owns a site with a name of its own
    # (汀江新闻网), 本文 版权所有 closes a post
    r"|(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{1,10}?"
    + _SITE_END
    + r")[ \t\u3000\xa0]+(?:版权所有|版權所有)"
)
# 您现在的位置：南岭理工学院新闻网 > 校园快讯: the trail's root names the site where it is no 首页
# The label of a location trail (当前位置：首页 > 科技 > 正文).
_TRAIL_LABEL = re.compile(
    r"(?:当前位置|當前位置|您现在的位置|您現在的位置|您的位置|你的位置|现在位置|位置)\s*[:：]\s*"
)
_HOME_CRUMB = re.compile(r"首页|首頁|主页|主頁|网站首页|網站首頁|[Hh]ome|HOME")
_BREADCRUMB_XPATHS = (
    '//*[contains(@class, "breadcrumb") or contains(@class, "crumb") or @id="pt" or contains(@class, "position") or contains(@class, "location")]',
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
    story: the page's clock (今天是…), a member's registration (注册时间：…), a birthday; or
    stands beside the weather and the site's links on a line of no prose (2015年12月3日 星期四 岚溪
    晴 3℃~12℃ 客户端 登录), or beside the weekday and the visitor's account links (2012年1月20日
    星期五 首頁 | 登入): a portal's top bar, which shows the day of the visit."""
    if _label_before(_CLOCK_LABEL, text, at):
        return True
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    if _PROSE_MARKS.search(line):
        return False
    if _TEMPERATURE.search(line) and _SITE_BAR.search(line):
        return True
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


def field_date(value: str | None) -> date | None:
    """The date a metadata field holds (a meta tag, JSON-LD, a scraper's record): a Unix
    timestamp, or a date written out. Not for running text, where ten digits are no date."""
    return epoch_date(value) or parse_date(value)


def first_past(*rules: Callable[[], date | None], source: str = "") -> date | None:
    """The first date the rules give, in order, that is not still to come (each rule runs only
    when those before it gave none). A page dated 2099 is a template's placeholder or a typo:
    it would put an opinion in a week that has not come and its predictions' due dates a
    century away, and must not hide the date the page shows."""
    latest = datetime.now(PAGE_CLOCK).date() + timedelta(days=1)
    for rule in rules:
        day = rule()
        if day is not None and day > latest:
            log.info("%s: publish date %s is in the future; not taken", source or "page", day)
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
    ]
    return found[-1] if found else parse_date(text)


# When a post was last changed (修改于, 编辑于, 更新于): its publish date only where no other is shown.
_EDIT_LABEL = re.compile(
    r"(?:修改于|修改於|编辑于|編輯於|更新于|更新於|最后编辑|最後編輯|最后修改|最後修改|最近修改|最近更新"
    r"|最后更新|最後更新)\s*[:：]?\s*$"
)


def labelled_date(text: str | None) -> date | None:
    """The date right after a publish label (发表于 2005-9-15, 发布日期：…), else right before one
    (2014/05/05 發佈), else after an update's label (更新日期：…, the only stamp many Taiwan and
    portal pages give): a header also shows when the blog was created or when the page was
    updated, and the label tells them apart."""
    return (
        _date_after(P.PUBLISH_LABELS, text, skip_edits=True)
        or _date_before_label(text)
        or _date_after(_UPDATE_FIELD, text)
    )


_UPDATE_FIELD = re.compile(r"(?:更新|修改)(?:日期|时间|時間)\s*[:：]")
# 发布 standing after the date it labels (2014/05/05 發佈 ｜), not a word (苹果发布新品, 发布会)
# nor a label of its own (发布于, 发布时间)
_PUBLISHED_AFTER = re.compile(r"(?:发布|發佈|發布|发表|發表)(?![\u4e00-\u9fff])")


def _date_before_label(text: str | None) -> date | None:
    """The last date within 25 characters before a trailing publish label."""
    for m in _PUBLISHED_AFTER.finditer(text or ""):
        if found := _dates(text[max(0, m.start() - 25) : m.start()]):
            return found[-1][1]
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
        if d := parse_date(text[m.end() : m.end() + 30]):
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


def clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _first(tree: lxml_html.HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xp in xpaths:
        for node in xpath(xp)(tree):
            text = node if isinstance(node, str) else node.text_content()
            text = clean_text(str(text))
            if text:
                return text
    return None


def json_ld(tree: lxml_html.HtmlElement) -> dict:
    """The page's JSON-LD article object ({} when none). Read once per page, before the scripts
    are dropped (html.visible_text), and handed to the rules that use it."""
    for node in xpath('//script[@type="application/ld+json"]/text()')(tree):
        try:
            data = json.loads(node)
        except (json.JSONDecodeError, TypeError):
            continue
        items = (
            data
            if isinstance(data, list)
            else data.get("@graph", [data])
            if isinstance(data, dict)
            else []
        )
        for item in items:
            if isinstance(item, dict) and any(k in item for k in ("datePublished", "headline")):
                return item
    return {}


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
    for node, text in _time_elements(tree):
        if _edited(text):
            # Zhihu shows 编辑于 …, and the publish date only in the tooltip over it
            hints = [] if isinstance(node, str) else xpath(".//@data-tooltip|.//@title")(node)
            text = " ".join(str(h) for h in hints if not _edited(str(h)))
        if d := parse_date(text):
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


_TITLE_XPATHS = (
    '//*[@id="thread_subject"]',  # Discuz
    '//*[@id="activity-name"]',  # WeChat
    '//*[contains(@class, "QuestionHeader-title")]',  # Zhihu
    '//h1[contains(@class, "entry-title") or contains(@class, "post-title") or contains(@class, "article-title")]',
)


def strip_title_suffix(title: str, site: str | None = None) -> str:
    """'标题 | 栏目 | 站名', '标题-《站名》' → 标题: the headline is the first part."""
    parts = [p.strip() for p in P.TITLE_SEPARATORS.split(title) if p.strip()]
    if site:
        parts = [p for p in parts if p != site] or parts
    if len(parts) <= 1:
        return title
    return parts[0] if len(parts[0]) >= 6 else max(parts, key=len)


def short_headline(tree: lxml_html.HtmlElement, page_title: str | None) -> str | None:
    """A headline of two or three characters (a person's or a place's name on an encyclopedia or
    a profile page: '张三_某某百科') that an <h1> shows and the <title> starts with. Too short
    for the length rules below, which would take the site name for the headline. A logo
    (<h1> around a link or with a logo class) is the site, not the headline."""
    if not page_title:
        return None
    parts = [p.strip() for p in P.TITLE_SEPARATORS.split(page_title) if p.strip()]
    if len(parts) < 2 or not 2 <= len(parts[0]) <= 3 or not _HAS_CJK.search(parts[0]):
        return None
    for h in xpath("//h1")(tree):
        if clean_text(h.text_content()) != parts[0] or xpath(".//a|ancestor::a")(h):
            continue
        if not _is_logo(h):
            return parts[0]
    return None


def template_title(tree: lxml_html.HtmlElement) -> str | None:
    """The headline of a known template (Discuz, WeChat, Zhihu, WordPress), or a short one that
    the <h1> and the <title> agree on: exact, no guessing."""
    return _first(tree, _TITLE_XPATHS) or short_headline(tree, _first(tree, ("//title",)))


def page_title(tree: lxml_html.HtmlElement) -> str | None:
    return _first(tree, ("//title",))


def html_title(tree: lxml_html.HtmlElement, site: str | None) -> str | None:
    known = template_title(tree)
    if known:
        return known
    og = _first(
        tree, ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content')
    )
    page_title = _first(tree, ("//title",))
    h1s = [clean_text(h.text_content()) for h in xpath("//h1")(tree)]
    # Over 100 characters an <h1> holds a script or a whole block, not a headline.
    h1s = [h for h in h1s if h and 4 <= len(h) <= 100]
    candidates = [c for c in (og, *h1s) if c and c != site]
    if page_title:
        # The headline is the longest candidate the <title> repeats: a logo in <h1> is shorter.
        inside = [c for c in candidates if c in page_title]
        if inside:
            best = max(inside, key=len)
            return strip_title_suffix(best, site) if best == og and best not in h1s else best
    if og:
        return strip_title_suffix(og, site)
    if h1s:
        return h1s[0]
    if page_title:
        rest = strip_title_suffix(page_title, site)
        # 財經 - 即時新聞 - 站名: a <title> of sections names no story
        return None if rest and P.SECTION_LABEL.match(rest) else rest
    return None


def title_suffix_site(tree: lxml_html.HtmlElement, title: str | None) -> str | None:
    """Site name from '<title>标题_栏目_站名</title>' when the title is known: the piece furthest
    from the headline, last after it, first before it (站名-栏目-标题, as 2000s portals wrote it)."""
    page_title = _first(tree, ("//title",))
    if not page_title or not title or title not in page_title:
        return None
    before, _, after = page_title.partition(title)
    # a provenance tag the headline shown on the page has dropped ([原创]标题-站名)
    before = re.sub(_PROVENANCE_TAG, "", before)
    site_first = not after.strip(" :：-_|｜·") and bool(before.strip())
    parts = [p.strip(" :：-_|｜·") for p in P.TITLE_SEPARATORS.split(before + after)]
    parts = [p for p in parts if p and not p.lower().startswith(("powered by", "by "))]
    parts = [p for p in parts if 2 <= len(p) <= 30]
    for xpaths in (_BLOG_NAME_XPATH, _BLOG_TITLE_XPATH):
        blog = _first(tree, xpaths)
        if blog in parts:
            return blog
    shown = copyright_site(tree)
    if shown in parts:
        return shown  # a piece the copyright line names is the site, even 海峡纪实频道
    # A section of the site (标题_东江在线_新闻中心, 快讯, 文化频道) or a date is not its name.
    parts = [site_name(p) for p in parts if _NAME_CHARS.search(p) and not P.SECTION_LABEL.match(p)]
    if not parts:
        return None
    return parts[0] if site_first else parts[-1]


_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def site_name(value: str) -> str:
    """The site without the channel it was shown with (江城热线文化频道 → 江城热线), the words of a
    link home around it (返回网易首页 → 网易), or the e-paper edition it names (南岭日报数字报刊 →
    南岭日报)."""
    value = P.LINK_ARROWS.sub("", value) or value
    for pattern in (P.HOME_LINK_SITE, P.CHANNEL_SUFFIX, P.EPAPER_SUFFIX):
        if m := pattern.match(value):
            return m.group(1)
    return value


_NOT_AUTHORS = re.compile(
    r"(Discuz|Team|Inc\.?$|Powered|原创|原創|转载|轉載|admin|匿名|佚名|编辑部|^by$)", re.I
)


_USER_ID = re.compile(r"^[A-Za-z_]+\d+$")  # L_104485: an account id, not a name


def in_aside(node: object, total: int) -> bool:
    """Whether a node sits in a comment area, a related list or a sidebar: an author class
    there names a commenter or another story's writer. A wrapper holding half the page or more
    is layout whatever its class says (WeChat marks <body>'s children comment_feature)."""
    el = node.getparent() if isinstance(node, str) else node
    while el is not None and isinstance(el.tag, str):
        if aside_tokens(el) & P.ASIDE_TOKENS and len(el.text_content()) < total / 2:
            return True
        el = el.getparent()
    return False


def aside_tokens(el: lxml_html.HtmlElement) -> set[str]:
    """class/id words split on - and _, BEM modifiers (--related) left out: a modifier styles
    the block (AuthorInfo--related), it does not make it a related list."""
    words = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    return {t for w in words for t in P.TOKEN_SPLIT.split(w.split("--")[0]) if t}


def lead_credit_author(lead: str) -> str | None:
    """译者 or 主编 on a byline line right above the text: one that also dates the piece or names
    its source (2021-03-16 原文来源：… 译者：郑可), or a credit in brackets (（譯者：中央社陳怡君）).
    A book's info box or a masthead lists the same words on lines of their own."""
    for line in lead.split("\n"):
        m = _LEAD_CREDIT.search(line)
        if not m or not plausible_author(name := m.group(1).strip()):
            continue
        bracketed = re.fullmatch(r"\s*[（(].*[)）]\s*", line) is not None
        if bracketed or parse_date(line) is not None or re.search(r"原文|原載|原载", line):
            return name
    return None


def structured_author(
    tree: lxml_html.HtmlElement, site: str | None = None, ld: dict | None = None
) -> str | None:
    """For a page that shows no byline: the first Person its JSON-LD names as the author (an
    author without a type, or any kind of organisation, may be the publisher or a desk), else a
    journal page's first citation_author. Both come after every visible byline: a page's
    JSON-LD may list its editors, and a news page about a paper may carry the paper's authors."""
    author = (json_ld(tree) if ld is None else ld).get("author")
    names = [
        entry.get("name")
        for entry in (author if isinstance(author, list) else [author])
        if isinstance(entry, dict) and entry.get("@type") == "Person"
    ]
    names += [str(v) for v in xpath('//meta[@name="citation_author"]/@content')(tree)]
    for name in names:
        if not isinstance(name, str) or "," in name:  # Chen, Jianhua: a reference's form
            continue
        value = tidy_author(strip_label(clean_text(name)))
        if value and len(value) <= 20 and plausible_author(value, site) and value != site:
            return value
    return None


def html_author(tree: lxml_html.HtmlElement, site: str | None = None) -> str | None:
    total = len(tree.text_content())
    for xp in _AUTHOR_XPATHS:
        for node in xpath(xp)(tree):
            if not isinstance(node, str) and in_aside(node, total):
                continue
            text = clean_text(str(node if isinstance(node, str) else node.text_content()))
            value = tidy_author(strip_label(join_spaced_names(text))) if text else None
            if (
                value
                and len(value) <= 20
                and not _NOT_AUTHORS.search(value)
                and not _USER_ID.match(value)
                and plausible_author(value, site)
            ):
                return value
    return None


def strip_label(value: str) -> str | None:
    m = P.AUTHOR_LABEL.search(value)
    if m:
        return m.group(1).strip() or None
    value = re.sub(
        r"^(?:作者|by|By|張貼者|张贴者|楼主|樓主|[^:：\s]{1,4}[:：])\s*[:：]?\s*", "", value
    ).strip()
    return value if 0 < len(value) <= 30 else None


_LONG_CJK = re.compile(r"^[\u4e00-\u9fff]{9,}$")
_NOT_NAME_CHARS = re.compile(r"[@<>/\\•●|#=]|https?:|www\.|\.(?:com|cn|net|org)\b|\d{2,}", re.I)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Whose reporter a byline names (本报记者, 本站记者): the newsroom, before the role.
_NEWSROOM = r"(?:本报|本報|本站|本刊|本网|本網|本台|特约|特約)?"
_ROLE_ONLY = re.compile(_NEWSROOM + r"(?:记者|記者|通讯员|通訊員|实习生|實習生|编辑|編輯|作者)")
_UI_WORDS = re.compile(
    r"专区|專區|在线投稿|在線投稿|投稿|收藏|引用|回复|回覆|举报|舉報|只看该作者|只看該作者|首页|首頁|主页|主頁"
    r"|登录|登錄|注册|註冊|分享|打印|列印|关闭|關閉|更多|排行|排行榜|音频|音頻|视频|視頻|图片|圖片|图集|圖集"
    r"|播放|订阅|訂閱|下载|下載|收听|收聽"
    r"|送花|鲜花|鮮花|点赞|點讚|點贊|打赏|打賞|关注|關注|评论|評論|转发|轉發|纠错|糾錯|投票|置顶|置頂"
    r"|[Aa]dmin(?:istrator)?|管理员|管理員"
)
# a forum handle: lightboy2005, 浪里白条2019, 青青子衿_88
_HANDLE = re.compile(
    r"[A-Za-z][A-Za-z_]{3,}\d{1,4}|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z_]{1,10}\d{1,4}"
)
# An issuing body, which signs a government notice (吉林省冰雪产业促进局): longer than a
# person's name, and ending in what an office is called.
_ISSUER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?(?:省|(?<!城)市|县|縣|(?<!社)区|(?<!社)區|州|盟)|国家|國家|中华人民共和国"
    r"|中華人民共和國|中共)"
    r"(?:(?![了的是这這说說])[\u4e00-\u9fff]){0,12}(?:人民政府|政府|办公厅|辦公廳|办公室|辦公室|委员会"
    r"|委員會|局|厅|廳|署|研究院|研究所|协会|協會)"
)


def plausible_author(value: str | None, site: str | None = None) -> bool:
    """Whether an author candidate can name a person or an issuing body. Precision over recall:
    a wrong author is worse than none, so values that are the site, a portal, a label word, a
    URL, an id, a dateline (北京17日電) or a sentence are refused, and the next rule is asked."""
    if not value or len(value) > 30:
        return False
    if value in P.NOT_AUTHORS or value in P.NOT_NAMES:
        return False
    if _ROLE_ONLY.fullmatch(value) or _UI_WORDS.fullmatch(value):
        return False  # 本报记者 without the name after it; a menu's 作者专区, a post's 收藏 button
    if _NOT_NAME_CHARS.search(value) and not _HANDLE.fullmatch(value):
        return False
    if P.PORTAL_AUTHORS.match(value):
        return False
    runs = _CJK_RUN.findall(value)
    if value.endswith(("字号", "字號")):
        return False  # 小字号 / 大字号: a font-size switcher next to the headline
    if value.isascii() and len(value) <= 2:
        return False  # AP, NF: a wire code or an editor's initials
    if _ISSUER.fullmatch(value):
        return True
    if runs and (max(map(len, runs)) > 8 or (len(runs) == 1 and len(value) == 1)):
        return False  # a headline, or one character of a name cut at its padding
    return not any(run[-1] in "网網" and len(run) > 2 for run in runs)  # 正北方网: a site


# the role, or the wire service a translator works for (譯者：中央社陳怡君)
_WIRE = r"(?:中央社|新华社|新華社|中新社)"
_ROLE_PREFIX = re.compile(
    "^" + _WIRE + "?" + _NEWSROOM + r"(?:记者|記者|通讯员|通訊員|实习生|實習生|评论员|評論員)\s*"
)
# A translation's or a newsletter issue's credit, on the lines right above the text (译者：郑可,
# 譯者：中央社陳怡君, 主编：苏禾): elsewhere on a page the same words credit a book in a review's
# info box or a magazine's masthead.
_LEAD_CREDIT = re.compile(
    r"(?<![\u4e00-\u9fff])(?:译者|譯者|主编|主編)\s*[:：/／]\s*" + _WIRE + r"?"
    r"([\u4e00-\u9fff]{2,4}?|[A-Za-z][A-Za-z .\-]{1,30}?[A-Za-z])"
    r"(?=\s|$|[，,。|｜/／:：)）·]|审校|審校|校对|校對|编辑|編輯)"
)


def tidy_author(value: str | None) -> str | None:
    """记者王敬照 → 王敬照: the role is the label, not part of the name; a value that is only
    the role stays as it is (plausible_author refuses it)."""
    if not value:
        return value
    rest = _ROLE_PREFIX.sub("", value).strip()
    return rest if len(rest) >= 2 else value


_SPACED_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000\xa0]{1,3}([\u4e00-\u9fff])(?![\u4e00-\u9fff])"
)


def join_spaced_names(text: str) -> str:
    """Two-character names padded to three characters' width (赵  培, 王　硕) are one name:
    papers and journals align bylines that way, and a label rule would stop at the space."""
    return _SPACED_NAME.sub(r"\1\2", text)


_EDITOR_LABEL = re.compile(r"编辑|編輯")


_ABOUT_LABEL = re.compile(r"作者简介|作者簡介")
_UNIT = re.compile(r"[\u4e00-\u9fff]{1,10}(?:系|学院|學院|研究所|中心|办公室|辦公室|处|處|科|部)")
_UNIT_THEN_NAME = re.compile(
    r"[ \t\xa0\u3000]+([\u4e00-\u9fff]{2,3})(?=[ \t\xa0\u3000]|$|[，,。|｜])"
)
_ABOUT_NAME = re.compile(
    r"(?![\u4e00-\u9fff]*(?:博士|教授|研究员|研究員|分析师|分析師|学者|學者|专家|專家))[\u4e00-\u9fff]{2,4}"
)
_APP_NAME = re.compile(r"客户端|客戶端|App|APP")


def label_author(text: str, editors: bool = True) -> str | None:
    """The name after a byline label; with editors=False, not an editor's (编辑：孟凡), who
    counts only where no writer is credited anywhere on the page."""
    text = join_spaced_names(text)
    for m in P.AUTHOR_LABEL.finditer(text):
        if not editors and _EDITOR_LABEL.search(text, m.start(), m.start(1)):
            continue
        # 记者：首先欢迎你… is an interview question, not a byline: names are short.
        value = m.group(1).strip()
        if full := P.LATIN_FULL_NAME.match(text, m.start(1)):
            value = full.group(0) if full.group(0).startswith(value) else value
        if _ROLE_ONLY.fullmatch(value) and (name := reporter_author(text[m.start(1) :])):
            return name  # 作者：本报记者 郑晓帆 实习生 何丽
        if _ABOUT_LABEL.match(m.group(0)) and not _ABOUT_NAME.fullmatch(value):
            continue  # 作者简介：经济学博士，… describes the writer without naming them
        if _UNIT.fullmatch(value) and (unit_name := _UNIT_THEN_NAME.match(text, m.end(1))):
            value = unit_name.group(1)  # 作者：化工系 李楠: the department, then the writer
        if (not _LONG_CJK.match(value) or _ISSUER.fullmatch(value)) and plausible_author(value):
            return value
    if name := reporter_author(text):
        return name
    if m := P.POSTED_BY.search(text):
        name = next(g for g in m.groups() if g)
        # 来自：人民日报客户端 is a source
        return None if _APP_NAME.search(name) or P.MEDIA_SUFFIX.search(name) else name
    m = P.NAME_THEN_WEN.search(text)
    if m and not P.ROLE_WORDS.search(m.group(1)) and plausible_author(m.group(1)):
        return m.group(1)
    return None


def reporter_author(text: str) -> str | None:
    """The first reporter credited (本报记者 葛灵丹, （姚峰 上海报道）, 执笔人：闵乐夫)."""
    for m in P.REPORTER_LABEL.finditer(text):
        # 记者调查 / 本报记者手记 are column names, not a reporter's name.
        if (name := next(g for g in m.groups() if g)) in P.NOT_NAMES:
            continue
        if m.group("timed") and name[0] not in P.SURNAMES:
            continue  # 栏目：记者 走基层　2024-01-20: a column, not a reporter
        if m.group("bracketed") and (
            name[0] not in P.SURNAMES or name[-1] in _NEWSROOM_ENDS or dictionary_word(name)
        ):
            continue  # 【中央社／台北報導】, 【康視／…】: a wire or a station; 【文化／…】: a desk
        return name
    return wire_reporter(text)


_NEWSROOM_ENDS = frozenset("社台视視报報网網刊")


# A photographer's credit on a meta line (摄影：邱澜, 攝影／何志強), and the one that closes a photo
# story's text (…拍照留念。（记者 郑毅 摄）, （本報記者梁嘉敏攝）, （青峪日报记者 王力 摄）, （郑毅/摄）).
_PHOTO_LABEL = re.compile(
    r"(?:摄影|攝影)(?:记者|記者)?[ \t\xa0\u3000]*[:：/／][ \t\xa0\u3000]*([\u4e00-\u9fff]{2,3})"
    r"(?![\u4e00-\u9fff])"
)
_PHOTO_CLOSING = re.compile(
    r"[（(](?:[\u4e00-\u9fff]{2,6}?[社报報台网網])?" + _NEWSROOM + r"(?:记者|記者|通讯员|通訊員)?"
    r"[ \t\xa0\u3000]*([\u4e00-\u9fff]{2,3}?)[ \t\xa0\u3000]*[/／]?[ \t\xa0\u3000]*(?:摄|攝)[）)]\s*$"
)


def photo_credit(text: str, closing: bool = False) -> str | None:
    """The first photographer credited on a meta line in text; with closing, the one whose
    credit ends the text. A caption's （万象 摄） elsewhere credits a picture, not the story."""
    if closing:
        names = [m.group(1)] if (m := _PHOTO_CLOSING.search(text)) else []
    else:
        names = [m.group(1) for m in _PHOTO_LABEL.finditer(text)]
    return next((n for n in names if n not in P.NOT_NAMES and plausible_author(n)), None)


# A wire story's credit, the reporter's name run into the place and the day it was filed
# (中央社記者蔡宜臻台北5日電, 记者王明北京5日电).
# (opening a line or a bracket: 据新华社记者…3日电 in a sentence cites another report)
_WIRE_CREDIT = re.compile(
    r"(?:^|[（(【〔\[])[ \t\xa0\u3000]*(?:(?![据據])[\u4e00-\u9fff]{1,3}社)?"
    + _NEWSROOM
    + r"(?:[驻駐][\u4e00-\u9fff]{1,2})?(?:记者|記者)"
    r"[ \t\xa0\u3000]*([\u4e00-\u9fff]{4,9})[ \t\xa0\u3000]*\d{1,2}日(?:电|電)",
    re.M,
)


def wire_reporter(text: str) -> str | None:
    """The reporter of a wire credit, where nothing marks the end of the name: the name opens
    with a surname and is two or three characters, and the rest is a place the dictionary holds
    (蔡宜臻 + 台北, not 蔡宜 + 臻台北), else a place of two or more characters and its 市/县/州
    (林昱廷 + 高雄市). Where both lengths leave a place, the commoner place wins (王明 + 石家庄,
    not 王明石 + 家庄; 王建平 + 安县, not 王建 + 平安县)."""
    for m in _WIRE_CREDIT.finditer(text):
        run = m.group(1)
        if run[0] not in P.SURNAMES:
            continue
        splits = [(run[:n], run[n:]) for n in (3, 2) if run[:n] not in _SURNAME_PLACES]
        whole = [(dictionary_frequency(place), name) for name, place in splits if len(place) >= 2]
        if whole and max(whole)[0] > 0:
            return max(whole, key=lambda fn: fn[0])[1]
        for name, place in splits:
            if len(place) >= 3 and _PLACE_END.search(place) and dictionary_word(place[:-1]):
                return name
    return None


def source_name_author(text: str) -> str | None:
    """A two- or three-character name alone on a 来源 line (来源: 尹娟) is the writer; a source
    that is a paper, a site or an agency (来源：新闻晨报) is not a person."""
    for m in P.SOURCE_NAME.finditer(text):
        if not P.MEDIA_SUFFIX.search(m.group(1)) and m.group(1) not in P.NOT_NAMES:
            return m.group(1)
    return None


def profile_author(text: str) -> str | None:
    """The blogger named by a blog platform's sidebar profile ([太小心]个人类别): on a blog
    page with no byline, the owner of the blog wrote the post."""
    text = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    for m in P.PROFILE_NAME.finditer(text):
        name = next(g for g in m.groups() if g)
        if _PROFILE_NOT.search(name) or not plausible_author(name):
            continue  # 个人资料 / 账号设置: a user menu, not a profile box
        fields = _PROFILE_FIELDS.search(text, m.end(), m.end() + _FIELDS_REACH)
        if (
            m.group(4)
            and not fields
            and not _PROFILE_HEADING.search(text, max(0, m.start() - _FIELDS_REACH), m.start())
        ):
            continue  # 昵称：江城网友 in a comment form, not a profile's field
        if m.group(5) and not fields:
            continue  # 个人档案 / 韩青禾 / 女，1998年出生: a news box on the story's subject
        return name
    return None


# A user menu's items after its 个人资料 link; a profile box's fields after the nickname.
_PROFILE_NOT = re.compile(
    r"设置|設置|账号|帳號|帐号|退出|消息|我的|登录|登錄|注册|註冊|修改|编辑|編輯|首页|首頁"
)
_PROFILE_FIELDS = re.compile(
    r"等级|等級|积分|積分|访问|訪問|性别|性別|地区|地區|注册|註冊|粉丝|粉絲|文章|博文|人气|人氣"
)
_FIELDS_REACH = 60
_PROFILE_HEADING = re.compile(
    r"关于我|關於我|个人资料|個人資料|博主资料|博主資料|个人档案|個人檔案"
)


# A login box's words above its 注册 link, not a member's name.
_PANEL_WORDS = re.compile(
    r"登录|登錄|注册|註冊|密码|密碼|用户|用戶|会员|會員|统计|統計|欢迎|歡迎|游客|遊客|本站|[:：，,]"
)
# The fields of a member panel: a forum's, unlike a job ad's (经验：3-5年) or a site's statistics.
_PANEL_FIELDS = re.compile(
    r"(?:等级|等級|级别|級別|头衔|頭銜|UID|积分|積分|帖子|精华|精華|威望|(?:注册|註冊)(?:时间|時間|日期)?|MP"
    r"|发帖|文章)(?:[:：]|\s+\d)"
)


def panel_author(header: str) -> str | None:
    """The poster of a forum thread's first post: the name above the first member panel in the
    text above the post (the panels of replies come after it)."""
    m = P.POSTER_PANEL.search(header)
    if not m or m.group(1) in P.NOT_NAMES or _PANEL_WORDS.search(m.group(1)):
        return None
    # a panel has more than one field (等级 and 积分 and 注册…)
    return m.group(1) if len(_PANEL_FIELDS.findall(header, m.start(), m.end() + 200)) >= 2 else None


_GREETING = re.compile(r"欢迎|歡迎|光临|光臨|进入|進入|访问|訪問|来到|來到|我|登录|登錄|请|請")


def blog_owner(text: str) -> str | None:
    """The owner a blog's masthead names (茉莉的博客) at the top of the page: a low rule, for
    posts with no byline. (Further down, 某某的博客 is a link to another blog.)"""
    m = P.BLOG_OWNER.search(text)
    name = next((g for g in m.groups() if g), None) if m else None
    return name if name and not _GREETING.search(name) else None


def closing_date(paragraphs: list[str]) -> date | None:
    """The date alone on a text's last line, under its signature (青石县林业局 /
    二〇〇六年三月十二日): a notice or a letter is dated where it is signed."""
    last = paragraphs[-1].strip() if paragraphs else ""
    return parse_date(last) if len(last) <= 20 and date_line(last) else None


def signed_issuer(paragraphs: list[str]) -> str | None:
    """A notice signed by its issuing body above its date (青峪市教育局 / 2007年3月5日)."""
    if len(paragraphs) >= 2 and date_line(paragraphs[-1].strip()):
        name = paragraphs[-2].strip()
        return name if _ISSUER.fullmatch(name) else None
    return None


def name_under_title(lead: str, title: str | None) -> str | None:
    """A bare name on the line right under the headline, just above the story (我是怎样卷入…
    / 茉莉 / 【看中国…】): the reprint names its writer the way a column does."""
    if not title:
        return None
    # compared with their spaces made one (輝達市值衝天\u3000散戶別只看一隻股)
    title = " ".join(title.split())
    lines = [" ".join(ln.split()) for ln in lead.split("\n")]
    if title not in lines:
        return None
    below = lines[len(lines) - lines[::-1].index(title) :]
    name = (name_line_author(below[:2]) or name_date_author(below[:1])) if below else None
    return None if name and P.MEDIA_SUFFIX.search(name) else name


_NAME_DATE = re.compile(r"^([\u4e00-\u9fff]{2,3})[ \xa0\u3000]+(\S.{5,30})$")
# Where a dateline's place opens the line instead (北京　2024年6月20日): places that open with a
# surname, and the endings of places.
_PLACE_END = re.compile(r"[州市县縣区區省镇鎮乡鄉村岛島港城]$")
_SURNAME_PLACES = frozenset(
    [
        "武汉",
        "武漢",
        "成都",
        "石家庄",
        "石家莊",
        "江门",
        "江門",
        "黄山",
        "黃山",
        "金华",
        "金華",
        "包头",
        "包頭",
        "常德",
        "吉林",
        "安庆",
        "安慶",
        "宁波",
        "寧波",
        "沈阳",
        "瀋陽",
        "唐山",
        "焦作",
        "许昌",
        "許昌",
        "桂林",
        "高雄",
        "嘉义",
        "嘉義",
        "屏东",
        "屏東",
        "宜兰",
        "宜蘭",
        "花莲",
        "花蓮",
        "新竹",
        "常熟",
        "江阴",
        "江陰",
        "温岭",
        "溫嶺",
        "徐汇",
        "徐匯",
        "黄埔",
        "黃埔",
        "武昌",
        "汉口",
        "漢口",
        "郑东",
        "鄭東",
    ]
)


def name_date_author(lines: list[str]) -> str | None:
    """A name and the date, alone on the line right under the headline (鄭文山　2024年6月20日):
    an essay or a column signed without a label. The name must open with a common surname and
    be no word of the dictionary: a dateline puts a place there (北京, 江山, 石狮, 张家口　2024年6月
    20日), a page its weekday (周四)."""
    for line in lines:
        m = _NAME_DATE.match(line)
        if not m or not date_line(m.group(2)) or parse_date(m.group(2)) is None:
            continue
        if signed_name(name := m.group(1)):
            return name
    return None


def signed_name(name: str) -> bool:
    """Whether a bare word beside a date is a person signing: a common surname opening a word
    no dictionary holds (a dateline puts a place there, 北京, 江山, 张家口; a page its weekday,
    周四), or a nickname jieba knows as a person's (阿明, 老王; not 阿里, 小米). (jieba's tags
    alone are no test: it tags 张家口 a person.)"""
    if name[0] in P.SURNAMES:
        return (
            name not in _SURNAME_PLACES
            and not _PLACE_END.search(name)
            and name not in P.NOT_NAMES
            and not dictionary_word(name)
        )
    return len(name) == 2 and name[0] in "阿老" and _person_word(name)


def _person_word(name: str) -> bool:
    """jieba reads the name as one word, a person's (阿明; not 阿里, a company's)."""
    import jieba.posseg

    return [w.flag for w in jieba.posseg.cut(name)] == ["nr"]


def dictionary_word(text: str) -> bool:
    """Whether jieba's dictionary holds the text (in Simplified): places, weekdays and common
    words do; the names of most people do not. (Loads jieba's dictionary on first use.)"""
    return dictionary_frequency(text) > 0


def dictionary_frequency(text: str) -> int:
    """How often jieba's dictionary counts the text as a word (in Simplified; 0 when it does
    not hold it)."""
    import jieba

    from pipeline.nlp import to_simplified

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(to_simplified(text), 0) or 0


_CARD_NAME = re.compile(r"([\u4e00-\u9fffA-Za-z0-9_·\-]{2,16}?)(?:\s*[Vv])?")
# What follows an author's name in a post's or an article's author card: a follow button, the
# followers count, or the time of the post (老周看半导体 V / + 关注; 财经白话君 / 2024-10-18 07:45发布于北京).
_CARD_NEXT = re.compile(
    r"^(?:\+\s*)?(?:关注|關注|已关注|已關注)(?:他|她|TA|ta)?(?:\s*[\d.]+\s*[万萬]?)?(?:\s*私信)?$|粉丝|粉絲"
    r"|^(?:发布于|發佈於|编辑于|編輯於)"
)
# A badge printed right after the name (浪里白条2019楼主, Kevin在硅谷科技领域优秀答主,
# 芯片老司机原创).
_CARD_BADGE = re.compile(
    r"(?:(?:[\u4e00-\u9fff]{2}(?:领域|領域|话题|話題))?(?:优秀答主|答主|创作者|創作者)"
    r"|楼主|樓主|原创|原創)$"
)
_CARD_INLINE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z0-9_]{2,16}?)\s*(?:\d+\s*(?:分钟|分鐘|小时|小時|天)前|昨天\s*\d{1,2}:\d{2})"
)
_CARD_REACH = 12  # lines below the headline where an author card can start
_CARD_ABOVE = 6  # and above it
_BIO_MAX = 40  # a one-line bio between the name and its follow button (二级市场研究员，关注…)


def card_author(header: str, title: str | None) -> str | None:
    """The name on the author card around the headline (the name, a bio line at most, then a
    follow button or the post's time), as Q&A sites, investor communities, self-media platforms
    and developer blogs print it: below the headline, else right above it (雪球 puts the card
    first). The card nearest the headline wins: further away are an asker's card or a widget of
    recommended authors, and below the story commenters'."""
    lines = [ln.strip() for ln in header.split("\n") if ln.strip()]
    if not title:
        return None
    if title not in lines:  # the headline opens the story: the card is right above it
        return _card_in(lines[-_CARD_ABOVE:], title)
    at = len(lines) - 1 - lines[::-1].index(title)  # its last showing: a sidebar lists it too
    return _card_in(lines[at + 1 : at + 1 + _CARD_REACH], title) or _card_in(
        lines[max(0, at - _CARD_ABOVE) : at], title
    )


def _card_in(lines: list[str], title: str) -> str | None:
    """The last card in lines, the nearest the story (a Q&A page's asker comes before the
    answerer)."""
    found, bio = None, -1
    for i, line in enumerate(lines):
        name = None
        if i == bio:
            continue  # the line under a card's name, before its follow button
        if (m := _CARD_INLINE.match(line)) and _card_name(m.group(1)):
            name = m.group(1)  # 财经小鹿说3小时前阅读 1.2万: the name and the time on one line
        elif (m := _CARD_NAME.fullmatch(_CARD_BADGE.sub("", line))) and _card_name(m.group(1)):
            after = lines[i + 1 : i + 3]
            if after and _ASKED.search(after[0]):
                continue  # 青青子衿 / 2024-05-01 提问: who asked, not who answered
            if (after and _card_next(after[0])) or (
                len(after) == 2
                and len(after[0]) <= _BIO_MAX
                and after[0] != title
                and not _MENU_LINE.search(after[0])  # 注册 | 登入 | FAQ: a menu, not a bio
                and _card_next(after[1])  # 钱塘小厨 / Lv.4 / 楼主 2012/11/03 16:22
            ):
                name = m.group(1)
                if not _card_next(after[0]) and len(after[0]) > len(name):
                    # a bio longer than the name (芯片老赵 / 半导体从业十五年 / + 关注); a line
                    # as short is the name under a column's (投研笔记 / 芯片老赵 / + 关注)
                    bio = i + 1
        if name and not line.isdigit():
            found = name
    return found


# A thread's toolbar over its first post (只看楼主 | 收藏 | 回复), and what else stands between it
# and the poster's name: a reply count, the floor.
_THREAD_TOOLBAR = re.compile(r"只看楼主|只看樓主|只看该作者|只看該作者")
_TOOLBAR_LINE = re.compile(
    r"^(?:收藏|回复|回覆|分享|举报|舉報|楼主|樓主|\d+|#?\d+\s*[楼樓]|共\s*\d+\s*[篇条條]回[复覆]"
    r"|回[复覆]贴[：:]\s*\d+|回[复覆]數?[：:]?\s*\d+)$"
)


def thread_poster(header: str) -> str | None:
    """The poster of a 贴吧-style thread's first post: the bare name right under the thread's
    toolbar (只看楼主 | 收藏 | 回复 | 共8篇回复 | 雨中垂钓 | 1楼 | …)."""
    lines = [ln.strip() for ln in header.split("\n") if ln.strip()]
    at = max((i for i, ln in enumerate(lines) if _THREAD_TOOLBAR.search(ln)), default=None)
    if at is None:
        return None
    for line in lines[at + 1 : at + 6]:
        if _TOOLBAR_LINE.match(line):
            continue
        name = re.sub(r"\s+(?:Lv\.?\s*)?\d{1,2}$", "", line)  # 青青子衿_88 1: the level
        m = _CARD_NAME.fullmatch(_CARD_BADGE.sub("", name))
        return m.group(1) if m and _card_name(m.group(1)) else None
    return None


_ASKED = re.compile(r"提问|提問|问题补充|問題補充")
_MENU_LINE = re.compile(r"[|｜]|注册|註冊|登录|登錄|登入")


# Words on a card's line that make it a heading, a source or a label rather than a name.
_CARD_NOT = re.compile(
    r"推荐|推薦|热门|熱門|排行|榜|作者|专栏|專欄|频道|頻道|新闻|新聞|资讯|資訊|分类|分類|标签|標籤|提问|提問"
    r"|发布|發佈|发表|發表|更新|编辑|編輯|来源|來源|客户端|客戶端"
)
# A related list's heading over its first item and that item's date (延伸閱讀 / 标题 / 2014/04/28).
_LIST_HEADING = re.compile(
    r"(?:延伸|相关|相關|推荐|推薦|热门|熱門|最新|精彩|更多)(?:阅读|閱讀|文章|新闻|新聞|报道|報導|内容|內容)?"
    r"|更多[\u4e00-\u9fff]{1,4}"
)


def _card_name(name: str) -> bool:
    return (
        plausible_author(name)
        and not _CARD_NOT.search(name)
        and not _LIST_HEADING.fullmatch(name)
        and not P.MEDIA_SUFFIX.search(name)
        and not P.SECTION_LABEL.match(name)
    )


def _card_next(line: str) -> bool:
    return bool(_CARD_NEXT.search(line)) or (len(line) <= 60 and parse_date(line) is not None)


def signature_author(last_line: str) -> str | None:
    """Names in brackets closing the story (（常书香 马丹阳）) sign it; （待续） does not."""
    m = P.SIGNATURE.search(last_line)
    if not m or m.group(1) in P.NOT_NAMES:
        return None
    return m.group(1)


_NAME_LINE = re.compile(r"^(?:文[/／:：]\s*)?([\u4e00-\u9fff]{2,3})$")


def name_line_author(lines: list[str]) -> str | None:
    """A line that is only a two- or three-character name among the first lines, right under the
    headline, is the byline of a column or a blog post (犬儒病 / 胡平 / ——当代中国的…)."""
    for line in lines[:3]:
        m = _NAME_LINE.match(line.strip())
        if m and m.group(1) not in P.NOT_NAMES:
            return m.group(1)
    return None


def fallback_site(tree: lxml_html.HtmlElement) -> str | None:
    """The site's logo text, or the name in its copyright line: for pages with no metadata."""
    logo = _first(tree, _LOGO_XPATHS)
    shown = copyright_site(tree)
    if logo and 2 <= len(logo) <= 12:
        return logo if logo == shown else site_name(logo)  # 海峡纪实频道 版权所有: a channel's own
    if shown:
        return shown
    named = _first(tree, _SITE_NAME_XPATH)
    if named and 2 <= len(named) <= 12:
        return site_name(named)
    alt = _first(tree, _LOGO_ALT_XPATHS) or _masthead_alt(tree)  # after the copyright line:
    # share buttons have logos
    return site_name(alt) if alt and 2 <= len(alt) <= 12 else trail_site(tree)


def _masthead_alt(tree: lxml_html.HtmlElement) -> str | None:
    """A masthead image's alt text, where the image links to the front page and the text ends as
    a site's name does (鯉門日報; a blog's header photo, 晨雾中的白鹭, says what it shows)."""
    for img in _MASTHEAD_IMAGES(tree):
        link = next(a for a in img.iterancestors("a"))
        alt = clean_text(img.get("alt"))
        if alt and _home_link(link.get("href", "")) and re.search(_SITE_END + "$", alt):
            return alt
    return None


def copyright_site(tree: lxml_html.HtmlElement) -> str | None:
    """The name in the page's copyright line (Copyright © 2003-2008 华讯网 版权所有)."""
    tail = tree.text_content()[-3000:]
    m = _COPYRIGHT_SITE.search(tail)
    if m is None and any(w in tail for w in _RIGHTS):
        # The line may start after a <br> (主办：…<br>青石县人民政府 版权所有), which text_content
        # glues to the line before: read the blocks that hold the words, in lines.
        for node in reversed(_RIGHTS_TEXT(tree)):
            owner = node.getparent()
            block = owner.getparent() if node.is_tail else owner
            if block is not None and (m := _COPYRIGHT_SITE.search(block_text(block))):
                break
    return next((g for g in m.groups() if g), None) if m else None


_RIGHTS = ("版权所有", "版權所有")
_RIGHTS_TEXT = etree.XPath('//body//text()[contains(., "版权所有") or contains(., "版權所有")]')


def trail_site(tree: lxml_html.HtmlElement) -> str | None:
    """The root of the page's location trail, where it is a name and not 首页 or 主页."""
    text = tree.text_content()[:5000]
    m = _TRAIL_LABEL.search(text)
    if not m:
        return None
    trail = text[m.end() :].split("\n", 1)[0]
    crumbs = P.BREADCRUMB_SPLIT.split(trail)
    root = crumbs[0].strip() if len(crumbs) > 1 else ""
    if not 2 <= len(root) <= 12 or root in P.BREADCRUMB_LEAVES or _HOME_CRUMB.fullmatch(root):
        return None
    return site_name(root)


def html_site(tree: lxml_html.HtmlElement) -> str | None:
    return _first(tree, _SITE_XPATHS)


def breadcrumb_category(trail: str | None, title: str | None = None) -> str | None:
    """'当前位置:首页 > 科技 > 正文' → 科技: the last crumb that is not the page itself."""
    if not trail:
        return None
    trail = trail.strip()
    if m := _TRAIL_LABEL.match(trail):
        trail = trail[m.end() :]
    crumbs = [c.strip() for c in P.BREADCRUMB_SPLIT.split(trail) if c.strip()]
    crumbs = [c for c in crumbs[1:] if c not in P.BREADCRUMB_LEAVES and c != title and len(c) <= 20]
    if title:
        crumbs = [c for c in crumbs if not (len(c) > 6 and c in title)]
    return crumbs[-1] if crumbs else None


def html_category(tree: lxml_html.HtmlElement, title: str | None) -> str | None:
    direct = _first(tree, _CATEGORY_XPATHS)
    if direct:
        return direct
    for xp in _BREADCRUMB_XPATHS:
        for node in xpath(xp)(tree):
            links = [clean_text(a.text_content()) for a in xpath(".//a")(node)]
            links = [x for x in links if x]
            if len(links) >= 2:
                cat = breadcrumb_category(" > ".join(links), title)
                if cat:
                    return cat
            cat = breadcrumb_category(clean_text(node.text_content()), title)
            if cat:
                return cat
    return None


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
    for url in urls:
        path = url.split("://", 1)[-1].partition("/")[2] if url else ""
        if m := _URL_DATE.search("/" + path):
            y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                continue
    return None


def canonical_url(tree: lxml_html.HtmlElement) -> str | None:
    """The page's own URL (canonical link or og:url), when it is an absolute http(s) URL."""
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in xpath(xp)(tree):
            value = str(value).strip()
            if value.startswith(("http://", "https://")):
                return value
    return None


_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|-|—|–|::|[:：]|\s)\s*")
_HEADLINE_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "td", "div", "p", "span", "font", "strong", "b", "center"}
)


def _compact(text: str) -> str:
    return "".join(text.split())


def _title_parts(tree: lxml_html.HtmlElement, guess: str | None) -> list[str]:
    """The pieces a page's <title>, og:title and our guess split into (站名：标题 - 栏目_站名): the
    headline is one of them, or a run of them."""
    sources = [
        guess,
        _first(tree, ("//title",)),
        _first(tree, ('//meta[@property="og:title"]/@content',)),
    ]
    parts: list[str] = []
    for src in filter(None, sources):
        # (start, end) of each piece: a run is also kept with the marks between its pieces, so
        # that a heading showing '柯达之死：唯一…' matches the whole run, kicker and colon included,
        # rather than its last piece plus a few "extra" characters.
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\s_|｜\-—–:：]+", src)]
        spans = [s for s in spans if _TITLE_PARTS.sub("", src[s[0] : s[1]])]
        pieces = [src[a:b] for a, b in spans]
        for i in range(len(pieces)):
            for j in range(i + 1, len(pieces) + 1):
                runs = [_compact("".join(pieces[i:j]))]
                if j < len(pieces) or i == 0 == j - 1:  # a run that ends with the site name
                    runs.append(_compact(src[spans[i][0] : spans[j - 1][1]]))  # is no headline
                for run in runs:
                    if len(run) >= 5 and run not in parts and _HAS_CJK.search(run):
                        parts.append(run)
    return parts


def _headline_link(el: lxml_html.HtmlElement) -> bool:
    """A link that is the whole of an <h1>–<h3> (a blog post's permalink on its own headline),
    unlike the links of menus and related lists."""
    parent = el.getparent()
    return (
        el.tag == "a"
        and parent is not None
        and parent.tag in ("h1", "h2", "h3")
        and _compact(parent.text_content()) == _compact(el.text_content())
        and not _home_link(el.get("href") or "")
    )


HOME_PATHS = ("", "/index.html", "/index.htm", "/index.php")


def _home_link(href: str) -> bool:
    """A link to the site's front page: the heading around it is the site's name."""
    if not href.strip() or href.strip().startswith("#"):
        return False
    parts = urlsplit(href.strip())
    return not parts.query and parts.path.rstrip("/") in HOME_PATHS


def _is_logo(el: lxml_html.HtmlElement) -> bool:
    """A heading marked as the logo or the masthead's name holds the site's (or the platform's,
    or a blog's) name."""
    return bool(_MASTHEAD.search(f"{el.get('class', '')} {el.get('id', '')}".lower()))


_MASTHEAD = re.compile(r"logo|site[-_]?name|space[-_]?name|blog[-_]?name|masthead")


def _heading_text(el: lxml_html.HtmlElement, titles: str) -> str | None:
    """A heading's text; where <br> breaks it in two, the lines joined with a space where the
    page's <title> has one there (舊區重建諮詢會 街坊憂租金飆升), else as one."""
    glued = clean_text(el.text_content())
    if el.find(".//br") is None:
        return glued
    spaced = clean_text(block_text(el))
    return spaced if spaced != glued and spaced and spaced in titles else glued


def displayed_headline(
    tree: lxml_html.HtmlElement, guess: str | None, max_extra: int = 8, site: str | None = None
) -> str | None:
    """The headline as the page shows it above the story, found from the <title> pieces.

    <title> and og:title carry site names and section names ('标题-《财经网》', '站名：标题'); the
    heading on the page is what a reader calls the title, with its own marks ('》标题',
    '标题【16:15】'). An element whose text is one of the pieces, or a piece plus a few marks, wins;
    menus and related-article links (<a>, <li>) repeat titles and are not looked at."""
    parts = [p for p in _title_parts(tree, guess) if not site or p != _compact(site)]
    if not parts:
        return None
    guessed = _compact(re.sub(r"[\s_|｜\-—–:：]", "", guess or ""))  # as _title_parts joins pieces
    titles = " ".join(
        clean_text(t) or ""
        for t in (
            _first(tree, ("//title",)),
            _first(tree, ('//meta[@property="og:title"]/@content',)),
        )
        if t
    )
    best: tuple[int, int, bool, str] | None = None
    seen: set[lxml_html.HtmlElement] = set()  # elements, not id()s: lxml proxies are reused
    for key in {p[:3] for p in parts}:
        for node in xpath("//body//text()[contains(., $k)]")(tree, k=key):
            el = node.getparent()
            for _ in range(3):
                if el is None or el in seen:
                    break
                seen.add(el)
                if el.tag in ("a", "li", "option", "title", "script", "style"):
                    if not _headline_link(el):
                        break
                    el = el.getparent()  # <h2><a href=permalink>headline</a></h2>: a blog's own
                    continue
                if el.tag in _HEADLINE_TAGS and not _is_logo(el):
                    text = P.TRAILING_STAMP.sub("", _heading_text(el, titles) or "")
                    cand = _compact(text or "")
                    if len(cand) > 100:
                        break
                    for part in parts:
                        if part in cand and len(cand) - len(part) <= max_extra:
                            # Ties go to the piece our guess chose, not to the site name.
                            score = (len(cand) - len(part), -len(part), part != guessed, text)
                            if best is None or score < best:
                                best = score
                el = el.getparent()
    return best[3] if best else None


_PROVENANCE_TAG = r"[\[【(（]\s*(?:原创|原創|转载|轉載|转帖|轉帖|转贴|轉貼|转|轉)\s*[\]】)）]"
# A pager's 第1页, or a forum's field label (主题：, 标题：) in front of the thread's title.
_PAGE_MARK = re.compile(
    r"^(?:第\s*\d+\s*[页頁]|(?:帖子)?(?:主题|主題|标题|標題|题目|題目)\s*[:：]"
    # a forum's or a blog's provenance tag ([原创], 【转载】): whose text it is, not its title;
    # a format tag ([图文], (图), [快讯]) is the headline's own, as the page's editor wrote it
    r"|" + _PROVENANCE_TAG + r")\s*"
)
# or after it (外婆的腌菜坛子（原创）)
_TRAILING_TAG = re.compile(r"\s*" + _PROVENANCE_TAG + r"$")


def without_page_mark(headline: str | None) -> str | None:
    """A pager's '第1页' glued in front of the heading, the label a forum prints before a
    thread's title (主题：…) or its tag ([原创]), is layout, not part of the headline a reader
    quotes. (A '》' in front stays: the page shows it as the headline's own mark.)"""
    if not headline:
        return headline
    stripped = _TRAILING_TAG.sub("", _PAGE_MARK.sub("", headline)).strip()
    return stripped if len(stripped) >= 4 else headline


_KICKER = re.compile(r"^([^:：\s]{1,10})[:：]\s*")
_SITE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | — | – )\s*")


def with_page_title(tree: lxml_html.HtmlElement, headline: str | None) -> str | None:
    """A site name glued in front of the headline ('中時醫療網:年節零食…', from og:title) while
    the <title> names that site after it ('年節零食… - 中時醫療網') is not part of the headline.
    (A kicker in front, '专栏：…', is: only the name the <title> ends with, the site, goes.)"""
    page_title = _first(tree, ("//title",))
    if not headline or not page_title:
        return headline
    parts = [p for p in _SITE_SPLIT.split(page_title) if p]
    if len(parts) >= 2 and (m := _KICKER.match(headline)) and m.group(1) == parts[-1]:
        return headline[m.end() :].strip() or headline
    return headline
