"""What a run needs, checked before it starts: a setting that every page would trip on is one
line for the user, not a flow that fails with three tracebacks after creating the database and
recording a failed run (or, under `duokong serve`, one such failure every scheduled run)."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.errors import ConfigError, UnknownModelError
from pipeline.settings import Settings

log = logging.getLogger(__name__)

# How long a Dask scheduler has to answer before the run is refused.
DASK_CONNECT_S = 5.0
# The stance backends that read a trained model from models_dir, and its file there.
TRAINED_STANCE_FILES = {"linear.v1": "model.skops", "linear.v2": "model.skops"}


def check_run_settings(settings: Settings, dask: str | None = None) -> None:
    """Raise ConfigError, UnknownModelError or InputError-like errors naming the setting and
    what to do, for the catalogue, the lexicons, the dictionary, the models and the Dask
    scheduler a run would use."""
    from pipeline.extract.cleaning import Boilerplate
    from pipeline.nlp import require_userdict
    from pipeline.prediction_cues import PredictionCues
    from pipeline.stance import registry
    from pipeline.stance.cues import CueLexicon
    from pipeline.stance.voice import VoiceMarkers
    from pipeline.targets import Catalogue

    if str(settings.db) == ":memory:":
        raise ConfigError(
            "a run writes a database file, and :memory: keeps nothing once it ends; pass --db "
            "with a file name (data/duokong.duckdb)"
        )
    catalogue = Catalogue.load(settings.path("targets_file"))
    registry.check(settings.model)
    Boilerplate.load(settings.path("boilerplate_patterns"))
    CueLexicon.load(settings.path("stance_cues"), catalogue)
    VoiceMarkers.load(settings.path("stance_cues"))
    PredictionCues.load(settings.path("prediction_cues"))
    require_userdict(settings.path("userdict"))
    _check_model_files(settings)
    if dask and dask != "local":
        check_dask_address(dask)
    elif settings.workers > (cores := os.cpu_count() or 1):
        # each worker loads its own models (about 450 MB); 8 on 2 cores took twice as long
        log.warning(
            "%d workers on %d cores: each loads its own models (about 450 MB) and they share the "
            "cores; workers = 0 takes one per core",
            settings.workers,
            cores,
        )


def _check_model_files(settings: Settings) -> None:
    wanted = []
    if settings.model in TRAINED_STANCE_FILES:
        wanted.append((settings.model, TRAINED_STANCE_FILES[settings.model], "model"))
    if settings.claim_model:
        wanted.append((settings.claim_model, "model.skops", "claim_model"))
    if settings.model == "transformer.v1":
        from pipeline.stance.transformer import is_trained

        folder = settings.model_dir(settings.model)
        if not is_trained(folder):
            raise UnknownModelError(
                f"transformer.v1 (setting `model`) has no trained model in {folder}; train one: "
                "duokong train --model transformer.v1 --base /path/to/local/encoder"
            )
    for name, filename, key in wanted:
        path = settings.model_dir(name) / filename
        if not path.is_file():
            raise UnknownModelError(
                f"{name} (setting `{key}`) has no model at {path}; check models_dir "
                f"(DUOKONG_MODELS_DIR, now {settings.path('models_dir')}) or train it: "
                f"duokong train --model {name}"
            )


def check_dask_address(address: str) -> None:
    """A scheduler address that is none (not an address) or where nothing answers: the flow
    waited 47 s and ended in four tracebacks."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or not port or parts.scheme not in ("tcp", "tls", "ws", "wss"):
        raise ConfigError(
            f"--dask {address!r} is not a Dask scheduler address; give tcp://HOST:PORT "
            "(e.g. tcp://127.0.0.1:8786) or local"
        )
    try:
        socket.create_connection((host, port), timeout=DASK_CONNECT_S).close()
    except OSError as exc:
        raise ConfigError(
            f"no Dask scheduler answers at {address} ({exc}); start one (dask scheduler) "
            "or run with --dask local"
        ) from None


def check_database_file(path: Path) -> None:
    """The database a served flow will write: a folder, or a file that is no DuckDB database,
    failed every scheduled run with a traceback in the log. (Not opened: a run may hold it.)"""
    from pipeline.errors import WarehouseError
    from pipeline.warehouse.connection import duckdb_file

    if path.is_dir():
        raise WarehouseError(f"database {path} is a folder; pass --db with a .duckdb file")
    if path.is_file() and path.stat().st_size > 0 and not duckdb_file(path):
        raise WarehouseError(
            f"{path} is not a DuckDB database; pass --db with a file `duokong run` made, or a "
            "new file name"
        )
