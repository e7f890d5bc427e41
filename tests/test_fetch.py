"""Fetching URL lists against a server the test starts on 127.0.0.1."""

import gzip
import threading
import time
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from typing import ClassVar
from urllib.parse import unquote

import pytest

from benchmarks.faults import http_server, reply_html
from pipeline.fetch import _retry_after, fetch
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
    # (input probe) and says which setting gives a slow site more time
    assert "fetch_timeout_s" in rej.detail and "0.5 s" in rej.detail


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
        "http://xn--abc.com/some/page",  # punycode of no name: it crashed the whole run
        "http://xn--/",
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

    from pipeline.url_stream import fetch_urls

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
    from pipeline.url_stream import fetch_urls

    [page] = fetch_urls(["http://[::1/page"], settings)
    assert isinstance(page, Reject) and page.reason == "bad-url"


def test_one_host_failing_stops_the_others_after_their_current_url(settings, monkeypatch):
    """Ctrl-C or an error must not wait for every other host's whole list (a thousand URLs of
    one site, paced a second apart, is a quarter of an hour)."""
    import pipeline.url_stream

    calls: list[str] = []

    def fake_fetch(url: str, **_: object) -> RawPage:
        if "broken.example" in url:
            raise RuntimeError("stopped")
        calls.append(url)
        time.sleep(0.02)
        return RawPage(url, b"<html></html>", "html", url=url)

    monkeypatch.setattr(pipeline.url_stream, "fetch", fake_fetch)
    urls = [f"https://slow.example/{i}" for i in range(100)] + ["https://broken.example/1"]
    with pytest.raises(RuntimeError, match="stopped"):
        pipeline.url_stream.fetch_urls(urls, settings)
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


# ---- redirects, encodings, refusals, the URL list's lines ------------------------------------

# Locations httpx cannot follow: no web address at all, or another protocol.
BAD_REDIRECTS = {
    "/to-js": "javascript:alert(1)",
    "/to-mailto": "mailto:x@y.z",
    "/to-data": "data:text/html,hi",
    "/to-ftp": "ftp://example.com/x",
    "/to-file": "file:///etc/passwd",
    # punycode that decodes to no host name (idna raised out of the fetch: internal-error)
    "/to-bad-punycode": "http://xn--ls8h.la/x",
}

WHOLE_ARTICLE = ARTICLE.encode("utf-8")


def _compressed(coding: str) -> bytes:
    if coding == "gzip":
        return gzip.compress(WHOLE_ARTICLE)
    if coding == "deflate":  # zlib-wrapped, as RFC 9110 says
        return zlib.compress(WHOLE_ARTICLE)
    if coding == "raw-deflate":  # as many servers send it
        c = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return c.compress(WHOLE_ARTICLE) + c.flush()
    if coding == "two-members":  # gzip members one after another
        half = len(WHOLE_ARTICLE) // 2
        return gzip.compress(WHOLE_ARTICLE[:half]) + gzip.compress(WHOLE_ARTICLE[half:])
    if coding == "trailing":  # bytes after the stream, which httpx and browsers ignore
        return gzip.compress(WHOLE_ARTICLE) + b"\r\n"
    if coding == "gzip, gzip":  # compressed twice
        return gzip.compress(gzip.compress(WHOLE_ARTICLE))
    if coding in ("none", "utf-8"):  # misconfigured servers' names for no compression
        return WHOLE_ARTICLE
    return b"\x1b\x00fake-brotli"


