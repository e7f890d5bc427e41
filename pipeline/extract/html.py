"""Body and metadata of an HTML page.

The body comes from a known article container when the page uses a common template (WeChat,
Zhihu, Discuz, WordPress, Z-Blog, portal CMSs), else from the block with the most prose. Either
way, containers that are boilerplate by their class or id are removed first, and the resulting
paragraphs are filtered against the phrase lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from pipeline.errors import PageRejected
from pipeline.extract import metadata as M
from pipeline.extract import patterns as P
from pipeline.extract.cleaning import Boilerplate, from_first_prose, without_trailing_lists
from pipeline.extract.xpath import xpath

_TOKEN_SPLIT = re.compile(r"[\s\-_]+")
_PROSE_PUNCT = re.compile(r"[，。！？；：、,.!?;:“”「」]")


@dataclass(frozen=True)
class Extracted:
    title: str | None
    published: date | None
    site: str | None
    author: str | None
    category: str | None
    paragraphs: list[str]
    method: str
    url: str | None = None


def parse(text: str, source: str) -> lxml_html.HtmlElement:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    # The CleanEval wrapper <text id=… encoding=…> is not HTML; lxml would keep it as an element.
    text = re.sub(r"^\s*<text\b[^>]*>", "", text)
    if "<" not in text[:10000]:
        raise PageRejected("extract", "not-html", f"{source} holds no HTML markup; save it as .txt")
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PageRejected("extract", "unparseable-html", f"{source}: {exc}") from None
    return tree


def _tokens(el: lxml_html.HtmlElement) -> set[str]:
    value = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {t for t in _TOKEN_SPLIT.split(value) if t}


def _is_boilerplate(el: lxml_html.HtmlElement) -> bool:
    tokens = _tokens(el)
    if not tokens or tokens & P.CONTENT_TOKENS:
        return False
    return bool(tokens & P.BOILERPLATE_TOKENS)


_NEVER_DROP = frozenset({"html", "body", "main", "article"})


def strip_boilerplate_elements(root: lxml_html.HtmlElement) -> None:
    total = len(root.text_content()) or 1
    for el in xpath("|".join(f"//{t}" for t in P.DROP_TAGS))(root):
        if el.getparent() is None:
            continue
        # ASP.NET pages wrap the whole page in one <form>: a form holding most of the text stays.
        if el.tag in P.WRAPPER_TAGS and len(el.text_content()) >= 0.5 * total:
            continue
        el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in _NEVER_DROP or el.getparent() is None:
            continue
        # A container holding most of the page is a layout wrapper whatever its class says
        # (WeChat puts "comment_feature" on <body>'s children).
        if _is_boilerplate(el) and len(el.text_content()) < 0.5 * total:
            el.drop_tree()
    for el in xpath("//comment()")(root):
        if el.getparent() is not None:  # comments before <html> have no parent
            el.drop_tree()


def paragraphs_of(container: lxml_html.HtmlElement) -> list[str]:
    """Text of the leaf blocks under container, one paragraph each, <br> splitting lines."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = re.sub(r"[ \t\u3000\xa0]+", " ", "".join(buf)).strip()
        buf.clear()
        for line in text.split("\n"):
            line = line.strip()
            if line:
                out.append(line)

    def walk(el: lxml_html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in P.BLOCK_TAGS
        if block:
            flush()
        if el.tag == "br":
            buf.append("\n")
        elif isinstance(el.tag, str) and el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(container)
    flush()
    return out


def _prose_score(el: lxml_html.HtmlElement) -> float:
    text = el.text_content()
    if not text:
        return 0.0
    link_chars = sum(len(a.text_content()) for a in xpath(".//a")(el))
    chars = len(text.strip())
    punct = len(_PROSE_PUNCT.findall(text))
    return (chars - 2 * link_chars) * (1 + min(punct / max(chars, 1) * 20, 1.5))


def densest_block(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element whose direct paragraph children hold the most prose."""
    best, best_score = None, 0.0
    for el in root.iter("div", "article", "section", "td", "main", "body"):
        kids = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "div", "section", "br")]
        if not kids:
            continue
        score = sum(
            _prose_score(c) for c in el if isinstance(c.tag, str) and c.tag in ("p", "section")
        )
        score += _prose_score(el) * 0.1 if el.text else 0
        own_text = (el.text or "") + "".join(c.tail or "" for c in el)
        score += len(own_text.strip()) * (1 if _PROSE_PUNCT.search(own_text) else 0)
        if score > best_score:
            best, best_score = el, score
    return best


def _header_text(full: str, container: lxml_html.HtmlElement | None) -> str:
    """Page text just before the body (bylines and dates sit there; comments come after)."""
    if container is None:
        return full[:2000]
    body = container.text_content().strip()[:40]
    pos = full.find(body) if body else -1
    return full[max(0, pos - 1500) : pos] if pos > 0 else full[:1500]


def _from_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """An article starts at its headline: when the block also holds the navigation above it,
    the lines before the headline (in the first half) go."""
    if not title or len(title) < 6:
        return paragraphs
    for i, line in enumerate(paragraphs[: max(1, len(paragraphs) // 2)]):
        if line == title or (title in line and len(line) <= len(title) + 12):
            return paragraphs[i:]
    return paragraphs


def extract_html(text: str, source: str, boilerplate: Boilerplate, min_chars: int) -> Extracted:
    root = parse(text, source)
    site = M.html_site(root)
    title = M.html_title(root, site)
    site = site or M.title_suffix_site(root, title) or M.fallback_site(root)
    category = M.html_category(root, title)
    published = M.meta_date(root)
    url = M.canonical_url(root)
    author = M.html_author(root)

    # Work on the tree with boilerplate containers removed, so that comments, related lists and
    # sidebars can give neither body text nor a date.
    full_text = root.text_content()
    strip_boilerplate_elements(root)
    container, method = None, "densest-block"
    for xp in P.CONTENT_XPATHS:
        found = xpath(xp)(root)
        if found and len(found[0].text_content().strip()) >= min_chars:
            container, method = found[0], "container"
            break
    if container is None:
        container = densest_block(root)
    paragraphs = paragraphs_of(container) if container is not None else []
    paragraphs = boilerplate.clean(_from_headline(paragraphs, title), title=title)
    paragraphs, byline = _split_byline(paragraphs)
    paragraphs = without_trailing_lists(from_first_prose(paragraphs))
    header = _header_text(full_text, container)
    if published is None:
        published = M.parse_date(header) or M.parse_date(byline)
    # Chinese news often signs at the end: （记者 胡晓蓉）, 新京报记者 彭冲 山东冠县报道.
    tail = "\n".join(paragraphs[-2:])
    author = author or M.label_author(header) or M.label_author(byline) or M.label_author(tail)
    return Extracted(title, published, site, author, category, paragraphs, method, url)


def _split_byline(paragraphs: list[str]) -> tuple[list[str], str]:
    """A short dated line among the first lines of the body ('2005-04-05 06:40 来源：…') is the
    byline, not article text: it leaves the body and is read for the date and the author."""
    for i, line in enumerate(paragraphs[:4]):
        if len(line) <= 60 and not re.search(r"[。，,！？]", line) and M.parse_date(line):
            return paragraphs[:i] + paragraphs[i + 1 :], line
    return paragraphs, ""
