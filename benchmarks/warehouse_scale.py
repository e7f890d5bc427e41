"""The warehouse and the report at scale: synthetic articles with stances and predictions.

    .venv/bin/python benchmarks/warehouse_scale.py [--articles 1000000] [--db /tmp/scale.duckdb]

Loads the articles through the real writer (pipeline.warehouse.load, Arrow batches), then
prints: load time, database size, the time of every query the report runs, and the wall time
and peak memory of `duokong report` as a whole (in a child process). Goals (issue 6): each
report query under 1 s, the whole report under 10 s, memory under 2 GB.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.records import Article, PageResult, Prediction, Stance, sha256_hex  # noqa: E402
from pipeline.report import gather, render_html  # noqa: E402
from pipeline.warehouse import connect  # noqa: E402
from pipeline.warehouse.load import write_results  # noqa: E402

SENTENCES = [
    "英伟达的数据中心需求依然旺盛，明年还会增长。",
    "DeepSeek的开源模型让推理成本大幅下降。",
    "有人认为算力泡沫迟早会破裂，我看未必。",
    "輝達的股價在財報後再創新高。",
    "深度求索的新模型在数学和代码上表现不错。",
    "出口管制让H20在国内的销售受到影响。",
]
LABELS = ["bullish", "bearish", "neutral", "none"]
REPORT = "/tmp/duokong-scale-report.html"
WEIGHTS = [0.3, 0.2, 0.3, 0.2]
HEDGES = ["certain", "likely", "possible"]


def synth(start: int, n: int, rng: random.Random) -> list[PageResult]:
    out = []
    day0 = date(2024, 1, 1)
    for i in range(start, start + n):
        # a text of its own after the shared sentences: real articles are not reposts of one
        # another (benchmarks/near_copies.py measures those), and near-copy matching would
        # otherwise find 50,000 copies of one text
        own = "".join(chr(0x4E00 + rng.randrange(6000)) for _ in range(200))
        body = "\n".join(rng.choice(SENTENCES) for _ in range(6)) + f"\n{own}\n编号{i}。"
        aid = sha256_hex(body)
        published = day0 + timedelta(days=rng.randrange(1000))
        art = Article(
            id=aid,
            url=f"https://site{i % 300}.example/a/{i}",
            source=f"synthetic/{i}",
            site=f"站点{i % 300}",
            title=f"合成文章 {i}",
            author=f"作者{i % 5000}",
            published=published,
            category="科技",
            body=body,
            extractor="synthetic",
            page_key=f"synthetic/{i}",
        )
        stances = tuple(
            Stance(
                aid,
                t,
                rng.choices(LABELS, WEIGHTS)[0],
                round(rng.random(), 3),
                (body.split("\n")[0],),
                "lexicon.v1",
            )
            for t in ("nvidia", "deepseek")
        )
        preds = ()
        if i % 10 == 0:
            quote = body.split("\n")[1]
            preds = (
                Prediction(
                    id=sha256_hex(f"{aid}|{quote}|nvidia")[:32],
                    article_id=aid,
                    quote=quote,
                    target="nvidia",
                    direction=rng.choice(["up", "down"]),
                    horizon="明年",
                    due=date(published.year + 1, 12, 31),
                    window_start=date(published.year + 1, 1, 1),
                    conditional=False,
                    condition=None,
                    hedge=rng.choice(HEDGES),
                ),
            )
        out.append(PageResult(art.source, art, stances, preds))
    return out


class TimedConnection:
    """Wraps a connection and records how long each query of the report takes."""

    def __init__(self, con) -> None:
        self.con = con
        self.timings: list[tuple[str, float]] = []

    def execute(self, sql: str, params=None):
        t = time.perf_counter()
        cur = self.con.execute(sql, params or [])
        rows = cur.fetchall()
        elapsed = time.perf_counter() - t
        label = " ".join(sql.split())[:70]
        self.timings.append((label, elapsed))
        return _Replay(cur.description, rows)


class _Replay:
    def __init__(self, description, rows) -> None:
        self.description = description
        self._rows = rows

    def fetchall(self):
        return self._rows

    def fetchone(self):
        return self._rows[0] if self._rows else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=50_000)
    ap.add_argument("--db", default="/tmp/duokong-scale.duckdb")
    ap.add_argument("--reuse", action="store_true", help="keep an existing database, skip loading")
    args = ap.parse_args()

    db = Path(args.db)
    if args.reuse and db.exists():
        args.articles = 0
    else:
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
    rng = random.Random(7)
    con = connect(db)
    t0 = time.perf_counter()
    done = 0
    while done < args.articles:
        n = min(args.batch, args.articles - done)
        write_results(con, synth(done, n, rng), "scale", "lexicon.v1")
        done += n
        print(f"  loaded {done:,} articles ({time.perf_counter() - t0:.0f} s)", flush=True)
    load = time.perf_counter() - t0
    con.execute("CHECKPOINT")
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    t = time.perf_counter()
    hits = con.execute("SELECT count(*) FROM article_search('泡沫')").fetchone()[0]
    search = time.perf_counter() - t
    con.close()
    size = db.stat().st_size / 2**20
    if args.articles:
        print(f"load: {args.articles:,} articles in {load:.1f} s ({args.articles / load:,.0f}/s)")
    print(f"database: {total:,} articles, {size:,.0f} MiB")
    print(f"article_search('泡沫'): {hits:,} hits in {search:.2f} s")

    con = connect(db)
    timed = TimedConnection(con)
    t = time.perf_counter()
    data = gather(timed, "week")
    render_html(data)
    print(f"report in process: {time.perf_counter() - t:.2f} s; queries:")
    for label, sec in sorted(timed.timings, key=lambda x: -x[1]):
        print(f"  {sec:6.3f} s  {label}")
    con.close()

    # The child reports its own peak: RUSAGE_CHILDREN counted the pages a child shares with this
    # process at fork, so it grew with what the load left in this process.
    code = (
        "import resource, runpy, sys\n"
        f"sys.argv = ['duokong', 'report', '--db', {str(db)!r}, '--out', {REPORT!r}]\n"
        "try:\n    runpy.run_module('pipeline.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    t = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    whole = time.perf_counter() - t
    peak = int(child.stderr.strip().splitlines()[-1]) / 1024
    print(
        f"duokong report (whole command): {whole:.2f} s, peak RSS {peak:,.0f} MiB, "
        f"HTML {Path(REPORT).stat().st_size / 1024:,.0f} KiB"
    )


if __name__ == "__main__":
    main()
