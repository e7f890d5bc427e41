"""What the `duokong` commands share: settings with a database override, a read-only
connection with the warehouse's views, a target named by id or alias, rows printed as a table,
CSV or JSON, and a check that an output path can be written before any work starts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click

from pipeline.errors import DuokongError
from pipeline.records import to_jsonable
from pipeline.settings import Settings, load_settings


def _wait(help_text: str):
    return click.option(
        "--wait", "wait_s", type=click.FloatRange(min=0), metavar="SECONDS", help=help_text
    )


# How long a command that writes the warehouse waits for the run lock or a reader (run,
# reanalyze, predictions resolve), and one that reads it for a run writing to it (sql, report,
# predictions due/list/scores): DuckDB lets no reader in meanwhile.
wait_option = _wait(
    "Wait this long for another run, or a reader, on the same database (default: lock_wait_s, 0)."
)
read_wait_option = _wait(
    "Wait this long for a run writing to the database (default: lock_wait_s, 0)."
)


def waited(settings: Settings, wait_s: float | None) -> float:
    """The seconds a command waits for the database: its --wait, else the setting lock_wait_s."""
    return settings.lock_wait_s if wait_s is None else wait_s


def readonly(db: str | None, any_database: bool = False, wait_s: float | None = None):
    """A read-only connection for this command, closed when the command ends. External file
    access is off: `duokong sql` reads the warehouse and nothing else. Only a database duokong
    made, unless any_database (`duokong sql` reads any DuckDB file). wait_s: how long to wait
    for a run writing to it (default: the setting lock_wait_s)."""
    from pipeline.warehouse import connect_readonly
    from pipeline.warehouse.connection import require_duokong

    settings = settings_for(db)
    path = settings.db_path()
    con = connect_readonly(path, waited(settings, wait_s))
    if not any_database:
        try:
            require_duokong(con, path)
        except Exception:
            con.close()
            raise
    con.execute("SET enable_external_access = false")
    click.get_current_context().call_on_close(con.close)
    return con


def target_id(name: str | None, con, settings: Settings) -> str | None:
    """The target id a user means by --target: a catalogue id, name or alias in any case, or
    an id the warehouse holds (a target since removed from the catalogue); else a clear error
    rather than an empty report."""
    if name is None:
        return None
    from pipeline.targets import AmbiguousTarget, Catalogue

    catalogue = Catalogue.load(settings.path("targets_file"))
    try:
        found = catalogue.id_for(name)
    except AmbiguousTarget as exc:
        raise click.ClickException(str(exc)) from None
    # (a removed target's stances go; its claims stay, resolved ones under its id)
    stored = {
        r[0]
        for r in con.execute(
            "SELECT target FROM stances UNION SELECT target FROM predictions "
            "WHERE target IS NOT NULL"
        ).fetchall()
    }
    if found is None and name in stored:
        found = name
    if found is None:
        known = ", ".join(sorted(set(catalogue.ids) | stored))
        raise click.ClickException(
            f"unknown target {name!r}; known targets: {known} "
            f"(add one to {settings.path('targets_file')})"
        )
    return found


def settings_for(db: str | None = None) -> Settings:
    if db == "":
        raise click.UsageError("--db is empty; give a .duckdb file, or leave --db out")
    try:
        return load_settings().with_overrides(db=db)
    except DuokongError as exc:
        raise click.ClickException(str(exc)) from None


def print_rows(columns: list[str], rows: Iterable[tuple], fmt: str, width: int = 40) -> None:
    """Rows as a table, CSV, JSON or Markdown. CSV, JSON and Markdown are written as the rows
    come, so a query's whole result need not fit in memory (20 million rows took 2.1 GB); a
    table must see every row to size its columns."""
    if fmt == "json":
        _print_json_rows(columns, rows)
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")  # as DuckDB writes CSV; \r\n broke shell tests
        w.writerow(columns)
        for batch in _batched(rows):
            w.writerows([_csv_value(v) for v in r] for r in batch)
            click.echo(buf.getvalue(), nl=False)
            buf.seek(0)
            buf.truncate()
        click.echo(buf.getvalue(), nl=False)
    elif fmt == "markdown":
        # whole values: Markdown is for pasting elsewhere, where a cut quote is a wrong one
        click.echo("| " + " | ".join(columns) + " |")
        click.echo("|" + "---|" * len(columns))
        for batch in _batched(rows):
            click.echo(
                "\n".join(
                    "| " + " | ".join(_cell(v).replace("|", "\\|") for v in r) + " |" for r in batch
                )
            )
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="ellipsis", max_width=width)
        cut = False
        for r in rows:
            cells = [_cell(v) for v in r]
            cut = cut or any(len(c) > width for c in cells)
            table.add_row(*(_cut(c, width) for c in cells))
        # Piped output gets a fixed width, so columns are not squeezed to 80 characters.
        Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160).print(table)
        if cut:
            click.echo(
                f"(values over {width} characters are cut with …; --format markdown, csv or json "
                "gives them whole)",
                err=True,
            )


def _print_json_rows(columns: list[str], rows: Iterable[tuple]) -> None:
    """The rows as one JSON list, written object by object: the text json.dumps(list,
    indent=2) would give, without holding the list."""
    keys = unique_names(columns)  # two columns named alike kept only the last one's value
    opened = False
    for batch in _batched(rows):
        parts = []
        for r in batch:
            obj = json.dumps(
                dict(zip(keys, to_jsonable(r), strict=True)), ensure_ascii=False, indent=2
            )
            parts.append(("[\n" if not opened else ",\n") + "  " + obj.replace("\n", "\n  "))
            opened = True
        click.echo("".join(parts), nl=False)
    click.echo("\n]" if opened else "[]")


def _batched(rows: Iterable[tuple], size: int = 5000) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for r in rows:
        batch.append(r)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def unique_names(columns: list[str]) -> list[str]:
    """Column names as JSON keys, each once: a second label is label_2 (a self-join)."""
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
        name = c if seen[c] == 1 else f"{c}_{seen[c]}"
        while name in columns and seen[c] > 1:
            seen[c] += 1
            name = f"{c}_{seen[c]}"
        out.append(name)
    return out


def _csv_value(value: object) -> object:
    """A list or struct as JSON, as `duokong export --format csv` writes it (a Python repr
    such as ['a', 'b'] is no format another program reads)."""
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(to_jsonable(value), ensure_ascii=False)
    if isinstance(value, bytes):
        return _blob_text(value)
    return value


def _blob_text(value: bytes) -> str:
    """A BLOB as DuckDB's own CSV writer spells it (\\xAA for a byte that is not printable
    ASCII), not Python's b'\\xaa' repr."""
    return "".join(
        chr(b) if 32 <= b < 127 and chr(b) not in "\\\"'" else f"\\x{b:02X}" for b in value
    )


