"""HTML extraction on page shapes we met in the development data, written small here."""

from pipeline.records import RawPage

BODY = "".join(
    f"<p>第{i}段：英伟达的数据中心业务继续增长，客户的订单排到了明年，毛利率维持在高位。</p>"
    for i in range(4)
)


def _extract(analyzer, html: str):
    return analyzer.process(RawPage("t.html", html.encode("utf-8"), "html"), analyse=False).article


def test_page_wrapped_in_one_form_keeps_its_article(analyzer):
    page = f"<html><body><form id='form1'><div class='nav'><a>首页</a><a>新闻</a></div><div>{BODY}</div></form></body></html>"
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段") and "首页" not in art.body


def test_self_closed_style_does_not_leak_css(analyzer):
    page = f"<html><body><div><style type='text/css' />body {{\nMARGIN: 0 0 0 0;\n}}\n{BODY}</div></body></html>"
    art = _extract(analyzer, page)
    assert "MARGIN" not in art.body and "{" not in art.body


def test_navigation_above_the_headline_is_cut(analyzer):
    title = "英伟达财报再超预期 数据中心收入创新高"
    page = (
        f"<html><head><title>{title}_某某网</title></head><body><div>"
        f"<p>登录/注册</p><p>无障碍浏览</p><p>当前位置：首页/要闻</p><p>{title}</p>{BODY}</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.title == title and art.body.startswith("第0段")


def test_link_lines_and_misnamed_wrapper(analyzer):
    """A story inside <div class="nav"> stays; a related list made of links goes."""
    links = "".join(f"<p><a href='/{i}'>英伟达相关新闻标题第{i}条</a></p>" for i in range(6))
    page = f"<html><body><div class='nav'>{BODY}{links}</div></body></html>"
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "相关新闻标题" not in art.body


def test_headline_as_shown_and_dates_and_bylines(analyzer):
    """<title> carries the site; the page shows the headline with its own marks; an ASP date
    (month first, with AM/PM) after a publish label; reporters signing at the end."""
    page = (
        "<html><head><title>英伟达财报再超预期 - 某某网</title></head><body>"
        "<div class='till'>》英伟达财报再超预期</div><div>发布日期： 9/17/2025 5:54:13 AM</div>"
        f"<div>{BODY}<p>数据中心收入创新高。（张三 李四）</p></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.title == "》英伟达财报再超预期"
    assert art.published.isoformat() == "2025-09-17"
    assert art.author == "张三 李四"


def test_byline_right_above_the_first_sentence(analyzer):
    """The body block starts below the header, so the byline sits in the raw lines right above
    its first sentence, with layout whitespace in between."""
    pad = " \n" * 200
    page = (
        "<html><head><title>英伟达财报再超预期</title></head><body>"
        f"<div class='x'><span>作者：</span>{pad}<span>安东尼</span>{pad}<span>7 分钟</span></div>"
        f"<div>{BODY}</div></body></html>"
    )
    assert _extract(analyzer, page).author == "安东尼"


def test_name_under_a_source_label_or_a_blog_profile(analyzer):
    source = f"<html><body><div>{BODY}</div><div>来源: 尹娟</div></body></html>"
    assert _extract(analyzer, source).author == "尹娟"
    media = f"<html><body><div>{BODY}</div><div>来源: 新闻晨报</div></body></html>"
    assert _extract(analyzer, media).author is None
    profile = f"<html><body><div>{BODY}</div><div><p>[太小心]个人类别</p></div></body></html>"
    assert _extract(analyzer, profile).author == "太小心"


def test_share_bar_between_an_info_table_and_the_text_does_not_end_it(analyzer):
    """An end marker in the second half of the lines ends the body, unless far more prose
    follows it than precedes it (a share bar under a document's label/value table)."""
    rows = [("发文字号", "某政发〔2022〕1号"), ("发布日期", "2022年01月28日"), ("分类", "通告")] * 2
    table = "".join(f"<div>{k}：</div><div>{v}</div>" for k, v in rows)
    page = f"<html><body><div>{table}<div>分享到</div>{BODY}</div></body></html>"
    assert "第3段" in _extract(analyzer, page).body


def test_numbered_ranking_under_the_text_stays(analyzer):
    ranking = "".join(f"<p>{i}、地区{i}</p>" for i in range(1, 8))
    page = f"<html><body><div>{BODY}{ranking}</div></body></html>"
    assert "7、地区7" in _extract(analyzer, page).body


def test_pager_mark_before_the_headline_goes(analyzer):
    page = (
        "<html><head><title>CES报道：英伟达展台人气旺_某某网</title></head><body>"
        f"<h1>第1页CES报道：英伟达展台人气旺</h1><div>{BODY}</div></body></html>"
    )
    assert _extract(analyzer, page).title == "CES报道：英伟达展台人气旺"


def test_xpath_guard_skips_only_what_cannot_match():
    from lxml import html as lxml_html

    from pipeline.extract.xpath import xpath

    tree = lxml_html.document_fromstring(
        "<html><body><div id='pt'>a</div><p class='post-time'>b</p></body></html>"
    )
    assert xpath('//*[contains(@class, "post-time")]')(tree)[0].text == "b"
    assert xpath('//*[contains(@class, "date-source")]')(tree) == []
    assert xpath('//*[@id="pt" or contains(@class, "crumb")]')(tree)[0].text == "a"


def test_site_name_in_front_of_the_headline_goes_a_kicker_stays():
    from lxml import html as lxml_html

    from pipeline.extract.titles import with_page_title

    site = lxml_html.document_fromstring(
        "<html><head><title>财报超预期 - 某某医疗网</title></head></html>"
    )
    assert with_page_title(site, "某某医疗网:财报超预期") == "财报超预期"
    kicker = lxml_html.document_fromstring(
        "<html><head><title>专栏：财报超预期_专栏_某某网</title></head></html>"
    )
    assert with_page_title(kicker, "专栏：财报超预期") == "专栏：财报超预期"


def test_reporters_credit_line_leaves_the_body_and_names_the_author(analyzer):
    page = (
        "<html><body><div><p>英伟达财报再超预期</p><p>本报记者 王燕平 方云凤</p>"
        f"{BODY}<p>（编辑：孙某）</p></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.author == "王燕平" and "本报记者" not in art.body


def test_author_candidates_that_name_no_person_are_refused():
    """A site in meta author, a label word, a URL, an id, a dateline or a headline is no author:
    a wrong author is worse than none, so the next rule is asked instead."""
    from pipeline.extract.authors import plausible_author

    for value in ("chinanews", "网易", "正北方网", "2804", "@ http://udn.com/", "记者", "小字号"):
        assert not plausible_author(value), value
    for value in ("大陸新聞組北京17日電", "寒冬裡如何保持水嫩肌膚 醫師來教你", "AP", "蒋"):
        assert not plausible_author(value), value
    for value in ("胡平", "常书香 马丹阳", "ggjjzhzz", "布蘭登．山德森", "吉林省人民政府"):
        assert plausible_author(value), value


def test_meta_author_that_is_the_portal_gives_way_to_the_byline(analyzer):
    page = (
        "<html><head><meta name='author' content='网易'></head><body><div>"
        f"<p>作者：王小明</p>\n{BODY}</div></body></html>"
    )
    assert _extract(analyzer, page).author == "王小明"


def test_name_padded_to_three_characters_is_one_name():
    from pipeline.extract.authors import label_author

    assert label_author("作者: \n  赵  培：北京物资学院") == "赵培"


def test_ambiguous_us_date_and_page_clock_give_no_date():
    """7/5/2005 is May or July depending on who reads it; 今天是… is the crawl day."""
    from datetime import date

    from pipeline.extract.dates import parse_date

    assert parse_date("7/5/2005 9:23:57 PM") is None
    assert parse_date("9/17/2004 5:54:13 AM") == date(2004, 9, 17)
    assert parse_date("今天是2026年11月28日 星期六") is None
    assert parse_date("今天是2026年11月28日 发布时间：2025-02-02") == date(2025, 2, 2)


def test_caption_repeated_under_every_picture_leaves_the_body(analyzer):
    caption = "格兰仕微波炉G80Q23YSL"
    paras = "".join(
        f"<p>第{i}段：这款微波炉的蒸汽系统让加热更均匀，速度更快，热效率更高。</p><p>{caption}</p>"
        for i in range(4)
    )
    art = _extract(analyzer, f"<html><body><div>{paras}</div></body></html>")
    assert caption not in art.body and art.body.count("微波炉") == 4


def test_author_role_prefix_and_commenters():
    """记者王敬照 names 王敬照; an author class inside a comment area names a commenter."""
    from lxml import html as lxml_html

    from pipeline.extract.authors import html_author, tidy_author

    assert tidy_author("记者王敬照") == "王敬照" and tidy_author("记者") == "记者"
    tree = lxml_html.fromstring(
        "<html><body><div>" + "正文" * 200 + "</div><div class='comment-list'>"
        "<span class='author'>路人甲</span>好文</div></body></html>"
    )
    assert html_author(tree) is None


def test_article_inside_a_wrapper_named_like_a_sidebar_widget_stays(analyzer):
    """Blogger puts every post inside <div class="widget Blog">: the post's own entry-content
    container wins over the wrapper's sidebar-like class, while a real sidebar widget goes."""
    page = (
        "<html><body><div class='sidebar'><div class='widget'>热门文章："
        + "".join(
            f"<a href='/p/{i}'>第{i}篇：英伟达是不是要完了，国产芯片能否接棒</a>" for i in range(20)
        )
        + "</div></div>"
        "<div class='widget Blog' id='Blog1'><div class='post hentry'>"
        "<h3 class='post-title entry-title'>我为什么还拿着英伟达</h3>"
        f"<div class='post-body entry-content'>{BODY}</div>"
        "<div class='post-footer'>Posted by 阿明 at 10:12</div></div></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段") and "第3段" in art.body
    assert "热门文章" not in art.body and "Posted by" not in art.body


def test_teaser_articles_in_a_sidebar_do_not_become_the_body(analyzer):
    """A bare <article> is no template's mark of the story: themes use it for teasers, and a
    sidebar of them must still go (the post itself sits in an unmarked <div>)."""
    teaser = (
        "<article><a href='/p/2'>另一篇：国产芯片的机会在哪里</a><p>三家公司的路线对比与展望分析，"
        "谁能在明年拿下更多订单，谁又会被价格战拖垮，我们逐一拆解，欢迎阅读。</p></article>"
    )
    page = (
        "<html><body><div class='main'><h1>英伟达的订单还能排多久</h1>"
        f"<div class='post'>{BODY * 2}</div></div>"
        f"<div class='sidebar'>{teaser * 2}</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "国产芯片的机会" not in art.body


def test_ruby_readings_are_not_body_text(analyzer):
    ruby = "<ruby>預<rp>(</rp><rt>yù</rt><rp>)</rp></ruby>計"
    lead = f"<p>據供應鏈消息，華為昇騰新品{ruby}明年量產，國產晶片的份額有望繼續提升。</p>"
    art = _extract(analyzer, f"<html><body><div>{BODY}{lead}</div></body></html>")
    assert "華為昇騰新品預計明年量產" in art.body and "yù" not in art.body


SIDEBAR = "".join(f"<li><a href='/n/{i}'>本版其他新闻第{i}条</a></li>" for i in range(6))


def test_a_story_in_a_custom_element_is_found(analyzer):
    """Founder's e-paper pages wrap the story in <founder-content> inside a <td>."""
    page = (
        f"<html><body><table><tr><td><ul>{SIDEBAR}</ul></td>"
        f"<td class='ft14'><founder-content>{BODY}</founder-content></td></tr></table></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段") and art.body.count("段：") == 4


def test_a_content_class_saves_a_block_whose_id_reads_as_an_ad(analyzer):
    """Sina's blogs: <div id="sina_keyword_ad_area2" class="articalContent"> holds the post,
    which is less than half of the page's text."""
    profile = "<p>博客等级：11 博客积分：1,052 博客访问：71,394 关注人气：186</p>" * 3
    page = (
        f"<html><body><div class='side'>{profile}<ul>{SIDEBAR * 3}</ul></div>"
        f"<div id='sina_keyword_ad_area2' class='articalContent'>{BODY}</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段")


LINES = "<br>".join(
    f"第{i}行：这次走徽杭古道一共两天，路况比想象中难走，但是风景很好，下次还想再去。"
    for i in range(5)
)


def test_a_dvbbs_post_of_lines_in_a_span_is_the_body(analyzer):
    def post(name: str, text: str) -> str:
        return (
            "<table class='tableborder1'><tr><td class='tablebody1'>"
            f"{name}<br>等级：论坛游侠<br>积分：1280<br>注册：2006-3-2</td>"
            f"<td><blockquote><span style='font-size:14px'>{text}</span></blockquote></td></tr>"
            "<tr><td>2007-5-6 20:41:33</td></tr></table>"
        )

    reply = "写得很详细！下次活动六月中旬，线路待定，会在本版发帖召集。"
    page = f"<html><body>{post('风中的草帽', LINES)}{post('领队', reply)}</body></html>"
    art = _extract(analyzer, page)
    assert art.body.startswith("第0行") and "下次活动" not in art.body


def test_the_first_floor_of_a_thread_is_the_post_and_the_rest_are_replies(analyzer):
    def floor(n: int, who: str, text: str) -> str:
        return (
            "<div class='post'><table class='floor'>"
            f"<tr><td class='post_author'>{who}</td></tr>"
            f"<tr><td class='post_content'><cc>{text}</cc></td></tr>"
            f"<tr><td class='post_info'>{n}楼 2008-10-12 20:{10 + n} 回复</td></tr></table></div>"
        )

    replies = "".join(
        floor(
            n,
            f"钓友{n}",
            "羡慕啊！东山水库现在还让钓吗？我记得去年夏天那边挂了牌子说禁钓，管理处天天巡逻。",
        )
        for n in range(2, 7)
    )
    page = (
        "<html><body><table><tr><td>\n<div class='thread_title'><h1>周末水库野钓</h1></div>"
        f"{floor(1, '雨中垂钓', LINES)}{replies}<div class='pager'>共1页 <a href='/f'>返回钓鱼吧</a>"
        "</div><div id='sub'><h3>发表回复</h3><p>内容：<br><textarea name='co'></textarea></p>"
        "<p>用户名：<input name='un'> 你还没有登录，请<a href='#'>登录</a></p></div>"
        "</td></tr></table></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0行") and "羡慕啊" not in art.body


def test_a_code_blocks_copy_button_is_not_body_text(analyzer):
    code = "<pre><code>nvcc -O3 sgemm.cu -o sgemm</code><div class='hljs-button'>登录后复制</div></pre>"
    art = _extract(
        analyzer, f"<html><body><div class='article'>{BODY}{code}{BODY}</div></body></html>"
    )
    assert "nvcc" in art.body and "登录后复制" not in art.body


def test_code_in_a_post_keeps_its_braces(analyzer):
    """A style sheet leaking into the text is dropped line by line; a code block is not."""
    code = "<pre><code>__global__ void add(float *a) {\n    a[0] += 1;\n}</code></pre>"
    art = _extract(
        analyzer, f"<html><body><div class='article'>{BODY}{code}{BODY}</div></body></html>"
    )
    assert "a[0] += 1;" in art.body and "}" in art.body.split("\n")


def test_paragraphs_that_mention_floors_or_dates_are_no_thread(analyzer):
    """A fire report whose paragraphs say 18楼, 17楼, a timeline of dated items: prose, not a
    thread's posts, so the whole story stays."""
    paras = "".join(
        f"<p class='MsoNormal'>第{i}段：消防员在{17 + i}楼发现火点，随即组织人员疏散，"
        "同时用水枪压制火势，整个过程持续了二十多分钟，没有人员受伤。</p>"
        for i in range(5)
    )
    art = _extract(analyzer, f"<html><body><div>{paras}</div></body></html>")
    assert art is not None and art.body.count("段：") == 5


def test_layout_rows_with_dates_are_no_thread(analyzer):
    """Page-wide rows of one class (the clock row, the story row, the footer) are not posts."""
    page = (
        "<html><body><div class='w1000'>今天是：2024-05-12 星期日</div>"
        f"<div class='w1000'><div class='main'><h1>防汛演练</h1><p>2024-05-10</p>{BODY}</div></div>"
        "<div class='w1000'>版权所有 2024-05-01 更新 5楼会议室</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段")


def test_a_letter_quoted_in_a_post_does_not_replace_it(analyzer):
    letter = "<br>".join(
        f"第{i}行：亲爱的孩子，这封信写了很久，想说的话太多，不知道从哪里说起。" for i in range(8)
    )
    page = (
        "<html><body><div class='post'><p>今天整理旧物，翻出了父亲当年写给我的一封信，抄在这里。</p>"
        f"<blockquote><span>{letter}</span></blockquote>"
        "<p>读完这封信，我在书桌前坐了很久，窗外的雨一直没有停，心里有很多话想对他说。</p></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert "今天整理旧物" in art.body and "读完这封信" in art.body


def test_comments_in_a_custom_element_or_a_comment_content_class_stay_out(analyzer):
    comments = "".join(
        f"<p>网友{i}：说得太对了，我也是这么想的，这件事早该有人管管了。</p>" for i in range(3)
    )
    for wrapper in (
        f"<cmt-list>{comments}</cmt-list>",
        f"<div id='comment_list' class='commentContent'>{comments}</div>",
    ):
        page = f"<html><body><div class='article'>{BODY}</div>{wrapper}</body></html>"
        art = _extract(analyzer, page)
        assert art.body.startswith("第0段") and "网友" not in art.body, wrapper


def test_a_meta_line_above_the_story_is_no_headline(analyzer):
    """With no headline in <title>, the line above the story is taken, but not a meta line
    (2008年12月 | 人气：5321 | 分类：海鲜水产)."""
    page = (
        "<html><head><title>好厨艺美食网</title></head><body><div>家常红烧带鱼</div>"
        f"<div>2008年12月 | 人气：5321 | 分类：海鲜水产</div><div>{BODY}</div></body></html>"
    )
    assert _extract(analyzer, page).title == "家常红烧带鱼"


LIVE_ENTRIES = [
    ("22:31", "美股开盘，英伟达低开约百分之十一，芯片股集体大幅低开。"),
    ("23:05", "英伟达跌幅扩大至百分之十四，成交额已超过前一个交易日全天。"),
    ("00:40", "部分大型科技公司股价逆势上涨，市场解读为低成本模型将利好应用层。"),
    ("05:10", "美股收盘，英伟达收跌超过百分之十六，本场直播到此结束，感谢关注。"),
]


def _live_item(clock: str, text: str, badge: str = "", extra: str = "") -> str:
    return (
        f"<li class='live-item'><div class='time'>{badge}<time>{clock}</time></div>"
        f"<div class='live-body'><p>{text}</p>{extra}</div></li>"
    )


def test_a_live_blog_is_every_timed_entry_with_its_time(analyzer):
    """The densest block of a live blog is one entry; the story is all of them, each with its
    time, and a badge (重点) before a time is no text."""
    items = "".join(
        _live_item(c, t, badge="<em>重点</em>" if i == 0 else "")
        for i, (c, t) in enumerate(LIVE_ENTRIES)
    )
    page = (
        "<html><body><div class='wrap'><h1>直播｜英伟达单日重挫</h1>"
        f"<ul class='live-list'>{items}</ul><div class='end'>直播已结束</div></div></body></html>"
    )
    art = _extract(analyzer, page)
    lines = art.body.splitlines()
    assert lines == [f"{c} {t}" for c, t in LIVE_ENTRIES]


def test_timed_comments_are_no_live_blog(analyzer):
    """Comments carry times too, but also reply links: the story above them stays the body."""
    story = "<div class='content'>" + BODY + "</div>"
    items = "".join(
        _live_item(c, t, extra="<a href='#'>回复</a> <a href='#'>赞</a>") for c, t in LIVE_ENTRIES
    )
    page = f"<html><body><h1>英伟达财报点评</h1>{story}<ul class='cmt'>{items}</ul></body></html>"
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "美股开盘" not in art.body


def test_a_flash_list_beside_a_story_stays_out(analyzer):
    """A 快讯 page shows its story, then a list of other timed flashes: only the story."""
    items = "".join(_live_item(c, t) for c, t in LIVE_ENTRIES)
    page = (
        "<html><body><div class='detail'><h1>云厂商下调GPU云服务器价格</h1>"
        f"<div class='flash-content'>{BODY}</div></div><ul class='flash-list'>{items}</ul>"
        "</body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "美股开盘" not in art.body


def test_a_story_written_in_div_paragraphs_is_the_block_that_holds_them(analyzer):
    """Sina-style blogs write each paragraph as a <div> inside the post's named block; the
    block is the story, not the whole page with its profile box and comments."""
    paragraphs = "\n".join(
        f"<div>　　第{i}天：我们在康定被雨拦了三天，最后改走小环线，翻过折多山，云突然散开了。"
        "阳光落在山坡上，整车人都叫了起来。</div>\n<div>&nbsp;</div>"
        for i in range(5)
    )
    side = "\n".join(
        f"<li><a href='#'>网友{i}</a>：看得我心痒痒，明年十月也想去，请问包车多少钱一天？</li>"
        for i in range(6)
    )
    page = (
        "<html><body>\n<div id='wrap'>\n<div id='side'>\n<div class='modtitle'>最新评论</div>\n"
        f"<ul>\n{side}\n</ul>\n</div>\n<div id='main'>\n<h2>川西小环线：雨后的新都桥</h2>\n"
        f"<div class='articalContent'>\n{paragraphs}\n</div>\n</div>\n</div>\n</body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0天") and "网友" not in art.body
    assert len(art.body.splitlines()) == 5


def test_a_thread_whose_posts_are_lines_in_an_unknown_element_is_its_first_post(analyzer):
    """贴吧 wrote each post as <cc>line<br>line</cc>, an element HTML does not know: its lines
    are the post's text, so the thread is found and its first post is the story."""
    first = "<br>".join(
        f"第{i}样：小时候的酸梅粉五毛钱一包，倒在手心里舔，一包能吃一节课，现在想想手真脏。"
        for i in range(6)
    )

    def post(n: int, text: str, who: str) -> str:
        return (
            f"<table class='tab'><tr><td class='tit'><div class='floor'>{n}楼</div></td></tr>"
            f"<tr><td class='cont'><cc>{text}</cc><br><br></td></tr>"
            f"<tr><td class='i'>作者: {who} 2007-5-22 14:{30 + n}</td></tr></table>\n"
        )

    replies = "".join(
        post(
            n, "沙发！酸梅粉我也吃过，还有那种一毛钱一包的辣条，辣得直吸溜还停不下来。", f"吧友{n}"
        )
        for n in range(2, 8)
    )
    page = (
        "<html><body>\n<div class='top'>登录 | 注册</div>\n<table><tr><td>\n"
        f"<h1>怀念小时候的零食</h1>\n{post(1, first, '鹤城老李头')}{replies}"
        "</td></tr></table>\n</body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0样") and "沙发" not in art.body


def _split_story(rest_style: str) -> str:
    style = "font-size:14px;line-height:25px"

    def paras(first: int, stop: int) -> str:
        return "".join(
            f"<p>　　第{i}段：国产彩屏手机的价格比一个月前下降了两到三成，卖场里挤满了学生。</p>"
            for i in range(first, stop)
        )

    return (
        "<html><body><table><tr><td class='nav'><a href='/'>首页</a></td></tr></table>"
        "<table width='560'><tr><td><h1>手机卖场价格战升级</h1></td></tr>"
        f"<tr><td style='{style}'>{paras(0, 4)}</td></tr>"
        "<tr><td align='center'><a href='/ad'><img src='/ad.gif'>彩铃大放送 每月只需5元</a></td></tr>"
        f"<tr><td style='{rest_style}'>{paras(4, 6)}</td></tr>"
        "<tr><td>（责任编辑：小周）</td></tr>"
        "<tr><td>·<a href='/1'>国产手机厂商遭遇寒冬</a><br>·<a href='/2'>彩铃业务悄然走红</a></td></tr>"
        "</table></body></html>"
    )


def test_a_portal_story_split_by_an_ad_row_is_read_whole(analyzer):
    """The ad sits in a row of its own; the story goes on in the next row, written with the
    same style as its first part."""
    art = _extract(analyzer, _split_story("font-size:14px; line-height:25px"))
    assert [line[:3] for line in art.body.splitlines()] == [f"第{i}段" for i in range(6)]
    assert "彩铃" not in art.body and "寒冬" not in art.body


def test_prose_in_a_later_row_of_another_style_is_not_the_story(analyzer):
    """A later row written otherwise (a comment, a summary box) is no part of the story."""
    art = _extract(analyzer, _split_story("font-size:12px;color:#666"))
    assert [line[:3] for line in art.body.splitlines()] == [f"第{i}段" for i in range(4)]


def _qa_page(label: str) -> str:
    answer = "".join(
        f"<p>第{i}步：新锅先用热水加洗洁精刷干净，小火烧干水分，再用猪皮蘸油反复擦十分钟。</p>"
        for i in range(4)
    )
    return (
        "<html><body><div class='nav'><a href='/'>首页</a> | <a href='/q'>问答</a></div>"
        "<h1>新买的铁锅怎么开锅？第一次用要注意什么？</h1>"
        "<div class='meta'>悬赏分：10 - 解决时间：2009-06-03 13:25</div>"
        "<div class='q'>刚买了一口生铁炒锅，说明书上写要先开锅再使用，但是没写具体怎么做，到底哪种方法对？</div>"
        "<div class='asker'>提问者：lily_2009 - 2009-06-03 10:12</div>"
        f"<div class='label'>{label}</div><div class='answer'>{answer}</div>"
        "<div class='by'>回答者：灶台边的猫 - 五级 - 2009-06-03 11:40</div>"
        "<div class='other'>其他回答 共3条</div><p>用猪皮擦就行，老一辈都这么干的。</p>"
        "</body></html>"
    )


def test_a_qa_page_is_its_question_and_its_chosen_answer(analyzer):
    """A Q&A page's densest block is the answer; the question's description above the answer's
    label (满意答案) is part of the page's text, its meta lines (提问者, 悬赏分) are not, and the
    answerer is the author."""
    art = _extract(analyzer, _qa_page("满意答案"))
    lines = art.body.splitlines()
    assert lines[0].startswith("刚买了一口生铁炒锅") and lines[1].startswith("第0步")
    assert "提问者" not in art.body and "悬赏分" not in art.body and "老一辈" not in art.body
    assert art.author == "灶台边的猫"


def test_without_an_answer_label_the_lines_above_the_story_stay_out(analyzer):
    art = _extract(analyzer, _qa_page("相关推荐"))
    assert art.body.startswith("第0步")


def test_a_thread_or_a_feed_in_a_timed_list_is_no_live_blog(analyzer):
    """Posts in a <ul> carry a time too, but each shows its poster's name: the first post is
    the densest block and stays the story alone."""

    def post(who: str, clock: str, text: str) -> str:
        return (
            f"<li class='post'><div class='head'><span>{who}</span><span>{clock}</span></div>"
            f"<div class='post-body'>{text}</div></li>"
        )

    first = "".join(
        f"<p>第{i}段：老房子墙太厚，换了新路由器以后卧室信号反而更差了。</p>" for i in range(3)
    )
    posts = post("钱塘老猫", "08:15", first) + "".join(
        post(f"网名{i}", f"08:{20 + i}", "<p>同款户型，我是用电力猫解决的，速度一般但是稳定。</p>")
        for i in range(3)
    )
    page = f"<html><body><h1>老房子WiFi信号差</h1><ul class='thread'>{posts}</ul></body></html>"
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "电力猫" not in art.body


def test_sidebars_and_comments_named_like_content_are_no_story(analyzer):
    """tab-content, side-content and comment_content hold <div> items too; they are never read
    as a story written in <div> paragraphs."""
    items = "".join(
        f"<div>{i}. 快讯：某芯片公司发布新品，股价盘中大涨百分之五，成交额放大。</div>"
        for i in range(8)
    )
    for name in ("tab-content", "side-content", "comment_content"):
        page = (
            f"<html><body><h1>芯片降价潮来了</h1><div class='article'>{BODY}</div>"
            f"<div class='{name}'>{items}</div></body></html>"
        )
        art = _extract(analyzer, page)
        assert art.body.startswith("第0段") and "快讯" not in art.body, name


def test_html5_main_and_comment_components_are_no_line_wrappers(analyzer):
    """<main> is HTML; <cmt-list> and <user-comment> are comments: none of them is passed
    through like 贴吧's <cc>."""
    comments = "".join(
        f"<user-comment>业主{i}号 · 05-08<br>说得太对了，我家小区也是这样，物业根本不管。<br></user-comment>"
        for i in range(8)
    )
    page = (
        "<html><body><main><h1>小区停车难怎么办</h1>" + BODY + "</main>"
        f"<cmt-list>{comments}</cmt-list><div class='foot'>关于我们 | 联系方式</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "物业" not in art.body and "关于我们" not in art.body


def test_rows_after_a_story_in_its_own_style_stop_at_comments_and_a_layout_class(analyzer):
    """Comment rows may wear the story's style (杭州网友：…); a class every cell wears (box) is
    layout, not the story's signature."""
    comments = _split_story("font-size:14px;line-height:25px").replace(
        "彩铃大放送 每月只需5元", "网友评论"
    )
    assert "第4段" not in _extract(analyzer, comments).body
    boxed = (
        "<html><body><table><tr><td class='box'><a href='/'>首页</a> 新闻 体育</td></tr>"
        "<tr><td class='box'><h1>手机卖场价格战升级</h1></td></tr>"
        f"<tr><td class='box'>{BODY}</td></tr>"
        "<tr><td class='box'>主办单位：某某网。地址：中山路1号。电话：12345678。欢迎投稿。</td></tr>"
        "</table></body></html>"
    )
    assert "主办单位" not in _extract(analyzer, boxed).body


def test_a_short_story_beside_a_longer_sidebar_is_the_story(analyzer):
    """A photo's caption or a news flash under its headline, next to a longer editor's note or
    a list of other flashes: the story is the prose in the headline's part of the page."""
    story = (
        "10月7日，游客在城西报恩寺内观赏银杏。随着气温逐渐降低，寺内两株古银杏进入最佳观赏期，"
        "金黄的树叶在阳光映照下格外耀眼，吸引众多市民前来拍照留念。"
    )
    note = "".join(
        f"<p>【编者按】第{i}期市民摄影大赛共收到投稿作品一千二百余幅，评委会从构图、光影、"
        "故事性等方面进行评选，获奖作品将于十月下旬在市图书馆展出，欢迎市民前往参观。</p>"
        for i in range(3)
    )
    page = (
        "<html><head><title>秋日银杏染黄古寺_图片_海滨在线</title></head><body>"
        "<div class='wrap'><div class='main'><h1>秋日银杏染黄古寺</h1>"
        f"<div class='info'>2014-10-08 09:12</div><div class='pic-text'><p>{story}</p></div></div>"
        f"<div class='side'><div class='box'><h3>市民摄影大赛</h3>{note}</div></div></div>"
        "</body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body == story


def test_a_headline_over_a_short_lead_keeps_the_story_under_it(analyzer):
    """The densest block under the headline's own part of the page stays the story, even where
    a lead box sits between them."""
    page = (
        "<html><head><title>芯片降价潮来了_某某网</title></head><body><div class='main'>"
        "<div class='head'><h1>芯片降价潮来了</h1><div class='lead'><p>导读：芯片价格一个月内"
        "连降三次，厂商和渠道都在观望，这波降价潮会持续多久？记者走访了三家渠道商和两家整机厂，听听他们怎么说。</p></div></div>"
        f"<div class='content'>{BODY}</div></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.endswith(
        "第3段：英伟达的数据中心业务继续增长，客户的订单排到了明年，毛利率维持在高位。"
    )


def test_a_lead_box_under_the_headline_is_no_story_beside_a_left_column(analyzer):
    """l_side and main_side name the main column, and 【导读】 opens a summary: the story beside it
    stays the story."""
    lead = (
        "<p>【导读】青溪大桥主体工程日前合龙，预计国庆前通车。大桥通车后，城东新区与老城区之间的"
        "车程将由四十分钟缩短至十分钟，沿线村镇群众出行将更加便捷。</p>"
    )
    for column in ("l_side", "main_side"):
        page = (
            "<html><head><title>青溪大桥主体工程合龙_青石新闻网</title></head><body>"
            f"<div class='art_head'><h1>青溪大桥主体工程合龙</h1><div class='summary'>{lead}</div>"
            f"</div><div class='{column}'><div class='wz'>{BODY}</div></div>"
            "<div class='r_side'><div class='sidebar'><h3>热点排行</h3><ul><li><a href='/1'>"
            "城区新增三处口袋公园</a></li></ul></div></div></body></html>"
        )
        assert _extract(analyzer, page).body.startswith("第0段"), column


def test_a_post_titled_with_its_whole_text_keeps_its_text(analyzer):
    """Forums and microblogs title a short post with the post itself: the repeated headline
    is dropped from a body, but here it is the body."""
    post = "英伟达的股价明年还会继续上涨，DeepSeek不会影响GPU的需求，我非常看好英伟达的长期前景和数据中心业务，老黄的护城河还很深"
    page = (
        f"<html><head><title>{post} - 某论坛</title></head><body>"
        f"<div class='post'><p>{post}</p></div><div class='footer'>某论坛 版权所有</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and (art.title, art.body) == (post, post)
    headline = "英伟达财报再超预期 数据中心收入创新高"
    page = (
        f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{BODY}</body></html>"
    )
    assert not _extract(analyzer, page).body.startswith(headline)  # a headline above a body goes
    # An article page whose text did not load: its long headline is no body.
    empty = (
        f"<html><head><title>{post}</title></head><body><article><h1>{post}</h1>"
        "</article><div class='footer'>版权所有 © 2025</div>"
        "</body></html>"
    )
    assert _extract(analyzer, empty) is None


def test_source_newlines_are_spaces_and_blank_lines_are_paragraphs(analyzer):
    """A newline in the page's source is a space to a browser: a linked subject wrapped onto its
    own source line (谷歌(微博) then the sentence) stays in its sentence, not as a link line that
    goes; text written with blank lines between paragraphs keeps them; <pre> keeps every line."""
    page = (
        "<html><head><title>某公司开发出能自学的计算机</title></head><body><div>"
        "<p><span><a href='/stock/GOOG'>谷歌</a></span>(<a href='/weibo'>微博</a>)\n"
        "    在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计\n算机。</p>"
        f"{BODY}<p>第一段写到这里为止，后面空一行。\n\n\n第二段从这里开始，也是完整的一句话。</p>"
        "<pre><b>第一行代码注释</b>\n第二行代码注释</pre></div></body></html>"
    )
    lines = _extract(analyzer, page).body.splitlines()
    assert (
        "谷歌(微博) 在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。"
        in lines
    )
    assert "第一段写到这里为止，后面空一行。" in lines
    assert "第二段从这里开始，也是完整的一句话。" in lines
    assert "第一行代码注释" in lines and "第二行代码注释" in lines


def test_headline_restated_under_the_story_and_page_furniture_go(analyzer):
    """A headline wrapped over source lines reads as one line; restated in 【】 under the story,
    with a like-button prompt and an advertisement label, it is no part of the text."""
    title = "流感新增四死 全是B型未施打疫苗 春節人潮南來北往 流感最高峰"
    page = (
        f"<html><head><title>{title}</title></head><body><div>"
        "<h1>流感新增四死 全是B型未施打疫苗\n春節人潮南來北往 流感最高峰</h1>"
        f"{BODY}<p>Facebook 馬上按讚 加入台視新聞粉絲團</p><p>【ADVERTISEMENT】</p>"
        "<p>【流感新增四死 全是B型未施打疫苗\n春節人潮南來北往 流感最高峰】</p></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and art.body.endswith("毛利率维持在高位。")


def test_a_story_wrapped_in_one_link_is_read_and_the_link_list_beside_it_is_not(analyzer):
    """Some portals wrap a whole story in <a href="全文">: paragraphs inside a link are text,
    while the related list beside it (short linked headlines with a teaser) is not."""
    story = "<br><br>".join(
        f"第{i}段：英伟达的数据中心业务继续增长。客户的订单排到了明年。毛利率维持在高位。"
        for i in range(5)
    )
    related = "".join(
        f"<li><a href='/n{i}'>英伟达相关新闻标题第{i}条</a><p>一句话的摘要写在这里。</p></li>"
        for i in range(8)
    )
    page = (
        "<html><head><title>英伟达财报点评</title></head><body><h1>英伟达财报点评</h1>"
        f"<div class='intro'>\n  <div class='text'>\n    <dl>\n      <a href='/full/1.html'>{story}</a>"
        f"\n    </dl>\n  </div>\n</div>\n<div class='more'>\n<ul>{related}</ul>\n</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "第4段" in art.body
    assert "相关新闻标题" not in art.body


def test_a_page_nested_deeper_than_the_parser_reads_is_read_or_refused_saying_so(analyzer):
    """A broken template nests a <div> per item: at 1,000 levels the extractor's own walk
    overflowed Python's stack (an internal error), and past 2,048 libxml2 drops the text
    silently (read as a page with no body)."""
    body = "英伟达的护城河在于CUDA生态，短期内难以被撼动，我继续看好它的长期表现。" * 3

    def page(depth: int) -> RawPage:
        html = f"<html><body>{'<div>' * depth}<p>{body}</p>{'</div>' * depth}</body></html>"
        return RawPage(f"deep{depth}.html", html.encode(), "html")

    read = analyzer.process(page(1500), analyse=False)
    assert read.ok and body in read.article.body
    refused = analyzer.process(page(3000), analyse=False)
    assert refused.reject.reason == "too-deeply-nested" and "2,048" in refused.reject.detail


def test_a_wrapper_opened_per_item_and_never_closed_keeps_the_article_beneath(analyzer):
    """Unwrapping every wrapper below 300 levels took the article's own <div> too, and with it
    the whole body; only the chain of wrappers goes."""
    html = (
        "<html><head><title>英伟达业绩点评</title></head><body>"
        + "<font>" * 320
        + f"<div class='article'>{BODY}</div></body></html>"
    )
    article = _extract(analyzer, html)
    assert article is not None and article.body.startswith("第0段") and "第3段" in article.body


def _page_of(title: str, *paragraphs: str) -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{ps}</body></html>"


def test_an_error_or_login_page_of_ordinary_length_is_refused(analyzer):
    """A saved "page not found" long enough to pass as text replaced the article read before."""
    pages = [
        _page_of(
            "抱歉，您访问的页面不存在或已被删除",
            "可能的原因：您输入的网址有误，或者该文章已经被作者删除，或者正在审核中，请稍后再试。",
            "您可以返回首页继续浏览其他内容，也可以通过站内搜索查找您感兴趣的文章，敬请谅解。",
        ),
        _page_of(
            "某某财经",
            "请登录后查看全文。本文为付费内容，订阅会员即可阅读全部财经深度报道与研究报告。",
            "还没有账号？立即注册，新用户首月免费，每天更新英伟达、DeepSeek等热门公司的深度分析。",
        ),
        _page_of(
            "404 Not Found",
            "The requested URL was not found on this server. 请检查您输入的网址是否正确后再试一次。",
            "如果您是从站内链接来到这里，请通知网站管理员，我们会尽快修复这个失效的链接，谢谢。",
        ),
    ]
    for page in pages:
        result = analyzer.process(RawPage("t.html", page.encode("utf-8"), "html"), analyse=False)
        assert result.article is None and result.reject.reason == "error-page", page[:60]


def test_a_story_about_a_deleted_post_is_an_article(analyzer):
    page = _page_of(
        "DeepSeek相关帖子被删除引发讨论",
        "该文章已被作者删除的提示出现在一篇分析DeepSeek融资传闻的帖子下，引发了网友的讨论。",
        "多位网友认为，传闻本身并无实据，作者删帖是出于谨慎；也有人截图保存了原文的主要观点。",
    )
    art = analyzer.process(RawPage("t.html", page.encode("utf-8"), "html"), analyse=False).article
    assert art is not None and art.title == "DeepSeek相关帖子被删除引发讨论"


def test_an_image_caption_link_is_no_paragraph(analyzer):
    """点击查看大图 under a picture stayed in the body (input-format probe)."""
    prose = (
        "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层的指引也高于预期。"
    )
    html = _page_of(
        "英伟达财报点评", prose, "点击查看大图", "（点击看原图）", prose.replace("明年", "后年")
    )
    body = _extract(analyzer, html).body
    assert "大图" not in body and "原图" not in body and body.count("英伟达的订单") == 2


def test_a_widget_still_loading_is_no_paragraph(analyzer):
    """正在加载... under the story (a comment box or a related list saved before it loaded)
    stayed as the body's last paragraph (Readability's qq test page)."""
    prose = (
        "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层的指引也高于预期。"
    )
    html = _page_of(
        "英伟达财报点评", prose, prose.replace("明年", "后年"), "正在加载...", "載入中…"
    )
    body = _extract(analyzer, html).body
    assert "加载" not in body and "載入" not in body and body.count("英伟达的订单") == 2


def test_a_tieba_thread_is_signed_by_its_first_floor_s_poster(analyzer):
    """(forum probe) A 贴吧 thread's page named its poster only in each floor's card (a
    p_author_name link), and the post had no author."""

    def floor(name: str, text: str) -> str:
        return (
            f'<div class="l_post j_l_post"><div class="d_author"><ul class="p_author">'
            f'<li class="d_name"><a class="p_author_name j_user_card" href="/home/main?un={name}">'
            f'{name}</a></li></ul></div><div class="d_post_content j_d_post_content">{text}</div></div>'
        )

    page = (
        "<html><head><title>英伟达这估值还撑得住？_显卡吧_百度贴吧</title></head><body>"
        '<div class="core_title"><h1>英伟达这估值还撑得住？</h1></div>'
        + floor("显卡老司机", BODY)
        + floor("路过的韭菜", "想多了，英伟达明年照样涨，国内那点份额人家不在乎。")
        + "</body></html>"
    )
    art = _extract(analyzer, page)
    assert art.author == "显卡老司机"


def _board_row(tag: str, value: str) -> str:
    return (
        f"<div class='article-metaline'><span class='article-meta-tag'>{tag}</span>"
        f"<span class='article-meta-value'>{value}</span></div>"
    )


def _push(tag: str, user: str, text: str, stamp: str) -> str:
    return (
        f"<div class='push'><span class='hl push-tag'>{tag} </span>"
        f"<span class='f3 hl push-userid'>{user}</span>"
        f"<span class='f3 push-content'>: {text}</span>"
        f"<span class='push-ipdatetime'> {stamp}\n</span></div>"
    )


def test_a_board_web_page_is_read_as_the_post_its_header_frames(analyzer):
    """PTT's web page: header rows of tag and value spans, the post as bare text, "--", the
    station's lines, then the pushes in divs. The pushes were the body's last lines and the
    header's spans ran together into the author (看板Stock); a short post was refused."""
    post = "記憶體廠這季報價續漲，我看伺服器需求沒有降溫，手上的部位會續抱到年底。"
    page = (
        "<html><head><title>[閒聊] 記憶體還能抱嗎 - 看板 Tech - 批踢踢實業坊</title></head><body>"
        "<div id='main-content' class='bbs-screen bbs-content'>"
        + _board_row("作者", "memlover (記憶體信徒)")
        + "<div class='article-metaline-right'><span class='article-meta-tag'>看板</span>"
        "<span class='article-meta-value'>Tech</span></div>"
        + _board_row("標題", "[閒聊] 記憶體還能抱嗎")
        + _board_row("時間", "Wed Mar 12 09:41:07 2025")
        + f"\n{post}\n\n--\n<span class='f2'>※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.160.3.77 (臺灣)\n"
        "</span>"
        + _push("推", "dramfan", "同意 續抱", "03/12 09:50")
        + _push("噓", "bearish9", "下半年就會崩了啦", "03/12 10:02")
        + "</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body == post
    assert (art.author, art.title) == ("memlover", "[閒聊] 記憶體還能抱嗎")
    assert (art.site, art.category, art.published.isoformat()) == (
        "批踢踢實業坊",
        "Tech",
        "2025-03-12",
    )


def test_a_footer_dated_in_taiwans_calendar_names_its_site(analyzer):
    """Copyright © 民國114年 青松投顧 版權所有 names the site as © 2025 青松投顧 does: the ROC
    year was read as no year, and the line as naming nobody."""
    page = (
        "<html><body><div class='article'><h1>記憶體報價回溫 伺服器鏈仍具支撐</h1>"
        f"{BODY}</div><div class='footer'>Copyright © 民國114年 青松投顧 版權所有</div>"
        "</body></html>"
    )
    assert _extract(analyzer, page).site == "青松投顧"


def test_an_outlets_role_and_the_place_filed_from_leave_the_byline():
    """Taiwan's bylines name the outlet before the role and the place after the name
    (鉅亨網記者 陳思遠 台北, 鉅亨網編譯陳思遠 綜合外電); a translator is credited alone (編譯
    林佳蓉): each came out whole as the author (Traditional-page probe)."""
    from pipeline.extract.authors import label_author, strip_label, tidy_author

    assert tidy_author(strip_label("財訊網記者 周怡君 高雄")) == "周怡君"
    assert tidy_author(strip_label("財訊網編譯周怡君 綜合外電")) == "周怡君"
    assert tidy_author(strip_label("編譯 周怡君")) == "周怡君"
    assert tidy_author(strip_label("記者 周怡君 林志明")) == "周怡君"  # the first reporter
    # a department before the writer, with the header going on under it
    assert label_author("撰文：產業研究部 周怡君\n標題：記憶體報價回溫") == "周怡君"


def test_a_bylines_outlet_role_and_place_leave_the_author_class(analyzer):
    page = (
        "<html><head><title>記憶體報價回溫 | 財訊網</title></head><body><div class='article'>"
        "<h1>記憶體報價回溫</h1><span class='author'>財訊網記者 周怡君 高雄</span>"
        f"{BODY}</div></body></html>"
    )
    assert _extract(analyzer, page).author == "周怡君"


def test_a_related_link_after_its_label_is_no_paragraph(analyzer):
    """相关讨论：… under the story was kept as a paragraph of it (boilerplate probe): only 相关阅读
    and 相关链接 were labels with their colon."""
    page = (
        f"<html><body><div class='article'><h1>英伟达财报再超预期</h1>{BODY}"
        "<p>相关讨论：英伟达回调两成，现在还能上车吗？</p></div></body></html>"
    )
    assert "相关讨论" not in _extract(analyzer, page).body


def test_credit_fields_sharing_a_line_are_no_paragraph(analyzer):
    """本文来源：… 责任编辑：… under the story was kept (boilerplate probe)."""
    page = (
        f"<html><body><div class='article'><h1>英伟达财报再超预期</h1>{BODY}"
        "<p>本文来源：某某财经网　责任编辑：王小刚</p></div></body></html>"
    )
    assert "责任编辑" not in _extract(analyzer, page).body


def test_a_share_bar_naming_its_target_is_no_paragraph(analyzer):
    """点赞 | 收藏 | 分享到朋友圈 under the story was kept (boilerplate probe)."""
    page = (
        f"<html><body><div class='article'><h1>英伟达财报再超预期</h1>{BODY}"
        "<p>点赞 | 收藏 | 分享到朋友圈</p></div></body></html>"
    )
    assert "朋友圈" not in _extract(analyzer, page).body


def test_a_page_built_by_its_scripts_is_read_from_its_noscript_fallback(analyzer):
    """(input probe) The story only in <noscript> (a script-built page saved before its scripts
    ran) was refused, "only 0 characters of article text found"; where the page has its own
    text, a <noscript> notice stays out of the body."""
    page = (
        "<html><head><title>英伟达还能涨吗</title></head><body><div id='app'></div>"
        f"<noscript><article><h1>英伟达还能涨吗</h1>{BODY}</article></noscript>"
        "<script>render()</script></body></html>"
    )
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段") and "第3段" in art.body
    notice = f"<html><body><noscript>请启用JavaScript以获得最佳浏览体验</noscript><div>{BODY}</div></body></html>"
    art = _extract(analyzer, notice)
    assert art.body.startswith("第0段") and "JavaScript" not in art.body
    # (review) a notice asking for scripts is no article, however long
    bare = (
        "<html><body><div id=app></div><noscript>本站需要启用JavaScript才能正常浏览，请在浏览器"
        "设置中开启JavaScript功能后刷新本页面，谢谢您的理解与支持。</noscript>"
        "<p>英伟达发布新品。</p></body></html>"
    )
    result = analyzer.process(RawPage("t.html", bare.encode("utf-8"), "html"), analyse=False)
    assert result.reject is not None and result.reject.reason == "no-body"


def test_a_page_that_only_forwards_is_refused_naming_where_it_forwards(analyzer):
    """(input probe) A meta refresh page was refused as having no text, with no word of the
    address it forwards to."""
    page = (
        '<html><head><meta http-equiv="refresh" content="0; url=https://example.com/a/1.html">'
        "<title>跳转中</title></head><body><p>正在跳转</p></body></html>"
    )
    result = analyzer.process(RawPage("t.html", page.encode("utf-8"), "html"), analyse=False)
    assert result.reject.reason == "no-body"
    assert "forwards to https://example.com/a/1.html" in result.reject.detail
