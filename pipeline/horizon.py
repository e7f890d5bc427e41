"""Time expressions of predictions → a window (earliest, due) relative to the publish date.

Vague horizons (短期, 长期, 未来几年, 未来, 很快, 迟早) keep their text and get no date: a made-up
due date would score a prediction on a day its author never named. A time word that qualifies a
noun (明年的订单) is not a horizon. A day (将于2月26日公布财报) is the due date of what is set for it;
a day gone by is history.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

# A numeral; hundreds only after a digit (一百五十年后), so 百年老店 stays no span of years.
_HUNDREDS = r"(?<![千万萬亿億])[一二两兩三四五六七八九]百[零〇一二两兩三四五六七八九十]*"
# 几 and 数 open a numeral only before 十 or a unit (数十年, 几个月): in 用户数三个季度内 the 数
# is the noun's, and 数三个季度 was read as no number at all.
_NUM = (
    rf"(?:{_HUNDREDS}|\d+\.\d+|[几幾数數](?![0-9一二两兩三四五六七八九半])[0-9一二两兩三四五六七八九十几幾数數半]*"
    r"|[0-9一二两兩三四五六七八九十半][0-9一二两兩三四五六七八九十几幾数數半]*)"
)
_AFTER = r"(?:以后|以後|之后|之後|后|後|以内|以內|之内|之內|内|內|左右|上下|期间|里|裡)?"
# What opens a span counted from the page's day rather than from an event (过两个月, 再过一年),
# as the span rule below accepts them: a claim that ends in 了 after one looks ahead
# (predictions.py, _then_done).
SPAN_FROM_NOW = ("过", "過", "再过", "再過")


@dataclass(frozen=True)
class Horizon:
    text: str
    start: int
    end: int
    earliest: date | None
    due: date | None
    kind: str = ""  # the rule that read it (named_quarter, rel_year, span…): what it counts from
    # Attached to a noun (明年的营收): found only when asked for (find_horizons of_nouns); it can
    # date a claim that a cue of its own makes (明年的营收会增长五成), never make one.
    of_noun: bool = False

    @property
    def from_calendar(self) -> bool:
        """Named from the calendar (2025年初, 25年底, 三季度, 上年四季度, 今年下半年, 年底), not
        counted from now (明年, 明年二季度, 下个季度, 年内, 半年以后): without a publish date it
        cannot be told from a period already over."""
        return (
            self.kind in _CALENDAR_KINDS
            or (
                self.kind in ("named_quarter", "rel_year", "rel_month")
                and not _FORWARD_YEAR.match(self.text)
            )
            or (self.kind == "this_year_end" and self.text in ("年底", "年末"))
        )


# Ordered longest first where one holds another (长远来看 before 长远).
UNDATED_TIMES = (
    "不久的未来",
    "接下来",
    "接下來",
    "今后",
    "今後",
    "长远来看",
    "長遠來看",
    "长远",
    "長遠",
    "远期",
    "遠期",
    "未来",
    "未來",
    "将来",
    "將來",
    "很快",
    "迟早",
    "遲早",
    "最终",
    "最終",
    "有朝一日",
    "总有一天",
    "總有一天",
    "终有一天",
    "終有一天",
)
# 最终用户, 最终的数额, 将来式: the one at the end, a grammar word, not a time; “AI未来峰会”, 未来
# 论坛: an event's name.
_EVENT_NAME = "峰会|峰會|论坛|論壇|大会|大會|学院|學院|研究院"
_NOT_A_TIME_AFTER = {
    "未来": f"(?!{_EVENT_NAME})",
    "未來": f"(?!{_EVENT_NAME})",
    "最终": "(?![的用产客消])",
    "最終": "(?![的用產客消])",
    "将来": "(?!式)",
    "將來": "(?!式)",
}
_UNDATED_TIME = re.compile(
    "(" + "|".join(w + _NOT_A_TIME_AFTER.get(w, "") for w in UNDATED_TIMES) + ")"
)
_CALENDAR_KINDS = {
    "day",
    "year",
    "year_month",
    "year_quarter",
    "half",
    "mid_year",
    "two_years",
    "month",
    "month_to_come",
    "fiscal",
    "holiday",
}
_FORWARD_YEAR = re.compile(r"^(?:明年|后年)")  # horizons are read on Simplified text


def _cn_number(s: str) -> float | None:
    s = s.replace("兩", "两").replace("幾", "几").replace("數", "数")
    if s == "半":
        return 0.5
    if s in ("几", "数"):
        return None
    if s.isdigit() or re.fullmatch(r"\d+\.\d+", s):
        return float(s)
    try:
        import cn2an

        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, q: int) -> date:
    return _month_end(year, q * 3)


def _range_numbers(s: str) -> tuple[float | None, float | None]:
    """'两三' → (2, 3); '三到五' → (3, 5); '5' → (5, 5)."""
    m = re.fullmatch(r"(.+?)(?:到|至|-|~|～)(.+)", s)
    if m:
        return _cn_number(m.group(1)), _cn_number(m.group(2))
    # 两三, 三五, 七八: two numerals in a row; not 三十, 二十 (thirty, twenty, which read as
    # three to ten years and two to ten)
    if len(s) == 2 and s[0] in "一二两兩三四五六七八九" and s[1] in "二两兩三四五六七八九":
        a, b = _cn_number(s[0]), _cn_number(s[1])
        if a is not None and b is not None and b > a:
            return a, b
        if (a, b) == (3, 2):  # 三两年, 三两天: two or three, as 两三 (cn2an read 32)
            return b, a
    n = _cn_number(s)
    return n, n


def _full_year(digits: str) -> int:
    """2025 from 2025 or 25 (25年底, 26年Q1: commentary writes the century away), 2026 from
    民國115 (Taiwan's calendar, counted from 1912)."""
    roc = re.match(r"(?:民國|民国)\s*(\d+)", digits)
    if roc:
        return int(roc.group(1)) + 1911
    if len(digits) == 3:  # 114年第二季 as Taiwanese pages write it, 民國 left out
        return int(digits) + 1911
    return int(digits) + (2000 if len(digits) == 2 else 0)


def _quarters(text: str) -> tuple[int, int]:
    """'三' → (3, 3); '2、3' → (2, 3); '第一至第二' → (1, 2): the first and the last quarter."""
    found = [int(c) if c.isdigit() else "一二三四".index(c) + 1 for c in re.findall(_Q, text)]
    return min(found), max(found)


def _year_part(year: int, part: str) -> tuple[date, date] | None:
    """The window of a part of a year, None for the whole year (or its end: 年底 is due with
    the year). 年初 is the first quarter, 年中 May to August (a mid-year report or launch)."""
    if part in ("上半年", "H1", "h1"):
        return date(year, 1, 1), date(year, 6, 30)
    if part in ("下半年", "H2", "h2"):
        return date(year, 7, 1), date(year, 12, 31)
    if part in ("年初", "初"):
        return date(year, 1, 1), date(year, 3, 31)
    if part in ("年中", "中"):
        return date(year, 5, 1), date(year, 8, 31)
    return None


def _quarter_window(year: int, m: re.Match[str]) -> tuple[date, date]:
    """The quarters a year_quarter or named_quarter match names (its groups after the year's),
    in that year."""
    first, last = _quarters("".join(filter(None, m.groups()[1:])))
    return date(year, first * 3 - 2, 1), _quarter_end(year, last)


def _months_on(published: date, months: float) -> date:
    """The day a number of months after published: whole months by the calendar, the rest of
    a month as days of 30 (半个月内 is 15 days on; rounded to months it was the page's day)."""
    whole = int(months + 1e-9)
    return add_months(published, whole) + timedelta(days=round((months - whole) * 30))


def _span_months(published: date, lo: float, hi: float, within: bool) -> tuple[date, date]:
    earliest = published if within else _months_on(published, lo * 12)
    return earliest, _months_on(published, hi * 12)


_Q = r"[一二三四1-4]"
# 之前, 以前 or 前 after a period (2026年Q3之前, 第三季前): by then, from the page's day on; not
# 前后 (around it) nor the 前 of what follows (Q3前三个月).
_BEFORE_IT = (
    r"(?:\s*(?:之前|以前|前(?![后後一二两兩三四五六七八九十几幾个個半年月天景期途夕沿列提瞻])))?"
)
# A period written right before one of these names the report about it, not a horizon.
REPORT_NOUN = re.compile(
    r"\s*(?:财报|財報|财季|財季|报告|報告|电话会|電話會|业绩会|業績會|业绩发布|業績發布)"
)
# The year of a quarter: 2025, 25 (25年Q3), 民國114 (Taiwan's calendar), and 114 with its 年
# (114年第二季: Taiwanese pages leave 民國 out; a span of 114 years has no quarter).
_QUARTER_YEAR = r"20\d\d|(?<!\d)2\d|(?:民國|民国)\s*1[0-4]\d|(?<![\d.])1[0-4]\d(?=\s*年)"
# 三, 2、3, 三四, 第一至第二, 一季度到三季度
_QLIST = rf"{_Q}(?:\s*(?:季度)?\s*[、,，和至到~-]?\s*第?{_Q})*"
# 初 and 中 after a year only as its part (明年初), never the start of a word (明年中国, 初步).
_YEAR_PART = (
    r"(上半年|下半年|[Hh][12](?!\d)|年底|年末|年初|年中(?![国國美报報旬文])|底|末|初(?![步期次级級])"
    # 明年中 (mid next year) only before a stop, 再/将 or 前: not 明年中国, 今年中报
    r"|中(?=[，,。；;、\s]|再|将|將|前|之前|以前|左右|$)"
    r"|之内|之內|以内|以內|内|內)"
)
# Not the quarter a prefix makes of it: 前三季度 (the first three), 每一季度, 连续三季度, 未来三季度.
_NOT_A_NAMED_QUARTER = r"(?<![上下本这這个個前每同单單续續来來0-9年])"
_YEAR_OFFSET = {"今年": 0, "明年": 1, "后年": 2, "後年": 2, "去年": -1, "上年": -1, "前年": -2}

_MONTH = r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
# A week (两周内, 三个星期后, 下周三): not 周年, 周岁, 周期 or 周末; 星期 and 礼拜 not before a day's number
_WEEK = r"周(?![年岁歲期末])|週(?![年岁歲期末])|星期|礼拜|禮拜"
_WEEK_UNITS = ("周", "週", "星期", "礼拜", "禮拜")
_DAY_NUM = rf"(?:{_HUNDREDS}|[0-9一二两兩三四五六七八九十几幾数數]+)"
_DAY_AFTER = r"以后|以後|之后|之後|后|後|以内|以內|之内|之內|内|內"
# A count of quarters written 季 (not 季度, 季节, 季报 or 季末), as _DAY_NUM counts.
_SEASON_COUNT = rf"{_DAY_NUM}(?:\s*(?:到|至|-|~)\s*{_DAY_NUM})?"
_SEASONS = rf"(?<![上下本这這第前每]){_SEASON_COUNT}\s*(?:个|個)?\s*季(?![度节節报報末初])"
_WEEKDAY = r"([一二三四五六日天1-7])"
_WEEKDAY_INDEX = (
    {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6} | {str(i + 1): i for i in range(7)}
)
# The year of a fiscal horizon (FY2026, 2026财年), to tell one already over.
FISCAL_YEAR = re.compile(r"FY\s*((?:20)?\d\d)|((?:20)?\d\d)\s*(?:财|財)")
# A month without a day (6月底, 明年3月): with one it is a day (3月5日, the rule "day").
_MONTH_END = r"\s*月(?!\s*\d{1,2}\s*[日号號])"
# A part of a month (2月中旬, 明年3月初, 下个月下旬): ten days of it, 下旬 the rest. 初 not as the
# start of a word (3月初步统计), 中 only as 中旬 (3月中国…).
_MONTH_PART = r"(上中旬|中下旬|上旬|中旬|下旬|初(?![步期次级級]))"
_MONTH_PART_DAYS = {
    "初": (1, 10),
    "上旬": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, 31),
    "上中旬": (1, 20),
    "中下旬": (11, 31),
}

