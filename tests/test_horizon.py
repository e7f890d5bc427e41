from datetime import date

import pytest

from pipeline.horizon import find_horizons

P = date(2025, 2, 2)

CASES = [
    ("如果半年以后DeepSeek泯然众人", "半年以后", date(2025, 8, 2)),
    ("半年左右基本上就会水落石出", "半年左右", date(2025, 8, 2)),
    ("明年英伟达会涨", "明年", date(2026, 12, 31)),
    ("今年年底前见分晓", "今年年底", date(2025, 12, 31)),
    ("年内就会有结果", "年内", date(2025, 12, 31)),
    ("今年之内会有一大批公司跟进", "今年之内", date(2025, 12, 31)),
    ("明年以内会量产", "明年以内", date(2026, 12, 31)),
    ("25年底英伟达会下滑", "25年底", date(2025, 12, 31)),
    ("26年Q1营收会增长", "26年Q1", date(2026, 3, 31)),
    ("下个季度营收会下滑", "下个季度", date(2025, 6, 30)),
    ("下半年会反弹", "下半年", date(2025, 12, 31)),
    ("未来三年会增长", "未来三年", date(2028, 2, 2)),
    ("三到五年内会被替代", "三到五年内", date(2030, 2, 2)),
    ("两三年内见分晓", "两三年内", date(2028, 2, 2)),
    ("两年后再看", "两年后", date(2027, 2, 2)),
    ("十年之内不会变", "十年之内", date(2035, 2, 2)),
    ("三个月内见效", "三个月内", date(2025, 5, 2)),
    ("2026年会超过", "2026年", date(2026, 12, 31)),
    ("2025年Q3发布", "2025年Q3", date(2025, 9, 30)),
    # A quarter right after a Latin word is still one (only Q1 inside a word is not).
    ("DeepSeek三季度会发布新模型", "三季度", date(2025, 9, 30)),
    ("英伟达GPU明年Q1交付", "明年Q1", date(2026, 3, 31)),
    # A span right after a Latin name is one too (it was lost, or read as 年内: DeepSeek一年內
    # due at the year's end); a figure glued to a name is not (H20两年内, not 0两年内).
    ("DeepSeek两年后会被淘汰", "两年后", date(2027, 2, 2)),
    # thirty and twenty years, not three to ten and two to ten (两三年, 三五年 are ranges)
    ("三十年后英伟达还在", "三十年后", date(2055, 2, 2)),
    ("二十年内不会变", "二十年内", date(2045, 2, 2)),
    ("七八年后再看", "七八年后", date(2033, 2, 2)),
    ("NVIDIA三个月内会涨", "三个月内", date(2025, 5, 2)),
    ("NVDA半年以后会跌", "半年以后", date(2025, 8, 2)),
    ("DeepSeek一年內會被超過", "一年內", date(2026, 2, 2)),
    ("DS三个月后就没人提了", "三个月后", date(2025, 5, 2)),
    ("H20两年内会停产", "两年内", date(2027, 2, 2)),
    ("R1 3个月后会被超过", "3个月后", date(2025, 5, 2)),
    ("2026年下半年量产", "2026年下半年", date(2026, 12, 31)),
    ("明年下半年量产", "明年下半年", date(2026, 12, 31)),
    ("兩年後再看", "兩年後", date(2027, 2, 2)),
    ("半年内见分晓", "半年内", date(2025, 8, 2)),
    ("半年之内就会反转", "半年之内", date(2025, 8, 2)),
    ("一年内会翻倍", "一年内", date(2026, 2, 2)),
    ("一年以后再看", "一年以后", date(2026, 2, 2)),
    ("三年后会被淘汰", "三年后", date(2028, 2, 2)),
    ("五年之内必然过时", "五年之内", date(2030, 2, 2)),
    ("一年半以后见分晓", "一年半以后", date(2026, 8, 2)),  # a year and a half, not one year
    ("三年半内会被替代", "三年半内", date(2028, 8, 2)),
    ("明年3月会发布", "明年3月", date(2026, 3, 31)),  # that month, not the whole year
    ("今年六月底前会量产", "今年六月底前", date(2025, 6, 30)),
    ("6月底前会发布", "6月底前", date(2025, 6, 30)),  # the next June
    ("月底前会公布", "月底", date(2025, 2, 28)),
    ("本月底会有结果", "本月底", date(2025, 2, 28)),
    ("三年后的今天再看", "三年后", date(2028, 2, 2)),
    ("3年内会有结果", "3年内", date(2028, 2, 2)),
    ("10年后回头看", "10年后", date(2035, 2, 2)),
    ("两个月内就会降价", "两个月内", date(2025, 4, 2)),
    ("六个月后见分晓", "六个月后", date(2025, 8, 2)),
    ("18个月内会量产", "18个月内", date(2026, 8, 2)),
    ("一个季度内会涨", "一个季度内", date(2025, 5, 2)),
    ("两个季度后会反弹", "两个季度后", date(2025, 8, 2)),
    ("未来五年会持续增长", "未来五年", date(2030, 2, 2)),
    ("未来十年都是英伟达的", "未来十年", date(2035, 2, 2)),
    ("未来两年内会供不应求", "未来两年内", date(2027, 2, 2)),
    ("未来6个月会调整", "未来6个月", date(2025, 8, 2)),
    ("两到三年内会被替代", "两到三年内", date(2028, 2, 2)),
    ("三五年内会普及", "三五年内", date(2030, 2, 2)),
    ("后年会见顶", "后年", date(2027, 12, 31)),
    ("明年年底前会突破", "明年年底", date(2026, 12, 31)),
    ("明年上半年会发布", "明年上半年", date(2026, 6, 30)),
    ("今年内会出结果", "今年内", date(2025, 12, 31)),
    ("今年下半年会好转", "今年下半年", date(2025, 12, 31)),
    ("本季度营收会下滑", "本季度", date(2025, 3, 31)),
    ("下个月就会发布", "下个月", date(2025, 3, 31)),
    ("2027年底前会实现", "2027年底", date(2027, 12, 31)),
    ("2026年上半年会上市", "2026年上半年", date(2026, 6, 30)),
    ("2025年第四季度会量产", "2025年第四季度", date(2025, 12, 31)),
    ("2026年Q1会公布", "2026年Q1", date(2026, 3, 31)),
    ("到2030年会占一半", "2030年", date(2030, 12, 31)),
    # before a year: by the end of the one before it (not 2027年前后, 2027年前三季度)
    ("到2027年之前会成为全球前三", "2027年之前", date(2026, 12, 31)),
    ("2027年前会量产", "2027年前", date(2026, 12, 31)),
    ("2027年前后会量产", "2027年", date(2027, 12, 31)),
    ("年底前股价会回落", "年底前", date(2025, 12, 31)),
    # quarters by name (二季度 is Q2; two quarters take 个: 两个季度)
    ("二季度营收会回升", "二季度", date(2025, 6, 30)),
    ("今年三季度会放量", "今年三季度", date(2025, 9, 30)),
    ("明年Q1会发布", "明年Q1", date(2026, 3, 31)),
    ("2025 年 2、3 季度会见底", "2025 年 2、3 季度", date(2025, 9, 30)),
    ("下一季度会更好", "下一季度", date(2025, 6, 30)),
    ("下一个季度会更好", "下一个季度", date(2025, 6, 30)),
    ("下季度指引会上调", "下季度", date(2025, 6, 30)),
    ("下一季收入会到430亿美元", "下一季", date(2025, 6, 30)),
    # weeks, months, parts of a year
    ("下周会公布", "下周", date(2025, 2, 9)),
    ("下月会发布", "下月", date(2025, 3, 31)),
    ("下一个月会发布", "下一个月", date(2025, 3, 31)),
    ("明年年初会发布", "明年年初", date(2026, 3, 31)),
    ("2026年初会量产", "2026年初", date(2026, 3, 31)),
    ("年中会有结果", "年中", date(2025, 8, 31)),
    ("明年初会发布", "明年初", date(2026, 3, 31)),
    ("2026Q1会发布", "2026Q1", date(2026, 3, 31)),
    ("三四季度会放量", "三四季度", date(2025, 12, 31)),
    ("明年Q1和Q2会放量", "明年Q1和Q2", date(2026, 6, 30)),
    ("2026年一季度到三季度会放量", "2026年一季度到三季度", date(2026, 9, 30)),
    ("下个星期会公布", "下个星期", date(2025, 2, 9)),
    ("两季度内会见底", "两季度内", date(2025, 8, 2)),
    # Taiwanese news write a quarter without 度
    ("輝達預估第四季營收約650億美元", "第四季", date(2025, 12, 31)),
    ("GB300將於明年第二季開始出貨", "明年第二季", date(2026, 6, 30)),
    # ... after a year too, the year with it (2025年 alone was read, due at the year's end)
    ("GB200出貨將在2025年第二季放量", "2025年第二季", date(2025, 6, 30)),
    ("GB200出货将在2025年第二季放量", "2025年第二季", date(2025, 6, 30)),
    ("Rubin將在2026年第一季開始出貨", "2026年第一季", date(2026, 3, 31)),
    ("毛利率2025年第2季會回升", "2025年第2季", date(2025, 6, 30)),
    ("新機2025 年第3季量產", "2025 年第3季", date(2025, 9, 30)),
    ("25年第四季會見底", "25年第四季", date(2025, 12, 31)),
    ("2026年第二、三季會追上", "2026年第二、三季", date(2026, 9, 30)),
    ("庫存2025年第二季末會去化完畢", "2025年第二季", date(2025, 6, 30)),  # as 第二季度末
    ("2025年下半年會好轉", "2025年下半年", date(2025, 12, 31)),
    ("2025 Q3会发布", "2025 Q3", date(2025, 9, 30)),
]


