"""A feed's URL in a URL list, against a server the test starts on 127.0.0.1."""

from dataclasses import replace
from http.server import BaseHTTPRequestHandler

from benchmarks.faults import http_server
from pipeline.records import RawPage
from pipeline.url_stream import fetch_urls

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


TEASER_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>某某的博客</title>'
    "<link>https://blog.example.cn/</link><item><title>英伟达还能涨吗</title>"
    "<link>https://blog.example.cn/p/60</link><pubDate>Tue, 04 Mar 2025 08:00:00 +0800</pubDate>"
    f"<description>{TEXT[:40]}[…] 阅读全文</description></item></channel></rss>"
)
FULL_PAGE = (
    "<html><head><title>英伟达还能涨吗</title></head><body><article><h1>英伟达还能涨吗</h1><p>"
    + TEXT * 3
    + "</p></article></body></html>"
)


def test_a_feeds_summary_does_not_replace_the_page_fetched_from_its_link(lexicon_analyzer, db_path):
    """Run 1 fetched the full article; run 2 read the site's feed, whose item links to it with
    a teaser: the teaser, undated, replaced the article and its stances. A summary holds its
    page as of its post's date, so the fetched page stays, and a page fetched later still
    replaces a summary read first."""
    from datetime import UTC, datetime

    from pipeline.sources import pages_of
    from pipeline.warehouse import connect
    from pipeline.warehouse.load import write_results

    [teaser] = pages_of(RawPage("feed.xml", TEASER_FEED.encode(), "text"))
    assert teaser.url == "https://blog.example.cn/p/60"
    assert teaser.fetched_at == datetime(2025, 3, 4, 0, 0, tzinfo=UTC)
    fetched = RawPage(
        "https://blog.example.cn/p/60",
        FULL_PAGE.encode(),
        "html",
        url="https://blog.example.cn/p/60",
        fetched_at=datetime(2025, 3, 10, tzinfo=UTC),
    )
    con = connect(db_path)
    for n, page in enumerate((fetched, teaser)):
        write_results(con, [lexicon_analyzer.process(page)], f"r{n}", "lexicon.v1")
    [(body,)] = con.execute("SELECT body FROM articles").fetchall()
    assert body.startswith(TEXT) and len(body) > len(TEXT) * 2
    con.close()
    other = connect(db_path.with_name("other.duckdb"))
    for n, page in enumerate((teaser, fetched)):
        write_results(other, [lexicon_analyzer.process(page)], f"r{n}", "lexicon.v1")
    [(body,)] = other.execute("SELECT body FROM articles WHERE length(body) > 100").fetchall()
    assert body.startswith(TEXT)
    assert other.execute("SELECT count(*) FROM pages").fetchone()[0] == 1
