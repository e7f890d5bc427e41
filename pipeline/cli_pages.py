"""`duokong analyze` and `duokong extract`: one page or a few, from files or stdin, printed as
JSON or text, without a database; for trying the pipeline on a page before a batch.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline import cli_common as common


def _analyze_paths(
    paths: tuple[str, ...], with_analysis: bool, containers: list[str] | None = None
) -> tuple[list[dict], list[str]]:
    """Each page's JSON, and the paths that were not there."""
    from pipeline.batch import analyzer_for, read_any
    from pipeline.errors import InputError
    from pipeline.records import PageResult, Reject, page_json
    from pipeline.sources import discover

    settings = common.settings_for()
    analyzer = analyzer_for(settings)
    out: list[dict] = []
    missing: list[str] = []
    if paths.count("-") > 1:
        raise click.UsageError("- (standard input) can be given once")

    def pages_at(path: str):
        """One path's pages; a path that is not there is a record of its own, so the other
        paths are still read (a typo in one of forty paths should not cost the other 39)."""
        if path == "-":
            yield from _stdin_pages(settings.max_page_bytes, containers)
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
    """Every page that could be read is printed, a refused one as a record with its error. For
    scripts, once the rest is out: a missing path, or no page that could be used at all, makes
    the exit status 1 (every page refused exited 0, as if all was well), and the pages refused
    are counted on standard error, whose reasons the records hold."""
    containers: list[str] = []  # standard input that turned out to hold JSON records
    objs, missing = _analyze_paths(paths, with_analysis, containers)
    _emit(objs, fmt, one_page=_one_page(paths) and not containers)
    refused = [o for o in objs if o["error"] and o["source"] not in missing]
    if refused:
        click.echo(f"error: {len(refused)} of {len(objs)} page(s) refused", err=True)
    if missing:
        click.echo(f"error: {len(missing)} path(s) not found: {', '.join(missing)}", err=True)
    if missing or not any(o["error"] is None for o in objs):
        sys.exit(1)


def _stdin_pages(max_bytes: int, containers: list[str] | None = None):
    """`-`: one page piped in (curl … | duokong analyze -), of no known kind: extraction tells
    HTML from a text dump by its markup, a feed is read as a feed and a scraper's JSON record
    (or JSON lines) as its records, as from a file; then "<stdin>" is added to containers,
    for the output to be a list as a JSON file's is, however many records it held."""
    from pipeline.input_files import RAISE_LIMIT
    from pipeline.records import RawPage, Reject
    from pipeline.sources import json_records, json_records_in, pages_of

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Reject.now(
            "<stdin>", "read", "too-large", f"<stdin>: over {max_bytes} bytes{RAISE_LIMIT}"
        )
        return
    if (records := json_records_in(data)) is not None:
        if containers is not None:
            containers.append("<stdin>")
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
            # the writer's note, kept out of the body, marked as a quote over it
            note = "".join(f"> {line}\n" for line in (o.get("note") or "").splitlines())
            body = o.get("body") or "ERROR: " + str(o["error"])
            click.echo(f"# {o.get('title') or o['source']}\n{note}{body}\n")
    else:
        shown = objs[0] if one_page and len(objs) == 1 else objs
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=common.no_empty_paths)
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


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=common.no_empty_paths)
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
