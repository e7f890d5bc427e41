import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.records import RawPage, Reject
from pipeline.sources import discover, read_input, split_container


def _read(path, max_bytes=1_000_000):
    return [p for item in discover([path]) for p in read_input(item, max_bytes)]


def test_linked_folders_are_read_once_and_a_broken_link_is_a_reject(tmp_path):
    """Scrapers link dated folders into an inbox: a linked folder is read (a link loop ends),
    and a link to nothing is recorded, not passed over."""
    inbox, elsewhere = tmp_path / "inbox", tmp_path / "elsewhere"
    inbox.mkdir()
    elsewhere.mkdir()
    (elsewhere / "p.html").write_text("<p>x</p>", "utf-8")
    (inbox / "q.html").write_text("<p>y</p>", "utf-8")
    (inbox / "linked").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "back").symlink_to(inbox, target_is_directory=True)  # a loop
    (inbox / "gone.html").symlink_to(tmp_path / "deleted.html")
    found = discover([inbox])
    assert sorted(i.path.name for i in found if i.kind == "html") == ["p.html", "q.html"]
    [rej] = [r for r in _read(inbox) if isinstance(r, Reject)]
    assert rej.reason == "broken-link" and "deleted.html" in rej.detail


def test_a_folder_that_cannot_be_listed_is_a_reject_not_a_silence(tmp_path, monkeypatch):
    """A subfolder the run may not list (mode 000 for another user) was passed over without a
    word, its pages neither read nor counted: it is a reject naming it now, and the pages
    beside it are read. (Permissions are simulated: root may list any folder.)"""
    import errno
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "p.html").write_text("<p>x</p>", "utf-8")
    (tmp_path / "q.html").write_text("<p>y</p>", "utf-8")
    locked = str(tmp_path / "locked")
    scandir, listdir = os.scandir, os.listdir

    def refuse(real):
        def call(path=".", *args):
            if os.fspath(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", locked)
            return real(path, *args)

        return call

    monkeypatch.setattr(os, "scandir", refuse(scandir))
    monkeypatch.setattr(os, "listdir", refuse(listdir))
    found = discover([tmp_path])
    assert [(i.path.name, i.kind) for i in found] == [
        ("q.html", "html"),
        ("locked", "unreadable-folder"),
    ]
    [rej] = [r for r in _read(tmp_path) if isinstance(r, Reject)]
    assert rej.reason == "unreadable-folder"
    assert "locked" in rej.detail and "Permission denied" in rej.detail


def test_folders_are_walked_recursively_in_stable_order(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "p.html").write_text("<p>x</p>", "utf-8")
    (tmp_path / "a" / "q.txt").write_text("x", "utf-8")
    (tmp_path / ".hidden").write_text("x", "utf-8")
    (tmp_path / "README.md").write_text("about this folder", "utf-8")
    found = discover([tmp_path])
    assert [i.path.name for i in found] == ["p.html", "q.txt"]
    assert [i.kind for i in found] == ["html", "text"]


def test_an_input_is_the_same_however_its_path_is_spelled(tmp_path, monkeypatch):
    """Pages, rejects and seen inputs are keyed on the path: a rerun under another spelling of
    the same folder must find the same keys, not add every page again."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<p>x</p>", "utf-8")
    monkeypatch.chdir(tmp_path)
    spellings = ["in", "./in", str(tmp_path / "in"), str(tmp_path / "in" / ".." / "in")]
    assert len({tuple(str(i.path) for i in discover([s])) for s in spellings}) == 1


def test_missing_input_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        discover([tmp_path / "nope"])


def test_json_scraper_record(tmp_path):
    rec = {
        "url": "https://a.example/1",
        "html": "<p>英伟达</p>",
        "fetched_at": "2025-03-01T10:00:00Z",
    }
    (tmp_path / "r.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    [page] = _read(tmp_path / "r.json")
    assert isinstance(page, RawPage)
    assert page.url == "https://a.example/1" and page.kind == "html"
    assert page.fetched_at.year == 2025


@pytest.mark.parametrize(
    "fetched_at", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00", "1970-01-01"]
)
def test_a_fetch_time_no_fetch_can_have_is_no_fetch_time(tmp_path, fetched_at):
    """(input probe) A placeholder fetched_at (9999-12-31) made counting 3天前 back from it
    overflow, and the page was an internal error; kept, it would have made the copy newer than
    every later crawl of the page. The page is read, undated by its fetch."""
    rec = {"url": "https://a.example/1", "text": "3天前\n正文", "fetched_at": fetched_at}
    (tmp_path / "r.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    [page] = _read(tmp_path / "r.json")
    assert isinstance(page, RawPage) and page.fetched_at is None


def test_json_list_yields_one_page_per_record_and_rejects_bad_ones(tmp_path):
    recs = [{"url": "u1", "text": "正文"}, {"url": "u2"}, "not an object"]
    (tmp_path / "r.json").write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    pages = _read(tmp_path / "r.json")
    assert isinstance(pages[0], RawPage) and pages[0].kind == "text"
    assert [p.reason for p in pages[1:]] == ["json-without-page", "malformed-json"]


def test_malformed_json_is_rejected_not_raised(tmp_path):
    (tmp_path / "bad.json").write_text('{"url": "x", "html": ', "utf-8")
    [rej] = _read(tmp_path / "bad.json")
    assert isinstance(rej, Reject) and rej.reason == "malformed-json" and rej.stage == "read"


def test_unsupported_file_type_is_recorded(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    [rej] = _read(tmp_path)
    assert isinstance(rej, Reject) and rej.reason == "unsupported-type"
    assert ".html" in rej.detail


def test_oversized_page_is_rejected_saying_which_setting_reads_it(tmp_path):
    (tmp_path / "big.html").write_text("x" * 2000, "utf-8")
    [rej] = _read(tmp_path / "big.html", max_bytes=1000)
    assert rej.reason == "too-large" and "DUOKONG_MAX_PAGE_BYTES" in rej.detail


def _warc(path, records, gzip=False):
    """A WARC file as a crawler writes it: (url, content type, body[, status]) response
    records."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, ctype, body, *status in records:
            http = StatusAndHeaders(
                status[0] if status else "200 OK",
                [("Content-Type", ctype)] if ctype is not None else [],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=http
                )
            )


def test_a_warc_file_yields_its_html_responses_with_url_and_charset(tmp_path):
    page = "<html><body><p>英伟达的需求仍然强劲。</p></body></html>"
    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.com/a", "text/html; charset=gbk", page.encode("gbk")),
            ("https://example.com/logo.png", "image/png", b"\x89PNG..."),
        ],
    )
    [raw] = _read(tmp_path / "crawl.warc")
    assert isinstance(raw, RawPage) and raw.url == "https://example.com/a"
    assert raw.http_charset == "gbk" and raw.kind == "html" and raw.data == page.encode("gbk")


@pytest.mark.parametrize(
    "status",
    ["\u00b2 OK".encode("latin-1"), "\u0664\u0660\u0664 Not Found".encode()],
)
def test_a_warc_status_of_other_digits_costs_no_record(tmp_path, status):
    """A status written in digits that are not ASCII (a superscript, Arabic-Indic) is no number
    a server sends: that response is read as if it had no status, and the records after it are
    still read (a superscript once made the whole file a malformed-warc reject from there on).
    Written by hand: warcio's writer refuses such a status line, a broken crawler does not."""

    def record(n: str, status: bytes) -> bytes:
        http = b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html\r\n\r\n"
        http += f"<p>第{n}篇：英伟达。</p>".encode()
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/{n}\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        )
        return head.encode() + http + b"\r\n\r\n"

    path = tmp_path / "odd.warc"
    path.write_bytes(record("a", b"200 OK") + record("b", status) + record("c", b"200 OK"))
    read = _read(path)
    assert [type(r).__name__ for r in read] == ["RawPage"] * 3
    assert [r.url for r in read] == [f"https://example.com/{n}" for n in "abc"]


