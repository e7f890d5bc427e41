"""Who wrote a plain-text dump: the shapes a byline takes with no markup around it (a writer's
card under the headline, a forum poster's stamp, a column's name bar, a podcast's hosts, a
profile card over a post). Each reader returns a name or None; extract_text decides which to
trust.
"""

from __future__ import annotations

import itertools
import re

from pipeline.extract import authors as A
from pipeline.extract import dumplines as L
from pipeline.extract import patterns as P
from pipeline.extract.cleaning import Boilerplate, is_prose

_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")

FOLLOW = frozenset(
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

# A post's reading time between its writer's card and its date (9 min read, 阅读约 5 分钟).
_READ_TIME = re.compile(r"^(?:\d+\s*min read|阅读约?\s*\d+\s*分钟|閱讀約?\s*\d+\s*分鐘|[·•])$")
CARD_REACH = 4


def _is_bio(line: str) -> bool:
    """A writer's one-line bio on a card: short, no sentence."""
    return len(line) <= L.SENTENCE_HEADLINE + 20 and not L.is_sentence(line)


def writer_card_under(lines: list[str], i: int) -> tuple[str, int] | None:
    """The writer's name and follow button under a headline (and its subtitle), then the date
    (标题 / 林间拾 / 关注 / 2025 年 02 月 20 日; Medium's name / Follow / 9 min read / · / date):
    (the writer, the date line's index)."""
    for j in range(i + 2, min(len(lines), i + 2 + CARD_REACH)):
        if lines[j].strip("\u200b ") not in FOLLOW:
            continue
        at = j - 1
        if (
            (len(lines[at]) > L.NAME_MAX or is_prose(lines[at]))
            and at - 1 > i
            and _is_bio(lines[at])
        ):
            at -= 1  # the name over a one-line bio (@handle · 軟體工程師…)
        name = lines[at]
        # right under the headline, or under its subtitle
        if not (2 <= len(name) <= L.NAME_MAX) or is_prose(name) or not 0 < at - i <= 2:
            return None
        k = j + 1
        while k < len(lines) and k <= j + CARD_REACH and _READ_TIME.match(lines[k]):
            k += 1
        return (name, k) if k < len(lines) and L.meta_shaped(lines[k]) else None
    return None


_TRAILING_NAME = re.compile(r"[|｜]\s*([\u4e00-\u9fff]{2,4})\s*$")


# A podcast episode's or a live blog's hosts over it (主持人：周立衡、葉書妤 | 來賓：…, 主持：晨潮财经
# 科技组　梁栩　沈一苇): a list of names and nothing said (an interview's 主持人：欢迎收看… is
# speech, not a credit).
_HOSTS = re.compile(r"^(?:主持人|主持|主播)\s*[:：]\s*([^|｜]+?)\s*(?:[|｜].*)?$")
_HOST_SPLIT = re.compile(r"\s*[、，,&\s\u3000]\s*")
_SPEECH = re.compile(r"[我你您请請谢謝欢歡吗嗎呢吧啊？?！!。]|大家|好的")


def _host_name(name: str) -> bool:
    return (
        2 <= len(name) <= L.NAME_MAX
        and not _NAME_MARKS.search(name)
        and not _SPEECH.search(name)
        and not A.dictionary_word(name)
    )


def hosts(lines: list[str]) -> str | None:
    """The first host, a person, an episode page names in its header."""
    for line in lines:
        if m := _HOSTS.match(line):
            names = [n for n in _HOST_SPLIT.split(m.group(1)) if n]
            if names and all(_host_name(n) for n in names):
                return next((n for n in names if not P.DESK.search(n)), None)
    return None


def bio_card(lines: list[str]) -> str | None:
    """A writer's card in the header: the name alone, then a line about them opening with it
    (周启衡 / 周启衡，衡泰财经特约专栏作家，…)."""
    for name, below in itertools.pairwise(lines):
        if (
            2 <= len(name) <= L.NAME_MAX
            and not _NAME_MARKS.search(name)
            and below.startswith((name + "，", name + ","))
        ):
            return name
        # on one line, over a follow button (葉子康｜前基金經理，專注科技股 / + 追蹤)
        card = L.bar_fields(name)
        if len(card) == 2 and _HAN_NAME.fullmatch(card[0]) and below.lstrip("+＋ ") in FOLLOW:
            return card[0]
    return None


def column_writer(lines: list[str], breadcrumb: str | None) -> str | None:
    """A column's name and its writer over the headline (科網棋局｜鄧卓賢), the column being
    the trail's (專欄 > 科網棋局)."""
    for line in lines:
        parts = L.bar_fields(line)
        if (
            len(parts) == 2
            and breadcrumb
            and parts[0] in breadcrumb
            and _HAN_NAME.fullmatch(parts[1])
            and A.signed_name(parts[1])
        ):
            return parts[1]
    return None


def name_after_bar(meta: str | None) -> str | None:
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

# A post's stamp names the client it was sent from (2025-1-28 21:05 来自 iPhone).
# Or, since 2022, where it was sent from (2026-01-09 12:40 · 湖北, IP属地：广东).
PROVINCES = (
    "北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東"
    "|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古"
    "|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|海外"
)
_CLIENT = re.compile(rf"(?:来自|來自)\s*\S|IP\s*(?:属地|屬地)|[·・]\s*(?:{PROVINCES})\s*$")


def sent_from(text: str) -> bool:
    """Whether a stamp's words say where the post was sent from (来自 iPhone客户端, IP属地：广东):
    no category, no name."""
    return bool(_CLIENT.search(text))


_NAME_MARKS = re.compile(r"[，。：:！？?!、,;；|｜/（）()“”\s]")


# An account card's counters and button (文章 1,286 / 总阅读 3,105万 / +关注).
_CARD_LINE = re.compile(
    r"^\+?\s*(?:关注|關注)$|^(?:文章|总阅读|總閱讀|粉丝|粉絲|获赞|獲讚|作品)\s*[\d.,]+\s*[万萬亿億]?$"
)
# The lines a microblog prints between a poster's name and the post's stamp: a follow button
# and its menu (+ 关注    ···), the platform's label of the account (知名科技博主 科技视频自媒体,
# 优质科技领域创作者　粉丝 8.6万).
_FOLLOW_ROW = re.compile(r"^\+?\s*(?:关注|關注)(?:\s+[·…．.]{1,3})?$")
_PROFILE = re.compile(r"博主|自媒体|自媒體|创作者|創作者|达人|達人|大V|领域|領域|从业|從業")

PROFILE_MAX = 40
CARD_LINES_MAX = 3
# A verified account's mark after its name (芯片老炮儿阿斌 ✔, 硅谷老钱说芯 V).
# (and the thread starter's badge beside it: 深蓝K线　楼主)
_VERIFIED = re.compile(r"(?:\s*[✔✓☑]|\s+[Vv]|[\s\u3000]+(?:楼主|樓主))$")


_BADGE_THEN_NAME = re.compile(r"^(?:楼主|樓主)[\s\u3000]+(?=\S{2,16}$)")
# The owner's page header over a microblog's posts names the page (老周的微博), not the poster.
_OWN_PAGE = re.compile(r"(?<=\S{2})的(?:微博|主页|主頁)$")


def _card_row(line: str) -> bool:
    if _BADGE_THEN_NAME.match(line):
        return False  # the starter's badge, then their name (楼主 kaiwen_cmu)
    return bool(
        L.BYLINE_START.search(line)
        or L.BADGE.search(line)
        or _CARD_LINE.match(line)
        or _FOLLOW_ROW.match(line)
        or P.MEMBER_COUNTERS.search(line)
        or (len(line) <= PROFILE_MAX and _PROFILE.search(line) and not L.is_sentence(line))
    )


def _past_card_rows(lines: list[str], stamp: int, step: int) -> int:
    """The first line from a stamp, going up (step -1) or down (+1), that is none of the card
    rows around it: over them the poster's name, under them the post's headline or text."""
    k = stamp + step
    while 1 <= k < len(lines) and abs(k - stamp) <= CARD_LINES_MAX and _card_row(lines[k]):
        k += step
    return k


def over_card(lines: list[str], meta_idx: int) -> int:
    """The index of the line over the card rows right above a stamp: the poster's name."""
    return _past_card_rows(lines, meta_idx, -1)


def person(name: str) -> bool:
    """A bare two- or three-character word that is a person's name: a common surname opening
    a word no dictionary holds (authors.signed_name)."""
    return bool(_HAN_NAME.fullmatch(name)) and A.signed_name(name)


def columnist_over(lines: list[str], title_idx: int) -> str | None:
    """A column's writer named alone over the headline (晶片風雲 / 岑子衡 / 标题 / 12/02/2025):
    a person's name, by its surname and no dictionary word."""
    if title_idx < 1:
        return None
    k = title_idx - 1
    if k >= 1 and L.bare_date(lines[k]):
        k -= 1  # 算力觀潮 / 林子謙 / 19/01/2026 / 标题
    name = lines[k]
    return name if person(name) else None


def writer_under(lines: list[str], title_idx: int, start: int) -> str | None:
    """A writer named alone on the line under the headline, above the story (标题 / 刘政帆 /
    正文): a news app's or a reprint's byline, told from a channel's name by the surname and by
    being no dictionary word (signed_name), as _columnist_over tells it above the headline."""
    k = title_idx + 1
    if title_idx < 0 or k >= min(start, len(lines)):
        return None
    name = lines[k]
    return name if person(name) else None


def account_name(
    lines: list[str], start: int, title: str | None, boilerplate: Boilerplate
) -> str | None:
    """The account a platform's article belongs to: a short name in the header on its account
    card (over its counters or its follow button) or right under the date, that the page names
    again (搜禾号 / 芯片猎手老K / 文章 1,286 / +关注 … 2024-11-21 16:02 / 芯片猎手老K)."""
    for k in range(1, min(start, len(lines))):
        name = lines[k]
        if not (2 <= len(name) <= L.NAME_MAX) or name == title or _NAME_MARKS.search(name):
            continue
        if is_prose(name) or A.is_ui_word(name) or boilerplate.is_noise(name):
            continue
        card = any(_CARD_LINE.match(n) for n in lines[k + 1 : k + 3])
        dated = k >= 1 and L.meta_shaped(lines[k - 1])
        again = sum(ln == name or (ln != name and name in ln and L.meta_shaped(ln)) for ln in lines)
        if (card or dated) and again >= 2:
            return name
    return None


def poster(
    lines: list[str], meta_idx: int, title: str | None, boilerplate: Boilerplate
) -> str | None:
    """The poster's or the account's name on its own line right above a meta line that opens
    with the date (老周看盘 / 发表于 …, 科技观潮者 / 2025-02-03 10:21 · 广东), over a label line
    (认证：…) where a microblog prints one."""
    if meta_idx < 1 or not _DATE_FIRST.search(lines[meta_idx]):
        return None
    # (a reposted post names its poster as a mention: @芯观察室 V)
    name = _VERIFIED.sub("", lines[over_card(lines, meta_idx)]).lstrip("@＠")
    name = _BADGE_THEN_NAME.sub("", name)
    own_page = bool(_OWN_PAGE.search(name))  # 老周的微博: a name, even one the dictionary holds
    name = _OWN_PAGE.sub("", name)
    if len(row := L.bar_fields(name)) >= 3:
        name = row[0]  # the poster's card as one row (板橋打工仔 ｜ 硬體測試工程師 ｜ 在職中)
    plain = (
        2 <= len(name) <= 12
        and not A.is_ui_word(name)
        and (own_page or not A.dictionary_word(name))  # a section (电子 / 2025年07月14日)
        and not _NAME_MARKS.search(name)
        and not L.is_count(name)
        and not boilerplate.is_noise(name)
    )
    return name if plain and name != title else None


def first_floor(lines: list[str]) -> str | None:
    """The poster of a thread's first floor (#1 name date), among the header's lines."""
    return next((m.group(1) for ln in lines if (m := L.FIRST_FLOOR.match(ln))), None)


def post_header(
    lines: list[str], meta: str | None, meta_idx: int, boilerplate: Boilerplate
) -> str | None:
    """A post's header, where the meta line is a member's stamp (2025-1-28 21:05 来自 iPhone,
    发布于 … · 来自 Android) under their name: the post's headline (the line under the stamp,
    when it is one), "" for a post with none (a microblog), None for any other page."""
    if not meta or not _CLIENT.search(meta) or not poster(lines, meta_idx, None, boilerplate):
        return None
    k = _past_card_rows(lines, meta_idx, 1)  # a follow button under the stamp (+ 关注 ···)
    below = lines[k] if k < len(lines) else ""
    return below if L.title_candidate(below, boilerplate) and not L.is_paragraph(below) else ""
