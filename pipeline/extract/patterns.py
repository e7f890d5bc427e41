"""Declarative patterns for Chinese page boilerplate: constants only, no logic.

Phrase lists that users extend live in data/lexicons/boilerplate.toml; these are the structural
patterns (class/id tokens, selectors, date and meta-line shapes) the extractors are built on.
"""

from __future__ import annotations

import re

# Elements never part of an article body.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "svg",
    "form",
    "button",
    "select",
    "textarea",
    "nav",
    "footer",
    "aside",
    "template",
    "object",
    "embed",
    "canvas",
    "input",
    "label",
    "rt",  # a <ruby>'s reading (預<rt>yù</rt>): not the author's text, see extract/ruby.py
    "rp",
)

# Of those, tags that some sites wrap around the whole page; kept when they hold most of it.
WRAPPER_TAGS = frozenset({"form", "aside", "nav"})

# class/id values split into tokens on -, _ and spaces.
TOKEN_SPLIT = re.compile(r"[\s\-_]+")
# Tokens of comment areas and related-story lists.
COMMENT_RELATED_TOKENS = frozenset(
    {"comment", "comments", "commentlist", "respond", "reply", "replies", "related", "relatedposts"}
)
_COMMENT_RELATED = COMMENT_RELATED_TOKENS
# Containers beside the article (comments, related lists, sidebars): an author class inside
# one names a commenter or another story's writer.
ASIDE_TOKENS = _COMMENT_RELATED | {"sidebar", "widget", "widgets", "recommend", "recommended"}
# class/id tokens that mark boilerplate containers.
BOILERPLATE_TOKENS = _COMMENT_RELATED | frozenset(
    {
        "share",
        "sharing",
        "sharedaddy",
        "social",
        "sidebar",
        "widget",
        "widgets",
        "footer",
        "foot",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "nav",
        "navbar",
        "menu",
        "topbar",
        "header",
        "ad",
        "ads",
        "advert",
        "advertisement",
        "banner",
        "sponsor",
        "recommend",
        "recommended",
        "hot",
        "hotnews",
        "rank",
        "ranking",
        "copyright",
        "qrcode",
        "editsection",  # MediaWiki's [编辑] link after every heading
        "qr",
        "tags",
        "tag",
        "tagcloud",
        "pagination",
        "pager",
        "prevnext",
        "postnav",
        "signature",
        "sign",
        "pstatus",
        "login",
        "toolbar",
        "vote",
        "votebar",
        "subscribe",
        "follow",
        "modal",
        "popup",
        "cookie",
        "relatedarticles",
        "morelist",
        "moreanswers",
        "guess",
        "like",
        "likes",
        "extra",
        "meta",
        "byline",
        "author",
        "authi",
        "favatar",
        "pls",
        "disclaimer",
        "statement",
    }
)
# Of those, layout names that some templates put on the article's own wrapper (<div class="nav">
# around the story): a container so named that holds plain prose stays.
LAYOUT_TOKENS = frozenset(
    {"nav", "navbar", "menu", "topbar", "header", "extra", "meta", "banner", "foot", "sign"}
)
# Tokens that mark the article itself: a container carrying one is never dropped.
CONTENT_TOKENS = frozenset(
    {"content", "article", "entry", "post", "body", "main", "text", "richcontent"}
)

