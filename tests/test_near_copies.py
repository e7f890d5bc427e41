"""A repost with small changes (a source line added, its closing line dropped, converted to
Traditional script) is one text: its stances count once in the trend and its claims are
scored once, for the writer who published it first."""

from __future__ import annotations

import json

import opencc
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ledger import resolve
from pipeline.near_copies import COPY_SIMILARITY, fingerprint, similarity
from pipeline.records import RawPage
from pipeline.report import gather, render_markdown
from pipeline.warehouse import connect
from pipeline.warehouse.load import write_results

ORIGINAL = [
    "我认为DeepSeek的出现不会让英伟达的需求下降。训练成本降低以后，更多公司会去做自己的大模型，"
    "推理的算力需求只会越来越大。",
    "杰文斯悖论说的就是这个道理：效率提高，总用量反而上升。很多人看到英伟达一天跌了百分之十七"
    "就慌了，但数据中心的订单并没有减少，云厂商今年的资本开支计划都在上调，没有一家说要砍单。",
    "DeepSeek的模型确实便宜，可它背后的训练依然离不开大量的GPU，蒸馏出来的小模型也要有人部署。",
    "我的判断是，英伟达明年的营收还会继续增长。",
    "以上只是个人看法，不构成投资建议。",
]
# Another writer's column on the same subject, in the same words about the same companies.
OTHER = [
    "DeepSeek把训练成本打下来以后，英伟达的故事还讲得下去吗？我的看法是讲不下去了。",
    "过去大家相信堆卡就能堆出更好的模型，所以拼命买GPU；现在一家中国公司用很少的卡做出了同样"
    "水平的模型，云厂商的资本开支就没有理由再这样涨下去。",
    "英伟达一天跌了百分之十七，这不是恐慌，是市场第一次认真算账。",
    "我的判断是，英伟达明年的营收增速会明显放缓。",
]

PAGE = """<html><head><title>{title}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{day}"><meta name="author" content="{author}">
</head><body><h1>{title}</h1><div class="entry-content">{paragraphs}</div></body></html>"""


def _page(analyzer, source: str, paragraphs: list[str], site: str, day: str, author="老王"):
    html = PAGE.format(
        title="DeepSeek不会戳破英伟达的泡沫",
        site=site,
        day=day,
        author=author,
        paragraphs="".join(f"<p>{p}</p>" for p in paragraphs),
    )
    return analyzer.process(RawPage(source, html.encode("utf-8"), "html"))


def _repost(paragraphs: list[str], traditional: bool = False) -> list[str]:
    """As an aggregator reposts a column: its source line first (extraction drops it), the
    closing disclaimer dropped, a line of its own added."""
    body = [
        "本文转载自知乎，作者老王，著作权归作者所有。",
        *paragraphs[:-1],
        "小编觉得这篇分析很有道理，分享给大家，欢迎在评论区讨论。",
    ]
    if traditional:
        convert = opencc.OpenCC("s2t").convert
        body = [convert(p) for p in body]
    return body


def test_a_repost_is_one_text_and_another_column_on_the_subject_is_not():
    original = fingerprint("\n".join(ORIGINAL))
    for traditional in (False, True):
        repost = fingerprint("\n".join(_repost(ORIGINAL, traditional)))
        assert similarity(original, repost) >= COPY_SIMILARITY
    assert similarity(original, fingerprint("\n".join(OTHER))) < 0.3


def test_a_short_post_is_never_a_copy():
    """Two one-line calls that differ by a word are two readers' posts."""
    assert fingerprint("英伟达明年还会涨，DeepSeek改变不了什么。").bands == ()
    assert len(fingerprint("\n".join(ORIGINAL)).bands) == 32


