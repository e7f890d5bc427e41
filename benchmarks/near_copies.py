"""Reposts found, distinct texts left apart, and what finding them costs the writer and readers.

    .venv/bin/python benchmarks/near_copies.py [--limit N]

The texts are the ones we wrote (data/labelled: the stance examples, the held-out sets and the
extraction gold bodies): thousands of distinct articles, many on one subject in the same words,
which no pair of should be called one text. Each text of 200 characters or more is reposted
four ways, as aggregators repost: (a) a source line first and a line of the reposter's own
last; (b) that, in Traditional script; (c) that, with the closing paragraph dropped; (d) the
punctuation half-width and the paragraphs re-wrapped. Printed:
- reposts found (similarity ≥ near_copies.COPY_SIMILARITY) per kind of repost and by length,
  with the 5th percentile of their similarity;
- distinct pairs called copies (every pair that shares a band key is compared), among our texts
  and among the real pages of ../shared/eval/commentary (skipped where absent);
- one text on 300 sites read in one batch: the pairs the writer stores and the originals found;
- the writer's cost: fingerprints per second, and store_fingerprints on the whole set (the
  texts and their reposts as articles of one database) against writing those articles alone;
- the readers' cost: stance_daily and the report's trend query with the copies left out, against
  the same queries over latest_stances (the definition before), run side by side, medians of 5.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import opencc  # noqa: E402
import pyarrow as pa  # noqa: E402

from pipeline.near_copies import COPY_SIMILARITY, fingerprint, similarity  # noqa: E402
from pipeline.records import sha256_hex  # noqa: E402
from pipeline.warehouse import connect  # noqa: E402
from pipeline.warehouse.copies import store_fingerprints  # noqa: E402

LABELLED = ROOT / "data" / "labelled"
_S2T = opencc.OpenCC("s2t")
_HALF = str.maketrans("，。：；！？（）“”", ',.:;!?()""')


def texts() -> list[tuple[str, str]]:
    """(id, text) of every article we wrote, each text once."""
    out: dict[str, str] = {}
    for path in sorted(LABELLED.glob("*/*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                if isinstance(item.get("text"), str):
                    out.setdefault(item["text"], f"{path.parent.name}/{item.get('id', n)}")
    for path in sorted((LABELLED / "extraction").glob("*/gold.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and (body := json.loads(line).get("body")):
                out.setdefault(body, f"extraction/{path.parent.name}/{json.loads(line)['path']}")
    return [(ident, text) for text, ident in out.items()]


def reposts(text: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line.strip()]
    framed = ["本文转载自网络，著作权归原作者所有。", *lines, "小编觉得很有道理，分享给大家。"]
    dropped = framed[:-2] + framed[-1:] if len(lines) > 1 else framed
    return {
        "a: source line and own line": "\n".join(framed),
        "b: a, in Traditional script": _S2T.convert("\n".join(framed)),
        "c: a, closing paragraph dropped": "\n".join(dropped),
        "d: half-width punctuation, re-wrapped": "".join(lines).translate(_HALF),
    }


def found(items: list[tuple[str, str]]) -> None:
    by_kind: dict[str, list[float]] = {}
    by_length: dict[str, list[bool]] = {}
    for _, text in items:
        if len(text) < 200:
            continue
        original = fingerprint(text)
        band = "200–499" if len(text) < 500 else "500–1,999" if len(text) < 2000 else "2,000+"
        for kind, copy in reposts(text).items():
            sim = similarity(original, fingerprint(copy))
            by_kind.setdefault(kind, []).append(sim)
            by_length.setdefault(band, []).append(sim >= COPY_SIMILARITY)
    print(f"reposts found (similarity ≥ {COPY_SIMILARITY}):")
    for kind, sims in by_kind.items():
        hit = sum(s >= COPY_SIMILARITY for s in sims)
        p5 = statistics.quantiles(sims, n=20)[0]
        print(f"  {kind:<40} {hit:5d} / {len(sims):5d} ({hit / len(sims):.1%}), 5th pct {p5:.2f}")
    for band, hits in by_length.items():
        print(f"  texts of {band:<10} characters  {sum(hits) / len(hits):.1%} of {len(hits)}")


def false_copies(items: list[tuple[str, str]]) -> None:
    prints = [fingerprint(text) for _, text in items]
    holders: dict[tuple[int, int], list[int]] = {}
    for i, fp in enumerate(prints):
        for band, key in enumerate(fp.bands):
            holders.setdefault((band, key), []).append(i)
    pairs = {(a, b) for ids in holders.values() for a in ids for b in ids if a < b}
    scored = sorted(((similarity(prints[a], prints[b]), a, b) for a, b in pairs), reverse=True)
    bad = [(s, a, b) for s, a, b in scored if s >= COPY_SIMILARITY]
    print(
        f"\ndistinct texts: {len(items)}, pairs sharing a band key {len(pairs)}, "
        f"called copies {len(bad)}"
    )
    for s, a, b in bad[:10]:
        print(f"  {s:.2f}  {items[a][0]}  ~  {items[b][0]}")
    if scored and not bad:
        print(f"  the most similar pair: {scored[0][0]:.2f} ({items[scored[0][1]][0]})")


def _median_s(con, sql: str) -> float:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def costs(items: list[tuple[str, str]]) -> None:
    bodies = [text for _, text in items]
    start = time.perf_counter()
    for body in bodies:
        fingerprint(body)
    rate = len(bodies) / (time.perf_counter() - start)
    print(f"\nfingerprints: {rate:,.0f} a second ({1000 / rate:.2f} ms each, one core)")

    articles = [(text, f"站{i % 97}", i) for i, (_, text) in enumerate(items)]
    articles += [
        (copy, f"转载站{i % 13}", i)
        for i, (_, text) in enumerate(items)
        if len(text) >= 200 and i % 4 == 0
        for copy in list(reposts(text).values())[:1]
    ]
    now = datetime.now(UTC)
    rows = {
        "id": [sha256_hex(body) for body, _, _ in articles],
        "source": [f"bench/{n}" for n in range(len(articles))],
        "site": [site for _, site, _ in articles],
        "published": [date(2025, 1, 1) + timedelta(days=i % 365) for _, _, i in articles],
        "body": [body for body, _, _ in articles],
        "first_seen": [now] * len(articles),
        "updated_at": [now] * len(articles),
    }
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        con.register("_a", pa.table(rows))
        start = time.perf_counter()
        con.execute("INSERT INTO articles BY NAME SELECT * FROM _a")
        insert_s = time.perf_counter() - start
        con.execute(
            "INSERT INTO stances SELECT id, 'nvidia', 'bench', "
            "['bullish', 'bearish', 'neutral'][(1 + hash(id) % 3)::BIGINT], 0.6, [], now() FROM articles"
        )
        con.execute(
            "INSERT INTO pages BY NAME SELECT id AS page_key, id AS article_id, source, "
            "now() AS first_seen, now() AS last_seen FROM articles"
        )
        con.execute("INSERT INTO meta VALUES ('current_model', 'bench')")
        start = time.perf_counter()
        store_fingerprints(con, rows["id"])
        store_s = time.perf_counter() - start
        n_copies = con.execute("SELECT count(*) FROM article_copies").fetchone()[0]
        print(
            f"writer, {len(articles)} articles ({len(articles) - len(items)} of them reposts): "
            f"inserting them {insert_s:.2f} s, store_fingerprints {store_s:.2f} s "
            f"({store_s / max(insert_s, 1e-9):.0f}×; {store_s / len(articles) * 1000:.2f} ms an "
            f"article); copies found {n_copies}"
        )
        before = (
            "SELECT a.published, s.target, count(*) FROM latest_stances s "
            "JOIN articles a ON a.id = s.article_id WHERE s.label <> 'none' GROUP BY ALL"
        )
        after = before.replace("latest_stances", "counted_stances")
        for name, new, old in (
            ("the report's per-day count", after, before),
            ("stance_daily", "SELECT * FROM stance_daily", before),
        ):
            t_new, t_old = _median_s(con, new), _median_s(con, old)
            print(
                f"readers, {name}: {t_new * 1000:.1f} ms with copies left out, "
                f"{t_old * 1000:.1f} ms over latest_stances ({t_new / t_old:.2f}×)"
            )
        con.close()


def real_pages() -> None:
    """The 130 real pages of ../shared/eval/commentary, extracted as the pipeline extracts them:
    are any two of them called one text? (Several report one event, a few quote one source.)"""
    folder = ROOT.parent / "shared" / "eval" / "commentary"
    if not (folder / "pages.jsonl").exists():
        print(f"\n({folder} is absent: the real pages are skipped)")
        return
    import logging

    from pipeline.batch import analyzer_for
    from pipeline.records import RawPage
    from pipeline.settings import load_settings

    logging.disable(logging.WARNING)
    analyzer = analyzer_for(load_settings())
    prints = []
    for line in (folder / "pages.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            raw = RawPage(page["id"], page["text"].encode("utf-8"), "text")
            article = analyzer.process(raw, analyse=False).article
            if article is not None:
                prints.append((page["id"], fingerprint(article.body)))
    logging.disable(logging.NOTSET)
    pairs = sorted(
        ((similarity(a, b), x, y) for i, (x, a) in enumerate(prints) for y, b in prints[i + 1 :]),
        reverse=True,
    )
    called = sum(s >= COPY_SIMILARITY for s, _, _ in pairs)
    s, x, y = pairs[0]
    print(
        f"\nreal pages ({len(prints)} extracted, {len(pairs)} pairs, every pair compared): "
        f"called copies {called}; the most similar pair {s:.2f} ({x} ~ {y})"
    )


def mass_repost(items: list[tuple[str, str]], sites: int = 300) -> None:
    """One text carried by many sites (a wire story, a press release), all read in one batch:
    how many pairs the writer stores, how long it takes, and whether one original stands."""
    # a story of wire length; with --limit the first texts may hold none, so the longest one
    text = max((t for _, t in items if 500 <= len(t) < 2000), key=len, default=None)
    text = text or max((t for _, t in items), key=len)
    bodies = [f"{text}\n（本文由第{n}号站转载）" for n in range(sites)]
    now = datetime.now(UTC)
    rows = {
        "id": [sha256_hex(body) for body in bodies],
        "source": [f"mass/{n}" for n in range(sites)],
        "site": [f"转载站{n}" for n in range(sites)],
        "published": [date(2025, 3, 1)] * sites,
        "body": bodies,
        "first_seen": [now] * sites,
        "updated_at": [now] * sites,
    }
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "mass.duckdb")
        con.register("_a", pa.table(rows))
        con.execute("INSERT INTO articles BY NAME SELECT * FROM _a").fetchall()
        start = time.perf_counter()
        store_fingerprints(con, rows["id"])
        took = time.perf_counter() - start
        [(pairs,)] = con.execute("SELECT count(*) FROM article_matches").fetchall()
        [(copies, originals)] = con.execute(
            "SELECT count(*), count(DISTINCT original_id) FROM article_copies"
        ).fetchall()
        con.close()
    print(
        f"\none text on {sites} sites in one batch: {took:.2f} s, {pairs} pairs stored "
        f"(all pairs would be {sites * (sites - 1)}), {copies} copies of {originals} original(s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="read only the first N texts")
    args = ap.parse_args()
    items = texts()[: args.limit]
    found(items)
    false_copies(items)
    real_pages()
    mass_repost(items)
    costs(items)


if __name__ == "__main__":
    main()