# Known article containers of common templates, tried in order (XPath, first match wins).
# Forum templates' first post (Discuz! 6-7, phpwind, phpBB 2 and Dvbbs): tried after the article
# templates, since a comment area or a sidebar may reuse these names, and never inside one.
FORUM_POST_XPATHS = (
    '(//*[starts-with(@id, "postmessage_")])[1]',
    '//*[@id="read_tpc"]',
    '(//*[contains(concat(" ", normalize-space(@class), " "), " postbody ")])[1]',
)
CONTENT_XPATHS = (
    '//*[@id="js_content"]',  # WeChat official-account articles
    '//*[contains(concat(" ", normalize-space(@class), " "), " RichContent-inner ")]',  # Zhihu
    # a microblog's post page (Weibo's WB_detail > WB_text): the post, not a comment's WB_text
    '(//*[contains(concat(" ", normalize-space(@class), " "), " WB_detail ")]'
    '//*[contains(concat(" ", normalize-space(@class), " "), " WB_text ")])[1]',
    '//*[@itemprop="articleBody"]',
    '(//td[contains(concat(" ", normalize-space(@class), " "), " t_f ")])[1]',  # Discuz: first post
    '//*[contains(concat(" ", normalize-space(@class), " "), " entry-content ")]',  # WordPress
    '//*[contains(concat(" ", normalize-space(@class), " "), " article-content ")]',  # Z-Blog
    '//*[@id="artibody"]',
    '//*[@id="article_content"]',
    '//*[@id="content_text"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " post_body ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " article-body ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " post-content ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " article_content ")]',
    *FORUM_POST_XPATHS,
    '//*[@id="content"]//article',
    "//article",
)
# Those that name the article itself rather than any <article> element or a forum's post.
MARKED_CONTENT_XPATHS = tuple(
    xp for xp in CONTENT_XPATHS if not xp.endswith("//article") and xp not in FORUM_POST_XPATHS
)

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "dl",
        "dd",
        "dt",
        "figure",
        "figcaption",
        "header",
        "main",
        "center",
        "tbody",
    }
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])"
)
# Dates as Chinese pages write them. Named groups: y, m, d (and the others that _date_of reads).
DATE_PATTERNS = (
    re.compile(r"(?P<y>20\d{2}|19\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(r"(?P<y>20\d{2}|19\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])"),
    # Blog themes and Hong Kong pages in English: May 7, 2005 · 7 May 2005 · Sep. 17, 2004.
    re.compile(
        rf"(?<![A-Za-z])(?:(?P<m>{_MONTHS})\.?\s+"
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>20\d{2}|19\d{2})"
        rf"|(?<!\d)(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+"
        r"(?P<y2>20\d{2}|19\d{2}))(?![\d])"
    ),
    # C's ctime, as telnet BBSes and mail archives stamp a post: Wed Oct 25 22:31:08 2006.
    re.compile(
        rf"(?<![A-Za-z])(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
        r"\s+(?P<y>20\d{2}|19\d{2})(?![\d])"
    ),
    # Taiwan's official calendar: 民國97年5月3日 is 2008-05-03 (the year plus 1911).
    re.compile(
        r"(?:民國|民国)\s*(?P<roc>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    ),
    # Day and month before the year with slashes, in either order (24/11/2015 in Hong Kong and
    # Macau, 9/17/2004 5:54:13 AM on ASP/IIS sites): 7/5/2005 reads as 5 July in the US and as 7
    # May in Hong Kong and Europe, and pages annotate it either way, so it is read only where one
    # of them is above 12 (_date_of); and only as a stamp: with its time or its source, or ending
    # its line (not a model's LX-9/13/2014, a flat's 5/18/2003 号).
    re.compile(
        r"(?<![\w/.\-])(?P<sa>\d{1,2})(?P<sep>[/-])(?P<sb>\d{1,2})(?P=sep)(?P<sy>20\d{2}|19\d{2})"
        r"(?=[ \t\xa0\u3000]+(?:\d{1,2}:\d{2}|来源|來源|作者|记者|記者|编辑|編輯)"
        # or its weekday in brackets (15/06/2026（星期一）　08:00), or a bar to the next field
        # of a meta row (記者 梁詠芝｜14-03-2025｜瀏覽 2,316)
        r"|[ \t\xa0\u3000]*[（(](?:星期|週|周)[一二三四五六日天][）)]|[ \t\xa0\u3000]*[|｜]"
        r"|[ \t\xa0\u3000]*(?:\n|$))"
    ),
    # A two-digit year, each part two digits, on a byline (【南浦晚报】 06-11-23 本报记者 柯雨辰), as
    # 2000s papers stamp a story; elsewhere such digits are a model number, a related link's
    # day, Taiwan's year (98-05-03) or Hong Kong's day first (20-06-24).
    re.compile(
        r"(?:^|(?<=[\s】\]]))(?P<yy>\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?=[ \t\xa0\u3000]+(?:\d{1,2}:\d{2}[ \t\xa0\u3000]+)?(?:本报|本報|记者|記者|作者|编辑|編輯"
        r"|来源|來源|通讯员|通訊員))"
    ),
    # The same after a mainland page's publish label (发布日期：24-06-03, 发布时间：25-1-28), in
    # this century: the Simplified label leaves out Taiwan's year and Hong Kong's day first.
    re.compile(
        r"(?:(?<=发布日期[:：])|(?<=发布时间[:：])|(?<=发表时间[:：]))[ \t\xa0\u3000]*"
        r"(?P<yy>[0-4]\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])"
    ),
    # The same after a blog's "posted @" (or where a post stamp's label ended), with its time
    # (posted @ 08-10-19 22:41 冯远航).
    re.compile(
        r"(?:(?<=@)|^)[ \t\xa0\u3000]*(?P<yy>\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?=[ \t\xa0\u3000]+\d{1,2}:\d{2})"
    ),
)
# The English month names of the last pattern.
MONTH_NAMES = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}

# Values an author rule can pick up that name no person: the label itself (记者：), a role, a
# layout word (字号 of a font-size switcher), a page-chrome link (作者一览).
NOT_AUTHORS = frozenset(
    {
        "记者",
        "記者",
        "作者",
        "编辑",
        "編輯",
        "通讯员",
        "通訊員",
        "实习生",
        "實習生",
        "本报",
        "本報",
        "字号",
        "字號",
        "来源",
        "來源",
        "责任编辑",
        "責任編輯",
        "编译",
        "編譯",
        "摄影",
        "攝影",
        "特约记者",
        "特約記者",
        "网友",
        "網友",
        "游客",
        "遊客",
        "楼主",
        "樓主",
    }
)
# A web portal or a news wire in an author field (meta name=author holds the site on many CMSs).
PORTAL_AUTHORS = re.compile(
    r"^(?:网易|網易|新浪|搜狐|腾讯|騰訊|凤凰|鳳凰|新华社|新華社|中新社|中新网|中新網|"
    r"chinanews|sina|sohu|netease|qq|xinhua|ifeng)",
    re.I,
)

