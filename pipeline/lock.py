"""One writing run per database: an exclusive flock on `<db>.lock`.

Why a file lock and not only DuckDB's own: DuckDB refuses a second writer at once, mid-run, with
an error that does not say who holds the file; a flock lets a second run wait its turn or give
up before it starts, with one line naming the holder. The kernel drops a flock when its holder
dies, however it dies (SIGKILL included), so no stale lock is ever left to clean by hand. The
lock file itself stays in place: deleting it would let two runs lock two different files.

The lock is re-entrant within one thread (the CLI takes it before the flow starts, so that a
refusal is one clear line instead of a failed flow run; the flow, in the same thread, takes it
again) and exclusive between threads and processes.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import WarehouseError
from pipeline.records import utcnow

log = logging.getLogger(__name__)
POLL_S = 0.2


class RunLocked(WarehouseError):
    """Another run holds the database; the message names it and says what to do."""


@dataclass
class _Held:
    fd: int
    thread: int
    depth: int = 1


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def lock_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".lock")


def holder(path: str | Path) -> str:
    """Who holds the lock, as its holder wrote it: "since <time> (pid N on host)"."""
    try:
        pid, since, host = Path(path).read_text("utf-8").split()[:3]
    except (OSError, ValueError):
        return "(holder unknown)"
    return f"since {since} (pid {pid} on {host})"


def _open(path: Path) -> int:
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(
                f"cannot create the folder {path.parent} for the database: {exc}; "
                "create it or pass another --db"
            ) from None
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WarehouseError(
            f"cannot create the run lock {path}: {exc}; the database's folder must be writable"
        ) from None


@contextlib.contextmanager
def run_lock(db: str | Path, wait_s: float = 0.0) -> Iterator[Path]:
    """Hold the database's run lock for the block, waiting up to wait_s seconds for another
    run to finish; RunLocked when it does not. `:memory:` databases need no lock."""
    if str(db) == ":memory:":
        yield Path(":memory:")
        return
    if Path(db).expanduser().is_dir():  # before a stray lock file is made beside the folder
        raise WarehouseError(f"database {db} is a folder; pass --db with a .duckdb file")
    # the database's own path, links followed: a run through a symlink took another lock
    path = lock_path(Path(db).expanduser().resolve())
    key, me = str(path), threading.get_ident()
    with _guard:
        held = _held.get(key)
        if held is not None and held.thread == me:
            held.depth += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            _release(key)
        return
    fd = _acquire(path, wait_s)
    with _guard:
        _held[key] = _Held(fd, me)
    try:
        yield path
    finally:
        _release(key)


def _acquire(path: Path, wait_s: float) -> int:
    fd = _open(path)
    deadline = time.monotonic() + max(0.0, wait_s)
    announced = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                who = holder(path)
                os.close(fd)
                waited = f" after waiting {wait_s:g} s" if wait_s > 0 else ""
                raise RunLocked(
                    f"another duokong run holds {path} {who}{waited}; wait for it to finish, "
                    "or pass --wait SECONDS (setting lock_wait_s) to queue behind it"
                ) from None
            if not announced:
                log.warning(
                    "waiting up to %g s for the run holding %s %s", wait_s, path, holder(path)
                )
                announced = True
            time.sleep(POLL_S)
    stamp = f"{os.getpid()} {utcnow().isoformat(timespec='seconds')} {socket.gethostname()}\n"
    os.ftruncate(fd, 0)
    os.pwrite(fd, stamp.encode(), 0)
    return fd


def _release(key: str) -> None:
    with _guard:
        held = _held[key]
        held.depth -= 1
        if held.depth:
            return
        del _held[key]
    # Closing the descriptor drops the flock; the file stays (see the module docstring).
    os.close(held.fd)
