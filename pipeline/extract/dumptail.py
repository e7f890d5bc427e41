"""Where a plain-text dump's story ends when no end marker says so.

The lexicon's end markers (相关文章, 发表评论, 版权声明…) end most dumps; what follows a story on
many pages has no such words but a shape: comments and replies each under a stamp of who and
when (路过的量化狗 · 2023.11.20, #2 唔識炒股　28/1/2025 01:20), and lists of other items (headlines,
questions, buttons) whose lines close no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.extract import patterns as P
from pipeline.extract.cleaning import enumerated

STAMP_MAX = 40
STAMP_NAME_MAX = 16
# Two stamps make a thread of comments; one may be a story's own dated line.
MIN_STAMPS = 2
# A list under the story: three lines or more, none of them closing a sentence. Two are a
# signature (青澜市工业和信息化局 / 2024年8月14日), which a notice's text keeps.
MIN_LIST = 3
LONG_LINE = 60

_CLAUSE = re.compile(r"[。，,！？!?；;]")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# A reply's floor (#2, 3楼, 沙发) and the label before its time (发表于：, 回复于).
_FLOOR = re.compile(r"^(?:#\d{1,4}|\d{1,4}\s*[楼樓#]|沙发|沙發|板凳|地板|第\s*\d+\s*[楼樓])\s*")
_LABEL = re.compile(
    r"(?:发表于|發表於|发布于|發佈於|回复于|回覆於|留言于|留言於|评论于|評論於|回复时间|回覆時間)\s*[:：]?"
)
# A story's own dated lines: an update, a release (更新 2026-01-27 14:20).
_NOT_A_NAME = re.compile(r"更新|更新于|发布|發佈|發布|时间|時間|日期|最后更新|最後更新")
_SEPARATORS = re.compile(r"[·•|｜/／\-–—\s\u3000]+")
# What marks a line of furniture: a clock time, a bar, a link's arrow, a counter of
# reads or likes, a related item's date in brackets, a button's word. Not digits alone or wide
# gaps: a story may end with a table, its key figures or the stocks it names.
_FURNITURE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|[|｜›»>]"
    r"|(?:阅|閱|播放|浏览|瀏覽|点赞|點讚|评论|評論|转发|轉發|收藏|关注|關注|粉丝|粉絲|订阅|訂閱)\s*[\d.,]+"
    r"|[（(](?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[)）]$|立即|点击|點擊|登录|登入|查看更多|^(?:上一|下一)"
)
_FIELD_LABEL = re.compile(r"^([^:：\s]{1,8})[:：]")
_CLOSES = re.compile(r"[。！？!?…”」』）)~～]$")
# A signature's last line: the date a notice was signed (2024年8月14日, 二〇二四年八月十四日).
_SIGNED_DATE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$"
)


# A reply's like counter after its stamp (❤️ 3, 👍 12, 赞 5).
_LIKES = re.compile(r"\s*(?:❤️?|👍|♥|赞|讚)\s*\d+\s*$")


def stamp_name(line: str) -> str | None:
    """The name on a comment's or reply's stamp: a short line of a name and a date or a time ago
    (sunnyfish   408 天前), and nothing that reads as a clause (a timeline's 1月27日，DeepSeek登顶 is a sentence)."""
    if len(line) > STAMP_MAX or _CLAUSE.search(line):
        return None
    rest = _LIKES.sub("", line)
    first = len(line)
    for pattern in (*P.DATE_PATTERNS, P.RELATIVE_TIME):
        if m := pattern.search(rest):
            first = min(first, m.start())
        rest = pattern.sub(" ", rest)
    if rest == _LIKES.sub("", line):
        return None
    # The name comes before the date (a timeline's 2025-01-20 DeepSeek发布R1, a diary's
    # 2024年5月2日 小雨 open with theirs), unless a reply's floor opens the line.
    if not _FLOOR.match(line) and not line[:first].strip(" #\u3000"):
        return None
    rest = _LABEL.sub(" ", _FLOOR.sub("", _TIME.sub(" ", rest).strip()))
    name = _SEPARATORS.sub(" ", rest).strip()
    if not 1 <= len(name) <= STAMP_NAME_MAX or " " in name or _NOT_A_NAME.fullmatch(name):
        return None
    if name.startswith("@"):  # a post the story quotes (@某某 2026-01-27 09:12), not a reply
        return None
    return name


# A board's stamp over each post (发表于 2025-4-16 22:41): after the first post, a reply begins.
_POST_STAMP = re.compile(r"^(?:发表于|發表於)\s*(?:19|20)\d\d[-/.年]\d")


def reply_stamp(line: str) -> bool:
    """A board's stamp alone on its line, with no name: 发表于 2025-4-16 22:41."""
    return len(line) <= STAMP_MAX and bool(_POST_STAMP.search(line))


def is_stamp(line: str) -> bool:
    """A reply's or a comment's stamp, with or without the poster's name on it."""
    return reply_stamp(line) or stamp_name(line) is not None


_CARD_HEADING = re.compile(r"^(?:作者|关于作者|關於作者|About the author)$")


def author_card(lines: list[str], k: int) -> bool:
    """Whether an author card starts at line k: its heading alone on a line with a name under
    it (作者 / 程予安 / 资深作者，关注…), which a page prints after the story, never in it."""
    return (
        bool(_CARD_HEADING.match(lines[k]))
        and k + 1 < len(lines)
        and 2 <= len(lines[k + 1]) <= STAMP_NAME_MAX
        and not _CLAUSE.search(lines[k + 1])
    )


def comments_start(
    lines: list[str], start: int, end: int, is_paragraph: Callable[[str], bool]
) -> int:
    """The first stamp of a thread of comments between start and end, when the story has begun
    before it (a paragraph above it) and a second stamp follows it; else end."""
    stamps = [k for k in range(start, len(lines)) if stamp_name(lines[k])]
    for n, k in enumerate(stamps):
        if k >= end or len(stamps) - n < MIN_STAMPS:
            break
        if any(is_paragraph(ln) for ln in lines[start:k]):
            return k
    return end


# A forum's floor number on a line of its own (#2, 2樓, 第3楼, 3#).
_FLOOR_ALONE = re.compile(
    r"^(?:#\s?\d{1,4}|第?\d{1,4}\s*[楼樓]|\d{1,4}#)"
    r"(?:[\s\u3000]+(?:发表于|發表於)\s*\S.{0,24})?$"  # or with its stamp (#2　發表於 12/5/2026 23:40)
)
_FLOOR_STAMP = re.compile(
    r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
FLOOR_NAME_MAX = 16


def floors_start(lines: list[str], start: int, end: int) -> int:
    """Where a thread's second floor begins (its poster and stamp over #2), when the story is
    the first floor (#1 over it): the replies are not the post. Else end."""
    marks = [k for k in range(max(start - 3, 0), end) if _FLOOR_ALONE.match(lines[k])]
    if len(marks) < 2 or marks[0] > start + 1:
        return end
    k = marks[1]
    if k >= 1 and _FLOOR_STAMP.match(lines[k - 1]):
        k -= 1
    if k > start and len(lines[k - 1]) <= FLOOR_NAME_MAX and not _CLAUSE.search(lines[k - 1]):
        k -= 1
    return k if k > start else end


def closes_sentence(line: str) -> bool:
    return bool(_CLOSES.search(line)) or len(line) >= LONG_LINE


def _labels(lines: list[str]) -> list[str]:
    return [m.group(1) for line in lines if (m := _FIELD_LABEL.match(line))]


def _entries(run: list[str], before: list[str]) -> bool:
    """Whether the lines are entries of the story's own list: a label of theirs comes back
    among them or was used above them (身家：…, 缩水：… under each entry of a ranking)."""
    labels = _labels(run)
    return len(set(labels)) < len(labels) or bool(set(labels) & set(_labels(before)))


def without_trailing_list(body: list[str], dropped: Sequence[str] = ()) -> list[str]:
    """The story without the lines after its last sentence when they are three or more: other
    headlines, buttons, a related list's label; not the story's own last entries, nor lines
    with nothing of furniture about them (a table, key figures, a letter's signature, a
    subheading and a table's cells where a saved page was cut off mid-story). A notice's signature stays, down to the date it
    was signed (联系人…, 附件…, 青澜市工业和信息化局, 2024年8月14日); what follows that date goes.
    dropped: the noise lines that cleaning took from among those after the last sentence (转发 86
    / 评论 214 / 赞 1032): furniture of the same run, counted with it."""
    last = max((i for i, line in enumerate(body) if closes_sentence(line)), default=-1)
    run = body[last + 1 :]
    if (
        last < 0
        or len(run) + len(dropped) < MIN_LIST
        or _entries(run, body[: last + 1])
        or enumerated(run)
        or not any(_FURNITURE.search(line) for line in [*run, *dropped])
    ):
        return body
    signed = [i for i, line in enumerate(run) if _SIGNED_DATE.match(line)]
    return body[: last + 1 + (signed[-1] + 1 if signed else 0)]


# A table of contents over the text (目录 / 1 发展历程 / 2 技术特点 …): numbered short names that
# come back further down as the text's own headings.
_TOC_LABEL = re.compile(
    r"^(?:目录|目錄|本页目录|本頁目錄|本期目录|本期目錄|文章目录|文章目錄|Contents)$"
)
_TOC_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.、．]?\s*")
_TOC_ENTRY = re.compile(_TOC_NUMBER.pattern + r"(\S.{0,24})$")
TOC_MIN = 3


def without_table_of_contents(body: list[str]) -> list[str]:
    """The text without a table of contents whose entries come back below as its headings."""
    headings = [_TOC_NUMBER.sub("", line) for line in body]  # a heading may keep its number
    out: list[str] = []
    k = 0
    while k < len(body):
        n = k
        while n < len(body) and _TOC_ENTRY.match(body[n]) and "。" not in body[n]:
            n += 1
        names = headings[k:n]
        if n - k >= TOC_MIN and 3 * sum(
            any(h.startswith(name) for h in headings[n:]) for name in names
        ) >= 2 * len(names):
            if out and _TOC_LABEL.match(out[-1]):
                out.pop()
            k = n
            continue
        out.append(body[k])
        k += 1
    return out


# A sidebar's list that a scraper saved in the middle of the story: its label, then its items
# numbered 1, 2, 3 … each before a headline (阅读排行 / 1 黄仁勋春节前再访上海…).
_SIDEBAR_LABEL = re.compile(
    r"^(?:(?:阅读|閱讀|点击|點擊|热门|熱門|人气|人氣|新闻|新聞|文章)?(?:排行|排行榜)|"
    r"(?:热门|熱門|热点|熱點|最新|最热|最熱)(?:文章|新闻|新聞|资讯|資訊)|Most (?:Read|Popular))$"
)
# (a headline each: a ranking inside a story, 1 抖音 / 2 微信, has short names)
_SIDEBAR_ITEM = re.compile(r"^(\d{1,2})[\s\u3000]+\S.{6,}")
MIN_SIDEBAR_ITEMS = 3


def without_sidebar_lists(body: list[str]) -> list[str]:
    """The story without a sidebar's numbered list of headlines under its label."""
    out: list[str] = []
    k = 0
    while k < len(body):
        if _SIDEBAR_LABEL.match(body[k]):
            n = k + 1
            while (
                n < len(body) and (m := _SIDEBAR_ITEM.match(body[n])) and int(m.group(1)) == n - k
            ):
                n += 1
            if n - k - 1 >= MIN_SIDEBAR_ITEMS:
                k = n
                continue
        out.append(body[k])
        k += 1
    return out
