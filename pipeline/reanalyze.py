"""Analyse the articles already in the warehouse again, from their stored text.

Why: a target added to the catalogue, a lexicon edited or a model trained after pages were read
changes what duokong would say of them, but `duokong run` reads inputs, and a scraper's folders
are often cleared once read. Their articles kept what the old catalogue or model said for good:
a new target's trend counted only the pages read since it was added, and a new model's views
only the articles it read itself. Each article's text and metadata are stored whole, so only
its stances and predictions are made anew; they go through the run's own writer
(warehouse/load.write_results, stored=True), so an article is "updated" exactly when a run
reading its unchanged input again would call it so, and resolved claims keep their outcomes.

Only articles a page still reads are analysed: an earlier version of an edited page, kept for
its resolved claims, is a record of what was said then and stays as it is.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.batch import analyzer_for, release_memory, spill, unspill
from pipeline.ingest import (
    Run,
    batch_size_for,
    recorded_run,
    spill_folder,
    summary,
    write_run_report,
)
from pipeline.lock import run_lock
from pipeline.records import Article, PageResult
from pipeline.settings import Settings
from pipeline.targets import Catalogue
from pipeline.warehouse.load import (
    forget_inputs_of_other_versions,
    make_current,
    write_results,
)
from pipeline.warehouse.runs import WriteCounts, finish_run
from pipeline.workers import stoppable_pool

log = logging.getLogger(__name__)

# What the runs table lists as the inputs of a run over stored articles.
STORED_INPUT = "(articles stored in the warehouse)"

# Each article with a page that reads it, its own (its source) first: the page's key, hash and
# fetch time are what the writer compares a page's copy by.
_STORED = """
SELECT a.id, a.url, a.source, a.site, a.title, a.author, a.published, a.category, a.body,
       coalesce(a.note, '') AS note, a.extractor, a.encoding, p.page_key, p.raw_hash, p.fetched_at
FROM articles a JOIN pages p ON p.article_id = a.id
JOIN _read USING (id)
QUALIFY row_number() OVER (PARTITION BY a.id ORDER BY p.source = a.source DESC, p.page_key) = 1
"""


def articles_to_read(
    con: duckdb.DuckDBPyConnection, model: str, targets: list[str], missing: bool
) -> list[str]:
    """The ids of the stored articles some page still reads, oldest first (a run stopped
    midway has brought the start of the history up to date); not an edited page's old version.
    missing: only those lacking a stance of `model` for some target of the catalogue (a target
    added, a model switched to), which leaves alone articles read again after a lexicon changed.
    Any page, not only the one the article was first read from: a feed's item read again by its
    link's URL reads the same article under another source, and the article was passed over
    while the report kept sending the user back to read it."""
    lacking = (
        "AND (SELECT count(DISTINCT s.target) FROM stances s WHERE s.article_id = a.id "
        "AND s.model = ? AND list_contains(?, s.target)) < ?"
    )
    sql = (
        "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM pages p "
        "WHERE p.article_id = a.id) "
        f"{lacking if missing else ''} ORDER BY a.published NULLS LAST, a.id"
    )
    params: list[Any] = [model, targets, len(targets)] if missing else []
    return [row[0] for row in con.execute(sql, params).fetchall()]


def stored_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[Article]:
    """The articles of these ids as the writer expects them from a page read again."""
    con.register("_read", pa.table({"id": pa.array(ids, pa.string())}))
    try:
        cursor = con.execute(_STORED)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.unregister("_read")
    order = {aid: n for n, aid in enumerate(ids)}
    rows.sort(key=lambda row: order[row["id"]])
    return [Article(**row | {"extractor": row["extractor"] or ""}) for row in rows]


def analyze_stored(
    articles: list[Article], settings: Settings, spill_dir: str | None = None
) -> str | list[PageResult]:
    """Stances and predictions of stored articles, in a worker: spilled to a file in spill_dir
    (as a run's batches are: no executor holds a run's articles), else returned."""
    analyzer = analyzer_for(settings)
    results = [analyzer.analyze_stored(a) for a in articles]
    release_memory()
    return spill(results, spill_dir) if spill_dir else results


Submit = Callable[[list[Article]], Any]


def reanalyze(
    run: Run,
    ids: list[str],
    submit: Submit,
    settings: Settings,
    workers: int,
    on_batch: Callable[[int, WriteCounts], None] = lambda n, counts: None,
) -> WriteCounts:
    """Analyse the articles of ids again in batches on the workers (submit), a few in flight,
    and write each batch as it is done, in order, in this thread: the single writer. Each
    batch's articles are read from the warehouse as it is submitted, so memory holds only
    the batches in flight however large the warehouse."""
    size = batch_size_for(len(ids), settings.batch_size, workers)
    batches = iter(ids[i : i + size] for i in range(0, len(ids), size))
    in_flight: deque[tuple[Any, int]] = deque()
    while True:
        while len(in_flight) < 2 * workers and (batch := next(batches, None)) is not None:
            in_flight.append((submit(stored_articles(run.con, batch)), len(batch)))
        if not in_flight:
            # The model the views read, once every article is: a re-analysis stopped midway left
            # the views reading the new model on the part it had written, and one that found
            # nothing to write (every article read by it already) left the old model current.
            make_current(run.con, settings.model)
            return run.counts
        future, n = in_flight.popleft()
        result = future.result()
        results: list[PageResult] = unspill(result) if isinstance(result, str) else result
        counts = write_results(
            run.con, results, run.id, settings.model, run_pages=run.pages, stored=True
        )
        forget_inputs_of_other_versions(
            run.con, [r.article.id for r in results if r.article is not None], run.version
        )
        counts.seen = len(results)
        run.counts.add(counts)
        finish_run(
            run.con,
            run.id,
            None,
            run.counts.seen,
            run.counts,
            round(time.perf_counter() - run.started, 2),
        )
        on_batch(n, counts)


def reanalyze_warehouse(
    settings: Settings,
    missing: bool = False,
    report: str | None = None,
    lock_wait_s: float = 0.0,
) -> dict:
    """A whole re-analysis without Prefect, on a pool of `settings.workers` processes: the
    flow's work (flows/reanalyze.py), for scripts and tests."""
    workers = settings.workers or os.cpu_count() or 1
    with run_lock(settings.db_path(), lock_wait_s):
        with (
            recorded_run(
                settings,
                [STORED_INPUT],
                run_parameters(settings, workers, missing, report),
                False,
                wait_s=lock_wait_s,
            ) as run,
            spill_folder() as spill_dir,
            stoppable_pool(workers) as pool,
        ):
            ids = articles_to_read(run.con, settings.model, catalogue_ids(settings), missing)
            log.info("%d stored articles to analyse again", len(ids))
            reanalyze(
                run,
                ids,
                lambda articles: pool.submit(analyze_stored, articles, settings, spill_dir),
                settings,
                workers,
            )
        report_path = write_run_report(settings, report)
    return summary(run, settings, report_path, False)


def run_parameters(settings: Settings, workers: int, missing: bool, report: str | None) -> dict:
    """What the runs table records of a re-analysis."""
    return {
        "reanalyze": "missing" if missing else "all",
        "batch_size": settings.batch_size,
        "workers": workers,
        "report": report,
    }


def catalogue_ids(settings: Settings) -> list[str]:
    return Catalogue.load(settings.path("targets_file")).ids
