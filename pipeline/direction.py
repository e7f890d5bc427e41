"""Which way a claim points for its target, by rules: up, down or other.

The cue scorer of stance sums polar words; a claim needs more. Where one word qualifies another
their sum says the wrong thing (增长放缓 is down, 跌幅收窄 up), a burden changes the opposite way
to its change (压力将显现 down), the one displaced is not the one displacing (国产GPU会取代英伟达),
a negation flips what it covers and a falsification bet predicts the opposite of its premise.
The claim filter's direction model (claims.py) starts from what these rules say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pipeline.clauses import CLAUSE_BREAK, TARGET_PRONOUN, clauses_naming, spans_naming
from pipeline.nlp import to_simplified
from pipeline.stance.cues import CueScorer, literal_alternation, split_conditional
from pipeline.targets import Catalogue

if TYPE_CHECKING:
    from pipeline.prediction_cues import PredictionCues

# Before a change, these say it fails (库存压力很难缓解: down; 优势将更难保持: down; 明年恐难达标).
MODAL_CHANGE = ("难以", "很难", "更难", "恐难", "太难", "较难")
# Words that deny a verb after them: the core of the negations below, each of which adds its own.
DENIALS = ("不会", "不能", "不可能", "无法", "没法")
# A verb of change negated right before it (不会守住龙头的位置): the change decides, as after
# MODAL_CHANGE, not the stance cues of what it would reach. Not a state going on (拖累不会持续太久:
# the burden's end is read with the burden).
NEGATED_VERB = (*DENIALS, "不再", "未能", "没能")
# A condition stated first (若资本支出增速持续高于营收增速，财务压力将显现): the claim is its
# consequent, in the clauses after the condition's first break. 若 alone, not 若干.
# A consequent with no subject of its own, going on from the condition's (…，将削弱…, …，它会…),
# or what follows 除非… (…，否则它很难追上).
CONSEQUENT_OPENS = re.compile(
    rf"\s*(?:那么?|就|则|便|将|会|可能|或|也|还|必然|势必|反而|否则|不然|{TARGET_PRONOUN.pattern})"
)


# A change word of a verb and its result (追上, 跑赢, 守住, 掉队) takes its negation inside, as a
# potential complement: 追不上, 跑不赢, 守不住, 掉不了队, and a one-character one after it (涨不了).
# Those forms read as the negated word (不追上), which the scorer flips; 追得上 reads as 追上. Only
# after these results: 减不少 is "cut a good deal", not a failure to cut.
RESULT_COMPLEMENTS = "上下住赢输过回起稳到动掉远出进来去平"
OBJECT_AFTER_LIAO = "队局"  # 掉不了队, 出不了局: the object after 不了


def potential_forms(words: Iterable[str]) -> dict[str, str]:
    """The potential-complement forms of change words, each with the words it reads as."""
    forms: dict[str, str] = {}
    for w in words:
        if len(w) == 1:
            forms[f"{w}不了"] = f"不{w}"
        elif w[1] in RESULT_COMPLEMENTS:
            forms[f"{w[0]}不{w[1:]}"] = f"不{w}"
            forms[f"{w[0]}得{w[1:]}"] = w
        elif w[1] in OBJECT_AFTER_LIAO:
            forms[f"{w[0]}不了{w[1:]}"] = f"不{w}"
        if len(w) > 1:
            forms[f"{w}不了"] = f"不{w}"  # 超越不了, 取代不了
    return forms


def in_clause(also: str = "") -> str:
    """A character that may stand between the parts of a phrase: anything but a clause's or a
    sentence's end, nor one of `also` (a negator: 好日子不会结束 is no end of the good times)."""
    return f"[^，,。；;！!？?{also}]"


