"""Plain-text page dumps: all visible text of a page, as many scrapers save it.

With no markup left, the page's parts are told apart by line shape: a breadcrumb line, a title
line, a meta line (site, date, category, views), the prose of the body, and an end marker
(扫描二维码, 版权声明, 相关文章, 发表评论…) after which everything is page furniture.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date

from pipeline.errors import PageRejected
from pipeline.extract import authors as A
from pipeline.extract import credits as C
from pipeline.extract import dates as D
from pipeline.extract import dumpforms as F
from pipeline.extract import dumpmeta as M
from pipeline.extract import dumptail as tail
from pipeline.extract import patterns as P
from pipeline.extract import sites as S
from pipeline.extract import titles as T
from pipeline.extract.cleaning import Boilerplate, is_prose
from pipeline.extract.html import Extracted
from pipeline.nlp import to_simplified

HEADER_LINES = 15
# How many lines at the story's start and after its last line can hold its credits.
_CREDIT_REACH = 6
# A menu printed one item a line (首页 / 要闻 / 财经 / …) does not use up the header's lines.
MENU_ITEM = 4
HEADER_SCAN = 40
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_META_SITE = re.compile(
    r"^(?P<site>[^\d\s(（][^()（）]{0,20}?)\s*(?:"
    + P.RELATIVE_TIME.pattern
    + r")?\s*[(（]?\s*20\d\d[-/.年]"
)
_META_AFTER_DATE = re.compile(
    r"20\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）]?\s*(?P<rest>.*)$"
)
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_COPYRIGHT_SITE = re.compile(
    r"(?:本文由|本文来自|來自)\s*([\u4e00-\u9fffA-Za-z0-9]{2,20}?)\s*(?:发布|發佈|發布|原创|原創|整理)"
)
_COPYRIGHT_LINE = re.compile(
    r"(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,15})\s*(?:版权所有|版權所有|All)"
)
_ZHIHU_NOISE = re.compile(
    r"^(关注者|被浏览|關注者|被瀏覽|\d+\s*人赞同了该回答|\d+\s*人贊同了該回答)"
)


_QUESTION_BUTTONS = frozenset({"关注问题", "關注問題", "写回答", "寫回答", "邀请回答", "邀請回答"})

# The other buttons of a question's row (好问题 326, 添加评论, 分享).
_OTHER_BUTTONS = frozenset(
    {"好问题", "好問題", "添加评论", "添加評論", "分享", "举报", "舉報", "…"}
)
_DESCRIPTION_CUT = re.compile(r"(?:显示全部|顯示全部|展开阅读全文|展開閱讀全文)\s*[\u200b\s]*$")


def _buttons(line: str) -> bool:
    """A line of a question's buttons only (关注问题, 关注问题\u200b写回答)."""
    words = re.split(r"[\s\u200b|｜]+", line.strip("\u200b "))
    return any(w in _QUESTION_BUTTONS for w in words) and all(
        w in _QUESTION_BUTTONS or w in _OTHER_BUTTONS or w.replace(",", "").isdigit() for w in words
    )


# A Q&A answer's or a column article's vote line, under its writer's card
_ANSWER_START = re.compile(r"^[\d,.]+\s*[万萬千]?\s*人(?:赞同|贊同)了(?:该|該)(?:回答|文章)$")
_FOLLOW = frozenset(
    (
        "关注",
        "關注",
        "关注他",
        "关注她",
        "關注他",
        "關注她",
        "Follow",
        "追蹤",
        "追踪",
        "+ 关注",
        "+关注",
    )
)
_TAG_LINE = re.compile(r"^[^，。！？,!?：:]+(?:\s{2,}[^，。！？,!?：:\s][^，。！？,!?：:]*){2,}$")


# A full stop: a sentence, the opening of a body, never a headline (是我唐突了。我觉得…; a
# scraper's "date 2025-10-30 " glued before the first paragraph; 过去一年，AI行业没有静默期。).
# Only inside quotes may a headline hold one (“…AI全占了。”).
_SENTENCES = re.compile(r"。|．(?!\d)")  # not a full-width decimal point (３．５万亿)
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』")
# Not a headline either: a byline (記者吳立言/綜合報導, 文 / 巴九灵), a credit or a source (圖/路透,
# 文源 | 某号), or a numbered section heading (1. 为什么…, 二、…).
_BYLINE_START = re.compile(
    r"^(?:文|作者|撰文|记者|記者|编辑|編輯|图|圖|图片|圖片|摄影|攝影|来源|來源|文源|出处|出處|认证|認證|简介|簡介)"
    r"\s*[:：/／|｜]"
)
# A photo's caption ends in its credit: 媒體人某某（翻攝自Youtube）, 示意图（图／路透）.
_CAPTION = re.compile(
    r"[（(]\s*(?:圖|图|翻攝|翻摄|攝|摄|示意圖|示意图|資料照|资料照|照片|取自|截自|photo|Photo)"
    r"[^（）()]{0,30}[）)]$"
)
# A board's counters (查看: 791|回复: 12) and a long line of several clauses are no headline.
_STATS_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}\s*[:：]?\s*[\d,]+\s*[|｜/·]?\s*){2,}$")
# A menu: three or more words of up to four characters between bars, or four between spaces.
_MENU_LINE = re.compile(
    r"^[^\s|｜]{1,4}(?:\s*[|｜/·•]\s*[^\s|｜]{1,4}){2,}$|^[^\s|｜]{1,4}(?:\s+[^\s|｜]{1,4}){3,}$"
    # or three of up to six between wide gaps (基金總覽　投資學堂　市場觀點, 发现　发布　通知)
    r"|^[^\s|｜]{1,6}(?:(?:\u3000|\s{2,})[^\s|｜]{1,6}){2,}$"
)
# Labelled fields on one line (索引号：…　主题分类：…): an info table, no headline.
_SOURCE_OR_EDITOR = re.compile(r"(?:来源|來源|编辑|編輯)\s*[:：]")
_PUBLISHER = re.compile(r"(?:发布者|發佈者|發布者)\s*[:：]")
_PROSE_MARK = re.compile(r"[，。！？；]")
_HANDLE = re.compile(r"[a-z][a-z0-9_.\-]{2,20}")
_ISSUE = re.compile(
    r"第\s*\d+\s*[期号號]|(?:Vol|No|Issue)\.?\s?\d+"
)  # a newsletter's issue number, no name
_DATE_WORD = re.compile(
    r"(?:发布|發佈|發布|更新|时间|時間|日期|发表|發表|刊登|出版|创建|創建|修改|编辑|編輯)+\s*[于於]?\s*[:：]?"
)
# A video's or a post's counters before its date (▶ 38.6万播放 · 2,104弹幕 · 2025-10-03): no name.
_COUNTS_BEFORE = re.compile(
    r"\d[\d.,]*\s*[万萬千]?\s*(?:次)?(?:播放|弹幕|彈幕|阅读|閱讀|观看|觀看|浏览|瀏覽|点赞|點讚)"
)
_LABELLED_FIELDS = re.compile(r"[:：].*(?:\u3000|\s{2,}).*[:：]")
_CLAUSE_MARK = re.compile(r"[，；：,;:]")
CLAUSES_LINE = 40
# One related link inside the story (延伸閱讀：某某, **相关阅读：**[某某](/x)) with the story going on
# after it: a line to drop, not the end of the text that such a label opens at a page's foot.
_INLINE_RELATED = re.compile(
    r"^[▶►>▍【\[]?\s*(?:延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关链接|相關連結|相关文章|相關文章"
    r"|相关新闻|相關新聞|相关报道|相關報導)"
    r"\s*[】\]]?\s*[:：]\s*\S.{3,}"
)
# A trail of sections without a home link (美股 > 科技股, 某某BBS › 看板 Stock): like a breadcrumb,
# it stands between the site's furniture and the headline.
_TRAIL = re.compile(r"^[^>›»＞]{1,12}(?:(?:\s[>＞]\s|\s*[›»]\s*)[^>›»＞]{1,12}){1,5}$")
# A telnet board's post header (作者 / 看板 / 標題 / 時間 lines, PTT-style).
_BOARD_HEADER = re.compile(r"^(作者|看板|標題|标题|時間|时间)\s+(\S.*)$")
_MAIL_BOARD_HEADER = re.compile(r"^(发信人|發信人|标\s*题|標\s*題|发信站|發信站)\s*[:：]\s*(\S.*)$")
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Another article's date above the post (CSDN's 最新推荐文章于 2025-03-18 20:40:11 发布): no meta line.
# A stamp that is not the story's: a blog's "newest recommended" line, a thread's last reply
# (阅读 8,432 | 回复 57 | 最后回复：3小时前).
_OTHER_STAMP = re.compile(
    r"^(?:最新推荐文章|最新推薦文章)于|(?:最后|最後|最新)(?:回复|回覆)"
    # a member's registration under their name (注册时间 2022-8-19, 註冊日期：14/3/2018)
    r"|(?:注册|註冊)(?:时间|時間|日期|于|於)"
)
# A sentence leading into a list (主要观点集中在以下几个方面：); a headline may end in a colon too
# (英伟达四季度财报要点:, 黄仁勋，你怎么看：), but it names no 以下/如下.
_LEAD_IN = re.compile(r"(?:以下|如下|下面|下列)[^:：]*[:：]$")
# 一、二线城市… is no numbered heading: a numeral follows the 、.
_NUMBERED = re.compile(
    r"^(?:\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]))"
)
# A line of markup left in a dump (<cite id="x"></cite><track …>: what a scraper kept of the
# markup before a page's text) is not text, and tags around a line's text (<p>…</p>) are not
# either. Only known tags, and only in a line where one is closed: prose about code (List<String>,
# a<b>c, 用<div>包裹) keeps every character.
_TAG_NAMES = (
    r"(?:html|head|body|div|span|p|a|b|i|u|s|em|strong|cite|track|legend|li|ul|ol|dl|dt|dd|"
    r"br|hr|img|script|style|section|article|header|footer|nav|aside|main|table|tr|td|th|tbody|"
    r"thead|font|center|h[1-6]|meta|link|iframe|form|input|label|button|select|option|small|sup|"
    r"sub|figure|figcaption|picture|source|svg|path|noscript|blockquote|pre|code|time)"
)
_TAG = re.compile(
    rf"</?{_TAG_NAMES}(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(rf"</{_TAG_NAMES}\s*>", re.IGNORECASE)


def _markup_only(line: str) -> bool:
    return bool(_TAG.search(line)) and not _TAG.sub("", line).strip()


def _without_tags(line: str) -> str:
    """A line's text without the tags around it (<span>标题</span>, <p>…</p>): only where a known
    tag is closed in the line, so a<b>c or 用<div>包裹 in prose keeps every character."""
    return _TAG.sub("", line) if _CLOSING_TAG.search(line) else line


# A paragraph this long is article text, never a header line.
LONG_PROSE = 80
# A sentence this short, just above a meta line, is a headline ending in a full stop.
SENTENCE_HEADLINE = 40


def _is_paragraph(line: str) -> bool:
    """Body text, not a headline: long, or a full sentence that ends with a full stop."""
    return is_prose(line) and (
        len(line) >= LONG_PROSE or (len(line) >= 40 and line.endswith(("。", "。”", "。」")))
    )


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCES.search(_QUOTED.sub("", line)))


