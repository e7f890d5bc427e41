"""The author: structured fields (meta, JSON-LD, byline classes), labelled bylines (作者：, 记者,
文/), wire and photo credits, profile cards and forum posters, signatures; each candidate must
look like a name (plausible_author) rather than a site, a label or a UI word."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from pipeline.extract import patterns as P
from pipeline.extract.dates import date_line, parse_date
from pipeline.extract.fields import clean_text, json_ld
from pipeline.extract.xpath import xpath
from pipeline.jsontext import parse_json

_AUTHOR_XPATHS = (
    '//meta[@name="author"]/@content',
    '//meta[@property="article:author"]/@content',
    '//*[@id="js_author_name"]',
    '//*[contains(@class, "rich_media_meta_text")]',
    '//*[contains(@class, "AuthorInfo-name")]',
    # microdata gives a <meta>'s value in its content (知乎's AuthorInfo card carries the name so)
    '//*[@itemprop="author"]//meta[@itemprop="name"]/@content',
    '(//*[contains(@class, "AuthorInfo")]//meta[@itemprop="name"]/@content)[1]',
    '(//*[contains(@class, "follow-nickName")])[1]',  # CSDN's blogger, over its table of contents
    '(//*[contains(@class, "authi")]//a[contains(@class, "xw1")])[1]',
    '(//td[contains(@class, "row")]/span[@class="name"])[1]',  # phpBB 2's first poster
    '(//a[contains(@class, "p_author_name")])[1]',  # 百度贴吧's first floor's poster
    '//*[@rel="author"]',
    '//*[contains(@class, "author") and contains(@class, "vcard")]',
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//*[@data-testid="authorName"]',
    '//*[contains(@class, "author-name") or @class="author" or contains(@class, "post-author")]',
    '(//a[contains(@href, "/author") or contains(@rel, "author")])[1]',  # Z-Blog, WordPress
)


_NOT_AUTHORS = re.compile(
    r"(Discuz|Team|Inc\.?$|Powered|原创|原創|转载|轉載|admin|匿名|佚名|编辑部|^by$)", re.I
)


_USER_ID = re.compile(r"^[A-Za-z_]+\d+$")  # L_104485: an account id, not a name


def in_aside(node: object, total: int) -> bool:
    """Whether a node sits in a comment area, a related list or a sidebar: an author class
    there names a commenter or another story's writer. A wrapper holding half the page or more
    is layout whatever its class says (WeChat marks <body>'s children comment_feature)."""
    el = node.getparent() if isinstance(node, str) else node
    while el is not None and isinstance(el.tag, str):
        if aside_tokens(el) & P.ASIDE_TOKENS and len(el.text_content()) < total / 2:
            return True
        el = el.getparent()
    return False


def aside_tokens(el: lxml_html.HtmlElement) -> set[str]:
    """class/id words split on - and _, BEM modifiers (--related) left out: a modifier styles
    the block (AuthorInfo--related), it does not make it a related list."""
    words = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    return {t for w in words for t in P.TOKEN_SPLIT.split(w.split("--")[0]) if t}


def lead_credit_author(lead: str) -> str | None:
    """译者 or 主编 on a byline line right above the text: one that also dates the piece or names
    its source (2021-03-16 原文来源：… 译者：郑可), or a credit in brackets (（譯者：中央社陳怡君）).
    A book's info box or a masthead lists the same words on lines of their own."""
    for line in lead.split("\n"):
        m = _LEAD_CREDIT.search(line)
        if not m or not plausible_author(name := m.group(1).strip()):
            continue
        bracketed = re.fullmatch(r"\s*[（(].*[)）]\s*", line) is not None
        if bracketed or parse_date(line) is not None or re.search(r"原文|原載|原载", line):
            return name
    return None


def structured_author(
    tree: lxml_html.HtmlElement, site: str | None = None, ld: dict | None = None
) -> str | None:
    """For a page that shows no byline: the first Person its JSON-LD names as the author (an
    author without a type, or any kind of organisation, may be the publisher or a desk), else a
    journal page's first citation_author. Both come after every visible byline: a page's
    JSON-LD may list its editors, and a news page about a paper may carry the paper's authors."""
    author = (json_ld(tree) if ld is None else ld).get("author")
    names = [
        entry.get("name")
        for entry in (author if isinstance(author, list) else [author])
        if isinstance(entry, dict) and entry.get("@type") == "Person"
    ]
    names += [str(v) for v in xpath('//meta[@name="citation_author"]/@content')(tree)]
    for name in names:
        if not isinstance(name, str) or "," in name:  # Chen, Jianhua: a reference's form
            continue
        value = tidy_author(strip_label(clean_text(name)))
        if value and len(value) <= 20 and plausible_author(value, site) and value != site:
            return value
    return None


_ZOP = xpath("(//*[@data-zop])[1]/@data-zop")


def zhihu_answer_author(tree: lxml_html.HtmlElement) -> str | None:
    """The writer Zhihu names in the answer's own data (data-zop='{"authorName": …}'), not the
    writers of the other answers listed under it, whose cards share its class names."""
    for raw in _ZOP(tree):
        try:
            name = parse_json(str(raw)).get("authorName")
        except (ValueError, AttributeError, RecursionError):
            return None
        # (a page whose &quot; entity lost its ASCII semicolon leaves ； before the name)
        name = name.strip(" ；;：:，,") if isinstance(name, str) else ""
        return tidy_author(clean_text(name)) if name else None
    return None


def html_author(tree: lxml_html.HtmlElement, site: str | None = None) -> str | None:
    if (zop := zhihu_answer_author(tree)) and plausible_author(zop, site):
        return zop
    total = len(tree.text_content())
    for xp in _AUTHOR_XPATHS:
        for node in xpath(xp)(tree):
            if not isinstance(node, str) and in_aside(node, total):
                continue
            text = clean_text(str(node if isinstance(node, str) else node.text_content()))
            value = tidy_author(strip_label(join_spaced_names(text))) if text else None
            if (
                value
                and len(value) <= 20
                and not _NOT_AUTHORS.search(value)
                and not _USER_ID.match(value)
                and plausible_author(value, site)
            ):
                return value
    return None


def strip_label(value: str) -> str | None:
    m = P.AUTHOR_LABEL.search(value)
    if m:
        return m.group(1).strip() or None
    value = re.sub(
        r"^(?:作者|by|By|張貼者|张贴者|楼主|樓主|[^:：\s]{1,4}[:：])\s*[:：]?\s*", "", value
    ).strip()
    return value if 0 < len(value) <= 30 else None


_LONG_CJK = re.compile(r"^[\u4e00-\u9fff]{9,}$")
_NOT_NAME_CHARS = re.compile(r"[@<>/\\•●|#=]|https?:|www\.|\.(?:com|cn|net|org)\b|\d{2,}", re.I)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Whose reporter a byline names (本报记者, 本站记者): the newsroom, before the role.
_NEWSROOM = r"(?:本报|本報|本站|本刊|本网|本網|本台|特约|特約)?"
_OUTLET_ROLE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:记者|記者)")
_NAME_AFTER = re.compile(r"[ \t\u3000]+([\u4e00-\u9fff]{2,3})(?=[\s\]】)）]|$)")
_ROLE_ONLY = re.compile(_NEWSROOM + r"(?:记者|記者|通讯员|通訊員|实习生|實習生|编辑|編輯|作者)")
_UI_WORDS = re.compile(
    r"专区|專區|在线投稿|在線投稿|投稿|收藏|引用|回复|回覆|举报|舉報|只看该作者|只看該作者|首页|首頁|主页|主頁"
    r"|登录|登錄|注册|註冊|分享|打印|列印|关闭|關閉|更多|排行|排行榜|音频|音頻|视频|視頻|图片|圖片|图集|圖集"
    r"|播放|订阅|訂閱|下载|下載|收听|收聽|联系我们|聯繫我們|聯絡我們|关于我们|關於我們"
    r"|送花|鲜花|鮮花|点赞|點讚|點贊|打赏|打賞|关注|關注|追蹤|追踪|评论|評論|转发|轉發|纠错|糾錯|投票|置顶|置頂"
    r"|[Aa]dmin(?:istrator)?|管理员|管理員"
    # a thread's buttons and floors, a blog's visitor box
    r"|倒序看帖|倒序瀏覽|倒序浏览|电梯直达|電梯直達|楼主|樓主|沙发|沙發|板凳|地板"
    r"|(?:最近|最新)?(?:访客|訪客|来访|來訪)"
    # a member panel's buttons and status
    r"|发短消息|發短消息|短消息|发帖|發帖|离线|離線|在线|在線|加为好友|加為好友|查看资料|查看資料"
)
# a forum handle: lightboy2005, 浪里白条2019, 青青子衿_88
_HANDLE = re.compile(
    r"[A-Za-z][A-Za-z_]{3,}\d{1,4}|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z_]{1,10}\d{1,4}"
)
# An issuing body, which signs a government notice (吉林省冰雪产业促进局): longer than a
# person's name, and ending in what an office is called.
_ISSUER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?(?:省|(?<!城)市|县|縣|(?<!社)区|(?<!社)區|州|盟)|国家|國家|中华人民共和国"
    r"|中華人民共和國|中共)"
    r"(?:(?![了的是这這说說])[\u4e00-\u9fff]){0,12}(?:人民政府|政府|办公厅|辦公廳|办公室|辦公室|委员会"
    r"|委員會|局|厅|廳|署|研究院|研究所|协会|協會|中心)"
)


