"""One run over a set of inputs, on any executor: plan the batches, keep a few in flight, write
each in submission order in this thread, and record the run in the warehouse.

The Prefect flow (flows/batch.py) hands in its task runner; `run_inputs` here hands in a plain
process pool. Both do the same work through the same code (incremental skips, spilled batches,
one writer, the run's row), so the difference between them is Prefect's own cost, which
benchmarks/throughput.py measures, and a bug fixed here is fixed for both.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import duckdb

from pipeline.batch import (
    NOT_FILES,
    BatchOutcome,
    analyze_to_spill,
    chunks,
    input_keys,
    unspill,
)
from pipeline.errors import InputError
from pipeline.fetch import bad_url, url_key
from pipeline.incremental import Known, SeenInput, file_digest, pipeline_version
from pipeline.input_files import Input, source_name
from pipeline.lock import run_lock
from pipeline.records import Reject
from pipeline.settings import Settings
from pipeline.settled import SettledRejects
from pipeline.sources import discover, input_root, read_url_list, split_container, splittable
from pipeline.url_stream import Fetched, FetchStream, fetch_in_thread
from pipeline.warehouse import connect, connect_readonly
from pipeline.warehouse.load import (
    forget_readers_of_gone_owners,
    known_inputs,
    page_keys_of,
    write_results,
)
from pipeline.warehouse.rejects import clear_settled_rejects, clear_unlisted_fetch_rejects
from pipeline.warehouse.runs import WriteCounts, close_interrupted_runs, finish_run, start_run
from pipeline.workers import stoppable_pool

log = logging.getLogger(__name__)

Work = tuple[list[Input], list[Fetched]]
Logger = logging.Logger | logging.LoggerAdapter


class Submit(Protocol):
    """Start analysing one batch somewhere; the result is a spill file's path or the outcome."""

    def __call__(
        self,
        files: list[Input],
        fetched: list[Fetched],
        known: dict[str, Known],
        spill_dir: str | None,
    ) -> Any: ...


@dataclass
class Run:
    """A run being recorded: its connection (the single writer), id and running totals."""

    con: duckdb.DuckDBPyConnection
    id: str
    version: str
    started: float
    counts: WriteCounts = field(default_factory=WriteCounts)
    # The pages its batches wrote, with when each was fetched: a page in two batches (two
    # crawls of a URL in two WARC files) is one page of the run, stored as its newest copy.
    pages: dict[str, datetime] = field(default_factory=dict)
    # Inputs forgotten as processed because the article they read lost its owning page (the
    # original edited or gone): read_forgotten_again reads them within the run.
    forgotten: set[str] = field(default_factory=set)


class SplitInputs(NamedTuple):
    files: list[Input]
    urls: list[str]
    refused: list[Reject]
    # each URL list read, by its source: the url_key of every URL it lists (settle_rejects)
    listed: dict[str, list[str]]


def split_inputs(found: list[Input]) -> SplitInputs:
    """Files to read; the URLs listed in *.urls inputs, each once and without its #fragment (a
    fragment never changes what the server sends, and a URL listed twice, in one list or two,
    would be fetched twice and stored as two pages), also when spelled two ways (HTTP://Host/
    and http://host/, a Chinese path and its %-escapes: url_key), as first listed; and a reject
    for each list that cannot be read or lists nothing: one such list must not end the run of
    every other input."""
    files = [i for i in found if i.kind != "urls"]
    urls: list[str] = []
    refused: list[Reject] = []
    refused_urls: set[str] = set()
    listed: dict[str, list[str]] = {}
    for item in found:
        if item.kind != "urls":
            continue
        try:
            in_list = read_url_list(item.path)
        except InputError as exc:
            refused.append(Reject.now(item.source, "read", "unreadable-url-list", str(exc)))
            continue
        if not in_list:
            refused.append(
                Reject.now(
                    item.source,
                    "read",
                    "empty-url-list",
                    f"{item.source} lists no URL (only blank lines and # comments); "
                    "give one URL a line",
                )
            )
        unfragmented = [(n, u.partition("#")[0]) for n, u in in_list]
        listed[item.source] = [url_key(u) for _, u in unfragmented]
        for n, url in unfragmented:
            if (bad := bad_url(url)) is None:
                urls.append(url)
            elif url_key(url) not in refused_urls:
                # refused here, where the list and the line can be named (a fetch knows neither)
                refused_urls.add(url_key(url))
                refused.append(
                    Reject.now(
                        url,
                        "fetch",
                        "bad-url",
                        f"{url!r} {bad}; fix line {n} of the URL list {item.source}",
                    )
                )
    once: dict[str, str] = {}
    for url in urls:
        once.setdefault(url_key(url), url)
    return SplitInputs(files, list(once.values()), refused, listed)