class Refusing(BaseHTTPRequestHandler):
    """Redirects nowhere, sends a body that does not decode, answers /status/NNN with NNN, and
    /busy/N?after=S with 429 (Retry-After: S when given) to its first N requests; counts the
    requests to each path."""

    lock = threading.Lock()
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        with type(self).lock:
            hits = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if path in BAD_REDIRECTS:
            self.send_response(302)
            self.send_header("Location", BAD_REDIRECTS[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/not-gzip":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path.startswith("/coded/"):
            coding = unquote(path.removeprefix("/coded/").removesuffix("-cut"))
            body = _compressed(coding)
            if path.endswith("-cut"):  # cut short, its Content-Length saying so
                body = body[: len(body) * 7 // 10]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header(
                "Content-Encoding",
                {"raw-deflate": "deflate", "two-members": "gzip", "trailing": "gzip"}.get(
                    coding, coding
                ),
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/busy-br":  # a 503 whose body is compressed as br
            self.send_response(503 if hits == 1 else 200)
            self.send_header("Content-Encoding", "br" if hits == 1 else "identity")
            self.send_header("Content-Length", str(len(WHOLE_ARTICLE)))
            self.end_headers()
            self.wfile.write(WHOLE_ARTICLE)
        elif path.startswith("/status/"):
            self.send_response(int(path.rsplit("/", 1)[1]))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/busy/") and hits <= int(path.rsplit("/", 1)[1]):
            self.send_response(429)
            if query.startswith("after="):
                self.send_header("Retry-After", unquote(query.removeprefix("after=")))
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            reply_html(self, PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def refusing():
    with http_server(Refusing) as url:
        yield url


@pytest.mark.parametrize("path", sorted(BAD_REDIRECTS))
def test_a_redirect_to_no_web_address_is_refused_at_once_naming_it(refusing, path):
    """javascript:, mailto: and data: made httpx raise outside its own errors, in the fetch's
    thread (a traceback, then too-slow); ftp: and file: were retried as unreachable."""
    slept: list[float] = []
    rej = fetch(f"{refusing}{path}", retries=2, timeout=2, deadline=2, sleep=slept.append)
    assert isinstance(rej, Reject) and rej.stage == "fetch" and rej.reason == "bad-redirect"
    assert BAD_REDIRECTS[path] in rej.detail and "final URL" in rej.detail
    assert slept == [] and Refusing.hits[path] == 1


def test_a_body_that_does_not_decode_as_its_encoding_says_is_refused_at_once(refusing):
    slept: list[float] = []
    rej = fetch(f"{refusing}/not-gzip", retries=2, sleep=slept.append)
    assert isinstance(rej, Reject) and rej.reason == "bad-encoding"
    assert "gzip" in rej.detail and f"{refusing}/not-gzip" in rej.detail
    assert slept == [] and Refusing.hits["/not-gzip"] == 1


@pytest.mark.parametrize(
    ("query", "waited"),
    [
        ("?after=3", 3.0),  # as the server asks
        ("?after=3600", 60.0),  # within reason
        ("?after=0", 0.5),  # never sooner than the back-off
        ("", 0.5),  # no Retry-After: the back-off
        ("?after=Wed,%2021%20Oct%202015%2007:28:00%20GMT", 0.5),  # a date gone by
    ],
)
def test_too_many_requests_is_retried_after_the_wait_the_server_asks(refusing, query, waited):
    slept: list[float] = []
    path = f"/busy/1{query}"
    page = fetch(f"{refusing}{path}", retries=2, backoff=(0.5,), sleep=slept.append)
    assert isinstance(page, RawPage), page
    assert slept == [waited] and Refusing.hits[path] == 2


def test_too_many_requests_on_every_try_is_rejected_as_http_429(refusing):
    slept: list[float] = []
    rej = fetch(f"{refusing}/busy/9?after=2", retries=2, backoff=(0.5,), sleep=slept.append)
    assert isinstance(rej, Reject) and rej.reason == "http-429"
    assert slept == [2.0, 2.0] and "fetch_host_interval_ms" in rej.detail


@pytest.mark.parametrize(
    ("status", "advice"),
    [
        (404, "remove it from the list"),
        (410, "remove it from the list"),
        (401, "save the page from a browser"),
        (403, "save the page from a browser"),
        (429, "raise fetch_host_interval_ms"),
        (400, "check the URL"),
        (418, "check the URL"),
    ],
)
def test_a_refusal_says_what_to_do_and_keeps_its_status_as_reason(refusing, status, advice):
    rej = fetch(f"{refusing}/status/{status}", retries=0)
    assert isinstance(rej, Reject) and rej.reason == f"http-{status}"
    assert f"answered HTTP {status}" in rej.detail and advice in rej.detail


def listed(tmp_path, text: str) -> list[str]:
    """The URLs split_inputs takes from a URL list holding text."""
    from pipeline.ingest import split_inputs
    from pipeline.input_files import Input

    path = tmp_path / "list.urls"
    path.write_text(text, "utf-8")
    files, urls, refused, _ = split_inputs([Input(path, "urls")])
    assert files == [] and refused == []
    return urls


def test_text_after_a_space_and_a_hash_on_a_url_line_is_a_comment(tmp_path):
    """A # after whitespace starts a comment; one glued to the URL is its fragment."""
    text = (
        "http://127.0.0.1/a   # 英伟达财报点评\n"
        "http://127.0.0.1/b\t# tab\n"
        "http://127.0.0.1/c#part   # both\n"
        "   # a whole-line comment\n"
    )
    assert listed(tmp_path, text) == [
        "http://127.0.0.1/a",
        "http://127.0.0.1/b",
        "http://127.0.0.1/c",
    ]


def test_one_url_spelled_two_ways_is_fetched_once_as_first_listed(tmp_path):
    text = (
        "HTTP://Host.example/p.html\n"
        "http://host.example/p.html\n"
        "http://host.example:80/p.html\n"
        "https://host.example/p.html\n"  # another scheme: another URL
        "http://host.example/P.html\n"  # a path's case matters
        "http://h.example/中文/文章.html?q=多空\n"
        "http://h.example/%E4%B8%AD%E6%96%87/%E6%96%87%E7%AB%A0.html?q=%E5%A4%9A%E7%A9%BA\n"
        "http://h.example/%e4%b8%ad%e6%96%87/%e6%96%87%e7%ab%a0.html?q=%e5%a4%9a%e7%a9%ba\n"
        "https://H.example:443\n"
        "https://h.example/\n"
    )
    assert listed(tmp_path, text) == [
        "HTTP://Host.example/p.html",
        "https://host.example/p.html",
        "http://host.example/P.html",
        "http://h.example/中文/文章.html?q=多空",
        "https://H.example:443",
    ]


def test_a_line_with_a_space_is_refused_as_such_and_does_not_hide_its_escaped_spelling(tmp_path):
    """A list giving 中文 页.html and its escaped spelling: the escaped one was read as the same
    URL, never fetched, and the spaced one refused as having no valid host."""
    spaced, escaped = (
        "http://h.example/中文 页.html",
        "http://h.example/%E4%B8%AD%E6%96%87%20%E9%A1%B5.html",
    )
    from pipeline.ingest import split_inputs
    from pipeline.input_files import Input

    path = tmp_path / "list.urls"
    path.write_text(f"{spaced}\n{escaped}\n", "utf-8")
    _, urls, [rej], _ = split_inputs([Input(path, "urls")])
    assert urls == [escaped]
    assert isinstance(rej, Reject) and rej.reason == "bad-url" and rej.source == spaced
    assert "space" in rej.detail and "%20" in rej.detail


def test_a_line_that_is_no_url_is_refused_once_naming_its_list_and_line(tmp_path):
    """A bad-url reject named the text alone and said "fix that line of the URL list", not
    which list or which line."""
    from pipeline.ingest import split_inputs
    from pipeline.input_files import Input

    path = tmp_path / "list.urls"
    path.write_text("# 英伟达\nhttp://127.0.0.1/a\n\nhttp://[::1/page\nhttp://[::1/page\n", "utf-8")
    _, urls, [rej], listed_keys = split_inputs([Input(path, "urls")])
    assert urls == ["http://127.0.0.1/a"] and rej.source == "http://[::1/page"
    assert f"line 4 of the URL list {path}" in rej.detail
    assert "http://[::1/page" in listed_keys[str(path)]  # still listed: kept while it is


def test_a_line_whose_punycode_host_is_no_name_is_refused_and_the_list_goes_on(tmp_path):
    """idna's error left the URL check uncaught: the whole run failed, every later run too."""
    from pipeline.ingest import split_inputs
    from pipeline.input_files import Input

    path = tmp_path / "list.urls"
    path.write_text("http://127.0.0.1/a\nhttp://xn--abc.com/some/page\n", "utf-8")
    _, urls, [rej], _ = split_inputs([Input(path, "urls")])
    assert urls == ["http://127.0.0.1/a"] and rej.reason == "bad-url"
    assert f"line 2 of the URL list {path}" in rej.detail


@pytest.mark.parametrize(
    "coding",
    ["gzip", "deflate", "raw-deflate", "two-members", "trailing", "gzip, gzip", "none", "utf-8"],
)
def test_a_compressed_page_is_read_whole(refusing, coding):
    """Also with bytes after the stream, compressed twice, or under a name for no compression
    (review: each was refused when the body was first decoded here, where httpx read them)."""
    page = fetch(f"{refusing}/coded/{coding.replace(' ', '%20')}", retries=0)
    assert isinstance(page, RawPage), page
    assert page.data == WHOLE_ARTICLE


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_compressed_page_cut_short_is_retried_then_refused_not_stored_as_half(refusing, coding):
    """httpx hands back what decompressed of a gzip stream that stops early: a page cut at 70 %
    was stored as if whole, with no reject."""
    slept: list[float] = []
    path = f"/coded/{coding}-cut"
    rej = fetch(f"{refusing}{path}", retries=1, backoff=(0.1,), sleep=slept.append)
    assert isinstance(rej, Reject) and rej.reason == "unreachable", rej
    assert f"its {coding} body was cut short" in rej.detail and "2 tries" in rej.detail
    assert slept == [0.1] and Refusing.hits[path] == 2


def test_a_body_in_an_encoding_not_asked_for_is_refused_by_its_name(refusing):
    """A br body was refused as binary data (NUL and control bytes), which told nothing."""
    rej = fetch(f"{refusing}/coded/br", retries=2, sleep=lambda s: None)
    assert isinstance(rej, Reject) and rej.reason == "bad-encoding"
    assert "compressed as br" in rej.detail and Refusing.hits["/coded/br"] == 1


def test_an_error_status_is_retried_whatever_its_body_is_compressed_as(refusing):
    page = fetch(f"{refusing}/busy-br", retries=1, backoff=(0.1,), sleep=lambda s: None)
    assert isinstance(page, RawPage), page
    assert page.data == WHOLE_ARTICLE and Refusing.hits["/busy-br"] == 2


def test_a_retry_after_date_is_waited_until():
    now = datetime(2026, 12, 8, 12, 0, 0, tzinfo=UTC)
    assert _retry_after("Tue, 08 Dec 2026 12:00:12 GMT", now) == 12.0
    assert _retry_after("Tue, 08 Dec 2026 11:59:00 GMT", now) == 0.0  # gone by
    assert _retry_after("7", now) == 7.0
    assert _retry_after("soon", now) is None
    assert _retry_after("Wed, 09 Dec 99999999999999999999 08:00:00 GMT", now) is None


def test_too_many_requests_with_a_date_ahead_waits_until_it(refusing):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=8), usegmt=True)
    slept: list[float] = []
    path = f"/busy/1?after={when.replace(' ', '%20')}"
    page = fetch(f"{refusing}{path}", retries=2, backoff=(0.5,), sleep=slept.append)
    assert isinstance(page, RawPage), page
    assert len(slept) == 1 and 5 <= slept[0] <= 8  # the back-off was waited instead


def test_https_to_a_plain_http_port_is_refused_at_once_saying_so(refusing):
    """It was tried three times and ended unreachable, with no word of why."""
    slept: list[float] = []
    url = refusing.replace("http://", "https://") + "/page"
    rej = fetch(url, retries=2, sleep=slept.append)
    assert isinstance(rej, Reject) and rej.reason == "not-https", rej
    assert "http:// rather than https://" in rej.detail and slept == []


def test_a_certificate_that_does_not_verify_is_refused_at_once_saying_so():
    import ssl

    import httpx

    from pipeline.fetch import _tls_refusal

    cause = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cause.verify_message = "self-signed certificate"
    try:
        try:
            raise cause
        except ssl.SSLError as inner:
            raise httpx.ConnectError(str(inner)) from inner
    except httpx.ConnectError as exc:
        rej = _tls_refusal("https://example.invalid/a", exc)
    assert rej is not None and rej.reason == "bad-certificate"
    assert "self-signed certificate" in rej.detail and "save the page" in rej.detail
    assert _tls_refusal("https://example.invalid/a", httpx.ConnectError("refused")) is None