@pytest.mark.parametrize(
    "lines", ["<p>英伟达。</p>", "<html>\n<title>英伟达</title>\n\n<p>英伟达。</p>"]
)
def test_a_warc_response_without_http_headers_is_a_reject_that_says_so(tmp_path, lines):
    """Some crawlers save the page alone as a response: warcio reads its first lines as the
    HTTP status and headers, and what is left is no page. It was counted as a response that
    holds no page, without a word (or, alone in its file, "no HTML or text response")."""

    def record(n: str, block: bytes) -> bytes:
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/{n}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        )
        return head.encode() + block + b"\r\n\r\n"

    page = "<p>英伟达。</p>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    path = tmp_path / "bare.warc"
    path.write_bytes(
        record("a", http + page) + record("b", lines.encode()) + record("c", http + page)
    )
    read = _read(path)
    assert [type(r).__name__ for r in read] == ["RawPage", "Reject", "RawPage"]
    assert read[1].reason == "no-http-headers" and read[1].source.endswith("bare.warc#1")
    assert "https://example.com/b" in read[1].detail and "resource record" in read[1].detail


def test_a_warc_file_gzipped_whole_gives_every_page(tmp_path):
    """gzip crawl.warc (one stream, not a member a record) is a valid file of which warcio reads
    the first record, then says to recompress it: the other pages were lost, with a reject
    telling to check that the crawler had finished writing."""
    import gzip

    page = "<html><body><p>第{}篇：英伟达的需求仍然强劲。</p></body></html>"
    _warc(
        tmp_path / "crawl.warc",
        [(f"https://example.com/{i}", "text/html", page.format(i).encode()) for i in range(3)],
    )
    whole = (tmp_path / "crawl.warc").read_bytes()
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(whole))
    read = _read(tmp_path / "crawl.warc.gz")
    assert [type(r).__name__ for r in read] == ["RawPage"] * 3
    assert [r.source.rsplit("/", 1)[-1] for r in read] == [f"crawl.warc.gz#{i}" for i in range(3)]
    assert [r.url for r in read] == [f"https://example.com/{i}" for i in range(3)]
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(whole)[:-200])
    assert isinstance(_read(tmp_path / "cut.warc.gz")[-1], Reject)  # cut off: said, not raised


def test_a_warc_gzipped_whole_that_unzips_beyond_reason_is_refused(tmp_path, monkeypatch):
    """The unzipped copy had no bound: a gzip bomb named .warc.gz filled the temporary disk."""
    import gzip

    from pipeline import warc

    page = "<html><body><p>英伟达的需求仍然强劲。</p></body></html>".encode()
    _warc(tmp_path / "crawl.warc", [(f"https://e.com/{i}", "text/html", page) for i in range(3)])
    (tmp_path / "bomb.warc.gz").write_bytes(gzip.compress((tmp_path / "crawl.warc").read_bytes()))
    monkeypatch.setattr(warc, "MAX_UNZIP_RATIO", 0)  # any copy is too large
    read = _read(tmp_path / "bomb.warc.gz")
    assert read[-1].reason == "too-large" and "warcio recompress" in read[-1].detail


def test_a_record_published_nan_or_infinity_has_no_date_and_costs_no_other_record(tmp_path):
    """Python's json writes a missing float as NaN: such a publish time is none, and the
    records after it are still read (it once made the rest of the file an internal error)."""
    body = "英伟达的护城河依然很深，我认为未来一年英伟达的股价会继续上涨。"
    lines = [json.dumps({"url": f"http://x/{i}", "text": f"{i}。{body}"}) for i in range(5)]
    lines[1] = lines[1][:-1] + ', "published": NaN}'
    lines[2] = lines[2][:-1] + ', "published": -Infinity}'
    lines[3] = lines[3][:-1] + ', "published": 1738454400}'
    (tmp_path / "n.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    read = _read(tmp_path / "n.jsonl")
    assert [type(r).__name__ for r in read] == ["RawPage"] * 5
    assert [dict(r.supplied).get("published") for r in read] == [
        None,
        None,
        None,
        "1738454400",
        None,
    ]


def test_a_warc_cut_short_keeps_its_whole_records_and_refuses_the_cut_one(tmp_path):
    """A crawl still being written, or a copy cut off: half a page must not replace the whole
    one stored before, and the cut is recorded (a cut inside an image at the end too)."""
    pages = [
        (f"https://example.com/{n}", "text/html", f"<p>第{n}篇：英伟达。</p>".encode() * 40)
        for n in "ab"
    ]
    _warc(tmp_path / "full.warc", [*pages, ("https://example.com/x.png", "image/png", b"P" * 900)])
    data = (tmp_path / "full.warc").read_bytes()
    cut_in_page = data.index(b"\xe7\xac\xac" + b"b", data.index(b"example.com/b")) + 50
    (tmp_path / "cut.warc").write_bytes(data[:cut_in_page])
    whole, rej = _read(tmp_path / "cut.warc")
    assert isinstance(whole, RawPage) and whole.url == "https://example.com/a"
    assert isinstance(rej, Reject) and rej.reason == "truncated-warc"
    assert "example.com/b" in rej.detail and "after 1 whole record" in rej.detail
    (tmp_path / "cut-image.warc").write_bytes(data[: data.rindex(b"P" * 100)])
    *read, rej = _read(tmp_path / "cut-image.warc")
    assert [r.url for r in read] == [u for u, _, _ in pages] and rej.reason == "truncated-warc"


def test_a_warc_responses_media_type_is_read_in_any_case_or_sniffed_when_missing(tmp_path):
    page = "<!DOCTYPE html><html><body><p>英伟达的需求仍然强劲。</p></body></html>".encode()
    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.com/upper", "Text/HTML; Charset=UTF-8", page),
            ("https://example.com/untyped", None, page),
            ("https://example.com/untyped.bin", None, b"\x00\x01 binary"),
        ],
    )
    read = _read(tmp_path / "crawl.warc")
    assert [(r.url, r.kind) for r in read] == [
        ("https://example.com/upper", "html"),
        ("https://example.com/untyped", "html"),
    ]
    assert read[0].http_charset.lower() == "utf-8"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"hello, this is no archive\n", "no-pages-in-warc"),
        # a record without the header warcio needs (its parser fails on a missing value)
        (
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n",
            "malformed-warc",
        ),
    ],
)
def test_a_file_named_warc_that_holds_no_page_is_a_clear_reject(tmp_path, content, reason):
    (tmp_path / "x.warc").write_bytes(content)
    [rej] = _read(tmp_path / "x.warc")
    assert isinstance(rej, Reject) and str(tmp_path / "x.warc") in rej.detail
    assert rej.reason == reason


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_record_without_a_header_it_needs_is_named_in_the_reject(tmp_path, gzipped):
    """warcio trips over a response record without WARC-Target-URI inside its own code: the
    reject names that record and what it lacks, not the AttributeError it raised."""
    good = (
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.com/a\r\n"
        b"Content-Type: text/html\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
    )
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(gzip.compress(good) + gzip.compress(bad) if gzipped else good + bad)
    rej = _read(path)[-1]
    assert isinstance(rej, Reject) and rej.reason == "malformed-warc"
    assert "record #1" in rej.detail and "WARC-Target-URI" in rej.detail
    assert (f"at byte {len(good)})" in rej.detail) is not gzipped
    assert "Error" not in rej.detail


def test_corrupt_gzip_is_a_reject_not_a_crash(tmp_path):
    """(Once "unreadable", zlib's words alone: it is said to be damaged, and what to do.)"""
    (tmp_path / "page.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage")
    [rej] = _read(tmp_path)
    assert isinstance(rej, Reject) and rej.reason == "corrupt-gzip"
    assert "damaged" in rej.detail and "copy the file again" in rej.detail


def test_gzip_bomb_is_refused_by_its_decompressed_size(tmp_path):
    import gzip

    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 50_000))
    [rej] = _read(tmp_path, max_bytes=10_000)
    assert rej.reason == "too-large"


def test_a_page_gzipped_in_several_members_is_read_to_its_end(tmp_path):
    """(input probe) `cat head.gz tail.gz` and crawlers that append make one file of several
    gzip members; gzip reads them all, zlib stops after the first: the page lost its second
    half without a word."""
    head = "<html><head><title>英伟达的护城河</title></head><body><p>第一段：算力需求还在增长。</p>"
    tail = "<p>第二段：明年英伟达的数据中心收入还会创新高。</p></body></html>"
    data = gzip.compress(head.encode()) + gzip.compress(tail.encode())
    (tmp_path / "page.html.gz").write_bytes(data)
    [page] = _read(tmp_path)
    assert isinstance(page, RawPage) and page.data.decode() == head + tail


