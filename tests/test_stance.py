"""The lexicon classifier reads the author's view: negation, rhetorical questions, reported
speech, concessions, falsification bets. Each case is a short article we wrote."""

import pytest

from pipeline.records import Article
from pipeline.stance.base import AnalysisInput


def article(body: str, title: str | None = None, published=None) -> Article:
    return Article(
        id="t",
        url=None,
        source="t",
        site=None,
        title=title,
        author=None,
        published=published,
        category=None,
        body=body,
        extractor="test",
    )


def _stance(analyzer, body: str, title: str | None = None) -> dict[str, str]:
    art = article(body, title)
    item = AnalysisInput(art, analyzer.nlp.sentences(art.body))
    return {s.target: s.label for s in analyzer.classifier.predict(item, analyzer.catalogue.ids)}


CASES = [
    ("我长期看好英伟达，数据中心需求旺盛，股价还会创新高。", "nvidia", "bullish"),
    ("英伟达的估值已经是泡沫，迟早会暴跌，我已经清仓了。", "nvidia", "bearish"),
    ("英伟达今天发布了新一代芯片，将于下月上市。", "nvidia", "neutral"),
    ("DeepSeek不会让GPU需求下降，英伟达的需求只会更大。", "nvidia", "bullish"),
    ("难道DeepSeek出来以后英伟达就要崩盘了吗？", "nvidia", "bullish"),
    ("有分析师认为英伟达要暴跌了。我不这么看，英伟达的护城河依然稳固。", "nvidia", "bullish"),
    ("虽然DeepSeek很便宜，但是它不过是蒸馏别人的模型，打了一个时间差。", "deepseek", "bearish"),
    ("DeepSeek的开源策略很成功，已经遥遥领先，未来会颠覆整个行业。", "deepseek", "bullish"),
    ("如果半年以后DeepSeek全面领先，那我认错。", "deepseek", "bearish"),
    ("輝達的股價還會上漲，需求強勁。", "nvidia", "bullish"),
    # 未来 (the future) starts with a negator's character and negates nothing
    ("我认为英伟达未来上涨空间很大。", "nvidia", "bullish"),
    ("我觉得DeepSeek未来没落是必然的。", "deepseek", "bearish"),
    # 看空间 is 看 + 空间 (see room for), not 看空; 要看多久 is "depends how long", not 看多
    ("英伟达长期看空间很大，需求旺盛。", "nvidia", "bullish"),
    ("DeepSeek能不能赚钱，要看多久才能把用户留住，现在还是一个噱头。", "deepseek", "bearish"),
    # 不同 (unlike) negates nothing; 不同意 (disagree) does
    ("跟很多人不同我看好英伟达。", "nvidia", "bullish"),
    # Cantonese negations: 唔会 (won't), 冇 (hasn't)
    ("我睇輝達股價唔會下跌，需求仲係好強勁。", "nvidia", "bullish"),
    ("我睇輝達冇可能暴跌。", "nvidia", "bullish"),
    # 看多长期 is 看多 (bullish) + 长期, though 看多久 is no cue
    ("我继续看多长期的英伟达。", "nvidia", "bullish"),
    # what a writer supposes for the sake of argument (即使X，也Y) is not their view of X
    ("即使DeepSeek的模型领先，英伟达也不会被取代。", "deepseek", "neutral"),
]


@pytest.mark.parametrize(
    "body",
    [
        "虽然英伟达短期有泡沫，但长期看好。",
        "英伟达虽然短期有泡沫，但长期看好。",
        "别看英伟达股价在暴跌，长期依然看好。",
        "即使英伟达有泡沫，长期也看好。",
    ],
)
def test_a_concession_weighs_less_than_the_point_made_after_it(lexicon_analyzer, body):
    """虽然X，但Y: the cues of X count for less than Y's, wherever the concession opens. It
    counted in full when it opened its clause, so 虽然英伟达短期有泡沫，但长期看好 summed below
    zero; 别看 (though) read as 别 (don't) flipped the cue after it."""
    assert lexicon_analyzer.predictor.scorer.score(body, {"nvidia": 1.0})["nvidia"] > 0


@pytest.mark.parametrize(("body", "target", "label"), CASES)
def test_author_view(lexicon_analyzer, body, target, label):
    """The rules, case by case: each construction has a rule, so each must come out right."""
    assert _stance(lexicon_analyzer, body)[target] == label


