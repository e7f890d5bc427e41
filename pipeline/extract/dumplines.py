"""What a line of a plain-text dump is, told by its shape alone: a paragraph, a sentence, a
count, a bar of menu items, a meta line, a bare date, a line that could be a headline.

The header scan (dumpheader.py), the writer readers (dumpwriters.py) and the body's cut
(textdump.py) all ask these questions of the same lines, so they live apart from each.
"""

from __future__ import annotations

import re

from pipeline.extract import authors as A
from pipeline.extract import dumpmeta as M
from pipeline.extract import patterns as P
from pipeline.extract.cleaning import Boilerplate, is_prose

ZHIHU_NOISE = re.compile(
    r"^(关注者|被浏览|關注者|被瀏覽|\d+\s*人赞同了该回答|\d+\s*人贊同了該回答)"
)

_TAG_LINE = re.compile(r"^[^，。！？,!?：:]+(?:\s{2,}[^，。！？,!?：:\s][^，。！？,!?：:]*){2,}$")


# A full stop: a sentence, the opening of a body, never a headline (是我唐突了。我觉得…; a
# scraper's "date 2025-10-30 " glued before the first paragraph; 过去一年，AI行业没有静默期。).
# Only inside quotes may a headline hold one (“…AI全占了。”).
_SENTENCES = re.compile(r"。|．(?!\d)")  # not a full-width decimal point (３．５万亿)
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』")
# Not a headline either: a byline (記者吳立言/綜合報導, 文 / 巴九灵), a credit or a source (圖/路透,
# 文源 | 某号), or a numbered section heading (1. 为什么…, 二、…).
BYLINE_START = re.compile(
    r"^(?:文|作者|撰文|记者|記者|编辑|編輯|图|圖|图片|圖片|摄影|攝影|来源|來源|文源|出处|出處|认证|認證|简介|簡介)"
    r"\s*[:：/／|｜]"
)
# A photo's caption ends in its credit: 媒體人某某（翻攝自Youtube）, 示意图（图／路透）.
_CAPTION = re.compile(
    r"[（(]\s*(?:圖|图|翻攝|翻摄|攝|摄|示意圖|示意图|資料照|资料照|照片|取自|截自|photo|Photo)"
    r"[^（）()]{0,30}[）)]$"
)
# A board's counters (查看: 791|回复: 12) and a long line of several clauses are no headline.
STATS_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}\s*[:：]?\s*[\d,]+\s*[|｜/·]?\s*){2,}$")
# A menu: three or more words of up to four characters between bars, or four between spaces.
_MENU_LINE = re.compile(
    r"^[^\s|｜]{1,4}(?:\s*[|｜/·•]\s*[^\s|｜]{1,4}){2,}$|^[^\s|｜]{1,4}(?:\s+[^\s|｜]{1,4}){3,}$"
    # or three of up to six between wide gaps (基金總覽　投資學堂　市場觀點, 发现　发布　通知)
    r"|^[^\s|｜]{1,6}(?:(?:\u3000|\s{2,})[^\s|｜]{1,6}){2,}$"
)

PROSE_MARK = re.compile(r"[，。！？；]")

_LABELLED_FIELDS = re.compile(r"[:：].*(?:\u3000|\s{2,}).*[:：]")
_CLAUSE_MARK = re.compile(r"[，；：,;:]")
CLAUSES_LINE = 40

# A trail of sections without a home link (美股 > 科技股, 某某BBS › 看板 Stock): like a breadcrumb,
# it stands between the site's furniture and the headline.
TRAIL = re.compile(r"^[^>›»＞]{1,12}(?:(?:\s[>＞]\s|\s*[›»]\s*)[^>›»＞]{1,12}){1,5}$")

# A sentence leading into a list (主要观点集中在以下几个方面：); a headline may end in a colon too
# (英伟达四季度财报要点:, 黄仁勋，你怎么看：), but it names no 以下/如下.
_LEAD_IN = re.compile(r"(?:以下|如下|下面|下列)[^:：]*[:：]$")
# 一、二线城市… is no numbered heading: a numeral follows the 、.
_NUMBERED = re.compile(
    r"^(?:\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]))"
)

