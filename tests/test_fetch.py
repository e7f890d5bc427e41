"""Fetching URL lists against a server the test starts on 127.0.0.1."""

import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest

from benchmarks.faults import http_server, reply_html
from pipeline.fetch import fetch
from pipeline.records import RawPage, Reject

PAGE = "<html><body><p>英伟达的需求依然旺盛。</p></body></html>"
ARTICLE = (
    "<html><head><title>英伟达</title></head><body><article><p>"
    + "英伟达的数据中心需求依然旺盛，财报再次超出预期，明年的出货量还会继续增长。" * 3
    + "</p></article></body></html>"
)

NOT_PAGES = {
    "/api": "application/json; charset=utf-8",
    "/app.js": "application/javascript",
    "/old.js": "text/javascript",
    "/paper": "application/pdf",
}


# Generic or malformed types servers send with a page (S3's default, download prompts, a type
# without its name): the body tells what it is.
ODD_TYPES = {
    "/s3": "binary/octet-stream",
    "/download": "application/force-download",
    "/nameless": "charset=utf-8",
    "/unknown": "application/x-unknown-content-type",
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path in ODD_TYPES:
            self.send_response(200)
            self.send_header("Content-Type", ODD_TYPES[self.path])
            self.end_headers()
            self.wfile.write(PAGE.encode("utf-8"))
        elif self.path == "/gbk":
            body = PAGE.encode("gbk")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/article":
            body = ARTICLE.encode("gbk")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(5)  # past the client's timeout; the test does not wait for it
            self.send_response(200)
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.end_headers()
            for _ in range(30):  # a byte every 0.2 s: no read times out, the page never ends
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for i in range(30):  # a header line every 0.2 s: the body never starts
                self.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
                self.wfile.flush()
                time.sleep(0.2)
            self.wfile.write(b"\r\n")
        elif self.path == "/error":
            self.send_response(500)
            self.end_headers()
        elif self.path in NOT_PAGES:
            self.send_response(200)
            self.send_header("Content-Type", NOT_PAGES[self.path])
            self.end_headers()
            self.wfile.write(f"var x = '{PAGE}';".encode())
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 5000)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def serving():
    """The Handler above on 127.0.0.1 (a free port), for the block."""
    return http_server(Handler)


@pytest.fixture(scope="module")
def server():
    with serving() as url:
        yield url


def test_page_with_response_charset(server):
    page = fetch(f"{server}/gbk", retries=0)
    assert isinstance(page, RawPage) and page.http_charset.lower() == "gbk"
    assert page.data.decode("gbk") == PAGE


@pytest.mark.parametrize(("path", "reason"), [("/missing", "http-404"), ("/loop", "redirect-loop")])
def test_failures_become_rejects(server, path, reason):
    rej = fetch(f"{server}{path}", retries=0)
    assert isinstance(rej, Reject) and rej.stage == "fetch" and rej.reason == reason


def test_timeout_becomes_a_reject_naming_the_url(server):
    rej = fetch(f"{server}/slow", retries=0, timeout=0.5)
    assert isinstance(rej, Reject) and rej.stage == "fetch" and rej.reason == "unreachable"
    assert "Timeout" in rej.detail and f"{server}/slow" in rej.detail


def test_a_server_that_drips_is_cut_off_at_the_deadline(server):
    rej = fetch(f"{server}/drip", retries=0, timeout=1, deadline=1)  # the drip lasts 6 s
    assert isinstance(rej, Reject) and rej.reason == "too-slow" and f"{server}/drip" in rej.detail


def test_a_server_that_drips_its_headers_is_cut_off_at_the_deadline(server):
    rej = fetch(f"{server}/drip-headers", retries=0, timeout=1, deadline=1)  # lasts 6 s
    assert isinstance(rej, Reject) and rej.reason == "too-slow"


def test_oversized_response_is_cut_off(server):
    rej = fetch(f"{server}/big", retries=0, max_bytes=1000)
    assert isinstance(rej, Reject) and rej.reason == "too-large"


@pytest.mark.parametrize(
    "url",
    [
        "hello world",
        "ftp://example.com/x",
        "http://",
        "http://a b/",
        "http://127.0.0.1:99999/",
        "http://x:0/",
    ],
)
def test_a_line_that_is_no_http_url_is_refused_without_trying(url):
    rej = fetch(url)  # default retries: would sleep between tries if it tried
    assert isinstance(rej, Reject) and rej.reason == "bad-url" and "URL list" in rej.detail


def test_unreachable_host_after_retries():
    rej = fetch("http://127.0.0.1:9/", retries=1, backoff=(0.01,), timeout=1)
    assert isinstance(rej, Reject) and rej.reason == "unreachable" and "2 tries" in rej.detail


