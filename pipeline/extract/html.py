"""Body and metadata of an HTML page.

The body comes from a known article container when the page uses a common template (WeChat,
Zhihu, Discuz, WordPress, Z-Blog, portal CMSs), else from the block with the most prose. Either
way, containers that are boilerplate by their class or id are removed first, and the resulting
paragraphs are filtered against the phrase lexicon.

This module chooses and assembles; the tree's parsing, cleanup and lines are htmltree.py, which
block holds the story when no container does htmlblocks.py, the headline, meta rows, byline and
dates around the body htmlmeta.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import html as lxml_html

from pipeline.extract import authors as A
from pipeline.extract import dates as D
from pipeline.extract import htmlblocks as HB
from pipeline.extract import htmlmeta as HM
from pipeline.extract import htmltree as HT
from pipeline.extract import patterns as P
from pipeline.extract import sites as S
from pipeline.extract import titles as T
from pipeline.extract.bbs import bbs_header, without_header
from pipeline.extract.cleaning import (
    Boilerplate,
    from_first_prose,
    without_repeated_captions,
    without_trailing_lists,
)
from pipeline.extract.fields import canonical_url, json_ld
from pipeline.extract.layouts import (
    continued_rows,
    gallery_captions,
    live_entries,
    qa_question,
)
from pipeline.extract.notes import writer_note
from pipeline.extract.xpath import xpath


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
    dated_ahead: date | None = None  # a publish date still to come, not taken
    note: str = ""  # the editor's or translator's note left out of the body (extract/notes.py)


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


def extract_html(text: str, source: str, boilerplate: Boilerplate, min_chars: int) -> Extracted:
    root = HT.parse(text, source)
    site = meta_site = S.html_site(root)
    shown_site = S.fallback_site(root)  # the logo's or the copyright line's
    title, shown = HM.markup_headline(root, site or shown_site)
    site = site or S.title_suffix_site(root, T.without_page_mark(title)) or shown_site
    category = S.html_category(root, title)
    ld = json_ld(root)
    published = D.meta_date(root, ld)
    url = canonical_url(root)
    author = A.html_author(root, site)
    structured = A.structured_author(root, site, ld)  # before visible_text drops the scripts
    rows = HM.meta_rows(root)

    # Work on the tree with boilerplate containers removed, so that comments, related lists and
    # sidebars can give neither body text nor a date. (visible_text drops the scripts: only after
    # the metadata, which JSON-LD carries, has been read.)
    full_text = HT.visible_text(root)
    HT.strip_boilerplate_elements(root, min_chars)
    container, method, post_title = body_container(root, full_text, title, min_chars)
    if post_title is not None:  # the first of several posts, under its own title
        title = shown = post_title
    if method == "live-entries":
        lines = HB.live_lines(container)
    else:
        lines = HT.lines_of(container) if container is not None else []
        if container is not None and method == "densest-block":
            for rest in continued_rows(container):
                lines += HT.lines_of(rest)
    paragraphs = HT.without_link_lines(lines)
    if sum(map(len, paragraphs)) < min_chars:  # a story written inside one big link
        paragraphs = [text for text, _ in lines]
    paragraphs = _from_headline(paragraphs, title)
    if container is not None and (poster := HM.poster_prefix(container, paragraphs)):
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
    uncleaned = paragraphs
    paragraphs = boilerplate.clean(
        paragraphs,
        title=title,
        verbatim=HT.code_lines(container),
        title_is_text=_shown_as_prose(container, title),
    )
    paragraphs = HM.without_signature(paragraphs)
    note = writer_note(uncleaned, paragraphs)
    kept = set(paragraphs)
    late = "\n".join(line for line in last if line.strip() not in kept)  # only what went
    paragraphs, byline = HM.split_byline(paragraphs)
    top = paragraphs[:4]  # before menus are cut: a bare byline name is not prose either
    paragraphs = without_trailing_lists(from_first_prose(without_repeated_captions(paragraphs)))
    paragraphs = qa_question(full_text, paragraphs, title) + paragraphs
    if shown is None and paragraphs:
        body_el = root.find("body")  # not <head>: its <title> line is no shown headline
        lines_all = HT.lines_of(body_el if body_el is not None else root)
        pieces = {p.strip() for p in P.TITLE_SEPARATORS.split(T.page_title(root) or "")}
        above = HM.headline_above(lines_all, paragraphs[0], pieces)
        if above and above in pieces and not meta_site:  # the site is another piece of <title>
            site = S.title_suffix_site(root, above) or site
        title = above or title
    title = T.with_page_title(root, T.without_page_mark(title))
    header = HM.header_text(full_text, container, paragraphs)
    lead = HM.lead_text(full_text, paragraphs)
    # Chinese news often signs at the end: （记者 胡晓蓉）, 新京报记者 彭冲 山东冠县报道.
    footer = HM.footer_text(full_text, paragraphs)
    # The first that is no date to come: a 2099 placeholder in the metadata must not hide
    # the date the page shows.
    ahead: list[date] = []
    published = D.first_past(
        lambda: D.document_date(header + "\n" + lead),
        lambda: published,
        lambda: HM.text_date(header, byline, lead),
        lambda: HM.time_attribute_date(root, container),
        lambda: D.dateline(paragraphs),
        lambda: HM.post_footer_date(footer),
        lambda: D.closing_date(paragraphs),
        lambda: D.first_published_date(paragraphs),
        lambda: D.meta_edit_date(root),
        lambda: D.url_date(root, full_text),
        # Taiwan's calendar without its 民國 (114年3月12日) in the header of a Traditional page
        lambda: D.taiwan_date(header) if D.traditional("\n".join(paragraphs[:3])) else None,
        source=source,
        ahead=ahead,
    )
    around = HM.AroundBody(full_text, header, lead, footer, byline, top, early, late, rows)
    author = author or HM.page_author(around, paragraphs, title, site, structured)
    author = A.repost_writer(full_text, author)  # the account a repost came from is no writer
    return Extracted(
        title,
        published,
        site,
        author,
        category,
        paragraphs,
        method,
        url,
        min(ahead, default=None),
        note,
    )


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
    container = HB.densest_block(root)
    if container is None:
        return None, "densest-block", None
    region = HB.headline_region_block(root, container, title)
    container = container if region is None else region
    if post := HB.first_post(root, container):
        return post[0], "densest-block", post[1]
    if (floor := HB.first_floor(container)) is not None or (
        floor := HB.first_of_sibling_posts(container)
    ) is not None:
        return floor, "densest-block", None
    if (entries := live_entries(container)) is not None:
        return entries, "live-entries", None
    if (pictures := gallery_captions(container)) is not None:
        return pictures, "gallery", None
    HB.drop_swallowed_rows(container)
    if (post := HB.around_quote(container)) is not None:
        container = post
    if (whole := HB.sections_parent(container)) is not None:
        container = whole
    return container, "densest-block", None
