"""Opening the database: one writer at a time, readers read-only."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.errors import WarehouseError
from pipeline.warehouse.migrations import migrate


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection with the schema brought up to date."""
    path = Path(path)
    if str(path) != ":memory:" and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(f"cannot create the folder for database {path}: {exc}") from None
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        raise WarehouseError(
            f"cannot open database {path} for writing ({exc}); is another duokong run using it, "
            "or is the file read-only?"
        ) from None
    migrate(con)
    return con


def connect_readonly(path: str | Path) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not path.is_file():
        raise WarehouseError(
            f"database {path} does not exist; run `duokong run` first or pass --db"
        )
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseError(
            f"cannot open database {path} ({exc}); is a run writing to it now?"
        ) from None
    return con
