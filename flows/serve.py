"""`duokong serve`: the batch flow served on a cron schedule.

Prefect's ephemeral API cannot schedule, so when no PREFECT_API_URL is configured, serve starts a
local Prefect server on 127.0.0.1 for as long as it runs (a user with a Prefect server just sets
PREFECT_API_URL, and the same deployment registers there).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from hashlib import sha256
from pathlib import Path

import httpx

from flows import DEFAULTS

log = logging.getLogger(__name__)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def local_prefect_server(timeout: float = 180.0) -> Iterator[str]:
    """A Prefect server on 127.0.0.1 for the duration of the block; yields its API URL."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    "the local Prefect server exited at start; run `prefect server start` to see why"
                )
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the local Prefect server did not answer on {url} within {timeout:.0f} s"
                )
            time.sleep(1)
        os.environ["PREFECT_API_URL"] = url  # for the processes a run starts
        log.warning("started a local Prefect server at %s", url.removesuffix("/api"))
        # and for this one: Prefect read its settings at import, so the runner still saw no
        # API URL, called the API ephemeral, and started a temporary server of its own beside
        # this one (220 MB, and advice to run `prefect server start`)
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def serve_options(
    cron: str,
    inputs: list[str] | None,
    db: str | None,
    workers: int | None = None,
    dask: str | None = None,
) -> dict:
    """How the batch flow is served: its deployment's name, cron schedule and parameters. The
    flow writes the report after every run. Apart from serve_batch so that a test can hand the
    same deployment to a Runner and execute one scheduled run (run_once).

    Paths are made absolute and the deployment is named after the database: two serves on one
    machine share Prefect's store, and under one name the last to start set the parameters of
    both (a serve of database A wrote B's inputs into B), and a serve started later ran runs
    left scheduled by an earlier one, against that one's database, relative to its own folder."""
    from pipeline.settings import load_settings

    db_path = Path(load_settings().with_overrides(db=db).db_path()).absolute()
    inputs = None if inputs is None else [_absolute(i) for i in inputs]
    return {
        "name": f"duokong-batch-scheduled-{sha256(str(db_path).encode()).hexdigest()[:10]}",
        "cron": cron,
        "parameters": {
            "inputs": inputs,
            "db": str(db_path),
            "workers": workers,
            "dask": dask,
            "skip_if_busy": True,  # a run falling due while the last is going: one line
        },
        "description": "duokong ingest of new and changed pages on a schedule; the report is "
        "written after each batch.",
    }


def _absolute(item: str) -> str:
    """A path as an absolute one; a URL as it is."""
    return item if "://" in item else str(Path(item).absolute())


def serve_batch(
    cron: str,
    inputs: list[str] | None,
    db: str | None,
    workers: int | None = None,
    dask: str | None = None,
) -> None:
    if os.environ.get("PREFECT_LOGGING_LEVEL") == DEFAULTS["PREFECT_LOGGING_LEVEL"]:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"  # our quiet default is for one-off runs
    with local_prefect_server():
        from flows.batch import batch_flow

        batch_flow.serve(**serve_options(cron, inputs, db, workers, dask))
