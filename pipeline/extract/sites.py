"""The site's name and the page's category: meta tags, the title's suffix, the logo, the copyright
line, the breadcrumb trail."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.blocktext import block_text
from pipeline.extract.fields import clean_text, first, home_link
from pipeline.extract.titles import PROVENANCE_TAG
from pipeline.extract.xpath import xpath

_SITE_XPATHS = (
    '//*[@id="js_name"]',  # a WeChat account is the site, not 微信公众平台
    '//meta[@property="og:site_name"]/@content',
    '//meta[@name="application-name"]/@content',
)
_CATEGORY_XPATHS = (
    '//meta[@property="article:section"]/@content',
    '//*[contains(@class, "cat-links")]//a',
    '//*[contains(@class, "post-labels")]//a',
)
# A hosted blog's own name in its masthead (<h1 id="spacename">, <span id="blogname">): the blog
# is the site its posts are read on, not the service hosting it (标题_奔跑的蜗牛_天天博客).
_BLOG_NAME_XPATH = (
    '(//*[contains(@id, "spacename") or contains(@id, "blogname") or contains(@class, "blogname")])[1]',
)
# cnblogs-style blogs print their name in id="blogTitle"; other templates their post's title:
# a blog's name only where it is a piece of <title> other than the headline.
_BLOG_TITLE_XPATH = ('(//*[@id="blogTitle" or @id="blogtitle" or @id="blog_title"])[1]',)
_LOGO_XPATHS = ('(//*[contains(@class, "logo")])[1]', _BLOG_NAME_XPATH[0])
# A site-name class can also mark a reprint's source (原文来自 <span class="site-name">…): asked
# after the copyright line.
_SITE_NAME_XPATH = (
    '(//*[contains(@id, "sitename") or contains(@class, "sitename") or contains(@class, "site-name")])[1]',
)
# 2000s mastheads: <img src="/images/xx_logo.gif" alt="新讯网">, the first on the page
_LOGO_ALT_XPATHS = ('(//img[contains(@src, "logo") or contains(@id, "logo")])[1]/@alt',)
# A masthead image is the site's name only as the link to its front page (a sponsor's banner, a
# partner paper's or a photo of an old masthead link elsewhere or nowhere).
_MASTHEAD_IMAGES = xpath('//a[@href]//img[contains(@src, "masthead") and @alt]')
# How the names of sites and of the bodies that run them end (not 本文, a 集团 or a 公司)
_SITE_END = r"(?:网|網|站|政府|局|委|院|校|大学|大學|报|報|台|在线|在線|社区|社區|论坛|論壇|馆|館|协会|協會)"
_COPYRIGHT_SITE = re.compile(
    r"(?:©|&copy;|Copyright)\s*(?:\d{4}(?:\s*-\s*\d{4})?|"
    + P.COPYRIGHT_YEAR
    + r")?\s*"
    + P.NO_ROC_YEAR
    + r"([\u4e00-\u9fffA-Za-z]{2,12})\s*"
    # …版权所有, or the owner's address or phone after it (© 2009 清川大学教务处　地址：…)
    r"(?:版权所有|版權所有|All rights|(?:地址|地點|电话|電話|邮编|郵編)[:：])"
    # a line that opens with the name (云溪都市报社版权所有: the paper, without its 社)
    r"|(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,12}?)(?:(?<=报|報)社)?(?:版权所有|版權所有)"
    # or with a space (青石县人民政府 版权所有), where the name ends as a site's or a public
    # body's does: a paper's company (汀江晚报社 版权所有) owns a site with a name of its own
    # (汀江新闻网), 本文 版权所有 closes a post
    r"|(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{1,10}?"
    + _SITE_END
    + r")[ \t\u3000\xa0]+(?:版权所有|版權所有)"
)
# 您现在的位置：南岭理工学院新闻网 > 校园快讯: the trail's root names the site where it is no 首页
# The label of a location trail (当前位置：首页 > 科技 > 正文).
_TRAIL_LABEL = re.compile(
    r"(?:当前位置|當前位置|您现在的位置|您現在的位置|您的位置|你的位置|现在位置|位置)\s*[:：]\s*"
)
_HOME_CRUMB = re.compile(r"首页|首頁|主页|主頁|网站首页|網站首頁|[Hh]ome|HOME")
_BREADCRUMB_XPATHS = (
    '//*[contains(@class, "breadcrumb") or contains(@class, "crumb") or @id="pt" or contains(@class, "position") or contains(@class, "location")]',
)


# A mailing list's tag before a message's subject ([yiwen-zh] 标题): the list, not the site.
_LIST_TAG = re.compile(r"\[[\x21-\x5a\x5e-\x7e]+\]")


def title_suffix_site(tree: lxml_html.HtmlElement, title: str | None) -> str | None:
    """Site name from '<title>标题_栏目_站名</title>' when the title is known: the piece furthest
    from the headline, last after it, first before it (站名-栏目-标题, as 2000s portals wrote it)."""
    page_title = first(tree, ("//title",))
    if not page_title or not title or title not in page_title:
        return None
    before, _, after = page_title.partition(title)
    # a provenance tag the headline shown on the page has dropped ([原创]标题-站名)
    before = re.sub(PROVENANCE_TAG, "", before)
    site_first = not after.strip(" :：-_|｜·") and bool(before.strip())
    parts = [p.strip(" :：-_|｜·") for p in P.TITLE_SEPARATORS.split(before + after)]
    parts = [p for p in parts if p and not p.lower().startswith(("powered by", "by "))]
    parts = [p for p in parts if 2 <= len(p) <= 30 and not _LIST_TAG.fullmatch(p)]
    for xpaths in (_BLOG_NAME_XPATH, _BLOG_TITLE_XPATH):
        blog = first(tree, xpaths)
        if blog in parts:
            return blog
    if own := _hosted_blog_name(tree, parts):
        return own
    shown = copyright_site(tree)
    if shown in parts:
        return shown  # a piece the copyright line names is the site, even 海峡纪实频道
    # A section of the site (标题_东江在线_新闻中心, 快讯, 文化频道) or a date is not its name.
    parts = [site_name(p) for p in parts if _NAME_CHARS.search(p) and not P.SECTION_LABEL.match(p)]
    if not parts:
        return None
    return parts[0] if site_first else parts[-1]


def _hosted_blog_name(tree: lxml_html.HtmlElement, parts: list[str]) -> str | None:
    """A hosted blog's own name: the <title> piece beside its host's that the page shows as
    a masthead of its own (<h1>老周的蜂场日记</h1>, <div class="bname">石桌棋话</div>)."""
    if not any(P.BLOG_HOST.search(p) for p in parts):
        return None
    candidates = [
        p
        for p in parts
        if not P.BLOG_HOST.search(p) and not P.SECTION_LABEL.match(p) and not _BLOG_SECTION.match(p)
    ]
    if not candidates:
        return None
    story = next(
        (p for p in tree.iter("p") if len(_FULL_STOPS.findall(p.text_content())) >= 1), None
    )
    stop = story.sourceline if story is not None and story.sourceline else None
    for el in _MASTHEAD_CANDIDATES(tree):
        if stop and el.sourceline and el.sourceline > stop:
            break  # below the story: a sidebar's categories or friends, not its masthead
        text = clean_text(el.text_content())
        if text in candidates:
            return text
    return None


_FULL_STOPS = re.compile(r"[。！？]")


# A blog's own sections, which <title> can name beside the post (文章 - 日志 - 某某博客).
_BLOG_SECTION = re.compile(
    r"^(?:日志|日誌|博文|随笔|隨筆|文章|相册|相簿|留言板?|个人空间|個人空間)$"
)
_MASTHEAD_CANDIDATES = etree.XPath(
    "(//body//*[self::h1 or self::h2 or self::div or self::a or self::span])[position() <= 80]"
)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def site_name(value: str) -> str:
    """The site without the channel it was shown with (江城热线文化频道 → 江城热线), the words of a
    link home around it (返回网易首页 → 网易), or the e-paper edition it names (南岭日报数字报刊 →
    南岭日报)."""
    value = P.LINK_ARROWS.sub("", value) or value
    for pattern in (P.HOME_LINK_SITE, P.CHANNEL_SUFFIX, P.EPAPER_SUFFIX):
        if m := pattern.match(value):
            return m.group(1)
    return value


def fallback_site(tree: lxml_html.HtmlElement) -> str | None:
    """The site's logo text, or the name in its copyright line: for pages with no metadata."""
    logo = first(tree, _LOGO_XPATHS)
    shown = copyright_site(tree)
    if logo and 2 <= len(logo) <= 12:
        return logo if logo == shown else site_name(logo)  # 海峡纪实频道 版权所有: a channel's own
    if shown:
        return shown
    named = first(tree, _SITE_NAME_XPATH)
    if named and 2 <= len(named) <= 12:
        return site_name(named)
    alt = first(tree, _LOGO_ALT_XPATHS) or _masthead_alt(tree)  # after the copyright line:
    # share buttons have logos
    return site_name(alt) if alt and 2 <= len(alt) <= 12 else trail_site(tree)