def test_a_repost_on_another_site_counts_once_in_the_trend(lexicon_analyzer, db_path):
    con = connect(db_path)
    pages = [
        # read before its original, and dated later: the original is the one published first
        _page(lexicon_analyzer, "b.html", _repost(ORIGINAL, True), "轉貼網", "2025-02-05", "小編"),
        _page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02"),
        _page(lexicon_analyzer, "c.html", OTHER, "雪球", "2025-02-03", "老李"),
    ]
    write_results(con, pages[:1], "r1", "lexicon.v1")
    write_results(con, pages[1:], "r2", "lexicon.v1")
    copies = con.execute(
        "SELECT c.site, o.site FROM article_copies k JOIN articles c ON c.id = k.article_id "
        "JOIN articles o ON o.id = k.original_id"
    ).fetchall()
    assert copies == [("轉貼網", "知乎")]
    assert con.execute(
        "SELECT sum(articles) FROM stance_daily WHERE target = 'nvidia'"
    ).fetchone() == (2,)
    report = gather(con, target="nvidia")
    assert report.targets[0].totals["articles"] == 2
    assert {s["site"] for s in report.sources} == {"知乎", "雪球"}
    assert "3 articles (1 repost of an earlier article, counted once)" in render_markdown(report)
    # the copy is stored and analysed all the same: only the counts read it once
    assert con.execute(
        "SELECT count(*) FROM latest_stances WHERE target = 'nvidia'"
    ).fetchone() == (3,)


@pytest.mark.parametrize("traditional", [False, True])
def test_a_claim_in_a_repost_is_scored_once_for_the_original_writer(
    lexicon_analyzer, db_path, traditional
):
    con = connect(db_path)
    original = _page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")
    repost = _page(
        lexicon_analyzer, "b.html", _repost(ORIGINAL, traditional), "卡卷网", "2025-02-04", "小编"
    )
    write_results(con, [original, repost], "r1", "lexicon.v1")
    [claim] = [p for p in original.predictions if "营收" in p.quote]
    [copy] = [p for p in repost.predictions if "营收" in p.quote or "營收" in p.quote]
    assert copy.id != claim.id  # two articles, two prediction ids
    resolve(con, copy.id, "correct")  # resolved on the copy a user came across
    status = dict(con.execute("SELECT id, status FROM prediction_status").fetchall())
    assert (status[claim.id], status[copy.id]) == ("correct", "correct")
    scores = con.execute(
        "SELECT site, author, resolved, correct FROM prediction_scores WHERE author IS NOT NULL"
    ).fetchall()
    assert scores == [("知乎", "老王", 1, 1)]


def test_one_sites_near_identical_pages_are_its_own(lexicon_analyzer, db_path):
    """A daily template or a correction posted as a new item: the same site's two pages."""
    con = connect(db_path)
    edited = [
        ORIGINAL[0],
        ORIGINAL[1].replace("十七", "十七（更正：此前误写为十三）"),
        *ORIGINAL[2:],
    ]
    pages = [
        _page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02"),
        _page(lexicon_analyzer, "a2.html", edited, "知乎", "2025-02-03"),
    ]
    write_results(con, pages, "r1", "lexicon.v1")
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM article_copies").fetchone() == (0,)


def _pair_of_copies(analyzer, db_path, original: RawPage, repost: RawPage) -> list[tuple]:
    con = connect(db_path)
    write_results(con, [analyzer.process(original), analyzer.process(repost)], "r1", "lexicon.v1")
    return con.execute(
        "SELECT c.source, o.source FROM article_copies k JOIN articles c ON c.id = k.article_id "
        "JOIN articles o ON o.id = k.original_id"
    ).fetchall()


def _dump(source: str, paragraphs: list[str], day: str, author: str | None) -> RawPage:
    """A text dump, as scrapers save pages: no site, no address."""
    byline = f"发布时间：{day}" + (f"　作者：{author}" if author else "")
    text = "\n\n".join(["DeepSeek不会戳破英伟达的泡沫", byline, *paragraphs])
    return RawPage(source, text.encode("utf-8"), "text")


def test_a_repost_on_a_page_that_names_no_site_is_a_copy_by_its_byline(lexicon_analyzer, db_path):
    """(ledger probe) Both pages text dumps with no site: the repost under another byline was
    no copy (the view asked both for a site), and its claim stood twice in the ledger."""
    copies = _pair_of_copies(
        lexicon_analyzer,
        db_path,
        _dump("a.txt", ORIGINAL, "2025-02-02", "老王"),
        _dump("b.txt", _repost(ORIGINAL, True), "2025-02-05", "阿茶"),
    )
    assert copies == [("b.txt", "a.txt")]