@pytest.mark.parametrize(("text", "horizon", "due"), CASES)
def test_horizon_due_dates(text, horizon, due):
    [h] = find_horizons(text, P)
    assert (h.text, h.due) == (horizon, due)


@pytest.mark.parametrize(
    ("text", "horizon", "due"),
    [
        ("四月之前会送样", "四月之前", date(2025, 4, 30)),
        ("今年五月前会发布", "今年五月前", date(2025, 5, 31)),
        ("3月底前会量产", "3月底前", date(2025, 3, 31)),
        ("2026年Q3之前出货量会翻倍", "2026年Q3之前", date(2026, 9, 30)),
        ("明年二季度以前会上市", "明年二季度以前", date(2026, 6, 30)),
        ("第三季前會出貨", "第三季前", date(2025, 9, 30)),
        ("今年Q2前会公布", "今年Q2前", date(2025, 6, 30)),
    ],
)
def test_a_month_or_a_quarter_before_which_a_claim_comes_true_opens_at_the_publish_date(
    text, horizon, due
):
    """之前 after a month or a quarter: by then. The claim can come true from the page's day
    on; read as the period alone it could only come true inside it."""
    [h] = find_horizons(text, P)
    assert (h.text, h.earliest, h.due) == (horizon, P, due)


@pytest.mark.parametrize("text", ["Q3前三个月的出货", "三季度前后会放量"])
def test_what_follows_a_quarter_is_no_before(text):
    [h] = find_horizons(text, P)
    assert not h.text.endswith("前") and h.earliest > P


@pytest.mark.parametrize(
    ("text", "published", "horizon", "due"),
    [
        ("如果明年这个时候英伟达市值还没跌回两万亿，我就认错", P, "明年这个时候", date(2026, 2, 2)),
        ("到明年的这个时候，DeepSeek的用户会少一半", P, "明年的这个时候", date(2026, 2, 2)),
        ("明年此时股价会翻倍", date(2024, 2, 29), "明年此时", date(2025, 2, 28)),
        ("後年的今天再來看", P, "後年的今天", date(2027, 2, 2)),
    ],
)
def test_this_time_next_year_is_the_publish_day_a_year_on(text, published, horizon, due):
    """明年这个时候 is one day, as 一年后 is: read as 明年 it was due on 31 December."""
    [h] = find_horizons(text, published)
    assert (h.text, h.earliest, h.due) == (horizon, due, due)