# Holidays a launch or a verdict is set by (春节前, 国庆节后, 明年中秋前后): (names, lunar, month,
# day, days after it). The lunar ones move every year; borax's calendar gives their day.
_HOLIDAYS = (
    (("春节", "农历新年", "农历年", "过年"), True, 1, 1, 0),
    (("除夕",), True, 1, 1, -1),
    (("元宵节", "元宵"), True, 1, 15, 0),
    (("端午节", "端午"), True, 5, 5, 0),
    (("中秋节", "中秋"), True, 8, 15, 0),
    (("元旦",), False, 1, 1, 0),
    (("五一劳动节", "劳动节", "五一"), False, 5, 1, 0),
    (("国庆节", "国庆"), False, 10, 1, 0),
)
_HOLIDAY_DAYS = {name: tuple(day) for names, *day in _HOLIDAYS for name in names}
_TRADITIONAL_HOLIDAYS = {
    "春節": "春节",
    "農曆新年": "农历新年",
    "農曆年": "农历年",
    "過年": "过年",
    "元宵節": "元宵节",
    "端午節": "端午节",
    "中秋節": "中秋节",
    "五一勞動節": "五一劳动节",
    "勞動節": "劳动节",
    "國慶節": "国庆节",
    "國慶": "国庆",
}
_HOLIDAY_NAMES = "|".join(
    "(?<![\\d一二三四五六七八九十])五一(?![\\d一二三四五六七八九十劳勞])" if n == "五一" else n
    for n in sorted([*_HOLIDAY_DAYS, *_TRADITIONAL_HOLIDAYS], key=len, reverse=True)
)
_HOLIDAY_BEFORE = ("前", "之前", "以前", "前夕")
_HOLIDAY_AFTER = ("后", "後", "之后", "之後", "以后", "以後")
_HOLIDAY_DURING = ("期间", "期間", "假期", "长假", "長假")
# A holiday named bare dates a claim only as when it happens (在春节发布, 赶在国庆上线), not as
# the season's name (春节档, 春节效应).
_HOLIDAY_AS_TIME = re.compile(r"(?:在|于|於|到|赶在|趕在)\s*$")
# 春节前后 is the week either side; 期间 the holiday's week; 节后 the month after.
_HOLIDAY_REACH = timedelta(days=7)
_AFTER_HOLIDAY = timedelta(days=29)

