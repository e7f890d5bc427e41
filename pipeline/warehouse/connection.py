"""Opening the database: one writer at a time, readers read-only."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipeline.errors import WarehouseError
from pipeline.warehouse.migrations import migrate


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection with the schema brought up to date."""
    path = Path(path)
    if path.is_dir():
        raise WarehouseError(f"database {path} is a folder; pass --db with a .duckdb file")
    if str(path) != ":memory:" and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(f"cannot create the folder for database {path}: {exc}") from None
    _refuse_read_only(path)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseError(
                f"database {path} is open in another process ({_first_line(exc)}); wait for "
                "that duokong run, sql or report to end, then run again"
            ) from None
        if _not_duckdb(exc):
            raise WarehouseError(
                f"{path} is not a DuckDB database; pass --db with a file `duokong run` made, "
                "or a new file name"
            ) from None
        raise WarehouseError(
            f"cannot open database {path} for writing ({_first_line(exc)}); check that the "
            "file and its folder are writable, or pass another --db"
        ) from None
    migrate(con)
    return con


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


def _not_duckdb(exc: Exception) -> bool:
    return "not a valid duckdb database" in str(exc).lower()


def connect_readonly(path: str | Path) -> duckdb.DuckDBPyConnection:
    path = require_database(path)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        if _not_duckdb(exc):
            raise WarehouseError(
                f"{path} is not a DuckDB database; pass --db with a file `duokong run` made"
            ) from None
        raise WarehouseError(
            f"cannot open database {path} ({exc}); is a run writing to it now?"
        ) from None
    return con
