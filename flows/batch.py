"""The scheduled ingest flow: discover → fetch/read → extract+analyse (batched, mapped) → one
writer → report. Each task is a few lines over pipeline/; batches of pages, not one task per
page, because Prefect's per-task overhead is far larger than the work on one page."""

from __future__ import annotations

import os
import tempfile
import time
from collections import deque

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from pipeline.batch import chunks, process_pages, read_inputs, spill, unspill
from pipeline.fetch import fetch
from pipeline.records import RawPage, Reject
from pipeline.report import write_report
from pipeline.settings import Settings, load_settings
from pipeline.sources import Input, discover, read_url_list
from pipeline.warehouse import connect, connect_readonly
from pipeline.warehouse.load import WriteCounts, finish_run, start_run, write_results


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(inputs: list[str]) -> list[Input]:
    found = discover(inputs)
    get_run_logger().info("discovered %d inputs", len(found))
    return found


@task(name="fetch-urls", cache_policy=NO_CACHE)
def fetch_task(urls: list[str], max_bytes: int) -> list[RawPage | Reject]:
    """Each URL is retried with back-off inside fetch(); a URL that still fails is a Reject."""
    return [fetch(u, max_bytes=max_bytes) for u in urls]


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze_task(
    items: list[Input], fetched: list[RawPage | Reject], settings: Settings, spill_dir: str
) -> str:
    """Read, extract and analyse a batch; returns the file its results were spilled to."""
    pages = [*read_inputs(items, settings), *fetched]
    results = process_pages(pages, settings)
    bad = sum(1 for r in results if not r.ok)
    get_run_logger().info(
        "batch of %d pages: %d analysed, %d rejected", len(results), len(results) - bad, bad
    )
    return spill(results, spill_dir)


def write_batch(spilled: str, settings: Settings, run_id: str) -> tuple[WriteCounts, int]:
    """The single writer: one batch into the warehouse; returns its counts and page count.

    A plain call in the flow's thread, not a task: a task run per batch costs a few API calls
    each, which serialised here measured 15-20 % of a 10,000-page run."""
    results = unspill(spilled)
    with connect(settings.db_path()) as con:
        counts = write_results(con, results, run_id, settings.model)
    get_run_logger().info(
        "wrote %d pages: %d new, %d updated, %d unchanged, %d rejected",
        len(results),
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected,
    )
    return counts, len(results)


@task(name="report", cache_policy=NO_CACHE)
def report_task(settings: Settings, out: str) -> str:
    with connect_readonly(settings.db_path()) as con:
        return str(write_report(con, out, freq=settings.report_freq))


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
    workers = _workers(settings)
    params = {"batch_size": settings.batch_size, "workers": workers, "report": report}
    with connect(settings.db_path()) as con:
        run_id = start_run(con, inputs, params, settings.model)
    status, counts, seen = "failed", WriteCounts(), 0
    try:
        found = discover_task(inputs)
        files = [i for i in found if i.kind != "urls"]
        urls = [u for i in found if i.kind == "urls" for u in read_url_list(i.path)]
        fetched = fetch_task(urls, settings.max_page_bytes) if urls else []
        # Small runs still use every worker: no batch larger than its share of the pages.
        size = max(1, min(settings.batch_size, -(-max(len(files), len(fetched)) // workers)))
        work = [(b, []) for b in chunks(files, size)] + [([], b) for b in chunks(fetched, size)]
        counts, seen = _analyze_and_write(work, settings, run_id, window=4 * workers)
        status = "completed"
    finally:
        try:
            with connect(settings.db_path()) as con:
                finish_run(con, run_id, status, seen, counts)
        except Exception:
            logger.exception("could not record the end of run %s", run_id)
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
    work: list[tuple[list[Input], list[RawPage | Reject]]],
    settings: Settings,
    run_id: str,
    window: int,
) -> tuple[WriteCounts, int]:
    """Keep a few batches in flight and write each in submission order as it is ready: memory
    stays flat however many pages a run holds, the writer stays single (this thread), and a page
    that appears in two batches ends the same way on every run."""
    total, seen = WriteCounts(), 0
    pending = deque(work)
    in_flight: deque = deque()
    with tempfile.TemporaryDirectory(prefix="duokong-run-") as spill_dir:
        while pending or in_flight:
            while pending and len(in_flight) < window:
                files, pages = pending.popleft()
                in_flight.append(analyze_task.submit(files, pages, settings, spill_dir))
            counts, n = write_batch(in_flight.popleft().result(), settings, run_id)
            total.add(counts)
            seen += n
    return total, seen


def flow_with_workers(workers: int | None = None):
    """The batch flow with its analyze tasks in worker processes (the work is CPU-bound and the
    GIL would serialise threads); one worker runs them in a thread of this process."""
    n = workers or load_settings().workers or os.cpu_count() or 1
    runner = ProcessPoolTaskRunner(max_workers=n) if n > 1 else ThreadPoolTaskRunner(max_workers=1)
    return batch_flow.with_options(task_runner=runner)