def is_ui_word(value: str) -> bool:
    """A button's or a menu's word (返回, 登录, 首页, 分享), not a name of anyone or anything."""
    value = value.strip("+ \u200b")  # a button's plus: + 关注
    return bool(_UI_WORDS.fullmatch(value) or _BUTTONS.fullmatch(value))


_BUTTONS = re.compile(r"返回|返回顶部|返回頂部|菜单|菜單|目录|目錄|搜索|搜尋|Menu|MENU|Back")


def plausible_author(value: str | None, site: str | None = None) -> bool:
    """Whether an author candidate can name a person or an issuing body. Precision over recall:
    a wrong author is worse than none, so values that are the site, a portal, a label word, a
    URL, an id, a dateline (北京17日電) or a sentence are refused, and the next rule is asked."""
    if not value or len(value) > 30:
        return False
    if value in P.NOT_AUTHORS or value in P.NOT_NAMES:
        return False
    if _ROLE_ONLY.fullmatch(value) or _UI_WORDS.fullmatch(value):
        return False  # 本报记者 without the name after it; a menu's 作者专区, a post's 收藏 button
    if _NOT_NAME_CHARS.search(value) and not _HANDLE.fullmatch(value):
        return False
    if P.PORTAL_AUTHORS.match(value):
        return False
    runs = _CJK_RUN.findall(value)
    if value.endswith(("字号", "字號")):
        return False  # 小字号 / 大字号: a font-size switcher next to the headline
    if value.isascii() and len(value) <= 2:
        return False  # AP, NF: a wire code or an editor's initials
    if _ISSUER.fullmatch(value):
        return True
    if runs and (max(map(len, runs)) > 8 or (len(runs) == 1 and len(value) == 1)):
        return False  # a headline, or one character of a name cut at its padding
    return not any(run[-1] in "网網" and len(run) > 2 for run in runs)  # 正北方网: a site


