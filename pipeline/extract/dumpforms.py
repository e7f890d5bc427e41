"""The forms a plain-text dump comes in besides a page's visible text, and how each is read:
markdown (a browser's "save as markdown", a reader service's dump), YAML front matter, a mail
saved as text, a document saved from PDF, a web archive's capture. Each gives the page's lines
as the page showed them, and some give metadata the text can only suggest."""

from __future__ import annotations

import email.utils
import itertools
import re
from datetime import date

from pipeline.extract import authors as A
from pipeline.extract import dates as D
from pipeline.extract import patterns as P
from pipeline.extract.cleaning import Boilerplate

# How far down a markdown dump's header its writer's profile link can stand.
PROFILE_REACH = 15
# How far down a markdown dump's first lines its logo's link can stand.
HOME_REACH = 3
HOME_NAME_MAX = 12
_SENTENCE_END = re.compile(r"[。！？!?]$")


_READER_HEADER = re.compile(r"^(Title|URL Source|Published Time|Markdown Content):\s*(.*)$")
_PARENS = r"\((?:[^()]|\([^()]*\))*\)"  # (url), with one level of nested parentheses
_MD_IMAGE = re.compile(r"\[?!\[[^\]]*\]" + _PARENS + r"(?:\]" + _PARENS + r")?")
_MD_CALLOUT = re.compile(r"^>\s*\[![A-Za-z]+\]")
_WIKI_EMBED = re.compile(r"!\[\[[^\]]+\]\]")  # a notes app's embedded file: ![[chart.png]]
_WIKI_LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]*))?\]\]")
_MD_LINK = re.compile(r"\[([^\]]*)\]" + _PARENS)
_MD_LEFTOVER = re.compile(r"^[\[\]|\s]*$")
_MD_CAPTION_MAX = 30
_MD_RULE = re.compile(r"^(?:=+|-{3,}|\*{3,}|_{3,})$")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_QUOTE = re.compile(r"^(?:>\s*)+")
_MD_ITALIC_LINE = re.compile(r"^_(.+)_$|^\*([^*].*)\*$")


def from_markdown(
    lines: list[str], boilerplate: Boilerplate
) -> tuple[list[str], str | None, str | None, str | None]:
    """Markdown page dumps (r.jina.ai-style "Title: / URL Source: / Markdown Content:" or plain
    markdown): (lines as plain text, title, url, the first level-one heading). Images, link-only lines and rules go; emphasis
    and heading marks are taken off so the text reads as the page did."""
    title = url = h1 = None
    if any(ln.startswith("Markdown Content:") for ln in lines[:8]):
        header, _, rest = [], None, []
        seen_content = False
        for ln in lines:
            if seen_content:
                rest.append(ln)
                continue
            m = _READER_HEADER.match(ln)
            if m and m.group(1) == "Title":
                title = m.group(2).strip() or None
            elif m and m.group(1) == "URL Source":
                url = m.group(2).strip() or None
            elif m and m.group(1) == "Markdown Content":
                seen_content = True
            header.append(ln)
        lines = ([title] if title else []) + rest
    # a setext heading: the line over a row of = (标题 / ======)
    setext = next(
        (
            a
            for a, b in itertools.pairwise(lines)
            if a.strip() and len(b.strip()) >= 3 and set(b.strip()) == {"="}
        ),
        None,
    )
    out = []
    after_image = False
    for ln in lines:
        if h1 is None and setext is not None and ln == setext:
            h1 = _MD_LINK.sub(r"\1", _MD_EMPHASIS.sub("", ln)).strip(" |\t")
        had_image = bool(_MD_IMAGE.search(ln) or _WIKI_EMBED.search(ln))
        ln = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", _WIKI_EMBED.sub("", ln))).strip(" |\t")
        # a notes app's [[linked note]] reads as its name, [[note|shown]] as the name it shows
        ln = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), ln)
        if not ln or _MD_LEFTOVER.match(ln) or _MD_RULE.match(ln):
            after_image = had_image or (after_image and not ln)
            continue
        # A short unpunctuated line under an image, or a short block quote, is a caption.
        caption = len(ln) <= _MD_CAPTION_MAX and not re.search(r"[。！？!?]$", ln)
        if (
            (after_image or had_image or ln.startswith(">"))
            and caption
            and not boilerplate.is_end(ln)
        ):
            after_image = False
            continue
        after_image = False
        if _MD_CALLOUT.match(ln):
            continue  # a notes app's callout (> [!note] 数据待核对…): the writer's aside
        ln = _MD_QUOTE.sub("", ln)  # a block quote reads as its text
        if h1 is None and ln.startswith("# "):
            h1 = _MD_EMPHASIS.sub("", ln[2:]).strip(" |\t")
        ln = _MD_HEADING.sub("", _MD_EMPHASIS.sub("", ln)).strip(" |\t")
        if m := _MD_ITALIC_LINE.match(ln):
            ln = m.group(1) or m.group(2)
        out.append(ln.strip())
    return [ln for ln in out if ln], title, url, h1