def test_one_bad_jsonl_line_spares_the_others(tmp_path):
    lines = ['{"url": "u1", "text": "正文一"}', '{"url": broken', '{"url": "u3", "text": "正文三"}']
    (tmp_path / "r.jsonl").write_text("\n".join(lines), "utf-8")
    pages = _read(tmp_path / "r.jsonl")
    assert [type(p).__name__ for p in pages] == ["RawPage", "Reject", "RawPage"]
    assert "line 2" in pages[1].detail


def test_url_list_outside_the_flow_is_refused_with_a_reason(tmp_path):
    from pipeline.sources import read_inputs_safely

    (tmp_path / "a.urls").write_text("https://example.com/1\n", "utf-8")
    [rej] = list(read_inputs_safely(discover([tmp_path]), 1000))
    assert rej.reason == "url-list-not-fetched" and "duokong run" in rej.detail


def test_scraper_metadata_fills_what_the_page_does_not_show(tmp_path, analyzer):
    """A text dump without a visible date takes the record's publish date and title; a date the
    page shows wins over the record's, which may be the crawl time."""
    body = "英伟达的数据中心业务继续增长，客户的订单排到了明年，毛利率维持在高位。" * 3
    records = [
        {
            "url": "https://example.com/a",
            "text": body,
            "title": "订单排到明年",
            "published": "2025-01-28",
        },
        {"text": "发布时间：2025-01-20\n" + body + "再说一遍。", "published": "2025-03-01 08:00"},
    ]
    p = tmp_path / "pages.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    pages = list(read_input(discover([p])[0], 10**6))
    assert dict(pages[0].supplied) == {"title": "订单排到明年", "published": "2025-01-28"}
    first, second = (analyzer.process(page, analyse=False).article for page in pages)
    assert (first.title, str(first.published)) == ("订单排到明年", "2025-01-28")
    assert str(second.published) == "2025-01-20"


POST = (
    "<p>很多人担心DeepSeek会让GPU需求下降，我的看法正相反：算力越便宜，用的人越多，"
    "英伟达的订单只会越排越长。</p><p>我判断未来一年英伟达的数据中心收入还会继续创新高，"
    "至少明年之内看不到放缓的迹象。</p>"
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>某某的博客</title><link>https://blog.example.com</link>
<item><title>算力越便宜，英伟达越赚钱</title><link>https://blog.example.com/p/1</link>
<dc:creator><![CDATA[某某]]></dc:creator><pubDate>Mon, 18 May 2026 08:56:38 +0000</pubDate>
<category><![CDATA[半导体]]></category><category>英伟达</category>
<description><![CDATA[很多人担心…]]></description><content:encoded><![CDATA[{POST}]]></content:encoded></item>
<item><title>只有摘要的一篇</title><link>https://blog.example.com/p/2</link>
<pubDate>Tue, 19 May 2026 09:00:00 +0000</pubDate><description></description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>另一个博客</title><entry><title>英伟达的好日子还长着呢</title>
<link href="https://atom.example.com/a"/><updated>2026-05-20T10:00:00Z</updated>
<author><name>张三</name></author><content type="html"><![CDATA[{POST}]]></content></entry></feed>"""


def test_a_feed_is_read_item_by_item_with_its_metadata(tmp_path, analyzer):
    """Each item of an RSS or Atom feed is a page of its own, with the feed's title, date, author
    and link; an item with no text is a reject on record, the others still count."""
    rss = tmp_path / "feed.xml"
    rss.write_text(RSS, encoding="utf-8")
    [item] = discover([rss])
    assert item.kind == "feed"
    out = list(read_input(item, 10_000_000))
    pages = [p for p in out if isinstance(p, RawPage)]
    rejects = [r for r in out if isinstance(r, Reject)]
    assert [p.url for p in pages] == ["https://blog.example.com/p/1"]
    assert [r.reason for r in rejects] == ["feed-item-without-text"]
    art = analyzer.process(pages[0], analyse=False).article
    assert art.title == "算力越便宜，英伟达越赚钱"
    assert (str(art.published), art.author, art.site) == ("2026-05-18", "某某", "某某的博客")
    assert art.category == "半导体"  # the item's first <category> (ignored before)
    assert art.body.startswith("很多人担心DeepSeek会让GPU需求下降") and "<" not in art.body


def test_a_feed_saved_as_text_or_inside_a_json_record_is_read_as_a_feed(tmp_path, analyzer):
    dump = tmp_path / "feed.txt"
    dump.write_text(ATOM, encoding="utf-8")
    record = tmp_path / "rec.json"
    record.write_text(json.dumps({"url": "https://x.example.com/feed", "text": RSS}), "utf-8")
    [atom_page] = [p for p in read_input(discover([dump])[0], 10_000_000)]
    assert atom_page.url == "https://atom.example.com/a"
    art = analyzer.process(atom_page, analyse=False).article
    assert (art.title, art.author, str(art.published)) == (
        "英伟达的好日子还长着呢",
        "张三",
        "2026-05-20",
    )
    from_json = list(read_input(discover([record])[0], 10_000_000))
    assert [type(p).__name__ for p in from_json] == ["RawPage", "Reject"]


def test_a_page_that_merely_links_its_feed_is_a_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>'
        "<body><p>正文</p></body></html>",
        encoding="utf-8",
    )
    [raw] = list(read_input(discover([page])[0], 10_000_000))
    assert isinstance(raw, RawPage) and raw.kind == "html"


def test_a_feed_item_with_a_plain_summary_is_read_as_text(tmp_path, analyzer):
    summary = (
        "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层给出的指引也高于"
        "市场预期，短期内看不到放缓的迹象。"
    )
    feed = tmp_path / "s.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>站</title><item>'
        f"<title>英伟达的订单排到了明年</title><description>{summary}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    [page] = list(read_input(discover([feed])[0], 10_000_000))
    art = analyzer.process(page, analyse=False).article
    assert (art.title, art.body) == ("英伟达的订单排到了明年", summary)


def _items(tmp_path, name: str, xml: str) -> list:
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    return list(read_input(discover([path])[0], 10_000_000))


TEXT = (
    "英伟达的订单已经排到了明年，数据中心收入连续第八个季度创出新高，管理层给出的指引也高于"
    "市场预期，短期内看不到放缓的迹象，国产芯片的替代也还需要时间。"
)


def test_feed_items_in_the_shapes_feeds_give_them(tmp_path, analyzer):
    """A fragment with no <p> (an image and text, a <div>) is read; the item's headline beats a
    subheading in it; a relative link is resolved against the channel's; a date keeps the
    writer's day (07:30 on 1 January in Beijing is not 31 December); entities in plain text are
    decoded."""
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>站</title>
<link>https://a.example.cn/</link>
<item><title>英伟达的订单排到了明年</title><link>/?p=1</link>
<pubDate>Mon, 01 Jan 2024 07:30:00 +0800</pubDate>
<description><![CDATA[<img src="a.png">{TEXT}<a href="x">阅读全文</a>]]></description></item>
<item><title>英伟达的护城河还有多深</title><link>/?p=2</link>
<description><![CDATA[<h2>一、背景介绍</h2><div>{TEXT}</div>]]></description></item>
<item><title>英伟达和AMD的竞争</title><link>/?p=3</link>
<description>英伟达&amp;AMD 竞争加剧。{TEXT}</description></item>
</channel></rss>"""
    pages = _items(tmp_path, "f.rss", rss)
    assert [p.url for p in pages] == [f"https://a.example.cn/?p={i}" for i in (1, 2, 3)]
    arts = [analyzer.process(p, analyse=False).article for p in pages]
    assert all(a is not None and TEXT in a.body for a in arts)
    assert [a.title for a in arts] == [
        "英伟达的订单排到了明年",
        "英伟达的护城河还有多深",
        "英伟达和AMD的竞争",
    ]
    assert str(arts[0].published) == "2024-01-01"
    assert "英伟达&AMD" in arts[2].body


def test_feed_items_sharing_one_link_do_not_overwrite_each_other(tmp_path):
    item = "<item><title>{}</title><link>https://e.example.cn/</link><description>{}</description></item>"
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>站</title>'
        + item.format("一", TEXT)
        + item.format("二", TEXT + "另一篇。")
        + "</channel></rss>"
    )
    pages = _items(tmp_path, "f.xml", rss)
    assert [p.url for p in pages] == [None, None]  # keyed by their names in the feed instead
    assert len({p.source for p in pages}) == 2


def _rss(*items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>站</title>'
        "<link>https://m.example.cn/</link>" + "".join(items) + "</channel></rss>"
    )


