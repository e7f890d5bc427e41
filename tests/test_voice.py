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
    first, ends, reporting, dateline, judging = voice.shares(REPORT, "".join(REPORT))
    assert (first, ends, dateline) == (0.0, 0.0, 1.0)
    assert reporting == 0.75  # the dateline sentence itself reports nothing
    first, ends, reporting, dateline, judging = voice.shares(POST, "".join(POST))
    assert first == 0.5 and ends == 0.5 and judging >= 0.5
    assert (reporting, dateline) == (0.0, 0.0)


def test_traditional_text_is_read_like_simplified(voice):
    assert voice.shares(["據報道，該公司發言人表示需求強勁。"], "") == voice.shares(
        ["据报道，该公司发言人表示需求强劲。"], ""
    )


def test_an_empty_article_has_no_voice(voice):
    assert voice.shares([], "") == [0.0] * VoiceMarkers.COUNT


def test_a_lexicon_without_a_voice_section_names_the_file(tmp_path):
    lexicon = tmp_path / "cues.toml"
    lexicon.write_text('[bullish]\n"看好" = 1.0\n', "utf-8")
    with pytest.raises(ConfigError, match=r"cues\.toml.*\[voice\]"):
        VoiceMarkers.load(lexicon)
