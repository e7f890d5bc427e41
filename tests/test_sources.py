import json

import pytest

from pipeline.errors import InputError
from pipeline.records import RawPage, Reject
from pipeline.sources import discover, read_input


def _read(path, max_bytes=1_000_000):
    return [p for item in discover([path]) for p in read_input(item, max_bytes)]


def test_folders_are_walked_recursively_in_stable_order(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "p.html").write_text("<p>x</p>", "utf-8")
    (tmp_path / "a" / "q.txt").write_text("x", "utf-8")
    (tmp_path / ".hidden").write_text("x", "utf-8")
    (tmp_path / "README.md").write_text("about this folder", "utf-8")
    found = discover([tmp_path])
    assert [i.path.name for i in found] == ["p.html", "q.txt"]
    assert [i.kind for i in found] == ["html", "text"]


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


def test_oversized_page_is_rejected(tmp_path):
    (tmp_path / "big.html").write_text("x" * 2000, "utf-8")
    [rej] = _read(tmp_path / "big.html", max_bytes=1000)
    assert rej.reason == "too-large"


def test_corrupt_gzip_is_a_reject_not_a_crash(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage")
    [rej] = _read(tmp_path)
    assert isinstance(rej, Reject) and rej.reason == "unreadable"


def test_gzip_bomb_is_refused_by_its_decompressed_size(tmp_path):
    import gzip

    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 50_000))
    [rej] = _read(tmp_path, max_bytes=10_000)
    assert rej.reason == "too-large"


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