def test_the_same_period_next_year_stays_next_year():
    [h] = find_horizons("明年同期的营收会翻倍", P, of_nouns=True)
    assert h.text == "明年"


def test_before_a_year_opens_at_the_publish_date_and_a_year_begun_is_history():
    [h] = find_horizons("DeepSeek在2027年之前会成为全球前三", P)
    assert (h.earliest, h.due) == (P, date(2026, 12, 31))
    # in a 2025 page, 2025年之前 is gone by (it was read as the whole of 2025)
    assert find_horizons("2025年之前，DeepSeek还默默无闻", P) == []


@pytest.mark.parametrize(
    "text", ["长期来看会涨", "未来几年会很好", "短期承压", "数月内会见分晓", "几个月内会降价"]
)
def test_vague_horizons_get_no_date(text):
    [h] = find_horizons(text, P)
    assert h.due is None


@pytest.mark.parametrize(
    ("text", "horizon"),
    [
        ("未来DeepSeek会需要更多英伟达芯片", "未来"),
        ("這股熱潮可能很快就會過去", "很快"),
        ("英伟达迟早会被国产芯片替代", "迟早"),
        ("开源模型最终会像数据库一样", "最终"),
        ("長遠來看有利於人工智慧的普及", "長遠來看"),
        ("远期：国产替代必然走独立路线", "远期"),
        ("总有一天会轮到DeepSeek", "总有一天"),
        ("我认为英伟达接下来会继续上涨", "接下来"),
        ("中国区收入的占比今后会停留在个位数", "今后"),
        # a company's fiscal calendar, with no year named: the text, no date
        ("英伟达预计第三财季营收为540亿美元", "第三财季"),
        ("该分析师预计英伟达下一财年数据中心收入仍有望增长", "下一财年"),
        ("本财年资本开支将不低于1300亿元", "本财年"),
    ],
)
def test_times_without_measure_are_horizons_as_written_with_no_date(text, horizon):
    """A reader checks what the author said (未来, 很快) and sees no date the author never gave."""
    [h] = find_horizons(text, P)
    assert (h.text, h.earliest, h.due) == (horizon, None, None)


@pytest.mark.parametrize(
    ("text", "published", "horizon", "window"),
    [
        ("英伟达将于2月26日公布四季度财报", P, "2月26日", (date(2025, 2, 26), date(2025, 2, 26))),
        ("新价格将于9月6日起生效", P, "9月6日起", (date(2025, 9, 6), date(2025, 9, 6))),
        ("GTC大会3月16号开", P, "3月16号", (date(2025, 3, 16), date(2025, 3, 16))),
        ("3月15日之前会发布", P, "3月15日之前", (P, date(2025, 3, 15))),
        ("英伟达将于2026年2月25日发布财报", P, "2026年2月25日", (date(2026, 2, 25),) * 2),
        ("英伟达将于2026年2月25日发布财报", None, "2026年2月25日", (date(2026, 2, 25),) * 2),
        # a December page: what is set for January falls in the next year
        ("微软将于1月29日发布季度财报", date(2025, 12, 20), "1月29日", (date(2026, 1, 29),) * 2),
        # no publish date, no year: the day as written, no date made up
        ("英伟达将于2月26日公布财报", None, "2月26日", (None, None)),
        # a day something is to be by (a bet's 到12月31日收盘), not the end of a period
        ("到12月31日收盘市值还在四万亿以上", P, "12月31日", (date(2025, 12, 31),) * 2),
    ],
)
def test_a_day_is_the_due_date_of_what_is_set_for_it(text, published, horizon, window):
    [h] = find_horizons(text, published)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize("text", ["截止到3月26日的季度，营收增长三成", "截至到3月26日，库存还在"])
def test_the_end_of_a_period_is_no_day_anything_is_due(text):
    assert find_horizons(text, P) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("1月27日，DeepSeek登顶美区应用榜", date(2025, 1, 27)),  # the page's own day
        ("1月27日美股开盘英伟达大跌", date(2025, 12, 20)),  # a day gone by, recalled
        ("截至1月26日的季度营收", date(2024, 12, 1)),  # the end of a reporting period
        ("2月30日", P),
    ],
)
def test_a_day_gone_by_or_no_day_at_all_is_no_horizon(text, published):
    assert find_horizons(text, published) == []


@pytest.mark.parametrize(
    "text",
    [
        "最终用户会选择国产卡",
        "这笔费用最终的数额",
        "估值是将来式",
        "他出席“AI未来峰会”时表示",
        "未來論壇上",
    ],
)
def test_the_final_user_the_future_tense_and_an_events_name_are_no_times(text):
    assert find_horizons(text, P) == []


@pytest.mark.parametrize(
    "text",
    [
        "明年的“期货”都分完了",
        "明年的订单都排满了",
        "3月发布的模型",
        "2023年的旧闻",
        "Q3财报显示数据中心收入大增",
        "在第四季度财报电话会议上称赞",
        "原文见mp.weixin.qq.com/s?__biz=MzkwMzQ1MzczOQ==&mid=2247",  # the Q1 of a URL
        "型号sQ2已停产",
        "Q2A型号已停产",
        "春夏秋冬四季都有需求",
        "第二季財報顯示數據中心收入大增",
        "GPT4个月前就发布了",  # a model's number, not four months
        # a bare three-digit year only with a part of it: these are ages and spans
        "公司成立115年",
        "这家老店已有120年历史",
    ],
)
def test_not_a_horizon(text):
    assert find_horizons(text, P) == []


def test_no_publish_date_means_no_due_date_for_relative_horizons():
    [h] = find_horizons("半年以后见分晓", None)
    assert h.due is None
    [h] = find_horizons("2026年见分晓", None)
    assert h.due == date(2026, 12, 31)


@pytest.mark.parametrize(
    "text",
    ["2025年1月27日英伟达股价暴跌", "2024年英伟达营收增长", "2025年2月发布", "上一季度营收下滑"],
)
def test_dates_and_past_years_are_not_horizons(text):
    assert [h.due for h in find_horizons(text, P)] == []


