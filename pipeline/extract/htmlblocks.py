"""Which block of a page holds the story when no known container does: the block with the most
prose, the region under the shown headline, the first of a thread's floors or of sibling posts,
a live page's entries, the sections of one story split over several containers.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.html import defs as html_defs

from pipeline.extract import authors as A
from pipeline.extract import dates as D
from pipeline.extract import htmltree as HT
from pipeline.extract import patterns as P
from pipeline.extract.fields import clean_text
from pipeline.extract.layouts import (
    ENTRY_CLOCK,
    sibling_kinds,
)
from pipeline.extract.xpath import xpath

_PROSE_PUNCT = P.PROSE_PUNCT

HAS_CJK = P.HAS_CJK


def _prose_score(el: lxml_html.HtmlElement) -> float:
    text = el.text_content()
    if not text:
        return 0.0
    link_chars = sum(
        HT.text_weight(t) for a in xpath(".//a")(el) if not HT.prose_link(a, t := a.text_content())
    )
    chars = HT.text_weight(text)
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
    tokens = HT.class_tokens(el)
    # the story's own name (content, articalContent), not a tab, a sidebar, a list of posts or
    # comments that share the word (tab-content, side-content, post-list, comment_content)
    if not HT.names_story(tokens):
        return []
    if tokens & (P.ASIDE_TOKENS | P.LAYOUT_TOKENS | _NOT_STORY_TOKENS):
        return []
    found = [c for c in children if _leaf_div(c) and HT.SENTENCE_END.search(c.text_content())]
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
        return _prose_score(el) if len(HT.FULL_STOP.findall(text)) >= 3 else 0.0
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
    return score + HT.text_weight(own_text) * (
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
        t for t in (el.text, *(c.tail for c in el if c.tag == "br")) if t and HAS_CJK.search(t)
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
    return HT.text_weight(own) < _REGION_MIN


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


def drop_swallowed_rows(cell: lxml_html.HtmlElement) -> None:
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


def around_quote(block: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The post around a long quote that outweighs the poster's own lines (以下是引用…的发言 in
    a board's post): the quote is part of what the post says, not the post."""
    if not HT.class_tokens(block) & _QUOTE_TOKENS:
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
            return anc if HT.FULL_STOP.search(rest) else None
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


def sections_parent(block: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
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
        and any(HT.FULL_STOP.search(p.text_content()) for p in sib.iter("p"))
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
        for text, linked in HT.lines_of(entry):
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
    if block is None or len(HAS_CJK.findall(block.text_content())) < 200:
        return None
    return block, clean_text(titles[0].text_content()) or ""
