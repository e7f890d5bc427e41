"""Plain-text and markdown page dumps, written small here (the shapes scrapers save)."""

from datetime import date

import pytest

from pipeline.records import RawPage

READER_DUMP = """Title: 英伟达的好日子还长着呢

URL Source: https://mp.example.com/s/abc

Markdown Content:
![Image 1: cover](assets/a.jpg)

[某某科技](javascript:void(0);)

某某科技

1234篇原创内容

_2025年03月17日 09:07_

本文来自微信公众号：某某，作者：某某

很多人担心DeepSeek会让GPU需求下降，我的看法正相反，**算力越便宜，用的人越多**。

![Image 2: Image](assets/b.png)
数据中心收入走势图

这就是我继续看好英伟达的理由，至少明年之内不会变。

![Image 3](assets/c.png)

详细文章，请移步阅读原文

**参考链接**

https://example.com/a
"""


def test_reader_markdown_dump(analyzer):
    art = analyzer.process(RawPage("d.txt", READER_DUMP.encode(), "text"), analyse=False).article
    assert art.title == "英伟达的好日子还长着呢"
    assert art.url == "https://mp.example.com/s/abc"
    assert str(art.published) == "2025-03-17"
    assert art.body.startswith("很多人担心DeepSeek会让GPU需求下降")
    assert art.body.endswith("至少明年之内不会变。")
    for gone in (
        "原创内容",
        "本文来自微信公众号",
        "数据中心收入走势图",
        "**",
        "![",
        "参考链接",
        "javascript",
    ):
        assert gone not in art.body


BODY_ONLY = (
    "英伟达周三盘后公布季度财报，数据中心收入再创新高，管理层给出的下季度指引也高于市场预期，"
    "盘后股价一度上涨百分之五，此前市场担心的需求放缓并没有出现。\n"
    "不过也有基金经理提醒，云厂商的资本开支不会永远高速增长，一旦大模型训练的边际收益下降，"
    "采购节奏可能放慢，届时英伟达的估值需要重新审视，投资者不宜追高。\n"
    "本文仅代表作者个人观点。"
)


def test_dump_that_is_only_body_keeps_every_paragraph(analyzer):
    """A scraper that saved only the article text: the short last line is not a title."""
    art = analyzer.process(RawPage("b.txt", BODY_ONLY.encode(), "text"), analyse=False).article
    assert art is not None
    assert art.body.startswith("英伟达周三盘后公布季度财报")
    assert "投资者不宜追高" in art.body


def test_a_markdown_heading_underline_does_not_end_a_dump(analyzer):
    """ "--" under 总结 is a setext heading's underline in a Markdown dump, not a mail's
    signature separator: the summary after it is the story's."""
    dump = BODY_ONLY.replace("本文仅代表作者个人观点。", "") + (
        "\n总结\n--\n\n英伟达的护城河正在出现裂缝，高估值难以维持，投资者应当保持警惕。\n"
        "\n另外，自研芯片的云厂商越来越多，这一趋势在未来两年只会加速。\n"
    )
    art = analyzer.process(RawPage("m.txt", dump.encode(), "text"), analyse=False).article
    assert art.body.endswith("这一趋势在未来两年只会加速。")


def test_lexicon_anchored_and_floating_patterns(tmp_path):
    """Patterns anchored at the line start are tried there only; the others anywhere; a pattern
    with a top-level | is not anchored as a whole."""
    from pipeline.extract.cleaning import Boilerplate

    lex = tmp_path / "b.toml"
    lex.write_text('end = ["^相关文章$"]\nline = ["^广告$|推广", "不代表.{0,4}立场"]\n', "utf-8")
    bp = Boilerplate.load(lex)
    assert bp.is_end("相关文章") and not bp.is_end("见相关文章")
    assert bp.is_noise("广告") and bp.is_noise("本页推广内容") and bp.is_noise("本文不代表本站立场")
    assert not bp.is_noise("广告主的预算")


# A page's markup saved as its text (an AMP or reader-view fragment, no <html> or <body>) whose
# article is one list, cut off inside a tag at the end.
MARKUP_DUMP = (
    "<h1><span>英伟达四季度财报要点:</span></h1><ol><li><b><strong>业绩</strong></b></li>"
    "<li><ul><li><span>收入:四季度收入393亿美元,同比增长78%,高于市场预期。</span></li>"
    "<li><span>预计下一季度毛利率将降至71%左右,主要受新芯片量产成本影响。</span></li></ul></li>"
    "<li><b><strong>展望</strong></b></li><li><ul><li><span>管理层预计下一季收入430亿美元,"
    "数据中心业务仍是增长主力。</"
)


def test_markup_saved_as_text_is_read_as_lines_without_tags(analyzer):
    result = analyzer.process(RawPage("amp.txt", MARKUP_DUMP.encode(), "text"))
    assert result.reject is None, result.reject
    body = result.article.body
    assert "收入:四季度收入393亿美元" in body
    assert body.endswith("数据中心业务仍是增长主力。")  # the cut-off tag is gone
    assert "<" not in body and ">" not in body
    quotes = [p.quote for p in result.predictions]
    assert any("毛利率将降至71%" in q for q in quotes), quotes
    assert all("<" not in q for q in quotes)


def test_a_less_than_sign_in_a_markup_dump_keeps_the_prose_after_it(analyzer):
    text = (
        MARKUP_DUMP.removesuffix("</")
        + "\n我的看法：英伟达市盈率<30倍时我会加仓，现在太贵了。\n明年它的股价大概率回调两成。"
    )
    body = analyzer.process(RawPage("amp.txt", text.encode(), "text")).article.body
    assert "市盈率<30倍时我会加仓" in body
    assert body.endswith("明年它的股价大概率回调两成。")


def test_a_small_table_before_a_text_dump_does_not_take_its_place(analyzer):
    blurb = (
        "本站是一个专注于科技与财经资讯的综合性网站，每天为读者提供最新的行业动态与深度分析文章。"
    )
    text = (
        f"<table><tr><td>{blurb}<br>首页 新闻 财经</td></tr></table>\n英伟达还能涨吗\n"
        "很多人担心DeepSeek会让算力需求下降，我的看法正相反，模型越便宜，用的人越多。\n"
        "推理侧的需求会越来越旺，数据中心的订单排到了明年，这是实打实的数字。\n"
        "所以我的结论是：明年英伟达的订单不会下滑，股价还会创新高。\n"
    )
    result = analyzer.process(RawPage("t.txt", text.encode(), "text"))
    assert "明年英伟达的订单不会下滑" in result.article.body
    assert any("股价还会创新高" in p.quote for p in result.predictions)


def test_a_whole_page_saved_as_text_with_no_article_is_still_rejected(analyzer):
    page = (
        "<!doctype html><html><head><title>加载中</title><script>var config = {a: 1, b: 2};"
        + "function init() { return config; }" * 10
        + "</script><style>body{color:red}</style></head><body><div id=app></div></body></html>"
    )
    result = analyzer.process(RawPage("x.txt", page.encode(), "text"))
    assert result.article is None and result.reject.reason == "no-body"


def test_a_url_list_saved_as_text_is_refused_with_the_fix(analyzer):
    urls = "".join(f"https://news.example.com/2025/03/{i}.html\n" for i in range(30))
    result = analyzer.process(RawPage("list.txt", urls.encode(), "text"))
    assert result.article is None and result.reject.reason == "url-list-as-text"
    assert "*.urls" in result.reject.detail


ANNOTATED_DUMP = (
    "華為昇騰的新機(jī)會(huì)\n\n"
    "據(jù)供應(yīng)鏈消息，華為新一代昇騰晶片預(yù)計將在明年第二季度量產(chǎn)，"
    "國(guó)產(chǎn)算力迎來(lái)真正的時(shí)間窗口。\n"
    "我認(rèn)為英偉達在中國的份額會(huì)繼續下滑，至少兩年內難以回到禁令之前的水準。\n"
)


def test_pinyin_reading_aids_are_removed_from_the_body(analyzer):
    """A converter site prints each converted character's reading after it: the body a user
    queries, and the text the cues are read from, is the article without them."""
    result = analyzer.process(RawPage("r.txt", ANNOTATED_DUMP.encode(), "text"))
    art = result.article
    assert art.title == "華為昇騰的新機會"
    assert "預計將在明年第二季度量產" in art.body
    assert "國產算力迎來真正的時間窗口" in art.body
    assert "(" not in art.body
    quotes = [p.quote for p in result.predictions]
    assert any("預計將在明年第二季度量產" in q for q in quotes), quotes


def test_parentheses_that_are_not_reading_aids_stay(analyzer):
    """A converter annotates the characters it converted, with one pinyin syllable each. Latin
    words in parentheses, a pronunciation lesson in Simplified script, a French word, and one or
    two readings in prose are the author's text."""
    from pipeline.extract.ruby import without_ruby

    for prose in (
        "人工智能(AI)芯片H20(中国特供版)的需求，啊(ā)是感叹词，的(de)读轻声。",
        "四个声调：妈(mā)、麻(má)、马(mǎ)、骂(mà)。",
        "咖啡(café)、名片(carte)与(à)和(hé)。",
        "網絡(network)、資訊(information)與電腦(computer)。",
        "國(guó)產(chǎn)算力",  # two readings: too few to be a converter's
    ):
        assert without_ruby(prose) == prose
    units = (
        "規格：長(mm)、寬(mm)，傳輸距離(km)；選項(a)、類別(a)。預(yù)計國(guó)產(chǎn)會(huì)擴大"
    )
    assert (
        without_ruby(units)
        == "規格：長(mm)、寬(mm)，傳輸距離(km)；選項(a)、類別(a)。預計國產會擴大"
    )
    annotated = "他們(men)預(yù)計國(guó)產(chǎn)晶片（jīng）會(huì)擴大份額"
    assert without_ruby(annotated) == "他們預計國產晶片（jīng）會擴大份額"


def _dump(analyzer, text: str):
    return analyzer.process(RawPage("d.txt", text.encode(), "text"), analyse=False).article


PROSE = (
    "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层给出的指引也高于"
    "市场预期，这说明大模型训练和推理的需求还在扩张，短期内看不到放缓的迹象。\n"
)


def test_dump_with_markup_and_a_portal_breadcrumb_keeps_its_headline(analyzer):
    """Tags left before the text are no headline; a portal's trail (网易首页 > 网易号 > 正文) ends
    the header furniture, and the line after it is the headline."""
    text = (
        '<cite id="a1"></cite><cite id="a1"><track id="a1"></track></cite>\n'
        "网易首页 > 网易号 > 正文 申请入驻\n"
        "英伟达的好日子还长着呢\n"
        "0\n分享至\n" + PROSE
    )
    art = _dump(analyzer, text)
    assert art.title == "英伟达的好日子还长着呢"
    assert "<" not in art.body and "cite" not in art.body


@pytest.mark.parametrize(
    "first_line",
    [
        "是我唐突了。我觉得矿潮退去两年，显卡市场总该回归理性了吧？",  # two sentences
        "date 2025-10-30 在AI投资热潮推动下，英伟达成为首家市值突破5万亿美元的企业。但这有多大？",
        "记者刘秀敏/台北报导",  # a byline
        "1. 为什么有人指控DeepSeek抄袭？",  # a numbered section heading
        "目前，各方的主要观点集中在以下几个方面：",  # a lead-in to a list
    ],
)
def test_a_line_that_is_no_headline_is_not_taken_for_one(analyzer, first_line):
    art = _dump(analyzer, first_line + "\n" + PROSE)
    assert art.title is None


def test_an_opening_sentence_is_body_and_ends_the_search_for_a_headline(analyzer):
    """过去一年…。 is the first sentence of the body: it stays there, and a short line after it
    (a quoted line of dialogue) is not taken for the headline, with the text above it lost."""
    text = "过去一年，全球AI行业几乎没有真正的静默期。\n“卖！快卖！全抛掉！”\n" + PROSE
    art = _dump(analyzer, text)
    assert art.title is None
    assert art.body.startswith("过去一年，全球AI行业几乎没有真正的静默期。")


def test_a_scraper_title_the_page_shows_beats_a_notice_above_it(analyzer):
    """The rules take the first short line for the headline; when the scraper's title is on the
    page, that is the headline as shown (a follow notice or an ad sits above it)."""
    headline = "英伟达会成为AI泡沫的第一张多米诺骨牌吗"
    text = "微信关注，获取更多\n" + headline + "\n" + PROSE
    raw = RawPage("j.json", text.encode(), "text", supplied=(("title", headline),))
    art = analyzer.process(raw, analyse=False).article
    assert art.title == headline
    assert headline not in art.body
    # A forum's tag before the headline, a site name after it: still the headline as shown.
    forum = "论坛首页\n[加国新闻] " + headline + "\n发表于 2025-1-28 17:14\n" + PROSE
    page = RawPage("f.json", forum.encode(), "text", supplied=(("title", headline),))
    assert analyzer.process(page, analyse=False).article.title == headline
    # A section name (科技) that the header shows inside a line is no headline.
    text = headline + "\n2025-03-01 科技频道\n" + PROSE
    page = RawPage("s.json", text.encode(), "text", supplied=(("title", "科技"),))
    assert analyzer.process(page, analyse=False).article.title == headline
    # A scraper's title the page does not show (a site suffix added) leaves the page's own.
    suffixed = (("title", headline + "_某某财经网"),)
    page = RawPage("k.json", (headline + "\n" + PROSE).encode(), "text", supplied=suffixed)
    assert analyzer.process(page, analyse=False).article.title == headline


@pytest.mark.parametrize(
    "headline",
    [
        "英伟达四季度财报要点：",
        "黄仁勋，你怎么看：",
        "“互联网泡沫的剧本，AI全占了。”",
        "英伟达市值突破３．５万亿美元",  # a full-width decimal point is no full stop
        "一、二线城市的算力中心之争",  # 一、二线 is no numbered heading
    ],
)
def test_headlines_that_look_like_the_lines_that_are_not(analyzer, headline):
    # (a colon that leads into what follows is no part of it: see the test below)
    assert _dump(analyzer, headline + "\n" + PROSE).title == headline.rstrip("：")


def test_a_short_sentence_above_the_meta_line_is_the_headline(analyzer):
    art = _dump(analyzer, "英伟达：不是泡沫。\n2025-03-01 10:00 科技\n" + PROSE)
    assert (art.title, art.category, str(art.published)) == (
        "英伟达：不是泡沫。",
        "科技",
        "2025-03-01",
    )


def test_a_labelled_headline_loses_its_label(analyzer):
    art = _dump(analyzer, "标题：英伟达的好日子还长着呢\n作者：张三\n2025-03-01 10:00\n" + PROSE)
    assert (art.title, art.author) == ("英伟达的好日子还长着呢", "张三")


def test_tags_around_a_lines_text_are_not_text(analyzer):
    text = f"<span>英伟达的下一步怎么走</span>\n<p>{PROSE.strip()}</p>\n<strong>我看好英伟达。</strong>"
    art = _dump(analyzer, text)
    assert art.title == "英伟达的下一步怎么走"
    assert "<" not in art.body and art.body.startswith("英伟达的订单已经排到了明年")


def test_prose_with_angle_brackets_keeps_every_character(analyzer):
    """Only whole lines of markup leave a dump: code and comparisons in prose stay."""
    line = '前端代码用<div class="box">包裹，Java里写List<String>，数学上a<b>c，英伟达的市盈率<30倍时才算便宜。'
    art = _dump(analyzer, "英伟达的好日子还长着呢\n" + line + "\n" + PROSE)
    assert line in art.body


def test_prose_with_a_slash_after_luntan_is_no_breadcrumb(analyzer):
    text = (
        "英伟达财报解读：增长还能持续多久\n2025-03-01 10:00 科技频道\n"
        "乌镇论坛/峰会上，多位嘉宾谈到算力需求，认为英伟达的订单还会继续增长，国产芯片也会分到一杯羹。\n"
        + PROSE
    )
    assert _dump(analyzer, text).title == "英伟达财报解读：增长还能持续多久"


def test_a_supplied_title_is_the_headline_and_the_text_keeps_every_line(analyzer):
    """A headline of two sentences is taken for no title by the rules; the scraper's title field
    says it is one. The line also stays in the body: a post whose scraper took its first
    sentence for the title must not lose it, nor be rejected as empty."""
    headline = "“估值之王”说英伟达要跌三成。而我认为DeepSeek会推动它创新高"
    supplied = (("title", headline),)
    once = RawPage("j.json", (headline + "\n" + PROSE).encode(), "text", supplied=supplied)
    art = analyzer.process(once, analyse=False).article
    assert art.title == headline and art.body.startswith(headline)
    post = PROSE.strip()
    only = RawPage("p.json", post.encode(), "text", supplied=(("title", post),))
    result = analyzer.process(only, analyse=False)
    assert result.reject is None and result.article.body == post


def test_search_spam_injected_into_a_page_is_not_text(analyzer):
    """Hacked pages carry a line of porn-site keywords; two different ones make it spam. One
    such word in prose (成人教育) is text."""
    spam = "免费成人视频在线|人妻无码专区|黄色视频"
    prose = "成人教育也开始用AI助教，英伟达的显卡在这些机构里同样紧俏，很多培训班排队等着买卡。"
    plain = "园区一区二区已建成投产，这款国产精品游戏被评为18禁，但英伟达显卡的销量依旧亮眼。"
    text = f"{spam}\n英伟达的好日子还长着呢\n{prose}\n{spam}\n{plain}\n{PROSE}"
    art = _dump(analyzer, text)
    assert art.title == "英伟达的好日子还长着呢"
    assert "无码" not in art.body and prose in art.body and plain in art.body