_MD_NAME_LINK = re.compile(r"(?<!!)\[([^\[\]!]{2,30})\]\(([^()\s]+)\)")
_MD_AVATAR = re.compile(r"\[!\[([^\]]*)\]\([^()\s]*\)\]\(([^()\s]+)\)")
_PROFILE_PATH = re.compile(
    r"/@[\w.\-]+/?$|/(?:people|user|users|u|author|authors|member|members|profile)/[\w.\-]+/?$",
    re.I,
)


def markdown_writer(lines: list[str]) -> str | None:
    """The writer a markdown dump names in its header by a link to their profile: the name
    beside the avatar that links to the same page, or a link to a profile address (Medium's
    /@handle, a newsletter's /people/…). The link text is all that survives conversion to plain
    lines, where a bare name is no byline."""
    head = lines[:PROFILE_REACH]
    avatars = {m.group(2): m.group(1) for ln in head for m in _MD_AVATAR.finditer(ln)}
    for ln in head:
        for m in _MD_NAME_LINK.finditer(_MD_AVATAR.sub("", ln)):
            name, url = m.group(1).strip(), m.group(2)
            if _HOME_URL.match(url):
                continue  # the site's logo and name link home
            if (avatars.get(url) == name or _PROFILE_PATH.search(url)) and A.plausible_author(name):
                return name
    return None


_HOME_URL = re.compile(r"^https?://[^/\s]+/?$")


def markdown_home(lines: list[str]) -> str | None:
    """The site's name a markdown dump opens with: the text of a link to the site's root (the
    logo's link, [芯事慢谈](https://xinshi.example/)), not a menu word."""
    for ln in lines[:HOME_REACH]:
        for m in _MD_NAME_LINK.finditer(ln):
            name = m.group(1).strip()
            if (
                _HOME_URL.match(m.group(2))
                and not A.is_ui_word(name)
                and len(name) <= HOME_NAME_MAX
            ):
                return name
    return None


_MAIL_FIELD = re.compile(
    r"^(From|To|Cc|Subject|Date|Reply-To|Sent|发件人|發件人|收件人|主题|主題|日期|发送时间|發送時間)"
    r"\s*[:：]\s*(.*)$"
)
_MAIL_NAME = re.compile(r"^\s*\"?([^\"<]+?)\"?\s*<[^<>@\s]+@[^<>\s]+>")
_ISSUE_PREFIX = re.compile(r"^.{0,20}(?:#\s*\d+|第\s*\d+\s*期)\s*[|｜:：]\s*")


