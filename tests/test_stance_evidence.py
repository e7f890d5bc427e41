"""The evidence a stance row quotes: a neutral label quotes where the page first names the
target, and `duokong eval` measures how often the evidence holds a sentence the annotator
quoted."""

from pipeline.records import Stance
from pipeline.stance.base import AnalysisInput
from pipeline.stance.evaluate import (
    Case,
    ModelScore,
    example_cases,
    format_comparison,
    score_classifier,
)
from pipeline.stance.views import first_mentions
from tests.test_stance import article

NEUTRAL_REPORT = (
    "本周科技股走势分化，市场关注财报季。"
    "英伟达将于下周三公布第二季度财报。"
    "分析师普遍预计，英伟达的数据中心收入与上季度大致持平。"
    "另据报道，英伟达计划在台北举办开发者大会。"
    "英伟达官网显示，新款驱动程序已经上线。"
)


def _item(analyzer, body: str) -> AnalysisInput:
    art = article(body)
    return AnalysisInput(art, analyzer.nlp.sentences(art.body))


def test_first_mentions_are_the_first_sentences_naming_the_target_in_order(analyzer):
    item = _item(analyzer, NEUTRAL_REPORT)
    got = first_mentions(item, "nvidia", 3)
    assert got == (
        "英伟达将于下周三公布第二季度财报。",
        "分析师普遍预计，英伟达的数据中心收入与上季度大致持平。",
        "另据报道，英伟达计划在台北举办开发者大会。",
    )
    assert first_mentions(item, "deepseek", 3) == ()


def test_a_neutral_label_quotes_the_first_mentions(lexicon_analyzer):
    """The rules backend reads this report as neutral; its evidence is the first three
    sentences naming NVIDIA (it quoted one alone before: the sentences it scored, blandest
    first, and none of these carries a cue)."""
    item = _item(lexicon_analyzer, NEUTRAL_REPORT)
    stance = next(
        s for s in lexicon_analyzer.classifier.predict(item, ["nvidia"]) if s.target == "nvidia"
    )
    assert stance.label == "neutral"
    assert stance.evidence == first_mentions(item, "nvidia", 3)


class _Fixed:
    """A backend that answers the same stance for every page, with the evidence it is given."""

    def __init__(self, label: str, evidence: tuple[str, ...]) -> None:
        self.label, self.evidence = label, evidence

    def predict(self, item, targets):
        return [
            Stance(item.article.id, t, self.label, 0.7, self.evidence, "fixed") for t in targets
        ]


def test_eval_counts_evidence_that_quotes_the_annotators_sentence(analyzer):
    item = _item(analyzer, NEUTRAL_REPORT)
    quoted = {"nvidia": ["英伟达将于下周三公布第二季度财报"]}
    cases = [
        Case("a", item, {"nvidia": "neutral"}, quoted),
        Case("b", item, {"nvidia": "neutral"}, {}),  # gold quotes nothing: not counted
        Case("c", item, {"nvidia": "none"}, quoted),  # no label to back: not counted
    ]
    right = score_classifier(
        ModelScore("m"), _Fixed("neutral", ("英伟达将于下周三公布第二季度财报。",)), cases
    )
    wrong = score_classifier(ModelScore("m"), _Fixed("bullish", ("本周科技股走势分化。",)), cases)
    assert right.evidence_hits == [True] and right.evidence_rate() == 1.0
    assert wrong.evidence_hits == [False] and wrong.evidence_rate() == 0.0
    assert ModelScore("none").evidence_rate() is None
    table = format_comparison([right, wrong], "t", details=False).splitlines()
    assert table[2].split()[-1] == "evidence"
    assert table[3].split()[-1] == "1.000" and table[4].split()[-1] == "0.000"


def test_a_target_named_only_in_the_title_still_gets_evidence(lexicon_analyzer):
    """The body never names NVIDIA but speaks of its chips: a neutral label quotes those
    sentences (first mentions alone would quote nothing)."""
    body = "本周数据中心芯片的交付节奏平稳。H100的租赁价格与上月持平。"
    art = article(body, title="英伟达本周动态")
    item = AnalysisInput(art, lexicon_analyzer.nlp.sentences(body))
    [stance] = lexicon_analyzer.classifier.predict(item, ["nvidia"])
    assert stance.label == "neutral"
    assert stance.evidence and all(e in body for e in stance.evidence)


def test_gold_evidence_is_read_as_one_sentence_or_a_list():
    from pipeline.stance.evaluate import _quoted

    assert _quoted("英伟达会涨。") == ["英伟达会涨。"]
    assert _quoted(["甲。", " ", 3, "乙。"]) == ["甲。", "乙。"]
    assert _quoted(None) == [] and _quoted("  ") == []


def test_eval_reads_the_evidence_of_our_labelled_examples(analyzer):
    from pipeline.stance.dataset import Example

    ex = Example(
        id="e1",
        text=NEUTRAL_REPORT,
        title=None,
        published=None,
        labels={"nvidia": "neutral", "deepseek": "none"},
        evidence={"nvidia": ["英伟达将于下周三公布第二季度财报。"]},
    )
    (case,) = example_cases([ex], analyzer)
    assert case.evidence == {"nvidia": ["英伟达将于下周三公布第二季度财报。"]}


def test_a_sentence_the_page_repeats_is_quoted_once(analyzer):
    """A pull quote repeats the page's strongest sentence; the evidence quotes it once."""
    loud = "我坚定看好英伟达，它的需求只会越来越大。"
    body = (
        loud
        + "英伟达的数据中心收入去年翻了一倍多。"
        + "英伟达的新架构明年量产，订单已经排满。"
        + loud
    )
    item = _item(analyzer, body)
    [stance] = analyzer.classifier.predict(item, ["nvidia"])
    assert stance.label == "bullish"
    assert len(stance.evidence) == len(set(stance.evidence)) == 3
