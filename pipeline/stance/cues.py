"""Cue scoring of one sentence toward each target it concerns.

What the author asserts, not what the words say: a negator flips a cue (不会下降), a rhetorical
question flips the sentence (难道…吗, 哪来的…), a counterfactual (如果…就…, 也不至于…了) flips its
premise, a falsification bet (如果 X, 那我认错) flips X, a concession (虽然 X 但是 Y) weakens X,
and reported speech (分析师认为…) counts little unless the author adopts it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.nlp import to_simplified
from pipeline.targets import Catalogue

CLAUSE_SPLIT = re.compile(r"[，,：:、]")
QUOTES = re.compile(r"[“”\"「」『』‘’]")
# The words that open a condition (如果X，Y); the prediction rules read them too.
CONDITION_WORDS = (
    "如果", "假如", "假设", "假使", "要是", "倘若", "倘使", "如若", "若是", "一旦", "只要", "万一", "除非",
)  # fmt: skip
# 若 alone (若禁令放宽，H20销量将回升: news write it as often as 如果), not inside a word (若干,
# 若隐若现, 宛若, 旁若无人, 欣喜若狂), nor 若非 (if it were not for: a counterfactual), nor a name
# a transcript labels its speaker by (若涵：…).
# Only opening a clause or after a Latin name (H20若…): inside a clause 若 is as often part of a
# name (张若昀认为…) or a word (泰然自若).
BARE_RUO = (
    r"(?:^|(?<=[，,；;：:。！!？?\s“「（(])|(?<=[A-Za-z0-9]))"
    r"若(?![干即隐有无非是])(?![^\W\d]{1,2}\s*[：:])"
)
CONDITIONAL = re.compile(f"({'|'.join(CONDITION_WORDS)}|{BARE_RUO})")
# 否则 and 不然 after 除非 (除非 X，否则 Y: Y unless X).
CONSEQUENT = re.compile(r"[，,]\s*(?:那么?|就|则|那就|那我|否则|不然)")
FALSIFICATION = re.compile(
    r"(挨打要立正|我错了|我认错|认错|打脸|声讨自己|吃键盘|倒立|删号|算我输|我输了"
    r"|删答案|删帖|删帐号|删账号|帐号删|账号删|删掉这篇|删了这篇|把这篇(?:文章|回答|帖子|答案)?删"
    r"|删文|名字倒过来写|倒着写|跟你姓|吃翔|吃屎|裸奔"
    # Cantonese 食 for 吃 (我喺度直播食鍵盤), a shaved head, a blog or account shut down
    # (我就把这个博客关了)
    r"|食键盘|剃光头|把(?:这个|这|我的|我这个)?(?:博客|号|帐号|账号|公众号|专栏|频道)(?:给)?关"
    # owning up in so many words (那我就承认自己看走眼了, 那我之前的判断就彻底错了)
    r"|看走眼|看走了眼|判断(?:就|也)?(?:彻底|完全|全|都)?错了|承认自己错)"
)
VINDICATION = re.compile(r"(看个乐子|看乐子|我说对了|早就说过)")
# A bare 要 that opens a bet's premise (明年这时候DeepSeek要还是国内开源第一，算我看走眼): 要 alone
# is "want" or "will" far more often, so only where an owning-up follows the premise's comma.
BET_ON_BARE_YAO = re.compile(
    r"(要)(?=(?:还|真的?|是|再|能|敢)[^，,。！？!?]{1,30}[，,][^。！？!?]{0,12}?"
    + FALSIFICATION.pattern
    + ")"
)
COUNTERFACTUAL = re.compile(r"(不至于|也不会|早就)[^，,。]*了")


def condition_opening(text: str) -> re.Match[str] | None:
    """Where a condition opens: a condition word (如果, 一旦…), or a bare 要 opening a bet's
    premise. One place, so that the split, the sentence's view and the bet agree."""
    return CONDITIONAL.search(text) or BET_ON_BARE_YAO.search(text)


