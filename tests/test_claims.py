"""claims.v3 and claims.v2, the trained prediction filters: it learns from our labelled prediction quotes, keeps
checkable claims and drops chatter, and says which way each kept claim points. (The seed's bets surviving the shipped filter is checked in test_seed.py.)"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.stance.dataset import (
    CLAIMS_FILES,
    DIRECTION_TRAIN,
    STANCE_DIR,
    DatasetError,
    load_direction_clauses,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / STANCE_DIR


def test_cli_trains_filter_with_cross_validated_threshold(tmp_path):
    small = tmp_path / "small.jsonl"
    lines = [ln for f in sorted(DATA.glob("*.jsonl")) for ln in f.read_text("utf-8").splitlines()]
    small.write_text("\n".join(lines[::5]) + "\n", "utf-8")
    out = CliRunner().invoke(
        main, ["train", "--model", "claims.v3", "--data", str(small), "--out", str(tmp_path / "c")]
    )
    assert out.exit_code == 0, out.output
    meta = json.loads(out.output[out.output.index("{") :])
    assert 0.25 <= meta["threshold"] <= 0.6
    # On held-out folds the filter must beat keeping every rule-found claim.
    assert meta["cv_f1"] > meta["cv_f1_unfiltered"]
    # The direction model beats the cue rules it starts from, on held-out articles (on this
    # fifth of the data: 0.807 against 0.709 with the rules of 2026-12-07; the margin shrinks
    # as the rules improve, so it is asked to be clear of them, not a fixed tenth).
    assert meta["direction_cv_accuracy"] > meta["direction_rules_accuracy"] + 0.05
    # It learns from the examples' quotes and from the repository's direction clauses.
    quotes = sum(len(json.loads(ln).get("predictions") or []) for ln in lines[::5] if ln.strip())
    clauses = (ROOT / DIRECTION_TRAIN).read_text("utf-8").count("\n")
    assert meta["direction_quotes"] == quotes + clauses
    # claims.v3 reads each claim's sentence vector, and says so where the filter is loaded from.
    assert meta["sentence_vectors"] is True
    saved = json.loads((tmp_path / "c" / "duokong.json").read_text("utf-8"))
    assert (saved["name"], saved["sentence_vectors"]) == ("claims.v3", True)


def test_a_bad_direction_clause_is_refused_with_its_file_and_line(tmp_path):
    bad = tmp_path / "claims.jsonl"
    bad.write_text(
        '{"id": "x1", "quote": "英伟达明年会涨", "target": "nvidia", "direction": "up"}\n'
        '{"id": "x2", "quote": "英伟达明年会涨", "target": "nvidia", "direction": "sideways"}\n',
        "utf-8",
    )
    with pytest.raises(DatasetError, match=r"claims.jsonl:2: direction 'sideways'"):
        load_direction_clauses(bad, {"nvidia", "deepseek"})
    bad.write_text('{"id": "x1", "quote": "AMD明年会涨", "target": "amd", "direction": "up"}\n')
    with pytest.raises(DatasetError, match=r"claims.jsonl:1: target 'amd' is not in the catalogue"):
        load_direction_clauses(bad, {"nvidia", "deepseek"})


def test_threshold_is_the_middle_of_the_near_best_plateau():
    from pipeline.claims import plateau_middle

    # A flat top (0.731-0.733) picks its middle, not whichever edge noise lifted highest.
    curve = {0.25: 0.724, 0.3: 0.731, 0.35: 0.731, 0.4: 0.733, 0.45: 0.728, 0.5: 0.725}
    assert plateau_middle(curve) == 0.35
    # A sharp peak is kept.
    assert plateau_middle({0.3: 0.60, 0.4: 0.70, 0.5: 0.61}) == 0.4


def test_shipped_filter_drops_claims_and_keeps_precision(analyzer):
    """On every tenth labelled example: fewer claims kept than the rules find, and a larger
    share of the kept ones match a gold prediction quote."""
    from pipeline.scoring import PredictionScore
    from pipeline.stance.dataset import load_examples

    rules, kept = PredictionScore(), PredictionScore()
    for ex in load_examples([DATA])[::10]:
        item = ex.analysis_input(analyzer.nlp)
        rules.add(ex.predictions, analyzer.predictor.candidates(item.article, item.sentences))
        kept.add(ex.predictions, analyzer.predictor.extract(item.article, item.sentences))
    assert kept.predicted < rules.predicted
    assert kept.precision > rules.precision


def test_the_claim_filter_learns_from_files_that_exist(tmp_path):
    """`duokong train --model claims.v3` (or claims.v2) with no --data reads
    dataset.CLAIMS_FILES: each must be in the repository, and the stance model's default (the
    whole folder) must hold them all."""
    from pipeline.stance.dataset import CLAIMS_FILES, default_training_paths

    root = DATA.parent.parent.parent
    paths = default_training_paths("claims.v2", root)
    assert [p.name for p in paths] == list(CLAIMS_FILES)
    assert all(p.is_file() for p in paths)
    assert default_training_paths("linear.v1", root) == [DATA]
    assert {p.name for p in paths} < {p.name for p in DATA.glob("*.jsonl")}


def test_training_finds_the_repositorys_data_wherever_models_go(tmp_path):
    """With DUOKONG_MODELS_DIR pointing outside the repository, `duokong train` still learns from
    data/labelled (it used to look beside the models folder and find nothing) and would write the
    model into DUOKONG_MODELS_DIR; --dry-run says so without minutes of training, and refuses
    what a real run would refuse."""
    models = tmp_path / "models"
    out = CliRunner().invoke(
        main,
        ["train", "--model", "claims.v3", "--dry-run"],
        env={"DUOKONG_MODELS_DIR": str(models)},
    )
    assert out.exit_code == 0, out.output
    plan = json.loads(out.output[out.output.index("{") :])
    assert plan["examples"] > 1000
    assert {Path(p) for p in plan["data"]} == {DATA / name for name in CLAIMS_FILES}
    assert Path(plan["out"]) == models / "claims-v3"
    assert set(plan["labels"]["nvidia"]) == {"bullish", "bearish", "neutral", "none"}
    assert not models.exists()
    out = CliRunner().invoke(main, ["train", "--model", "linear.v1", "--dry-run"])
    assert out.exit_code == 0, out.output
    plan = json.loads(out.output[out.output.index("{") :])
    assert plan["examples_under_80_characters"] >= 300  # the posts that teach the posts model
    out = CliRunner().invoke(main, ["train", "--model", "transformer.v1", "--dry-run"])
    assert out.exit_code != 0 and "--base" in out.output


def test_shipped_predictions_hold_their_floor_on_held_out_examples(analyzer):
    """An evaluation gate for issue 5 on our own held-out examples (data/labelled/stance-dev,
    never trained on). The floors sit under what the shipped rules and claims.v3 measure (quote
    F1 0.763, direction on matched quotes 0.894, speaker 0.931; `duokong eval --data
    data/labelled/stance-dev`): a regression in the cues, the horizon or speaker rules or the
    filter breaks them."""
    from pipeline.evaluate import example_predictions
    from pipeline.stance.dataset import load_examples

    dev = DATA.parent / "stance-dev"
    score = example_predictions(load_examples([dev]), analyzer)
    assert score.gold > 200
    assert score.f1 >= 0.69, score.summary()
    assert score.direction_ok / score.matched_gold >= 0.79, score.summary()
    assert score.speaker_ok / score.speaker_total >= 0.90, score.summary()  # 0.845 before


def test_long_pages_keep_their_forecasts_and_drop_their_chatter(analyzer):
    """Issue 5 on long pages (data/labelled/longread-dev: 38 interviews, translations,
    explainers, earnings calls, live blogs, forum threads of 2,500-7,100 characters, never
    trained on). Such a page holds dozens of clauses with 会/将/可能 (how a model works, a
    speaker's plans, an interviewer's questions, forecasts told as history) and a few tracked
    forecasts. The filter trained on short posts alone kept more junk quotes than gold ones
    (precision 0.44, F1 0.56); trained with data/labelled/stance/longread.jsonl it measures
    precision 0.84, F1 0.78 (`duokong eval --data data/labelled/longread-dev`)."""
    from pipeline.evaluate import example_predictions
    from pipeline.stance.dataset import load_examples

    score = example_predictions(load_examples([DATA.parent / "longread-dev"]), analyzer)
    assert score.gold > 100
    assert score.precision >= 0.78, score.summary()
    assert score.f1 >= 0.74, score.summary()


def test_pages_of_industry_forecasts_keep_them_and_drop_the_rest(analyzer):
    """Issue 5 on pages like the real ones in length (463-1,650 characters) whose authors make
    claims about the AI field at large in passing (AI泡沫, 国产芯片, API prices, jobs, capital
    spending) among slogans, plans, questions, how-things-work clauses and forecasts told as
    history (data/labelled/fieldwide-dev: 100 pages, 215 gold quotes, 129 about neither
    company; never trained on). Measured when written, before any model saw it: precision
    0.767, recall 0.809, F1 0.788, recall on quotes about neither company 0.853 (`duokong eval
    --data data/labelled/fieldwide-dev`); 0.770, 0.823, 0.796 and 0.853 once the forfeits of
    its wagers were known (食鍵盤, 剃光頭)."""
    from pipeline.evaluate import example_predictions
    from pipeline.stance.dataset import load_examples

    score = example_predictions(load_examples([DATA.parent / "fieldwide-dev"]), analyzer)
    assert score.gold > 200
    assert score.precision >= 0.72, score.summary()
    assert score.f1 >= 0.74, score.summary()
    assert score.matched_targetless / score.gold_targetless >= 0.80, score.summary()


def test_a_wager_on_ones_own_call_is_a_bet():
    """如果 X，我认错 / 那我就当看个乐子 stake the author's word on X: the claim filter reads it as
    a checkable claim, however little it looks like a forecast (the seed's two bets)."""
    from pipeline.stance.cues import CueScorer

    assert CueScorer.bet("如果一年后英伟达还在现在的价格之上，我就删帖")
    assert CueScorer.bet("如果半年以后DeepSeek泯然众人，那我就当看个乐子")
    # rules read Simplified text: Cantonese 食 for 吃, a shaved head, a blog shut down
    assert CueScorer.bet("如果明年今日英伟达市值仲企喺五万亿以上，我喺度直播食键盘")
    assert CueScorer.bet("如果V4出来之后DeepSeek还能冲上总榜第一，我直播剃光头")
    assert CueScorer.bet("如果明年这时候R2还没发布，我就把这个博客关了")
    assert not CueScorer.bet("我把这个博客关了")  # no condition: the author did it
    assert not CueScorer.bet("上次说英伟达会跌，我认错")  # no condition: a look back
    assert not CueScorer.bet("如果英伟达明年大涨，我会很开心")  # no stake


def test_claims_without_a_target_point_the_way_their_subject_goes(analyzer, settings):
    """A claim about no catalogue target (国产芯片会崛起, 泡沫会破裂) is up or down for its own
    subject, as DESIGN.md's direction reads for a target. On the held-out targetless gold quotes
    of data/labelled/stance-dev the shipped direction model must beat the cue rules, which say
    "other" for most of them (0.53 there; the model 0.74)."""
    from pipeline.claims import ClaimFilter, gold_direction
    from pipeline.stance.dataset import load_examples

    claims = ClaimFilter.load(
        settings.model_dir(settings.claim_model), analyzer.predictor, settings.claim_model
    )
    gold = [
        p
        for ex in load_examples([DATA.parent / "stance-dev"])
        for p in ex.predictions
        if p.get("target") is None
    ]
    assert len(gold) > 30
    rules_right = model_right = 0
    for g in gold:
        given, rule, _ = gold_direction(g, analyzer.predictor)
        final = given.final(rule, str(claims.direction.predict([given.row])[0]))
        rules_right += rule == g["direction"]
        model_right += final == g["direction"]
    assert model_right / len(gold) >= 0.65, (model_right, rules_right, len(gold))
    assert model_right > rules_right + 0.1 * len(gold), (model_right, rules_right, len(gold))


def test_where_the_rules_compose_a_direction_the_model_does_not_override_it(analyzer, settings):
    """One word qualifying another (a burden eased, a place held, a share taken by another) is a
    composition the direction model reads as two words; there the rules' verdict ships
    (benchmarks/direction_eval.py: right more often than the model alone, and on no set less).
    The model's own verdict on a bet is flipped back, as the shipped one is."""
    from pipeline.claims import FLIP, ClaimFilter, direction_input

    claims = ClaimFilter.load(
        settings.model_dir(settings.claim_model), analyzer.predictor, settings.claim_model
    )
    rules = analyzer.predictor
    for quote, target, want in [
        ("英伟达的库存压力明年会大幅缓解", "nvidia", "up"),
        ("英伟达的地位难以取代", "nvidia", "up"),
        ("英伟达在国内的份额明年会被华为蚕食", "nvidia", "down"),
    ]:
        rule = rules.direction_of(quote, target)
        given = direction_input(quote, target, rule, False, rules)
        assert rules.directions.composed(quote, target), quote
        assert given.rules_decide, quote
        assert claims.final_directions([given], [rule]) == [want], quote
    assert not rules.directions.composed("英伟达明年会大涨", "nvidia")
    # the composition in a turn's other half does not decide (…，但股价会回调)
    assert not rules.directions.composed("英伟达的地位难以取代，但股价明年会回调", "nvidia")
    bet = "如果英伟达明年还能大涨，我认错"
    given = direction_input(bet, "nvidia", rules.direction_of(bet, "nvidia"), True, rules)
    raw = str(claims.direction.predict([given.row])[0])
    assert given.bet and claims.model_directions([given]) == [FLIP[raw]]


def test_the_direction_row_is_as_wide_as_the_model_expects(analyzer):
    from pipeline.claims import DIRECTION_COLUMNS, direction_row

    for target in ("nvidia", None):
        row = direction_row("英伟达明年会涨", target, "up", False, analyzer.catalogue)
        assert len(row) == DIRECTION_COLUMNS


@pytest.mark.parametrize("name, vectors", [("claims.v3", True), ("claims.v2", False)])
def test_the_claim_rows_are_as_wide_as_the_shipped_filter_reads(analyzer, settings, name, vectors):
    """Each quote gives its rule flags and, for claims.v3, its sentence vector: once per quote
    however many targets it names, in the columns the shipped filter was trained on."""
    from pipeline.claims import ClaimFilter, by_quote, claim_rows
    from pipeline.stance.dataset import Example
    from pipeline.stance.encoder import DIM

    text = "我认为英伟达明年股价会翻倍。DeepSeek和英伟达半年内都会推出新品。"
    item = Example("t", text, None, None, {}).analysis_input(analyzer.nlp)
    found, contexts = analyzer.predictor.candidates_in_context(item.article, item.sentences)
    groups = by_quote(found)
    shipped = ClaimFilter.load(settings.model_dir(name), analyzer.predictor, name)
    assert (shipped.name, shipped.vectors) == (name, vectors)
    rows = claim_rows(groups, contexts, analyzer.predictor, shipped.vectors)
    assert len(groups) == 2 and rows.shape[0] == 2
    assert shipped.estimator.n_features_in_ == rows.shape[1]
    if vectors:  # one unit vector each, after the flags
        norms = (rows[:, -DIM:].astype(float) ** 2).sum(axis=1)
        assert abs(norms - 1.0).max() < 1e-3
    assert len(shipped.scored(found, contexts)) == 2


@pytest.mark.parametrize(
    "name, part, width",
    [("claims.v2", "direction", 4), ("claims.v2", "keep", 11), ("claims.v3", "keep", 15)],
)
def test_a_model_of_another_layout_is_refused_by_name(
    tmp_path, analyzer, settings, name, part, width
):
    """A filter trained before a change of columns (the direction model read 4 before claims
    without a target got their own, the filter 11 before it read the claim's place in its
    article; a claims.v3 without its sentence vectors reads 15) is refused with the command to
    retrain, instead of failing inside sklearn."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from pipeline import modelio
    from pipeline.claims import ClaimFilter
    from pipeline.errors import UnknownModelError

    shipped = modelio.load(settings.model_dir(name), name)
    labels = ["up", "down"] * width if part == "direction" else [0, 1] * width
    shipped[part] = LogisticRegression().fit(np.eye(width), labels[:width])
    modelio.save(shipped, tmp_path, name, {"threshold": 0.4})
    with pytest.raises(
        UnknownModelError,
        match=rf"its {part} model reads {width} columns.*"
        rf"retrain it: duokong train --model {name}",
    ):
        ClaimFilter.load(tmp_path, analyzer.predictor, name)


def test_the_filter_asked_for_is_the_one_loaded_or_the_error_says_how_to_get_it(
    tmp_path, analyzer, settings
):
    """claim_model names the filter: a folder holding the other one, or none, is refused with
    what to set or what to train, never read as the wrong filter (claims.v3 where a run chose
    claims.v2's speed)."""
    import shutil

    from pipeline.claims import ClaimFilter
    from pipeline.errors import UnknownModelError

    shutil.copytree(settings.model_dir("claims.v3"), tmp_path / "claims-v2")
    with pytest.raises(
        UnknownModelError,
        match=r"holds claims\.v3, not claims\.v2.*"
        r"claim_model = 'claims\.v3'.*duokong train --model claims\.v2",
    ):
        ClaimFilter.load(tmp_path / "claims-v2", analyzer.predictor, "claims.v2")
    with pytest.raises(UnknownModelError, match=r"duokong train --model claims\.v3"):
        ClaimFilter.load(tmp_path / "claims-v3", analyzer.predictor, "claims.v3")


def test_claims_v3_scores_with_the_sentence_vectors(analyzer, settings):
    """The vectors are read, not only carried: the same claims with their vectors blanked
    score otherwise."""
    import numpy as np

    from pipeline.claims import ClaimFilter, by_quote, claim_rows
    from pipeline.stance.dataset import load_examples
    from pipeline.stance.encoder import DIM

    flt = ClaimFilter.load(settings.model_dir("claims.v3"), analyzer.predictor, "claims.v3")
    ex = load_examples([DATA.parent / "stance-dev"])[0]
    item = ex.analysis_input(analyzer.nlp)
    found, contexts = analyzer.predictor.candidates_in_context(item.article, item.sentences)
    rows = claim_rows(by_quote(found), contexts, analyzer.predictor, True)
    assert len(rows)
    blank = rows.copy()
    blank[:, -DIM:] = 0.0
    read = flt.estimator.predict_proba(rows)[:, 1]
    assert not np.allclose(read, flt.estimator.predict_proba(blank)[:, 1], atol=1e-3)
