"""Migrations, idempotent loads, updates of changed pages, rejects and views (no Prefect)."""

import csv
import json
from datetime import date

import duckdb
import pytest

from pipeline.errors import WarehouseError
from pipeline.ledger import LedgerError, find_prediction, resolve
from pipeline.records import PageResult, RawPage
from pipeline.warehouse import connect, connect_readonly
from pipeline.warehouse.load import write_results
from pipeline.warehouse.migrations import available

TABLES = ["articles", "pages", "stances", "predictions", "prediction_outcomes", "rejects"]
PAGE = """<html><head><title>{title}_测试站</title><meta property="article:published_time" content="{day}"></head>
<body><h1>{title}</h1><div class="entry-content"><p>{body}</p><p>我认为英伟达的需求只会更大，今年年底股价还会创新高。</p><p>这篇文章是我们为测试写的，段落足够长，才能算作一篇正文而不是页面的零碎。</p></div>
<div class="comments"><p>评论：英伟达要崩盘了。</p></div></body></html>"""


def _page(
    analyzer,
    source,
    body="英伟达的财报非常强劲，数据中心业务增长很快。",
    day="2025-03-01",
    title="英伟达财报点评",
):
    html = PAGE.format(title=title, body=body, day=day)
    return analyzer.process(RawPage(source, html.encode("utf-8"), "html"))


def _counts(con):
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_migrations_are_ordered_and_recorded(db_path):
    con = connect(db_path)
    versions = [
        r[0]
        for r in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    ]
    assert versions == [v for v, _, _ in available()]
    con.close()
    con = connect(db_path)  # reopening applies nothing twice
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(versions)


def test_writing_twice_changes_nothing(lexicon_analyzer, db_path):
    results = [
        _page(lexicon_analyzer, "a.html"),
        _page(lexicon_analyzer, "b.html", body="DeepSeek的模型很便宜，但英伟达依然是赢家。"),
    ]
    con = connect(db_path)
    first = write_results(con, results, "run1", "lexicon.v1")
    before = _counts(con)
    rows = con.execute("SELECT * FROM articles ORDER BY id").fetchall()
    second = write_results(con, results, "run2", "lexicon.v1")
    assert (first.new, second.new, second.unchanged) == (2, 0, 2)
    assert _counts(con) == before
    assert before["articles"] == 2 and before["stances"] == 4
    # not even its updated_at: `run --full` stamped every article it read as it was
    assert con.execute("SELECT * FROM articles ORDER BY id").fetchall() == rows
    redated = [_page(lexicon_analyzer, "a.html", day="2025-03-02"), results[1]]
    write_results(con, redated, "run3", "lexicon.v1")
    stamps = dict(con.execute("SELECT source, updated_at FROM articles").fetchall())
    columns = [c[0] for c in con.execute("DESCRIBE articles").fetchall()]
    at, source = columns.index("updated_at"), columns.index("source")
    assert stamps["a.html"] > stamps["b.html"] == dict((r[source], r[at]) for r in rows)["b.html"]


def test_changed_page_is_updated_not_duplicated(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r1", "lexicon.v1")
    counts = write_results(
        con,
        [_page(lexicon_analyzer, "a.html", body="英伟达的财报令人失望，增长放缓。")],
        "r2",
        "lexicon.v1",
    )
    assert counts.updated == 1
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert "失望" in con.execute("SELECT body FROM articles").fetchone()[0]
    assert con.execute("SELECT count(DISTINCT article_id) FROM stances").fetchone()[0] == 1


def test_a_page_stored_under_an_older_key_is_updated_in_place(lexicon_analyzer, db_path):
    """The first duokong keyed pages by their canonical link; after the upgrade each file's
    row stayed beside its new one, so an edited file kept its old text as a page of its own
    and its claims counted twice."""
    from dataclasses import replace

    con = connect(db_path)
    old = _page(lexicon_analyzer, "/in/a.html")
    old = replace(old, article=replace(old.article, page_key="https://a.example/a"))
    write_results(con, [old], "r1", "lexicon.v1")
    counts = write_results(con, [_page(lexicon_analyzer, "/in/a.html")], "r2", "lexicon.v1")
    assert (counts.new, counts.repeated) == (0, 0)
    edited = _page(lexicon_analyzer, "/in/a.html", body="英伟达的财报令人失望，增长放缓。")
    assert write_results(con, [edited], "r3", "lexicon.v1").updated == 1
    assert _counts(con)["pages"] == _counts(con)["articles"] == 1
    assert "失望" in con.execute("SELECT body FROM articles").fetchone()[0]


def test_a_url_stored_with_its_fragment_is_the_page_fetched_without_it(lexicon_analyzer, db_path):
    """URLs of a list were fetched and kept with their #fragment; they are fetched without it
    now. After the upgrade the old row stood beside the new one: 2 pages, 2 articles, the old
    text's claims in the ledger for good (review)."""
    from dataclasses import replace

    url = "https://a.example/article"
    con = connect(db_path)
    old = _page(lexicon_analyzer, url + "#comments")
    write_results(con, [_keyed(old, url + "#comments")], "r1", "lexicon.v1")
    edited = _page(lexicon_analyzer, url, body="英伟达的财报令人失望，增长放缓。")
    edited = replace(edited, article=replace(edited.article, url=url))
    counts = write_results(con, [_keyed(edited, url)], "r2", "lexicon.v1")
    assert (counts.new, counts.updated) == (0, 1)
    assert _page_keys(con) == [url]
    assert _counts(con)["articles"] == 1
    assert "失望" in con.execute("SELECT body FROM articles").fetchone()[0]
    # A scraper's records of one thread's posts (thread#post-2) are pages of their own.
    thread = "https://bbs.example/thread-1.html"
    for n, body in (
        (2, "英伟达的财报令人失望，增长放缓。"),
        (3, "英伟达的需求依然强劲，继续看多。"),
    ):
        post = _page(lexicon_analyzer, f"/in/posts.jsonl#{n}", body=body)
        write_results(con, [_keyed(post, f"{thread}#post-{n}")], f"p{n}", "lexicon.v1")
    write_results(con, [_keyed(_page(lexicon_analyzer, thread), thread)], "p4", "lexicon.v1")
    assert {f"{thread}#post-2", f"{thread}#post-3", thread} <= set(_page_keys(con))
    # Another page of the site is another page.
    other = _page(lexicon_analyzer, "https://a.example/article-2")
    write_results(con, [_keyed(other, "https://a.example/article-2")], "r3", "lexicon.v1")
    assert {url, "https://a.example/article-2"} <= set(_page_keys(con))
    assert not any(k.startswith(url + "#") for k in _page_keys(con))


def test_a_record_at_the_place_of_another_in_a_rewritten_list_keeps_both(lexicon_analyzer, db_path):
    """A JSON list's records and a feed's items are named by their place: when a scraper
    rewrites the list, or a feed rolls, the record now first is another page, and the one
    that was first stays."""
    from dataclasses import replace

    con = connect(db_path)
    for n, (url, body) in enumerate(
        [
            ("https://a.example/1", "英伟达的财报非常强劲，数据中心业务增长很快。"),
            ("https://a.example/2", "英伟达的财报令人失望，增长放缓。"),
        ]
    ):
        r = _page(lexicon_analyzer, "/in/list.json#0", body=body)
        write_results(
            con, [replace(r, article=replace(r.article, page_key=url))], f"r{n}", "lexicon.v1"
        )
    assert _counts(con)["pages"] == _counts(con)["articles"] == 2


def test_a_corrected_date_on_the_same_text_counts_as_an_update(lexicon_analyzer, db_path):
    """The run line says what changed: a page whose text stayed but whose date was corrected
    updates its article, and is not counted unchanged."""
    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r1", "lexicon.v1")
    counts = write_results(con, [_page(lexicon_analyzer, "a.html", day="2025-03-02")], "r2", "x")
    assert (counts.updated, counts.unchanged) == (1, 0)
    assert con.execute("SELECT published FROM articles").fetchone()[0] == date(2025, 3, 2)
    again = write_results(con, [_page(lexicon_analyzer, "a.html", day="2025-03-02")], "r3", "x")
    assert (again.updated, again.unchanged) == (0, 1)


def test_a_page_read_anew_counts_as_an_update(lexicon_analyzer, db_path):
    """The run line must not call a page unchanged whose stances or claims were rewritten: a
    target added to the catalogue gives a new stance, a changed lexicon a new label."""
    from dataclasses import replace

    page = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [page], "r1", "lexicon.v1")
    [nvidia] = [st for st in page.stances if st.target == "nvidia"]
    amd = replace(nvidia, target="amd", label="neutral")
    added = replace(page, stances=(*page.stances, amd))
    relabelled = replace(
        added,
        stances=tuple(replace(st, label="bearish") if st is amd else st for st in added.stances),
    )
    counts = [
        write_results(con, [r], f"r{i}", "lexicon.v1")
        for i, r in enumerate([added, added, relabelled, relabelled], start=2)
    ]
    assert [(c.updated, c.unchanged) for c in counts] == [(1, 0), (0, 1), (1, 0), (0, 1)]


