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

from pipeline.extract import authors as A
from pipeline.extract import dates as D
from pipeline.extract import patterns as P

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


# A meta line may read as prose by its length and colons ("| 阅读量 | 分类: IT业界 | 作者: 某某 |
# 时间:2026年01月10日 13:58"), yet every field of it is short.
_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s{2,}|\s*[·•\u3000]\s*")
FIELD_MAX = 24
STAMP_FIELD_MAX = 32
_EDITED = re.compile(r"修改|更新|编辑|編輯|修订|修訂")
_TIMED = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\sT]+\d{1,2}:\d{2}")
_STAMP = re.compile(
    r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\sT]+\d{1,2}:\d{2}(?::\d{2})?\s*[+-]\d{2}:?\d{2}$"
)


# A headline with its date and time after it on one line (英伟达：股价会回到150美元吗 2025-02-26
# 09:00): the site's name above was taken for the headline. A headline is long and holds no
# field's label or separator, which a meta line's site or byline before its date does.
_HEADLINE_THEN_DATE = re.compile(
    r"^(?P<head>[^|｜·•\t]{10,60}?)\s+(?P<date>20\d\d-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_FIELD_LABEL = re.compile(
    r"来源|來源|作者|编辑|編輯|记者|記者|发布|發佈|發布|时间|時間|日期|更新|阅读|閱讀|浏览|瀏覽|[:：]\s*$"
)


def glued_date(lines: list[str]) -> tuple[date | None, list[str]]:
    """The date a scraper glued in front of one of the first lines, and the lines without it;
    else the date a headline line ends in, that line then the headline alone."""
    for i, line in enumerate(lines[:GLUED_DATE_LINES]):
        m = _LABELLED_DATE.match(line) or (_BARE_DATE.match(line) if i == 0 else None)
        if m:
            day = D.parse_date(m.group("date"))
            if day is not None:
                rest = line[m.end() :].strip()
                return day, [*lines[:i], *([rest] if rest else []), *lines[i + 1 :]]
    for i, line in enumerate(lines[:GLUED_DATE_LINES]):
        m = _HEADLINE_THEN_DATE.match(line.strip())
        if m and not _FIELD_LABEL.search(m.group("head")) and not A.label_author(m.group("head")):
            day = D.parse_date(m.group("date"))
            if day is not None:
                return day, [*lines[:i], m.group("head").strip(), *lines[i + 1 :]]
    return None, lines


def is_field_row(line: str) -> bool:
    """A line of short fields between bars or wide gaps, none of them a sentence."""
    parts = [p for p in _FIELD_SEPARATOR.split(line) if p.strip()]
    return (
        len(parts) >= 2
        and "。" not in line
        # a stamp with seconds and its zone (2025-02-03 22:14:09 +08:00) is one field, and so
        # is one with its label (原创 于 2025-02-18 14:32:10 发布, a CSDN post's); not an edit's
        # (已于 2025-03-12 10:11:33 修改: the post's own stamp is elsewhere)
        and all(
            len(p) <= FIELD_MAX
            or (
                len(p) <= STAMP_FIELD_MAX
                and (_STAMP.match(p) or (_TIMED.search(p) and not _EDITED.search(p)))
            )
            for p in parts
        )
    )


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


def is_furniture_for(line: str, text: str) -> bool:
    """Whether a header line shares (almost) no words with the text: a site's or a channel's
    name, not a headline the story talks about."""
    return shared_with(line, _terms(text)) < FURNITURE_SHARE


LONGER = 2
HEADLINE_SHARE = 0.25
BODY_SAMPLE = 4000


# Short words in a row: a channel's trail (科技 · 人工智能), a search's keywords (DeepSeek R1 升级
# 英伟达 财报), a row of buttons; they share the body's words and are no headline.
_BARRED_WORDS = re.compile(r"^\S{1,10}(?:\s*[·•/|｜]\s*\S{1,10})+$")