def _is_count(line: str) -> bool:
    return bool(re.fullmatch(r"[\d,.]+\s*[万萬千]?", line.strip("\u200b ")))


# An English headline runs longer than a Chinese one; most of its longer words are capitalised.
LATIN_HEADLINE = 160
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def _latin_headline(line: str) -> bool:
    letters = [c for c in line if not c.isspace()]
    words = _LONG_WORD.findall(line)
    return (
        len(line) <= LATIN_HEADLINE
        and sum(c.isascii() for c in letters) >= 0.7 * len(letters)
        and len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    )


def _header_span(lines: list[str]) -> int:
    """How many lines the header may take: HEADER_LINES of them, not counting one-word lines."""
    counted = 0
    for k, line in enumerate(lines[:HEADER_SCAN]):
        counted += len(line) > MENU_ITEM
        if counted >= HEADER_LINES:
            return k + 1
    return min(len(lines), HEADER_SCAN)


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


# A post's reading time between its writer's card and its date (9 min read, 阅读约 5 分钟).
_READ_TIME = re.compile(r"^(?:\d+\s*min read|阅读约?\s*\d+\s*分钟|閱讀約?\s*\d+\s*分鐘|[·•])$")
CARD_REACH = 4
MENU_BARS = 3  # 国民网首页 | 时政 | 国际 | 财经: a menu, however long
NOTICE_LINES = 2


def _is_bio(line: str) -> bool:
    """A writer's one-line bio on a card: short, no sentence."""
    return len(line) <= SENTENCE_HEADLINE + 20 and not _is_sentence(line)


def _writer_card_under(lines: list[str], i: int) -> tuple[str, int] | None:
    """The writer's name and follow button under a headline (and its subtitle), then the date
    (标题 / 林间拾 / 关注 / 2025 年 02 月 20 日; Medium's name / Follow / 9 min read / · / date):
    (the writer, the date line's index)."""
    for j in range(i + 2, min(len(lines), i + 2 + CARD_REACH)):
        if lines[j].strip("\u200b ") not in _FOLLOW:
            continue
        at = j - 1
        if (len(lines[at]) > NAME_MAX or is_prose(lines[at])) and at - 1 > i and _is_bio(lines[at]):
            at -= 1  # the name over a one-line bio (@handle · 軟體工程師…)
        name = lines[at]
        # right under the headline, or under its subtitle
        if not (2 <= len(name) <= NAME_MAX) or is_prose(name) or not 0 < at - i <= 2:
            return None
        k = j + 1
        while k < len(lines) and k <= j + CARD_REACH and _READ_TIME.match(lines[k]):
            k += 1
        return (name, k) if k < len(lines) and _meta_shaped(lines[k]) else None
    return None


# A site's address alone (dongan-net.example, qunyan.example/ba/AI芯片): its logo's text, no headline.
_DOMAIN_LINE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
# A trail of sections between slashes (聯信新聞網 / 產經 / 科技產業), perhaps ending with the
# page's own title (文档中心 / GPU 云服务器 / 最佳实践 / 在 GPU 实例上部署…).
_SLASH_TRAIL = re.compile(r"^[^/\s][^/]{0,11}(?:\s/\s[^/\s][^/]{0,11}){1,5}\s/\s[^/\s][^/]{0,59}$")
MENU_ITEM_MAX = 8


def _bar_fields(line: str) -> list[str]:
    """The fields of a line between bars (科網棋局｜鄧卓賢, 国民网首页 | 时政 | 国际), stripped."""
    return [p.strip() for p in re.split(r"[|｜]", line)]


def _bar_menu(line: str) -> bool:
    """A menu between bars: three or more (国民网首页 | 时政 | 国际 | 财经), or two of short
    items (登录 | 注册 | 手机版); or three items between dots with a button among them; no
    sentence."""
    parts = _bar_fields(line)
    bars = len(parts) - 1
    if _PROSE_MARK.search(line):
        return False
    if bars >= 2 and (bars >= MENU_BARS or all(len(p) <= MENU_ITEM_MAX for p in parts)):
        return True
    # 信流 Letterflow · 发现 · 登录: items between dots, one of them a button
    dotted = [p.strip() for p in re.split(r"\s[·•]\s", line)]
    return len(dotted) >= MENU_BARS and any(A.is_ui_word(p) for p in dotted)