def test_in_one_batch_the_page_published_first_owns_a_shared_text(lexicon_analyzer, db_path):
    """An original and its repost read in one run: the original (published first) keeps the
    article's date and byline, whichever file name sorts first."""
    repost = _page(lexicon_analyzer, "a-repost.html", day="2025-03-05")
    original = _page(lexicon_analyzer, "b-original.html", day="2025-03-03")
    assert repost.article.id == original.article.id
    con = connect(db_path)
    write_results(con, [repost, original], "r1", "lexicon.v1")
    row = con.execute("SELECT source, published FROM articles").fetchall()
    assert row == [("b-original.html", date(2025, 3, 3))]


def test_same_content_under_two_names_lands_once(lexicon_analyzer, db_path):
    con = connect(db_path)
    counts = write_results(
        con,
        [_page(lexicon_analyzer, "a.html"), _page(lexicon_analyzer, "copy-of-a.html")],
        "r1",
        "lexicon.v1",
    )
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM pages").fetchone()[0] == 2
    # a first run into an empty database has nothing unchanged: the copy repeats the page
    assert (counts.new, counts.unchanged, counts.repeated) == (1, 0, 1)


def test_rejects_are_recorded_once_per_input(lexicon_analyzer, db_path):
    bad = lexicon_analyzer.process(RawPage("empty.html", b"", "html"))
    con = connect(db_path)
    write_results(con, [bad], "r1", "lexicon.v1")
    write_results(con, [bad], "r2", "lexicon.v1")
    rows = con.execute("SELECT source, stage, reason FROM rejects").fetchall()
    assert rows == [("empty.html", "decode", "empty-file")]


def test_a_url_is_refused_for_the_reason_of_its_last_fetch(db_path):
    """A URL that answered 404 in one run and 500 in the next held both rejects."""
    from pipeline.records import Reject
    from pipeline.warehouse.rejects import write_rejects

    url = "http://127.0.0.1:1/gone"
    con = connect(db_path)
    write_rejects(con, [Reject.now(url, "fetch", "http-404", f"{url} answered HTTP 404")], "r1")
    write_rejects(con, [Reject.now(url, "fetch", "http-500", f"{url} answered HTTP 500")], "r2")
    write_rejects(con, [Reject.now("a.html", "decode", "empty-file", "a.html is empty")], "r2")
    rows = con.execute("SELECT source, reason FROM rejects ORDER BY source").fetchall()
    assert rows == [("a.html", "empty-file"), (url, "http-500")]


def test_a_url_refused_at_its_fetch_is_no_longer_refused_for_the_page_it_gave_before(db_path):
    """An empty page one run (a decode reject), HTTP 404 the next: both rejects stayed."""
    from pipeline.records import Reject
    from pipeline.warehouse.rejects import write_rejects

    url = "http://127.0.0.1:1/was-empty"
    con = connect(db_path)
    write_rejects(con, [Reject.now(url, "decode", "empty-file", f"{url} is empty")], "r1")
    write_rejects(con, [Reject.now(url, "fetch", "http-404", f"{url} answered HTTP 404")], "r2")
    rows = con.execute("SELECT source, stage, reason FROM rejects").fetchall()
    assert rows == [(url, "fetch", "http-404")]


def test_views_count_stances_by_period(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(
        con,
        [
            _page(lexicon_analyzer, "a.html", day="2025-03-03"),
            _page(lexicon_analyzer, "b.html", body="英伟达将继续增长。", day="2025-03-05"),
        ],
        "r1",
        "lexicon.v1",
    )
    [(week, bullish, articles, net)] = con.execute(
        "SELECT week, bullish, articles, net FROM stance_weekly WHERE target = 'nvidia'"
    ).fetchall()
    assert week == date(2025, 3, 3) and articles == 2 and bullish == 2 and net == 1.0
    assert (
        con.execute("SELECT count(*) FROM stance_daily WHERE target = 'deepseek'").fetchone()[0]
        == 0
    )


def test_predictions_due_view(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r1", "lexicon.v1")
    rows = con.execute("SELECT due, target, direction, status FROM predictions_due").fetchall()
    assert (date(2025, 12, 31), "nvidia", "up", "due") in rows


def test_readonly_connection_refuses_writes(db_path):
    con = connect(db_path)
    con.close()
    ro = connect_readonly(db_path)
    with pytest.raises(duckdb.Error, match="read-only"):
        ro.execute("DELETE FROM articles")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(WarehouseError, match="duokong run"):
        connect_readonly(tmp_path / "none.duckdb")


def test_opening_an_older_database_upgrades_it(db_path):
    from pipeline.warehouse.migrations import available

    old = duckdb.connect(str(db_path))
    old.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    version, name, sql = available()[0]
    old.execute(sql)
    old.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    old.close()
    con = connect(db_path)
    assert (
        con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
        == available()[-1][0]
    )
    assert con.execute("SELECT count(*) FROM stance_monthly").fetchone()[0] == 0


def _first_schema_only(db_path) -> None:
    from pipeline.warehouse.migrations import available

    old = duckdb.connect(str(db_path))
    old.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMPTZ NOT NULL)"
    )
    version, name, sql = available()[0]
    old.execute(sql)
    old.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    old.close()


def test_a_command_that_only_reads_upgrades_an_older_database_first(db_path):
    """predictions list/due/scores on a database of an older duokong failed with a binder
    error (a column it lacks), where the README says opening an older database upgrades it."""
    from click.testing import CliRunner

    from pipeline.cli import main

    _first_schema_only(db_path)
    for args in (["predictions", "list"], ["predictions", "due"], ["predictions", "scores"]):
        result = CliRunner().invoke(main, [*args, "--db", str(db_path)])
        assert result.exit_code == 0, result.output
    with connect_readonly(db_path) as con:
        assert con.execute("SELECT count(*) FROM prediction_scores").fetchone()[0] == 0


def test_an_older_database_that_cannot_be_upgraded_now_says_why(db_path):
    _first_schema_only(db_path)
    db_path.chmod(0o444)
    try:
        with pytest.raises(WarehouseError, match=r"older duokong.*read-only"):
            connect_readonly(db_path)
    finally:
        db_path.chmod(0o644)


def test_article_search_finds_chinese_keywords(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(
        con,
        [
            _page(lexicon_analyzer, "a.html"),
            _page(lexicon_analyzer, "b.html", body="DeepSeek的模型很便宜，但英伟达依然是赢家。"),
        ],
        "r",
        "lexicon.v1",
    )
    assert con.execute("SELECT count(*) FROM article_search('英伟达')").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM article_search('便宜')").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM article_search('特斯拉')").fetchone()[0] == 0
    # Latin letters in any case: 'deepseek' found nothing where the page writes DeepSeek
    assert con.execute("SELECT count(*) FROM article_search('deepseek')").fetchone()[0] == 1


def test_prediction_scores_use_hedge_as_probability(lexicon_analyzer, db_path):
    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r", "lexicon.v1")
    pid, hedge = con.execute("SELECT id, hedge FROM predictions LIMIT 1").fetchone()
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'wrong', current_date, NULL, NULL, now())",
        [pid],
    )
    stated = con.execute(
        "SELECT probability FROM hedge_probability WHERE hedge = ?", [hedge]
    ).fetchone()[0]
    resolved, hit_rate, brier = con.execute(
        "SELECT resolved, hit_rate, brier FROM prediction_scores WHERE author IS NOT NULL"
    ).fetchone()
    assert (resolved, hit_rate) == (1, 0.0)
    assert brier == pytest.approx(stated**2)


