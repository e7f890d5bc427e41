"""A model save that fails leaves the model that was there whole (pipeline/staging.py)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import modelio, staging
from pipeline.cli import main
from pipeline.errors import SaveError


def _old_model(folder: Path) -> dict[str, bytes]:
    modelio.save({"weights": [1.0, 2.0]}, folder, "linear.v1", {"examples": 1675})
    (folder / "README.md").write_text("# the model card people read\n", "utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_card_that_cannot_be_replaced_leaves_the_old_model_whole(tmp_path, monkeypatch):
    """The artifact was written first and the card after it: a card that could not be written
    (a full disk, an immutable file) left the new artifact under the old card, which loaded
    without complaint and described another model."""
    before = _old_model(tmp_path / "m")
    real_replace = os.replace

    def full_disk_at_the_card(src, dst):
        if Path(dst).name == "duokong.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(staging.os, "replace", full_disk_at_the_card)
    with pytest.raises(SaveError, match="as it was before"):
        modelio.save({"weights": [9.0]}, tmp_path / "m", "linear.v1", {"examples": 9})
    assert _files(tmp_path / "m") == before  # no staging folder left either
    assert modelio.load(tmp_path / "m", "linear.v1") == {"weights": [1.0, 2.0]}


def test_a_save_that_fails_while_writing_touches_nothing(tmp_path, monkeypatch):
    before = _old_model(tmp_path / "m")

    def broken_dump(obj, file, **kwargs):
        Path(file).write_bytes(b"half a mod")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(modelio._skops_io(), "dump", broken_dump)
    with pytest.raises(OSError):
        modelio.save({"weights": [9.0]}, tmp_path / "m", "linear.v1", {"examples": 9})
    assert _files(tmp_path / "m") == before


def test_a_save_replaces_the_model_and_keeps_its_readme(tmp_path):
    _old_model(tmp_path / "m")
    modelio.save({"weights": [9.0]}, tmp_path / "m", "linear.v1", {"examples": 9})
    assert sorted(_files(tmp_path / "m")) == ["README.md", "duokong.json", "model.skops"]
    assert modelio.load(tmp_path / "m", "linear.v1") == {"weights": [9.0]}
    assert json.loads((tmp_path / "m" / "duokong.json").read_text("utf-8"))["examples"] == 9


def test_train_into_a_path_under_a_file_says_so_before_training(tmp_path):
    """It trained for minutes (about 9 for the default model) and then printed a traceback."""
    (tmp_path / "afile").write_text("x", "utf-8")
    result = CliRunner().invoke(
        main, ["train", "--model", "linear.v1", "--out", str(tmp_path / "afile" / "sub")]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot write a model into" in result.output and "give --out" in result.output
    assert "fitting" not in result.output and "cross-validating" not in result.output


def test_export_encoder_refuses_a_folder_holding_a_fine_tuned_model(tmp_path):
    """It replaced the fine-tuned weights with the plain encoder's and kept the old card."""
    pytest.importorskip("torch")
    folder = tmp_path / "tuned"
    folder.mkdir()
    (folder / "duokong.json").write_text('{"name": "transformer.v1"}', "utf-8")
    (folder / "model.safetensors").write_bytes(b"fine-tuned weights")
    result = CliRunner().invoke(main, ["export-encoder", str(folder)])
    assert result.exit_code == 1 and "holds a fine-tuned model" in result.output
    assert (folder / "model.safetensors").read_bytes() == b"fine-tuned weights"