# the role, or the wire service a translator works for (譯者：中央社陳怡君)
_WIRE = r"(?:中央社|新华社|新華社|中新社)"
# (or the outlet's name before its role: 鉅亨網記者 陳思遠, 鉅亨網編譯陳思遠; a translator
# credited alone, 編譯 林佳蓉, wrote the text the page prints)
_ROLE_PREFIX = re.compile(
    "^"
    + _WIRE
    + r"?(?:[\u4e00-\u9fff]{1,6}?[网網社报報台刊])?"
    + _NEWSROOM
    + r"(?:记者|記者|通讯员|通訊員|实习生|實習生|评论员|評論員|编译|編譯)\s*"
)
# Where the reporter filed from after the name, with a space (陳思遠 台北, 陳思遠 綜合外電).
_NAME_THEN_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2,4})[ \t\xa0\u3000]+"
    r"(?:綜合外電|综合外电|綜合報導|综合报道|外電|外电|[\u4e00-\u9fff]{2,3}?(?:報導|报道|電|电)?)"
)
# A translation's or a newsletter issue's credit, on the lines right above the text (译者：郑可,
# 譯者：中央社陳怡君, 主编：苏禾): elsewhere on a page the same words credit a book in a review's
# info box or a magazine's masthead.
_LEAD_CREDIT = re.compile(
    r"(?<![\u4e00-\u9fff])(?:译者|譯者|主编|主編)\s*[:：/／]\s*" + _WIRE + r"?"
    r"([\u4e00-\u9fff]{2,4}?|[A-Za-z][A-Za-z .\-]{1,30}?[A-Za-z])"
    r"(?=\s|$|[，,。|｜/／:：)）·]|审校|審校|校对|校對|编辑|編輯)"
)


def tidy_author(value: str | None) -> str | None:
    """记者王敬照 → 王敬照: the role is the label, not part of the name; a value that is only
    the role stays as it is (plausible_author refuses it)."""
    if not value:
        return value
    rest = _ROLE_PREFIX.sub("", value).strip()
    if rest != value and (m := _NAME_THEN_PLACE.fullmatch(rest)):
        rest = m.group(1)  # 鉅亨網記者 陳思遠 台北: after the role, the name, then the place
    rest = _REPORTED_FROM.sub("", rest).strip()
    return rest if len(rest) >= 2 else value


# Where a reporter filed from, after the name (記者王小明／台北報導, 记者李明/北京报道): no part of it.
_REPORTED_FROM = re.compile(r"\s*[/／]\s*[\u4e00-\u9fff]{2,6}(?:報導|报道|報道|电|電)\s*$")


_SPACED_NAME = re.compile(
    # not the last character of a word or a number's unit (第37期　文／尹朗)
    r"(?<![\w])([\u4e00-\u9fff])[ \u3000\xa0]{1,3}([\u4e00-\u9fff])(?![\w])"
)


def join_spaced_names(text: str) -> str:
    """Two-character names padded to three characters' width (赵  培, 王　硕) are one name:
    papers and journals align bylines that way, and a label rule would stop at the space."""
    return _SPACED_NAME.sub(r"\1\2", text)


# An editor's or an uploader's label (发布人：校办 puts the page up): the writer credited with
# the story comes first (撰稿：龙晓薇 under it); either counts where no writer is named.
_EDITOR_LABEL = re.compile(
    r"编辑|編輯|发\s*布\s*[人者]|發\s*[佈布]\s*[人者]|发布机构|發佈機構|发布机关|發佈機關"
)


_ABOUT_LABEL = re.compile(r"作者简介|作者簡介")
_LABEL_WORDS = frozenset(
    ("撰稿", "撰文", "作者", "文字", "编辑", "編輯", "整理", "主讲", "主講", "Written")
)
_UNIT = re.compile(
    r"[\u4e00-\u9fff]{1,10}(?:系|学院|學院|研究所|中心|办公室|辦公室|处|處|科|部|团队|團隊|小组|小組)"
)
_UNIT_THEN_NAME = re.compile(
    r"[ \t\xa0\u3000]+([\u4e00-\u9fff]{2,3})(?=[ \t\xa0\u3000、\n]|$|[，,。|｜])"
)
_ABOUT_NAME = re.compile(
    r"(?![\u4e00-\u9fff]*(?:博士|教授|研究员|研究員|分析师|分析師|学者|學者|专家|專家))[\u4e00-\u9fff]{2,4}"
)
_APP_NAME = re.compile(r"客户端|客戶端|App|APP")


# A column's name or its writer's other pieces, naming the writer (谭启明专栏 | 第58期,
# 谭启明其他文章：): a person's name, opening with a surname, not a section (财经专栏).
_COLUMN_OF = re.compile(
    r"(?:^|[|｜\s])([\u4e00-\u9fff]{2,3})(?:专栏|專欄)(?=[|｜\s]|$)"
    r"|(?:^|\n)\s*([\u4e00-\u9fff]{2,3})(?:的)?(?:其他文章|其他作品|更多文章)[:：]"
)


def column_author(text: str) -> str | None:
    for m in _COLUMN_OF.finditer(text):
        name = next(g for g in m.groups() if g)
        if name[0] in P.SURNAMES and plausible_author(name):
            return name
    return None


def _poster_above(text: str, at: int) -> str | None:
    """The first word of the line above `at` (阿凱爸 新手上路 文章：12), where a member panel
    names the poster over the post's 樓主 發表於 … line."""
    above = [ln.split() for ln in text[:at].split("\n") if ln.strip()]
    if len(above) >= 2 and P.MEMBER_COUNTERS.match(" ".join(above[-1])) and len(above[-2]) == 1:
        above.pop()  # a name alone over its counters: 硅片搬运工_07 / UID 20931　帖子 1842 / 楼主 …
    name = above[-1][0] if above else None
    return name if name and plausible_author(name) and not _UI_WORDS.fullmatch(name) else None


# The next field's label and its sentence, after an empty field (not a name's 赵培：北京物资学院).
FIELD_LABEL_MIN = 4  # 平台声明, 免责声明: longer than a Chinese name
_FIELD_OVER = re.compile(r"[:：][^\n]*[，。,]")


# A headline at least this long is taken out of the text a byline is looked for in.
HEADLINE_MIN = 8


def without_headline(text: str, title: str | None) -> str:
    """text with the headline taken out: a headline holding a byline's label (专访DeepSeek论文
    作者：算力不是唯一答案, 多作者：DeepSeek) gave its second half as the author, over the page's
    own 作者：张三 below it. A short "headline" may be a byline line taken for one: left."""
    if not title or len(title) < HEADLINE_MIN:
        return text
    return text.replace(title, " ")