def test_an_author_is_scored_on_own_claims_not_on_reported_ones(lexicon_analyzer, db_path):
    con = connect(db_path)
    body = "我认为英伟达明年的营收会继续增长。\n多家券商分析师预计，DeepSeek的用户数明年会翻倍。"
    write_results(con, [_page(lexicon_analyzer, "a.html", body=body)], "r", "lexicon.v1")
    speakers = dict(con.execute("SELECT speaker, id FROM predictions").fetchall())
    assert set(speakers) == {"author", "reported"}
    for pid in speakers.values():  # both came true or failed: only the author's own counts
        con.execute(
            "INSERT INTO prediction_outcomes VALUES (?, 'wrong', current_date, NULL, NULL, now())",
            [pid],
        )
    resolved, wrong, reported = con.execute(
        "SELECT resolved, wrong, reported_resolved FROM prediction_scores WHERE author IS NOT NULL"
    ).fetchone()
    assert (resolved, wrong, reported) == (1, 1, 1)


def test_export_writes_one_file_per_table(lexicon_analyzer, db_path, tmp_path):
    from pipeline.warehouse.export import export_tables

    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r", "lexicon.v1")
    written = {t: (p, n) for t, p, n in export_tables(con, tmp_path / "out", "parquet")}
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall()
    }
    assert set(written) == tables and "prediction_outcome_history" in tables  # every table
    path, rows = written["stances"]
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{path}'").fetchone()[0] == rows == 2
    csv_written = export_tables(con, tmp_path / "csv", "csv")
    assert all(p.suffix == ".csv" and p.is_file() for _, p, _ in csv_written)
    # Evidence is a list of sentences, which hold commas: it must come back whole from CSV.
    stored = [r[0] for r in con.execute("SELECT evidence FROM stances").fetchall()]
    with (tmp_path / "csv" / "stances.csv").open(encoding="utf-8", newline="") as f:
        exported = [json.loads(r["evidence"]) for r in csv.DictReader(f)]
    assert any(stored) and sorted(exported) == sorted(stored)


def test_an_input_that_reads_now_is_no_reject_any_more(lexicon_analyzer, db_path):
    from pipeline.records import PageResult, Reject

    con = connect(db_path)
    refused = PageResult("a.html", reject=Reject.now("a.html", "analyze", "x", "broken", b"1"))
    write_results(con, [refused], "r1", "lexicon.v1")
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 1
    write_results(con, [_page(lexicon_analyzer, "a.html")], "r2", "lexicon.v1")
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 0


def test_pages_sharing_a_canonical_link_stay_separate(lexicon_analyzer, db_path):
    html = PAGE.replace("<head>", '<head><link rel="canonical" href="https://site.example/">')
    results = [
        lexicon_analyzer.process(
            RawPage(
                f"p{i}.html",
                html.format(
                    title=f"标题{i}",
                    body=f"英伟达第{i}篇文章的正文内容，需求很强。",
                    day="2025-03-01",
                ).encode(),
                "html",
            )
        )
        for i in range(3)
    ]
    assert all(r.article.url == "https://site.example/" for r in results)
    con = connect(db_path)
    counts = write_results(con, results, "r", "lexicon.v1")
    assert counts.new == 3
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_predictions_no_longer_made_are_dropped_unless_resolved(lexicon_analyzer, db_path):
    from dataclasses import replace

    first = _page(lexicon_analyzer, "a.html", body="我预计英伟达明年会继续大涨，需求只会更大。")
    assert len(first.predictions) == 2
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    kept = first.predictions[0].id
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'void', current_date, NULL, NULL, now())",
        [kept],
    )
    write_results(con, [replace(first, predictions=())], "r2", "lexicon.v1")
    assert [r[0] for r in con.execute("SELECT id FROM predictions").fetchall()] == [kept]


def test_a_rewritten_claim_takes_its_new_speaker_and_horizon_source(lexicon_analyzer, db_path):
    """Whose claim it is decides whose score it counts in: when a lexicon or the extractor
    reads a stored claim again (a new reporting marker, a migration's default), every field of
    it must follow, not only direction and due date."""
    from dataclasses import replace

    first = _page(lexicon_analyzer, "a.html", body="我预计英伟达明年会继续大涨，需求只会更大。")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    [claim, *_] = first.predictions
    reread = replace(claim, speaker="reported", horizon_source="inherited")
    write_results(con, [replace(first, predictions=(reread,))], "r2", "lexicon.v1")
    row = con.execute(
        "SELECT speaker, horizon_source FROM predictions WHERE id = ?", [claim.id]
    ).fetchone()
    assert row == ("reported", "inherited") != (claim.speaker, claim.horizon_source)


def test_an_edited_page_keeps_the_outcome_of_a_claim_it_still_makes(lexicon_analyzer, db_path):
    first = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，这是第一版。")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    [pid] = [p.id for p in first.predictions if "创新高" in p.quote]  # the page's own claim
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'correct', current_date, 'shipped', NULL, now())",
        [pid],
    )
    con.execute(  # the outcome it replaced, which must follow the claim too
        "INSERT INTO prediction_outcome_history "
        "VALUES (?, 'wrong', current_date, 'too early', NULL, now(), now())",
        [pid],
    )
    edited = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，这是修改过的一版。")
    assert edited.article.id != first.article.id
    write_results(con, [edited], "r2", "lexicon.v1")
    rows = con.execute(
        "SELECT p.article_id, o.outcome, o.note FROM predictions p "
        "LEFT JOIN prediction_outcomes o ON o.prediction_id = p.id WHERE p.quote LIKE '%创新高%'"
    ).fetchall()
    assert rows == [(edited.article.id, "correct", "shipped")]
    [new_id] = [p.id for p in edited.predictions if "创新高" in p.quote]
    assert con.execute("SELECT prediction_id, note FROM prediction_outcome_history").fetchall() == [
        (new_id, "too early")
    ]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    # Edited twice: the first id still finds the claim.
    again = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，这是第三版。")
    write_results(con, [again], "r3", "lexicon.v1")
    [newest] = [p.id for p in again.predictions if "创新高" in p.quote]
    assert find_prediction(con, pid[:12]) == newest
    # Edited back to the first version: every former id finds it, and none maps to itself.
    write_results(con, [first], "r4", "lexicon.v1")
    assert find_prediction(con, newest[:12]) == find_prediction(con, new_id[:12]) == pid
    changes = con.execute("SELECT old_id, new_id FROM prediction_id_changes").fetchall()
    assert sorted(changes) == sorted([(new_id, pid), (newest, pid)])


def test_an_edit_of_punctuation_or_spaces_keeps_the_outcome_with_the_claim(
    lexicon_analyzer, db_path
):
    """。 turned ！ made the resolved claim due again under a new id, and resolving it again
    scored the author twice for one call."""
    first = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    [pid] = [p.id for p in first.predictions if "创新高" in p.quote]
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'correct', current_date, NULL, NULL, now())",
        [pid],
    )
    html = PAGE.format(
        title="英伟达财报点评",
        body="英伟达的财报非常强劲，数据中心业务增长很快。",
        day="2025-03-01",
    )
    html = html.replace("今年年底股价还会创新高。", "今年年底股价 还会创新高！")
    edited = lexicon_analyzer.process(RawPage("a.html", html.encode("utf-8"), "html"))
    write_results(con, [edited], "r2", "lexicon.v1")
    rows = con.execute(
        "SELECT p.quote, o.outcome FROM predictions p "
        "LEFT JOIN prediction_outcomes o ON o.prediction_id = p.id WHERE p.quote LIKE '%创新高%'"
    ).fetchall()
    assert len(rows) == 1 and rows[0][0].endswith("还会创新高！") and rows[0][1] == "correct"


def test_a_claim_held_by_a_page_and_its_mirror_is_scored_once(lexicon_analyzer, db_path):
    """A page edited while a copy of its old text stays on disk: the outcome is carried to the
    edited page and kept on the copy (the test above), and the author was scored twice for one
    call; after a --replace on one copy, once right and once wrong."""
    original = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [original, _page(lexicon_analyzer, "mirror/a.html")], "r1", "lexicon.v1")
    [pid] = [p.id for p in original.predictions if "创新高" in p.quote]
    resolve(con, pid, "wrong")
    edited = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，作者后来改了一句。")
    write_results(con, [edited], "r2", "lexicon.v1")
    assert (
        con.execute("SELECT count(*) FROM prediction_outcomes WHERE outcome = 'wrong'").fetchone()[
            0
        ]
        == 2
    )  # the claim on both articles, as before
    scores = "SELECT resolved, correct, wrong FROM prediction_scores WHERE author IS NOT NULL"
    assert con.execute(scores).fetchall() == [(1, 0, 1)]
    [copy] = [p.id for p in edited.predictions if "创新高" in p.quote]
    resolve(con, copy, "correct", replace=True)
    assert con.execute(scores).fetchall() == [(1, 1, 0)]  # the verdict recorded last
    from pipeline.report import gather

    assert [(h["resolved"], h["correct"]) for h in gather(con).hit_rates] == [(1, 1)]


