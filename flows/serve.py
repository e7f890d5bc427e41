"""`duokong serve`: the batch flow served on a cron schedule (Prefect serve, local runner)."""

from __future__ import annotations

from flows.batch import batch_flow


def serve_batch(cron: str, inputs: list[str] | None, db: str | None) -> None:
    batch_flow.serve(
        name="duokong-batch-scheduled",
        cron=cron,
        parameters={"inputs": inputs, "db": db},
        description="duokong ingest of new pages on a schedule; the report is written after each batch.",
    )
