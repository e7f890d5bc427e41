"""The scheduled ingest flow: discover → fetch/read → extract+analyse (batched, mapped) → one
writer → report. Each task is a few lines over pipeline/; batches of pages, not one task per
page, because Prefect's per-task overhead is far larger than the work on one page.

Incremental: an input whose bytes and pipeline version are unchanged since it was last processed
is skipped in its worker before any parsing (`full=True` reprocesses everything). One run writes
a database at a time (pipeline/lock.py). The analysis runs on a task runner chosen per run, not
per deployment, so a served flow, a `prefect.yaml` deployment and `duokong run` all honour
`workers` and `dask` the same way; the writer is always this flow's own thread.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterator

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows import progress
from pipeline.batch import BatchOutcome, analyze_batch, chunks, input_keys, spill, unspill
from pipeline.fetch import HostPacer, fetch
from pipeline.incremental import Known, pipeline_version
from pipeline.lock import run_lock
from pipeline.records import RawPage, Reject
from pipeline.report import write_report
from pipeline.settings import Settings, load_settings
from pipeline.sources import Input, discover, read_url_list
from pipeline.warehouse import connect, connect_readonly
from pipeline.warehouse.load import (
    WriteCounts,
    close_interrupted_runs,
    finish_run,
    known_inputs,
    start_run,
    write_results,
)

Work = tuple[list[Input], list[RawPage | Reject]]


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(inputs: list[str]) -> list[Input]:
    found = discover(inputs)
    get_run_logger().info("discovered %d inputs", len(found))
    return found


@task(name="fetch-urls", cache_policy=NO_CACHE)
def fetch_task(urls: list[str], settings: Settings) -> list[RawPage | Reject]:
    """Each URL is retried with back-off inside fetch(), one request per host at a time and at
    most one per fetch_host_interval_ms; a URL that still fails is a Reject.
    Fetched every run: a page's bytes, not its URL, decide whether it is processed again."""
    pacer = HostPacer(settings.fetch_host_interval_ms / 1000)
    pages = [
        fetch(
            u,
            timeout=settings.fetch_timeout_s,
            retries=settings.fetch_retries,
            max_bytes=settings.max_page_bytes,
            pacer=pacer,
        )
        for u in urls
    ]
    failed = sum(isinstance(p, Reject) for p in pages)
    get_run_logger().info("fetched %d URLs, %d failed", len(urls), failed)
    return pages


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze_task(
    items: list[Input],
    fetched: list[RawPage | Reject],
    settings: Settings,
    known: dict[str, Known],
    spill_dir: str | None,
) -> str | BatchOutcome:
    """Read, extract and analyse a batch, skipping unchanged inputs. Returns the file its
    results were spilled to, or the results themselves when the worker may be on another
    machine (a remote Dask cluster), where this run's spill folder does not exist."""
    out = analyze_batch(items, fetched, settings, known)
    bad = sum(1 for r in out.results if not r.ok)
    get_run_logger().info(
        "batch of %d inputs: %d skipped as unchanged, %d pages analysed, %d rejected",
        len(items) + len(fetched),
        out.skipped_inputs,
        len(out.results) - bad,
        bad,
    )
    return spill(out, spill_dir) if spill_dir else out


def write_batch(con, outcome: BatchOutcome, settings: Settings, run_id: str, version: str):
    """The single writer: one batch into the warehouse, with the inputs it came from.

    A plain call in the flow's thread, not a task: a task run per batch costs a few API calls
    each, which serialised here measured 15-20 % of a 10,000-page run."""
    counts = write_results(con, outcome.results, run_id, settings.model, outcome.seen, version)
    counts.skipped = outcome.skipped_pages
    get_run_logger().info(
        "wrote %d pages: %d new, %d updated, %d unchanged, %d rejected; %d skipped",
        len(outcome.results),
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.skipped,
    )
    return counts


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
    full: bool = False,
    dask: str | None = None,
    lock_wait_s: float | None = None,
) -> dict:
    """Run one batch over inputs (default: the bundled samples) into the DuckDB warehouse.

    full: reprocess inputs unchanged since the last run. dask: "local" (a LocalCluster of
    `workers` processes) or a scheduler address, for the analysis. lock_wait_s: how long to
    wait for another run writing the same database before giving up."""
    logger = get_run_logger()
    settings = load_settings().with_overrides(
        db=db, batch_size=batch_size, model=model, workers=workers
    )
    inputs = inputs or [str(settings.path("samples"))]
    wait = lock_wait_s if lock_wait_s is not None else settings.lock_wait_s
    started = time.perf_counter()
    n_workers = settings.workers or os.cpu_count() or 1
    version = pipeline_version(settings)
    params = {
        "batch_size": settings.batch_size,
        "workers": n_workers,
        "report": report,
        "full": full,
        "dask": dask,
    }
    with run_lock(settings.db_path(), wait):
        con = connect(settings.db_path())
        try:
            if close_interrupted_runs(con):
                logger.warning(
                    "an earlier run on %s was interrupted; this run redoes its rest",
                    settings.db_path(),
                )
            run_id = start_run(con, inputs, params, settings.model, version, full)
            counts, status = WriteCounts(), "failed"
            try:
                _ingest(con, inputs, settings, run_id, version, full, dask, n_workers, counts)
                status = "completed"
            finally:
                try:
                    seconds = round(time.perf_counter() - started, 2)
                    finish_run(con, run_id, status, counts.seen, counts, seconds)
                except Exception:
                    logger.exception("could not record the end of run %s", run_id)
        finally:
            con.close()
        # Inside the lock: a run starting now would hold DuckDB's file lock, and the report's
        # read-only connection could not open.
        report_path = report_task(settings, report or str(settings.path("report")))
    summary = {
        "run_id": run_id,
        "db": str(settings.db_path()),
        "report": report_path,
        "seen": counts.seen,
        "articles": counts.articles,
        "new": counts.new,
        "updated": counts.updated,
        "unchanged": counts.unchanged,
        "skipped": counts.skipped,
        "rejected": counts.rejected,
        "full": full,
        "version": version,
        "seconds": round(time.perf_counter() - started, 2),
    }
    logger.info("run %s: %s", run_id, summary)
    create_markdown_artifact(
        key="duokong-batch-summary",
        markdown="\n".join(f"- **{k}**: {v}" for k, v in summary.items()),
        description="duokong batch summary",
    )
    return summary


