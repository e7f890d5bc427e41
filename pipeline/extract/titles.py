"""The headline: the page's title element without its site suffix, the headline the page shows
(an <h1> or its likes, matched against the title), and provenance marks ([原创], 【转载】) dropped."""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.blocktext import block_text
from pipeline.extract.fields import clean_text, first, home_link
from pipeline.extract.xpath import xpath

_TITLE_XPATHS = (
    '//*[@id="thread_subject"]',  # Discuz
    '//*[@id="activity-name"]',  # WeChat
    '//*[contains(@class, "QuestionHeader-title")]',  # Zhihu
    '//h1[contains(@class, "entry-title") or contains(@class, "post-title") or contains(@class, "article-title")]',
)


def strip_title_suffix(title: str, site: str | None = None) -> str:
    """'标题 | 栏目 | 站名', '标题-《站名》' → 标题: the headline is the first part."""
    parts = [p.strip() for p in P.TITLE_SEPARATORS.split(title) if p.strip()]
    if site:
        parts = [p for p in parts if p != site] or parts
    if len(parts) <= 1:
        return title
    if len(parts) >= 3 and P.BLOG_HOST.search(parts[-1]):
        # 冬至 - 晚晴小筑 - 云栖博客: a post, its blog, the blog's host; a post's title that
        # itself holds a bar (深度 | 标题 - 博客名 - host) is read among the pieces before them
        head = parts[:-2]
        return head[0] if len(head) == 1 or len(head[0]) >= 6 else max(head, key=len)
    return parts[0] if len(parts[0]) >= 6 else max(parts, key=len)


def short_headline(tree: lxml_html.HtmlElement, page_title: str | None) -> str | None:
    """A headline of two or three characters (a person's or a place's name on an encyclopedia or
    a profile page: '张三_某某百科') that an <h1> shows and the <title> starts with. Too short
    for the length rules below, which would take the site name for the headline. A logo
    (<h1> around a link or with a logo class) is the site, not the headline."""
    if not page_title:
        return None
    parts = [p.strip() for p in P.TITLE_SEPARATORS.split(page_title) if p.strip()]
    if len(parts) < 2 or not 2 <= len(parts[0]) <= 3 or not _HAS_CJK.search(parts[0]):
        return None
    for h in xpath("//h1")(tree):
        if clean_text(h.text_content()) != parts[0] or xpath(".//a|ancestor::a")(h):
            continue
        if not _is_logo(h):
            return parts[0]
    return None


def template_title(tree: lxml_html.HtmlElement) -> str | None:
    """The headline of a known template (Discuz, WeChat, Zhihu, WordPress), or a short one that
    the <h1> and the <title> agree on: exact, no guessing."""
    return first(tree, _TITLE_XPATHS) or short_headline(tree, first(tree, ("//title",)))


def page_title(tree: lxml_html.HtmlElement) -> str | None:
    return first(tree, ("//title",))


def html_title(tree: lxml_html.HtmlElement, site: str | None) -> str | None:
    known = template_title(tree)
    if known:
        return known
    og = first(
        tree, ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content')
    )
    page_title = first(tree, ("//title",))
    h1s = [clean_text(without_badges(h).text_content()) for h in xpath("//h1")(tree)]
    # Over 100 characters an <h1> holds a script or a whole block, not a headline.
    h1s = [h for h in h1s if h and 4 <= len(h) <= 100]
    if page_title:
        # 冬至 - 晚晴小筑 - 云栖博客: an <h1> of a hosted blog's own name is its masthead
        parts = [p.strip() for p in P.TITLE_SEPARATORS.split(page_title) if p.strip()]
        if len(parts) >= 3 and P.BLOG_HOST.search(parts[-1]):
            h1s = [h for h in h1s if h not in parts[1:]]
    candidates = [c for c in (og, *h1s) if c and c != site]
    if page_title:
        # The headline is the longest candidate the <title> repeats: a logo in <h1> is shorter.
        inside = [c for c in candidates if c in page_title]
        if inside:
            best = max(inside, key=len)
            return strip_title_suffix(best, site) if best == og and best not in h1s else best
    if og:
        return strip_title_suffix(og, site)
    if h1s:
        return h1s[0]
    if page_title:
        rest = strip_title_suffix(page_title, site)
        # 財經 - 即時新聞 - 站名: a <title> of sections names no story
        return None if rest and P.SECTION_LABEL.match(rest) else rest
    return None


_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|-|—|–|::|[:：]|\s)\s*")
_HEADLINE_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "td", "div", "p", "span", "font", "strong", "b", "center"}
)


def _compact(text: str) -> str:
    return "".join(text.split())