# A writer's own label later on the line of a 文 credit (文 | 钛媒体AGI，作者 | 林雨桐).
_WRITER_AFTER = re.compile(r"[^\n]{0,30}?[，,、；; \t\u3000]作者\s*[:：|｜/／]")


def label_author(text: str, editors: bool = True) -> str | None:
    """The name after a byline label; with editors=False, not an editor's (编辑：孟凡), who
    counts only where no writer is credited anywhere on the page."""
    text = join_spaced_names(text)
    for m in P.AUTHOR_LABEL.finditer(text):
        if not editors and _EDITOR_LABEL.search(text, m.start(), m.start(1)):
            continue
        if m.group(0).lstrip().startswith("文") and _WRITER_AFTER.match(text, m.end(1)):
            continue  # 文 | 钛媒体AGI，作者 | 林雨桐: the column's account, then its writer
        # 记者：首先欢迎你… is an interview question, not a byline: names are short.
        value = m.group(1).strip()
        if value in _LABEL_WORDS:
            # 主讲 / 撰稿：顾知远: the first label's value is the second label; read from there
            return label_author(text[m.start(1) :], editors)
        if (
            "\n" in text[m.start() : m.start(1)]
            # 平台声明, or a word as short as a name that opens with no surname (声明)
            and (len(value) >= FIELD_LABEL_MIN or value[0] not in P.SURNAMES)
            and _FIELD_OVER.match(text, m.end(1))
        ):
            continue  # an empty field (责任编辑：) over the next one's label (声明：该文…，…)
        if full := P.LATIN_FULL_NAME.match(text, m.start(1)):
            value = full.group(0) if full.group(0).startswith(value) else value
        if _ROLE_ONLY.fullmatch(value) and (name := reporter_author(text[m.start(1) :])):
            return name  # 作者：本报记者 郑晓帆 实习生 何丽
        if _OUTLET_ROLE.fullmatch(value) and (name := reporter_author(text[m.start(1) :])):
            return name  # 作者：衡财记者 罗一鸣 邵婧: an outlet's reporters
        outlet = P.MEDIA_SUFFIX.search(value) or P.DESK.search(value)  # 文／大會新聞組 許芷瑄
        after = _NAME_AFTER.match(text, m.end(1)) if outlet else None
        if after and plausible_author(after.group(1)):
            return after.group(1)  # 文/观澜者网 齐思远: the outlet, then its writer
        if outlet and (name := reporter_author(text[m.end(1) :].split("\n", 1)[0])):
            return name  # 文 | 经济观察报 记者 孙七: the outlet, then its reporter
        if _ABOUT_LABEL.match(m.group(0)) and not _ABOUT_NAME.fullmatch(value):
            continue  # 作者简介：经济学博士，… describes the writer without naming them
        if _UNIT.fullmatch(value) and (unit_name := _UNIT_THEN_NAME.match(text, m.end(1))):
            value = unit_name.group(1)  # 作者：化工系 李楠: the department, then the writer
        if (not _LONG_CJK.match(value) or _ISSUER.fullmatch(value)) and plausible_author(value):
            return value
    if name := reporter_author(text):
        return name
    if (m := _OUTLET_TRANSLATOR.search(text)) and plausible_author(m.group(1)):
        return m.group(1)
    if m := P.POSTED_BY.search(text):
        name = next(g for g in m.groups() if g)
        if name in ("楼主", "樓主"):
            # 樓主 發表於 2009-05-12: the floor's badge; the poster's name opens the line above
            name = _poster_above(text, m.start()) or name
        # 来自：人民日报客户端 is a source
        if _APP_NAME.search(name) or P.MEDIA_SUFFIX.search(name) or not plausible_author(name):
            return None
        return name
    m = P.NAME_THEN_WEN.search(text)
    if m and not P.ROLE_WORDS.search(m.group(1)) and plausible_author(m.group(1)):
        return m.group(1)
    m = P.SENT_FROM.search(text)
    if m and plausible_author(name := re.split(r"[ 、]", m.group(1))[0]):
        return name
    m = P.SPACED_BYLINE.search(text)
    if m and plausible_author(m.group(1)) and not P.ROLE_WORDS.search(m.group(1)):
        return m.group(1)
    m = P.NAMED_CREDIT.search(text)
    if m and m.group(1)[0] in P.SURNAMES and plausible_author(m.group(1)):
        return m.group(1)
    if m := P.LATIN_BYLINE.search(text):
        return m.group(1)
    if (m := _SIGNED_AT.search(text)) and plausible_author(m.group(1)):
        return m.group(1)
    if (m := P.WRITER_NOTE.search(text) or P.DESK_BYLINE.search(text)) and plausible_author(
        m.group(1)
    ):
        return m.group(1)
    return None


# An outlet's translator (鉅亨網編譯 陳志明, 钜亨网编译 陈志明): the writer of a translated story.
_OUTLET_TRANSLATOR = re.compile(
    r"(?:网|網|社|报|報|台)(?:编译|編譯)[ \t\u3000]+([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])"
)
# A writer's sign-off under the text: —— 老柯，写于2025年4月18日深夜, —— 石澗明　寫於灣仔.
_SIGNED_AT = re.compile(
    r"(?:^|\n)[ \t\u3000]*[—–\-]{1,2}\s*([\u4e00-\u9fffA-Za-z0-9_]{2,8})[，,\s\u3000]+"
    # (— 林家凱　2025.09.13 深夜寫於竹北; —— 季澄，11月5日深夜于上海)
    r"[^，。\n]{0,24}?(?:写于|寫於|\d{1,2}\s*月\s*\d{1,2}\s*日)"
)


def reporter_author(text: str) -> str | None:
    """The first reporter credited (本报记者 葛灵丹, （姚峰 上海报道）, 执笔人：闵乐夫)."""
    for m in P.REPORTER_LABEL.finditer(text):
        # 记者调查 / 本报记者手记 are column names, not a reporter's name.
        if (name := next(g for g in m.groups() if g)) in P.NOT_NAMES:
            continue
        if m.group("timed") and name[0] not in P.SURNAMES:
            continue  # 栏目：记者 走基层　2024-01-20: a column, not a reporter
        if m.group("bracketed") and (
            name[0] not in P.SURNAMES or name[-1] in _NEWSROOM_ENDS or dictionary_word(name)
        ):
            continue  # 【中央社／台北報導】, 【康視／…】: a wire or a station; 【文化／…】: a desk
        return name
    return wire_reporter(text)


