"""Body and metadata of an HTML page.

The body comes from a known article container when the page uses a common template (WeChat,
Zhihu, Discuz, WordPress, Z-Blog, portal CMSs), else from the block with the most prose. Either
way, containers that are boilerplate by their class or id are removed first, and the resulting
paragraphs are filtered against the phrase lexicon.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from lxml import etree
from lxml import html as lxml_html
from lxml.html import defs as html_defs

from pipeline.errors import PageRejected
from pipeline.extract import authors as A
from pipeline.extract import credits as C
from pipeline.extract import dates as D
from pipeline.extract import patterns as P
from pipeline.extract import sites as S
from pipeline.extract import titles as T
from pipeline.extract.bbs import bbs_header, without_header
from pipeline.extract.blocktext import block_text
from pipeline.extract.cleaning import (
    Boilerplate,
    from_first_prose,
    without_repeated_captions,
    without_trailing_lists,
)
from pipeline.extract.fields import canonical_url, clean_text, json_ld
from pipeline.extract.layouts import (
    ENTRY_CLOCK,
    continued_rows,
    gallery_captions,
    live_entries,
    qa_question,
    sibling_kinds,
)
from pipeline.extract.xpath import xpath

_PROSE_PUNCT = P.PROSE_PUNCT
_SENTENCE_END = P.SENTENCE_END
_HAS_CJK = P.HAS_CJK
_SPACES = re.compile(r"[ \t\u3000\xa0\u2028]+")
# A newline in the page's source is a space to the browser, not a line break (<br> and blocks
# break lines): lines_of marks one as U+2028 and drops it between two CJK characters, where a
# hard-wrapped source line would otherwise leave a space inside a sentence. A blank line in the
# source does break: text written with blank lines between paragraphs means paragraphs.
_SOURCE_NEWLINE = re.compile(r"[ \t\xa0]*(?:\r\n|\r|\n)[ \t\xa0]*")
_SOURCE_BLANK_LINE = re.compile(r"[ \t\xa0]*(?:\r\n|\r|\n)(?:[ \t\xa0]*(?:\r\n|\r|\n))+[ \t\xa0]*")
_SOFT_BREAK_IN_CJK = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \u2028]*\u2028[ \u2028]*"
    r"(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)
_BLANK_LINES = re.compile(r"\s*\n\s*")


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


log = logging.getLogger(__name__)
_local = threading.local()


def _parser() -> lxml_html.HTMLParser:
    """huge_tree: libxml2 otherwise stops at a text node over 10 MB (a page that inlines its
    state as one big script) and the article after it is lost. lxml parsers are not safe to
    share between threads, hence one per thread."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = lxml_html.HTMLParser(huge_tree=True)
    return parser


def parse(text: str, source: str) -> lxml_html.HtmlElement:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    # The CleanEval wrapper <text id=… encoding=…> is not HTML; lxml would keep it as an element.
    text = re.sub(r"^\s*<text\b[^>]*>", "", text)
    if "<" not in text[:10000]:
        raise PageRejected("extract", "not-html", f"{source} holds no HTML markup; save it as .txt")
    parser = _parser()
    try:
        tree = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise PageRejected("extract", "unparseable-html", f"{source}: {exc}") from None
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        # libxml2 stops at 2,048 levels and drops everything deeper: the text would be lost.
        raise PageRejected(
            "extract",
            "too-deeply-nested",
            f"{source}: markup nested over 2,048 levels deep, where the HTML parser stops "
            "reading; the page's text inside would be lost",
        )
    return _flattened(_noframes_body(tree), source)


# A sentence saying the browser shows no frames (本站采用框架结构，您的浏览器不支持框架…).
_FRAMES_NOTICE = re.compile(r"[^。！？]*(?:框架|浏览器|瀏覽器|frames)[^。！？]*[。！？]?")


