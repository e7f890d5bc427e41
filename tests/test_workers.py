"""A run killed with SIGKILL leaves no processes behind."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from pipeline.workers import PARENT_POLL_S

PARENT = textwrap.dedent(
    """
    import os, subprocess, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from pipeline.workers import die_with_parent, exit_with_parent, prepare_die_with_parent

    prepare_die_with_parent()
    server = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)"], preexec_fn=die_with_parent
    )
    pool = ProcessPoolExecutor(1, initializer=exit_with_parent, initargs=(os.getpid(),))
    worker = pool.submit(os.getpid).result()
    print(server.pid, worker, flush=True)
    time.sleep(120)
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie of ours would count as alive; these are re-parented to init, which reaps them
    return True


def test_workers_and_the_api_server_end_when_the_run_is_killed():
    """They were re-parented to init and ran on, about 1 GB a killed run, until ended by PID."""
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    try:
        children = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(pid) for pid in children)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5 * PARENT_POLL_S + 10
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in children if _alive(pid)]
    finally:
        parent.kill()


SLOW_START = textwrap.dedent(
    """
    import multiprocessing as mp, os, time
    from concurrent.futures import ProcessPoolExecutor
    from pipeline.workers import exit_with_parent

    def slow_start(run_pid):
        time.sleep(3)  # a spawned worker's imports take seconds
        exit_with_parent(run_pid)

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(
            1, mp_context=mp.get_context("spawn"), initializer=slow_start, initargs=(os.getpid(),)
        )
        pool.submit(os.getpid)
        time.sleep(1)
        print(" ".join(str(p) for p in pool._processes), flush=True)
        time.sleep(120)
    """
)


def test_a_worker_still_starting_when_the_run_is_killed_ends_too(tmp_path):
    """It took init, its parent by then, for the run, and watched it for ever."""
    script = tmp_path / "run.py"
    script.write_text(SLOW_START, "utf-8")
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    parent = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 3 + 5 * PARENT_POLL_S + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert workers and not [pid for pid in workers if _alive(pid)]
    finally:
        parent.kill()


def test_a_run_without_prefect_interrupted_ends_its_workers_instead_of_waiting(tmp_path):
    """run_inputs' pool (scripts, benchmarks) waited on Ctrl-C for the batches in flight, which
    are never written, as Prefect's pool did: its workers are ended too now."""
    import pytest

    from pipeline.workers import stoppable_pool
    from tests.test_flow import _slow_batch

    started, done = tmp_path / "started", tmp_path / "done"
    with pytest.raises(KeyboardInterrupt), stoppable_pool(1) as pool:
        pool.submit(_slow_batch, str(started), str(done))
        while not started.exists():
            time.sleep(0.1)
        raise KeyboardInterrupt
    assert not done.exists()
    assert not _alive(int(started.read_text()))  # the worker is gone, not left running
