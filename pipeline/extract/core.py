"""One decoded page → Article, whichever form it came in."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date

from pipeline.errors import PageRejected
from pipeline.extract.bbs import board_page_text
from pipeline.extract.cleaneval import unwrapped
from pipeline.extract.cleaning import Boilerplate
from pipeline.extract.dates import date_in_url, field_date, first_past
from pipeline.extract.fields import clean_text
from pipeline.extract.html import Extracted, extract_html
from pipeline.extract.htmltree import parse, visible_text
from pipeline.extract.relative_dates import relative_date
from pipeline.extract.ruby import annotated, strip_annotations
from pipeline.extract.textdump import extract_text
from pipeline.records import Article, RawPage, normalise_for_id, sha256_hex

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "duokong-extract/0.1"


# Tags of markup, as opposed to a "<" in prose (<30%, <<三体>>): a page saved without <html> or
# <body> (an AMP or reader-view fragment: <h1><span>…</span></h1><ol><li>…) is still HTML.
_MARKUP_TAG = re.compile(
    r"<(?:html|body|div|p|h[1-6]|ul|ol|li|table|tr|td|section|article|span|strong|br)\b[^<>]*>",
    re.IGNORECASE,
)
MIN_MARKUP_TAGS = 3
_DOCUMENT = re.compile(r"<(?:html|body|!doctype)", re.IGNORECASE)
# A dump cut off inside a tag ends in </ or <span: a "<" that starts a tag, with no space after.
PARTIAL_TAG_AT_END = re.compile(r"<(?:/|!|/?[A-Za-z][^<>\s]*)?$")
# Read as lines, a markup fragment must give this much more body than the HTML extractor did for
# the lines to be taken: a fragment's lines hold its little navigation too.
LINES_OVER_HTML = 1.5
# How many lines into a dump a scraper's title is looked for, as a whole line.
HEAD_LINES = 30
# A scraper's title shorter than this (科技, 首页) is a section name, not one to trust over the page.
MIN_SUPPLIED_TITLE = 6
TITLE_SHARE = 0.6


def _markup_tags(text: str) -> int:
    return len(_MARKUP_TAG.findall(text[:2000]))


def looks_html(text: str) -> bool:
    """Markup a browser would render as a page; a page of no declared kind is read as HTML
    when it is (piped in, a WARC response without a Content-Type)."""
    head = text[:2000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or "<body" in head
        or "<div" in head
        or "<p>" in head
        or _markup_tags(text) >= MIN_MARKUP_TAGS
    )


def _markup_fragment(raw: RawPage, text: str) -> bool:
    """A text dump that is a piece of a page's markup: it starts with a tag and has no <html>,
    <body> or doctype (a whole page saved as .txt is read as the page it is)."""
    return (
        raw.kind == "text"
        and text.lstrip().startswith("<")
        and not _DOCUMENT.search(text[:2000])
        and _markup_tags(text) >= MIN_MARKUP_TAGS
    )


def _shows(line: str, title: str) -> bool:
    """Whether a header line is the title, give or take a tag or a suffix around it ([加国新闻]
    标题, # 标题, 标题|站名): the title is in it and makes most of it."""
    return bool(title) and title in line and len(title) >= TITLE_SHARE * len(line)


def _chars(ex: Extracted) -> int:
    return len(normalise_for_id("\n".join(ex.paragraphs)))


def _fragment_as_lines(text: str, source: str, boilerplate: Boilerplate) -> Extracted:
    """A markup fragment's visible text (no scripts or styles), read as a text dump."""
    markup = PARTIAL_TAG_AT_END.sub("", text.rstrip())
    return extract_text(visible_text(parse(markup, source)), source, boilerplate)


# <meta http-equiv="refresh" content="0; url=https://…">: a page that only forwards.
META_REFRESH = re.compile(
    r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh[^>]+content\s*=\s*[\"']?\s*\d*\s*;?\s*url\s*=\s*"
    r"[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)
SCRIPTS_NOTICE = re.compile(
    r"<noscript\b[^>]*>(?:(?!</noscript).){0,600}?"
    r"(?:javascript|JavaScript|JAVASCRIPT|脚本|腳本|浏览器|瀏覽器|启用|啟用|开启|開啟)"
    r"(?:(?!</noscript).){0,600}?</noscript\s*>",
    re.DOTALL,
)
NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)
# A page of at most this much text whose headline or first lines say it is an error or a
# login wall (the boilerplate lexicon's error_page) is refused: sites serve their 404 and login
# pages at the article's address, and a scraper saves them as it saves the article.
ERROR_PAGE_CHARS = 400
# The least text a plain-text page (a dump, a record's text) may hold, below min_body_chars: a
# Weibo post or a forum reply of a sentence or two is the whole of its page, and the short
# posts have a stance model of their own. An HTML page keeps min_body_chars: with so little
# text left its layout was all there was.
POST_MIN_CHARS = 20


def extract_page(
    raw: RawPage, text: str, encoding: str, boilerplate: Boilerplate, min_body_chars: int
) -> Article:
    """Raises PageRejected when no usable body is left (too short, truncated, not a page)."""
    # Pinyin reading aids go from the text and the scraper's fields alike (extract/ruby.py).
    plain = strip_annotations if annotated(text) else str
    text, wrapper_title = unwrapped(plain(text))
    as_html = raw.kind == "html" or (raw.kind != "text" and looks_html(text))
    if raw.kind == "text" and looks_html(text) and text.lstrip().startswith("<"):
        as_html = True
    # A board's web page (PTT) is the post a dump of it holds: read as one.
    board = board_page_text(text, raw.source) if as_html else None
    if board is not None:
        ex = replace(extract_text(board, raw.source, boilerplate), method="board-page")
    elif as_html:
        ex = extract_html(text, raw.source, boilerplate, min_body_chars)
        if _chars(ex) < min_body_chars and NOSCRIPT_TAG.search(text):
            # A page its scripts build, saved before they ran: the story is in its <noscript>
            # fallback, which is dropped as a script's stand-in on other pages (input probe).
            # A notice asking for scripts (请启用JavaScript…) is no fallback: it goes whole.
            unwrapped_text = NOSCRIPT_TAG.sub("", SCRIPTS_NOTICE.sub("", text))
            fallback = extract_html(unwrapped_text, raw.source, boilerplate, min_body_chars)
            if _chars(fallback) >= min_body_chars:
                log.info("%s: the article read from its <noscript> fallback", raw.source)
                ex = fallback
        if _markup_fragment(raw, text):
            # A dump of a page's markup, not a page. An article written as one list
            # (<ol><li><span>收入预测…) leaves the HTML extractor nothing, and a small table
            # before the text gives it only that table: then the lines are the article.
            lines = _fragment_as_lines(text, raw.source, boilerplate)
            if _chars(lines) > LINES_OVER_HTML * _chars(ex):
                ex = lines
    else:
        ex = extract_text(text, raw.source, boilerplate)
    given = {k: plain(v) for k, v in ((k, clean_text(v)) for k, v in raw.supplied) if v}
    if wrapper_title and "title" not in given:
        # the CleanEval wrapper's title, as a scraper's field is: the page's own comes first
        given["title"] = plain(clean_text(wrapper_title) or "")
    title = ex.title or given.get("title")
    if not as_html and given.get("title"):
        shown = [normalise_for_id(ln) for ln in text.splitlines() if ln.strip()][:HEAD_LINES]
        wanted = normalise_for_id(given["title"])
        if any(_shows(line, wanted) for line in shown) and (
            ex.title is None or len(wanted) >= MIN_SUPPLIED_TITLE
        ):
            # A scraper's title that the dump shows as (most of) a line of its header is the
            # headline as shown: the rules may have taken a line above it (a notice, an ad, a
            # site name). The line stays in the body if the rules put it there: a post whose
            # scraper took its first sentence for the title must not lose that sentence.
            title = given["title"]
    body = "\n".join(ex.paragraphs)
    body_chars = len(normalise_for_id(body))
    if body_chars <= ERROR_PAGE_CHARS and (
        message := next(
            (ln for ln in [title or "", *ex.paragraphs[:3]] if boilerplate.is_error_message(ln)),
            None,
        )
    ):
        raise PageRejected(
            "extract",
            "error-page",
            f"{raw.source}: an error or login page, not an article ({message.strip()[:60]}); "
            "save the article itself (a page read before keeps its last good copy)",
        )
    truncated = as_html and "</html>" not in text[-2000:].lower()
    # A board's post is read as its dump is, at a post's length.
    by_markup = as_html and board is None
    least = min_body_chars if by_markup else min(min_body_chars, POST_MIN_CHARS)
    if body_chars < least:
        reason = "truncated-html" if truncated and body_chars else "no-body"
        raise PageRejected(
            "extract",
            reason,
            f"{raw.source}: only {body_chars} characters of article text found "
            + (f"(min_body_chars={min_body_chars})" if by_markup else f"(a text needs {least})")
            + ("; the HTML ends before </html>" if truncated else "")
            + (
                f"; the page forwards to {forward[1]} (a meta refresh): give that address"
                if as_html and (forward := META_REFRESH.search(text[:20000]))
                else ""
            ),
        )
    ahead: list[date] = [ex.dated_ahead] if ex.dated_ahead else []
    # What the page shows comes first: a scraper's field may hold the crawl time.
    published = first_past(
        lambda: ex.published,
        lambda: field_date(given.get("published")),
        # the day the address it was fetched from files it under (a scraper's record, a
        # WARC record, a URL list's page), when the page shows none
        lambda: date_in_url(raw.url),
        # a stamp relative to when it was fetched (3天前, 昨天 14:20) above the body
        lambda: relative_date(text, ex.paragraphs[0] if ex.paragraphs else "", raw.fetched_at),
        source=raw.source,
        ahead=ahead,
    )
    return Article(
        id=sha256_hex(normalise_for_id(body)),
        url=raw.url or ex.url,
        source=raw.source,
        site=ex.site or given.get("site"),
        title=title,
        author=ex.author or given.get("author"),
        published=published,
        category=ex.category or given.get("category"),
        body=body,
        note=ex.note,
        extractor=f"{EXTRACTOR_VERSION}:{ex.method}",
        raw_hash=raw.raw_hash,
        encoding=encoding,
        page_key=page_key(raw),
        fetched_at=raw.fetched_at,
        cut_off=truncated,
        dated_ahead=None if published else min(ahead, default=None),
    )


_ABSOLUTE_URL = re.compile(r"(?:https?:)?//[^/\s]+", re.I)


def page_key(raw: RawPage) -> str:
    """What a page is known by across runs: the URL it was fetched from, or where it was read.
    A record's URL only where it is absolute: keyed by /index.html, two sites' records were
    stored as one page, and the first one's article was lost."""
    if raw.url and _ABSOLUTE_URL.match(raw.url):
        return raw.url
    return raw.source