def _title_parts(tree: lxml_html.HtmlElement, guess: str | None) -> list[str]:
    """The pieces a page's <title>, og:title and our guess split into (站名：标题 - 栏目_站名): the
    headline is one of them, or a run of them."""
    sources = [
        guess,
        first(tree, ("//title",)),
        first(tree, ('//meta[@property="og:title"]/@content',)),
    ]
    parts: list[str] = []
    for src in filter(None, sources):
        # (start, end) of each piece: a run is also kept with the marks between its pieces, so
        # that a heading showing '柯达之死：唯一…' matches the whole run, kicker and colon included,
        # rather than its last piece plus a few "extra" characters.
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\s_|｜\-—–:：]+", src)]
        spans = [s for s in spans if _TITLE_PARTS.sub("", src[s[0] : s[1]])]
        pieces = [src[a:b] for a, b in spans]
        for i in range(len(pieces)):
            for j in range(i + 1, len(pieces) + 1):
                runs = [_compact("".join(pieces[i:j]))]
                if j < len(pieces) or i == 0 == j - 1:  # a run that ends with the site name
                    runs.append(_compact(src[spans[i][0] : spans[j - 1][1]]))  # is no headline
                for run in runs:
                    if len(run) >= 5 and run not in parts and _HAS_CJK.search(run):
                        parts.append(run)
    return parts


def _headline_link(el: lxml_html.HtmlElement) -> bool:
    """A link that is the whole of an <h1>–<h3> (a blog post's permalink on its own headline),
    unlike the links of menus and related lists."""
    parent = el.getparent()
    return (
        el.tag == "a"
        and parent is not None
        and parent.tag in ("h1", "h2", "h3")
        and _compact(parent.text_content()) == _compact(el.text_content())
        and not home_link(el.get("href") or "")
    )


def _is_logo(el: lxml_html.HtmlElement) -> bool:
    """A heading marked as the logo or the masthead's name holds the site's (or the platform's,
    or a blog's) name."""
    return bool(_MASTHEAD.search(f"{el.get('class', '')} {el.get('id', '')}".lower()))


_MASTHEAD = re.compile(r"logo|site[-_]?name|space[-_]?name|blog[-_]?name|masthead")


# A meta line the heading holds under its <br> (2012-04-16 09:12 来源：… 作者：…).
_META_UNDER = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|来源[:：]|來源[:：]|作者[:：]|记者|記者|编辑[:：]"
)


# A provenance badge set inside a heading as an element of its own (<h1>标题<span
# class="article-tag"><i>原创</i></span></h1>): whose text the story is, not a word of its
# headline. Only as its own element: 鼓励原创 ending a headline's text is the headline's.
_BADGE = re.compile(r"原创|原創|转载|轉載|转帖|轉帖|转贴|轉貼")


