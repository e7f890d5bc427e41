"""What stands around a page's body and belongs to it: the headline the page shows, meta rows
under it, a poster's signature, the author's byline and photo credits, the date in the text or
at a post's foot.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lxml import html as lxml_html

from pipeline.extract import authors as A
from pipeline.extract import credits as C
from pipeline.extract import dates as D
from pipeline.extract import htmlblocks as HB
from pipeline.extract import htmltree as HT
from pipeline.extract import patterns as P
from pipeline.extract import titles as T
from pipeline.extract.blocktext import block_text
from pipeline.extract.fields import clean_text
from pipeline.extract.xpath import xpath

_BLANK_LINES = re.compile(r"\s*\n\s*")


def _page_text(root: lxml_html.HtmlElement) -> str:
    """The text of <body> as it stands, scripts included: unlike visible_text, it changes
    nothing, so JSON-LD can still be read after it."""
    body = root.find("body")
    return (body if body is not None else root).text_content()


def header_text(full: str, container: lxml_html.HtmlElement | None, paragraphs: list[str]) -> str:
    """Page text just before the body (bylines and dates sit there; comments come after)."""
    if container is None:
        return full[:2000]
    body = block_text(container).strip()[:40]
    pos = full.find(body) if body else -1
    if pos < 0 and paragraphs:
        # The block reads otherwise once a meta line inside it has gone (its <h1>, then the
        # story): up to the body's first line, where the first 1500 characters would take a
        # short page's comments for its header. The whole line, since a teaser or a crumb
        # above the story may repeat its opening words.
        pos = full.find(paragraphs[0])
    return full[max(0, pos - 1500) : pos] if pos > 0 else full[:1500]


def lead_text(full: str, paragraphs: list[str], reach: int = 300) -> str:
    """Page text just before the body's first line. The block the body came from may start far
    above it (a section heading, a menu) or below the byline; the lines right above the first
    sentence are where a byline sits either way (作者：/安东尼/7 分钟)."""
    if not paragraphs:
        return ""
    pos = full.find(paragraphs[0][:20])
    if pos <= 0:
        return ""
    # Layout indentation is most of the raw text between blocks: measure the reach without it.
    return _BLANK_LINES.sub("\n", full[max(0, pos - 8 * reach) : pos])[-reach:]


def markup_headline(
    root: lxml_html.HtmlElement, masthead: str | None
) -> tuple[str | None, str | None]:
    """The headline the markup gives, and the same when the page shows it (None when no
    element shows it: the body's first lines are then searched for it). A site template's
    title element first, else <title> without its site suffix, as an <h1> or its likes shows
    it. The masthead's name (a logo, the copyright line) is never the headline, even where the
    <title> starts with it (站名 :: 查看主题 - 标题) and an <h1> shows it."""
    title = T.template_title(root)
    if title is not None:
        return title, title
    title = T.html_title(root, masthead)
    shown = T.displayed_headline(root, title, site=masthead)
    whole = T.page_title(root) or ""
    if (
        shown is None
        and title
        and title in whole
        and not whole.startswith(title)
        and title in _page_text(root)
    ):
        # 站名 :: 查看主题 - 标题, the headline shown only in a link (phpBB's topic title)
        shown = title
    return shown or title, shown


@dataclass(frozen=True)
class AroundBody:
    """The page text around the body, where bylines, credits and signatures stand: the whole
    visible text, the header above the block, the lines right above the body's first sentence,
    the text after it, the byline taken out of the body, its first lines before menus were
    cut, and the credit lines that cleaning took out at its start and end."""

    full: str
    header: str
    lead: str
    footer: str
    byline: str
    top: list[str]
    early: str
    late: str
    meta_rows: str


# A meta row of inline fields (<div class="meta"><span>星河财经</span><span>文 | 沈砚</span>
# <span>阅读 5.6万</span></div>): its text as shown runs them together (星河财经文 | 沈砚阅读), so a
# credit label in it is read with the fields apart.
_META_ROW = xpath(
    "//*[contains(@class, 'meta') or contains(@class, 'info') or contains(@class, 'byline')]"
)
_INLINE = frozenset(("span", "a", "em", "i", "b", "strong", "time", "font", "small"))
_META_ROWS_MAX = 8


def meta_rows(root: lxml_html.HtmlElement) -> str:
    """The fields of the page's meta rows, a space between fields, a row a line."""
    rows = []
    for el in _META_ROW(root):
        fields = [c for c in el if isinstance(c.tag, str)]
        if len(fields) >= 2 and all(c.tag in _INLINE for c in fields):
            rows.append(" ".join(clean_text(c.text_content()) or "" for c in fields))
            if len(rows) >= _META_ROWS_MAX:
                break
    return "\n".join(rows)


_SIGNATURE_MAX_LINES = 5
_SIGNATURE_MAX_CHARS = 200


_POSTER_PREFIX_MAX = 20


def poster_prefix(container: lxml_html.HtmlElement, paragraphs: list[str]) -> str | None:
    """The poster's name that a microblog post opens with (<a>梁漫</a>：早上…): a link as the
    block's first thing, then a colon."""
    first = next(iter(container), None)
    if first is None or first.tag != "a" or (container.text or "").strip() or not paragraphs:
        return None
    name = clean_text(first.text_content())
    if not name or len(name) > _POSTER_PREFIX_MAX:
        return None
    return name if paragraphs[0].startswith((name + "：", name + ":")) else None


def without_signature(paragraphs: list[str]) -> list[str]:
    """A mail's or a telnet board's text without the signature under its "-- " line (a name, a
    motto, a group). Only in a page's markup: in a text dump "--" under a line is a Markdown
    heading's underline."""
    for i in range(len(paragraphs) - 1, 0, -1):
        if paragraphs[i].strip() == "--":
            tail = paragraphs[i + 1 :]
            if len(tail) <= _SIGNATURE_MAX_LINES and sum(map(len, tail)) <= _SIGNATURE_MAX_CHARS:
                return paragraphs[:i]
            break
    return paragraphs


def page_author(
    around: AroundBody,
    paragraphs: list[str],
    title: str | None,
    site: str | None,
    structured: str | None,
) -> str | None:
    """The author the page's text names, when its markup names none; the page's structured
    data (JSON-LD, meta) comes last."""
    above = A.without_headline(around.header + "\n" + around.lead, title)
    # Who a post or a column belongs to (a member panel, a name under the headline, an author
    # card, a thread's poster, a blog's owner): below an editor, but above a photographer, whose
    # picture closing a post is a friend's.
    owners = (
        lambda: A.panel_author(around.header),
        lambda: A.name_line_author(around.top),
        lambda: A.name_under_title(around.lead, title),
        lambda: A.card_author(around.header, title),
        # (a card inside the story's block, under its headline: 雪球's name / 发布于 …)
        lambda: A.card_author(around.lead, title),
        lambda: A.thread_poster(above),
        lambda: A.column_author(above + "\n" + around.footer),
    )
    late_owners = (
        lambda: A.source_name_author(around.footer),
        lambda: A.profile_author(around.full),
        lambda: A.blog_owner(_BLANK_LINES.sub("\n", around.full)[:400]),
    )
    owner = functools.cache(lambda: C.first_plausible(site, *owners, *late_owners))
    byline = around.byline
    return C.first_plausible(
        site,
        lambda: C.text_author(above, byline, paragraphs, around.footer, around.early, around.late),
        lambda: A.label_author(A.without_headline(around.meta_rows, title), editors=False),
        lambda: A.lead_credit_author(around.lead),
        lambda: A.signed_issuer(paragraphs) if P.NOTICE_TITLE.search(title or "") else None,
        lambda: None if owner() else _photo_author(above, byline, paragraphs),
        lambda: C.editor_author(above, byline, paragraphs, around.footer),
        owner,
        lambda: structured,
    )


# Where a page without date metadata writes its date, surest first: a labelled date in the
# header above the block, the date there nearest the body (further up sits the page's clock:
# 2012年1月13日 星期五, 今日：2014年3月20日), the byline line taken out of the body, then the
# lines right above the body's first sentence. Below the body only a post's own stamp, right
# under it (post_footer_date): comments and related lists sit there, with their own dates.
TEXT_DATE_RULES: tuple[tuple[str, str, Callable[[str | None], date | None]], ...] = (
    ("header-labelled", "header", D.labelled_date),
    ("header", "header", D.header_date),
    ("byline", "byline", D.parse_date),
    ("lead-labelled", "lead", D.labelled_date),
    ("lead", "lead", D.parse_date),
)


def text_date(header: str, byline: str, lead: str) -> date | None:
    """The publish date written in the text around the body's start (TEXT_DATE_RULES)."""
    if D.month_dated(lead):
        return None
    texts = {"header": header, "byline": byline, "lead": lead}
    for _name, where, rule in TEXT_DATE_RULES:
        if d := rule(texts[where]):
            return d
    return None


def time_attribute_date(
    root: lxml_html.HtmlElement, body: lxml_html.HtmlElement | None
) -> date | None:
    """The datetime attribute of the <time> element nearest above the body (<time
    datetime="2025-02-03T14:22:00+08:00">3小时前</time>): the stamp behind a relative or
    yearless time the page shows, where its text dates nothing. Read on the tree with comments
    and related lists taken out, never in what is left of them (A.in_aside), and only above the
    body: below it, time elements date comments."""
    total = len(root.text_content())
    above: list[lxml_html.HtmlElement] = []
    for el in root.iter():
        if el is body:
            break
        if el.tag == "time" and el.get("datetime") and not A.in_aside(el, total):
            above.append(el)
    for el in reversed(above):
        if d := D.machine_date(el.get("datetime")):
            return d
    return None


_STAMP_LINE_MAX = 40


def post_footer_date(footer: str, reach: int = 4) -> date | None:
    """The date a blog or a forum prints under the post it dates (posted by 茉莉 @ 2005-5-7,
    发表于：2005-5-6 after a signature): a labelled date in the first lines after the body,
    before anything that opens the comments. The last resort: comments follow at once. A blog's
    links to the posts before and after it (« 上一篇：… » 下一篇：…) are passed over, neither a
    stamp nor the comments' start: the post's stamp may stand under them (posted @ …)."""
    lines = [
        ln.strip() for ln in footer.split("\n") if ln.strip() and not P.PREV_NEXT_LINE.match(ln)
    ][:reach]
    if lines and len(lines[0]) <= _STAMP_LINE_MAX and (d := D.parse_date(lines[0])):
        rest = P.STAMP_REST.sub("", lines[0])
        if not rest.strip():
            return d  # a post's bare time right under it (2011-4-9 20:17 回复 举报)
    for line in lines:
        # 发表于：…, or a byline that carries the date (作者: lightboy2005 2005-8-4 21:03)
        label = P.POST_STAMP.search(line) or P.AUTHOR_LABEL.match(line)
        opened = P.COMMENTS_START.search(line)
        if opened and (label is None or opened.start() < label.start()):
            return None
        if label and (d := D.parse_date(line[label.end() : label.end() + 40])):
            return d
    return None


_META_LINE = re.compile(
    r"来源|來源|作者|记者|記者|编辑|編輯|发布|發佈|时间|時間|日期|点击|點擊|字号|字體|字体"
    r"|人气[:：]|人氣[:：]|分类[:：]|分類[:：]|阅读[:：(（]|閱讀[:：(（]|浏览[:：]|瀏覽[:：]"
    # a board's counters (共有主题数 12806 个，贴子数 203541 篇, 浏览次数：1132次)
    r"|主题数|主題數|贴子数|貼子數|帖子数|帖子數|浏览次数|瀏覽次數"
)


def headline_above(
    lines: list[tuple[str, float]], first: str, title_pieces: set[str], reach: int = 6
) -> str | None:
    """When no element shows a piece of <title> (a <title> that is only the site's name), the
    headline is the nearest short unlinked line above the body's first line, past its byline.
    Under six characters a line is a name or a label, unless <title> holds it as a piece of its
    own (一苇斋 -- 随笔 -- 钓鱼记 over a 钓鱼记 line)."""
    starts = [i for i, (text, _) in enumerate(lines) if text == first]
    if not starts:
        return None
    piece = None  # a short <title> piece: the headline unless a longer one stands above it
    for text, linked in reversed(lines[max(0, starts[0] - reach) : starts[0]]):
        if linked >= 0.5:
            if piece:
                return piece  # the menu above the headline
            continue
        if D.date_line(text) or _META_LINE.search(text):
            continue
        if text.endswith(("：", ":")):
            continue  # a notice's salutation (各学院、各位同学：) or a label, not a headline
        if len(text) < 6:  # a name or a label (吴海平, 散文), or a short headline
            if piece is None and len(text) >= 2 and text in title_pieces:
                piece = text
            continue
        if len(text) <= 60 and not HT.SENTENCE_END.search(text[-1]) and HB.HAS_CJK.search(text):
            return text
        return piece
    return piece


def footer_text(full: str, paragraphs: list[str], reach: int = 300) -> str:
    """Page text just after the body: 来源：… 编辑：… lines that line cleaning took out."""
    if not paragraphs:
        return ""
    last = paragraphs[-1][-30:]
    pos = full.rfind(last)
    if pos < 0:
        return ""
    # Layout indentation is most of the raw text between blocks: measure the reach without it.
    after = full[pos + len(last) : pos + len(last) + 8 * reach]
    return _BLANK_LINES.sub("\n", after)[:reach]


def _photo_author(above: str, byline: str, paragraphs: list[str]) -> str | None:
    """The photographer of a photo story that credits no writer: on its meta line (发布时间：…
    摄影：邱澜) or closing its text (…前来拍照留念。（记者 郑毅 摄）): the pictures are the story, so
    their maker is its author, before an editor. Not a caption's, a menu's or a side column's
    credit (修缮中的古民居 摄影：王力; 摄影：风光 人像): a meta line also holds a date or a source."""
    meta = [ln for ln in above[-300:].split("\n") if D.parse_date(ln) or _SOURCE_WORD.search(ln)]
    last = paragraphs[-1] if paragraphs else ""
    for text, closing in (("\n".join(meta), False), (byline, False), (last, True)):
        if text and (name := A.photo_credit(text, closing)):
            return name
    return None


_SOURCE_WORD = re.compile(r"来源|來源|发布|發佈|發布|编辑|編輯")


def split_byline(paragraphs: list[str]) -> tuple[list[str], str]:
    """A short dated line among the first lines of the body ('2005-04-05 06:40 来源：…') is the
    byline, not article text: it leaves the body and is read for the date and the author."""
    for i, line in enumerate(paragraphs[:6]):
        if len(line) <= 60 and not re.search(r"[。，,！？]", line) and D.parse_date(line):
            return paragraphs[:i] + paragraphs[i + 1 :], line
    return paragraphs, ""