# A scraper's or an archive's record of when it took the page (抓取时间：, 采集时间：, 保存于,
# 快照日期：), written above or below the page's own text: the day of the crawl, never the story's.
CRAWL_WORDS = (
    "抓取", "采集", "採集", "爬取", "擷取", "撷取", "保存", "存档", "存檔", "快照", "入库", "入庫",
    "收录", "收錄",
)  # fmt: skip
# Words before 时间/日期 that make it the day of something other than the story: a member joined
# or logged in (注册时间：), a deadline (截止日期：), a Q&A resolved days after the question
# (解决时间：), a print version printed (列印日期：), a blog or a site opened (开通时间：), the
# page's clock (现在时间：…), a crawl (CRAWL_WORDS). Each two characters long: PUBLISH_LABELS
# looks behind for them.
OTHER_DAY_WORDS = (
    "注册", "註冊", "加入", "登录", "登錄", "截止", "解决", "解決", "列印", "打印",
    "开通", "開通", "开博", "開博", "建站", "现在", "現在", "当前", "當前", *CRAWL_WORDS,
)  # fmt: skip
# The crawl's label right before its date (CRAWL_WORDS with 时间, 日期 or 于; a scraper's field
# crawled_at:, fetched:, saved:), anchored at its end.
CRAWL_LABEL = re.compile(
    "(?:" + "|".join(CRAWL_WORDS) + r")(?:时间|時間|日期|于|於)\s*[:：]?\s*$"
    r"|(?<![A-Za-z])(?:crawl(?:ed)?|fetch(?:ed)?|scrap(?:ed|e)|saved|retrieved|captured|archived)"
    r"(?:[ _](?:at|on|time|date))?\s*[:：=]?\s*$",
    re.I,
)
PUBLISH_LABELS = re.compile(
    r"(发布于|發佈於|發布於|发表于|發表於|发布时间|發布時間|发表时间|"
    # not another day's label (OTHER_DAY_WORDS), a reply's (回复时间：), nor an update's
    # (更新日期：), which is a story's only dateline on many Taiwan sites but must not outrank a
    # date that says it is the publication's (2014/05/05 發佈 ｜ 更新日期：2014/05/06)
    + "".join(f"(?<!{w})" for w in (*OTHER_DAY_WORDS, "回复", "回覆", "更新", "修改"))
    + r"(?:时间|日期)[:：]|"
    r"編輯於|编辑于|更新于|發佈時間|提交日期|提交时间|Posted on|Published|[Pp]osted(?: by| @| at)"
    # a label a slash or a bar parts from its date (發布 / 2025年1月30日 17:45)
    r"|(?:发布|發布|發佈|发表|發表)\s*[/／|｜](?=\s*\d))"
)
# A text's own note of its first publication with its date right after (本文首发于 2025-01-21，转载
# 请注明出处): the day the piece came out. Only the text's own (本文, 此文) and only a date right
# after it: 首发于 alone also says where or when a product was launched (该机型首发于2024年).
FIRST_PUBLISHED_NOTE = re.compile(
    r"(?:本文|此文|本篇)\s*(?:首发|首發|首刊|首載|首载)(?:于|於)\s*[:：]?\s*(?=\d|[〇○零一二三四五六七八九])"
)
# The date an official document was signed (成文日期 on government disclosure pages): the date
# the document itself carries at its end, while 发布日期 is when the site posted it.
DOCUMENT_DATE_LABEL = re.compile(r"成文日期|成文時間|成文时间")
# A date of month precision (2003年5月, 1998年3月号): the date a report or a
# magazine piece carries when it gives no day.
MONTH_ONLY = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?!\s*\d)\s*[号號]?")
AUTHOR_LABEL = re.compile(
    r"(?:(?<![\u4e00-\u9fff])(?:文|图|圖)\s*[/／]\s*(?:图|圖|文)\s*[:：]?"  # 文/图 刘晓晨
    # 文 alone only where no word ends in it (分享此文：, 全文：): 文：张三, 文／許雅婷, 文 | 苏小禾
    r"|(?<![\u4e00-\u9fff])文\s*[:：/／|｜]"
    # 编译 (a translator or a compiler), 整理 (who wrote up an interview), 主讲 (a talk's speaker),
    # 分析师 (a research note's), 报道 (a Singapore paper's reporter: 报道：陈俊贤)
    # (the new credit words only as a line's or a field's first word: 重点整理：is a summary,
    # and a headline's 科技股急升 分析師：估值重估未完 quotes its speaker)
    r"|(?:(?<![\u4e00-\u9fff])(?<![\u4e00-\u9fff] )"
    # (an analyst after a full-width space too: a headline's 港股AI概念股輪動　分析師：留意估值)
    r"(?:编译|編譯|整理|主讲|主講|(?<![\u4e00-\u9fff]\u3000)(?:分析师|分析師|分析員)|报道|報導)"
    # 文字 beside 攝影 on a campus or agency page (文字：鄭宇彤　攝影：賴冠廷), not inside a word (中文字：)
    r"|(?<![\u4e00-\u9fff])文字(?:直播)?"
    r"|作者简介|作者簡介|张贴者|張貼者|回答者|解答(?:专家|專家|老师|老師|医生|醫生|医师|醫師)|回复医生|回覆醫生|发布者|發佈者|發布者|发\s*布\s*人|發\s*[佈布]\s*人|发表人|發表人|作者|作\s*者|撰文|撰稿|撰稿人|主笔|主筆|本期主讲|本期主講|樓主|楼主|記者|记者|編輯|编辑|发文机关|發文機關|发布机构|"
    # a shared document's owner or creator (所有者：许一鸣)
    r"發佈機構|发布机关|發佈機關|所有者|创建者|創建者|Author|Written\s+[Bb]y"
    r"|(?<![Pp]owered )(?<![Pp]owered)By)\s*[:：/／]"
    # a bar after a credit word (编译 | 孟川, 整理 | 吕青), as self-media print bylines
    # (翻譯 not as the end of a longer word: a menu's 專欄翻譯 ｜ 關於我們; 特约作者 | 张明远 is a byline)
    # (编译 not as a site's name ending in it either: 远见编译 | 全球科技深度)
    r"|(?:(?<![\u4e00-\u9fff])(?:编译|編譯|翻译|翻譯)|整理|主讲|主講|作者|撰文"
    r"|记者|記者)\s*[|｜])\s*"
    # a translated writer's country before the name (作者：[美] 伊森·卡尔弗)
    r"(?:[\[【〔(（][\u4e00-\u9fff][\]】〕)）]\s*)?"
    # a foreign name's dot in any of its forms (艾倫・索恩, 艾伦·索恩, 艾倫‧索恩)
    r"([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9_·・‧．.&＆\- ]{0,24}?)"
    # where the name ends: a space, a mark, the next field (来源, 审核, 发文日期), or digits
    # after a Chinese name (张三2005-5-7); a handle keeps its own (lightboy2005)
    r"(?=\s|$|[，,、。|｜/／:：】\]）)（(]|来源|來源|发布|發佈|发文|發文|时间|時間|日期|审核|審核|校对|校對"
    r"|审校|審校|摄影|攝影"
    # (责任编辑 whole: inline fields run together, 作者：王小二责任编辑：lisi)
    r"|责任编辑|責任編輯|编辑|編輯|执业|執業|时长|時長|参与|參與"
    r"|责编|責編|监制|監製|阅读|閱讀|刊[於于]|发表|發表"
    # the next field's label run on with no space, as inline tags join (撰文：梁嘉欣出版：…)
    r"|(?:出版|更新)[:：]"
    # digits that start a date (张三2005-5-7), not a handle's own (北方的狼1976 发表于)
    r"|(?<=[\u4e00-\u9fff])\d{1,4}[-/.年:：月])"
)
# Words that open a comment area or other stories: a date after them is not the post's.
COMMENTS_START = re.compile(
    r"评论|評論|回复|回覆|回应|回應|留言|网友|網友|[Cc]omment|[Rr]esponse|[Rr]epl(?:y|ies)|\d+\s*楼|沙发"
    r"|上一篇|下一篇|相关|相關|主办|主辦|版权|版權|[Cc]opyright"
)
# A blog's links to the posts before and after this one, right under it (« 上一篇： 标题 » 下一篇：
# 标题): the stamp of the post may still follow them; their titles and dates are other posts'.
PREV_NEXT_LINE = re.compile(
    r"^[\s«‹<←]*(?:上一篇|下一篇|上篇|下篇|前一篇|后一篇|後一篇)(?:文章|博文)?\s*[:：]?"
)
# A post's own stamp (发表于：…, posted by 茉莉 @ …), unlike a page's 更新时间.
POST_STAMP = re.compile(
    r"发表于|發表於|发表时间|發表時間|提交日期|提交时间|[Pp]osted(?: by| @| at|\s*[:：])"
    r"|发布于|發佈於|發布於"  # a Q&A answer's 发布于 2024-08-17 22:05・IP 属地上海 under it
)
# A post's own time line, which names its floor and offers to reply (1楼 2008-10-12 20:15 回复).
FLOOR_STAMP = re.compile(r"^(?:#?1\s*[楼樓]|楼主|樓主)?\s*(?:19|20)\d{2}[-/.年]")
# A line that opens a comment area (网友评论, 评论(5), 最新留言, 2楼, 沙发); not 版权声明 or 相关新闻,
# below which an editor's credit can still stand.
COMMENTS_OPEN = re.compile(
    r"(?:网友|網友|读者|讀者|热门|熱門|最新|全部|精彩)?(?:评论|評論|留言|回复|回覆|回应|回應|反馈|反饋)"
    r"|\d+\s*[楼樓](?!\S)|沙发|沙發|[Cc]omments?\b"
)
# What a post's own time line holds besides the time: its floor and its buttons. Anything else
# (有效期至：, 上期回顾（…）) makes it another line's date.
STAMP_REST = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"
    r"|(?:上午|下午|中午|晚上|凌晨|[AaPp][Mm])?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?"
    r"|#?\d+\s*[楼樓]|楼主|樓主|回复|回覆|举报|舉報|引用|编辑|編輯|删除|刪除|只看该作者|只看TA|分享|收藏|点赞|點讚"
    r"|(?:来自|來自)\s*\S{1,12}"  # the client a post was sent from (来自微言手机版)
    r"|[\s|｜·•\[\]【】()（）]"
)
# An official document's title (…关于…的通知): signed by the body that issued it.
NOTICE_TITLE = re.compile(
    r"(?:通知|通告|公告|决定|決定|意见|意見|办法|辦法|批复|批覆|规定|規定|方案)$"
)
# A Latin name of two words after a label (作者：Alex Chen), which the label rule cuts at the space;
# not the field that follows it (Jane Doe Posted 2025-01-28) nor a desk (Reuters Staff).
LATIN_FULL_NAME = re.compile(
    r"[A-Z][a-z]+(?: (?!(?:Posted|Published|Updated|Staff|Reporter|Editor|Writer|On|At|In)\b)"
    # not the date after the name (作者：Alan March 4, 2025)
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d)"
    r"[A-Z][a-z]+){1,2}\b"
)
# The name before the mark: 张三/文, 张三／文.
NAME_THEN_WEN = re.compile(
    r"(?:^|[\s\xa0（(【\[])([\u4e00-\u9fff]{2,4})\s*[/／]\s*文(?![\u4e00-\u9fff])"
)
# A byline alone on its line with a space for the colon (作者 黃品澄, 撰文　林子謙).
SPACED_BYLINE = re.compile(
    r"(?:^|\n)[ \t\u3000]*(?:作者|撰文|記者|记者|文)[ \t\u3000]+"
    r"([\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t\u3000]*(?:\n|$)"
)
# A tech account's reporter line under the meta line (青禾 发自 望北楼).
SENT_FROM = re.compile(
    r"(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4})?)[ \t\u3000]+(?:发自|發自)"
    r"[ \t\u3000]+\S{2,12}[ \t\u3000]*(?:\n|$)"
)
# A commentary's closing credit that names its writer and their post in one phrase:
# （作者方文渊系江州大学研究员）; （作者系…研究员） names no one.
NAMED_CREDIT = re.compile(r"[（(]\s*作者\s*([\u4e00-\u9fff]{2,3})(?:系|係|为|為)")
# An English byline alone on its line, as a Chinese edition of a foreign site prints it.
LATIN_BYLINE = re.compile(r"(?:^|\n)[ \t]*By[ \t]+([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t]*(?:\n|$)")
# Roles and sources written where a name would be (本报记者/文, 网友投稿/文): no person.
ROLE_WORDS = re.compile(
    r"记者|記者|编辑|編輯|撰稿|投稿|网友|網友|特约|特約|本报|本報|本站|小编|通讯员|通訊員"
)
# 记者林怡君／台北報導 · 本报记者 葛灵丹 · （记者 胡晓蓉） · （姚峰 上海报道） · 执笔人：闵乐夫
REPORTER_LABEL = re.compile(
    r"(?:(?:记者|記者|实习生|實習生|(?:特约|特約|本报|本報|本网|本網|本刊)(?:评论员|評論員)"
    r"|(?:特约|特約)(?:撰稿人|撰稿|撰文))[\s\xa0]*([\u4e00-\u9fff]{2,3})(?=(?:(?<=[\s\xa0][\u4e00-\u9fff]{2})|(?<=[\s\xa0][\u4e00-\u9fff]{3}))[ \t\xa0\u3000]*\n|(?:、[\u4e00-\u9fff]{2,3})+(?<!摄)(?<!攝)[／/）)]|[\s\xa0]+(?:文|图|圖)[／/]|[\s\xa0]*(?:[／/）)（(【\[]|[\s\xa0]+[\u4e00-\u9fff]{2,3}|$|\s*\S{2,4}报道))"
    # a reporter's line with the time after the name (记者 朱思远 3小时前, 记者 朱思远 2024-03-18,
    # 記者 梁詠芝｜14-03-2025)
    r"|(?:记者|記者)[\s\xa0]+(?P<timed>[\u4e00-\u9fff]{2,3})"
    r"(?=[\s\xa0]+\d{1,4}(?:小时|小時|分钟|分鐘|天|[-/.年:])|[\s\xa0]*[|｜][\s\xa0]*\d)"
    r"|[（(]([\u4e00-\u9fff]{2,3})[\s\xa0]+\S{2,4}(?:报道|報導)[）)]"
    # a Taiwan paper's bracketed byline without the role: 【陳俊雄／新北市報導】, 【甲、乙／綜合報導】
    r"|[【〔\[](?P<bracketed>[\u4e00-\u9fff]{2,3})(?:、[\u4e00-\u9fff]{2,3})*[／/][\u4e00-\u9fff]{0,6}(?:报道|報導)[】〕\]]"
    r"|(?:执笔人|執筆人)[:：]\s*([\u4e00-\u9fff]{2,4})"
    # a paper's or a site's own reporter alone on a line, the name glued on (本網記者何詠芝)
    r"|(?:^|\n)[ \t\u3000]*(?:本报|本報|本网|本網|本刊|本台)(?:记者|記者)([\u4e00-\u9fff]{2,3})[ \t\u3000]*(?=\n|$))"
)
# Blog and forum bylines: 由海姑娘张贴 @ 2005-06-14 · ggjjzhzz 发表于 2005-9-15 · [ 黄宇 ] 来源：
POSTED_BY = re.compile(
    r"由\s*([^\s@]{2,12}?)\s*(?:张贴|張貼)"
    r"|[Pp]osted\s+by\s+([^\s@|]{2,16}?)\s*(?:@|\bat\b|\bon\b|于|於|\||$)"
    # a blog's footer: posted @ 2007-11-02 10:15 阿飞 阅读(123)
    r"|[Pp]osted\s*@\s*(?:\d{4}|\d{2})-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s+([^\s@|]{2,16})(?=\s|$)"
    # a group's post: 来自: 拾柒(胶片和咖啡续命) 2010-12-04 21:33:07
    r"|(?:^|\n)\s*来自[:：]\s*([^\s(（:：]{2,16})(?:[(（][^)）\n]{0,20}[)）])?\s+(?:19|20)\d{2}-\d"
    # (on the same line: a headline above 发表于 … is not a name)
    r"|([A-Za-z0-9_\u4e00-\u9fff]{2,16})[ \t\xa0\u3000]+(?:发表于|發表於)\s*\d{4}"
    # a developer blog's stamp: 码农阿飞 已于 2025-03-12 10:11:33 修改
    r"|(?:^|\n)[ \t]*([A-Za-z0-9_\u4e00-\u9fff]{2,16})[ \t\xa0\u3000]+已于\s*(?:19|20)\d{2}-\d"
    r"|\[\s*([\u4e00-\u9fff]{2,4})\s*\][\s\ue000-\uf8ff]*(?:来源|來源)"
    # an info table's field, its name in one cell and the value in the next (發布者 | 謝孟蓉)
    r"|(?:^|\n)[ \t]*(?:發布者|發佈者|发布者|作者)[ \t]*\n[ \t]*"
    # (not the next header cell of a list's table: 作者 | 标题 | 时间)
    r"(?!(?:标题|標題|主题|主題|题目|題目|时间|時間|日期|发表时间|發表時間|回复|回覆|点击|點擊|查看|人气|人氣|内容|內容)[ \t]*(?:\n|$))"
    r"(?![\u4e00-\u9fff]{0,3}(?:科室|單位|单位|部門|部门|課|课|處|处|室)[ \t]*(?:\n|$))"  # not an office
    r"([\u4e00-\u9fff]{2,4})[ \t]*(?=\n|$)"
    # a Q&A answer's badge before its writer: ★ 提问者采纳 慢慢走的蜗牛 进士 六级
    r"|(?:提问者采纳|提問者採納|最佳答案|满意答案|滿意答案)[ \t\xa0\u3000]+([^\s|｜:：]{2,16})(?=[ \t\xa0\u3000]|$)"
    # a school's or an office's contributor in brackets: （初二年级组 王晓燕 供稿）
    r"|[（(][^（）()。，\n]{0,20}[\s\u3000]([\u4e00-\u9fff]{2,3})[\s\u3000]*(?:供稿|撰稿)[）)]"
)
# A mail archive's header above the message (From: 林小川 <linxc@example.org>): read above the
# body only, where a story quoting a mail has no such line.
MAIL_FROM = re.compile(r"(?:^|\n)[ \t]*From[ \t]*[:：][ \t]*([^\s<>@:：]{2,20})[ \t]*<[^<>@\s]+@")
# A poster with the rank a forum prints beside the name, above the post (稳字当头 [中级吧友]
# 发表于 2012-06-01): above the story only, where no commenter stands.
RANKED_POSTER = re.compile(
    r"(?:^|\n)[ \t\xa0\u3000]*([A-Za-z0-9_\u4e00-\u9fff]{2,16})[ \t\xa0\u3000]*\[[^\]\s]{1,8}\][ \t\xa0\u3000]+"
    r"(?:发表于|發表於)\s*\d{4}"
)
# A blog post's own footer with the time only (小满 发表于 22:10 | 评论(6)): right under the
# post, before its comments; in a sidebar it is a recent comment's.
FOOTER_POSTER = re.compile(
    r"(?:^|\n)[ \t\xa0\u3000]*([A-Za-z0-9_\u4e00-\u9fff]{2,16})[ \t\xa0\u3000]+(?:发表于|發表於)\s*"
    r"(?:上午|下午|晚上|凌晨)?\s*\d{1,2}:\d{2}"
)
# A story signed at its end with the reporters' names in brackets: （常书香 马丹阳）
SIGNATURE = re.compile(
    r"[（(][\s\xa0]*([\u4e00-\u9fff]{2,3}(?:[\s\xa0、]+[\u4e00-\u9fff]{2,3})*)[\s\xa0]*[）)]\s*$"
)
# The commonest Chinese surnames (Simplified and Traditional): a bare name that carries no label
# (鄭文山　2024年6月20日 under a headline) is told from a place in a dateline (北京　2024年6月20日)
# by opening with one.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方"
    "白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫"
    "康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧"
    "尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈"
    "饶饒解牟艾尤阳陽穆农農卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景宫宮费費卜冷"
    "晏席卫衛米柏宗瞿桂佟臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏"
    "佘池乐樂匡钮鈕郁鞠戈鐘"
)
NOT_NAMES = frozenset(
    {
        "待续",
        "未完",
        "完结",
        "组图",
        "图文",
        "视频",
        "正文",
        "摘要",
        "导读",
        "简介",
        "附图",
        "全文",
        "上",
        "中",
        "下",
        "续",
        "图片",
        "资料图",
        "资料",
        "原创",
        "转载",
        "本报讯",
        "评论",
        "专题",
        "调查",
        "观察",
        "手记",
        "专访",
        "采访",
        "报道",
        "报道组",
        # a thread's floors and a card's buttons, alone on a line like a byline name
        "楼主",
        "沙发",
        "板凳",
        "地板",
        "关注",
        "私信",
        "粉丝",
        # section headings of a post, a paper or a recipe, which stand alone on a line like a name
        "用料",
        "做法",
        "材料",
        "配料",
        "原料",
        "调料",
        "步骤",
        "背景",
        "前言",
        "引言",
        "序言",
        "总结",
        "小结",
        "结论",
        "结语",
        "概述",
        "目录",
        "附录",
        "后记",
        "文章",
    }
)
# A personal name alone under a source label (来源: 尹娟); media names end in 报, 网, 社, 刊…
SOURCE_NAME = re.compile(r"(?:^|\n)\s*(?:来源|來源)\s*[:：]\s*([\u4e00-\u9fff]{2,3})\s*(?:\n|$)")
# A blog host's name (乐享博客, 七彩空间, 新叶博客, 跑道博客园): the service, not the blog.
BLOG_HOST = re.compile(r"(?:博客|部落格|空间|空間|[Bb]log)(?:园|園|网|網|中国|中國)?$")
MEDIA_SUFFIX = re.compile(
    # 周 of a weekly, not of a nickname (老周, 小周, 阿周)
    r"(?:报|報|网|網|社|刊|台|站|部|局|院|会|會|厅|廳|办|辦|(?<![老小阿])[周週]|讯|訊|志|誌)$"
)
# A blog platform's sidebar profile: 太小心 [作者简介] · [太小心]个人类别 · [太小心]存档目录
PROFILE_NAME = re.compile(
    r"(?:^|\n)\s*([^\s\[\]]{2,12})\s+\[(?:作者简介|作者簡介)\]"
    r"|\[([^\s\[\]]{2,12})\](?:个人类别|個人類別|存档目录|存檔目錄|的个人链接|的個人鏈接)"
    # a profile box's heading, then the owner's name on the next line or the one after (an
    # avatar's alt text or a 博客等级 line may stand between): 个人资料 / 蜗牛先生 / 博客等级：11
    r"|(?:^|\n)[ \t\u3000\xa0]*(?:个人资料|個人資料|博主资料|博主資料|博主信息|关于博主|關於博主)"
    r"[ \t\u3000\xa0]*\n"
    r"(?:[ \t\u3000\xa0]*\S{0,12}[ \t\u3000\xa0]*\n)??"
    r"[ \t\u3000\xa0]*([\u4e00-\u9fffA-Za-z0-9_]{2,12})[ \t\u3000\xa0]*(?=\n|$)"
    # a profile's nickname field (昵称：钱串子, 博主：阿琴), the first one on the page: a comment form's
    # 昵称 field below the post is empty or the visitor's
    r"|(?:^|\n)[ \t\u3000\xa0]*(?:昵称|暱稱|博主昵称|博主暱稱|博主)[:：][ \t\u3000\xa0]*"
    r"([\u4e00-\u9fffA-Za-z0-9_]{2,12})[ \t\u3000\xa0]*(?=\n|$)"
    # 个人档案 heads a blog's profile box, and a news page's box on the story's subject: a blog's
    # only where a blog's fields follow (文章, 访问, 等级…)
    r"|(?:^|\n)[ \t\u3000\xa0]*(?:个人档案|個人檔案)[ \t\u3000\xa0]*\n[ \t\u3000\xa0]*"
    r"([\u4e00-\u9fffA-Za-z0-9_]{2,12})[ \t\u3000\xa0]*(?=\n|$)"
)
# A blog prints the post's time after its title (标题 (2005-12-31 23:05:12)): not the headline's.
# A date without a time is part of a title (在…会议上的讲话（2023年12月28日）).
TRAILING_STAMP = re.compile(
    r"\s*[（(\[【]\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[日号\s]*\d{1,2}:\d{2}"
    r"[^()（）\[\]【】]{0,6}[)）\]】]\s*$"
)
# A blog's owner as its header names it (茉莉的博客, 城南小舟的BLOG, 小楼听雨的个人空间): the
# owner wrote the post when no byline says otherwise.
BLOG_OWNER = re.compile(
    r"(?:^|\n)\s*([^\s\n·|，,。：:]{2,10}?)[ \xa0]?的(?:博客|部落格|BLOG|Blog|blog|个人空间|個人空間)"
    r"(?=\s|$|[·|｜:：,，])"
    r"|(?:^|\n)[ \t\xa0\u3000]*(?:主人|博主|空间主人|空間主人)[:：][ \xa0\u3000]*([^\s\n·|，,。：:]{2,8})"
    r"(?=[ \t\xa0\u3000]|\n|$)"
)
# The member panel a forum prints beside a post (背包客阿Q / 等级：论坛游侠 / 积分：1380): the
# name on the line right above the panel's first field is the poster's.
_MEMBER_RANK = (
    r"(?:[\u4e00-\u9fff]{0,4}(?:会员|會員|版主|管理员|管理員|用户|用戶)|新手上路|论坛元老|論壇元老|贵宾"
    r"|VIP会员|禁止发言)"
)
POSTER_PANEL = re.compile(
    r"(?:^|\n)[ \t\u3000\xa0]*([^\s]{2,16})(?:(?:[ \t\u3000\xa0]*\n)+[ \t\u3000\xa0]*"
    # Discuz! 6 and 7 print the rank on the name's line, the profile from its UID on (小周骑驴找马
    # 新手上路 / UID 58213); a board's 本版之星 box prints a name and a rank too, then 积分
    r"|[ \t\u3000\xa0]+" + _MEMBER_RANK + r"(?:[ \t\u3000\xa0]*\n)+[ \t\u3000\xa0]*(?=UID))"
    # Older ones print the rank between the name and the fields (梧桐细雨 / 新手上路 / UID)
    r"(?:" + _MEMBER_RANK + r"(?:[ \t\u3000\xa0]*\n)+[ \t\u3000\xa0]*)?"
    r"(?:等级|等級|级别|級別|头衔|頭銜|UID|积分|積分|帖子|精华|精華|经验|經驗|威望"
    r"|(?:注册|註冊)(?:时间|時間|日期)?|MP)(?:[:：]|\s+\d)"
)
RELATIVE_TIME = re.compile(r"\d+\s*(?:年|个月|個月|月|周|週|天|小时|小時|分钟|分鐘|秒)前")

