"""RSS and Atom feeds: each item is a page of its own.

Scrapers save feeds as they save pages (a blog's /feed as .xml, or the feed document inside a
JSON record's "text"), and a WordPress feed carries each post's full HTML in content:encoded.
Read as one page, a feed is a tangle of XML around several articles; read item by item, each
post is a page with the title, date, author and link the feed gives it, like one record of a
WARC file. feedparser does the parsing: RSS 0.9x–2.0, RSS 1.0 and Atom, with their encodings,
CDATA and entity quirks.

An item's HTML is a fragment (a <div>, an <img> and some text, no <p> at all), and its headline
is in the feed, not in the fragment; each item is handed on as a small page of its own, the
headline as its <h1> and the fragment as its <article>, so the HTML extractor reads it as it
reads any page and takes the feed's headline over a subheading inside the item.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from pipeline.extract.dates import parse_date
from pipeline.records import RawPage, Reject, sha256_hex

# What may come before a feed's root element: a BOM, whitespace, the XML declaration, processing
# instructions, comments and a document type without an internal subset (RSS 0.91's Netscape
# DOCTYPE; a subset's entities are how billion-laughs and external-entity feeds attack a
# parser, and no feed needs one). The root must come next (an HTML page that mentions <rss> in
# a <pre> does not open with it).
_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s[^>\[]*>)*", re.DOTALL | re.IGNORECASE
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)
_SNIFF_BYTES = 4096
_MARKUP = re.compile(r"<[A-Za-z][^<>]*>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def looks_like_feed(data: bytes) -> bool:
    """Whether a page's bytes are a feed document: after the prolog, its first element is a
    feed's root (<rss>, <feed>, <rdf:RDF>)."""
    head = data[:_SNIFF_BYTES]
    start = _PROLOG.match(head)
    return bool(_FEED_ROOT.match(head, start.end() if start else 0))


def _when(entry: dict) -> str | None:
    """The item's date as the feed wrote it (published, else updated), as YYYY-MM-DD in the
    writer's own time zone: 07:30 on 1 January in Beijing is 1 January, not 31 December UTC."""
    for key in ("published", "updated"):
        day = parse_date(entry.get(key))
        if day is not None:
            return day.isoformat()
    return None


def _content(entry: dict) -> str:
    """The item's fullest text: content:encoded (or Atom content), else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    text = max(contents, key=len, default="")
    return text if text.strip() else entry.get("summary", "") or ""


def _as_page(title: str, content: str) -> str:
    """A small page of one item: the feed's headline above the item's HTML."""
    if not _MARKUP.search(content):
        # Plain text that may still hold entities (英伟达&amp;AMD, [&#8230;]): paragraphs by line.
        text = html.unescape(content)
        content = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line)
    head = f"<h1>{html.escape(title)}</h1>" if title else ""
    return (
        f"<html><head><title>{html.escape(title)}</title></head>"
        f"<body><article>{head}{content}</article></body></html>"
    )


def _link(base: str, link: str | None) -> str | None:
    """The item's web address, resolved against the channel's; None where it has none (urljoin
    would make the channel's front page of it, and every such item one page) or where it is no
    web address (javascript:void(0), urn:…)."""
    if not link or not link.strip():
        return None
    url = urljoin(base, link.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _item_names(entries: list) -> list[str]:
    """What each item is called within its feed: its guid (RSS <guid>, Atom <id>), else a digest
    of its title and date, else its place. A feed gains items at the top and drops its oldest:
    named by place, every item would take another's name at each update, and the one that
    rolled off would be read as edited into the next."""
    names = []
    for i, entry in enumerate(entries):
        guid = (entry.get("id") or "").strip()
        if guid:
            names.append(f"guid:{guid}")
        elif entry.get("title") or entry.get("published") or entry.get("updated"):
            key = "|".join(str(entry.get(k) or "") for k in ("title", "published", "updated"))
            names.append(f"item-{sha256_hex(key)[:12]}")
        else:
            names.append(f"item{i}")
    counts = Counter(names)
    return [n if counts[n] == 1 else f"item{i}" for i, n in enumerate(names)]


def _plain(text: str) -> str:
    """A title as text: an Atom title of type html keeps its markup (A0：<b>全文</b>)."""
    return html.unescape(_TAG.sub("", text)).strip()


def _author(entry: dict) -> str:
    """The item's author by name: RSS 2.0 writes an e-mail address with the name in brackets
    (wang@example.cn (王五)); an address alone names no one a reader knows."""
    detail = entry.get("author_detail") or {}
    name = (detail.get("name") or entry.get("author") or "").strip()
    return "" if "@" in name and " " not in name.strip() else name


def _teaser_as_of(entry: dict, fetched: datetime | None) -> datetime | None:
    """When an item that gives only a summary of its linked page holds that page as of: when it
    was posted. The summary is keyed by the page's link, as the page is; dated by the fetch, or
    undated, it would replace the full article fetched from that link (the loader keeps the
    newer copy), and the page fetched later still replaces it. An item with the post's full
    text (content:encoded, Atom content) is a copy like any other."""
    if any((c.get("value") or "").strip() for c in entry.get("content") or []):
        return fetched
    posted = entry.get("published_parsed") or entry.get("updated_parsed")
    if not posted:
        return fetched
    at = datetime(*posted[:6], tzinfo=UTC)
    return at if fetched is None or at < fetched else fetched


def feed_pages(page: RawPage) -> Iterator[RawPage | Reject]:
    """One page per item of the feed in page.data; a document that is no feed, or an item with
    no text, is a Reject on record (the other items still count)."""
    import feedparser

    if not looks_like_feed(page.data):
        yield Reject.now(
            page.source,
            "read",
            "not-a-feed",
            f"{page.source} is XML but not an RSS or Atom feed (its first element is no <rss>, "
            "<feed> or <rdf:RDF>); give pages as .html/.txt/.json",
            page.data,
        )
        return
    parsed = feedparser.parse(page.data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Reject.now(
            page.source,
            "read",
            "empty-feed",
            f"{page.source} is a feed without items" + (f" ({problem})" if problem else ""),
            page.data,
        )
        return
    base = parsed.feed.get("link") or page.url or ""
    links = [_link(base, e.get("link")) for e in parsed.entries]
    # Items are keyed by their link: a link that several items share (every item linking the
    # blog's front page) would make them overwrite each other, so those go by their name.
    shared = {link for link, n in Counter(links).items() if link and n > 1}
    names = _item_names(parsed.entries)
    site = _plain(parsed.feed.get("title") or "")
    for i, entry in enumerate(parsed.entries):
        source = f"{page.source}#{names[i]}"
        content = _content(entry)
        if not content.strip():
            yield Reject.now(
                source,
                "read",
                "feed-item-without-text",
                f"{source}: the feed item has neither content nor a summary",
                page.data,
            )
            continue
        title = _plain(entry.get("title") or "")
        fields = {
            "title": title,
            "published": _when(entry) or "",
            "author": _author(entry),
            "site": site,
            # the item's first <category> (an RSS item's, an Atom entry's term)
            "category": _plain(next((t.get("term") or "" for t in entry.get("tags") or []), "")),
        }
        url = None if links[i] in shared else links[i]
        yield RawPage(
            source=source,
            data=_as_page(title, content).encode("utf-8"),
            kind="html",
            url=url,
            http_charset="utf-8",
            fetched_at=_teaser_as_of(entry, page.fetched_at) if url else page.fetched_at,
            supplied=tuple((k, v) for k, v in fields.items() if v),
        )