def test_void_on_a_claim_without_condition_and_wrong_on_a_conditional_one_warn(
    lexicon_analyzer, db_path
):
    """void takes a call out of the scores: on a claim with no condition it was recorded
    without a word, a quiet way to hide a miss."""
    page = _page(lexicon_analyzer, "a.html", body="如果英伟达明年的订单被砍，那么它的股价会下跌。")
    con = connect(db_path)
    write_results(con, [page], "r1", "lexicon.v1")
    [plain] = [p.id for p in page.predictions if "创新高" in p.quote]
    [conditional] = [p.id for p in page.predictions if p.conditional]
    assert any("no condition" in w for w in resolve(con, plain, "void").warnings)
    assert any("is conditional" in w for w in resolve(con, conditional, "wrong").warnings)


def test_editing_a_repost_leaves_the_original_its_claims_and_outcomes(lexicon_analyzer, db_path):
    """Two pages with one text share an article; when the repost alone changes, the original
    page still reads that article, so its predictions and their outcomes stay where they are,
    and the claim the edited repost still makes word for word gets a copy of the outcome."""
    original = _page(lexicon_analyzer, "a.html")
    repost = _page(lexicon_analyzer, "repost-of-a.html")
    con = connect(db_path)
    write_results(con, [original, repost], "r1", "lexicon.v1")
    [pid] = [p.id for p in original.predictions if "创新高" in p.quote]
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'wrong', current_date, NULL, NULL, now())",
        [pid],
    )
    claims = con.execute(
        "SELECT count(*) FROM predictions WHERE article_id = ?", [original.article.id]
    ).fetchone()[0]
    edited = _page(lexicon_analyzer, "repost-of-a.html", body="英伟达的财报非常强劲，转载时改了。")
    write_results(con, [edited], "r2", "lexicon.v1")
    assert (
        con.execute(
            "SELECT count(*) FROM predictions WHERE article_id = ?", [original.article.id]
        ).fetchone()[0]
        == claims
    )
    [copied] = [p.id for p in edited.predictions if "创新高" in p.quote]
    outcomes = con.execute("SELECT prediction_id, outcome FROM prediction_outcomes").fetchall()
    # the original keeps it; the claim the edited repost still makes gets a copy
    assert sorted(outcomes) == sorted([(pid, "wrong"), (copied, "wrong")])


@pytest.mark.parametrize("repost_name", ["repost-of-a.html", "转载#1.html"])
def test_editing_the_original_hands_the_old_text_to_its_repost_on_the_next_run(
    lexicon_analyzer, db_path, repost_name
):
    """The original is edited; its repost, unchanged, is skipped in that run. The old text must
    not keep the original's byline beside the edited version (the author's claims counted
    twice): the repost is forgotten as processed, and the next run reads it and takes the
    text over with its own date."""
    from pipeline.incremental import SeenInput

    original = _page(lexicon_analyzer, "a.html", day="2025-03-03")
    repost = _page(lexicon_analyzer, repost_name, day="2025-03-05")
    con = connect(db_path)
    seen = [SeenInput("a.html", "h1", 1, 0), SeenInput(repost_name, "h2", 1, 0)]
    write_results(con, [original, repost], "r1", "lexicon.v1", seen, "v")
    edited = _page(
        lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，原作者改了。", day="2025-03-03"
    )
    write_results(con, [edited], "r2", "lexicon.v1", [SeenInput("a.html", "h3", 1, 0)], "v")
    assert con.execute("SELECT input FROM seen_inputs").fetchall() == [("a.html",)]
    write_results(con, [repost], "r3", "lexicon.v1", [seen[1]], "v")  # the next run reads it
    rows = con.execute("SELECT id, source, published FROM articles ORDER BY published").fetchall()
    assert rows == [
        (edited.article.id, "a.html", date(2025, 3, 3)),
        (original.article.id, repost_name, date(2025, 3, 5)),
    ]


def test_an_original_edited_beside_its_repost_in_one_file_hands_it_the_old_text(
    lexicon_analyzer, db_path
):
    """Both records of one JSONL file are read again when it changes: the repost takes the old
    text over in that very batch, and the file is remembered as read."""
    from pipeline.incremental import SeenInput

    original = _page(lexicon_analyzer, "feed.jsonl#0", day="2025-03-01")
    repost = _page(lexicon_analyzer, "feed.jsonl#1", day="2025-03-05")
    con = connect(db_path)
    write_results(
        con, [original, repost], "r1", "lexicon.v1", [SeenInput("feed.jsonl", "h1", 2, 0)], "v"
    )
    edited = _page(
        lexicon_analyzer,
        "feed.jsonl#0",
        body="英伟达的财报非常强劲，原作者改了。",
        day="2025-03-01",
    )
    write_results(
        con, [edited, repost], "r2", "lexicon.v1", [SeenInput("feed.jsonl", "h2", 2, 0)], "v"
    )
    rows = con.execute("SELECT source, published FROM articles ORDER BY source").fetchall()
    assert rows == [("feed.jsonl#0", date(2025, 3, 1)), ("feed.jsonl#1", date(2025, 3, 5))]
    assert con.execute("SELECT input, raw_hash FROM seen_inputs").fetchall() == [
        ("feed.jsonl", "h2")
    ]


def test_rejects_of_an_input_read_again_are_those_of_this_reading(lexicon_analyzer, db_path):
    """A WARC refused as cut short, finished since and read again in parts: the old refusal
    goes; a refusal of this run's earlier part stays."""
    from pipeline.incremental import SeenInput
    from pipeline.records import Reject

    con = connect(db_path)
    cut = Reject.now("x.warc", "read", "truncated-warc", "cut")
    write_results(
        con, [PageResult("x.warc", reject=cut)], "r1", "m", [SeenInput("x.warc", "h1", 1, 1)], "v"
    )
    bad = Reject.now("x.warc#5", "read", "http-404", "gone")
    write_results(con, [PageResult("x.warc#5", reject=bad)], "r2", "m", [], "v")  # part 1
    write_results(
        con,
        [_page(lexicon_analyzer, "x.warc#9")],
        "r2",
        "m",
        [SeenInput("x.warc", "h2", 2, 1)],
        "v",
    )
    assert con.execute("SELECT source, reason FROM rejects").fetchall() == [
        ("x.warc#5", "http-404")
    ]


def test_a_repost_elsewhere_does_not_take_over_the_original_byline(lexicon_analyzer, db_path):
    original = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [original], "r1", "lexicon.v1")
    html = PAGE.format(
        title="英伟达财报点评",
        body="英伟达的财报非常强劲，数据中心业务增长很快。",
        day="2025-03-01",
    )
    repost = lexicon_analyzer.process(
        RawPage(
            "https://zhuanzai.example/p/1.html",
            html.encode("utf-8"),
            "html",
            url="https://zhuanzai.example/p/1.html",
        )
    )
    assert repost.article.id == original.article.id
    write_results(con, [repost], "r2", "lexicon.v1")
    assert con.execute("SELECT source, url FROM articles").fetchall() == [("a.html", None)]


def test_a_target_taken_out_of_the_catalogue_loses_its_stances(lexicon_analyzer, db_path):
    from dataclasses import replace

    first = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    again = replace(first, stances=tuple(s for s in first.stances if s.target != "deepseek"))
    write_results(con, [again], "r2", "lexicon.v1")
    assert con.execute("SELECT DISTINCT target FROM stances").fetchall() == [("nvidia",)]