def without_badges(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element, or a copy of it without the provenance badges inside it (_BADGE)."""
    if not any(_is_badge(d) for d in el.iterdescendants()):
        return el
    el = copy.deepcopy(el)
    for badge in [d for d in el.iterdescendants() if _is_badge(d)]:
        if badge.getparent() is not None:  # not inside a badge dropped already
            badge.drop_tree()  # its tail, the text after it, stays
    return el


def _is_badge(el: lxml_html.HtmlElement) -> bool:
    return isinstance(el.tag, str) and bool(_BADGE.fullmatch(clean_text(el.text_content()) or ""))


def _heading_text(el: lxml_html.HtmlElement, titles: str) -> str | None:
    """A heading's text, its provenance badges left out; where <br> breaks it in two, the lines
    joined with a space where the page's <title> has one there (舊區重建諮詢會 街坊憂租金飆升),
    else as one."""
    el = without_badges(el)
    glued = clean_text(el.text_content())
    if el.find(".//br") is None:
        return glued
    lines = [ln for ln in (clean_text(x) for x in block_text(el).split("\n")) if ln]
    if (
        len(lines) > 1
        and all(_META_UNDER.search(ln) for ln in lines[1:])
        and "".join(lines[1:]).replace(" ", "") not in titles.replace(" ", "")
    ):
        return lines[0]  # the story's date, source and writer under a <br> in the <h1>
    spaced = clean_text(block_text(el))
    return spaced if spaced != glued and spaced and spaced in titles else glued


def displayed_headline(
    tree: lxml_html.HtmlElement, guess: str | None, max_extra: int = 8, site: str | None = None
) -> str | None:
    """The headline as the page shows it above the story, found from the <title> pieces.

    <title> and og:title carry site names and section names ('标题-《财经网》', '站名：标题'); the
    heading on the page is what a reader calls the title, with its own marks ('》标题',
    '标题【16:15】'). An element whose text is one of the pieces, or a piece plus a few marks, wins;
    menus and related-article links (<a>, <li>) repeat titles and are not looked at."""
    parts = [p for p in _title_parts(tree, guess) if not site or p != _compact(site)]
    if not parts:
        return None
    guessed = _compact(re.sub(r"[\s_|｜\-—–:：]", "", guess or ""))  # as _title_parts joins pieces
    titles = " ".join(
        clean_text(t) or ""
        for t in (
            first(tree, ("//title",)),
            first(tree, ('//meta[@property="og:title"]/@content',)),
        )
        if t
    )
    best: tuple[int, int, bool, str] | None = None
    seen: set[lxml_html.HtmlElement] = set()  # elements, not id()s: lxml proxies are reused
    for key in {p[:3] for p in parts}:
        for node in xpath("//body//text()[contains(., $k)]")(tree, k=key):
            el = node.getparent()
            for _ in range(3):
                if el is None or el in seen:
                    break
                seen.add(el)
                if el.tag in ("a", "li", "option", "title", "script", "style"):
                    if not _headline_link(el):
                        break
                    el = el.getparent()  # <h2><a href=permalink>headline</a></h2>: a blog's own
                    continue
                if el.tag in _HEADLINE_TAGS and not _is_logo(el):
                    text = P.TRAILING_STAMP.sub("", _heading_text(el, titles) or "")
                    cand = _compact(text or "")
                    if len(cand) > 100:
                        break
                    for part in parts:
                        if part in cand and len(cand) - len(part) <= max_extra:
                            # Ties go to the piece our guess chose, not to the site name.
                            score = (len(cand) - len(part), -len(part), part != guessed, text)
                            if best is None or score < best:
                                best = score
                el = el.getparent()
    if best is None and guess and len(_compact(guess)) < 5:
        return _short_heading(tree, guess)
    return best[3] if best else None


def _short_heading(tree: lxml_html.HtmlElement, guess: str) -> str | None:
    """A headline under five characters (雲溪瀑布, 冬至: a place's or a day's name), too short to
    be looked for among the page's text: shown only as a heading of exactly those words."""
    for h in xpath("//body//*[self::h1 or self::h2 or self::h3]")(tree):
        if _compact(h.text_content()) == _compact(guess) and not _is_logo(h):
            return clean_text(h.text_content())
    return None


PROVENANCE_TAG = r"[\[【(（]\s*(?:原创|原創|转载|轉載|转帖|轉帖|转贴|轉貼|转|轉)\s*[\]】)）]"
# A pager's 第1页, or a forum's field label (主题：, 标题：) in front of the thread's title.
_PAGE_MARK = re.compile(
    r"^(?:第\s*\d+\s*[页頁]|(?:帖子)?(?:主\s*题|主\s*題|标\s*题|標\s*題|题\s*目|題\s*目)\s*[:：]"
    # a forum's or a blog's provenance tag ([原创], 【转载】): whose text it is, not its title;
    # a format tag ([图文], (图), [快讯]) is the headline's own, as the page's editor wrote it
    r"|" + PROVENANCE_TAG + r")\s*"
)
# or after it (外婆的腌菜坛子（原创）)
_TRAILING_TAG = re.compile(r"\s*" + PROVENANCE_TAG + r"$")


def without_page_mark(headline: str | None) -> str | None:
    """A pager's '第1页' glued in front of the heading, the label a forum prints before a
    thread's title (主题：…) or its tag ([原创]), is layout, not part of the headline a reader
    quotes; so is a colon after it, which leads into a list the page puts under its heading
    (第四季業績重點整理：). (A '》' in front stays: the page shows it as the headline's own
    mark.)"""
    if not headline:
        return headline
    stripped = headline
    for _ in range(2):  # a label and a tag (主题：[原创]…)
        stripped = _PAGE_MARK.sub("", stripped)
    stripped = _TRAILING_TAG.sub("", stripped).strip().rstrip(":：").rstrip()
    return stripped if len(stripped) >= 4 else headline


_KICKER = re.compile(r"^([^:：\s]{1,10})[:：]\s*")
_SITE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | — | – )\s*")


def with_page_title(tree: lxml_html.HtmlElement, headline: str | None) -> str | None:
    """A site name glued in front of the headline ('中時醫療網:年節零食…', from og:title) while
    the <title> names that site after it ('年節零食… - 中時醫療網') is not part of the headline.
    (A kicker in front, '专栏：…', is: only the name the <title> ends with, the site, goes.)"""
    page_title = first(tree, ("//title",))
    if not headline or not page_title:
        return headline
    parts = [p for p in _SITE_SPLIT.split(page_title) if p]
    if len(parts) >= 2 and (m := _KICKER.match(headline)) and m.group(1) == parts[-1]:
        return headline[m.end() :].strip() or headline
    return headline