IN_CLAUSE = in_clause()
# A condition that did not happen (如果不是供应链受阻，出货量本会提升): what would have been.
COUNTERFACTUAL = re.compile(r"如果不是|如果没有|若非|若不是|要不是|本会|本可以|本该|本應|本可")
# A claim, then the writer's verdict that it will not come true, alone in the last clause
# (DeepSeek要重回第一梯队，恐怕很难; 英伟达还想再涨一倍，没戏): the claim points the other way.
# Not a verdict on whether it can be known (…，很难说).
_UNLIKELY = r"的?(?:可能性|概率|几率)(?:不大|很小|极小|极低|几乎为零|为零|微乎其微)(?:了|啊|吧)?\s*[。！!…]*\s*$"
_VERDICT = (
    r"(?:那|这)?就?\s*(?:我看|我觉得|在我看来|恐怕|估计|怕是|基本上?|几乎|纯属|简直是?|完全是|根本)?\s*"
    r"(?:很难|太难|难|不太可能|不可能|没戏|悬|够呛|做不到|想多了|还?为时[尚过]早|言之过早"
    # 会非常困难, 将十分艰难
    r"|(?:会|将)?(?:非常|十分|相当|极其|极为|特别)?(?:困难|艰难)"
    # a dismissal (要说寒武纪两年内取代英伟达，那纯属做梦)
    r"|(?:痴人|白日)?做梦|说梦|天方夜谭|不现实|绝无可能|没可能|门都没有"
    # or the writer's disagreement with what others say (有人说…，我不这么认为)
    r"|我[并可]?不(?:这么|这样)(?:认为|看)|我[并可]?不(?:同意|认同))"
    r"(?:了|啊|吧|呀)?\s*[。！!…]*\s*$"
)
# (or the odds of it, denied in the same clause: 毛利率回到75%以上的可能性不大)
VERDICT_AGAINST = re.compile(r"[，,]\s*" + _VERDICT + "|" + _UNLIKELY)
# The verdict as a clause of its own, which a claim's quote keeps (…，那纯属做梦).
VERDICT_CLAUSE = re.compile(r"\s*" + _VERDICT.replace("[。！!…]*", "[。！!…，,]*"))
# A negation with its reason between it and what it negates (不会因为一次宕机就失去用户): the
# reason is taken out, so that the negator stands next to its verb.
NEGATED_FOR_A_REASON = re.compile(rf"(不会|不至于|并不会|不)因为{IN_CLAUSE}{{1,16}}?(?:而|就)")
# A negation before the one a thing happens to (不会对英伟达构成重大威胁, 难以对它造成实质性冲击):
# it is moved next to its verb, and the verb's size words dropped, so it stands within reach.
NEGATED_OVER_AN_OBJECT = re.compile(
    rf"(不会|不至于|并不会|不太会|不|没有|没|难以|无法)(对{IN_CLAUSE}{{1,14}}?)"
    r"(构成|造成|产生|带来|形成)(?:太大|很大|多大|重大|严重|实质性|实质|任何|有效|明显|真正)?(?:的)?"
)
# A negation before the setting of its verb (未必能在多模态上追上OpenAI, 不会在国内市场上失去份额):
# the setting is moved before it, so the negator stands next to its verb. The 上 that closes a
# setting is no verb's result (不可能在一年内追上: 追上 is the verb, 在一年内 a time, below).
_DENIED = rf"({literal_alternation((*DENIALS, '难以', '很难'))})"
_VERB_BEFORE_SHANG = "追赶跟爬冲登走踏涨升攀跳比"
NEGATED_OVER_A_SETTING = re.compile(
    _DENIED + rf"(在{IN_CLAUSE}{{1,12}}?(?:(?<![{_VERB_BEFORE_SHANG}])上|方面|领域|中|里))"
)
# ... or before its time (不会在年内跌破100美元, 不可能在两年内超越英伟达, 不会在明年跌破八成),
# moved the same way.
NEGATED_OVER_A_TIME = re.compile(
    _DENIED
    + r"((?:在|于)\s*(?:今年|明年|后年|年内|年底|年末|短期|近期|短时间|未来|接下来|(?:19|20)\d\d\s*年"
    r"|[一二两三四五六七八九十\d半几]+\s*个?\s*(?:年|月|季度|季|周|星期|天))"
    r"\s*(?:[上下]半年|年?底|年末|第?[一二三四1-4]季度|\d{1,2}\s*月)?\s*(?:之前|以前|前|之内|以内|内)?)"
)
# Falling out of a rank (掉出第一梯队, 被挤出前三, 跌出前十): the rank is a stance cue of standing
# (第一梯队 reads bullish) that the verb takes away; the rules read the pair as 掉队.
LEAVES_RANK = re.compile(
    rf"被?(?:掉出|跌出|挤出|滑出|退出){IN_CLAUSE}{{0,16}}?"
    r"(?:第一梯队|第二梯队|第一阵营|梯队|前三|前五|前十|前列|头部|榜首|第一)"
)
# Going back or down to a lesser rank (回到一个优秀二线团队的位置, 降为二流厂商, 变回一家研究型
# 公司): the words on the way (优秀, 回到) read as up; the pair reads as 掉队. Not a rank at the top
# (回到第一梯队), nor a tier of cities or edge computing (回到二线城市招人, 回到边缘计算的主战场).
SINKS_TO_LESSER_RANK = re.compile(
    rf"(?:回到|退回到?|降到|降为|掉到|跌到|落到|沦落到?|变回|退居|退化为?|沦为){IN_CLAUSE}{{0,12}}?"
    r"(?:(?:二线|三线)(?!城市|城|地区|市场|品牌|产品|渠道)|二流|三流|第二梯队|第三梯队|配角|小角色"
    r"|边缘(?:角色|地位|位置|玩家)|追随者|跟随者|研究型公司)"
)
# A lead or a standing lost (失去领先地位, 丢掉龙头的位置, 让出霸主宝座): the standing is a stance
# cue that the verb takes away (summed, 失去 and 领先 read as up); the pair reads as 掉队.
LOSES_STANDING = re.compile(
    rf"(?:失去|丢掉|丢失|丧失|痛失|让出|拱手让出|交出){IN_CLAUSE}{{0,8}}?"
    r"(?:领先地位|领先优势|领先|优势地位|优势|龙头地位|龙头|霸主地位|霸主|主导地位|主导权|垄断地位|垄断"
    r"|王者地位|王座|宝座|统治地位|定价权|护城河)"
)
# A shock made by the claim's subject (DeepSeek还能再制造一次全球级冲击, V4能再现R1当年的冲击, 再掀起
# 一次那样的浪): a feat of the one who makes it, read as 惊艳; 冲击 alone is the blow others take.
# Not one aimed at someone (给英伟达制造冲击, 对英伟达造成冲击): that one is hit (DirectionRules.reads).
SHOCK_MADE = re.compile(
    rf"(?:制造|掀起|再现|重演|复制|再造(?!成)){IN_CLAUSE}{{0,12}}?(?:冲击|震撼|轰动|浪潮|热潮|浪)"
)
SHOCK_AIMED = re.compile(r"[给对向][^，,。；;！!？?]{1,12}$")
# Losses won back (把跌幅全部收复回来, 收复失地): a rise, though 跌 is in it. 收回 alone is no
# rise (许可可能被收回).
LOSSES_REGAINED = re.compile(
    rf"(?:跌幅|失地){IN_CLAUSE}{{0,8}}?(?:收复|收回|补回|涨回)(?:回来|来)?"
    rf"|(?:收复|收回|补回)了?{IN_CLAUSE}{{0,6}}?(?:跌幅|失地)"
)
# A thing said to become a problem (商业化迟早会成为大问题, 会成为它最大的短板): read as 拖累, a
# fall, though 成为 alone is a rise (成为第一).
# What a thing becomes, or stops being, when it is a burden (问题, 短板…).
BURDEN_NOUNS = "问题|隐患|负担|短板|瓶颈|包袱|软肋|掣肘"
BECOMES_A_BURDEN = re.compile(rf"成为{IN_CLAUSE}{{0,6}}?(?:{BURDEN_NOUNS})")
# Not lasting through a time (撑不过明年, 熬不过这个冬天, 活不过三年): read as 到头, an end.
LASTS_NOT_THROUGH = re.compile(r"(?:撑|熬|活|挺|扛)不(?:过|到)(?=[^，,。；;！!？?])")
# A problem said to be one no more (算力瓶颈明年将不再是问题, 供货不再成为短板): read as 缓解, a
# burden eased, where 问题 alone reads down.
NO_LONGER_A_BURDEN = re.compile(rf"不再(?:是|成为|构成){IN_CLAUSE}{{0,4}}?(?:{BURDEN_NOUNS}|障碍)")
# Left behind by another (被千问拉开更大的差距): read as the passive of 甩开, which the
# displacement words know (被…甩开: the subject goes down).
GAP_OPENED_ON = re.compile(
    rf"被({in_clause('被')}{{1,12}}?)拉开了?(?:更大的|很大的|明显的|一定的)?差距"
)
# Good times said to end, or to last (高速增长期已经接近尾声, 它的高光时刻可能已经过去了, 好日子
# 屈指可数了, 黄金期可能已经过了, 最好时光，可能已经过去了; 好日子还长着呢): the good times are a
# stance cue that the end takes away, so the pair reads as 到头 (down) or 持久 (up). No negator
# between (好日子不会结束 is left to the rest). The candidate rules read the same two patterns
# (PredictionExtractor.strong_cue) beside the lexicon's older `peaks` + 过去, a shorter list of
# the same nouns: merging the two would move the direction of 巅峰期/最好的时候 claims, so it waits
# for a refit.
GOOD_TIMES = (
    rf"(?:好日子|好时光|最好时光|最好的{IN_CLAUSE}{{0,4}}?时光|高光时刻|黄金时代|黄金期|红利期"
    r"|蜜月期|高速增长期|增长期|上升期)"
)
GOOD_TIMES_END = re.compile(
    GOOD_TIMES + rf"[，,]?{in_clause('不没未难')}{{0,6}}?"
    r"(?:已经过去|过去了|已经过了|接近尾声|进入尾声|到头|结束了|终结|屈指可数|不多了|走到尽头)"
)
GOOD_TIMES_LAST = re.compile(
    GOOD_TIMES + rf"{in_clause('不没未难')}{{0,3}}?(?:还长|还很长|还在后头)"
)
# A fall or a blow offset (推理需求的增长会抵消训练放缓的影响, 可以弥补中国市场的损失): read as 缓解, a
# burden eased; the fall read down and the claim with it.
OFFSETS = re.compile(
    rf"(?:抵消|弥补|对冲){in_clause('不没未难')}{{0,12}}?"
    r"(?:放缓|下滑|下降|减少|影响|冲击|损失|拖累|压力|缺口)"
)
# A fall that is stopped (用户流失将在新版本上线后止住, 颓势会被扭转): read as 止跌, a rise. Not
# with a negator or 难 between (流失很难止住 is left to the fall).
FALL_STOPPED = re.compile(
    rf"(?:流失|下滑|下跌|颓势|跌势|失血){in_clause('不没未难')}{{0,10}}?"
    r"(?:止住|遏制住|扭转|刹住|企稳)"
)
# Hard times ahead (英伟达的日子不会好过, 日子会越来越难过): read as 到头, a fall. Not the good
# times (好日子不会结束), read above.
HARD_TIMES = re.compile(
    r"(?<!好)日子(?:恐怕|可能|只怕)?(?:不会|不太会|不|没那么|没有那么|都不会)"
    # set against a past time (日子不会像去年那么好过)
    r"(?:像[^，,。；;]{1,6}?)?(?:太|再|那么|那样|很)?好过"
    r"|(?<!好)日子(?:会|将|可能|恐怕)?(?:很|更|越来越|会很)?难过"
)
# No one able to (没有哪家公司能在三年内取代英伟达, 没有人能阻止…; seen by the writer: 我看不到谁能
# 撼动它的地位, 看不到哪一股力量能…): read as 不能, a negation within reach of its verb; the negator
# stood too far from it, and the claim read the verb's way.
NO_ONE_CAN = re.compile(
    r"(?:没有|看不到|看不出|找不到|想不出)(?:哪家|哪一家|哪个|哪一?股|任何|谁|人|一家|什么|竞争对手|对手)"
    rf"{IN_CLAUSE}{{0,8}}?(?:能够|能|可以)"
)
# Those who bet against the target lose (做空英伟达的人明年会赔得很惨): the target rises, read as
# 轧空; those who bet on it lose (看多英伟达的人恐怕要失望了): it falls, read as 站岗.
BEARS_LOSE = re.compile(
    rf"(?:做空|看空|唱空|空头){in_clause('不没未')}{{0,12}}?(?:赔|亏|失望|打脸|爆仓|被轧)"
)
BULLS_LOSE = re.compile(
    rf"(?:看多|做多|多头|追高){in_clause('不没未')}{{0,12}}?(?:赔|亏|失望|被套|套牢|打脸)"
)
# A negation before a release or an event, in its clause (不会在今年发布, 无法按期推出).
RELEASE_DENIED = re.compile(
    rf"(?:{literal_alternation((*DENIALS, '不太会', '不大可能', '难以', '没有'))})"
    rf"{in_clause('不没未')}{{0,10}}$"
)
# A target price with its figure (目标价定在175美元, 给予目标价196港元): an analyst's target sits
# above the price of the day, so where no word moves it (上调, 下调) the claim is up.
TARGET_PRICE = re.compile(rf"目标价{IN_CLAUSE}{{0,12}}?\d")
# A short position the writer holds (我已經放空輝達，目標價110美元): the target price is where the
# short sale expects the price to fall, down (DirectionRules.direction).
SHORT_HELD = re.compile(r"放空|做空|沽空|空单|看空|买了?(?:认沽|看跌期权)")
# The target price set against today's (…目标价是130美元，比现价低两成): below it, down.
VERSUS_NOW = re.compile(
    r"\s*(?:比|较)(?:现价|现在|当前|目前|今天|眼下)(?:的?股价)?(?:还|要)?(低|少|高|多)"
)
# A figure of the target's set against today's with no change word (它的股价会比今天低至少15%, 营收
# 会比现在多一倍): the comparison is the direction.
FIGURE_VERSUS_NOW = re.compile(
    rf"(?:股价|股價|市值|营收|營收|收入|利润|利潤|毛利率|份额|份額){IN_CLAUSE}{{0,6}}?"
    + VERSUS_NOW.pattern.removeprefix(r"\s*")
    + "(?!不)"  # 比今天高不了多少 bounds a rise; it foretells none
)
# A denial of a change going on for ever (不可能一直涨下去, 不会永远跌): the change will stop, so
# the denial reads as the change's own (不可能涨下去: down); 一直 stood between the negator and
# the change, out of the negation's reach, and the claim read up.
DENIED_FOR_EVER = re.compile(
    rf"({literal_alternation(DENIALS)})(?:一直|永远|始终|无限期?地?|一路)(?=[^，,。；;！!？?])"
)
# Two denials (不会不涨, 不可能不回调, 不会没有回调): the change itself. Not 不断, 不停, 不少…:
# words of their own.
DOUBLE_DENIAL = re.compile(
    r"(?:不会|不可能|不能|不至于)(?:不(?![断停少错足利佳及如再同一仅光只但过然久])|没有?)"
)
# A move with little room (跌不到哪去, 涨不到哪里去): 跌不到哪去 is no big fall, up.
LITTLE_ROOM = re.compile(r"([涨跌升降])不到哪(?:里|儿)?去")
# The target curbed by another (被美国政府限制对华出口, 被反垄断调查拖累): down for the subject.
CURBED = re.compile(
    rf"被{IN_CLAUSE}{{1,12}}?(?:限制|制裁|打压|封杀|封锁|禁止|围剿|卡脖子|拖累|调查)"
)
# Units sold (多卖出十万张卡, 卖出300万台): shipments, up; 卖出 alone is selling a stock.
UNITS_SOLD = re.compile(
    r"多?卖出(?=[\d一二两三四五六七八九十百千万亿几数多]+\s*[万亿]?\s*[张块台颗片套部辆枚])"
)

