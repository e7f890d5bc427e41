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
speakers.py). The cue words are data: data/lexicons/prediction_cues.toml, read by prediction_cues.py;
the patterns that tell a forecast from a telling of the past are in forecast_patterns.py.
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
from pipeline.forecast_patterns import (
    ANAPHOR,
    ANAPHOR_REACH,
    ANNOUNCED_AHEAD,
    ANNOUNCES_TEXT,
    BOTH_WAYS,
    CALENDAR_TURNING,
    CLAUSE_OR_DASH,
    COLON,
    COMPARED_TO_PAST,
    CONTENT,
    CURRENT_PERIOD,
    DEMONSTRATIVE,
    DENIED_IMPLICATION,
    DISPOSAL_OBJECT_TAGS,
    DISPOSAL_VERB_WITHIN,
    DOUBTED_ABILITY,
    DOUBTING_TAIL,
    DURATION,
    EITHER_OR,
    EITHER_WAY,
    ENDS_IN_LE,
    EVERY_TIME_FRAME,
    FORECAST_FIGURE,
    FRAME_END,
    FRAME_OPENING,
    FUTURE_AS_NOUN,
    FUTURE_BEFORE_DONE,
    GENERIC_FIGURES,
    HABIT,
    HABIT_GOES_ON,
    HAN,
    HAS_CHANCE,
    HOW_COULD,
    LATIN_NAME,
    LEAD_CLAUSE,
    LEADING_CONJUNCTION,
    LEADS_ON,
    LEFT_OPEN,
    LOOKED_BACK,
    LOOKS_BACK,
    MEASURED_SO_FAR,
    MIN_CLAIM_CHARS,
    MODAL_VERBS,
    NAMED_WORD,
    NO_SUBJECT_TAGS,
    NOT_AN_OBJECT,
    NOT_FUTURE_HORIZON,
    NOT_THE_TARGETS_VERBS,
    ONE_CHAR_VERB_OBJECTS,
    OPENING_VIEW,
    OTHER_ACTOR,
    OWN_COVERAGE,
    OWN_OPEN_QUESTION,
    OWN_REPLY,
    OWN_SUBJECT,
    OWN_VIEW_OPENING,
    OWN_WISH_OR_PLAN,
    PAST_CONDITION,
    PERFECTIVE_LE,
    POTENTIAL_LE,
    PRONOUN,
    PROSPECT_IN_NEWS,
    QUESTION_WORD,
    QUOTED_WORD,
    RESOLUTION_FILLER_CHARS,
    STATED_PROBABILITY,
    TIME_ONLY_FILLER,
    TOLD_QUESTION,
    TREND,
    VANTAGE,
    VANTAGE_FRAME,
    WHEN_DONE,
    WHEN_ONLY,
    WISH,
    WOULD_HAVE_BEEN,
    Tagger,
    about_another_actor,
    past_time_and_frame,
    premise_only,
)
from pipeline.horizon import (
    SPAN_FROM_NOW,
    UNDATED_TIMES,
    Horizon,
    find_horizons,
    year_in_digits,
)
from pipeline.nlp import Sentence, to_simplified
from pipeline.prediction_cues import PredictionCues
from pipeline.records import Article, Prediction, sha256_hex
from pipeline.settings import Settings
from pipeline.speakers import (
    AUTHOR_SUBJECT,
    INTERVIEWEE_LABEL,
    SpeakerReader,
    Voice,
    paragraph_quotes,
)
from pipeline.stance.cues import (
    FALSIFICATION,
    VINDICATION,
    CueScorer,
    split_conditional,
)
from pipeline.targets import Catalogue


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
        m = LEAD_CLAUSE.search(before)
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
            or (
                published is not None
                and re.fullmatch(rf"{published.year}\s*年", year_in_digits(h.text))
            )
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
        self,
        simplified: str,
        published: date | None,
        named: bool,
        refers: bool = False,
        in_reach: frozenset[str] = frozenset(),
    ) -> list[_Claim]:
        """The claims in a sentence, in order. named: the sentence names a target; refers: it or
        the sentence before it in the paragraph does, so 它/该公司 in a clause stand for that
        target; in_reach: the targets it or the sentences just before it name, whose short names
        (R2, V4) stand for them."""
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
            if not self._bet(simplified, cond, in_reach) and not self._conditional_predicts(
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

    def _bet(
        self, text: str, cond: tuple[int, int, int], in_reach: frozenset[str] = frozenset()
    ) -> bool:
        """Whether a conditional stakes the author's word on its condition (如果X，我就认错;
        如果X，那我就当看个乐子): a claim a reader can check however little it reads as a forecast,
        with no cue and no time of its own (如果到那时候它的股价还比今天高，我就认错). Not where the
        condition is being wrong itself (如果我错了，那就删号) or names nothing a claim can be about.
        A model's short name counts where its target is in reach (in_reach): 要是R2发布后…，我把
        这篇文章删了 after sentences about DeepSeek."""
        wagers = [
            m for m in (FALSIFICATION.search(text, cond[1]), VINDICATION.search(text, cond[1])) if m
        ]
        if not wagers:
            return False
        condition = text[cond[1] : min(cond[2], *(m.start() for m in wagers))]
        return bool(
            self.catalogue.mentioned(condition)
            or self.catalogue.weakly_named(condition) & in_reach
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
        for blanked in (
            OWN_WISH_OR_PLAN,
            DENIED_IMPLICATION,
            OWN_COVERAGE,
            TOLD_QUESTION,
            OWN_OPEN_QUESTION,
            CALENDAR_TURNING,
            LEFT_OPEN,
            HOW_COULD,
            BOTH_WAYS,
            WISH,
        ):
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
            or premise_only(head)
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
        words = self.tagger(past_time_and_frame(claim))
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
        around = reading.around
        in_reach = sent.targets | around.previous_named | around.just_named
        claims = self._claims(simplified, published, bool(sent.targets), around.refers, in_reach)
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
        return not past_time_and_frame(claim[: m.start()]).strip("的 ")

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