_RULES: list[tuple[re.Pattern[str], str]] = [
    # This year and next (今明两年), next year and the one after (明后两年): two calendar years.
    (re.compile(r"(今明|明后|明後)两年|(今明|明后|明後)兩年|明后年|明後年"), "two_years"),
    # A day (将于11月19日公布财报, 2026年2月25日, 5月1日起, 3月15日之前, 到12月31日收盘): a
    # scheduled event falls due on it. Not the end of a reporting period (截至1月26日的季度,
    # 截止到1月26日).
    (
        re.compile(
            r"(?<![至止\d])(?<!至到)(?<!止到)(?:(20\d\d)\s*年\s*)?(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])"
            # a run of days (3月16日至19日, 3月16-19日, 3月30日至4月2日): due on its last
            r"(?:\s*[日号號](?:\s*(?:至|到|~|～|-)\s*(?:(1[0-2]|0?[1-9])\s*月\s*)?"
            r"(3[01]|[12]\d|0?[1-9])\s*[日号號])?|\s*(?:至|到|~|～|-)\s*(3[01]|[12]\d|0?[1-9])\s*[日号號])"
            r"(?:\s*(?:之前|以前|前|起))?(?!\s*(?:至今|以来|以來))"
        ),
        "day",
    ),
    # 明年这个时候, 明年的今天, 后年此时: the page's day a year (two) on, as 一年后 is (read as
    # the whole of next year, it was due at its end)
    (
        re.compile(
            r"(明年|后年|後年)\s*的?\s*(?:这个时候|這個時候|这时候|這時候|这时|這時|此时|此時|今天|今日"
            r"|这一天|這一天)"
        ),
        "year_on",
    ),
    (
        re.compile(
            r"(今年|明年)?\s*("
            + _HOLIDAY_NAMES
            + r")\s*(假期|长假|長假)?\s*(前后|前後|左右|期间|期間|之前|以前|前夕|前|之后|之後|以后|以後|后|後)?"
        ),
        "holiday",
    ),
    # 2026财年第一季度, FY2026 Q1: a company's fiscal calendar (NVIDIA's 2026财年 ends in January
    # 2026), which no rule here knows: the text stays, with no date rather than a wrong one
    # (三季度 read out of it was this calendar year's).
    (
        re.compile(
            r"(?:(?:20)?\d\d\s*(?:财年|財年|财政年度|財政年度)|FY\s*(?:20)?\d\d)"
            # (its quarter or its half: 2026财年下半年 is no calendar half)
            rf"(?:\s*(?:第?{_Q}\s*(?:财季|財季|季度|季)|[Qq][1-4]|[上下]半年?|[Hh][12]))?"
            rf"|(?:[Qq][1-4]|第?{_Q}\s*季度)\s*(?:FY|财年|財年)\s*(?:20)?\d\d"
            # 第三财季, 下一财年, 本财年: the company's calendar, with no year to place it in
            rf"|(?:第{_Q}|下一?个?|下一?個?|本|这个|這個)\s*(?:财季|財季|财年|財年)"
        ),
        "fiscal",
    ),
    # 2025年Q3, 2025年第三季度, 2025 年 2、3 季度 (a run of quarters: the window spans them),
    # 民國114年第二季; 2025年第二季 as Taiwanese news write it (第 required, as below): the year
    # with it, else the year rule read 2025年 alone, due at its end.
    (
        re.compile(
            rf"({_QUARTER_YEAR})\s*年?\s*(?:第?({_QLIST})\s*季度|[Qq]([1-4])(?:\s*[、,，和至到~-]\s*[Qq]([1-4]))?"
            rf"|第({_QLIST})\s*季(?![度节節]))" + _BEFORE_IT
        ),
        "year_quarter",
    ),
    # 今年二季度, 明年Q1, 三季度: a quarter by name (a span of quarters takes 个: 两个季度); not
    # the Q1 inside a word or a URL (MzQ1MzczOQ==, sQ2, Q2A)
    (
        re.compile(
            _NOT_A_NAMED_QUARTER
            + rf"(今年|明年|后年|後年|去年|上年|前年)?\s*(?:第?({_QLIST})\s*季度|(?<![A-Za-z0-9])[Qq]([1-4])(?:\s*[、,，和至到~-]\s*[Qq]([1-4]))?(?![0-9A-PR-Za-pr-z]))"
            + _BEFORE_IT
        ),
        "named_quarter",
    ),
    # 第四季, 今年第二季起 (Taiwanese news; 第 required: 四季 alone is the seasons), read as above:
    # the two empty groups stand for the rule above's Q1–Q4 groups, which _quarter_window reads.
    (
        re.compile(
            rf"(今年|明年|后年|後年|去年|上年|前年)?\s*第({_Q})\s*季(?![度节節])()()" + _BEFORE_IT
        ),
        "named_quarter",
    ),
    # A year and a month without a day (2027年3月之前, 2026年6月底): that month. With a day it is
    # the rule "day" (2026年2月25日).
    (
        re.compile(
            r"(20\d\d)\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号號])"
            + _MONTH_PART
            + r"?(?:之前|以前|前|底|末|份)?"
        ),
        "year_month",
    ),
    # A year followed by a month is a date (2025年1月27日), not a horizon. Before it (2027年之前,
    # 2027年前): by the end of the year before; not 2027年前三季度, 2027年前后.
    (
        re.compile(
            # not a decade (2030年代)
            r"((?:民國|民国)\s*1[0-4]\d|20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!\s*代)\s*"
            + r"(?:"
            + _YEAR_PART
            + r"|(之前|以前|前(?![后後一二两兩三四五六七八九十几幾个個半年月天景期途夕沿列提瞻])))?"
        ),
        "year",
    ),
    # 25年底, 26年上半年: a year by its last two digits, only with a part of it (20年后, 10年内
    # are spans of years); 115年底, 115年上半年: Taiwan's calendar with 民國 left out, likewise
    (
        re.compile(
            r"(?<![\d去近这這前第.])(2\d|1[0-4]\d)\s*年\s*"
            r"(上半年|下半年|[Hh][12](?!\d)|年底|年末|年初|年中(?![国國美报報旬文])"
            r"|底(?![层層线線部气氣牌子盘盤])|末(?![期端])|初(?![步期次级級]))"
        ),
        "year",
    ),
    # 明年3月, 今年六月底: that month of that year (it was read as the whole year)
    (
        re.compile(
            r"(明年|後年|后年|今年)\s*"
            + _MONTH
            + _MONTH_END
            + _MONTH_PART
            + r"?(?:之前|以前|底前|前|底|末|份)?"
        ),
        "rel_month",
    ),
    (re.compile(r"(明年|後年|后年|今年)\s*" + _YEAR_PART + "?"), "rel_year"),
    (re.compile(r"(下半年|上半年)"), "half"),
    (
        re.compile(
            # 过 opening its clause or after 再 (过两个月就没人提了, 再过三年): from now; not
            # inside a word (超过两年, 经过三年, 不过两周)
            r"(?:未来|未來|接下来|接下來|今后|今後|再过|再過|(?<![\u4e00-\u9fff])[过過])?"
            # not inside a name or a figure (GPT4个月, H20两年内: 0两年, GPT-4.5年内, 1.5年的
            # 5年), which Latin letters before a Chinese numeral are not (DeepSeek两年后,
            # NVIDIA三个月内); nor the end of a year in words (两千零二十六年: no span of 26 years)
            r"\s*(?<![上下本这這第零〇○千一二两兩三四五六七八九十])(?!(?<=[A-Za-z0-9.])\d)"
            r"(?<![A-Za-z]-)("
            + _NUM
            + r"(?:\s*(?:到|至|-|~)\s*"
            + _NUM
            # 两个半月, 三个半星期: the half before the unit
            + r")?)\s*(?:个|個)?(?:(?<=[个個])半(?=月|周|週|星期|礼拜|禮拜))?\s*(年|月|季度|"
            + _WEEK
            # a bond's tenor, a school year, a report (10年期国债, 三年级, 半年报, 半年度业绩):
            # no time ahead (三年期间 is one)
            + r")(?!期(?![间間])|[级級报報]|(?<=年)度)(半(?![导導岛島]))?"
            + _AFTER
        ),
        "span",
    ),
    # 兩季內, 未來兩季, 两个季后: quarters written 季 (Taiwan and Hong Kong), read as 季度; only
    # after 未来/再过 or before 后/内: 一年四季 and 四季如春 are the seasons.
    (
        re.compile(
            r"(?:(?:未来|未來|接下来|接下來|再过|再過)\s*(?="
            + _SEASONS
            + r")|(?="
            + _SEASONS
            + r"\s*(?:"
            + _DAY_AFTER
            + r")))("
            + _SEASON_COUNT
            + r")\s*(?:个|個)?\s*(季)()(?:"
            + _DAY_AFTER
            + r")?"
        ),
        "span",
    ),
    # 30天内, 九十天后, 未来90天, 再过三天, 30日内: days, counted from the page's day. Only with
    # 后/内 or after 未来/再过: a bare 三天 or 一天 is a length (研究了三天, 总有一天); 日 only
    # with 内 (3月30日后 is a date, 三日后 as often the third), never in 日内瓦; no 半天.
    (
        re.compile(
            r"(?:(?P<ahead>未来|未來|接下来|接下來|再过|再過|(?<![\u4e00-\u9fff])[过過])\s*)?"
            r"(?<![一二两兩三四五六七八九十百上下本这這第前每月号號])(?!(?<=[A-Za-z0-9])\d)("
            + _DAY_NUM
            + r"(?:\s*(?:到|至|-|~)\s*"
            + _DAY_NUM
            + r")?)\s*(?:天(?(ahead)(?P<ahead_suffix>"
            + _DAY_AFTER
            + r")?|(?P<suffix>"
            + _DAY_AFTER
            + r"))|日(?P<within>以内|以內|之内|之內|内|內)(?!瓦))"
        ),
        "days",
    ),
    # 3月底前, 6月份: the next such month; a bare 3月 is too often a date gone by to be one
    (
        re.compile(
            r"(?<![\d年一二三四五六七八九十个個])"
            + _MONTH
            + _MONTH_END
            + r"(?:"
            + _MONTH_PART
            + r"(?:之前|以前|前)?|之前|以前|底前|底|末)"
        ),
        "month",
    ),
    # 将于10月, 计划在11月份: a bare month where something is set for it (else it dates what
    # happened as often: 10月发布的模型)
    (
        re.compile(
            r"(?<![\d年一二三四五六七八九十个個])"
            + _MONTH
            + r"\s*月(?!\s*\d{1,2}\s*[日号號])(?:份)?"
        ),
        "month_to_come",
    ),
    # not after a number this rule cannot read (民國115年底前 is no end of this year; V4年底前,
    # H20年底 are)
    (re.compile(r"(?<!(?<![A-Za-z])\d\d)(年内|年內|年底前|年底|年末)"), "this_year_end"),
    # 明天, 后天 where a price moves or news is set for it (英伟达明天肯定涨, 明天公布财报): a day
    # counted from the page's. Elsewhere it is a figure of speech as often (明天就会被对手拿走,
    # 假设明天有人做出了AGI). It dates a claim a cue makes and makes none alone (predictions.py).
    (
        re.compile(
            r"(?<![昨今前的])(明天|后天|後天)(?=[^，,。；;！!？?]{0,6}"
            r"(?:涨|漲|跌|开盘|開盤|收盘|收盤|高开|高開|低开|低開|公布|发布|發布|上市|财报|財報))"
        ),
        "rel_day",
    ),
    (
        re.compile(
            r"(?<![上下\d一二三四五六七八九十个個两兩几幾数數半])(?:本|这个|這個|当|當)?(月底|月末|月内|月內)"
        ),
        "this_month_end",
    ),
    (
        re.compile(r"(?<![去全每前上])(年中)(?![国國美报報旬文])(之前|以前|前(?![后後]))?"),
        "mid_year",
    ),
    (
        # 下一季 (收入) is next quarter; 本季 alone is the quarter a report covers, often over
        re.compile(
            r"(?<!下)(?:(下个|下個|下一个|下一個|下一|下|本|这个|這個|这一|這一|这|這)\s*季度"
            r"|(下一?)季(?![节節])|(这|這)季(?![节節度]))"
        ),
        "quarter",
    ),
    (re.compile(r"(?<!下)(下一?[个個]月|下月)" + _MONTH_PART + "?"), "next_month"),
    (re.compile(r"(?:本|这个|這個|当|當)月" + _MONTH_PART), "this_month_part"),
    (re.compile(r"(?<!下)(下一?[个個]?(?:周|週|星期|礼拜|禮拜))" + _WEEKDAY + "?"), "next_week"),
    # 本周内, 这周五: the running week (本周 alone dates what happened in it as often:
    # forecast_patterns.py CURRENT_PERIOD), or a day of it still ahead
    (
        re.compile(
            r"(?<![上下])(?:本|这个|這個|这|這)\s*(?:"
            + _WEEK
            + r")(?:"
            + _WEEKDAY
            + r"|内|內|之内|之內)?"
        ),
        "this_week",
    ),
    (
        re.compile(
            r"(短期|中期|长期|長期|近期|中长期|未来几年|未來幾年|未来数年|未來數年|几年后|幾年後|不久的将来)"
        ),
        "vague",
    ),
    # Times with no measure (未来, 很快, 迟早, 最终, 长远来看): the horizon as written, never a
    # date. They make no forecast of a clause alone (predictions.py, UNDATED_TIMES): 未来 is as
    # often a noun (AI的未来) as a time.
    (_UNDATED_TIME, "vague"),
]


