"""The patterns that tell a forecast from a telling of the past, a question, a plan or another's
view: what predictions.py reads each clause against. They are kept apart from the extractor so
that each one sits beside the comment that says which sentences it was written for (and which it
must leave alone), and the extractor reads as the steps it takes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.clauses import CLAUSE_BREAK, IT, TARGET_PRONOUN
from pipeline.horizon import find_horizons
from pipeline.speakers import AUTHOR_VIEW
from pipeline.stance.cues import CONDITION_WORDS

ENDS_IN_LE = re.compile(r"了[”」』）)]*[，,；;：:。！!…]*$")
# 了 after a potential complement (价格战就避不开了, 这一跌躲不过了) is the 了 of a changed state,
# never a perfective one: the clause tells of what can no longer be avoided, not of the past.
POTENTIAL_LE = re.compile(
    r"[\u4e00-\u9fff]不(?:开|过|掉|了|住|动|起|上|下|来|去|到|完)了[”」』）)]*[，,；;：:。！!…]*$"
)
NOT_FUTURE_HORIZON = {"近期"}  # news use it for "recently"
# 长期看好, 短期来看: a vantage, not a due date (none is made up for it).
VANTAGE = {"短期", "中期", "长期", "長期", "中长期"}
# A vantage the author looks from (长期来看, 短期内, 中期：) frames what follows as a forecast,
# cue or no cue (短期内利空尚未出清; real pages: 7 more gold quotes found). Matched on Simplified
# text. Followed by a comma or colon it frames only where it opens a clause: 长期，稳定地排在前三
# describes, and 长期看不到对手 is no vantage either.
VANTAGE_FRAME = re.compile(
    r"(?:短期|中期|长期|中长期|长远|长线)(?:来看|而言|看来|内)"
    r"|(?:^|[，,；;。：:])\s*(?:短期|中期|长期|中长期|长远|长线)\s*[:：，,]"
)
# A probability stated before what it is of (40%概率创新高, 七成把握) makes the clause a forecast.
# Not a bare 可能 after a figure (毛利率75%可能不再是常态 is a modal about the 75 %), nor a rate
# after 概率 (新股中签概率为0.03% is a fact).
STATED_PROBABILITY = re.compile(
    r"\d+(?:\.\d+)?\s*[%％]\s*的?(?:概率|几率|可能性)|[一二三四五六七八九]成的?(?:概率|几率|可能性|把握)"
    # or the odds denied (毛利率回到75%以上的可能性不大): a forecast of the opposite
    r"|(?:可能性|概率|几率)(?:不大|很小|极小|极低|几乎为零|为零|微乎其微)"
)
# A figure forecast by its name: a target price or a guidance with its number (目标价上调至160
# 美元, 下一季度的营收指引是450亿美元左右) is a forecast, whoever states it, with or without a cue.
# Not the digits of a product's name (公司指引里没算H20).
FORECAST_FIGURE = re.compile(
    r"(?:目标价|指引)[^，,。；;！!？?\d]{0,8}?"
    r"(?:(?<![A-Za-z])\d|[一二三四五六七八九十两][一二三四五六七八九十百千万亿]*[百千万亿])"
)
# The author's doubt that a subject can do a thing (我不认为V4能再现R1的冲击, 我不觉得它还能回到
# 年初的高度) forecasts that it will not, as 不会 does; a belief that it can (我认为它能…) reads a
# present ability as often, and is no cue alone.
# Not 能 as a noun (能力, 能源) or in an argument (这能说明什么, 能证明).
DOUBTED_ABILITY = re.compile(
    r"(?:不认为|不觉得|不相信)[^，,。；;：:]{0,24}?(?<!可)能"
    r"(?!力|源|耗|量|说明|证明|代表|解释|理解|接受|看出|看到|想到|体现)"
)
# A trend the author sees going on (会越走越宽, 差距会越拉越大, 只会愈来愈强): as a turn is, with any
# verb between 越 and 越 (会越来越 is one of the turns already).
TREND = re.compile(r"(?:会|将|只会)(?:越|愈).{1,2}?(?:越|愈)")
# A chance (英伟达的股价有机会收复跌幅): a weak cue, like 可能. Read before the words that hold a
# cue without meaning the future are taken out, since 机会 is one of them.
HAS_CHANCE = re.compile(r"有机会")
# Before 或, words that make it "or" (无论降价或涨价).
EITHER_WAY = re.compile(r"无论|不管|是否|不论")
HAN = re.compile(r"[\u4e00-\u9fff]")
# What may follow a one-character verb after 或 (或达到, 或跌破, 或涨至, 或达百亿): any other Han
# character makes a word of its own with the verb (达摩院, 达成, 跌宕).
ONE_CHAR_VERB_OBJECTS = frozenset("到至破近逾约超一二三四五六七八九十百千万亿两数半")
# In the part of a sentence before a closing question, a question word says the whole sentence
# asks (难道英伟达会倒下，再也起不来吗？; 谁能保证…，而且…？; 会不会…，谁知道呢？).
QUESTION_WORD = re.compile(r"难道|为什么|为何|谁|哪|怎么|怎样|是否|多少|(.)不\1")
EITHER_OR = re.compile(r"^\s*还是")  # 英伟达明年会大涨，还是会大跌？ asks
# A closing question that doubts what came before (…，这可能吗？ …，你信吗？) asks about all of it.
DOUBTING_TAIL = re.compile(
    r"^\s*(?:这|那|你)?(?:真的)?(?:有这个|有)?(?:可能|现实|靠谱|可信|信|会|对|是|行)[吗么]"
)
# A clause that is only a verdict on when (…，只是时间问题; …，是迟早的事) says it of the clause
# before it, which the claim quotes too.
WHEN_ONLY = re.compile(
    r"^\s*(?:但|而|那|这)?(?:也|都)?(?:只是|只不过是|不过是|是)个?(?:时间问题|时间的问题|迟早的事|早晚的事)"
    r"(?:罢了|而已)?\W*$"
    # or on how likely: the author would not be surprised by it (股价腰斩，我一点也不会意外)
    r"|^\s*(?:我|那我|我也)?(?:一点|一点儿|丝毫)?(?:也|都)?不会(?:感到|觉得)?(?:意外|惊讶|奇怪)\W*$"
)
# A clause that ends on its verb of forecasting (高盛最新的报告预计，) frames the clause after it,
# which says what is expected: the claim takes that clause in. Not the noun (自己的预测, 不预测).
# The author turning to a view of their own after another's (…，而我觉得…; …，但我认为…; …，我倒觉得…).
OWN_REPLY = re.compile(
    r"^\s*(?:而|但是?|不过|可是|然而|可)?\s*(?:我|笔者|本人)(?:个人)?\s*(?:倒|却|则|反而|还是)?\s*"
    r"(?:觉得|认为|判断|预计|相信|估计|看)"
)
FRAME_END = re.compile(r"(?<![的之不])(?:预计|预测|预估|估计|预言|判断)[\s:：，,]*$")
# A clause that ends on what happens first (谷歌的TPU明年对外销售后, 等R2发布以后): it sets the time
# of the claim after it, and is part of that claim.
WHEN_DONE = re.compile(r"(?:之后|以后|后)\s*[，,]\s*$")
# A claim's first clause that opens on a connective, an adverb or a modal has dropped its
# subject, which the clause before it states (该技术路径已经成熟，或将重新定义行业标准; DeepSeek
# 的训练成本这么低，也会逼着别人降价): the claim starts there.
LEADS_ON = re.compile(
    r"^\s*(?:且|并|所以|因此|因而|也|都|更|就|还|或将|或|恐将|恐|将|会|可能|只会|足以|甚至|最终|终将"
    r"|进而|从而)"
)  # not 但, 而, 反而: what they open turns against the clause before, which is no part of it
# A clause that frames the claim after it (随着…, 若/如果/一旦…, 即使/尽管…, 只要…, 在…之后) is
# part of what the author claims: 若需求被切断，恐将血本无归 claims nothing without it.
FRAME_OPENING = re.compile(
    r"^\s*(?:随着|如果|假如|要是|若|一旦|即使|即便|就算|哪怕|尽管|虽然|只要|在[^，,；;]{0,20}"
    r"(?:下|前|后|之前|之后|时))"
)
# A verb's perfective 了 before what it did (DeepSeek在年底发布了V3.2, 英伟达今年涨了一倍): the clause
# tells what happened, whatever time it names. Not 为了, 除了, 罢了, 算了, 到了 (到了明年 looks ahead),
# 不了 (撑不了多久), nor 了解, 了结, 了却, 了不起, 了如指掌.
PERFECTIVE_LE = re.compile(r"(?<![为除罢算到不])了(?![解结却如不得吧呢吗啊])(?=\w)")
# A word of the future before such a 了 looks ahead to what will have been done (…会是…失去了…).
FUTURE_BEFORE_DONE = re.compile(r"会|将|要|可能|能")
# The past a claim measures against (今年的营收会比去年高, 日子不会像去年那么好过) narrates nothing.
COMPARED_TO_PAST = re.compile(r"(?:比|像|较|于|跟|和|同)(?:去年|前年|过去|此前|上个月|上月|上周)")
# A word in quotation marks is named, not used (明年大概会变成一个「曾经」, 所谓的“已经赢了”): a word
# of the past there tells no story of the clause.
QUOTED_WORD = re.compile(r"[「“\"『‘][^「」“”\"『』‘’]{1,6}[」”\"』’]")
# What was announced is past; what it announces is not (英伟达已宣布将于5月27日公布财报, 阿里已经官宣
# 将于9月24日召开云栖大会, 美国政府已向公司保证将批准许可证): the 已 of the announcement tells no
# story of the clause's event.
ANNOUNCED_AHEAD = re.compile(
    r"已(?:经)?(?:正式)?(?:宣布|官宣|确认|公布|通知|承诺|表态|(?:向[^，,。]{1,8})?保证)(?=[^，,。]{0,4}将)"
)
# A clause before such a verdict that looks back (我早说过, 终于超过了) or only frames it (我认为):
# the verdict is history or has nothing of its own to claim.
# (终于, 那会儿 and 当年 anywhere in the sentence: LOOKED_BACK)
LOOKS_BACK = re.compile(r"说过|了[，,]?\s*$|^\s*(?:我认为|我觉得|我判断|我相信)[，,]?\s*$")
LOOKED_BACK = re.compile(r"那会儿|当年|早就|早说过|终于")
# A cue clause opening with a demonstrative (这可能会很有意思) is about what was said, not about
# the subject word in the clause before it.
DEMONSTRATIVE = re.compile(r"^\s*(?:这|那)")
# A sentence announcing what the text will do next (接下来，我将详细说明…的逻辑; 下面解析…未来方向)
# is about the article, not the world, whatever cue follows in it; what follows a colon after the
# announcement (我们先看看数据：…) is read as a sentence of its own. 分析 and 介绍 can be nouns
# (下面分析称…, 本文分析显示…, 接下来分析机构预计…), and 我要说明的是/我先说明一下结论 lead into a claim.
ANNOUNCES_TEXT = re.compile(
    r"^\W*(?:(?:接下来|下面|下文|以下|本文|这篇文章|这篇|本篇文章|本篇)\W*(?:我们?|笔者)?\s*(?:将|会)?"
    # the writer's next piece (下期我会聊聊…, 下一篇文章我将详细分析…, 明天我们会推送…): the
    # writer named (后面会展开新一轮上涨 is the market's)
    r"|(?:下一?期|下一?篇(?:文章)?|后面|明天|改天|回头)\W*(?:我们?|笔者)\s*(?:将|会)?"
    r"|(?:我们?|笔者)\s*(?:将|会|来|先|再))"
    r"(?:详细|简单|简要|逐一|重点|一起|来|再|先)*"
    r"(?:说明|介绍|解析|分析|讨论|聊聊|谈谈|讲讲|探讨|解释|梳理|盘点|看看|展开|回顾|拆解|解读|推送"
    r"|写一篇|写篇)"
    r"(?!师|人士|员|认为|的|一下|指出|称|显示|表明|机构|结论)"
    # the site or desk promising coverage (本站将持续跟踪…, 我们会第一时间带来…)
    r"|^\W*(?:本站|本网|本报|本刊|本台|本号|本公众号|小编|我们)\s*(?:接下来|后续|之后)?\s*(?:将|会)"
    r"\s*(?:持续|继续|密切|第一时间)*"
    r"(?:跟踪|关注|跟进|报道|更新|带来)"
    # a newsletter's sign-off with no subject (下周将持续追踪。): the whole clause, nothing after
    r"|(?:^|(?<=[，,；;]))\W*(?:下周|下期|下次|后续|之后|今后)?\s*(?:将|会)\s*(?:持续|继续|密切)+\s*"
    r"(?:跟踪|追踪|关注|跟进|报道|更新)\W*$"
)
# The writer's own wish or plan (我真心盼望DeepSeek明年能推出…, 我打算下个月减持…): what the writer
# hopes or means to do, nothing to check; the clause only (…，但我认为它会… goes on to a claim).
# The writer alone: 我们计划… is as often a company's plan, quoted.
# Not 期待 or 期望, as often a forecast (我期待英伟达明年会有更好的表现).
OWN_WISH_OR_PLAN = re.compile(
    r"(?:^|(?<=[，,；;]))\W*(?:我|笔者|本人)\s*(?:真心|真的|很|一直|还是|也|都|是)?\s*"
    r"(?:希望|盼望|期盼|但愿|祝愿|打算|准备|计划|决定)[^，,。；;！!？?]*"
)
# The writer promising to follow the story (笔者还会持续跟踪, 我会继续关注, 下半年我们会继续关注
# 这两家公司的动向: a time may open it, and a newsroom writes 我们): no forecast; the clause only
# (我会继续关注，我认为它明年会涨 goes on to one).
OWN_COVERAGE = re.compile(
    r"(?:^|(?<=[，,；;]))\W*(?:[^，,。；;！!？?我]{1,6}?)?(?:笔者|本人|我们|我|本刊|本报)\s*(?:还|也)?\s*"
    r"(?:将|会)\s*(?:持续|继续|密切|一直)*(?:跟踪|追踪|关注|跟进|更新|观察)[^，,。；;！!？?]*"
)
# A question someone asks, told (不少朋友问我英伟达在中国的业务会受到多大影响; 很多人问我英伟达明年会不会
# 跌，我的回答是：…): it asks, and claims nothing; the clause only, so the answer goes on to a claim.
TOLD_QUESTION = re.compile(
    r"(?:^|(?<=[，,；;]))[^，,。；;！!？?]{0,12}?(?:(?<![访顾学])问|请教|好奇|想知道)(?:我|过我|起)?[，,：:]?"
    r"[^，,。；;！!？?]{0,30}?(?:多大|多少|怎样|如何|是否|何时|什么时候|([^\W\d])不\1)[^，,。；;！!？?]*"
)
# The writer's own open question (我不知道五年后的AI行业会是什么样子, 我自己也不知道短线会不会再跌):
# what the writer says they cannot tell is no forecast; the clause only (我说不准它明年会涨多少，
# 但一定会涨 goes on to one). Not what nothing could do (我不知道还有什么能阻止英伟达明年涨到200美元:
# a claim, put as a question).
OWN_OPEN_QUESTION = re.compile(
    r"(?:^|(?<=[，,；;]))\W*(?:我|笔者|本人|我们)\s*(?:自己|个人|也|真的|实在|并|还|都)*\s*"
    r"(?:不知道|不清楚|说不准|说不好|不确定|无法判断|没法判断|无法预测|猜不到)"
    r"[^，,。；;！!？?]*?(?:(?<!有)什么|多大|多少|怎样|怎么|如何|是否|何时|哪|([^\W\d])不\1|吗|与否)"
    r"[^，,。；;！!？?]*"
)
# A year or a season turning (2024年即将过去, 新的一年就要到来): the calendar, no forecast; the
# clause only (2024年即将过去，明年英伟达会… goes on to one).
# Clauses that foretell nothing, blanked so that a claim after them in the sentence stands (…，
# 但我认为明年一定会涨): the sentence's exclude patterns (prediction_cues.toml) drop it whole.
_CLAUSE_START = r"(?:^|(?<=[，,；;]))"
_IN_CLAUSE = r"[^，,。；;！!？?]"
# An open question told and left open (英伟达明年会不会跌，现在还很难说; 至于…会不会开源，目前还没有定论).
LEFT_OPEN = re.compile(
    rf"{_CLAUSE_START}{_IN_CLAUSE}*?(?:会不会|能不能|是不是|是否|有没有|会怎么|怎么走|走向如何)"
    rf"{_IN_CLAUSE}*[，,：:]\s*(?:现在|目前|眼下)?(?:还|也|都)?"
    r"(?:很难说|难说|说不清|说不准|不好说|没有定论|没定论|尚无定论|没人知道|谁也不知道|谁也说不清"
    rf"|谁也说不准|还不清楚|不清楚|不得而知|没人能预测|无法预测|难以预测|没人说得清){_IN_CLAUSE}*"
)
# A question meant as its answer, its ？ left out (英伟达怎么可能被一家创业公司打败。)
HOW_COULD = re.compile(rf"{_CLAUSE_START}{_IN_CLAUSE}*(?:怎么可能|哪有可能){_IN_CLAUSE}*")
# Either way (明年可能涨，也可能跌): both ways named; not one way twice (可能会涨，也可能会大涨).
_UP_WORD = "涨|升|增长|反弹|走高|回升"
_DOWN_WORD = "跌|降|下滑|回落|走低|萎缩"
BOTH_WAYS = re.compile(
    "|".join(
        rf"{_CLAUSE_START}{_IN_CLAUSE}*?(?:可能|也许|或许){_IN_CLAUSE}{{0,6}}?(?:{a})"
        rf"{_IN_CLAUSE}{{0,6}}?[，,]?\s*也(?:有)?(?:可能|许){_IN_CLAUSE}{{0,6}}?(?:{b}){_IN_CLAUSE}*"
        for a, b in ((_UP_WORD, _DOWN_WORD), (_DOWN_WORD, _UP_WORD))
    )
)
# A wish (英伟达明年要是能涨一倍就好了)
WISH = re.compile(
    rf"{_CLAUSE_START}{_IN_CLAUSE}*?(?:要是|如果|若是|假如)[^。；;！!？?]{{0,24}}?就好了{_IN_CLAUSE}*"
)
CALENDAR_TURNING = re.compile(
    r"(?:^|(?<=[，,；;]))\W*(?:\d{4}\s*年|今年|明年|这一年|新的一年|新年|春节|年底|年末)\s*"
    r"(?:也|又)?(?:即将|就要|快要|马上就要|马上|很快就要|很快)\s*(?:过去|结束|到来|来临|走完)了?"
    r"(?=\W*(?:$|[，,；;。]))"
)
# An inference denied (…，但并不意味着算力需求会下降; 这不代表英伟达会跌): that one thing does not
# follow from another, no forecast of the thing; the clause only (…，反而会涨 goes on to one).
DENIED_IMPLICATION = re.compile(
    r"(?:并|也|却|但)?(?:不|并不|并没有|未必|不一定)(?:意味着|意味|代表|等于|等同于)[^，,。；;！!？?]*"
)
COLON = re.compile(r"[:：]")
# A bare duration (两个月, 大半年) tells how long, not when: 迁移花了两个月 is no horizon.
# Months and quarters take 个 to be a duration: 二季度 and 3月 name periods.
DURATION = re.compile(
    r"^(?!\d{4}\s*年$)[大]?[\d一二两兩三四五六七八九十百半几幾数數多]+\s*"
    r"(?:[个個]\s*(?:年|月|季度|星期|礼拜|周)|年|周|星期|礼拜)$"
    r"|^[几幾数數]\s*月$"
)  # 2026年 names a year; 两周, 三个星期, 数月: how long, not when (3月 is a month's name)
# How many sentences back a target named last still owns a claim's 公司, 股价 or 它: further on, a
# broker's note or a long essay has moved to another company (公司预计今年全年收入将保持较快增长,
# twenty sentences after NVIDIA was named, is the supplier's). On our held-out sets 39 of 40 right
# inheritances reached four sentences or less, and 9 of 10 wrong ones from five or more.
ANAPHOR_REACH = 4
# With no publish date, a time named from the calendar (Horizon.from_calendar: 2025年初, 三季度)
# cannot be told from a period already over: alone it makes no claim (2025年初，DeepSeek全球爆红
# is a story; 伯里三季度豪掷1.87亿美元做空 is history); with a cue it does.
# The period now running, bare (本季度, 这个季度), dates what happened as often as what will
# (本季度英伟达实现营收393亿美元), as bare 今年 does: alone it makes no claim; with a weak cue it
# does (这个季度会是最好的一季).
CURRENT_PERIOD = re.compile(r"^(?:(?:本|这个|这一|这)\s*季度|这季)$")
MIN_CLAIM_CHARS = 5
# What may stand beside a resolution cue in a claim that only says when (基本上, 到时候).
RESOLUTION_FILLER_CHARS = 4
# The author's own frame before it (我的判断是, 我认为): no more content than 基本上.
OWN_VIEW_OPENING = re.compile(
    r"^(?:(?:我们?|笔者|本人)的?(?:判断|看法|观点|结论|预测)是?|(?:我们?|笔者|本人)(?:认为|觉得|判断|相信))[，,：:]?"
)
# Before a claim's first word, what says when or how sure and not who (接下来, 大概率, 我预计):
# a claim that then opens with a verb has no subject of its own (短期可能还会涨, 撑不了多久). So do
# 预期 before 将/会 and 料 before 将, as frames (預期將掀起…, 料将再度超出…), not the noun 预期.
SUBJECTLESS_OPENING = re.compile(
    r"^(?:[\s，,：:、]|接下来|下一步|然后|之后|此后|大概率|很可能|可能|或许|也许|恐怕|估计|预计|"
    r"应该|肯定|一定|必然|迟早|早晚|预期(?=将|会)|预料|料(?=将)|我们?(?:预计|认为|觉得|判断|估计|看)|笔者(?:预计|认为))+"
)


def past_time_and_frame(text: str) -> str:
    """text without its times (明年, 下一季) and the frame and hedge it opens with (预计, 我认为,
    可能): what is left says who or what the claim is about."""
    for h in sorted(find_horizons(text, None), key=lambda h: -h.start):
        text = text[: h.start] + text[h.end :]
    return SUBJECTLESS_OPENING.sub("", text)


# Tags of words that may come before a subjectless claim's verb: times, places in time,
# distinguishers (短期), numbers, adverbs, idioms (接下来), punctuation.
NO_SUBJECT_TAGS = ("t", "f", "b", "m", "d", "l", "x", "c")
# Modal verbs before the claim's own verb (会, 将, 可能…), and the verbs whose subject is no
# company's but a speaker's or an event's (认为, 暗示, 引发, 带动, 涌现, 出现): a claim opening
# with those goes on about what was said or what happened, not about the target.
MODAL_VERBS = frozenset(
    [
        "会",
        "将",
        "将会",
        "可能",
        "可能会",
        "能",
        "能够",
        "要",
        "可以",
        "应该",
        "不会",
        "不能",
        "还会",
        "也会",
        "就会",
        "才会",
        "都会",
        "只会",
        "还要",
        "还能",
    ]
)
NOT_THE_TARGETS_VERBS = frozenset(
    [
        "认为",
        "表示",
        "称",
        "强调",
        "指出",
        "暗示",
        "说",
        "提到",
        "预测",
        "引发",
        "导致",
        "带动",
        "促使",
        "推动",
        "涌现",
        "出现",
        "产生",
        "造成",
        "意味着",
        "朝着",
        "让",
        "使",
        "使得",
        "令",
    ]
)
CLAUSE_OR_DASH = re.compile(rf"——|{CLAUSE_BREAK.pattern}")
CONTENT = re.compile(r"\w")
# 将 before a noun, pronoun or number is the disposal preposition (将英伟达目标价上调 = 把…), not
# the future: the part of speech of the word after it tells which (jieba tags 将 itself always
# as an adverb).
DISPOSAL_OBJECT_TAGS = ("n", "r", "eng")
# Pronouns of manner and questions after 将 are adverbial: 将如何应对, 将这样发展.
# jieba tags some adverbs as nouns (全面, 大力): after 将 they are adverbs too.
NOT_AN_OBJECT = frozenset(
    [
        "如何",
        "怎样",
        "怎么",
        "怎麼",
        "这样",
        "這樣",
        "那样",
        "那樣",
        "彼此",
        "一起",
        "一直",
        "全面",
        "全力",
        "大力",
        "进一步",
        "逐步",
        "持续",
        "继续",
        "首次",
        "正式",
        "率先",
        "大规模",
        # adverbs of manner, scope and plan jieba tags as nouns (资本支出放缓将连带影响电力需求,
        # 将依法处理, 将按计划交付, 将无限期禁止, 将分阶段推出, 将无法交付)
        "连带",
        "一并",
        "依法",
        "按计划",
        "无限期",
        "重点",
        "分阶段",
        "大量",
        "断崖",
        "无法",
    ]
)
# A product name (V3, H20) comes tagged x, as do spaces and marks, which are no object.
LATIN_NAME = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9.\-]*$")
# Tokens after the object in which the disposal verb must come (将旗下多款重量级模型彻底开源).
DISPOSAL_VERB_WITHIN = 6
NAMED_WORD = re.compile(r"[A-Za-z0-9]*[A-Za-z\u4e00-\u9fff]")
Tagger = Callable[[str], list[tuple[str, str]]]
# What a clause may hold besides its time expression and still say nothing (接下来半年，/ 我判断明年
# 这个时候，/ 到年底，): the claim is the clause after it.
# How far ahead one sees: 在可预见的未来 is a time ahead, and 可预见的 is part of it.
FORESEEABLE = r"(?:可以|可)?(?:预见|预期|看得?到|看得见)|可见|不久|不远"
TIME_ONLY_FILLER = re.compile(
    r"[我笔者本人]*(?:判断|预计|预测|认为|觉得|估计|相信|看)?|在|到|于|等到|直到|再过|过|这个时候|那个时候|"
    r"的时候|时候|之前|之后|以前|以后|前|后|时|内|里|左右|前后|为止|来看|而言|看来|来说|"
    # how far ahead one sees (在可预见的未来, 在看得到的未来)
    rf"(?:{FORESEEABLE})的"
)
# The clause right before a claim, when it is short enough to be only a word of certainty.
LEAD_CLAUSE = re.compile(r"(?:^|[，,。；;：:])\s*([^，,。；;：:！!？?]{2,8})[，,]\s*$")
# A clause opening with one of these and holding nothing else but a time (但是明年, 但短期来看)
# is a bare time too; 所以明年涨 is not.
LEADING_CONJUNCTION = re.compile(r"^(?:但是|但|不过|可是|然而|而|所以|因此)")
# A pronoun standing for the target named in the sentence or the one before it in the paragraph
# (它会回到正常位置). Not 其: 其实, 尤其, 顺其自然, 适得其反 (the rules read Simplified text).
PRONOUN = re.compile(r"它|该公司|这家公司|这个团队")
# The future as a thing a company has (DeepSeek的未来充满不确定性, 对其未来的影响), not a time ahead;
# the foreseeable future is one (在可预见的未来), and so is a span of it (它的未来三年).
# A condition set in the past (如果当初DeepSeek没有开源, 要是英伟达当年没收购Mellanox): the sentence
# says what would have been. Not the past as a noun's attribute (如果当年的泡沫重演: that may come).
# Only in the condition's first clause, after at most a subject (如果半年以后DeepSeek泯然众人，当初
# 人云亦云那批人选择性遗忘了，那我就…: 当初 qualifies people, the condition is ahead).
PAST_CONDITION = re.compile(r"[^，,；;：:]{0,10}?(?:当初|当年|当时|早知道)(?!的)")
# What could or should have been (若不是H20相关损失，营收指引本可以高出约80亿美元; 本该是它的市场):
# a counterfactual, no forecast, whatever its time or cue.
# Not the 本 of a word (资本可以, 成本可以, 基本可以确定, 日本可能).
WOULD_HAVE_BEEN = re.compile(
    r"(?<![资成基根日版样文剧账课脚话书])本来?(?:可以|可|应该|应|该)"
    # 本来会, 原本会更高: what would have been (如果去年没有被禁售，它的中国营收本来会更高)
    r"|(?<![资成基根日版样文剧账课脚话书])本来会|原本(?:会|可以|可|应该|应|该)"
)
# A change measured so far (费城半导体指数年内跌超20%, 年内累计跌幅扩大至约20%, 三个月内涨幅超过
# 90%): a market's record over a period up to now, not a forecast by its time alone.
MEASURED_SO_FAR = re.compile(
    r"(?:累计|至今|以来|(?:涨|跌)(?:超|逾|近|了)|(?:涨|跌)幅(?:超过|超|达到?|扩大至|收窄至))"
    r"[^，,。；;]{0,8}?\d+(?:\.\d+)?\s*[%％倍]"
)
# What happens every time or every year (英伟达每年三月都会举办GTC大会, 每次财报后股价都会波动): a
# habit, not what will happen; its modal (会, 要, 将) is blanked. A time ahead or a strong cue
# in the clause still makes it a forecast (未来三年每年都会增长三成).
HABIT = re.compile(
    r"(?:每一?(?:年|次|逢|到|当|个|季度|季|月|周|天|代|轮|回)(?!的)|一般|往往|通常|总是|向来|历来)"
    r"[^，,。；;！!？?]{0,20}?(?:都|总|也|就)?(会|要|将)"
)
# …and a clause going on from a frame of every time (每次美股大跌，英伟达都会跌得更狠; 每到英伟达财报季，
# “AI泡沫”这个词的搜索量就会准时上涨: a subject of up to 20 characters before its 就会).
EVERY_TIME_FRAME = re.compile(r"(?:^|[，,；;])\s*每一?(?:次|当|逢|到|回|轮)[^，,。；;]*[，,]\s*$")
HABIT_GOES_ON = re.compile(r"^[^，,。；;]{0,20}?(?:都|总|也|就)(会|要|将)")
# A prospect inside a noun of news or fear (与中国可能限制采购H20的消息有关, 市场对英伟达将被替代的担忧):
# what was reported or feared, not the writer's forecast; its modal is blanked. Not where a
# preposition brings in an object (投资者会对DeepSeek的消息作出反应: the 会 is the sentence's).
PROSPECT_IN_NEWS = re.compile(
    r"(?:可能|或将|恐将|将会|将|会)(?=[^，,。；;！!？?对把向]{1,20}?的"
    r"(?:消息|传闻|传言|报道|说法|担忧|忧虑|疑虑|猜测|揣测|风声))"
)
FUTURE_AS_NOUN = re.compile(
    rf"({FORESEEABLE})?(?:的|其)未来(?![一二两三四五六七八九十几数半\d]|\s*\d)"
    # and what it qualifies as a noun's attribute (影响台积电未来走向, 公司的未来战略)
    r"|未来(?=的?(?:走向|方向|趋势|规划|计划|战略|布局|路线|蓝图|命运))"
)
# A clause that opens with an actor other than the catalogue's targets (中国, 国产芯片, 华为…) is
# about that actor: it takes no target from the rest of its sentence.
OTHER_ACTOR = re.compile(
    r"^[\s“「『\"]*(?:但是|但|不过|而且|而|所以|因此)?\s*(?:我认为|我判断|我预计|我相信|预计|估计)?[，,]?\s*"
    # a time before it (两三年内, 明年, 未来三年): a time, not any clause ending in 年 or 内
    r"(?:到?(?:明年|今年|后年|年内|(?:未来|接下来)(?:[一二两三四五六七八九十几\d]{1,3}(?:年|个月|个季度))?"
    r"|(?:20)?\d{2}年|[一二两三四五六七八九十\d]{1,3}年[内后]?"
    r"|下半年|上半年|短期内?|长期)(?:这个时候|底|年底)?[，,]?\s*)?"
    # another company or a part of its own (台积电下个月营收会再创新高, CoWoS的产能, HBM4将于…出货),
    # whose figures are its own, as are the buyers' (四大云厂商的资本开支, AI服务器营收), though what
    # buyers order is the seller's demand (明年云厂商的订单会放缓)
    r"(?:(?:华为|昇腾|寒武纪|海光|AMD|英特尔|谷歌|TPU|微软|亚马逊|苹果|Meta|OpenAI|阿里|腾讯|字节|百度"
    r"|台积电|三星|SK海力士|海力士|美光|博通|中芯国际|CoWoS|HBM|ASIC)"
    r"|(?:大厂|科技巨头|(?:[一二两三四五六七八九十\d]大|主要|北美|美国|国内|海外)?云厂商|(?:AI)?服务器)"
    r"(?![^，,。]{0,4}(?:订单|采购|需求|拿货))"
    # or a place, a market or the world, but not the target's own figures there (中国区收入, 国内销量,
    # 中国市场的营收, AI软件收入, 全球企业端的需求)
    r"|(?:中国|国产|国内|美国|美股|A股|港股|台股|全球|AI|人工智能)"
    r"(?!区|市场|[^，,。]{0,4}(?:销量|收入|营收|份额|市占率|出货|订单|地位|业务|软件|用户|需求)))"
)


def about_another_actor(text: str) -> bool:
    """Whether a claim or clause is about an actor other than the catalogue's targets: it opens
    with one and does not speak of "it" (它, 其, 该公司), which makes it about a target even with
    another subject (AMD明年会抢走它一部分份额)."""
    return bool(OTHER_ACTOR.match(text)) and not TARGET_PRONOUN.search(text)


# A subject of its own in a clause (大家应该…, 你可能也…): a cue there is not about the clause before.
OWN_SUBJECT = re.compile(r"^[^，,]{0,4}?(?:我|你|他|她|大家|很多人|有人|人们|网友|投资者)")
# The writer's view opening a clause (我认为, 笔者觉得, 在我看来): what follows it is what they say,
# and its subject is that of the view (我认为英伟达在中国的营收，今年不会有实质性的恢复).
OPENING_VIEW = re.compile(rf"^\s*(?:{AUTHOR_VIEW.pattern})\s*[，,:：]?\s*")
# A claim that names no target but speaks of "it" or of a company's numbers is about the target
# named last (它的份额会降, 股价能回到80就不错了).
ANAPHOR = re.compile(
    IT + r"|公司|股价|股價|市值|毛利率|营收|營收|订单|訂單|估值|财报|財報|"
    r"新模型|下一代|护城河|護城河|份额|份額|这颗雷|它们|收入|销售额|净利润|市占率"
    # the product the sentence before named (DeepSeek发布了V3.2。这个模型的调用量会翻倍)
    r"|这个模型|这款模型|该模型|这款芯片|该芯片|這個模型|這款模型|該模型|這款晶片|該晶片"
)

# Words of ANAPHOR that any company on the page has (公司预计… on a supplier's page, 下一代MI350):
# under a title naming a target they are not therefore that target's.
GENERIC_FIGURES = frozenset(["公司", "新模型", "下一代"])

# A condition alone, in one clause (若未来无法持稳或下降): the condition words, and 若, which is no
# condition word anywhere in a sentence (若涵 is a name) but is one opening a clause; 除非 apart.
PREMISE_ONLY = re.compile(
    f"^(?:{'|'.join(w for w in CONDITION_WORDS if w != '除非')}|若)[^，,；;]*$"
)


def premise_only(text: str) -> bool:
    """A condition whose consequent was cut away (若未来无法持稳或下降, before …这将是泡沫的领先指标):
    it claims nothing of its own."""
    return bool(PREMISE_ONLY.match(text.strip()))