def _title_candidate(line: str, boilerplate: Boilerplate, before_meta: bool = False) -> bool:
    """before_meta: the line right after is a meta line (a date, a site), which makes a short
    sentence a headline after all (英伟达：不是泡沫。 / 2025-03-01 科技)."""
    return (
        (4 <= len(line) <= 80 or _latin_headline(line))
        and (not _is_sentence(line) or (before_meta and len(line) <= SENTENCE_HEADLINE))
        and not _BYLINE_START.search(line)
        and not _CAPTION.search(line)
        and not _STATS_LINE.search(line)
        and not _MENU_LINE.search(line)
        and not _LABELLED_FIELDS.search(line)
        and not _BADGE.search(line)
        and not P.MEMBER_COUNTERS.search(line)
        and not _FIRST_FLOOR.match(line)
        and not _ACCOUNT_LINE.search(line)
        and not P.BREADCRUMB_LINE.search(line)
        and not _TRAIL.search(line)
        and not (len(line) >= CLAUSES_LINE and len(_CLAUSE_MARK.findall(line)) >= 3)
        and not _NUMBERED.search(line)
        and not _LEAD_IN.search(line)
        and not A.label_author(line)
        and not boilerplate.is_noise(line)
        and not _ZHIHU_NOISE.search(line)
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
# How many lines of the story a header line is compared with.
STORY_SAMPLE = 5
DEK_MAX = 160


def _header_under(lines: list[str], i: int, boilerplate: Boilerplate) -> int:
    """Where the header ends under a headline candidate at i: at a meta line right under it,
    or under a short name or a subtitle (the account between a headline and its date: 芯片老周说
    / 发布时间：2025-01-28 09:12; an English headline's dek), or at a byline right under it
    (文／鄧子朗) on a page that prints no date; -1 where none of these follows."""
    after = lines[i + 1 : i + 3]
    if not after or not _title_candidate(lines[i], boilerplate, before_meta=True):
        return -1
    if (card := _writer_card_under(lines, i)) is not None:
        return card[1]
    if _meta_shaped(after[0]) and not _OTHER_STAMP.search(after[0]):
        return i + 1
    between = after[0]
    if len(between) <= NAME_MAX and A.label_author(between):
        return i + 1
    badged = lines[i + 2 : i + 4]
    if (
        len(badged) == 2
        and len(between) <= NAME_MAX
        and not is_prose(between)
        and _BADGE.search(badged[0])
        and _meta_shaped(badged[1])
    ):
        return i + 3  # a member's name and badge over their stamp
    name = len(between) <= NAME_MAX and not is_prose(between) and len(lines[i]) > len(between)
    dek = not _is_sentence(between) and len(between) <= DEK_MAX  # a subtitle, English or not
    # a one-sentence summary over a bare date (…，亏损仍在扩大。 / 2025/06/12 19:40)
    summary = len(between) <= SUMMARY_MAX and len(after) == 2 and _bare_date(after[1])
    dek = dek or summary
    return i + 2 if len(after) == 2 and (name or dek) and _meta_shaped(after[1]) else -1


# A date alone on its line, perhaps with its time and, under a note or a microblog post, the
# poster's region (2025-02-02 浙江, 2025-02-02 14:20 IP属地：上海).
_DATE_STAMP = re.compile(
    r"^(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+(?:IP\s*属地[:：]?\s*)?(?P<region>[\u4e00-\u9fff]{2,3}))?$"
)


def _bare_date(line: str) -> bool:
    """A date (and time) alone on its line."""
    return bool((m := _DATE_STAMP.match(line)) and not m.group("region"))


def _region_stamp(line: str) -> bool:
    """The post's stamp with the poster's region (2025-02-02 浙江): it closes the post."""
    return bool((m := _DATE_STAMP.match(line)) and m.group("region"))


def _headline_under_meta(
    lines: list[str], title: str | None, title_idx: int, meta_idx: int, boilerplate: Boilerplate
) -> bool:
    """A headline right under the meta line, over a byline or the page's buttons, where a short
    name (the publication's) stood over the meta line."""
    k = meta_idx + 1
    if not title or meta_idx < 0 or title_idx >= meta_idx or k + 1 >= len(lines):
        return False
    if M.bilingual_masthead(title) and any(
        len(lines[j]) > NAME_MAX and _title_candidate(lines[j], boilerplate)
        for j in range(title_idx + 2, meta_idx)
    ):
        return False  # a masthead far over the date: the headline stands between them
    line, under = lines[k], lines[k + 1]
    return (
        (len(title) <= NAME_MAX or bool(M.bilingual_masthead(title)))
        and len(line) > len(M.bilingual_masthead(title) or title)
        and len(line) <= SENTENCE_HEADLINE
        and not _is_sentence(line)
        and _title_candidate(line, boilerplate)
        and (
            boilerplate.is_noise(under)
            or (len(under) <= NAME_MAX + 4 and bool(A.label_author(under)))
            or bool(_ISSUE.search(lines[meta_idx]))  # an issue's line over it (Vol.96 · date)
        )
    )


def _card_over_post(lines: list[str], i: int) -> str | None:
    """The poster's name on the card right over a post that opens with a paragraph: the name,
    perhaps a one-line bio, then the follow button."""
    if not 2 <= i < len(lines) or lines[i - 1].strip("\u200b+ ") not in _FOLLOW:
        return None
    if not _is_paragraph(lines[i]):
        return None
    for k in (i - 2, i - 3):
        name = lines[k] if k >= 0 else ""
        plain = 2 <= len(name) <= NAME_MAX and not is_prose(name) and not A.is_ui_word(name)
        bio = lines[i - 2]  # between the name and the button, a one-line bio
        if plain and (k == i - 2 or (len(bio) <= SENTENCE_HEADLINE and not _is_sentence(bio))):
            return name
    return None


def _under_follow_button(lines: list[str], i: int, boilerplate: Boilerplate) -> bool:
    return (
        i >= 2
        and lines[i - 1].strip("\u200b+ ") in _FOLLOW
        and 2 <= len(lines[i - 2]) <= NAME_MAX
        and not is_prose(lines[i - 2])
        and not A.is_ui_word(lines[i - 2])
        and not _is_sentence(line := lines[i])
        and len(line) <= SENTENCE_HEADLINE
        and i + 1 < len(lines)
        and is_prose(lines[i + 1])
        and not boilerplate.is_noise(line)
    )


SUMMARY_MAX = 60


def _bio_under_byline(lines: list[str], i: int) -> bool:
    """A writer's one-line bio between their byline and the meta line (撰文｜名 / 某某基金經理人，
    專注… / 2024.06.12　閱讀 3,206): part of the header, though it reads as prose."""
    return (
        0 < i < len(lines) - 1
        and len(lines[i - 1]) <= NAME_MAX
        and bool(A.label_author(lines[i - 1]))
        and not _is_sentence(lines[i])
        and len(lines[i]) <= DEK_MAX
        and _meta_shaped(lines[i + 1])
        and D.parse_date(lines[i + 1]) is not None
    )


def _over_the_story(
    lines: list[str], i: int, title: str, title_idx: int, boilerplate: Boilerplate
) -> bool:
    """A headline with a question mark or a comma right over the story's first paragraph, where
    only the site's name was taken (a short line the story never talks about) (TechWave數位潮 / menus / CUDA護城河還有多深？… / 談到…): a
    page that prints no date or byline."""
    return (
        len(title) <= NAME_MAX
        and i > title_idx + 1  # menus between: a column's name right above may be its title
        and M.is_furniture_for(title, "\n".join(lines[i + 1 : i + 1 + STORY_SAMPLE]))
        and len(lines[i]) > len(title)
        and i + 1 < len(lines)
        and _is_paragraph(lines[i + 1])
        and _title_candidate(lines[i], boilerplate)
        and not lines[i].endswith(("？", "?", "！", "!"))  # a question may open the story
    )


def _site(
    lines: list[str],
    end: int,
    meta: str | None,
    title: str | None,
    account: str | None,
) -> str | None:
    """The footer's copyright line, else who its notice says published the page; else a
    copyright line among the page's last lines (a dump without an end marker has no footer),
    the meta line's 来源, a WeChat account, the name a document title gives after the headline,
    or a short first line that the meta line or the page's last line names again."""
    footer = "\n".join(lines[end:])
    if (m := _COPYRIGHT_LINE.search(footer)) or (m := _COPYRIGHT_SITE.search(footer)):
        return m.group(1)
    site = M.copyright_site(lines) or M.source_field(meta) or account
    site = site or M.title_suffix_site(lines[0] if lines else None, title)
    if site or not lines or lines[0] == title or not 2 <= len(lines[0]) <= 12:
        return site
    named_again = lines[0] in (meta or "") or (end < len(lines) and lines[0] in lines[-1])
    # A button named again (返回 over 返回頂部) is no site.
    return lines[0] if named_again and not A.is_ui_word(lines[0]) else None


def _trail_root(trail: str) -> str | None:
    """The site a trail starts from (某某BBS › 看板 Stock, 网易首页 > 网易号), not its home link."""
    root = re.split(r"\s*[>›»＞/]\s*", trail)[0]
    root = re.sub(r"^(?:当前位置|當前位置|您的位置|你的位置|位置)?\s*[:：]?\s*", "", root)
    root = re.sub(r"(?:首页|首頁|主页|Home)$", "", root).strip()
    return root if len(root) >= 2 else None


def _trail_leaf(trail: str) -> str:
    """The section a trail ends at (公司評價 › 某某公司 › 工作心得), which a page may print again
    as a label over the headline."""
    return re.split(r"\s*[>›»＞/]\s*", trail)[-1].strip()


def _of_the_trail(line: str, trail: str) -> bool:
    """A label made of the trail's sections (評測｜顯示卡 under 首頁 » 評測 » 顯示卡)."""
    words = [w for w in re.split(r"[\s\u3000]*[|｜·/][\s\u3000]*", line) if w]
    crumbs = set(re.split(r"\s*[>›»＞/]\s*", trail))
    return len(words) >= 2 and all(w in crumbs for w in words)


def _board_header(lines: list[str]) -> dict[str, str]:
    """作者 / 看板 / 標題 / 時間 at the top of a board's post: the fields, where three of them are.
    Not below a paragraph: a news story that quotes a board's post shows the post's header inside
    the story, and the story's own header is the page's."""
    fields = {}
    for line in lines[:HEADER_LINES]:
        if _is_paragraph(line):
            break
        if m := _BOARD_HEADER.match(line):
            fields.setdefault(m.group(1)[0], m.group(2).strip())
        elif m := _MAIL_BOARD_HEADER.match(line):
            # A campus board's mail-style header (发信人: lanbo2019 (蓝波), 信区: IC / 标  题: … /
            # 发信站: 北辰BBS (Sat Dec  6 23:14:52 2025), 站内): the poster's id, the headline, the
            # station's name.
            label, value = re.sub(r"\s", "", m.group(1)), m.group(2).strip()
            key = {"发信人": "作", "發信人": "作", "标题": "标", "標題": "标"}.get(label, "站")
            fields.setdefault(key, value if key == "标" else re.split(r"\s*[(（,，]", value)[0])
    return fields if len(fields) >= 3 else {}


def _without_board_headers(body: list[str]) -> list[str]:
    """A quoted board post's header lines (作者 / 看板 / 標題 / 時間) inside a story, three or more
    in a row: the post's stamp, not the story's text."""
    out: list[str] = []
    k = 0
    while k < len(body):
        n = k
        while n < len(body) and _BOARD_HEADER.match(body[n]) and len(body[n]) <= BOARD_FIELD_MAX:
            n += 1
        if n - k >= 3:
            k = n
            continue
        out.append(body[k])
        k += 1
    return out


BOARD_FIELD_MAX = 60
_TRAILING_NAME = re.compile(r"[|｜]\s*([\u4e00-\u9fff]{2,4})\s*$")


# A podcast episode's or a live blog's hosts over it (主持人：周立衡、葉書妤 | 來賓：…, 主持：晨潮财经
# 科技组　梁栩　沈一苇): a list of names and nothing said (an interview's 主持人：欢迎收看… is
# speech, not a credit).
_HOSTS = re.compile(r"^(?:主持人|主持|主播)\s*[:：]\s*([^|｜]+?)\s*(?:[|｜].*)?$")
_HOST_SPLIT = re.compile(r"\s*[、，,&\s\u3000]\s*")
_SPEECH = re.compile(r"[我你您请請谢謝欢歡吗嗎呢吧啊？?！!。]|大家|好的")


def _host_name(name: str) -> bool:
    return (
        2 <= len(name) <= NAME_MAX
        and not _NAME_MARKS.search(name)
        and not _SPEECH.search(name)
        and not A.dictionary_word(name)
    )


def _hosts(lines: list[str]) -> str | None:
    """The first host, a person, an episode page names in its header."""
    for line in lines:
        if m := _HOSTS.match(line):
            names = [n for n in _HOST_SPLIT.split(m.group(1)) if n]
            if names and all(_host_name(n) for n in names):
                return next((n for n in names if not P.DESK.search(n)), None)
    return None


def _bio_card(lines: list[str]) -> str | None:
    """A writer's card in the header: the name alone, then a line about them opening with it
    (周启衡 / 周启衡，衡泰财经特约专栏作家，…)."""
    for name, below in itertools.pairwise(lines):
        if (
            2 <= len(name) <= NAME_MAX
            and not _NAME_MARKS.search(name)
            and below.startswith((name + "，", name + ","))
        ):
            return name
        # on one line, over a follow button (葉子康｜前基金經理，專注科技股 / + 追蹤)
        card = _bar_fields(name)
        if len(card) == 2 and _HAN_NAME.fullmatch(card[0]) and below.lstrip("+＋ ") in _FOLLOW:
            return card[0]
    return None


def _column_writer(lines: list[str], breadcrumb: str | None) -> str | None:
    """A column's name and its writer over the headline (科網棋局｜鄧卓賢), the column being
    the trail's (專欄 > 科網棋局)."""
    for line in lines:
        parts = _bar_fields(line)
        if (
            len(parts) == 2
            and breadcrumb
            and parts[0] in breadcrumb
            and _HAN_NAME.fullmatch(parts[1])
            and A.signed_name(parts[1])
        ):
            return parts[1]
    return None


def _name_after_bar(meta: str | None) -> str | None:
    """2025.02.03 11:52 (2025.02.03更新) | 江復飛: the writer closes the meta line."""
    m = _TRAILING_NAME.search(meta or "")
    return m.group(1) if m and A.signed_name(m.group(1)) else None


_DATE_FIRST = re.compile(
    # (a thread's first floor marks its poster on the stamp: 楼主　发表于 2025-6-3 22:41,
    # #1　發表於 12/5/2026 23:18)
    r"^(?:(?:楼主|樓主|#1)[\s\u3000]+)?"
    r"(?:发表于|發表於|发布于|發佈於|發布於|(?:发布|發佈|發布)(?:时间|時間)\s*[:：])?\s*"
    # (a community's stamp of this year gives the month and day alone: 发布于01-28 21:47)
    r"(?:(?:19|20)\d\d[-/.年]\d|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
    # a microblog's stamp of an earlier year (25-9-18 22:47), or one relative to now (3小时前)
    r"|\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|\d{1,2}\s*(?:分钟|分鐘|小时|小時)前|刚刚|剛剛"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d"  # Hong Kong's day first (12/5/2026 23:18)
    r"|(?:今天|昨天)\s*\d{1,2}:\d{2})"
)
# A member's badge under their name on a community or microblog page (雪岭认证：…  粉丝 3.2万).
# (and a forum's badge row under the poster: 樓主 ｜ Lv.7 ｜ 文章 1,203)
_BADGE = re.compile(
    r"(?:认证|認證)\s*[:：]|(?:粉丝|粉絲)\s*[\d.]+|^(?:楼主|樓主)(?:\s|[|｜]|$)|\bLv\.?\s?\d+\b"
)
# A post's stamp names the client it was sent from (2025-1-28 21:05 来自 iPhone).
# Or, since 2022, where it was sent from (2026-01-09 12:40 · 湖北, IP属地：广东).
_PROVINCES = (
    "北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東"
    "|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古"
    "|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|海外"
)
_CLIENT = re.compile(rf"(?:来自|來自)\s*\S|IP\s*(?:属地|屬地)|[·・]\s*(?:{_PROVINCES})\s*$")
_NAME_MARKS = re.compile(r"[，。：:！？?!、,;；|｜/（）()“”\s]")


# An account card's counters and button (文章 1,286 / 总阅读 3,105万 / +关注).
_CARD_LINE = re.compile(
    r"^\+?\s*(?:关注|關注)$|^(?:文章|总阅读|總閱讀|粉丝|粉絲|获赞|獲讚|作品)\s*[\d.,]+\s*[万萬亿億]?$"
)
# The lines a microblog prints between a poster's name and the post's stamp: a follow button
# and its menu (+ 关注    ···), the platform's label of the account (知名科技博主 科技视频自媒体,
# 优质科技领域创作者　粉丝 8.6万).
_FOLLOW_ROW = re.compile(r"^\+?\s*(?:关注|關注)(?:\s+[·…．.]{1,3})?$")
_PROFILE = re.compile(r"博主|自媒体|自媒體|创作者|創作者|达人|達人|大V|领域|領域")

PROFILE_MAX = 40
CARD_LINES_MAX = 3
# A verified account's mark after its name (芯片老炮儿阿斌 ✔, 硅谷老钱说芯 V).
# (and the thread starter's badge beside it: 深蓝K线　楼主)
_VERIFIED = re.compile(r"(?:\s*[✔✓☑]|\s+[Vv]|[\s\u3000]+(?:楼主|樓主))$")


_BADGE_THEN_NAME = re.compile(r"^(?:楼主|樓主)[\s\u3000]+(?=\S{2,16}$)")


def _card_row(line: str) -> bool:
    if _BADGE_THEN_NAME.match(line):
        return False  # the starter's badge, then their name (楼主 kaiwen_cmu)
    return bool(
        _BYLINE_START.search(line)
        or _BADGE.search(line)
        or _CARD_LINE.match(line)
        or _FOLLOW_ROW.match(line)
        or P.MEMBER_COUNTERS.search(line)
        or (len(line) <= PROFILE_MAX and _PROFILE.search(line) and not _is_sentence(line))
    )


def _past_card_rows(lines: list[str], stamp: int, step: int) -> int:
    """The first line from a stamp, going up (step -1) or down (+1), that is none of the card
    rows around it: over them the poster's name, under them the post's headline or text."""
    k = stamp + step
    while 1 <= k < len(lines) and abs(k - stamp) <= CARD_LINES_MAX and _card_row(lines[k]):
        k += step
    return k


def _over_card(lines: list[str], meta_idx: int) -> int:
    """The index of the line over the card rows right above a stamp: the poster's name."""
    return _past_card_rows(lines, meta_idx, -1)


def _person(name: str) -> bool:
    """A bare two- or three-character word that is a person's name: a common surname opening
    a word no dictionary holds (authors.signed_name)."""
    return bool(_HAN_NAME.fullmatch(name)) and A.signed_name(name)


def _columnist_over(lines: list[str], title_idx: int) -> str | None:
    """A column's writer named alone over the headline (晶片風雲 / 岑子衡 / 标题 / 12/02/2025):
    a person's name, by its surname and no dictionary word."""
    if title_idx < 1:
        return None
    k = title_idx - 1
    if k >= 1 and _bare_date(lines[k]):
        k -= 1  # 算力觀潮 / 林子謙 / 19/01/2026 / 标题
    name = lines[k]
    return name if _person(name) else None


def _writer_under(lines: list[str], title_idx: int, start: int) -> str | None:
    """A writer named alone on the line under the headline, above the story (标题 / 刘政帆 /
    正文): a news app's or a reprint's byline, told from a channel's name by the surname and by
    being no dictionary word (signed_name), as _columnist_over tells it above the headline."""
    k = title_idx + 1
    if title_idx < 0 or k >= min(start, len(lines)):
        return None
    name = lines[k]
    return name if _person(name) else None


def _account_name(
    lines: list[str], start: int, title: str | None, boilerplate: Boilerplate
) -> str | None:
    """The account a platform's article belongs to: a short name in the header on its account
    card (over its counters or its follow button) or right under the date, that the page names
    again (搜禾号 / 芯片猎手老K / 文章 1,286 / +关注 … 2024-11-21 16:02 / 芯片猎手老K)."""
    for k in range(1, min(start, len(lines))):
        name = lines[k]
        if not (2 <= len(name) <= NAME_MAX) or name == title or _NAME_MARKS.search(name):
            continue
        if is_prose(name) or A.is_ui_word(name) or boilerplate.is_noise(name):
            continue
        card = any(_CARD_LINE.match(n) for n in lines[k + 1 : k + 3])
        dated = k >= 1 and _meta_shaped(lines[k - 1])
        again = sum(ln == name or (ln != name and name in ln and _meta_shaped(ln)) for ln in lines)
        if (card or dated) and again >= 2:
            return name
    return None


def _poster(
    lines: list[str], meta_idx: int, title: str | None, boilerplate: Boilerplate
) -> str | None:
    """The poster's or the account's name on its own line right above a meta line that opens
    with the date (老周看盘 / 发表于 …, 科技观潮者 / 2025-02-03 10:21 · 广东), over a label line
    (认证：…) where a microblog prints one."""
    if meta_idx < 1 or not _DATE_FIRST.search(lines[meta_idx]):
        return None
    # (a reposted post names its poster as a mention: @芯观察室 V)
    name = _VERIFIED.sub("", lines[_over_card(lines, meta_idx)]).lstrip("@＠")
    name = _BADGE_THEN_NAME.sub("", name)
    if len(row := _bar_fields(name)) >= 3:
        name = row[0]  # the poster's card as one row (板橋打工仔 ｜ 硬體測試工程師 ｜ 在職中)
    plain = (
        2 <= len(name) <= 12
        and not A.is_ui_word(name)
        and not A.dictionary_word(name)  # a section over the date (电子 / 2025年07月14日)
        and not _NAME_MARKS.search(name)
        and not _is_count(name)
        and not boilerplate.is_noise(name)
    )
    return name if plain and name != title else None


# A thread's first floor over its post, as Hong Kong forums print it: #1 牛油多士王　28/1/2025 01:14.
_FIRST_FLOOR = re.compile(
    r"^#1[\s\u3000]+(?!發表|发表|發佈|發布|发布|樓主|楼主)([^\s\u3000]{2,16})[\s\u3000]+"
    r"(?:(?:楼主|樓主|LV\.?\s?\d+|Lv\.?\s?\d+)[\s\u3000]+)*"
    r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}"
)


