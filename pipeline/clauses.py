"""Clauses of a Chinese sentence, and which of them are about a target.

Claims and their directions are read clause by clause: one sentence can name NVIDIA in one
clause and AMD in the next, and a change word counts for the target its clause is about.
"""

from __future__ import annotations

import re

from pipeline.targets import Catalogue

# What a clause or claim ends in, stripped from its end.
TRAILING_PUNCT = "，,；;：: "
# A comma or colon between digits is a number's or a clock's (4,000亿美元, 16:30), not a break.
IN_NUMBER = r"(?<=\d)[,:](?=\d)"
CLAUSE = re.compile(rf"(?:[^，,；;：:]|{IN_NUMBER})+[，,；;：:]*")
CLAUSE_BREAK = re.compile(r"[，；;]|(?<!\d),|,(?!\d)")
# A pronoun that stands for a target named before it (它会回到正常位置, 从它手里抢走, 取代它, 难以与其
# 抗衡); not the 其 of 其中, 其他, 其实, 其余, 其次, 尤其, 极其, 顺其自然, 适得其反, 首当其冲, 莫名其妙,
# 不计其数 (其数据 is its data). The rules read Simplified text.
IT = r"它|(?<![尤极顺])其(?![中他它实余次反冲妙]|数(?!据))|该公司|這家公司|这家公司"
TARGET_PRONOUN = re.compile(IT)
# A clause opening with a company's Latin name of its own (AMD, Intel), not a generic term.
LATIN_NAME_START = re.compile(r"\s*(?!(?:AI|GPU|CPU|TPU|Q[1-4])(?![A-Za-z]))[A-Z][A-Za-z0-9.\-]+")


def clauses_naming(text: str, target: str, catalogue: Catalogue, or_no_one: bool = False) -> str:
    """The clauses of text that name target, joined; all of text when none does (它会…). With
    or_no_one, also the clauses that name no catalogue target and do not open with a name of
    their own (英伟达的营收，增长会放缓 keeps both; 英伟达将大涨，AMD增长放缓 keeps the first)."""
    return "".join(text[a:b] for a, b in spans_naming(text, target, catalogue, or_no_one)) or text


def spans_naming(
    text: str, target: str, catalogue: Catalogue, or_no_one: bool = False
) -> list[tuple[int, int]]:
    """Where the clauses clauses_naming keeps stand in text (none when no clause is kept), for a
    reader that needs their offsets in the whole claim."""

    def about(clause: str) -> bool:
        named = catalogue.mentioned(clause)
        if target in named:
            return True
        return or_no_one and not named and not LATIN_NAME_START.match(clause)

    return [c.span() for c in CLAUSE.finditer(text) if about(c.group(0))]


# A target named only as the cause of what a claim foretells is not what the claim is about:
# 随着DeepSeek普及，全球算力需求会激增 (the demand's), 在DeepSeek的带动之下，国产芯片有望崛起,
# 英伟达股价将因DeepSeek的竞争而下跌 (NVIDIA's), 将需要更多英伟达芯片以满足DeepSeek的需求 (NVIDIA's).
# 随着 counts only before a comma (随着AI需求爆发英伟达会大涨 has its subject inside); 在 not inside
# 现在, 正在…; 因 not in 因此, 而 not in 而且, 而是….
CAUSE = re.compile(
    r"随着[^，,；;。]*(?=[，,；;])"
    r"|(?<![现正存实所])在[^，,；;。在]{1,30}?的?(?:带动|推动|影响|刺激|帮助|冲击|引领|加持)(?:之)?下"
    r"|(?:因为|因(?![此素而]))[^，,；;。]{1,30}?而(?![且是言已])"
    r"|(?:以|来|为了)满足[^，,；;。]*"
)
# X的出现 / 崛起 / 发布… followed by what it does to something (让, 推动, 对…), and X带来的…: X, the
# name right before, is a cause (DeepSeek的出现不会对英伟达构成威胁 is NVIDIA's).
CAUSE_EVENT = re.compile(
    r"的(?:出现|崛起|成功|走红|爆火|横空出世|发布(?!会)|开源|突破)"
    r"(?=[^，,；;。]{0,6}?(?:让|使|令|推动|带动|促进|利好|利空|冲击|影响|对))"
    # what X brings about (英伟达将面对DeepSeek带来的冲击 is NVIDIA's)
    r"|(?:带来|引发|造成)的"
)
EVENT_REACH = 8  # characters between the name and its 的出现 (DeepSeek R1模型的发布)
# A target that acts on another named after it in the same clause is the cause, the other is
# what the claim is about: DeepSeek会需要更多英伟达芯片, DeepSeek将压缩英伟达的定价权. Verbs of
# taking a place (取代, 超越) are left out: there both sides have a direction of their own; so
# are words that hold a verb of the list (面对, 借助, 不需要, 针对).
ACTS_ON = re.compile(
    r"^[^，,；;。]{0,20}?(?:让|使|令|推动|带动|促进|利好|利空|冲击|影响|威胁|压缩|削弱|打压|(?<!不)需要"
    r"|采购|购买|拉动|刺激|提振|拖累|伤害|损害|(?<![面针相绝反应])对)"
)