@pytest.mark.parametrize("old_target", ["nv", None])
def test_a_claim_read_about_another_target_keeps_its_outcome_once(
    lexicon_analyzer, db_path, old_target
):
    """The catalogue's id nvidia was once "nv" (renamed), or NVIDIA was not in it at all (a
    target added): the claim, read again about nvidia, takes the outcome recorded for it before,
    and the ledger does not hold the claim twice nor ask for it again."""
    from dataclasses import replace

    page = _page(lexicon_analyzer, "a.html")
    [claim] = [p for p in page.predictions if "创新高" in p.quote]
    old = replace(claim, target=old_target, id=claim.id[:-2] + "xx")
    stances = page.stances
    if old_target:
        stances = tuple(
            replace(s, target=old_target) if s.target == "nvidia" else s for s in stances
        )
    before = replace(
        page,
        predictions=tuple(old if p is claim else p for p in page.predictions),
        stances=stances,
    )
    con = connect(db_path)
    write_results(con, [before], "r1", "lexicon.v1")
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'correct', current_date, 'so it did', NULL, now())",
        [old.id],
    )
    write_results(con, [page], "r2", "lexicon.v1")
    rows = con.execute(
        "SELECT p.target, o.note FROM predictions p "
        "LEFT JOIN prediction_outcomes o ON o.prediction_id = p.id WHERE p.quote = ?",
        [claim.quote],
    ).fetchall()
    assert rows == [("nvidia", "so it did")]
    # Refused under the old id, the claim's new id is named with the reason it is another
    # (it named the new id and its outcome only; ledger probe).
    with pytest.raises(LedgerError) as refused:
        resolve(con, old.id, "wrong", today=date(2026, 1, 1))
    assert str(refused.value).startswith(f"{old.id} is now {claim.id[:12]}")
    assert "was resolved correct" in str(refused.value)
    # The id the user noted when resolving still finds the claim, under its new id.
    done = resolve(con, old.id, "wrong", replace=True, today=date(2026, 1, 1))
    assert done.id == claim.id and done.replaced == "correct"
    assert any(w.startswith(f"{old.id} is now {claim.id[:12]}") for w in done.warnings)


def test_one_companys_verdict_does_not_pass_to_another_named_in_the_same_quote(
    lexicon_analyzer, db_path
):
    """A quote naming two companies gives a claim for each; when one company leaves the
    catalogue, its resolved verdict stays with it and does not pass to the other's claim."""
    from dataclasses import replace

    page = _page(lexicon_analyzer, "a.html")
    [claim] = [p for p in page.predictions if "创新高" in p.quote]
    gone = replace(claim, target="hw", id=claim.id[:-2] + "hw")
    con = connect(db_path)
    write_results(con, [replace(page, predictions=(*page.predictions, gone))], "r1", "lexicon.v1")
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'wrong', current_date, 'hw fell', NULL, now())",
        [gone.id],
    )
    write_results(con, [page], "r2", "lexicon.v1")  # hw is no target any more
    rows = con.execute(
        "SELECT p.target, o.note FROM predictions p "
        "LEFT JOIN prediction_outcomes o ON o.prediction_id = p.id WHERE p.quote = ? ORDER BY 1",
        [claim.quote],
    ).fetchall()
    assert rows == [("hw", "hw fell"), ("nvidia", None)]


def test_a_repost_dated_later_does_not_move_the_claims_due_dates(lexicon_analyzer, db_path):
    original = _page(lexicon_analyzer, "a.html", day="2025-03-01")
    con = connect(db_path)
    write_results(con, [original], "r1", "lexicon.v1")
    query = "SELECT due FROM predictions WHERE quote LIKE '%创新高%'"
    due = con.execute(query).fetchall()
    repost = _page(lexicon_analyzer, "b.html", day="2026-02-01")
    assert repost.article.id == original.article.id
    write_results(con, [repost], "r2", "lexicon.v1")
    assert con.execute(query).fetchall() == due == [(date(2025, 12, 31),)]


def test_editing_the_original_of_a_repost_keeps_the_outcome_on_both(lexicon_analyzer, db_path):
    original = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [original, _page(lexicon_analyzer, "b.html")], "r1", "lexicon.v1")
    [pid] = [p.id for p in original.predictions if "创新高" in p.quote]
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'correct', current_date, NULL, NULL, now())",
        [pid],
    )
    edited = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，作者后来改了一句。")
    write_results(con, [edited], "r2", "lexicon.v1")
    rows = con.execute(
        "SELECT o.outcome FROM predictions p LEFT JOIN prediction_outcomes o "
        "ON o.prediction_id = p.id WHERE p.quote LIKE '%创新高%'"
    ).fetchall()
    assert rows == [("correct",), ("correct",)]  # the repost's article and the edited page's


def test_the_chart_leaves_months_without_articles_as_gaps():
    """Bars stand on a calendar axis: January, February and May 2025 are not three neighbours,
    and the net line is not drawn across the empty months."""
    import re
    from datetime import date as d

    from pipeline.report import TargetTrend, svg_chart

    def month(day, bull, bear):
        return {"month": day, "bullish": bull, "bearish": bear, "neutral": 0,
                "articles": bull + bear, "net": (bull - bear) / (bull + bear)}  # fmt: skip

    rows = [month(d(2025, 1, 1), 2, 0), month(d(2025, 2, 1), 1, 1), month(d(2025, 5, 1), 0, 2)]
    svg = svg_chart(TargetTrend("nvidia", rows, totals={}, evidence=[]), "month")
    xs = sorted({float(x) for x in re.findall(r'<rect x="([\d.]+)"', svg)})
    assert len(xs) == 3 and (xs[2] - xs[1]) == pytest.approx(3 * (xs[1] - xs[0]), rel=0.01)
    assert svg.count("<polyline") == 1  # January to February; May stands alone
    assert "2025-03-01" in svg or "2025-04-01" in svg  # the empty months are on the axis


def test_report_links_only_web_urls_and_keeps_the_partial_first_week(
    lexicon_analyzer, db_path, tmp_path
):
    from datetime import date as d

    from pipeline.report import gather, render_html

    page = lexicon_analyzer.process(
        RawPage(
            "x.json",
            PAGE.format(title="标题", body="英伟达还会大涨。", day="2025-03-05").encode(),
            "html",
            url="javascript:alert(1)",
        )
    )
    con = connect(db_path)
    write_results(con, [page], "r", "lexicon.v1")
    before = lexicon_analyzer.process(  # the same week, before the range: not counted
        RawPage(
            "y.html",
            PAGE.format(
                title="另一篇",
                body="英伟达的估值已经太高，这一周我们为测试另写了一篇。",
                day="2025-03-03",
            ).encode(),
            "html",
        )
    )
    write_results(con, [before], "r", "lexicon.v1")
    data = gather(con, "week", since=d(2025, 3, 5))
    assert [(p["week"], p["articles"]) for p in data.targets[0].periods] == [(d(2025, 3, 3), 1)]
    assert gather(con, "week").targets[0].periods[0]["articles"] == 2
    html = render_html(data)
    assert "javascript:" not in html


def test_the_report_says_how_many_articles_the_current_model_has_not_read(
    lexicon_analyzer, db_path
):
    """A model switched on for new inputs only: the report counts its stances alone, and says
    how many articles it leaves out and how to read them."""
    from dataclasses import replace

    from pipeline.report import gather, render_markdown

    first = _page(lexicon_analyzer, "a.html")
    first = replace(first, stances=tuple(replace(s, model="linear.v1") for s in first.stances))
    con = connect(db_path)
    write_results(con, [first], "r1", "linear.v1")
    other = _page(lexicon_analyzer, "b.html", body="英伟达的估值已经太高，这是另一篇文章的内容。")
    write_results(con, [other], "r2", "lexicon.v1")
    text = render_markdown(gather(con))
    assert (
        "2 articles" in text
        and "1 articles not read by it: duokong reanalyze --missing --model" in text
    )


def test_a_repost_takes_over_the_article_its_original_page_moved_away_from(
    lexicon_analyzer, db_path
):
    """Once the original page is edited (a new article), the repost is the only page reading
    the old text: read again (a new lexicon, --full), it writes that article's rows."""
    from dataclasses import replace

    original, repost = _page(lexicon_analyzer, "a.html"), _page(lexicon_analyzer, "b.html")
    con = connect(db_path)
    write_results(con, [original, repost], "r1", "lexicon.v1")
    edited = _page(lexicon_analyzer, "a.html", body="英伟达的财报非常强劲，作者后来改了一句。")
    write_results(con, [edited], "r2", "lexicon.v1")
    fewer = replace(repost, predictions=repost.predictions[:1])  # what a new extractor finds
    write_results(con, [fewer], "r3", "lexicon.v1")
    old = original.article.id
    assert con.execute("SELECT source FROM articles WHERE id = ?", [old]).fetchall() == [
        ("b.html",)
    ]
    assert con.execute("SELECT count(*) FROM predictions WHERE article_id = ?", [old]).fetchone()[
        0
    ] == len(fewer.predictions)


