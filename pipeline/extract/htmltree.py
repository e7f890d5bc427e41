"""An HTML page as a tree we can read: parsed once per thread (huge pages too, framesets
unwrapped, runaway nesting flattened), stripped of the containers that are boilerplate by class
or id, and read back as the lines and paragraphs a reader sees.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from pipeline.errors import PageRejected
from pipeline.extract import patterns as P
from pipeline.extract.blocktext import block_text
from pipeline.extract.xpath import xpath

SENTENCE_END = P.SENTENCE_END

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
            "reading; the page's text inside would be lost: save the page again (a browser's "
            "copy of its text, as .txt, reads too)",
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
    if len(FULL_STOP.findall(prose)) < 2:
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
            "be unwrapped: save the page again (a browser's copy of its text, as .txt, reads "
            "too)",
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


def class_tokens(el: lxml_html.HtmlElement) -> set[str]:
    value = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return {t for t in P.TOKEN_SPLIT.split(value) if t}


def names_story(tokens: set[str]) -> bool:
    """A class or id naming the story: a content word, or one closing a compound class
    (articalContent, mainContent: Sina's blog marks its post <div id="sina_keyword_ad_area2"
    class="articalContent">)."""
    return bool(tokens & P.CONTENT_TOKENS) or any(t.endswith("content") for t in tokens)


def _is_boilerplate(el: lxml_html.HtmlElement) -> bool:
    tokens = class_tokens(el)
    if not tokens or tokens & P.CONTENT_TOKENS:
        return False
    if names_story(tokens) and not tokens & P.COMMENT_RELATED_TOKENS:
        return False
    return bool(tokens & P.BOILERPLATE_TOKENS)


def _misnamed(el: lxml_html.HtmlElement) -> bool:
    """A layout class (nav, header, ...) on a block of plain prose: some templates name their
    article wrapper that way (<div class="nav"> around the whole story). Comment areas are not
    rescued: their prose is not the article."""
    if not class_tokens(el) & P.BOILERPLATE_TOKENS <= P.LAYOUT_TOKENS:
        return False
    text = el.text_content()
    if len(text) < 300:
        return False
    linked = sum(len(a.text_content()) for a in xpath(".//a")(el))
    sentences = len(SENTENCE_END.findall(text))
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
        in_link = in_link or (tag == "a" and not prose_link(el))
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
        if linked < max_link or (len(text) >= 40 and SENTENCE_END.search(text) and linked < 0.9)
    ]


def text_weight(text: str) -> float:
    """Chinese characters count fully, ASCII a fifth: a style sheet or a script that leaked into
    the text (a self-closed <style/>) is long but is not prose. (UTF-8 length is a fast count:
    a CJK character takes three bytes, ASCII one.)"""
    n = len(text)
    wide = (len(text.encode("utf-8", "surrogatepass")) - n) / 2
    return wide + 0.2 * (n - wide)


FULL_STOP = re.compile(r"[。！？]")


def prose_link(a: lxml_html.HtmlElement, text: str | None = None) -> bool:
    """A link around whole paragraphs (a story wrapped in <a href="全文">…</a>) is text, not
    a menu or a related list: long, with several sentences."""
    text = a.text_content() if text is None else text
    return len(FULL_STOP.findall(text)) >= 3 and text_weight(text) >= 100


def visible_text(root: lxml_html.HtmlElement) -> str:
    """Text of <body> without scripts and styles: the header and footer around the story are
    searched in it (the headline in <title> must not be taken for the one above the story)."""
    for el in xpath("//script|//style|//noscript")(root):
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    return block_text(body if body is not None else root)