def _noframes_body(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A frameset page's <noframes> text as its <body>: the frames' own pages are elsewhere, and
    the fallback is the one text the page holds (a 2000s site's 文字版本)."""
    if root.find("body") is not None:
        return root
    fallback = next(iter(root.iter("noframes")), None)
    if fallback is None:
        return root
    # the text besides the notice that the browser shows no frames: a page's text, not a notice
    prose = _FRAMES_NOTICE.sub("", fallback.text_content())
    if len(_FULL_STOP.findall(prose)) < 2:
        return root
    # libxml2 keeps <noframes> as raw text, like a <script>: its markup is read again here.
    inner = lxml_html.document_fromstring(fallback.text_content(), parser=_parser())
    fallback.getparent().remove(fallback)
    body = inner.find("body")
    if body is not None:
        root.append(body)
    return root


# Below this depth a chain of wrappers (an element whose one child is an element, with no
# text of its own: a <font> or <div> a broken template opens per item and never closes) is
# collapsed, and a page still twice as deep is refused: the readers of the tree walk it
# recursively, and Python's stack ends near 1,000 levels.
MAX_DEPTH = 300


def _flattened(root: lxml_html.HtmlElement, source: str) -> lxml_html.HtmlElement:
    """The tree with the wrapper chains below MAX_DEPTH collapsed (text, order and every
    element that holds more than one child kept: the article's own container stays); a page
    still too deep after that is refused, saying so."""
    deep = [el for depth, el in _depths(root) if depth > MAX_DEPTH]
    if not deep:
        return root
    for el in deep:
        if _chain_link(el):
            el.drop_tag()
    if any(depth > 2 * MAX_DEPTH for depth, _ in _depths(root)):
        raise PageRejected(
            "extract",
            "too-deeply-nested",
            f"{source}: markup nested over {2 * MAX_DEPTH} levels deep, in elements that cannot "
            "be unwrapped",
        )
    log.info("%s: wrapper elements below %d levels collapsed", source, MAX_DEPTH)
    return root


def _chain_link(el: lxml_html.HtmlElement) -> bool:
    """A wrapper and nothing more: one child element, no text before or after it."""
    return (
        len(el) == 1
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
        and isinstance(el.tag, str)
        and el.getparent() is not None
    )


def _depths(root: lxml_html.HtmlElement) -> Iterator[tuple[int, lxml_html.HtmlElement]]:
    """Every element with its depth, in document order, without recursion."""
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start":
            yield depth, el


def _tokens(el: lxml_html.HtmlElement) -> set[str]:
    value = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {t for t in P.TOKEN_SPLIT.split(value) if t}


def _names_story(tokens: set[str]) -> bool:
    """A class or id naming the story: a content word, or one closing a compound class
    (articalContent, mainContent: Sina's blog marks its post <div id="sina_keyword_ad_area2"
    class="articalContent">)."""
    return bool(tokens & P.CONTENT_TOKENS) or any(t.endswith("content") for t in tokens)


def _is_boilerplate(el: lxml_html.HtmlElement) -> bool:
    tokens = _tokens(el)
    if not tokens or tokens & P.CONTENT_TOKENS:
        return False
    if _names_story(tokens) and not tokens & P.COMMENT_RELATED_TOKENS:
        return False
    return bool(tokens & P.BOILERPLATE_TOKENS)


def _misnamed(el: lxml_html.HtmlElement) -> bool:
    """A layout class (nav, header, ...) on a block of plain prose: some templates name their
    article wrapper that way (<div class="nav"> around the whole story). Comment areas are not
    rescued: their prose is not the article."""
    if not _tokens(el) & P.BOILERPLATE_TOKENS <= P.LAYOUT_TOKENS:
        return False
    text = el.text_content()
    if len(text) < 300:
        return False
    linked = sum(len(a.text_content()) for a in xpath(".//a")(el))
    sentences = len(_SENTENCE_END.findall(text))
    return linked < 0.3 * len(text) and sentences >= 5


_NEVER_DROP = frozenset({"html", "body", "main", "article"})


def _article_and_ancestors(
    root: lxml_html.HtmlElement, min_chars: int
) -> set[lxml_html.HtmlElement]:
    """A template's own article container (entry-content, articleBody...) and the elements
    around it: Blogger wraps its posts in <div class="widget Blog">, and a class that reads
    as a sidebar widget must not take the article with it. A bare <article> is not trusted
    that far: themes use it for the teasers in sidebars and related lists too."""
    for xp in P.MARKED_CONTENT_XPATHS:
        found = xpath(xp)(root)
        if found and len(found[0].text_content().strip()) >= min_chars:
            return {found[0], *found[0].iterancestors()}
    return set()


def strip_boilerplate_elements(root: lxml_html.HtmlElement, min_chars: int) -> None:
    total = len(root.text_content()) or 1
    for el in xpath("|".join(f"//{t}" for t in P.DROP_TAGS))(root):
        if el.getparent() is None:
            continue
        # ASP.NET pages wrap the whole page in one <form>: a form holding most of the text stays.
        if el.tag in P.WRAPPER_TAGS and len(el.text_content()) >= 0.5 * total:
            continue
        el.drop_tree()
    # Shares are of the visible text: scripts and styles would make every block look small.
    total = len(root.text_content()) or 1
    keep = _article_and_ancestors(root, min_chars)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in _NEVER_DROP or el.getparent() is None:
            continue
        if el in keep:
            continue
        # A container holding most of the page is a layout wrapper whatever its class says
        # (WeChat puts "comment_feature" on <body>'s children).
        if _is_boilerplate(el) and len(el.text_content()) < 0.5 * total and not _misnamed(el):
            el.drop_tree()
    for el in xpath("//comment()")(root):
        if el.getparent() is not None:  # comments before <html> have no parent
            el.drop_tree()
    for el in _FLOATED(root):
        if el.getparent() is not None and _side_box(el):
            el.drop_tree()


# A box floated beside the story's text (<table align="right" width="200">): a portal's
# 背景资料, 链接 or 技术统计 beside the story, not a part of it.
_FLOATED = etree.XPath(
    "//body//*[self::table[@align='right' or @align='left'] or self::div]["
    "self::table "
    "or contains(translate(@style, 'FLOAT ', 'float'), 'float:right') "
    "or contains(translate(@style, 'FLOAT ', 'float'), 'float:left')]"
)
_SIDE_BOX_LABEL = re.compile(
    r"^\s*[【\[]?(?:背景资料|背景資料|相关链接|相關鏈接|链接|鏈接|小资料|小資料|名词解释|名詞解釋"
    r"|延伸阅读|延伸閱讀|技术统计|技術統計|新闻链接|新聞鏈接)[】\]]?[:：]?\s*"
)
_SIDE_BOX_MAX = 800  # characters: a box, not a story laid out in a floated table


def _side_box(el: lxml_html.HtmlElement) -> bool:
    text = el.text_content()
    return len(text) <= _SIDE_BOX_MAX and bool(_SIDE_BOX_LABEL.match(text))


def code_lines(container: lxml_html.HtmlElement | None) -> frozenset[str]:
    """The lines of the code blocks (<pre>) in the story, as lines_of writes them: a developer's
    post shows code, whose braces and semicolons look like a style sheet leaking into the text."""
    if container is None:
        return frozenset()
    blocks = [code for pre in container.iter("pre") for code in (pre.findall(".//code") or [pre])]
    return frozenset(
        text
        for block in blocks  # the <code> inside, not the copy button beside it
        for line in block.text_content().split("\n")
        if (text := _SPACES.sub(" ", line).strip())
    )


_VERBATIM_TAGS = frozenset({"pre", "textarea", "plaintext", "xmp", "listing"})


def lines_of(container: lxml_html.HtmlElement) -> list[tuple[str, float]]:
    """Text of the leaf blocks under container, one line each (<br> splits lines), with the share
    of each line's characters that sit inside links: menus and related lists are mostly links."""
    out: list[tuple[str, float]] = []
    buf: list[tuple[str, bool]] = []

    def flush() -> None:
        line: list[str] = []
        linked = 0
        pieces = [*buf, ("\n", False)]
        buf.clear()
        for text, in_link in pieces:
            parts = text.split("\n")
            for k, part in enumerate(parts):
                if k:
                    _emit("".join(line), linked)
                    line, linked = [], 0
                line.append(part)
                if in_link:
                    linked += len("".join(part.split()))

    def _emit(raw: str, linked: int) -> None:
        text = _SPACES.sub(" ", _SOFT_BREAK_IN_CJK.sub("", raw)).strip()
        if text:  # shares of the visible characters: a menu's spaces are not words
            out.append((text, min(1.0, linked / len("".join(text.split())))))

    def walk(el: lxml_html.HtmlElement, in_link: bool, verbatim: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in P.BLOCK_TAGS
        in_link = in_link or (tag == "a" and not _prose_link(el))
        inner = verbatim or tag in _VERBATIM_TAGS

        def soft(text: str, keep: bool) -> str:
            if keep:
                return text
            parts = _SOURCE_BLANK_LINE.split(text)
            return "\n".join(_SOURCE_NEWLINE.sub("\u2028", part) for part in parts)

        if block:
            flush()
        if tag in ("br", "hr"):  # a rule breaks the line as <br> does (發表於：…<hr>first line)
            buf.append(("\n", False))
        elif tag and el.text:
            buf.append((soft(el.text, inner), in_link))
        for child in el:
            walk(child, in_link, inner)
            if child.tail:
                buf.append((soft(child.tail, inner), in_link))  # el's text, in el's mode
        if block:
            flush()

    walk(container, False, False)
    flush()
    return out


def paragraphs_of(container: lxml_html.HtmlElement) -> list[str]:
    """Text of the leaf blocks under container, one paragraph each, <br> splitting lines."""
    return [text for text, _ in lines_of(container)]


def without_link_lines(lines: list[tuple[str, float]], max_link: float = 0.5) -> list[str]:
    """Lines that are mostly link text are menus, related-article lists and pagers, not prose:
    they go unless they read as a sentence (a linked name inside a paragraph is fine)."""
    return [
        text
        for text, linked in lines
        if linked < max_link or (len(text) >= 40 and _SENTENCE_END.search(text) and linked < 0.9)
    ]


def _text_weight(text: str) -> float:
    """Chinese characters count fully, ASCII a fifth: a style sheet or a script that leaked into
    the text (a self-closed <style/>) is long but is not prose. (UTF-8 length is a fast count:
    a CJK character takes three bytes, ASCII one.)"""
    n = len(text)
    wide = (len(text.encode("utf-8", "surrogatepass")) - n) / 2
    return wide + 0.2 * (n - wide)


_FULL_STOP = re.compile(r"[。！？]")


def _prose_link(a: lxml_html.HtmlElement, text: str | None = None) -> bool:
    """A link around whole paragraphs (a story wrapped in <a href="全文">…</a>) is text, not
    a menu or a related list: long, with several sentences."""
    text = a.text_content() if text is None else text
    return len(_FULL_STOP.findall(text)) >= 3 and _text_weight(text) >= 100


def _prose_score(el: lxml_html.HtmlElement) -> float:
    text = el.text_content()
    if not text:
        return 0.0
    link_chars = sum(
        _text_weight(t) for a in xpath(".//a")(el) if not _prose_link(a, t := a.text_content())
    )
    chars = _text_weight(text)
    punct = len(_PROSE_PUNCT.findall(text))
    return (chars - 2 * link_chars) * (1 + min(punct / max(chars, 1) * 20, 1.5))


_BLOCK_TAGS = frozenset({"div", "article", "section", "td", "main", "body", "blockquote", "pre"})


# The inline element 2000s portals wrap a whole story in (<td><font id="Zoom"><p>…</p></font>):
# the paragraphs inside belong to the block around them. (Not <span> or <b>: a comment area
# without class names wraps its posts that way.)
_INLINE_WRAPPERS = frozenset({"font"})
_HTML_TAGS = frozenset(
    html_defs.tags
    | html_defs.html5_tags
    | {"main", "template", "dialog", "picture", "slot", "data", "search"}
)
_COMMENT_TAG = re.compile(r"cmt|comment|reply|review")
# A custom element named for the story (<founder-content>, <article-body>), not a comment list
# (<cmt-list>): its paragraphs belong to the block around it.
_CONTENT_ELEMENT = re.compile(r"-(?:content|article|text|body)$|^(?:content|article)-")


def _holds(wrapper: lxml_html.HtmlElement, blocks: tuple[str, ...]) -> bool:
    """Whether a wrapper holds blocks, itself or through <font>s nested in it (<font size=2>
    <font color=#333>line<br>line…, as an unclosed template nests them)."""
    return any(
        isinstance(g.tag, str)
        and (g.tag in blocks or (g.tag in _INLINE_WRAPPERS and _holds(g, blocks)))
        for g in wrapper
    )


def _through_wrappers(
    el: lxml_html.HtmlElement,
) -> tuple[list[lxml_html.HtmlElement], list[lxml_html.HtmlElement]]:
    """el's element children, with an inline wrapper that holds paragraphs replaced by its own
    children (recursively); and the wrappers passed through."""
    children: list[lxml_html.HtmlElement] = []
    wrappers: list[lxml_html.HtmlElement] = []
    for c in el:
        if not isinstance(c.tag, str):
            continue
        # a custom element (its name has a hyphen: Founder's e-paper <founder-content>) wraps
        # the story's paragraphs as <font id=Zoom> does
        # Dvbbs writes a post as <blockquote><span>line<br>line…</span></blockquote>
        sole_span = (
            el.tag == "blockquote"
            and c.tag == "span"
            and len(el) == 1
            and (parent := el.getparent()) is not None
            and not any(sib.tag == "p" for sib in parent)  # a letter quoted inside a post
        )
        # an element HTML does not know, holding lines (贴吧's <cc>line<br>line</cc>), too; not
        # a web component (<cmt-list>, <user-comment>: a hyphen) nor one named for comments
        custom = (
            c.tag not in _HTML_TAGS
            and "-" not in c.tag
            and not _COMMENT_TAG.search(c.tag)
            and any(g.tag == "br" for g in c)
        )
        # a <font> around a post written as <br> lines (a board's <font size=2>line<br>line)
        lines = sole_span or custom or c.tag in _INLINE_WRAPPERS
        inner_blocks = ("p", "div", "section", "br") if lines else ("p", "div", "section")
        if (
            c.tag in _INLINE_WRAPPERS or _CONTENT_ELEMENT.search(c.tag) or sole_span or custom
        ) and _holds(c, inner_blocks):
            inner, passed = _through_wrappers(c)
            children += inner
            wrappers += [c, *passed]
        else:
            children.append(c)
    return children, wrappers


def _div_paragraphs(
    el: lxml_html.HtmlElement, children: list[lxml_html.HtmlElement]
) -> list[lxml_html.HtmlElement]:
    """The <div> children that are the paragraphs of a block named for the story (content,
    articalContent, post_body), when it has several: some templates write each paragraph as a
    <div> (<div>　　十月初…</div><div>&nbsp;</div>), each a sentence or more. Elsewhere a
    text-only <div> is a comment, a caption, a post's title or footer, or a one-paragraph
    wrapper, and counts as before."""
    tokens = _tokens(el)
    # the story's own name (content, articalContent), not a tab, a sidebar, a list of posts or
    # comments that share the word (tab-content, side-content, post-list, comment_content)
    if not _names_story(tokens):
        return []
    if tokens & (P.ASIDE_TOKENS | P.LAYOUT_TOKENS | _NOT_STORY_TOKENS):
        return []
    found = [c for c in children if _leaf_div(c) and _SENTENCE_END.search(c.text_content())]
    return found if len(found) >= _DIV_PARAGRAPHS_MIN else []


_DIV_PARAGRAPHS_MIN = 3
_NOT_STORY_TOKENS = frozenset(
    {"tab", "tabs", "side", "sidebar", "aside", "list", "item", "items", "cmt", "widget", "box"}
)


def _leaf_div(el: lxml_html.HtmlElement) -> bool:
    """A <div> holding only text and inline markup: a paragraph, in the templates that write
    each paragraph as a <div> (Sina-style blogs: <div>　　十月初…</div><div>&nbsp;</div>)."""
    return el.tag == "div" and not any(
        isinstance(d.tag, str) and d.tag in P.BLOCK_TAGS for d in el.iterdescendants()
    )


def densest_block(
    root: lxml_html.HtmlElement, among: list[lxml_html.HtmlElement] | None = None
) -> lxml_html.HtmlElement | None:
    """The element whose direct paragraph children hold the most prose (among the given
    elements, else all of root's)."""
    best, best_score = None, 0.0
    elements = root.iter(*_BLOCK_TAGS) if among is None else among
    for el in elements:
        score = _block_score(el)
        if score > best_score:
            best, best_score = el, score
    return best


def _block_score(el: lxml_html.HtmlElement) -> float:
    """How much prose an element's direct paragraph children hold (0 for no block)."""
    if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS:
        return 0.0
    if el.tag == "blockquote" and any(c.tag == "p" for c in el):
        return 0.0  # a quoted passage inside a story; a forum post is a <blockquote> of lines
    if el.tag == "pre":
        # A message or a telnet board's post kept as typed (mailing-list archives, BBS
        # mirrors): prose of several sentences. Code in a <pre> has none.
        text = el.text_content()
        rows = [r for r in text.split("\n") if r.strip()]
        code = sum(1 for r in rows if _CODE_ROW.search(r))
        if rows and code / len(rows) >= 0.2:
            return 0.0  # a program with comments in Chinese: code, not a message
        return _prose_score(el) if len(_FULL_STOP.findall(text)) >= 3 else 0.0
    children, wrappers = _through_wrappers(el)
    kids = [c for c in children if c.tag in ("p", "div", "section", "br")]
    if not kids:
        return 0.0
    # A block named for the story may write its paragraphs as <div>s (Sina-style blogs)
    div_paragraphs = _div_paragraphs(el, children)
    score = sum(_prose_score(c) for c in children if c.tag in ("p", "section"))
    score += sum(_prose_score(c) for c in div_paragraphs)
    score += _prose_score(el) * 0.1 if el.text else 0
    own_text = "".join((w.text or "") + "".join(c.tail or "" for c in w) for w in (el, *wrappers))
    return score + _text_weight(own_text) * (
        1 if _PROSE_PUNCT.search(own_text) or _verse(el) else 0
    )


_VERSE_LINES = 6  # a poem's unpunctuated lines, each after a <br>
# A line of a program: an assignment, a call, a block, a comment marker, a shell continuation.
_CODE_ROW = re.compile(
    r"^\s*(?:#|//|/\*|\$ |import |from |def |class |for |if |return )|[=;{}]\s*$|[A-Za-z_][A-Za-z0-9_.]*\(|\\\s*$|\s=\s"
)


def _verse(el: lxml_html.HtmlElement) -> bool:
    """Lines of verse written with <br> and no punctuation (a poem posted on a board): prose
    by its lines, where a block's own text would count only with punctuation."""
    lines = [
        t for t in (el.text, *(c.tail for c in el if c.tag == "br")) if t and _HAS_CJK.search(t)
    ]
    if len(lines) < _VERSE_LINES:
        return False
    # a poem's stanzas are parted by an empty line (<br><br>); a menu's labels are not
    brs = [c for c in el if c.tag == "br"]
    return any(
        not (b.tail or "").strip() and (nxt := b.getnext()) is not None and nxt.tag == "br"
        for b in brs
    )


_HEADING_TAGS = ("h1", "h2", "h3")
_REGION_MIN = 60  # characters of prose that make a story, however short
_REGION_RATIO = 5  # the block elsewhere outweighs it no more than this: no teaser for a story
# class/id words of a page's side column. "side" alone names one only where no word marks it as
# the main or the left one: l_side, main_side and left-side hold stories.
_SIDE_TOKENS = P.ASIDE_TOKENS | {"sidebar", "aside", "sidebox", "sidecol", "tuijian", "remen"}
_MAIN_TOKENS = {"l", "left", "main", "content", "article", "art", "news", "text", "body"}
# A lead box under a headline (【导读】…, 摘要：…, class="summary") sums a story up; it is none.
_LEAD_BOX = re.compile(r"^\s*[【\[]?(?:导读|導讀|摘要|内容提要|內容提要|核心提示|提要)[】\]:：]")
_LEAD_TOKENS = {"summary", "lead", "abstract", "digest", "intro", "zhaiyao", "daodu", "tiyao"}


def _beside(el: lxml_html.HtmlElement) -> bool:
    """Whether an element sits in a side column (<aside>, class="sidebar", "photo-side")."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        tokens = A.aside_tokens(node)
        if node.tag == "aside" or tokens & _SIDE_TOKENS:
            return True
        if "side" in tokens and not tokens & _MAIN_TOKENS:
            return True
    return False


def _lead_box(el: lxml_html.HtmlElement) -> bool:
    return bool(A.aside_tokens(el) & _LEAD_TOKENS or _LEAD_BOX.match(el.text_content()))


def _whole_page(best: lxml_html.HtmlElement) -> bool:
    """<body> won as a block of no prose of its own: its score is the share every pretty-printed
    page gets from whitespace in it, and the story is elsewhere (not <br> lines of <body>)."""
    if best.tag != "body":
        return False
    own = (best.text or "") + "".join(c.tail or "" for c in best)
    return _text_weight(own) < _REGION_MIN


def _shown_heading(root: lxml_html.HtmlElement, title: str) -> lxml_html.HtmlElement | None:
    """The heading that shows the headline: an <h1> before an <h2> or an <h3>, none in a side
    column (a recommended box repeats headlines)."""
    want = "".join(title.split())
    for tag in _HEADING_TAGS:
        for h in root.iter(tag):
            if "".join(h.text_content().split()) == want and not _beside(h):
                return h
    return None


def headline_region_block(
    root: lxml_html.HtmlElement, best: lxml_html.HtmlElement, title: str | None
) -> lxml_html.HtmlElement | None:
    """A short story beside a longer sidebar (a photo's caption, a news flash next to an
    editor's note or a list of flashes): where the densest block sits in a side column, or is
    the whole page, the story is in the headline's region of the page, the nearest block around
    the headline that holds prose other than a lead box."""
    if not title or not (_whole_page(best) or _beside(best)):
        # The densest block is no sidebar: the story is there, whatever sits under the
        # headline (a lead box).
        return None
    heading = _shown_heading(root, title)
    region = heading.getparent() if heading is not None else None
    while region is not None and region.tag not in ("body", "html"):
        if best in region.iterdescendants():
            return None  # the densest block is under the headline already
        scored = [
            (s, el)
            for el in region.iter(*_BLOCK_TAGS)
            if (s := _block_score(el)) > 0 and not _lead_box(el)
        ]
        if scored:
            score, block = max(scored, key=lambda x: x[0])
            text = len("".join(block.text_content().split()))
            if text >= _REGION_MIN and _block_score(best) <= _REGION_RATIO * score:
                return block
            return None
        region = region.getparent()
    return None


def _drop_swallowed_rows(cell: lxml_html.HtmlElement) -> None:
    """The rows an unclosed <font> swallowed into a table cell: a board whose template never
    closes its tags nests every reply's <tr> inside the first post's <td>. A row belongs to
    the cell only inside a table of the cell's own."""
    if cell.tag != "td":
        return
    for row in list(cell.iterdescendants("tr")):
        table = next(row.iterancestors("table"), None)
        if table is None or cell not in table.iterancestors():
            row.drop_tree()


_QUOTE_TOKENS = frozenset({"quote", "quote_c", "quotecontent", "quotebody", "cite"})
_AROUND_QUOTE_MIN = 40  # characters of the poster's own text around a quote
# A board's label over the quote (as data/lexicons/boilerplate.toml drops it from the body) and a
# post's dated stamp, which marks the replies around a thread's posts.
_QUOTE_LABEL = re.compile(r"以下是引用.{1,40}?(?:的发言|的發言)")
_STAMP_DATE = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")


def _around_quote(block: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The post around a long quote that outweighs the poster's own lines (以下是引用…的发言 in
    a board's post): the quote is part of what the post says, not the post."""
    if not _tokens(block) & _QUOTE_TOKENS:
        return None  # a bare <blockquote> is how some boards write the post itself
    quoted = len(block.text_content())
    for anc in block.iterancestors():
        if anc.tag in ("body", "html"):
            return None
        own = "".join(t for t in anc.itertext() if t.strip())
        if len(own) - quoted >= _AROUND_QUOTE_MIN:
            rest = _QUOTE_LABEL.sub("", own.replace(block.text_content(), ""))
            if _STAMP_DATE.search(rest):
                return None  # replies with their floors or times: the thread, not the post
            return anc if _FULL_STOP.search(rest) else None
    return None


_SECTIONS_MIN = 2  # sibling sections of prose besides the densest block
_SECTIONS_RATIO = 2.0  # their prose together outweighs the densest block this many times


def _class_stem(el: lxml_html.HtmlElement) -> str:
    return re.split(r"[-_\s]", (el.get("class") or "").strip().lower())[0]


def _same_family(sib: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    """Whether a sibling is another section of the same story (recipe-intro beside recipe-steps;
    either unnamed), not a box of teasers or comments named for itself (relnews, comment)."""
    a, b = _class_stem(sib), _class_stem(block)
    return not a or not b or a == b


def _sections_parent(block: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element around a story written as sibling sections (a recipe's intro, ingredients,
    steps and tip; a feature's parts, each a <div> of its own): the densest block is one of
    them, the story is their parent."""
    parent = block.getparent()
    if parent is None or parent.tag in ("body", "html") or block.tag not in ("div", "section"):
        return None
    prose = [
        sib
        for sib in parent
        if sib is not block
        and isinstance(sib.tag, str)
        and sib.tag in ("div", "section")
        and any(_FULL_STOP.search(p.text_content()) for p in sib.iter("p"))
        and _same_family(sib, block)
    ]
    if len(prose) < _SECTIONS_MIN:
        return None
    total = sum(_prose_score(p) for p in parent.iter("p"))
    return parent if total >= _SECTIONS_RATIO * _block_score(block) else None


_FLOOR_OR_STAMP = re.compile(r"\d+\s*[楼樓]|沙发|沙發|板凳|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_FLOORS_MIN = 3  # posts in a row that make a thread
_FLOORS_SHARE = 0.6  # of the block's text, and of the posts carrying a floor number or a time


def first_floor(container: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The first post of a thread whose posts are sibling blocks of one kind (贴吧-style
    <table class="floor"> after <table class="floor">, each with its 2楼/time line) when the
    densest block is the whole thread: the first post is the article, the rest are replies."""
    children, _ = _through_wrappers(container)
    groups: dict[tuple[str, str], list[lxml_html.HtmlElement]] = {}
    for c in children:
        if c.get("class") and c.text_content().strip():
            groups.setdefault((c.tag, c.get("class", "")), []).append(c)
    total = len(container.text_content()) or 1
    for members in groups.values():
        if len(members) < _FLOORS_MIN:
            continue
        if sum(len(m.text_content()) for m in members) < _FLOORS_SHARE * total:
            continue
        if _thread_of(members):
            return members[0]
    return None


_STAMP_PIECE_MAX = 40  # a floor or time line, not a sentence that mentions 18楼 or a date
_FIRST_POST_MIN = 40  # characters: a first post shorter than this is a teaser, a badge or a row


def _stamped(member: lxml_html.HtmlElement) -> bool:
    """Whether a post carries its floor or time on a short piece of text of its own."""
    return any(
        len(piece.strip()) <= _STAMP_PIECE_MAX and _FLOOR_OR_STAMP.search(piece)
        for piece in member.itertext()
    )


def _thread_of(members: list[lxml_html.HtmlElement]) -> bool:
    """Sibling blocks that are a thread's posts: several, not paragraphs, most with a floor or
    time line, and a first post with some text (a timeline of dated <p> items or a list of
    reviews is no thread)."""
    if len(members) < _FLOORS_MIN or members[0].tag == "p":
        return False
    if len(members[0].text_content().strip()) < _FIRST_POST_MIN:
        return False
    stamped = [m for m in members if _stamped(m)]
    return len(stamped) >= _FLOORS_SHARE * len(members)


def first_of_sibling_posts(
    container: lxml_html.HtmlElement, reach: int = 4
) -> lxml_html.HtmlElement | None:
    """When the densest block is a reply (a short first post under longer replies): the block
    of the same kind in the thread's first post. A post is a member of sibling blocks of one
    kind (贴吧's <div class="l_post">), each with its floor or time."""
    for el, members in sibling_kinds(container, reach):
        if members[0] is not el and _thread_of(members):
            if el is container:
                return members[0]
            same = [
                d
                for d in members[0].iter(container.tag)
                if d.get("class") == container.get("class")
                and len(d.text_content().strip()) >= _FIRST_POST_MIN // 2
            ]
            return same[0] if same else None  # a layout row above, not a post
    return None


_CLOCK_AT_END = re.compile(ENTRY_CLOCK + "$")
_CLOCK_LINE_MAX = 20  # characters: a badge and a time (重点 05:10), not a sentence


def live_lines(entries: lxml_html.HtmlElement) -> list[tuple[str, float]]:
    """A live blog's entries as lines, each entry's time before its first line (05:10
    美股收盘。…), as a reader quotes them; badges before the time (重点, 置顶) go."""
    out: list[tuple[str, float]] = []
    for entry in entries:
        if entry.tag != "li":
            continue
        clock = ""
        for text, linked in lines_of(entry):
            m = _CLOCK_AT_END.search(text)
            if not clock and m and len(text) <= _CLOCK_LINE_MAX:
                clock = m.group(0)
                continue
            out.append((f"{clock} {text}" if clock else text, linked))
            clock = ""
    return out


def first_post(
    root: lxml_html.HtmlElement, container: lxml_html.HtmlElement
) -> tuple[lxml_html.HtmlElement, str] | None:
    """On a page listing several posts under their own titles (a blog's archive or front page:
    post-title, entry-title), the article is the first post. The densest block may be a later,
    longer one; the block between the first two titles is taken instead, with the first title.
    None when the page holds one post or the block already is the first."""
    titles = [
        el
        for el in xpath(P.POST_TITLE_XPATH)(root)
        if (text := clean_text(el.text_content())) and not D.date_line(text)
    ]
    if len({clean_text(t.text_content()) for t in titles}) < 2:
        return None
    order = {el: i for i, el in enumerate(root.iter())}
    first, second, at = order.get(titles[0]), order.get(titles[1]), order.get(container)
    if first is None or second is None or at is None or at < second:
        return None
    between = [el for el, i in order.items() if first < i < second]
    block = densest_block(root, between)
    # An excerpt in a slider above the story is short: a post to read holds a few sentences.
    if block is None or len(_HAS_CJK.findall(block.text_content())) < 200:
        return None
    return block, clean_text(titles[0].text_content()) or ""


def _page_text(root: lxml_html.HtmlElement) -> str:
    """The text of <body> as it stands, scripts included: unlike visible_text, it changes
    nothing, so JSON-LD can still be read after it."""
    body = root.find("body")
    return (body if body is not None else root).text_content()


def visible_text(root: lxml_html.HtmlElement) -> str:
    """Text of <body> without scripts and styles: the header and footer around the story are
    searched in it (the headline in <title> must not be taken for the one above the story)."""
    for el in xpath("//script|//style|//noscript")(root):
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    return block_text(body if body is not None else root)


def _header_text(full: str, container: lxml_html.HtmlElement | None, paragraphs: list[str]) -> str:
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


def _lead_text(full: str, paragraphs: list[str], reach: int = 300) -> str:
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


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _shown_as_prose(container: lxml_html.HtmlElement | None, title: str | None) -> bool:
    """Whether the container shows the title's words in a paragraph rather than a heading: a
    short post titled with its own text (forums, microblogs), not an empty article page whose
    headline is all that is left."""
    if container is None or not title:
        return False
    for el in container.iter("p", "div", "td", "span", "blockquote", "article", "section"):
        heading = next(el.iter(*_HEADINGS), None)
        if heading is None and " ".join(el.text_content().split()) == title:
            return True
    return False


def _from_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """An article starts at its headline: when the block also holds the navigation above it,
    the lines before the headline (in the first half) go."""
    if not title or len(title) < 6:
        return paragraphs
    for i, line in enumerate(paragraphs[: max(1, len(paragraphs) // 2)]):
        if line == title or (title in line and len(line) <= len(title) + 12):
            return paragraphs[i:]
    return paragraphs


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


def extract_html(text: str, source: str, boilerplate: Boilerplate, min_chars: int) -> Extracted:
    root = parse(text, source)
    site = meta_site = S.html_site(root)
    shown_site = S.fallback_site(root)  # the logo's or the copyright line's
    title, shown = markup_headline(root, site or shown_site)
    site = site or S.title_suffix_site(root, T.without_page_mark(title)) or shown_site
    category = S.html_category(root, title)
    ld = json_ld(root)
    published = D.meta_date(root, ld)
    url = canonical_url(root)
    author = A.html_author(root, site)
    structured = A.structured_author(root, site, ld)  # before visible_text drops the scripts
    rows = meta_rows(root)

    # Work on the tree with boilerplate containers removed, so that comments, related lists and
    # sidebars can give neither body text nor a date. (visible_text drops the scripts: only after
    # the metadata, which JSON-LD carries, has been read.)
    full_text = visible_text(root)
    strip_boilerplate_elements(root, min_chars)
    container, method, post_title = body_container(root, full_text, title, min_chars)
    if post_title is not None:  # the first of several posts, under its own title
        title = shown = post_title
    if method == "live-entries":
        lines = live_lines(container)
    else:
        lines = lines_of(container) if container is not None else []
        if container is not None and method == "densest-block":
            for rest in continued_rows(container):
                lines += lines_of(rest)
    paragraphs = without_link_lines(lines)
    if sum(map(len, paragraphs)) < min_chars:  # a story written inside one big link
        paragraphs = [text for text, _ in lines]
    paragraphs = _from_headline(paragraphs, title)
    if container is not None and (poster := _poster_prefix(container, paragraphs)):
        paragraphs[0] = paragraphs[0][len(poster) + 1 :].lstrip()  # 梁漫：早上… is the post
        author = author or poster
    if bbs := bbs_header(paragraphs):  # a telnet board's post: its header names all
        paragraphs = without_header(paragraphs)
        title = shown = bbs.subject
        site = meta_site or bbs.station
        author = author or bbs.poster
        published = published or bbs.posted
    # credit lines that cleaning takes out (本报记者 王燕平, 执笔人：…) name the authors
    early, last = "\n".join(paragraphs[:6]), paragraphs[-6:]
    paragraphs = boilerplate.clean(
        paragraphs,
        title=title,
        verbatim=code_lines(container),
        title_is_text=_shown_as_prose(container, title),
    )
    paragraphs = without_signature(paragraphs)
    kept = set(paragraphs)
    late = "\n".join(line for line in last if line.strip() not in kept)  # only what went
    paragraphs, byline = _split_byline(paragraphs)
    top = paragraphs[:4]  # before menus are cut: a bare byline name is not prose either
    paragraphs = without_trailing_lists(from_first_prose(without_repeated_captions(paragraphs)))
    paragraphs = qa_question(full_text, paragraphs, title) + paragraphs
    if shown is None and paragraphs:
        body_el = root.find("body")  # not <head>: its <title> line is no shown headline
        lines_all = lines_of(body_el if body_el is not None else root)
        pieces = {p.strip() for p in P.TITLE_SEPARATORS.split(T.page_title(root) or "")}
        above = headline_above(lines_all, paragraphs[0], pieces)
        if above and above in pieces and not meta_site:  # the site is another piece of <title>
            site = S.title_suffix_site(root, above) or site
        title = above or title
    title = T.with_page_title(root, T.without_page_mark(title))
    header = _header_text(full_text, container, paragraphs)
    lead = _lead_text(full_text, paragraphs)
    # Chinese news often signs at the end: （记者 胡晓蓉）, 新京报记者 彭冲 山东冠县报道.
    footer = _footer_text(full_text, paragraphs)
    # The first that is no date to come: a 2099 placeholder in the metadata must not hide
    # the date the page shows.
    published = D.first_past(
        lambda: D.document_date(header + "\n" + lead),
        lambda: published,
        lambda: text_date(header, byline, lead),
        lambda: D.dateline(paragraphs),
        lambda: post_footer_date(footer),
        lambda: D.closing_date(paragraphs),
        lambda: D.meta_edit_date(root),
        lambda: D.url_date(root, full_text),
        source=source,
    )
    around = _AroundBody(full_text, header, lead, footer, byline, top, early, late, rows)
    author = author or _page_author(around, paragraphs, title, site, structured)
    author = A.repost_writer(full_text, author)  # the account a repost came from is no writer
    return Extracted(title, published, site, author, category, paragraphs, method, url)


def body_container(
    root: lxml_html.HtmlElement, full_text: str, title: str | None, min_chars: int
) -> tuple[lxml_html.HtmlElement | None, str, str | None]:
    """The element holding the story, how it was found, and the title of the post it is when
    the page lists several posts under their own titles (else None). A known container of a
    site template comes first (unless it is a comment or a sidebar post reusing a forum's
    names), then the densest block of prose, narrowed to the region under the headline, to the
    first post, floor or sibling post, or read as a live feed's entries or a gallery's captions."""
    for xp in P.CONTENT_XPATHS:
        found = xpath(xp)(root)
        if xp in P.FORUM_POST_XPATHS and found and A.in_aside(found[0], len(full_text)):
            continue  # a comment or a sidebar post that reuses a forum's names
        if found and len(found[0].text_content().strip()) >= min_chars:
            return found[0], "container", None
    container = densest_block(root)
    if container is None:
        return None, "densest-block", None
    region = headline_region_block(root, container, title)
    container = container if region is None else region
    if post := first_post(root, container):
        return post[0], "densest-block", post[1]
    if (floor := first_floor(container)) is not None or (
        floor := first_of_sibling_posts(container)
    ) is not None:
        return floor, "densest-block", None
    if (entries := live_entries(container)) is not None:
        return entries, "live-entries", None
    if (pictures := gallery_captions(container)) is not None:
        return pictures, "gallery", None
    _drop_swallowed_rows(container)
    if (post := _around_quote(container)) is not None:
        container = post
    if (whole := _sections_parent(container)) is not None:
        container = whole
    return container, "densest-block", None


@dataclass(frozen=True)
class _AroundBody:
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


def _poster_prefix(container: lxml_html.HtmlElement, paragraphs: list[str]) -> str | None:
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


def _page_author(
    around: _AroundBody,
    paragraphs: list[str],
    title: str | None,
    site: str | None,
    structured: str | None,
) -> str | None:
    """The author the page's text names, when its markup names none; the page's structured
    data (JSON-LD, meta) comes last."""
    above = around.header + "\n" + around.lead
    # Who a post or a column belongs to (a member panel, a name under the headline, an author
    # card, a thread's poster, a blog's owner): below an editor, but above a photographer, whose
    # picture closing a post is a friend's.
    owners = (
        lambda: A.panel_author(around.header),
        lambda: A.name_line_author(around.top),
        lambda: A.name_under_title(around.lead, title),
        lambda: A.card_author(around.header, title),
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
        lambda: A.label_author(around.meta_rows, editors=False),
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


_STAMP_LINE_MAX = 40


def post_footer_date(footer: str, reach: int = 4) -> date | None:
    """The date a blog or a forum prints under the post it dates (posted by 茉莉 @ 2005-5-7,
    发表于：2005-5-6 after a signature): a labelled date in the first lines after the body,
    before anything that opens the comments. The last resort: comments follow at once."""
    lines = [ln.strip() for ln in footer.split("\n") if ln.strip()][:reach]
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
        if len(text) <= 60 and not _SENTENCE_END.search(text[-1]) and _HAS_CJK.search(text):
            return text
        return piece
    return piece


def _footer_text(full: str, paragraphs: list[str], reach: int = 300) -> str:
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


def _split_byline(paragraphs: list[str]) -> tuple[list[str], str]:
    """A short dated line among the first lines of the body ('2005-04-05 06:40 来源：…') is the
    byline, not article text: it leaves the body and is read for the date and the author."""
    for i, line in enumerate(paragraphs[:6]):
        if len(line) <= 60 and not re.search(r"[。，,！？]", line) and D.parse_date(line):
            return paragraphs[:i] + paragraphs[i + 1 :], line
    return paragraphs, ""
