"""The scheduled ingest flow: discover → fetch/read → extract+analyse (batched, mapped) → one
writer → report. Each task is a few lines over pipeline/; batches of pages, not one task per
page, because Prefect's per-task overhead is far larger than the work on one page."""

from __future__ import annotations

import os
import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from pipeline.batch import chunks, process_pages, read_inputs
from pipeline.fetch import fetch
from pipeline.records import PageResult, RawPage, Reject
from pipeline.report import write_report
from pipeline.settings import Settings, load_settings
from pipeline.sources import Input, discover, read_url_list
from pipeline.warehouse import connect
from pipeline.warehouse.load import WriteCounts, finish_run, start_run, write_results


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(inputs: list[str]) -> list[Input]:
    found = discover(inputs)
    get_run_logger().info("discovered %d inputs", len(found))
    return found


@task(name="fetch-urls", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 5])
def fetch_task(urls: list[str]) -> list[RawPage | Reject]:
    return [fetch(u) for u in urls]


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze_task(
    items: list[Input], fetched: list[RawPage | Reject], settings: Settings
) -> list[PageResult]:
    pages = [*read_inputs(items, settings), *fetched]
    results = process_pages(pages, settings)
    bad = sum(1 for r in results if not r.ok)
    get_run_logger().info(
        "batch of %d pages: %d analysed, %d rejected", len(results), len(results) - bad, bad
    )
    return results


@task(name="write", cache_policy=NO_CACHE)
def write_task(results: list[PageResult], settings: Settings, run_id: str) -> WriteCounts:
    con = connect(settings.db_path())
    try:
        return write_results(con, results, run_id, settings.model)
    finally:
        con.close()


@task(name="report", cache_policy=NO_CACHE)
def report_task(settings: Settings, out: str) -> str:
    con = connect(settings.db_path())
    try:
        return str(write_report(con, out, freq=settings.report_freq))
    finally:
        con.close()


@flow(name="duokong-batch")
def batch_flow(
    inputs: list[str] | None = None,
    db: str | None = None,
    report: str | None = None,
    batch_size: int | None = None,
    model: str | None = None,
    workers: int | None = None,
) -> dict:
    """Run one batch over inputs (default: the bundled samples) into the DuckDB warehouse."""
    logger = get_run_logger()
    settings = load_settings().with_overrides(
        db=db, batch_size=batch_size, model=model, workers=workers
    )
    inputs = inputs or [str(settings.path("samples"))]
    started = time.perf_counter()
    con = connect(settings.db_path())
    params = {"batch_size": settings.batch_size, "workers": _workers(settings), "report": report}
    run_id = start_run(con, inputs, params, settings.model)
    con.close()
    status, counts, seen = "failed", WriteCounts(), 0
    try:
        found = discover_task(inputs)
        files = [i for i in found if i.kind != "urls"]
        urls = [u for i in found if i.kind == "urls" for u in read_url_list(i.path)]
        fetched = fetch_task(urls) if urls else []
        batches = chunks(files, settings.batch_size) or ([[]] if fetched else [])
        counts, seen = _analyze_and_write(
            batches, fetched, settings, run_id, window=2 * _workers(settings)
        )
        status = "completed"
    finally:
        con = connect(settings.db_path())
        finish_run(con, run_id, status, seen, counts)
        con.close()
    report_path = report_task(settings, report or str(settings.path("report")))
    summary = {
        "run_id": run_id,
        "db": str(settings.db_path()),
        "report": report_path,
        "seen": seen,
        "articles": counts.articles,
        "new": counts.new,
        "updated": counts.updated,
        "unchanged": counts.unchanged,
        "rejected": counts.rejected,
        "seconds": round(time.perf_counter() - started, 2),
    }
    logger.info("run %s: %s", run_id, summary)
    create_markdown_artifact(
        key="duokong-batch-summary",
        markdown="\n".join(f"- **{k}**: {v}" for k, v in summary.items()),
        description="duokong batch summary",
    )
    return summary


def _workers(settings: Settings) -> int:
    return settings.workers or os.cpu_count() or 1


def _analyze_and_write(
    batches: list[list[Input]],
    fetched: list[RawPage | Reject],
    settings: Settings,
    run_id: str,
    window: int,
) -> tuple[WriteCounts, int]:
    """Keep a few batches in flight and write each as it completes, so memory stays flat
    however many pages a run holds; the writer stays single (this thread)."""
    total, seen = WriteCounts(), 0
    pending = list(enumerate(batches))
    in_flight: list = []
    while pending or in_flight:
        while pending and len(in_flight) < window:
            i, batch = pending.pop(0)
            in_flight.append(analyze_task.submit(batch, fetched if i == 0 else [], settings))
        done = next(as_completed(in_flight))
        in_flight.remove(done)
        results = done.result()
        seen += len(results)
        counts = write_task(results, settings, run_id)
        for field in ("articles", "new", "updated", "unchanged", "rejected"):
            setattr(total, field, getattr(total, field) + getattr(counts, field))
    return total, seen


def flow_with_workers(workers: int | None = None):
    """The batch flow with its analyze tasks in worker processes (the work is CPU-bound and the
    GIL would serialise threads); one worker runs them in a thread of this process."""
    n = workers if workers is not None else (load_settings().workers or os.cpu_count() or 1)
    runner = ProcessPoolTaskRunner(max_workers=n) if n > 1 else ThreadPoolTaskRunner(max_workers=1)
    return batch_flow.with_options(task_runner=runner)
