"""Segmentation, sentences and mentions, in Simplified and Traditional Chinese."""

from pipeline.batch import read_inputs
from pipeline.nlp import tokenize
from pipeline.records import RawPage
from pipeline.sources import discover
from tests.conftest import SAMPLES


def test_catalogue_terms_stay_one_token(analyzer):
    analyzer.nlp.docs(["x"])  # loads jieba with our dictionary
    tokens = tokenize("英伟达和黄仁勋谈到DeepSeek与深度求索，輝達也在場")
    for term in ("英伟达", "黄仁勋", "DeepSeek", "深度求索", "輝達"):
        assert term in tokens


def test_spacy_pipeline_marks_targets_as_entities(analyzer):
    [doc] = list(analyzer.nlp.docs(["老黄说英伟达的H20还能卖，深度求索的R1很强。輝達呢？"]))
    ents = {(e.text, e.ent_id_) for e in doc.ents}
    assert {
        ("老黄", "nvidia"),
        ("英伟达", "nvidia"),
        ("H20", "nvidia"),
        ("深度求索", "deepseek"),
        ("輝達", "nvidia"),
    } <= ents
    assert [s.text for s in doc.sents] == [
        "老黄说英伟达的H20还能卖，深度求索的R1很强。",
        "輝達呢？",
    ]


def test_sentences_keep_offsets_and_targets(analyzer):
    body = "英伟达涨了。DeepSeek呢？\n\n「好。」没有目标的一句"
    sents = analyzer.nlp.sentences(body)
    assert [s.text for s in sents] == ["英伟达涨了。", "DeepSeek呢？", "「好。」", "没有目标的一句"]
    assert all(body[s.start : s.end] == s.text for s in sents)
    assert [set(s.targets) for s in sents] == [{"nvidia"}, {"deepseek"}, set(), set()]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]


def test_a_urls_question_mark_ends_no_sentence(analyzer):
    body = (
        "详见[这篇](https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1#wechat_redirect)的分析。"
        "英伟达会涨吗？"
    )
    sents = analyzer.nlp.sentences(body)
    assert [s.text for s in sents] == [
        "详见[这篇](https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1#wechat_redirect)的分析。",
        "英伟达会涨吗？",
    ]
    assert all(body[s.start : s.end] == s.text for s in sents)
    # A ? or ; right after a URL still ends its sentence.
    texts = [s.text for s in analyzer.nlp.sentences("你看过https://nvidia.com?英伟达明年会跌。")]
    assert texts == ["你看过https://nvidia.com?", "英伟达明年会跌。"]
    texts = [s.text for s in analyzer.nlp.sentences("官网是www.nvidia.com; 英伟达明年会跌!")]
    assert texts == ["官网是www.nvidia.com;", "英伟达明年会跌!"]


def test_fast_sentence_split_agrees_with_spacy_on_the_samples(analyzer, settings):
    """The batch path's regex split gives the same sentences as spaCy's sentencizer."""
    pages = [p for p in read_inputs(discover([SAMPLES]), settings) if isinstance(p, RawPage)]
    compared = 0
    for page in pages:
        paragraphs = analyzer.extract(page).paragraphs
        fast = [s.text for s in analyzer.nlp.sentences("\n".join(paragraphs))]
        slow = [
            s.text.strip()
            for doc in analyzer.nlp.docs(paragraphs)
            for s in doc.sents
            if s.text.strip()
        ]
        assert fast == slow, page.source
        compared += len(fast)
    assert compared > 500


def test_parse_date_skips_implausible_years():
    from datetime import date

    from pipeline.extract.dates import parse_date

    assert parse_date("1990年1月1日成立，2025年2月2日发布") == date(2025, 2, 2)


def test_a_userdict_that_is_not_there_is_an_error_not_another_segmentation(tmp_path):
    """A mistyped DUOKONG_USERDICT was passed over in silence: jieba segmented without our
    words, and the evidence sentences of the seed page changed."""
    import pytest

    from pipeline.errors import ConfigError
    from pipeline.nlp import load_jieba

    with pytest.raises(ConfigError, match=r"jieba dictionary .*nowhere\.txt not found"):
        load_jieba(tmp_path / "nowhere.txt", [])
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("英伟达 2000 nz\n".encode("gbk"))
    with pytest.raises(ConfigError, match="save it as UTF-8"):
        load_jieba(gbk, [])


def test_taiwan_words_for_a_position_read_as_the_mainlands():
    """OpenCC turns 加碼 into 加码, which no cue knows: 逢低加碼輝達 read bearish while 逢低加仓
    英伟达 read bullish. A government's 加碼 on a control adds to no holding."""
    from pipeline.nlp import to_simplified

    assert to_simplified("我這波逢低加碼輝達，減碼台積電") == "我这波逢低加仓辉达，减仓台积电"
    assert to_simplified("我逢低加码英伟达") == "我逢低加仓英伟达"
    assert to_simplified("美國加碼對華晶片出口管制") == "美国加码对华晶片出口管制"
    text = "法人減碼輝達，散戶逢低加碼。"
    assert len(to_simplified(text)) == len(text)
