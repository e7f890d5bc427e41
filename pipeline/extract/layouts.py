"""Stories that span more than the densest block: the entries of a live blog, a photo gallery's
captions, a portal story that an ad row splits, a Q&A page's question above its chosen answer.

Why apart from htmlblocks.py: the densest block is one block, and these layouts put one story in
several; each function says which blocks (or lines) join it, and html.py and htmlblocks.py read
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.xpath import xpath

_PROSE_PUNCT = P.PROSE_PUNCT
_SENTENCE_END = P.SENTENCE_END
_HAS_CJK = P.HAS_CJK

# A live blog's entry stamp: 21:40, or 1月27日 21:40 (on a piece of its own here; html.py
# finds it at the end of a line).
ENTRY_CLOCK = r"(?:\d{1,2}月\d{1,2}日\s*)?\d{1,2}[:：]\d{2}"
_ENTRY_CLOCK = re.compile(ENTRY_CLOCK)
# What a comment or a feed's post carries beside its time, which a live entry does not.
_COMMENT_PIECE = re.compile(
    r"回复|回覆|赞|讚|顶|踩|举报|檢舉|舉報|引用|转发|轉發|评论|評論|\d+\s*[楼樓]|网友|網友"
)
_LIVE_ENTRIES_MIN = 3
_ENTRY_PROSE_MIN = 15  # Chinese characters in an entry's text
_SHORT_PIECE = 12  # characters: a badge (重点), a name, a button; not a sentence
_ENTRY_SHARE_MAX = 0.5  # of the list's text in the densest entry: more is a story of its own


def _pieces(entry: lxml_html.HtmlElement) -> list[str]:
    return [p.strip() for p in entry.itertext() if p.strip()]


def _short_pieces(pieces: list[str]) -> int:
    """Pieces of an entry's text beside its time that are too short for a sentence: a badge
    (重点), or a poster's name."""
    return sum(1 for p in pieces if len(p) <= _SHORT_PIECE and not _ENTRY_CLOCK.fullmatch(p))


def _live_entry(entry: lxml_html.HtmlElement, pieces: list[str]) -> bool:
    """An entry of a live blog: its own clock time, a sentence or more of prose that is not a
    link, one badge at most beside the time (重点; a post in a thread or a feed shows its
    poster's name), no heading of its own, and nothing of a comment (回复, 转发, a floor)."""
    if not any(_ENTRY_CLOCK.fullmatch(p) for p in pieces):
        return False
    if any(len(p) <= 20 and _COMMENT_PIECE.search(p) for p in pieces):
        return False
    if _short_pieces(pieces) > 1:
        return False
    if any(entry.iter("h1", "h2", "h3", "h4")):
        return False
    text = entry.text_content()
    linked = sum(len(a.text_content()) for a in xpath(".//a")(entry))
    return (
        len(_HAS_CJK.findall(text)) >= _ENTRY_PROSE_MIN
        and _PROSE_PUNCT.search(text) is not None
        and linked <= 0.3 * len(text.strip())
    )


def live_entries(container: lxml_html.HtmlElement, reach: int = 3) -> lxml_html.HtmlElement | None:
    """The whole list when the densest block is one entry of a live blog (<ul class="live-list">
    of timed <li> items): every entry is the story, in the page's order. A list of other
    flashes beside a story is no concern here: there the story's own block is the densest."""
    el = container
    for _ in range(reach):
        parent = el.getparent()
        if parent is None:
            return None
        if el.tag == "li":
            if parent.tag not in ("ul", "ol"):
                return None
            entries = [(c, _pieces(c)) for c in parent if c.tag == "li"]
            own = len(el.text_content().strip())
            named = sum(1 for _, pieces in entries if _short_pieces(pieces) > 0)
            if (
                len(entries) >= _LIVE_ENTRIES_MIN
                and own < _ENTRY_SHARE_MAX * len(parent.text_content().strip())
                and all(_live_entry(e, pieces) for e, pieces in entries)
                and named <= len(entries) / 2  # a poster's name on each: a thread or a feed
            ):
                return parent
            return None
        el = parent
    return None


# A gallery's counter on each picture (1/8 … 8/8): the picture's place among all of them.
_COUNTER = re.compile(r"(?<![\d/.])(\d{1,3})\s*/\s*(\d{1,3})(?![\d/.])")
_GALLERY_MIN = 3
_CAPTION_MIN = 8  # characters


def gallery_captions(
    container: lxml_html.HtmlElement, reach: int = 3
) -> lxml_html.HtmlElement | None:
    """The captions of every picture when the densest block is one picture's box in a photo
    gallery (sibling boxes of one class, each with a caption and its counter, 1/8 … 8/8): the
    captions are the story, in the gallery's order, without the counters. A new <div> of one
    <p> a caption; None when the block is no such box."""
    for _el, boxes in sibling_kinds(container, reach):
        if len(boxes) >= _GALLERY_MIN and _numbered_pictures(boxes):
            out = lxml_html.Element("div")
            for box in boxes:
                text = " ".join(p for p in _pieces(box) if not _COUNTER.fullmatch(p))
                if text:
                    lxml_html.etree.SubElement(out, "p").text = text
            return out
    return None


def sibling_kinds(
    container: lxml_html.HtmlElement, reach: int
) -> Iterator[tuple[lxml_html.HtmlElement, list[lxml_html.HtmlElement]]]:
    """From the block up `reach` levels: each element with a class, and its siblings of its tag
    and class (itself included), where templates repeat one kind of box (posts, pictures)."""
    el = container
    for _ in range(reach):
        parent = el.getparent()
        if parent is None:
            return
        if cls := el.get("class"):
            yield el, [c for c in parent if c.tag == el.tag and c.get("class") == cls]
        el = parent


