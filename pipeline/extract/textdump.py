"""Plain-text page dumps: all visible text of a page, as many scrapers save it.

With no markup left, the page's parts are told apart by line shape: a breadcrumb line, a title
line, a meta line (site, date, category, views), the prose of the body, and an end marker
(扫描二维码, 版权声明, 相关文章, 发表评论…) after which everything is page furniture.

This module cuts the body and fills the fields; what a line is by its shape is dumplines.py,
where the header ends and which line is the headline dumpheader.py, who wrote the page
dumpwriters.py, the header's fields dumpmeta.py, the end of a story with no marker dumptail.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from pipeline.errors import PageRejected
from pipeline.extract import authors as A
from pipeline.extract import credits as C
from pipeline.extract import dates as D
from pipeline.extract import dumpforms as F
from pipeline.extract import dumpheader as H
from pipeline.extract import dumplines as L
from pipeline.extract import dumpmeta as M
from pipeline.extract import dumptail as tail
from pipeline.extract import dumpwriters as W
from pipeline.extract import patterns as P
from pipeline.extract import sites as S
from pipeline.extract import titles as T
from pipeline.extract.cleaning import Boilerplate, is_prose
from pipeline.extract.html import Extracted
from pipeline.extract.notes import writer_note

# How many lines at the story's start and after its last line can hold its credits.
_CREDIT_REACH = 6

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_META_SITE = re.compile(
    r"^(?P<site>[^\d\s(（][^()（）]{0,20}?)\s*(?:"
    + P.RELATIVE_TIME.pattern
    + r")?\s*[(（]?\s*20\d\d[-/.年]"
)
_META_AFTER_DATE = re.compile(
    r"20\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）]?\s*(?P<rest>.*)$"
)

_COPYRIGHT_SITE = re.compile(
    r"(?:本文由|本文来自|來自)\s*([\u4e00-\u9fffA-Za-z0-9]{2,20}?)\s*(?:发布|發佈|發布|原创|原創|整理)"
)
_COPYRIGHT_LINE = re.compile(
    r"(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?|"
    + P.COPYRIGHT_YEAR
    + r")?\s*"
    + P.NO_ROC_YEAR
    + r"([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,15})\s*(?:版权所有|版權所有|All)"
)

_QUESTION_BUTTONS = frozenset({"关注问题", "關注問題", "写回答", "寫回答", "邀请回答", "邀請回答"})

# The other buttons of a question's row (好问题 326, 添加评论, 分享).
_OTHER_BUTTONS = frozenset(
    {"好问题", "好問題", "添加评论", "添加評論", "分享", "举报", "舉報", "…"}
)
_DESCRIPTION_CUT = re.compile(r"(?:显示全部|顯示全部|展开阅读全文|展開閱讀全文)\s*[\u200b\s]*$")


# A short sentence of its own (英伟达上周的股价反弹了一成。): a menu item, a label or a button
# does not close with a full stop.
_SHORT_SENTENCE = re.compile(r"^[^\s：:|｜/>»·]{6,14}[。！!？?]$")


def _opens_story(line: str, boilerplate: Boilerplate) -> bool:
    """Whether the story may start at this line: prose, or a short sentence that is no notice
    (a 14-character first paragraph was taken for a label over the story, and lost)."""
    return is_prose(line) or (
        bool(_SHORT_SENTENCE.match(line))
        and len(re.findall(r"[\u4e00-\u9fff]", line)) >= 6
        and not boilerplate.is_noise(line)
    )


def _buttons(line: str) -> bool:
    """A line of a question's buttons only (关注问题, 关注问题\u200b写回答)."""
    words = re.split(r"[\s\u200b|｜]+", line.strip("\u200b "))
    return any(w in _QUESTION_BUTTONS for w in words) and all(
        w in _QUESTION_BUTTONS or w in _OTHER_BUTTONS or w.replace(",", "").isdigit() for w in words
    )


# A Q&A answer's or a column article's vote line, under its writer's card
_ANSWER_START = re.compile(r"^[\d,.]+\s*[万萬千]?\s*人(?:赞同|贊同)了(?:该|該)(?:回答|文章)$")

