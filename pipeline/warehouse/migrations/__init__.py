"""Named, ordered migrations (NNNN_name.sql), each applied once in its own transaction and
recorded in schema_migrations, so that opening an older database upgrades it."""

from __future__ import annotations

import logging
from importlib import resources

import duckdb

log = logging.getLogger(__name__)


def available() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file, in order."""
    out = []
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".sql"):
            version, _, name = entry.name.removesuffix(".sql").partition("_")
            out.append((int(version), name, entry.read_text("utf-8")))
    return sorted(out)


def applied(con: duckdb.DuckDBPyConnection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    done = applied(con)
    ran = []
    for version, name, sql in available():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        log.info("applied migration %04d_%s", version, name)
        ran.append(f"{version:04d}_{name}")
    return ran
