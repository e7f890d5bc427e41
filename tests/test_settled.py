"""Which earlier rejects a completed run drops (pipeline/settled.py), without a run."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from pipeline import settled
from pipeline.input_files import Input
from pipeline.settled import SettledRejects


def test_what_is_gone_mended_or_refused_afresh_is_over_and_the_rest_holds(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    kept = root / "kept.txt"
    kept.write_text("x", "utf-8")
    (root / "locked").mkdir()
    found = [Input(kept, "text"), Input(root / "list.urls", "urls")]
    over = SettledRejects([root], found)
    gone = str(root / "deleted.txt")
    assert over(gone, "no-body") and over(gone + "#3", "no-body")  # a record of a deleted file
    assert over(str(root / "list.urls"), "empty-url-list")  # refused afresh, or mended
    assert over(str(root / "sub"), "unreadable-folder")  # listed now: mended
    assert not over(str(kept), "no-body")  # read again (or skipped unchanged): its own
    assert not over(str(root / ".hidden" / "a.txt"), "no-body")  # passed over by the walk
    assert not over(str(root / "README.pdf"), "unsupported-type")
    assert not over(str(tmp_path / "elsewhere.txt"), "no-body")  # under no root

    real_lstat = os.lstat

    def no_entry(path, *args, **kwargs):
        if os.fsdecode(path).startswith(str(root / "locked")):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(settled.os, "lstat", no_entry)
    assert not over(str(root / "locked" / "a.txt"), "no-body")  # cannot be looked at: kept


def test_a_hidden_folder_given_as_its_own_root_is_in_view(tmp_path):
    root = tmp_path / ".drafts"
    root.mkdir()
    assert SettledRejects([root], [])(str(root / "gone.txt"), "no-body")
    assert SettledRejects([Path("/")], [])(str(tmp_path / "gone.txt"), "no-body")
