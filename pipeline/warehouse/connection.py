"""Opening the database: one writer at a time, readers read-only."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import duckdb

from pipeline.errors import WarehouseError
from pipeline.warehouse.migrations import available, migrate

log = logging.getLogger(__name__)


# How often a run waiting for another process to close the database tries again.
RETRY_S = 0.5


def connect(path: str | Path, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-write connection with the schema brought up to date. wait_s: how long to wait
    for another process holding the file (a `duokong sql` or `report` reading it: the run lock
    only keeps out other runs) before giving up."""
    path = Path(path)
    if path.is_dir():
        raise WarehouseError(f"database {path} is a folder; pass --db with a .duckdb file")
    if str(path) != ":memory:" and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(f"cannot create the folder for database {path}: {exc}") from None
    _refuse_read_only(path)
    _refuse_other_file(path)
    deadline = time.monotonic() + max(0.0, wait_s)
    announced = False
    while True:
        try:
            con = duckdb.connect(str(path))
            break
        except duckdb.IOException as exc:
            if not _lock_conflict(exc):
                raise _open_error(path, exc) from None
            if time.monotonic() >= deadline:
                raise WarehouseError(
                    f"database {path} is open in another process ({_holder(exc)}); wait for "
                    "that duokong run, sql or report to end, then run again, or pass "
                    "--wait SECONDS (setting lock_wait_s) to queue behind it"
                ) from None
            if not announced:
                log.warning(
                    "database %s is open in another process; waiting up to %.0f s", path, wait_s
                )
                announced = True
            time.sleep(RETRY_S)
    try:
        _refuse_foreign(con, path)
    except WarehouseError:
        con.close()
        raise
    migrate(con)
    return con


def _refuse_foreign(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """A database holding tables but not duokong's schema_migrations is someone else's: writing
    duokong's twenty tables and views into it (`predictions resolve` did) would mix them with
    its own, or fail on a table of one name. An empty file is a new warehouse. So is one a
    newer duokong made refused: its schema is one this version does not know."""
    tables = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = "
            "current_database() AND table_schema = 'main'"
        ).fetchall()
    }
    if tables and not duokongs(con):
        raise WarehouseError(
            f"{path} is a DuckDB database duokong did not make (it has no schema_migrations of "
            "duokong's); nothing was written to it: pass --db with a file `duokong run` made, or "
            "a new one"
        )
    if tables and (newer := _newer(con)):
        raise WarehouseError(
            f"database {path} was made by a newer duokong (schema {max(newer):04d}; this one "
            f"knows up to {max(v for v, _, _ in available()):04d}); nothing was written to it: "
            "upgrade duokong, or pass another --db"
        )


