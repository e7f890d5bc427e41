"""Fetching URL lists against a server the test starts on 127.0.0.1."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline.fetch import fetch
from pipeline.records import RawPage, Reject

PAGE = "<html><body><p>英伟达的需求依然旺盛。</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/gbk":
            body = PAGE.encode("gbk")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 5000)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_page_with_response_charset(server):
    page = fetch(f"{server}/gbk", retries=0)
    assert isinstance(page, RawPage) and page.http_charset.lower() == "gbk"
    assert page.data.decode("gbk") == PAGE


@pytest.mark.parametrize(("path", "reason"), [("/missing", "http-404"), ("/loop", "redirect-loop")])
def test_failures_become_rejects(server, path, reason):
    rej = fetch(f"{server}{path}", retries=0)
    assert isinstance(rej, Reject) and rej.stage == "fetch" and rej.reason == reason


def test_oversized_response_is_cut_off(server):
    rej = fetch(f"{server}/big", retries=0, max_bytes=1000)
    assert isinstance(rej, Reject) and rej.reason == "too-large"


def test_unreachable_host_after_retries():
    rej = fetch("http://127.0.0.1:9/", retries=1, backoff=(0.01,), timeout=1)
    assert isinstance(rej, Reject) and rej.reason == "unreachable" and "2 tries" in rej.detail