def _word_list(line: str) -> bool:
    """Short words between bars or dots, or four or more between spaces, most of them Chinese
    (an English headline is words between spaces too)."""
    if _BARRED_WORDS.match(line):
        return True
    words = line.split()
    return (
        len(words) >= 4
        and all(len(w) <= 10 for w in words)
        and 2 * sum(bool(_HAN.fullmatch(w)) for w in words) >= len(words)
    )


# A greeting with the account's buttons (欢迎回来，游客！请 登录 或 注册): no headline.
_ACCOUNT_PROMPT = re.compile(r"登录|登入|註冊|注册|游客|遊客")


def headline_among(
    candidates: list[str],
    chosen: str | None,
    body: list[str],
    above_meta: str | None = None,
    site_name: str | None = None,
) -> str | None:
    """The header line the body talks about, where the line chosen by its shape is site
    furniture the body never mentions (a channel name, a back link, a forum's name), or the
    site's name (site_name: the page's first line, named again in its footer). Where no
    line shares enough (an English headline over a Chinese summary), a longer candidate right
    above the meta line is the headline: that is where pages print it."""
    body_terms = _terms("\n".join(body)[:BODY_SAMPLE])
    if not chosen:
        # No line took the headline's place (a blog's date over it: 2025年10月28日 星期二 /
        # 标题): the last header line the body talks about as much as of a headline.
        talked = [
            c
            for c in candidates
            if shared_with(c, body_terms) >= HEADLINE_SHARE
            and len(c) >= HEADLINE_MIN
            and not _word_list(c)
            and c != site_name
        ]
        return talked[-1] if talked else None
    if len(candidates) < 2:
        return chosen
    # The site's own name, which a story may cite (…对界线新闻表示), weighs nothing here.
    floor = (
        HEADLINE_SHARE
        if chosen == site_name
        else max(HEADLINE_SHARE, shared_with(chosen, body_terms))
    )
    below = candidates[candidates.index(chosen) + 1 :] if chosen in candidates else candidates
    longer = [
        c
        for c in below
        if len(c) >= LONGER * len(chosen)
        and shared_with(c, body_terms) >= floor
        and not _word_list(c)
    ]
    if longer:
        # 某某周报 / 2025年10月12日 / 标题, 专栏名 / 标题 / 副标题: a site's, a column's or a
        # kicker's name is short; the first longer line under it the body talks about is the
        # headline (the site's name above it, 群岳投信 Qunyue Investment Trust, is not).
        return longer[0]
    if (
        above_meta in candidates
        # a source's name under the headline (風向財經 over the date) is no headline
        and (len(above_meta) > SOURCE_NAME_MAX or len(above_meta) > len(chosen))
        # nor is a subtitle under a headline the body talks about (not a site's short name)
        and (len(chosen) <= SITE_NAME_MAX or shared_with(chosen, body_terms) < HEADLINE_SHARE)
        and shared_with(above_meta, body_terms) > shared_with(chosen, body_terms)
    ):
        # 站名 / 标题 / 2025-07-31: the line over the date, which the body talks about more. (A
        # WeChat card, 标题 / 公众号 / 日期, keeps its headline: the body talks about that.)
        return above_meta
    if bilingual_masthead(chosen) or (
        site_name and chosen != site_name and chosen.startswith(site_name)
    ):
        # The site's masthead (栈桥科技 StackBridge, where the footer names 栈桥科技) is no
        # headline: the first line under it that the body talks about at all is, though it be
        # not twice as long and terse (a subtitle under it comes later). A first line that the
        # footer merely repeats may be the headline itself, and stands.
        for c in below:
            if (
                len(c) >= MASTHEAD_HEADLINE_MIN
                and not _word_list(c)
                and not _ACCOUNT_PROMPT.search(c)
                and shared_with(c, body_terms) >= FURNITURE_SHARE
            ):
                return c
    if shared_with(chosen, body_terms) >= FURNITURE_SHARE:
        return chosen
    best = max(candidates, key=lambda c: shared_with(c, body_terms))
    if shared_with(best, body_terms) >= HEADLINE_SHARE:
        return best
    if above_meta in candidates and len(above_meta) > len(chosen):
        return above_meta  # a headline is longer than a site's or a poster's name
    return chosen


