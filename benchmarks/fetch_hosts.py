"""How long a URL list mixing hosts takes to fetch: one host at a time (as before 2026-11-30)
against hosts side by side (`fetch_hosts_at_once`), each host still one request at a time.

    .venv/bin/python benchmarks/fetch_hosts.py [--urls 20] [--latency-ms 200] [--repeat 3]

A server on 127.0.0.1 answers every request after --latency-ms (a remote site's usual answer
time); the list alternates between the two names that reach it (127.0.0.1 and localhost), which
the fetcher treats as two hosts. Host pacing is set to 0 so that only the waiting on answers is
measured; with the default one-second pacing per host, a list of many sites gains more. Both
policies run in one process, alternately, and the medians are printed with their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.faults import http_server, reply_html  # noqa: E402
from pipeline.records import RawPage  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.url_stream import fetch_urls  # noqa: E402


def handler(latency_s: float) -> type[BaseHTTPRequestHandler]:
    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(latency_s)
            reply_html(self, "<html><body><p>英伟达的需求依然旺盛。</p></body></html>")

        def log_message(self, *args: object) -> None:
            pass

    return Slow


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=20)
    ap.add_argument("--latency-ms", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    base = replace(load_settings(), fetch_host_interval_ms=0)
    policies = {
        "one host at a time": replace(base, fetch_hosts_at_once=1),
        f"hosts side by side ({base.fetch_hosts_at_once})": base,
    }
    seconds: dict[str, list[float]] = {name: [] for name in policies}
    with http_server(handler(args.latency_ms / 1000)) as url:
        port = url.rsplit(":", 1)[1]
        hosts = ("127.0.0.1", "localhost")
        urls = [f"http://{hosts[i % 2]}:{port}/{i}" for i in range(args.urls)]
        for _ in range(args.repeat):
            for name, settings in policies.items():
                start = time.perf_counter()
                pages = fetch_urls(urls, settings)
                seconds[name].append(time.perf_counter() - start)
                assert all(isinstance(p, RawPage) for p in pages), name
    print(f"{args.urls} URLs on 2 hosts, {args.latency_ms} ms an answer, median of {args.repeat}:")
    first = statistics.median(next(iter(seconds.values())))
    for name, values in seconds.items():
        median = statistics.median(values)
        print(f"  {name:<28} {median:6.2f} s   {first / median:4.2f}x")


if __name__ == "__main__":
    main()
