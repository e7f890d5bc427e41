"""Export every table to Parquet or CSV, one file per table, for engines beyond DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb

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
    out_dir.mkdir(parents=True, exist_ok=True)
    options = (
        "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
    )
    existing = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall()
    }
    written = []
    for table in [t for t in TABLES if t in existing] + sorted(existing - set(TABLES)):
        path = out_dir / f"{table}.{fmt}"
        target = path.as_posix().replace("'", "''")
        con.execute(f"COPY ({_exportable(con, table, fmt)}) TO '{target}' {options}")
        rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        written.append((table, path, rows))
    return written


def _exportable(con: duckdb.DuckDBPyConnection, table: str, fmt: str) -> str:
    """The table as a query. CSV has no lists: DuckDB would write evidence as [a, b], which no
    reader can split back when a sentence holds a comma, so lists and structs go out as JSON."""
    if fmt != "csv":
        return f"SELECT * FROM {table}"
    nested = [
        name
        for name, kind in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        if kind.endswith("]") or kind.startswith(("STRUCT", "MAP"))
    ]
    if not nested:
        return f"SELECT * FROM {table}"
    replaced = ", ".join(f'to_json("{n}") AS "{n}"' for n in nested)
    return f"SELECT * REPLACE ({replaced}) FROM {table}"