def test_a_renamed_file_takes_over_its_article(lexicon_analyzer, db_path, tmp_path):
    """The first file of an article is renamed: the new name reads the same text and, with
    the old file gone, writes the article again (a new extractor, --full)."""
    from dataclasses import replace

    first, renamed = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text("x")
    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, str(first))], "r1", "lexicon.v1")
    first.rename(renamed)
    page = _page(lexicon_analyzer, str(renamed))
    write_results(con, [replace(page, predictions=page.predictions[:1])], "r2", "lexicon.v1")
    assert con.execute("SELECT source FROM articles").fetchall() == [(str(renamed),)]
    assert con.execute("SELECT count(*) FROM predictions").fetchone()[0] == 1


def test_a_run_waits_for_a_reader_in_another_process_when_told_to(db_path):
    """The run lock keeps out other runs only: a `duokong sql` holding the file made a run
    fail at once, --wait or not, with DuckDB's hint to open the file read-only."""
    import subprocess
    import sys
    import time

    connect(db_path).close()
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time\n"
            f"con = duckdb.connect({str(db_path)!r}, read_only=True)\n"
            "print('open', flush=True)\n"
            "time.sleep(3)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseError, match="open in another process") as refused:
            connect(db_path)
        assert "read-only mode" not in str(refused.value)
        started = time.monotonic()
        connect(db_path, wait_s=60).close()
        assert time.monotonic() - started < 30
    finally:
        reader.wait(timeout=30)


def test_a_database_duokong_did_not_make_is_only_read(tmp_path):
    """Reading it upgraded it: every duokong table and view was written into a user's own
    DuckDB file by a `duokong sql` on it."""
    path = tmp_path / "mine.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales AS SELECT 1 AS n")
    with connect_readonly(path) as con:
        assert con.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
    with duckdb.connect(str(path), read_only=True) as con:
        assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]


def _keyed(r, key):
    from dataclasses import replace

    return replace(r, article=replace(r.article, page_key=key))


def _page_keys(con):
    return [k for (k,) in con.execute("SELECT page_key FROM pages").fetchall()]


def test_an_old_keyed_row_beside_a_new_one_leaves_no_orphan_article(
    lexicon_analyzer, db_path, monkeypatch
):
    """A file edited after an upgrade without the fix: its old row (canonical link) and its
    new row (path) point at two articles; the old article must go with its row."""
    from pipeline.warehouse import load

    con = connect(db_path)
    weak = _page(lexicon_analyzer, "/in/a.html", body="英伟达的财报令人失望，增长放缓。")
    write_results(con, [_keyed(weak, "https://a.example/a")], "r1", "lexicon.v1")
    with monkeypatch.context() as m:
        m.setattr(load, "_stale_keys", lambda con, good: [])
        write_results(con, [_page(lexicon_analyzer, "/in/a.html")], "r2", "lexicon.v1")
    write_results(con, [_page(lexicon_analyzer, "/in/a.html")], "r3", "lexicon.v1")
    orphans = "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM pages)"
    assert con.execute(orphans).fetchone()[0] == 0 and _counts(con)["pages"] == 1


@pytest.mark.parametrize(
    ("source", "key"),
    [
        # fetched: u_old redirected to u_new (the row of u_new, read from u_old), then served
        # its own page; u_new itself was skipped as unchanged
        ("https://a.example/old", "https://a.example/new"),
        # a one-record .json rewritten with another page's record, without a url
        ("/in/latest.json", "https://a.example/u"),
    ],
)
def test_a_row_of_another_page_under_the_same_source_stays(lexicon_analyzer, db_path, source, key):
    con = connect(db_path)
    write_results(con, [_keyed(_page(lexicon_analyzer, source), key)], "r1", "lexicon.v1")
    mixed = _page(lexicon_analyzer, source, body="DeepSeek的模型很便宜，但英伟达依然是赢家。")
    write_results(con, [mixed], "r2", "lexicon.v1")
    assert key in _page_keys(con) and _counts(con)["articles"] == 2


def test_an_original_in_a_file_named_in_gbk_bytes_is_not_taken_for_gone(
    lexicon_analyzer, db_path, tmp_path
):
    """Its recorded name (…\\xb2\\xe2.html) is no path on disk: the original was taken for
    deleted, and its repost took the article over with its own later date."""
    import os
    from pathlib import Path

    from pipeline.input_files import source_name

    raw = os.fsencode(tmp_path) + b"/\xb2\xe2.html"
    with open(raw, "wb") as f:
        f.write(b"<html></html>")
    original = source_name(Path(os.fsdecode(raw)))
    repost = str(tmp_path / "b.html")
    (tmp_path / "b.html").write_text("x")
    con = connect(db_path)
    pages = [
        _page(lexicon_analyzer, original, day="2025-03-01"),
        _page(lexicon_analyzer, repost, day="2025-03-05"),
    ]
    write_results(con, pages, "r1", "lexicon.v1")
    write_results(con, [_page(lexicon_analyzer, repost, day="2025-03-05")], "r2", "lexicon.v1")
    assert con.execute("SELECT source FROM articles").fetchone()[0] == original


def test_a_report_cut_short_keeps_the_same_rows_each_time(lexicon_analyzer, db_path, monkeypatch):
    """Rows that tie where a section is cut (one site and author on two targets, two claims due
    the same day) come in a fixed order, so two reports of one database are the same."""
    from pipeline import report

    page = _page(
        lexicon_analyzer,
        "both.html",
        body="DeepSeek会越来越强，英伟达的需求只会更大，两家明年都会更好。",
    )
    con = connect(db_path)
    write_results(con, [page], "r", "lexicon.v1")
    labelled = {s.target for s in page.stances if s.label != "none"}
    assert labelled == {"nvidia", "deepseek"}
    monkeypatch.setitem(report.SHOWN, "sources", 1)
    cut = [report.gather(con).sources for _ in range(5)]
    assert all(rows == cut[0] for rows in cut)
    assert [r["target"] for r in cut[0]] == ["deepseek"]  # of the tie, the first by name


def test_copies_of_a_claim_share_its_outcome_and_a_second_verdict_needs_replace(
    lexicon_analyzer, db_path
):
    """A page and its mirror (a footer line more) hold one claim under two ids: once one was
    resolved, the other stayed due, and resolving it too silently replaced the first verdict."""
    original = _page(lexicon_analyzer, "a.html")
    mirror = _page(lexicon_analyzer, "mirror/a.html", body="英伟达的财报非常强劲，转载自某站。")
    con = connect(db_path)
    write_results(con, [original, mirror], "r1", "lexicon.v1")
    [pid] = [p.id for p in original.predictions if "创新高" in p.quote]
    [copy] = [p.id for p in mirror.predictions if "创新高" in p.quote]
    assert pid != copy
    resolve(con, pid, "correct", today=date(2026, 1, 5))
    assert con.execute(
        "SELECT status, resolved_as FROM prediction_status WHERE id = ?", [copy]
    ).fetchone() == ("correct", pid)
    due = {i for (i,) in con.execute("SELECT id FROM predictions_due").fetchall()}
    assert copy not in due and pid not in due
    with pytest.raises(LedgerError, match=f"{pid[:12]}.*resolved correct.*--replace"):
        resolve(con, copy, "wrong", today=date(2026, 1, 5))
    done = resolve(con, copy, "wrong", replace=True, today=date(2026, 1, 6))
    assert done.replaced == "correct"  # (ledger probe) the verdict of the copy it replaced
    # (review) the same verdict given again on the other copy, to add a note, keeps its day
    resolve(con, pid, "wrong", "补充说明", replace=True, today=date(2026, 2, 1))
    assert con.execute(
        "SELECT outcome, resolved_on FROM claim_outcomes co JOIN claim_copies c USING (claim) "
        "WHERE c.prediction_id = ?",
        [pid],
    ).fetchone() == ("wrong", date(2026, 1, 6))
    scores = "SELECT resolved, correct, wrong FROM prediction_scores WHERE author IS NOT NULL"
    assert con.execute(scores).fetchall() == [(1, 0, 1)]


def test_the_same_words_in_two_years_articles_are_two_claims(lexicon_analyzer, db_path):
    """An author's yearly call (今年年底股价还会创新高) in the 2025 and the 2026 article: each is
    due at its own year's end and scored; one row per words kept only the verdict recorded last."""
    con = connect(db_path)
    old = _page(lexicon_analyzer, "2025.html", day="2025-03-01")
    new = _page(lexicon_analyzer, "2026.html", day="2026-03-01", body="英伟达的财报依旧强劲。")
    write_results(con, [old, new], "r1", "lexicon.v1")
    [a] = [p for p in old.predictions if "创新高" in p.quote]
    [b] = [p for p in new.predictions if "创新高" in p.quote]
    assert (a.due, b.due) == (date(2025, 12, 31), date(2026, 12, 31))
    resolve(con, a.id, "wrong", today=date(2026, 1, 2))
    resolve(con, b.id, "correct", today=date(2027, 1, 2))
    scores = "SELECT resolved, correct, wrong FROM prediction_scores WHERE author IS NOT NULL"
    assert con.execute(scores).fetchall() == [(2, 1, 1)]