# Labelled fields on one line (索引号：…　主题分类：…): an info table, no headline.
_SOURCE_OR_EDITOR = re.compile(r"(?:来源|來源|编辑|編輯)\s*[:：]")
_PUBLISHER = re.compile(r"(?:发布者|發佈者|發布者)\s*[:：]")

_HANDLE = re.compile(r"[a-z][a-z0-9_.\-]{2,20}")

# (after 原创 or 转载, as a blog prints it: 原创 于 2025-02-18 14:32:10 发布)
_DATE_WORD = re.compile(
    r"(?:原创|原創|转载|轉載)?\s*"
    r"(?:(?:发布|發佈|發布|更新|时间|時間|日期|发表|發表|刊登|出版|创建|創建|修改|编辑|編輯)+\s*)?"
    r"[于於]?\s*[:：]?"
)
# A video's or a post's counters before its date (▶ 38.6万播放 · 2,104弹幕 · 2025-10-03): no name.
_COUNTS_BEFORE = re.compile(
    r"\d[\d.,]*\s*[万萬千]?\s*(?:次)?(?:播放|弹幕|彈幕|阅读|閱讀|观看|觀看|浏览|瀏覽|点赞|點讚)"
)
# Counters after the date (阅读 1234, 浏览量：5678, 评论(3), 12 评论, 阅读数 1.2万): no category, which
# holds no number (a read count was filed as the category 阅读).
_COUNTS_AFTER = re.compile(
    r"\d|^[\s·•|｜]*(?:阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|点赞|點讚|收藏|转发|轉發|播放|观看|觀看"
    r"|热度|熱度|人气|人氣)(?:量|数|數|次)?\s*(?:[:：(（]|$)"
)

# One related link inside the story (延伸閱讀：某某, **相关阅读：**[某某](/x)) with the story going on
# after it: a line to drop, not the end of the text that such a label opens at a page's foot.
_INLINE_RELATED = re.compile(
    r"^[▶►>▍【\[]?\s*(?:延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关链接|相關連結|相关文章|相關文章"
    r"|相关新闻|相關新聞|相关报道|相關報導)"
    r"\s*[】\]]?\s*[:：]\s*\S.{3,}"
)

# The station a board's post was sent from, on its footer line (※ 發信站: 批踢踢實業坊(ptt.cc)).
_STATION_FOOTER = re.compile(r"^※\s*(?:發信站|发信站)\s*[:：]\s*([^\s(（,，]{2,20})")
# A telnet board's post header (作者 / 看板 / 標題 / 時間 lines, PTT-style).
_BOARD_HEADER = re.compile(r"^(作者|看板|標題|标题|時間|时间)\s+(\S.*)$")
_MAIL_BOARD_HEADER = re.compile(r"^(发信人|發信人|标\s*题|標\s*題|发信站|發信站)\s*[:：]\s*(\S.*)$")
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

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


def _region_stamp(line: str) -> bool:
    """The post's stamp with the poster's region (2025-02-02 浙江): it closes the post."""
    return bool((m := L.DATE_STAMP.match(line)) and m.group("region"))


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
    root = re.sub(
        r"\s*[-–—|｜·_:：]+$", "", root
    )  # 潮汐科技评论 - 首页: the bar before the home link
    return root if len(root) >= 2 else None


def _board_header(lines: list[str]) -> dict[str, str]:
    """作者 / 看板 / 標題 / 時間 at the top of a board's post: the fields, where three of them are.
    Not below a paragraph: a news story that quotes a board's post shows the post's header inside
    the story, and the story's own header is the page's."""
    fields = {}
    for line in lines[: H.HEADER_LINES]:
        if L.is_paragraph(line):
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

# An end marker with the story going on after it: two of the next three lines are paragraphs.
GOES_ON = 3
SECTION_LABEL_MAX = 8

_PUBLISHED_AT = re.compile(r"(?:发布|發布|發佈|发表|發表|首发|首發)(?:于|於|时间|時間)\s*[:：]?")
_EDITED_AT = re.compile(r"更新|修改|编辑于|編輯於")