def mail_headers(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A mail saved as text (a newsletter): its header fields (From, Subject, Date…) above the
    message, and the lines after them. Subject is the headline (less an issue's number), Date
    the day it was sent, From's display name the newsletter."""
    fields: dict[str, str] = {}
    k = 0
    while k < len(lines) and (m := _MAIL_FIELD.match(lines[k])):
        fields[m.group(1).lower()] = m.group(2).strip()
        k += 1
    if not ({"from", "发件人", "發件人"} & fields.keys()) or len(fields) < MAIL_FIELDS_MIN:
        return {}, lines
    return fields, lines[k:]


def without_issue_number(subject: str) -> str:
    """A newsletter's subject less its issue's number (芯潮周报 #87｜标题 → 标题)."""
    return _ISSUE_PREFIX.sub("", subject)


def sender_name(mail: dict[str, str]) -> str | None:
    """From's display name (芯潮周报 <weekly@…>): the newsletter's."""
    m = _MAIL_NAME.match(mail.get("from") or mail.get("发件人") or mail.get("發件人") or "")
    return m.group(1).strip() if m else None


def mail_subject(mail: dict[str, str]) -> str:
    return mail.get("subject") or mail.get("主题") or mail.get("主題") or ""


_SPONSOR_START = re.compile(
    r"^[—–\-=]{2,}\s*(?:本期)?(?:赞助|贊助|广告|廣告|推广|推廣)\s*[—–\-=]{2,}$"
)
_SPONSOR_END = re.compile(r"(?:赞助|贊助|广告|廣告|推广|推廣)(?:结束|結束)")
_RULE = re.compile(r"^[—–\-=_~]{3,}$")  # or a rule under the ad closes the block
SPONSOR_LINES_MAX = 6


def without_sponsor_blocks(lines: list[str]) -> list[str]:
    """A newsletter's sponsor block (—— 本期赞助 —— / the ad / —— 赞助结束 —— or a rule) inside
    the text."""
    out, k = [], 0
    while k < len(lines):
        if _SPONSOR_START.match(lines[k]):
            close = next(
                (
                    j
                    for j in range(k + 1, min(len(lines), k + 2 + SPONSOR_LINES_MAX))
                    if _SPONSOR_END.search(lines[j]) or _RULE.match(lines[j])
                ),
                None,
            )
            if close is not None:
                k = close + 1
                continue
        out.append(lines[k])
        k += 1
    return out


def mail_date(value: str | None) -> date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date() if value else None
    except (TypeError, ValueError):
        return D.parse_date(value)


MAIL_FIELDS_MIN = 3
_PAGE_NUMBER = re.compile(
    r"^(?:第\s*)?\d{1,3}\s*(?:/|of|／)\s*\d{1,3}(?:\s*页)?$|^-\s*\d{1,3}\s*-$"
)
RUNNING_REPEATS = 3
RUNNING_LINE_MAX = 30


def without_running_lines(lines: list[str]) -> list[str]:
    """A document saved from PDF (its pages numbered 1 / 6, 2 / 6…): its running headers and
    footers (请务必阅读正文之后的免责条款部分, 行业点评 | 电子) recur between the paragraphs of
    every page. On such a page, the numbers and every short line that is no sentence and recurs
    three times or more are furniture."""
    if sum(bool(_PAGE_NUMBER.match(line)) for line in lines) < RUNNING_REPEATS - 1:
        return lines
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1

    def running(line: str) -> bool:
        short = len(line) <= RUNNING_LINE_MAX and not _SENTENCE_END.search(line)
        return bool(_PAGE_NUMBER.match(line)) or (counts[line] >= RUNNING_REPEATS and short)

    return [line for line in lines if not running(line)]


_ARCHIVED_URL = re.compile(r"/web/\d{14}/https?://")
TOOLBAR_REACH = 40


def without_archive_toolbar(lines: list[str]) -> list[str]:
    """A web archive's capture: its toolbar (the archive's name, the capture's address
    /web/20250415083012/https://…, the capture calendar) over the archived page, down to the
    toolbar's last line naming the capture. Its dates are the crawl's, not the story's."""
    last = max(
        (k for k, line in enumerate(lines[:TOOLBAR_REACH]) if _ARCHIVED_URL.search(line)),
        default=-1,
    )
    return lines[last + 1 :] if last >= 0 else lines


# A line that is only a crawl's label and its time (抓取时间：2025-06-01 12:00:03,
# crawled_at: 2025-06-01T12:00:03+08:00): the label, then nothing but the stamp's characters.
_CRAWL_RECORD = re.compile(r"^(?P<label>\D{1,16}?)(?P<stamp>\d[\d年月日号\-/.:：T +Z]*)$")


def without_crawl_records(lines: list[str]) -> list[str]:
    """The lines without the scraper's note of when it took the page, above the page's text or
    under it: not the page's, and read as the meta line under a headline it would hide the
    page's own meta line (its date, its source) below it."""
    return [line for line in lines if not _crawl_record(line)]


def _crawl_record(line: str) -> bool:
    m = _CRAWL_RECORD.match(line)
    return bool(m and P.CRAWL_LABEL.fullmatch(m["label"]) and D.parse_date(m["stamp"]) is not None)


_FRONT_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
FRONT_MATTER_MAX = 40


def front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A static site's or a notes app's YAML front matter (--- / title: … / date: … / ---):
    its scalar fields, lower-cased keys, values unquoted, and the lines after it. A page
    without one comes back whole."""
    if not lines or lines[0] != "---":
        return {}, lines
    close = next(
        (k for k in range(1, min(len(lines), FRONT_MATTER_MAX)) if lines[k] == "---"), None
    )
    if close is None:
        return {}, lines
    fields = {}
    for line in lines[1:close]:
        if m := _FRONT_FIELD.match(line):
            value = m.group(2).strip().strip("\"'")
            if value and not value.startswith("["):
                fields[m.group(1).lower()] = value
    return fields, lines[close + 1 :]


def is_markdown(lines: list[str]) -> bool:
    head = lines[:40]
    marks = sum(
        bool(
            _MD_IMAGE.search(ln) or _MD_RULE.match(ln) or ln.startswith("# ") or _MD_LINK.search(ln)
        )
        for ln in head
    )
    return any(ln.startswith("Markdown Content:") for ln in head[:8]) or marks >= 2
