"""Who speaks a claim: the author, or someone the author reports (分析师预计…, 据报道…).

Why apart from finding claims: a claim is the author's own or reported whatever makes it a
claim, and the same reading serves every sentence of a paragraph, whose voice (a quotation left
open, a reported sentence just before) carries over to the next (Voice, paragraph_quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.clauses import TRAILING_PUNCT
from pipeline.nlp import Sentence
from pipeline.prediction_cues import PredictionCues
from pipeline.stance.cues import FIRST_PERSON_VIEW, CueScorer

# The author drawing a conclusion from what was reported (…上调全年指引，说明需求能延续到明年).
INFERENCE = re.compile(
    r"(?:^|[，,；;——])\s*(?:这|这也|这就|也|由此|因此)?\s*(?:说明|意味着|可见|足见|由此看|表明)"
)
# The author's own view in the clause, whatever frame stands beside it (…，但我们认为…; 笔者据此
# 推断…; 在笔者看来).
AUTHOR_VIEW = re.compile(
    r"(?:我们?|笔者|本人|个人)\s*(?:倒|也|更|还|则|却|据此|反而)?\s*"
    r"(?:认为|觉得|估计|判断|预计|推断|相信|以为|看来|预判)|在(?:我|笔者)看来"
    # or names it (我的判断是，…; 笔者的看法是)
    r"|(?:我们?|笔者|本人)的(?:判断|看法|观点|预测|预判)是"
)
# The author introducing a quotation of their own words (笔者的结论只有一句：“…”, 我一直强调一句话：);
# not 我的朋友圈被…刷屏：“…”, nor 核心观点我摘几句：“…”.
AUTHOR_FRAME = re.compile(
    r"(?:我们?|笔者|本人)(?:的|一直|始终|早就|再次|还是)?[^，,。“「]{0,6}?"
    r"(?:结论|观点|看法|判断|强调|说过|的话|预测|一句)[^，,。“「]{0,8}[：:]?\s*$"
)
# The author or the paper as the one spoken to (对笔者表示, 告诉我, 向本刊透露): the speaker is
# someone else.
AUTHOR_LISTENER = re.compile(
    r"(?:对|向|跟|给|告诉|和)\s*(?:我们?|笔者|本刊|本报|本台|本站|本网|记者)"
)
# A speech frame whose verb reports an event rather than a view: a conclusion the author draws
# after it (英伟达宣布…，这意味着…) is the author's.
EVENT_VERBS = ("宣布", "披露", "报道", "报导", "介绍")
# The writer, or the paper, desk or firm writing (本报认为, 本投顾认为, 本报告预计).
AUTHOR_SUBJECT = re.compile(
    r"(我|笔者|本人|小编|编辑部|本(?:报|刊|台|文|站|网|号|投顾|报告|所|行))"
)
# A modal before a speech verb (营收增速会比市场预期更早回落) or a comparison with a forecast
# (好于分析师此前预测, 超过华尔街预期): the words up to it are the claim's own, not someone's frame.
CLAIMS_OWN_WORDS = re.compile(r"会|将|可能|能|要|比|超|于|不及|不如")

# A claim opening with a verb only another's words take (…接连发文，警告“AI bubble”即将破裂):
# its subject stands in the clause before. Not 预计, 认为 or 判断, which the writer uses of the
# writing itself with no subject (财报很强，预计明年还会增长).
REPORTING_OPENS = re.compile(r"(?:警告|表示|指出|声称|宣称|强调|透露|坦言|写道|直言|称)")

OPENING_QUOTES = "“「『"
CLOSING_QUOTES = "”」』"


def _author_speaks(text: str) -> bool:
    """Whether the author (我, 笔者, 本报…) is the one speaking in text, not the one spoken to
    (对笔者表示, 告诉我, 向本刊透露)."""
    return AUTHOR_SUBJECT.search(AUTHOR_LISTENER.sub("", text)) is not None


def quote_depth(text: str) -> int:
    """Quotation marks opened and not closed in text (negative when it closes more)."""
    return sum(text.count(q) for q in OPENING_QUOTES) - sum(text.count(q) for q in CLOSING_QUOTES)


@dataclass(frozen=True)
class Voice:
    """What the sentences before one tell of who speaks in it: whether the sentence before it in
    the paragraph was reported (after_reported); how many quotation marks the paragraph has
    left open before it, and whether the paragraph closes every mark it opens (a paragraph
    that does not, as a stray mark left by extraction, says nothing of quotation)."""

    after_reported: bool = False
    open_quotes: int = 0
    quotes_balance: bool = True
    interviewee: bool = False  # the paragraph opens with another's name as a speaker's label


# An interview's answer, opened by who gives it (答：…, Moore：我们预计…, 王总：…): every sentence of
# its paragraph is theirs, 我们 and 我认为 included. Not a label such as 结论： or 第一：, nor the
# interviewer's 问： or 记者：.
# Or another user's post quoted on a forum or in a repost (引用 @AI信仰者 的发言：…, //@老韭菜:…,
# 原帖：…), which the author then answers in a paragraph of their own; not 回复 @X：, which
# opens the author's own reply.
INTERVIEWEE_LABEL = re.compile(
    r"^\s*(?!(?:Note|Update|Source|Summary|Conclusion|Disclaimer|Tips?|Nvidia|Reuters|Bloomberg)\b)"
    r"(?:答|A|[A-Z][a-z]+(?:[ .-][A-Z][a-z]+){0,2}"
    r"|[\u4e00-\u9fff]{1,3}(?:总|先生|女士|博士|教授|院士|董事长|首席)"
    r"|引用\s*@?[^\s：:@]{1,24}\s*(?:的(?:发言|帖子|回复|评论|原帖|文章|微博))?"
    r"|//\s*@[^\s：:@]{1,24}|原帖|原贴)\s*[：:]"
)


def paragraph_quotes(sentences: list[Sentence]) -> list[tuple[int, bool]]:
    """For each sentence, the quotation marks its paragraph left open before it, and whether
    that paragraph's marks balance. A quotation over several paragraphs opens each of them and
    closes only the last (Chinese typesetting): a paragraph that opens with a mark it leaves
    open, followed by one that opens with a mark too, is part of such a quotation."""
    depth_at: list[int] = []
    totals: dict[int, int] = {}
    opens: dict[int, bool] = {}  # whether the paragraph's first character opens a quotation
    for sent in sentences:
        if sent.paragraph not in totals:
            opens[sent.paragraph] = sent.text.lstrip()[:1] in OPENING_QUOTES
        depth_at.append(totals.get(sent.paragraph, 0))
        totals[sent.paragraph] = depth_at[-1] + quote_depth(sent.text)
    order = list(totals)
    runs_on = {
        p: totals[p] == 1 and opens[p] and i + 1 < len(order) and opens[order[i + 1]]
        for i, p in enumerate(order)
    }
    return [
        (d, totals[s.paragraph] == 0 or runs_on[s.paragraph])
        for d, s in zip(depth_at, sentences, strict=True)
    ]


class SpeakerReader:
    """Reads who speaks with the prediction cues' speech frames and attributions and the stance
    cue scorer's view of the sentence (first person, reported)."""

    def __init__(self, cues: PredictionCues, scorer: CueScorer) -> None:
        self.cues = cues
        self.scorer = scorer

    def speaker(self, simplified: str, claim: tuple[int, int], voice: Voice = Voice()) -> str:
        """Reported when someone other than the author speaks: a claim inside quotation marks
        the paragraph closes again (unless the author opens the quote: 笔者的结论只有一句：“…”),
        an interview's answer (Moore：我们预计…), a speech frame at the start of the sentence
        or of the claim (分析师表示，…; …发文，警告…), an
        attribution within it (据业内人士介绍, 有券商估计, 给出…指引, …，知情人士透露), or an
        opening (其中, 同时, 他…) that goes on in the voice of a reported sentence just before it
        in the paragraph. The author's own view (我认为, 我们倒觉得, 在笔者看来) wins over every
        frame but quotation, and so does a conclusion the author draws after an attribution or an
        announcement (…，这意味着…); the author or the paper spoken to (对笔者表示) is no author
        speaking."""
        if voice.interviewee:
            return "reported"
        claim_start, last = claim
        first = claim_start
        while first < last and simplified[first] in OPENING_QUOTES:
            first += 1  # where its first word stands
        while (
            last > first and simplified[last - 1] in CLOSING_QUOTES + TRAILING_PUNCT + "。！？!?…"
        ):
            last -= 1  # and its last: a claim is quoted when both stand inside the marks
        opened = min((simplified.find(q) for q in OPENING_QUOTES if q in simplified), default=-1)
        if (
            voice.quotes_balance
            and min(quote_depth(simplified[:first]), quote_depth(simplified[:last]))
            + voice.open_quotes
            > 0
            and not (opened >= 0 and AUTHOR_FRAME.search(simplified[:opened]))
        ):
            return "reported"
        # The author's view counts where it stands before the claim ends (我认为X; X，我认为 is
        # rare): after it, it opens the author's reply to what was reported (黄仁勋表示，X，但我
        # 认为…; 摩根士丹利预计X，我觉得这个判断偏保守), and the sentence up to the claim speaks.
        own = [m.start() for p in (FIRST_PERSON_VIEW, AUTHOR_VIEW) for m in p.finditer(simplified)]
        if own and min(own) < last:
            # unless the author's view is a clause before the claim, and the claim's own clause
            # opens with another's frame (我看好英伟达，但摩根士丹利认为它明年会下跌): that one
            # speaks (a bearish forecast was scored against a bullish author)
            opening = self.cues.speech.search(simplified[claim_start:last])
            if (
                opening
                and not _author_speaks(opening.group(0))
                # 增速会比市场预期…, 业绩好于分析师此前预测: no frame
                and not CLAIMS_OWN_WORDS.search(opening.group(0))
                and all(o < claim_start for o in own)
            ):
                return "reported"
            return "author"
        if own:
            simplified = simplified[:last]
        view = self.scorer.view(simplified)
        if view.reported:
            return "reported"
        if (
            claim_start > 0
            and REPORTING_OPENS.match(simplified, first)
            and not _author_speaks(simplified[:claim_start])
        ):
            return "reported"
        concluded = INFERENCE.search(simplified)
        for m in (self.cues.speech.search(t) for t in (simplified, simplified[claim_start:])):
            if m and not _author_speaks(m.group(0)):
                event = m.group(0).endswith(EVENT_VERBS)
                if not (event and concluded and concluded.start() >= m.end()):
                    return "reported"
        attributed = self.cues.attribution.search(simplified)
        if (
            attributed
            and not _author_speaks(attributed.group(0))
            and not (concluded and concluded.start() >= attributed.end())
            and not self.cues.judges.search(simplified, attributed.end())
        ):
            return "reported"
        if (
            voice.after_reported
            and self.cues.continues.match(simplified)
            and not _author_speaks(simplified)
            and not self.cues.judges.search(simplified)
        ):
            return "reported"
        return "author"
