"""Keep each stored article's fingerprint (pipeline/near_copies.py) and the pairs of articles
that are one text, so that the views can tell a repost from an original (article_copies).

The writer calls `store_fingerprints` inside each batch's transaction: it fingerprints the
batch's articles that have none (and, on its first write, every article of a database made
before fingerprints or by another method), compares each of them with the stored articles it
shares a band key with, and drops what belonged to the batch's articles that are gone.
An article's body never changes (its id is the body's hash), so a fingerprint and its matches,
once stored, hold as long as its articles.
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa

from pipeline.near_copies import COPY_SIMILARITY, METHOD, fingerprint, letters

log = logging.getLogger(__name__)

_FINGERPRINTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("method", pa.string()),
        ("shingles", pa.int32()),
        ("minhash", pa.list_(pa.uint32())),
    ]
)
_BANDS = pa.schema([("article_id", pa.string()), ("band", pa.int16()), ("key", pa.uint64())])
_IDS = pa.schema([("id", pa.string())])
# A band key that this many articles share, copies aside (a wire story on hundreds of sites, a
# notice every page of a forum carries), is compared with its earliest holder only: comparing
# every new article with all of them would cost a batch the square of their number.
BUSY_BAND = 200


def store_fingerprints(con: duckdb.DuckDBPyConnection, touched: list[str]) -> int:
    """Fingerprint the articles of touched (the ids a batch wrote or left) that lack one, match
    them with the stored ones, and drop what belonged to those of them that are gone; returns
    how many were made. A database whose articles were not all fingerprinted by this method
    (made before fingerprints) is gone through whole, once: looking at every article on every
    batch would cost a large warehouse seconds a batch."""
    [(done,)] = con.execute(
        "SELECT count(*) FROM meta WHERE key = 'fingerprints' AND value = ?", [METHOD]
    ).fetchall()
    if not done:  # made anew, every article: a pair is compared only within one method
        for table in ("article_fingerprints", "article_bands", "article_matches"):
            con.execute(f"DELETE FROM {table}")
        con.execute(
            "INSERT INTO meta VALUES ('fingerprints', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [METHOD],
        )
        todo = con.execute("SELECT id, body FROM articles").fetchall()
    else:
        con.register("_touched", pa.table({"id": touched}, schema=_IDS))
        try:
            gone = "IN (SELECT id FROM _touched) AND {0} NOT IN (SELECT id FROM articles)"
            for table in ("article_fingerprints", "article_bands"):
                con.execute(f"DELETE FROM {table} WHERE article_id {gone.format('article_id')}")
            con.execute(
                f"DELETE FROM article_matches WHERE (article_id {gone.format('article_id')}) "
                f"OR (other_id {gone.format('other_id')})"
            )
            todo = con.execute(
                "SELECT id, body FROM articles WHERE id IN (SELECT id FROM _touched) "
                "AND id NOT IN (SELECT article_id FROM article_fingerprints)"
            ).fetchall()
        finally:
            con.unregister("_touched")
    if not todo:
        return 0
    if len(todo) > 1000:
        log.info("fingerprinting %d stored articles, to find reposts among them", len(todo))
    rows: dict[str, list] = {name: [] for name in _FINGERPRINTS.names}
    bands: dict[str, list] = {name: [] for name in _BANDS.names}
    for article_id, body in todo:
        print_ = fingerprint(body)
        rows["article_id"].append(article_id)
        rows["method"].append(METHOD)
        rows["shingles"].append(print_.shingles)
        rows["minhash"].append(list(print_.minhash))
        for band, key in enumerate(print_.bands):
            bands["article_id"].append(article_id)
            bands["band"].append(band)
            bands["key"].append(key)
    con.register("_fingerprints", pa.table(rows, schema=_FINGERPRINTS))
    con.register("_bands", pa.table(bands, schema=_BANDS))
    try:
        con.execute("INSERT INTO article_fingerprints SELECT * FROM _fingerprints")
        con.execute("INSERT INTO article_bands SELECT * FROM _bands")
        _match(con)
    finally:
        con.unregister("_fingerprints")
        con.unregister("_bands")
    return len(todo)


def _match(con: duckdb.DuckDBPyConnection) -> None:
    """Store the pairs of the new fingerprints (_bands) with the stored articles, or with one
    another, that are one text of two publishers (other_publisher, migration 0021: two sites,
    else two hosts, else two bylines), as the view article_copies asks: a pair it would refuse
    kept here as the new article's earliest match would hide its match with another
    publisher's copy. Both ways round, so a view finds an article's
    matches by its own id. A stored article that is a copy already is left out: a text
    reposted k times then holds about k pairs (each copy with its original), not k²."""
    con.execute(
        f"""INSERT INTO article_matches
        WITH busy AS (
            SELECT b.band, b.key FROM article_bands b
            JOIN (SELECT DISTINCT band, key FROM _bands) n USING (band, key)
            WHERE b.article_id NOT IN (SELECT article_id FROM article_copies)
            GROUP BY ALL HAVING count(*) > {BUSY_BAND}
        ),
        heads AS (
            SELECT b.band, b.key,
                   arg_min(b.article_id, (coalesce(a.published, DATE '9999-12-31'),
                                          a.first_seen, a.id)) AS head
            FROM article_bands b
            JOIN busy USING (band, key)
            JOIN articles a ON a.id = b.article_id
            WHERE b.article_id NOT IN (SELECT article_id FROM article_copies)
            GROUP BY ALL
        ),
        pairs AS (
            SELECT n.article_id AS a_id, b.article_id AS b_id
            FROM _bands n
            JOIN article_bands b ON b.band = n.band AND b.key = n.key
            WHERE b.article_id <> n.article_id
              AND (n.band, n.key) NOT IN (SELECT (band, key) FROM busy)
              AND b.article_id NOT IN (SELECT article_id FROM article_copies)
            UNION
            SELECT n.article_id, h.head
            FROM _bands n
            JOIN heads h ON h.band = n.band AND h.key = n.key
            WHERE h.head <> n.article_id
        ),
        scored AS (
            SELECT p.a_id, p.b_id,
                   list_sum(list_transform(list_zip(fa.minhash, fb.minhash),
                                           lambda v: (v[1] = v[2])::INTEGER))
                       / len(fa.minhash)::DOUBLE AS similarity,
                   coalesce(b.published, DATE '9999-12-31') AS b_published,
                   b.first_seen AS b_first_seen
            FROM pairs p
            JOIN article_fingerprints fa ON fa.article_id = p.a_id
            JOIN article_fingerprints fb ON fb.article_id = p.b_id
            JOIN articles a ON a.id = p.a_id
            JOIN articles b ON b.id = p.b_id
            WHERE other_publisher(a.site, a.url, a.author, b.site, b.url, b.author)
        ),
        -- each new article with the earliest article it matches only: a batch holding k copies
        -- of one text stores about 2k pairs, not k²
        kept AS (
            SELECT a_id, b_id, similarity FROM scored
            WHERE similarity >= {COPY_SIMILARITY}
            QUALIFY row_number() OVER (
                PARTITION BY a_id ORDER BY b_published, b_first_seen, b_id
            ) = 1
        )
        SELECT a_id, b_id, similarity FROM kept
        UNION SELECT b_id, a_id, similarity FROM kept
        ON CONFLICT DO NOTHING"""
    )


def store_claim_words(con: duckdb.DuckDBPyConnection) -> int:
    """Give the claims stored before predictions.words theirs (the writer gives a new claim its
    words as it stores it); returns how many were given."""
    todo = con.execute("SELECT id, quote FROM predictions WHERE words IS NULL").fetchall()
    if not todo:
        return 0
    con.register(
        "_words",
        pa.table({"id": [pid for pid, _ in todo], "words": [letters(q) for _, q in todo]}),
    )
    try:
        con.execute("UPDATE predictions p SET words = w.words FROM _words w WHERE p.id = w.id")
    finally:
        con.unregister("_words")
    return len(todo)