def _ingest(
    con,
    inputs: list[str],
    settings: Settings,
    run_id: str,
    version: str,
    full: bool,
    dask: str | None,
    workers: int,
    total: WriteCounts,
) -> None:
    """Discover, fetch, analyse in batches on the task runner, write each batch here; total
    grows batch by batch, so a run that fails midway still records what it wrote."""
    found = discover_task(inputs)
    files = [i for i in found if i.kind != "urls"]
    urls = [u for i in found if i.kind == "urls" for u in read_url_list(i.path)]
    fetched = fetch_task(urls, settings) if urls else []
    # Small runs still use every worker: no batch larger than its share of the pages.
    size = max(1, min(settings.batch_size, -(-max(len(files), len(fetched)) // workers)))
    work: list[Work] = [(b, []) for b in chunks(files, size)]
    work += [([], b) for b in chunks(fetched, size)]
    progress.current().start(len(files) + len(fetched))
    with _task_runner(workers, dask) as runner:
        _analyze_and_write(runner, work, con, settings, run_id, version, full, dask, total)


def _task_runner(workers: int, dask: str | None) -> TaskRunner:
    """Worker processes for the analysis (CPU-bound: threads would share one core under the
    GIL); one worker runs it in a thread of this process; dask: a Dask cluster."""
    if dask:
        from prefect_dask import DaskTaskRunner

        if dask == "local":
            return DaskTaskRunner(
                cluster_kwargs={
                    "n_workers": workers,
                    "threads_per_worker": 1,
                    "processes": True,
                    "dashboard_address": None,
                }
            )
        return DaskTaskRunner(address=dask)
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


@contextlib.contextmanager
def _spill_folder(dask: str | None) -> Iterator[str | None]:
    """Batches come back through files in a folder of this run, except from a remote Dask
    cluster, whose workers cannot write there: their results travel back through Dask."""
    if dask and dask != "local":
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="duokong-run-") as folder:
        yield folder


def _analyze_and_write(
    runner: TaskRunner,
    work: list[Work],
    con,
    settings: Settings,
    run_id: str,
    version: str,
    full: bool,
    dask: str | None,
    total: WriteCounts,
) -> None:
    """Keep a few batches in flight and write each in submission order as it is ready: memory
    stays flat however many pages a run holds, the writer stays single (this thread), and a page
    that appears in two batches ends the same way on every run. What the warehouse remembers of
    a batch's inputs is looked up as it is submitted, so only that batch's rows travel."""
    pending = deque(work)
    in_flight: deque = deque()
    window = 4 * (settings.workers or os.cpu_count() or 1)
    bar = progress.current()
    with _spill_folder(dask) as spill_dir:
        while pending or in_flight:
            while pending and len(in_flight) < window:
                files, pages = pending.popleft()
                known = {} if full else known_inputs(con, input_keys(files, pages), version)
                params = {
                    "items": files,
                    "fetched": pages,
                    "settings": settings,
                    "known": known,
                    "spill_dir": spill_dir,
                }
                in_flight.append((runner.submit(analyze_task, parameters=params), files, pages))
            future, files, pages = in_flight.popleft()
            result = future.result()
            outcome = unspill(result) if isinstance(result, str) else result
            counts = write_batch(con, outcome, settings, run_id, version)
            counts.seen = len(outcome.results) + outcome.skipped_pages
            total.add(counts)
            bar.advance(
                len(files) + len(pages), counts.new, counts.updated, counts.skipped, counts.rejected
            )


def flow_with_workers(workers: int | None = None):
    """The batch flow. Kept for callers of earlier versions: the flow now picks its task runner
    for each run from its `workers` and `dask` parameters."""
    return batch_flow