# A speed denied, closing its clause after the change it times (DeepSeek要在国际市场普及应该没那么
# 快, 涨得没那么快了): the change slows, read as 放缓, a pace word that PredictionCues.pace joins to
# the change before it (a spread slowing is down, a fall slowing up). The negator stood after
# the change, out of its reach, and 普及…没那么快 read up. Before its verb (不会很快普及) the
# negator reaches the verb as it stands.
DENIED_SPEED = re.compile(
    r"(?:没有?|不会|不太会|并没有?|并不|不)(?:那么|这么|那样|这样|太|很|多)快(?:了|啦|吧|呢)?"
    r"(?=\s*(?:[，,。；;！!？?…]|$))"
)
# What the rules read these phrases as, in this order (DirectionRules.reads): each pair says in
# words the lexicon knows what its parts, read one by one, would get wrong.
PHRASES_READ_AS = (
    (DENIED_FOR_EVER, r"\1"),
    (NO_ONE_CAN, "不能"),
    (HARD_TIMES, "到头"),
    (LASTS_NOT_THROUGH, "到头"),
    (DOUBLE_DENIAL, "会"),
    (LITTLE_ROOM, r"不会大\1"),
    (CURBED, "受限"),
    (UNITS_SOLD, "增加出货"),
    (LEAVES_RANK, "掉队"),
    (SINKS_TO_LESSER_RANK, "掉队"),
    (LOSES_STANDING, "掉队"),
    (LOSSES_REGAINED, "收复"),
    (GOOD_TIMES_END, "到头"),
    (GOOD_TIMES_LAST, "持久"),
    (FALL_STOPPED, "止跌"),
    (BEARS_LOSE, "轧空"),
    (BULLS_LOSE, "站岗"),
    (GAP_OPENED_ON, r"被\1甩开"),
    (NO_LONGER_A_BURDEN, "缓解"),
    (OFFSETS, "缓解"),
    (BECOMES_A_BURDEN, "拖累"),
    (DENIED_SPEED, "放缓"),
)
# A negation of there being a change, with words between (不会有实质性的恢复, 看不到短期内恢复的
# 可能, 不会再有去年那种涨幅, 不会重演上一代那样的延期): the words between are taken out, so the
# negator stands within reach of the change (DirectionRules.reads; the change words are the lexicon's).
DENIED_CHANGE = (
    r"(不会再有|不会有|不可能再有|不可能有|看不到|看不见|没有再|不会出现|不会重演|不会再现)"
)
DENIED_GAP = 12  # characters between such a negation and its change
# A turn (…，但长期看涨; 虽然还会火一阵，但商业化迟早会成为大问题): what follows the last 但 or
# 不过 is the writer's point, and it gives the claim's direction where it points a way.
_TURN_WORDS = "但是|但|不过|然而|可是"
TURN = re.compile(rf"[，,；;]\s*(?:{_TURN_WORDS})")
# A belief denied (我不相信英伟达的股价会在年内腰斩, 我并不认为…): the claim is the opposite of what
# follows; up to six characters of a subject before it in its clause. What follows a turn in the
# writer's own voice (…，反而会刺激需求; …，但…) is read as it stands.
NEGATED_BELIEF = re.compile(
    r"(?:^|[，,：:；;])[^，,。：:；;！!？?]{0,6}?(?:并|可|从来|根本|真的|实在)?不(?:相信|认为|觉得|以为)"
)
BELIEF_TURN = re.compile(rf"[，,；;]\s*(?:{_TURN_WORDS}|反而|相反)")
CONDITION_FIRST = re.compile(
    r"^[^，,。；;]{0,12}?(?:如果|假如|假设|要是|倘若|若是|若(?!干)|一旦|只要|除非)"
)
# A concession's clause (虽然面临竞争压力，但…; 就算未来管制放松，…) carries no burden of the claim's.
CONCESSION = re.compile(rf"(?:虽然|虽|尽管|即使|即便|哪怕|就算|纵然|纵使){IN_CLAUSE}*")
# A concession opening the claim with no turn after it (即使开支明年放缓，英伟达的增速也不会低于三成):
# the claim is what holds in spite of it; the conceded change is supposed, not predicted.
CONCESSION_FIRST = re.compile(
    r"^[^，,。；;]{0,12}?(?:即使|即便|哪怕|就算|纵然|纵使)[^，,。；;]*[，,]"
)
# A burden named as a cause (使用量会因禁令持续萎缩): the change after it is another's.
CAUSED_BY = re.compile(r"(?:因为|因|由于|受到|受)[^，,。；;！!？?]{0,6}$")
CONTINUATION_REACH = 2  # characters between 持续 and the change it continues (持续大幅下跌)
DISPLACE_REACH = 14  # characters between 被 and the verb (被DeepSeek取代)
# A place that is hard to take, with no object after the verb (英伟达的地位难以取代, 算力生态难以短期
# 超越): what is held is a place, not an actor (DeepSeek很难追上, 去年的业绩很难超越 are the
# subject's failure, read by the change words), and the hard-to is not itself denied (并非不可替代).
HELD_PLACE = re.compile(
    r"(?:地位|生态|优势|护城河|壁垒|霸主|霸权|垄断|龙头|统治力|影响力|话语权|主导权)[^，,]{0,8}?"
    rf"(?<!并非)(?<!并不)(?<!不是)(?<!不再)(?<!不见得)(?<!那么)(?<!未必)(?<!说)"
    rf"(?:{'|'.join(MODAL_CHANGE)}|无法|无可|不可)[^，,]{{0,2}}$"
)
# A threat or a blow dealt (对美国大型模型构成威胁, 会对英伟达造成冲击): bad for the one after 对,
# a feat of the one who deals it (DirectionRules._threat_posed).
THREAT_POSED = re.compile(
    r"(?:构成|造成|带来|形成|产生)(?:太大|很大|多大|重大|严重|实质性|实质|任何|有效|明显|真正|的)*"
    r"(?:威胁|冲击|挑战|打击)"
)
# An object that is the subject's own or its commitment to something (对中国市场的投入, 自己的根基).
OWN_OBJECT = re.compile(r"\s*(?:对|自己|自身|其|它)")
# No object after the verb: the clause ends, or the verb describes a noun (不可替代的地位).
NO_OBJECT = re.compile(r"[了啦呢吧。！!…”」\s]*$|的")
# The one a verb of taking takes from, right before it: 从英伟达手里抢下, 从英伟达那里夺走, or
# 从 and a name alone (从英伟达抢走份额); not a time or a vantage (从明年起英伟达会抢走…).
FROM_HOLDER = re.compile(
    rf"从({in_clause('从')}{{1,16}}?)(?:的)?"
    r"(手里|手中|手上|那里|那儿|那边|这里|这儿|身上|口中|嘴里|碗里)?\s*$"
)
# Between the names of a holder standing alone: 从英伟达公司, 从英伟达和AMD.
HOLDER_JOINERS = re.compile(r"[公司和与及、的\s]*")