# The most fetched pages in a batch: fetching (a page a second per site) is far slower than
# analysing, so a batch of the usual size would leave all but one worker idle while it fills,
# and its pages unwritten for as long.
FETCHED_BATCH = 50
# No page worth reading takes fewer bytes in a WARC or JSONL record (min_body_chars of text and
# the record around it): a smaller file holds too few pages to be worth reading through to
# split, and a scraper writing a small JSONL file a page does not pay for it.
MIN_RECORD_BYTES = 256


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # its batch says why it cannot be read


def split_large(run: Run, files: list[Input], settings: Settings, full: bool) -> list[Input]:
    """files, with each WARC or JSONL file of more than batch_size records in parts of
    batch_size records: a batch each, side by side on the workers, each written when done.
    Only files that changed since they were last processed (or all, with full) are read
    through to find their records; an unchanged one stays whole, for its batch to skip it."""
    least = settings.batch_size * MIN_RECORD_BYTES
    containers = [f for f in files if splittable(f) and _size(f.path) > least]
    if not containers:
        return files
    digests = {f.source: file_digest(f.path) for f in containers}
    known = {} if full else known_inputs(run.con, list(digests), run.version)
    out: list[Input] = []
    for item in files:
        digest = digests.get(item.source)
        prev = known.get(item.source)
        if digest is None or (prev is not None and prev.raw_hash == digest):
            out.append(item)
            continue
        parts = split_container(item, settings.batch_size, digest, settings.max_page_bytes)
        if len(parts) > 1:
            log.info("%s: %d parts of up to %d records", item.path, len(parts), settings.batch_size)
        out += parts
    return out


def input_shares(
    files: list[Input], page_share: Callable[[Fetched], float] = lambda page: 1.0
) -> Callable[[Work], float]:
    """How much of the inputs found a batch is, for a progress bar counting inputs: each part
    of a file read in n parts is 1/n of an input, so two large files show as 2 inputs, not as
    their parts; page_share: the same for fetched pages (a feed's URL gives n items)."""
    parts = Counter(f.path for f in files if f.part is not None)
    return lambda work: (
        sum(1 / parts[f.path] if f.part else 1 for f in work[0])
        + sum(page_share(p) for p in work[1])
    )