def _meta_date(meta: str) -> date | None:
    """The meta line's date; where it also gives an update's (更新於 2026年03月10日 • 發布於
    2026年03月09日), the one after the publish label."""
    edited = _EDITED_AT.search(meta) and (m := _PUBLISHED_AT.search(meta))
    return (edited and D.parse_date(meta[m.end() :])) or D.parse_date(meta)


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
                and len(story[j]) <= L.SENTENCE_HEADLINE
                and not L.is_sentence(story[j])
                and not L.is_paragraph(story[j])
            ):
                j += 1
            after = story[j : j + 2]
            if (
                j > k + 1
                and len(after) == 2
                and all(L.is_paragraph(n) and not boilerplate.is_dump_end(n) for n in after)
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
        inline = _INLINE_RELATED.search(line) and any(L.is_paragraph(n) for n in after[:2])
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
    return sum(L.is_paragraph(n) and not boilerplate.is_dump_end(n) for n in after) >= GOES_ON - 1


# (or a 贴吧 first floor's stamp under its post: 来自Android客户端  1楼  2026-01-12 10:23  回复(35))
_POSTED_AT = re.compile(
    r"^[Pp]osted\s*@\s*(?:19|20)?\d{2}-\d{1,2}-\d{1,2}"
    r"|^(?:来自\S{1,16}\s+)?1\s*[楼樓]\s+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
)
BLOG_FOOTER_REACH = 15


# A sentence's clauses and its end: what a headline seldom has both of.
_CLAUSED_SENTENCE = re.compile(r"[，,；;].*[。！!？?…]$")


def _post_taken_for_headline(title: str | None, body: list[str]) -> bool:
    """Whether the line taken for a headline is the post itself: a sentence of clauses, longer
    than the text left under it."""
    return bool(title and _CLAUSED_SENTENCE.search(title) and len("".join(body)) < len(title))


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
        and L.meta_shaped(line)
        and D.parse_date(line) is not None
    )


_ALL_ANSWERS = re.compile(r"[\d,]+\s*[个個]回答")


def _counter(line: str) -> bool:
    """A question's counters or links (被浏览 1,208,553, 查看全部 286 个回答), no person's name."""
    return bool(L.ZHIHU_NOISE.search(line) or _ALL_ANSWERS.search(line))


