"""A whole run over a URL list: how soon its first pages are in the database, and how long it
takes, with the fetch streamed beside the analysis (pipeline/url_stream.py) against the list
fetched whole before any analysis (as before 2026-12-05, the reference).

    .venv/bin/python benchmarks/url_list_run.py [--urls 400] [--interval-ms 100] [--repeat 2]

A server on 127.0.0.1 answers each URL with an article of its own after 50 ms; the list
alternates between two names that reach it (two hosts to the fetcher), each paced
--interval-ms apart (the default pacing is 1000 ms: a real list takes ten times longer still).
Both ways run in this process, alternately, into a fresh database each (so no page is skipped
as unchanged), through pipeline.ingest.run_inputs on two workers; the first write is the
moment the writer first stores a batch. Medians are printed with their ratio.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline.ingest as ingest  # noqa: E402
from benchmarks.faults import http_server, reply_html  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.url_stream import fetch_urls  # noqa: E402


class Articles(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(0.05)
        n = self.path.strip("/")
        text = f"英伟达第{n}篇：数据中心需求依然旺盛，财报再次超出预期，我认为明年出货量还会增长。"
        reply_html(
            self,
            f"<html><head><title>第{n}篇</title></head><body><article><p>{text * 4}</p>"
            f"<p>{text[::-1] * 2}</p></article></body></html>",
        )

    def log_message(self, *args: object) -> None:
        pass


def whole_list_first(files, refused, stream, settings, workers) -> Iterator:
    """The reference: every URL fetched before the first batch is planned."""
    fetched = refused + fetch_urls(stream.urls, settings)
    yield from ingest.plan(files, fetched, settings.batch_size, workers)


def one_run(urls: list[str], interval_ms: int, way: str) -> tuple[float, float]:
    """(seconds to the first write, seconds in all) of one run into a fresh database."""
    first: list[float] = []
    write = ingest.write_results

    def timed_write(*args, **kwargs):
        first.append(time.perf_counter())
        return write(*args, **kwargs)

    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp, "box")
        box.mkdir()
        (box / "list.urls").write_text("".join(u + "\n" for u in urls), "utf-8")
        settings = load_settings().with_overrides(
            db=str(Path(tmp, "w.duckdb")), workers=2, fetch_host_interval_ms=interval_ms
        )
        ingest.write_results = timed_write
        run_work, fetching = ingest.run_work, ingest.fetching
        if way == "whole":
            ingest.run_work = whole_list_first
            # the run's own fetch is not started: the reference fetches the list once, itself
            ingest.fetching = functools.partial(fetching, start=lambda stream: None)
        try:
            start = time.perf_counter()
            summary = ingest.run_inputs([str(box)], settings, report=str(Path(tmp, "r.html")))
            total = time.perf_counter() - start
        finally:
            ingest.write_results = write
            ingest.run_work, ingest.fetching = run_work, fetching
    assert summary["new"] == len(urls), summary
    return first[0] - start, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=400)
    ap.add_argument("--interval-ms", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    ways = {"whole": "fetched whole first (reference)", "stream": "streamed beside the analysis"}
    figures: dict[str, list[tuple[float, float]]] = {w: [] for w in ways}
    with http_server(Articles) as url:
        port = url.rsplit(":", 1)[1]
        hosts = ("127.0.0.1", "localhost")
        urls = [f"http://{hosts[i % 2]}:{port}/{i}" for i in range(args.urls)]
        for r in range(args.repeat):
            for way in ways:
                figures[way].append(one_run(urls, args.interval_ms, way))
                print(
                    f"  run {r + 1} {way}: first write {figures[way][-1][0]:.1f} s, "
                    f"all {figures[way][-1][1]:.1f} s",
                    file=sys.stderr,
                )
    print(
        f"{args.urls} URLs on 2 hosts, {args.interval_ms} ms apart per host, 2 workers, "
        f"median of {args.repeat}:"
    )
    ref_first = statistics.median(f for f, _ in figures["whole"])
    ref_total = statistics.median(t for _, t in figures["whole"])
    print(f"  {'':<34} {'first write':>12} {'ratio':>6} {'whole run':>10} {'ratio':>6}")
    for way, label in ways.items():
        first = statistics.median(f for f, _ in figures[way])
        total = statistics.median(t for _, t in figures[way])
        print(
            f"  {label:<34} {first:10.1f} s {first / ref_first:5.2f}x "
            f"{total:8.1f} s {total / ref_total:5.2f}x"
        )


if __name__ == "__main__":
    main()
