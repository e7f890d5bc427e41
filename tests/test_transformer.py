"""transformer.v1 end to end with a tiny BERT the test builds itself (no download is possible
here): generate a vocabulary, save a random-init BERT, fine-tune it on a separable toy set,
load it through the registry and predict held-out toy articles."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip(
    "torch", reason="transformer.v1 needs torch (pip install -e '.[transformer]'); not installed"
)

from pipeline.errors import ConfigError, UnknownModelError
from pipeline.nlp import ChineseNLP
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.stance import registry
from pipeline.stance import transformer as tx
from pipeline.stance.base import AnalysisInput
from pipeline.stance.views import OTHER_MASK, TARGET_MASK, target_view
from pipeline.targets import Catalogue
from tests.test_stance import article

CUES = {
    "bullish": ["大涨", "看好", "需求旺盛", "创新高", "值得买入"],
    "bearish": ["暴跌", "看空", "砍单", "崩盘", "必须卖出"],
    "neutral": ["发布新品", "举行会议", "表示感谢", "召开大会", "宣布合作"],
}
TEMPLATES = ["{name}{cue}。", "我认为{name}{cue}。", "今天{name}{cue}。", "听说{name}{cue}。"]
NAMES = {"nvidia": ["英伟达", "NVIDIA"], "deepseek": ["DeepSeek", "深度求索"]}
EPOCHS = 30
FILLERS = ["", "市场很热闹。", "大家都在讨论。", "消息来自网上。"]

# Held out: new pairings of names, cues, templates and fillers; (body, target, label).
HELD_OUT = [
    ("听说NVIDIA需求旺盛。大家都在讨论。", "nvidia", "bullish"),
    ("市场很热闹。今天深度求索创新高。", "deepseek", "bullish"),
    ("我认为英伟达必须卖出。消息来自网上。", "nvidia", "bearish"),
    ("今天DeepSeek崩盘。市场很热闹。", "deepseek", "bearish"),
    ("大家都在讨论。NVIDIA宣布合作。", "nvidia", "neutral"),
    ("听说深度求索召开大会。", "deepseek", "neutral"),
]


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """One torch thread while these tests run: on 2 shared cores two threads were 5-10x
    slower under load (NOTES.md). Restored afterwards: the library itself leaves it alone."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def catalogue(settings: Settings) -> Catalogue:
    return Catalogue.load(settings.path("targets_file"))


@pytest.fixture(scope="module")
def nlp(settings: Settings, catalogue: Catalogue) -> ChineseNLP:
    return ChineseNLP(catalogue, settings.path("userdict"))


def item_for(nlp: ChineseNLP, body: str, title: str | None = None) -> AnalysisInput:
    art = article(body, title)
    return AnalysisInput(art, nlp.sentences(art.body))


@pytest.fixture(scope="module")
def toy(nlp: ChineseNLP, catalogue: Catalogue) -> tuple[list[str], list[str]]:
    """60 training views made the way predict makes them (target_view over a toy article)."""
    rng = random.Random(7)
    views, labels = [], []
    for label, cues in CUES.items():
        for cue in cues:
            for k, template in enumerate(TEMPLATES):
                target = ("nvidia", "deepseek")[k % 2]
                name = rng.choice(NAMES[target])
                sentences = [template.format(name=name, cue=cue), rng.choice(FILLERS)]
                rng.shuffle(sentences)
                body = "".join(sentences)
                views.append(target_view(item_for(nlp, body), target, catalogue))
                labels.append(label)
    return views, labels


