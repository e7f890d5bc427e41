"""Reading one field from a page's markup: the first XPath that yields text, the JSON-LD article
object, the canonical link. Shared by the title, date, author and site rules."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from lxml import html as lxml_html

from pipeline.extract.xpath import xpath
from pipeline.jsontext import parse_json


def clean_text(value: str | None) -> str | None:
    """Whitespace runs as one space, None for nothing: markup splits a field over lines and
    pads it, and an empty field must read as absent, not as a value."""
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def first(tree: lxml_html.HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    """The text of the first node of the first expression that yields any: the expressions
    are given surest first."""
    for xp in xpaths:
        for node in xpath(xp)(tree):
            text = node if isinstance(node, str) else node.text_content()
            text = clean_text(str(text))
            if text:
                return text
    return None


def json_ld(tree: lxml_html.HtmlElement) -> dict:
    """The page's JSON-LD article object ({} when none). Read once per page, before the scripts
    are dropped (html.visible_text), and handed to the rules that use it."""
    for node in xpath('//script[@type="application/ld+json"]/text()')(tree):
        try:
            data = parse_json(node)
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        items = (
            data
            if isinstance(data, list)
            else data.get("@graph", [data])
            if isinstance(data, dict)
            else []
        )
        for item in items:
            if isinstance(item, dict) and any(k in item for k in ("datePublished", "headline")):
                return item
    return {}


def canonical_url(tree: lxml_html.HtmlElement) -> str | None:
    """The page's own URL (canonical link or og:url), when it is an absolute http(s) URL."""
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in xpath(xp)(tree):
            value = str(value).strip()
            if value.startswith(("http://", "https://")):
                return value
    return None


HOME_PATHS = ("", "/index.html", "/index.htm", "/index.php")


def home_link(href: str) -> bool:
    """A link to the site's front page: the heading around it is the site's name."""
    if not href.strip() or href.strip().startswith("#"):
        return False
    parts = urlsplit(href.strip())
    return not parts.query and parts.path.rstrip("/") in HOME_PATHS
