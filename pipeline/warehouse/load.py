"""The single writer: hash-keyed, idempotent upserts of a batch of results in one transaction.

Rows travel as Arrow tables (one INSERT … SELECT per table), about a hundred times faster than
executemany. Duplicates inside a batch are dropped first: DuckDB's ON CONFLICT keeps the first of
two equal keys within one statement.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.incremental import Known, SeenInput
from pipeline.input_files import source_path
from pipeline.near_copies import letters
from pipeline.records import Article, PageResult, Reject, normalise_for_id, utcnow
from pipeline.warehouse.copies import store_claim_words, store_fingerprints
from pipeline.warehouse.rejects import clear_answered_rejects, clear_stale_rejects, write_rejects
from pipeline.warehouse.runs import WriteCounts
from pipeline.warehouse.sql import insert_rows, of_input, registered, rows_with, unregister

log = logging.getLogger(__name__)


def known_inputs(con: duckdb.DuckDBPyConnection, keys: list[str], version: str) -> dict[str, Known]:
    """What the warehouse remembers of these inputs, processed by this pipeline version: the
    inputs a run may skip when their bytes still hash the same."""
    if not keys:
        return {}
    inputs = pa.table({"input": keys}, schema=pa.schema([("input", pa.string())]))
    with registered(con, "_inputs", inputs):
        rows = con.execute(
            "SELECT s.input, s.raw_hash, s.pages FROM seen_inputs s JOIN _inputs USING (input) "
            "WHERE s.version = ?",
            [version],
        ).fetchall()
    return {key: Known(raw_hash, pages) for key, raw_hash, pages in rows}


def _reads(input_: str, sources: list[str]) -> bool:
    """Whether a page of these sources comes from the input (the input itself, or a record in
    it: path#3): a page dated ahead keeps its input unremembered, to be read again next run."""
    return any(src == input_ or src.startswith(input_ + "#") for src in sources)


def _remember(
    con: duckdb.DuckDBPyConnection,
    seen: Iterable[SeenInput],
    version: str,
    run_id: str | None,
    now: datetime,
) -> None:
    rows = {
        s.input: {
            "input": s.input,
            "raw_hash": s.raw_hash,
            "version": version,
            "pages": s.pages,
            "rejected": s.rejected,
            "run_id": run_id,
            "first_seen": now,
            "last_done": now,
        }
        for s in seen
    }
    insert_rows(
        con,
        "seen_inputs",
        list(rows.values()),
        "ON CONFLICT (input) DO UPDATE SET raw_hash = excluded.raw_hash, version = excluded.version, "
        "pages = excluded.pages, rejected = excluded.rejected, run_id = excluded.run_id, "
        "last_done = excluded.last_done",
    )


# A claim's words, punctuation and spaces aside: 。 turned ！ leaves the claim the author made.
_WORDS = r"regexp_replace({}, '[\s\p{{P}}\p{{S}}]', '', 'g')"
# The writer's frame before a claim (我认为, 我觉得…): a comma put after it makes it a clause of
# its own, which the quote leaves out (我认为半年内… is quoted 半年内… once written 我认为，半年内…),
# and one frame written for another (我认为 → 我觉得) says the same; the claim is the same.
_FRAME = "(?:我|笔者|本人|个人)?(?:认为|觉得|相信|判断|预计|估计)|在我看来|我的看法是|我的判断是"
_SAME_WORDS = (
    "(regexp_replace({new}, '^(?:" + _FRAME + ")', '') = "
    "regexp_replace({old}, '^(?:" + _FRAME + ")', ''))"
)


def _carry_outcomes(
    con: duckdb.DuckDBPyConnection, moves: list[tuple[str, str]], copy: bool = False
) -> None:
    """A page edited since its predictions were resolved (a typo fixed, a paragraph added) is a
    new article; the outcome of each claim it still makes word for word (punctuation and spaces
    aside), about the same target,
    moves to the new article's prediction, so the ledger holds the claim once and resolved. A
    claim whose words changed keeps its outcome on the old article, which stays for it. copy:
    the old article is still read by another page (a repost), whose claims keep theirs too."""
    moves = [(old, new) for old, new in moves if old != new]
    if not moves:
        return
    moved = pa.table({"old": [m[0] for m in moves], "new": [m[1] for m in moves]})
    with registered(con, "_moves", moved):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _carried AS "
            "SELECT p.id AS old_id, n.id AS new_id FROM _moves m "
            "JOIN predictions p ON p.article_id = m.old "
            "JOIN predictions n ON n.article_id = m.new "
            f"AND {_SAME_WORDS.format(new=_WORDS.format('n.quote'), old=_WORDS.format('p.quote'))} "
            "AND n.target IS NOT DISTINCT FROM p.target "
            "WHERE p.id IN (SELECT prediction_id FROM prediction_outcomes) "
            "AND n.id NOT IN (SELECT prediction_id FROM prediction_outcomes) "
            # two old articles edited into one text: one outcome per claim, the first
            "QUALIFY row_number() OVER (PARTITION BY n.id ORDER BY p.id) = 1"
        )
        _move_carried(con, copy)