_NEWSROOM_ENDS = frozenset("社台视視报報网網刊")


# A photographer's credit on a meta line (摄影：邱澜, 攝影／何志強), and the one that closes a photo
# story's text (…拍照留念。（记者 郑毅 摄）, （本報記者梁嘉敏攝）, （青峪日报记者 王力 摄）, （郑毅/摄）).
_PHOTO_LABEL = re.compile(
    r"(?:摄影|攝影)(?:记者|記者)?[ \t\xa0\u3000]*[:：/／][ \t\xa0\u3000]*([\u4e00-\u9fff]{2,3})"
    r"(?![\u4e00-\u9fff])"
)
_PHOTO_CLOSING = re.compile(
    r"[（(](?:[\u4e00-\u9fff]{2,6}?[社报報台网網])?" + _NEWSROOM + r"(?:记者|記者|通讯员|通訊員)?"
    r"[ \t\xa0\u3000]*([\u4e00-\u9fff]{2,3}?)[ \t\xa0\u3000]*[/／]?[ \t\xa0\u3000]*(?:摄|攝)[）)]\s*$"
)


def photo_credit(text: str, closing: bool = False) -> str | None:
    """The first photographer credited on a meta line in text; with closing, the one whose
    credit ends the text. A caption's （万象 摄） elsewhere credits a picture, not the story."""
    if closing:
        names = [m.group(1)] if (m := _PHOTO_CLOSING.search(text)) else []
    else:
        names = [m.group(1) for m in _PHOTO_LABEL.finditer(text)]
    return next((n for n in names if n not in P.NOT_NAMES and plausible_author(n)), None)


# A wire story's credit, the reporter's name run into the place and the day it was filed
# (中央社記者蔡宜臻台北5日電, 记者王明北京5日电).
# (opening a line or a bracket: 据新华社记者…3日电 in a sentence cites another report)
_WIRE_CREDIT = re.compile(
    r"(?:^|[（(【〔\[])[ \t\xa0\u3000]*(?:(?![据據])[\u4e00-\u9fff]{1,3}社)?"
    + _NEWSROOM
    + r"(?:[驻駐][\u4e00-\u9fff]{1,2})?(?:记者|記者)"
    r"[ \t\xa0\u3000]*([\u4e00-\u9fff]{4,9})[ \t\xa0\u3000]*\d{1,2}日(?:电|電)",
    re.M,
)


def wire_reporter(text: str) -> str | None:
    """The reporter of a wire credit, where nothing marks the end of the name: the name opens
    with a surname and is two or three characters, and the rest is a place the dictionary holds
    (蔡宜臻 + 台北, not 蔡宜 + 臻台北), else a place of two or more characters and its 市/县/州
    (林昱廷 + 高雄市). Where both lengths leave a place, the commoner place wins (王明 + 石家庄,
    not 王明石 + 家庄; 王建平 + 安县, not 王建 + 平安县)."""
    for m in _WIRE_CREDIT.finditer(text):
        run = m.group(1)
        if run[0] not in P.SURNAMES:
            continue
        splits = [(run[:n], run[n:]) for n in (3, 2) if run[:n] not in _SURNAME_PLACES]
        whole = [(dictionary_frequency(place), name) for name, place in splits if len(place) >= 2]
        if whole and max(whole)[0] > 0:
            return max(whole, key=lambda fn: fn[0])[1]
        for name, place in splits:
            if len(place) >= 3 and _PLACE_END.search(place) and dictionary_word(place[:-1]):
                return name
    return None


# A repost's credit line, as 36Kr, Huxiu and their kind print it under a story they carry from
# a WeChat account: 本文来自微信公众号“算力前哨”（ID：suanliqianshao），作者：韩絮. The platform's
# author link names the account; the writer is the one after 作者.
_REPOST_CREDIT = re.compile(
    r"(?:本文|本文章|文章)(?:来自|來自|转载自|轉載自|转自|轉自|首发于|首發於|原载于|原載於)[:：]?\s*"
    r"(?:微信)?(?:公众号|公眾號|公号)[:：]?\s*[“\"「『]?(?P<account>[^”\"」』（(，,\s]{2,20})[”\"」』]?"
    r"[^。\n]{0,40}?[，,]\s*(?:作者|作\s*者)\s*[:：]\s*(?P<writer>[^，,。；;（(\s]{2,12})"
)


def repost_writer(text: str, author: str | None) -> str | None:
    """The writer a repost's credit line names, where the author found so far is nobody or the
    account the story came from; else author."""
    m = _REPOST_CREDIT.search(text)
    if m is None or (author and author != m.group("account")):
        return author
    writer = tidy_author(m.group("writer"))
    return writer if writer and plausible_author(writer) else author


def source_name_author(text: str) -> str | None:
    """A two- or three-character name alone on a 来源 line (来源: 尹娟) is the writer; a source
    that is a paper, a site or an agency (来源：新闻晨报) is not a person."""
    for m in P.SOURCE_NAME.finditer(text):
        if not P.MEDIA_SUFFIX.search(m.group(1)) and m.group(1) not in P.NOT_NAMES:
            return m.group(1)
    return None


def profile_author(text: str) -> str | None:
    """The blogger named by a blog platform's sidebar profile ([太小心]个人类别): on a blog
    page with no byline, the owner of the blog wrote the post."""
    text = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    for m in P.PROFILE_NAME.finditer(text):
        name = next(g for g in m.groups() if g)
        if _PROFILE_NOT.search(name) or not plausible_author(name):
            continue  # 个人资料 / 账号设置: a user menu, not a profile box
        fields = _PROFILE_FIELDS.search(text, m.end(), m.end() + _FIELDS_REACH)
        if (
            m.group(4)
            and not fields
            and not _PROFILE_HEADING.search(text, max(0, m.start() - _FIELDS_REACH), m.start())
        ):
            continue  # 昵称：江城网友 in a comment form, not a profile's field
        if m.group(5) and not fields:
            continue  # 个人档案 / 韩青禾 / 女，1998年出生: a news box on the story's subject
        return name
    return None


