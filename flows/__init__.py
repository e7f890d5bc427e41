"""Environment for Prefect's embedded (ephemeral) API, set when flows/ is imported, which is
before Prefect is: its settings are read at import time.

Why: on a loaded 2-core machine the ephemeral server needs more than the default 20 s to start,
and the analytics telemetry causes recurring "database is locked" errors. `duokong run` shows
warnings only (Dask's chatter included); `duokong serve` raises Prefect's level to INFO, so that
the per-batch lines of a served run reach its log in the UI (flows/serve.py).
"""

from __future__ import annotations

import os

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "warning",
    "PREFECT_UI_ENABLED": "false",
}


def configure() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


configure()
