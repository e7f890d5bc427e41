"""RSS and Atom feeds: each item is a page of its own.

Scrapers save feeds as they save pages (a blog's /feed as .xml, or the feed document inside a
JSON record's "text"), and a WordPress feed carries each post's full HTML in content:encoded.
Read as one page, a feed is a tangle of XML around several articles; read item by item, each
post is an HTML page with the title, date, author and link the feed gives it (RawPage.supplied),
like one record of a WARC file. feedparser does the parsing: RSS 0.9x–2.0, RSS 1.0 and Atom,
with their encodings, CDATA and entity quirks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from pipeline.records import RawPage, Reject, sha256_hex, utcnow

# The root element of a feed, within the first bytes (after an XML declaration, comments, a BOM).
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_SNIFF_BYTES = 1024
_MARKUP = re.compile(r"<[A-Za-z][^<>]*>")


def looks_like_feed(data: bytes) -> bool:
    """Whether a page's bytes are a feed document rather than a page: it opens with a feed's
    root element (an HTML page that links its feed has <html> first)."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    match = _FEED_ROOT.search(head)
    return match is not None and b"<html" not in head[: match.start()].lower()


def _when(entry: dict) -> str | None:
    """The item's publication date as YYYY-MM-DD (published, else updated), or None."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _html_of(entry: dict) -> str:
    """The item's fullest text: content:encoded (or Atom content), else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    text = max(contents, key=len, default="")
    return text if text.strip() else entry.get("summary", "") or ""


def feed_pages(page: RawPage) -> Iterator[RawPage | Reject]:
    """One page per item of the feed in page.data; a feed that cannot be read, or an item with
    no text, is a Reject on record (the other items still count)."""
    import feedparser

    parsed = feedparser.parse(page.data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f": {problem}" if problem else ""
        yield Reject(
            source=page.source,
            stage="read",
            reason="empty-feed",
            detail=f"{page.source} is a feed with no items{reason}",
            raw_hash=sha256_hex(page.data),
            at=utcnow(),
        )
        return
    site = (parsed.feed.get("title") or "").strip()
    for i, entry in enumerate(parsed.entries):
        source = f"{page.source}#item{i}"
        html = _html_of(entry)
        if not html.strip():
            yield Reject(
                source=source,
                stage="read",
                reason="feed-item-without-text",
                detail=f"{source}: the feed item has neither content nor a summary",
                raw_hash=sha256_hex(page.data),
                at=utcnow(),
            )
            continue
        fields = {
            "title": (entry.get("title") or "").strip(),
            "published": _when(entry) or "",
            "author": (entry.get("author") or "").strip(),
            "site": site,
        }
        yield RawPage(
            source=source,
            data=html.encode("utf-8"),
            kind="html" if _MARKUP.search(html) else "text",  # a summary may be plain text
            url=entry.get("link") or None,
            http_charset="utf-8",
            fetched_at=page.fetched_at,
            supplied=tuple((k, v) for k, v in fields.items() if v),
        )