Window = tuple[date | None, date | None]


def _longest(span: re.Match[str]) -> float:
    """The larger number of a span (五 of 三到五年), 0 when it has none (几年)."""
    return _range_numbers(re.sub(r"\s", "", span.group(1)))[1] or 0


def _resolve(kind: str, m: re.Match[str], published: date | None) -> Window | None:
    """(earliest, due) or None when the match is not a horizon at all.

    A calendar time (2026年Q3, 3月15日, FY2026) resolves without a publish date; a time told
    from the page's day (明年, 下个季度, 三年内) needs one and is left open, (None, None),
    without it."""
    if kind == "month_to_come" and not _TO_COME.search(m.string, 0, m.start()):
        return None
    if kind == "span" and _longest(m) >= (100 if m.group(2) == "年" else 1000):
        # 2024年 is a year, not a span of 2024 years, with or without a publish date; 一百年后,
        # 树龄五百年: history or a figure of speech, nothing to check
        return None
    if kind == "span" and BARE_SHORT_YEAR.fullmatch(m.group(0).strip()):
        # 26年英伟达会推出…: a year with its century left out, as 26年底 is, or a length (成立
        # 26年); read as 26 years from now it was due in 2051
        return None
    if kind in _CALENDAR_RESOLVERS:
        return _CALENDAR_RESOLVERS[kind](m, published)
    if published is None:
        return (None, None)
    resolver = _RELATIVE_RESOLVERS.get(kind)
    return resolver(m, published) if resolver else None