def test_a_claim_is_the_authors_own_where_any_copy_of_it_is(lexicon_analyzer, db_path):
    """A repeated sentence the rules once read as reported: resolving that copy took the
    author's call out of the scores."""
    page = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [page], "r1", "lexicon.v1")
    [pid] = [p.id for p in page.predictions if "创新高" in p.quote]
    con.execute(
        "INSERT INTO predictions SELECT * REPLACE ('reported' || id AS id, 'reported' AS speaker) "
        "FROM predictions WHERE id = ?",
        [pid],
    )
    resolve(con, "reported" + pid, "correct", today=date(2026, 1, 2))
    scores = "SELECT resolved, correct, reported_resolved FROM prediction_scores WHERE author IS NOT NULL"
    assert con.execute(scores).fetchall() == [(1, 1, 0)]


def test_in_one_run_the_page_published_first_owns_a_shared_text_whatever_its_batch(
    lexicon_analyzer, db_path
):
    """The repost landed in the run's first batch and the original in the second (two workers,
    file names sorting the repost first): the repost kept the byline and the due dates."""
    repost = _page(
        lexicon_analyzer, "a_repost.html", day="2025-05-20", title="转载：英伟达财报点评"
    )
    original = _page(lexicon_analyzer, "z_original.html", day="2025-04-01")
    assert repost.article.id == original.article.id
    con = connect(db_path)
    run_pages: dict = {}
    write_results(con, [repost], "r1", "lexicon.v1", run_pages=run_pages)
    write_results(con, [original], "r1", "lexicon.v1", run_pages=run_pages)
    assert con.execute("SELECT source, published FROM articles").fetchall() == [
        ("z_original.html", date(2025, 4, 1))
    ]
    # a later run reading a page published earlier still leaves the article to its first reader
    earlier = _page(lexicon_analyzer, "earlier.html", day="2025-03-01", title="更早的转载")
    write_results(con, [earlier], "r2", "lexicon.v1", run_pages={})
    assert con.execute("SELECT source FROM articles").fetchall() == [("z_original.html",)]


def test_a_full_run_gives_a_shared_text_to_the_page_published_first(lexicon_analyzer, db_path):
    """The original's file was away for a run, so its repost took the article over; with the
    file back, even --full (both pages read again in one batch) kept the repost's byline."""
    original = _page(lexicon_analyzer, "orig.html", day="2025-04-01")
    repost = _page(lexicon_analyzer, "repost.html", day="2025-05-20", title="转载：英伟达财报点评")
    con = connect(db_path)
    write_results(con, [repost], "r1", "lexicon.v1")  # the original away
    write_results(con, [repost, original], "r2", "lexicon.v1")  # --full, both read again
    assert con.execute("SELECT source FROM articles").fetchall() == [("orig.html",)]


def test_a_copy_cut_off_inside_the_page_keeps_the_last_good_one(lexicon_analyzer, db_path):
    """A file cut mid-paragraph (no </html>) with enough text left replaced the article: its
    last claim was lost, with no reject. A whole page that drops its last paragraph is an edit."""
    body = "英伟达的财报非常强劲，数据中心业务增长很快，游戏业务也在恢复，汽车业务的订单还在排队。"
    whole = PAGE.format(title="英伟达财报点评", body=body, day="2025-03-01")
    con = connect(db_path)
    first = lexicon_analyzer.process(RawPage("a.html", whole.encode("utf-8"), "html"))
    write_results(con, [first], "r1", "lexicon.v1")
    cut_at = whole.index("一篇正文")
    cut = lexicon_analyzer.process(RawPage("a.html", whole[:cut_at].encode("utf-8"), "html"))
    assert cut.ok and cut.article.id != first.article.id
    counts = write_results(con, [cut], "r2", "lexicon.v1")
    assert counts.rejected == 1
    assert con.execute("SELECT reason FROM rejects").fetchall() == [("truncated-html",)]
    assert con.execute(
        "SELECT a.id FROM pages p JOIN articles a ON a.id = p.article_id"
    ).fetchall() == [(first.article.id,)]
    # the page saved whole again without its last paragraph: an edit, taken
    edited = whole.replace(
        "<p>这篇文章是我们为测试写的，段落足够长，才能算作一篇正文而不是页面的零碎。</p>", ""
    )
    shorter = lexicon_analyzer.process(RawPage("a.html", edited.encode("utf-8"), "html"))
    write_results(con, [shorter], "r3", "lexicon.v1")
    assert con.execute("SELECT article_id FROM pages").fetchall() == [(shorter.article.id,)]


def test_a_cut_off_copy_of_a_page_never_read_whole_is_read_for_what_it_holds(
    lexicon_analyzer, db_path
):
    html = PAGE.format(
        title="英伟达财报点评",
        body="英伟达的财报非常强劲，数据中心业务增长很快，游戏业务也在恢复。",
        day="2025-03-01",
    )
    cut = lexicon_analyzer.process(
        RawPage("a.html", html[: html.index("一篇正文")].encode("utf-8"), "html")
    )
    con = connect(db_path)
    assert write_results(con, [cut], "r1", "lexicon.v1").rejected == 0
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_comma_after_the_writers_frame_keeps_the_outcome_with_the_claim(
    lexicon_analyzer, db_path
):
    """我认为半年内… edited to 我认为，半年内…: the frame became a clause of its own, the quote
    lost it, and the resolved claim came back due under a new id (ledger probe)."""
    claim = "我认为半年内英伟达的股价大概率会创出新高。"
    first = _page(lexicon_analyzer, "a.html", body=claim)
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    [old] = [p for p in first.predictions if "半年内" in p.quote]
    resolve(con, old.id, "correct", today=date(2025, 10, 1))
    edited = _page(lexicon_analyzer, "a.html", body="我认为，半年内英伟达的股价大概率会创出新高！")
    [new] = [p for p in edited.predictions if "半年内" in p.quote]
    assert new.id != old.id and not new.quote.startswith("我认为")
    write_results(con, [edited], "r2", "lexicon.v1")
    assert con.execute("SELECT prediction_id, outcome FROM prediction_outcomes").fetchall() == [
        (new.id, "correct")
    ]
    assert find_prediction(con, old.id[:12]) == new.id


def test_one_frame_written_for_another_keeps_the_outcome_with_the_claim(lexicon_analyzer, db_path):
    """我认为 edited to 我觉得 before the same claim: the claim is the same, its outcome moves to
    the new id; the resolved claim came back due, to be scored twice (ledger probe)."""
    first = _page(lexicon_analyzer, "a.html", body="我认为半年内英伟达的股价大概率会创出新高。")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    [old] = [p for p in first.predictions if "半年内" in p.quote]
    resolve(con, old.id, "correct", today=date(2025, 10, 1))
    edited = _page(lexicon_analyzer, "a.html", body="我觉得半年内英伟达的股价大概率会创出新高。")
    [new] = [p for p in edited.predictions if "半年内" in p.quote]
    assert new.id != old.id
    write_results(con, [edited], "r2", "lexicon.v1")
    assert con.execute("SELECT prediction_id, outcome FROM prediction_outcomes").fetchall() == [
        (new.id, "correct")
    ]
    # another claim behind the frame is another claim: its outcome stays where it was
    other = _page(lexicon_analyzer, "a.html", body="我觉得半年内英伟达的股价大概率会跌破新低。")
    write_results(con, [other], "r3", "lexicon.v1")
    assert con.execute("SELECT prediction_id FROM prediction_outcomes").fetchall() == [(new.id,)]


def _resolved_then_edited(lexicon_analyzer, db_path, edited_body: str):
    """A page whose claim was resolved, then edited to edited_body: the connection, the first
    reading and the edited one."""
    first = _page(lexicon_analyzer, "a.html", body="我认为半年内英伟达的股价大概率会创出新高。")
    con = connect(db_path)
    write_results(con, [first], "r1", "lexicon.v1")
    resolve(con, first.predictions[0].id, "correct", today=date(2025, 10, 1))
    edited = _page(lexicon_analyzer, "a.html", body=edited_body)
    write_results(con, [edited], "r2", "lexicon.v1")
    return con, first, edited