_SUFFIX_START = re.compile(r"^\s*(?:[|｜_*·•]|-|–|—|::?|：)")
HEADLINE_MIN = 6
MASTHEAD_HEADLINE_MIN = 5  # 算力的账本 under 新资本周刊 NEW CAPITAL WEEKLY
SOURCE_NAME_MAX = 8
SITE_NAME_MAX = 12


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


# The site's name in the page's footer: © 2025 某某网, Copyright © 某某 All Rights Reserved,
# 某某网 版权所有 © 2026, 版权均属某某网所有, 本站所有文章版權屬某某所有.
_NAME = r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,15}|[A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3})"
_COPYRIGHT = (
    # the name before the mark or the notice (港討區 © 2025, 某某网 版权所有 © 2026)
    re.compile(r"^" + _NAME + r"\s*(?:©|Copyright)\s*" + P.COPYRIGHT_YEAR),
    re.compile(r"(?:^|[|｜]\s*)" + _NAME + r"\s*(?:©\s*)?(?:版权所有|版權所有)"),
    re.compile(
        r"(?:Copyright|©)\s*(?:©\s*)?(?:"
        + P.COPYRIGHT_YEAR
        + r"(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?"
        + P.NO_ROC_YEAR
        + _NAME
        + r"(?=\s|$|[.,，。]|版|保留|All)"
    ),
    re.compile(
        r"(?:版权|版權)(?:均|皆)?(?:属|屬|归|歸)(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,15}?)所有"
    ),
)
# Latin words that end a company's name in a copyright line, not part of the site's name.
_COMPANY_WORDS = re.compile(r"\s+(?:Media|Ltd\.?|Inc\.?|Co\.?|Limited|Group|Corp\.?)(?:\s.*)?$")
FOOTER_LINES = 15
_LEGAL_FORM = re.compile(r"(?:(?:股份)?有限(?:责任|責任)?)?公司$")
_RIGHTS_RESERVED = re.compile(r"\s*(?:版权所有|版權所有)$")
_NOT_A_NAME = re.compile(
    r"^(?:版权|版權|保留|All\b|Copyright|\d+$)|ICP|备案|備案"
    r"|本文|著作权|著作權|作者"  # a rights notice (© 本文著作权归作者所有，…), no name
)


_PRESS = re.compile(r"(?<=[报報])社$")


def brand(name: str | None) -> str | None:
    """某某财经有限公司 → 某某财经, 某某日报社 → 某某日报: the company or the press behind a
    site; the site goes by its brand, the paper by its title."""
    if not name:
        return name
    short = _PRESS.sub("", _LEGAL_FORM.sub("", name))
    return short if len(short) >= 2 else name


# A microblog's own page header: m.weibo.cn's 微博正文 over a post, weibo.com's 老周的微博 over
# its owner's posts. A 来自 iPhone stamp alone names no platform (Tieba and Douban print one).
_MICROBLOG_HEADER = re.compile(r"^(?:微博正文|\S{2,12}的微博)$")


def microblog_site(header: list[str]) -> str | None:
    """微博 for a post saved from Weibo, whose page names no site otherwise."""
    return "微博" if any(_MICROBLOG_HEADER.match(line.strip()) for line in header) else None