@pytest.mark.parametrize(
    ("meta", "author", "category"),
    [
        ("2025-05-20 阿明", "阿明", None),
        ("2025-05-20 10:00 张晓岚", "张晓岚", None),
        ("2025-05-20 财经", None, "财经"),
        ("2025-05-20 阿里", None, "阿里"),  # a company jieba knows, not a nickname
        ("2025-05-20 每日看点", None, "每日看点"),
        ("2025-05-20 · 科技评论", None, "科技评论"),
        # counters after the date file the page under nothing (a read count was the category
        # 阅读; input-format probe)
        ("老王 2025-05-20 10:21 阅读 1234", "老王", None),
        ("2025-05-20 阅读 1234 评论 5", None, None),
        ("2025-05-20 浏览量：5678", None, None),
        ("2025-05-20 评论(3)", None, None),
        ("2025-05-20 阅读数 1.2万", None, None),
        # where a WeChat post was sent from, after its time
        ("原创 张三 芯片观察 2025年05月20日 10:21 北京", "张三", None),
    ],
)
def test_a_name_after_the_date_signs_the_page_and_a_section_files_it(
    analyzer, meta, author, category
):
    art = _dump(analyzer, "英伟达：不是泡沫。\n" + meta + "\n" + PROSE)
    assert (art.author, art.category) == (author, category)


# Header shapes of real dumps that the first-line rules misread (December 2026): a date the
# scraper glued in front of the first line, a meta line written as a row of fields, an English
# headline, a news dateline, and site furniture above the headline.


def test_a_date_glued_in_front_of_the_first_line_dates_the_page_and_leaves_the_text(analyzer):
    lead = (
        "在人工智慧熱潮推動下，某晶片公司週三成為首家市值突破五兆美元的企業。這個規模到底有多大？"
    )
    art = _dump(analyzer, f" date 2025-10-30 {lead}\n\n{PROSE}")
    assert str(art.published) == "2025-10-30"
    assert art.body.startswith(lead)


def test_a_photo_caption_after_a_glued_date_is_no_headline(analyzer):
    art = _dump(analyzer, f" date 2026-02-26 主持人王小明（翻攝自Youtube）\n\n{PROSE}")
    assert (art.title, str(art.published)) == (None, "2026-02-26")


def test_a_meta_line_written_as_a_row_of_fields_ends_the_header(analyzer):
    text = (
        "AI 圈或迎大事件：某模型正在憋大招\n\n"
        "|  阅读量 | 分类: IT业界 | 作者: 小林编辑 | 时间:2026年01月10日 13:58\n\n" + PROSE
    )
    art = _dump(analyzer, text)
    assert art.title == "AI 圈或迎大事件：某模型正在憋大招"
    assert str(art.published) == "2026-01-10"
    assert "阅读量" not in art.body and art.body.startswith("英伟达的订单")


def test_an_english_headline_runs_longer_than_a_chinese_one(analyzer):
    headline = "Prediction: The Chip Boom Will Cool Off Before 2028, and Here Is Why It Matters."
    art = _dump(analyzer, f"{headline}\nDaily Markets·2026-03-04 16:26\n\n{PROSE}")
    assert (art.title, str(art.published), art.site) == (headline, "2026-03-04", "Daily Markets")
    assert headline not in art.body


def test_a_news_dateline_in_the_first_paragraph_dates_an_undated_page(analyzer):
    lead = "【新视界2025年10月7日讯】（记者某某综合报导）某芯片公司的执行长警告，两国在芯片开发上的差距正在缩小。"
    assert str(_dump(analyzer, f"{lead}\n{PROSE}").published) == "2025-10-07"
    # A tech desk's dateline says the time of day before 消息.
    desk = "某某资讯:2025 年 7 月 15 日晚些时候消息,某芯片公司今日宣布恢复对华供货,市场反应热烈。"
    assert str(_dump(analyzer, f"{desk}\n{PROSE}").published) == "2025-07-15"
    # Without its year a dateline (北京21日电) dates nothing.
    undated = "（本报记者北京21日电）某芯片公司的执行长警告，两国在芯片开发上的差距正在缩小，市场议论纷纷。"
    assert _dump(analyzer, f"{undated}\n{PROSE}").published is None


@pytest.mark.parametrize("colon", [":", "："])
def test_a_colon_leading_into_a_list_is_not_part_of_the_headline(analyzer, colon):
    text = f"某芯片公司第四季业绩重点整理{colon}\n\n{PROSE}{PROSE}"
    assert _dump(analyzer, text).title == "某芯片公司第四季业绩重点整理"


@pytest.mark.parametrize(
    ("under", "author"), [("刘政帆", "刘政帆"), ("深度观察", None), ("北京", None)]
)
def test_a_name_alone_under_the_headline_is_its_writer(analyzer, under, author):
    """A reprint names its writer on the line under the headline; a channel's name or a place
    there is nobody."""
    text = f"黄仁勋宣布某芯片获准在华销售：中国市场至关重要\n{under}\n\n{PROSE}{PROSE}"
    assert _dump(analyzer, text).author == author


HEADLINE = "再造爆款时刻：国产大模型的集体突围"
ABOUT_IT = (
    "今年夏天，国产大模型接连发布，一场关于谁能再造爆款时刻的较量悄然展开，各家都想完成一次突围。\n"
    "集体突围的背后，是开源路线和低成本训练的扩散，国产大模型的差距正在缩小。\n"
)


@pytest.mark.parametrize(
    "furniture",
    ["业界动态", "< 返回新闻公共列表", "某某华人社区-Example Community"],
)
def test_site_furniture_above_the_headline_is_not_the_headline(analyzer, furniture):
    """The line the body goes on to talk about is the headline, not a channel's name, a back
    link or a forum's name that the body never mentions."""
    text = (
        f"{furniture}\n\n{HEADLINE}\n\n2025-07-31 11:36:49 快照小生 阅读:129\n\n{ABOUT_IT}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.title == HEADLINE and str(art.published) == "2025-07-31"


def test_a_headline_the_body_talks_about_stays_before_a_card_that_it_mentions_too(analyzer):
    """The first candidate stands when the body shares its words: an account card below it that
    the body mentions does not take its place."""
    text = f"{HEADLINE}\n大模型观察\n国产大模型观察室\n2025-07-31\n\n{ABOUT_IT}{PROSE}"
    assert _dump(analyzer, text).title == HEADLINE


def test_a_document_title_with_its_site_suffix_gives_way_to_the_headline_shown(analyzer):
    text = f"{HEADLINE} * 某某新闻网\n新闻 > 大陆 > 正文\n{HEADLINE}\n作者:\n{ABOUT_IT}{PROSE}"
    assert _dump(analyzer, text).title == HEADLINE


@pytest.mark.parametrize(
    "first", ["圖/某通訊社", "文源 | 某某号", "来源：某某日报", "微信关注,获取更多"]
)
def test_a_credit_a_source_or_a_follow_prompt_is_no_headline(analyzer, first):
    art = _dump(analyzer, f"{first}\n\n{PROSE}")
    assert art.title is None and first not in art.body


def test_a_markdown_heading_with_links_loses_its_marks(analyzer):
    text = f"# {HEADLINE}\n\n[**返回列表页**](/list/abc)\n\n{ABOUT_IT}{PROSE}"
    art = _dump(analyzer, text)
    assert art.title == HEADLINE and "](" not in art.body


POST = (
    "刚看到消息，这款显卡出口也要申请许可证了，国内厂商这一波怎么接？之前的采购计划里它占了大头，"
    "现在行业里都在讨论许可证什么时候能批下来。\n"
)


def test_a_board_thread_dump_is_its_first_post_signed_by_its_poster(analyzer):
    reply = "我们组去年就迁了，推理没问题，训练那边还是缺算子，迁移的工作量比想象中大很多。"
    text = (
        "某某芯片论坛\n找回密码 | 注册\n查看: 791|回复: 12\n[行业动态] 显卡也要许可证了，怎么接？\n"
        f"楼主\n老周看盘\n发表于 2025-4-16 22:41\n只看该作者\n{POST}{ABOUT_IT}"
        f"沙发\n阿尔法猫\n发表于 2025-4-16 23:05\n{reply}\n"
    )
    art = _dump(analyzer, text)
    assert art.title == "[行业动态] 显卡也要许可证了，怎么接？"
    assert (art.author, str(art.published)) == ("老周看盘", "2025-04-16")
    assert reply not in art.body and "阿尔法猫" not in art.body and art.body.endswith("正在缩小。")


def test_a_related_link_inside_the_story_is_dropped_and_the_story_goes_on(analyzer):
    text = f"{HEADLINE}\n2025-07-31 科技\n{PROSE}延伸阅读：某某公司营收创新高\n{ABOUT_IT}相关文章\n某某标题\n"
    art = _dump(analyzer, text)
    assert "延伸阅读" not in art.body and art.body.endswith("正在缩小。")


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        ("© 2025 某某财经网 caijing.example", "某某财经网"),
        ("云帆科技评论 版权所有 © 2026", "云帆科技评论"),
        ("北辰财讯 © 版权所有 未经授权禁止转载", "北辰财讯"),
        ("本站所有文章版權屬晶片新聞速遞所有，轉載請註明出處。", "晶片新聞速遞"),
        ("Copyright © 2025 Lakeview Finance Media Ltd.", "Lakeview Finance"),
    ],
)
def test_a_copyright_line_at_the_foot_of_a_dump_names_its_site(analyzer, footer, site):
    assert _dump(analyzer, f"{HEADLINE}\n2025-07-31\n{ABOUT_IT}{PROSE}{footer}\n").site == site


def test_a_telnet_board_post_header_gives_its_title_poster_and_time(analyzer):
    text = (
        "某某BBS › 看板 Stock\n返回看板  分享  登入\n作者 wolf88 (股海孤狼)\n看板 Stock\n"
        "標題 [心得] 輝達大跌後 台積電怎麼看\n時間 Sun Feb  2 10:11:12 2025\n"
        f"{PROSE}{ABOUT_IT}--\n※ 發信站: 某某BBS\n推 blueocean: 同意\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, str(art.published)) == (
        "[心得] 輝達大跌後 台積電怎麼看",
        "wolf88",
        "2025-02-02",
    )
    assert art.site == "某某BBS" and "同意" not in art.body


def test_an_account_name_over_the_date_line_is_the_author(analyzer):
    text = f"百观号\n{HEADLINE}\n科技观潮者\n2025-02-03 10:21 · 广东\n关注\n{ABOUT_IT}{PROSE}"
    art = _dump(analyzer, text)
    assert (art.title, art.author, str(art.published)) == (HEADLINE, "科技观潮者", "2025-02-03")