def _first_floor(lines: list[str]) -> str | None:
    """The poster of a thread's first floor (#1 name date), among the header's lines."""
    return next((m.group(1) for ln in lines if (m := _FIRST_FLOOR.match(ln))), None)


def _post_header(
    lines: list[str], meta: str | None, meta_idx: int, boilerplate: Boilerplate
) -> str | None:
    """A post's header, where the meta line is a member's stamp (2025-1-28 21:05 来自 iPhone,
    发布于 … · 来自 Android) under their name: the post's headline (the line under the stamp,
    when it is one), "" for a post with none (a microblog), None for any other page."""
    if not meta or not _CLIENT.search(meta) or not _poster(lines, meta_idx, None, boilerplate):
        return None
    k = _past_card_rows(lines, meta_idx, 1)  # a follow button under the stamp (+ 关注 ···)
    below = lines[k] if k < len(lines) else ""
    return below if _title_candidate(below, boilerplate) and not _is_paragraph(below) else ""


def _headline_over_poster(lines: list[str], meta_idx: int, boilerplate: Boilerplate) -> int:
    """Where a community article prints its headline over the member's name (and badge) above
    the stamp (标题 / 长桥夜话 / 认证：… / 发布于01-28 21:47 · 来自…): that line's index, else -1.
    A microblog post has none: the line over the name is a menu's or the site's, and short."""
    k = _over_card(lines, meta_idx)
    if k < 1:
        return -1
    h = k - 1
    # (past the thread's counters and buttons: 阅读 8,432 | 回复 57 | 最后回复：… / [只看楼主] [收藏])
    while h >= 1 and k - h <= THREAD_ROWS_MAX and _thread_row(lines[h]):
        h -= 1
    above = lines[h]
    long_enough = len(above) > NAME_MAX
    return h if long_enough and _title_candidate(above, boilerplate, before_meta=True) else -1


