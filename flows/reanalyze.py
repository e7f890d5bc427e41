"""The re-analysis flow: the articles stored in the warehouse → stances and predictions anew
(batched, mapped) → one writer → report. A few lines over pipeline/reanalyze.py, which says why
it exists; run by `duokong reanalyze` after a target is added to the catalogue, a lexicon is
edited or another model is chosen, when the inputs the articles came from are gone.
"""

from __future__ import annotations

import os

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.batch import analysis_runner, report_task
from pipeline.ingest import recorded_run, spill_folder, summary
from pipeline.lock import run_lock
from pipeline.reanalyze import (
    STORED_INPUT,
    analyze_stored,
    articles_to_read,
    catalogue_ids,
    reanalyze,
    run_parameters,
)
from pipeline.records import Article, PageResult
from pipeline.settings import Settings, load_settings
from pipeline.warehouse.runs import WriteCounts


@task(name="reanalyze-batch", cache_policy=NO_CACHE)
def reanalyze_task(
    articles: list[Article], settings: Settings, spill_dir: str | None
) -> str | list[PageResult]:
    return analyze_stored(articles, settings, spill_dir)


@flow(name="duokong-reanalyze")
def reanalyze_flow(
    db: str | None = None,
    report: str | None = None,
    batch_size: int | None = None,
    model: str | None = None,
    workers: int | None = None,
    missing: bool = False,
    lock_wait_s: float | None = None,
) -> dict:
    """Analyse the stored articles again with the current catalogue, lexicons and model.

    missing: only the articles lacking a stance of the model for some target of the catalogue
    (a target added, a model switched to)."""
    logger = get_run_logger()
    settings = load_settings().with_overrides(
        db=db, batch_size=batch_size, model=model, workers=workers
    )
    wait = lock_wait_s if lock_wait_s is not None else settings.lock_wait_s
    n_workers = settings.workers or os.cpu_count() or 1
    params = run_parameters(settings, n_workers, missing, report)
    with run_lock(settings.db_path(), wait):
        with (
            recorded_run(settings, [STORED_INPUT], params, False, logger, wait) as run,
            spill_folder() as spill_dir,
            analysis_runner(n_workers, None) as runner,
        ):
            ids = articles_to_read(run.con, settings.model, catalogue_ids(settings), missing)
            logger.info("%d stored articles to analyse again", len(ids))
            bar = progress.current()
            bar.start(len(ids))

            def written(n: int, counts: WriteCounts) -> None:
                logger.info(
                    "analysed %d articles again: %d updated, %d unchanged, %d failed",
                    n,
                    counts.updated,
                    counts.unchanged,
                    counts.rejected,
                )
                bar.advance(n, counts.new, counts.updated, 0, counts.rejected)

            def submit(articles: list[Article]):
                params = {"articles": articles, "settings": settings, "spill_dir": spill_dir}
                return runner.submit(reanalyze_task, parameters=params)

            reanalyze(run, ids, submit, settings, n_workers, written)
        report_path = report_task(settings, report)
    result = summary(run, settings, report_path, False)
    logger.info("re-analysis %s: %s", run.id, result)
    return result
