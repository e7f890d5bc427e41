"""The prediction cue lexicon (data/lexicons/prediction_cues.toml), compiled once.

Why a module of its own: the claim rules (predictions.py), the direction rules (direction.py) and
who speaks a claim (speakers.py) all read the same words; the lexicon is data a user edits, so
what each list means and how it is compiled stands in one place, and a broken file is refused
here with its path.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.direction import DISPLACE_REACH, MODAL_CHANGE, potential_forms
from pipeline.errors import ConfigError
from pipeline.stance.cues import PACE_REACH, PACE_STOPS, literal_alternation

# 预期 as a verb, not the noun of 不及预期, 超预期, 高于预期, 符合预期, 出乎预期, 不如预期, 未达
# 预期, 市场的预期.
EXPECTATION_VERB = "(?<![及超于合出乎如达的])预期(?!过高|过低|太高|太低|差|落空)"

# What may stand between a burden and its change (风险将继续下降, 库存压力在下半年会缓解): modal words,
# adverbs and a time. Anything else (是, 在于, 中, 下, 偏好…) says the change is not the burden's.
# A pace before the change (成本会比预期更快降下来) is the change's: it comes first here, so that 更
# alone does not leave 快 to be read as the burden's change; where no change follows, it still is.
BURDEN_GAP = (
    r"(?:比(?:市场|外界|大家|此前)?(?:预期|预想|想象)的?|更快地|更快|更慢|加快|加速|将会|将|会|可能|或将|或|也|还|都|就|已经|已|正在|逐步|逐渐|进一步|持续|继续|不会|不再|不|没有|未|"
    r"仍然|仍|依然|依旧|有所|显著|大大|得以|再次|再度|再|因素|"
    r"有望|可望|恐将|开始|得到|明显|大幅|迅速|很快|更早|更加|更|越来越|很难|难以|终将|终会|必将|势必|一定|肯定|"
    r"大概率|基本|彻底|随之|在|于|明年|今年|年内|年底|下半年|上半年|短期内|短期|中期|长期|近期|未来|"
    r"下个?季度|下个?月|[一二两三四五六七八九十\d]+个?(?:月|季度|年)(?:内|后)?)*"
)
# Characters between a word before a burden and the burden (面临来自华为的竞争压力).
BURDEN_REACH = 10
EXPECTATION_REACH = 6  # characters between 低于 and 预期 (低于华尔街的一致预期)


def _attribution(reported: dict) -> re.Pattern[str]:
    """据 + a source (据业内人士介绍, 据《日经亚洲》), 有 + someone's view (有美国券商估计), a
    forecast or a statement someone issues (英伟达给出的营收指引, 发出声明), what a text says
    (报告说), X说，, a mark of another's word (指引为…, 据说, 市场传闻, 转发@), a source after
    the claim (，知情人士透露。): each opens a clause or stands within one, never across a comma."""
    clause = r"(?:^|[，,；;：:（(])\s*"
    # Someone issuing or a text saying: the match takes in the clause before, so that a subject
    # of the author's own (我们上调目标价, 本报告预计) is seen; with none (，上调目标价) it is the
    # author's own act, as a broker's note writes it.
    subject = r"(?:^|[，,；;：:（(])[^，,。；;]*?(?<=[^，,。；;：:（(\s])"
    no_crowd = "".join(f"(?!{re.escape(w)})" for w in reported["not_crowds"])
    return re.compile(
        rf"{clause}(?<!根)据(?!此|我|笔者)[^，,。；;]{{0,20}}?"
        rf"(?:{literal_alternation(reported['sources'])})"
        r"|(?<!根)据《[^》]{1,20}》"
        rf"|{clause}{no_crowd}(?:{literal_alternation(reported['crowds'])})[^，,。；;]{{1,12}}?"
        rf"(?:{literal_alternation(reported['others_view']).replace('说', '说(?![明服过])')})"
        # someone's words quoted after what they do (还有人盯着亏损说“这些钱迟早要还”)
        rf"|{clause}(?:还|也|又)?有(?:人|些人|的人)[^，,。；;“「]{{1,20}}?说[：:]?\s*[“「『]"
        rf"|{literal_alternation(reported['markers'])}|(?<![没未])听说(?!过)"
        r"|指引(?:为|在|约|是)?\s*(?:[\d一二三四五六七八九十]|约)"
        # X说， with X a speaker, not 换句话说, 总的来说, 坦白说, 毫不夸张地说, 有一说一…
        r"|^[^，,。：:]{1,12}?(?<![话来白实如是再用以么虽理该不能要想会得地单度步一])说[，,：:]"
        # not where the issuing is foretold (黄仁勋应该会上调全年指引: the writer's claim)
        rf"|{subject}(?<!会)(?:{literal_alternation(reported['issues'])})[^，,。；;]{{0,12}}?"
        rf"(?:{literal_alternation(reported['forecasts'])})"
        # an analyst's figure moved (花旗将英伟达的目标价上调至270美元)
        rf"|{subject}(?:目标价|目標價|评级|評級)[^，,。；;]{{0,4}}?(?:上调|下调|调升|调降|上修|下修)(?!会)"
        rf"|{subject}(?:{literal_alternation(reported['writings'])})[^，,。；;]{{0,4}}?"
        rf"(?:{literal_alternation(reported['writing_says'])})"
        # the source named after the claim, at the end of the sentence
        r"|[，,]\s*[^，,。；;]{1,20}?(?:透露|报道|报导|称|表示|指出)[。.!！]?\s*$"
    )


# The start of an amount (5万颗, 两成, 约300亿, 近一半, 上百万).
AMOUNT = r"(?:[约近逾上数几]?\s*[\d一二两三四五六七八九十百千万亿半])"


def _speech(reported: dict) -> re.Pattern[str]:
    """X 表示/预计… at the start of a sentence or claim. The verbs a writer also uses of the
    writing itself (需要提醒的是, 粗略估算) count only after a subject that is none of those
    words; 预期 only as a verb (not 不及预期, 预期过高)."""
    own = set(reported["own_acts"])
    plain = [v for v in reported["verbs"] if v not in own]
    not_after = "".join(f"(?<!{re.escape(w)})" for w in reported["not_speakers"])
    verbs = literal_alternation(plain).replace("预期", EXPECTATION_VERB)
    estimators = literal_alternation(reported["estimators"])
    # not a statement foretold (DeepSeek一定会宣布…, 英伟达将披露…): the writer's claim of an event
    foretold = "(?<!会)(?<!将)(?<!要)"
    return re.compile(
        rf"^[^，,。]{{1,24}}?{foretold}(?:{verbs}|{not_after}(?:{literal_alternation(own)}))"
        rf"|^[^，,。]{{0,12}}?(?<![于及超出过如达])(?:{estimators})[^，,。]{{0,6}}?{foretold}估计"
    )


@dataclass(frozen=True)
class PredictionCues:
    strong: tuple[str, ...]
    turns: tuple[str, ...]  # strong, except in a clause that tells of the past
    turns_not_after: tuple[str, ...]
    lasts: tuple[str, ...]  # whether a state lasts: strong, except beside any word of the past
    lasts_not_after: tuple[str, ...]  # every such word: past markers, turns_not_after, its own
    peak_passed: re.Pattern[str]  # 高光时刻已经过去: strong, past words and all
    weak: tuple[str, ...]
    resolution: tuple[str, ...]
    not_future: re.Pattern[str]
    past: tuple[str, ...]
    subjects: tuple[str, ...]
    speech: re.Pattern[str]
    attribution: re.Pattern[str]  # 据…介绍, 有券商估计, 给出…指引: anywhere in the sentence
    continues: re.Pattern[str]  # 其中, 同时, 他…: a sentence going on in the voice before it
    judges: re.Pattern[str]  # 过于乐观, 站不住脚…: the author judging what was said
    possible: tuple[str, ...]
    likely: tuple[str, ...]
    certain: tuple[str, ...]
    not_certain: re.Pattern[str]  # 表示肯定, 一定程度: no certainty
    certain_denial: re.Pattern[str]  # 不可能: certain, though it holds 可能
    not_hedge: re.Pattern[str]  # 超预期, 符合预期: a noun, no hedge
    maybe: re.Pattern[str]  # 或 + a verb: the news register's maybe, when 或 is not "or"
    fear: re.Pattern[str]  # 恐 + a verb: the news register's "may, sadly" (恐再下滑, 恐难)
    exclude: tuple[re.Pattern[str], ...]
    change: re.Pattern[str]  # change words, for direction when stance cues are silent
    change_sign: dict[str, int]
    pace: re.Pattern[str]  # a change, then a change in its pace: 增长…放缓 (group 1, group 2)
    pace_sign: dict[str, int]  # slower -1, faster +1
    # A comparison with what was expected (低于市场预期, 好于共识: group 1 the comparison)
    expectation: re.Pattern[str]
    expectation_sign: dict[str, int]  # above +1, below -1
    # Forms the direction rules read as others (唔会 as 不会, 算我看走眼 as 算我输)
    reads_as: re.Pattern[str]
    reads_as_words: dict[str, str]
    schedule: re.Pattern[str]  # 发布, 召开…: something released or held
    continuations: frozenset[str]  # 持续, 继续…: going on, the way of the change after them
    plans: re.Pattern[str]  # 计划, 将于, 预计…: beside a schedule verb, a plan
    focus_shift: re.Pattern[str]  # 重点…转向, 聚焦: a focus moving
    displaced: re.Pattern[str]  # 被 … 取代: the subject is displaced
    displacing: re.Pattern[str]  # 取代, 超越…: whoever stands after the verb is displaced
    taking: frozenset[str]  # 抢走, 蚕食…: of those, the verbs of taking, up for their subject
    trailing: re.Pattern[str]  # 落后于, 比不上…: whoever stands after the verb stays ahead
    # a place foretold (会是第一, 最…之一)
    standing: re.Pattern[str]
    standing_lost: re.Pattern[str]  # 不会, 不再…: right before the verb, the place is not held
    # 比 … 更好 (+1) or 更差 (-1): group 1 what is compared with, group 2 the comparison
    compared_with: re.Pattern[str]
    compared_sign: dict[str, int]
    leave_behind_only: tuple[str, ...]  # 摆脱 displaces the target or a dependence on it only
    # A burden and a change in it: 折价…消失 (gap, change: groups 1, 2); a word before a burden
    # that overcomes it (缓解…压力, group 1), adds it (面临…风险, 2), makes it heavy (更大的…压力, 3)
    # or braves it (面对…压力, 4)
    burden: re.Pattern[str]
    burdened: re.Pattern[str]
    burden_sign: dict[str, int]  # the change's own sign: 消失 -1, 加大 +1

    @classmethod
    def load(cls, path: str | Path) -> PredictionCues:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
            not_certain = data["hedge"].get("not_certain", [])
            maybe = literal_alternation(data["future"].get("maybe_verbs", []))
            not_future = sorted(data["future"]["not_future"] + not_certain, key=len, reverse=True)
            sign = {w: 1 for w in data["direction"]["up"]}
            sign.update({w: -1 for w in data["direction"]["down"]})
            # A rise named as a thing (这波涨势): what is said of it gives the way (不会长久).
            sign.update({w: 0 for w in data["direction"].get("unsigned", [])})
            displace = [*data["direction"]["displace"], *data["direction"]["take"]]
            outdoes, outdone = data["direction"]["outdoes"], data["direction"]["outdone"]
            passive_only = data["direction"].get("displace_passive_only", [])
            pace = {w: -1 for w in data["direction"]["slower"]}
            pace.update({w: 1 for w in data["direction"]["faster"]})
            changes = {w: s for w, s in sign.items() if w not in pace}
            compared = {w: 1 for w in data["direction"].get("above_expectation", [])}
            compared.update({w: -1 for w in data["direction"].get("below_expectation", [])})
            expected = literal_alternation(data["direction"].get("expectations", []))
            # With the potential forms of the change words (追不上 as 不追上); where the lexicon
            # says how a form reads, the lexicon's reading wins.
            reads_as = potential_forms(
                [*sign, *displace, *data["direction"]["displace_passive_only"]]
            ) | data["direction"].get("reads_as", {})
            # A burden, then its change (group 2, after the gap in group 1); or a word before a
            # burden: overcome (group 1), adds (2), heavy (3), braves (4).
            burden_sign = {w: s for w, s in sign.items() if w not in MODAL_CHANGE} | pace
            burden_sign.update({w: 1 for w in data["direction"]["burden_grows"]})
            burden_sign.update({w: -1 for w in data["direction"]["burden_eases"]})
            burdens = literal_alternation(data["direction"]["burdens"])
            before = [data["direction"][k] for k in ("overcome", "adds", "heavy", "braves")]
            # Up to BURDEN_REACH characters, never across another of these words, 后 or 而.
            reach = (
                f"(?:(?!{literal_alternation([w for ws in before for w in ws])}|{burdens}|后|而)"
                f"[^，,。；;！!？?]){{0,{BURDEN_REACH}}}?"
            )
            return cls(
                strong=tuple(data["future"]["strong"]),
                turns=tuple(data["future"].get("turns", [])),
                turns_not_after=tuple(data["future"].get("turns_not_after", [])),
                lasts=tuple(data["future"].get("lasts", [])),
                lasts_not_after=(
                    *data["past"]["markers"],
                    *data["future"].get("turns_not_after", []),
                    *data["future"].get("lasts_not_after", []),
                ),
                peak_passed=re.compile(
                    rf"(?:{literal_alternation(data['future'].get('peaks', []))})"
                    r"[^，,。；;！!？?]{0,8}?过去"
                ),
                weak=tuple(data["future"]["weak"]),
                resolution=tuple(data["future"].get("resolution", [])),
                not_future=re.compile("|".join(map(re.escape, not_future)) or r"(?!)"),
                past=tuple(data["past"]["markers"]),
                subjects=tuple(data["subject"]["words"]),
                # "X 表示/预计…" at the start of the sentence or of the claim, X not the author.
                speech=_speech(data["reported"]),
                judges=re.compile(literal_alternation(data["reported"].get("judges", []))),
                attribution=_attribution(data["reported"]),
                continues=re.compile(
                    r"^\s*(?:" + literal_alternation(data["reported"]["continues"]) + ")"
                ),
                possible=tuple(data["hedge"]["possible"]),
                likely=tuple(data["hedge"]["likely_phrases"]),
                certain=tuple(data["hedge"]["certain"]),
                not_certain=re.compile(literal_alternation(not_certain) or r"(?!)"),
                certain_denial=re.compile(
                    literal_alternation(data["hedge"].get("certain_denials", [])) or r"(?!)"
                ),
                not_hedge=re.compile(
                    literal_alternation(data["hedge"].get("not_hedge", [])) or r"(?!)"
                ),
                maybe=re.compile(f"或(?:{maybe})" if maybe else r"(?!)"),
                fear=_fear(data["future"], sign),
                exclude=tuple(re.compile(p) for p in data["exclude"]["patterns"]),
                change=re.compile(literal_alternation(sign)),
                change_sign=sign,
                pace=re.compile(
                    f"({literal_alternation(changes)})[^{PACE_STOPS}]"
                    f"{{0,{PACE_REACH}}}?({literal_alternation(pace)})"
                ),
                pace_sign=pace,
                expectation=re.compile(
                    f"({literal_alternation(compared)})"
                    f"[^，,。；;！!？?]{{0,{EXPECTATION_REACH}}}?(?:{expected})"
                ),
                expectation_sign=compared,
                reads_as=re.compile(literal_alternation(reads_as)),
                reads_as_words=reads_as,
                schedule=re.compile(literal_alternation(data["direction"].get("schedule", []))),
                continuations=frozenset(data["direction"].get("continues", [])),
                plans=re.compile(literal_alternation(data["direction"].get("plans", []))),
                focus_shift=re.compile(
                    f"(?:{literal_alternation(data['direction'].get('focus', []))})"
                    f"[^，,。；;！!？?]{{0,12}}?"
                    f"(?:{literal_alternation(data['direction'].get('focus_moves', []))})"
                    f"|{literal_alternation(data['direction'].get('focus_verbs', []))}"
                ),
                burden=re.compile(
                    f"(?:{burdens})({BURDEN_GAP})({literal_alternation(burden_sign)})"
                ),
                burdened=re.compile(
                    "|".join(f"({literal_alternation(ws)}){reach}(?:{burdens})" for ws in before)
                ),
                burden_sign=burden_sign,
                displaced=re.compile(
                    f"被(?!{literal_alternation(data['direction']['not_passive'])})"
                    f"[^，,。；;！!？?]{{0,{DISPLACE_REACH}}}?"
                    f"(?:{literal_alternation(displace + passive_only)})"
                ),
                # not before an amount: 超过5万颗H100 compares a count, no one is displaced
                displacing=re.compile(f"(?:{literal_alternation(displace)})(?!\\s*{AMOUNT})"),
                taking=frozenset(data["direction"]["take"]),
                trailing=re.compile(literal_alternation(data["direction"]["trail"])),
                standing=_standing(data["direction"]),
                standing_lost=re.compile(
                    f"(?:{literal_alternation(data['direction'].get('standing_lost', []))})"
                    r"[^，,。；;！!？?]{0,2}$"
                ),
                compared_with=re.compile(
                    r"比([^，,。；;！!？?比]{1,22}?)"
                    f"({literal_alternation(outdoes + outdone)})"
                ),
                compared_sign={w: 1 for w in outdoes} | {w: -1 for w in outdone},
                leave_behind_only=tuple(data["direction"]["leave_behind_only"]),
            )
        except (OSError, KeyError, tomllib.TOMLDecodeError, re.error) as exc:
            raise ConfigError(f"prediction cue lexicon {path} is unusable: {exc}") from None


def _standing(direction: dict[str, Any]) -> re.Pattern[str]:
    """A verb of standing (是, 成为, 被看作) within STANDING_REACH characters of a place (第一,
    首选, 主角, 最…之一); what denies it (不会, 不再) is read before the verb (standing_lost)."""
    verbs = literal_alternation(direction.get("standing_verbs", []))
    places = literal_alternation(direction.get("standing_places", []))
    return re.compile(
        f"(?:{verbs})[^，,。；;！!？?]{{0,{STANDING_REACH}}}?"
        f"(?:(?:{places})(?![个個家次批款步代季天轮輪期号號项項届屆])|最[^，,。；;！!？?]{{1,12}}?之一)"
    )


# How far a place may stand after its verb (会成为全球开源社区最重要的…之一).
STANDING_REACH = 12


def _fear(future: dict[str, Any], changes: dict[str, int]) -> re.Pattern[str]:
    """恐 before a verb, the headline's hedge (輝達中國營收恐再下滑, 恐難達標, 出貨恐延後): before
    one of `fear_verbs`, the `maybe_verbs` of 或 or a change word. Not the 恐 of a fear named
    (恐慌, 恐惧, 恐怖: none of them is such a verb) nor the 恐 closing a word of its own
    (`fear_not_after`: 惊恐, 惶恐, 唯恐)."""
    if not future.get("fear_verbs"):
        return re.compile(r"(?!)")
    verbs = literal_alternation([*future["fear_verbs"], *future.get("maybe_verbs", []), *changes])
    not_after = "".join(future.get("fear_not_after", []))
    return re.compile((f"(?<![{re.escape(not_after)}])" if not_after else "") + f"恐(?:{verbs})")