@pytest.mark.parametrize("text", ["一万年以后也不会变", "10000年后", "三百年后", "5000个月内"])
def test_absurd_spans_get_no_date(text):
    assert [h.due for h in find_horizons(text, P) if h.due] == []


@pytest.mark.parametrize(
    "text",
    [
        "一百五十年后，同样的故事换了一身衣服",  # was 五十年后, due 2075
        "树龄约一千二百年的银杏",  # was 二百年
        "一本一九八三年版的菜谱",  # was 九八三年, a span of 983 years
        "办理101年度健康检查",  # a year of Taiwan's calendar, no span
        "这是一家百年老店",
    ],
)
def test_hundreds_of_years_are_no_horizon_and_no_shorter_span_is_read_out_of_them(text):
    for published in (P, None):
        assert find_horizons(text, published) == []


@pytest.mark.parametrize(
    ("text", "horizon", "window"),
    [
        ("英伟达30天内必涨", "30天内", (P, date(2025, 3, 4))),
        ("九十天内会见分晓", "九十天内", (P, date(2025, 5, 3))),
        ("未来90天会跌", "未来90天", (P, date(2025, 5, 3))),
        ("接下来三天会公布", "接下来三天", (P, date(2025, 2, 5))),
        ("三天后发布", "三天后", (date(2025, 2, 5), date(2025, 2, 5))),
        ("再过三天就知道了", "再过三天", (date(2025, 2, 5), date(2025, 2, 5))),
        ("兩百天後見分曉", "兩百天後", (date(2025, 8, 21), date(2025, 8, 21))),
        ("十五到二十天内会到货", "十五到二十天内", (P, date(2025, 2, 22))),
        ("须在30日内完成", "30日内", (P, date(2025, 3, 4))),
        ("H20三天内到货", "三天内", (P, date(2025, 2, 5))),  # not 0三天
    ],
)
def test_days_ahead(text, horizon, window):
    [h] = find_horizons(text, P)
    assert (h.text, (h.earliest, h.due), h.kind) == (horizon, window, "days")


APRIL = date(2025, 4, 22)


@pytest.mark.parametrize(
    ("text", "horizon", "window"),
    [
        # Taiwan's calendar: 民國115年 is 2026 (115年 was a span of years dropped, then 年底前 read
        # as the end of this year)
        ("總部預計民國115年底前完工", "民國115年底", (APRIL, date(2026, 12, 31))),  # by then
        # full-width digits, common on Hong Kong and Taiwan pages: no horizon, or 年底前 of this year
        ("市值２０２６年底前必然突破五兆", "２０２６年底", (APRIL, date(2026, 12, 31))),
        ("股價３個月內會收復失地", "３個月內", (APRIL, date(2025, 7, 22))),
        # 首季: the first quarter, not the whole year
        ("輝達明年首季營收將創新高", "明年首季", (date(2026, 1, 1), date(2026, 3, 31))),
        ("2026年首季會量產", "2026年首季", (date(2026, 1, 1), date(2026, 3, 31))),
        # a quarter of a 民國 year: that year's (民國114年 alone was read, due at its end)
        ("出貨在民國114年第二季放量", "民國114年第二季", (date(2025, 4, 1), date(2025, 6, 30))),
        ("民國115年第一季度開始量產", "民國115年第一季度", (date(2026, 1, 1), date(2026, 3, 31))),
        ("民国114年Q3会放量", "民国114年Q3", (date(2025, 7, 1), date(2025, 9, 30))),
        # …and with 民國 left out, as Taiwanese pages write it (114年第二季 was this year's)
        ("出貨在114年第二季放量", "114年第二季", (date(2025, 4, 1), date(2025, 6, 30))),
        ("預計115年Q1開始量產", "115年Q1", (date(2026, 1, 1), date(2026, 3, 31))),
        ("總部預計115年底前完工", "115年底", (APRIL, date(2026, 12, 31))),
        ("115年上半年將推出新平台", "115年上半年", (date(2026, 1, 1), date(2026, 6, 30))),
        # H1, H2: halves of a year
        ("股價在2026年H1就會突破250美元", "2026年H1", (date(2026, 1, 1), date(2026, 6, 30))),
        ("明年H2開始貢獻營收", "明年H2", (date(2026, 7, 1), date(2026, 12, 31))),
        # 明年中: mid next year, as 明年年中
        ("黃仁勳預計明年中再度來台", "明年中", (date(2026, 5, 1), date(2026, 8, 31))),
        # quarters written 季: a span of them after 未來 or before 內/後
        ("輝達毛利率兩季內會回升", "兩季內", (APRIL, date(2025, 10, 22))),
        ("未來兩季營收將放緩", "未來兩季", (APRIL, date(2025, 10, 22))),
        ("再過三季就見分曉", "再過三季", (date(2026, 1, 22), date(2026, 1, 22))),
        ("兩個季後股價會反彈", "兩個季後", (date(2025, 10, 22), date(2025, 10, 22))),
        ("三到四季內會轉虧為盈", "三到四季內", (APRIL, date(2026, 4, 22))),
    ],
)
def test_taiwan_and_hong_kong_ways_of_writing_a_time(text, horizon, window):
    [h] = find_horizons(text, APRIL)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize(
    ("text", "horizon"),
    [
        ("明年中国市场会更大", "明年"),  # 中 of 中国, not mid-year
        ("今年中报会好看", "今年"),
        ("影集首季口碑不錯", None),  # a show's first season
        ("V4年底前会发布", "年底前"),  # a model's number before 年底 is no year
        ("第115年底", None),  # an ordinal, not Taiwan's calendar (115年底 is: see above)
        ("一年四季都有新品", "一年"),  # the seasons, not quarters
        ("台北四季如春", None),
        ("前兩季表現不佳", None),  # gone by
        ("兩季前的高點", None),
        ("每季都會成長", None),
    ],
)
def test_what_only_looks_like_those_ways(text, horizon):
    assert [h.text for h in find_horizons(text, APRIL)] == ([] if horizon is None else [horizon])