def _name_card(lines: list[str], k: int) -> bool:
    """A name, then a one-line bio that is no paragraph of the answer."""
    name, bio = lines[k], lines[k + 1]
    return (
        2 <= len(name) <= 12
        and not is_prose(name)
        and len(bio) <= L.SENTENCE_HEADLINE
        and not bio.endswith(("。", "！", "？", "!", "?"))
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
    if k >= 1 and L.meta_shaped(lines[k]) and lines[k - 1].strip("\u200b+ ") in W.FOLLOW:
        k -= 1  # a column's date between the card's button and the vote line (发布于 …)
    if k >= 0 and lines[k].strip("\u200b+ ") in W.FOLLOW:
        k -= 1
    if k >= 1 and not L.is_count(lines[k - 1]) and not _counter(lines[k - 1]):
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
    headline = asked is not None and (not L.is_sentence(question) or question.endswith(("？", "?")))
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
            if P.PUBLISH_LABELS.search(line) or L.DATE_STAMP.match(line):
                published = D.parse_date(line)
                if published is not None:
                    break  # (本文同步发布于公众号… names no date: the stamp is further on)
    if published is None and blog_stamp:
        published = D.parse_date(blog_stamp)
    if published is None and meta and D.traditional("\n".join(body[:3])):
        # 發佈日期：12-02-2026 on a Hong Kong page, over 最後更新：13-02-2026: the meta line's
        # day-first date before any other in the header.
        published = D.day_first_date(meta)
    if published is None:
        # Not from a link's address: /2026/04/24/ there dates the page it points to.
        published = D.parse_date(_URL_IN_TEXT.sub(" ", header))
    if published is None:
        published = D.dateline(body)
    if published is None:
        # 本文首发于 2025-01-21 closing the story (or cut off under it) under a meta line that
        # shows 昨天 14:22
        published = D.first_published_date(body) or D.first_published_date(
            lines[end : end + D.FIRST_PUBLISHED_REACH]
        )
    if published is None and D.traditional("\n".join(body[:3])):
        # 12/02/2025 on a Traditional page: Hong Kong writes the day first (Taiwan, year first),
        # and Taiwan's calendar may leave out its 民國 (發布時間：114年3月10日).
        published = (
            D.day_first_date(meta)
            or D.day_first_date(header)
            or D.taiwan_date(meta)
            or D.taiwan_date(header)
        )
    return published


@dataclass(frozen=True)
class _MetaFields:
    """What a dump's meta line says beside its date: the site's name, a person who signed it, a
    category, a member's handle."""

    site: str | None
    signed: str | None
    category: str | None
    handle: str | None


_NAME_THEN_LABEL = re.compile(
    r"^(?P<site>[^\s:：]{2,20})[ \u3000]+(?:发布时间|發布時間|发表时间|發表時間)\s*[:：]"
)
# What a writer's credit after the date adds to the name (吴桐 编译, 林舟 整理).
_CREDIT_VERB = re.compile(r"(?<=\S)[ \u3000]*(?:编译|編譯|翻译|翻譯|整理|撰文|报道|報導)$")
# A writer's name in Latin letters after the date (美股研究社 2025-02-05 Kevin Li), not a
# section's (Tech News).
_LATIN_NAME = re.compile(
    r"(?!(?:The|Tech|AI|News|Daily|Weekly|Global|China|Market|Research)\b)"
    r"[A-Z][a-z]+(?:[ .-][A-Z][a-z]+){1,2}(?<!News)(?<!Daily)(?<!Weekly)(?<!Review)"
)


# A floor's number before the poster's name on a thread's stamp (#1 肥佬黎 2025-02-08 01:12).
_FLOOR_MARK = re.compile(r"^(?:#\s?\d{1,4}|\d{1,4}\s*[楼樓#])\s")


def _meta_fields(meta: str | None) -> _MetaFields:
    """A name before the date is the site's, unless it is a label, a handle or a person; what
    follows the date is a person who wrote it or the category it is filed under."""
    category = None
    meta_name = signed = None
    if meta:
        m = _META_SITE.search(meta)
        # (a name before the date's label is the site's: AI前线观察 发布时间：2025-01-30)
        labelled = _NAME_THEN_LABEL.match(meta)
        if labelled or (m and not P.PUBLISH_LABELS.search(m.group("site"))):
            name = (labelled or m).group("site").strip(" \u3000·•|｜/／-–—")
            if len(fields := L.bar_fields(name)) == 2 and W.person(fields[1]):
                name, signed = fields[0], fields[1]  # 科技前哨 | 林舟 | 2025年1月28日
            # 于 2025-03-10 首次发布, 发布 / 2025年2月11日: a label, no name
            meta_name = (
                name
                if len(name) >= 2
                and not _DATE_WORD.fullmatch(name)
                and not H.ISSUE.fullmatch(name)
                and not _COUNTS_BEFORE.search(name)
                and not re.search(r"[:：]", name)  # a labelled field (来源：…, 譯者：…), no name
                and not _FLOOR_MARK.match(name)  # #1 肥佬黎: a thread's first floor, its poster
                else None
            )
        m = _META_AFTER_DATE.search(meta)
        if m:
            rest = re.sub(r"\d+$", "", m.group("rest")).strip()
            rest = re.sub(r"^(?:作者|分类|分類|栏目)[:：].*$", "", rest).strip()
            rest = re.sub(r"^(?:由|By|by)\s+", "", rest)  # 发表于 2023年6月1日 由 老葛
            first = re.split(r"\s*[·•]\s*", rest.strip(" ·•"))[0]
            credited = _CREDIT_VERB.sub("", rest)  # 2025-01-30 吴桐 编译: the translator
            if W.person(credited) or _LATIN_NAME.fullmatch(rest):
                signed = credited  # 2025-05-20 阿明, 2025-02-05 Kevin Li: who wrote it
            elif first != rest and W.person(first):
                signed = first  # 2025-12-31 · 周既明 · 约 900 字: the writer, then the counts
            elif (
                2 <= len(rest.strip(" ·•|｜")) <= 12
                and not P.AUTHOR_LABEL.search(rest)
                and not _COUNTS_AFTER.search(m.group("rest"))
                # where it was posted from (WeChat's 10:21 北京): no category
                # (or WeChat's 发表于浙江: where it was posted)
                and not re.fullmatch(rf"(?:发表于|發表於)?(?:{W.PROVINCES})", rest.strip(" ·•|｜"))
                and not W.sent_from(rest)  # 来自 iPhone客户端: the client, no category
            ):
                category = rest.strip(
                    " ·•|｜"
                )  # 何静 · 2025年12月11日 · 芯事笔记: not "· 芯事笔记"
    handle = None
    if meta_name and _HANDLE.fullmatch(meta_name):
        handle, meta_name = meta_name, None  # a member's handle (lazycat2019 · date · 点击)
    if meta_name and P.AUTHOR_LABEL.search(meta_name + "："):
        meta_name = None  # 专栏作者 / 顾一帆: who wrote it, not where
    if meta_name and W.person(meta_name):
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
    lines = F.without_crawl_records(F.without_running_lines(F.without_archive_toolbar(lines)))
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
    head = H.scan_header(lines, boilerplate)
    breadcrumb, title, title_idx = head.breadcrumb, head.title, head.title_idx
    meta, meta_idx, poster, header_end = head.meta, head.meta_idx, head.poster, head.header_end
    headless, carded = head.headless, head.carded
    post = W.post_header(lines, meta, meta_idx, boilerplate)
    if post is not None:
        # A community or microblog post: its stamp, then its own headline if it has one.
        title, title_idx = post or None, meta_idx + 1 if post else -1
        if not post and (over := H.headline_over_poster(lines, meta_idx, boilerplate)) >= 0:
            title = lines[over]
    start = max(title_idx, meta_idx, header_end) + 1
    # A headline found by its place (a post's, one under the meta line) is not weighed against
    # the body's words.
    placed, publication = post is not None or headless or carded, None
    if post is None and H.headline_under_meta(lines, title, title_idx, meta_idx, boilerplate):
        # A newsletter's issue line over its headline (算力周报 / 第 87 期 · 2025年10月12日 /
        # 标题 / 在浏览器中查看): the name above was the publication's.
        publication, title, title_idx = title, lines[meta_idx + 1], meta_idx + 1
        start, placed = meta_idx + 2, True
    elif (
        post is None
        and (k := H.headline_under_credit(lines, title, title_idx, meta_idx, boilerplate)) >= 0
    ):
        # A WeChat article whose dump opens on the account's name, over the date and the credit
        # (原创 老K 半导体深一度): the account was taken for the headline, the headline under the
        # credit read as the body's first paragraph.
        publication, title, title_idx = title, lines[k], k
        start, placed = k + 1, True
    author = None
    if (answer := _answer_page(lines)) is not None:
        start, author = answer.start, answer.author
        if answer.question >= 0:
            # The question over its buttons (关注问题 / 写回答) is the page's headline; the
            # question's topics above it (人工智能 / 英伟达（NVIDIA）) are not.
            title, title_idx = lines[answer.question], answer.question
    while start < len(lines) and (
        not _opens_story(lines[start], boilerplate) or H.header_above(lines, start, boilerplate)
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
    end = tail.floors_start(lines, start, tail.comments_start(lines, start, end, L.is_paragraph))
    if end < len(lines) and tail.is_stamp(lines[end]):
        # The reply's floor and poster (沙发 / 阿尔法猫) stand above its stamp.
        while end - 1 > start and len(lines[end - 1]) <= 12 and not is_prose(lines[end - 1]):
            end -= 1
    story = lines[start:end]
    kept = [
        not boilerplate.is_dump_noise(ln)
        and not boilerplate.is_dump_end(ln)  # one the story went on after
        and not L.ZHIHU_NOISE.search(ln)
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
    header_titles = [ln for ln in lines[:start] if L.title_candidate(ln, boilerplate)]
    # (past the poster's school that a campus forum prints over the stamp: 國立臺灣大學)
    over = meta_idx - 2 if meta_idx > 1 and L.school_line(lines[meta_idx - 1]) else meta_idx - 1
    above_meta = lines[over] if over >= 0 else None
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
        title = M.without_shown_suffix(title, lines[: H.HEADER_LINES])

    header = "\n".join(lines[: max(start, 0)])
    blog_stamp = _blog_footer(lines, end)
    published = _published(lines, body, start, end, meta, glued, header, blog_stamp)

    wechat_author, account = M.wechat_byline(
        meta,
        lines[meta_idx - 1] if meta_idx > 0 else None,
        lines[meta_idx + 1] if 0 <= meta_idx < len(lines) - 1 else None,
    )
    fields = _meta_fields(meta)
    meta_name, signed, category, handle = fields.site, fields.signed, fields.category, fields.handle
    site = (
        md_home
        or (M.bilingual_masthead(lines[0]) if lines else None)
        or (lines[0] if named_again and len(lines[0]) <= L.NAME_MAX and lines[0] != title else None)
        or M.brand(_site(lines, end, meta, title, account))
        or meta_name
        or publication
        or M.microblog_site(lines[: max(start, 0)])
    )
    if not site and breadcrumb and lines and lines[0] != breadcrumb and len(lines[0]) <= 20:
        site = lines[0]
    elif not site and breadcrumb and lines and lines[0] == breadcrumb:
        site = _trail_root(breadcrumb)
    elif not site and breadcrumb and lines and (root := _trail_root(breadcrumb)):
        # the site's menu bar over its trail, opening on the site's name (NGA玩家社区  首页  版面 /
        # NGA玩家社区 > 网事杂谈 > 帖子)
        first = lines[0].split()[0]
        site = root if len(first) >= 2 and root.startswith(first) else None
    category = S.breadcrumb_category(breadcrumb, title) or category
    headline_idx = next((k for k in range(start) if lines[k] == title), -1)
    author = (
        author
        or poster
        or (card[0] if (card := W.writer_card_under(lines, headline_idx)) else None)
        or handle
        or A.label_author(meta or "")
        or A.label_author(A.without_headline(header, title))
        or md_writer
        or signed
        or wechat_author
        or W.name_after_bar(meta)
        or A.dotted_byline(meta)
        or W.poster(lines, meta_idx, title, boilerplate)
        or W.first_floor(lines[: start + 1])
        or A.thread_poster(header)  # 只看楼主  收藏  回复 / 算力搬砖工 / 10 级 (贴吧)
        or W.hosts(lines[: start + 1])
        or W.bio_card(lines[:start])
        or W.column_writer(lines[:start], breadcrumb)
        or W.account_name(lines, start, title, boilerplate)
        or (A.label_author(blog_stamp) if blog_stamp else None)
        or W.columnist_over(lines, headline_idx)
        or W.writer_under(lines, headline_idx, start)
        or meta_name
    )
    if author and L.school_line(author):
        # A campus forum prints the poster's school in place of a name (Dcard's 國立臺灣大學):
        # taken for the author, it lumped every student of that school into one commentator.
        author = None
    if (
        author
        and author == site
        and W.person(author)
        and lines
        and len(lines[0]) <= L.NAME_MAX
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
        # the station its footer names (※ 發信站: 批踢踢實業坊(ptt.cc), 來自: …) and the board
        station = next((m.group(1) for ln in lines if (m := _STATION_FOOTER.match(ln))), None)
        if not site or board.get("站"):  # the board's own page, not a blog reposting its post
            category = category or board.get("看")
        site = board.get("站") or site or station
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
    if category and category == author:
        category = (
            None  # a community's trail through the poster's page (雪球 > 价值回归小陈 > 帖子)
        )
    if _post_taken_for_headline(title, body) and meta is None and not (md_h1 or mail or front):
        # A short post with no headline (英伟达明年肯定还要涨一倍，继续加仓！): its first
        # sentence was taken for one, and the post was refused or lost its claim.
        body, title = [title, *body], None
    author = A.repost_writer("\n".join(lines), author)  # the account a repost came from
    if front:
        # The front matter says what the page's text can only suggest.
        title = front.get("title") or title
        published = D.parse_date(front.get("date")) or published
        author = front.get("author") or author
    note = writer_note(lines[:end], body)
    return Extracted(
        title, published, site, author, category, body, "text-dump", url=md_url, note=note
    )