THREAD_ROWS_MAX = 2
_BRACKET_BUTTONS = re.compile(r"^(?:\[[^\]]{1,6}\]\s*){2,}$")


def _thread_row(line: str) -> bool:
    return bool(
        _OTHER_STAMP.search(line) or _STATS_LINE.match(line) or _BRACKET_BUTTONS.match(line)
    )


HEADER_TAIL = 6
# An end marker with the story going on after it: two of the next three lines are paragraphs.
GOES_ON = 3
SECTION_LABEL_MAX = 8


def _header_above(lines: list[str], k: int, boilerplate: Boilerplate) -> bool:
    """A header line that reads as prose by its length, with the text a few lines below it: a
    meta line that is no sentence (某某 已于 2025-03-12 修改  阅读量1.2k), a row of fields
    (分类专栏： …  文章标签： …), or a blog's 版权声明 and 本文链接 printed over the post (CSDN),
    which would otherwise end a text that has not begun."""
    line = lines[k]
    header_like = (
        boilerplate.is_dump_end(line)
        or boilerplate.is_noise(line)
        or (is_meta_line(line) and not _is_sentence(line))
        or M.is_field_row(line)
    )
    return header_like and any(
        _is_paragraph(n) and not boilerplate.is_dump_end(n) for n in lines[k + 1 : k + HEADER_TAIL]
    )


_PUBLISHED_AT = re.compile(r"(?:发布|發布|發佈|发表|發表|首发|首發)(?:于|於|时间|時間)\s*[:：]?")
_EDITED_AT = re.compile(r"更新|修改|编辑于|編輯於")


def _meta_date(meta: str) -> date | None:
    """The meta line's date; where it also gives an update's (更新於 2026年03月10日 • 發布於
    2026年03月09日), the one after the publish label."""
    edited = _EDITED_AT.search(meta) and (m := _PUBLISHED_AT.search(meta))
    return (edited and D.parse_date(meta[m.end() :])) or D.parse_date(meta)


def _traditional(text: str) -> bool:
    """Whether text is written in Traditional characters: OpenCC changes a share of them."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < TRADITIONAL_SAMPLE_MIN:
        return False
    simplified = to_simplified("".join(han))
    return sum(a != b for a, b in zip(han, simplified, strict=False)) >= TRADITIONAL_SHARE * len(
        han
    )


TRADITIONAL_SAMPLE_MIN = 20
TRADITIONAL_SHARE = 0.05
INLINE_LIST_MAX = 5


def _without_inline_lists(story: list[str], boilerplate: Boilerplate) -> list[str]:
    """The story without a related list set inside it: its label alone on a line (延伸閱讀：),
    one to five headlines under it, then two paragraphs of the story going on. A label with
    the story over is the end (_ends_text)."""
    out: list[str] = []
    k = 0
    while k < len(story):
        line = story[k]
        if out and len(line) <= SECTION_LABEL_MAX + 1 and boilerplate.is_dump_end(line):
            j = k + 1
            while (
                j < len(story)
                and j - k <= INLINE_LIST_MAX
                and len(story[j]) <= SENTENCE_HEADLINE
                and not _is_sentence(story[j])
                and not _is_paragraph(story[j])
            ):
                j += 1
            after = story[j : j + 2]
            if (
                j > k + 1
                and len(after) == 2
                and all(_is_paragraph(n) and not boilerplate.is_dump_end(n) for n in after)
            ):
                k = j
                continue
        out.append(line)
        k += 1
    return out


# A transcript's label over a video's or a podcast's text.
_TRANSCRIPT = re.compile(
    r"^(?:视频|視頻|节目|節目)?(?:文稿|文字稿|逐字稿)(?:\s*[（(][^）)]{0,24}[）)])?\s*[:：]?$"
)
TRANSCRIPT_REACH = 15


def _ends_text(lines: list[str], k: int, boilerplate: Boilerplate) -> bool:
    """Whether the text ends at line k: an end marker (but not a related link the story goes
    on after), a reply's stamp or an author card."""
    line = lines[k]
    if boilerplate.is_dump_end(line):
        after = lines[k + 1 : k + 1 + GOES_ON]
        inline = _INLINE_RELATED.search(line) and any(_is_paragraph(n) for n in after[:2])
        # A prompt between paragraphs (▲点击上方蓝字关注…) with the story going on after it
        # (not a section's label, 免责声明 / 热门评论 / 相关阅读, over what it labels)
        goes_on = len(line) > SECTION_LABEL_MAX and _story_goes_on(lines, k, boilerplate)
        return not (inline or goes_on)
    return (
        tail.reply_stamp(line)
        or tail.author_card(lines, k)
        or _region_stamp(line)
        or _meta_footer(line)
        or (bool(_ATTACHMENTS.match(line)) and not _story_goes_on(lines, k, boilerplate))
    )