@pytest.mark.parametrize(
    "text",
    [
        "研究了三天",  # a length of time, no 后 or 内
        "总有一天",
        "等了半天",
        "三天两头出问题",
        "三天前发布",
        "过去30天内涨了一倍",  # gone by
        "最近三天内涨了",
        "每30天结算一次",
        "前三天内就卖完了",
        "第30天后开始收费",
        "将在3月30日后公布",  # a date, not thirty days
        "日内瓦会议",
        "12月10天内",
    ],
)
def test_words_that_only_look_like_days_ahead(text):
    assert [h for h in find_horizons(text, P) if h.kind == "days"] == []


def test_days_without_a_number_or_a_publish_date_get_no_date():
    [h] = find_horizons("几天后就会公布", P)
    assert (h.text, h.due) == ("几天后", None)
    [h] = find_horizons("30天内必涨", None)
    assert (h.text, h.due) == ("30天内", None)


def test_a_quarter_named_alone_is_this_years():
    """三季度 in a November report is the quarter just reported, not next year's: its window is
    over, so the clause cannot be a prediction by its horizon."""
    [h] = find_horizons("三季度营收增长了两成", date(2025, 11, 20))
    assert (h.earliest, h.due) == (date(2025, 7, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    ("text", "horizon", "earliest", "due"),
    [
        ("二季度营收会回升", "二季度", date(2025, 4, 1), date(2025, 6, 30)),
        ("2025 年 2、3 季度会见底", "2025 年 2、3 季度", date(2025, 4, 1), date(2025, 9, 30)),
        ("明年年初会发布", "明年年初", date(2026, 1, 1), date(2026, 3, 31)),
        ("下周会公布", "下周", date(2025, 2, 3), date(2025, 2, 9)),
        ("明年3月会发布", "明年3月", date(2026, 3, 1), date(2026, 3, 31)),
        ("本月底会有结果", "本月底", P, date(2025, 2, 28)),
        ("一年半内会翻倍", "一年半内", P, date(2026, 8, 2)),
        # a fiscal year is the company's own calendar: kept as written, with no date
        ("2026财年第一季度营收会增长", "2026财年第一季度", None, None),
        ("FY2026 Q1会增长", "FY2026 Q1", None, None),
        # its half too (prediction probe: 下半年 read out of it was this calendar year's)
        ("增速会在2026财年下半年放缓", "2026财年下半年", None, None),
        # its quarter written 季 (Taiwan) stays the company's too
        ("2026財年第四季營收會增長", "2026財年第四季", None, None),
        # a past year's quarter is that year's, gone by (第二季 was read as this year's)
        ("2023年第二季營收大增", "2023年第二季", date(2023, 4, 1), date(2023, 6, 30)),
        # this year and next, next year and the one after (translated-page probe)
        ("今明两年数据中心收入会继续高增长", "今明两年", P, date(2026, 12, 31)),
        ("明后两年会放量", "明后两年", date(2026, 1, 1), date(2027, 12, 31)),
        # by mid-year, not around it (prediction probe)
        ("年中之前会突破4万亿美元", "年中之前", P, date(2025, 6, 30)),
        # a month gone by, or the running one, dates what happened as often as what will
        ("今年1月英伟达大跌", None, None, None),
        ("2月底发布了新模型", None, None, None),
        ("2024财年营收达到609亿美元", None, None, None),
        ("去年四季度的水平", None, None, None),
    ],
)
def test_windows_of_named_periods(text, horizon, earliest, due):
    found = [(h.text, h.earliest, h.due) for h in find_horizons(text, P)]
    assert found == ([] if horizon is None else [(horizon, earliest, due)])


@pytest.mark.parametrize(
    ("text", "horizon"),
    [
        ("明年中国市场会增长", "明年"),  # 中国, not 明年中
        ("今年中报会好看", "今年"),
        ("今年初步估计会增长", "今年"),
        ("2025年Q3财报显示收入大增", None),  # the report, and no 2025年 read out of it
        ("2025年第二季財報顯示收入大增", None),
        ("前三季度营收增长", None),
        ("每一季度都在增长", None),
        ("下下周再看", None),
        ("两年前英伟达的市值还不到一万亿", None),  # a time ago
        ("仅比 3 到 6 个月前发布的模型略低", None),
        ("半年以前没人看好它", None),
        ("过去三年英伟达涨了十倍", None),  # a time gone by
        ("近二十年来英伟达一直在打磨CUDA", None),  # the twenty years gone by
        ("这是我持有英伟达三年来第一次大幅减仓", None),
        ("这所小学建于上世纪五十年代", None),  # the fifties
        ("从未来两年来看会涨", "未来两年"),  # 来看 is no "gone by"
        ("欢迎一年后来挖坟", "一年后"),
        ("通常需要一到两个季度来解决", "一到两个季度"),
        ("在过去的两年里", None),
        ("最近几个月股价一直在跌", None),
        ("前两年的涨幅太大", None),
        ("大约每隔12个月左右就会出现一个现象级应用", None),  # a period, not a due date
        ("每三个月发布一次新模型", None),
        ("恒生科技指数在短短几个月内飙升超过四成", None),  # how long it took
        ("用短短两年时间完成了追赶", None),
        ("DeepSeek仅用了两个月就训练出新模型", None),
        ("这个项目历时五年才落地", None),
        ("未来半年前景看好", "未来半年"),  # 前景 is no "ago"
        ("半年前后见分晓", "半年"),
        # 过 opening the clause counts from now; inside a word (超过, 经过, 不过) it is no part of it
        ("过两个月就没人提了", "过两个月"),
        ("再过一年再看", "再过一年"),
        ("热度持续了超过两个月", "两个月"),
        ("经过三年，它追上了", "三年"),
        ("不过两周就退了", "两周"),
    ],
)
def test_words_that_only_look_like_periods(text, horizon):
    assert [h.text for h in find_horizons(text, P)] == ([] if horizon is None else [horizon])


def test_last_years_quarter_is_history():
    [h] = find_horizons("毛利率会回到去年Q4水平", date(2025, 3, 1))
    assert h.due == date(2024, 12, 31)


def test_a_past_years_parts_are_history_too():
    """2025年底 in a 2026 page is history: 年底 is not read out of it as this year's end."""
    later = date(2026, 3, 1)
    for text in ("英伟达在2025年底前会下滑", "2025年上半年英伟达的毛利率会下滑", "2025年内会下滑"):
        assert find_horizons(text, later) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "更可能重演2000年网络泡沫的悲剧",
        "可能迎来类似2022年DeepSeek事件那样的震荡",
        "2008年金融危机时",
    ],
)
def test_a_year_that_names_history_is_no_horizon_on_an_undated_page(text):
    """With no publish date nothing says 2000年 is over; the event it names does."""
    assert find_horizons(text, None) == []


