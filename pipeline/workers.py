"""Processes a run starts (analysis workers, the embedded Prefect API) end with the run.

A run killed with SIGKILL (the OOM killer, `kill -9`, a scheduler's timeout) cannot stop its
children: they were re-parented to init and kept running, about 1 GB each time (two workers of
400 MB, the API server, multiprocessing's resource tracker), until someone ended them by PID.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # linux/prctl.h
# How often a worker checks that the run that started it is still there.
PARENT_POLL_S = 2.0

_libc: ctypes.CDLL | None = None


def prepare_die_with_parent() -> None:
    """Loads libc in the parent, so that die_with_parent does no loading between fork and
    exec."""
    global _libc
    if sys.platform.startswith("linux") and _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)


def die_with_parent() -> None:
    """For Popen's preexec_fn (Linux): the kernel sends the child SIGTERM when the thread that
    started it dies, whatever killed it; the setting survives exec."""
    if _libc is not None:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def exit_with_parent(run_pid: int | None = None, poll_s: float = PARENT_POLL_S) -> None:
    """In a worker process (a pool's initializer, with initargs=(os.getpid(),) in the run): a
    daemon thread that ends the process once the run that started it is gone (re-parented:
    getppid is no longer the run's pid). Given the run's pid, a worker still starting when the
    run was killed sees it gone at once; it would otherwise take init for its parent. Portable,
    and safe whichever thread started the worker, which PR_SET_PDEATHSIG is not."""
    parent = run_pid or os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def end_workers(executor: object) -> None:
    """Ends a process pool's workers at once, for a run that stops (Ctrl-C, SIGTERM): their
    batches in flight would never be written, as the writer has stopped, and shutting the
    pool down waits for them, which held the terminal for up to a batch's time (66 s with
    batches of 500 pages). Workers hold no database connection (the run writes), so nothing
    is left half-written; the spill folder they write into is removed after the pool."""
    processes = getattr(executor, "_processes", None) or {}  # ProcessPoolExecutor's workers
    for process in list(processes.values()):
        process.terminate()


@contextlib.contextmanager
def stoppable_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of analysis workers for a run without Prefect, that ends them when the run is
    interrupted (end_workers says why) and they end with the run if it is killed. Spawned,
    as Prefect's ProcessPoolTaskRunner starts its workers: a forked worker inherits the state
    of every thread the run has, and an OpenMP pool or a lock held at the fork (torch's pool,
    which the sentence encoder's engine binds to once torch has run) hung one for good on its
    first page."""
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        yield pool
    except BaseException as exc:
        if not isinstance(exc, Exception):  # Ctrl-C, a termination signal
            end_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True)
