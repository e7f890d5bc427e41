"""Export every table to Parquet or CSV, one file per table, for engines beyond DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.errors import WarehouseError

# Listed first, in this order (the main tables before the bookkeeping); any other base table a
# migration adds (prediction_outcome_history, meta…) follows in name order, so none is left out.
TABLES = (
    "articles",
    "pages",
    "stances",
    "predictions",
    "prediction_outcomes",
    "rejects",
    "runs",
    "seen_inputs",
    "schema_migrations",
    "hedge_probability",
)


def export_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str
) -> list[tuple[str, Path, int]]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(
            f"cannot export into {out_dir} ({exc.strerror or exc}); give a folder you can write"
        ) from None
    options = (
        "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    )
    existing = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema = 'main' AND table_catalog = current_database()"
        ).fetchall()
    }
    written: list[tuple[str, Path, int]] = []
    for table in [t for t in TABLES if t in existing] + sorted(existing - set(TABLES)):
        path = out_dir / f"{table}.{fmt}"
        target = path.as_posix().replace("'", "''")
        try:
            con.execute(f"COPY ({_exportable(con, table, fmt)}) TO '{target}' {options}")
        except duckdb.IOException as exc:
            done = ", ".join(t for t, _, _ in written) or "none"
            raise WarehouseError(
                f"cannot write {path} ({exc}); the tables written before it: {done}"
            ) from None
        rows = con.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()[0]
        written.append((table, path, rows))
    return written


def _quoted(name: str) -> str:
    """A table or column name as SQL reads it whatever it holds (a user's table "My Notes")."""
    return '"' + name.replace('"', '""') + '"'


def _exportable(con: duckdb.DuckDBPyConnection, table: str, fmt: str) -> str:
    """The table as a query. CSV has no lists: DuckDB would write evidence as [a, b], which no
    reader can split back when a sentence holds a comma, so lists and structs go out as JSON."""
    if fmt != "csv":
        return f"SELECT * FROM {_quoted(table)}"
    nested = [
        name
        for name, kind in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
            [table],
        ).fetchall()
        if kind.endswith("]") or kind.startswith(("STRUCT", "MAP"))
    ]
    if not nested:
        return f"SELECT * FROM {_quoted(table)}"
    replaced = ", ".join(f"to_json({_quoted(n)}) AS {_quoted(n)}" for n in nested)
    return f"SELECT * REPLACE ({replaced}) FROM {_quoted(table)}"
