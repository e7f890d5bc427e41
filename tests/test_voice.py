"""The article's voice (pipeline/stance/voice.py): a reporter's page and an author's post must
look different to the stance model, whatever words they share."""

import pytest

from pipeline.errors import ConfigError
from pipeline.stance.voice import VoiceMarkers

REPORT = [
    "新华社北京1月28日电 英伟达股价周一收跌17%，市值蒸发近6000亿美元。",
    "据报道，多家机构下调了目标价。",
    "公司发言人表示，需求依然强劲。",
    "分析师指出，市场担忧训练成本下降。",
]
POST = [
    "说白了，我觉得这波下跌就是错杀吧！",
    "显然算力需求不会因为一个模型就消失。",
    "你们真以为英伟达要完了吗？",
    "我反正是加仓了。",
]


@pytest.fixture(scope="module")
def voice(settings) -> VoiceMarkers:
    return VoiceMarkers.load(settings.path("stance_cues"))


def test_a_news_report_and_a_personal_post_speak_differently(voice):
    """Shares are counted over the sentences plus two of no voice (voice.SMOOTHING)."""
    first, ends, reporting, dateline, judging = voice.shares(REPORT, "".join(REPORT))
    assert (first, ends, dateline) == (0.0, 0.0, 1.0)
    assert reporting == 3 / 6  # the dateline sentence itself reports nothing
    first, ends, reporting, dateline, judging = voice.shares(POST, "".join(POST))
    assert first == 2 / 6 and ends == 2 / 6 and judging >= 2 / 6
    assert (reporting, dateline) == (0.0, 0.0)


def test_one_line_is_not_a_page_of_pure_voice(voice):
    assert voice.shares(["我加仓了！"], "")[:2] == [1 / 3, 1 / 3]


def test_traditional_text_is_read_like_simplified(voice):
    traditional = "中央社記者林怡君台北28日電 據報道，該公司發言人表示需求強勁。"
    simplified = "中央社记者林怡君台北28日电 据报道，该公司发言人表示需求强劲。"
    assert voice.shares([traditional], traditional) == voice.shares([simplified], simplified)
    assert voice.shares([traditional], traditional)[3] == 1.0


def test_a_particle_before_the_full_stop_still_ends_the_sentence(voice):
    assert voice.shares(["我觉得这就是错杀吧。"], "")[1] > 0


def test_words_that_only_contain_a_dateline_character_are_no_dateline(voice):
    for body in ("腾讯今天发布了混元模型。", "台积电的产能还很紧张。", "这款游戏堪称经典。"):
        _, _, reporting, dateline, _ = voice.shares([body], body)
        assert (reporting, dateline) == (0.0, 0.0), body


def test_an_empty_article_has_no_voice(voice):
    assert voice.shares([], "") == [0.0] * VoiceMarkers.COUNT


def test_a_lexicon_without_a_voice_section_names_the_file(tmp_path):
    lexicon = tmp_path / "cues.toml"
    lexicon.write_text('[bullish]\n"看好" = 1.0\n', "utf-8")
    with pytest.raises(ConfigError, match=r"cues\.toml.*\[voice\]"):
        VoiceMarkers.load(lexicon)