# Breadcrumb trails: 当前位置:首页 > 栏目 > 正文内容 / 首页 » 分类 » 标题 / 论坛 › 版块 › 帖子 /
# 网易首页 > 网易号 > 正文 (a short site name before 首页, then an arrow: 乌镇论坛/峰会上 is prose)
BREADCRUMB_LINE = re.compile(
    r"^(?:当前位置|當前位置|您的位置|你的位置|位置)?\s*[:：]?\s*"
    r"(?:(?:首页|首頁|主页|论坛|論壇|Home)\s*[>›»/＞]"
    r"|[\u4e00-\u9fffA-Za-z0-9]{1,6}(?:首页|首頁|主页)\s*[>›»＞])"
)
BREADCRUMB_SPLIT = re.compile(r"\s*[>›»/＞]\s*")
BREADCRUMB_LEAVES = frozenset(
    {"正文", "正文内容", "正文內容", "内容", "帖子", "文章", "详情", "詳情"}
)

# A section of a site, not the site (标题_东江在线_新闻中心, 标题 - 财知道 - 快讯, 江城热线文化频道).
SECTION_LABEL = re.compile(
    r"^(?:(?:社会|國際|国际|国内|國內|本地|公司|财经|財經|体育|體育|娱乐|娛樂|科技|图片|圖片|即时|即時|滚动|滾動)?"
    r"(?:新闻|新聞)(?:中心|频道|頻道)?|快讯|快訊|要闻|要聞|港闻|港聞|资讯|資訊|资讯中心|資訊中心|正文|首页|首頁"
    r"|(?:免费)?在线阅读|(?:免費)?線上閱讀|[\u4e00-\u9fff]{2,4}(?:频道|頻道)"
    # a market's or a beat's name alone (…| Anue鉅亨 - 美股, - 香港經濟日報 - 投資)
    r"|美股|港股|台股|陸股|陆股|A股|投資|投资|財經|财经|科技|產業|产业|證券|证券|理財|理财|國際|国际"
    r"|打印版|打印页|打印頁|列印版|列印頁|打印本页|打印本頁|[Pp]rint(?:able)?(?: version)?)$"
)
HOME_LINK_SITE = re.compile(r"^(?:返回|回到|到)?(.{2,}?)\s*(?:论坛|論壇|网站|網站)?(?:首页|首頁)$")
LINK_ARROWS = re.compile(r"^[\s>»›→]+|[\s>»›→]+$")  # 荆襄体育在线 >>
CHANNEL_SUFFIX = re.compile(r"^(.{2,})\s*[\u4e00-\u9fff]{2}(?:频道|頻道)$")
# A mainland paper's e-paper platform: the site is the paper (泠江日报数字报刊平台 → 泠江日报). Not
# Taiwan's 電子報, which is the name a paper's news site goes by (自立時報電子報).
EPAPER_SUFFIX = re.compile(r"^(.{2,}?报)\s*(?:数字报刊平台|数字报刊|数字报|电子版|数字版)$")