def _numbered_pictures(boxes: list[lxml_html.HtmlElement]) -> bool:
    """Each box holds a piece that is only its counter, n/N with one N for all and n counting
    from 1, and a caption beside it. (The pictures themselves are gone by now: images are no
    text.)"""
    counts = []
    for box in boxes:
        pieces = _pieces(box)
        counters = [m for p in pieces if (m := _COUNTER.fullmatch(p))]
        if not counters or not any(len(p) >= _CAPTION_MIN for p in pieces):
            return False
        counts.append((int(counters[0].group(1)), int(counters[0].group(2))))
    return len({n for _, n in counts}) == 1 and [k for k, _ in counts] == list(
        range(1, len(boxes) + 1)
    )


_CONTINUATION_SIBLINGS = 4  # rows after the story's that may hold its rest


def _signature(el: lxml_html.HtmlElement) -> tuple[str, str] | None:
    """What a template writes on every block of its story, a <td> or a <div> inside the next
    row: class and inline style. None when the block carries neither (a bare <td> says
    nothing)."""
    cls, style = el.get("class", "").strip(), "".join(el.get("style", "").split()).lower()
    return (cls, style) if cls or style else None


# A post's stamp with its date (发表于 2006-11-5 9:08): a row holding one is a thread's post.
_SIGNED_POST = re.compile(P.POST_STAMP.pattern.join(("(?:", r")\s*[:：]?\s*(?:19|20)\d{2}[-/.年]")))


def continued_rows(container: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The rest of a 2000s portal story that an ad or a box split into later rows of its table:
    the blocks in the next few rows written with the story's own signature (<td
    style="font-size:14px">, or a <div> of that style inside a row) that hold a sentence. Rows
    without one (the ad) are passed over; the first row with prose of another kind ends it."""
    signature = _signature(container)
    row = container.getparent()
    if signature is None or container.tag != "td" or row is None or row.tag != "tr":
        return []
    # A layout class every cell wears (class="box") names no story: the story's signature is
    # not seen in the rows above it.
    if any(
        _signature(el) == signature
        for above in row.itersiblings(preceding=True)
        for el in above.iter()
        if isinstance(el.tag, str)
    ):
        return []
    found: list[lxml_html.HtmlElement] = []
    for sibling in list(row.itersiblings())[:_CONTINUATION_SIBLINGS]:
        if not isinstance(sibling.tag, str) or sibling.tag != "tr":
            break
        if P.COMMENTS_START.search(sibling.text_content()[:40]):
            break  # 杭州网友：…, 相关新闻, 版权所有: the story is over
        if _SIGNED_POST.search(sibling.text_content()):
            break  # a reply signed as the first post is (—— 老井 发表于 2006-11-5 13:46)
        same = [
            el
            for el in sibling.iter()
            if isinstance(el.tag, str)
            and _signature(el) == signature
            and _SENTENCE_END.search(el.text_content())
        ]
        if same:
            found += same
        elif _SENTENCE_END.search(sibling.text_content()):
            break
    return found


# The label over a Q&A page's chosen answer (百度知道's 满意答案, a health site's 专家解答).
_ANSWER_LABEL = re.compile(
    r"^(?:满意答案|滿意答案|最佳答案|推荐答案|推薦答案|专家解答|專家解答|专家回答|專家回答|医生回答|醫生回答"
    r"|医生解答|醫生解答|医生回复|醫生回覆|专家回复|專家回覆"
    r"|[★☆]?\s*(?:提问者采纳|提問者採納))(?:\s|$)"
)
# The heading over a page's list of answers (全部回答（共6条）, 其他回答): the question ends above it.
_ANSWERS_HEADING = re.compile(
    r"^(?:全部|其他|其它|所有)?(?:回答|答案|回覆)\s*[（(]\s*(?:共\s*)?\d+"
)
_QUESTION_META = re.compile(r"^[^：:]{1,8}[：:]")  # 提问者：…, 悬赏分：10, 问题补充：…
_SUPPLEMENT = re.compile(r"^(?:问题补充|問題補充)[：:]\s*")  # the asker's addition: its text counts
_QUESTION_MIN = 15  # Chinese characters of a question's description


def qa_question(full: str, paragraphs: list[str], title: str | None) -> list[str]:
    """A Q&A page's question, for the body above its chosen answer: the prose lines between the
    headline (the question's title) and the answer's label. The page is the question and its
    answer; the block read as the body is the answer alone. Meta lines (提问者：, 悬赏分：, a date)
    are no part of it; 问题补充： is, without its label."""
    if not paragraphs or not title:
        return []
    pos = full.find(paragraphs[0][:20])
    start = full.rfind(title, 0, pos) if pos > 0 else -1
    if start < 0:
        return []
    lines = [" ".join(ln.split()) for ln in full[start + len(title) : pos].split("\n")]
    lines = [ln for ln in lines if ln]
    labels = [i for i, ln in enumerate(lines) if _ANSWER_LABEL.match(ln)]
    if not labels:
        return []
    end = next((i for i, ln in enumerate(lines) if _ANSWERS_HEADING.match(ln)), labels[-1])
    question = []
    for line in lines[: min(end, labels[-1])]:
        supplement = _SUPPLEMENT.match(line)
        text = line[supplement.end() :] if supplement else line
        if not supplement and _QUESTION_META.match(line):
            continue
        if len(_HAS_CJK.findall(text)) >= _QUESTION_MIN and _SENTENCE_END.search(text):
            question.append(text)
    return question