def duokongs(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database's schema_migrations is duokong's: its first migration recorded
    under duokong's name. Rails, dbmate and golang-migrate keep a table of that name too; taken
    for ours, `duokong sql` "upgraded" another tool's file by writing twenty tables into it."""
    first_version, first_name, _ = available()[0]
    try:
        row = con.execute(
            "SELECT name FROM schema_migrations WHERE version = ?", [first_version]
        ).fetchone()
    except duckdb.Error:  # no such table, or one without our columns
        return False
    return row is not None and row[0] == first_name


def _newer(con: duckdb.DuckDBPyConnection) -> set[int]:
    """The migrations the database records that this duokong does not have."""
    known = {v for v, _, _ in available()}
    return {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()} - known


def _lock_conflict(exc: Exception) -> bool:
    """DuckDB's words for a file another process holds (not "lock" anywhere: a path may hold
    the word, as …/blockchain/ does)."""
    return "Could not set lock" in str(exc) or "Conflicting lock" in str(exc)


def _holder(exc: Exception) -> str:
    """DuckDB's lock message without its hint to open the file read-only: a run writes."""
    return _first_line(exc).split(". However,")[0].removeprefix("IO Error: ")


def _open_error(path: Path, exc: duckdb.IOException) -> WarehouseError:
    if _not_duckdb(exc):
        return WarehouseError(
            f"{path} is not a DuckDB database; pass --db with a file `duokong run` made, "
            "or a new file name"
        )
    return WarehouseError(
        f"cannot open database {path} for writing ({_first_line(exc)}); check that the "
        "file and its folder are writable, or pass another --db"
    )


def _refuse_read_only(path: Path) -> None:
    """A database file without write permission is refused before DuckDB opens it. Checked
    by its mode bits too, because a root process could otherwise write a file its owner made
    read-only on purpose (an archive, a snapshot under review)."""
    if str(path) == ":memory:" or not path.exists():
        return
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        raise WarehouseError(
            f"database {path} is read-only; make it writable (chmod u+w {path}) "
            "or pass another --db"
        )


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def require_database(path: str | Path) -> Path:
    """path, when a database is there: commands that read or resolve must not create one."""
    path = Path(path)
    if path.is_dir():
        raise WarehouseError(f"database {path} is a folder; pass --db with a .duckdb file")
    if not path.is_file():
        raise WarehouseError(
            f"database {path} does not exist; run `duokong run` first or pass --db"
        )
    return path


def duckdb_file(path: Path) -> bool:
    """Whether path is a DuckDB database file (its header says DUCK at byte 8)."""
    try:
        with path.open("rb") as fh:
            return fh.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _not_duckdb(exc: Exception) -> bool:
    return "not a valid duckdb database" in str(exc).lower()


def connect_readonly(path: str | Path, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection (sql, report, predictions list…) to a database with the current
    schema: one an older duokong made is upgraded first, as any command that writes would, or
    the commands' queries fail on the columns it lacks. wait_s: how long to wait for a run
    writing to it (DuckDB lets no reader in meanwhile)."""
    path = require_database(path)
    con = _open_readonly(path, wait_s)
    if not _pending(con):
        return con
    con.close()
    try:
        connect(path).close()
    except WarehouseError as exc:
        raise WarehouseError(
            f"database {path} was made by an older duokong and must be upgraded before it is "
            f"read, which cannot happen now: {exc}"
        ) from None
    log.info("database %s upgraded to the current schema", path)
    return _open_readonly(path, wait_s)


def _pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether migrations are waiting: a database of this version, or a newer one, has none,
    and one that duokong did not make (no schema_migrations) is only read, never written."""
    if not duokongs(con):
        return False
    done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    return any(version not in done for version, _, _ in available())


# Where a DuckDB file says what it is: bytes 8 to 12 of its first block.
DUCKDB_MAGIC = (slice(8, 12), b"DUCK")


def _refuse_other_file(path: Path) -> None:
    """A file that is no DuckDB database (a CSV, a Parquet file) passed as --db: DuckDB opened a
    CSV as an empty in-memory database, and the user read that it was damaged or foreign."""
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        return  # none yet (it will be made), or unreadable: connecting says which
    where, magic = DUCKDB_MAGIC
    if head and head[where] != magic:  # an empty file is none yet; a DuckDB file is never short
        raise WarehouseError(
            f"{path} is not a DuckDB database (a {path.suffix or 'plain'} file); pass --db with "
            "a file `duokong run` made. To query a CSV or Parquet file, open it in Python: "
            f"duckdb.sql(\"select * from '{path}'\")"
        )


def _open_readonly(path: Path, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    _refuse_other_file(path)
    deadline = time.monotonic() + max(0.0, wait_s)
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            locked = _lock_conflict(exc)
            if not locked or time.monotonic() >= deadline:
                raise _readonly_error(path, exc, locked, wait_s) from None
            time.sleep(RETRY_S)


def _readonly_error(path: Path, exc: Exception, locked: bool, wait_s: float) -> WarehouseError:
    if _not_duckdb(exc):
        return WarehouseError(
            f"{path} is not a DuckDB database; pass --db with a file `duokong run` made"
        )
    if locked:
        waited = f"after waiting {wait_s:g} s" if wait_s else "at once"
        return WarehouseError(
            f"cannot open database {path} {waited}: a run is writing to it ({exc}); wait for "
            "it with --wait SECONDS (or the setting lock_wait_s), or read the report the "
            "last run wrote"
        )
    # cut short (Could not read enough bytes), a checksum that does not match: damage, not
    # another process, which the hint about a run writing had suggested
    return WarehouseError(
        f"cannot open database {path} ({exc}); the file looks damaged: restore it from a "
        "copy, or run into a new --db"
    )


def require_duokong(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Refuse a DuckDB file duokong did not make, for commands that read its tables (report,
    export, predictions): each failed on the first missing table with a traceback."""
    if not duokongs(con):
        raise WarehouseError(
            f"{path} is a DuckDB database duokong did not make (it has no schema_migrations of "
            "duokong's); pass --db with a file `duokong run` made (duokong sql reads any)"
        )
