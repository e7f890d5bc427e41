"""`duokong predictions`: the prediction ledger: what falls due, what an author or a site
predicted, an outcome recorded by hand, and the scores of the resolved ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import click

from pipeline import cli_common as common

# How `predictions scores` names a missing author or site (the view's own words: its rows of a
# whole site leave the author NULL); `due` and `list` show them so too, in every format, so
# that their rows join the scores', and `--site`/`--author` take them back.
UNKNOWN_AUTHOR, UNKNOWN_SITE = "(unknown author)", "(unknown site)"
_NAMES = f"coalesce(site, '{UNKNOWN_SITE}') AS site, coalesce(author, '{UNKNOWN_AUTHOR}') AS author"


@click.group()
def predictions() -> None:
    """List predictions, see which fall due, and record outcomes.

    \b
    Example:
      duokong predictions due
      duokong predictions resolve 79c07eebcb9b --outcome wrong --note "R2 shipped late"
    """


# The time a due date was computed from, marked where the claim took it from another claim or
# from the article's horizon: a user checks such a claim against a time its author gave
# elsewhere, or should judge it without one.
HORIZON = "CASE WHEN horizon_source = 'inherited' THEN horizon || ' (inherited)' ELSE horizon END"


def _id_and_horizon(fmt: str) -> str:
    """For reading (table, markdown): the id's first 12 characters, which resolve takes, and
    the horizon marked; for further work (csv, json): the whole id, which joins the
    predictions table, and the horizon and its source in columns of their own."""
    if fmt in ("csv", "json"):
        return "id, due, horizon, horizon_source"
    return f"id[:12] AS id, due, {HORIZON} AS horizon"


def _filter_options(command: Callable) -> Callable:
    """--target, --author, --site, --format and --wait, which `due` and `list` share."""
    options = (
        click.option("--target", help="Only this target id."),
        click.option("--author", help="Only predictions by this author."),
        click.option("--site", help="Only predictions from this site."),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "csv", "json", "markdown"]),
            default="table",
        ),
        common.read_wait_option,
    )
    for option in reversed(options):
        command = option(command)
    return command


@predictions.command("due")
@click.option("--db", help="DuckDB file.")
@click.option("--as-of", type=common.Day(), help="Date to check against (default today).")
@_filter_options
def predictions_due(
    db: str | None,
    as_of,
    target: str | None,
    author: str | None,
    site: str | None,
    fmt: str,
    wait_s: float | None,
) -> None:
    """Predictions whose due date has passed and that have no outcome yet, one row per claim:
    a claim that several articles make (a repost, a mirror) is shown once, where it was first
    made, with how many `articles` make it; resolving it resolves them all.

    \b
    Example:
      duokong predictions due --as-of 2025-12-31
      duokong predictions due --target nvidia --site 卡卷网
    """

    con = common.readonly(db, wait_s=wait_s)
    day = as_of or date.today()
    where, params, asked = _filters(con, db, target, author, site)
    cur = con.execute(
        f"SELECT {_id_and_horizon(fmt)}, target, direction, hedge, speaker, "
        f"conditional, quote, {_NAMES}, articles"
        + (", title, url, published" if fmt in ("csv", "json") else "")
        + f" FROM claim_status WHERE outcome IS NULL AND due <= ? AND {where} "
        "ORDER BY due, id",
        [day, *params],
    )
    rows = cur.fetchall()
    if not rows and fmt == "table":
        click.echo(f"No prediction is due as of {day}" + (f" (none{asked})." if asked else "."))
        return
    common.print_rows([d[0] for d in cur.description], rows, fmt, width=60)


@predictions.command("list")
@click.option("--db", help="DuckDB file.")
@_filter_options
def predictions_list(
    db: str | None,
    target: str | None,
    author: str | None,
    site: str | None,
    fmt: str,
    wait_s: float | None,
) -> None:
    """Every prediction with its status (open, due, correct, wrong, void), and whether its
    page still reads so (version: current, or earlier where the page was edited after the
    claim was resolved, which keeps its outcome on the text it was made in). One row per
    claim, as `due` shows them.

    \b
    Example:
      duokong predictions list --target deepseek --site 卡卷网
    """
    con = common.readonly(db, wait_s=wait_s)
    where, params, asked = _filters(con, db, target, author, site)
    cur = con.execute(
        f"SELECT {_id_and_horizon(fmt)}, status, target, direction, hedge, "
        f"speaker, conditional, quote, {_NAMES}, CASE WHEN article_id IN "
        "(SELECT article_id FROM pages) THEN 'current' ELSE 'earlier' END AS version, articles "
        f"FROM claim_status WHERE {where} "
        "ORDER BY due NULLS LAST, id",
        params,
    )
    rows = cur.fetchall()
    if not rows and fmt == "table":
        click.echo(f"No prediction{asked or ' yet'}.")
        return
    common.print_rows([d[0] for d in cur.description], rows, fmt, width=60)


def _filters(
    con, db: str | None, target: str | None, author: str | None, site: str | None
) -> tuple[str, list, str]:
    """The WHERE clause of --target, --author and --site over claim_status, its
    parameters, and the words that say what was asked when nothing matches (" matches
    --author 'x' about nvidia"; empty when nothing was asked). The target as the catalogue knows it (a name or an alias in any
    case); names compared folded, as `predictions scores` shows them."""
    target = common.target_id(target, con, common.settings_for(db))
    author, site = (v.strip() if v is not None else None for v in (author, site))
    from duckdb.sqltypes import VARCHAR

    con.create_function("folded", _folded, [VARCHAR], VARCHAR)
    where = f"(? IS NULL OR target = ?) AND {_named('author')} AND {_named('site')}"
    params = [
        target,
        target,
        *_name_params(author, UNKNOWN_AUTHOR),
        *_name_params(site, UNKNOWN_SITE),
    ]
    named = [f"--{k} {v!r}" for k, v in (("author", author), ("site", site)) if v is not None]
    asked = (
        f" matches {' and '.join(named)} (names as `predictions scores` shows them)"
        if named
        else ""
    ) + (f" about {target}" if target else "")
    return where, params, asked


def _folded(name: str | None) -> str | None:
    """A name as filters compare it: in Simplified characters and lower case (麥志強 is
    麦志强, 阿Ken is 阿ken), whitespace at its ends aside."""
    from pipeline.nlp import to_simplified

    return to_simplified(name).strip().casefold() if name is not None else None


def _named(column: str) -> str:
    """The filter on author or site: none given, the placeholder `scores` shows for a missing
    name, or the name as folded."""
    return f"(? IS NULL OR (CASE WHEN ? THEN {column} IS NULL ELSE folded({column}) = ? END))"


def _name_params(value: str | None, unknown: str) -> list:
    return [value, value == unknown, _folded(value)]


@predictions.command("scores")
@click.option("--db", help="DuckDB file.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table"
)
@common.read_wait_option
def predictions_scores(db: str | None, fmt: str, wait_s: float | None) -> None:
    """Per site and author: resolved predictions, hit rate and Brier score (the hedge read as a
    probability: certain 0.95, likely 0.75, possible 0.55; see table hedge_probability). Only
    the author's own claims count; reported_resolved counts the resolved claims the articles
    report from others (分析师预计…), which are left out.

    \b
    Example:
      duokong predictions scores --format markdown
    """

    con = common.readonly(db, wait_s=wait_s)
    # Rounded for reading only: csv and json give the figures whole, for further work.
    shown = "round({0}, 3) AS {0}" if fmt in ("table", "markdown") else "{0}"
    # The whole site's row: a word for the reader; NULL, as in the view, for further work.
    whole = "coalesce(author, '(all authors)')" if fmt in ("table", "markdown") else "author"
    cur = con.execute(
        f"SELECT site, {whole} AS author, resolved, correct, wrong, void, "
        f"{shown.format('hit_rate')}, {shown.format('brier')}, reported_resolved "
        "FROM prediction_scores ORDER BY site, author NULLS FIRST"
    )
    rows = cur.fetchall()
    if not rows and fmt == "table":
        click.echo("No prediction has been resolved yet; see `duokong predictions resolve --help`.")
        return
    common.print_rows([d[0] for d in cur.description], rows, fmt)


@predictions.command("resolve")
@click.argument("prediction_id")
@click.option("--outcome", type=click.Choice(["correct", "wrong", "void"]), required=True)
@click.option("--note", help="Why, in a sentence.")
@click.option("--evidence", help="A URL that shows the outcome.")
@click.option(
    "--on",
    "resolved_on",
    type=common.Day(),
    help="The day the outcome became known, when that was before today (default today; with --replace and the same outcome, the day recorded before).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Change an outcome recorded before (the old one is kept in prediction_outcome_history; its note, evidence and day carry over only when the outcome stays the same; an empty --note or --evidence clears it).",
)
@click.option("--db", help="DuckDB file.")
@common.wait_option
def predictions_resolve(
    prediction_id: str,
    outcome: str,
    note: str | None,
    evidence: str | None,
    resolved_on,
    replace: bool,
    db: str | None,
    wait_s: float | None,
) -> None:
    """Record the outcome of a prediction (an id prefix is enough when unique). A conditional
    prediction whose condition did not happen is void.

    \b
    Example:
      duokong predictions list --format csv | head      # ids, quotes, due dates
      duokong predictions resolve 79c07eebcb9b --outcome correct --evidence https://example.com
      duokong predictions resolve 79c07eebcb9b --outcome wrong --on 2025-08-02
    """
    from pipeline.ledger import LedgerError, resolve
    from pipeline.warehouse import connect, require_database

    settings = common.settings_for(db)
    con = connect(require_database(settings.db_path()), common.waited(settings, wait_s))
    click.get_current_context().call_on_close(con.close)
    try:
        done = resolve(con, prediction_id, outcome, note, evidence, replace=replace, on=resolved_on)
    except LedgerError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in done.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{done.id[:12]}: {outcome}" + (f" (was {done.replaced})" if done.replaced else ""))