def test_a_blogs_notices_above_the_post_do_not_end_a_text_that_has_not_begun(analyzer):
    text = (
        f"{HEADLINE}\n最新推荐文章于 2025-03-18 20:40:11 发布\n于 2025-03-10 09:30:00 首次发布\n"
        "分类专栏： 大模型部署  文章标签： DeepSeek vLLM H20 CUDA\n"
        "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。\n"
        f"本文链接：https://blog.example/a/1\n{ABOUT_IT}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert str(art.published) == "2025-03-10"
    assert art.body.startswith("今年夏天") and art.body.endswith("放缓的迹象。")


def test_a_date_in_a_links_address_does_not_date_the_page(analyzer):
    text = f"{HEADLINE}\n内容来源:https://news.example/2026/04/24/story.html\n{ABOUT_IT}{PROSE}"
    assert _dump(analyzer, text).published is None


@pytest.mark.parametrize(
    ("below_stamp", "title"),
    [
        ("", None),
        (
            "英伟达财报之后，我反而减了三成仓\n$英伟达(NVDA)$ $台积电(TSM)$\n",
            "英伟达财报之后，我反而减了三成仓",
        ),
    ],
)
def test_a_members_post_is_signed_by_the_name_over_its_stamp(analyzer, below_stamp, title):
    """A microblog post has no headline (its poster's name is none); a community post's
    headline stands under the stamp."""
    text = (
        "某某社区\n聪明的投资者都在这里\n首页  行情  话题  组合\n硅谷老周说芯片\n"
        "认证：科技博主 · 前芯片行业工程师  粉丝 3.2万\n2025-1-28 21:05 来自 iPhone 15 Pro\n"
        f"{below_stamp}{PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, str(art.published)) == (title, "硅谷老周说芯片", "2025-01-28")
    assert art.body.startswith("英伟达的订单") and "NVDA" not in art.body


@pytest.mark.parametrize("owner", ["老周", "硅谷观潮客"])
def test_a_weibo_post_is_signed_by_the_page_owner_and_filed_under_weibo(analyzer, owner):
    """A post saved from Weibo (微博正文 / 老周的微博 / stamp 来自 iPhone客户端 / counters on
    one row) was signed 老周的微博, filed under no site and the category 来自 iPhone客户端, and
    kept its counters in the body."""
    text = (
        f"微博正文\n{owner}的微博\n2025-03-01 10:20 来自 iPhone客户端\n"
        "英伟达这波回调就是上车机会，CUDA护城河谁也撼动不了，长期看好。\n转发 12 评论 30 赞 100\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.site, art.category) == (owner, "微博", None)
    assert art.body.endswith("长期看好。") and "转发" not in art.body


@pytest.mark.parametrize(
    "card, stamp",
    [
        # a follow button, the platform's label of the account, its counters
        (
            "硅谷打工人阿杰\n+ 关注\n科技博主　微言认证：知名科技博主\n粉丝 38.6万　关注 512",
            "来自 微言",
        ),
        # a verified account's mark, a label with no colon
        ("芯片老炮儿阿斌 ✔\n微语科技博主 · 数码视频自媒体", "来自 微语 iPhone客户端"),
        # a stamp that says where it was sent from instead of the client
        ("科技老周说芯\n优质科技领域创作者　粉丝 8.6万", "· 湖北"),
        # a reposted original's poster, named as a mention
        ("@芯观察室 V", "来自 微澜网页版"),
    ],
)
def test_a_microblog_posters_name_over_its_card_rows_is_the_author(analyzer, card, stamp):
    """Between a poster's name and the stamp a microblog prints a follow button, the account's
    label and counters: the name over them is the author, and the post has no headline."""
    poster = card.split("\n")[0].removesuffix(" ✔").removesuffix(" V").lstrip("@")
    text = f"微言\n首页　热门　视频　消息\n{card}\n2025-6-18 09:12 {stamp}\n{PROSE}{ABOUT_IT}"
    art = _dump(analyzer, text)
    assert (art.title, art.author, str(art.published)) == (None, poster, "2025-06-18")
    assert art.body.startswith("英伟达的订单")


@pytest.mark.parametrize(
    "poster_rows, author",
    [
        # a member's counters between the name and the stamp (股海老散 / 高級會員 帖子 3,512 …)
        (
            "股海老散\n高級會員 帖子 3,512 積分 9,880\n發表於 2025-11-18 23:05 | 只看該作者",
            "股海老散",
        ),
        # the thread starter's mark on the stamp, the counters under the name
        (
            "硅片搬运工_07\nUID 20931　帖子 1842　积分 5230\n楼主　发表于 2025-11-18 23:05",
            "硅片搬运工_07",
        ),
        # a Hong Kong forum's first floor (but not its label: #1　發表於 …)
        ("#1 牛油多士王　18/11/2025 23:05", "牛油多士王"),
        ("#1 摩羅街散戶 樓主 2025/11/18 23:05", "摩羅街散戶"),
    ],
)
def test_a_forum_threads_first_poster_is_the_author(analyzer, poster_rows, author):
    text = (
        f"港聲討論區\n首頁 | 最新帖子 | 財經台\n港聲討論區 › 財經台 › 美股討論\n"
        "輝達季績前瞻：AI泡沫論又嚟，今次我點部署\n"
        f"查看: 8,426 | 回覆: 37\n{poster_rows}\n{PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, text)
    assert art.author == author
    assert art.title == "輝達季績前瞻：AI泡沫論又嚟，今次我點部署"


HK_PROSE = (
    "香港多間銀行正加快部署人工智能模型，業界估計本地算力租金半年升咗三成，"
    "數據中心營運商表示需求持續強勁，短期內未見放緩跡象，部分客戶已經預訂明年嘅機櫃。\n"
)


@pytest.mark.parametrize(
    "poster_rows, author, published",
    [
        # the starter's badge then name; a registration date is no stamp; an edit note later
        (
            "楼主 kaiwen_cmu\n积分 1,284 | 帖子 96 | 注册时间 2022-8-19\n"
            "发表于 2025-2-3 23:41 | 只看该作者\n本帖最后由 kaiwen_cmu 于 2025-2-4 10:02 编辑",
            "kaiwen_cmu",
            "2025-02-03",
        ),
        # a Hong Kong forum: day first, on floor #1, over the last edit
        (
            "牛市未完_HK\n會員等級：資深會員　帖子：3,208　註冊日期：14/3/2018\n"
            "#1　發表於 12/5/2026 23:18\n最後編輯：13/5/2026 00:02",
            "牛市未完_HK",
            "2026-05-12",
        ),
    ],
)
def test_a_members_registration_and_edits_are_not_the_posts_date(
    analyzer, poster_rows, author, published
):
    text = (
        "港聲討論區\n首頁 | 最新帖子 | 財經台\n港聲討論區 › 財經台 › 美股討論\n"
        f"英偉達跌咗兩成仲唔入？定係DeepSeek效應又嚟多轉？\n瀏覽 9,412　回覆 87\n{poster_rows}\n"
        f"{HK_PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, text)
    assert (art.author, str(art.published)) == (author, published)


def test_a_posts_stamp_after_its_tags_and_notes_dates_it(analyzer):
    """A microblog says 3小时前 over the post and prints the full stamp under it, past its tags,
    its place and a note; a sync note's 发布于 names no date."""
    text = (
        "微语\n首页  热搜  视频\n芯片老炮儿阿斌 ✔\n微语科技博主\n3小时前 来自 微语 iPhone客户端\n"
        f"{PROSE}#英伟达# #DeepSeek#\n📍 深圳·南山区\n本文同步发布于公众号“芯片那些事儿”\n"
        "发布时间：2025-10-14 09:12  阅读 48.2万\n转发 1,204    评论 386    赞 5,731\n"
        "热门评论\n数码小飞侠：说得对，省下来的卡不会闲着。\n"
    )
    assert str(_dump(analyzer, text).published) == "2025-10-14"


def test_a_hong_kong_pages_day_first_date_over_its_update(analyzer):
    text = (
        "港財網\n主頁｜即時｜港股\n港銀加快部署DeepSeek模型　本地算力租金半年升三成\n"
        f"發佈日期：12-02-2026 18:45\n最後更新：13-02-2026 09:10\n記者：區嘉欣\n{HK_PROSE}{ABOUT_IT}"
    )
    assert str(_dump(analyzer, text).published) == "2026-02-12"


def test_a_threads_last_reply_is_no_stamp_of_its_post(analyzer):
    """The thread's counters and its last reply's time under the headline, then buttons, the
    starter's name and counters, then the post's own stamp."""
    text = (
        "股友社区\n行情　资讯　社区　问答\n社区 > 美股 > 英伟达吧\n"
        "英伟达财报前，我把仓位减到三成了，说说理由\n阅读 8,432 | 回复 57 | 最后回复：3小时前\n"
        "[只看楼主] [倒序浏览] [收藏]\n深蓝K线　楼主\n股龄 9年　发帖 1,204　粉丝 3,562\n"
        f"发表于 2025-08-27 06:12　来自 Android客户端\n{PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, str(art.published)) == (
        "英伟达财报前，我把仓位减到三成了，说说理由",
        "深蓝K线",
        "2025-08-27",
    )


@pytest.mark.parametrize(
    "hosts, author",
    [
        ("主持人：周立衡、葉書妤　｜　來賓：高雅琳（半導體分析師）", "周立衡"),
        ("主持：晨潮财经科技组　梁栩　沈一苇", "梁栩"),  # a desk, then its people
        # an interview's host speaking is no credit
        ("主持人：大家好，欢迎收看本期节目", None),
    ],
)
def test_an_episodes_first_host_is_its_author(analyzer, hosts, author):
    text = (
        "耳朵財經\n首頁 / 單集 / EP.87\nEP.87｜DeepSeek 衝擊之後，台股 AI 供應鏈還能追嗎？\n"
        f"發布於 2025年2月14日 ・ 58:42\n{hosts}\n▶ 播放本集\n{PROSE}{ABOUT_IT}"
    )
    assert _dump(analyzer, text).author == author


@pytest.mark.parametrize(
    "header, author",
    [
        # a bilingual credit: the Chinese label, then the English one, then the name
        ("2025-02-14 08:30\n撰稿 / Written by：蒋一帆 Jiang Yifan", "蒋一帆"),
        # a shared document's owner over the date it was made
        ("所有者：许一鸣\n创建于 2025年2月14日", "许一鸣"),
        # a video's counters before its date are nobody
        ("▶ 38.6万播放 · 2,104弹幕 · 2025-02-14 18:00:00", None),
        # a site whose name ends in 编译 is no translator's credit
        ("远见编译 | 全球科技深度\n2025-02-14 08:30", None),
    ],
)
def test_labels_and_counters_in_a_dumps_header(analyzer, header, author):
    text = f"某某平台\n首页　科技　财经\n{HEADLINE}\n{header}\n{PROSE}{ABOUT_IT}"
    assert _dump(analyzer, text).author == author


@pytest.mark.parametrize(
    "over, under, closing, author",
    [
        # writers listed with 、 before an editor on the same line
        ("", "撰稿：何宁、俞佳　｜　值班编辑：赵可", "", "何宁"),
        # a live blog's writers
        ("", "文字直播：孟川　叶蓁　　现场图片：大会官方", "责任编辑：祁远\n", "孟川"),
        # a writer's card over the headline: the name, then a line about them
        (
            "周启衡\n周启衡，衡泰财经特约专栏作家，曾任投行分析师\n",
            "",
            "责任编辑：陆晨阳\n",
            "周启衡",
        ),
        # a sign-off dated under the story, over the issue's editor
        ("", "", "—— 季澄，11月5日深夜于上海\n本期编辑：毛毛　｜　排版：阿斐\n", "季澄"),
    ],
)
def test_the_writer_outranks_the_editor_in_a_dump(analyzer, over, under, closing, author):
    text = (
        f"衡泰财经\n首页　股票　基金　专栏\n专栏 > 启衡观市 > 正文\n{over}{HEADLINE}\n"
        f"2025-11-05 08:30\n{under}\n{PROSE}{ABOUT_IT}{closing}"
    )
    assert _dump(analyzer, text).author == author


@pytest.mark.parametrize(
    "under, closing, author",
    [
        # a columnist's card on one line over a follow button
        ("葉子康｜前基金經理，專注科技股投資二十年\n+ 追蹤", "", "葉子康"),
        # a desk's reporters reporting live, over the editor under the story
        ("匯點財經編輯部　黃詩涵、李承恩　即時報導", "責任編輯：王韻婷\n", "黃詩涵"),
        # a video's description naming this episode's speaker
        ("简介：本期主讲：方牧（前研究员）。剪辑：小满。", "", "方牧"),
        # the writer named last in a note closing the column; the editors under the headline
        ("编辑｜高远　美编｜陈一苇", "（作者为远方资本首席经济学家　林岱）\n", "林岱"),
    ],
)
def test_more_ways_a_dump_credits_its_writer(analyzer, under, closing, author):
    text = (
        f"远方财经\n首页　股票　专栏\n{HEADLINE}\n2025-07-15 22:30\n{under}\n"
        f"{PROSE}{ABOUT_IT}{closing}"
    )
    assert _dump(analyzer, text).author == author


def test_a_forum_floor_with_a_level_badge_and_a_meta_row_with_the_writer(analyzer):
    floor = (
        "啡討區\n吹水台　財經台\n財經台 › 美股\n輝達市值5萬億美金 而家入市係咪接火棒？\n"
        f"23 回覆　1.8k 瀏覽\n#1　股海浮沉佬　LV.7　30/10/2025 00:48\n{PROSE}{ABOUT_IT}"
    )
    assert _dump(analyzer, floor).author == "股海浮沉佬"
    blog = f"{HEADLINE}\n2025-12-31 · 周既明 · 约 900 字 · 阅读 3 分钟\n{PROSE}{ABOUT_IT}"
    assert _dump(analyzer, blog).author == "周既明"


def test_headlines_in_three_more_places(analyzer):
    # a markdown blog's setext heading, over tags that are no headline
    blog = (
        "[老周的慢投资](https://zhou.example/)\n[首页](/) · [归档](/archives/)\n\n"
        "我拿着英伟达过完了2025：一个普通投资者的年终复盘\n=============================\n\n"
        "2025-12-31 · 周既明 · 约 900 字\n标签：[#英伟达](/tags/nvda/) [#复盘](/tags/review/)\n\n"
        f"{PROSE}{ABOUT_IT}"
    )
    assert _dump(analyzer, blog).title == "我拿着英伟达过完了2025：一个普通投资者的年终复盘"
    # a newsletter's masthead, its links, then the issue line over the headline
    issue = (
        "芯事周报 Newsletter\n往期回顾　|　关于　|　订阅\n在浏览器中查看 · 转发给朋友\n"
        "第103期 · 2026年1月19日\nR1一周年：DeepSeek改变了什么，又没改变什么\n"
        f"主笔：孟川　｜　本期阅读时间约 6 分钟\n{PROSE}{ABOUT_IT}"
    )
    assert _dump(analyzer, issue).title == "R1一周年：DeepSeek改变了什么，又没改变什么"
    # a video's category between its headline and its stamp
    video = (
        "拾光视频\n首页　番剧　直播　游戏中心\n搜索\n"
        "【财报速评】英伟达一季报：H20减值45亿美元，为什么股价反而涨了？\n知识 > 财经商业\n"
        "18.6万播放 · 总弹幕数 2317　2025-05-29 21:00:00\n硅谷圆桌Pro\n+ 关注 32.4万\n"
        f"{PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, video)
    assert art.title == "【财报速评】英伟达一季报：H20减值45亿美元，为什么股价反而涨了？"
    assert str(art.published) == "2025-05-29"


def test_a_columns_name_and_its_writer_over_the_headline(analyzer):
    text = (
        f"財智港\n主頁｜即時｜港股｜專欄\n專欄 > 科網棋局\n科網棋局｜鄧卓賢\n{HEADLINE}\n"
        f"2026年11月5日 星期四\n{PROSE}{ABOUT_IT}編輯：梁詠詩\n"
    )
    assert _dump(analyzer, text).author == "鄧卓賢"


def test_a_section_over_the_date_is_no_poster(analyzer):
    text = (
        "证券研究报告 | 行业点评\n恒岳证券\n电子\n2025年07月14日\n"
        f"{HEADLINE}\n分析师：韩知远\n{PROSE}{ABOUT_IT}"
    )
    assert _dump(analyzer, text).author == "韩知远"


def test_a_follow_button_under_a_relative_stamp_is_no_headline(analyzer):
    text = (
        "微语\n首页  热搜  视频\n芯片老炮儿阿斌 ✔\n微语科技博主\n3小时前 来自 微语 iPhone客户端\n"
        f"+ 关注    ···\n{PROSE}{ABOUT_IT}"
    )
    art = _dump(analyzer, text)
    assert art.author == "芯片老炮儿阿斌"
    assert art.title != "+ 关注    ···" and art.published is None


def test_a_places_weather_and_day_at_the_top_is_the_visits_date(analyzer):
    text = (
        f"香港 19°C　2024年11月25日 星期一\n某某財經\n2024年11月22日\n{HEADLINE}\n{ABOUT_IT}{PROSE}"
    )
    assert str(_dump(analyzer, text).published) == "2024-11-22"


def test_a_sites_company_name_gives_its_brand_and_a_reporters_label_its_author(analyzer):
    text = (
        f"{HEADLINE}\n发布 / 2025年2月11日 22:15\n报道：陈俊贤\n{ABOUT_IT}{PROSE}"
        "© 2024 某某財經有限公司\n"
    )
    art = _dump(analyzer, text)
    assert (art.site, art.author) == ("某某財經", "陈俊贤")


def test_a_menu_a_line_an_item_and_the_account_links_leave_the_headline_its_place(analyzer):
    menu = "\n".join(
        ["首页", "要闻", "财经", "科技", "汽车", "房产", "体育", "娱乐", "时尚", "更多"]
    )
    text = (
        f"某某新闻\n{menu}\n下载APP\n登入 / 註冊\n搜索\n{menu}\n{HEADLINE}\n2025-04-16 09:12\n"
        f"{ABOUT_IT}{PROSE}某某新闻 © 2025　使用条款　隐私政策\n沪ICP备12345678号\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published), art.site) == (HEADLINE, "2025-04-16", "某某新闻")


@pytest.mark.parametrize(
    "thread",
    [
        # a blog's comments: the name and the day on one line
        "12 条评论\n路过的量化狗 · 2023.11.20\n第三点说得好，中国区那块确实没法估。\n"
        "某某 · 2023.11.21\n@路过的量化狗 是的，只能先跟踪。\n",
        # a board's floors: the floor, the poster and the time
        "#2 唔識炒股　28/1/2025 01:20\n今次跌係情緒多過基本面，我就照揸，長線睇好唔變。\n"
        "#3 鍵盤分析員　28/1/2025 01:33\n佢份報告寫明係計最後一次訓練嘅GPU時數。\n",
        "沙发　唐门小散　发表于：2024-7-5 23:02\n三成现金有点多了吧，这行情踏空比亏钱还难受。\n"
        "板凳　Felix_Wu　发表于：2024-7-6 08:15\n年纪大了，睡得着觉比较重要，哈哈。\n",
    ],
)
def test_a_thread_of_stamped_comments_ends_the_text(analyzer, thread):
    """Comments have no end marker but a shape: each under a stamp of who and when, twice or
    more (a story's own dated line is one)."""
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28 09:00\n{ABOUT_IT}{PROSE}{thread}")
    assert art.body.endswith("放缓的迹象。")


def test_a_list_after_the_last_sentence_goes_but_a_notices_signature_stays(analyzer):
    related = "热门资讯\n11:20　北向资金午后加速流入\n10:58　光模块龙头一季报解读\n查看更多 >\n"
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28 09:00\n{ABOUT_IT}{PROSE}{related}")
    assert art.body.endswith("放缓的迹象。")
    signed = "联系人：数字经济科　何晓舟\n附件：申领表\n青澜市工业和信息化局\n2024年8月14日\n"
    art = _dump(
        analyzer, f"{HEADLINE}\n2024-08-14\n{ABOUT_IT}{PROSE}{signed}附件下载：申领表.docx\n"
    )
    assert art.body.endswith("2024年8月14日")
    ranking = (
        "1. 某甲\n身家：1300亿美元\n缩水：240亿美元\n2. 某乙\n身家：900亿美元\n缩水：42亿美元\n"
    )
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{PROSE}{ranking}")
    assert art.body.endswith("缩水：42亿美元")
    # a page saved cut off after a subheading and a table's first cells: nothing of furniture
    cut = "算力民主化：技术颠覆的双刃剑\n关系维度\n对产品发展的\n"
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{PROSE}{cut}")
    assert art.body.endswith("对产品发展的")


def test_a_traditional_line_matches_the_simplified_phrase_of_the_lexicon(analyzer):
    """The lexicon lists 不代表…立场 and 本文网址; a Hong Kong page prints 立場 and 網址."""
    tail = "本文只代表作者個人意見，不代表本報立場。\n本文網址：https://hk.example/a/1\n"
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{PROSE}{tail}")
    assert art.body.endswith("放缓的迹象。")


MENU = "首页\n番剧\n直播\n游戏中心\n会员购\n漫画\n赛事\n搜索\n登录\n"
PROSE_HEADLINE = "英伟达一夜蒸发近六千亿美元，DeepSeek真的动摇了算力逻辑吗？"
ABOUT_THE_PLUNGE = (
    "英伟达一夜蒸发近六千亿美元之后，很多人问我：DeepSeek是不是动摇了算力逻辑？我的回答是没有，"
    "训练便宜了，不等于算力就不需要了，推理的需求反而会跟着用户一起涨。\n"
)


@pytest.mark.parametrize(
    "between",
    ["", "芯片老周说\n", "Cheap models move the fight from training to inference\n"],
)
def test_a_headline_that_reads_as_prose_stands_over_the_meta_line_past_the_menus(analyzer, between):
    """The site's name is taken first; the header goes on to the meta line under a headline
    with commas and a question mark, over the writer's name or a subtitle."""
    text = f"嘀哩视频\n{MENU}{PROSE_HEADLINE}\n{between}发布时间：2025-01-28 09:12\n"
    art = _dump(analyzer, f"{text}{ABOUT_THE_PLUNGE}{PROSE}")
    assert (art.title, str(art.published)) == (PROSE_HEADLINE, "2025-01-28")
    assert art.body.startswith("英伟达一夜蒸发")


def test_a_prompt_between_paragraphs_is_dropped_and_the_story_goes_on(analyzer):
    prompt = "▲点击上方蓝字“芯片老周说”，每天拆解一条芯片新闻\n"
    text = f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{prompt}{ABOUT_THE_PLUNGE}{PROSE}热门评论\n好文\n"
    art = _dump(analyzer, text)
    assert "点击上方" not in art.body
    assert art.body.endswith("放缓的迹象。")


@pytest.mark.parametrize(
    ("header", "author"),
    [
        # a headline quoting its speaker after a space names no writer
        ("DeepSeek效應延燒 科技股急升 分析師：估值重估未完\n撰文：麥穎詩\n", "麥穎詩"),
        # a foreign name's dot; a menu's 專欄翻譯 | 關於我們 is no byline
        ("首頁 ｜ 專欄翻譯 ｜ 關於我們\n某某標題\n作者：艾倫・索恩｜譯者：吳品萱\n", "艾倫・索恩"),
        # 發布於 is a label, not a name (of the writer or of the site)
        ("某某標題\n", None),
    ],
)
def test_bylines_and_what_only_looks_like_one(analyzer, header, author):
    art = _dump(analyzer, f"{header}發布於 2025年2月14日 ・ 58:42\n{ABOUT_IT}{PROSE}")
    assert art.author == author
    assert art.site != "發布於"


def test_markdown_quotes_and_italic_lines_read_as_their_text(analyzer):
    text = (
        "# 某某站\n\n某某標題\n=====\n\n2026-01-08\n\n"
        "> 原文連結：[Some Column](https://example.com/a)\n\n"
        f"{ABOUT_IT}\n{PROSE}\n*本文經原作者授權翻譯，觀點僅代表原作者，不代表本站立場。*\n"
    )
    art = _dump(analyzer, text)
    assert "原文" not in art.body and ">" not in art.body and "*" not in art.body
    assert art.body.endswith("放缓的迹象。")


def test_an_accounts_name_between_the_headline_and_its_publish_label_is_the_author(analyzer):
    text = (
        f"{PROSE_HEADLINE}\n芯片老周说\n发布时间：2025-01-28 09:12\n北京\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).author == "芯片老周说"


def test_a_questions_title_over_its_buttons_is_the_headline_not_its_topics(analyzer):
    text = (
        "问知\n首页\n发现\n人工智能\n英伟达（NVIDIA）\nDeepSeek\n"
        "如何看待DeepSeek-R1发布后英伟达股价单日大跌17%？算力还值钱吗？\n关注问题\n写回答\n"
        "1,204 关注者 · 236万 被浏览\n查看全部 318 个回答\n周砚秋\n半导体行业从业者\n"
        f"2,815 人赞同了该回答\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.title == "如何看待DeepSeek-R1发布后英伟达股价单日大跌17%？算力还值钱吗？"
    assert (art.author, art.body[:7]) == ("周砚秋", "英伟达一夜蒸发")


def test_a_headline_over_its_byline_on_an_undated_page(analyzer):
    """A reader mode's buttons are taken first; the headline that reads as prose stands over the
    byline, and the story starts under it."""
    text = f"返回\n閱讀模式\n字號 A- A+\n港灣財經\n{PROSE_HEADLINE}\n文／鄧子朗\n{ABOUT_THE_PLUNGE}{PROSE}"
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "鄧子朗")
    assert art.body.startswith("英伟达一夜蒸发")


def test_a_notice_over_the_headline_does_not_start_the_story(analyzer):
    """A repost's notice (本文转载自…，如有侵权请联系删除。) reads as a sentence; it is page
    furniture above the headline, not the first paragraph."""
    text = (
        "某某网\n首页  科技  财经  登录\n某某网 > 科技 > 正文\n"
        "本文转载自微信公众号「某某观察」，版权归原作者所有，如有侵权请联系删除。\n"
        f"{PROSE_HEADLINE}\n原创 某某 某某观察 2025-03-01 09:00\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published)) == (PROSE_HEADLINE, "2025-03-01")
    assert art.body.startswith("英伟达一夜蒸发")


def test_a_headline_right_over_the_story_of_an_undated_page_after_the_sites_name(analyzer):
    headline = "英伟达一夜蒸发近六千亿美元，算力逻辑没有变"
    text = f"某某數位潮\n新聞 評測 AI 半導體 手機 電腦 專題\n搜尋\n{headline}\n"
    art = _dump(analyzer, f"{text}{ABOUT_THE_PLUNGE}{PROSE}")
    assert art.title == headline and art.body.startswith("英伟达一夜蒸发")
    # a question opening an essay under its column's name is the story's first line
    essay = "周末随笔\n你有多久没有好好看过一次日落了？\n"
    assert _dump(analyzer, f"{essay}{ABOUT_THE_PLUNGE}{PROSE}").body.startswith("你有多久")


def test_a_sidebars_numbered_list_and_ads_inside_the_story_go(analyzer):
    sidebar = "阅读排行\n1 黄仁勋再访上海\n2 英伟达盘后大涨\n3 梁文锋罕见露面\n"
    ad = "广告 开户即享万一免五，点击了解详情\n讚 3,214　分享　儲存　檢舉\n"
    text = f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{sidebar}{ad}{PROSE}"
    art = _dump(analyzer, text)
    assert art.body.count("\n") == 2 and art.body.endswith("放缓的迹象。")


def test_a_news_story_quoting_a_board_post_keeps_its_own_header(analyzer):
    post = (
        "作者 sleepless (失眠的人)\n看板 Tech_Job\n標題 [心得] 今年大概又要住在公司了\n"
        "時間 Wed Apr 16 22:48:07 2025\n"
    )
    text = (
        f"某某日報\n首頁 > 科技 > 半導體\n{PROSE_HEADLINE}\n記者 蔡某某／台北報導\n2025/4/17 11:32\n"
        f"{ABOUT_THE_PLUNGE}{post}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published), art.author) == (
        PROSE_HEADLINE,
        "2025-04-17",
        "蔡某某",
    )
    assert "看板" not in art.body and art.body.endswith("放缓的迹象。")


@pytest.mark.parametrize(
    "tail",
    [
        # a timeline: the date opens each line
        "2025-01-20 DeepSeek发布R1\n2025-01-27 英伟达股价暴跌17%\n2025-03-24 DeepSeek-V3更新\n",
        # posts the story quotes
        "@科技观察家老王 2026-01-27 09:12\n开源生态的崛起让更多中小企业得以用较低的成本接入。\n"
        "@芯片研究员小李 2026-01-27 09:40\n竞争焦点将从参数规模转向应用落地与推理成本。\n",
        # a table, key figures, a letter's signature, a notice's contacts
        "公司　2024年营收　同比\n百度　1330亿元　-1%\n阿里　9411亿元　+8%\n",
        "营收：1280亿元\n净利润：210亿元\n毛利率：42.3%\n",
        "此致\n敬礼\n梁某某　2026年1月27日于杭州\n",
        "联系人：王敏\n联系电话：0571-87654321\n电子邮箱：szh@example.gov.cn\n",
        # closing questions without their marks
        "延伸思考：\n开源模型的商业模式在哪里\n2026年会出现下一个DeepSeek吗\n",
    ],
)
def test_the_storys_own_last_lines_are_no_thread_and_no_list(analyzer, tail):
    """What a review wrote to trip the rules of the story's end: each is the story's text."""
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{PROSE}{tail}")
    assert art.body.endswith(tail.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "line",
    [
        "相关个股的表现也出现分化，寒武纪涨超5%，算力板块全线走强。",
        "App下载量方面，DeepSeek在发布后一周内登顶多国应用商店。",
        "推广 AI 应用的最大障碍并不在技术，而在于企业内部的流程与数据。",
        "欢迎订阅者在评论区留言，说说你们公司的算力采购计划。",
        "同一天，更多坏消息传来，英伟达盘前跌超10%，博通跌幅接近两成。",
    ],
)
def test_story_sentences_that_open_like_furniture_stay(analyzer, line):
    art = _dump(analyzer, f"{HEADLINE}\n2025-01-28\n{ABOUT_IT}{line}\n{PROSE}")
    assert line in art.body and art.body.endswith("放缓的迹象。")


def test_a_credit_word_before_the_bar_still_names_the_writer(analyzer):
    text = f"某某观察\n{HEADLINE}\n特约作者 | 张明远\n2026-01-27 10:30\n{ABOUT_IT}{PROSE}"
    assert _dump(analyzer, text).author == "张明远"


def test_a_button_named_again_at_the_foot_is_no_site(analyzer):
    text = (
        f"返回\n閱讀模式\n{PROSE_HEADLINE}\n文／鄧子朗\n{ABOUT_THE_PLUNGE}{PROSE}— 完 —\n返回頂部\n"
    )
    assert _dump(analyzer, text).site is None


def test_a_community_articles_headline_over_the_members_name_and_month_day_stamp(analyzer):
    text = (
        "某某社区\n首页\n行情\n热帖\n下载App\n登录/注册\n"
        f"{PROSE_HEADLINE}\n长桥夜话\n认证：私募基金经理\n发布于01-28 21:47 · 来自某某iPhone版\n关注\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "长桥夜话")
    assert art.body.startswith("英伟达一夜蒸发")


@pytest.mark.parametrize(
    ("credit", "writer"),
    [
        ("（作者：邱明远，芯片行业观察者；责任编辑：钟晓）", "邱明远"),
        ("（作者邱明远系某某大学经济学院研究员）", "邱明远"),
        ("（新知社记者 邱明远）", "邱明远"),
        ("作者简介：邱明远，财经评论员，长期关注半导体产业。", "邱明远"),
        ("责任编辑：钟晓", "钟晓"),  # an editor where no writer is named
    ],
)
def test_a_credit_under_the_story_names_its_writer(analyzer, credit, writer):
    text = (
        f"某某财经\n首页 快讯 评论\n{PROSE_HEADLINE}\n2025-02-03 08:00 某某财经\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}{credit}\n上一篇：另一条新闻\n网友评论\n"
    )
    art = _dump(analyzer, text)
    assert art.author == writer
    assert credit not in art.body


def test_a_writers_credit_beats_the_editor_under_it(analyzer):
    text = (
        f"某某评论网\n{PROSE_HEADLINE}\n2025-02-03 某某评论网\n{ABOUT_THE_PLUNGE}{PROSE}"
        "（作者邱明远系某某研究院研究员）\n责任编辑：钟晓\n【打印】 【关闭】\n"
    )
    assert _dump(analyzer, text).author == "邱明远"


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        ("文字：邱明遠　攝影：鍾曉", "邱明遠"),
        ("By Owen Hartley", "Owen Hartley"),
    ],
)
def test_a_byline_in_the_header_in_other_forms(analyzer, byline, writer):
    text = f"某某新聞\n{PROSE_HEADLINE}\n{byline}\n發布日期：2024/11/08\n{ABOUT_THE_PLUNGE}{PROSE}"
    assert _dump(analyzer, text).author == writer


def test_a_sentence_that_mentions_writing_names_no_one(analyzer):
    text = (
        f"某某新闻\n{PROSE_HEADLINE}\n2025-02-03 某某新闻\n{ABOUT_THE_PLUNGE}{PROSE}"
        "By the time the market opened, the shares had fallen.\n"
        "（作者系某某大学教授）\n"
    )
    assert _dump(analyzer, text).author is None


def test_an_author_card_after_the_story_names_the_writer_and_is_no_body(analyzer):
    text = (
        f"某某长文\n{PROSE_HEADLINE}\n2025-02-03 某某长文\n{ABOUT_THE_PLUNGE}{PROSE}"
        "收藏　|　分享　|　举报\n作者\n邱明远\n资深作者，关注半导体与硬科技创业。\n"
        "TA的其他文章\n另一篇文章的标题在这里\n"
    )
    art = _dump(analyzer, text)
    assert art.author == "邱明远"
    assert "资深作者" not in art.body and not art.body.rstrip().endswith("邱明远")


def test_a_markdown_dump_names_its_writer_and_site_by_their_links(analyzer):
    text = (
        "[芯片夜读](https://xinpian.example/)\n\n"
        "[Subscribe](https://xinpian.example/subscribe) [Sign in](https://xinpian.example/signin)\n\n"
        f"# {PROSE_HEADLINE}\n\n"
        "[![邱明远](https://cdn.example/avatar.png)](https://xinpian.example/people/qiu)\n\n"
        "[邱明远](https://xinpian.example/people/qiu)\n\nFeb 3, 2025\n\n"
        f"{ABOUT_THE_PLUNGE}\n{PROSE}\n© 2025 邱明远\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.site) == (PROSE_HEADLINE, "邱明远", "芯片夜读")


def test_a_column_articles_writer_card_under_its_headline(analyzer):
    text = (
        "某乎\n首页　会员　发现\n登录/注册\n首发于\n芯片那些事\n写文章\n"
        f"{PROSE_HEADLINE}\n邱明远\n半导体行业从业者，偶尔写点投资笔记\n关注他\n"
        f"1,284 人赞同了该文章\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "邱明远")
    assert art.body.startswith("英伟达一夜蒸发")


def test_a_writers_bio_between_byline_and_a_meta_line_with_a_counter_is_header(analyzer):
    """閱讀 3,206: a comma between digits groups thousands; the line is a meta line, not prose."""
    text = (
        "某某投信\n基金總覽　投資學堂\n"
        f"{PROSE_HEADLINE}\n撰文｜邱明遠\n某某科技基金經理人，專注半導體研究逾十五年\n"
        f"2024.06.12　閱讀 3,206\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.published.isoformat(), art.author) == ("2024-06-12", "邱明遠")
    assert art.body.startswith("英伟达一夜蒸发") and "閱讀" not in art.body


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("发布日期：24-06-03", "2024-06-03"),
        ("发布时间：25-1-28", "2025-01-28"),
        ("發布日期：98-05-03", None),
    ],
)
def test_a_two_digit_year_after_a_mainland_publish_label(analyzer, stamp, day):
    """Taiwan's two-digit year (民國98) is not this century's 1998 or 2098: no date."""
    text = f"某某媒体\n{PROSE_HEADLINE}\n{stamp}\n{ABOUT_THE_PLUNGE}{PROSE}"
    art = _dump(analyzer, text)
    assert (art.published.isoformat() if art.published else None) == day


def test_a_note_apps_post_under_its_poster_and_follow_button(analyzer):
    text = (
        "某某笔记\n发现　发布　通知\n登录\n芯片小鹿\n关注\n"
        "DeepSeek一出，我的英伟达还拿吗😭\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}#DeepSeek #英伟达\n2025-02-02 浙江\n共 3 条评论\n"
        "同款心态，拿着不动，反正也不是短线钱，等财报出来再说吧。\n02-03 回复\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == ("DeepSeek一出，我的英伟达还拿吗😭", "芯片小鹿")
    assert art.published.isoformat() == "2025-02-02"
    assert art.body.startswith("英伟达一夜蒸发") and "同款心态" not in art.body


def test_a_developer_blogs_edit_stamp_names_the_writer(analyzer):
    text = (
        f"某坊\n首页  博客  下载\n{PROSE_HEADLINE}\n"
        "码农阿飞 已于 2025-03-12 10:11:33 修改  阅读量1.2k  收藏 23\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).author == "码农阿飞"


def test_a_newsletters_headline_under_its_issue_line(analyzer):
    text = (
        "算力周报\n第 87 期 · 2025年10月12日\nB200 出货提速，电力成了新瓶颈\n"
        f"在浏览器中查看 | 转发给朋友\n作者：沈默\n各位订阅者，周末好：\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.site) == (
        "B200 出货提速，电力成了新瓶颈",
        "沈默",
        "算力周报",
    )
    assert "B200" not in art.body


@pytest.mark.parametrize(
    "footer", ["某某日报社版权所有 京ICP备11047263号", "某某日报版权所有 © 2025 京ICP备11047263号"]
)
def test_a_papers_site_is_its_title_not_its_press_or_its_rights_line(analyzer, footer):
    text = f"{PROSE_HEADLINE}\n2025-02-03 08:00\n{ABOUT_THE_PLUNGE}{PROSE}{footer}\n"
    assert _dump(analyzer, text).site == "某某日报"


def test_a_boards_replies_stamped_with_a_time_ago_are_no_story(analyzer):
    text = (
        f"某某社区\n首页\n注册\n登录\n某某社区  ›  程序员\n{PROSE_HEADLINE}\n"
        "lazycat2019 · 2025-02-03 22:14:09 +08:00 · 4127 次点击\n"
        "这是一个创建于 408 天前的主题，其中的信息可能已经有所发展或是发生改变。\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}加入收藏  分享  忽略主题  感谢\n"
        "3 条回复  •  2026-03-18 11:02:37 +08:00\n1\nsunnyfish   408 天前\n"
        "推理需求这个逻辑我认同，但是估值已经把未来三年都算进去了吧\n2\n"
        "kernelpanic42   407 天前   ❤️ 3\n32B 的 Q4 量化在 24G 上能跑，上下文别开太长就行\n"
    )
    art = _dump(analyzer, text)
    assert art.author == "lazycat2019"
    assert art.body.startswith("英伟达一夜蒸发")
    assert art.body.rstrip().endswith("短期内看不到放缓的迹象。")


def test_a_related_list_inside_the_story_goes_and_the_story_goes_on(analyzer):
    text = (
        f"某某网\n{PROSE_HEADLINE}\n記者 邱明遠／台北 2025/08/28 08:15\n{ABOUT_THE_PLUNGE}"
        "延伸閱讀：\n輝達GB300出貨在即 伺服器代工廠營收拚創高\nAI需求強勁 散熱族群第三季營運看俏\n"
        f"{PROSE}{ABOUT_THE_PLUNGE}"
    )
    art = _dump(analyzer, text)
    assert "出貨在即" not in art.body and "延伸閱讀" not in art.body
    assert art.body.count("英伟达一夜蒸发") == 2 and "订单已经排到了明年" in art.body


def test_a_reader_comments_heading_and_a_translations_source_credit_go(analyzer):
    """信報's 讀者回應 over its related list, and a translated note's 本文翻譯自… credit line,
    stayed in the body (Traditional probe); a sentence that opens the same way and goes on
    stays."""
    text = (
        f"某某網\n{PROSE_HEADLINE}\n2025-02-07\n{ABOUT_THE_PLUNGE}{PROSE}"
        '本文翻譯自 Acme Research, "Chips Ahead", 2025-01-28。\n讀者回應\n'
        "相關文章：英偉達市值蒸發創紀錄\n"
    )
    art = _dump(analyzer, text)
    assert "讀者回應" not in art.body and "Acme" not in art.body
    assert art.body.rstrip().endswith("短期内看不到放缓的迹象。")
    kept = (
        f"某某網\n{PROSE_HEADLINE}\n2025-02-07\n{ABOUT_THE_PLUNGE}"
        f"本文編譯自路透社的報導。作者認為，輝達的訂單還會增加，明年營收有望再創新高。\n{PROSE}"
    )
    assert "作者認為" in _dump(analyzer, kept).body


def test_the_publish_date_beats_the_update_on_one_meta_line(analyzer):
    text = (
        f"某某 TODAY\n{PROSE_HEADLINE}\n某某財經\n"
        "更新於 2026年03月10日11:05 • 發布於 2026年03月09日18:47\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}查看原始文章\n更多某某財經報導\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.published.isoformat()) == (PROSE_HEADLINE, "2026-03-09")
    assert "查看原始文章" not in art.body


def test_a_one_sentence_summary_over_the_date_and_a_reporters_bar_byline(analyzer):
    text = (
        f"某线新闻\n首页\n快讯\n登录\n科技\n{PROSE_HEADLINE}\n"
        "两家头部公司的招股书显示，营收快速增长的同时，亏损仍在扩大。\n2025/06/12 19:40\n字号\n"
        "某线新闻记者 | 邱明远 孙启\n某线新闻编辑 | 何素\n"
        f"{ABOUT_THE_PLUNGE}“需求还在，”一位投资人对某线新闻表示，“只是换了地方。”某线新闻了解到，订单仍在增加。\n"
        f"{PROSE}【相关阅读】国产AI芯片迎来“验证窗口期”\n某线新闻\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.published.isoformat()) == (PROSE_HEADLINE, "2025-06-12")
    assert art.author == "邱明远"
    assert "招股书" not in art.body and "相关阅读" not in art.body


def test_an_empty_editor_field_over_a_platform_notice_names_no_one(analyzer):
    text = (
        f"某禾\n首页\n某禾号\n芯片猎手老K\n文章 1,286\n+关注\n{PROSE_HEADLINE}\n2024-11-21 16:02\n"
        f"发布于：北京市\n芯片猎手老K\n{ABOUT_THE_PLUNGE}{PROSE}责任编辑：\n"
        "平台声明：该文观点仅代表作者本人，某禾号系信息发布平台，某禾仅提供信息存储空间服务。\n"
        "某禾 ©2024 某禾公司版权所有\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.site) == ("芯片猎手老K", "某禾")


def test_a_hong_kong_column_names_its_writer_over_the_headline_and_writes_the_day_first(
    analyzer,
):
    text = (
        "香江某報\n主頁\n專欄\n登入\n專欄 > 晶片風雲\n晶片風雲\n岑子衡\n"
        "DeepSeek震撼過後　港股科技股重估才剛開始\n12/02/2025\n字體\n分享\n"
        "農曆新年假期前後，DeepSeek的橫空出世令環球科技股經歷了一次罕見的大洗牌，輝達一度急挫。\n"
        "筆者認為，這並非一時的情緒炒作，而是估值邏輯的轉變，內地科技企業重新獲得資金追捧。\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.published.isoformat()) == ("岑子衡", "2025-02-12")


def test_an_ambiguous_slashed_date_on_a_simplified_page_stays_unread(analyzer):
    text = f"某某网\n{PROSE_HEADLINE}\n12/02/2025\n{ABOUT_THE_PLUNGE}{PROSE}"
    assert _dump(analyzer, text).published is None


def test_a_portal_story_under_a_long_menu_with_a_meta_row_in_wide_spaces(analyzer):
    text = (
        "某瑞财富网\n首页 | 行情 | 数据 | 股吧 | 基金 | 期货 | 港股 | 美股 | 理财 | 财富号\n"
        f"登录 | 注册\n某瑞财富网 > 美股频道 > 美股要闻 > 正文\n{PROSE_HEADLINE}\n"
        "2025年05月28日 21:36　来源：某瑞研究中心　作者：贺知远　评论(83)\n收藏本文　字号：大 中 小\n"
        f"{ABOUT_THE_PLUNGE}某瑞研究中心统计显示，买入评级的比例仍超过八成。\n{PROSE}"
        "(文章来源：某瑞研究中心)\n郑重声明：某瑞财富网发布此信息的目的在于传播更多信息，与本站立场无关。\n"
        "相关个股\n名称　代码　最新价　涨跌幅\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.site) == (PROSE_HEADLINE, "贺知远", "某瑞财富网")
    assert art.published.isoformat() == "2025-05-28"
    assert art.body.startswith("英伟达一夜蒸发") and "郑重声明" not in art.body


def test_a_newsletter_in_markdown_names_its_writer_not_its_logo(analyzer):
    text = (
        "[![半導體慢讀](https://cdn.example/logo.png)](https://slow.example/)\n\n"
        "# [半導體慢讀](https://slow.example/)\n\n"
        "[Subscribe](https://slow.example/subscribe) [Sign in](https://example/sign-in)\n\n"
        f"# {PROSE_HEADLINE}\n\n### 回看一年前的恐慌，對照今年的資本開支數字\n\n"
        "[![梁蔚](https://cdn.example/avatar.jpg)](https://example/@leungwai)\n\n"
        "[梁蔚](https://example/@leungwai)\n\nFeb 10, 2026\n\n"
        f"{ABOUT_THE_PLUNGE}\n{PROSE}\n感謝閱讀半導體慢讀！免費訂閱，每週收到一篇慢思考。\n\n"
        "Discussion about this post\n\n傑文斯悖論那段寫得好，但推理成本下降的速度呢？\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "梁蔚")
    assert "感謝閱讀" not in art.body and "傑文斯" not in art.body


@pytest.mark.parametrize(
    "card",
    ["林间拾\n关注\n2025 年 02 月 20 日\n", "林间拾\nFollow\n9 min read\n·\nFeb 20, 2025\n"],
)
def test_a_writers_card_under_the_headline_over_the_date(analyzer, card):
    text = (
        "某众派\n首页　栏目　会员\n写文章　登录\n某某精选\n"
        "某某是本站的写作社区，我们主张分享真实的产品体验，有实用价值的经验与思考。\n"
        f"{PROSE_HEADLINE}\n{card}{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.published.isoformat()) == (
        PROSE_HEADLINE,
        "林间拾",
        "2025-02-20",
    )
    assert art.body.startswith("英伟达一夜蒸发")


def test_labelled_fields_with_a_space_for_the_colon(analyzer):
    text = (
        f"某某脈動\n首頁　最新文章\n{PROSE_HEADLINE}\n作者 黃品澄\n發布日期 2024.10.17\n"
        f"瀏覽數 8,421\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.published.isoformat()) == ("黃品澄", "2024-10-17")


def test_a_rights_notice_after_the_copyright_mark_is_no_site(analyzer):
    text = (
        f"{PROSE_HEADLINE}\n2025-02-20\n{ABOUT_THE_PLUNGE}{PROSE}"
        "© 本文著作权归作者所有，并授权本站独家使用，未经许可，不得转载使用。\n"
    )
    assert _dump(analyzer, text).site is None


def test_a_question_over_a_row_of_buttons_with_counts_is_the_headline(analyzer):
    text = (
        "问某\n首页　会员　发现\n登录/注册\n英伟达　人工智能　美股　DeepSeek\n"
        "DeepSeek 爆火后英伟达单日暴跌，是“卖铲子”的逻辑被证伪了吗？\n"
        "关注问题　写回答　邀请回答　好问题 326　添加评论　分享\n关注者\n3,105\n"
        f"许听澜\n半导体行业从业者\n1,962 人赞同了该回答\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.title == "DeepSeek 爆火后英伟达单日暴跌，是“卖铲子”的逻辑被证伪了吗？"
    assert art.author == "许听澜"


def test_a_tech_accounts_reporter_line_sent_from_somewhere(analyzer):
    text = (
        f"某阅坊\n{PROSE_HEADLINE}\n原创 青禾 量子某 2025年02月03日 08:15 北京\n"
        f"青禾 发自 望北楼\n{ABOUT_THE_PLUNGE}△图源：项目主页\n{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.author == "青禾"
    assert "图源" not in art.body


def test_a_columnist_and_the_date_over_the_headline(analyzer):
    text = (
        "港某財經報\n主頁｜即時新聞｜專欄\n專欄 > 投資理財\n算力觀潮\n林子謙\n19/01/2026\n"
        "AI股泡沫論再起　不妨先看現金流\n"
        "踏入2026年，「AI泡沫」之說又再甚囂塵上，有基金經理直言AI股的投資遠遠追不上回報。\n"
        "筆者不打算判斷泡沫何時爆破，但要分辨今天的AI股與當年科網股的分別，不妨先看現金流。\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == ("AI股泡沫論再起　不妨先看現金流", "林子謙")
    assert art.published.isoformat() == "2026-01-19"


def test_a_meta_line_under_the_story_ends_it_and_dates_it(analyzer):
    text = (
        f"某客前哨\n首页 快讯 AI\n{PROSE_HEADLINE}\n3小时前 · 阅读 2.1万\n{ABOUT_THE_PLUNGE}{PROSE}"
        "发布时间：2026-01-15 10:30 | 来源：某客前哨 | 责任编辑：马骁\n标签：英伟达 推理芯片\n"
    )
    art = _dump(analyzer, text)
    assert art.published.isoformat() == "2026-01-15"
    assert "发布时间" not in art.body and "标签" not in art.body


def test_front_matter_gives_title_date_and_writer_and_is_no_text(analyzer):
    text = (
        "---\n"
        'title: "從 DeepSeek 到輝達財報：一個韌體工程師的一年觀察"\n'
        "date: 2026-02-28T21:05:00+08:00\nlastmod: 2026-03-02T10:20:00+08:00\n"
        'author: "林鈺翔"\ntags: ["AI", "輝達"]\ndraft: false\n---\n\n'
        "[砂礫與矽晶](https://example/) · [文章](/posts/) · [關於我](/about/)\n\n"
        "# 從 DeepSeek 到輝達財報：一個韌體工程師的一年觀察\n\n"
        f"{ABOUT_THE_PLUNGE}\n{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.title == "從 DeepSeek 到輝達財報：一個韌體工程師的一年觀察"
    assert (art.author, art.published.isoformat()) == ("林鈺翔", "2026-02-28")
    assert "lastmod" not in art.body and "draft" not in art.body


def test_a_notes_apps_embeds_callouts_and_links(analyzer):
    text = (
        "---\ntitle: 读财报笔记\ndate: 2025-08-28 23:10\nupdated: 2025-08-30 08:02\n---\n\n"
        f"# 读财报笔记\n\n{ABOUT_THE_PLUNGE}\n![[segments.png]]\n\n"
        "> [!note] 数据待核对：网络业务增速我记的是电话会口径\n\n"
        "这一季最该看的是[[算力租赁观察|算力租赁]]和网络业务，英伟达的订单仍然排到了明年。\n\n"
        f"{PROSE}\n关联笔记：[[算力租赁观察]]\n"
    )
    art = _dump(analyzer, text)
    assert art.published.isoformat() == "2025-08-28"
    assert "[[" not in art.body and "数据待核对" not in art.body and "关联笔记" not in art.body
    assert "这一季最该看的是算力租赁和网络业务" in art.body


@pytest.mark.parametrize(
    ("meta", "site"),
    [
        ("来源：某视新闻客户端　2025年02月27日 09:18", "某视新闻客户端"),
        ("譯者：阿墨  |  2025-02-09 20:30", None),
    ],
)
def test_a_labelled_field_before_the_date_is_no_writer(analyzer, meta, site):
    text = f"某某网\n{PROSE_HEADLINE}\n{meta}\n{ABOUT_THE_PLUNGE}{PROSE}"
    art = _dump(analyzer, text)
    assert art.author is None or "：" not in art.author
    assert art.author != "阿墨"


def test_a_long_menu_between_bars_is_no_headline(analyzer):
    text = (
        "某民网\n某民网首页 | 时政 | 国际 | 财经 | 科技 | 观点 | 社会 | 教育 | 地方 | 视频\n"
        "登录 | 注册 | 手机某民网\n某民网 >> 科技 >> 正文\n"
        "算力竞争进入“效率时代” 国产AI芯片迎来窗口期\n——从一款开源大模型引发的市场波动说起\n"
        "本报记者  程砚秋  罗启明\n2025年02月11日08:36 | 来源：某民网－某民日报\n小字号\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).title == "算力竞争进入“效率时代” 国产AI芯片迎来窗口期"


def test_a_cookie_notice_over_a_wire_story_and_its_editor_and_rights_lines(analyzer):
    text = (
        "請同意我們的隱私權規範，本網站使用 Cookie 以提供更好的瀏覽體驗。 我同意\n"
        "國某通訊社 Guomou News Agency\n首頁 | 即時 | 政治 | 國際 | 兩岸 | 產經\n產經\n"
        "輝達中國特規晶片受限 台供應鏈：短期影響有限\n2025/06/05 14:32（6/5 15:10 更新）\n"
        "字級  列印  分享\n（國某社記者韋若嵐台北5日電）美國收緊對中國的AI晶片出口管制，輝達特規晶片出貨受阻。\n"
        f"{PROSE}編輯：鄒家豪\n本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。\n"
        "更多新聞\n美中科技角力延燒 半導體設備商：訂單仍穩健\n"
    )
    art = _dump(analyzer, text)
    assert art.title == "輝達中國特規晶片受限 台供應鏈：短期影響有限"
    assert (art.author, art.published.isoformat()) == ("韋若嵐", "2025-06-05")
    assert "編輯" not in art.body and "非經授權" not in art.body and "更多新聞" not in art.body


def test_a_hosted_blogs_posted_at_stamp_under_its_links_dates_the_post(analyzer):
    text = (
        f"栈溪\n码园  首页  新随笔  联系  订阅  管理\n{PROSE_HEADLINE}\n{ABOUT_THE_PLUNGE}{PROSE}"
        "分类: 机器学习\n标签: 大模型 , DeepSeek\n好文要顶  关注我  收藏该文  分享\n栈溪\n"
        "粉丝 - 312  关注 - 18\n« 上一篇： 家用 NAS 折腾笔记\n» 下一篇： 春节读书小结\n"
        "posted @ 2025-02-08 22:15  栈溪  阅读(1234)  评论(3)  编辑  收藏  举报\n评论列表\n"
        "#1楼 2025-02-09 09:12 老猫不吃鱼\n3090 双卡没 NVLink 确实亏。\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.published.isoformat()) == ("栈溪", "2025-02-08")


def test_a_web_archive_capture_reads_as_the_archived_page(analyzer):
    url = "https://web.archive.example/web/20250415083012/https://www.paper.example/2025/03/01/a"
    text = (
        f"The Archive - {url}\nARCHIVE\nhttps://www.paper.example/2025/03/01/a\nGo\n37 captures\n"
        "01 Mar 2025 - 22 Nov 2025\nAbout this capture\nTIMESTAMPS\n"
        f"The Archive - {url}\n維港某報\n首頁 | 財經 | 科技 | 港股 | 國際\n{PROSE_HEADLINE}\n"
        f"2025年3月1日 星期六　06:30\n撰文：麥嘉朗\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.published.isoformat(), art.author) == (
        PROSE_HEADLINE,
        "2025-03-01",
        "麥嘉朗",
    )
    assert "capture" not in art.body


def test_a_newsletter_saved_as_mail_reads_its_headers_and_its_main_piece(analyzer):
    text = (
        "From: 芯某周报 <weekly@letter.example>\nTo: reader@mailbox.example\n"
        f"Subject: 芯某周报 #87｜{PROSE_HEADLINE}\nDate: Mon, 12 Jan 2026 07:30:12 +0800\n\n"
        "邮件显示不正常？在浏览器中查看\n芯某周报\n第 87 期 · 2026年1月12日\n本期导读\n"
        "1. 主笔观点：英伟达\n2. 一周要闻速览\n—— 主笔观点 ——\n"
        f"{PROSE_HEADLINE}\n文 / 孟川\n{ABOUT_THE_PLUNGE}—— 本期赞助 ——\n"
        "某某云：新用户首月GPU实例低至5折，注册即送100元代金券。\n—— 赞助结束 ——\n"
        f"{PROSE}—— 一周要闻速览 ——\n· 存储芯片价格连续第三个月上涨\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.published.isoformat()) == (PROSE_HEADLINE, "2026-01-12")
    assert (art.author, art.site) == ("孟川", "芯某周报")
    assert art.body.startswith("英伟达一夜蒸发")
    assert "代金券" not in art.body and "存储芯片" not in art.body and "本期导读" not in art.body


def test_a_pdf_saved_as_text_loses_its_running_headers_and_page_numbers(analyzer):
    page_break = "请务必阅读正文之后的免责条款部分\n{n} / 3\n行业点评 | 电子\n某岳证券研究所\n"
    text = (
        f"{PROSE_HEADLINE}\n2025年07月14日\n{ABOUT_THE_PLUNGE}"
        + page_break.format(n=1)
        + PROSE
        + page_break.format(n=2)
        + ABOUT_THE_PLUNGE
        + page_break.format(n=3)
    )
    body = _dump(analyzer, text).body
    assert "免责条款" not in body and "行业点评" not in body and "/ 3" not in body
    assert body.count("英伟达一夜蒸发") == 2 and "订单已经排到了明年" in body


@pytest.mark.parametrize(
    ("byline", "writer"),
    [("作者：衡财记者 罗一鸣 邵婧", "罗一鸣"), ("【文/观澜者网 齐思远 编辑/顾冉】", "齐思远")],
)
def test_an_outlets_name_before_its_writers(analyzer, byline, writer):
    text = f"某某网\n{PROSE_HEADLINE}\n2025-02-10 08:00\n{byline}\n{ABOUT_THE_PLUNGE}{PROSE}"
    assert _dump(analyzer, text).author == writer


@pytest.mark.parametrize(
    "furniture", ["dongan-net.example", "qunyan.example/ba/AI芯片", "某信新聞網 / 產經 / 科技產業"]
)
def test_an_address_or_a_slashed_trail_is_no_headline(analyzer, furniture):
    """A page showing no headline gets none, not its logo's address or its trail."""
    text = f"{furniture}\n2026-02-26 11:48\n{ABOUT_THE_PLUNGE}{PROSE}"
    art = _dump(analyzer, text)
    assert art.title is None and art.published.isoformat() == "2026-02-26"


def test_a_hong_kong_date_with_dashes_reads_day_first(analyzer):
    text = f"東某網\n{PROSE_HEADLINE}\n26-02-2026 07:15\n{ABOUT_THE_PLUNGE}{PROSE}"
    assert _dump(analyzer, text).published.isoformat() == "2026-02-26"


def test_a_post_with_no_headline_under_its_posters_card(analyzer):
    text = (
        "问某湾\n首页 | 会员 | 发现\n提问 | 消息 | 私信\n硅片上的猫\n半导体行业从业者，偶尔写写投资\n"
        f"关注\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (None, "硅片上的猫")
    assert art.body.startswith("英伟达一夜蒸发")


def test_a_menu_between_dots_and_a_trail_ending_in_the_title_are_no_headline(analyzer):
    text = (
        "[信某 Letterflow](https://letter.example) · [发现](https://letter.example/x) · "
        "[登录](https://letter.example/login)\n\n"
        f"[文档中心](https://d.example) / [GPU 云服务器](https://d.example/g) / {PROSE_HEADLINE}\n\n"
        f"# {PROSE_HEADLINE}\n\n最后更新于：2025-11-20 16:42\n\n{ABOUT_THE_PLUNGE}\n{PROSE}"
    )
    assert _dump(analyzer, text).title == PROSE_HEADLINE


def test_a_headline_labelled_with_spaces_inside_the_label(analyzer):
    text = "标　　题：英伟达的好日子还长着呢\n作者：张三\n2025-03-01 10:00\n" + PROSE
    assert _dump(analyzer, text).title == "英伟达的好日子还长着呢"


def test_follow_buttons_and_footer_links_name_no_headline_writer_or_site(analyzer):
    text = (
        "某坊 Wordloft\n探索　沙龍　寫作\n"
        f"{PROSE_HEADLINE}\n[作者頭像]\n林柏宇\n@brucelin · 軟體工程師，偶爾寫寫 AI 與硬體\n追蹤\n"
        f"2025年3月2日 · 閱讀時間約 6 分鐘\n{ABOUT_THE_PLUNGE}{PROSE}"
        "某坊 Wordloft © 2025　關於我們　使用條款\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "林柏宇")
    assert art.site != "關於我們" and "頭像" not in art.body


def test_the_writer_credited_under_the_story_beats_the_pages_publisher(analyzer):
    text = (
        "某澜理工大学　计算机学院\n学院首页 | 学院概况 | 学院新闻\n您现在的位置：首页 > 学院新闻 > 正文\n"
        f"{PROSE_HEADLINE}\n——我院举办学术沙龙侧记\n发布者：郑晓　　发布时间：2025-04-22　　浏览次数：1386\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}文：冯书瑶　　图：魏然　　审核：贺立言\n附件：\n"
        "【附件1】混合专家模型的推理优化实践.pdf（下载次数：214）\n【打印本页】　【关闭窗口】\n"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "冯书瑶")
    assert "附件" not in art.body and "侧记" not in art.body


@pytest.mark.parametrize(
    "furniture",
    [
        "图为某智算中心机房内景。",
        "河北某算力园区内的服务器机柜。宋晓川 摄",
        "AI伺服器機櫃出貨持續升溫，供應鏈業者普遍看好今年營運。（資料照）",
        "攝影／陳柏翰",
        "编者按：近期算力板块持续走强，本报约请业内人士撰文。",
        "图表1：国内主要云厂商资本开支同比增速",
        "英偉達一年走勢圖.png",
        "扫码下载某某新闻客户端，看更多深度报道",
        "▸延伸閱讀：DeepSeek效應發酵　法人：推理需求才是下一波主軸",
        "【责任编辑:苗某溪】",
        "（某联社 编辑 周某晨）",  # an outlet before the editor's credit
        "本文版权归某点财经所有",
        "剩余 72% 内容，解锁全文",
        "📌 本文收錄於沙龍「晶片那些事」，訂閱即可收到更新",
        "【某信財經網】下載App，即時掌握港股行情",
        "[广告] 某潮财经会员｜解锁美股实时行情与研报　首月1元",
        "国产AI加速卡测试机柜。（图片来源：某报 资料图）",
        "转发 128  讨论 356  赞 1024",
        "（本逐字稿由 AI 轉錄後經人工校對，如有誤差以音檔為準）",
        "本地一家公司的工程师在办公室测试客服系统。（本报档案照）",
        "▶ 立即订阅《某光财经》电邮简报，每个工作日早上7点送达",
        "（筆者確認並無持有上述所提及之股份）",
        "本文共 2,340 字，閱讀時間約 6 分鐘",
        "wu-qingyun started this conversation in Q&A",
        "3 comments · 5 replies",
        "【某禾即時】輝達 NVDA　117.30　▼2.84（-2.36%）　台股加權　22,614.57　▲85.12",
        "[ 讚好 56 ]　[ 收藏 ]　[ 引用 ]　[ 回覆 ]　[ 舉報 ]",
        "译者按：本文作者是一位长期关注半导体行业的独立评论人，观点偏空，供读者参考。",
        "编辑｜赵某　　校对｜孙某",
        "本文共约3200字，阅读需要约8分钟",
        "懶貓的簽名檔：工程師的錢都是用肝換的",
    ],
)
def test_captions_prompts_and_credits_between_paragraphs_leave_a_dump(analyzer, furniture):
    text = (
        f"某某网\n{PROSE_HEADLINE}\n2025-02-11 08:00\n{ABOUT_THE_PLUNGE}{furniture}\n{PROSE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert furniture not in art.body
    assert art.body.startswith("英伟达一夜蒸发") and art.body.count("英伟达的订单") == 2


def test_a_caption_written_as_a_paragraph_stays_in_a_marked_up_page(analyzer):
    # DAnIEL's gold keeps it: a page's markup tells a <figcaption> from a paragraph, a dump cannot.
    html = (
        f"<html><head><title>{PROSE_HEADLINE}</title></head><body><article>"
        f"<h1>{PROSE_HEADLINE}</h1><p>{ABOUT_THE_PLUNGE}</p><p>图为某智算中心机房内景。</p>"
        f"<p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    art = analyzer.process(RawPage("p.html", html.encode(), "html"), analyse=False).article
    assert "图为某智算中心机房内景" in art.body


def test_counters_taken_out_still_end_a_post_with_its_notice(analyzer):
    text = (
        f"某线\n{PROSE_HEADLINE}\n长桥夜话\n2025-01-28 21:40 来自 iPhone\n{ABOUT_THE_PLUNGE}{PROSE}"
        "本帖已被设为精华 · 收录至话题 #DeepSeek冲击波#\n转发 86\n评论 214\n赞 1032\n打赏\n"
    )
    art = _dump(analyzer, text)
    assert art.body.endswith("短期内看不到放缓的迹象。") and "精华" not in art.body


def test_a_channels_trail_over_the_headline_is_no_headline(analyzer):
    text = (
        "某街观察\n首页  快讯  市场  宏观  科技  公司  专栏\n搜索  |  登录/注册\n科技 · 人工智能\n"
        f"{PROSE_HEADLINE}\n2026-01-15 06:48  ·  阅读 3.2万\n{ABOUT_THE_PLUNGE}"
        "这一轮人工智能行情里，科技股的分歧比以往任何时候都大，人工智能的叙事也在变。\n"
        f"{PROSE}某街观察 © 2026\n"
    )
    # The body talks about the trail's words too (科技, 人工智能).
    assert _dump(analyzer, text).title == PROSE_HEADLINE


def test_a_terse_headline_under_the_sites_name_is_the_headline(analyzer):
    text = (
        "某桥科技 StackBridge\n资讯　深度　快讯　AI　芯片　创投　|　搜索\n深度 / 算力账本\n"
        "算力还是硬通货吗？\n一场训练成本的“意外”，让整个行业重新翻开算力账本\n"
        f"文 | 纪某舟　　编辑 | 黎某\n2天前　·　阅读 4.6万\n{ABOUT_THE_PLUNGE}{PROSE}"
        "某桥科技 © 2025 版权所有\n"
    )
    assert _dump(analyzer, text).title == "算力还是硬通货吗？"


def test_a_campus_boards_mail_style_header_names_poster_headline_and_station(analyzer):
    text = (
        "北某BBS · bbs.example\n北某BBS > 学术科学 > 集成电路(IC) > 同主题阅读\n"
        "发信人: lanbo2019 (蓝波), 信区: IC\n标  题: [讨论] 读研选方向：做AI芯片还是做推理？\n"
        "发信站: 北某BBS (Sat Dec  6 23:14:52 2025), 站内\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.site) == (
        "[讨论] 读研选方向：做AI芯片还是做推理？",
        "lanbo2019",
        "北某BBS",
    )


def test_a_bilingual_masthead_names_the_site_as_the_page_shows_it(analyzer):
    text = (
        f"數位某科技網 DigiBay\n{PROSE_HEADLINE}\n記者 蔡承翰｜14-03-2025｜瀏覽 2,316\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}關於我們｜廣告合作\n© 2025 DigiBay Media Co., Ltd. 版權所有\n"
    )
    art = _dump(analyzer, text)
    assert (art.site, art.author) == ("數位某科技網", "蔡承翰")


def test_a_posters_card_as_one_row_over_the_date_names_the_poster(analyzer):
    text = (
        "職場某 WorkTalk\n公司評價 › 某某電子股份有限公司 › 工作心得\n工作心得\n"
        f"{PROSE_HEADLINE}\n板橋打工仔　｜　硬體測試工程師　｜　在職中　｜　年資 2 年\n"
        f"2025/11/03 發表　·　最後編輯 2025/11/05　·　瀏覽 6,214\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "板橋打工仔")


def test_a_masthead_in_two_scripts_is_no_headline(analyzer):
    text = (
        "新某本周刊 NEW CAPITAL WEEKLY\n本期目录　往期杂志　封面故事　公司　金融　宏观　科技\n"
        "登录　|　订阅全年杂志\n封面故事\n算力的订单\n"
        "从英伟达的订单到DeepSeek的“省钱”，一场关于算力订单的重新定价\n文｜本刊记者 孟某\n"
        f"发布时间：2025-11-10 08:00\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.site) == ("算力的订单", "新某本周刊")


def test_an_events_run_of_days_under_its_name_is_no_meta_line(analyzer):
    text = (
        "某某大會\n2026.04.28－04.30｜台北某某會展中心\n關於大會　議程　講者　新聞中心\n"
        f"新聞中心 / 大會新聞\n{PROSE_HEADLINE}\n發布日期：2026-04-22\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).published.isoformat() == "2026-04-22"


def test_a_sites_own_reporter_glued_to_the_name_under_the_story(analyzer):
    text = f"某聲網\n{PROSE_HEADLINE}\n2025-01-29 10:00\n{ABOUT_THE_PLUNGE}{PROSE}本網記者何某芝\n"
    assert _dump(analyzer, text).author == "何某芝"


def test_a_blog_whose_footer_names_its_owner_keeps_the_owner_as_writer(analyzer):
    text = (
        f"慢半拍的硅\n一个前芯片验证工程师的自言自语\n首页　归档　标签　关于　RSS\n{PROSE_HEADLINE}\n"
        f"程岩 · 2026-01-27 · 约 9 分钟 · 分类：半导体\n{ABOUT_THE_PLUNGE}{PROSE}© 2026 程岩\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.site) == ("程岩", "慢半拍的硅")


def test_a_markdown_pages_level_one_heading_is_its_headline(analyzer):
    text = (
        "[学某课堂](https://x.example/) > [我的课程](https://x.example/my)\n\n"
        "**课程进度：已学 6/12 讲 · 本讲时长 38:12 · 🎧 音频版 · 📄 下载PDF讲义**\n\n"
        f"# {PROSE_HEADLINE}\n\n> 讲师：沈某 ｜ 上线时间：2025-07-01\n\n{ABOUT_THE_PLUNGE}\n{PROSE}"
    )
    assert _dump(analyzer, text).title == PROSE_HEADLINE


def test_a_table_of_contents_whose_entries_come_back_as_headings_leaves_the_body(analyzer):
    text = (
        f"知某百科\n{PROSE_HEADLINE}\n最近更新：2026-11-02\n{PROSE}目录\n1 发展历程\n2 技术特点\n"
        f"3 行业影响\n发展历程\n{ABOUT_THE_PLUNGE}技术特点\n{PROSE}行业影响\n{PROSE}"
    )
    body = _dump(analyzer, text).body.splitlines()
    assert "目录" not in body and "1 发展历程" not in body
    assert body.count("发展历程") == 1 and "行业影响" in body


def test_a_row_of_counters_with_emoji_between_them_leaves_the_body(analyzer):
    text = (
        f"某某证券\n{PROSE_HEADLINE}\n老周说盘　2025-03-12 15:40\n{ABOUT_THE_PLUNGE}{PROSE}"
        "👍 赞 1,206　💬 评论 318　⭐ 收藏　↗ 分享\n"
    )
    assert "收藏" not in _dump(analyzer, text).body


def test_a_threads_second_floor_ends_the_first_post(analyzer):
    text = (
        "島嶼某論壇 IslandTech\n首頁 › 投資理財 › 美股與海外投資\n"
        f"{PROSE_HEADLINE}\n瀏覽 12,455　｜　回覆 86\n阿哲不賣股\n樓主　｜　Lv.7　｜　文章 1,203\n"
        f"2025-02-10 23:14\n#1\n{ABOUT_THE_PLUNGE}{PROSE}分享　｜　檢舉　｜　引用　｜　回覆\n"
        "小熊軟糖豆\n2025-02-10 23:31\n#2\n這點我同意，但市場在意的是以後要買多少張，不是現在用誰的卡。\n"
        "老司機看盤\n2025-02-11 00:05\n#3\n財報前加不加都行，重點是你能不能承受再跌一次。\n"
    )
    art = _dump(analyzer, text)
    assert art.author == "阿哲不賣股"
    assert art.body.endswith("短期内看不到放缓的迹象。") and "小熊" not in art.body


def test_a_columns_date_between_the_follow_button_and_the_votes(analyzer):
    text = (
        f"知某　首页　专栏　问答\n专栏 · 推理工程手记\n{PROSE_HEADLINE}\n沈砚秋\n"
        "大模型推理工程师｜前云厂商 GPU 调度负责人\n关注她\n发布于 2025-07-15 21:08\n"
        f"1,284 人赞同了该文章\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).author == "沈砚秋"


def test_a_pages_clock_over_the_headline_yields_to_the_storys_meta_line(analyzer):
    text = (
        "万某网　|　新闻　财经　科技　汽车　房产　体育　娱乐　视频　更多\n登录　|　注册\n"
        f"今日焦点　·　2025年09月04日　星期四\n{PROSE_HEADLINE}\n"
        f"3小时前　|　来源：某某时讯　|　作者：许嘉禾\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, art.author) == (PROSE_HEADLINE, "许嘉禾")


def test_a_blogs_day_over_the_headline_dates_the_post(analyzer):
    text = (
        "石某明．財經隨筆\n廿五年股海浮沉　寫給香港散戶的真心話\n主頁　｜　關於我　｜　文章分類\n"
        "2025年10月28日　星期二\n英伟达市值直逼五万亿　我反而更谨慎\n分類：美股　｜　標籤：英偉達\n"
        f"英伟达市值直逼五万亿美元，我反而更谨慎了。\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published)) == ("英伟达市值直逼五万亿　我反而更谨慎", "2025-10-28")


def test_a_related_box_behind_a_bar_inside_the_story_leaves_it(analyzer):
    text = (
        f"港某新聞\n{PROSE_HEADLINE}\n2025-08-28 10:00\n{ABOUT_THE_PLUNGE}▌相關新聞\n"
        "・AI熱潮推高電力需求　本港數據中心用地再成焦點\n・內地大模型價格戰升溫　雲服務商紛紛減價\n"
        f"{PROSE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert "相關新聞" not in art.body and "價格戰" not in art.body
    assert art.body.count("英伟达的订单") == 2


def test_a_newsletter_archive_with_an_issue_line_a_sponsor_and_its_contents(analyzer):
    text = (
        "在浏览器中查看　|　转发给朋友　|　管理订阅\n某观研究社 出品\n某力周报 Compute Weekly\n"
        f"Vol.96　·　2026/11/06　·　阅读时间约 9 分钟\n{PROSE_HEADLINE}\n—— 本期赞助 ——\n"
        "某算云：H20/国产卡混合集群按小时计费，新用户赠送100小时算力 →\n———————————\n本期目录\n"
        "1. 暗线一｜云厂商的资本开支\n2. 暗线二｜国产算力\n3. 暗线三｜电力与液冷\n———————————\n"
        f"{ABOUT_THE_PLUNGE}暗线一｜云厂商的资本开支：从“加速”到“匀速”\n{PROSE}"
        f"暗线二｜国产算力：订单正在兑现\n{PROSE}暗线三｜电力与液冷：真正的瓶颈转移\n{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published)) == (PROSE_HEADLINE, "2026-11-06")
    assert art.body.startswith("英伟达一夜蒸发") and "赞助" not in art.body
    assert "1. 暗线一｜云厂商的资本开支" not in art.body.splitlines()


def test_a_hong_kong_stamp_with_its_weekday_dates_the_column(analyzer):
    text = (
        "港某評論網 HKEconReview\n主頁 ▸ 評論 ▸ 名家專欄\n晨窗隨筆\n英偉達不是泡沫，但估值已無容錯空間\n"
        f"15/06/2026（星期一）　08:00\n文：何某衡\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (art.title, str(art.published), art.author) == (
        "英偉達不是泡沫，但估值已無容錯空間",
        "2026-06-15",
        "何某衡",
    )


def test_todays_date_on_the_masthead_yields_to_the_reporters_stamp(analyzer):
    text = (
        "都某朝報\n今日 15-03-2025（星期六）　天氣：19-23°C 大致多雲\n港聞　財經　國際　科技\n"
        f"{PROSE_HEADLINE}\n記者 梁某芝｜14-03-2025｜瀏覽 2,316\n{ABOUT_THE_PLUNGE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert (str(art.published), art.author) == ("2025-03-14", "梁某芝")


def test_a_speakers_label_before_the_writers_label(analyzer):
    text = (
        f"某站\n{PROSE_HEADLINE}\n主讲 / 撰稿：顾某远　剪辑：小满\n投稿时间：2025-04-10 19:00:02\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}"
    )
    assert _dump(analyzer, text).author == "顾某远"


def test_a_writers_sign_off_under_the_text_names_the_writer(analyzer):
    text = (
        f"某石．財經隨筆\n{PROSE_HEADLINE}\n2025-10-28 10:00\n{ABOUT_THE_PLUNGE}{PROSE}"
        "—— 石某明　寫於灣仔\n"
    )
    art = _dump(analyzer, text)
    assert art.author == "石某明" and "寫於" not in art.body


def test_a_hong_kong_threads_floor_with_its_stamp_on_one_line_ends_the_post(analyzer):
    text = (
        f"某富討論區\n{PROSE_HEADLINE}\n牛市未完_HK\n#1　發表於 12/5/2026 23:18\n{ABOUT_THE_PLUNGE}{PROSE}"
        "科技股老鬼\n#2　發表於 12/5/2026 23:40\n原帖由 牛市未完_HK 於 12/5/2026 23:18 發表\n"
        "短線波幅大，我寧願等回調先再入，唔好追高。\n"
    )
    art = _dump(analyzer, text)
    assert art.body.endswith("短期内看不到放缓的迹象。") and "老鬼" not in art.body


def test_an_editor_credited_alone_over_a_notice_and_tags_is_the_writer(analyzer):
    text = (
        f"某锐财讯\n7×24小时快讯 > 详情\n{PROSE_HEADLINE}\n2026-01-27 10:32:18　　阅读 4.6万\n"
        f"{ABOUT_THE_PLUNGE}{PROSE}编辑：周某\n【声明】本快讯仅供参考，不构成投资建议。\n"
        "相关标签：英伟达　DeepSeek　算力租赁\n分享　复制链接\n上一条：欧洲央行官员：通胀下行趋势未变\n"
        "下一条：两部门发文支持算力基础设施绿色低碳发展\n"
    )
    assert _dump(analyzer, text).author == "周某"


def test_a_video_pages_transcript_under_its_label_is_the_text(analyzer):
    text = (
        f"某嗒视频　首页　番剧　直播\n知识 > 财经商业\n{PROSE_HEADLINE}\n12.6万播放 · 842弹幕 · 2025-02-03 20:00:15\n"
        "本视频为转载内容，已获原节目授权\n科技搬运小站\n简介：转载自某潮财经《深度三十分》第52期，主讲：周某航。\n"
        "标签：DeepSeek　英伟达　人工智能　美股　芯片\n视频文稿（字幕自动生成，已人工校对）\n00:00\n"
        f"{ABOUT_THE_PLUNGE}01:12\n{PROSE}04:35\n{PROSE}"
    )
    body = _dump(analyzer, text).body
    assert body.startswith("英伟达一夜蒸发") and "转载" not in body and "00:00" not in body


def test_a_short_first_paragraph_that_is_a_sentence_stays_in_the_body(analyzer):
    """A 14-character first paragraph under the meta line was taken for a label over the story
    and lost (prediction probe): a label or a menu item does not close with a full stop."""
    a = _dump(
        analyzer,
        "众说纷纭\n2025-05-20 作者：谢晨 来源：华尔街见闻\n\n英伟达上周的股价反弹了一成。\n\n"
        "有人说DeepSeek会被封杀，但我认为它明年的用户量还会继续增长。\n\n"
        "据摩根士丹利预测，英伟达明年的营收将增长四成。\n",
    )
    assert a.body.startswith("英伟达上周的股价反弹了一成。\n") and a.title == "众说纷纭"
    notice = _dump(
        analyzer,
        "众说纷纭\n2025-05-20 作者：谢晨 来源：华尔街见闻\n\n点击上方蓝字关注我们。\n\n"
        "有人说DeepSeek会被封杀，但我认为它明年的用户量还会继续增长。\n\n" + PROSE,
    )
    assert notice.body.startswith("有人说")


def test_a_trails_root_before_its_home_link_is_the_site_without_the_bar(analyzer):
    """潮汐科技评论 - 首页 > 产业观察 > 正文 gave the site 潮汐科技评论 - (catalogue probe)."""
    a = _dump(
        analyzer,
        "潮汐科技评论 - 首页 > 产业观察 > 正文\n\nGB300放量在即，英伟达的增长还没完\n\n"
        "作者：林晓川  2025-12-04 09:04  阅读 1148\n\n" + PROSE,
    )
    assert (a.site, a.author, a.published) == ("潮汐科技评论", "林晓川", date(2025, 12, 4))


def test_a_name_after_the_date_in_a_dotted_meta_row_is_filed_without_its_dot(analyzer):
    """何静 · 2025年12月11日 · 芯事笔记 filed the page under "· 芯事笔记" (catalogue probe)."""
    a = _dump(
        analyzer,
        "AMD的MI355X，终于有了一战之力\n\n何静 · 2025年12月11日 · 芯事笔记\n\n" + PROSE,
    )
    assert (a.author, a.published, a.category) == ("何静", date(2025, 12, 11), "芯事笔记")


def test_a_headline_line_ending_in_its_date_is_the_headline(analyzer):
    """英伟达：股价会回到150美元吗 2025-02-26 09:00 under the site's name: the site's name was taken
    for the headline (input-format probe)."""
    art = _dump(analyzer, "新浪财经\n英伟达：股价会回到150美元吗 2025-02-26 09:00\n" + PROSE)
    assert (art.title, art.published) == ("英伟达：股价会回到150美元吗", date(2025, 2, 26))
    assert art.body.startswith("英伟达的订单已经排到了明年")
    # a site's name and its date is a meta line, not a headline
    art = _dump(analyzer, "英伟达：不是泡沫。\n新浪科技 2025-02-26 09:00\n" + PROSE)
    assert (art.title, art.published) == ("英伟达：不是泡沫。", date(2025, 2, 26))


def test_a_post_of_a_sentence_or_two_is_read_and_a_fragment_refused(analyzer):
    """A Weibo post of 45 characters was refused as no-body (min_body_chars 60), though short
    posts have a stance model of their own (stance probe); a fragment still is."""
    post = "每次DeepSeek发新模型就有人喊英伟达要完，结果呢？英伟达市值又创新高。算力只会越用越多。"
    text = f"标题：英伟达还能涨吗\n2025-05-29 来源：微博 作者：美股夜猫子\n\n{post}\n"
    result = analyzer.process(RawPage("w.txt", text.encode(), "text"))
    assert result.article is not None and result.article.body == post
    assert {s.target: s.label for s in result.stances}["nvidia"] == "bullish"
    short = analyzer.process(RawPage("s.txt", "太短。\n".encode(), "text"))
    assert short.article is None and short.reject.reason == "no-body"
    html = f"<html><body><p>{post}</p></body></html>"
    page = analyzer.process(RawPage("w.html", html.encode(), "html"))
    assert page.article is None and page.reject.reason == "no-body"


def test_a_board_posts_dump_is_filed_under_its_board_and_station(analyzer):
    """A PTT post saved as text names its board (看板 Stock) and, in its footer, its station
    (※ 發信站: 批踢踢實業坊): the dump had no site and no category (Traditional-page probe)."""
    text = (
        "作者 stockfan88 (小韭菜)\n看板 Stock\n標題 [標的] NVDA 輝達 多\n"
        "時間 Mon Mar 10 14:22:05 2025\n───────────────\n"
        "輝達這波回檔三成，我覺得是加碼的機會，資料中心的訂單還排到年底，基本面沒有變。\n"
        "DeepSeek出來以後大家都說算力需求會崩，結果雲端大廠的資本支出一個比一個高。\n"
        "--\n※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 36.228.101.12 (臺灣)\n"
        "※ 文章網址: https://www.ptt.cc/bbs/Stock/M.1741587725.A.3F2.html\n"
        "推 abc123: 跟一張 03/10 14:30\n"
    )
    art = _dump(analyzer, text)
    assert (art.site, art.category, art.author) == ("批踢踢實業坊", "Stock", "stockfan88")
    assert art.published.isoformat() == "2025-03-10" and "跟一張" not in art.body


@pytest.mark.parametrize(
    "meta, author, site",
    [
        # a site, its writer and the date between bars: the writer is no part of the site
        ("科技前哨 | 林舟 | 2025年1月28日 07:30", "林舟", "科技前哨"),
        # the site before the date's label, a translator's credit after the date
        ("AI前线观察 发布时间：2025-01-28 吴桐 编译", "吴桐", "AI前线观察"),
        # a writer's name in Latin letters after the date
        ("美股研究社 2025-01-28 Kevin Li", "Kevin Li", "美股研究社"),
    ],
)
def test_a_meta_line_names_the_writer_apart_from_the_site(analyzer, meta, author, site):
    """(translated-page probe) 科技前哨 | 林舟 was signed as one name; 吴桐 编译 was filed as the
    category and its page had no site; Kevin Li was the category and the page had no author."""
    art = _dump(analyzer, f"{PROSE_HEADLINE}\n{meta}\n\n{PROSE}{ABOUT_IT}")
    assert (art.author, art.site, art.category) == (author, site, None)
    assert str(art.published) == "2025-01-28"


@pytest.mark.parametrize(
    "line",
    [
        "版权所有 © 每日科技 2025",
        "关注极客观察，获取更多一手科技资讯",
        "关注AI商业评论，看懂AI产业",
        "分享至：微信  微博  复制链接",
        "风险提示：市场有风险，投资需谨慎。",
        "本文来源：AI前线观察 作者：吴桐",
    ],
)
def test_a_page_s_closing_furniture_leaves_the_body(analyzer, line):
    """(translated-page probe) These lines under the story stayed in the body; the copyright
    line made two copies of one story two articles."""
    text = f"{PROSE_HEADLINE}\n科技前哨 2025-01-28 07:30\n\n{PROSE}{ABOUT_IT}{line}\n"
    art = _dump(analyzer, text)
    assert art.body.endswith("差距正在缩小。"), art.body[-40:]


TIEBA_THREAD = (
    "百度贴吧  进入贴吧  全吧搜索\n"
    "英伟达吧   关注：8.1万  帖子：20.4万\n\n"
    "【讨论】H20停供以后，国内大厂还会等英伟达吗\n\n"
    "只看楼主  收藏  回复\n\n"
    "显卡老司机\n"
    "9 级\n"
    "{post}"
    "来自iPhone客户端  1楼  2025-04-18 21:05  回复(12)\n\n"
    "路过的韭菜\n"
    "3 级\n"
    "想多了，英伟达明年照样涨，国内那点份额人家不在乎。\n"
    "2楼  2025-04-18 21:20  回复(2)\n\n"
    "©2025 Baidu  贴吧协议  隐私政策\n"
)
TIEBA_POST = "禁令一出，大厂只能把推理往昇腾上迁，迁过去就不会再回来了。我的判断：一年内英伟达在国内的份额会腰斩。\n"


@pytest.mark.parametrize(
    "post",
    [TIEBA_POST, "这帖子先说结论，后面再展开讲讲为什么。\n" + TIEBA_POST],
)
def test_a_tieba_thread_is_its_first_post_signed_and_dated_by_its_floor(analyzer, post):
    """(forum probe) A one-paragraph first post was lost and the second floor's reply took its
    place, signed 来自Android客户端  1楼; a longer one kept the reply and had no author or date.
    The floor's stamp stands under its post there."""
    art = _dump(analyzer, TIEBA_THREAD.format(post=post))
    assert art.body == post.strip()
    assert (art.author, str(art.published)) == ("显卡老司机", "2025-04-18")


@pytest.mark.parametrize(
    "thread",
    [
        # NGA: each floor's poster, badge row and #N stamp over it, its buttons under it
        "NGA玩家社区 > 网事杂谈 > 帖子\n\n[讨论] H20要许可证了，英伟达在中国还有戏吗\n\n"
        "[回复]  [只看楼主]  [收藏]  阅读 18632  回复 97\n\n楼主  麦田守望ox\n级别: 学徒  威望: 0  注册: 2016-03-05\n#0  2025-04-17 09:12\n"
        "{post}[+1]  [引用]  [回复]\n\n"
        "不吃香菜\n级别: 学徒  威望: 0  注册: 2019-06-22\n#1  2025-04-17 09:34\n"
        "{reply}[+1]  [引用]  [回复]\n",
        # Hupu: the post's counters, then its top replies
        "虎扑社区 > 步行街主干道\n\nH20要许可证了，英伟达在中国还有戏吗\n\n"
        "麦田守望ox\n2025-04-17 09:12  发布于湖北\n亮了(126)  回复(348)  浏览 8.7万\n\n"
        "{post}推荐(126)  收藏  分享  举报\n\n这些回帖亮了\n\n不吃香菜\n{reply}亮了(214)  回复\n\n"
        "全部回帖\n湿乎乎的话\n楼主说的对。\n2025-04-17 09:55  回复\n",
    ],
)
def test_a_forum_thread_s_replies_are_not_its_post(analyzer, thread):
    """(forum probe) NGA's and Hupu's replies stayed in the body, and a reply's claim (三年内都
    替代不了英伟达) became the poster's."""
    post = (
        "禁令一出，国内大厂只能全面转向昇腾和寒武纪，这种迁移一旦发生就回不去了。"
        "两年内英伟达在中国AI芯片的份额会掉到一成以下。\n"
    )
    reply = "昇腾良率就那样，三年内都替代不了英伟达，别吹了。\n"
    art = _dump(analyzer, thread.format(post=post, reply=reply))
    assert art.body == post.strip()
    assert (art.author, str(art.published)) == ("麦田守望ox", "2025-04-17")


@pytest.mark.parametrize(
    "text",
    [
        "黄仁勋今天的发布会太炸了，英伟达明年肯定还要涨一倍，继续加仓！\n",
        "黄仁勋今天的发布会太炸了，英伟达明年肯定还要涨一倍，继续加仓！\n老黄的刀法也是越来越精准了。\n",
    ],
)
def test_a_short_post_is_not_taken_for_its_own_headline(analyzer, text):
    """(README walkthrough) A one-sentence post ending in ！ was taken for a headline and
    refused (only 0 characters of article text found); with a second line, it lost its claim."""
    art = _dump(analyzer, text)
    assert art.body == text.strip() and art.title is None


def test_a_headline_over_its_text_stays_a_headline(analyzer):
    art = _dump(analyzer, "DeepSeek来了，英伟达慌了！\n" + PROSE)
    assert art.title == "DeepSeek来了，英伟达慌了！"


def test_a_trail_through_the_poster_s_page_names_no_category(analyzer):
    """(forum probe) 雪球 > 价值回归小陈 > 帖子 filed the post under its poster's name."""
    text = (
        "雪球  首页  行情  发帖  搜索\n雪球 > 价值回归小陈 > 帖子\n\n价值回归小陈\n"
        "2025-03-03 20:18 · 来自雪球\n粉丝 8,120\n\n" + PROSE
    )
    art = _dump(analyzer, text)
    assert (art.author, art.category) == ("价值回归小陈", None)


def test_a_menu_bar_opening_on_the_trail_s_root_names_the_site(analyzer):
    """(forum probe) NGA's and Hupu's threads had no site: their menu bar opens on the name
    their trail starts from."""
    text = (
        "NGA玩家社区  首页  版面  搜索  消息  登录\nNGA玩家社区 > 网事杂谈 > 帖子\n\n"
        "[讨论] H20要许可证了，英伟达在中国还有戏吗\n\n" + PROSE
    )
    assert _dump(analyzer, text).site == "NGA玩家社区"


@pytest.mark.parametrize(
    "record",
    [
        "抓取时间：2025-06-01 12:00:03",
        "采集时间：2025年6月1日 12:00",
        "crawled_at: 2025-06-01T12:00:03+08:00",
        "fetched: 2025-06-01 12:00",
    ],
)
def test_a_scrapers_crawl_time_is_never_the_publish_date(analyzer, record):
    """(date probe) A scraper's note of when it took the page, under the headline, was read as
    the meta line: its day became the publish date over the page's 发布时间, and the source on
    the page's own meta line was lost. With no date of the page's own, the page stays undated."""
    dated = _dump(
        analyzer,
        f"英伟达暴跌之后怎么看\n{record}\n发布时间：2025-02-03 14:22 来源：证券日报\n{PROSE}",
    )
    assert (str(dated.published), dated.site) == ("2025-02-03", "证券日报")
    undated = _dump(analyzer, f"{record}\n英伟达暴跌之后怎么看\n{PROSE}")
    assert (undated.title, undated.published) == ("英伟达暴跌之后怎么看", None)


def test_the_texts_own_first_published_note_dates_a_page_that_shows_a_relative_time(analyzer):
    """(date probe) A dump whose meta line shows only 昨天 14:22 closes with 本文首发于 2025-01-21，
    转载请注明出处: the day the piece came out, which nothing read. Only the text's own note
    (本文首发于) with the date right after it: 首发于 alone also dates a product's launch."""
    head = "某某科技\n英伟达的好日子还长着呢\n某某科技 · 昨天 14:22 · 阅读 3.2万\n"
    art = _dump(analyzer, f"{head}{PROSE}{PROSE}本文首发于 2025-01-21，转载请注明出处。\n")
    assert art.published == date(2025, 1, 21)
    launch = "这款显卡首发于2024年1月8日的发布会，当时的定价就让不少玩家望而却步。\n"
    assert _dump(analyzer, f"{head}{PROSE}{launch}").published is None


@pytest.mark.parametrize(
    ("kind", "inner"),
    [
        ("text", PROSE + PROSE.replace("明年", "后年")),
        ("text", f"<p>{PROSE}</p>\n<p>{PROSE.replace('明年', '后年')}</p>"),
        ("html", f"<p>{PROSE}</p>\n<p>{PROSE.replace('明年', '后年')}</p>"),
    ],
)
def test_the_cleaneval_wrapper_gives_its_title_and_is_no_part_of_the_page(analyzer, kind, inner):
    """(input-format probe) A page in the CleanEval wrapper <text id=… title=… encoding=…> had
    no title, its title attribute dropped; a text dump in it took the wrapper's tag for its
    headline and kept </text> in its body. The wrapper's title is the page's where the page
    shows none; a title of the page's own wins."""
    wrapped = (
        f'<text id="ce-1" title="英伟达订单排到明年 &amp; 后年" encoding="utf-8">\n{inner}</text>\n'
    )
    art = analyzer.process(RawPage("ce.txt", wrapped.encode(), kind), analyse=False).article
    assert art.title == "英伟达订单排到明年 & 后年"
    assert "<text" not in art.body and "</text>" not in art.body and "后年" in art.body
    own = wrapped.replace("\n<p>", "\n<h1>DeepSeek来了，英伟达慌了</h1><p>", 1)
    if kind == "html":
        art = analyzer.process(RawPage("ce.html", own.encode(), kind), analyse=False).article
        assert art.title == "DeepSeek来了，英伟达慌了"


def test_a_wechat_credit_line_over_the_date_line_names_the_writer(analyzer):
    """(author probe) 原创 作者 公众号 with the date on the line under it, not after it: the
    writer, and the account as the site."""
    text = (
        f"{PROSE_HEADLINE}\n原创 闻舟 芯片观察室\n2025年01月28日 20:18 北京\n{ABOUT_THE_PLUNGE}{PROSE}"
        "阅读原文\n阅读 1.5万\n写留言\n精选留言\n张工 1月29日\n太强了\n"
    )
    art = _dump(analyzer, text)
    assert (art.author, art.site) == ("闻舟", "芯片观察室")


@pytest.mark.parametrize(
    ("meta", "author"),
    [("闻舟 · 3小时前 · 来源：某某网", "闻舟"), ("北京 · 3小时前 · 来源：某某网", None)],
)
def test_the_name_opening_a_dotted_meta_line_of_a_dump(analyzer, meta, author):
    """(author probe) name · time · 来源 under the headline: the writer opens the line; a place
    there is no writer."""
    text = f"某某网 首页 资讯 活动\n{PROSE_HEADLINE}\n{meta}\n{ABOUT_THE_PLUNGE}{PROSE}评论区\n"
    assert _dump(analyzer, text).author == author


def test_an_occupation_under_a_posters_name_is_its_bio(analyzer):
    """(author probe) 知乎's card as text: the name, the trade the poster is in (金融从业者),
    then 发布于 …: the name, not the bio."""
    text = (
        f"知乎 首页 会员 发现\n首发于 投资笔记\n{PROSE_HEADLINE}\n守拙研究员\n金融从业者\n"
        f"发布于 2025-02-05 09:00\n{ABOUT_THE_PLUNGE}{PROSE}编辑于 2025-02-10 22:10・IP 属地上海\n"
    )
    assert _dump(analyzer, text).author == "守拙研究员"


ROC_REPORT = (
    "青松投顧 每週觀點\n發布日期：114/03/05\n標題：記憶體報價回溫 伺服器鏈仍具支撐\n\n"
    "本週記憶體合約價止跌回升，伺服器客戶的拉貨力道比預期更強。\n"
    "我們認為輝達新平台放量後，相關供應鏈的營收會在下半年逐季走高。\n"
    "投資人可留意散熱與電源族群的評價修復機會。\n\n"
)


@pytest.mark.parametrize(
    "footer, site",
    [
        ("版權所有 © 民國114年", None),
        ("青松投顧 客服專線 0800-123-456 版權所有 © 民國114年", None),
        ("Copyright © 中華民國 114 年 青松投顧 版權所有", "青松投顧"),
    ],
)
def test_a_copyright_year_in_taiwans_calendar_is_a_year_not_the_site(analyzer, footer, site):
    """© 民國114年 is the year as © 2025 is: the site was 民國114年, the footer stayed in the
    body, and the masthead over it displaced the labelled headline (Traditional-page probe)."""
    art = _dump(analyzer, ROC_REPORT + footer + "\n")
    assert (art.site, art.title) == (site, "記憶體報價回溫 伺服器鏈仍具支撐")
    assert art.body.endswith("評價修復機會。")


def test_a_social_posts_action_row_and_comments_are_no_part_of_it(analyzer):
    """A fan page's post saved as text: its counters, the action row (讚 · 留言 · 分享), the
    comments' heading, a commenter's name and words, a reply button with its time ago and the
    link to more comments stayed in the body (Traditional-page probe)."""
    text = (
        "科技股小學堂\n2025年3月4日 上午10:20 · \n\n"
        "記憶體大廠財報出爐，伺服器相關的訂單比市場預估的還要多。\n"
        "我自己還是偏多看待，回檔就是分批布局的機會。\n"
        "👍 3,405\n💬 218則留言\n↗ 96次分享\n讚 · 留言 · 分享\n最相關留言\n王大明\n"
        "我也覺得還會再漲！\n回覆 · 5小時\n查看更多留言\n"
    )
    art = _dump(analyzer, text)
    assert art.body.endswith("分批布局的機會。")
    assert "讚" not in art.body and "王大明" not in art.body and "分享" not in art.body


def test_a_posters_school_over_the_stamp_is_no_headline(analyzer):
    """A campus forum prints the poster's school over the post's stamp (國立清華大學 / date):
    the school was taken for the headline over the question above it (Traditional-page probe)."""
    text = (
        "Dcard\n股票\n記憶體股現在還能上車嗎？\n國立清華大學\n2025年3月6日 22:14\n\n"
        "最近記憶體報價一直漲，身邊同學都在討論要不要買，我自己覺得還有一段行情。\n"
    )
    art = _dump(analyzer, text)
    assert art.title == "記憶體股現在還能上車嗎？" and art.body.startswith("最近記憶體報價")
    # nor its author: every student of the school would be one commentator in the ledger
    assert art.author is None


def test_a_threads_first_floor_stamp_names_its_poster_not_the_site(analyzer):
    """#1 阿財 2025-03-06 09:12 over a thread's first post: the floor and the poster were read
    as the name of the site before the date (Traditional-page probe)."""
    text = (
        "某某討論區\n財經台\n記憶體股仲追唔追\n#1 阿財 2025-03-06 09:12\n"
        "我估記憶體今年仲有排升，伺服器嗰邊啲單多到做唔切，跌落嚟就係機會。\n"
        "[ 手機版回覆 ]\n#2 大頭蝦 2025-03-06 09:30\n唔好咁樂觀啦\n"
    )
    art = _dump(analyzer, text)
    assert art.author == "阿財" and art.site != "#1 阿財"


@pytest.mark.parametrize(
    "line",
    [
        "相关讨论：英伟达回调两成，现在还能上车吗？",
        "相关话题：算力需求见顶了吗",
        "相关帖子：GPU租金又涨了一轮",
    ],
)
def test_a_related_link_after_its_label_leaves_the_post(analyzer, line):
    """(boilerplate probe) A community's 相关讨论：… under a post stayed in the body and was read
    for its stance: the lexicon knew 相关阅读 and 相关链接 with their colon, not the other labels."""
    text = f"某某社区\n闻舟\n2025-04-08 23:51 · 来自某某社区\n\n{ABOUT_THE_PLUNGE}{PROSE}转发 12\n{line}\n"
    art = _dump(analyzer, text)
    assert art.body.endswith("放缓的迹象。"), art.body[-40:]


@pytest.mark.parametrize("heading", ["相關文章：", "相关讨论", "相关话题："])
def test_a_related_lists_heading_with_its_colon_ends_the_text(analyzer, heading):
    """(boilerplate probe) 相關文章： alone on its line, then the titles it lists: the end
    markers named 相关文章 only without its colon, and the heading and its list stayed."""
    text = (
        f"某某財經網\n{PROSE_HEADLINE}\n2025-08-04  專欄作家：陳大文\n\n{ABOUT_THE_PLUNGE}{PROSE}"
        f"{heading}\n．港股科技股回吐 恒指跌三百點\n．記憶體股炒得太熱？\n版權所有 © 某某財經網\n"
    )
    art = _dump(analyzer, text)
    assert art.body.endswith("放缓的迹象。"), art.body[-40:]
    assert "港股" not in art.body


@pytest.mark.parametrize(
    "line",
    ["本文来源：某某财经网  责任编辑：王小刚", "撰文：吴桐 审校：林舟", "本文来源：某某财经网"],
)
def test_credit_fields_sharing_a_line_under_the_story_leave_it(analyzer, line):
    """(boilerplate probe) 本文来源：… 责任编辑：… stayed in the body: the lexicon named some pairs
    of credit fields (来源 with 作者, 作者 with 责任编辑), not any two of them (撰文 with 审校),
    nor 本文来源 alone."""
    text = f"{PROSE_HEADLINE}\n2026-01-27 09:15  某某财经网  记者 韩雪\n\n{ABOUT_THE_PLUNGE}{PROSE}{line}\n"
    art = _dump(analyzer, text)
    assert art.body.endswith("放缓的迹象。"), art.body[-40:]
    assert art.author == "韩雪"


@pytest.mark.parametrize(
    "tail",
    [
        "点赞 | 收藏 | 分享到朋友圈\n",
        "分享 收藏 点赞 在看\n",
        "阅读 2.3万\n写留言\n老周 8月31日\n说得好\n",
    ],
)
def test_a_share_bar_under_the_story_leaves_it(analyzer, tail):
    """(boilerplate probe) A share bar whose last button names its target (分享到朋友圈), WeChat's
    buttons between single spaces and its comment box (写留言) stayed in the body: the rows of
    buttons took 分享 bare, 在看 not at all, and a single space only between counters."""
    text = f"{PROSE_HEADLINE}\n2026-03-02 19:08  译者：沈默\n\n{ABOUT_THE_PLUNGE}{PROSE}{tail}"
    art = _dump(analyzer, text)
    assert art.body.endswith("放缓的迹象。"), art.body[-40:]


@pytest.mark.parametrize(
    "header",
    [
        "芯片观察室\n2025-08-30 21:06 发表于浙江\n原创 闻舟 芯片观察室\n\n",
        "芯片观察室\n原创 闻舟 芯片观察室\n2025年08月30日 21:06 浙江\n",
    ],
)
def test_a_wechat_dump_opening_on_its_account_keeps_the_headline_under_the_credit(analyzer, header):
    """(boilerplate probe) A 公众号 article saved with the account's name first, then the date and
    the credit (原创 作者 公众号), then the headline: the account was taken for the headline, the
    headline stayed as the body's first line, and 发表于浙江 was filed as the category."""
    text = f"{header}{PROSE_HEADLINE}\n\n{ABOUT_THE_PLUNGE}{PROSE}阅读 2.3万\n写留言\n"
    art = _dump(analyzer, text)
    assert (art.title, art.author, art.site) == (PROSE_HEADLINE, "闻舟", "芯片观察室")
    assert art.category is None and str(art.published) == "2025-08-30"
    assert art.body.startswith("英伟达一夜蒸发近六千亿美元之后")
    assert art.body.endswith("放缓的迹象。")


def test_a_blog_posts_stamp_with_its_label_is_its_meta_line(analyzer):
    """原创 于 2025-02-18 14:32:10 发布 · 阅读量 3.2w (a CSDN post's): the stamp with its label
    was too long for a field, so the line was no meta line, the site's name was the headline and
    the date was lost (DeepSeek stance probe)."""
    text = (
        "某站博客\n首页 博客 下载 学习 社区\n用一张RTX 4090本地部署DeepSeek-R1蒸馏版：保姆级教程\n"
        "原创 于 2025-02-18 14:32:10 发布 · 阅读量 3.2w · 收藏 1.1k · 点赞数 402\n"
        "分类专栏： 大模型部署\n"
        f"{PROSE}{PROSE}"
    )
    art = _dump(analyzer, text)
    assert art.title == "用一张RTX 4090本地部署DeepSeek-R1蒸馏版：保姆级教程"
    assert art.published == date(2025, 2, 18)
    assert art.site != "原创 于" and art.body.startswith("英伟达的订单")


def test_a_topics_addendum_keeps_its_text_and_loses_its_stamp(analyzer):
    """A V2EX-style topic: the poster's addendum stays in the body, its stamp (第 1 条附言 · time)
    is a meta line, and the replies under the reply count are not the post."""
    text = (
        "某论坛 › 程序员\n"
        "我们组决定停用 DeepSeek 的官方接口\n"
        "老周 · 2025-03-11 10:42:05 +08:00 · 2318 次点击\n\n" + PROSE + "\n"
        "第 1 条附言 · 2025-03-11 11:20:33 +08:00\n"
        "补充一句：自己部署开源权重可以绕开一部分问题，但客户那边并不认可这种做法。\n\n"
        "12 条回复 • 2025-03-12 09:15:47 +08:00\n"
        "1 路人甲 2025-03-11 10:51:12\n"
        "自己部署不就行了\n"
    )
    art = _dump(analyzer, text)
    assert "补充一句：自己部署开源权重可以绕开一部分问题" in art.body
    assert "附言" not in art.body
    assert "自己部署不就行了" not in art.body


@pytest.mark.parametrize(
    "tail",
    [
        "更多游戏资讯请关注：电玩帮游戏资讯专区\n电玩帮图文攻略 www.vgover.com\n",
        "更多精彩內容請訪問科技新報\n",
        "芯片观察室 https://www.example.com.cn/\n",
    ],
)
def test_a_sites_sign_off_and_address_under_the_story_leave_it(analyzer, tail):
    """A game site's repost ended in 更多游戏资讯请关注：… and its name with its address on a line
    of their own; both stayed in the body as the story's last paragraphs."""
    text = f"{PROSE_HEADLINE}\n2026-03-02 19:08\n\n{ABOUT_THE_PLUNGE}{PROSE}{tail}"
    art = _dump(analyzer, text)
    assert art.body.endswith("放缓的迹象。"), art.body[-40:]


def test_a_sentence_that_starts_with_more_or_names_an_address_stays(analyzer):
    """Only the sign-off and the bare address go: prose that opens with 更多 or names a site's
    address inside a sentence is the story's."""
    more = "更多的人开始关注DeepSeek，官网 www.deepseek.com 的访问量一周翻了三倍。\n"
    art = _dump(analyzer, f"{PROSE_HEADLINE}\n2026-03-02 19:08\n\n{ABOUT_THE_PLUNGE}{more}{PROSE}")
    assert more.strip() in art.body
