"""What makes a run incremental: the hash of an input's raw bytes and the pipeline's version.

An input is skipped when its bytes hash as they did when it was last processed *and* the
pipeline that processed it is the one running now. The version is a fingerprint of everything
that shapes a page's rows: the package version, the stance and claim models (name and
artifact), the code of the processing modules, the lexicon files and the limits that decide what
is rejected. Changing any of them reprocesses every input on the next run, without anyone having
to remember `--full`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline import __version__
from pipeline.settings import Settings

PACKAGE = Path(__file__).resolve().parent
# Modules that do not change what a page becomes: editing them reprocesses nothing.
NOT_PROCESSING = {
    "cli.py",
    "report.py",
    "browser.py",
    "evaluate.py",
    "lock.py",
    "incremental.py",
    "batch.py",
    "ingest.py",
    "fetch.py",
    "settings.py",
    "errors.py",
}
LEXICONS = ("targets_file", "userdict", "stance_cues", "prediction_cues", "boilerplate_patterns")


@dataclass(frozen=True)
class Known:
    """What the warehouse remembers of an input: its hash when last processed, and its pages."""

    raw_hash: str
    pages: int


@dataclass(frozen=True)
class SeenInput:
    """An input a batch processed, for the warehouse to skip next time if it is unchanged."""

    input: str
    raw_hash: str
    pages: int
    rejected: int


def file_digest(path: Path) -> str | None:
    """sha256 of a file's bytes on disk, read in blocks; None when it cannot be read (it is
    then processed, and refused with the reason, and tried again next run)."""
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _file_hash(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


@cache
def _code_hash() -> str:
    h = hashlib.sha256()
    for f in sorted(PACKAGE.rglob("*.py")):
        rel = f.relative_to(PACKAGE)
        if rel.parts[0] == "warehouse" or rel.name in NOT_PROCESSING:
            continue
        h.update(str(rel).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _artifact_files(model_dir: Path | None) -> list[Path]:
    """Every file of a model's folder that its loader reads; the model card (*.md) is prose."""
    if model_dir is None or not model_dir.is_dir():
        return []
    return sorted(f for f in model_dir.iterdir() if f.is_file() and f.suffix != ".md")


def pipeline_version(settings: Settings) -> str:
    """A short, readable fingerprint: `0.1.0+lexicon.v1+1a2b3c4d5e6f`."""
    h = hashlib.sha256(_code_hash().encode())
    for name in LEXICONS:
        path = settings.path(name)
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(absent)")
    h.update(f"{settings.min_body_chars}:{settings.max_page_bytes}".encode())
    # The trained artifacts themselves: retraining a model under the same name changes rows too,
    # and so does editing its settings file (the claim filter's threshold lives in duokong.json).
    for name in (settings.model, settings.claim_model):
        h.update(f"{name}\0".encode())
        for artifact in _artifact_files(settings.model_dir(name) if name else None):
            h.update(artifact.name.encode() + b"\0" + _file_hash(artifact).encode())
    return f"{__version__}+{settings.model}+{h.hexdigest()[:12]}"