def build_tiny_bert(where: Path, texts: list[str], with_masks: bool = True) -> Path:
    """A random-init BERT small enough to train in seconds, with a vocabulary holding every
    character of the given texts (one token per CJK character, as Chinese BERTs have)."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    where.mkdir(parents=True)
    chars = sorted({c for t in texts for c in t if not c.isspace()})
    ascii_ = [c for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"]
    masks = [TARGET_MASK, OTHER_MASK] if with_masks else []
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *masks]
    vocab += [c for c in dict.fromkeys(ascii_ + chars) if c not in vocab]
    (where / "vocab.txt").write_text("\n".join(vocab) + "\n", "utf-8")
    tokenizer = BertTokenizer(
        vocab=str(where / "vocab.txt"),
        tokenize_chinese_chars=True,
        do_lower_case=not with_masks,  # without masks: like a lower-casing Chinese vocabulary
    )
    tokenizer.save_pretrained(where)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        # Wider than BERT's 0.02: from a tiny random init at 0.02, some seeds (and thread
        # counts) stall with bullish and bearish merged; at 0.1 every seed tried learns the toy.
        initializer_range=0.1,
    )
    import torch

    # A fixed init: unseeded, one CI run in about twenty drew a start from which the toy's
    # bullish and bearish stayed merged (fit seeds its own training, not the base's weights).
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(where)
    return where


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, toy, catalogue: Catalogue) -> Path:
    texts = toy[0] + [tx.stance_views.mask(body, t, catalogue) for body, t, _ in HELD_OUT]
    return build_tiny_bert(tmp_path_factory.mktemp("base") / "tiny-bert", texts)


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_bert: Path, toy) -> tuple[Path, dict, list[str]]:
    models = tmp_path_factory.mktemp("models")
    messages: list[str] = []
    stats = tx.fit(
        *toy,
        tiny_bert,
        models / "transformer-v1",
        epochs=EPOCHS,
        batch_size=8,
        lr=2e-3,
        max_length=256,  # above the tiny model's 128 positions: fit must cap it
        progress=messages.append,
    )
    return models, stats, messages


@pytest.fixture(scope="module")
def classifier(trained, settings: Settings, catalogue: Catalogue):
    models, _, _ = trained
    return registry.create(
        "transformer.v1", settings.with_overrides(models_dir=str(models)), catalogue
    )


def test_fit_saves_a_model_with_its_card(trained, tiny_bert: Path):
    models, stats, messages = trained
    out = models / "transformer-v1"
    meta = json.loads((out / "duokong.json").read_text("utf-8"))
    assert meta["name"] == "transformer.v1"
    assert meta["base"] == str(tiny_bert)
    assert meta["labels"] == ["bullish", "bearish", "neutral"]
    assert (meta["trained_on"], meta["epochs"], meta["max_length"]) == (60, EPOCHS, 128)
    assert (out / "config.json").is_file() and (out / "tokenizer_config.json").is_file()
    assert (stats["n"], stats["epochs"], stats["max_length"]) == (60, EPOCHS, 128)
    assert stats["seconds"] > 0
    assert stats["losses"][-1] < stats["losses"][0]
    assert sum(f"/{EPOCHS} loss" in m for m in messages) == EPOCHS


def test_fit_is_deterministic_and_leaves_the_global_rng_alone(tmp_path: Path, tiny_bert, toy):
    import torch

    torch.manual_seed(0)
    state = torch.random.get_rng_state()
    runs = [
        tx.fit(toy[0][::10], toy[1][::10], tiny_bert, tmp_path / f"run{i}", epochs=2, lr=1e-3)
        for i in range(2)
    ]
    assert runs[0]["losses"] == runs[1]["losses"]
    assert torch.equal(torch.random.get_rng_state(), state)


def test_predicts_held_out_articles(classifier, nlp: ChineseNLP):
    assert classifier.name == "transformer.v1"
    right = 0
    for body, target, label in HELD_OUT:
        [stance] = classifier.predict(item_for(nlp, body), [target])
        right += stance.label == label
    assert right >= 5, f"{right}/6 held-out toy articles right"


def test_unmentioned_target_is_none_and_evidence_is_quoted(classifier, nlp: ChineseNLP):
    body = "我认为英伟达大涨。市场很热闹。\n英伟达值得买入。"
    stances = {s.target: s for s in classifier.predict(item_for(nlp, body), ["nvidia", "deepseek"])}
    assert set(stances) == {"nvidia", "deepseek"}
    none = stances["deepseek"]
    assert (none.label, none.score, none.evidence, none.model) == (
        "none",
        0.99,
        (),
        "transformer.v1",
    )
    nv = stances["nvidia"]
    assert nv.label == "bullish"
    assert 0.0 <= nv.score <= 1.0 and nv.model == "transformer.v1"
    assert 1 <= len(nv.evidence) <= 3
    assert all(e in body and "英伟达" in e for e in nv.evidence)


def test_scores_are_probabilities_for_every_target(classifier, nlp: ChineseNLP):
    body = "今天英伟达暴跌。听说DeepSeek发布新品。"
    stances = classifier.predict(item_for(nlp, body, title="今日消息"), ["deepseek", "nvidia"])
    assert [s.target for s in stances] == ["deepseek", "nvidia"]
    for s in stances:
        assert 0.0 <= s.score <= 1.0
        assert s.score == round(s.score, 3)
        assert all(e in body for e in s.evidence)


def test_loaded_once_per_process(trained, classifier, settings: Settings, catalogue: Catalogue):
    models, _, _ = trained
    again = registry.create(
        "transformer.v1", settings.with_overrides(models_dir=str(models)), catalogue
    )
    assert again.loaded.model is classifier.loaded.model
    assert not again.loaded.model.training


def test_missing_model_says_how_to_train(tmp_path: Path, settings: Settings, catalogue: Catalogue):
    empty = tmp_path / "models"
    empty.mkdir()
    with pytest.raises(UnknownModelError) as err:
        registry.create("transformer.v1", settings.with_overrides(models_dir=str(empty)), catalogue)
    message = str(err.value)
    assert "no trained model" in message and str(empty / "transformer-v1") in message
    assert "duokong train --model transformer.v1 --base" in message


def test_base_that_is_not_a_model_is_named(tmp_path: Path, toy):
    not_a_model = tmp_path / "downloads"
    not_a_model.mkdir()
    (not_a_model / "README.md").write_text("not a model")
    for base in (not_a_model, tmp_path / "absent"):
        said: list[str] = []
        with pytest.raises(ConfigError, match="not a") as err:
            tx.fit(
                *toy, base, tmp_path / "out", epochs=1, calibration_share=0.2, progress=said.append
            )
        assert str(base) in str(err.value)
        assert said == []  # nothing said of a held-out share before the base is known to load
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("lr", [float("inf"), float("nan"), 1e4, 0.0, -1e-4])
def test_a_learning_rate_that_cannot_train_is_refused_before_loading(tmp_path: Path, toy, lr):
    """--lr inf saved a model of NaN weights that read every page bullish with no score; 1e4
    (a slip for 1e-4) diverged and was saved without a word."""
    with pytest.raises(ValueError, match="learning rate"):
        tx.fit(*toy, tmp_path / "absent", tmp_path / "out", epochs=1, lr=lr)
    assert not (tmp_path / "out").exists()


def test_a_fine_tuning_whose_loss_diverged_saves_nothing(
    tmp_path: Path, tiny_bert, toy, monkeypatch
):
    monkeypatch.setattr(tx, "_fine_tune", lambda *a, **k: [0.9, float("nan")])
    with pytest.raises(ValueError, match=r"diverged .* epoch 2.*nothing was saved"):
        tx.fit(*toy, tiny_bert, tmp_path / "out", epochs=2, lr=0.5)
    assert not (tmp_path / "out" / "duokong.json").exists()


def test_none_label_is_refused(tmp_path: Path):
    with pytest.raises(ValueError, match="none"):
        tx.fit(["TGT大涨。"], ["none"], tmp_path, tmp_path / "out")


def test_masks_become_tokens_for_a_vocabulary_without_them(tmp_path: Path, toy, catalogue):
    """A lower-casing vocabulary would read TGT as pieces: fit adds the masks as tokens."""
    base = build_tiny_bert(tmp_path / "lower-bert", toy[0], with_masks=False)
    out = tmp_path / "transformer-v1"
    tx.fit(toy[0][:6], toy[1][:6], base, out, epochs=1)
    loaded = tx.load_model(out)
    ids = loaded.tokenizer(f"{TARGET_MASK}大涨{OTHER_MASK}", add_special_tokens=False)["input_ids"]
    assert len(ids) == 4 and loaded.tokenizer.unk_token_id not in ids
    assert loaded.model.get_input_embeddings().num_embeddings >= len(loaded.tokenizer)


def test_missing_torch_says_how_to_install(monkeypatch, settings: Settings, catalogue):
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` now raises ImportError
    with pytest.raises(ConfigError, match=r"needs torch: pip install -e '\.\[transformer\]'"):
        registry.create("transformer.v1", settings, catalogue)


def test_import_is_cheap():
    code = "import sys, pipeline.stance.transformer; print('torch' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_train_command_passes_the_learning_rate(tmp_path: Path, tiny_bert: Path):
    """`duokong train --lr`: a small encoder wants a higher rate than the 3e-5 default for
    base-sized ones; the rate used is in the model's card."""
    from click.testing import CliRunner

    from pipeline.cli import main

    out = tmp_path / "transformer-v1"
    data = Path(__file__).resolve().parent.parent / "data/labelled/stance/longform.jsonl"
    args = ["train", "--model", "transformer.v1", "--base", str(tiny_bert), "--data", str(data)]
    args += ["--out", str(out), "--epochs", "1", "--lr", "2e-3"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads((out / "duokong.json").read_text("utf-8"))["lr"] == 2e-3


def test_held_out_split_takes_whole_articles_until_the_share():
    groups = [f"a{i // 3}" for i in range(30)]  # ten articles of three views
    held = tx.held_out_split(groups, 0.2, seed=13)
    assert held == tx.held_out_split(groups, 0.2, seed=13)
    assert len(held) == 6 and len({groups[i] for i in held}) == 2
    assert all(groups.count(groups[i]) == sum(groups[j] == groups[i] for j in held) for i in held)
    assert tx.held_out_split(groups, 0.0, seed=13) == []
    assert tx.held_out_split(groups, 0.2, seed=14) != held


def test_fit_holds_articles_out_and_fits_a_temperature_on_them(
    tmp_path: Path, tiny_bert, toy, monkeypatch, nlp: ChineseNLP, settings, catalogue
):
    """The temperature is fitted on views the model never trained on, and a stance's score is
    its label's probability tempered by it; no label moves."""
    from pipeline.stance.calibration import tempered

    monkeypatch.setattr(tx, "MIN_CALIBRATION", 10)
    views, labels = toy
    out = tmp_path / "transformer-v1"
    stats = tx.fit(views, labels, tiny_bert, out, epochs=3, lr=2e-3, calibration_share=0.25, seed=5)
    meta = json.loads((out / "duokong.json").read_text("utf-8"))
    held = meta["calibration"]["held_out"]
    assert held == stats["held_out"] >= 15
    assert meta["trained_on"] == len(views) - held
    assert meta["temperature"] == stats["temperature"] > 0
    assert 0.0 <= meta["calibration"]["right"] <= 1.0

    classifier = tx.TransformerStance(out, catalogue)
    assert classifier.temperature == meta["temperature"] != 1.0
    item = item_for(nlp, "听说NVIDIA需求旺盛。大家都在讨论。")
    (stance,) = classifier.predict(item, ["nvidia"])
    raw = classifier.probabilities([target_view(item, "nvidia", catalogue)])[0]
    best = max(range(3), key=raw.__getitem__)
    assert stance.label == classifier.loaded.labels[best]
    assert stance.score == round(float(tempered(raw, meta["temperature"])[0][best]), 3)
    assert stance.score != round(raw[best], 3)


def test_too_few_held_out_views_train_on_all_and_say_so(tmp_path: Path, tiny_bert, toy):
    messages: list[str] = []
    views, labels = toy
    stats = tx.fit(
        views,
        labels,
        tiny_bert,
        tmp_path / "m",
        epochs=1,
        calibration_share=0.1,
        progress=messages.append,
    )
    assert (stats["n"], stats["held_out"], stats["temperature"]) == (len(views), 0, 1.0)
    assert any("untempered" in m for m in messages)