Spans = list[tuple[int, int]]


def _overlaps(m: re.Match[str], spans: Spans) -> bool:
    return any(s < m.end() and m.start() < e for s, e in spans)


def _starts_in(m: re.Match[str], spans: Spans) -> bool:
    return any(s <= m.start() < e for s, e in spans)


def _blanked(text: str, spans: Spans) -> str:
    """text with the spans read already blanked out, of the same length (offsets hold)."""
    for s, e in spans:
        text = text[:s] + "□" * (e - s) + text[e:]
    return text


def _modal_before(before: str) -> bool:
    return any(w in before for w in MODAL_CHANGE)


class DirectionRules:
    """The rules' direction of claims, with the prediction cues' change, pace, burden and
    displacement words and the stance scorer's cues and negation."""

    def __init__(self, cues: PredictionCues, scorer: CueScorer, catalogue: Catalogue) -> None:
        self.cues = cues
        self.scorer = scorer
        self.catalogue = catalogue
        self.denied = re.compile(
            rf"{DENIED_CHANGE}{IN_CLAUSE}{{1,{DENIED_GAP}}}?(?=(?:{cues.change.pattern}))"
        )
        # A denial of a cause's effect (很难让英伟达的订单减少, 不会使需求下降): the effect denied,
        # read as the denial right before the change (英伟达的订单很难减少: up).
        self.effect_denied = re.compile(
            rf"(很难|难以|不会|不能|无法|不至于)(?:让|使|令)({IN_CLAUSE}{{1,12}}?)"
            rf"(?=(?:{cues.change.pattern}))"
        )
        # The disposal form of a verb of taking one's place (DeepSeek会把英伟达打垮, 华为会把它挤出
        # 中国市场): read as the verb before its object (打垮英伟达), which _displaced_object reads.
        self.disposal = re.compile(
            rf"(?<![一])把({IN_CLAUSE}{{1,{DISPLACE_REACH}}}?)({cues.displacing.pattern})"
        )

    def reads(self, text: str) -> str:
        """Simplified text as the rules read it: other forms of a negation or of a bet's forfeit
        as the ones the lexicons know (the lexicon's reads_as), the phrases of PHRASES_READ_AS
        (a fall out of a rank as 掉队, losses won back as 收复…), the words between a denial and
        its change (不会有实质性的恢复) and a negation's reason taken out, and a negation before
        its verb's setting (不能在多模态上追上) or its object moved to its verb."""
        cues = self.cues
        text = cues.reads_as.sub(lambda m: cues.reads_as_words[m.group(0)], text)
        for phrase, read_as in PHRASES_READ_AS:
            text = phrase.sub(read_as, text)
        text = SHOCK_MADE.sub(
            lambda m: m.group(0) if SHOCK_AIMED.search(text, 0, m.start()) else "惊艳", text
        )
        text = self.denied.sub(r"\1", text)
        text = self.effect_denied.sub(r"\2\1", text)
        text = NEGATED_FOR_A_REASON.sub(r"\1", text)
        text = NEGATED_OVER_A_SETTING.sub(r"\2\1", text)
        text = NEGATED_OVER_A_TIME.sub(r"\2\1", text)
        text = self.disposal.sub(r"\2\1", text)
        return NEGATED_OVER_AN_OBJECT.sub(r"\2\1\3", text)

    def negated_cue(self, quote: str, target: str | None) -> bool:
        """Whether a stance cue or change word of the claim is negated (毛利率不会回落): the rules
        read the scope of a negation, the direction model (claims.py) does not."""
        text = self.reads(to_simplified(quote))
        starts = [m.start() for m in self.cues.change.finditer(text)]
        starts += self.scorer.cue_starts(text, target or "")
        return any(self.scorer.negated(text, i) for i in starts)

    def composed(self, quote: str, target: str | None) -> bool:
        """Whether the part of the claim that gives its direction has one word qualifying
        another (a pace, a burden, a place taken: _compound), which the direction model reads as
        two words."""
        part, _ = self._deciding(self.reads(to_simplified(quote)), target)
        return part is not None and bool(self._compound(part, target))

    def direction_of(self, quote: str, target: str | None) -> str:
        """The rules' direction for a claim (the claim filter's direction model starts here)."""
        return self.direction(to_simplified(quote), target)

    def direction(self, text: str, target: str | None, before: str = "") -> str:
        """The direction of a claim already in Simplified characters: its consequent's where it
        states a condition first and the consequent points a way, else the whole claim's; a
        target price that no word moves is up, unless it is a short seller's (a short position
        held, not denied, in the claim or in `before`, the sentence before the claim's quote:
        我已經放空輝達，目標價110美元，預計一個月內就會到 is down)."""
        text = self.reads(text)
        part, pol = self._deciding(text, target)
        if part is not None:
            return "up" if pol > 0 else "down"
        if target_price := TARGET_PRICE.search(text):
            versus = next(VERSUS_NOW.finditer(text, target_price.end()), None)
            if versus:
                return "down" if versus.group(1) in "低少" else "up"
            return "down" if self._short_held(self.reads(before) + text) else "up"
        if versus := FIGURE_VERSUS_NOW.search(text):
            return "down" if versus.group(1) in "低少" else "up"
        if self._release_denied(text):
            return "down"
        return "other"

    def _short_held(self, text: str) -> bool:
        """Whether the writer holds a short position in text (我已经放空辉达, 手上还有空单), not
        denied (我没有做空)."""
        return any(not self.scorer.negated(text, m.start()) for m in SHORT_HELD.finditer(text))

    def _deciding(self, text: str, target: str | None) -> tuple[str | None, float]:
        """The part of a claim whose polarity is its direction, and that polarity, turned where
        the claim argues against the part (…，恐怕很难): what a verdict against follows, else what
        follows the last turn (但…), else a condition's consequent, else the whole; (None, 0)
        where none points a way."""
        if belief := NEGATED_BELIEF.search(text):
            turn = BELIEF_TURN.search(text, belief.end())
            part, pol = self._deciding(text[(turn or belief).end() :], target)
            if part is not None:
                return part, (pol if turn else -pol)
        verdict = VERDICT_AGAINST.search(text)
        if verdict and (pol := self._polarity(text[: verdict.start()], target)):
            return text[: verdict.start()], -pol
        parts = []
        if turns := list(TURN.finditer(text)):
            parts.append(text[turns[-1].end() :])
        if conceded := CONCESSION_FIRST.match(text):
            parts.append(text[conceded.end() :])
        parts += [self._consequent(text, target), text]
        for part in filter(None, parts):
            if pol := self._polarity(part, target):
                return part, pol
        return None, 0.0

    def _release_denied(self, text: str) -> bool:
        """A release or an event said not to come by a time (R2不会在今年发布, 发布不了): it is
        late, which is down; said to come, it points no way (only_schedule)."""
        return any(
            RELEASE_DENIED.search(text[: m.start()]) or text.startswith("不了", m.end())
            for m in self.cues.schedule.finditer(text)
        )

    def _polarity(self, text: str, target: str | None) -> float:
        """Compositions first, then a change said to fail (英伟达的领先优势将很难保持: the stance
        cue 领先优势 names what fails), then the stance cues, then the change words."""
        key = target or ""
        return (
            self._compound(text, target)
            or self._failing(text, target)
            or self.scorer.score(text, {key: 1.0}).get(key, 0.0)
            or self._change(text)
            or self._standing(text, target)
        )

    def _standing(self, text: str, target: str | None) -> float:
        """A place foretold in the clauses about the target (DeepSeek会是第一: up; 不会再是主角:
        down), where nothing else points a way: bulls often name a rank, not a rise. Not in a
        clause about another (我认为Qwen会是第一，DeepSeek排不进前三). Inside a bet's premise the
        place is what the writer says will not be (如果DeepSeek明年还是第一，我认错: down)."""
        about = (spans_naming(text, target, self.catalogue) if target else []) or [(0, len(text))]
        premise = self._premise_end(text)
        for m in self.cues.standing.finditer(text):
            if any(a <= m.start() < b for a, b in about):
                lost = self.cues.standing_lost.search(text, max(0, m.start() - 6), m.start())
                sign = -1.0 if lost else 1.0
                return -sign if m.start() < premise else sign
        return 0.0

    def _failing(self, text: str, target: str | None = None) -> float:
        """The change words said to fail (_fails), flipped: only they count, not a change word
        in the name of what fails (主导地位就更难保持 and 增长很难持续 are down; with 主导 and 增长
        counted, they were none)."""
        premise = self._premise_end(text)  # 如果…很难维持，我认错: flipped again
        return float(
            sum(
                self._flipped(text, m.start(), self._agent_sign(m, after), premise)
                for m, after in self._fails(text, target)
            )
        )

    def _agent_sign(self, m: re.Match[str], after: str) -> int:
        """A change word's sign, or +1 for a verb that displaces what stands after it: its
        subject does the displacing (DeepSeek难以动摇英伟达的地位 fails for DeepSeek, down, though
        动摇 alone reads down). Not where what stands after is the subject's own (不会动摇对中国
        市场的投入, 动摇自己的根基)."""
        if (
            self.cues.displacing.fullmatch(m.group(0))
            and not NO_OBJECT.match(after)
            and not OWN_OBJECT.match(after)
        ):
            return 1
        return self.cues.change_sign[m.group(0)]

    def _fails(self, text: str, target: str | None = None) -> list[tuple[re.Match[str], str]]:
        """The change words right after 很难/难以/更难 (很难保持, 难以维持) or a negated verb (不会
        守住, 不能保住: not 不会持续), in the clauses about the target (all of them where none names
        it): AMD的份额很难提升，英伟达… fails for AMD. Not one with the target after it as its
        object (对手很难追上英伟达: the pursuit fails, NVIDIA is not down). Each with the rest of
        its clause."""
        about = (spans_naming(text, target, self.catalogue) if target else []) or [(0, len(text))]
        failing = []
        for m in self.cues.change.finditer(text):
            if not any(a <= m.start() < b for a, b in about):
                continue
            before = text[max(0, m.start() - 3) : m.start()]
            negated = m.group(0) not in self.cues.continuations and any(
                n in before for n in NEGATED_VERB
            )
            if not (_modal_before(before) or negated):
                continue
            brk = CLAUSE_BREAK.search(text, m.end())
            after = text[m.end() : brk.start() if brk else len(text)]
            if target and target in self.catalogue.mentioned(after):
                continue
            failing.append((m, after))
        return failing

    def _consequent(self, text: str, target: str | None) -> str:
        """What a conditional claim predicts will follow, "" when text is none or the condition
        is a bet's premise (read by _premise_end). The condition's own changes (增速持续高于…)
        are what is supposed, not what is predicted. Only where the consequent names the
        target or goes on without a subject of its own (，就会…, ，或对冲…): 如果英伟达砍单，
        台积电会跌 says nothing of NVIDIA."""
        m = CONDITION_FIRST.match(text)
        if not m or self.scorer.view(text).falsification or COUNTERFACTUAL.search(text):
            return ""
        brk = CLAUSE_BREAK.search(text, m.end())
        if not brk:
            return ""
        rest = text[brk.end() :]
        if (
            target is None
            or target in self.catalogue.mentioned(rest)
            or CONSEQUENT_OPENS.match(rest)
        ):
            return rest
        return ""

    def _compound(self, text: str, target: str | None) -> float:
        """Where one word qualifies another, their sum says the wrong thing: 增长放缓 is growth
        slowing (down), 跌幅收窄 a fall slowing (up), 增长会低于预期 growth short of what was
        expected (down), 被华为取代 the subject taken over (down),
        the target doing the taking over (被DeepSeek取代, for DeepSeek) up, a burden changing the
        opposite way to its change (折价将消失 up, 压力将显现 down, 缓解…压力 up). A burden's span is
        read once: the pace or passive words inside it or describing it (被华为取代的风险将消除) do
        not count again. Only in the clauses naming the target (英伟达将大涨，AMD增长放缓 is no
        slowing of NVIDIA's). Negated (增长不会放缓, 不会出现增长放缓) and inside a bet's premise the
        result flips, as in _change."""
        if target is not None:
            text = clauses_naming(text, target, self.catalogue, or_no_one=True)
        premise = self._premise_end(text)
        # A threat the target deals is read before the burdens, which would read its 造成…冲击
        # as a blow the target takes.
        dealt, threats = self._threat_posed(text, target, premise)
        total, taken = self._burdens(_blanked(text, threats), premise)
        total += dealt
        taken += threats
        read_burden = bool(taken)

        def within(m: re.Match[str]) -> bool:
            """Part of a span read already, or what a burden is (被华为取代的风险将消除, 下行压力)."""
            return _overlaps(m, taken) or any(
                s == m.end() or (text.startswith("的", m.end()) and s == m.end() + 1)
                for s, _ in taken
            )

        for m in self.cues.expectation.finditer(text):
            if within(m):
                continue
            # The comparison decides for its clause: the change it measures (增长会低于预期)
            # is not read again.
            start = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
            taken.append((start, m.end()))
            sign = self.cues.expectation_sign[m.group(1)]
            total += self._flipped(text, m.start(), sign, premise)
        for m in self.cues.pace.finditer(text):
            if within(m):
                continue  # 劣势会继续扩大: one change, the burden's
            taken.append(m.span())
            sign = self.cues.change_sign[m.group(1)] * self.cues.pace_sign[m.group(2)]
            if self.scorer.negated(text, m.start(1)) and not self.scorer.negated(text, m.start(2)):
                sign = -sign  # the negator before the change covers the pair
            total += self._flipped(text, m.start(2), sign, premise)
        for m in self.cues.displaced.finditer(text):
            if within(m):
                continue
            taken.append(m.span())
            agent = target is not None and target in self.catalogue.mentioned(m.group(0))
            total += self._flipped(text, m.start(), 1 if agent else -1, premise)
        total += self._displaced_object(text, target, premise, within, taken)
        total += self._outdone_object(text, target, premise, within, taken)
        if read_burden:
            # A burden is one change among the claim's (英伟达股价将大涨，但回调风险也在上升):
            # the others count beside it.
            total += self._changes(text, premise, skip=within)
        return total

    def _threat_posed(self, text: str, target: str | None, premise: int) -> tuple[float, Spans]:
        """The target dealing a threat or a blow (DeepSeek会对英伟达构成威胁, 深度求索短期内不会对
        美国大型模型构成真正威胁): it gains, up, where 威胁 alone reads down; a threat denied is
        the target not gaining, down. Only where the target is named before the verb and not
        in what follows 对 (对英伟达构成威胁 is NVIDIA hurt: the stance cues read it). A negator
        before the verb (moved there from before 对 by DirectionRules.reads) turns it. With the
        spans read."""
        if target is None:
            return 0.0, []
        total = 0.0
        taken: Spans = []
        for m in THREAT_POSED.finditer(text):
            start = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
            before = text[start : m.start()]
            at = before.rfind("对")
            dealer, dealt_to = (before[:at], before[at:]) if at >= 0 else (before, "")
            if target not in self.catalogue.mentioned(dealer) or target in (
                self.catalogue.mentioned(dealt_to)
            ):
                continue
            taken.append(m.span())
            total += self._flipped(text, m.start(), 1, premise)
        return total, taken

    def _displaced_object(
        self,
        text: str,
        target: str | None,
        premise: int,
        within: Callable[[re.Match[str]], bool],
        taken: Spans,
    ) -> float:
        """The target after a verb of taking its place, in the active voice (国产GPU会取代英伟达,
        华为明年会超越英伟达, 瓜分它的市场), or the one a verb of taking takes from (华为有望从英伟达
        手里抢下份额): the target is the one displaced, down, where the verb alone reads up. The
        subject of a verb of taking goes up (英伟达会从AMD手里抢下份额); the subject of 取代 or
        超越 is read by the change words, unless its place is hard to take (地位难以取代:
        HELD_PLACE). Not in the passive (read above). A negator before 从 reaches the verb
        (华为不会从英伟达手里抢走份额)."""
        if target is None:
            return 0.0
        total = 0.0
        for m in self.cues.displacing.finditer(text):
            if within(m):
                continue
            start = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
            brk = CLAUSE_BREAK.search(text, m.end())
            before, after = text[start : m.start()], text[m.end() : brk.start() if brk else None]
            if "被" in before:
                continue
            holder = FROM_HOLDER.search(before)
            holder_is = self._holder(holder, target) if holder else None  # True, False, None
            at = start + holder.start() if holder and holder_is is not None else m.start()
            if holder_is:
                sign = -1
            elif target in self.catalogue.mentioned(before):
                if m.group(0) in self.cues.taking:
                    sign = 1  # the target takes
                elif NO_OBJECT.match(after) and HELD_PLACE.search(before):
                    sign = -1  # 地位难以取代: the place is not taken, flipped below
                else:
                    continue  # 英伟达会取代AMD, 地位将会动摇: the change words read it
            elif (
                target in self.catalogue.mentioned(after[: DISPLACE_REACH + 6])
                or TARGET_PRONOUN.match(after)
            ) and self._leaves_behind(m.group(0), after, target):
                sign = -1
            else:
                continue
            taken.append(m.span())
            # _flipped turns 不会取代英伟达 the other way
            total += self._flipped(text, at, sign, premise)
        return total

    def _outdone_object(
        self,
        text: str,
        target: str | None,
        premise: int,
        within: Callable[[re.Match[str]], bool],
        taken: Spans,
    ) -> float:
        """The target after a verb of trailing (AMD会继续落后于英伟达, 国产卡明年还比不上英伟达):
        the one trailed stays ahead, up, where 落后 alone reads down; or after 比 with a
        comparison (AMD的芯片会比英伟达卖得更好: NVIDIA outdone, down; 比DeepSeek更差: up). Only
        where the target is not named before, as the subject the change words read (英伟达会落后
        于AMD). A negator before the verb turns it (华为不会比英伟达卖得更好)."""
        if target is None:
            return 0.0
        found = []
        for m in self.cues.trailing.finditer(text):
            brk = CLAUSE_BREAK.search(text, m.end())
            after = text[m.end() : brk.start() if brk else None]
            if target in self.catalogue.mentioned(
                after[: DISPLACE_REACH + 6]
            ) or TARGET_PRONOUN.match(after):
                found.append((m, 1))
        for m in self.cues.compared_with.finditer(text):
            if target in self.catalogue.mentioned(m.group(1)):
                found.append((m, -self.cues.compared_sign[m.group(2)]))
        total = 0.0
        for m, sign in found:
            start = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
            if within(m) or target in self.catalogue.mentioned(text[start : m.start()]):
                continue
            taken.append(m.span())
            total += self._flipped(text, m.start(), sign, premise)
        return total

    def _leaves_behind(self, verb: str, after: str, target: str) -> bool:
        """摆脱 displaces the target itself (摆脱英伟达芯片) or a dependence on it (摆脱对英伟达的
        依赖), not a feeling about it (摆脱了对英伟达的悲观情绪: a burden overcome, up)."""
        if verb != "摆脱":
            return True
        named = self.catalogue.find(after)
        if named and named[0].start <= 1:  # 摆脱英伟达…, 摆脱了英伟达…
            return True
        return any(w in after for w in self.cues.leave_behind_only)

    def _holder(self, holder: re.Match[str], target: str) -> bool | None:
        """Whether the one 从… takes from is the target (its names, or a pronoun standing for
        it, before 手里/那里…, or right after 从 with no such word: 从英伟达和AMD抢走), another
        (False), or no one: 从 opens a time or a vantage (None: 从明年起英伟达将抢走…)."""
        words = holder.group(1)
        if TARGET_PRONOUN.fullmatch(words):
            return True
        named = self.catalogue.find(words)
        rest = words
        for m in reversed(named):
            rest = rest[: m.start] + rest[m.end :]
        if holder.group(2):  # 从…手里: someone's, named or not (从AMD手里)
            return any(m.target == target for m in named)
        if not named or (named[0].start > 0 and not HOLDER_JOINERS.fullmatch(rest)):
            return None
        return any(m.target == target for m in named)

    def _burdens(self, text: str, premise: int) -> tuple[float, Spans]:
        """The direction the burdens in text give, and the spans read: a word before a burden
        first (顶住压力继续增长: the burden is its object, 增长 the subject's), then a burden and
        its change (库存压力将缓解). Nothing in a concession (虽然面临竞争压力，但…). 很难/难以
        before the change or the verb say it fails (库存压力很难缓解, 很难摆脱困境: down)."""
        conceded = [c.span() for c in CONCESSION.finditer(text)]
        total = 0.0
        taken: Spans = []

        def fails(at: int, before: str) -> bool:
            return _modal_before(before) and not self.scorer.negated(text, at)

        for m in self.cues.burdened.finditer(text):
            kind = m.lastindex or 0  # 1 overcome, 2 adds, 3 heavy, 4 braves
            if _starts_in(m, conceded):
                continue
            if kind != 3 and text.startswith("的", m.end(kind)):
                continue  # 面临的库存压力将缓解: the verb describes the burden
            taken.append(m.span())
            if kind == 4:
                continue  # 面对竞争压力继续增长: the burden braved, no change of its own
            at = m.start(kind)
            sign = 1 if kind == 1 else -1
            if fails(at, text[max(0, at - 2) : at]):
                sign = -sign
            total += self._flipped(text, at, sign, premise, modal=False)
        for m in self.cues.burden.finditer(text):
            if _starts_in(m, conceded) or _overlaps(m, taken):
                continue
            if CAUSED_BY.search(text, max(0, m.start() - 8), m.start()):
                continue
            taken.append(m.span())
            sign = -self.cues.burden_sign[m.group(2)]
            if fails(m.start(2), m.group(1)):
                sign = -sign  # 库存压力很难缓解: the easing fails
            total += self._flipped(text, m.start(2), sign, premise, modal=False)
        return total, taken

    def _premise_end(self, text: str) -> int:
        """Where the premise of a falsification bet ends (0 when text is no bet): a change
        inside it predicts the opposite."""
        cond = split_conditional(text)
        return cond[2] if cond and self.scorer.view(text).falsification else 0

    def _flipped(self, text: str, at: int, sign: int, premise_end: int, modal: bool = True) -> int:
        """The sign of a change word at `at`, after a negator before it, a 很难 right before it
        (优势将很难保持: down; _burdens reads its own, modal=False) and a bet's premise."""
        if self.scorer.negated(text, at) or (modal and _modal_before(text[max(0, at - 3) : at])):
            sign = -sign
        return -sign if at < premise_end else sign

    def _change(self, text: str) -> float:
        """Sum of change words, negated ones flipped, flipped again inside the premise of a
        falsification bet (如果两年后毛利率还稳在七成以上，我认错 → down)."""
        return self._changes(text, self._premise_end(text))

    def _changes(
        self, text: str, premise: int, skip: Callable[[re.Match[str]], bool] | None = None
    ) -> float:
        """_change with the premise found already, leaving out what skip says was read. A word
        of going on right before another change (持续下跌, 继续流失) goes the way of that change:
        it does not count as a rise of its own."""
        matches = [m for m in self.cues.change.finditer(text) if skip is None or not skip(m)]
        starts = [m.start() for m in matches[1:]]

        def goes_on(i: int, m: re.Match[str]) -> bool:
            return (
                m.group(0) in self.cues.continuations
                and i < len(starts)
                and starts[i] - m.end() <= CONTINUATION_REACH
            )

        return float(
            sum(
                self._flipped(text, m.start(), self.cues.change_sign[m.group(0)], premise)
                for i, m in enumerate(matches)
                if not goes_on(i, m)
            )
        )
