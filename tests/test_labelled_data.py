"""Labelled data and gold folders that cannot be used are named by file and line, before any
training or measuring: `duokong train` and `duokong eval` printed tracebacks for lines of the
wrong shape, and left out or scored 0 the labels of a target the catalogue does not have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.stance.dataset import DatasetError, load_examples

GOOD = {"id": "a", "text": "英伟达的需求依然旺盛，我看好它。", "stance": {"nvidia": "bullish"}}


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize(
    "line, says",
    [
        ("5", "must be a JSON object"),
        ("null", "must be a JSON object"),
        ('"id text stance"', "must be a JSON object"),
        ({**GOOD, "id": ["a"]}, "id must be a non-empty string"),
        ({**GOOD, "evidence": ["英伟达"]}, "evidence must be an object"),
        ({**GOOD, "evidence": {"nvidia": "英伟达"}}, "evidence must be an object"),
        ({**GOOD, "predictions": ["我看好它"]}, "predictions must be a list of objects"),
        ({**GOOD, "predictions": [{"target": "nvidia"}]}, "predictions must be a list"),
        ({**GOOD, "published": 20250101}, "published must be a string"),
        ({**GOOD, "title": ["x"]}, "title must be a string"),
    ],
)
def test_a_line_of_the_wrong_shape_is_named_by_file_and_line(tmp_path, line, says):
    path = tmp_path / "x.jsonl"
    bad = line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n" + bad + "\n", "utf-8")
    with pytest.raises(DatasetError, match=rf"x\.jsonl:2: .*{says}"):
        load_examples([path])
    result = _invoke("train", "--model", "linear.v1", "--data", path, "--dry-run")
    assert result.exit_code == 1 and says in result.output and "Traceback" not in result.output


def _examples(folder: Path, n: int, target: str = "nvidia") -> Path:
    folder.mkdir()
    labels = ["bullish", "bearish", "neutral"]
    lines = [
        {"id": f"e{i}", "text": f"第{i}篇：英伟达怎么样？", "stance": {target: labels[i % 3]}}
        for i in range(n)
    ]
    (folder / "a.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8"
    )
    return folder


def test_labels_of_a_target_the_catalogue_lacks_are_refused_not_left_out(tmp_path):
    """A typo (nvida) trained on the rest in silence; eval scored it 0 as a model failure."""
    data = _examples(tmp_path / "typo", 6, target="nvida")
    for args in (
        ("train", "--model", "linear.v1", "--data", data, "--out", tmp_path / "m"),
        ("train", "--model", "linear.v1", "--data", data, "--dry-run"),
        ("eval", "--model", "lexicon.v1", "--data", data),
    ):
        result = _invoke(*args)
        assert result.exit_code == 1, args
        assert "'nvida' (6 example(s), the first 'e0')" in result.output, args
        assert "Traceback" not in result.output
    assert not (tmp_path / "m" / "model.skops").exists()


def test_a_dry_run_says_what_the_real_run_would_fail_on(tmp_path):
    few = _examples(tmp_path / "few", 3)
    real = _invoke("train", "--model", "linear.v1", "--data", few, "--out", tmp_path / "m")
    assert real.exit_code == 1 and "at least 5 labelled articles" in real.output
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.jsonl").write_text(json.dumps(GOOD, ensure_ascii=False), "utf-8")
    dry = _invoke("train", "--model", "linear.v1", "--data", one, "--dry-run")
    assert dry.exit_code == 1 and "bullish, bearish and neutral" in dry.output


def _commentary(folder: Path, pages: list[dict] | None, labels: list[dict] | None) -> Path:
    folder.mkdir()
    for name, rows in (("pages.jsonl", pages), ("labels.jsonl", labels)):
        if rows is not None:
            text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
            (folder / name).write_text(text, "utf-8")
    return folder


PAGE = {"id": "p1", "text": "英伟达\n2025-02-02\n英伟达的需求依然旺盛，我看好它。"}


@pytest.mark.parametrize(
    "pages, labels, says",
    [
        (None, [{"id": "p1"}], "holds labels.jsonl but no pages.jsonl"),
        ([PAGE], None, "holds pages.jsonl but no labels.jsonl"),
        ([PAGE], [{"id": "p2", "stance_nvidia": "bullish"}], "no page 'p2'"),
        ([PAGE], [{"id": "p1", "stance_nvidia": "positive"}], "stance_nvidia is 'positive'"),
        ([PAGE], [{"id": "p1", "stance_amd": "bullish"}], "stance_amd names a target"),
        ([{"id": "p1"}], [{"id": "p1"}], "page 'p1' has no text"),
    ],
)
def test_a_folder_of_real_pages_that_cannot_be_measured_says_why(tmp_path, pages, labels, says):
    folder = _commentary(tmp_path / "c", pages, labels)
    result = _invoke("eval", "--model", "lexicon.v1", "--data", folder)
    assert result.exit_code == 1 and says in result.output and "Traceback" not in result.output


def test_a_gold_file_not_in_utf8_and_an_unknown_model_are_one_line(tmp_path):
    gbk = tmp_path / "gbk"
    gbk.mkdir()
    (gbk / "a.jsonl").write_bytes(json.dumps(GOOD, ensure_ascii=False).encode("gbk"))
    result = _invoke("eval", "--model", "lexicon.v1", "--data", gbk)
    assert result.exit_code == 1 and "cannot be read as UTF-8" in result.output
    result = _invoke("eval", "--model", "bogus", "--data", gbk)
    assert result.exit_code == 1 and "unknown stance model 'bogus'" in result.output


def test_options_of_the_transformer_given_to_another_model_are_refused():
    """--lr and --epochs were taken by linear.v1 and ignored: the user believed them used."""
    for args in (("--lr", "1e-4"), ("--epochs", "0"), ("--lr", "1e-4", "--epochs", "2")):
        result = _invoke("train", "--model", "linear.v1", *args, "--dry-run")
        assert result.exit_code == 2 and "to transformer.v1 only" in result.output, args


def test_the_claim_filter_without_gold_predictions_says_so_in_a_dry_run_too(tmp_path):
    """The dry run said yes; the real run failed after reading every example, in
    scikit-learn's words ('needs samples of at least 2 classes')."""
    data = _examples(tmp_path / "none", 6)
    for extra in (["--dry-run"], ["--out", str(tmp_path / "m")]):
        result = _invoke("train", "--model", "claims.v3", "--data", data, *extra)
        assert result.exit_code == 1 and "none of the 6 given has any" in result.output, extra