# A user menu's items after its 个人资料 link; a profile box's fields after the nickname.
_PROFILE_NOT = re.compile(
    r"设置|設置|账号|帳號|帐号|退出|消息|我的|登录|登錄|注册|註冊|修改|编辑|編輯|首页|首頁"
)
_PROFILE_FIELDS = re.compile(
    r"等级|等級|积分|積分|访问|訪問|性别|性別|地区|地區|城市|注册|註冊|粉丝|粉絲|文章|博文|人气|人氣|加好友"
)
_FIELDS_REACH = 60
_PROFILE_HEADING = re.compile(
    r"关于我|關於我|个人资料|個人資料|博主资料|博主資料|博主信息|个人档案|個人檔案"
)


# A login box's words above its 注册 link, not a member's name.
_PANEL_WORDS = re.compile(
    r"登录|登錄|注册|註冊|密码|密碼|用户|用戶|会员|會員|统计|統計|欢迎|歡迎|游客|遊客|本站|[:：，,]"
)
# The fields of a member panel: a forum's, unlike a job ad's (经验：3-5年) or a site's statistics.
_PANEL_FIELDS = re.compile(
    r"(?:等级|等級|级别|級別|头衔|頭銜|UID|积分|積分|帖子|精华|精華|威望|(?:注册|註冊)(?:时间|時間|日期)?|MP"
    r"|发帖|文章)(?:[:：]|\s+\d)"
)


def panel_author(header: str) -> str | None:
    """The poster of a forum thread's first post: the name above the first member panel in the
    text above the post (the panels of replies come after it)."""
    m = P.POSTER_PANEL.search(header)
    if not m or m.group(1) in P.NOT_NAMES or _PANEL_WORDS.search(m.group(1)):
        return None
    # a panel has more than one field (等级 and 积分 and 注册…)
    return m.group(1) if len(_PANEL_FIELDS.findall(header, m.start(), m.end() + 200)) >= 2 else None


_GREETING = re.compile(r"欢迎|歡迎|光临|光臨|进入|進入|访问|訪問|来到|來到|我|登录|登錄|请|請")


def blog_owner(text: str) -> str | None:
    """The owner a blog's masthead names (茉莉的博客) at the top of the page: a low rule, for
    posts with no byline. (Further down, 某某的博客 is a link to another blog.)"""
    m = P.BLOG_OWNER.search(text)
    name = next((g for g in m.groups() if g), None) if m else None
    return name if name and not _GREETING.search(name) else None


def signed_issuer(paragraphs: list[str]) -> str | None:
    """A notice signed by its issuing body above its date (青峪市教育局 / 2007年3月5日)."""
    if len(paragraphs) >= 2 and date_line(paragraphs[-1].strip()):
        name = paragraphs[-2].strip()
        return name if _ISSUER.fullmatch(name) else None
    return None


def name_under_title(lead: str, title: str | None) -> str | None:
    """A bare name on the line right under the headline, just above the story (我是怎样卷入…
    / 茉莉 / 【看中国…】): the reprint names its writer the way a column does."""
    if not title:
        return None
    # compared with their spaces made one (輝達市值衝天\u3000散戶別只看一隻股)
    title = " ".join(title.split())
    lines = [" ".join(ln.split()) for ln in lead.split("\n")]
    if title not in lines:
        return None
    below = lines[len(lines) - lines[::-1].index(title) :]
    name = (name_line_author(below[:2]) or name_date_author(below[:1])) if below else None
    return None if name and P.MEDIA_SUFFIX.search(name) else name


_NAME_DATE = re.compile(r"^([\u4e00-\u9fff]{2,3})[ \xa0\u3000]+(\S.{5,30})$")
# Where a dateline's place opens the line instead (北京　2024年6月20日): places that open with a
# surname, and the endings of places.
_PLACE_END = re.compile(r"[州市县縣区區省镇鎮乡鄉村岛島港城]$")
_SURNAME_PLACES = frozenset(
    [
        "武汉",
        "武漢",
        "成都",
        "石家庄",
        "石家莊",
        "江门",
        "江門",
        "黄山",
        "黃山",
        "金华",
        "金華",
        "包头",
        "包頭",
        "常德",
        "吉林",
        "安庆",
        "安慶",
        "宁波",
        "寧波",
        "沈阳",
        "瀋陽",
        "唐山",
        "焦作",
        "许昌",
        "許昌",
        "桂林",
        "高雄",
        "嘉义",
        "嘉義",
        "屏东",
        "屏東",
        "宜兰",
        "宜蘭",
        "花莲",
        "花蓮",
        "新竹",
        "常熟",
        "江阴",
        "江陰",
        "温岭",
        "溫嶺",
        "徐汇",
        "徐匯",
        "黄埔",
        "黃埔",
        "武昌",
        "汉口",
        "漢口",
        "郑东",
        "鄭東",
    ]
)


def name_date_author(lines: list[str]) -> str | None:
    """A name and the date, alone on the line right under the headline (鄭文山　2024年6月20日):
    an essay or a column signed without a label. The name must open with a common surname and
    be no word of the dictionary: a dateline puts a place there (北京, 江山, 石狮, 张家口　2024年6月
    20日), a page its weekday (周四)."""
    for line in lines:
        m = _NAME_DATE.match(line)
        if not m or not date_line(m.group(2)) or parse_date(m.group(2)) is None:
            continue
        if signed_name(name := m.group(1)):
            return name
    return None


def signed_name(name: str) -> bool:
    """Whether a bare word beside a date is a person signing: a common surname opening a word
    no dictionary holds (a dateline puts a place there, 北京, 江山, 张家口; a page its weekday,
    周四), or a nickname jieba knows as a person's (阿明, 老王; not 阿里, 小米). (jieba's tags
    alone are no test: it tags 张家口 a person.)"""
    if name[0] in P.SURNAMES:
        return (
            name not in _SURNAME_PLACES
            and not _PLACE_END.search(name)
            and name not in P.NOT_NAMES
            and not dictionary_word(name)
        )
    return len(name) == 2 and name[0] in "阿老" and _person_word(name)