SHORT_POSTS = [
    *CASES,
    ("英伟达这季度又超预期了，继续拿着。", "nvidia", "bullish"),
    ("DeepSeek太强了，国产之光，看好。", "deepseek", "bullish"),
    ("DeepSeek就是个噱头，服务器天天崩，用不了。", "deepseek", "bearish"),
    ("英伟达估值太高了，我准备减仓。", "nvidia", "bearish"),
    ("DeepSeek的新模型很厉害，性价比无敌。", "deepseek", "bullish"),
    ("英伟达护城河还在，CUDA生态没人能替代。", "nvidia", "bullish"),
    ("英伟达要被国产芯片替代了，中国市场没了。", "nvidia", "bearish"),
    ("DeepSeek越来越好用了，以后会是国产AI的龙头。", "deepseek", "bullish"),
    ("DeepSeek不过是蒸馏别人的，热度很快会退。", "deepseek", "bearish"),
    ("英伟达今晚发财报。", "nvidia", "neutral"),
    ("輝達股價創新高，AI需求強勁，繼續看多。", "nvidia", "bullish"),
    ("DeepSeek很成功，遥遥领先。", "deepseek", "bullish"),
]


@pytest.mark.parametrize(
    "body, sign",
    [
        # a strength broken is bad news; denied (难以撼动) or of a record (打破纪录), good
        ("国产芯片性能提升，打破了英伟达的垄断格局。", -1),
        ("DeepSeek终结了英伟达的领先。", -1),
        ("這是中國首次掌握定義權，打破英偉達CUDA生態壟斷。", -1),
        ("DeepSeek难以撼动英伟达的领先地位。", 1),
        # a copula denied reaches the cue its noun phrase ends in; not past 而是
        ("英伟达已经不是这一轮AI行情的领先者了。", -1),
        ("英伟达不是泡沫而是一场革命的领先者。", 1),
        ("英伟达股价打破纪录，再创新高。", 1),
        # a cue said to be small right after it turns
        ("英伟达因技术壁垒和盈利增长，短期泡沫风险低。", 1),
        ("英伟达的下跌空间有限。", 1),
        ("英伟达的上涨空间有限。", -1),
        # a question asked to assert: what it denies is what the writer says
        ("这对英伟达和台积电等芯片公司不应该是利好吗？", 1),
        ("这对英伟达不是利空吗？", -1),
        # a valuation past the business, pressure and loss named as such
        ("英伟达的估值已经严重偏离了基本面。", -1),
        ("这一变化短期内可能对英伟达构成压力。", -1),
        ("英伟达在中国的市场份额正在加速流失。", -1),
    ],
)
def test_cues_broken_small_asked_or_named(lexicon_analyzer, body, sign):
    """Each of these summed the wrong way or to nothing: 垄断 and 领先 after 打破 / 终结 counted
    as strengths held, 泡沫 before 风险低 as a bubble, 不应该是利好吗 as a denied 利好."""
    assert sign * lexicon_analyzer.predictor.scorer.score(body, {"nvidia": 1.0})["nvidia"] > 0


@pytest.mark.parametrize(
    "body, target, sign",
    [
        ("DeepSeek的新模型与GPT-4不相上下，堪称顶尖。", "deepseek", 1),
        ("DeepSeek杀出来的黑马，足以媲美OpenAI。", "deepseek", 1),
        ("英伟达数据中心的需求依然疲软，增长乏力。", "nvidia", -1),
        ("DeepSeek风光不再，用户也开始流向别家。", "deepseek", -1),
        ("DeepSeek真是国产之光，这次让人扬眉吐气。", "deepseek", 1),
    ],
)
def test_praise_and_weakness_named_as_such(lexicon_analyzer, body, target, sign):
    assert sign * lexicon_analyzer.predictor.scorer.score(body, {target: 1.0})[target] > 0


def test_one_target_trouncing_another_is_bad_for_the_one_trounced(lexicon_analyzer):
    """吊打 is the loss of the one trounced, as 碾压 is (a relation cue), and says nothing bad
    of the doer: as a plain bullish cue it would count for both targets the clause names."""
    scores = lexicon_analyzer.predictor.scorer.score(
        "DeepSeek在推理成本上吊打英伟达的方案。", {"deepseek": 1.0, "nvidia": 1.0}
    )
    assert scores["nvidia"] < 0 <= scores.get("deepseek", 0)