def _post(n: int, link: str = "") -> str:
    return (
        f"<item><title>帖子{n}</title><guid isPermaLink='false'>post-{n}</guid>{link}"
        f"<pubDate>Sat, 0{n} Mar 2025 08:00:00 +0800</pubDate><description>{TEXT}{n}</description>"
        "</item>"
    )


def test_a_feed_that_rolls_over_keeps_each_item_under_its_name(tmp_path):
    """Items without a link were named by their place: when a feed gained a post at the top and
    dropped its oldest, every post took another's name, and the one that rolled off was read
    as edited into the next (and lost). They go by their guid now."""
    before = {
        p.source.rsplit("#", 1)[1]: p for p in _items(tmp_path, "a.xml", _rss(_post(2), _post(1)))
    }
    after = {
        p.source.rsplit("#", 1)[1]: p for p in _items(tmp_path, "a.xml", _rss(_post(3), _post(2)))
    }
    assert before["guid:post-2"].data == after["guid:post-2"].data
    assert set(before) | set(after) == {"guid:post-1", "guid:post-2", "guid:post-3"}


def test_an_item_without_a_web_link_has_no_url(tmp_path):
    """urljoin made the channel's front page the link of an item with none, so every such item
    was one page; a javascript: link was kept as its address."""
    pages = _items(
        tmp_path,
        "b.xml",
        _rss(_post(1), _post(2, "<link>javascript:void(0)</link>"), _post(3, "<link>/p/3</link>")),
    )
    assert [p.url for p in pages] == [None, None, "https://m.example.cn/p/3"]


def test_a_feed_items_author_is_a_name_and_its_title_is_text(tmp_path, analyzer):
    rss = _rss(
        "<item><title>英伟达&lt;b&gt;还会涨&lt;/b&gt;</title><link>https://m.example.cn/1</link>"
        f"<author>wang@example.cn (王五)</author><description>{TEXT}</description></item>",
        f"<item><title>二</title><link>https://m.example.cn/2</link>"
        f"<author>li@example.cn</author><description>{TEXT}</description></item>",
    )
    first, second = _items(tmp_path, "c.xml", rss)
    assert dict(first.supplied)["author"] == "王五"
    assert "author" not in dict(second.supplied)
    assert analyzer.process(first, analyse=False).article.title == "英伟达还会涨"


NETSCAPE_DOCTYPE = (
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
)


def test_an_rss_091_feed_with_its_doctype_is_read_and_one_with_entities_is_refused(tmp_path):
    """RSS 0.91 opens with Netscape's DOCTYPE; such a feed was refused as no feed at all, its
    items lost. A DOCTYPE with an internal subset (the entities of billion-laughs and
    external-entity attacks) stays refused: no feed needs one."""
    item = f"<item><title>英伟达</title><link>http://x/f</link><description>{POST}</description></item>"
    feed = f'<?xml version="1.0"?>\n{NETSCAPE_DOCTYPE}\n<rss version="0.91"><channel><title>t</title>{item}</channel></rss>'
    [page] = _items(tmp_path, "f.rss", feed)
    assert isinstance(page, RawPage) and page.url == "http://x/f"
    attack = feed.replace(NETSCAPE_DOCTYPE, '<!DOCTYPE rss [<!ENTITY a "英伟达英伟达">]>')
    [rej] = _items(tmp_path, "g.rss", attack)
    assert isinstance(rej, Reject) and rej.reason == "not-a-feed"


@pytest.mark.parametrize(
    "document",
    [
        '<?xml version="1.0"?><dictionary><entry><title>词</title><summary>释义</summary></entry></dictionary>',
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>图</title></svg>',
    ],
)
def test_xml_that_is_no_feed_is_a_clear_reject(tmp_path, document):
    [rej] = _items(tmp_path, "x.xml", document)
    assert isinstance(rej, Reject) and rej.reason == "not-a-feed" and "RSS or Atom" in rej.detail


@pytest.mark.parametrize(
    "page",
    [
        "<!doctype html><head><title>资讯</title></head><body><feed-list><p>正文</p></feed-list></body>",
        "<section><pre>&lt;rss&gt;</pre><rss-reader></rss-reader><p>正文</p></section>",
    ],
)
def test_html_that_mentions_a_feed_element_is_a_page(tmp_path, page):
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    [raw] = list(read_input(discover([path])[0], 10_000_000))
    assert isinstance(raw, RawPage) and raw.kind == "html"


def test_a_crawled_error_page_is_a_reject_not_an_article(tmp_path):
    page = "<html><head><title>页面不存在</title></head><body><p>您访问的页面不存在。</p></body></html>"
    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.com/gone", "text/html", page.encode(), "404 Not Found"),
            ("https://example.com/a", "text/html", b"<p>ok</p>"),
        ],
    )
    rej, raw = _read(tmp_path / "crawl.warc")
    assert isinstance(rej, Reject) and rej.reason == "http-404"
    assert "https://example.com/gone" in rej.detail
    assert isinstance(raw, RawPage) and raw.url == "https://example.com/a"


def test_a_jsonl_file_larger_than_a_page_keeps_every_record(tmp_path):
    """max_page_bytes bounds a page, not a scraper's file of many pages; a record over it is
    refused on its own."""
    line = json.dumps({"text": "英伟达" * 100}, ensure_ascii=False)
    big = json.dumps({"text": "x" * 3000})
    (tmp_path / "dump.jsonl").write_text("\n".join([line] * 20 + [big]), "utf-8")
    pages = _read(tmp_path / "dump.jsonl", max_bytes=2000)  # the file is over 18 KB
    assert sum(isinstance(p, RawPage) for p in pages) == 20
    assert pages[-1].reason == "too-large" and pages[-1].source.endswith("#20")
    assert "raise max_page_bytes" in pages[-1].detail


def test_a_gzipped_jsonl_file_is_read_line_by_line_and_an_endless_line_refused(tmp_path):
    """Gzipped (found by its magic bytes, whatever its name), a line read only up to its limit:
    one line with no end must not fill the memory, and the records after it still count."""
    import gzip

    lines = [json.dumps({"url": f"u{i}", "text": "正文"}) for i in range(3)]
    lines.insert(1, '{"text": "' + "x" * 50_000 + '"}')
    (tmp_path / "dump.jsonl").write_bytes(gzip.compress("\n".join(lines).encode()))
    pages = _read(tmp_path / "dump.jsonl", max_bytes=2000)
    assert [getattr(p, "url", None) for p in pages] == ["u0", None, "u1", "u2"]
    assert pages[1].reason == "too-large" and "line 2" in pages[1].detail