def test_a_year_before_an_event_word_can_still_be_a_horizon():
    [h] = find_horizons("2026年泡沫会破裂", None)
    assert h.due == date(2026, 12, 31)


def test_two_digit_years_only_with_a_part_of_the_year():
    """25年底 is 2025's end; 20年后 and 10年内 stay spans of years, 过去25年底层 holds no year end."""
    assert [h.text for h in find_horizons("20年后英伟达还在", P)] == ["20年后"]
    assert [h.text for h in find_horizons("10年内会被替代", P)] == ["10年内"]
    assert all(h.text != "25年底" for h in find_horizons("过去25年底层逻辑没变", P))


@pytest.mark.parametrize(
    ("text", "published", "horizon", "window"),
    [
        ("DeepSeek计划在 2 月中旬发布V4", P, "2 月中旬", (date(2025, 2, 11), date(2025, 2, 20))),
        ("明年3月初会量产", P, "明年3月初", (date(2026, 3, 1), date(2026, 3, 10))),
        ("2026年2月下旬会发布", P, "2026年2月下旬", (date(2026, 2, 21), date(2026, 2, 28))),
        ("下个月下旬会公布", P, "下个月下旬", (date(2025, 3, 21), date(2025, 3, 31))),
        ("下月初会上线", P, "下月初", (date(2025, 3, 1), date(2025, 3, 10))),
        ("本月下旬会上线", P, "本月下旬", (date(2025, 2, 21), date(2025, 2, 28))),
        # the running month's part still ahead of the page (its 月底 would date the past as often)
        ("2月下旬会发布", P, "2月下旬", (date(2025, 2, 21), date(2025, 2, 28))),
        # before it: by then, so from the page's day on
        ("4月上旬之前会发布", P, "4月上旬之前", (P, date(2025, 4, 10))),
    ],
)
def test_parts_of_a_month_are_ten_days_of_it(text, published, horizon, window):
    [h] = find_horizons(text, published)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize(
    "text",
    ["2月上旬发布了新模型", "1月下旬英伟达大跌", "3月初步统计显示营收增长", "3月中国区营收"],
)
def test_a_part_of_a_month_gone_by_or_a_word_after_a_month_is_no_horizon(text):
    assert find_horizons(text, P) == []


DECEMBER = date(2025, 12, 20)


@pytest.mark.parametrize(
    ("text", "published", "horizon", "window"),
    [
        # 春节 2025 fell on 29 January, 2026 on 17 February (a lunar date: borax's calendar)
        ("V4会在春节前发布", date(2026, 1, 5), "春节前", (date(2026, 1, 5), date(2026, 2, 16))),
        ("V4可能在春节前后发布", DECEMBER, "春节前后", (date(2026, 2, 10), date(2026, 2, 24))),
        (
            "DeepSeek 计划在农历新年前后发布 V4",
            DECEMBER,
            "农历新年前后",
            (date(2026, 2, 10), date(2026, 2, 24)),
        ),
        ("新模型会在春节期间上线", DECEMBER, "春节期间", (date(2026, 2, 17), date(2026, 2, 23))),
        ("DeepSeek会在春节发布新模型", DECEMBER, "春节", (date(2026, 2, 10), date(2026, 2, 24))),
        (
            "今年春节后会有新模型",
            date(2025, 1, 10),
            "今年春节后",
            (date(2025, 1, 29), date(2025, 2, 27)),
        ),
        ("明年春节前会发布", P, "明年春节前", (P, date(2026, 2, 16))),
        ("新模型會在春節前後發布", DECEMBER, "春節前後", (date(2026, 2, 10), date(2026, 2, 24))),
        ("中秋节前会公布", P, "中秋节前", (P, date(2025, 10, 5))),
        ("国庆节后会降价", P, "国庆节后", (date(2025, 10, 1), date(2025, 10, 30))),
        ("五一前会发布", P, "五一前", (P, date(2025, 4, 30))),
        # next year's, near and with a word of what is to come before it, or after it
        ("会在元旦前交付", DECEMBER, "元旦前", (DECEMBER, date(2025, 12, 31))),
        ("V4農曆年前就會推出", DECEMBER, "農曆年前", (DECEMBER, date(2026, 2, 16))),
        ("新模型春节后有望上线", DECEMBER, "春节后", (date(2026, 2, 17), date(2026, 3, 18))),
    ],
)
def test_holidays_are_windows_around_their_day(text, published, horizon, window):
    [h] = find_horizons(text, published)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("今年春节档的票房会创新高", P),  # the season's name, not a time
        ("春节效应会减弱", P),
        ("今年春节前发布了R1", date(2025, 3, 1)),  # this year's, gone by
        ("春节后，厂商推出了一体机", date(2025, 3, 1)),  # its day has come: history
        # a year-end review tells of the last one; the next is no forecast without a cue before
        ("春节期间，DeepSeek的App冲上了第一", DECEMBER),
        ("V4会在春节前发布", P),  # the next is a year away
        ("春节后会议室很冷清", DECEMBER),  # 会 of 会议 is no word of what is to come
        ("春节前发布了R1", DECEMBER),
        ("十五一个月", P),
    ],
)
def test_a_holiday_named_as_a_season_or_gone_by_is_no_horizon(text, published):
    assert [h for h in find_horizons(text, published) if h.kind == "holiday"] == []
    assert [h.text for h in find_horizons(text, published) if "春" in h.text] == []


def test_no_publish_date_no_holiday_date():
    [h] = find_horizons("春节前会发布", None)
    assert (h.text, h.due) == ("春节前", None)


SATURDAY = date(2026, 1, 10)