def _credit_texts(lines: list[str], start: int, end: int, body: list[str]) -> tuple[str, str, str]:
    """Where a dump's credits stand, as text_author reads them: the lines after the story's last
    kept sentence (a tag or a share row kept under it comes after the credits: 编辑：周晴 /
    【声明】… / 相关标签：… / 分享), and the story's first and last lines with what cleaning took
    out of them."""
    story = lines[start:end]
    kept = set(body)
    last = max(
        (k for k in range(start, end) if lines[k] in kept and tail.closes_sentence(lines[k])),
        default=max(
            (k for k in range(start, end) if body and lines[k] == body[-1]), default=end - 1
        ),
    )
    after = "\n".join(lines[last + 1 : max(end, last + 1) + _CREDIT_REACH])
    return after, "\n".join(story[:_CREDIT_REACH]), "\n".join(story[-_CREDIT_REACH:])


def _story_goes_on(lines: list[str], k: int, boilerplate: Boilerplate) -> bool:
    """Whether paragraphs of the story follow line k: then a marker there is one line of
    furniture set inside the story, not its end."""
    after = lines[k + 1 : k + 1 + GOES_ON]
    return sum(_is_paragraph(n) and not boilerplate.is_dump_end(n) for n in after) >= GOES_ON - 1


_POSTED_AT = re.compile(r"^[Pp]osted\s*@\s*(?:19|20)?\d{2}-\d{1,2}-\d{1,2}")
BLOG_FOOTER_REACH = 15


def _blog_footer(lines: list[str], end: int) -> str | None:
    """A hosted blog's stamp under the post, past its tags, buttons and the links to the posts
    before and after it (posted @ 2025-02-08 22:15 栈溪 阅读(1234) 评论(3)), before the comments
    open."""
    for line in lines[end : end + BLOG_FOOTER_REACH]:
        if P.COMMENTS_OPEN.match(line):
            return None
        if _POSTED_AT.match(line):
            return line
    return None


# A news page's attachments under the story (附件： / 【附件1】….pdf). Dumps only: in a page's
# markup a notice's attachment list can be part of the text its gold keeps.
_ATTACHMENTS = re.compile(r"^(?:附件[:：]?$|【附件\d*】)")


def _meta_footer(line: str) -> bool:
    """A story's meta line printed under it (发布时间：2026-01-15 10:30 | 来源：某某 | 责任编辑：某某):
    a publish label with its date, and the source's or the editor's field."""
    return (
        bool(P.PUBLISH_LABELS.search(line))
        and bool(_SOURCE_OR_EDITOR.search(line))
        and _meta_shaped(line)
        and D.parse_date(line) is not None
    )


_ALL_ANSWERS = re.compile(r"[\d,]+\s*[个個]回答")


def _counter(line: str) -> bool:
    """A question's counters or links (被浏览 1,208,553, 查看全部 286 个回答), no person's name."""
    return bool(_ZHIHU_NOISE.search(line) or _ALL_ANSWERS.search(line))


def _name_card(lines: list[str], k: int) -> bool:
    """A name, then a one-line bio that is no paragraph of the answer."""
    name, bio = lines[k], lines[k + 1]
    return (
        2 <= len(name) <= 12
        and not is_prose(name)
        and len(bio) <= SENTENCE_HEADLINE
        and not bio.endswith(("。", "！", "？", "!", "?"))
    )


def _meta_shaped(line: str) -> bool:
    """A meta line, not a sentence that happens to hold a date, nor an event's run of days
    under its name (2026.04.28－04.30｜台北某某會展中心)."""
    return (
        is_meta_line(line)
        and (not is_prose(line) or M.is_field_row(line))
        and not _DATE_RANGE.search(line)
    )


# Days from one to another: 2026.04.28－04.30, 4月28日至30日, 2025/03/12 ~ 2025/03/14.
# A date and its weekday alone (a label before them at most): a page's clock or a blog's day
# header, which a story's own meta line under the headline outranks.
_PAGE_CLOCK = re.compile(
    r"^(?:\S{1,6}[\s\u3000]*[·|｜]?[\s\u3000]*)?"
    r"(?:(?:19|20)\d{2}[年/.-]\d{1,2}[月/.-]\d{1,2}日?|\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d{2})"
    # its weekday, and no time after it (今日 06-03-2025（星期四）　天氣：…; not a stamp's
    # 15/06/2026（星期一）　08:00)
    r"[\s\u3000]*[（(]?(?:星期|週|周)[一二三四五六日天][）)]?(?![\s\u3000]*\d{1,2}:\d{2})"
)
_DATE_RANGE = re.compile(
    r"\d{1,2}[./月-]\d{1,2}日?\s*[－–~～至]\s*(?:\d{2,4}[./年-])?\d{1,2}(?:[./月-]\d{1,2})?日?(?!\d)"
)


def is_meta_line(line: str) -> bool:
    if len(line) > 90 or line.count("。") > 0:
        return False
    has_date = any(p.search(line) for p in P.DATE_PATTERNS)
    return has_date or bool(P.RELATIVE_TIME.search(line)) or bool(P.PUBLISH_LABELS.search(line))


@dataclass(frozen=True)
class _Header:
    """What the first lines of a dump hold, told apart by their shape: the trail, the headline,
    the meta line (site, date, category), a poster's card; and the last line of the header."""

    breadcrumb: str | None
    title: str | None
    title_idx: int
    meta: str | None
    meta_idx: int
    poster: str | None
    header_end: int
    headless: bool  # a post with no headline under its poster's card
    carded: bool  # a writer's card under the headline


def _scan_header(lines: list[str], boilerplate: Boilerplate) -> _Header:
    """Reads the header line by line until the story begins: the body's first paragraph, a
    post under its poster's card, or a headline with what stands under it (a byline, a card)."""
    breadcrumb = title = meta = poster = clock = None
    headless = carded = False
    title_idx = meta_idx = -1
    header_end = -1
    for i, line in enumerate(lines[: _header_span(lines)]):
        if breadcrumb is None and (P.BREADCRUMB_LINE.search(line) or _TRAIL.search(line)):
            # Site name, tagline and menu come before the trail; the title comes after it,
            # unless the trail is a video's category between its headline and its stamp
            # (【财报速评】… / 知识 > 财经商业 / 18.6万播放 · 2025-05-29 21:00:00).
            following = lines[i + 1] if i + 1 < len(lines) else ""
            above = lines[i - 1] if i >= 1 else ""
            breadcrumb = line
            if (
                len(above) > NAME_MAX
                and _meta_shaped(following)
                and _title_candidate(above, boilerplate, before_meta=True)
            ):
                title, title_idx = above, i - 1
            else:
                title, title_idx = None, -1
            continue
        if (
            title is not None
            and meta is None
            and _meta_shaped(line)
            and not _OTHER_STAMP.search(line)
        ):
            if _PAGE_CLOCK.match(line) and clock is None:
                clock = i  # today's date over the page (今日焦点 · 2025年09月04日 星期四)
                continue
            meta, meta_idx = line, i
            continue
        if (
            title is None
            and breadcrumb
            and (line == _trail_leaf(breadcrumb) or _of_the_trail(line, breadcrumb))
            and len(line) <= MENU_ITEM_MAX * 2
        ):
            continue  # the trail's last section again, as a label over the headline (a trail
            # may end in the headline itself)
        if title is None:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            before_meta = _meta_shaped(following)
            if _title_candidate(line, boilerplate, before_meta):
                title, title_idx = line, i
                continue
            if (_is_paragraph(line) or _is_sentence(line)) and not boilerplate.is_noise(line):
                break  # the body has begun with no header: a short line after it is no title
        if is_prose(line) and title is not None and meta is None:
            if boilerplate.is_noise(line):
                continue  # a notice over the page (我们使用Cookie…), not the story's start
            if M.is_field_row(line) and not _PROSE_MARK.search(line):
                continue  # a long menu between bars (首页 | 行情 | 数据 | …), no sentence
            if not _title_candidate(line, boilerplate) and any(
                _title_candidate(lines[k], boilerplate) and _writer_card_under(lines, k)
                for k in range(i + 1, min(len(lines), i + 1 + NOTICE_LINES))
            ):
                continue  # a column's notice over a headline with its writer's card under it
            card = next(((k, n) for k in range(i, i + 3) if (n := _card_over_post(lines, k))), None)
            if card is not None:
                # A microblog's or a Q&A site's post with no headline under its poster's card
                # (硅片上的猫 / 半导体行业从业者… / 关注 / the post).
                title, title_idx, header_end, poster, headless = (
                    None,
                    -1,
                    card[0] - 1,
                    card[1],
                    True,
                )
                break
            if _under_follow_button(lines, i, boilerplate):
                # A note app's or a feed's post: the poster and their follow button over its
                # headline (芯片小鹿 / 关注 / DeepSeek一出，我的英伟达还拿吗).
                title, title_idx, header_end, poster = line, i, i, lines[i - 2]
                break
            if i <= header_end:
                continue
            under = i + 1 if _bio_under_byline(lines, i) else _header_under(lines, i, boilerplate)
            if under < 0 and _over_the_story(lines, i, title, title_idx, boilerplate):
                under = i
            if under >= 0:
                header_end = under
                if not carded and _writer_card_under(lines, i) is not None:
                    # a writer's card under it: the headline, unless it is the subtitle under
                    # the headline just taken
                    if title_idx != i - 1:
                        title, title_idx = line, i
                    carded = True
                # A site, channel or account name was taken first; a headline that reads as
                # prose stands over the meta line (or over the writer's name or a subtitle
                # above it, or over its byline) further down, past menus and buttons: the
                # header goes on to that line.
                continue
            break

    if meta is None and clock is not None:
        meta, meta_idx = lines[clock], clock  # the page's only date: the post's (a blog's day)
    if meta is None and title_idx >= 0 and poster is None:
        # WeChat-style pages put an account card (name, company, motto) between the title and
        # the date line: a date within a few short lines after the title still ends the header.
        for k in range(title_idx + 1, min(len(lines), title_idx + 12)):
            if _meta_shaped(lines[k]) and not _OTHER_STAMP.search(lines[k]):
                if all(len(ln) < 80 or _latin_headline(ln) for ln in lines[title_idx + 1 : k]):
                    meta, meta_idx = lines[k], k
                break
    return _Header(
        breadcrumb, title, title_idx, meta, meta_idx, poster, header_end, headless, carded
    )