def _move_carried(con: duckdb.DuckDBPyConnection, copy: bool = False) -> None:
    """Outcomes, and the outcomes they replaced, from old_id to new_id for each pair in the
    temp table _carried, which goes; copy leaves the old ones in place."""
    con.execute(
        "INSERT INTO prediction_outcomes SELECT c.new_id, o.outcome, o.resolved_on, o.note, "
        "o.evidence, o.recorded_at FROM _carried c JOIN prediction_outcomes o "
        "ON o.prediction_id = c.old_id"
    )
    con.execute(  # the claim's whole trail goes with it, to every claim it is carried to
        "INSERT INTO prediction_outcome_history SELECT c.new_id, h.outcome, h.resolved_on, "
        "h.note, h.evidence, h.recorded_at, h.replaced_at FROM _carried c "
        "JOIN prediction_outcome_history h ON h.prediction_id = c.old_id"
    )
    if not copy:
        for table in ("prediction_outcomes", "prediction_outcome_history"):
            con.execute(f"DELETE FROM {table} WHERE prediction_id IN (SELECT old_id FROM _carried)")
        # The id a user noted when resolving still finds the claim (ledger.find_prediction),
        # however many times it has moved since.
        con.execute(
            "UPDATE prediction_id_changes SET new_id = c.new_id FROM _carried c "
            "WHERE prediction_id_changes.new_id = c.old_id"
        )
        con.execute(
            "INSERT OR REPLACE INTO prediction_id_changes SELECT old_id, new_id, now() FROM _carried"
        )
        # an edit undone brings a former id back: it is current, no former one
        con.execute("DELETE FROM prediction_id_changes WHERE old_id = new_id")
    con.execute("DROP TABLE _carried")


