"""A URL list's pages reach the run as they are fetched, not once the whole list is: a long
list is written as it goes, memory stays flat, and a run that fails or stops midway keeps
what it fetched. Servers and fetches are local (127.0.0.1, or a stand-in for fetch)."""

import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import duckdb
import pytest

import pipeline.url_stream
from benchmarks.faults import http_server, reply_html
from pipeline.records import RawPage
from pipeline.settings import load_settings
from pipeline.url_stream import FetchStream, fetch_in_thread


def _page(url: str) -> RawPage:
    return RawPage(url, b"<html></html>", "html", url=url)


def _pages_of(stream: FetchStream) -> list[list[str]]:
    return [[p.source for p in batch] for batch in stream.batches()]


def test_a_page_fetched_is_handed_over_before_a_slow_one_after_it(settings, monkeypatch):
    """The first page waits at most flush_s for its batch to fill, not for the slow page."""
    seen: list[tuple[str, float]] = []

    def fake_fetch(url: str, **_: object) -> RawPage:
        if url.endswith("/2"):
            time.sleep(1.0)
        return _page(url)

    monkeypatch.setattr(pipeline.url_stream, "fetch", fake_fetch)
    urls = ["https://a.example/1", "https://a.example/2"]
    stream = FetchStream(urls, replace(settings, fetch_host_interval_ms=0), 10, flush_s=0.1)
    fetch_in_thread(stream)
    started = time.monotonic()
    for batch in stream.batches():
        seen += [(p.source, time.monotonic() - started) for p in batch]
    assert [url for url, _ in seen] == urls
    assert seen[0][1] < 0.8 <= seen[1][1]


def test_fetching_waits_while_the_run_is_behind(settings, monkeypatch):
    """Pages not yet taken by the run are held only up to two batches: a list of thousands
    of URLs fetched faster than it is analysed no longer sits whole in memory."""
    calls: list[str] = []

    def fake_fetch(url: str, **_: object) -> RawPage:
        calls.append(url)
        return _page(url)

    monkeypatch.setattr(pipeline.url_stream, "fetch", fake_fetch)
    urls = [f"https://a.example/{i}" for i in range(50)]
    stream = FetchStream(urls, replace(settings, fetch_host_interval_ms=0), 2)
    fetch_in_thread(stream)
    time.sleep(0.5)
    assert len(calls) <= 5  # four held, one waiting to be
    batches = _pages_of(stream)
    assert [u for b in batches for u in b] == urls and {len(b) for b in batches} == {2}


class Unavailable(BaseHTTPRequestHandler):
    hits: ClassVar[int] = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_stop_ends_a_back_off_at_once(settings):
    """A run stopped while a URL waits to be tried again (2 s, then 5 s) makes no more
    requests and lets the fetch end, rather than sitting out the back-off."""
    with http_server(Unavailable) as url:
        stream = FetchStream([f"{url}/a"], replace(settings, fetch_retries=2), 1)
        worker = threading.Thread(target=stream.fetch_all)
        worker.start()
        time.sleep(0.5)
        stream.stop()
        worker.join(timeout=1.0)
        assert not worker.is_alive()
        time.sleep(2.0)  # past the first back-off
    assert Unavailable.hits == 1


class Articles(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        n = self.path.strip("/")
        text = f"英伟达第{n}篇：数据中心需求依然旺盛，财报再次超出预期，明年的出货量还会增长。"
        reply_html(
            self,
            f"<html><head><title>第{n}篇</title></head><body><article>"
            f"<p>{text * 3}</p></article></body></html>",
        )

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("runner", ["run_inputs", "flow"])
def test_a_run_whose_fetch_fails_midway_keeps_the_pages_fetched_before(
    runner, request, tmp_path, monkeypatch
):
    """The fifth URL's fetch fails in a way no reject covers (a bug, a disk full): the run
    fails, as it should, but the four pages fetched before it are written. Fetched whole
    first, the run had lost them all."""
    real_fetch = pipeline.url_stream.fetch

    def failing_fetch(url: str, **kwargs: object):
        if url.endswith("/5"):
            raise RuntimeError("the fetch broke")
        return real_fetch(url, **kwargs)

    monkeypatch.setattr(pipeline.url_stream, "fetch", failing_fetch)
    db = tmp_path / "w.duckdb"
    with http_server(Articles) as url:
        box = tmp_path / "box"
        box.mkdir()
        (box / "list.urls").write_text("".join(f"{url}/{i}\n" for i in range(1, 6)), "utf-8")
        with pytest.raises(RuntimeError, match="the fetch broke"):
            if runner == "flow":
                request.getfixturevalue("prefect_harness")
                from flows.batch import batch_flow

                batch_flow(inputs=[str(box)], db=str(db), batch_size=2, workers=1)
            else:
                from pipeline.ingest import run_inputs

                settings = load_settings().with_overrides(
                    db=str(db), workers=1, batch_size=2, fetch_host_interval_ms=0
                )
                run_inputs([str(box)], settings)
    con = duckdb.connect(str(db), read_only=True)
    pages = sorted(k for (k,) in con.execute("SELECT page_key FROM pages").fetchall())
    status = con.execute("SELECT status FROM runs").fetchall()
    con.close()
    assert pages == [f"{url}/{i}" for i in range(1, 5)]
    assert status == [("failed",)]