@dataclass(frozen=True)
class _Answer:
    """A Q&A answer page: where the answer starts, who answered, and the question's line (-1
    where the question over its buttons is not the headline)."""

    start: int
    author: str | None
    question: int


def _answer_page(lines: list[str]) -> _Answer | None:
    """The answer starts after "N 人赞同了该回答"; the answerer's name sits above their one-line
    bio and the follow button, the question over its own buttons (关注问题 / 写回答)."""
    answer = next((k for k, ln in enumerate(lines[:80]) if _ANSWER_START.search(ln)), None)
    if answer is None:
        return None
    start, author = answer + 1, None
    k = answer - 1
    if k >= 1 and _meta_shaped(lines[k]) and lines[k - 1].strip("\u200b+ ") in _FOLLOW:
        k -= 1  # a column's date between the card's button and the vote line (发布于 …)
    if k >= 0 and lines[k].strip("\u200b+ ") in _FOLLOW:
        k -= 1
    if k >= 1 and not _is_count(lines[k - 1]) and not _counter(lines[k - 1]):
        author = lines[k - 1]
    elif _counter(lines[k]) and answer + 2 < len(lines) and _name_card(lines, answer + 1):
        # The question's counters above the vote line: the card (name, bio) follows it.
        author, start = lines[answer + 1], answer + 3
    asked = next((q for q in range(1, answer) if _buttons(lines[q])), None)
    while (
        asked is not None
        and asked > 1
        and (
            _buttons(lines[asked - 1])
            or _counter(lines[asked - 1])
            or _DESCRIPTION_CUT.search(lines[asked - 1])  # the question's description
        )
    ):
        asked -= 1
    question = lines[asked - 1] if asked is not None else ""
    headline = asked is not None and (not _is_sentence(question) or question.endswith(("？", "?")))
    return _Answer(start, author, asked - 1 if headline else -1)


def _published(
    lines: list[str],
    body: list[str],
    start: int,
    end: int,
    meta: str | None,
    glued: date | None,
    header: str,
    blog_stamp: str | None,
) -> date | None:
    """The meta line's date (or one glued to the page's first line), then a stamp just after the
    story, a blog's footer, a Hong Kong page's day-first meta line, the header, a dateline."""
    published = (_meta_date(meta) if meta else None) or glued
    if published is None:
        # Zhihu-style pages print 发布于 right after the answer, before comments.
        # A note app prints the post's bare date and the poster's region under it (2025-02-02
        # 浙江), before the comments.
        # (from the line cleaning took off the story's end: 發表於 2025 年 11 月 3 日 · 作者：…)
        kept = set(body)
        for line in [ln for ln in lines[max(start, end - 2) : end + 3] if ln not in kept]:
            if P.PUBLISH_LABELS.search(line) or _DATE_STAMP.match(line):
                published = D.parse_date(line)
                if published is not None:
                    break  # (本文同步发布于公众号… names no date: the stamp is further on)
    if published is None and blog_stamp:
        published = D.parse_date(blog_stamp)
    if published is None and meta and _traditional("\n".join(body[:3])):
        # 發佈日期：12-02-2026 on a Hong Kong page, over 最後更新：13-02-2026: the meta line's
        # day-first date before any other in the header.
        published = D.day_first_date(meta)
    if published is None:
        # Not from a link's address: /2026/04/24/ there dates the page it points to.
        published = D.parse_date(_URL_IN_TEXT.sub(" ", header))
    if published is None:
        published = D.dateline(body)
    if published is None and _traditional("\n".join(body[:3])):
        # 12/02/2025 on a Traditional page: Hong Kong writes the day first (Taiwan, year first).
        published = D.day_first_date(meta) or D.day_first_date(header)
    return published


@dataclass(frozen=True)
class _MetaFields:
    """What a dump's meta line says beside its date: the site's name, a person who signed it, a
    category, a member's handle."""

    site: str | None
    signed: str | None
    category: str | None
    handle: str | None


def _meta_fields(meta: str | None) -> _MetaFields:
    """A name before the date is the site's, unless it is a label, a handle or a person; what
    follows the date is a person who wrote it or the category it is filed under."""
    category = None
    meta_name = signed = None
    if meta:
        m = _META_SITE.search(meta)
        if m and not P.PUBLISH_LABELS.search(m.group("site")):
            name = m.group("site").strip(" \u3000·•|｜/／-–—")
            # 于 2025-03-10 首次发布, 发布 / 2025年2月11日: a label, no name
            meta_name = (
                name
                if len(name) >= 2
                and not _DATE_WORD.fullmatch(name)
                and not _ISSUE.fullmatch(name)
                and not _COUNTS_BEFORE.search(name)
                and not re.search(r"[:：]", name)  # a labelled field (来源：…, 譯者：…), no name
                else None
            )
        m = _META_AFTER_DATE.search(meta)
        if m:
            rest = re.sub(r"\d+$", "", m.group("rest")).strip()
            rest = re.sub(r"^(?:作者|分类|分類|栏目)[:：].*$", "", rest).strip()
            rest = re.sub(r"^(?:由|By|by)\s+", "", rest)  # 发表于 2023年6月1日 由 老葛
            first = re.split(r"\s*[·•]\s*", rest.strip(" ·•"))[0]
            if _person(rest):
                signed = rest  # 2025-05-20 阿明: who wrote it, not where it is filed
            elif first != rest and _person(first):
                signed = first  # 2025-12-31 · 周既明 · 约 900 字: the writer, then the counts
            elif 2 <= len(rest) <= 12 and not P.AUTHOR_LABEL.search(rest):
                category = rest
    handle = None
    if meta_name and _HANDLE.fullmatch(meta_name):
        handle, meta_name = meta_name, None  # a member's handle (lazycat2019 · date · 点击)
    if meta_name and P.AUTHOR_LABEL.search(meta_name + "："):
        meta_name = None  # 专栏作者 / 顾一帆: who wrote it, not where
    if meta_name and _person(meta_name):
        # 程岩 · 2026-01-27 · 约 9 分钟: a person opening the meta row wrote it; no site's name
        signed, meta_name = signed or meta_name, None
    return _MetaFields(meta_name, signed, category, handle)