def _cut_gzip(first: bytes, rest: bytes) -> bytes:
    """A gzip stream of first + rest that breaks off halfway through rest, as a file still being
    written or a copy broken off: what comes before the cut decompresses."""
    import zlib

    packer = zlib.compressobj(wbits=31)
    return packer.compress(first + rest[: len(rest) // 2]) + packer.flush(zlib.Z_SYNC_FLUSH)


def test_a_gzipped_jsonl_file_cut_off_keeps_its_records_and_says_where_it_ends(tmp_path):
    """A .jsonl.gz cut off after its first record was one reject, "Compressed file ended before
    the end-of-stream marker was reached", and the whole record before the cut was lost with it
    (input-format probe). The records before the cut are read; one reject says the file is cut
    off and what to do, in a WARC file's words. A gzipped page cut off is no page either: half
    of it was read as if whole."""
    lines = [
        json.dumps({"url": f"u{i}", "text": f"正文{i}" * 50}, ensure_ascii=False) for i in range(3)
    ]
    (tmp_path / "crawl.jsonl.gz").write_bytes(
        _cut_gzip((lines[0] + "\n").encode(), "\n".join(lines[1:]).encode())
    )
    page, rej = _read(tmp_path / "crawl.jsonl.gz")
    assert isinstance(page, RawPage) and page.url == "u0"
    assert rej.reason == "truncated-gzip" and rej.source.endswith("crawl.jsonl.gz#1")
    assert "cut off after line 1" in rej.detail and "finished writing it" in rej.detail
    html = "<html><body><p>" + "英伟达的订单排到了明年。" * 40 + "</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(_cut_gzip(html[:200].encode(), html[200:].encode()))
    [rej] = _read(tmp_path / "page.html.gz")
    assert rej.reason == "truncated-gzip" and "finished writing it" in rej.detail


@pytest.mark.parametrize("cut", ["in-a-string", "in-a-character", "after-a-comma", "in-true"])
def test_a_plain_jsonl_file_cut_off_in_its_last_line_says_so_and_keeps_its_records(tmp_path, cut):
    """A .jsonl file still being written ends inside its last record, with no newline after it:
    that line was a malformed-json reject, "line 3 is not valid JSON: Unterminated string", as
    if the crawler had written bad JSON, and nothing said to read the file again (input-format
    probe). It is said to be cut off, in a gzipped one's words; the records before it are read
    (also in parts), and a line broken in the middle, or a broken last line that is no JSON cut
    short, is still malformed JSON."""
    lines = [
        json.dumps({"url": f"u{i}", "ok": True, "text": f"正文{i}" * 50}, ensure_ascii=False)
        for i in range(3)
    ]
    data = "\n".join(lines).encode()
    end = {
        "in-a-string": len(data) - 40,
        "in-a-character": len(data) - 40 + 1,  # a byte into a three-byte character
        "after-a-comma": data.rindex(b", "),
        "in-true": data.rindex(b"tru") + 3,
    }[cut]
    (tmp_path / "crawl.jsonl").write_bytes(data[:end])
    *pages, rej = _read(tmp_path / "crawl.jsonl")
    assert [p.url for p in pages] == ["u0", "u1"]
    assert rej.reason == "truncated-jsonl" and rej.source.endswith("crawl.jsonl#2")
    assert "cut off in its last line, line 3" in rej.detail and "finished writing it" in rej.detail
    [item] = discover([tmp_path / "crawl.jsonl"])
    assert _read_parts(split_container(item, 2, "digest", 1_000_000)) == _read_parts([item])
    (tmp_path / "one.jsonl").write_bytes(lines[0].encode()[:-40])
    [rej] = _read(tmp_path / "one.jsonl")
    assert rej.reason == "truncated-jsonl" and "after 0 whole record(s)" in rej.detail
    broken = lines[1].replace("true", "tru")  # a record broken where it stands
    for name, text in (("mid", f"{lines[0]}\n{broken}\n{lines[2]}"), ("end", f"{lines[0]}\n{{x}}")):
        (tmp_path / f"{name}.jsonl").write_text(text, "utf-8")
        rejects = [r for r in _read(tmp_path / f"{name}.jsonl") if isinstance(r, Reject)]
        assert [r.reason for r in rejects] == ["malformed-json"]
        assert "is not valid JSON" in rejects[0].detail


@pytest.mark.parametrize("records", [1, 2, 3])
def test_a_gzipped_jsonl_file_that_fails_its_checksum_keeps_the_records_read(tmp_path, records):
    """gzip checks a stream's CRC at its end, after its last line was read: the error came in
    json_records' two-record look-ahead, and the record(s) already read whole went with it (a
    file of one record gave nothing but "unreadable: CRC check failed", input-format probe).
    Every record read is kept; one reject names the file, where it broke and what to do."""
    lines = [json.dumps({"url": f"u{i}", "text": f"正文{i}" * 50}) for i in range(records)]
    data = bytearray(gzip.compress(("\n".join(lines) + "\n").encode()))
    data[-8] ^= 0xFF  # the CRC-32 in the gzip trailer
    (tmp_path / "crawl.jsonl.gz").write_bytes(bytes(data))
    *pages, rej = _read(tmp_path / "crawl.jsonl.gz")
    assert [p.url for p in pages] == [f"u{i}" for i in range(records)]
    assert rej.reason == "corrupt-gzip" and rej.source.endswith(f"crawl.jsonl.gz#{records}")
    assert f"after line {records} (CRC check failed" in rej.detail
    assert "copy the file again" in rej.detail


def test_a_jsonl_line_of_escaped_chinese_is_measured_by_its_page(tmp_path):
    """json.dumps escapes each Chinese character as six bytes by default (Scrapy too)."""
    page = "英伟达" * 300  # 2,700 bytes of UTF-8, a 5,400-byte line escaped
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": page}) + "\n" + '{"text": "x"}', "utf-8")
    first, _ = _read(tmp_path / "r.jsonl", max_bytes=4000)
    assert isinstance(first, RawPage) and first.data.decode() == page


def test_a_crawlers_own_files_and_assets_in_a_warc_are_no_pages(tmp_path):
    """wget writes its arguments and log as resource records (text/plain, metadata:// URIs);
    a 404 image is an asset like any other, not a refused page."""
    import io

    from warcio.warcwriter import WARCWriter

    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.com/a", "text/html", b"<p>ok</p>"),
            ("https://example.com/x.png", "image/png", b"\x89PNG", "404 Not Found"),
            ("https://example.com/site.css", "text/css", b"body{}"),
        ],
    )
    with (tmp_path / "crawl.warc").open("ab") as fh:
        writer = WARCWriter(fh, gzip=False)
        for uri, ctype, body in [
            ("https://example.com/saved.html", "text/html", b"<p>saved</p>"),
            ("metadata://gnu.org/software/wget/warc/wget.log", "text/plain", b"Opening WARC"),
        ]:
            record = writer.create_warc_record(
                uri, "resource", payload=io.BytesIO(body), warc_content_type=ctype
            )
            writer.write_record(record)
    pages = _read(tmp_path / "crawl.warc")
    assert [(type(p).__name__, p.url) for p in pages] == [
        ("RawPage", "https://example.com/a"),
        ("RawPage", "https://example.com/saved.html"),
    ]


@pytest.mark.parametrize(
    "content, detail",
    [
        ("[]", "holds no records"),
        ('{"html": "", "text": ""}', "html, text empty or not text"),
    ],
)
def test_json_without_a_page_says_why(tmp_path, content, detail):
    (tmp_path / "r.json").write_text(content, "utf-8")
    [rej] = _read(tmp_path / "r.json")
    assert rej.reason == "json-without-page" and detail in rej.detail


def test_an_empty_html_field_leaves_the_text_field_to_be_read(tmp_path):
    (tmp_path / "r.json").write_text('{"html": "", "text": "正文"}', "utf-8")
    [raw] = _read(tmp_path / "r.json")
    assert isinstance(raw, RawPage) and raw.kind == "text" and raw.data == "正文".encode()


def test_a_json_file_over_its_limit_says_what_the_limit_is_and_the_fix(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps([{"text": "x" * 900}] * 60), "utf-8")
    [rej] = _read(tmp_path / "r.json", max_bytes=1000)  # 54 KB, over 50 pages of 1,000 bytes
    assert rej.reason == "too-large" and "over the limit of 50000 bytes" in rej.detail
    assert "parsed whole" in rej.detail and "JSONL" in rej.detail


def test_a_json_file_is_never_parsed_whole_past_a_fixed_size(tmp_path, monkeypatch):
    """Fifty 20 MB pages' worth let a gzipped .json of under 1 MB unpack to 950 MB and take
    3.3 GB of one worker to parse; the fixed ceiling holds whatever max_page_bytes is."""
    import pipeline.sources as sources

    monkeypatch.setattr(sources, "JSON_FILE_MAX_BYTES", 10_000)
    (tmp_path / "r.json.gz").write_bytes(
        gzip.compress(json.dumps([{"text": "x" * 900}] * 60).encode())
    )
    [rej] = _read(tmp_path / "r.json.gz", max_bytes=20_000_000)
    assert rej.reason == "too-large" and "over the limit of 10000 bytes" in rej.detail


def _crawl_page(i):
    text = f"第{i}篇：英伟达的需求仍然强劲，数据中心收入明年将继续增长，我看好它的股价。" * 3
    return f"<html><head><title>第{i}篇</title></head><body><p>{text}</p></body></html>"


def _container(folder, name):
    """A WARC (plain or gzipped) or JSONL file of 11 records as crawlers write them: images
    among the pages, and in JSONL blank lines and a line that is not JSON."""
    path = folder / name
    if name.endswith(".jsonl"):
        lines = []
        for i in range(11):
            lines.append(json.dumps({"url": f"https://e.com/{i}", "html": _crawl_page(i)}))
            lines += [""] if i % 4 == 1 else []
            lines += ["{not json"] if i == 5 else []
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        records = [
            (f"https://e.com/{i}", "image/png", b"\x89PNG")
            if i % 3 == 2
            else (f"https://e.com/{i}", "text/html; charset=utf-8", _crawl_page(i).encode())
            for i in range(11)
        ]
        _warc(path, records, gzip=name.endswith(".gz"))
    return path