# The second of two targets in a clause is what the first faces or gains from, not what the
# claim is about: 英伟达不需要担心DeepSeek的威胁, 英伟达将受到DeepSeek的冲击 (a verb of facing
# right before it, a threat right after), 英伟达会成为DeepSeek爆火的最大受益者 (whose gain it is).
# Not DeepSeek将成为英伟达的威胁: 成为 is no verb of facing, and there 英伟达 is the threatened one.
FACES = re.compile(
    r"(?:担心|担忧|害怕|惧怕|畏惧|忌惮|面对|面临|受到|遭受|遭遇|来自|应对|抵御|不怕|无惧|扛住|顶住)"
    r"[^，,；;。]{0,4}$"
)
THREAT_AFTER = re.compile(r"^[^，,；;。]{0,6}?的?(?:威胁|竞争|冲击|挑战|压力|围剿|追赶)")
GAIN_AFTER = re.compile(r"^[^，,；;。]{0,8}?的(?:最大|最直接的|主要)?(?:受益者|赢家|输家|受害者)")
# The second target as the agent of what the first undergoes (英伟达明年会被DeepSeek这类高效模型
# 拖累): a cause, as in ACTS_ON, not what the claim is about. Not a verb of taking a place (被华为
# 取代), where both sides have a direction of their own.
BY_AGENT = re.compile(r"被[^，,；;。]{0,2}$")
AGENT_ACTS = re.compile(
    r"^[^，,；;。]{0,12}?(?:拖累|冲击|影响|打压|削弱|伤害|损害|威胁|压缩|拖垮|带动|推动|刺激|提振|拉动)"
)


def _cause_spans(text: str, mentions: list) -> list[tuple[int, int]]:
    spans = [m.span() for m in CAUSE.finditer(text)]
    for event in CAUSE_EVENT.finditer(text):
        near = [m for m in mentions if 0 <= event.start() - m.end <= EVENT_REACH]
        if near:
            spans.append((near[-1].start, event.end()))
    return spans


def _outside_causes(text: str, catalogue: Catalogue) -> tuple[list, set[str]]:
    """The mentions of text outside its cause phrases, and the targets named only inside them."""
    mentions = [m for m in catalogue.find(text) if m.kind != "related"]
    causes = _cause_spans(text, mentions)
    outside = [m for m in mentions if not any(a <= m.start < b for a, b in causes)]
    return outside, {m.target for m in mentions} - {m.target for m in outside}


def without_causes(text: str, catalogue: Catalogue) -> str:
    """text less its cause phrases (在DeepSeek的带动下国产芯片的估值… → 国产芯片的估值…)."""
    mentions = [m for m in catalogue.find(text) if m.kind != "related"]
    kept, last = [], 0
    for a, b in sorted(_cause_spans(text, mentions)):
        kept.append(text[last:a])
        last = max(last, b)
    return "".join(kept) + text[last:]


def only_causes(text: str, catalogue: Catalogue) -> set[str]:
    """The targets that text names only as causes (随着DeepSeek普及，…): a claim in it that names
    no target of its own does not take these."""
    return _outside_causes(text, catalogue)[1]


def claim_targets(text: str, catalogue: Catalogue) -> set[str] | None:
    """The targets a claim is about, among those it names; None when it names none. Empty when
    each one it names is only a cause of what it foretells (the claim is about something else)."""
    outside, causes = _outside_causes(text, catalogue)
    if not outside:
        return set() if causes else None
    about = {m.target for m in outside}
    if len(about) >= 2:
        first = outside[0]
        later = next(m for m in outside if m.target != first.target)
        between = text[first.end : later.start]
        if not CLAUSE_BREAK.search(between):
            after = text[later.end :]
            if ACTS_ON.match(between):
                about.discard(first.target)
            elif (
                (FACES.search(between) and THREAT_AFTER.match(after))
                or GAIN_AFTER.match(after)
                or (BY_AGENT.search(between) and AGENT_ACTS.match(after))
            ):
                about.discard(later.target)
    return about