def test_pages_that_name_no_site_are_one_publishers_by_their_host_or_byline(
    lexicon_analyzer, db_path
):
    """Where a site is unknown, one host's pages, or one byline's, are its own pages."""
    assert not _pair_of_copies(
        lexicon_analyzer,
        db_path,
        _dump("a.txt", ORIGINAL, "2025-02-02", "老王"),
        _dump("b.txt", _repost(ORIGINAL), "2025-02-05", "老王"),
    )
    page = "<html><head><title>DeepSeek不会戳破英伟达的泡沫</title></head><body><article>{}</article></body></html>"
    html = [
        page.format("".join(f"<p>{p}</p>" for p in body)).encode()
        for body in (ORIGINAL, _repost(ORIGINAL))
    ]
    on = [
        RawPage("x.html", html[0], "html", url="https://www.example.com/a/1"),
        RawPage("y.html", html[1], "html", url="https://example.com/a/2"),
    ]
    assert not _pair_of_copies(lexicon_analyzer, db_path.with_name("h.duckdb"), *on)
    elsewhere = RawPage("z.html", html[1], "html", url="https://repost.example.net/p/9")
    copies = _pair_of_copies(lexicon_analyzer, db_path.with_name("e.duckdb"), on[0], elsewhere)
    assert copies == [("z.html", "x.html")]


def test_articles_stored_before_fingerprints_are_fingerprinted_on_the_next_write(
    lexicon_analyzer, db_path
):
    con = connect(db_path)
    write_results(
        con, [_page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")], "r1", "lexicon.v1"
    )
    # as a database of the last version holds (migrated: the tables empty, no fingerprint pass)
    con.execute("DELETE FROM article_bands")
    con.execute("DELETE FROM article_fingerprints")
    con.execute("DELETE FROM meta WHERE key = 'fingerprints'")
    con.execute("UPDATE predictions SET words = NULL")
    repost = _page(lexicon_analyzer, "b.html", _repost(ORIGINAL), "卡卷网", "2025-02-04", "小编")
    write_results(con, [repost], "r2", "lexicon.v1")
    assert con.execute("SELECT count(*) FROM article_fingerprints").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM article_copies").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM predictions WHERE words IS NULL").fetchone() == (0,)