# A paragraph this long is article text, never a header line.
LONG_PROSE = 80
# A sentence this short, just above a meta line, is a headline ending in a full stop.
SENTENCE_HEADLINE = 40


def is_paragraph(line: str) -> bool:
    """Body text, not a headline: long, or a full sentence that ends with a full stop."""
    return is_prose(line) and (
        len(line) >= LONG_PROSE or (len(line) >= 40 and line.endswith(("。", "。”", "。」")))
    )


def is_sentence(line: str) -> bool:
    return bool(_SENTENCES.search(_QUOTED.sub("", line)))


def is_count(line: str) -> bool:
    return bool(re.fullmatch(r"[\d,.]+\s*[万萬千]?", line.strip("\u200b ")))


# An English headline runs longer than a Chinese one; most of its longer words are capitalised.
LATIN_HEADLINE = 160
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def latin_headline(line: str) -> bool:
    letters = [c for c in line if not c.isspace()]
    words = _LONG_WORD.findall(line)
    return (
        len(line) <= LATIN_HEADLINE
        and sum(c.isascii() for c in letters) >= 0.7 * len(letters)
        and len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    )


# The visitor's account links (登入 / 註冊, [登录]　[注册]　[找回密码]): no headline.
_ACCOUNT_LINE = re.compile(
    r"^(?:[\[【]?(?:登录|登錄|登入|注册|註冊|找回密码|找回密碼|忘记密码|退出|登出|会员中心|會員中心)[\]】]?"
    r"(?:\s*[/|｜]\s*|\s+|$))+$"
)


# A row of an English interface's buttons (Subscribe Sign in, Sign in Sign up).
_EN_BUTTONS = re.compile(
    r"^(?:(?:Subscribe|Sign (?:in|up)|Log ?in|Log out|Share|Follow|Menu|Search|Home|About|Archive"
    r"|Listen|Reply|Comments?|Upgrade|Get the app|Start [Ww]riting)[\s|·•]*)+$",
    re.I,
)

MENU_BARS = 3  # 国民网首页 | 时政 | 国际 | 财经: a menu, however long

# A site's address alone (dongan-net.example, qunyan.example/ba/AI芯片): its logo's text, no headline.
_DOMAIN_LINE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
# A trail of sections between slashes (聯信新聞網 / 產經 / 科技產業), perhaps ending with the
# page's own title (文档中心 / GPU 云服务器 / 最佳实践 / 在 GPU 实例上部署…).
_SLASH_TRAIL = re.compile(r"^[^/\s][^/]{0,11}(?:\s/\s[^/\s][^/]{0,11}){1,5}\s/\s[^/\s][^/]{0,59}$")
MENU_ITEM_MAX = 8


def bar_fields(line: str) -> list[str]:
    """The fields of a line between bars (科網棋局｜鄧卓賢, 国民网首页 | 时政 | 国际), stripped."""
    return [p.strip() for p in re.split(r"[|｜]", line)]


def _bar_menu(line: str) -> bool:
    """A menu between bars: three or more (国民网首页 | 时政 | 国际 | 财经), or two of short
    items (登录 | 注册 | 手机版); or three items between dots with a button among them; no
    sentence."""
    parts = bar_fields(line)
    bars = len(parts) - 1
    if PROSE_MARK.search(line):
        return False
    if bars >= 2 and (bars >= MENU_BARS or all(len(p) <= MENU_ITEM_MAX for p in parts)):
        return True
    # 信流 Letterflow · 发现 · 登录: items between dots, one of them a button
    dotted = [p.strip() for p in re.split(r"\s[·•]\s", line)]
    return len(dotted) >= MENU_BARS and any(A.is_ui_word(p) for p in dotted)