def test_many_peoples_view_counts_for_little_though_the_writer_says_wo(lexicon_analyzer):
    """我知道很多人觉得DeepSeek掉队了 sets up a view to answer: the writer's 我 does not make it
    the writer's; it weighed half again as much as the writer's own view."""
    score = lexicon_analyzer.predictor.scorer.score
    others = score("我知道很多人觉得DeepSeek今年掉队了。", {"deepseek": 1.0})["deepseek"]
    own = score("我觉得DeepSeek今年掉队了。", {"deepseek": 1.0})["deepseek"]
    assert own < 0 and others < 0
    assert abs(others) < abs(own) / 3
    told = score("不少人据此唱衰，认为英伟达这一代产品要翻车。", {"nvidia": 1.0})["nvidia"]
    assert abs(told) < abs(score("英伟达这一代产品要翻车。", {"nvidia": 1.0})["nvidia"])


def test_a_speakers_view_told_with_an_adverb_is_still_reported(lexicon_analyzer):
    """分析师也认为 is 分析师认为 with 也 between: it counted as the writer's own view. 我也认为
    is the writer's, as 我认为 is."""
    score = lexicon_analyzer.predictor.scorer.score
    told = score("一位券商分析师也认为，DeepSeek的热度一个月内就会退潮。", {"deepseek": 1.0})
    own = score("DeepSeek的热度一个月内就会退潮。", {"deepseek": 1.0})["deepseek"]
    assert own < 0 and abs(told["deepseek"]) < abs(own) / 3
    agreed = score("我也认为DeepSeek的热度一个月内就会退潮。", {"deepseek": 1.0})["deepseek"]
    assert agreed <= own


def test_what_a_list_is_said_to_be_is_said_of_its_items_only(lexicon_analyzer):
    """深度求索、通义千问等开源模型非常优秀 praises the models listed, NVIDIA's CEO who said it
    not at all; split at 、, the praise stood in a clause naming no target and counted for each."""
    body = "黄仁勋在北京多次称赞中国的AI研究者，也提到深度求索、通义千问等开源模型非常优秀。"
    scores = lexicon_analyzer.predictor.scorer.score(body, {"nvidia": 1.0, "deepseek": 1.0})
    assert scores.get("deepseek", 0) > 0
    assert scores.get("nvidia", 0) == 0


def test_default_model_reads_short_posts(analyzer):
    """A gate on the trained default (linear.v2) for posts of a sentence or two, Weibo-sized,
    which its posts model reads (texts under linear.SHORT_CHARS characters, trained on
    data/labelled/stance/posts.jsonl). It gets 30 of 31 (a supposition, 即使DeepSeek的模型领先，
    reads bullish); before the posts model, 26 of 30 (two NVIDIA
    news lines read as bullish, 长期看空间很大 as bearish, 英伟达估值太高了，我准备减仓 as
    bullish). The floor breaks on a regression."""
    right = sum(_stance(analyzer, body)[target] == label for body, target, label in SHORT_POSTS)
    assert right >= 28, f"{right} of {len(SHORT_POSTS)}"


def test_unmentioned_target_is_none(analyzer):
    labels = _stance(analyzer, "新能源汽车的销量今年继续增长，电池成本下降很快。")
    assert labels == {"nvidia": "none", "deepseek": "none"}


def test_one_stance_per_catalogue_target(analyzer):
    assert set(_stance(analyzer, "英伟达涨了。")) == set(analyzer.catalogue.ids)


def test_traditional_falsification_bet_is_a_prediction_of_the_opposite(analyzer):
    from datetime import date

    art = article("假設半年以後輝達的股價下跌，那我認錯。", published=date(2025, 2, 2))
    [p] = analyzer.analyze_article(art).predictions
    assert (p.target, p.direction, p.horizon, p.due) == (
        "nvidia",
        "up",
        "半年以後",
        date(2025, 8, 2),
    )
    assert p.condition == "半年以後輝達的股價下跌"


@pytest.mark.parametrize(
    "text, absent",
    [("英伟达长期看空间很大", "看空"), ("这要看多久才能回本", "看多"), ("机会成本太高了", "机会")],
)
def test_trained_models_character_columns_hold_no_cue_inside_a_not_cue(settings, text, absent):
    """The trained models' character n-grams see 看空间 as 看 + 空间, as the cue scorer does;
    they counted the bearish 看空 in it, and read 长期看空间很大 as bearish."""
    from pipeline.stance.features import FeatureBuilder
    from pipeline.targets import Catalogue

    features = FeatureBuilder.from_settings(settings, Catalogue.load(settings.path("targets_file")))
    _tokens, characters = features.text_columns(text)
    assert absent not in characters
    assert characters.replace(" ", "") == text
    # a cue on its own is left whole
    assert "看空" in features.text_columns("我看空英伟达")[1]