def copyright_site(lines: list[str]) -> str | None:
    """The name a copyright line gives, read in the page's last lines (from the bottom); the
    one the masthead opens with where the footer gives several (…｜南洋晨光报版权所有 over
    新加坡 © 2025 Nanyang Morning Light: the office's city is no site)."""
    names = []
    for line in reversed(lines[-FOOTER_LINES:]):
        for pattern in _COPYRIGHT:
            if m := pattern.search(line):
                name = _COMPANY_WORDS.sub("", m.group("name")).strip()
                name = re.sub(r"(?:[.\s]+All\b.*)?[.\s]*$", "", name)  # Harbour Ledger. All
                name = _RIGHTS_RESERVED.sub("", name)  # 某某财经版权所有 © 2025
                if name and not _NOT_A_NAME.search(name) and not A.is_ui_word(name):
                    names.append(name)
                    break
    masthead = lines[0] if lines else ""
    if (name := bilingual_masthead(masthead)) and any(n in masthead for n in names):
        # 數位灣科技網 DigiBay over © 2025 DigiBay Media: the name as the page shows it
        return name
    if (
        names
        and not _HAN.search(names[0])
        and len(masthead) <= SITE_NAME_MAX
        and _HAN_ONLY.fullmatch(masthead)
        and P.MEDIA_SUFFIX.search(masthead)
    ):
        return masthead  # 韩经日报中文网 over Copyright © Hanjing Ilbo
    return next((n for n in names if masthead.startswith(n)), names[0] if names else None)


_BILINGUAL_MASTHEAD = re.compile(
    r"^([\u4e00-\u9fff]{2,10})[\s\u3000]+[A-Za-z][A-Za-z0-9 .&\-]{1,30}"
    r"(?:[\s\u3000]+[—–|｜·-][\s\u3000]*\S.{0,30})?$"  # and its motto (— 北美留学生的第二个家)
)


def bilingual_masthead(line: str) -> str | None:
    """The Chinese name of a masthead in two scripts (新资本周刊 NEW CAPITAL WEEKLY, 枫桥留学生社区
    MapleBridge — 北美留学生的第二个家), which names the site and is never a headline."""
    return m.group(1) if (m := _BILINGUAL_MASTHEAD.match(line)) else None


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]{2,12}")


# A meta line's labelled source: 来源：某某网, **来源：** 某某.
_SOURCE_FIELD = re.compile(r"(?:来源|來源)\s*[:：]\s*(?P<name>[^\s|｜:：,，]{2,20})")
# A WeChat article's meta line: 原创 作者 公众号 2025年02月10日 08:30 北京.
_WECHAT_META = re.compile(r"^原创\s+(?P<author>\S{2,12})\s+(?P<account>\S{2,20})\s+20\d\d")


def source_field(meta: str | None) -> str | None:
    return m.group("name") if meta and (m := _SOURCE_FIELD.search(meta)) else None


# The same line with the date moved to the next (原创 李明 AI科技评论 / 2025年01月28日 20:18 北京).
_WECHAT_CREDIT = re.compile(r"^原创\s+(?P<author>\S{2,12})\s+(?P<account>\S{2,20})$")


def wechat_credit(line: str | None) -> tuple[str, str] | None:
    """(author, account) of a WeChat credit line with no date (原创 李明 AI科技评论), else None."""
    m = _WECHAT_CREDIT.match(line.strip()) if line else None
    return (m.group("author"), m.group("account")) if m else None


def wechat_byline(
    meta: str | None, above: str | None = None, below: str | None = None
) -> tuple[str | None, str | None]:
    """(author, account) of a WeChat meta line, or of the 原创 line right above a meta line that
    opens with the date, or right under it (a scraper that saves the account's card first:
    半导体深一度 / 2025-08-30 21:06 发表于浙江 / 原创 老K 半导体深一度), else (None, None)."""
    if meta and (m := _WECHAT_META.match(meta)):
        return m.group("author"), m.group("account")
    if meta and re.match(r"20\d\d", meta):
        for line in (above, below):
            if credit := wechat_credit(line):
                return credit
    return None, None


_TITLE_SUFFIX = re.compile(
    r"^(?P<headline>.{6,}?)\s*(?:_|\||｜| - | – | — )\s*(?P<site>[^_|｜]{2,20})$"
)


def title_suffix_site(first_line: str | None, headline: str | None) -> str | None:
    """The site a document title names after its headline (标题_站名, 标题 - 站名), where the
    page shows that headline on its own."""
    if not first_line or not headline or first_line == headline:
        return None
    m = _TITLE_SUFFIX.match(first_line)
    return m.group("site").strip() if m and m.group("headline").strip() == headline else None
