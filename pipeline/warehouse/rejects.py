"""The `rejects` table: what is refused now, and nothing else. A reject is written by the run
that refuses it and goes when its input reads again, when the page is fixed, when a URL is
fetched or taken off every list, or when pipeline/settled.py says it no longer holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import duckdb
import pyarrow as pa

from pipeline.fetch import url_key
from pipeline.records import PageResult, Reject
from pipeline.warehouse.sql import insert_rows, of_input, registered


def write_rejects(
    con: duckdb.DuckDBPyConnection, rejects: Iterable[Reject], run_id: str | None
) -> int:
    rows = {}
    rejects = list(rejects)
    # A URL refused now for one reason is no longer refused for the one before (HTTP 404 last
    # run, 500 now), nor for what its page was then (empty, mojibake: read at another stage):
    # rejects lists what is refused now.
    refetched = {(r.source, r.reason) for r in rejects if r.stage == "fetch"}
    if refetched:
        con.executemany(
            "DELETE FROM rejects WHERE source = ? AND NOT (stage = 'fetch' AND reason = ?)",
            [list(pair) for pair in refetched],
        )
    for r in rejects:
        key = (r.source, r.stage, r.reason, r.raw_hash or "")
        rows[key] = {
            "source": r.source,
            "stage": r.stage,
            "reason": r.reason,
            "detail": r.detail,
            "raw_hash": r.raw_hash or "",
            "run_id": run_id,
            "first_at": r.at,
            "last_at": r.at,
        }
    insert_rows(
        con,
        "rejects",
        list(rows.values()),
        "ON CONFLICT (source, stage, reason, raw_hash) DO UPDATE SET last_at = excluded.last_at, "
        "detail = excluded.detail, run_id = excluded.run_id",
    )
    return len(rows)


def clear_stale_rejects(con: duckdb.DuckDBPyConnection, inputs: list[str], run_id: str) -> None:
    """Rejects of inputs read through again, recorded by an earlier run: what is refused now
    is written by this run (a file's earlier parts in the batches before), and a refusal that
    no longer happens (a WARC since finished, a JSONL line since fixed) must not stay."""
    if not inputs:
        return
    with registered(con, "_reread", pa.table({"input": inputs})):
        con.execute(
            "DELETE FROM rejects r USING _reread i WHERE r.run_id IS DISTINCT FROM ? "
            f"AND {of_input('r.source', 'i.input')}",
            [run_id],
        )


def clear_settled_rejects(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    roots: list[str],
    settled: Callable[[str, str], bool],
) -> int:
    """After a completed run: the rejects earlier runs recorded under the paths this run was
    given (roots) for which settled(source, reason) says they no longer hold (pipeline/
    settled.py). A run over other roots, or a fetch's reject (its source a URL), keeps its
    own. Returns how many went."""
    if not roots:
        return 0
    with registered(con, "_roots", pa.table({"root": [r.rstrip("/") or "/" for r in roots]})):
        earlier = con.execute(
            "SELECT source, reason FROM rejects r WHERE r.run_id IS DISTINCT FROM ? AND EXISTS "
            "(SELECT 1 FROM _roots o WHERE r.source = o.root "
            "OR starts_with(r.source, rtrim(o.root, '/') || '/'))",
            [run_id],
        ).fetchall()
    over = [(source, reason) for source, reason in earlier if settled(source, reason)]
    if over:
        settled_rows = pa.table({"source": [s for s, _ in over], "reason": [r for _, r in over]})
        with registered(con, "_settled", settled_rows):
            con.execute(
                "DELETE FROM rejects r USING _settled o WHERE r.run_id IS DISTINCT FROM ? "
                "AND r.source = o.source AND r.reason = o.reason",
                [run_id],
            )
    return len(over)


def clear_unlisted_fetch_rejects(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    listed: dict[str, list[str]],
    gone: Callable[[str], bool],
) -> int:
    """After a completed run: record which URLs each URL list read (listed: list → url_keys)
    lists now, and drop the fetch rejects of earlier runs for URLs that no list lists any more
    (taken off their list, or their list deleted: gone(list)), and the rejects of the pages
    fetched from them (a page without text, a feed's bad item). A URL fetched each run while it
    is listed has its reject made again or cleared then; one taken off its list is never
    fetched again, and its reject stayed listed as refused for good. A list not read now (an
    unreadable one, one outside this run's roots) keeps its URLs: it may still list them.
    Returns how many rejects went."""
    earlier = con.execute("SELECT list, url_key FROM url_lists").fetchall()
    if not earlier and not listed:
        return 0  # a run of files alone, on a database that never read a URL list
    redone = {name for name, _ in earlier if name in listed or gone(name)} | set(listed)
    off_before = {key for name, key in earlier if name in redone}
    rows = [{"list": name, "url_key": key} for name, keys in listed.items() for key in set(keys)]
    con.execute("BEGIN TRANSACTION")
    try:
        if redone:
            con.executemany("DELETE FROM url_lists WHERE list = ?", [[n] for n in redone])
        insert_rows(con, "url_lists", rows, "ON CONFLICT DO NOTHING")
        still = {key for (key,) in con.execute("SELECT DISTINCT url_key FROM url_lists").fetchall()}
        off = off_before - still
        refused = con.execute(
            "SELECT DISTINCT source, stage FROM rejects WHERE run_id IS DISTINCT FROM ? "
            "AND (stage = 'fetch' OR contains(source, '://'))",
            [run_id],
        ).fetchall()
        urls = (
            (source, stage, source if stage == "fetch" else fetched_url(source))
            for source, stage in refused
        )
        unlisted = [(source, stage) for source, stage, url in urls if url and url_key(url) in off]
        if unlisted:
            con.executemany(
                "DELETE FROM rejects WHERE source = ? AND stage = ?", [list(r) for r in unlisted]
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(unlisted)


def fetched_url(source: str) -> str:
    """The URL a page or reject source came from (a feed's item: url#item3); "" for a file."""
    return source.partition("#")[0] if "://" in source else ""


def clear_answered_rejects(
    con: duckdb.DuckDBPyConnection, good: dict[str, PageResult], fetched: list[str]
) -> None:
    """An input refused before (a broken catalogue, a page since fixed) that now reads is no
    reject any more: rejects lists what is refused now. Nor is a URL fetched now that failed
    to fetch before."""
    fixed = [r.article.source for r in good.values() if r.article is not None]
    if fixed:
        with registered(con, "_fixed", pa.table({"source": fixed})):
            con.execute("DELETE FROM rejects WHERE source IN (SELECT source FROM _fixed)")
    if fetched:
        with registered(con, "_fetched", pa.table({"source": fetched})):
            con.execute(
                "DELETE FROM rejects WHERE stage = 'fetch' "
                "AND source IN (SELECT source FROM _fetched)"
            )