def _person_word(name: str) -> bool:
    """jieba reads the name as one word, a person's (阿明; not 阿里, a company's)."""
    import jieba.posseg

    from pipeline.nlp import quiet_jieba

    quiet_jieba()
    return [w.flag for w in jieba.posseg.cut(name)] == ["nr"]


def dictionary_word(text: str) -> bool:
    """Whether jieba's dictionary holds the text (in Simplified): places, weekdays and common
    words do; the names of most people do not. (Loads jieba's dictionary on first use.)"""
    return dictionary_frequency(text) > 0


def dictionary_frequency(text: str) -> int:
    """How often jieba's dictionary counts the text as a word (in Simplified; 0 when it does
    not hold it)."""
    import jieba

    from pipeline.nlp import quiet_jieba, to_simplified

    quiet_jieba()
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(to_simplified(text), 0) or 0


_CARD_NAME = re.compile(r"([\u4e00-\u9fffA-Za-z0-9_·\-]{2,16}?)(?:\s*[Vv])?")
# What follows an author's name in a post's or an article's author card: a follow button, the
# followers count, or the time of the post (老周看半导体 V / + 关注; 财经白话君 / 2024-10-18 07:45发布于北京).
# (An account card's counters follow it too: 科技前沿观察 / 文章 1.2万 / 总阅读 3.5亿.)
_CARD_NEXT = re.compile(
    r"^(?:\+\s*)?(?:关注|關注|已关注|已關注)(?:他|她|TA|ta)?(?:\s*[\d.]+\s*[万萬]?)?(?:\s*私信)?$|粉丝|粉絲"
    r"|^(?:发布于|發佈於|编辑于|編輯於)"
    r"|^(?:文章|总阅读|總閱讀|获赞|獲讚|作品)\s*[\d.,]+\s*[万萬亿億]?$"
)
# A badge printed right after the name (浪里白条2019楼主, Kevin在硅谷科技领域优秀答主,
# 芯片老司机原创).
_CARD_BADGE = re.compile(
    r"(?:(?:[\u4e00-\u9fff]{2}(?:领域|領域|话题|話題))?(?:优秀答主|答主|创作者|創作者)"
    r"|楼主|樓主|原创|原創)$"
)
_CARD_INLINE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z0-9_]{2,16}?)\s*(?:\d+\s*(?:分钟|分鐘|小时|小時|天)前|昨天\s*\d{1,2}:\d{2})"
)
_CARD_REACH = 12  # lines below the headline where an author card can start
_CARD_ABOVE = 6  # and above it
_BIO_MAX = 40  # a one-line bio between the name and its follow button (二级市场研究员，关注…)


def card_author(header: str, title: str | None) -> str | None:
    """The name on the author card around the headline (the name, a bio line at most, then a
    follow button or the post's time), as Q&A sites, investor communities, self-media platforms
    and developer blogs print it: below the headline, else right above it (雪球 puts the card
    first). The card nearest the headline wins: further away are an asker's card or a widget of
    recommended authors, and below the story commenters'."""
    lines = [ln.strip() for ln in header.split("\n") if ln.strip()]
    if not title:
        return None
    if title not in lines:  # the headline opens the story: the card is right above it
        return _card_in(lines[-_CARD_ABOVE:], title)
    at = len(lines) - 1 - lines[::-1].index(title)  # its last showing: a sidebar lists it too
    if dotted := next(filter(None, map(dotted_byline, lines[at + 1 : at + 3])), None):
        return dotted
    return _card_in(lines[at + 1 : at + 1 + _CARD_REACH], title) or _card_in(
        lines[max(0, at - _CARD_ABOVE) : at], title
    )


# A meta line of fields set apart by middle dots that opens with the writer's or the account's
# name, then the time (梦晨 · 3小时前 · 来源：量子位; 原创·财经早知道·2025-01-29 09:15·河南).
_DOTTED = re.compile(
    r"^(?:(?:原创|原創)\s*[·•・]?\s*)?(?P<name>[\u4e00-\u9fffA-Za-z0-9_\-]{2,16})\s*[·•・]\s*"
    r"(?P<when>[^·•・]{2,25}?)\s*(?:[·•・]|$)"
)
_RELATIVE_WHEN = re.compile(
    r"^(?:\d+\s*(?:秒|分钟|分鐘|小时|小時|天)前|刚刚|剛剛|(?:今天|昨天|前天)\s*\d{1,2}:\d{2})$"
)


# The platform's word for someone it does not name (匿名用户, 知乎用户, 小编).
_GENERIC_USER = re.compile(r"(?:用户|用戶|网友|網友|小编|小編)$")


def dotted_byline(line: str | None) -> str | None:
    """The name opening a dotted meta line when the field after it is the time alone: no
    dictionary word (a place, a section: 北京 · 3小时前), no outlet, no label."""
    if not line or not (m := _DOTTED.match(line.strip())):
        return None
    name, when = m.group("name"), m.group("when").strip()
    dated = _RELATIVE_WHEN.match(when) or (date_line(when) and parse_date(when) is not None)
    if _NOT_AUTHORS.search(name) or _GENERIC_USER.search(name):
        return None
    return name if dated and _card_name(name) and not dictionary_word(name) else None


# A sidebar box that lists people (a blog's visitors, friends, readers): its names are no card.
_NAME_LIST_HEADING = re.compile(
    r"^(?:最新|最近)?(?:访客|訪客|来访|來訪|读者|讀者)$|^(?:我的)?(?:好友|朋友)(?:列表)?$|^(?:友情链接|友情鏈接)$"
)