BARE_SHORT_YEAR = re.compile(r"2\d\s*年")


def _vague(m: re.Match[str], published: date | None) -> Window:
    return (None, None)


def _year_quarter(m: re.Match[str], published: date | None) -> Window:
    return _quarter_window(_full_year(m.group(1)), m)


def _year_month(m: re.Match[str], published: date | None) -> Window | None:
    y, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return _month_window(y, month, m.group(3), published)


def _fiscal(m: re.Match[str], published: date | None) -> Window | None:
    fiscal = FISCAL_YEAR.search(m.group(0))
    if published and fiscal and _full_year(fiscal.group(1) or fiscal.group(2)) < published.year:
        return None  # 2024财年 in a 2025 page is over
    return (None, None)


def _year(m: re.Match[str], published: date | None) -> Window | None:
    y, part = _full_year(m.group(1)), m.group(2) or ""
    before = m.re.groups >= 3 and m.group(3)
    if published and y - bool(before) < published.year:
        return None  # a past year is history, not a horizon
    if before:
        return published, date(y - 1, 12, 31)  # 2027年之前: before 2027 begins
    return _year_part(y, part) or (date(y, 1, 1), date(y, 12, 31))


def _rel_month(m: re.Match[str], published: date) -> Window | None:
    y, month = published.year + _YEAR_OFFSET[m.group(1)], _month(m.group(2))
    return _month_window(y, month, m.group(3), published)


def _month_of_this_year(m: re.Match[str], published: date) -> Window | None:
    # 3月底 in a May page was this year's March (the running month too)
    return _month_window(published.year, _month(m.group(1)), m.group(2), published)


def _month_to_come(m: re.Match[str], published: date) -> Window:
    month = _month(m.group(1))
    year = published.year + (month < published.month)
    return max(date(year, month, 1), published), _month_end(year, month)


def _rel_day(m: re.Match[str], published: date) -> Window:
    day = published + timedelta(days=1 if m.group(1) == "明天" else 2)
    return day, day


def _this_month_part(m: re.Match[str], published: date) -> Window | None:
    return _month_window(published.year, published.month, m.group(1), published)


def _this_month_end(m: re.Match[str], published: date) -> Window:
    return published, _month_end(published.year, published.month)


def _rel_year(m: re.Match[str], published: date) -> Window | None:
    offset = _YEAR_OFFSET[m.group(1)]
    y, part = published.year + offset, m.group(2) or ""
    if not part and _YEAR_BEFORE.match(m.string, m.end()):
        # 明年之前: before next year begins, as 2027年之前 is; 今年之前 has gone by
        return (published, date(y - 1, 12, 31)) if offset > 0 else None
    return _year_part(y, part) or (
        (published if offset == 0 else date(y, 1, 1)),
        date(y, 12, 31),
    )


# 之前, 以前 or 前 right after a year (明年之前, 明年前): before it begins; not 明年前后 (about
# then), nor the 前 of what follows (明年前三季度), nor of a word (明年前景乐观, 今年前期).
_YEAR_BEFORE = re.compile(
    r"\s*(?:之前|以前|前(?![后後一二两兩三四五六七八九十几幾个個半年月天季景期途夕沿列提瞻]))"
)


def _year_on(m: re.Match[str], published: date) -> Window:
    day = add_months(published, 12 * _YEAR_OFFSET[m.group(1)])
    return day, day


def _named_quarter(m: re.Match[str], published: date) -> Window:
    # 三季度 alone is this year's: in a November report it is the quarter just reported,
    # and a claim about next year's says 明年. 去年四季度 is history.
    return _quarter_window(published.year + _YEAR_OFFSET[m.group(1) or "今年"], m)


def _two_years(m: re.Match[str], published: date) -> Window:
    if (m.group(1) or m.group(2)) == "今明":
        return published, date(published.year + 1, 12, 31)
    return date(published.year + 1, 1, 1), date(published.year + 2, 12, 31)


def _mid_year(m: re.Match[str], published: date) -> Window:
    y = published.year if published.month <= 6 else published.year + 1
    if m.group(2):  # 年中之前: by the middle of the year
        return published, date(y, 6, 30)
    return max(published, date(y, 5, 1)), date(y, 8, 31)


