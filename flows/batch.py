"""The scheduled ingest flow: discover → fetch/read → extract+analyse (batched, mapped) → one
writer → report. Each task is a few lines over pipeline/, and the run loop itself (batches in
flight, the single writer, the run's record) is pipeline/ingest.py, which also runs without
Prefect; batches of pages, not one task per
page, because Prefect's per-task overhead is far larger than the work on one page.

Incremental: an input whose bytes and pipeline version are unchanged since it was last processed
is skipped in its worker before any parsing (`full=True` reprocesses everything). One run writes
a database at a time (pipeline/lock.py). The analysis runs on a task runner chosen per run, not
per deployment, so a served flow, a `prefect.yaml` deployment and `duokong run` all honour
`workers` and `dask` the same way; the writer is always this flow's own thread.
"""

from __future__ import annotations

import os
import signal
from contextlib import ExitStack
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows import progress
from pipeline.batch import BatchOutcome, analyze_to_spill
from pipeline.incremental import Known
from pipeline.ingest import (
    Run,
    Work,
    analyze_and_write,
    fetching,
    input_shares,
    read_forgotten_again,
    recorded_run,
    release_gone_owners,
    run_work,
    settle_rejects,
    spill_folder,
    split_inputs,
    split_large,
    summary,
    write_run_report,
)
from pipeline.input_files import Input
from pipeline.lock import RunLocked, run_lock
from pipeline.settings import Settings, load_settings
from pipeline.sources import discover, input_root
from pipeline.url_stream import Fetched, FetchStream
from pipeline.warehouse.runs import WriteCounts
from pipeline.workers import end_workers, exit_with_parent


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(inputs: list[str]) -> list[Input]:
    found = discover(inputs)
    get_run_logger().info("discovered %d inputs", len(found))
    return found


@task(name="fetch-urls", cache_policy=NO_CACHE)
def fetch_task(stream: FetchStream) -> None:
    """The URL lists' fetch, in a thread beside the flow, which takes the pages in batches as
    they come (pipeline/url_stream.py): fetched whole first, a long list was written only at
    its end, and a run stopped midway lost every page it had fetched."""
    try:
        stream.fetch_all()
    finally:
        get_run_logger().info(
            "fetched %d URLs, %d failed", stream.fetched + stream.failed, stream.failed
        )


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze_task(
    items: list[Input],
    fetched: list[Fetched],
    settings: Settings,
    known: dict[str, Known],
    spill_dir: str | None,
) -> str | BatchOutcome:
    """Read, extract and analyse a batch, skipping unchanged inputs (pipeline/batch.py)."""
    return analyze_to_spill(items, fetched, settings, known, spill_dir, get_run_logger())


@task(name="report", cache_policy=NO_CACHE)
def report_task(settings: Settings, out: str | None) -> str:
    return write_run_report(settings, out)


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
    skip_if_busy: bool = False,
) -> dict:
    """Run one batch over inputs (default: the bundled samples) into the DuckDB warehouse.

    full: reprocess inputs unchanged since the last run. dask: "local" (a LocalCluster of
    `workers` processes) or a scheduler address, for the analysis. lock_wait_s: how long to
    wait for another run writing the same database before giving up. skip_if_busy: then end
    with a line saying so, not as a failed run (a served run falling due while the one before
    is still going failed with a traceback; the next one reads what it would have)."""
    logger = get_run_logger()
    settings = load_settings().with_overrides(
        db=db, batch_size=batch_size, model=model, workers=workers
    )
    inputs = inputs or [str(settings.path("samples"))]
    wait = lock_wait_s if lock_wait_s is not None else settings.lock_wait_s
    n_workers = settings.workers or os.cpu_count() or 1
    params = {
        "batch_size": settings.batch_size,
        "workers": n_workers,
        "report": report,
        "full": full,
        "dask": dask,
    }
    with ExitStack() as held:
        try:
            held.enter_context(run_lock(settings.db_path(), wait))
        except RunLocked as exc:
            if not skip_if_busy:
                raise
            logger.warning("skipped: %s", exc)
            return {"skipped": str(exc)}
        with recorded_run(settings, inputs, params, full, logger, wait) as run:
            _ingest(run, inputs, settings, full, dask, n_workers)
        # Inside the lock: a run starting now would hold DuckDB's file lock, and the report's
        # read-only connection could not open.
        report_path = report_task(settings, report)
    result = summary(run, settings, report_path, full)
    logger.info("run %s: %s", run.id, result)
    create_markdown_artifact(
        key="duokong-batch-summary",
        markdown="\n".join(f"- **{k}**: {v}" for k, v in result.items()),
        description="duokong batch summary",
    )
    return result