def _card_in(lines: list[str], title: str) -> str | None:
    """The last card in lines, the nearest the story (a Q&A page's asker comes before the
    answerer)."""
    found, bio = None, -1
    for i, line in enumerate(lines):
        name = None
        if i == bio:
            continue  # the line under a card's name, before its follow button
        if line.startswith(title):
            continue  # the headline with its badge (标题原创) over its date line: no name
        if (m := _CARD_INLINE.match(line)) and _card_name(m.group(1)):
            name = m.group(1)  # 财经小鹿说3小时前阅读 1.2万: the name and the time on one line
        elif (m := _CARD_NAME.fullmatch(_CARD_BADGE.sub("", line))) and _card_name(m.group(1)):
            if any(_NAME_LIST_HEADING.search(ln) for ln in lines[max(0, i - 3) : i]):
                continue  # 最新访客 / 稳稳的幸福 / 老周看基金: a sidebar's list of visitors
            after = lines[i + 1 : i + 3]
            if after and _ASKED.search(after[0]):
                continue  # 青青子衿 / 2024-05-01 提问: who asked, not who answered
            if (after and _card_next(after[0])) or (
                len(after) == 2
                and len(after[0]) <= _BIO_MAX
                and after[0] != title
                and not _MENU_LINE.search(after[0])  # 注册 | 登入 | FAQ: a menu, not a bio
                and _card_next(after[1])  # 钱塘小厨 / Lv.4 / 楼主 2012/11/03 16:22
            ):
                name = m.group(1)
                if not _card_next(after[0]) and len(after[0]) > len(name):
                    # a bio longer than the name (芯片老赵 / 半导体从业十五年 / + 关注); a line
                    # as short is the name under a column's (投研笔记 / 芯片老赵 / + 关注)
                    bio = i + 1
        if name and not line.isdigit():
            found = name
    return found


# A thread's toolbar over its first post (只看楼主 | 收藏 | 回复), and what else stands between it
# and the poster's name: a reply count, the floor.
_THREAD_TOOLBAR = re.compile(r"只看楼主|只看樓主|只看该作者|只看該作者")
_TOOLBAR_LINE = re.compile(
    r"^(?:收藏|回复|回覆|分享|举报|舉報|楼主|樓主|\d+|#?\d+\s*[楼樓]|共\s*\d+\s*[篇条條]回[复覆]"
    r"|回[复覆]贴[：:]\s*\d+|回[复覆]數?[：:]?\s*\d+)$"
)


def thread_poster(header: str) -> str | None:
    """The poster of a 贴吧-style thread's first post: the bare name right under the thread's
    toolbar (只看楼主 | 收藏 | 回复 | 共8篇回复 | 雨中垂钓 | 1楼 | …)."""
    lines = [ln.strip() for ln in header.split("\n") if ln.strip()]
    at = max((i for i, ln in enumerate(lines) if _THREAD_TOOLBAR.search(ln)), default=None)
    if at is None:
        return None
    for line in lines[at + 1 : at + 6]:
        if _TOOLBAR_LINE.match(line):
            continue
        name = re.sub(r"\s+(?:Lv\.?\s*)?\d{1,2}$", "", line)  # 青青子衿_88 1: the level
        name = re.sub(r"^(?:楼主|樓主)\s+", "", name)  # 楼主 水草小白兔: the badge before it
        m = _CARD_NAME.fullmatch(_CARD_BADGE.sub("", name))
        return m.group(1) if m and _card_name(m.group(1)) else None
    return None


_ASKED = re.compile(r"提问|提問|问题补充|問題補充")
# A menu's line (注册 | 登入 | FAQ), or a breadcrumb trail (当前位置：首页 > 科技 > 正文): no bio, so
# the last menu item over it (美股) is no card's name.
_MENU_LINE = re.compile(r"[|｜>›»＞]|注册|註冊|登录|登錄|登入|当前位置|當前位置|您的位置")


# Words on a card's line that make it a heading, a source or a label rather than a name.
_CARD_NOT = re.compile(
    r"推荐|推薦|热门|熱門|排行|榜|作者|专栏|專欄|频道|頻道|新闻|新聞|资讯|資訊|分类|分類|标签|標籤|提问|提問"
    r"|发布|發佈|发表|發表|更新|编辑|編輯|来源|來源|客户端|客戶端"
    r"|从业|從業"  # a bio under the name (韭菜研究员 / 金融从业者 / 发布于 …)
    # a link's label over the date (查看商业部落, 进入专题, 点击订阅): a verb a name never opens with
    r"|^(?:查看|進入|进入|访问|訪問|点击|點擊|返回|订阅|訂閱|收藏|分享|打开|打開)"
)
# A related list's heading over its first item and that item's date (延伸閱讀 / 标题 / 2014/04/28).
_LIST_HEADING = re.compile(
    r"(?:延伸|相关|相關|推荐|推薦|热门|熱門|最新|精彩|更多)(?:阅读|閱讀|文章|新闻|新聞|报道|報導|内容|內容)?"
    r"|更多[\u4e00-\u9fff]{1,4}"
)


def _card_name(name: str) -> bool:
    return (
        plausible_author(name)
        and not _CARD_NOT.search(name)
        and not _LIST_HEADING.fullmatch(name)
        and not P.MEDIA_SUFFIX.search(name)
        and not P.SECTION_LABEL.match(name)
    )


def _card_next(line: str) -> bool:
    return bool(_CARD_NEXT.search(line)) or (len(line) <= 60 and parse_date(line) is not None)


def signature_author(last_line: str) -> str | None:
    """Names in brackets closing the story (（常书香 马丹阳）) sign it; （待续） does not."""
    m = P.SIGNATURE.search(last_line)
    if not m or m.group(1) in P.NOT_NAMES:
        return None
    return m.group(1)


_NAME_LINE = re.compile(r"^(?:文[/／:：]\s*)?([\u4e00-\u9fff]{2,3})$")


def name_line_author(lines: list[str]) -> str | None:
    """A line that is only a two- or three-character name among the first lines, right under the
    headline, is the byline of a column or a blog post (犬儒病 / 胡平 / ——当代中国的…)."""
    for line in lines[:3]:
        m = _NAME_LINE.match(line.strip())
        if m and m.group(1) not in P.NOT_NAMES:
            return m.group(1)
    return None