def literal_alternation(words: Iterable[str]) -> str:
    """Regex source for any of words, longest first (so 看好 is not read as 好), or for nothing
    when there are none: an empty lexicon section must not match everywhere."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!)"


def split_conditional(text: str) -> tuple[int, int, int] | None:
    """(start of 如果, start of the condition, end of the condition) of a conditional sentence:
    the condition runs to the consequent (，那/就/则…) or to the end."""
    m = condition_opening(text)
    if m is None:
        return None
    csq = CONSEQUENT.search(text, m.end())
    return m.start(), m.end(), csq.start() if csq else len(text)


# What a writer concedes before the point they make (虽然X，但Y; 别看X，Y依然…; 即使X，也Y): X
# weighs less. The point opens with 但, 不过, 然而, 可是, or holds 却, 也, 都, 还, 仍 early on.
CONCESSION = re.compile(
    r"(?:虽然|虽说|尽管|固然|别看|即使|即便|哪怕|就算|纵然|纵使)(?P<weak>[^。！？!?]*?)[，,]\s*"
    r"(?:但是|但|不过|然而|可是|[^，,。！？!?]{0,8}?(?:却|也|都|还|仍|依然))"
)
QUESTION_END = re.compile(r"[?？]\s*$")
# A claim the writer names in quotation marks to knock down (所谓“DeepSeek利空英伟达”的说法，一年后看
# 更像是一次误判): what the quotation says counts the other way.
DISMISSED = re.compile(r"所谓|这种说法|这个说法|这种论调|这种观点")
REFUTED = re.compile(
    r"误判|站不住|不成立|错了|是错的|经不起推敲|言过其实|太夸张|过于夸张|想多了|无稽之谈|杞人忧天"
)
QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"]*\"")
# Words that start with a negator character but do not negate what follows: among them 未来
# (英伟达未来会上涨 is no negated rise), 别人, 无人机 and 不同 (but 不同意 does negate).
NOT_NEGATING = re.compile(
    r"(不过|不仅|不断|不少|不小|不久|不管|不论|不但|不得不|不光|无论|没想到|毫无疑问|不可否认"
    r"|未来|未來|别人|別人|别的|別的|别家|別家|无人机|無人機|无限|無限|无疑|無疑|不错|不錯|没错|沒錯"
    r"|不停|不同(?!意)|别看|別看)"
)
# A copula denied (已经不是中国AI的领跑者了, 并非不可替代的龙头) reaches the cue its noun phrase ends
# in, past the four characters of a negator: to the cue in its clause, not past 而/而是/但 (不是
# 泡沫而是革命: the cue after 而是 is affirmed).
COPULAS_DENIED = (
    "不是",
    "并非",
    "并不是",
    "已不是",
    "不再是",
    "已非",
    "绝非",
    "绝不是",
    "算不上",
    "称不上",
)
COPULA_REACH = 12  # characters between the copula and the cue
DENIED_COPULA = re.compile(
    # not 如果不是/要不是/若非 (had it not been for…: a counterfactual's premise)
    r"(?<!如果)(?<!假如)(?<!要)(?<!若)"
    f"(?:{'|'.join(COPULAS_DENIED)})[^，,。；;！!？?而但却]{{0,{COPULA_REACH}}}$"
)
# how far back from a cue a denied copula may start
COPULA_WINDOW = COPULA_REACH + max(map(len, COPULAS_DENIED))
# Characters between a change and the word for its pace (增长在2026年之后会明显放缓), for the stance
# cues and the predictions' direction alike.
PACE_REACH = 12
PACE_STOPS = "，,。；;！!？?而但却"  # what no pace word reaches across (营收增长而AMD放缓)
PACE_BREAK = re.compile(f"[{PACE_STOPS}]")
FIRST_PERSON_VIEW = re.compile(
    r"(我认为|我觉得|在我看来|我看好|我判断|我相信|笔者认为|我的看法|个人认为|我预计|记者认为|本报认为)"
)
# Many people's view, told (不少人据此唱衰, 我知道很多人觉得DeepSeek掉队了): reported speech though
# the writer says 我 around it, which is how a writer sets up a view to answer.
OTHERS_VIEW = re.compile(
    r"(?:很多|不少|许多|好多|一些|部分|有些|有的)(?:人|网友|投资者|投资人|分析师)"
    r"(?:都|也|还|会|据此|一直|纷纷|开始){0,2}(?:觉得|认为|说|担心|唱衰|看衰|质疑)"
)

# An adverb between a speaker and the verb of saying (分析师也认为, 机构则指出, 券商普遍认为): out of
# the way, the reported words (分析师认为, 机构指出…) match as they do without it.
SAYING_ADVERB = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:们)?(?:也|还|则|亦|同样|都|均|普遍|一致|多|仍)(?=认为|表示|指出|坦言|称)"
)

# What foretells (会, 将, 要, 预计, 明年…), for a clause's market moves: not 将近 (almost), 机会 or
# 社会, nor 要 in 主要, 需要, 重要.
AHEAD = re.compile(
    r"(?<![机社协学开聚约体])会(?![议员计])|将(?![近军])|即将|(?<![主需重想只必摘首紧])要(?![求素点是么闻])"
    r"|可能|有望|预计|预期|明年|未来|或将|恐将|迟早|早晚"
)
# A cue said to be small right after it (短期泡沫风险低, 下跌空间有限, 上涨的可能性不大): the cue
# turns, a low bubble risk being good news and little room to rise bad. Not a comparison (利润
# 下滑幅度会小于预期) nor a size foretold (…会很小), which the prediction rules read.
LOW_AFTER = re.compile(
    r"[^，,。；;！!？?会将要]{0,4}?(?:风险|可能性|概率|几率|空间|机会)?"
    r"(?:很|较|相对|比较|偏|非常|极|都)?(?:低|小|不大|有限|可控)(?![于过])"
)
# A strength said to be broken (打破了英伟达垄断格局, 终结英伟达的领先, 动摇其龙头地位): a good cue
# after one of these, up to BREAK_REACH characters on and no clause break between, counts
# against; not where the break is denied (难以撼动英伟达的领先地位) or is of a record or a limit
# (打破纪录创新高: good news).
BREAK_VERBS = ("打破", "终结", "瓦解", "击碎", "攻破", "撼动", "动摇", "削弱", "蚕食", "告别")
BREAKS = re.compile("|".join(BREAK_VERBS))
BREAK_REACH = 10  # characters between the verb and the cue
BREAK_LONGEST = max(map(len, BREAK_VERBS))
BROKEN_LIMIT = re.compile(r"纪录|记录|瓶颈|僵局|魔咒|天花板|封锁|限制|常规|惯例|沉默|垄断论")
# A question asked to assert (这对英伟达不应该是利好吗？不就是…吗？): its negation is the question's,
# so what it denies is what the writer says.
NEGATIVE_QUESTION = re.compile(
    r"(?:不是|不应该是|不应是|不该是|不就是|不也是|不正是|不都是|不算是)[^。！!]*[吗么][?？]\s*$"
)
# A day (1月27日, 27日): what happened on it is told as done.
DATED = re.compile(r"\d{1,2}\s*[日号](?!\s*[前后後内內起])")
# The weight of a relation cue on the target acted on, where the lexicon gives it less.
RELATION_WEIGHT = 0.7
# 被/受/遭 before a relation cue: the target before it is the one acted on (英伟达受到DeepSeek的冲击).
PASSIVE = re.compile(r"被|受到|受|遭到|遭")
# How far before a relation cue a lone target may end to be its doer (DeepSeek带来的冲击).
AGENT_REACH = 4
# 对/给 between two targets before a relation cue: the second is acted on (DeepSeek对英伟达的冲击).
OBJECT_MARK = re.compile(r"对|给|對|給")


@dataclass(frozen=True)
class Relation:
    agent: str  # the target acting
    patient: str | None  # the target acted on, None where the clause names none
    start: int  # the cue's span in the clause
    end: int
    harm: bool  # a harm (冲击) rather than a help (利好)


@dataclass(frozen=True)
class CueLexicon:
    cues: dict[str, float]  # generic cue → signed weight
    target_cues: dict[str, dict[str, float]]  # target id → cue → signed weight
    negators: tuple[str, ...]
    # Words that hold a cue without being one (看空间 is 看 + 空间, not 看空): matched as cues of no
    # weight, so that the longest-first alternation takes them before the cue inside them.
    not_cues: tuple[str, ...]
    reported: tuple[str, ...]
    first_person: tuple[str, ...]
    rebuttal: tuple[str, ...]
    rhetorical: tuple[str, ...]
    # Words for a change slowing (放缓, 收窄): after a cue in its clause they turn it.
    slower: tuple[str, ...] = ()
    # What one target does to another (DeepSeek冲击英伟达, X利好Y): the cue is about the one acted
    # on (CueScorer.relation).
    harms: tuple[str, ...] = ()
    helps: tuple[str, ...] = ()
    # Market moves (暴跌, 新高) and the words that tell them as done (了, 已经, 累计): a record.
    moves: tuple[str, ...] = ()
    done: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: str | Path, catalogue: Catalogue) -> CueLexicon:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"stance cue lexicon {path} cannot be read: {exc}") from None
        cues = {k: float(v) for k, v in data.get("bullish", {}).items()}
        cues.update({k: -float(v) for k, v in data.get("bearish", {}).items()})
        target_cues = {
            t.id: {
                **{to_simplified(c): 1.0 for c in t.bullish},
                **{to_simplified(c): -1.0 for c in t.bearish},
            }
            for t in catalogue.targets
        }
        rep = data.get("reported", {})
        not_cues = tuple(data.get("not_cues", {}).get("words", []))
        return cls(
            cues=cues,
            target_cues=target_cues,
            negators=tuple(data.get("negators", {}).get("words", [])),
            not_cues=not_cues,
            reported=tuple(rep.get("words", [])),
            first_person=tuple(rep.get("first_person", [])),
            rebuttal=tuple(rep.get("rebuttal", [])),
            rhetorical=tuple(data.get("question", {}).get("rhetorical", [])),
            slower=tuple(data.get("pace", {}).get("slower", [])),
            harms=tuple(to_simplified(w) for w in data.get("relation", {}).get("harms", [])),
            helps=tuple(to_simplified(w) for w in data.get("relation", {}).get("helps", [])),
            moves=tuple(data.get("market", {}).get("moves", [])),
            done=tuple(data.get("market", {}).get("done", [])),
        )

    def regex_for(self, target: str) -> tuple[re.Pattern[str], dict[str, float]]:
        table = {**self.cues, **self.target_cues.get(target, {})}
        table.update({w: 0.0 for w in self.not_cues})
        return re.compile(literal_alternation(table)), table


def _broken(word: str, cues: dict[str, float]) -> str:
    """word with a space before the last character of the longest cue inside it."""
    inside = [(len(c), word.index(c)) for c in cues if c in word and c != word]
    if not inside:
        return word
    length, start = max(inside)
    cut = start + length - 1
    return f"{word[:cut]} {word[cut:]}"


@dataclass(frozen=True)
class SentenceView:
    """How a sentence should be read before its cues are counted."""

    rhetorical: bool
    reported: bool
    first_person: bool
    conditional: bool
    falsification: bool
    counterfactual: bool


class CueScorer:
    def __init__(self, lexicon: CueLexicon, catalogue: Catalogue) -> None:
        self.lexicon = lexicon
        self.catalogue = catalogue
        self._regex = {t: lexicon.regex_for(t) for t in catalogue.ids}
        self._regex[""] = lexicon.regex_for("")  # generic cues: a claim about no target
        self._broken = {w: _broken(w, lexicon.cues) for w in lexicon.not_cues}
        self._not_cue = re.compile(literal_alternation(self._broken))
        self._slower = re.compile(literal_alternation(lexicon.slower)) if lexicon.slower else None
        # how far from a cue a pace word may end: PACE_REACH characters, then the word itself
        self._pace_span = PACE_REACH + max(map(len, lexicon.slower), default=0)
        # with every cue and not-cue, longest first, so that a relation word inside a longer
        # cue (替代 in 国产替代, 冲击 in 冲击波) is not read as one
        related = (*lexicon.harms, *lexicon.helps)
        self._relation = re.compile(
            literal_alternation({*related, *lexicon.cues, *lexicon.not_cues})
        )
        self._related = frozenset(related)

    def unglued(self, text: str) -> str:
        """text with a space inside the cue that each not-cue holds (看空间 → 看 空间, 机会成本 →
        机 会成本), for the trained models' character n-grams: they would otherwise count 看空
        in 看空间 as the bearish cue, which this scorer, matching not-cues first, does not."""
        return self._not_cue.sub(lambda m: self._broken[m.group(0)], text)

    def view(self, simplified: str) -> SentenceView:
        lx = self.lexicon
        rhetorical = any(w in simplified for w in lx.rhetorical) and (
            QUESTION_END.search(simplified) is not None or "总不能" in simplified
        )
        rhetorical = (
            rhetorical
            or bool(re.search(r"(难道|岂).*[吗么][?？]?\s*$", simplified))
            or bool(NEGATIVE_QUESTION.search(simplified))
        )
        said = SAYING_ADVERB.sub("", simplified)  # 我也认为 as 我认为, 分析师也认为 as 分析师认为
        first = bool(FIRST_PERSON_VIEW.search(said))
        reported = not first and (
            bool(OTHERS_VIEW.search(simplified))
            or (
                any(w in said for w in lx.reported)
                and not any(w in simplified for w in lx.first_person)
            )
        )
        conditional = condition_opening(simplified) is not None
        return SentenceView(
            rhetorical=rhetorical,
            reported=reported,
            first_person=first,
            conditional=conditional,
            falsification=conditional and bool(FALSIFICATION.search(simplified)),
            counterfactual=conditional and bool(COUNTERFACTUAL.search(simplified)),
        )

    @staticmethod
    def bet(simplified: str) -> bool:
        """A wager on the author's own call: 如果 X，我认错 (X is what the author says will not
        happen) or 如果 X，那我就当看个乐子 (X is what the author foresees). Either way a claim a
        reader can check, however little it looks like a forecast."""
        return condition_opening(simplified) is not None and bool(
            FALSIFICATION.search(simplified) or VINDICATION.search(simplified)
        )

    def negated(self, text: str, pos: int) -> bool:
        window = NOT_NEGATING.sub("", text[max(0, pos - 6) : pos])[-4:]
        return any(n in window for n in self.lexicon.negators) or bool(
            DENIED_COPULA.search(text, max(0, pos - COPULA_WINDOW), pos)
        )

    def cue_starts(self, text: str, target: str) -> list[int]:
        """Where the target's stance cues start in text (target "" for the generic ones)."""
        regex, table = self._regex[target]
        return [m.start() for m in regex.finditer(text) if table[m.group(0)]]

    def told_as_done(self, clause: str) -> bool:
        """Whether a clause tells something as done and foretells nothing: its market moves are
        a record (英伟达当天暴跌了17%), not a view (英伟达还会继续下跌)."""
        done = any(w in clause for w in self.lexicon.done) or DATED.search(clause)
        return bool(done) and not AHEAD.search(clause)

    def clause_polarity(
        self, clause: str, target: str, ignore_negation: bool = False, record: bool = False
    ) -> float:
        """The clause's cues, signed; record: its sentence tells what is done (told_as_done),
        so its market moves are a record whatever the clause itself says (周一英伟达暴跌17%，
        市值蒸发近六千亿美元)."""
        regex, table = self._regex[target]
        clause = QUOTES.sub("", clause)
        total = 0.0
        for m in regex.finditer(clause):
            w = table[m.group(0)]
            if not w:
                continue
            if m.group(0) in self.lexicon.moves:
                record = record or self.told_as_done(clause)
                if record:
                    continue
            if not ignore_negation and self.negated(clause, m.start()):
                w = -w
            if self._slowed(clause, m.end()):
                w = -w
            if LOW_AFTER.match(clause, m.end()):
                w = -w
            if w > 0 and self._strength_broken(clause, m.start()):
                w = -w
            total += w
        return total

    def _strength_broken(self, clause: str, start: int) -> bool:
        """Whether a good cue starting at start is a strength said to be broken (打破了英伟达垄断
        格局): a breaking verb within BREAK_REACH characters before it, in its clause, not denied
        (难以撼动) and not of a record or a limit (打破纪录)."""
        # the reach is counted from the verb's end (打破英伟达CUDA生态垄断: nine between), so a
        # verb is looked for from as far back as its own length
        lo = max(0, start - BREAK_REACH - BREAK_LONGEST)
        m = next(
            (m for m in BREAKS.finditer(clause, lo, start) if start - m.end() <= BREAK_REACH), None
        )
        if m is None or PACE_BREAK.search(clause, m.end(), start):
            return False
        return not self.negated(clause, m.start()) and not BROKEN_LIMIT.search(
            clause, m.end(), start
        )

    def _slowed(self, clause: str, end: int) -> bool:
        """Whether a word for a change slowing follows a cue ending at end, within PACE_REACH
        characters and not itself negated: 增长在2026年之后会明显放缓 is growth slowing."""
        if self._slower is None:
            return False
        m = self._slower.search(clause, end, end + self._pace_span)
        return (
            m is not None
            and not PACE_BREAK.search(clause, end, m.start())  # 营收增长而AMD放缓: AMD's pace
            and not self.negated(clause, m.start())
        )

    def relation(self, clause: str) -> Relation | None:
        """Who acts on whom around a relation cue in a clause naming a target: DeepSeek冲击
        英伟达 (the one before acts on the one after), DeepSeek对英伟达的冲击 (对 marks the one
        acted on), 英伟达受到DeepSeek的冲击 (被/受/遭: the one before is acted on), DeepSeek带来
        的冲击 (a lone target just before the cue does it, on no target named). None where the
        clause does not say (英伟达和DeepSeek都受到冲击)."""
        m = next((m for m in self._relation.finditer(clause) if m.group(0) in self._related), None)
        if m is None:
            return None
        found = [x for x in self.catalogue.find(clause) if x.kind != "related"]
        before = [x for x in found if x.end <= m.start()]
        after = [x for x in found if x.start >= m.end()]
        if not before:
            return None
        agent = before[0].target
        passive = PASSIVE.search(clause, before[0].end, m.start())
        if not after and all(x.target == agent for x in before):
            # one target, just before the cue and not acted on: its own doing (DeepSeek带来的
            # 冲击, DeepSeek的威胁), which says nothing bad of it
            near = m.start() - before[-1].end <= AGENT_REACH
            # (对英伟达的冲击: 对 before it marks the one acted on)
            marked = OBJECT_MARK.search(clause, max(0, before[0].start - 2), before[0].start)
            if not near or passive or marked:
                return None
            return Relation(agent, None, m.start(), m.end(), m.group(0) in self.lexicon.harms)
        if after and not passive:
            patient = after[0].target
        else:
            # both before the cue: 对/给 or a passive marker between them says which is which
            second = next((x for x in before if x.target != agent), None)
            if second is None:
                return None
            between = clause[before[0].end : second.start]
            if passive and passive.start() < second.start:
                agent, patient = second.target, agent
            elif OBJECT_MARK.search(between):
                patient = second.target
            else:
                return None
        if agent == patient:
            return None
        return Relation(agent, patient, m.start(), m.end(), m.group(0) in self.lexicon.harms)

    def _acted_on(self, clause: str, role: Relation, target: str) -> float:
        """What the relation cue says of the target acted on, over what the lexicon gives it:
        harm is bad for it whatever the word's own weight (DeepSeek颠覆了英伟达的商业模式; 颠覆 is
        the doer's success), help good; a negator before the cue turns it (没有冲击英伟达)."""
        regex, table = self._regex[target]
        word = clause[role.start : role.end]
        given = table.get(word, 0.0) if regex.fullmatch(word) else 0.0
        wanted = -max(abs(given), RELATION_WEIGHT) if role.harm else max(given, RELATION_WEIGHT)
        if self.negated(clause, role.start):
            given, wanted = -given, -wanted
        return wanted - given

    def score(self, sentence: str, targets: dict[str, float]) -> dict[str, float]:
        """Signed score of the author's view in sentence, per target, times its attribution weight.

        targets maps a target id to how surely the sentence concerns it (1.0 when named in it).
        """
        simplified = to_simplified(sentence)
        view = self.view(simplified)
        weak_span = None
        if m := CONCESSION.search(simplified):
            weak_span = (m.start("weak"), m.end("weak"))
        premise_end = -1
        if cond := split_conditional(simplified):
            premise_end = cond[2]
            if view.counterfactual and (cf := COUNTERFACTUAL.search(simplified)):
                cut = max(
                    simplified.rfind(",", 0, cf.start()), simplified.rfind("，", 0, cf.start())
                )
                premise_end = cut if cut > 0 else premise_end
        clauses: list[tuple[int, str]] = []
        pos = 0
        for part in CLAUSE_SPLIT.split(simplified):
            clauses.append((pos, part))
            pos += len(part) + 1
        named = {c: self.catalogue.mentioned(part) for c, (_, part) in enumerate(clauses)}
        for c, (start, _) in enumerate(clauses[1:], start=1):
            if simplified[start - 1] == "、":
                # a list goes on (深度求索、通义千问等开源模型非常出色): what it says is said of
                # every item, the named ones before the 、 too, and of no target outside it
                named[c] = named[c] | named[c - 1]
        dismissed = bool(DISMISSED.search(simplified) and REFUTED.search(simplified))
        quoted = _quoted_chars(simplified) if dismissed else []
        roles = {c: self.relation(part) for c, (_, part) in enumerate(clauses) if named[c]}
        record = self.told_as_done(simplified)
        out: dict[str, float] = {}
        for target, weight in targets.items():
            total = 0.0
            for c, (start, part) in enumerate(clauses):
                in_premise = view.conditional and start < premise_end
                read = part
                if (role := roles.get(c)) is not None and target == role.agent:
                    read = part[: role.start] + " " * (role.end - role.start) + part[role.end :]
                pol = self.clause_polarity(
                    read,
                    target,
                    ignore_negation=view.counterfactual and not in_premise,
                    record=record,
                )
                if role is not None and target == role.patient:
                    pol += self._acted_on(part, role, target)
                if dismissed:
                    said = "".join(
                        ch for i, ch in enumerate(part, start) if i < len(quoted) and quoted[i]
                    )
                    pol -= 2 * self.clause_polarity(said, target)
                if not pol:
                    continue
                if named[c] and target not in named[c]:
                    continue  # the clause is about another target
                factor = 1.0 if target in named[c] else 0.6
                if weak_span and start < weak_span[1] and start + len(part) > weak_span[0]:
                    factor *= 0.3
                if in_premise and (view.falsification or view.counterfactual):
                    pol = -pol
                elif in_premise and not VINDICATION.search(simplified):
                    factor *= 0.5  # an open condition is a weaker claim
                total += pol * factor
            if view.rhetorical:
                total = -total
            if view.reported:
                total *= 0.3
            if view.first_person:
                total *= 1.5
            if total:
                out[target] = total * weight
        return out


def _quoted_chars(text: str) -> list[bool]:
    """Which characters of text stand inside quotation marks, the marks aside."""
    inside = [False] * len(text)
    for m in QUOTED.finditer(text):
        for i in range(m.start() + 1, m.end() - 1):
            inside[i] = True
    return inside