def _ingest(
    run: Run, inputs: list[str], settings: Settings, full: bool, dask: str | None, workers: int
) -> None:
    """Discover as a task, fetch as a task beside the analysis, analyse batches on the task
    runner and write each in this thread (pipeline/ingest.py). The write is a plain call, not
    a task: a task run per batch costs a few API calls each, which serialised here measured
    15-20 % of a 10,000-page run."""
    logger = get_run_logger()
    roots = [input_root(p) for p in inputs]  # once: a link moved during the run moves none
    found = discover_task([str(r) for r in roots])
    files, urls, refused, listed = split_inputs(found)
    bar = progress.current()
    bar.start(len(files) + len(refused) + len(urls))
    parts = split_large(run, files, settings, full)

    def written(batch: Work, counts: WriteCounts) -> None:
        logger.info(
            "wrote %d pages: %d new, %d updated, %d unchanged, %d rejected; %d skipped",
            counts.seen - counts.skipped,
            counts.new,
            counts.updated,
            counts.unchanged,
            counts.rejected,
            counts.skipped,
        )
        bar.advance(
            share(batch),
            counts.new,
            counts.updated,
            counts.skipped,
            counts.rejected,
        )

    # The folder outlives the runner, whose exit waits for running batches: a run stopped midway
    # removes it only once no worker can still be spilling into it. The fetch's runner is left
    # last: its exit waits for the requests in flight when the run stops.
    with (
        ThreadPoolTaskRunner(max_workers=1) as fetcher,
        fetching(
            urls, settings, workers, lambda s: fetcher.submit(fetch_task, {"stream": s})
        ) as stream,
        spill_folder(remote=_remote(dask)) as spill_dir,
        analysis_runner(workers, dask) as runner,
    ):
        share = input_shares(parts, stream.share)

        def submit(files, pages, known, spill_dir):
            params = {
                "items": files,
                "fetched": pages,
                "settings": settings,
                "known": known,
                "spill_dir": spill_dir,
            }
            return runner.submit(analyze_task, parameters=params)

        work = run_work(parts, refused, stream, settings, workers)
        analyze_and_write(run, work, submit, settings, full, 4 * workers, spill_dir, written)
        release_gone_owners(run, logger)
        read_forgotten_again(run, files, submit, settings, workers, spill_dir, logger=logger)
    settle_rejects(run, roots, found, listed, logger)


def _remote(dask: str | None) -> bool:
    return bool(dask) and dask != "local"


def analysis_runner(workers: int, dask: str | None) -> TaskRunner:
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
        return StoppableProcessPoolTaskRunner(
            max_workers=workers, initializer=ignore_interrupts, initargs=(os.getpid(),)
        )
    return ThreadPoolTaskRunner(max_workers=1)


class StoppableProcessPoolTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool, which on leaving waits for the tasks running in it; left on an
    interrupt (KeyboardInterrupt, a termination signal: no Exception), it ends its workers
    first (pipeline.workers.end_workers says why)."""

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        if exc_type is not None and not issubclass(exc_type, Exception):
            end_workers(self._executor)
        super().__exit__(exc_type, exc_value, traceback)


def ignore_interrupts(run_pid: int | None = None) -> None:
    """Worker processes leave Ctrl-C to the run: a terminal sends it to the whole process
    group, and workers dying on it mid-batch left the run's exit waiting on a broken pool for
    minutes. The run cancels what is queued and ends the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(run_pid)  # and end with the run, even one killed by SIGKILL
