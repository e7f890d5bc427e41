"""A run's row in the `runs` table: opened when a run starts, its counts written after each
batch, closed with its status; runs that died without closing are marked interrupted."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, fields

import duckdb

from pipeline.records import utcnow


@dataclass
class WriteCounts:
    """Pages written (articles: new + updated + unchanged + repeated), refused, and skipped
    before reading because their input was unchanged since it was last processed; seen: all of
    them. Repeated: a new page whose text another page already gives (a repost, a renamed or
    copied file, a second copy in the batch), which adds no article, or another copy of a page
    read twice (two crawls of a URL), of which the newest is kept."""

    seen: int = 0
    articles: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0
    rejected: int = 0
    skipped: int = 0

    def add(self, other: WriteCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def start_run(
    con: duckdb.DuckDBPyConnection,
    inputs: list[str],
    parameters: dict,
    model: str,
    version: str | None = None,
    full: bool = False,
) -> str:
    run_id = uuid.uuid4().hex
    con.execute(
        "INSERT INTO runs (id, started, status, inputs, parameters, model, version, full_run) "
        "VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
        [
            run_id,
            utcnow(),
            inputs,
            json.dumps(parameters, ensure_ascii=False, default=str),
            model,
            version,
            full,
        ],
    )
    return run_id


def close_interrupted_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Mark runs still 'running' as 'interrupted'. Call it holding the run lock: then no run is
    writing, and such a run died without recording its end (killed, out of memory, power
    cut); its committed batches stay, and the next run redoes the rest."""
    row = con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'").fetchone()
    return int(row[0]) if row else 0


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str | None,
    seen: int,
    counts: WriteCounts,
    seconds: float | None = None,
) -> None:
    """The run's end, or with status None its counts so far (after each batch): a run killed
    midway then shows what it wrote, not zeros."""
    con.execute(
        "UPDATE runs SET finished = ?, status = coalesce(?, status), seen = ?, articles = ?, "
        "new = ?, updated = ?, unchanged = ?, repeated = ?, rejected = ?, skipped = ?, "
        "seconds = ? WHERE id = ?",
        [
            utcnow() if status else None,
            status,
            seen,
            counts.articles,
            counts.new,
            counts.updated,
            counts.unchanged,
            counts.repeated,
            counts.rejected,
            counts.skipped,
            seconds,
            run_id,
        ],
    )
