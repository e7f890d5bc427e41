"""Predictions: checkable claims about the future, with target, direction, due date and hedge.

Work is at clause level. A clause is forward-looking when it carries a strong future cue (预计,
必将, 未来…), a horizon that lies after the publish date (半年以后, 明年…), or a weak modal (会,
将, 可能…) about something worth predicting (a target, a price, demand, a market). A clause that
narrates the past (已经, 去年, …了) is not. The quote runs from the first to the last such clause
of a sentence, so "他指出，" or "近期，" stays out and one sentence yields one checkable claim.

Rhetorical questions and counterfactuals are not predictions. A conditional (如果…那…) is quoted
whole with its condition; a falsification bet (如果半年以后 X, 那我认错) predicts not-X: direction
comes from the rules of direction.py, on the same cue scorer as stance, which flip such
premises. A prediction without a horizon of its own inherits the one stated just before it in
the same or the previous paragraph, unless it is conditional, or the one the author sets for the
whole case (the seed's 半年左右), and says so in `horizon_source`. Who
speaks is recorded too: the author, or someone the author reports (分析师预计…, 英伟达预计…;
speakers.py). The cue words are data: data/lexicons/prediction_cues.toml, read by prediction_cues.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from pipeline.clauses import (
    CLAUSE,
    CLAUSE_BREAK,
    IT,
    TARGET_PRONOUN,
    TRAILING_PUNCT,
    claim_targets,
    only_causes,
    without_causes,
)
from pipeline.direction import (
    GOOD_TIMES_END,
    GOOD_TIMES_LAST,
    VERDICT_CLAUSE,
    VERSUS_NOW,
    DirectionRules,
)
from pipeline.horizon import SPAN_FROM_NOW, UNDATED_TIMES, Horizon, find_horizons
from pipeline.nlp import Sentence, to_simplified
from pipeline.prediction_cues import PredictionCues
from pipeline.records import Article, Prediction, sha256_hex
from pipeline.settings import Settings
from pipeline.speakers import (
    AUTHOR_SUBJECT,
    AUTHOR_VIEW,
    INTERVIEWEE_LABEL,
    SpeakerReader,
    Voice,
    paragraph_quotes,
)
from pipeline.stance.cues import (
    CONDITION_WORDS,
    FALSIFICATION,
    VINDICATION,
    CueScorer,
    split_conditional,
)
from pipeline.targets import Catalogue

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
    r"|(?:我们?|笔者)\s*(?:将|会|来|先|再))"
    r"(?:详细|简单|简要|逐一|重点|一起|来|再|先)*"
    r"(?:说明|介绍|解析|分析|讨论|聊聊|谈谈|讲讲|探讨|解释|梳理|盘点|看看|展开|回顾)"
    r"(?!师|人士|员|认为|的|一下|指出|称|显示|表明|机构|结论)"
    # the site or desk promising coverage (本站将持续跟踪…, 我们会第一时间带来…)
    r"|^\W*(?:本站|本网|本报|本刊|本台|小编|我们)\s*(?:将|会)\s*(?:持续|继续|密切|第一时间)*"
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
)  # 2026年 names a year; 两周, 三个星期: how long, not when
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


def _past_time_and_frame(text: str) -> str:
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
_LEAD_CLAUSE = re.compile(r"(?:^|[，,。；;：:])\s*([^，,。；;：:！!？?]{2,8})[，,]\s*$")
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
WOULD_HAVE_BEEN = re.compile(r"(?<![资成基根日版样文剧账课脚话书])本来?(?:可以|可|应该|应|该)")
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


def _premise_only(text: str) -> bool:
    """A condition whose consequent was cut away (若未来无法持稳或下降, before …这将是泡沫的领先指标):
    it claims nothing of its own."""
    return bool(PREMISE_ONLY.match(text.strip()))


@dataclass(frozen=True)
class ClaimContext:
    """Where a claim sits in its article, which the claim filter reads beside the claim itself.

    Why: the quote alone does not say whether it is part of the article's case about a target or
    an aside (a technical digression, another industry), nor whether the article is a page of
    forward-looking musing where a reader tracks only a few claims. Measured on the claim filter
    (`benchmarks/stability.py --only claims`, refits): stance-dev F1 0.728–0.734 → 0.738–0.753,
    real pages 0.466–0.473 → 0.486–0.495. How many claims the article holds in all tells a long
    page, where a reader tracks a small share of them, from a short post at the same density
    (with the long pages of data/labelled/stance/longread.jsonl: stance-dev 0.764 → 0.782, held-out
    long pages 0.711 → 0.763)."""

    target_distance: int  # sentences to the nearest one naming a catalogue target (0: its own)
    density: float  # the article's claims found by the rules, per sentence
    found: int  # the article's claims found by the rules

    FAR = 10  # farther than this counts as this far; an article naming no target is this far
    MANY = 64  # this many claims in one article count as the most

    def features(self) -> list[float]:
        return [
            min(self.target_distance, self.FAR) / self.FAR,
            self.density,
            math.log1p(min(self.found, self.MANY)) / math.log1p(self.MANY),
        ]


Contexts = dict[str, ClaimContext]  # by quote


@dataclass(frozen=True)
class _Claim:
    start: int  # offsets in the simplified sentence
    end: int
    horizon: Horizon | None


@dataclass(frozen=True)
class _Around:
    """What the sentences before one tell of it. Why apart: a claim often names neither its
    target (它会回到正常位置, 股价能回到80) nor its speaker (同时…, after 分析师表示…), and the
    sentences before it do."""

    previous_named: frozenset[str]  # the targets named last, within ANAPHOR_REACH sentences
    just_named: frozenset[str]  # the ones the sentence just before names
    refers: bool  # whether it names a target or the paragraph speaks of one it may mean (它)
    voice: Voice


@dataclass(frozen=True)
class _Preceding:
    """What the sentences read so far leave to the next one. Why: each sentence is read once,
    in order, and only this much of the ones before reaches on to the next."""

    named: frozenset[str] = frozenset()  # the targets named last
    named_at: int = 0  # the index of the sentence that named them
    sentence: Sentence | None = None  # the sentence before, for a pronoun's reach
    reported: bool = False  # whether it speaks in a voice other than the author's
    # whether it spoke of a target named before it as 它 (…它会…。它依然会是…): the pronoun
    # reaches on through the paragraph's sentences that keep using it
    referred: bool = False
    interviewee: bool = False  # whether its paragraph is an interview's answer (Voice)

    def around(self, index: int, sent: Sentence, quotes: tuple[int, bool]) -> _Around:
        """What this leaves to the sentence at index, whose paragraph has quotes (open marks,
        balance: paragraph_quotes). A pronoun and a voice reach on within a paragraph only; a
        target named last reaches on for ANAPHOR_REACH sentences, whatever the paragraph."""
        before = self.sentence
        same_paragraph = before is not None and before.paragraph == sent.paragraph
        refers = bool(sent.targets) or (same_paragraph and (bool(before.targets) or self.referred))
        return _Around(
            previous_named=self.named if index - self.named_at <= ANAPHOR_REACH else frozenset(),
            just_named=before.targets if before is not None else frozenset(),
            refers=refers,
            voice=Voice(
                after_reported=same_paragraph and self.reported,
                open_quotes=quotes[0],
                quotes_balance=quotes[1],
                interviewee=self.interviewee
                if same_paragraph
                else bool(INTERVIEWEE_LABEL.match(sent.text)),
            ),
        )


@dataclass(frozen=True)
class _Reading:
    """A sentence the rules read as asserting something. Why: the rules find offsets in the
    Simplified text; they hold in the original only when OpenCC kept its length (it nearly
    always does), and the quote, the horizon and the condition are cut by them."""

    sentence: Sentence
    full: str  # the whole sentence in Simplified
    simplified: str  # the part that asserts (_asserted), in Simplified
    around: _Around

    @property
    def same(self) -> bool:
        """Whether offsets in the Simplified text hold in the original."""
        return len(self.full) == len(self.sentence.text)

    @property
    def text(self) -> str:
        """The text a horizon is quoted from: the original where offsets hold in it."""
        return self.sentence.text if self.same else self.full

    def quote(self, body: str, claim: _Claim) -> str:
        """The claim as the page has it, so that a reader finds it there; the whole sentence
        where offsets do not hold in the original."""
        sent = self.sentence
        start, end = (claim.start, claim.end) if self.same else (0, len(sent.text))
        return body[sent.start + start : sent.start + end]


@dataclass
class _Times:
    """The times a claim with no time of its own takes, as a reader would: one stated before
    it in its sentence, dated or not (短期内国产芯片追不上，英伟达的地位不会动摇: both are the short
    term's), and, for the author's own claims, the one the author sets for the whole case
    (article_horizon: the seed's 半年左右). Not the time of a claim in another sentence: gold
    gives two claims in five of those no time at all, and a due date borrowed from a neighbour
    puts a claim in the ledger on a day its author never named (measured on the dev sets, on
    matched claims whose gold says whether they have a time, none included: stance-dev 0.827 →
    0.862, essays 0.836 → 0.857, samples 0.761 → 0.824; on the claims whose gold names a time
    alone, 0.882 → 0.871 and 0.902 → 0.896)."""

    whole_case: tuple[Horizon, str] | None  # horizon, as written
    in_sentence: tuple[Horizon, str] | None = None  # horizon, as written

    def next_sentence(self) -> None:
        """A time stated in one sentence holds for its later claims only."""
        self.in_sentence = None

    def for_claim(
        self, stated: Horizon | None, text: str, by_author: bool
    ) -> tuple[Horizon | None, str | None, str | None]:
        """The claim's horizon, as written, and its source (stated, inherited); a stated one is
        remembered for the claims after it in the sentence. text: the sentence the stated
        horizon's offsets are in. (A claim pointing back, 到时候 or 届时, takes no earlier
        sentence's time either: gold gives such a claim none as often as that time.)"""
        if stated is not None:
            written = text[stated.start : stated.end]
            self.in_sentence = (stated, written)
            return stated, written, "stated"
        if self.in_sentence is not None:
            return *self.in_sentence, "inherited"
        if self.whole_case and by_author:
            # The author's own claims resolve when the author said the case would.
            return *self.whole_case, "inherited"
        return None, None, None


class PredictionExtractor:
    def __init__(
        self,
        cues: PredictionCues,
        scorer: CueScorer,
        catalogue: Catalogue,
        keep: Callable[[list[Prediction], Contexts], list[Prediction]] | None = None,
        tagger: Tagger | None = None,
    ) -> None:
        self.cues = cues
        self.scorer = scorer
        self.catalogue = catalogue
        self.keep = keep  # the trained claim filter (claims.py), when one is configured
        self.tagger = tagger  # ChineseNLP.tagged: tells the future 将 from the disposal one
        self.directions = DirectionRules(cues, scorer, catalogue)
        self.speakers = SpeakerReader(cues, scorer)

    @classmethod
    def from_settings(
        cls, settings: Settings, scorer: CueScorer, catalogue: Catalogue, tagger: Tagger | None
    ) -> PredictionExtractor:
        """The rules alone, with the configured cue file (the claim filter is set as keep)."""
        return cls(
            PredictionCues.load(settings.path("prediction_cues")), scorer, catalogue, tagger=tagger
        )

    def hedge(self, text: str) -> str:
        """How sure the claim sounds; the stated probability of its Brier score. Words that only
        hold a hedge word are read first: an expectation beaten (超过市场预期) is a noun, and a
        flat denial (绝不可能) is certain, though 可能 and 预期 stand in them."""
        text = self.cues.not_hedge.sub("□", self.cues.expectation.sub("□", text))
        denied = self.cues.certain_denial.search(text) is not None
        text = self.cues.certain_denial.sub("□", text)
        if any(c in text for c in self.cues.likely):
            return "likely"
        if (
            any(c in text for c in self.cues.possible)
            or self._news_maybe(text)
            or self.cues.fear.search(text)
        ):
            return "possible"
        if denied or any(c in self.cues.not_certain.sub("", text) for c in self.cues.certain):
            return "certain"
        return "likely"

    def _hedge_lead(self, before: str) -> str:
        """A short clause that opens the sentence before the claim with nothing but how sure it
        is (毫无疑问，…; 我敢肯定，…; 大概率，…): the claim's hedge, though its quote starts
        after it. Not a clause that claims something itself (可能会涨，…)."""
        m = _LEAD_CLAUSE.search(before)
        if not m or self.cues.change.search(m.group(1)):
            return ""
        lead = m.group(1)
        cues = (*self.cues.certain, *self.cues.likely, *self.cues.possible)
        return lead if any(c in lead for c in cues) else ""

    def strong_cue(self, text: str, before: str = "") -> bool:
        """A cue that makes a clause forward-looking on its own (预计, 将会, 缺口或达…, 恐再下滑; 会越来越
        where the clause tells of no past: 一度要反超 is history; its best days behind it or still
        ahead (高光时刻已经过去, 好日子屈指可数, 黄金期可能已经过了, 好日子还长着呢), which says what
        comes next though its words are of the past: the pairs the direction rules read as 到头 and
        持久). 难以持续 and the other cues of whether a state lasts count where no word of the past
        stands in the clause or in the sentence before it (before: 去年四季度，低价策略难以为继 is
        history), unless the clause turns with 但 or 不过 (此前很亮眼，但这种增速很难持续)."""
        if any(c in text for c in self.cues.strong) or DOUBTED_ABILITY.search(text):
            return True
        if any(p.search(text) for p in (self.cues.peak_passed, GOOD_TIMES_END, GOOD_TIMES_LAST)):
            return True
        if (any(c in text for c in self.cues.turns) or TREND.search(text)) and not any(
            m in text for m in self.cues.turns_not_after
        ):
            return True
        if lasting := [c for c in self.cues.lasts if c in text]:
            told = text if LEADING_CONJUNCTION.match(text.lstrip()) else before + text
            for cue in lasting:  # its own words are no past (才刚刚开始 holds 刚刚)
                told = told.replace(cue, "□")
            if not any(m in told for m in self.cues.lasts_not_after):
                return True
        return self._news_maybe(text) or bool(self.cues.fear.search(text))

    def _news_maybe(self, clause: str) -> bool:
        """或 + a verb read as "may" (缺口或达180亿美元, …，或对冲损失), not as "or": no other 或
        in the clause (或涨或跌), no 无论/不管/是否 before it, and the word before it no verb,
        adjective or change word (放大或缩小, 上涨或下跌, 持续增长或持续下滑, 维持现状或改变)."""
        m = self.cues.maybe.search(clause)
        if m is None or self.tagger is None or clause.count("或") > 1:
            return False
        if EITHER_WAY.search(clause, 0, m.start()):
            return False
        words = self.tagger(clause[: m.start()])
        before = next(((w, t) for w, t in reversed(words) if w.strip()), None)
        if before is None:
            return True  # opening its clause (…，或导致…): "or" would be 或者 there
        word, tag = before
        if tag.startswith(("v", "a", "d")) and tag != "vn":
            return False
        after = clause[m.end() : m.end() + 1]
        if len(m.group(0)) == 2 and HAN.match(after) and after not in ONE_CHAR_VERB_OBJECTS:
            return False  # 英伟达或达摩院, 阿里或达成…: a name or a word, not 或 + 达
        return not self.cues.change.search(word)

    def _future_horizon(self, h: Horizon, published: date | None, bare_year: bool = False) -> bool:
        """bare_year: whether the current year, bare (今年), counts; it makes no forecast of a
        clause, since it dates what happened as often as what will, but it dates one that is
        (英伟达的股价今年一定会再创新高: due at the year's end)."""
        if h.text in NOT_FUTURE_HORIZON or DURATION.match(h.text):
            return False
        if not bare_year and (
            h.text == "今年"
            or (published is not None and re.fullmatch(rf"{published.year}\s*年", h.text))
        ):
            return False
        if h.due is None or published is None:
            return True
        return h.due > published

    @staticmethod
    def _forward(h: Horizon, published: date | None) -> bool:
        """Whether a future time alone makes a clause a forecast: not a vantage (长期), not a time
        without measure (未来, 很快: AI的未来 is a noun as often), not the period now running,
        not a fiscal year (2026财年营收达到… reports as often as it forecasts), not a day
        (1月27日美股开盘, in an essay a year on, recalls the crash), and with no publish date only
        a time counted from now (明年, 下个季度, 半年以后), not one named from the calendar. Nor
        weeks or days (一周之后，App冲上榜首; 一周之内全部跟进; 三天后登顶) or the running week: essays count them from
        the event they tell of far more often than from the page's day; they date a claim a cue
        makes (V4两周内会发布). 明天 likewise (明天肯定涨 is a claim by its cue)."""
        if h.kind in ("fiscal", "day", "days", "weeks", "this_week", "rel_day"):
            return False
        if h.text in VANTAGE or h.text in UNDATED_TIMES or CURRENT_PERIOD.match(h.text):
            return False
        return published is not None or not h.from_calendar

    def _predictive(
        self,
        clause: str,
        horizons: list[Horizon],
        named: bool,
        published: date | None,
        before: str = "",
    ) -> bool:
        """before: the sentence before the clause, where a word of the past tells that a state
        which did not last is history (strong_cue)."""
        cleaned = self.without_not_future(clause)
        if WOULD_HAVE_BEEN.search(cleaned):
            return False
        if EVERY_TIME_FRAME.search(before):
            cleaned = HABIT_GOES_ON.sub(lambda m: m.group(0)[:-1] + "□", cleaned, count=1)
        strong = self.strong_cue(cleaned, before)
        narrated = QUOTED_WORD.sub("", ANNOUNCED_AHEAD.sub("", COMPARED_TO_PAST.sub("", cleaned)))
        if not strong and (
            any(m in narrated for m in self.cues.past)
            or (
                (
                    (ENDS_IN_LE.search(cleaned) and not POTENTIAL_LE.search(cleaned))
                    or self._done_then(cleaned, horizons)
                )
                and not self._then_done(cleaned, horizons, published)
            )
        ):
            return False
        if (
            strong
            or (
                any(self._ahead_alone(h, published) for h in horizons)
                and not MEASURED_SO_FAR.search(cleaned)
            )
            or VANTAGE_FRAME.search(cleaned)
            or STATED_PROBABILITY.search(clause)  # (可能性 is taken out of cleaned)
            or FORECAST_FIGURE.search(cleaned)
        ):
            return True
        weak = any(c in self.without_disposal(cleaned) for c in self.cues.weak) or bool(
            HAS_CHANCE.search(clause)
        )
        # The running period is what a weak cue can be about (这个季度我觉得会是最好的一季).
        return weak and (
            named
            or any(w in clause for w in self.cues.subjects)
            or any(CURRENT_PERIOD.match(h.text) for h in horizons)
        )

    def _ahead_alone(self, h: Horizon, published: date | None) -> bool:
        """A time ahead of the page that makes its clause a forecast with no cue (明年, 下个季度)."""
        return self._future_horizon(h, published) and self._forward(h, published)

    @staticmethod
    def _done_then(clause: str, horizons: list[Horizon]) -> bool:
        """A time, then a verb's perfective 了 (DeepSeek在年底发布了V3.2, 英伟达今年涨了一倍): what
        was done at that time. Not a time after it (这笔交易锁定了未来数年的需求: what it holds)."""
        done = PERFECTIVE_LE.search(clause)
        if done is None or FUTURE_BEFORE_DONE.search(clause, 0, done.start()):
            return False
        times = [clause.find(h.text) for h in horizons if h.text in clause]
        return bool(times) and all(0 <= at < done.start() for at in times)

    def _then_done(self, clause: str, horizons: list[Horizon], published: date | None) -> bool:
        """A time ahead, then 就 … 了: what will be over by then (明年国产模型就不是它领跑了,
        过两个月就没人提了). The 了 that ends the clause tells of that time, not of the past. A
        span counted from an event (那场争论半年后就见分晓了) tells of the past as often: only one
        counted from now (过两个月, 再过一年) counts."""
        return any(
            self._ahead_alone(h, published)
            and (h.kind != "span" or h.text.startswith(SPAN_FROM_NOW))
            and re.search(re.escape(h.text) + r"[^，,]*就", clause)
            for h in horizons
        )

    def without_not_future(self, clause: str) -> str:
        """The clause with the words that hold a cue without meaning the future (需要, 社会, 不予
        理会, DeepSeek的未来) taken out; not where the word would take half of another word of the
        clause: in 推理会取代训练, 整体会保持 and 大约会在 the 会 is the future's (推理 + 会, not
        理会)."""
        clause = FUTURE_AS_NOUN.sub(lambda m: m.group(0) if m.group(1) else "□", clause)
        clause = HABIT.sub(lambda m: m.group(0)[:-1] + "□", clause)
        clause = PROSPECT_IN_NEWS.sub(lambda m: "□" * len(m.group(0)), clause)
        pattern = self.cues.not_future
        if self.tagger is None or not pattern.search(clause):
            return pattern.sub("", clause)
        words = [w for w, _ in self.tagger(clause)]
        if "".join(words) != clause:
            return pattern.sub("", clause)  # a tagger that does not give the clause back
        bounds, at = [], 0
        for w in words:
            bounds.append((at, at + len(w)))
            at += len(w)
        kept, pos, i = [], 0, 0
        while m := pattern.search(clause, i):
            s, e = m.span()
            if any(a < s < b < e or s < a < e < b for a, b in bounds):
                i = s + 1  # 推理|会: 理会 straddles a word's end; read on from the next character
                continue
            kept.append(clause[pos:s])
            pos = i = e
        kept.append(clause[pos:])
        return "".join(kept)

    def without_disposal(self, clause: str) -> str:
        """The clause with every disposal 将 (将其列为, 将V3的成本压缩至) blanked out."""
        if "将" not in clause or self.tagger is None:
            return clause
        words = self.tagger(clause)
        if "".join(w for w, _ in words) != clause:
            return clause  # a tagger that does not give the clause back says nothing about it

        def disposal(i: int) -> bool:
            # 将 + object + verb: 估值折价将消失 has no verb after its "object" (jieba tags 消失 n).
            if i + 2 >= len(words) or words[i + 1][0] in NOT_AN_OBJECT:
                return False
            if words[i + 1][0].startswith("于"):
                return False  # 将于本周发布, 将于1月29日: a time or place, then the verb
            after = words[i + 2 : i + 2 + DISPOSAL_VERB_WITHIN]
            word, tag = words[i + 1]
            is_object = (
                tag.startswith(DISPOSAL_OBJECT_TAGS)
                or bool(LATIN_NAME.match(word))
                or (tag == "x" and bool(NAMED_WORD.match(word)))  # V3模型: a user-dictionary name
            )
            return is_object and any(t.startswith("v") for _, t in after)

        return "".join("□" if w == "将" and disposal(i) else w for i, (w, _) in enumerate(words))

    def _claims(
        self, simplified: str, published: date | None, named: bool, refers: bool = False
    ) -> list[_Claim]:
        """The claims in a sentence, in order. named: the sentence names a target; refers: it or
        the sentence before it in the paragraph does, so 它/该公司 in a clause stand for that
        target."""
        # A time attached to a noun (明年的营收会增长五成) dates a claim a cue makes; it makes none
        # (明年的"期货"都分完了).
        horizons = find_horizons(simplified, published, of_nouns=True)
        timed = [h for h in horizons if not h.of_noun]
        cond = split_conditional(simplified)
        if cond and PAST_CONDITION.match(simplified, cond[1], cond[2]):
            return []  # 如果当初没有开源R1，它也不会火遍全球: what would have been
        if cond:
            # A conditional is one claim with its condition: predictive if any part is.
            start = cond[0]
            if cond[2] == len(simplified) and start > 0:
                before = [h for h in timed if h.end <= start]
                if self._predictive(simplified[:start], before, named, published):
                    start = 0  # 英伟达明年会大跌，如果禁令延续的话: the condition follows its claim
            inside = [h for h in timed if h.start >= start]
            if not self._bet(simplified, cond) and not self._conditional_predicts(
                simplified, start, inside, named, published
            ):
                return []
            return [
                _Claim(
                    start,
                    len(simplified),
                    self._conditional_horizon(
                        simplified,
                        cond,
                        [h for h in horizons if h.start >= start],
                        published,
                        start,
                    ),
                )
            ]
        flagged = []
        previous = None
        for m in CLAUSE.finditer(simplified):
            inside = [h for h in timed if m.start() <= h.start < m.end()]
            clause_named = bool(self.catalogue.mentioned(m.group(0))) or (
                refers and bool(PRONOUN.search(m.group(0)))
            )
            if WHEN_ONLY.match(m.group(0)):
                # 国产替代，只是时间问题: the clause before is the claim; alone, or after a frame
                # or a look back (我早说过，这只是时间问题), the verdict claims nothing
                if (
                    previous is not None
                    and not LOOKS_BACK.search(previous.group(0))
                    and not LOOKED_BACK.search(simplified)
                ):
                    flagged += [previous, m]
            elif self._predictive(
                m.group(0), inside, clause_named, published, simplified[: m.start()]
            ):
                flagged.append(m)
            elif (
                previous is not None
                and self._subject_clause(previous.group(0))
                and not OWN_SUBJECT.search(m.group(0))
                and not DEMONSTRATIVE.match(m.group(0))
                and self._predictive(m.group(0), inside, True, published, simplified[: m.start()])
            ):
                # DeepSeek要重回第一梯队，恐怕很难: the cue's subject is the clause before.
                flagged += [previous, m]
            elif previous is not None and GOOD_TIMES_END.search(
                simplified, previous.start(), m.end()
            ):
                # 它最好的时光，很可能已经过去了: the good times and their end, a comma apart
                flagged += [previous, m]
            previous = m
        flagged = sorted(set(flagged), key=lambda m: m.start())
        runs = self._by_subject(simplified, flagged, timed)
        # where the next run starts
        limits = [start for start, _ in runs[1:]] + [len(simplified)] if runs else []
        claims = (
            self._span(simplified, start, run, limit, timed, horizons, named, published)
            for (start, run), limit in zip(runs, limits, strict=True)
        )
        return [c for c in claims if c is not None]

    def _conditional_predicts(
        self,
        simplified: str,
        start: int,
        horizons: list[Horizon],
        named: bool,
        published: date | None,
    ) -> bool:
        """Whether a conditional from start on forecasts: read whole, or clause by clause (any
        part makes it one claim), so that a remark after the claim (…，英伟达全年将因此损失约150亿
        美元收入，这已经包含在我们的模型里) does not make the whole a story with its 已经."""
        if self._predictive(simplified[start:], horizons, named, published):
            return True
        for m in CLAUSE.finditer(simplified, start):
            inside = [h for h in horizons if m.start() <= h.start < m.end()]
            if self._predictive(m.group(0), inside, named, published, simplified[: m.start()]):
                return True
        return False

    def _by_subject(
        self, simplified: str, flagged: list[re.Match[str]], timed: list[Horizon]
    ) -> list[tuple[int, list[re.Match[str]]]]:
        """The flagged clauses of a sentence in runs about one subject each, with where each run
        starts: a clause that names a target, or that opens with another actor, starts a claim of
        its own after clauses about something else (国产芯片短期内追不上，英伟达的统治地位不会动摇
        holds two claims, one about no target and one about NVIDIA). The subject may stand in the
        clauses before it that make no claim (…，而英伟达的高毛利时代，恐怕也会更早结束): the run
        starts there. A clause with no subject of its own goes on with the run before it
        (英伟达明年会涨，而且会涨很多); a time or a frame that ends a run opens the next one instead
        (英伟达今年还会涨，明年，华为将…; …，我预计，AMD后年会跌)."""
        runs: list[tuple[int, list[re.Match[str]]]] = []
        about_run: frozenset[str] | None = None
        for m in flagged:
            start, about = m.start(), self._subject_of(m.group(0))
            if runs:
                # the clauses since the run's last one, which claim nothing themselves, lead into
                # this one (若中国的需求被切断，英伟达的营收会…)
                gap_start = runs[-1][1][-1].end()
                gap = simplified[gap_start : m.start()]
                start = gap_start + len(gap) - len(gap.lstrip())
                if about is None:
                    about = self._subject_of(simplified[start : m.end()])
            if runs and self._replies_to_reported(simplified, runs[-1][0], m):
                # 市场普遍预期X会回升，而我觉得它会继续下滑: the author's reply is a claim of its
                # own, not the reported one's going on (one claim of the two, quoted whole, lost
                # either the market's call or the author's)
                runs.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), [m]))
                about_run = about
                continue
            if (
                runs
                and len(runs[-1][1]) == 1
                and WHEN_DONE.search(runs[-1][1][0].group(0))
                and not self._retimed(runs[-1][1], m, timed)
            ):
                # 华为明年发布新芯片后，英伟达的份额会继续下滑: the event sets the claim's time,
                # and claims nothing of its own
                runs[-1][1].append(m)
                about_run = about
                continue
            if (
                runs
                and (about is None or about_run is None or about == about_run)
                and not self._retimed(runs[-1][1], m, timed)
            ):
                runs[-1][1].append(m)
                about_run = about_run if about_run is not None else about
                continue
            if runs and len(runs[-1][1]) > 1:
                last = runs[-1][1][-1]
                if self._time_only(last.group(0), last.start(), timed) or FRAME_END.search(
                    last.group(0)
                ):
                    runs[-1][1].pop()
                    start = last.start()
                    if start < m.start():
                        runs.append((start, [last, m]))
                        about_run = about
                        continue
            runs.append((start, [m]))
            about_run = about
        if runs:
            runs[0] = (self._opening_frames(simplified, *runs[0]), runs[0][1])
        return runs

    def _retimed(
        self, run: list[re.Match[str]], clause: re.Match[str], timed: list[Horizon]
    ) -> bool:
        """Whether a clause states a time of its own other than the one its run states (…收入明年
        会比今年更低，三年内份额很可能降到两成以下): a second claim, due at its own time; read as
        one, it took the first clause's time and the second's was lost. Only times with a date
        (短期内 says how the writer looks, not when a claim falls due), and not a time alone in
        its clause, which opens what follows (明年，英伟达会…)."""
        if self._time_only(clause.group(0), clause.start(), timed):
            return False

        def dated(c: re.Match[str]) -> set[str]:
            return {h.text for h in timed if c.start() <= h.start < c.end() and h.due is not None}

        own, before = dated(clause), set().union(*map(dated, run))
        return bool(own and before and not own & before)

    def _replies_to_reported(self, simplified: str, run_start: int, clause: re.Match[str]) -> bool:
        """Whether a clause opens the author's reply (而我觉得…, 但我认为…) to a run that reports
        another's view."""
        if not OWN_REPLY.match(clause.group(0)):
            return False
        reported = simplified[run_start : clause.start()]
        return self.speakers.speaker(reported, (0, len(reported))) == "reported"

    def _opening_frames(self, simplified: str, start: int, run: list[re.Match[str]]) -> int:
        """Where a sentence's first claim starts: at its first flagged clause, or before it at
        the clause that states the subject it dropped (LEADS_ON) and at the frames that lead
        into it (FRAME_OPENING), which claim nothing of their own."""
        before = [c for c in CLAUSE.finditer(simplified) if c.end() <= start]
        if not before:
            return start
        first = simplified[start : run[0].end()]
        if not (
            (LEADS_ON.match(first) and self._subject_of(first) is None)
            or FRAME_OPENING.match(before[-1].group(0))
        ):
            return start
        start = before.pop().start()
        while before and FRAME_OPENING.match(before[-1].group(0)):
            start = before.pop().start()
        return start

    def _subject_of(self, clause: str) -> frozenset[str] | None:
        """What a clause is about when it says so itself: the targets it names other than as
        causes, or the empty set for another actor it opens with (AMD, 国产芯片, 云厂商); None when
        it goes on about what the clauses before it were about (它, 而且会…, 股价)."""
        named = claim_targets(clause, self.catalogue)
        if named:
            return frozenset(named)
        if about_another_actor(clause):
            return frozenset()
        return None

    def _span(
        self,
        simplified: str,
        start: int,
        flagged: list[re.Match[str]],
        limit: int,
        timed: list[Horizon],
        horizons: list[Horizon],
        named: bool,
        published: date | None,
    ) -> _Claim | None:
        """The claim a run of flagged clauses makes: from its start (its first clause, or the
        subject before it) to its last clause, with the time that opens it, or the clause a lone
        time or a frame leads into; never past limit, where the sentence's next claim starts."""
        end = flagged[-1].end()
        opening = next(
            (c for c in CLAUSE.finditer(simplified) if c.end() == start and c.start() < start), None
        )
        if opening is not None and self._time_only(opening.group(0), opening.start(), timed):
            start = opening.start()  # 2027年3月之前，英伟达的市值会…: the time opens the claim
        following = next((m for m in CLAUSE.finditer(simplified, end) if m.start() >= end), None)
        if following is not None and following.end() > limit:
            following = None  # the next claim's own clause
        if self._time_only(flagged[-1].group(0), flagged[-1].start(), timed):
            if following is not None:
                end = following.end()
            elif len(flagged) == 1:
                return None  # a time expression with nothing said about it
            # else the time closes the claim before it (英伟达会继续上涨，但是明年。): it stays
        elif following is not None and FRAME_END.search(flagged[-1].group(0)):
            end = following.end()  # 高盛的报告预计，英伟达明年的收入还能增长四成: what it expects
        elif following is not None and (
            VERDICT_CLAUSE.match(following.group(0)) or VERSUS_NOW.match(following.group(0))
        ):
            # …取代英伟达，那纯属做梦: the verdict turns the claim around; …目标价是130美元，
            # 比现价低两成: the price set against today's says which way
            end = following.end()
        while end > start and simplified[end - 1] in TRAILING_PUNCT:
            end -= 1
        claim_text = simplified[start:end]
        if len(CONTENT.findall(claim_text)) < MIN_CLAIM_CHARS and not (
            named or self.catalogue.mentioned(claim_text) or ANAPHOR.search(claim_text)
        ):
            return None  # 接下来 alone (a heading, a bare cue): nothing is claimed (它还会跌 is)
        stated = [h for h in horizons if start <= h.start < end and self._dates(h, published)]
        return _Claim(start, end, self._stated_horizon(simplified, stated))

    def _bet(self, text: str, cond: tuple[int, int, int]) -> bool:
        """Whether a conditional stakes the author's word on its condition (如果X，我就认错;
        如果X，那我就当看个乐子): a claim a reader can check however little it reads as a forecast,
        with no cue and no time of its own (如果到那时候它的股价还比今天高，我就认错). Not where the
        condition is being wrong itself (如果我错了，那就删号) or names nothing a claim can be about."""
        wagers = [
            m for m in (FALSIFICATION.search(text, cond[1]), VINDICATION.search(text, cond[1])) if m
        ]
        if not wagers:
            return False
        condition = text[cond[1] : min(cond[2], *(m.start() for m in wagers))]
        return bool(
            self.catalogue.mentioned(condition)
            or PRONOUN.search(condition)
            or any(w in condition for w in self.cues.subjects)
        )

    def _stated_horizon(self, text: str, stated: list[Horizon]) -> Horizon | None:
        """The horizon a claim states: the first, unless it is vague and a later one dates the
        claim (短期内无人能撼动，我认为半年以后还会上涨); not where the dated one's clause moves the
        other way (短期内会下跌，到2027年底才会反弹: the date is the rebound's)."""
        if not stated or stated[0].due is not None:
            return stated[0] if stated else None
        dated = next((h for h in stated if h.due is not None), None)
        if dated is None:
            return stated[0]
        clauses = list(CLAUSE.finditer(text))
        vague_in = next((c for c in clauses if c.start() <= stated[0].start < c.end()), None)
        dated_in = next((c for c in clauses if c.start() <= dated.start < c.end()), None)
        if vague_in is None or dated_in is None or vague_in is dated_in:
            return dated
        moves = {self.directions.direction(c.group(0), None) for c in (vague_in, dated_in)}
        return stated[0] if moves == {"up", "down"} else dated

    def _asserted(self, simplified: str) -> str | None:
        """The part of a sentence that asserts something: all of it, or what comes before a
        closing question (算力饥渴会迫使企业持续购置新芯片——这时候你会停止买新灯泡吗?);
        None for a question or a counterfactual as a whole (难道英伟达会倒下吗?), or for a
        sentence announcing the text (ANNOUNCES_TEXT)."""
        if (m := ANNOUNCES_TEXT.search(simplified)) and m.start() > 0:
            simplified = simplified[: m.start()]  # a sign-off closing it: what comes before
        elif m:
            colon = COLON.search(simplified, m.end())
            if colon is None:
                return None
            # Blanked, not cut: offsets into the sentence must hold.
            simplified = " " * colon.start() + simplified[colon.start() :]
        # Blanked, not cut: offsets into the sentence must hold.
        for blanked in (OWN_WISH_OR_PLAN, DENIED_IMPLICATION, OWN_COVERAGE, TOLD_QUESTION):
            simplified = blanked.sub(lambda m: " " * len(m.group(0)), simplified)
        if not simplified.strip(" 。！!"):
            return None
        if not any(p.search(simplified) for p in self.cues.exclude):
            return simplified
        breaks = list(CLAUSE_OR_DASH.finditer(simplified))
        if not breaks:
            return None
        last = breaks[-1]
        head, tail = simplified[: last.start()], simplified[last.end() :]
        asked = [m.start() for p in self.cues.exclude for m in p.finditer(simplified)]
        if (
            min(asked) < last.end()  # the question starts before its last clause
            or not CONTENT.search(head)
            or QUESTION_WORD.search(head)
            or EITHER_OR.search(tail)
            or DOUBTING_TAIL.search(tail)
            or _premise_only(head)
        ):
            return None
        return head

    def _dates(self, h: Horizon, published: date | None) -> bool:
        """Whether a time in a claim can be its horizon: not a bare duration (两年), not 近期, not
        already over (Q1 in a December article)."""
        return self._future_horizon(h, None, bare_year=True) and not (
            h.due and published and h.due < published
        )

    def _conditional_horizon(
        self,
        text: str,
        cond: tuple[int, int, int],
        in_quote: list[Horizon],
        published: date | None,
        start: int,
    ) -> Horizon | None:
        """A conditional claim falls due when its consequent does (如果禁令延续到年底，明年出货翻倍:
        明年); a time only in the condition dates the bet (如果半年以后…，那挨打要立正). Only times
        inside the quote count, and of those the ones any claim may take (no past quarter, no bare
        duration). With no 那/就/则 the consequent starts after the condition's first comma; a
        claim before its condition (start before 如果) is its own consequent."""
        usable = [h for h in in_quote if self._dates(h, published)]
        if start < cond[0]:
            consequent = [h for h in usable if h.start < cond[0]]
        else:
            boundary = cond[2]
            if boundary == len(text):
                comma = CLAUSE_BREAK.search(text, cond[1])
                boundary = comma.end() if comma else boundary
            consequent = [h for h in usable if h.start >= boundary]
        return (consequent or usable or in_quote or [None])[0]

    def _subject_clause(self, clause: str) -> bool:
        """A clause naming a target or a subject word (需求, 芯片…) that can be the subject of
        the cue after it (AI芯片的需求量，也有可能是下降的): not a story (英伟达股价昨天跌了17%，…)
        nor a speech frame (英伟达指出，…). The writer's view opening it is left aside: 我认为
        frames its subject, it is not the subject."""
        clause = OPENING_VIEW.sub("", clause, count=1)
        if not self.catalogue.mentioned(clause) and not any(
            w in clause for w in self.cues.subjects
        ):
            return False
        if AUTHOR_SUBJECT.search(clause) or OWN_SUBJECT.search(clause):
            return False  # 我们聊聊芯片，…: the clause's subject is the speaker
        if any(m in clause for m in self.cues.past) or ENDS_IN_LE.search(clause):
            return False
        return not self.cues.speech.search(clause)

    @staticmethod
    def _time_only(clause: str, offset: int, horizons: list[Horizon]) -> bool:
        """A clause that is nothing but a time expression (and filler such as 我预计, 到…为止)."""
        rest = list(clause)
        inside = False
        for h in horizons:
            if offset <= h.start < offset + len(clause):
                inside = True
                for i in range(h.start - offset, min(h.end - offset, len(clause))):
                    rest[i] = ""
        if not inside:
            return False
        rest_text = "".join(rest).strip(TRAILING_PUNCT + "。！？!?…")
        if len(TIME_ONLY_FILLER.sub("", rest_text)) <= 1:
            return True
        return not TIME_ONLY_FILLER.sub("", LEADING_CONJUNCTION.sub("", rest_text))

    def only_resolution(self, quote: str) -> bool:
        """A claim that the truth will be known (半年左右基本上就会水落石出) and names no target:
        it says when, not which way, so it has no direction (the direction model read 落 as
        down)."""
        text = to_simplified(quote)
        if not any(c in text for c in self.cues.resolution) or self.catalogue.mentioned(text):
            return False
        rest = OWN_VIEW_OPENING.sub("", text)
        for h in find_horizons(text, None):
            rest = rest.replace(h.text, "")
        for c in (*self.cues.resolution, *self.cues.weak, *self.cues.strong):
            rest = rest.replace(c, "")
        # Beside the cue only a time and filler (基本上就): 它的股价会冲上200美元，时间会证明一切
        # says which way.
        return len(CONTENT.findall(rest)) <= RESOLUTION_FILLER_CHARS

    def subjectless(self, claim: str) -> bool:
        """Whether a claim opens, past its time, its frame (我预计), its hedge and its modal verbs,
        with a verb of its own: it has no subject (短期可能还会涨, 撑不了多久, 今年之内我预计还有
        一次下杀). A verb that describes the noun after it (流失的客户不会再回来) is no opening verb,
        nor one of speech or of cause (认为…, 或将引发…): those go on about a speaker or an event."""
        if self.tagger is None:
            return False
        words = self.tagger(_past_time_and_frame(claim))
        # A subject stands before 会/将, never after: past one, any word is the claim's.
        modal = False
        for i, (word, tag) in enumerate(words):
            if word in MODAL_VERBS:
                modal = True
                continue
            if tag in NO_SUBJECT_TAGS and word != "的":
                continue
            after = words[i + 1][0] if i + 1 < len(words) else ""
            verb = tag.startswith("v") and tag != "vn" and after != "的"
            return (modal or verb) and word not in NOT_THE_TARGETS_VERBS
        return False

    def only_schedule(self, quote: str) -> bool:
        """A claim only of when something is released or held, with a plan word or a time
        beside the verb (英伟达将于下周三公布财报), or of where a focus moves (明年行业的重点将从
        训练转向推理), and no change or stance word: it says when or where, not which way. (The
        direction model, trained where such claims are rare, read most of them up or down.)"""
        text = self.directions.reads(to_simplified(quote))
        if self.cues.change.search(text) or self.scorer.cue_starts(text, ""):
            return False
        if self.cues.focus_shift.search(text):
            return True
        return bool(self.cues.schedule.search(text)) and bool(
            self.cues.plans.search(text) or find_horizons(text, None)
        )

    def negated_cue(self, quote: str, target: str | None) -> bool:
        """Whether a stance cue or change word of the claim is negated (direction.py)."""
        return self.directions.negated_cue(quote, target)

    def direction_of(self, quote: str, target: str | None) -> str:
        """The rules' direction for a claim (the claim filter's direction model starts here)."""
        return self.directions.direction_of(quote, target)

    def extract(
        self,
        article: Article,
        sentences: list[Sentence],
        found: tuple[list[Prediction], Contexts] | None = None,
    ) -> list[Prediction]:
        """The article's predictions, each once: a sentence the page repeats (a lead restated
        in the body) gives the same quote, target and id, and one claim. found: what
        candidates_in_context gave for this article, where the caller has it already."""
        if found is None:
            found = self.candidates_in_context(article, sentences)
        candidates, contexts = found
        kept = self.keep(candidates, contexts) if self.keep and candidates else candidates
        once: dict[str, Prediction] = {}
        for p in kept:
            once.setdefault(p.id, p)
        return list(once.values())

    def article_horizon(
        self, article: Article, sentences: list[Sentence]
    ) -> tuple[Horizon, str] | None:
        """The horizon the author sets for the whole case (半年左右基本上就会水落石出), with its
        text as written: the first sentence that joins a resolution cue to a dated horizon."""
        for sent in sentences:
            full = to_simplified(sent.text)
            if not any(c in full for c in self.cues.resolution):
                continue
            simplified = self._asserted(full)
            if simplified is None or not any(c in simplified for c in self.cues.resolution):
                continue  # a question, or a sentence announcing the text, sets no horizon
            # Only the author's own forecast (not 那场争论半年后就见分晓了, not a view reported
            # and rebutted: 有人说三个月内见分晓，我不同意).
            view = self.scorer.view(simplified)
            if (
                not self._claims(simplified, article.published, bool(sent.targets))
                or view.reported
                or any(r in simplified for r in self.scorer.lexicon.rebuttal)
            ):
                continue
            for h in find_horizons(simplified, article.published):
                if h.due is not None and self._future_horizon(h, article.published):
                    same = len(full) == len(sent.text)
                    return h, (sent.text if same else simplified)[h.start : h.end]
        return None

    def candidates(self, article: Article, sentences: list[Sentence]) -> list[Prediction]:
        """Every claim the rules find, before the trained filter."""
        return self.candidates_in_context(article, sentences)[0]

    def candidates_in_context(
        self, article: Article, sentences: list[Sentence]
    ) -> tuple[list[Prediction], Contexts]:
        """Every claim the rules find, and where each quote sits in the article."""
        out: list[Prediction] = []
        said_in: dict[str, str] = {}  # each prediction's id key: the sentence that made it
        where: dict[str, int] = {}  # quote -> index of its sentence
        times = _Times(self.article_horizon(article, sentences))
        title_named = frozenset(self.catalogue.mentioned(article.title or ""))
        preceding = _Preceding()
        quotes = paragraph_quotes(sentences)
        for index, sent in enumerate(sentences):
            full = to_simplified(sent.text)
            around = preceding.around(index, sent, quotes[index])
            preceding = self._preceding_after(preceding, index, sent, full, around)
            simplified = self._asserted(full)
            if simplified is None:
                continue
            reading = _Reading(sent, full, simplified, around)
            times.next_sentence()
            for claim in self._sentence_claims(reading, article.published):
                quote = reading.quote(article.body, claim)
                where.setdefault(quote, index)
                out += self._claim_predictions(
                    article, reading, claim, quote, times, said_in, title_named
                )
        return out, self._contexts(where, sentences)

    def _preceding_after(
        self, preceding: _Preceding, index: int, sent: Sentence, full: str, around: _Around
    ) -> _Preceding:
        """What the sentence at index leaves to the next, whether or not it asserts anything:
        a question can still name a target or open a reported voice that the next sentence
        goes on in. full: the sentence in Simplified."""
        return _Preceding(
            named=sent.targets if sent.targets else preceding.named,
            named_at=index if sent.targets else preceding.named_at,
            sentence=sent,
            reported=self.speakers.speaker(full, (0, len(full)), around.voice) == "reported",
            referred=around.refers and not sent.targets and bool(PRONOUN.search(full)),
            interviewee=around.voice.interviewee,
        )

    def _sentence_claims(self, reading: _Reading, published: date | None) -> list[_Claim]:
        """The sentence's claims, with offsets the original can be cut by. Where OpenCC changed
        the length, the quote is the whole sentence, so its claims are one; and none where the
        rules cut a closing question off, since the original cannot be cut there."""
        sent, simplified = reading.sentence, reading.simplified
        claims = self._claims(simplified, published, bool(sent.targets), reading.around.refers)
        if reading.same:
            return claims
        if len(simplified) < len(reading.full):
            return []
        if len(claims) > 1:
            first_time = next((c.horizon for c in claims if c.horizon is not None), None)
            return [_Claim(claims[0].start, claims[-1].end, first_time)]
        return claims

    def _claim_predictions(
        self,
        article: Article,
        reading: _Reading,
        claim: _Claim,
        quote: str,
        times: _Times,
        said_in: dict[str, str],
        title_named: frozenset[str],
    ) -> list[Prediction]:
        """A prediction for each target the claim is about: the claim is checked against each
        target's own course. times: what the claims before it stated (it may take one); said_in:
        each id key so far, with the sentence that made it; title_named: the targets the page's
        title names, read once for the article."""
        sent, simplified, around = reading.sentence, reading.simplified, reading.around
        claim_text = simplified[claim.start : claim.end]
        cond = split_conditional(claim_text)
        written = reading.text[claim.start : claim.end] if reading.same else claim_text
        condition = self._condition(claim_text, written, cond)
        speaker = self.speakers.speaker(simplified, (claim.start, claim.end), around.voice)
        horizon, horizon_text, source = times.for_claim(
            claim.horizon, reading.text, speaker == "author"
        )
        own_subject = about_another_actor(claim_text)
        targets = self._targets_of(
            claim_text,
            simplified,
            sent.targets,
            own_subject,
            around.previous_named,
            around.just_named,
            title_named,
        )
        hedge = self.hedge(self._hedge_lead(simplified[: claim.start]) + claim_text)
        return [
            Prediction(
                id=self._prediction_id(said_in, f"{article.id}|{quote}|{target}", sent.text),
                article_id=article.id,
                quote=quote,
                target=target,
                direction=self.directions.direction(  # type: ignore[arg-type]
                    claim_text, target, simplified[: claim.start]
                ),
                horizon=horizon_text,
                due=horizon.due if horizon else None,
                window_start=horizon.earliest if horizon else None,
                conditional=cond is not None,
                condition=condition,
                hedge=hedge,  # type: ignore[arg-type]
                speaker=speaker,
                horizon_source=source,
            )
            for target in sorted(targets, key=lambda t: t or "")
        ]

    @staticmethod
    def _condition(claim: str, written: str, cond: tuple[int, int, int] | None) -> str | None:
        """The condition of a conditional claim as written (written: the claim as the page has
        it), for the reader who checks it came true before judging the claim. With no 那/就/则
        it ends at its first comma (如果我错了，…): what follows is the claim."""
        if not cond:
            return None
        comma = CLAUSE_BREAK.search(claim, cond[1], cond[2])
        end = comma.start() if cond[2] == len(claim) and comma else cond[2]
        # 除非 stays in its condition: the claim holds unless it comes true
        start = cond[0] if claim.startswith("除非", cond[0]) else cond[1]
        return written[start:end].strip(TRAILING_PUNCT + "。！？!?") or None

    @staticmethod
    def _prediction_id(said_in: dict[str, str], key: str, sentence: str) -> str:
        """The id of the claim key stands for, made in sentence. A sentence the page repeats
        (a lead restated in the body) is one claim, with one id; the same words claimed in
        another sentence (AMD会跌 of two years) are a claim of their own."""
        if said_in.setdefault(key, sentence) != sentence:
            key = f"{key}|{sentence}"
        return sha256_hex(key)[:32]

    def _targets_of(
        self,
        claim: str,
        sentence: str,
        sentence_targets: frozenset[str],
        own_subject: bool,
        previous_named: frozenset[str],
        just_named: frozenset[str],
        title_named: frozenset[str] = frozenset(),
    ) -> set[str | None]:
        """What a claim is about: the targets it names other than as causes; with none, its
        sentence's, the last-named one's figures (估值, 股价) or, for a claim with no subject of its
        own, the sentence before's; {None} for a claim about no catalogue target. title_named:
        the targets the page's title names, which settle whose figures they are where the
        sentence before named two.

        A claim naming targets only as causes (随着DeepSeek普及，算力需求会激增) is about none of
        them, nor about the ones its sentence or the one before it names; unless it speaks of a
        company's own figures (随着Blackwell放量，毛利率将降至70%出头)."""
        anaphoric = bool(ANAPHOR.search(claim))
        named = claim_targets(claim, self.catalogue)
        if named and len(named) > 1 and (said := self._consequent_targets(claim)):
            named = said
        if named is not None:
            # 随着Blackwell放量，毛利率将降至… speaks of the cause's own figures; 在DeepSeek的带动下
            # 国产芯片公司的估值将… of another actor's.
            if (
                not named
                and anaphoric
                and not OTHER_ACTOR.match(without_causes(claim, self.catalogue))
            ):
                named = self.catalogue.mentioned(claim)
            return set(named) or {None}
        # R1会掉出前五 after a sentence naming DeepSeek: its model's short name stands for it.
        in_reach = set(sentence_targets) | previous_named | just_named
        if short := self.catalogue.weakly_named(claim) & in_reach:
            return set(short)
        if own_subject:
            return {None}  # another actor's claim (AMD明年会…)
        causes = set() if anaphoric else only_causes(sentence, self.catalogue)
        if borrowed := set(sentence_targets) - causes:
            return borrowed
        if causes:
            return {None}
        # 估值, 股价 after another actor are that actor's (中国资产的估值折价将消失), not
        # the last-named target's.
        if previous_named and anaphoric:
            # 营收将继续增长 after a sentence naming NVIDIA and DeepSeek R1 as its demand's cause,
            # on a page whose title names NVIDIA alone: NVIDIA's revenue, not DeepSeek's.
            if len(previous_named) > 1 and len(headline := previous_named & title_named) == 1:
                return set(headline)
            return set(previous_named)
        # A claim with no subject of its own goes on about what the sentence before named
        # (英伟达这波回调很健康。短期可能还会涨。).
        if just_named and self.subjectless(claim):
            return set(just_named)
        # A company's figures on a page that names no target before them, under a title naming
        # one (NVIDIA第四季業績重點整理 … 收入預測:預計下一季收入430億美元): that company's.
        if not previous_named and len(title_named) == 1 and self._figures_open(claim):
            return set(title_named)
        return {None}

    @staticmethod
    def _figures_open(claim: str) -> bool:
        """Whether a company's figures open the claim, past its time and its frame (预计未来毛利率
        将…, 收入预测:预计下一季收入…): no other actor's stand before them (可口可乐股价会…)."""
        m = ANAPHOR.search(claim)
        if m is None or m.group(0) in GENERIC_FIGURES:
            return False
        return not _past_time_and_frame(claim[: m.start()]).strip("的 ")

    def _consequent_targets(self, claim: str) -> set[str]:
        """The targets a conditional claim's consequent names (如果輝達的H20斷供，DeepSeek的訓練
        進度會受到拖累: DeepSeek): a target named only in its condition is what the claim hangs on,
        not what it foretells. Empty for no condition, a consequent naming none, or a bet, whose
        condition is the claim (如果半年以后DeepSeek全面领先，NVIDIA找TSMC砍单了，那挨打要立正)."""
        cond = split_conditional(claim)
        if cond is None or self.scorer.view(claim).falsification:
            return set()
        if cond[2] < len(claim):
            consequent = claim[cond[2] :]
        elif CLAUSE_BREAK.search(claim[: cond[0]].rstrip()[-1:]):
            consequent = claim[: cond[0]]  # 英伟达明年会大跌，如果禁令延续的话
        elif comma := CLAUSE_BREAK.search(claim, cond[1]):
            consequent = claim[comma.end() :]  # 一旦DeepSeek的R2发布，英伟达的需求会见顶
        else:
            return set()
        return claim_targets(consequent, self.catalogue) or set()

    @staticmethod
    def _contexts(where: dict[str, int], sentences: list[Sentence]) -> Contexts:
        naming = [i for i, s in enumerate(sentences) if s.targets]
        density = len(where) / max(len(sentences), 1)
        return {
            quote: ClaimContext(
                min((abs(i - j) for j in naming), default=ClaimContext.FAR), density, len(where)
            )
            for quote, i in where.items()
        }