def _masthead_alt(tree: lxml_html.HtmlElement) -> str | None:
    """A masthead image's alt text, where the image links to the front page and the text ends as
    a site's name does (鯉門日報; a blog's header photo, 晨雾中的白鹭, says what it shows)."""
    for img in _MASTHEAD_IMAGES(tree):
        link = next(a for a in img.iterancestors("a"))
        alt = clean_text(img.get("alt"))
        if alt and home_link(link.get("href", "")) and re.search(_SITE_END + "$", alt):
            return alt
    return None


def copyright_site(tree: lxml_html.HtmlElement) -> str | None:
    """The name in the page's copyright line (Copyright © 2003-2008 华讯网 版权所有)."""
    tail = tree.text_content()[-3000:]
    m = _COPYRIGHT_SITE.search(tail)
    if m is None and any(w in tail for w in _RIGHTS):
        # The line may start after a <br> (主办：…<br>青石县人民政府 版权所有), which text_content
        # glues to the line before: read the blocks that hold the words, in lines.
        for node in reversed(_RIGHTS_TEXT(tree)):
            owner = node.getparent()
            block = owner.getparent() if node.is_tail else owner
            if block is not None and (m := _COPYRIGHT_SITE.search(block_text(block))):
                break
    return next((g for g in m.groups() if g), None) if m else None


