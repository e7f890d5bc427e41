"""A feed's URL in a URL list, against a server the test starts on 127.0.0.1."""

from dataclasses import replace
from http.server import BaseHTTPRequestHandler

from benchmarks.faults import http_server
from pipeline.ingest import fetch_urls
from pipeline.records import RawPage

TEXT = (
    "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层给出的指引也高于"
    "市场预期，短期内看不到放缓的迹象。"
)
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>某某的博客</title>'
    "<link>https://blog.example.cn/</link>"
    + "".join(
        f"<item><title>第{n}篇</title><link>/p/{n}</link><description>{TEXT}{n}</description></item>"
        for n in (1, 2, 3)
    )
    + "</channel></rss>"
)


class Feed(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = FEED.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_listed_feed_gives_a_page_for_each_item(settings, analyzer):
    """A blog's /feed in a URL list went to the HTML extractor whole: an RSS feed was refused as
    having no text, an Atom feed stored as one article of its first entry. It is read as the
    same feed saved as a file is."""
    with http_server(Feed) as url:
        pages = fetch_urls([f"{url}/feed"], replace(settings, fetch_host_interval_ms=0))
    assert all(isinstance(p, RawPage) for p in pages)
    assert [p.url for p in pages] == [f"https://blog.example.cn/p/{n}" for n in (1, 2, 3)]
    assert all(p.fetched_at is not None for p in pages)
    titles = [analyzer.process(p, analyse=False).article.title for p in pages]
    assert titles == ["第1篇", "第2篇", "第3篇"]