def batch_size_for(count: int, batch_size: int, workers: int) -> int:
    """Small runs still use every worker: no batch is larger than its share of the pages."""
    return max(1, min(batch_size, -(-count // max(1, workers))))


def plan(files: list[Input], fetched: list[Fetched], batch_size: int, workers: int) -> list[Work]:
    """Batches of files and of pages at hand (rejected URL lists); each part of a split file
    is a batch, first (the longest work first keeps every worker busy to the end)."""
    parts = [f for f in files if f.part is not None]
    files = [f for f in files if f.part is None]
    size = batch_size_for(max(len(files), len(fetched)), batch_size, workers)
    work: list[Work] = [([p], []) for p in parts]
    work += [(b, []) for b in chunks(files, size)]
    work += [([], b) for b in chunks(fetched, size)]
    return work


@contextlib.contextmanager
def fetching(
    urls: list[str],
    settings: Settings,
    workers: int,
    start: Callable[[FetchStream], Any] | None = None,
) -> Iterator[FetchStream]:
    """A URL list's fetch going on beside the run, from now until the block ends: the run
    analyses its files meanwhile and takes the pages as they come (pipeline/url_stream.py).
    start: how the fetch is run (the flow runs it as its own task); a thread by default. Left
    early (an error, Ctrl-C), the fetch stops after the requests it is in."""
    size = min(FETCHED_BATCH, batch_size_for(len(urls), settings.batch_size, workers))
    stream = FetchStream(urls, settings, size)
    if urls:
        (start or fetch_in_thread)(stream)
    try:
        yield stream
    finally:
        stream.stop()


def run_work(
    files: list[Input], refused: list[Reject], stream: FetchStream, settings: Settings, workers: int
) -> Iterator[Work | None]:
    """The run's batches: its files (and the URL lists it refused) first, then the fetched
    pages as the fetch hands them over; None while none is ready (analyze_and_write)."""
    yield from plan(files, refused, settings.batch_size, workers)
    for batch in stream.batches(idle=True):
        yield ([], batch) if batch else None


def interrupted(exc: BaseException) -> bool:
    """Whether an error is DuckDB's answer to Ctrl-C while it ran a statement (a batch being
    written): the user stopped the run; it did not fail."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()
    )


def drop_removed_targets(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, int]:
    """Drops the stances of targets the catalogue no longer lists, and says how many of each.
    Articles read again lose them as they are written; an article whose input is gone (a
    scraper's folder cleared) is never read again, and kept its removed target in every report
    for good. Its predictions stay: a claim and its outcome are a record of what was said."""
    gone = con.execute(
        "DELETE FROM stances WHERE NOT list_contains(?, target) RETURNING target", [ids]
    ).fetchall()
    return dict(sorted(Counter(target for (target,) in gone).items()))


@contextlib.contextmanager
def recorded_run(
    settings: Settings,
    inputs: list[str],
    params: dict,
    full: bool,
    logger: Logger = log,
    wait_s: float = 0.0,
) -> Iterator[Run]:
    """Open the warehouse, close runs that died without recording their end, and record this
    one: 'completed' when the block ends, 'failed' when it raises, 'interrupted' when stopped.
    Hold the run lock around it; wait_s: how long to wait for a reader holding the file. The
    target catalogue is read first: a broken one is a configuration error for the whole run,
    not a reject for every page."""
    from pipeline.targets import Catalogue

    catalogue = Catalogue.load(settings.path("targets_file"))
    con = connect(settings.db_path(), wait_s)
    try:
        if dropped := drop_removed_targets(con, catalogue.ids):
            # A user's own catalogue replaces the shipped one: one that lists only the targets
            # added drops NVIDIA's and DeepSeek's stances, which a line in the log must say.
            logger.warning(
                "%s no longer in the catalogue %s: %s dropped (their predictions stay); "
                "put %s back in the catalogue and run `duokong reanalyze` to read them again",
                ", ".join(dropped),
                settings.path("targets_file"),
                ", ".join(f"{n} stance{'s' if n != 1 else ''} of {t}" for t, n in dropped.items()),
                "it" if len(dropped) == 1 else "them",
            )
        if close_interrupted_runs(con):
            logger.warning(
                "an earlier run on %s was interrupted; this run redoes its rest",
                settings.db_path(),
            )
        version = pipeline_version(settings)
        run = Run(
            con,
            start_run(con, inputs, params, settings.model, version, full),
            version,
            time.perf_counter(),
        )
        status = "failed"
        try:
            yield run
            status = "completed"
        except Exception as exc:
            if interrupted(exc):
                status = "interrupted"  # Ctrl-C while DuckDB ran a statement
            raise
        except BaseException:
            status = "interrupted"  # Ctrl-C, SIGTERM (see cli), Prefect's termination signal
            raise
        finally:
            try:
                seconds = round(time.perf_counter() - run.started, 2)
                finish_run(con, run.id, status, run.counts.seen, run.counts, seconds)
            except Exception:
                logger.exception("could not record the end of run %s", run.id)
    finally:
        con.close()


@contextlib.contextmanager
def spill_folder(remote: bool = False) -> Iterator[str | None]:
    """Batches come back through files in a folder of this run, so that no executor holds a
    run's pages in memory; not from a remote cluster, whose workers cannot write here."""
    if remote:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="duokong-run-") as folder:
        yield folder


def analyze_and_write(
    run: Run,
    work: Iterable[Work | None],
    submit: Submit,
    settings: Settings,
    full: bool,
    window: int,
    spill_dir: str | None,
    on_batch: Callable[[Work, WriteCounts], None] = lambda work, counts: None,
) -> WriteCounts:
    """Keep `window` batches in flight and write each in submission order as it is ready:
    memory stays flat however many pages a run holds, the writer stays single (this thread),
    and a page that appears in two batches ends the same way on every run. What the warehouse
    remembers of a batch's inputs is looked up as it is submitted, so only that batch's rows
    travel. run.counts grows batch by batch, so a run that fails midway records what it wrote;
    work is taken as it comes (a URL list's pages as they are fetched: None is no batch ready
    yet, and the batches done are written meanwhile), and when taking it fails, the batches
    already taken are written before the error is raised."""
    pending = iter(work)
    in_flight: deque[tuple[Any, Work]] = deque()
    carried: dict[str, tuple[int, int]] = {}  # a split file's pages and rejects so far
    failed: Exception | None = None  # by the work's source (a URL list's fetch)
    taken = False  # all work taken (or failed)
    while True:
        while not taken and len(in_flight) < window:
            try:
                batch = next(pending, _ALL_TAKEN)
            except Exception as exc:
                failed = exc  # raised once the batches in flight are written
                batch = _ALL_TAKEN
            if batch is _ALL_TAKEN:
                taken = True
            if batch is None or batch is _ALL_TAKEN:
                break
            files, pages = batch
            known = {} if full else known_inputs(run.con, input_keys(files, pages), run.version)
            in_flight.append((submit(files, pages, known, spill_dir), (files, pages)))
        if not in_flight:
            if failed is not None:
                raise failed
            if taken:
                break
            continue
        if not (taken or len(in_flight) >= window or _done(in_flight[0][0])):
            continue  # more work may come before the oldest batch is done: take it meanwhile
        future, batch = in_flight.popleft()
        result = future.result()
        outcome: BatchOutcome = unspill(result) if isinstance(result, str) else result
        counts = write_results(
            run.con,
            outcome.results,
            run.id,
            settings.model,
            outcome.seen + _whole_files(outcome.parts, carried),
            run.version,
            outcome.fetched,
            run.pages,
            run.forgotten,
        )
        counts.skipped = outcome.skipped_pages
        counts.seen = len(outcome.results) + outcome.skipped_pages
        run.counts.add(counts)
        seconds = round(time.perf_counter() - run.started, 2)
        finish_run(run.con, run.id, None, run.counts.seen, run.counts, seconds)
        on_batch(batch, counts)
    return run.counts


_ALL_TAKEN = object()


def _done(future: Any) -> bool:
    """Whether a submitted batch is done, without waiting: a process pool's future, or the one
    a Prefect task runner wraps (asking Prefect for the task's state is an API call)."""
    return getattr(future, "wrapped_future", future).done()


def _whole_files(
    parts: list[tuple[SeenInput, bool]], carried: dict[str, tuple[int, int]]
) -> list[SeenInput]:
    """The split files whose last part this batch read, to remember with all their pages: the
    parts are written in order, so the last one written means the file is. A run that stops
    before it leaves the file unremembered, and the next run reads it again."""
    whole = []
    for seen, final in parts:
        pages, bad = carried.pop(seen.input, (0, 0))
        total = SeenInput(seen.input, seen.raw_hash, seen.pages + pages, seen.rejected + bad)
        if final:
            whole.append(total)
        else:
            carried[seen.input] = (total.pages, total.rejected)
    return whole


def settle_rejects(
    run: Run,
    roots: list[Path],
    found: list[Input],
    listed: dict[str, list[str]],
    logger: Logger = log,
) -> None:
    """Once every input found was written: drop what earlier runs refused under these roots
    that is no longer there or no longer refused (rejects lists what is refused now; a page
    deleted, a link or a URL list mended, would otherwise stay listed for good), and the fetch
    rejects of URLs no list lists any more. roots: the inputs as the walk resolved them, not
    again (a link moved during the run); listed: the URL lists read (SplitInputs.listed)."""
    settled = SettledRejects(roots, found)
    gone = clear_settled_rejects(run.con, run.id, [source_name(r) for r in roots], settled)
    if gone:
        logger.info("%d rejects of earlier runs no longer hold: inputs gone or mended", gone)
    unlisted = clear_unlisted_fetch_rejects(run.con, run.id, listed, settled.gone)
    if unlisted:
        logger.info(
            "%d URLs that failed to fetch are no longer listed: their rejects went", unlisted
        )


def release_gone_owners(run: Run, logger: Logger = log) -> None:
    """Once every input found was written: pages still reading the text of a page whose file
    is gone are to be read again (read_forgotten_again), and one takes its article over (with
    its own byline)."""
    forgotten = forget_readers_of_gone_owners(run.con)
    if forgotten:
        logger.info("%d inputs read the text of a page whose file is gone", len(forgotten))
        run.forgotten |= forgotten


def read_forgotten_again(
    run: Run,
    files: list[Input],
    submit: Submit,
    settings: Settings,
    workers: int,
    spill_dir: str | None,
    on_batch: Callable[[Work, WriteCounts], None] = lambda work, counts: None,
    logger: Logger = log,
) -> None:
    """Once every input found was written: read again the files forgotten as processed because
    the article they read lost its owning page (the original edited or deleted; a repost,
    unchanged, was skipped), so that one of them takes the article over with its own byline,
    site and date in this run. Left to the next run, the repost kept the original's byline
    beside the edited version's, and the original author's claims counted twice until then.
    files: the files the run found, whole (not split_large's parts); a URL's page is left to
    the next run, which fetches it anyway."""
    names, run.forgotten = run.forgotten, set()
    again = [f for f in files if f.source in names and f.kind not in NOT_FILES]
    if not again:
        return
    logger.info(
        "reading %d inputs again: the article they read lost its owning page, and one of them "
        "takes it over",
        len(again),
    )
    for key in page_keys_of(run.con, [f.source for f in again]):
        run.pages.pop(key, None)  # read again now, not a second copy of a page of this run
    work = plan(again, [], settings.batch_size, workers)
    before = run.counts.seen
    analyze_and_write(run, work, submit, settings, False, 4 * workers, spill_dir, on_batch)
    # These files were counted when skipped as unchanged: their pages are counted once, as
    # written now, not as seen twice (2 files gave "3 pages: 2 written, 1 skipped").
    reread = min(run.counts.seen - before, run.counts.skipped)
    run.counts.seen -= reread
    run.counts.skipped -= reread


def walk(inputs: list[str]) -> tuple[list[Path], list[Input]]:
    """The inputs resolved once, and what is under them: the same roots serve the walk and,
    at the run's end, settle_rejects."""
    roots = [input_root(p) for p in inputs]
    return roots, discover(roots)


def summary(run: Run, settings: Settings, report: str | None, full: bool) -> dict:
    """What a run returns to whoever started it (the CLI prints it; Prefect keeps it)."""
    c = run.counts
    return {
        "run_id": run.id,
        "db": str(settings.db_path()),
        "report": report,
        "seen": c.seen,
        "articles": c.articles,
        "new": c.new,
        "updated": c.updated,
        "unchanged": c.unchanged,
        "repeated": c.repeated,
        "skipped": c.skipped,
        "rejected": c.rejected,
        "full": full,
        "version": run.version,
        "seconds": round(time.perf_counter() - run.started, 2),
    }


def write_run_report(settings: Settings, out: str | None) -> str:
    from pipeline.report import catalogue_labels, write_report

    labels = catalogue_labels(settings.path("targets_file"))
    with connect_readonly(settings.db_path()) as con:
        out = out or str(settings.report_path())
        return str(write_report(con, out, freq=settings.report_freq, labels=labels))


def run_inputs(
    inputs: list[str],
    settings: Settings,
    report: str | None = None,
    full: bool = False,
    lock_wait_s: float = 0.0,
) -> dict:
    """A whole run without Prefect, on a pool of `settings.workers` processes: the flow's work,
    for scripts, tests and the benchmark that measures what Prefect adds."""
    workers = settings.workers or os.cpu_count() or 1
    params = {"batch_size": settings.batch_size, "workers": workers, "report": report}
    with run_lock(settings.db_path(), lock_wait_s):
        with (
            recorded_run(settings, inputs, params, full, wait_s=lock_wait_s) as run,
            spill_folder() as spill_dir,  # removed after the pool's exit waited for its workers
            stoppable_pool(workers) as pool,
        ):
            roots, found = walk(inputs)
            files, urls, refused, listed = split_inputs(found)

            def submit(files, pages, known, spill_dir) -> Future:
                return pool.submit(analyze_to_spill, files, pages, settings, known, spill_dir)

            with fetching(urls, settings, workers) as stream:
                parts = split_large(run, files, settings, full)
                work = run_work(parts, refused, stream, settings, workers)
                analyze_and_write(run, work, submit, settings, full, 4 * workers, spill_dir)
            release_gone_owners(run)
            read_forgotten_again(run, files, submit, settings, workers, spill_dir)
            settle_rejects(run, roots, found, listed)
        report_path = write_run_report(settings, report)
    return summary(run, settings, report_path, full)