_RIGHTS = ("版权所有", "版權所有")
_RIGHTS_TEXT = etree.XPath('//body//text()[contains(., "版权所有") or contains(., "版權所有")]')


def trail_site(tree: lxml_html.HtmlElement) -> str | None:
    """The root of the page's location trail, where it is a name and not 首页 or 主页."""
    text = tree.text_content()[:5000]
    m = _TRAIL_LABEL.search(text)
    if not m:
        return None
    trail = text[m.end() :].split("\n", 1)[0]
    crumbs = P.BREADCRUMB_SPLIT.split(trail)
    root = crumbs[0].strip() if len(crumbs) > 1 else ""
    if not 2 <= len(root) <= 12 or root in P.BREADCRUMB_LEAVES or _HOME_CRUMB.fullmatch(root):
        return None
    return site_name(root)


def html_site(tree: lxml_html.HtmlElement) -> str | None:
    return first(tree, _SITE_XPATHS)


def breadcrumb_category(trail: str | None, title: str | None = None) -> str | None:
    """'当前位置:首页 > 科技 > 正文' → 科技: the last crumb that is not the page itself."""
    if not trail:
        return None
    trail = trail.strip()
    if m := _TRAIL_LABEL.match(trail):
        trail = trail[m.end() :]
    crumbs = [c.strip() for c in P.BREADCRUMB_SPLIT.split(trail) if c.strip()]
    crumbs = [c for c in crumbs[1:] if c not in P.BREADCRUMB_LEAVES and c != title and len(c) <= 20]
    if title:
        crumbs = [c for c in crumbs if not (len(c) > 6 and c in title)]
    return crumbs[-1] if crumbs else None


def html_category(tree: lxml_html.HtmlElement, title: str | None) -> str | None:
    direct = first(tree, _CATEGORY_XPATHS)
    if direct:
        return direct
    for xp in _BREADCRUMB_XPATHS:
        for node in xpath(xp)(tree):
            links = [clean_text(a.text_content()) for a in xpath(".//a")(node)]
            links = [x for x in links if x]
            if len(links) >= 2:
                cat = breadcrumb_category(" > ".join(links), title)
                if cat:
                    return cat
            cat = breadcrumb_category(clean_text(node.text_content()), title)
            if cat:
                return cat
    return None