@pytest.mark.parametrize(
    ("text", "horizon", "window"),
    [
        ("V4两周内会发布", "两周内", (SATURDAY, date(2026, 1, 24))),
        ("三个星期后会公布", "三个星期后", (date(2026, 1, 31), date(2026, 1, 31))),
        ("未来两周会发布", "未来两周", (SATURDAY, date(2026, 1, 24))),
        ("两个礼拜内会上线", "两个礼拜内", (SATURDAY, date(2026, 1, 24))),
        ("本周内会公布", "本周内", (SATURDAY, date(2026, 1, 11))),
        ("这周日会公布", "这周日", (date(2026, 1, 11), date(2026, 1, 11))),
        ("下周三会发布", "下周三", (date(2026, 1, 14), date(2026, 1, 14))),
        ("下个星期一会公布", "下个星期一", (date(2026, 1, 12), date(2026, 1, 12))),
        ("月内会发布", "月内", (SATURDAY, date(2026, 1, 31))),
        # a run of days is due on its last
        ("GTC将于3月16日至19日举行", "3月16日至19日", (date(2026, 3, 16), date(2026, 3, 19))),
        ("将于3月16-19日举行", "3月16-19日", (date(2026, 3, 16), date(2026, 3, 19))),
        ("展会将于3月30日至4月2日举行", "3月30日至4月2日", (date(2026, 3, 30), date(2026, 4, 2))),
    ],
)
def test_weeks_and_runs_of_days(text, horizon, window):
    [h] = find_horizons(text, SATURDAY)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize(
    ("text", "horizon"),
    [
        ("几周内会发布", "几周内"),  # no number: no date made up
        ("未来几周会发布", "未来几周"),
    ],
)
def test_weeks_without_a_number_get_no_date(text, horizon):
    [h] = find_horizons(text, SATURDAY)
    assert (h.text, h.due) == (horizon, None)


@pytest.mark.parametrize(
    "text",
    [
        "英伟达成立三十周年",  # an anniversary, not thirty weeks
        "这一周期的库存调整",
        "第三周的销量最好",  # the third week, not three
        "第二年英伟达股价涨了两倍",
        "本周五会公布",  # the day of this week is over on a Saturday
        "3月5日至今股价翻倍",  # since that day
        "上周三英伟达大跌",
    ],
)
def test_words_that_only_look_like_weeks_or_days(text):
    assert [h.text for h in find_horizons(text, SATURDAY) if h.due] == []


SEPTEMBER = date(2025, 9, 10)


@pytest.mark.parametrize(
    ("text", "horizon", "window"),
    [
        # a bare month where something is set for it: the next such month
        ("英伟达还将于10月在华盛顿举办GTC大会", "10月", (date(2025, 10, 1), date(2025, 10, 31))),
        ("新芯片计划在3月份发布", "3月份", (date(2026, 3, 1), date(2026, 3, 31))),
        ("下一份财报预计在11月中下旬发布", "11月中下旬", (date(2025, 11, 11), date(2025, 11, 30))),
        ("英伟达明天肯定涨", "明天", (date(2025, 9, 11), date(2025, 9, 11))),
        ("我預估這季資料中心營收會再創新高", "這季", (SEPTEMBER, date(2025, 9, 30))),
        ("这一季度出货会更多", "这一季度", (SEPTEMBER, date(2025, 9, 30))),
    ],
)
def test_months_set_for_what_is_to_come_and_tomorrows_move(text, horizon, window):
    [h] = find_horizons(text, SEPTEMBER)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


@pytest.mark.parametrize(
    "text",
    [
        "10月发布的模型比预期更强",  # a bare month dates what happened as often
        "去年全年营收增长了一倍",
        "这就是英伟达的明天",
        "明天就会被竞争对手拿走",  # a figure of speech
        "看我文章的朋友应该还记得 1 月份的时候写过",
        "预计股价将从当前水平(截至 2 月 5 日)下跌 37%",  # the end of a period, spaced
        "这季节的需求最弱",
    ],
)
def test_months_years_and_days_that_are_no_horizon(text):
    assert [h.text for h in find_horizons(text, SEPTEMBER) if h.due] == []


@pytest.mark.parametrize(
    ("text", "horizon", "window"),
    [
        # 数 of 用户数 is the noun's, not "several": the span was read as 数三个季度, undated
        ("DeepSeek的用户数三个季度内会翻一番", "三个季度内", (SEPTEMBER, date(2026, 6, 10))),
        ("这个数字数年内都不会变", "数年内", (None, None)),
        # by then: from the page's day on
        ("到2027年底，英伟达的市值会突破六万亿美元", "2027年底", (SEPTEMBER, date(2027, 12, 31))),
        ("英伟达的市值2027年底前会突破六万亿美元", "2027年底", (SEPTEMBER, date(2027, 12, 31))),
        (
            "2027年底英伟达的市值会突破六万亿美元",
            "2027年底",
            (date(2027, 1, 1), date(2027, 12, 31)),
        ),
        # the coming 春节, five months ahead, with a word of what is to come after it
        (
            "这一轮AI行情在春节前后会迎来一次大调整",
            "春节前后",
            (date(2026, 2, 10), date(2026, 2, 24)),
        ),
    ],
)
def test_a_nouns_count_word_by_then_and_a_holiday_months_ahead(text, horizon, window):
    [h] = find_horizons(text, SEPTEMBER)
    assert (h.text, (h.earliest, h.due)) == (horizon, window)


def test_a_holiday_months_ahead_without_a_word_of_what_is_to_come_is_no_horizon():
    assert find_horizons("春节前后行情一向清淡", SEPTEMBER) == []