def _cell(value: object) -> str:
    """A value on one line."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = str(value)  # nan and inf as such: to_jsonable makes them None, shown as NULL is
    else:
        text = str(to_jsonable(value)) if not isinstance(value, str) else value
    return " ".join(text.split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def check_writable(path: Path, option: str) -> None:
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


def not_empty(value: str | None, option: str) -> str | None:
    """A path option given as "" (an unset shell variable: --out "$OUT") is an error: it was
    read as no option (the default report) or as the working directory (export)."""
    if value == "":
        raise click.UsageError(f"{option} is empty; give a path")
    return value


def no_empty_paths(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
    """A PATH argument given as "" (an unset shell variable: duokong analyze "$F") is an error:
    it read as the working directory, and in a checkout that is every file of the tree and of
    its .venv, for many minutes."""
    if any(v == "" for v in values):
        raise click.BadParameter(
            "a PATH is empty (an unset shell variable?); name a file or a folder",
            ctx=ctx,
            param=param,
        )
    return values


class Day(click.ParamType):
    """A day as YYYY-MM-DD; an impossible one (2025-02-30) is named as such, not as a format
    mismatch."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        text = value.strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{value!r} is not a day written YYYY-MM-DD (e.g. 2025-12-31)", param, ctx)
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is no day of the calendar", param, ctx)
