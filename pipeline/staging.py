"""Writing a model's files so that a save that fails leaves the model before it whole.

A model is several files (the artifact and its card duokong.json; a transformers folder's
weights, config and tokenizer). Written in place one after another, a save stopped between
them (a full disk, an interrupt, a file that cannot be replaced) left the new artifact beside
the old card, which loaded without complaint and described another model. Here the files are
written into a staging folder first, where such failures happen, and only then moved over the
old ones; if a move fails, the ones moved before are put back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import SaveError

STAGING_PREFIX = ".staged-"  # left behind only by a process killed mid-save; .gitignore'd
CARD = "duokong.json"  # moved last: a folder whose card is new holds a new model


def writable_folder(out_dir: Path) -> Path:
    """out_dir, created if need be, once it is known that files can be written in it: checked
    before training, which takes minutes, rather than at its end."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=STAGING_PREFIX)  # noqa: SIM115
        probe.close()
    except OSError as exc:
        raise SaveError(
            f"cannot write a model into {out_dir} ({exc.strerror or exc}); "
            "give --out a folder you can write"
        ) from None
    return out_dir


@contextlib.contextmanager
def staged_into(out_dir: Path) -> Iterator[Path]:
    """A folder to write a model's files into; when the block ends without an error they
    replace the ones of the same names in out_dir (files out_dir holds beside them, such as
    its README model card, stay), the card last. When it raises, out_dir is untouched."""
    writable_folder(out_dir)
    stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    try:
        yield stage
        _move_in(stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _move_in(stage: Path, out_dir: Path) -> None:
    names = sorted((p.name for p in stage.iterdir()), key=lambda n: (n == CARD, n))
    backup = stage / ".before"
    backup.mkdir()
    moved: list[str] = []
    try:
        for name in names:
            target = out_dir / name
            if target.exists():
                _keep(target, backup / name)
            os.replace(stage / name, target)
            moved.append(name)
    except OSError as exc:
        for name in reversed(moved):
            with contextlib.suppress(OSError):
                if (backup / name).exists():
                    os.replace(backup / name, out_dir / name)
                else:
                    (out_dir / name).unlink()
        raise SaveError(
            f"cannot replace {out_dir / name} ({exc.strerror or exc}); the model in {out_dir} "
            "is as it was before: make its files writable, or give --out another folder"
        ) from None


def _keep(path: Path, copy: Path) -> None:
    """A copy of a file about to be replaced: a hard link (the replace gives the name a new
    file; the old one lives on under the link), or a copy where links cannot be made."""
    try:
        os.link(path, copy)
    except OSError:
        shutil.copy2(path, copy)
