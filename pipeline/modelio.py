"""Saving and loading scikit-learn models with skops, never pickle.

Loading checks every type the file would instantiate: scikit-learn's, numpy's and scipy's own
are trusted; anything else (a file from elsewhere that could run code on load) is refused with
the list of types, unless the caller names them as trusted.
"""

from __future__ import annotations

import importlib.abc
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from pipeline.errors import UnknownModelError
from pipeline.staging import staged_into


class _NoTorch(importlib.abc.MetaPathFinder):
    """Refuses `torch` while skops.io is first imported.

    skops builds its list of trusted types from sklearn's `all_estimators()`, which walks every
    sklearn package, and the walk imports sklearn's vendored array-API shim for torch, which
    imports torch: 200 MB and a second and a half in every worker process, for a model that
    never touches torch. The walk ignores ImportErrors, so refusing torch for that moment only
    skips the shim. Once skops is loaded, torch imports normally (transformer.v1 uses it).
    """

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "torch" or name.startswith("torch."):
            raise ImportError(f"{name} is not needed to load a scikit-learn model")
        return None


def _skops_io():  # -> module skops.io
    if "skops.io" in sys.modules or "torch" in sys.modules:
        import skops.io

        return skops.io
    blocker = _NoTorch()
    sys.meta_path.insert(0, blocker)
    try:
        import skops.io
    finally:
        sys.meta_path.remove(blocker)
    return skops.io


ARTIFACT = "model.skops"
META = "duokong.json"
TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.")


def save(estimator: Any, out_dir: Path, name: str, meta: dict[str, Any]) -> None:
    """The artifact and its card, replacing the ones in out_dir only once both are written
    (pipeline/staging.py: a save that failed between them left a new model under an old card)."""
    sio = _skops_io()

    with staged_into(out_dir) as stage:
        sio.dump(estimator, stage / ARTIFACT, compression=zipfile.ZIP_DEFLATED)
        (stage / META).write_text(json.dumps({"name": name, **meta}, ensure_ascii=False, indent=2))


def load(model_dir: Path, name: str, trusted: list[str] | None = None) -> Any:
    sio = _skops_io()

    path = model_dir / ARTIFACT
    if not path.is_file():
        raise UnknownModelError(
            f"{name} has no trained model in {model_dir}; train one: duokong train --model {name}"
        )
    try:
        untrusted = sio.get_untrusted_types(file=path)
        allowed = set(trusted or [])
        refused = [t for t in untrusted if not t.startswith(TRUSTED_PREFIXES) and t not in allowed]
        if refused:
            raise UnknownModelError(
                f"{path} holds types outside scikit-learn/numpy/scipy: {', '.join(refused)}; "
                "it may run code on load. Retrain it with duokong train, or list the types you "
                "trust."
            )
        return sio.load(path, trusted=untrusted)
    except UnknownModelError:
        raise
    except Exception as exc:  # a file cut short or overwritten: zip, JSON and type errors alike
        # The run's configuration, not a page: each page was refused as an internal error and
        # then skipped as unchanged on the next run, the model still broken.
        raise UnknownModelError(
            f"{path} cannot be read as a model ({type(exc).__name__}: {exc}); train it again "
            f"(duokong train --model {name}) or restore the file"
        ) from None


def meta(model_dir: Path) -> dict[str, Any]:
    path = model_dir / META
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}
