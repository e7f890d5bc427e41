"""How the writer's rows reach DuckDB: Arrow tables registered for one statement (about a
hundred times faster than executemany), and the SQL that ties a stored source to its input.
One place for the modules that write (load.py, rejects.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pyarrow as pa


def unregister(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Drop the batch's registered tables; after a failed statement DuckDB refuses even this
    until the rollback, and that refusal must not hide the error that caused it."""
    for name in names:
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """The table readable as `name` by the statements inside, and dropped after them even when
    one fails."""
    con.register(name, table)
    try:
        yield
    finally:
        unregister(con, name)


def rows_with(
    con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list], sql: str
) -> list[tuple]:
    """The rows of sql, which reads the columns given as table `name` (none when the columns
    are empty)."""
    if not next(iter(columns.values()), None):
        return []
    with registered(con, name, pa.table(columns)):
        return con.execute(sql).fetchall()


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], conflict: str
) -> None:
    if not rows:
        return
    data = pa.Table.from_pylist(rows)
    cols = ", ".join(data.column_names)
    with registered(con, "_batch", data):
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch {conflict}")


def of_input(source: str, input_: str) -> str:
    """SQL: the page or reject `source` comes from the input `input_`: it is that file or URL,
    or a record in it (path#3, path#item0). Not split at the first #: a name may hold one."""
    return f"({source} = {input_} OR starts_with({source}, {input_} || '#'))"
