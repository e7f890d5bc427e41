"""linear.v1 trained from our labelled data: train, save with skops, load by name, predict;
a model file holding foreign types is refused; `duokong train` writes a model and its figures."""

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import UnknownModelError
from pipeline.stance import linear, registry
from pipeline.stance.dataset import STANCE_DIR, DatasetError, load_examples
from pipeline.stance.train import train
from pipeline.targets import Catalogue
from tests.test_stance import article

DATA = Path(__file__).resolve().parent.parent / STANCE_DIR


@pytest.fixture(scope="module")
def trained(settings, tmp_path_factory) -> Path:
    """A model trained on every sixth labelled example (quick), in its own models_dir."""
    examples = load_examples([DATA])[::6]
    models = tmp_path_factory.mktemp("models")
    catalogue = Catalogue.load(settings.path("targets_file"))
    meta = train("linear.v1", settings, examples, catalogue, out_dir=models / "linear-v1")
    assert meta["pairs"] >= 100 and 0 <= meta["cv_macro_f1"] <= 1
    return models


def test_labelled_data_is_ours_and_varied():
    examples = load_examples([DATA])
    assert len(examples) >= 300
    for target in ("nvidia", "deepseek"):
        assert {e.labels[target] for e in examples} == {"bullish", "bearish", "neutral", "none"}
    assert sum(e.script == "traditional" for e in examples) >= 40
    assert len({e.genre for e in examples}) >= 8


def test_trained_model_loads_by_name_and_predicts(settings, trained):
    classifier = registry.create(
        "linear.v1",
        settings.with_overrides(models_dir=str(trained)),
        Catalogue.load(settings.path("targets_file")),
    )
    from pipeline.nlp import ChineseNLP
    from pipeline.stance.base import AnalysisInput

    body = "我坚定看好英伟达，算力需求只会越来越大，明年数据中心收入还会创新高。"
    art = article(body)
    nlp = ChineseNLP(classifier.catalogue, settings.path("userdict"))
    stances = {
        s.target: s
        for s in classifier.predict(AnalysisInput(art, nlp.sentences(body)), ["nvidia", "deepseek"])
    }
    assert stances["deepseek"].label == "none"
    assert stances["nvidia"].label in {"bullish", "bearish", "neutral"}
    assert 0 < stances["nvidia"].score <= 1 and stances["nvidia"].model == "linear.v1"
    assert all(e in body for e in stances["nvidia"].evidence)


def test_a_trained_model_keeps_its_temperatures_and_scores_through_them(
    settings,
    trained,
):
    """Training fits a temperature per model on the cross-validated probabilities and stores it;
    the loaded model's score is the tempered probability of its label, and the label is the
    untempered arg-max (pipeline/stance/calibration.py)."""
    meta = json.loads((trained / "linear-v1" / "duokong.json").read_text("utf-8"))
    temperatures = meta["temperature"]
    assert set(temperatures) == {"article", "post"}
    assert all(0.25 < t < 8 for t in temperatures.values())
    assert abs(temperatures["article"] - 1) > 0.02  # else the check below tells nothing
    report = meta["cv_calibration"]["article"]
    # the fit moves the cross-validated mean score toward the share right
    assert abs(report["mean_score"] - report["share_right"]) <= abs(
        report["mean_score_untempered"] - report["share_right"]
    )

    classifier = registry.create(
        "linear.v1",
        settings.with_overrides(models_dir=str(trained)),
        Catalogue.load(settings.path("targets_file")),
    )
    from pipeline.nlp import ChineseNLP
    from pipeline.stance.base import AnalysisInput
    from pipeline.stance.calibration import tempered

    body = (
        "英伟达这一季的数据中心收入又创了新高，管理层给出的下季指引也高于市场预期。"
        "我认为算力需求还远没有见顶，明年的订单已经排满，股价回调就是加仓的机会。"
        "至于有人担心的竞争，短期内还看不到谁能撼动它在训练芯片上的位置。"
    )
    assert not linear.is_short_text(body)  # read by the article model
    nlp = ChineseNLP(classifier.catalogue, settings.path("userdict"))
    item = AnalysisInput(article(body), nlp.sentences(body))
    (stance,) = classifier.predict(item, ["nvidia"])
    raw = classifier.models["article"].predict_proba(
        np.array(classifier.features.rows(item, ["nvidia"]), dtype=object)
    )[0]
    expected = tempered(raw, temperatures["article"])[0]
    assert stance.label == classifier.classes[int(np.argmax(raw))]
    assert stance.score == pytest.approx(expected.max(), abs=1e-3)