# Title suffixes: 标题_站名 / 标题 - 站名 / 标题|站名
# Titles of the posts on a page that lists several (a blog's archive: post-title, entry-title).
POST_TITLE_XPATH = (
    '//*[contains(concat(" ", normalize-space(@class), " "), " post-title ")'
    ' or contains(concat(" ", normalize-space(@class), " "), " entry-title ")'
    ' or contains(concat(" ", normalize-space(@class), " "), " posttitle ")]'
)
# (a hyphen between Chinese and a capital too: 标题_关键词-CSDN博客)
TITLE_SEPARATORS = re.compile(
    r"\s*(?:_|\||｜| - | — | – |-{2,}|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fffA-Z])|\s::\s|[:：]\s+)\s*"
)

# Punctuation of prose, a sentence's end, a Chinese character: what tells text from a menu.
PROSE_PUNCT = re.compile(r"[，。！？；：、,.!?;:“”「」]")
SENTENCE_END = re.compile(r"[。！？!?]")
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")

# A forum member's counters under their name (UID 20931　帖子 1842　积分 5230, 股龄 9年　发帖 1,204).
MEMBER_COUNTERS = re.compile(
    r"(?:UID|帖子|积分|積分|主题|主題|精华|精華|发帖|發帖|回帖|威望|金钱|金錢|股龄|股齡|注册时间|註冊時間)"
    r"\s*[:：]?\s*\d"
)

