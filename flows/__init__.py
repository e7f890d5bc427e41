"""Environment for Prefect's embedded (ephemeral) API, set when flows/ is imported, which is
before Prefect is: its settings are read at import time.

Why: on a loaded 2-core machine the ephemeral server needs more than the default 20 s to start,
and the analytics telemetry causes recurring "database is locked" errors. `duokong run` shows
warnings only (Dask's chatter included); `duokong serve` raises Prefect's level to INFO, so that
the per-batch lines of a served run reach its log in the UI (flows/serve.py).
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
from collections.abc import Iterator

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


@contextlib.contextmanager
def shared_ephemeral_api() -> Iterator[None]:
    """One embedded Prefect API for a run and its worker processes. Left to itself, each worker
    process of the ProcessPoolTaskRunner finds no PREFECT_API_URL and starts an API server of
    its own (about 225 MB and 15-20 s each here); started here and named in the environment the
    workers inherit, the parent's server serves them all. Prefect's own ephemeral client picks
    up this same server (SubprocessASGIServer is one instance per process). A configured
    PREFECT_API_URL (a running server) is used as it is."""
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from unittest import mock

    from prefect.server.api import server as prefect_server

    from pipeline.workers import die_with_parent, prepare_die_with_parent

    server = prefect_server.SubprocessASGIServer()
    # In a session of its own: a terminal's Ctrl-C goes to the whole foreground process group,
    # and the server stopping on it left the interrupted run retrying a dead API for minutes,
    # with hundreds of lines of tracebacks. Stopped by us at exit (start() registers that).
    # It ends with the run, even one killed by SIGKILL (pipeline/workers.py).
    prepare_die_with_parent()
    detached = functools.partial(
        subprocess.Popen, start_new_session=True, preexec_fn=die_with_parent
    )
    with mock.patch.object(prefect_server.subprocess, "Popen", detached):
        server.start(timeout=int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        # The server stops at exit (start() registered that), after Prefect's log handler has
        # sent its last lines to it: stopped here, a run ended by a signal lost them.
        os.environ.pop("PREFECT_API_URL", None)
