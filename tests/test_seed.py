"""The canonical input: a kajuan.net text dump (../shared/seeds), as issue 2's acceptance states."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.records import RawPage

pytestmark = pytest.mark.shared

BOILERPLATE = [
    "扫描二维码",
    "版权声明",
    "本文链接",
    "分享给朋友",
    "相关文章",
    "发表评论",
    "看不清",
    "有了Istio,开发还需要微服务架构吗?",
    "苹果为什么不做千元机?",
    "Layui 不更新了么?",
]


@pytest.fixture(scope="module")
def seed_result(analyzer, seed_path):
    return analyzer.process(RawPage(str(seed_path), seed_path.read_bytes(), "text"))


def test_seed_metadata(seed_result):
    a = seed_result.article
    assert a.title == "中国 DeepSeek 大模型成本优势,会不会打破英伟达和美股科技股的泡沫?"
    assert a.site == "卡卷网"
    assert a.published == date(2025, 2, 2)
    assert a.category == "每日看点"


def test_seed_body_bounds_and_no_boilerplate(seed_result):
    body = seed_result.article.body
    assert body.startswith("看了不少关于DeepSeek赢的言论")
    assert body.endswith("我也一定会回这个问题下自己声讨自己。")
    for s in BOILERPLATE:
        assert s not in body


def test_seed_stances(seed_result):
    labels = {s.target: s.label for s in seed_result.stances}
    assert labels == {"nvidia": "bullish", "deepseek": "bearish"}
    for s in seed_result.stances:
        assert 0.5 < s.score <= 1 and s.evidence
        assert all(e in seed_result.article.body for e in s.evidence)


def test_seed_falsification_bet_predicts_the_opposite(seed_result):
    preds = [p for p in seed_result.predictions if "挨打要立正" in p.quote]
    assert {(p.target, p.direction) for p in preds} == {("deepseek", "down"), ("nvidia", "up")}
    assert all(p.due == date(2025, 8, 2) and p.conditional for p in preds)


def test_seed_fade_prediction(seed_result):
    [p] = [p for p in seed_result.predictions if "泯然众人" in p.quote]
    assert (p.target, p.direction, p.horizon, p.due) == (
        "deepseek",
        "down",
        "半年以后",
        date(2025, 8, 2),
    )
    assert p.quote in seed_result.article.body


def test_every_seed_prediction_falls_due_when_the_author_said_the_case_resolves(seed_result):
    """半年左右基本上就会水落石出 sets the horizon of the author's whole case: claims that name no
    time of their own take it (issue 5: on the seed, every prediction due 2025-08-02)."""
    assert len(seed_result.predictions) >= 3
    assert {p.due for p in seed_result.predictions} == {date(2025, 8, 2)}
    unstated = [p for p in seed_result.predictions if p.horizon_source != "stated"]
    assert all(p.horizon == "半年左右" and p.horizon_source == "inherited" for p in unstated)
    [when] = [p for p in seed_result.predictions if "水落石出" in p.quote]
    assert when.direction == "other"  # when the truth will be known, not which way


def test_seed_non_predictions_are_left_out(seed_result):
    quotes = " ".join(p.quote for p in seed_result.predictions)
    assert "期货" not in quotes  # 明年的"期货": a time attached to a noun
    assert "不至于" not in quotes  # a counterfactual
    assert "难道" not in quotes  # a rhetorical question


def test_cli_analyze_seed_json_contract(seed_path):
    out = CliRunner().invoke(main, ["analyze", str(seed_path), "--format", "json"])
    assert out.exit_code == 0, out.output
    obj = json.loads(out.output)
    assert set(obj) >= {
        "source",
        "id",
        "url",
        "site",
        "title",
        "published",
        "author",
        "category",
        "body",
        "stances",
        "predictions",
        "error",
    }
    assert obj["published"] == "2025-02-02" and obj["error"] is None
    assert {s["target"]: s["label"] for s in obj["stances"]} == {
        "nvidia": "bullish",
        "deepseek": "bearish",
    }
    assert any(p["due"] == "2025-08-02" for p in obj["predictions"])