def _carry_retargeted(con: duckdb.DuckDBPyConnection) -> None:
    """A resolved claim whose target left the catalogue (renamed: huawei became hw), or a
    resolved claim about no target that the article no longer makes (a target added: AMD's
    claim was about nothing the catalogue knew), and which the article read again makes word
    for word about a target it did not name before: the outcome moves to that claim, and the
    old one goes, so the ledger does not ask for the claim twice. Only where that pairing is
    one to one: a quote naming two companies gives a claim for each, and one company's verdict
    must not pass to the other. Reads the batch's temp tables _written, _new_preds (claims
    this batch writes), _fresh (those it adds) and _new_stances."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _carried AS "
        "SELECT p.id AS old_id, n.id AS new_id FROM predictions p "
        "JOIN predictions n ON n.article_id = p.article_id AND n.quote = p.quote AND n.id <> p.id "
        "WHERE p.article_id IN (SELECT id FROM _written) "
        "AND n.id IN (SELECT id FROM _fresh) AND p.id NOT IN (SELECT id FROM _fresh) "
        "AND (p.target NOT IN (SELECT target FROM _new_stances) "
        "OR p.target IS NULL AND p.id NOT IN (SELECT id FROM _new_preds)) "
        "AND p.id IN (SELECT prediction_id FROM prediction_outcomes) "
        "AND n.id NOT IN (SELECT prediction_id FROM prediction_outcomes) "
        "QUALIFY count(*) OVER (PARTITION BY p.id) = 1 AND count(*) OVER (PARTITION BY n.id) = 1"
    )
    gone = [r[0] for r in con.execute("SELECT old_id FROM _carried").fetchall()]
    _move_carried(con)
    if gone:
        con.execute(f"DELETE FROM predictions WHERE id IN ({', '.join('?' * len(gone))})", gone)


# What a page says of its article besides the text: a change in any is an update to count,
# though the article's id (its text) stays.
_METADATA = ("url", "site", "title", "author", "published", "category", "note")


def _metadata(article: Article) -> tuple:
    return tuple(getattr(article, c) for c in _METADATA)


def _forget_readers(con: duckdb.DuckDBPyConnection, left: list[str]) -> set[str]:
    """The inputs of pages still reading an article its owning page has left (the original
    was edited; a repost still reads the old text) are forgotten as processed, so that they
    are read again (the run's end, pipeline/ingest.read_forgotten_again; the next run for a
    URL's page) and one of them takes the article over, with its own byline and date: skipped as unchanged, the old text kept the original's byline beside the edited
    version's, and the original author's claims counted twice until a --full run. Returns
    the inputs forgotten, which this batch must not remember again."""
    # the page it belongs to reads it no more (a repost edited leaves it to its owner)
    return _forget_inputs_reading(
        con,
        left,
        "NOT EXISTS (SELECT 1 FROM pages o WHERE o.article_id = a.id AND o.source = a.source)",
    )


def forget_readers_of_gone_owners(con: duckdb.DuckDBPyConnection) -> set[str]:
    """After a completed run: an article whose page's file is gone (deleted, renamed) while
    another page still reads its text (a repost, a copy) kept the gone page's byline, site and
    date for good: the copy, unchanged, was skipped run after run and never took it over. The
    inputs of those pages are forgotten as processed, so that they are read again (as above)
    and one of them takes the article over. Returns the inputs forgotten."""
    shared = con.execute(
        "SELECT DISTINCT a.id, a.source FROM articles a JOIN pages p ON p.article_id = a.id "
        "WHERE p.source <> a.source"
    ).fetchall()
    left = [aid for aid, source in shared if _gone(source)]
    return _forget_inputs_reading(con, left, "p.source <> a.source")


def page_keys_of(con: duckdb.DuckDBPyConnection, inputs: list[str]) -> list[str]:
    """The keys of the pages stored from these inputs (a file, or a record in it)."""
    rows = rows_with(
        con,
        "_of",
        {"input": inputs},
        f"SELECT DISTINCT p.page_key FROM pages p, _of i WHERE {of_input('p.source', 'i.input')}",
    )
    return [key for (key,) in rows]


def forget_inputs_of_other_versions(
    con: duckdb.DuckDBPyConnection, ids: list[str], version: str
) -> set[str]:
    """Deletes from seen_inputs the inputs of pages reading these articles that were remembered
    under another pipeline version than the one that has just analysed the articles again
    (reanalyze). Remembered as they were, a run under that other version (the catalogue as
    before a target was tried and taken out again) skipped them as unchanged, and the stances
    and claims of the version it did not run stayed. A re-read puts each right once."""
    return _forget_inputs_reading(con, ids, "s.version IS DISTINCT FROM ?", [version])


def _forget_inputs_reading(
    con: duckdb.DuckDBPyConnection, left: list[str], which: str, params: list | None = None
) -> set[str]:
    """Deletes from seen_inputs the inputs of pages reading the articles left (ids) where the
    SQL condition which (over page p, article a and seen input s, with params) holds; returns
    them."""
    if not left:
        return set()
    with registered(con, "_left", pa.table({"id": left})):
        # A page's source is its input (a file, a URL) or a record in it (path#3, path#item0);
        # a file name may hold a # of its own.
        forgotten = {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT s.input FROM seen_inputs s, pages p "
                "JOIN _left l ON p.article_id = l.id JOIN articles a ON a.id = l.id "
                f"WHERE {of_input('p.source', 's.input')} AND {which}",
                params or [],
            ).fetchall()
        }
        if forgotten:
            with registered(con, "_forgotten", pa.table({"input": sorted(forgotten)})):
                con.execute("DELETE FROM seen_inputs WHERE input IN (SELECT input FROM _forgotten)")
    return forgotten


def _cut_copies(con: duckdb.DuckDBPyConnection, good: dict[str, PageResult]) -> dict[str, Reject]:
    """Pages of the batch whose new copy is the head of the article stored for them, read from
    HTML that ends before </html>: a file cut off while it was saved or copied. Refused, so the
    page keeps its last good copy (README: a bad crawl does not wipe what was read); an edit
    that shortens an article leaves a whole page."""
    cut = {k: r for k, r in good.items() if r.article and r.article.cut_off}
    stored = rows_with(
        con,
        "_cut",
        {"page_key": list(cut), "id": [r.article.id for r in cut.values()]},  # type: ignore[union-attr]
        "SELECT c.page_key, a.body FROM _cut c JOIN pages p USING (page_key) "
        "JOIN articles a ON a.id = p.article_id WHERE a.id <> c.id",
    )
    out: dict[str, Reject] = {}
    for key, body in stored:
        a = cut[key].article
        assert a is not None
        # the text may end inside a word (…即使模): whitespace aside, it starts the stored one
        text, whole = normalise_for_id(a.body), normalise_for_id(body)
        if whole.startswith(text) and len(text) < len(whole):
            out[key] = Reject(
                a.source,
                "extract",
                "truncated-html",
                f"{a.source}: the HTML ends before </html>, and its text is the first "
                f"{len(text)} of the {len(whole)} characters of this page's copy read "
                "before, which is kept; read it again once the file is whole",
                utcnow(),
                a.raw_hash,
            )
    return out


def _yield_to_earlier_in_run(
    con: duckdb.DuckDBPyConnection,
    st: _Stored,
    good: dict[str, PageResult],
    run_pages: dict[str, datetime],
) -> None:
    """An article whose page was read in this run (by an earlier batch, or again in this one)
    is given up, to be owned by _published_first, where this batch holds another page of it
    published before that page. In one run the page published first owns a shared text: which
    batch a page lands in depends on --workers and --batch-size, and the repost of a page
    sorting before the original by name took the original's byline and due dates; a --full run
    kept whichever page an earlier run had read first."""
    if not st.still_owned:
        return
    earliest: dict[str, date] = {}
    for r in good.values():
        a = r.article
        assert a is not None
        owner = st.still_owned.get(a.id)
        if owner is not None and owner != a.source and a.published is not None:
            earliest[a.id] = min(a.published, earliest.get(a.id, a.published))
    if not earliest:
        return
    owners = [st.still_owned[i] for i in earliest]
    written = rows_with(
        con,
        "_owners",
        {"source": owners},
        "SELECT p.source, p.page_key FROM pages p JOIN _owners USING (source)",
    )
    # read in this run: by an earlier batch, or again in this one (--full)
    this_run = {source for source, key in written if key in run_pages or key in good}
    at = _METADATA.index("published")
    for i, day in earliest.items():
        stored = st.metadata.get(i, ())[at] if st.metadata.get(i) else None
        if st.still_owned[i] in this_run and (stored is None or day < stored):
            del st.still_owned[i]


def _published_first(r: PageResult) -> tuple[bool, date]:
    """Pages by publish date, undated last (sorted() keeps the batch's order among equals)."""
    published = r.article.published if r.article else None
    return published is None, published or date.max


def _reading(r: PageResult, resolved: set[str]) -> set:
    """What the analysis says of an article, as _stored_readings reads it back: each stance's
    target, model and label, and each claim with its direction, due date, hedge and speaker
    (resolved claims aside: one no longer made stays stored for its outcome)."""
    return {("s", st.target, st.model, st.label) for st in r.stances} | {
        ("p", p.id, p.direction, p.due, p.hedge, p.speaker)
        for p in r.predictions
        if p.id not in resolved
    }


def _read_anew(r: PageResult, stored: set, resolved: set[str]) -> bool:
    """Whether the analysis says something else of the article than what is stored: stances
    of other models than this one's stay as they are and do not count."""
    models = {st.model for st in r.stances}
    return {t for t in stored if t[0] == "p" or t[2] in models} != _reading(r, resolved)


def _stored_readings(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, set], set[str]]:
    """_reading of each stored article in the temp table _ids (every model's stances), and the
    ids of their resolved claims."""
    readings: dict[str, set] = {}
    for aid, *row in con.execute(
        "SELECT s.article_id, 's', s.target, s.model, s.label FROM stances s "
        "JOIN _ids ON s.article_id = _ids.id"
    ).fetchall():
        readings.setdefault(aid, set()).add(tuple(row))
    resolved: set[str] = set()
    for aid, pid, done, *row in con.execute(
        "SELECT p.article_id, p.id, p.id IN (SELECT prediction_id FROM prediction_outcomes), "
        "'p', p.id, p.direction, p.due, p.hedge, p.speaker FROM predictions p "
        "JOIN _ids ON p.article_id = _ids.id"
    ).fetchall():
        if done:
            resolved.add(pid)
        else:
            readings.setdefault(aid, set()).add(tuple(row))
    return readings, resolved


def _gone(source: str) -> bool:
    """Whether the file a page was read from is no longer there (renamed or deleted): its
    article passes to a page still reading it. URLs and relative names are taken as there."""
    path = Path(source)
    if not path.is_absolute() or os.path.exists(source_path(source)):
        return False
    base = source.rsplit("#", 1)[0]  # a record in a file (path#3), or a # in the name itself
    return base == source or not os.path.exists(source_path(base))


def _stale_keys(con: duckdb.DuckDBPyConnection, good: dict[str, PageResult]) -> list[tuple]:
    """Rows of pages the batch reads under another key, deleted: (the key the batch reads the
    page under, the article the old row pointed at) each. Two kinds of old key are the same
    page:
    - The first duokong keyed an HTML or text file by its canonical link; this one keys it by
      its path (a canonical link is often the site's front page). After an upgrade the old row
      stayed beside the new one: an edited file kept its old text as a page of its own, its
      claims too. Only a file read now under its path whose old row holds a URL: containers (a
      JSON record, a feed item: named by a place that changes) and fetched pages (a redirect's
      row is another page's) keep theirs.
    - URLs were fetched with their #fragment and kept under it; they are fetched without it
      now (a fragment never changes what the server sends)."""
    files = [
        key
        for key, r in good.items()
        if key == r.article.source  # type: ignore[union-attr]
        and Path(key).is_absolute()
        and Path(key).suffix.lower() in OLD_KEYED_SUFFIXES
    ]
    urls = [key for key in good if key.startswith(("http://", "https://")) and "#" not in key]
    stale = rows_with(
        con,
        "_sources",
        {"source": files},
        "SELECT p.page_key, p.source, p.article_id FROM pages p JOIN _sources USING (source) "
        "WHERE p.page_key <> p.source AND p.page_key LIKE '%://%'",
    ) + rows_with(
        con,
        "_urls",
        {"url": urls},
        # Only rows of fetched pages (their source is the URL listed): a scraper's record of a
        # forum thread's post (thread.html#post-2) is a page of its own.
        "SELECT p.page_key, u.url, p.article_id FROM pages p JOIN _urls u "
        "ON starts_with(p.page_key, u.url || '#') AND starts_with(p.source, u.url || '#')",
    )
    if stale:
        con.executemany("DELETE FROM pages WHERE page_key = ?", [[old] for old, _, _ in stale])
        log.info("%d pages kept under an old key now read under their current one", len(stale))
    return [(key, article) for _, key, article in stale]


def _older_than_stored(con: duckdb.DuckDBPyConnection, good: dict[str, PageResult]) -> set[str]:
    """Pages of the batch whose copy was fetched before the stored one (both times known): an
    archive's older crawl read after a newer one must not turn the page back."""
    dated = [k for k, r in good.items() if r.article.fetched_at]  # type: ignore[union-attr]
    stored = rows_with(
        con,
        "_dated",
        {"page_key": dated},
        "SELECT p.page_key, p.fetched_at FROM pages p JOIN _dated USING (page_key) "
        "WHERE p.fetched_at IS NOT NULL",
    )
    return {key for key, at in stored if _fetched(good[key]) < _aware(at)}


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _fetched(result: PageResult) -> datetime:
    """When a copy of a page was fetched (a WARC record's date, a scraper's fetched_at), in
    UTC where none is given; the earliest time when unknown."""
    at = result.article.fetched_at if result.article else None
    return _aware(at or datetime.min)


# The files the first duokong keyed by their canonical link.
OLD_KEYED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt"})


def _newest_copies(
    results: list[PageResult], run_pages: dict[str, datetime]
) -> tuple[dict[str, PageResult], int]:
    """Each page's newest copy among the batch's readable results, and how many older copies
    (in the batch, or older than what the run wrote before) it leaves out; of two equally old,
    the later."""
    good: dict[str, PageResult] = {}
    superseded = 0
    for r in results:
        if r.ok and r.article is not None:
            key = r.article.page_key
            if key in good or key in run_pages:
                superseded += 1
                if _fetched(r) < (_fetched(good[key]) if key in good else run_pages[key]):
                    continue
            good[key] = r
    return good, superseded


@dataclass
class _Stored:
    """What the database already holds of a batch's pages and articles, read in its
    transaction before anything is written."""

    existing: dict[str, str] = field(default_factory=dict)  # page key -> article id
    stale: list[tuple] = field(default_factory=list)  # (key, article) of pages under an old key
    stored: set[str] = field(default_factory=set)  # articles of this batch already stored
    metadata: dict[str, tuple] = field(default_factory=dict)  # article id -> _METADATA values
    reading: dict[str, set] = field(default_factory=dict)  # article id -> how it was read
    resolved: set[str] = field(default_factory=set)
    still_owned: dict[str, str] = field(default_factory=dict)  # article id -> owning page


def _stored_state(con: duckdb.DuckDBPyConnection, good: dict[str, PageResult]) -> _Stored:
    st = _Stored()
    if not good:
        return st
    st.existing = dict(
        rows_with(
            con,
            "_keys",
            {"page_key": list(good)},
            "SELECT p.page_key, p.article_id FROM pages p JOIN _keys k USING (page_key)",
        )
    )
    # a page stored under an old key is the same page: its article is what it read
    st.stale = _stale_keys(con, good)
    for key, old_id in st.stale:
        st.existing.setdefault(key, old_id)
    ids = pa.table({"id": [r.article.id for r in good.values() if r.article]})
    con.register("_ids", ids)
    known = con.execute(
        "SELECT a.id, a.source, EXISTS (SELECT 1 FROM pages p "
        "WHERE p.article_id = a.id AND p.source = a.source), "
        f"{', '.join(f'a.{c}' for c in _METADATA)} FROM articles a JOIN _ids USING (id)"
    ).fetchall()
    st.stored = {i for i, *_ in known}
    # the page an article was first read from, while it still reads it: once that page has
    # moved on (edited), a page still reading the article takes it over (and not where that
    # page is in this batch with other text: an edited original leaves its old text to a page
    # of the batch still reading it)
    moving = {r.article.source: r.article.id for r in good.values() if r.article}
    st.still_owned = {
        i: src
        for i, src, reads, *_ in known
        if reads and not _gone(src) and moving.get(src, i) == i
    }
    st.metadata = {i: tuple(meta) for i, _, _, *meta in known}
    st.reading, st.resolved = _stored_readings(con)
    unregister(con, "_ids")
    return st


def _count_pages(
    counts: WriteCounts,
    good: dict[str, PageResult],
    again: set[str],
    owner: dict[str, str],
    st: _Stored,
) -> None:
    """New, repeated, updated or unchanged, page by page; pages the run's earlier batches
    wrote (again) were counted by them."""
    counted_new: set[str] = set()
    for key, r in good.items():
        assert r.article is not None
        if key in again:
            continue
        if key not in st.existing and r.article.id not in st.stored | counted_new:
            counted_new.add(r.article.id)  # a second copy in the batch adds no article
            counts.new += 1
        elif key not in st.existing:  # a repost, a renamed or copied input, a second copy
            counts.repeated += 1
        elif st.existing[key] != r.article.id or (
            owner[r.article.id] == r.article.source
            and (
                st.metadata.get(r.article.id) != _metadata(r.article)
                or _read_anew(r, st.reading.get(r.article.id, set()), st.resolved)
            )
        ):
            # new text, the same text with a new date or byline, or read anew (a target
            # added to the catalogue, a lexicon or model changed)
            counts.updated += 1
        else:
            counts.unchanged += 1


# The columns each record fills, by the record's own field names.
ARTICLE_COLUMNS = (
    "id", "url", "source", "site", "title", "author", "published", "category", "body", "note",
    "extractor", "encoding",
)  # fmt: skip
STANCE_COLUMNS = ("article_id", "target", "model", "label", "score", "evidence")
PREDICTION_COLUMNS = (
    "id", "article_id", "quote", "target", "direction", "horizon", "due", "window_start",
    "conditional", "condition", "hedge", "speaker", "horizon_source",
)  # fmt: skip


def _row(record: object, columns: tuple[str, ...], **stamps: datetime) -> dict:
    # A record's tuples (a stance's evidence) are lists in DuckDB.
    values = ((c, getattr(record, c)) for c in columns)
    return {c: list(v) if isinstance(v, tuple) else v for c, v in values} | stamps


def _page_row(key: str, r: PageResult, now: datetime) -> dict:
    a = r.article
    assert a is not None
    return {
        "page_key": key,
        "article_id": a.id,
        "source": a.source,
        "raw_hash": a.raw_hash,
        "first_seen": now,
        "last_seen": now,
        "fetched_at": _fetched(r) if a.fetched_at else None,
    }


# The columns of an article a page read again may change (its text is its id).
_REWRITTEN = tuple(c for c in ARTICLE_COLUMNS if c not in ("id", "body"))


def _upsert(
    con: duckdb.DuckDBPyConnection,
    articles: dict[str, dict],
    stances: dict[tuple, dict],
    predictions: dict[str, dict],
    pages: list[dict],
) -> set[str]:
    """Insert or update the batch's rows; returns the ids of the claims that were stored
    before (the others are claims this batch adds, not merely writes again: a renamed
    target's claim is one)."""
    insert_rows(
        con,
        "articles",
        list(articles.values()),
        "ON CONFLICT (id) DO UPDATE SET source = excluded.source, url = excluded.url, "
        "site = excluded.site, "
        "title = excluded.title, author = excluded.author, published = excluded.published, "
        "category = excluded.category, note = excluded.note, extractor = excluded.extractor, "
        "encoding = excluded.encoding, updated_at = excluded.updated_at WHERE "
        # an article read again as it was is not updated (`run --full` stamped every one)
        + " OR ".join(f"articles.{c} IS DISTINCT FROM excluded.{c}" for c in _REWRITTEN),
    )
    insert_rows(
        con,
        "stances",
        list(stances.values()),
        "ON CONFLICT (article_id, target, model) DO UPDATE SET label = excluded.label, "
        "score = excluded.score, evidence = excluded.evidence",
    )
    prior: set[str] = set()
    if predictions:
        with registered(con, "_pred_ids", pa.table({"id": list(predictions)})):
            prior = {
                r[0]
                for r in con.execute(
                    "SELECT id FROM predictions JOIN _pred_ids USING (id)"
                ).fetchall()
            }
    insert_rows(
        con,
        "predictions",
        list(predictions.values()),
        "ON CONFLICT (id) DO UPDATE SET direction = excluded.direction, horizon = excluded.horizon, "
        "due = excluded.due, window_start = excluded.window_start, conditional = excluded.conditional, "
        "condition = excluded.condition, hedge = excluded.hedge, speaker = excluded.speaker, "
        "horizon_source = excluded.horizon_source",
    )
    insert_rows(
        con,
        "pages",
        pages,
        "ON CONFLICT (page_key) DO UPDATE SET article_id = excluded.article_id, "
        "source = excluded.source, raw_hash = excluded.raw_hash, last_seen = excluded.last_seen, "
        "fetched_at = coalesce(excluded.fetched_at, pages.fetched_at)",
    )
    return prior


def _replaced(st: _Stored, good: dict[str, PageResult]) -> list[str]:
    """The articles a batch's pages read before and read no more (a page edited; an old row's
    article), which are gone unless another page still reads them."""
    return [
        old
        for key, old in st.existing.items()
        if old != good[key].article.id  # type: ignore[union-attr]
    ] + [old for _, old in st.stale]


def _drop_unread(
    con: duckdb.DuckDBPyConnection,
    good: dict[str, PageResult],
    st: _Stored,
    written: list[str],
    replaced: list[str],
    predictions: dict[str, dict],
    fresh: list[str],
    stances: dict[tuple, dict],
) -> set[str]:
    """Predictions an article no longer yields (the extractor or lexicons changed) go, unless
    already resolved; so do articles no page points at any more (their page changed), with
    what hangs on them. Only the articles this batch touched are looked at. An article
    another page still points at (a repost of the same text) is left as it is: its
    predictions and their outcomes belong to that page too. Returns the inputs to read again
    (_forget_readers). replaced: the articles the batch's pages read no more (_replaced)."""
    ids = pa.schema([("id", pa.string())])
    con.register("_ids", pa.table({"id": written + replaced}))
    con.register("_written", pa.table({"id": written}, schema=ids))
    con.register("_new_preds", pa.table({"id": list(predictions)}, schema=ids))
    con.register("_fresh", pa.table({"id": fresh}, schema=ids))
    con.register(
        "_new_stances",
        pa.table(
            {
                "article_id": [k[0] for k in stances],
                "target": [k[1] for k in stances],
                "model": [k[2] for k in stances],
            },
            schema=pa.schema(
                [("article_id", pa.string()), ("target", pa.string()), ("model", pa.string())]
            ),
        ),
    )
    try:
        still_read = {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT article_id FROM pages JOIN _ids ON pages.article_id = _ids.id"
            ).fetchall()
        }
        moved = [(old, good[key].article.id) for key, old in st.existing.items()]  # type: ignore[union-attr]
        _carry_outcomes(con, [(old, new) for old, new in moved if old not in still_read])
        _carry_outcomes(con, [(old, new) for old, new in moved if old in still_read], copy=True)
        forgotten = _forget_readers(
            con, [old for old, new in moved if old != new and old in still_read]
        )
        _carry_retargeted(con)
        con.execute(
            "DELETE FROM predictions WHERE article_id IN (SELECT id FROM _written) "
            "AND id NOT IN (SELECT id FROM _new_preds) "
            "AND id NOT IN (SELECT prediction_id FROM prediction_outcomes)"
        )
        # A target taken out of the catalogue (or renamed) has no stance in an article read
        # again by the same model: its old row would stay in reports for ever otherwise.
        con.execute(
            "DELETE FROM stances WHERE article_id IN (SELECT id FROM _written) "
            "AND model IN (SELECT model FROM _new_stances) "
            "AND (article_id, target, model) NOT IN "
            "(SELECT article_id, target, model FROM _new_stances)"
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _orphans AS SELECT id FROM _ids "
            "WHERE id NOT IN (SELECT article_id FROM pages)"
        )
        con.execute("DELETE FROM stances WHERE article_id IN (SELECT id FROM _orphans)")
        con.execute(
            "DELETE FROM predictions WHERE article_id IN (SELECT id FROM _orphans) "
            "AND id NOT IN (SELECT prediction_id FROM prediction_outcomes)"
        )
        con.execute(
            "DELETE FROM articles WHERE id IN (SELECT id FROM _orphans) "
            "AND id NOT IN (SELECT article_id FROM predictions)"
        )
        con.execute("DROP TABLE _orphans")
    finally:
        unregister(con, "_ids", "_written", "_new_preds", "_fresh", "_new_stances")
    return forgotten