@pytest.mark.parametrize(
    ("reported", "own", "label"),
    [
        (
            "分析师认为，英伟达的护城河极深，业绩将持续爆发，股价还会大涨。",
            "我也看好英伟达。英伟达的显卡确实好用。我手里的英伟达不打算卖。英伟达的财报我每季都看。",
            "bullish",
        ),
        (
            "有人说英伟达要崩盘了，股价会腰斩，泡沫即将破裂，订单断崖下滑。",
            "我不看好英伟达了。英伟达太贵。英伟达我已经卖了。英伟达的故事讲完了。",
            "bearish",
        ),
    ],
)
def test_evidence_gives_the_authors_own_sentences_before_a_view_it_reports(
    analyzer, reported, own, label
):
    """The label is the author's: a view the author reports, in stronger words than the
    author's own, led the evidence (stance probe)."""
    body = f"{reported}\n{own}"
    [stance] = [s for s in analyzer.analyze_article(article(body)).stances if s.target == "nvidia"]
    assert stance.label == label
    assert len(stance.evidence) == 3 and reported not in stance.evidence


@pytest.mark.parametrize(
    ("body", "target", "label"),
    [
        # Taiwan's 放空 and Hong Kong's 沽空 are 做空; 做多 the long side
        ("我已經放空輝達，這波先賺一段再說，大家自己小心。", "nvidia", "bearish"),
        ("我已经放空英伟达，这波先赚一段再说。", "nvidia", "bearish"),
        ("我已經沽空英偉達，呢排都唔會買。", "nvidia", "bearish"),
        ("我決定做多輝達，這波先賺一段再說。", "nvidia", "bullish"),
        ("我手上還有輝達空單，這波先賺一段再說。", "nvidia", "bearish"),
        # Cantonese: 睇淡 (看淡), 睇好 and 好睇好 (看好)
        ("我睇淡英偉達，呢排都唔會買。", "nvidia", "bearish"),
        ("我好睇好DeepSeek，呢排用得好開心。", "deepseek", "bullish"),
        # buying the dip; 加碼 is Taiwan's 加仓 (pipeline/nlp.py), 買進 its 买入
        ("輝達回檔就是逢低布局的機會，我會分批買。", "nvidia", "bullish"),
        ("我這波在120附近逢低加碼輝達，打算抱到明年。", "nvidia", "bullish"),
        ("我這週逢低買進輝達，分三批進場。", "nvidia", "bullish"),
        ("我決定先減碼輝達一半，等回檔再說。", "nvidia", "bearish"),
        # 放空自己 (switching off) is no short sale, 做多久 no long side
        ("週末看完輝達財報就放空自己，不想管盤了。", "nvidia", "neutral"),
        ("輝達這檔我還在想要做多久。", "nvidia", "neutral"),
    ],
)
def test_taiwan_and_hong_kong_market_words(lexicon_analyzer, body, target, label):
    """Trading words of Taiwan and Hong Kong: 放空 read as a coin toss and 逢低布局 as bearish,
    since no cue knew them (the lexicon had 做空 and 加仓 only)."""
    assert _stance(lexicon_analyzer, body)[target] == label