def test_an_edited_page_leaves_no_fingerprint_of_its_old_text(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(
        con, [_page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")], "r1", "lexicon.v1"
    )
    write_results(
        con, [_page(lexicon_analyzer, "a.html", OTHER, "知乎", "2025-02-02")], "r2", "lexicon.v1"
    )
    assert con.execute(
        "SELECT count(*) FROM article_fingerprints f JOIN articles a ON a.id = f.article_id"
    ).fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM article_fingerprints").fetchone() == (1,)


def test_a_text_reposted_on_three_sites_has_one_original(lexicon_analyzer, db_path):
    """Each copy is paired with its original, not with every other copy (k pairs, not k²)."""
    con = connect(db_path)
    write_results(
        con, [_page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")], "r1", "lexicon.v1"
    )
    for n, site in enumerate(["卡卷网", "头条号", "网易号"]):
        own = f"这是{site}推荐的第{n + 1}篇关于芯片行业的长文，值得关心算力的朋友一读。"
        paragraphs = [*_repost(ORIGINAL), own]
        repost = _page(lexicon_analyzer, f"{n}.html", paragraphs, site, f"2025-02-0{n + 3}")
        write_results(con, [repost], f"r{n + 2}", "lexicon.v1")
    originals = con.execute(
        "SELECT DISTINCT o.site FROM article_copies k JOIN articles o ON o.id = k.original_id"
    ).fetchall()
    assert originals == [("知乎",)]
    assert con.execute("SELECT count(*) FROM article_copies").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM article_matches").fetchone() == (6,)


def test_a_text_on_hundreds_of_sites_in_one_batch_has_one_original(db_path):
    """A wire story carried by 250 sites: every band key is shared by all of them, and each
    copy is matched with the earliest holder instead of with all 249 others."""
    from datetime import UTC, date, datetime

    import pyarrow as pa

    from pipeline.records import sha256_hex
    from pipeline.warehouse.copies import BUSY_BAND, store_fingerprints

    sites = BUSY_BAND + 50
    bodies = ["\n".join(ORIGINAL) + f"\n（本文由第{n}号站转载）" for n in range(sites)]
    now = datetime.now(UTC)
    rows = {
        "id": [sha256_hex(body) for body in bodies],
        "source": [f"wire/{n}" for n in range(sites)],
        "site": [f"转载站{n}" for n in range(sites)],
        "published": [date(2025, 3, 1)] * sites,
        "body": bodies,
        "first_seen": [now] * sites,
        "updated_at": [now] * sites,
    }
    con = connect(db_path)
    con.register("_a", pa.table(rows))
    con.execute("INSERT INTO articles BY NAME SELECT * FROM _a").fetchall()
    store_fingerprints(con, rows["id"])
    assert con.execute(
        "SELECT count(*), count(DISTINCT original_id) FROM article_copies"
    ).fetchall() == [(sites - 1, 1)]
    assert con.execute("SELECT count(*) FROM article_matches").fetchone()[0] < 4 * sites


def test_reposts_read_before_their_original_are_all_its_copies(lexicon_analyzer, db_path):
    """Two reposts read first (the later one a copy of the earlier), their original after: both
    are its copies, and their claim is one claim of the original's writer, scored once."""
    con = connect(db_path)
    reposts = [("卡卷网", "小编", "2025-02-04"), ("头条号", "阿强", "2025-02-05")]
    for n, (site, author, day) in enumerate(reposts):
        paragraphs = [*_repost(ORIGINAL), f"以上内容来自{site}的第{n + 1}次转载，仅供参考。"]
        page = _page(lexicon_analyzer, f"{n}.html", paragraphs, site, day, author)
        write_results(con, [page], f"r{n}", "lexicon.v1")
    original = _page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")
    write_results(con, [original], "r9", "lexicon.v1")
    copies = con.execute(
        "SELECT c.site, o.site FROM article_copies k JOIN articles c ON c.id = k.article_id "
        "JOIN articles o ON o.id = k.original_id ORDER BY c.site"
    ).fetchall()
    assert copies == [("卡卷网", "知乎"), ("头条号", "知乎")]
    claims = con.execute(
        "SELECT DISTINCT c.claim FROM claim_copies c JOIN predictions p ON p.id = c.prediction_id "
        "WHERE p.quote LIKE '%营收%'"
    ).fetchall()
    assert len(claims) == 1
    [late] = con.execute(
        "SELECT p.id FROM predictions p JOIN articles a ON a.id = p.article_id "
        "WHERE a.site = '头条号' AND p.quote LIKE '%营收%'"
    ).fetchone()
    resolve(con, late, "correct")
    scores = con.execute(
        "SELECT site, author, resolved, correct FROM prediction_scores WHERE author IS NOT NULL"
    ).fetchall()
    assert scores == [("知乎", "老王", 1, 1)]


def test_the_ledger_lists_a_reposted_claim_once_where_it_was_first_made(lexicon_analyzer, db_path):
    """A claim on three sites was three rows due in `predictions due` and three in the report,
    though resolving one resolved them all."""
    con = connect(db_path)
    pages = [_page(lexicon_analyzer, "a.html", ORIGINAL, "知乎", "2025-02-02")]
    for n, site in enumerate(["卡卷网", "头条号"]):
        paragraphs = [*_repost(ORIGINAL), f"以上内容来自{site}的第{n + 1}次转载，仅供参考。"]
        pages.append(_page(lexicon_analyzer, f"{n}.html", paragraphs, site, f"2025-02-0{n + 4}"))
    write_results(con, pages, "r1", "lexicon.v1")
    [claim] = [p for p in pages[0].predictions if "营收" in p.quote]
    assert claim.due is not None
    con.close()

    def due(*filters):
        args = ["predictions", "due", "--db", db_path, "--as-of", "2030-01-01", *filters]
        out = CliRunner().invoke(main, [*map(str, args), "--format", "json"])
        assert out.exit_code == 0, out.output
        return [p for p in json.loads(out.output) if "营收" in p["quote"]]

    [row] = due()
    assert (row["id"], row["site"], row["articles"]) == (claim.id, "知乎", 3)
    args = ["predictions", "list", "--db", str(db_path), "--format", "json"]
    listed = json.loads(CliRunner().invoke(main, args).output)
    assert [p["articles"] for p in listed if "营收" in p["quote"]] == [3]
    assert due("--site", "卡卷网") == []  # the claim is 知乎's, as `predictions scores` has it
    con = connect(db_path)
    assert con.execute(
        "SELECT count(*), max(articles) FROM claim_status WHERE quote LIKE '%营收%'"
    ).fetchone() == (1, 3)
    report = gather(con, target="nvidia")
    shown = report.predictions_due + report.predictions_open  # due at the end of 2026
    assert sum("营收" in p["quote"] for p in shown) == 1