def extract_text(text: str, source: str, boilerplate: Boilerplate) -> Extracted:
    """A dump read in passes, each narrowing the next: the forms a scraper saves (mail, markdown,
    front matter) unwrapped; the header scanned for trail, headline, meta line and cards; the
    story's first and last lines; then title, date, site and author, each from the most
    specific evidence the page offers down to the least. Raises PageRejected for a URL list."""
    lines = [_without_tags(ln).strip().strip("\u200b") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not _markup_only(ln)]
    if len(lines) >= 2 and all(_URL_LINE.match(ln) for ln in lines):
        # A URL list saved as .txt would pass for a page whose headline is its first URL.
        raise PageRejected(
            "extract",
            "url-list-as-text",
            f"{source} holds only URLs; name it *.urls to have them fetched",
        )
    lines = F.without_running_lines(F.without_archive_toolbar(lines))
    mail, lines = F.mail_headers(lines)
    if mail and (subject := F.without_issue_number(F.mail_subject(mail))) in lines:
        # A newsletter's issue: its table of contents and sections over the piece its subject
        # names; the piece starts at its headline.
        lines = lines[lines.index(subject) :]
    lines = F.without_sponsor_blocks(lines)
    front, lines = F.front_matter(lines)
    md_title = md_url = md_writer = md_home = md_h1 = None
    if front or F.is_markdown(lines):  # front matter heads markdown files
        md_writer, md_home = F.markdown_writer(lines), F.markdown_home(lines)
        lines, md_title, md_url, md_h1 = F.from_markdown(lines, boilerplate)
    glued, lines = M.glued_date(lines)
    board = _board_header(lines)
    head = _scan_header(lines, boilerplate)
    breadcrumb, title, title_idx = head.breadcrumb, head.title, head.title_idx
    meta, meta_idx, poster, header_end = head.meta, head.meta_idx, head.poster, head.header_end
    headless, carded = head.headless, head.carded
    post = _post_header(lines, meta, meta_idx, boilerplate)
    if post is not None:
        # A community or microblog post: its stamp, then its own headline if it has one.
        title, title_idx = post or None, meta_idx + 1 if post else -1
        if not post and (over := _headline_over_poster(lines, meta_idx, boilerplate)) >= 0:
            title = lines[over]
    start = max(title_idx, meta_idx, header_end) + 1
    # A headline found by its place (a post's, one under the meta line) is not weighed against
    # the body's words.
    placed, publication = post is not None or headless or carded, None
    if post is None and _headline_under_meta(lines, title, title_idx, meta_idx, boilerplate):
        # A newsletter's issue line over its headline (算力周报 / 第 87 期 · 2025年10月12日 /
        # 标题 / 在浏览器中查看): the name above was the publication's.
        publication, title, title_idx = title, lines[meta_idx + 1], meta_idx + 1
        start, placed = meta_idx + 2, True
    author = None
    if (answer := _answer_page(lines)) is not None:
        start, author = answer.start, answer.author
        if answer.question >= 0:
            # The question over its buttons (关注问题 / 写回答) is the page's headline; the
            # question's topics above it (人工智能 / 英伟达（NVIDIA）) are not.
            title, title_idx = lines[answer.question], answer.question
    while start < len(lines) and (
        not is_prose(lines[start]) or _header_above(lines, start, boilerplate)
    ):
        start += 1
    transcript = next(
        (
            k
            for k in range(start, min(len(lines), start + TRANSCRIPT_REACH))
            if _TRANSCRIPT.match(lines[k])
        ),
        None,
    )
    if transcript is not None and _story_goes_on(lines, transcript + 1, boilerplate):
        # A video's page: its description, uploader and counters over the transcript, which is
        # the text (视频文稿（字幕自动生成，已人工校对） / 00:00 / 大家好…).
        start = transcript + 1
    lines = lines[:start] + _without_inline_lists(lines[start:], boilerplate)
    end = start
    while end < len(lines) and not _ends_text(lines, end, boilerplate):
        end += 1
    end = tail.floors_start(lines, start, tail.comments_start(lines, start, end, _is_paragraph))
    if end < len(lines) and tail.is_stamp(lines[end]):
        # The reply's floor and poster (沙发 / 阿尔法猫) stand above its stamp.
        while end - 1 > start and len(lines[end - 1]) <= 12 and not is_prose(lines[end - 1]):
            end -= 1
    story = lines[start:end]
    kept = [
        not boilerplate.is_dump_noise(ln)
        and not boilerplate.is_dump_end(ln)  # one the story went on after
        and not _ZHIHU_NOISE.search(ln)
        and not _INLINE_RELATED.search(ln)
        and not _ATTACHMENTS.match(ln)  # a file attached inside the post, the post going on
        for ln in story
    ]
    body = [ln for ln, keep in zip(story, kept, strict=True) if keep]
    last = max(
        (k for k, ln in enumerate(story) if kept[k] and tail.closes_sentence(ln)), default=-1
    )
    dropped = [ln for k, ln in enumerate(story) if k > last and not kept[k]] if last >= 0 else []
    body = tail.without_sidebar_lists(tail.without_table_of_contents(_without_board_headers(body)))
    body = tail.without_trailing_list(body, dropped)

    # The line chosen by its shape may be a channel's name or a back link above the headline.
    header_titles = [ln for ln in lines[:start] if _title_candidate(ln, boilerplate)]
    above_meta = lines[meta_idx - 1] if meta_idx > 0 else None
    # The page's first line is the site's name where the page names it again: in its footer or
    # as the root of its breadcrumb (东瑞财富网 / … / 东瑞财富网 > 美股频道 > 正文).
    named_again = bool(lines) and (
        lines[0] in lines[-M.FOOTER_LINES :][1:]
        or bool(breadcrumb and _trail_root(breadcrumb) == lines[0])
    )
    if not placed:
        site_name = (
            lines[0] if named_again else (M.bilingual_masthead(lines[0]) or M.copyright_site(lines))
        )
        title = M.headline_among(header_titles, title, body, above_meta, site_name)
        title = M.without_shown_suffix(title, lines[:HEADER_LINES])

    header = "\n".join(lines[: max(start, 0)])
    blog_stamp = _blog_footer(lines, end)
    published = _published(lines, body, start, end, meta, glued, header, blog_stamp)

    wechat_author, account = M.wechat_byline(meta)
    fields = _meta_fields(meta)
    meta_name, signed, category, handle = fields.site, fields.signed, fields.category, fields.handle
    site = (
        md_home
        or (M.bilingual_masthead(lines[0]) if lines else None)
        or (lines[0] if named_again and len(lines[0]) <= NAME_MAX and lines[0] != title else None)
        or M.brand(_site(lines, end, meta, title, account))
        or meta_name
        or publication
    )
    if not site and breadcrumb and lines and lines[0] != breadcrumb and len(lines[0]) <= 20:
        site = lines[0]
    elif not site and breadcrumb and lines and lines[0] == breadcrumb:
        site = _trail_root(breadcrumb)
    category = S.breadcrumb_category(breadcrumb, title) or category
    headline_idx = next((k for k in range(start) if lines[k] == title), -1)
    author = (
        author
        or poster
        or (card[0] if (card := _writer_card_under(lines, headline_idx)) else None)
        or handle
        or A.label_author(meta or "")
        or A.label_author(header)
        or md_writer
        or signed
        or wechat_author
        or _name_after_bar(meta)
        or _poster(lines, meta_idx, title, boilerplate)
        or _first_floor(lines[: start + 1])
        or _hosts(lines[: start + 1])
        or _bio_card(lines[:start])
        or _column_writer(lines[:start], breadcrumb)
        or _account_name(lines, start, title, boilerplate)
        or (A.label_author(blog_stamp) if blog_stamp else None)
        or _columnist_over(lines, headline_idx)
        or _writer_under(lines, headline_idx, start)
        or meta_name
    )
    if (
        author
        and author == site
        and _person(author)
        and lines
        and len(lines[0]) <= NAME_MAX
        and lines[0] not in (author, title)
    ):
        site = lines[0]  # © 2026 程岩 on a blog named 慢半拍的硅: its owner wrote the post
    if author and author == site and not (blog_stamp and author in blog_stamp):
        author = None  # the site posting as itself names no person (a blog's owner does)
    credits = functools.cache(lambda: _credit_texts(lines, start, end, body))
    if author and meta and _PUBLISHER.search(meta) and author in meta:
        # 发布者 names who put the page up; a writer credited with the story comes first
        # (发布者：郑晓 … 文：冯书瑶　图：魏然 under the story).
        author = C.first_plausible(site, lambda: C.text_author("", "", body, *credits()))
        author = author or A.label_author(meta)
    if author is None and not board:
        # No byline over the story: its credits in the first lines, under its last line (作者：…,
        # （记者 …）, a signature), or an editor's where no writer is named, as in a page's markup.
        author = C.first_plausible(
            site,
            lambda: lines[end + 1] if end < len(lines) and tail.author_card(lines, end) else None,
            lambda: C.text_author("", "", body, *credits()),
            lambda: C.editor_author("", "", body, credits()[0]),
        )
    if board:
        site = board.get("站") or site
        title = board.get("標") or board.get("标") or title
        author = (board.get("作") or "").split(" ")[0] or author
        published = D.parse_date(board.get("時") or board.get("时") or "") or published
    # A dump of a form-like page labels its headline (标题：…); the label is layout.
    if (
        md_h1
        and not (site and md_h1.startswith(site))
        and not M.bilingual_masthead(md_h1)
        and not (mail or front)
    ):
        title = md_h1  # a markdown page's # heading is its headline, over any line's shape
    title = T.without_page_mark(title or md_title)
    if mail:
        subject = F.mail_subject(mail)
        title = F.without_issue_number(subject) if subject else title
        published = F.mail_date(mail.get("date") or mail.get("sent")) or published
        sender = F.sender_name(mail)
        site = sender or site
    author = A.repost_writer("\n".join(lines), author)  # the account a repost came from
    if front:
        # The front matter says what the page's text can only suggest.
        title = front.get("title") or title
        published = D.parse_date(front.get("date")) or published
        author = front.get("author") or author
    return Extracted(title, published, site, author, category, body, "text-dump", url=md_url)