def _next_week(m: re.Match[str], published: date) -> Window:
    monday = published + timedelta(days=7 - published.weekday())
    if m.group(2):
        day = monday + timedelta(days=_WEEKDAY_INDEX[m.group(2)])
        return day, day
    return monday, monday + timedelta(days=6)


def _this_week(m: re.Match[str], published: date) -> Window | None:
    sunday = published + timedelta(days=6 - published.weekday())
    if m.group(1):
        day = sunday - timedelta(days=6 - _WEEKDAY_INDEX[m.group(1)])
        return (day, day) if day > published else None
    return published, sunday


def _this_year_end(m: re.Match[str], published: date) -> Window:
    return published, date(published.year, 12, 31)


def _half(m: re.Match[str], published: date) -> Window:
    y = published.year
    if m.group(1) == "上半年":
        y = y if published.month <= 6 else y + 1
        return date(y, 1, 1), date(y, 6, 30)
    return date(y, 7, 1), date(y, 12, 31)


def _quarter(m: re.Match[str], published: date) -> Window:
    q = (published.month - 1) // 3 + 1
    if m.group(3) or (m.group(1) or "下").startswith(("本", "这", "這")):  # 这季, 本季度
        return published, _quarter_end(published.year, q)
    y, q = (published.year + 1, 1) if q == 4 else (published.year, q + 1)
    return date(y, q * 3 - 2, 1), _quarter_end(y, q)


def _next_month(m: re.Match[str], published: date) -> Window | None:
    nxt = add_months(published.replace(day=1), 1)
    return _month_window(nxt.year, nxt.month, m.group(2), None)


def _span(m: re.Match[str], published: date) -> Window:
    lo, hi = _range_numbers(re.sub(r"\s", "", m.group(1)))
    if hi is None:
        return (None, None)  # 几年, 数年: vague
    whole = m.group(0)
    within = any(w in whole for w in ("内", "內", "之内", "里", "裡", "期间")) or whole.startswith(
        ("未来", "未來", "今后", "今後", "接下来", "接下來")
    )
    if m.group(2) in _WEEK_UNITS:
        # 两周内, 三个星期后: counted in days (a month is no whole number of weeks)
        if hi > 520:
            return (None, None)
        half = 3.5 if m.group(3) or re.search(r"[个個]半", whole) else 0.0
        lo_d, hi_d = (lo or hi) * 7 + half, hi * 7 + half
        earliest = published if within else published + timedelta(days=round(lo_d))
        return earliest, published + timedelta(days=round(hi_d))
    if hi * {"年": 1, "月": 1 / 12, "季度": 0.25, "季": 0.25}[m.group(2)] > 100:
        return (None, None)  # 两百个月: a figure of speech, no date
    unit = {"年": 12, "月": 1, "季度": 3, "季": 3}[m.group(2)]
    # 一年半, 两个月半, 两个半月
    half = 0.5 * unit / 12 if m.group(3) or re.search(r"[个個]半", whole) else 0.0
    lo_m, hi_m = (lo or hi) * unit / 12 + half, hi * unit / 12 + half
    return _span_months(published, lo_m, hi_m, within)


def _days(m: re.Match[str], published: date) -> Window:
    lo, hi = _range_numbers(re.sub(r"\s", "", m.group(2)))
    if hi is None or hi > 3650:
        return (None, None)  # 几天后: no number; 一万天: a figure of speech
    suffix = m["ahead_suffix"] or m["suffix"] or m["within"] or ""
    within = any(w in suffix for w in ("内", "內")) or (
        not suffix and m["ahead"] in ("未来", "未來", "接下来", "接下來")
    )
    earliest = published if within else published + timedelta(days=round(lo or hi))
    return earliest, published + timedelta(days=round(hi))


def _month(text: str) -> int:
    """3, 03, 三, 十二 → the month's number."""
    return int(text) if text.isdigit() else int(_cn_number(text) or 0)


def _names_a_period(m: re.Match[str]) -> bool:
    """Whether a span match without 个 is really the name of a month or a quarter."""
    if re.search(r"[个個]", m.group(0)) or re.search(r"[几幾数數]", m.group(1)):
        return False
    number = re.sub(r"\s", "", m.group(1))
    if "半" in number or number in ("两", "兩"):
        return False  # 半月内, 两月后: half a month, two months (二月 is the name)
    if m.group(2) == "季度":
        return re.fullmatch(_Q, number) is not None  # 两季度 is two quarters; 二季度 is Q2
    return m.group(2) == "月"


# A year after a word of likeness, or before the name of an event, is history being recalled.
LIKE_HISTORY = re.compile(r"(?:重演|重现|重現|重蹈|类似|類似|如同|好比|就像|像|堪比)\s*$")
HISTORY_EVENT = re.compile(
    r"[^，,。；;！!？?\s]{0,8}?(?:泡沫|危机|危機|事件|股灾|股災|崩盘|崩盤)"
    r"(?=的|那|时|時|期|以来|以來|一样|一樣|般|式|[，,。；;）)]|$)"  # not 2026年泡沫会破裂
)
# A span followed by these is a time ago (两年前, 半年以前, 三个月之前); 前后 is "about".
# 两年前; 近二十年来 (the twenty years gone by, not 未来两年来看); 五十年代 (the fifties)
AGO = re.compile(
    r"\s*(?:(?:以|之)?前(?![后後景途沿列瞻])|(?<=[年月])[来來](?![看说說讲講])|(?<=年)代)"
)
# A span right after these has gone by (过去三年, 最近几个月, 前两年), recurs (每隔12个月,
# 每三个月) or tells how long something took (在短短几个月内飙升, 仅用了三个月, 历时五年): it
# dates nothing. (近两年 is left alone: some write it for the coming two.) Where a future cue
# follows (短短几年内就会被淘汰) the clause is still a forecast, by its cue, with no made-up due date.
BEHIND_A_SPAN = re.compile(
    r"(?:(?:过去|過去|最近|以往|过往|過往|前|每|隔)\s*(?:的|這|这)?"
    r"|(?:短短|仅仅|僅僅|仅用了?|僅用了?|只用了?|用了|花了|历时|歷時|耗时|耗時)\s*(?:的|不到|不足)?)\s*$"
)


# A day without a year that has gone by this year is history (1月27日 in a December page is
# the day of the crash), unless a word of what is to come stands before it and next year's is
# this near (将于1月29日发布财报 in a December page).
_NEW_YEAR_REACH = timedelta(days=92)
_HOLIDAY_FORECAST_REACH = timedelta(days=183)
_UNTIL = re.compile(r"(?:至|止|到)\s+$")
_TO_COME_WORDS = "将|將|预计|預計|定于|定於|计划|計劃|拟|擬"
_TO_COME = re.compile(rf"(?:{_TO_COME_WORDS})\s*(?:于|於|在)?\s*$")
# Next year's holiday takes the softer words too (V4会在春节前后发布, 有望在春节前上线).
_TO_COME_BEFORE_HOLIDAY = re.compile(
    rf"(?:{_TO_COME_WORDS}|会|會|有望|可能|或|要|赶|趕)\s*(?:于|於|在)?\s*$"
)