def test_host_pacer_spaces_requests_to_one_host_only():
    """A fake clock: the second request to a host waits out the interval, another host does not."""
    from pipeline.fetch import HostPacer

    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("https://a.example/1")
    now[0] += 0.25
    pacer.wait("https://b.example/1")
    pacer.wait("https://a.example/2")
    assert slept == [0.75]
    pacer.wait("https://WWW.a.example/3")  # the same site
    assert slept == [0.75, 1.0]


def test_a_server_error_is_retried_then_rejected_with_its_status():
    with serving() as url:
        rej = fetch(f"{url}/error", retries=2, backoff=(0.01,))
    assert isinstance(rej, Reject) and rej.reason == "http-500"


class Holding(BaseHTTPRequestHandler):
    """Holds each request a moment and records how many were in flight, in all and per Host."""

    lock = threading.Lock()
    in_flight: ClassVar[dict[str, int]] = {}
    most_in_all = 0
    most_per_host = 0

    def do_GET(self) -> None:
        host = self.headers["Host"].split(":")[0]
        cls = type(self)
        with cls.lock:
            cls.in_flight[host] = cls.in_flight.get(host, 0) + 1
            cls.most_in_all = max(cls.most_in_all, sum(cls.in_flight.values()))
            cls.most_per_host = max(cls.most_per_host, cls.in_flight[host])
        time.sleep(0.3)
        with cls.lock:
            cls.in_flight[host] -= 1
        reply_html(self, f"<html><body><p>{host}{self.path}</p></body></html>")

    def log_message(self, *args: object) -> None:
        pass


def test_url_list_fetches_hosts_side_by_side_and_each_host_one_at_a_time(settings):
    """Two host names for one server on 127.0.0.1: their URLs overlap, one host's never do,
    and the pages come back in the list's order."""
    from dataclasses import replace

    from pipeline.ingest import fetch_urls

    with http_server(Holding) as url:
        port = url.rsplit(":", 1)[1]
        urls = [
            f"http://{host}:{port}/{i}" for i in range(3) for host in ("127.0.0.1", "localhost")
        ]
        pages = fetch_urls(urls, replace(settings, fetch_host_interval_ms=0))
    assert [p.source for p in pages] == urls
    assert all(isinstance(p, RawPage) for p in pages)
    assert Holding.most_per_host == 1 and Holding.most_in_all == 2


def test_a_url_too_broken_to_have_a_host_is_a_reject_not_a_crash(settings):
    from pipeline.ingest import fetch_urls

    [page] = fetch_urls(["http://[::1/page"], settings)
    assert isinstance(page, Reject) and page.reason == "bad-url"


def test_one_host_failing_stops_the_others_after_their_current_url(settings, monkeypatch):
    """Ctrl-C or an error must not wait for every other host's whole list (a thousand URLs of
    one site, paced a second apart, is a quarter of an hour)."""
    import pipeline.ingest

    calls: list[str] = []

    def fake_fetch(url: str, **_: object) -> RawPage:
        if "broken.example" in url:
            raise RuntimeError("stopped")
        calls.append(url)
        time.sleep(0.02)
        return RawPage(url, b"<html></html>", "html", url=url)

    monkeypatch.setattr(pipeline.ingest, "fetch", fake_fetch)
    urls = [f"https://slow.example/{i}" for i in range(100)] + ["https://broken.example/1"]
    with pytest.raises(RuntimeError, match="stopped"):
        pipeline.ingest.fetch_urls(urls, settings)
    time.sleep(0.1)  # the slow host's thread ends after the URL it was on
    assert len(calls) < 20


@pytest.mark.parametrize("path", sorted(NOT_PAGES))
def test_a_url_answering_with_no_page_is_refused_by_its_content_type(server, path):
    """JSON or a script read as HTML was refused with advice meant for files (save it as .txt):
    the server said what it sent, and the refusal says that."""
    rej = fetch(f"{server}{path}", retries=0)
    assert isinstance(rej, Reject) and rej.stage == "fetch" and rej.reason == "not-a-page"
    media = NOT_PAGES[path].split(";")[0]
    assert f"{server}{path} answered {media}, which is not a web page" in rej.detail


@pytest.mark.parametrize("path", sorted(ODD_TYPES))
def test_a_page_sent_under_a_generic_or_malformed_type_is_read(server, path):
    page = fetch(f"{server}{path}", retries=0)
    assert isinstance(page, RawPage), page
    assert "英伟达" in page.data.decode("utf-8")