@pytest.mark.parametrize(
    ("text", "horizon", "earliest", "due"),
    [
        # 三两 is two or three, as 两三 (cn2an read it as 32: due in 2057)
        ("三两年内DeepSeek会被国产模型超越", "三两年内", P, date(2028, 2, 2)),
        ("三两天内DeepSeek会恢复服务", "三两天内", P, date(2025, 2, 5)),
        # a decimal number of years (its fraction read alone: 5年后, due 2030)
        ("1.5年后英伟达的股价会翻倍", "1.5年后", date(2026, 8, 2), date(2026, 8, 2)),
        ("2.5年内DeepSeek会实现盈利", "2.5年内", P, date(2027, 8, 2)),
        # half a month is 15 days (rounded to months it was the page's day; 半月内 read as
        # this month's end)
        ("半个月内英伟达会公布对华新品", "半个月内", P, date(2025, 2, 17)),
        ("半个月后DeepSeek会修复这个漏洞", "半个月后", date(2025, 2, 17), date(2025, 2, 17)),
        ("半月内英伟达会发布新驱动", "半月内", P, date(2025, 2, 17)),
        ("两个半月内DeepSeek会上线新版本", "两个半月内", P, date(2025, 4, 17)),
        ("两月后英伟达会公布财报", "两月后", date(2025, 4, 2), date(2025, 4, 2)),
        # a year written in numerals (二六年 was read as a span of two to six years)
        ("二〇二六年英伟达的营收会再翻一倍", "二〇二六年", date(2026, 1, 1), date(2026, 12, 31)),
        ("二零二六年DeepSeek会发布R3", "二零二六年", date(2026, 1, 1), date(2026, 12, 31)),
        # a year's middle and halves after its last two digits (26年 read as 26 years on)
        ("26年年中英伟达会开始交付Rubin", "26年年中", date(2026, 5, 1), date(2026, 8, 31)),
        ("26年H2英伟达的毛利率会回升", "26年H2", date(2026, 7, 1), date(2026, 12, 31)),
        # before next year begins, as 2026年之前 is
        ("明年之前DeepSeek会发布R2", "明年", P, date(2025, 12, 31)),
        ("后年之前英伟达会推出Feynman", "后年", P, date(2026, 12, 31)),
        # within the years to come, as 未来三年 is (it was their last day alone)
        ("今后三年英伟达会稳坐龙头", "今后三年", P, date(2028, 2, 2)),
        ("接下来两个月DeepSeek会发布新模型", "接下来两个月", P, date(2025, 4, 2)),
        # next year or the one after, as 明后两年
        ("明后年英伟达的增速会放缓", "明后年", date(2026, 1, 1), date(2027, 12, 31)),
        # a range of two units is one window (the first alone was the claim's due date)
        ("三个月到半年内英伟达会完成调整", "三个月到半年内", P, date(2025, 8, 2)),
        ("三个月到半年后DeepSeek会被追上", "三个月到半年后", date(2025, 5, 2), date(2025, 8, 2)),
        ("两周到一个月内DeepSeek会修复", "两周到一个月内", P, date(2025, 3, 2)),
    ],
)
def test_probe_of_2026_12_08_windows(text, horizon, earliest, due):
    found = [(h.text, h.earliest, h.due) for h in find_horizons(text, P)]
    assert found == [(horizon, earliest, due)]


@pytest.mark.parametrize(
    "text",
    [
        # a bond's tenor, a school year, a half-year report: no time ahead
        "5年期国债收益率会继续下行，利好英伟达",
        "30年期国债的收益率会走高",
        "一年级的小学生都会用DeepSeek",
        "读三年级的孩子会用它写作业",
        "英伟达的半年报会显示毛利率下滑",
        "英伟达的半年度业绩会超预期",
        # the time gone by up to now
        "今年以来英伟达股价涨了三成",
        "2025年以来DeepSeek的用户翻了五倍",
        "2025年至今英伟达已经涨了四成",
        "三季度以来英伟达的股价横盘",
        # before this year: history
        "今年之前DeepSeek还默默无闻",
        # a decade, a year written in words whose end is no span, a bare two-digit year
        "2030年代英伟达的垄断地位会被打破",
        "两千零二十六年英伟达会推出Feynman",
        "如果说这二十七年教会了我们什么",
        "26年英伟达会推出Rubin Ultra",
        # a model's number, not a span
        "GPT-4.5年初发布",
    ],
)
def test_probe_of_2026_12_08_not_horizons(text):
    assert [h.text for h in find_horizons(text, P)] == []


def test_a_span_after_a_span_of_weeks_is_read_as_itself():
    """The rule's kind was renamed to weeks for the matches after a week's span: 三个月内 after
    两周后 in one sentence was resolved as weeks and lost."""
    found = [(h.text, h.due) for h in find_horizons("两周后英伟达会涨，三个月内会创新高", P)]
    assert found == [("两周后", date(2025, 2, 16)), ("三个月内", date(2025, 5, 2))]


def test_a_tenors_span_does_not_date_the_claim_before_its_time():
    found = [h.text for h in find_horizons("10年期美债收益率年底会升到5%", P)]
    assert found == ["年底"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("V3比同类模型晚了大概七八个月到一年", ["七八个月", "一年"]),
        ("合同期一年到三年不等", ["一年", "三年"]),
    ],
)
def test_a_range_of_lengths_with_no_word_of_when_is_not_joined_into_a_window(text, spans):
    """Bare spans stay lengths (forecast_patterns.DURATION: they make no forecast); joined into
    one range they read as a time ahead and made these a claim."""
    assert [h.text for h in find_horizons(text, P)] == spans


@pytest.mark.parametrize(
    ("text", "horizon", "earliest", "due"),
    [
        # review: 前景 and 前期 after a year are no "before" (明年前景 was due this year's end)
        ("英伟达明年前景乐观，股价会涨到200美元", "明年", date(2026, 1, 1), date(2026, 12, 31)),
        ("今年前景看好", "今年", P, date(2025, 12, 31)),
        ("2027年前景看好", "2027年", date(2027, 1, 1), date(2027, 12, 31)),
    ],
)
def test_a_years_outlook_is_that_year(text, horizon, earliest, due):
    assert [(h.text, h.earliest, h.due) for h in find_horizons(text, P)] == [
        (horizon, earliest, due)
    ]


def test_to_this_years_end_is_no_since():
    """至今年底 holds 至今 (up to now): 三季度 before it was dropped as a time gone by."""
    found = [h.text for h in find_horizons("三季度至今年底英伟达会涨", P)]
    assert found[0] == "三季度"