def test_article_search_lists_a_page_once_after_an_edit_kept_its_earlier_version(
    lexicon_analyzer, db_path
):
    """A page edited after one of its claims was resolved keeps its earlier version for the
    outcome; article_search found the page twice."""
    con, _, edited = _resolved_then_edited(
        lexicon_analyzer, db_path, "英伟达的护城河比想象中深，DeepSeek追不上。"
    )
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # the outcome's
    assert con.execute("SELECT id FROM article_search('英伟达')").fetchall() == [
        (edited.article.id,)
    ]


def test_predictions_list_marks_a_claim_kept_from_an_earlier_text(lexicon_analyzer, db_path):
    """(ledger probe) `predictions list` showed a resolved claim the page no longer makes beside
    the claims it makes now, with nothing to tell them apart."""
    from click.testing import CliRunner

    from pipeline.cli import main

    con, first, edited = _resolved_then_edited(
        lexicon_analyzer, db_path, "我认为一年内英伟达的股价大概率会跌破新低。"
    )
    con.close()
    out = CliRunner().invoke(
        main, ["predictions", "list", "--db", str(db_path), "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    rows = {r["quote"]: (r["status"], r["version"]) for r in json.loads(out.output)}
    assert rows[first.predictions[0].quote] == ("correct", "earlier")
    assert rows[edited.predictions[0].quote][1] == "current"


def test_a_page_dated_ahead_is_read_again_until_its_day(lexicon_analyzer, db_path):
    """A page dated three days ahead was stored undated and then skipped as unchanged run after
    run: it stayed undated after its day came (catalogue probe). Its input is not remembered as
    processed while its date is to come."""
    from datetime import timedelta

    from pipeline.incremental import SeenInput

    ahead = (date.today() + timedelta(days=3)).isoformat()
    early = _page(lexicon_analyzer, "soon.html", day=ahead)
    now = _page(lexicon_analyzer, "now.html", body="DeepSeek的模型很便宜。", day="2025-03-01")
    assert early.article.published is None and early.article.dated_ahead == date.fromisoformat(
        ahead
    )
    con = connect(db_path)
    seen = [SeenInput("soon.html", "h1", 1, 0), SeenInput("now.html", "h2", 1, 0)]
    write_results(con, [early, now], "r1", "lexicon.v1", seen, "v")
    assert con.execute("SELECT input FROM seen_inputs").fetchall() == [("now.html",)]


def test_a_run_drops_the_stances_of_a_target_taken_out_of_the_catalogue(lexicon_analyzer, db_path):
    """An article whose input is gone is never read again: its stance on a target since taken
    out of the catalogue stayed in every report for good (catalogue probe)."""
    from pipeline.ingest import recorded_run
    from pipeline.settings import load_settings

    con = connect(db_path)
    write_results(con, [_page(lexicon_analyzer, "gone.html")], "r1", "lexicon.v1")
    con.execute("UPDATE stances SET target = 'amd' WHERE target = 'deepseek'")  # read with AMD
    pid = con.execute("SELECT id FROM predictions LIMIT 1").fetchone()[0]
    con.execute("UPDATE predictions SET target = 'amd' WHERE id = ?", [pid])
    con.close()
    with recorded_run(load_settings().with_overrides(db=str(db_path)), [], {}, False):
        pass
    con = connect(db_path)
    assert [t for (t,) in con.execute("SELECT DISTINCT target FROM stances").fetchall()] == [
        "nvidia"
    ]
    assert con.execute("SELECT target FROM predictions WHERE id = ?", [pid]).fetchone() == ("amd",)


def test_a_move_names_the_period_it_is_measured_from_and_a_neutral_article_behind_it(
    lexicon_analyzer, db_path
):
    """A fall from +1.00 to +0.50 caused by a neutral article listed nothing behind it, and
    a month without articles between the two went unsaid (catalogue probe)."""
    from pipeline.report import gather, render_markdown

    con = connect(db_path)
    pages = [
        _page(lexicon_analyzer, f"{i}.html", body=f"英伟达的财报非常强劲，第{i}篇。", day=day)
        for i, day in enumerate(["2026-03-05", "2026-05-06", "2026-05-20"])
    ]
    write_results(con, pages, "r1", "lexicon.v1")
    labels = {"0.html": "bullish", "1.html": "bullish", "2.html": "neutral"}
    for source, label in labels.items():
        con.execute(
            "UPDATE stances SET label = ? WHERE target = 'nvidia' AND article_id = "
            "(SELECT id FROM articles WHERE source = ?)",
            [label, source],
        )
    data = gather(con, freq="month", target="nvidia")
    [move] = data.targets[0].moves
    assert (move["period"], move["since"], round(move["delta"], 2)) == (
        date(2026, 5, 1),
        date(2026, 3, 1),
        -0.5,
    )
    assert [a["label"] for a in move["articles_behind"]] == ["neutral"]
    assert "fell by 0.50 to +0.50 since 2026-03-01 (2 articles)" in render_markdown(data)


def test_records_with_the_same_relative_url_are_two_pages(lexicon_analyzer, db_path, tmp_path):
    """Two sites' records of /index.html were stored as one page: the first one's article was
    lost, counted as repeating the other (input-format probe). A relative URL is no URL to know
    a page by; the record's place is."""
    import json as _json

    from pipeline.sources import discover, read_input

    results = []
    for n, target in enumerate(["英伟达", "深度求索"]):
        rec = {"url": "/index.html", "title": f"{target}点评", "text": PAGE.format(
            title=f"{target}点评", day="2025-03-01", body=f"{target}的财报非常强劲，数据中心业务增长很快，这是第{n}篇文章，两篇的正文各不相同。"
        )}  # fmt: skip
        path = tmp_path / f"site{n}.json"
        path.write_text(_json.dumps(rec, ensure_ascii=False), "utf-8")
        results += [
            lexicon_analyzer.process(p) for i in discover([path]) for p in read_input(i, 10**7)
        ]
    con = connect(db_path)
    counts = write_results(con, results, "r1", "lexicon.v1")
    assert (counts.new, counts.repeated) == (2, 0)
    assert con.execute("SELECT count(*) FROM pages").fetchone() == (2,)
    assert con.execute("SELECT DISTINCT url FROM articles").fetchall() == [("/index.html",)]


def test_a_blank_note_or_evidence_is_none_and_a_pasted_urls_spaces_go(lexicon_analyzer, db_path):
    """--note "  " and --evidence "" were stored as given, and a URL with the spaces a paste
    brings (ledger probe)."""
    page = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [page], "r1", "lexicon.v1")
    [pid] = [p.id for p in page.predictions if "创新高" in p.quote]
    done = resolve(con, pid, "correct", "  ", "  https://example.com/q3  ", today=date(2026, 1, 5))
    assert not [w for w in done.warnings if "evidence" in w]  # stripped, the URL is one
    assert con.execute(
        "SELECT note, evidence FROM prediction_outcomes WHERE prediction_id = ?", [pid]
    ).fetchone() == (None, "https://example.com/q3")


def test_the_same_verdict_corrected_keeps_its_day_and_an_empty_note_clears(
    lexicon_analyzer, db_path
):
    """(ledger probe) resolve --replace with the same outcome to add a note moved the day the
    outcome became known to today, and --evidence "" could not clear a wrong link: a note added
    is no new knowledge, and a field given empty is cleared, not carried over."""
    page = _page(lexicon_analyzer, "a.html")
    con = connect(db_path)
    write_results(con, [page], "r1", "lexicon.v1")
    [pid] = [p.id for p in page.predictions if "创新高" in p.quote]
    resolve(con, pid, "correct", None, "not a url", today=date(2026, 3, 1), on=date(2026, 1, 20))
    resolve(con, pid, "correct", "财报确认", "", replace=True, today=date(2026, 3, 1))
    row = "SELECT outcome, resolved_on, note, evidence FROM prediction_outcomes WHERE prediction_id = ?"
    assert con.execute(row, [pid]).fetchone() == ("correct", date(2026, 1, 20), "财报确认", None)
    resolve(
        con, pid, "correct", None, None, replace=True, today=date(2026, 3, 1), on=date(2026, 2, 2)
    )
    assert con.execute(row, [pid]).fetchone() == ("correct", date(2026, 2, 2), "财报确认", None)
    resolve(con, pid, "wrong", None, None, replace=True, today=date(2026, 3, 1))
    assert con.execute(row, [pid]).fetchone() == ("wrong", date(2026, 3, 1), None, None)