# ... or after it (农历年前就会推出V4, 春节后有望上线).
_TO_COME_AFTER_HOLIDAY = re.compile(
    rf"\s*(?:就|还|還|便|才|应该|應該)?\s*(?:{_TO_COME_WORDS}|有望|可能|要(?![求点點闻聞])"
    r"|[会會](?![议議计計员員场場所谈談展长長]))"
)


def _day_window(m: re.Match[str], published: date | None) -> tuple[date | None, date | None] | None:
    """The day a date names, or from the publish date to it (3月15日之前); None for a day gone
    by (the page's own day reports what happened on it) or no such day (2月30日)."""
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    if year is None and published is None:
        return (None, None)  # the text stays; no year to place it in
    last_month, last_day = m.group(4), m.group(5) or m.group(6)
    try:
        when = date(int(year) if year else published.year, month, day)
        if (
            year is None
            and when <= published
            and _TO_COME.search(m.string, 0, m.start())
            and when.replace(year=when.year + 1) - published <= _NEW_YEAR_REACH
        ):
            when = when.replace(year=when.year + 1)
        until = when
        if last_day:
            until = date(when.year, int(last_month or month), int(last_day))
            if until < when:
                until = date(when.year + 1, until.month, until.day)  # 12月30日至1月2日
    except ValueError:
        return None
    if published and until <= published:
        return None
    before = m.group(0).rstrip().endswith("前")
    return (published if before else when), until


def _month_window(
    year: int, month: int, part: str | None, published: date | None
) -> tuple[date, date] | None:
    """A month, or the ten days of it a part names (初, 上旬, 中旬; 下旬 the rest). None for one
    gone by: a month over is history, and the running one dates the past as often (3月底 in a
    March page), unless the part named lies wholly ahead (2月下旬 in a page of 2 February)."""
    end = _month_end(year, month)
    start = date(year, month, 1)
    if part:
        first, last = _MONTH_PART_DAYS[part]
        start, end = date(year, month, first), date(year, month, min(last, end.day))
    if published is not None and (
        start <= published if part else (year, month) <= (published.year, published.month)
    ):
        return None
    return start, end


def _holiday_day(name: str, year: int) -> date:
    from borax.calendars.lunardate import LunarDate

    lunar, month, day, offset = _HOLIDAY_DAYS[_TRADITIONAL_HOLIDAYS.get(name, name)]
    when = LunarDate(year, month, day).to_solar_date() if lunar else date(year, month, day)
    return when + timedelta(days=offset)


def _holiday_window(m: re.Match[str], published: date) -> tuple[date, date] | None:
    """The window a holiday names: 前 from the publish date to its eve, 前后 and a bare name the
    week either side, 期间 its week, 后 the month after it. A bare name (明年春节档) is a time
    only after 在, 于 or 赶在 (明年在春节发布).

    Which year's: the one 今年 or 明年 names, else this year's while its day is ahead; next
    year's only where a word of what is to come stands before it and its day is near (V4会在春节
    前后发布 in a December page). A year-end review tells of the last 春节期间 as often as a
    forecast names the next; a holiday whose day has come is history either way (春节后，厂商推出
    了一体机 in a March page)."""
    prefix, name, holidays, suffix = m.group(1, 2, 3, 4)
    if not (suffix or holidays) and not _HOLIDAY_AS_TIME.search(m.string, 0, m.start()):
        return None
    if prefix:
        day = _holiday_day(name, published.year + _YEAR_OFFSET[prefix])
    else:
        day = _holiday_day(name, published.year)
        if day <= published:
            day = _holiday_day(name, published.year + 1)
            after = _TO_COME_AFTER_HOLIDAY.match(m.string, m.end())
            before = _TO_COME_BEFORE_HOLIDAY.search(m.string, 0, m.start())
            # a word of what is to come after it (春节前后会迎来调整) reaches further than one
            # before it: a September page's forecast names the coming 春节 so
            reach = _HOLIDAY_FORECAST_REACH if after else _NEW_YEAR_REACH
            if day - published > reach or not (before or after):
                return None
    if day <= published:
        return None
    if suffix in _HOLIDAY_BEFORE:
        return published, day - timedelta(days=1)
    if suffix in _HOLIDAY_AFTER:
        return day, day + _AFTER_HOLIDAY
    if suffix in _HOLIDAY_DURING or (suffix is None and holidays):
        return day, day + timedelta(days=6)
    return max(day - _HOLIDAY_REACH, published), day + _HOLIDAY_REACH


# Each kind of time rule (_RULES) and how its match becomes a window.
_CALENDAR_RESOLVERS: dict[str, Callable[[re.Match[str], date | None], Window | None]] = {
    "vague": _vague,
    "year_quarter": _year_quarter,
    "year_month": _year_month,
    "fiscal": _fiscal,
    "year": _year,
    "day": _day_window,
}
_RELATIVE_RESOLVERS: dict[str, Callable[[re.Match[str], date], Window | None]] = {
    "rel_month": _rel_month,
    "month": _month_of_this_year,
    "month_to_come": _month_to_come,
    "rel_day": _rel_day,
    "this_month_part": _this_month_part,
    "holiday": _holiday_window,
    "this_month_end": _this_month_end,
    "rel_year": _rel_year,
    "year_on": _year_on,
    "named_quarter": _named_quarter,
    "mid_year": _mid_year,
    "two_years": _two_years,
    "next_week": _next_week,
    "this_week": _this_week,
    "this_year_end": _this_year_end,
    "half": _half,
    "quarter": _quarter,
    "next_month": _next_month,
    "span": _span,
    "days": _days,
}


# Full-width digits and Latin letters (２０２６年底, ３個月內, Ｑ３), common on Hong Kong and Taiwan
# pages, as the rules read them: one character for one, so a match's offsets hold in the text.
_HALF_WIDTH = str.maketrans(
    {
        chr(c): chr(c - 0xFEE0)
        for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    }
)


# The kinds that name a period of the calendar, which 以来 or 至今 after it makes a time gone by.
_PERIODS = frozenset(
    {"year", "rel_year", "year_quarter", "named_quarter", "half", "year_month", "rel_month"}
    | {"mid_year", "month", "quarter", "fiscal", "two_years"}
)
SINCE = re.compile(r"\s*(?:以来|以來|至今(?![年后後天日]))")  # not 三季度至今年底
# A year in Chinese numerals (二〇二六年, 二零二六年): read as its digits, one for one.
YEAR_IN_WORDS = re.compile(r"二[〇零○][〇零○一二三四五六七八九]{2}(?=\s*年)")
_DIGIT_OF_WORD = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def year_in_digits(text: str) -> str:
    """二〇二六年 as 2026年, as find_horizons reads it; other text as it is."""
    return YEAR_IN_WORDS.sub(lambda m: m.group(0).translate(_DIGIT_OF_WORD), text)