def make_current(con: duckdb.DuckDBPyConnection, model: str) -> None:
    """The model the views read (latest_stances, stance_daily, the report)."""
    con.execute(
        "INSERT INTO meta VALUES ('current_model', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [model],
    )


def write_results(
    con: duckdb.DuckDBPyConnection,
    results: list[PageResult],
    run_id: str | None,
    model: str,
    seen: Iterable[SeenInput] = (),
    version: str | None = None,
    fetched: Iterable[str] = (),
    run_pages: dict[str, datetime] | None = None,
    forgotten_out: set[str] | None = None,
    stored: bool = False,
) -> WriteCounts:
    """Write a batch in one transaction. seen: the inputs it came from, remembered under
    version in the same transaction, so an input is never marked done without its rows.
    fetched: the URLs this run fetched, whose fetch rejects of earlier runs no longer hold
    (an unchanged page fetched again is skipped, and would not clear them otherwise).
    run_pages: the pages the run's earlier batches wrote, with when each was fetched (this batch
    adds its own): a page read twice in a run (a WARC file holding two crawls of a URL, two
    WARC files sharing one) is stored as its newest copy, and its other copies are counted as
    repeating it, not as new, updated or unchanged pages. So is a copy older than the one an
    earlier run stored (an old crawl read after a newer one). forgotten_out: gets the inputs
    this batch forgot as processed, to be read again (_forget_readers), once it commits.
    stored: the batch is stored articles analysed again (pipeline/reanalyze.py): no page was
    read, so their article and page rows stay as they are (when each was last seen, too), no
    reject is answered (an input refused since still is), and the model becomes current only
    once the whole re-analysis is written (reanalyze makes it so)."""
    counts = WriteCounts()
    now = utcnow()
    run_pages = {} if run_pages is None else run_pages
    good, superseded = _newest_copies(results, run_pages)
    again = {key for key in good if key in run_pages}  # counted by the batch that wrote it
    rejects = [r.reject for r in results if r.reject is not None]

    con.execute("BEGIN TRANSACTION")
    try:
        if good:
            older = _older_than_stored(con, good)
            for key in older:
                del good[key]
            superseded += len(older)
            again -= older
            for key, reject in _cut_copies(con, good).items():
                del good[key]
                again.discard(key)
                rejects.append(reject)
        st = _stored_state(con, good)
        _yield_to_earlier_in_run(con, st, good, run_pages)
        # An article belongs to the page it was first read from: a repost of its text (another
        # file, another site) points at it but does not rewrite its byline, its claims' dates
        # or its stances. In a batch, the page of a new article published first owns it (the
        # original before its repost, whatever their file names), else the first page.
        owner = dict(st.still_owned)
        for r in sorted(good.values(), key=_published_first):
            owner.setdefault(r.article.id, r.article.source)  # type: ignore[union-attr]
        _count_pages(counts, good, again, owner, st)
        counts.repeated += superseded
        counts.articles = len(good) - len(again) + superseded

        articles: dict[str, dict] = {}
        stances: dict[tuple, dict] = {}
        predictions: dict[str, dict] = {}
        for r in good.values():
            a = r.article
            assert a is not None
            if owner[a.id] != a.source:
                continue
            articles[a.id] = _row(a, ARTICLE_COLUMNS, first_seen=now, updated_at=now)
            for s in r.stances:
                stances[(s.article_id, s.target, s.model)] = _row(s, STANCE_COLUMNS, created_at=now)
            for p in r.predictions:
                predictions[p.id] = _row(p, PREDICTION_COLUMNS, created_at=now)
                predictions[p.id]["words"] = letters(p.quote)  # the claim's key (claim_copies)
        pages = [_page_row(k, r, now) for k, r in good.items()]
        if stored:
            prior = _upsert(con, {}, stances, predictions, [])
        else:
            prior = _upsert(con, articles, stances, predictions, pages)
        fresh = sorted(set(predictions) - prior)
        replaced = _replaced(st, good)
        forgotten = _drop_unread(
            con, good, st, list(articles), replaced, predictions, fresh, stances
        )
        if not stored:
            # reposts: the views count a copy's stances once
            store_fingerprints(con, list(articles) + replaced)
            store_claim_words(con)
            clear_answered_rejects(con, good, list(fetched))
        seen = list(seen)
        if run_id is not None:
            clear_stale_rejects(con, [s.input for s in seen], run_id)
        counts.rejected = write_rejects(con, rejects, run_id)
        if version is not None:
            ahead = [r.article.source for r in good.values() if r.article.dated_ahead]  # type: ignore[union-attr]
            _remember(
                con,
                [s for s in seen if s.input not in forgotten and not _reads(s.input, ahead)],
                version,
                run_id,
                now,
            )
        if not stored:
            make_current(con, model)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    run_pages.update((key, _fetched(r)) for key, r in good.items())
    if forgotten_out is not None:
        forgotten_out.update(forgotten)
    log.info(
        "wrote %d articles (%d new, %d updated, %d unchanged, %d repeating another page), "
        "%d rejects",
        counts.articles,
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.repeated,
        counts.rejected,
    )
    return counts