def _read_parts(items, max_bytes=1_000_000):
    return [
        (p.source, getattr(p, "reason", None), getattr(p, "data", None))
        for item in items
        for p in read_input(item, max_bytes)
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.jsonl"])
def test_a_large_container_read_in_parts_gives_what_reading_it_whole_gives(tmp_path, name):
    """A crawl's WARC or JSONL file of many pages is read a part at a time (a batch each): the
    parts must give every page and reject once, under the names reading it whole gives them."""
    [item] = discover([_container(tmp_path, name)])
    parts = split_container(item, 4, "digest", 1_000_000)
    whole = _read_parts([item])
    assert [p.part.count for p in parts] == ([4, 4, 4] if name.endswith("jsonl") else [4, 4, 3])
    assert [p.part.final for p in parts] == [False, False, True]
    assert _read_parts(parts) == whole
    assert len({source for source, _, _ in whole}) == len(whole)
    if name.endswith("jsonl"):  # the bad line keeps its number and its line in the message
        [bad] = [r for p in parts for r in read_input(p, 1_000_000) if isinstance(r, Reject)]
        assert bad.source.endswith("#6") and "line 9 " in bad.detail


def test_a_container_that_cannot_be_read_in_parts_stays_whole(tmp_path):
    """Gzipped JSONL is read from its start only; a WARC with no page in it stays whole, so that
    its reject says so; a file of few records needs no parts."""
    jsonl = _container(tmp_path, "crawl.jsonl")
    zipped = tmp_path / "crawl.jsonl.gz"
    zipped.write_bytes(gzip.compress(jsonl.read_bytes()))
    _warc(
        tmp_path / "images.warc", [(f"https://e.com/{i}.png", "image/png", b"P") for i in range(9)]
    )
    for path in (zipped, tmp_path / "images.warc", jsonl):
        [item] = discover([path])
        size = 20 if path == jsonl else 4
        assert split_container(item, size, "digest", 1_000_000) == [item]


def test_a_warc_cut_short_refuses_its_cut_record_in_its_last_part(tmp_path):
    _warc(
        tmp_path / "full.warc",
        [(f"https://e.com/{i}", "text/html", _crawl_page(i).encode()) for i in range(9)],
    )
    data = (tmp_path / "full.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(data[: data.rindex("第8篇".encode())])
    [item] = discover([tmp_path / "cut.warc"])
    parts = split_container(item, 4, "digest", 1_000_000)
    read = _read_parts(parts)
    assert [r for _, r, _ in read] == [None] * 8 + ["truncated-warc"]
    assert read == _read_parts([item])


def test_a_part_of_a_file_rewritten_shorter_since_it_was_split_refuses_nothing(tmp_path):
    """The file changed between planning and reading: the part finds no record, and says
    nothing of the whole file (the next run reads it again, its digest changed)."""
    path = _container(tmp_path, "crawl.jsonl")
    [item] = discover([path])
    parts = split_container(item, 4, "digest", 1_000_000)
    path.write_text(path.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    assert list(read_input(parts[-1], 1_000_000)) == []


def test_a_link_loop_and_a_fifo_are_rejects_that_say_what_they_are(tmp_path):
    """Neither is a page; each is recorded with what it is, not passed over in silence (a
    FIFO) or called missing (a loop of links, or a FIFO given by name)."""
    import os

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.html").symlink_to(inbox / "b.html")
    (inbox / "b.html").symlink_to(inbox / "a.html")
    os.mkfifo(inbox / "pipe.html")
    rejects = {Path(r.source).name: r for r in _read(inbox) if isinstance(r, Reject)}
    assert rejects["a.html"].reason == "broken-link" and "loop" in rejects["a.html"].detail
    assert rejects["pipe.html"].reason == "not-a-file"
    [alone] = _read(inbox / "pipe.html")
    assert alone.reason == "not-a-file"


@pytest.mark.parametrize("name", ["list.json", "lines.jsonl"])
def test_a_record_with_a_huge_number_costs_no_other_record(tmp_path, name):
    """Python refuses to convert more than 4,300 digits: one record's view counter cost every
    record of its file, as an internal error."""
    lines = [
        '{"url": "u1", "text": "第一篇正文"}',
        '{"url": "u2", "text": "第二篇正文", "views": ' + "9" * 5000 + "}",
        '{"url": "u3", "text": "第三篇正文"}',
    ]
    text = "\n".join(lines) if name.endswith("l") else "[" + ",".join(lines) + "]"
    (tmp_path / name).write_text(text, "utf-8")
    pages = _read(tmp_path / name)
    assert [p.url for p in pages if isinstance(p, RawPage)] == ["u1", "u2", "u3"]


@pytest.mark.parametrize("name", ["r.json", "r.jsonl"])
def test_json_saved_as_utf16_is_read(tmp_path, name):
    """Windows tools save UTF-16 with a byte-order mark: a .json file failed as 'not UTF-8',
    a one-record JSONL file as two bad lines."""
    recs = [{"url": "u1", "text": "英伟达正文"}, {"url": "u2", "text": "深度求索正文"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    text = "\r\n".join(lines) + "\r\n" if name.endswith("l") else json.dumps(recs)
    (tmp_path / name).write_bytes(text.encode("utf-16"))
    pages = _read(tmp_path / name)
    assert [(p.url, p.data.decode("utf-8")) for p in pages] == [
        ("u1", "英伟达正文"),
        ("u2", "深度求索正文"),
    ]


def test_json_lines_saved_as_json_are_read_as_json_lines(tmp_path):
    """Scrapers name JSON Lines .json too: such a file was refused whole, "is not valid JSON:
    Extra data: line 2" (input-format probe). When every line is a record it is read as JSON
    Lines; when one is broken, the reject says to rename it, where each line is read alone."""
    recs = [{"url": "u1", "text": "英伟达正文"}, {"url": "u2", "text": "深度求索正文"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    (tmp_path / "r.json").write_text("\n".join(lines) + "\n", "utf-8")
    assert [p.url for p in _read(tmp_path / "r.json")] == ["u1", "u2"]
    (tmp_path / "bad.json").write_text("\n".join([*lines, '{"url": broken']), "utf-8")
    [rej] = _read(tmp_path / "bad.json")
    assert rej.reason == "malformed-json" and "rename it to .jsonl" in rej.detail


def test_a_json_document_spread_over_the_lines_of_a_jsonl_file_is_read_whole(tmp_path):
    """A list saved with indent=2 and named .jsonl gave one cryptic reject a line ("line 2 is
    not valid JSON: Expecting property name…"), none saying what the file was (input-format
    probe). It is read as the document it is, and is not split into parts of lines; one that
    is broken is one reject saying what it is and what to do."""
    recs = [{"url": f"u{i}", "text": f"正文{i}"} for i in range(5)]
    pretty = json.dumps(recs, ensure_ascii=False, indent=2)
    (tmp_path / "r.jsonl").write_text(pretty, "utf-8")
    assert [p.url for p in _read(tmp_path / "r.jsonl")] == [f"u{i}" for i in range(5)]
    [item] = discover([tmp_path / "r.jsonl"])
    assert split_container(item, 2, "digest", 10**6) == [item]
    (tmp_path / "bad.jsonl").write_text(pretty[:-20], "utf-8")
    [rej] = _read(tmp_path / "bad.jsonl")
    assert rej.reason == "malformed-json" and "spread over lines" in rej.detail
    assert "save it as .json" in rej.detail


@pytest.mark.parametrize("name", ["r.json", "r.jsonl"])
def test_records_pretty_printed_one_after_another_are_read(tmp_path, name):
    """`jq '.[]'` writes a list's records one after another, each over lines: refused whole,
    "Extra data", and renamed .json as the reject said, refused again (input probe)."""
    recs = [{"url": f"u{i}", "text": f"正文{i}"} for i in range(3)]
    text = "\n".join(json.dumps(r, ensure_ascii=False, indent=2) for r in recs)
    (tmp_path / name).write_text(text, "utf-8")
    assert [p.url for p in _read(tmp_path / name)] == ["u0", "u1", "u2"]
    (tmp_path / name).write_text(text + "\n}", "utf-8")
    [rej] = _read(tmp_path / name)
    assert rej.reason == "malformed-json"


@pytest.mark.parametrize(
    "answer",
    [{"total": 2, "items": "RECORDS"}, {"code": 0, "data": {"page": 1, "list": "RECORDS"}}],
)
def test_records_an_apis_answer_wraps_are_read(tmp_path, answer):
    """{"items": [...]} was one record with no page (input probe): an object that is no page
    and holds one list of records, however deep, gives them."""
    recs = [{"url": f"u{i}", "text": f"正文{i}"} for i in range(2)]
    text = json.dumps(answer, ensure_ascii=False).replace('"RECORDS"', json.dumps(recs))
    (tmp_path / "r.json").write_text(text, "utf-8")
    assert [p.url for p in _read(tmp_path / "r.json")] == ["u0", "u1"]


def test_a_records_own_list_is_no_wrapper(tmp_path):
    """A record with no page and a list of comments is a record with no page, not the comments."""
    rec = {"url": "u1", "html": "", "comments": [{"content": "说得对"}]}
    (tmp_path / "r.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    [rej] = _read(tmp_path / "r.json")
    assert rej.reason == "json-without-page"


def test_a_jsonl_file_whose_first_line_is_cut_keeps_reading_its_lines(tmp_path):
    """A first line that opens a record it does not close is no pretty-printed document when
    the lines after it are records: they are read, one line each, as before."""
    lines = ['{"url": "u0",', '{"url": "u1", "text": "正文一"}', '{"url": "u2", "text": "正文二"}']
    (tmp_path / "r.jsonl").write_text("\n".join(lines), "utf-8")
    pages = _read(tmp_path / "r.jsonl")
    assert [type(p).__name__ for p in pages] == ["Reject", "RawPage", "RawPage"]
    assert "line 1" in pages[0].detail


@pytest.mark.parametrize("name", ["r.json", "r.jsonl"])
def test_json_in_gbk_is_refused_saying_to_save_it_as_utf8(tmp_path, name):
    """A GBK .json said "is not valid JSON: 'utf-8' codec can't decode byte 0xd5…", a GBK
    .jsonl line "is not valid JSON: not UTF-8 (…)": neither said what to do, as a GBK URL list's
    reject does (input-format probe). JSON is UTF-8 (or UTF-16/32): both say so now."""
    record = json.dumps({"url": "u1", "text": "英伟达的订单排到了明年"}, ensure_ascii=False)
    (tmp_path / name).write_bytes((record + "\n").encode("gbk"))
    [rej] = _read(tmp_path / name)
    assert rej.reason == "malformed-json" and "codec" not in rej.detail
    assert "is not UTF-8 text (invalid" in rej.detail and "as UTF-8" in rej.detail


def test_json_nested_too_deeply_is_called_so_not_invalid(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    [rej] = _read(tmp_path / "deep.json")
    assert rej.reason == "malformed-json" and "nested too deeply" in rej.detail
    assert "not valid" not in rej.detail
    # (review) as deep as json reads is read, half an emoji taken out at the bottom too
    deep = "[" * 900 + '"\\ud83d"' + "]" * 900
    (tmp_path / "r.json").write_text(f'{{"url": "u1", "text": "正文", "extra": {deep}}}', "utf-8")
    [page] = _read(tmp_path / "r.json")
    assert isinstance(page, RawPage) and page.url == "u1"


@pytest.mark.parametrize("cut", ["in-its-header", "in-its-gzip-trailer"])
def test_a_gzipped_warc_cut_short_keeps_its_whole_records_and_says_so(tmp_path, cut):
    """A gzipped crawl cut before a record's body gives warcio no record at all, and one cut in
    a member's trailer reads as whole: the records after the cut are gone either way, and the
    file is refused as a plain one cut off is, also when it is read in parts."""
    from warcio.archiveiterator import ArchiveIterator

    _warc(
        tmp_path / "full.warc.gz",
        [(f"https://e.com/{i}", "text/html", _crawl_page(i).encode()) for i in range(9)],
        gzip=True,
    )
    data = (tmp_path / "full.warc.gz").read_bytes()
    with (tmp_path / "full.warc.gz").open("rb") as fh:
        archive = ArchiveIterator(fh)
        members = [(archive.get_record_offset(), archive.get_record_length()) for _ in archive]
    start, length = members[5]
    at, whole = (start + 30, 5) if cut == "in-its-header" else (start + length - 4, 6)
    (tmp_path / "cut.warc.gz").write_bytes(data[:at])
    [item] = discover([tmp_path / "cut.warc.gz"])
    read = _read_parts([item])
    assert [r for _, r, _ in read] == [None] * whole + ["truncated-warc"]
    assert read[-1][0].endswith(f"cut.warc.gz#{whole}")
    assert _read_parts(split_container(item, 4, "digest", 1_000_000)) == read


def test_a_gzipped_warc_with_a_damaged_member_keeps_the_records_before_and_says_so(tmp_path):
    """A record's gzip member that fails its checksum was refused as "Invalid WARC record, first
    line:" and its compressed bytes, or "Unknown archive format", with "check that the crawler
    finished writing it": nothing said the file was damaged or what to do (input-format probe).
    The records before it are read; the reject names the member and says to copy it again."""
    from warcio.archiveiterator import ArchiveIterator

    _warc(
        tmp_path / "crawl.warc.gz",
        [(f"https://e.com/{i}", "text/html", _crawl_page(i).encode()) for i in range(4)],
        gzip=True,
    )
    data = bytearray((tmp_path / "crawl.warc.gz").read_bytes())
    with (tmp_path / "crawl.warc.gz").open("rb") as fh:
        archive = ArchiveIterator(fh)
        members = [(archive.get_record_offset(), archive.get_record_length()) for _ in archive]
    start, length = members[2]
    data[start + length - 8] ^= 0xFF  # that member's CRC-32
    (tmp_path / "crawl.warc.gz").write_bytes(bytes(data))
    *pages, rej = _read(tmp_path / "crawl.warc.gz")
    assert [p.url for p in pages] == ["https://e.com/0", "https://e.com/1"]
    assert rej.reason == "corrupt-gzip" and f"gzip member at byte {start}" in rej.detail
    assert "2 WARC record(s) before it are kept" in rej.detail and "copy the file" in rej.detail
    assert rej.detail.isprintable()


def test_a_damaged_or_cut_json_file_and_a_gzipped_url_list_are_named_for_what_they_are(tmp_path):
    """A .json.gz failing its checksum was "unreadable: Error -3 while decompressing data:
    incorrect data check", with nothing to do; a .json cut off was "not valid JSON" alone; a
    list.urls.gz, found as a URL list, was "not UTF-8 text: save it as UTF-8" (input-format
    probe)."""
    from pipeline.sources import read_url_list

    doc = json.dumps([{"url": f"u{i}", "text": f"正文{i}" * 50} for i in range(3)])
    data = bytearray(gzip.compress(doc.encode()))
    data[-8] ^= 0xFF
    (tmp_path / "crawl.json.gz").write_bytes(bytes(data))
    [rej] = _read(tmp_path / "crawl.json.gz")
    assert rej.reason == "corrupt-gzip" and "damaged" in rej.detail and "copy the" in rej.detail
    (tmp_path / "cut.json").write_text(doc[:-40], "utf-8")
    [rej] = _read(tmp_path / "cut.json")
    assert rej.reason == "malformed-json" and "finished writing it" in rej.detail
    (tmp_path / "bad.json").write_text(doc.replace("u1", 'u1"x'), "utf-8")
    [rej] = _read(tmp_path / "bad.json")
    assert "finished writing it" not in rej.detail
    (tmp_path / "list.urls.gz").write_bytes(gzip.compress(b"http://a.com/x\nhttp://b.com/y\n"))
    assert read_url_list(tmp_path / "list.urls.gz") == [
        (1, "http://a.com/x"),
        (2, "http://b.com/y"),
    ]
    (tmp_path / "cut.urls.gz").write_bytes(gzip.compress(b"http://a.com/x\n" * 500)[:-30])
    with pytest.raises(InputError, match=r"cut off.*finished writing it"):
        read_url_list(tmp_path / "cut.urls.gz")


@pytest.mark.parametrize("padding", [b"\n", b"\r\n\r\n", "empty-member", "two-empty-members"])
def test_a_whole_gzipped_warc_ending_in_padding_is_not_called_cut(tmp_path, padding):
    """Files joined with cat, or closed by some writers, end in a blank line or an empty gzip
    member after the last record: nothing is missing (review)."""
    import gzip as gz

    _warc(
        tmp_path / "full.warc.gz",
        [(f"https://e.com/{i}", "text/html", _crawl_page(i).encode()) for i in range(3)],
        gzip=True,
    )
    empty = gz.compress(b"")
    tail = {"empty-member": empty, "two-empty-members": empty + b"\n" + empty}.get(padding, padding)
    (tmp_path / "padded.warc.gz").write_bytes((tmp_path / "full.warc.gz").read_bytes() + tail)
    [item] = discover([tmp_path / "padded.warc.gz"])
    assert [r for _, r, _ in _read_parts([item])] == [None] * 3


def test_a_crawls_redirects_and_not_modified_answers_are_left_out_not_refused(tmp_path, caplog):
    """A crawler saves the 301 it followed and the 304 of a page it already had: neither holds
    a page (the page is a record of its own), so neither is a reject; they are counted in the
    log as images are."""
    page = "<html><body><p>英伟达的需求仍然强劲。</p></body></html>".encode()
    moved = b"<html><body><h1>Moved Permanently</h1><a href='/nv'>here</a></body></html>"
    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.com/old", "text/html; charset=iso-8859-1", moved, "301 Moved"),
            ("https://example.com/nv", "text/html; charset=utf-8", page),
            ("https://example.com/nv2", "text/html", b"", "304 Not Modified"),
            ("https://example.com/x", None, b"", "302 Found"),
        ],
    )
    with caplog.at_level("INFO", logger="pipeline.warc"):
        pages = _read(tmp_path / "crawl.warc")
    assert [(type(p).__name__, p.url) for p in pages] == [("RawPage", "https://example.com/nv")]
    assert "3 redirect(s) and 304 Not Modified response(s) left out" in caplog.text


@pytest.mark.parametrize("redirect", [False, True])
def test_a_warc_of_revisits_only_says_it_holds_nothing_new(tmp_path, redirect):
    """A re-crawl that found every page unchanged writes revisit records alone (and the
    redirect it followed to them, review): a WARC file with nothing new, not a file that may
    be no WARC at all."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "recrawl.warc").open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(writer.create_warcinfo_record("recrawl.warc", {"software": "test"}))
        if redirect:
            moved = StatusAndHeaders(
                "301 Moved Permanently",
                [("Content-Type", "text/html"), ("Location", "https://example.com/a")],
                "HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    "http://example.com/a", "response", payload=io.BytesIO(b""), http_headers=moved
                )
            )
        for n in "ab":
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_revisit_record(
                f"https://example.com/{n}",
                digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                refers_to_uri=f"https://example.com/{n}",
                refers_to_date="2025-03-02T00:00:00Z",
                http_headers=http,
            )
            writer.write_record(record)
    [rej] = _read(tmp_path / "recrawl.warc")
    assert rej.reason == "no-pages-in-warc" and "is it a WARC file" not in rej.detail
    records = 4 if redirect else 3
    assert f"a WARC file with nothing new: 2 of its {records} record(s) are revisits" in rej.detail
    assert ("the others 1 redirect(s)" in rej.detail) == redirect


TAIWAN_RECORD_TEXT = (
    "我認為只要輝達的新平台持續放量，記憶體需求下半年還會再往上走，族群修正接近尾聲。"
)


@pytest.mark.parametrize(
    ("key", "value", "day"),
    [
        # a publish time under its Traditional names (Taiwan writes 發布, only 發佈時間 was read)
        ("發布時間", "2025/02/13 09:30", date(2025, 2, 13)),
        ("發布日期", "2025-02-13", date(2025, 2, 13)),
        ("發佈日期", "2025-02-13", date(2025, 2, 13)),
        ("發表時間", "2025-02-13 09:30", date(2025, 2, 13)),
        ("发表时间", "2025-02-13 09:30", date(2025, 2, 13)),
        # Taiwan's calendar opening the field, as a header's 發布日期：114/02/13 is read
        ("published", "114/02/13", date(2025, 2, 13)),
        ("發佈時間", "114/02/13 09:30", date(2025, 2, 13)),
        ("published", "114-02-13", date(2025, 2, 13)),
        ("published", "民國114年2月13日", date(2025, 2, 13)),
        ("published", "2025/02/13", date(2025, 2, 13)),
        # no such day, or a two-digit year (98 could be 1998 or 2009): no date made up
        ("published", "114/02/30", None),
        ("published", "098/02/13", None),
    ],
)
def test_a_records_publish_time_in_traditional_names_and_taiwans_calendar(
    tmp_path, analyzer, key, value, day
):
    record = {"url": "https://example.tw/news/1", key: value, "text": TAIWAN_RECORD_TEXT}
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    [page] = _read(tmp_path / "r.json")
    assert dict(page.supplied).get("published") == value
    assert analyzer.process(page, analyse=False).article.published == day


def test_records_as_scrapers_commonly_write_them_are_read(tmp_path):
    """`content`/`正文` holding the page, plain text under `html`, Chinese or other metadata
    keys, an author list or object, a labelled author: each was refused or lost (input-format
    probe)."""
    recs = [
        {"url": "https://a.example/1", "标题": "英伟达", "发布时间": "2025-03-04", "作者": "文/张三",
         "正文": "英伟达的正文。"},
        {"url": "https://a.example/2", "content": "<div><p>英伟达的正文。</p></div>",
         "date": "2025-03-05", "authors": ["张三", "李四"]},
        {"url": "https://a.example/3", "html": "英伟达的正文，没有标记。", "author": {"name": "王五"}},
    ]  # fmt: skip
    (tmp_path / "r.json").write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    pages = _read(tmp_path / "r.json")
    assert [(p.kind, dict(p.supplied)) for p in pages] == [
        ("text", {"title": "英伟达", "published": "2025-03-04", "author": "张三"}),
        ("html", {"published": "2025-03-05", "author": "张三、李四"}),
        ("text", {"author": "王五"}),
    ]


def test_a_records_translator_credit_names_the_translator(tmp_path):
    """編譯 林佳蓉 in a record's author field: the role went with a label's colon only, and the
    author was the whole credit (Traditional-page probe)."""
    rec = {"url": "https://a.example/1", "作者": "編譯 周怡君", "text": "記憶體的正文。"}
    (tmp_path / "r.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    [page] = _read(tmp_path / "r.json")
    assert dict(page.supplied)["author"] == "周怡君"


def _warc_response(i: int, extra: int = 0, count_characters: bool = False) -> bytes:
    page = (
        f"<html><head><meta charset=utf-8><title>英伟达第{i}篇</title></head><body><article>"
        f"<p>我一直觉得英伟达的护城河比很多人想的要深，第{i}篇。</p></article></body></html>"
    )
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}"
    length = (len(block) if count_characters else len(block.encode())) + extra
    header = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{i}>\r\n"
        f"WARC-Date: 2025-02-05T10:00:00Z\r\nWARC-Target-URI: https://example.com/{i}.html\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return (header + block + "\r\n\r\n").encode()


def test_a_warc_record_whose_length_is_wrong_is_a_reject_not_half_a_page(tmp_path, capfd):
    """(input probe) A crawler counting characters for Content-Length wrote every Chinese page
    short: warcio read each cut at that length, and the pages were stored half, with only a
    byte dump on stderr; one counted long swallowed the record after it. Such a record is a
    reject naming its length; the records around it are read."""
    (tmp_path / "short.warc").write_bytes(
        _warc_response(1) + _warc_response(2, count_characters=True) + _warc_response(3)
    )
    (tmp_path / "long.warc").write_bytes(
        _warc_response(4) + _warc_response(5, extra=200) + _warc_response(6) + _warc_response(7)
    )
    short, long_ = _read(tmp_path / "short.warc"), _read(tmp_path / "long.warc")
    assert [(type(p).__name__, getattr(p, "url", None)) for p in short] == [
        ("RawPage", "https://example.com/1.html"),
        ("Reject", None),
        ("RawPage", "https://example.com/3.html"),
    ]
    assert short[1].reason == "bad-warc-length" and "2.html" in short[1].detail
    assert "Content-Length" in short[1].detail
    # the record counted long runs on over the next one's header: what warcio reads after it
    # depends on where it lands (here it cannot read on, a malformed-warc reject of its own)
    assert isinstance(long_[0], RawPage) and long_[0].url == "https://example.com/4.html"
    assert long_[1].reason == "bad-warc-length" and long_[1].source.endswith("long.warc#1")
    assert not any(isinstance(p, RawPage) and p.url.endswith("5.html") for p in long_)
    assert "Remainder" not in capfd.readouterr().err  # warcio's byte dump