def _copy_with_meta(trained: Path, tmp_path: Path, edit) -> Path:
    import shutil

    models = tmp_path / "models"
    shutil.copytree(trained, models)
    meta_file = models / "linear-v1" / "duokong.json"
    meta = json.loads(meta_file.read_text("utf-8"))
    edit(meta)
    meta_file.write_text(json.dumps(meta), "utf-8")
    return models


def test_a_model_trained_before_the_temperatures_scores_as_it_did(settings, trained, tmp_path):
    """A duokong.json without temperatures (every model of before 2026-12-02) loads, and its
    scores are its probabilities as they come."""
    from pipeline.nlp import ChineseNLP
    from pipeline.stance.base import AnalysisInput

    models = _copy_with_meta(trained, tmp_path, lambda meta: meta.pop("temperature"))
    catalogue = Catalogue.load(settings.path("targets_file"))
    old = registry.create("linear.v1", settings.with_overrides(models_dir=str(models)), catalogue)
    new = registry.create("linear.v1", settings.with_overrides(models_dir=str(trained)), catalogue)
    assert old.temperatures == {} and new.temperatures
    body = "我坚定看好英伟达，算力需求只会越来越大，明年数据中心收入还会创新高，回调就是机会。" * 2
    nlp = ChineseNLP(catalogue, settings.path("userdict"))
    item = AnalysisInput(article(body), nlp.sentences(body))
    raw = old.probabilities(item, ["nvidia"], calibrated=False)[0]
    ((before,), (after,)) = old.predict(item, ["nvidia"]), new.predict(item, ["nvidia"])
    assert before.score == pytest.approx(raw.max(), abs=1e-3)
    assert before.label == after.label and after.score < before.score


@pytest.mark.parametrize("bad", [0, -1.2, "warm", None])
def test_a_temperature_that_is_not_a_positive_number_is_refused(settings, trained, tmp_path, bad):
    """A negative temperature would turn every label into its opposite: refused by name."""

    def edit(meta):
        meta["temperature"]["article"] = bad

    models = _copy_with_meta(trained, tmp_path, edit)
    with pytest.raises(UnknownModelError, match="temperature of the article model"):
        registry.create(
            "linear.v1",
            settings.with_overrides(models_dir=str(models)),
            Catalogue.load(settings.path("targets_file")),
        )


def test_held_out_probabilities_keep_a_column_for_a_label_a_fold_never_learnt():
    """A small training set's fold may lack a label: its column stays, at 0, so the fit of the
    temperature still reads every row against the right label."""

    class Fold:
        classes_ = np.array(["bearish", "neutral"])

        def predict_proba(self, rows):
            return np.tile([0.3, 0.7], (len(rows), 1))

    classes = np.array(["bearish", "bullish", "neutral"])
    models = {linear.ARTICLE_MODEL: Fold(), linear.POST_MODEL: Fold()}
    got = linear.probabilities_by_length(models, np.zeros((2, 1)), np.array([False, True]), classes)
    assert got.tolist() == [[0.3, 0.0, 0.7], [0.3, 0.0, 0.7]]


def test_a_post_is_read_by_the_model_that_learnt_posts(settings, trained):
    """Training fits two models, each on the texts of its length (the article model on those of
    SHORT_CHARS characters or more, the posts model on the rest); a one-liner goes to the posts
    model, an article to the article model."""
    from pipeline.nlp import ChineseNLP
    from pipeline.stance.base import AnalysisInput

    meta = json.loads((trained / "linear-v1" / "duokong.json").read_text("utf-8"))
    pairs = meta["pairs_by_model"]
    assert pairs["article"] > 0 and pairs["post"] > 0
    assert pairs["article"] + pairs["post"] == meta["pairs"]
    assert 0 <= meta["cv_short_macro_f1"] <= 1
    classifier = registry.create(
        "linear.v1",
        settings.with_overrides(models_dir=str(trained)),
        Catalogue.load(settings.path("targets_file")),
    )
    nlp = ChineseNLP(classifier.catalogue, settings.path("userdict"))
    post = "英伟达的股价会涨"
    long = "我坚定看好英伟达，算力需求只会越来越大。" * 5
    assert len(post) < linear.SHORT_CHARS <= len(long)
    models = classifier.models
    assert models["post"] is not models["article"]
    for body, model in ((post, models["post"]), (long, models["article"])):
        item = AnalysisInput(article(body), nlp.sentences(body))
        assert classifier.estimator_for(item) is model
        got = classifier.predict(item, ["nvidia"])[0]
        expected = model.predict(np.array(classifier.features.rows(item, ["nvidia"]), dtype=object))
        assert got.label == expected[0]