# A desk, not a person: credited before its writer (文／大會新聞組 許芷瑄, 整理／投資前線研究部
# 吳昱廷), or among a live blog's hosts (主持：晨潮财经科技组　梁栩).
DESK = re.compile(r"(?:组|組|部|台|团队|團隊|中心|研究所|工作室)$")
# A note on the writer closing a column: （作者为远方资本首席经济学家　林岱）, the name last.
WRITER_NOTE = re.compile(
    r"[（(]\s*作者(?:为|為|系|係|是)[^）)\n]*?[\s\u3000]([\u4e00-\u9fff]{2,4})\s*[）)]"
)
# A desk's reporters on a byline line of their own: 匯點財經編輯部　黃詩涵、李承恩　即時報導.
DESK_BYLINE = re.compile(
    r"(?:^|\n)[^\s\n]{2,12}(?:编辑部|編輯部)[ \t\u3000]+([\u4e00-\u9fff]{2,3})"
    r"(?:、[\u4e00-\u9fff]{2,3})*[ \t\u3000]*(?:即時|即时|綜合|综合)?(?:報導|报道)[ \t\u3000]*(?:\n|$)"
)


# The year of a copyright line: 2025, or Taiwan's official calendar (© 民國114年, 中華民國 114
# 年): read as a year, not as the site's name after the mark.
COPYRIGHT_YEAR = r"(?:(?:19|20)\d\d|(?:中華|中华)?(?:民國|民国)\s*\d{2,3}\s*年?)"
# Put before a name's group: the ROC year is never the name (版權所有 © 民國114年).
NO_ROC_YEAR = r"(?!(?:中華|中华)?(?:民國|民国)\s*\d)"
