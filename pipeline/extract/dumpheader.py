"""Where a plain-text dump's header ends and which of its short lines is the headline: the
breadcrumb, the meta line, notices and writer cards above the story, told apart by line shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract import authors as A
from pipeline.extract import dates as D
from pipeline.extract import dumplines as L
from pipeline.extract import dumpmeta as M
from pipeline.extract import dumpwriters as W
from pipeline.extract import patterns as P
from pipeline.extract.cleaning import Boilerplate, is_prose

HEADER_LINES = 15

# A menu printed one item a line (首页 / 要闻 / 财经 / …) does not use up the header's lines.
MENU_ITEM = 4
HEADER_SCAN = 40

ISSUE = re.compile(
    r"第\s*\d+\s*[期号號]|(?:Vol|No|Issue)\.?\s?\d+"
)  # a newsletter's issue number, no name

# Another article's date above the post (CSDN's 最新推荐文章于 2025-03-18 20:40:11 发布): no meta line.
# A stamp that is not the story's: a blog's "newest recommended" line, a thread's last reply
# (阅读 8,432 | 回复 57 | 最后回复：3小时前).
_OTHER_STAMP = re.compile(
    r"^(?:最新推荐文章|最新推薦文章)于|(?:最后|最後|最新)(?:回复|回覆)"
    # a member's registration under their name (注册时间 2022-8-19, 註冊日期：14/3/2018)
    r"|(?:注册|註冊)(?:时间|時間|日期|于|於)"
    # a 贴吧 floor's stamp, printed under its post (来自Android客户端  1楼  2026-01-12 10:23)
    r"|^来自\S{1,16}(?:客户端|客戶端)\s+\d{1,4}\s*[楼樓]\s"
    # and a reply's floor stamp (2楼  2026-01-12 10:31  回复(4)): never the story's
    r"|^(?:[2-9]|\d{2,4})\s*[楼樓][\s\u3000]+(?:19|20)\d{2}[-/.]\d"
)


def _header_span(lines: list[str]) -> int:
    """How many lines the header may take: HEADER_LINES of them, not counting one-word lines."""
    counted = 0
    for k, line in enumerate(lines[:HEADER_SCAN]):
        counted += len(line) > MENU_ITEM
        if counted >= HEADER_LINES:
            return k + 1
    return min(len(lines), HEADER_SCAN)


NOTICE_LINES = 2

# How many lines of the story a header line is compared with.
STORY_SAMPLE = 5
DEK_MAX = 160


def _header_under(lines: list[str], i: int, boilerplate: Boilerplate) -> int:
    """Where the header ends under a headline candidate at i: at a meta line right under it,
    or under a short name or a subtitle (the account between a headline and its date: 芯片老周说
    / 发布时间：2025-01-28 09:12; an English headline's dek), or at a byline right under it
    (文／鄧子朗) on a page that prints no date; -1 where none of these follows."""
    after = lines[i + 1 : i + 3]
    if not after or not L.title_candidate(lines[i], boilerplate, before_meta=True):
        return -1
    if (card := W.writer_card_under(lines, i)) is not None:
        return card[1]
    if L.meta_shaped(after[0]) and not _OTHER_STAMP.search(after[0]):
        return i + 1
    between = after[0]
    if len(between) <= L.NAME_MAX and A.label_author(between):
        return i + 1
    badged = lines[i + 2 : i + 4]
    if (
        len(badged) == 2
        and len(between) <= L.NAME_MAX
        and not is_prose(between)
        and L.BADGE.search(badged[0])
        and L.meta_shaped(badged[1])
    ):
        return i + 3  # a member's name and badge over their stamp
    name = len(between) <= L.NAME_MAX and not is_prose(between) and len(lines[i]) > len(between)
    dek = not L.is_sentence(between) and len(between) <= DEK_MAX  # a subtitle, English or not
    # a one-sentence summary over a bare date (…，亏损仍在扩大。 / 2025/06/12 19:40)
    summary = len(between) <= SUMMARY_MAX and len(after) == 2 and L.bare_date(after[1])
    dek = dek or summary
    return i + 2 if len(after) == 2 and (name or dek) and L.meta_shaped(after[1]) else -1


def headline_under_meta(
    lines: list[str], title: str | None, title_idx: int, meta_idx: int, boilerplate: Boilerplate
) -> bool:
    """A headline right under the meta line, over a byline or the page's buttons, where a short
    name (the publication's) stood over the meta line."""
    k = meta_idx + 1
    if not title or meta_idx < 0 or title_idx >= meta_idx or k + 1 >= len(lines):
        return False
    if M.bilingual_masthead(title) and any(
        len(lines[j]) > L.NAME_MAX and L.title_candidate(lines[j], boilerplate)
        for j in range(title_idx + 2, meta_idx)
    ):
        return False  # a masthead far over the date: the headline stands between them
    line, under = lines[k], lines[k + 1]
    return (
        (len(title) <= L.NAME_MAX or bool(M.bilingual_masthead(title)))
        and len(line) > len(M.bilingual_masthead(title) or title)
        and len(line) <= L.SENTENCE_HEADLINE
        and not L.is_sentence(line)
        and L.title_candidate(line, boilerplate)
        and (
            boilerplate.is_noise(under)
            or (len(under) <= L.NAME_MAX + 4 and bool(A.label_author(under)))
            or bool(ISSUE.search(lines[meta_idx]))  # an issue's line over it (Vol.96 · date)
        )
    )


def headline_under_credit(
    lines: list[str], title: str | None, title_idx: int, meta_idx: int, boilerplate: Boilerplate
) -> int:
    """Where a WeChat article's headline stands under its date and credit line, the account's
    name having been taken for the headline: a dump that opens on the account's card (半导体深一度
    / 2025-08-30 21:06 发表于浙江 / 原创 老K 半导体深一度 / 标题 / the text). The credit names the
    line taken as the account; the headline is the line after the credit and the date, which
    reads as prose by its commas and would open the body. Its index, else -1."""
    if not title or meta_idx < 0 or title_idx >= meta_idx:
        return -1
    for c in (meta_idx + 1, meta_idx - 1):  # the credit under the date, or over it
        credit = M.wechat_credit(lines[c]) if title_idx < c < len(lines) else None
        k = max(c, meta_idx) + 1
        if (
            credit
            and credit[1] == title
            and k < len(lines)
            and L.title_candidate(lines[k], boilerplate)
            and not L.is_paragraph(lines[k])
        ):
            return k
    return -1


def _card_over_post(lines: list[str], i: int) -> str | None:
    """The poster's name on the card right over a post that opens with a paragraph: the name,
    perhaps a one-line bio, then the follow button."""
    if not 2 <= i < len(lines) or lines[i - 1].strip("\u200b+ ") not in W.FOLLOW:
        return None
    if not L.is_paragraph(lines[i]):
        return None
    for k in (i - 2, i - 3):
        name = lines[k] if k >= 0 else ""
        plain = 2 <= len(name) <= L.NAME_MAX and not is_prose(name) and not A.is_ui_word(name)
        bio = lines[i - 2]  # between the name and the button, a one-line bio
        if plain and (k == i - 2 or (len(bio) <= L.SENTENCE_HEADLINE and not L.is_sentence(bio))):
            return name
    return None


def _under_follow_button(lines: list[str], i: int, boilerplate: Boilerplate) -> bool:
    return (
        i >= 2
        and lines[i - 1].strip("\u200b+ ") in W.FOLLOW
        and 2 <= len(lines[i - 2]) <= L.NAME_MAX
        and not is_prose(lines[i - 2])
        and not A.is_ui_word(lines[i - 2])
        and not L.is_sentence(line := lines[i])
        and len(line) <= L.SENTENCE_HEADLINE
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
        and len(lines[i - 1]) <= L.NAME_MAX
        and bool(A.label_author(lines[i - 1]))
        and not L.is_sentence(lines[i])
        and len(lines[i]) <= DEK_MAX
        and L.meta_shaped(lines[i + 1])
        and D.parse_date(lines[i + 1]) is not None
    )


def _over_the_story(
    lines: list[str], i: int, title: str, title_idx: int, boilerplate: Boilerplate
) -> bool:
    """A headline with a question mark or a comma right over the story's first paragraph, where
    only the site's name was taken (a short line the story never talks about) (TechWave數位潮 / menus / CUDA護城河還有多深？… / 談到…): a
    page that prints no date or byline."""
    return (
        len(title) <= L.NAME_MAX
        and i > title_idx + 1  # menus between: a column's name right above may be its title
        and M.is_furniture_for(title, "\n".join(lines[i + 1 : i + 1 + STORY_SAMPLE]))
        and len(lines[i]) > len(title)
        and i + 1 < len(lines)
        and L.is_paragraph(lines[i + 1])
        and L.title_candidate(lines[i], boilerplate)
        and not lines[i].endswith(("？", "?", "！", "!"))  # a question may open the story
    )


def _trail_leaf(trail: str) -> str:
    """The section a trail ends at (公司評價 › 某某公司 › 工作心得), which a page may print again
    as a label over the headline."""
    return re.split(r"\s*[>›»＞/]\s*", trail)[-1].strip()


def _of_the_trail(line: str, trail: str) -> bool:
    """A label made of the trail's sections (評測｜顯示卡 under 首頁 » 評測 » 顯示卡)."""
    words = [w for w in re.split(r"[\s\u3000]*[|｜·/][\s\u3000]*", line) if w]
    crumbs = set(re.split(r"\s*[>›»＞/]\s*", trail))
    return len(words) >= 2 and all(w in crumbs for w in words)


def headline_over_poster(lines: list[str], meta_idx: int, boilerplate: Boilerplate) -> int:
    """Where a community article prints its headline over the member's name (and badge) above
    the stamp (标题 / 长桥夜话 / 认证：… / 发布于01-28 21:47 · 来自…): that line's index, else -1.
    A microblog post has none: the line over the name is a menu's or the site's, and short."""
    k = W.over_card(lines, meta_idx)
    if k < 1:
        return -1
    h = k - 1
    # (past the thread's counters and buttons: 阅读 8,432 | 回复 57 | 最后回复：… / [只看楼主] [收藏])
    while h >= 1 and k - h <= THREAD_ROWS_MAX and _thread_row(lines[h]):
        h -= 1
    above = lines[h]
    long_enough = len(above) > L.NAME_MAX
    return h if long_enough and L.title_candidate(above, boilerplate, before_meta=True) else -1


THREAD_ROWS_MAX = 2
_BRACKET_BUTTONS = re.compile(r"^(?:\[[^\]]{1,6}\]\s*){2,}$")


def _thread_row(line: str) -> bool:
    return bool(
        _OTHER_STAMP.search(line) or L.STATS_LINE.match(line) or _BRACKET_BUTTONS.match(line)
    )


HEADER_TAIL = 6


def header_above(lines: list[str], k: int, boilerplate: Boilerplate) -> bool:
    """A header line that reads as prose by its length, with the text a few lines below it: a
    meta line that is no sentence (某某 已于 2025-03-12 修改  阅读量1.2k), a row of fields
    (分类专栏： …  文章标签： …), or a blog's 版权声明 and 本文链接 printed over the post (CSDN),
    which would otherwise end a text that has not begun."""
    line = lines[k]
    header_like = (
        boilerplate.is_dump_end(line)
        or boilerplate.is_noise(line)
        or (L.is_meta_line(line) and not L.is_sentence(line))
        or M.is_field_row(line)
    )
    return header_like and any(
        L.is_paragraph(n) and not boilerplate.is_dump_end(n) for n in lines[k + 1 : k + HEADER_TAIL]
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


def scan_header(lines: list[str], boilerplate: Boilerplate) -> _Header:
    """Reads the header line by line until the story begins: the body's first paragraph, a
    post under its poster's card, or a headline with what stands under it (a byline, a card)."""
    breadcrumb = title = meta = poster = clock = None
    headless = carded = False
    title_idx = meta_idx = -1
    header_end = -1
    for i, line in enumerate(lines[: _header_span(lines)]):
        if breadcrumb is None and (P.BREADCRUMB_LINE.search(line) or L.TRAIL.search(line)):
            # Site name, tagline and menu come before the trail; the title comes after it,
            # unless the trail is a video's category between its headline and its stamp
            # (【财报速评】… / 知识 > 财经商业 / 18.6万播放 · 2025-05-29 21:00:00).
            following = lines[i + 1] if i + 1 < len(lines) else ""
            above = lines[i - 1] if i >= 1 else ""
            breadcrumb = line
            if (
                len(above) > L.NAME_MAX
                and L.meta_shaped(following)
                and L.title_candidate(above, boilerplate, before_meta=True)
            ):
                title, title_idx = above, i - 1
            else:
                title, title_idx = None, -1
            continue
        if (
            title is not None
            and meta is None
            and L.meta_shaped(line)
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
            and len(line) <= L.MENU_ITEM_MAX * 2
        ):
            continue  # the trail's last section again, as a label over the headline (a trail
            # may end in the headline itself)
        if title is None:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            before_meta = L.meta_shaped(following)
            if L.title_candidate(line, boilerplate, before_meta):
                title, title_idx = line, i
                continue
            if (L.is_paragraph(line) or L.is_sentence(line)) and not boilerplate.is_noise(line):
                break  # the body has begun with no header: a short line after it is no title
        if is_prose(line) and title is not None and meta is None:
            if boilerplate.is_noise(line):
                continue  # a notice over the page (我们使用Cookie…), not the story's start
            if M.is_field_row(line) and not L.PROSE_MARK.search(line):
                continue  # a long menu between bars (首页 | 行情 | 数据 | …), no sentence
            if not L.title_candidate(line, boilerplate) and any(
                L.title_candidate(lines[k], boilerplate) and W.writer_card_under(lines, k)
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
                if not carded and W.writer_card_under(lines, i) is not None:
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
            if L.meta_shaped(lines[k]) and not _OTHER_STAMP.search(lines[k]):
                if all(len(ln) < 80 or L.latin_headline(ln) for ln in lines[title_idx + 1 : k]):
                    meta, meta_idx = lines[k], k
                break
    return _Header(
        breadcrumb, title, title_idx, meta, meta_idx, poster, header_end, headless, carded
    )