def test_a_model_trained_before_the_split_reads_every_text_alike(settings, trained, tmp_path):
    """An artifact holding one estimator (trained before the posts model) still loads."""
    from pipeline import modelio
    from pipeline.stance.base import AnalysisInput

    one = linear.load(trained / "linear-v1")["article"]
    modelio.save(one, tmp_path / "linear-v1", "linear.v1", {})
    classifier = registry.create(
        "linear.v1",
        settings.with_overrides(models_dir=str(tmp_path)),
        Catalogue.load(settings.path("targets_file")),
    )
    assert list(classifier.models) == ["article"]
    for body in ("英伟达的股价会涨", "我坚定看好英伟达，算力需求只会越来越大。" * 5):
        item = AnalysisInput(article(body), [])
        rows = np.array(classifier.features.rows(item, ["nvidia"]), dtype=object)
        assert classifier.predict(item, ["nvidia"])[0].label == one.predict(rows)[0]


def test_a_model_file_without_its_article_model_is_refused(settings, trained, tmp_path):
    from pipeline import modelio

    post = linear.load(trained / "linear-v1")["post"]
    modelio.save({"post": post}, tmp_path / "linear-v1", "linear.v1", {})
    with pytest.raises(UnknownModelError, match=r"'article'.*duokong train --model linear\.v1"):
        registry.create(
            "linear.v1",
            settings.with_overrides(models_dir=str(tmp_path)),
            Catalogue.load(settings.path("targets_file")),
        )


def test_an_articles_forecasts_about_a_target_count_by_speaker_and_direction(settings, analyzer):
    """The stance models read how many of the article's forecasts about each target go up or
    down, the author's own apart from those the author reports; the seed's bet (如果…NVIDIA找TSMC
    砍单了，那挨打要立正) counts as the author's forecast that NVIDIA holds up."""
    from pipeline.stance.base import AnalysisInput
    from pipeline.stance.features import FORECAST_KINDS, FeatureBuilder

    features = FeatureBuilder.from_settings(settings, analyzer.catalogue)
    body = (
        "我认为英伟达明年的股价还会大涨。分析师认为，DeepSeek的市场份额明年会下降。"
        "如果半年以后英伟达找台积电砍单了，那挨打要立正。"
    )
    item = AnalysisInput(article(body), analyzer.nlp.sentences(body))
    first = 2 + FeatureBuilder.CUE_COLUMNS
    counts = {}
    for target in ("nvidia", "deepseek"):
        row = features.row(item, target)
        counts[target] = dict(
            zip(FORECAST_KINDS, row[first : first + FeatureBuilder.FORECAST_COLUMNS], strict=True)
        )
    assert counts["nvidia"][("author", "up")] > 0.7  # two: the call and the bet
    assert counts["nvidia"][("author", "down")] == 0
    assert counts["deepseek"][("reported", "down")] > 0
    assert counts["deepseek"][("author", "down")] == counts["deepseek"][("author", "up")] == 0


def test_a_forecast_under_a_reading_the_writer_sets_up_is_not_counted(settings, analyzer):
    """如果你把X理解成…，那X确实会…, then 但我觉得…: the writer frames a reading to turn from it,
    and counting what would follow as their forecast read a bull as a bear (DeepSeek probe). A
    condition about the world still counts."""
    from pipeline.stance.base import AnalysisInput
    from pipeline.stance.features import FORECAST_KINDS, FeatureBuilder

    features = FeatureBuilder.from_settings(settings, analyzer.catalogue)
    first = 2 + FeatureBuilder.CUE_COLUMNS

    def author_down(body: str) -> float:
        item = AnalysisInput(article(body), analyzer.nlp.sentences(body))
        row = features.row(item, "deepseek")
        kinds = row[first : first + FeatureBuilder.FORECAST_COLUMNS]
        counts = dict(zip(FORECAST_KINDS, kinds, strict=True))
        return counts[("author", "down")]

    framed = "如果你把DeepSeek理解成一个模型，那它确实随时可能被超过。但我觉得它是一个团队。"
    world = "如果美国继续收紧出口管制，DeepSeek的训练进度一定会放缓。"
    assert author_down(framed) == 0
    assert author_down(world) > 0