_BY_THEN = re.compile(r"前\s*$")
# …or 到/截至 before it, 前 after it (到2027年底，…; 2027年底前): by then too.
_BY_THEN_BEFORE = re.compile(r"(?:到|截至|截止)\s*$")
_BY_THEN_AFTER = re.compile(_BEFORE_IT.replace(")?", ")", 1))  # 2027年底前; not Q3前三个月

# 明年首季, 2026年首季: the first quarter (Taiwan), read as Q1 (two characters for two); not 首季
# alone, which is as often a show's first season.
FIRST_QUARTER = re.compile(r"(?<=年)首季")


def find_horizons(text: str, published: date | None, of_nouns: bool = False) -> list[Horizon]:
    """Horizons in text, leftmost first, longest match at a position; noun-attached ones dropped,
    or with of_nouns kept and marked (Horizon.of_noun)."""
    found: list[Horizon] = []
    taken: list[tuple[int, int]] = []
    as_written = text
    text = FIRST_QUARTER.sub("Q1", text.translate(_HALF_WIDTH))
    text = year_in_digits(text)
    for pattern, kind in _RULES:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            of_noun = (
                text[m.end() : m.end() + 1] == "的"
                and kind != "vague"
                and not text.startswith(("的时候", "的今天", "的这个时候", "的此时"), m.end())
            )
            if of_noun and not of_nouns:
                continue  # 明年的订单: a time attached to a noun (到2026年底的时候 is a time)
            if kind in ("year_quarter", "named_quarter", "quarter", "fiscal") and REPORT_NOUN.match(
                text, m.end()
            ):
                taken.append((m.start(), m.end()))  # no shorter rule reads 2025年 out of it
                continue  # Q3财报显示, 本季度财报电话会上: the quarter a report covers
            if kind == "span" and _names_a_period(m):
                continue  # 3月, 一季度: names, not spans (三个月, 一个季度, 数月, 两季度 are)
            if kind == "year" and (
                LIKE_HISTORY.search(text, 0, m.start()) or HISTORY_EVENT.match(text, m.end())
            ):
                # 重演2000年网络泡沫的悲剧, 类似2022年DeepSeek事件那样: a year that names history,
                # not a horizon (on an undated page it was one, due in 2000).
                taken.append((m.start(), m.end()))
                continue
            if kind in ("span", "days") and (
                AGO.match(text, m.end()) or BEHIND_A_SPAN.search(text, 0, m.start())
            ):
                # 两年前, 过去三年, 3 到 6 个月前发布的: a time gone by; 每隔12个月左右: a period.
                # None is a horizon (each was read as one, due years or months on).
                taken.append((m.start(), m.end()))
                continue
            if kind in _PERIODS and SINCE.match(text, m.end()):
                # 今年以来, 2025年至今, 三季度以来: the time gone by up to now (the day rule
                # refuses them itself), not one ahead
                taken.append((m.start(), m.end()))
                continue
            if kind == "day" and _UNTIL.search(text, max(0, m.start() - 4), m.start()):
                taken.append((m.start(), m.end()))
                continue  # 截至 2 月 5 日: the end of a period, as 截至2月5日 (the rule's lookbehind)
            resolved = _resolve(kind, m, published)
            if resolved is None:
                if kind in ("day", "year", "rel_year", "rel_month", "month", "fiscal", "holiday"):
                    # a time gone by: no shorter rule reads 年底 out of 2025年底, nor 今年 (the
                    # whole year) out of 今年1月
                    taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            if (
                published
                and resolved[0]
                and resolved[0] > published
                and (
                    _BY_THEN.search(m.group(0))
                    or (
                        kind not in ("day", "year_on")  # one day: 到明年的这个时候 is that day
                        and (
                            _BY_THEN_BEFORE.search(text, max(0, m.start() - 2), m.start())
                            or _BY_THEN_AFTER.match(text, m.end())
                        )
                    )
                )
            ):
                # 2026年Q3之前, 4月上旬之前, 3月底前, 到2027年底: by then, so from the page's day on
                resolved = (published, resolved[1])
            # (a name of its own: the rule's kind stays for the matches after it, where a
            # second span, 两周到一个月内, was resolved as weeks and lost)
            read_as = "weeks" if kind == "span" and m.group(2) in _WEEK_UNITS else kind
            written = as_written[m.start() : m.end()]
            # as written, without the spaces a rule may take in at its ends (DeepSeek 两年后):
            # its offsets give the horizon a prediction shows
            start = m.start() + len(written) - len(written.lstrip())
            end = m.end() - len(written) + len(written.rstrip())
            found.append(
                Horizon(written.strip(), start, end, resolved[0], resolved[1], read_as, of_noun)
            )
    return _joined_ranges(sorted(found, key=lambda h: h.start), as_written)


_COUNTED = ("span", "weeks", "days")
# A range of lengths says when only with a word of when: 三个月到半年内, 未来三个月到半年; not
# 晚了七八个月到一年, 合同期一年到三年不等 (how long, as a bare span is: forecast_patterns.DURATION).
_SPAN_ENDS = re.compile(r"(?:以后|以後|之后|之後|后|後|以内|以內|之内|之內|内|內|里|裡|左右|上下)$")
_SPAN_OPENS = ("未来", "未來", "接下来", "接下來", "今后", "今後", "再过", "再過", "过", "過")
_RANGE_JOIN = re.compile(r"\s*(?:到|至|-|~|～)\s*")


def _joined_ranges(found: list[Horizon], text: str) -> list[Horizon]:
    """三个月到半年内, 半年到一年后, 未来两周到一个月: one window from the first's earliest to the
    last's due, not two horizons (the first alone was the claim's due date). Spans of one unit
    (三到五年) are one match already."""
    out: list[Horizon] = []
    for h in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (_SPAN_ENDS.search(h.text) or prev.text.startswith(_SPAN_OPENS))
            and prev.kind in _COUNTED
            and h.kind in _COUNTED
            and _RANGE_JOIN.fullmatch(text, prev.end, h.start)
            and prev.due is not None
            and h.due is not None
            and prev.due < h.due
        ):
            # from the first's earliest on, or from the page's day for a range within (三个月到
            # 半年内; the last took 到 before it for "by then")
            earliest = h.earliest if re.search(r"[内內里裡]", h.text) else prev.earliest
            out[-1] = Horizon(
                text[prev.start : h.end], prev.start, h.end, earliest, h.due, h.kind, h.of_noun
            )
            continue
        out.append(h)
    return out