def title_candidate(line: str, boilerplate: Boilerplate, before_meta: bool = False) -> bool:
    """before_meta: the line right after is a meta line (a date, a site), which makes a short
    sentence a headline after all (英伟达：不是泡沫。 / 2025-03-01 科技)."""
    return (
        (4 <= len(line) <= 80 or latin_headline(line))
        and (not is_sentence(line) or (before_meta and len(line) <= SENTENCE_HEADLINE))
        and not BYLINE_START.search(line)
        and not _CAPTION.search(line)
        and not STATS_LINE.search(line)
        and not _MENU_LINE.search(line)
        and not _LABELLED_FIELDS.search(line)
        and not BADGE.search(line)
        and not school_line(line)
        and not P.MEMBER_COUNTERS.search(line)
        and not FIRST_FLOOR.match(line)
        and not _ACCOUNT_LINE.search(line)
        and not P.BREADCRUMB_LINE.search(line)
        and not TRAIL.search(line)
        and not (len(line) >= CLAUSES_LINE and len(_CLAUSE_MARK.findall(line)) >= 3)
        and not _NUMBERED.search(line)
        and not _LEAD_IN.search(line)
        and not A.label_author(line)
        and not boilerplate.is_noise(line)
        and not ZHIHU_NOISE.search(line)
        and not _TAG_LINE.search(line)
        and not _EN_BUTTONS.match(line)
        and not A.is_ui_word(line)
        and not _bar_menu(line)
        and not _DOMAIN_LINE.match(line)
        and not line.startswith(("——", "－－", "--"))  # a subtitle under the headline
        and not _SLASH_TRAIL.match(line)
        and not is_meta_line(line)
    )


NAME_MAX = 12

# A date alone on its line, perhaps with its time and, under a note or a microblog post, the
# poster's region (2025-02-02 浙江, 2025-02-02 14:20 IP属地：上海).
DATE_STAMP = re.compile(
    r"^(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+(?:IP\s*属地[:：]?\s*)?(?P<region>[\u4e00-\u9fff]{2,3}))?$"
)


def bare_date(line: str) -> bool:
    """A date (and time) alone on its line."""
    return bool((m := DATE_STAMP.match(line)) and not m.group("region"))


# A school's name alone on its line: the poster's school that a campus forum (Dcard) prints
# over the post's stamp in place of a name (國立臺灣大學 / 2025年2月12日 20:31), no headline.
_SCHOOL_LINE = re.compile(
    r"^(?:國立|国立|私立|市立|縣立|县立)?[\u4e00-\u9fff]{2,10}"
    r"(?:大學|大学|學院|学院|高級中學|高级中学|高中)$"
)


def school_line(line: str) -> bool:
    return bool(_SCHOOL_LINE.match(line))


# A member's badge under their name on a community or microblog page (雪岭认证：…  粉丝 3.2万).
# (and a forum's badge row under the poster: 樓主 ｜ Lv.7 ｜ 文章 1,203; Tieba's level, 10 级;
# NGA's 级别: 学徒  威望: 0)
BADGE = re.compile(
    r"(?:认证|認證)\s*[:：]|(?:粉丝|粉絲)\s*[\d.]+|^(?:楼主|樓主)(?:\s|[|｜]|$)|\bLv\.?\s?\d+\b"
    r"|^\d{1,2}\s*[级級]$|^(?:级别|級別)\s*[:：]"
)

# A thread's first floor over its post, as Hong Kong forums print it: #1 牛油多士王　28/1/2025 01:14.
FIRST_FLOOR = re.compile(
    r"^#1[\s\u3000]+(?!發表|发表|發佈|發布|发布|樓主|楼主)([^\s\u3000]{2,16})[\s\u3000]+"
    r"(?:(?:楼主|樓主|LV\.?\s?\d+|Lv\.?\s?\d+)[\s\u3000]+)*"
    r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}"
)


def meta_shaped(line: str) -> bool:
    """A meta line, not a sentence that happens to hold a date, nor an event's run of days
    under its name (2026.04.28－04.30｜台北某某會展中心)."""
    return (
        is_meta_line(line)
        and (not is_prose(line) or M.is_field_row(line))
        and not _DATE_RANGE.search(line)
    )


_DATE_RANGE = re.compile(
    r"\d{1,2}[./月-]\d{1,2}日?\s*[－–~～至]\s*(?:\d{2,4}[./年-])?\d{1,2}(?:[./月-]\d{1,2})?日?(?!\d)"
)


def is_meta_line(line: str) -> bool:
    if len(line) > 90 or line.count("。") > 0:
        return False
    has_date = any(p.search(line) for p in P.DATE_PATTERNS)
    return has_date or bool(P.RELATIVE_TIME.search(line)) or bool(P.PUBLISH_LABELS.search(line))