@pytest.mark.parametrize(
    ("body", "target", "label"),
    [
        # growth, then its pace slowing a few words on: growth slowing; not slowing, growth
        ("我判断英伟达的增长在2027年之后会明显放缓。", "nvidia", "bearish"),
        ("輝達嘅增長好快就會慢落嚟。", "nvidia", "bearish"),
        ("我判断英伟达的增长不会放缓。", "nvidia", "bullish"),
        # 机会 as a chance, not an opportunity; 跑输 underperforms
        ("英伟达未来一两年跑输大盘的机会比较大。", "nvidia", "bearish"),
        ("英伟达未来一两年跑赢大盘的机会比较大。", "nvidia", "bullish"),
        # rhetorical questions in other words, Cantonese among them
        ("邊有可能輝達年年都增長五成？", "nvidia", "bearish"),
        ("真以为英伟达的护城河是永久的？", "nvidia", "bearish"),
        # the writer's exit in other words
        ("英伟达的浮盈已经全部落袋，这票我一股都不留了。", "nvidia", "bearish"),
        ("我上週把輝達減持咗一半，下個月再沽埋。", "nvidia", "bearish"),
        # an epithet before the name is no verdict
        ("AI伺服器龍頭輝達本季陸續出貨。", "nvidia", "neutral"),
        # a news page's reporter judging in the third person is the writer
        ("市场人士表示前景不明，但记者认为英伟达的增长仍有较强的确定性。", "nvidia", "bullish"),
        # a claim named to be knocked down counts the other way
        ("所谓“英伟达泡沫即将破裂”的说法，一年后看更像是一次误判。", "nvidia", "bullish"),
        ("“英伟达泡沫即将破裂”，这话我同意。", "nvidia", "bearish"),
        # a valuation that has spent the growth to come; 很难再 denies what follows, as 难以
        ("我认为英伟达的估值已经透支了未来几年的增长。", "nvidia", "bearish"),
        ("我看英伟达的股价今年很难再创新高。", "nvidia", "bearish"),
        # a translated text's writer is relayed (the translator's own view is the label)
        (
            "原文作者认为，英伟达前景广阔，需求旺盛，股价还会大涨。但我认为英伟达已经被高估了。",
            "nvidia",
            "bearish",
        ),
    ],
)
def test_stance_probe_constructions(lexicon_analyzer, body, target, label):
    """(stance probe) Each read the other way or neutral: growth slowing a few words after it was
    growth, 机会比较大 an opportunity, 边有可能…？ and 真以为…？ no question, 落袋 and 一股都不留 no
    exit, 龙头 before the name a verdict, 记者认为 another's view, a claim called a misjudgement
    the writer's own."""
    assert _stance(lexicon_analyzer, body)[target] == label


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        # the one acting and the one acted on: the harm is the second's
        (
            "我认为DeepSeek会冲击英伟达的数据中心业务。",
            {"nvidia": "bearish", "deepseek": "neutral"},
        ),
        (
            "在我看来，DeepSeek将颠覆英伟达的商业模式。",
            {"nvidia": "bearish", "deepseek": "neutral"},
        ),
        ("我认为DeepSeek对英伟达的冲击会很大。", {"nvidia": "bearish", "deepseek": "neutral"}),
        ("我认为英伟达会受到DeepSeek的冲击。", {"nvidia": "bearish", "deepseek": "neutral"}),
        ("我认为DeepSeek的出现利好英伟达。", {"nvidia": "bullish", "deepseek": "neutral"}),
        ("我认为DeepSeek不会冲击英伟达。", {"nvidia": "bullish", "deepseek": "neutral"}),
        # both acted on, or the harm a longer cue's part: as before
        ("我认为英伟达和DeepSeek都会受到冲击。", {"nvidia": "bearish", "deepseek": "bearish"}),
        ("我认为DeepSeek会遭到美国的打击。", {"deepseek": "bearish"}),
    ],
)
def test_a_cue_between_two_targets_is_about_the_one_acted_on(lexicon_analyzer, body, labels):
    """DeepSeek冲击英伟达 counted 冲击 against both targets, and 颠覆 (a doer's success) for both;
    the order, 对/给 and 被/受/遭 say which target a relation cue acts on."""
    got = _stance(lexicon_analyzer, body)
    assert {t: got[t] for t in labels} == labels


@pytest.mark.parametrize(
    ("body", "label"),
    [
        # a move told as done is a record: a roundup of the day's moves takes no side
        ("周一英伟达股价暴跌17%，单日市值蒸发近六千亿美元，创下纪录。", "neutral"),
        ("截至12月26日收盘，英伟达股价年内累计上涨约35%。", "neutral"),
        ("英伟达的股价不但收复了失地，还创下了历史新高。", "neutral"),
        # a move foretold keeps its weight, beside a record or alone
        ("英伟达已经跌了三成，我认为还会继续下跌。", "bearish"),
        ("我觉得英伟达要大涨了。", "bullish"),
    ],
)
def test_a_market_move_told_as_done_is_no_view(lexicon_analyzer, body, label):
    """News and roundups recount 暴跌, 创新高, 累计上涨 as background; counted as the writer's
    cues they read a neutral page as bullish or bearish (both stance probes)."""
    assert _stance(lexicon_analyzer, body)["nvidia"] == label
