"""Which targets a claim is about, among those it names: not the ones named only as its cause."""

import pytest

from pipeline.clauses import claim_targets, only_causes, without_causes
from pipeline.targets import Catalogue


@pytest.fixture(scope="module")
def catalogue(settings) -> Catalogue:
    return Catalogue.load(settings.path("targets_file"))


@pytest.mark.parametrize(
    "claim, about",
    [
        # causes: 随着…， 在…的带动下, 因…而, …以满足…, X的出现让/对…, X带来的…
        ("随着DeepSeek普及，全球的算力需求会激增", set()),
        ("在DeepSeek的带动之下，国产芯片有望走向高端", set()),
        ("英伟达的股价将因DeepSeek的竞争而下跌", {"nvidia"}),
        ("未来将需要更多英伟达芯片以满足DeepSeek的服务需求", {"nvidia"}),
        ("DeepSeek的出现可能不会对英伟达构成重大威胁", {"nvidia"}),
        ("DeepSeek的崛起将推动国产AI发展", set()),
        ("英伟达短期内将面对DeepSeek带来的冲击", {"nvidia"}),
        # a target acting on another named after it in the same clause
        ("DeepSeek会需要更多英伟达芯片", {"nvidia"}),
        ("DeepSeek等高效率模型将压缩英伟达的定价权", {"nvidia"}),
        # what the first target faces (a threat after a verb of facing) or gains from
        ("英伟达未来不需要担心DeepSeek的威胁", {"nvidia"}),
        ("英伟达短期内将受到DeepSeek的冲击", {"nvidia"}),
        ("英伟达会成为DeepSeek爆火的最大受益者", {"nvidia"}),
        # but the threat a target becomes to another is about both
        ("DeepSeek将成为英伟达的威胁", {"deepseek", "nvidia"}),
        # not causes: a subject inside a 随着 with no comma, 现在, 因此…而不是, 面对, 借助, 不需要
        ("随着AI需求爆发英伟达明年会大涨", {"nvidia"}),
        ("随着DeepSeek普及，英伟达的需求会激增", {"nvidia"}),
        ("现在英伟达在AI热潮的推动下还会继续上涨", {"nvidia"}),
        ("因此英伟达明年只会越来越强而不是变弱", {"nvidia"}),
        ("英伟达明年将受益于DeepSeek的崛起对算力需求的推动", {"nvidia"}),
        ("DeepSeek的发布会上会公布新模型", {"deepseek"}),
        ("DeepSeek的成功将持续下去", {"deepseek"}),
        ("DeepSeek崛起的速度会放缓", {"deepseek"}),
        # both sides of a displacement, two subjects, two clauses
        ("DeepSeek将取代英伟达", {"deepseek", "nvidia"}),
        ("英伟达和DeepSeek明年都会上涨", {"deepseek", "nvidia"}),
        ("DeepSeek对开发者的吸引力会越来越强，英伟达明年也会继续上涨", {"deepseek", "nvidia"}),
    ],
)
def test_a_claim_is_about_what_it_names_other_than_as_a_cause(catalogue, claim, about):
    assert claim_targets(claim, catalogue) == about


def test_a_claim_naming_no_target_has_none(catalogue):
    assert claim_targets("国产算力明年会迎来真正的时间窗口", catalogue) is None


def test_the_targets_a_sentence_names_only_as_causes(catalogue):
    """A claim of the sentence that names no target of its own does not borrow these."""
    assert only_causes("随着DeepSeek普及，全球的算力需求会激增", catalogue) == {"deepseek"}
    assert only_causes("随着DeepSeek普及，英伟达的需求会激增", catalogue) == {"deepseek"}
    assert only_causes("DeepSeek的新模型会更强", catalogue) == set()


def test_a_claim_less_its_causes_keeps_what_it_foretells(catalogue):
    text = "在DeepSeek的带动下国产芯片公司的估值将大幅提升"
    assert without_causes(text, catalogue) == "国产芯片公司的估值将大幅提升"
    assert without_causes("英伟达明年会大涨", catalogue) == "英伟达明年会大涨"