def test_model_with_foreign_types_is_refused(tmp_path, trained):
    """A skops file that would instantiate a type outside scikit-learn/numpy/scipy."""
    bad = tmp_path / "linear-v1"
    bad.mkdir()
    with zipfile.ZipFile(trained / "linear-v1" / linear.ARTIFACT) as src:
        schema = json.loads(src.read("schema.json"))
        schema["__module__"] = "os"
        schema["__class__"] = "system"
        with zipfile.ZipFile(bad / linear.ARTIFACT, "w") as dst:
            for item in src.infolist():
                data = json.dumps(schema) if item.filename == "schema.json" else src.read(item)
                dst.writestr(item, data)
    with pytest.raises(UnknownModelError, match=r"os\.system"):
        linear.load(bad)


def test_a_model_file_cut_short_stops_the_run_instead_of_refusing_every_page(
    settings, trained, tmp_path
):
    """A truncated model.skops failed on each page as an internal error "please report this
    page", exit 0, and the next run skipped those pages as unchanged. It is the run's
    configuration: one message naming the file, nothing analysed."""
    from pipeline.analyze import Analyzer
    from pipeline.records import RawPage

    cut = tmp_path / "linear-v1"
    cut.mkdir()
    whole = (trained / "linear-v1" / linear.ARTIFACT).read_bytes()
    (cut / linear.ARTIFACT).write_bytes(whole[: len(whole) // 3])
    analyzer = Analyzer(settings.with_overrides(models_dir=str(tmp_path), model="linear.v1"))
    page = RawPage("a.txt", ("英伟达的数据中心需求依然旺盛，我继续看好它。" * 5).encode(), "text")
    with pytest.raises(UnknownModelError, match=r"linear-v1/model\.skops cannot be read") as err:
        analyzer.process(page)
    assert "duokong train --model linear.v1" in str(err.value)


def test_missing_model_says_how_to_train(settings, tmp_path):
    with pytest.raises(UnknownModelError, match=r"duokong train --model linear\.v1"):
        registry.create(
            "linear.v1",
            settings.with_overrides(models_dir=str(tmp_path)),
            Catalogue.load(settings.path("targets_file")),
        )


def test_bad_labelled_line_names_file_and_line(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(
        '{"id": "a", "text": "英伟达", "stance": {"nvidia": "bullish"}}\n{"id": "b", "text": "x", "stance": {"nvidia": "up"}}\n'
    )
    with pytest.raises(DatasetError, match=r"x.jsonl:2: stance for 'nvidia' is 'up'"):
        load_examples([f])


def test_cli_train_writes_model_and_figures(tmp_path):
    small = tmp_path / "small.jsonl"
    lines = [ln for f in sorted(DATA.glob("*.jsonl")) for ln in f.read_text("utf-8").splitlines()]
    small.write_text("\n".join(lines[::15]) + "\n", "utf-8")
    out = CliRunner().invoke(
        main, ["train", "--model", "linear.v1", "--data", str(small), "--out", str(tmp_path / "m")]
    )
    assert out.exit_code == 0, out.output
    meta = json.loads(out.output[out.output.index("{") :])
    assert meta["examples"] > 50 and "cv_macro_f1" in meta
    assert (tmp_path / "m" / linear.ARTIFACT).is_file()


def test_loading_a_model_does_not_import_torch():
    """skops' trusted-type scan would import torch (200 MB per worker); modelio keeps it out."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from pipeline import modelio; "
        "modelio.load(Path('models/linear-v1'), 'linear.v1'); print('torch' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


DEV = Path(__file__).resolve().parent.parent / "data" / "labelled" / "stance-dev"
ESSAYS = DEV.parent / "essays-dev"


def test_shipped_model_holds_its_floor_on_held_out_realistic_pages(settings, analyzer):
    """An evaluation gate on our own held-out data (never trained on; data/labelled/stance-dev):
    news that stays neutral on polar facts, leftover page furniture, indirect opinions. The
    floors sit a little under what the shipped linear.v1 measures (NVIDIA 0.808, DeepSeek 0.768
    macro-F1; `duokong eval --data data/labelled/stance-dev`): a regression breaks them."""
    from pipeline.stance.evaluate import example_cases, score_model

    cases = example_cases(load_examples([DEV]), analyzer)
    score = score_model("linear.v1", cases, settings, analyzer)
    floors = {"nvidia": 0.77, "deepseek": 0.74}
    for target, floor in floors.items():
        assert score.macro_f1(target)[0] >= floor, target
        assert score.none_accuracy(target) >= 0.95, target
    # Its evidence quotes a sentence the writer of the example named (0.885; 0.866 when a
    # neutral label quoted the sentences the model read as most neutral).
    assert score.evidence_rate() >= 0.875


def test_shipped_model_holds_its_floor_on_held_out_long_essays(settings, analyzer):
    """Long opinion essays, where a writer's view surfaces in an aside or the close among
    background and others' views: the kind of real page the models miss most. Floors a little
    under what linear.v1 measures on data/labelled/essays-dev (never trained on; `duokong eval
    --data data/labelled/essays-dev`: NVIDIA 0.817, DeepSeek 0.749; linear.v2 0.827 / 0.795,
    majority 0.184 / 0.182): the cues, views and forecast counts it reads are linear.v2's too.
    test_linear_v2.py holds the default to its own floor on the same essays."""
    from pipeline.stance.evaluate import example_cases, score_model

    cases = example_cases(load_examples([ESSAYS]), analyzer)
    score = score_model("linear.v1", cases, settings, analyzer)
    for target, floor in {"nvidia": 0.78, "deepseek": 0.71}.items():
        assert score.macro_f1(target)[0] >= floor, target


def test_lengths_that_lack_a_class_are_read_by_one_model(caplog):
    """Where the short texts (or the long) lack a label, a model of their own could never say
    it; one model fitted on every row reads both, and training says so."""
    from pipeline.stance.features import FeatureBuilder

    dense = [0.0] * FeatureBuilder.DENSE
    texts = {"bullish": "看好 上涨", "bearish": "看空 下跌", "neutral": "发布 财报"}
    rows = [[t, t, *dense] for t in texts.values() for _ in range(4)]
    labels = np.array([label for label in texts for _ in range(4)])
    every_class = np.array([k % 4 == 0 for k in range(12)])
    models = linear.fit_by_length(np.array(rows, dtype=object), labels, every_class, False)
    assert models["article"] is not models["post"]
    no_neutral = every_class & (labels != "neutral")
    with caplog.at_level("WARNING"):
        models = linear.fit_by_length(np.array(rows, dtype=object), labels, no_neutral, False)
    assert models["article"] is models["post"]
    assert "one model reads both" in caplog.text


def test_a_target_added_to_the_catalogue_leaves_the_others_features_as_they_were(
    settings, trained, tmp_path
):
    """AMD added to the catalogue read as "another target" (OTH, and the others share), which
    the model learnt from NVIDIA and DeepSeek alone: a page saying 我越来越不看好英伟达 beside
    AMD's name turned from bearish to bullish on NVIDIA (catalogue probe). A model reads only
    the targets it was trained on as another target, and says which in its duokong.json."""
    from pipeline.nlp import ChineseNLP
    from pipeline.stance.base import AnalysisInput
    from pipeline.stance.features import FeatureBuilder

    base = Catalogue.load(settings.path("targets_file"))
    path = tmp_path / "targets.toml"
    path.write_text(
        settings.path("targets_file").read_text("utf-8")
        + '\n[[target]]\nid = "amd"\nnames = ["AMD", "超威"]\n',
        "utf-8",
    )
    with_amd = Catalogue.load(path)
    body = (
        "上个月我们把一半的推理集群从英伟达换成了AMD，成本直接降了三成。"
        "英伟达的卡太贵了，交货周期还长。我越来越不看好英伟达在推理市场的前景。"
    )

    def row(catalogue: Catalogue, trained_on=None) -> list:
        features = FeatureBuilder.from_settings(settings, catalogue, trained_on=trained_on)
        nlp = ChineseNLP(catalogue, settings.path("userdict"))
        return features.row(AnalysisInput(article(body), nlp.sentences(body), ()), "nvidia")

    before = row(base)
    assert row(with_amd, trained_on=base.ids) == before
    assert row(with_amd) != before  # without the list, AMD is another target
    meta = json.loads((trained / "linear-v1" / "duokong.json").read_text("utf-8"))
    assert meta["trained_on"] == ["deepseek", "nvidia"]
