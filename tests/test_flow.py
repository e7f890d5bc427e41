"""The batch flow end to end under Prefect: incremental and idempotent reruns, updates, rejects,
the run log, URL lists, two runs at once, a Dask cluster."""

import json
import re
import shutil
import threading
from datetime import date

import duckdb
import pytest
from click.testing import CliRunner

from flows.progress import RichBar, reporting
from pipeline.cli import main
from tests.conftest import SAMPLES

pytestmark = pytest.mark.flow
DATA_TABLES = ["articles", "pages", "stances", "predictions", "prediction_outcomes", "rejects"]


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in [*DATA_TABLES, "runs"]
        }
    finally:
        con.close()


class Recorder:
    """A progress reporter that remembers what the flow told it."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def start(self, total: int) -> None:
        self.calls.append(("start", total))

    def advance(self, inputs: int, new: int, updated: int, skipped: int, rejected: int) -> None:
        self.calls.append(("advance", inputs, new, updated, skipped, rejected))


def test_progress_bar_shows_inputs_done_and_counts():
    import io

    from rich.console import Console

    out = io.StringIO()
    bar = RichBar(Console(file=out, force_terminal=True, width=120))
    bar.start(10)
    bar.advance(4, 2, 1, 1, 0)
    for _ in range(10):  # a file read in ten parts is one input done
        bar.advance(1 / 10, 1, 0, 0, 0)
    bar.stop()
    assert "5/10" in out.getvalue()  # 4 inputs, then the 10 parts of one
    assert "12 new · 1 updated · 1 skipped · 0 rejected" in out.getvalue()


def test_a_file_read_in_parts_is_one_input_on_the_progress_bar(prefect_harness, tmp_path):
    """Two inputs found show as 2 on the bar, however many parts a large one is read in."""
    from flows.batch import batch_flow
    from tests.test_sources import _container

    box = tmp_path / "box"
    box.mkdir()
    _container(box, "crawl.warc.gz")  # 11 records: 8 pages, read in 4 parts of 3
    (box / "note.txt").write_text("英伟达" * 40, "utf-8")
    recorder = Recorder()
    with reporting(recorder):
        summary = batch_flow(
            inputs=[str(box)], db=str(tmp_path / "p.duckdb"), batch_size=3, workers=1
        )
    assert summary["seen"] == 9
    starts = [c for c in recorder.calls if c[0] == "start"]
    shares = [c[1] for c in recorder.calls if c[0] == "advance"]
    assert starts == [("start", 2)] and len(shares) == 5 and round(sum(shares), 6) == 2


@pytest.fixture
def inbox(tmp_path):
    box = tmp_path / "inbox"
    for sub in ("news", "wechat"):
        shutil.copytree(SAMPLES / sub, box / sub)
    (box / "bad").mkdir()
    (box / "bad" / "empty.html").write_bytes(b"")
    (box / "bad" / "picture.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = next((SAMPLES / "wechat").glob("*.html")).read_text("utf-8")
    (box / "bad" / "truncated.html").write_text(good[: good.find("js_content") + 40], "utf-8")
    return box


def test_batch_flow_is_idempotent_and_records_rejects(prefect_harness, inbox, tmp_path):
    from flows.batch import batch_flow

    db = tmp_path / "w.duckdb"
    first = batch_flow(
        inputs=[str(inbox)], db=str(db), report=str(tmp_path / "r.html"), batch_size=5
    )
    goods = len(list((inbox / "news").glob("*"))) + len(list((inbox / "wechat").glob("*")))
    assert first["articles"] == goods and first["rejected"] == 3
    after_first = _counts(db)

    second = batch_flow(
        inputs=[str(inbox)], db=str(db), report=str(tmp_path / "r.html"), batch_size=5
    )
    assert second["new"] == second["articles"] == 0 and second["skipped"] == goods + 3
    after_second = _counts(db)
    assert {t: after_second[t] for t in DATA_TABLES} == {t: after_first[t] for t in DATA_TABLES}
    assert after_second["runs"] == after_first["runs"] + 1

    full = batch_flow(
        inputs=[str(inbox)], db=str(db), report=str(tmp_path / "r.html"), batch_size=5, full=True
    )
    assert full["unchanged"] == goods and full["skipped"] == 0 and full["rejected"] == 3
    after_full = _counts(db)
    assert {t: after_full[t] for t in DATA_TABLES} == {t: after_first[t] for t in DATA_TABLES}

    con = duckdb.connect(str(db), read_only=True)
    rejects = dict(
        con.execute("SELECT split_part(source, '/', -1), reason FROM rejects").fetchall()
    )
    runs = con.execute(
        "SELECT status, seen, rejected, skipped, full_run, seconds > 0, version IS NOT NULL "
        "FROM runs ORDER BY started"
    ).fetchall()
    con.close()
    assert rejects == {
        "empty.html": "empty-file",
        "picture.html": "binary-file",
        "truncated.html": "truncated-html",
    }
    assert runs == [
        ("completed", goods + 3, 3, 0, False, True, True),
        ("completed", goods + 3, 0, goods + 3, False, True, True),
        ("completed", goods + 3, 3, 0, True, True, True),
    ]
    assert "<svg" in (tmp_path / "r.html").read_text("utf-8")

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["duokong-batch-summary"]))
        )
    assert any(
        f"**run_id**: {full['run_id']}" in a.data and f"**articles**: {goods}" in a.data
        for a in artifacts
    )


def test_changed_page_is_updated_by_the_flow(prefect_harness, tmp_path):
    from flows.batch import batch_flow

    box = tmp_path / "box"
    box.mkdir()
    src = next((SAMPLES / "wechat").glob("*.html"))
    page = box / "page.html"
    page.write_bytes(src.read_bytes())
    db = tmp_path / "w.duckdb"
    batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"))
    text = src.read_text("utf-8")
    marker = text.find("。", text.find("js_content")) + 1
    page.write_text(text[:marker] + "补充一句：英伟达的财报超出预期。" + text[marker:], "utf-8")
    recorder = Recorder()
    with reporting(recorder):
        summary = batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"))
    assert summary["updated"] == 1
    assert recorder.calls == [("start", 1), ("advance", 1, 0, 1, 0, 0)]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert "补充一句" in con.execute("SELECT body FROM articles").fetchone()[0]


def test_cli_run_prints_database_and_report(prefect_harness, inbox, tmp_path):
    db, report = tmp_path / "cli.duckdb", tmp_path / "cli.html"
    out = CliRunner().invoke(
        main,
        ["run", str(inbox / "news"), str(inbox / "bad"), "--db", str(db), "--report", str(report)],
    )
    assert out.exit_code == 0, out.output
    assert f"database: {db}" in out.output and f"report:   {report}" in out.output
    assert "0 skipped as unchanged" in out.output and "\x1b[" not in out.output  # no bar
    # pages written, not articles: a repost adds a page and no article
    assert re.search(r"^\d+ pages: \d+ written \(\d+ new, ", out.output, re.M), out.output
    assert report.is_file()
    # What was refused and why, and where the details are, not a bare count.
    [line] = [ln for ln in out.output.splitlines() if ln.startswith("rejected: ")]
    assert "1 binary-file" in line and "from rejects" in line, line


def test_two_runs_at_once_one_waits_for_the_other(prefect_harness, inbox, tmp_path):
    """Two flow runs on one database (in a folder that does not exist yet) at the same time:
    one writes, the other waits for its lock, then finds every input unchanged."""
    from flows.batch import batch_flow

    db = tmp_path / "not" / "yet" / "w.duckdb"
    summaries, errors = [], []

    def one_run() -> None:
        try:
            summaries.append(
                batch_flow(
                    inputs=[str(inbox / "news")],
                    db=str(db),
                    report=str(tmp_path / "r.html"),
                    workers=1,
                    lock_wait_s=600,
                )
            )
        except Exception as exc:  # reported below, with the other run's outcome
            errors.append(exc)

    runs = [threading.Thread(target=one_run) for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join()
    assert not errors
    pages = len(list((inbox / "news").glob("*")))
    assert sorted((s["new"], s["skipped"]) for s in summaries) == [(0, pages), (pages, 0)], (
        summaries  # (once under heavy load the waiting run gave (0, 0): what else it counted)
    )
    counts = _counts(db)
    assert counts["pages"] == counts["articles"] == pages and counts["runs"] == 2


def test_url_list_is_fetched_rejects_recorded_and_unchanged_pages_skipped(
    prefect_harness, tmp_path
):
    from flows.batch import batch_flow
    from tests.test_fetch import serving

    with serving() as server:
        box = tmp_path / "box"
        box.mkdir()
        (box / "pages.urls").write_text(
            f"# a comment\n{server}/article\n{server}/missing\n{server}/loop\n", "utf-8"
        )
        db = tmp_path / "w.duckdb"
        runs = [
            batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"), workers=1)
            for _ in range(2)
        ]
    first, second = runs
    assert (first["new"], first["rejected"]) == (1, 2)
    assert (second["new"], second["skipped"], second["rejected"]) == (0, 1, 2)  # refetched
    con = duckdb.connect(str(db), read_only=True)
    rejects = con.execute("SELECT stage, reason FROM rejects ORDER BY reason").fetchall()
    page = con.execute("SELECT page_key FROM pages").fetchall()
    con.close()
    assert rejects == [("fetch", "http-404"), ("fetch", "redirect-loop")]
    assert page == [(f"{server}/article",)]


def test_a_url_list_that_cannot_be_read_or_lists_nothing_is_a_reject_not_the_end_of_the_run(
    prefect_harness, tmp_path
):
    """A URL list saved in GBK once ended the whole run before any page was read, and an empty
    one left no trace: each is now a reject naming the list, and the other inputs are read."""
    from flows.batch import batch_flow
    from tests.test_fetch import ARTICLE

    box = tmp_path / "box"
    box.mkdir()
    (box / "gbk.urls").write_bytes("# 英伟达\nhttp://127.0.0.1:9/a\n".encode("gbk"))
    (box / "empty.urls").write_text("# nothing yet\n\n", "utf-8")
    (box / "page.html").write_text(ARTICLE, "utf-8")
    db = tmp_path / "w.duckdb"
    summary = batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"), workers=1)
    assert (summary["new"], summary["rejected"]) == (1, 2)
    con = duckdb.connect(str(db), read_only=True)
    rejects = con.execute("SELECT source, reason, detail FROM rejects ORDER BY reason").fetchall()
    con.close()
    assert [(src.rsplit("/", 1)[-1], reason) for src, reason, _ in rejects] == [
        ("empty.urls", "empty-url-list"),
        ("gbk.urls", "unreadable-url-list"),
    ]
    assert "save it as UTF-8" in rejects[1][2]

    (box / "empty.urls").unlink()  # the flow clears what no longer holds, as run_inputs does
    batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"), workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = [r for (r,) in con.execute("SELECT reason FROM rejects").fetchall()]
    assert reasons == ["unreadable-url-list"]


def test_dask_local_cluster_runs_the_same_flow(prefect_harness, inbox, tmp_path):
    """--dask local: a LocalCluster of two worker processes analyses; the writer stays here."""
    pytest.importorskip("prefect_dask")
    from flows.batch import batch_flow

    db = tmp_path / "w.duckdb"
    summary = batch_flow(
        inputs=[str(inbox / "news")],
        db=str(db),
        report=str(tmp_path / "r.html"),
        workers=2,
        dask="local",
    )
    pages = len(list((inbox / "news").glob("*")))
    assert summary["new"] == pages
    con = duckdb.connect(str(db), read_only=True)
    params = con.execute("SELECT parameters FROM runs").fetchone()[0]
    con.close()
    assert _counts(db)["articles"] == pages and '"dask": "local"' in params


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


def test_flow_writes_what_the_same_run_without_prefect_writes(prefect_harness, inbox, tmp_path):
    """The flow is thin over pipeline.ingest: under Prefect and on a plain process pool the same
    inputs give the same articles, stances, predictions and rejects, and a rerun skips them."""
    from flows.batch import batch_flow
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    flow_db, plain_db = tmp_path / "flow.duckdb", tmp_path / "plain.duckdb"
    batch_flow(inputs=[str(inbox)], db=str(flow_db), report=str(tmp_path / "f.html"), workers=2)
    settings = load_settings().with_overrides(db=str(plain_db), workers=2)
    plain = run_inputs([str(inbox)], settings, report=str(tmp_path / "p.html"))
    assert (tmp_path / "p.html").stat().st_size > 0
    queries = [
        "SELECT a.title, s.target, s.label, round(s.score, 6) FROM stances s "
        "JOIN articles a ON a.id = s.article_id",
        "SELECT a.title, p.quote, p.due FROM predictions p JOIN articles a ON a.id = p.article_id",
        "SELECT regexp_extract(source, '[^/]+$'), reason FROM rejects",
    ]
    for sql in queries:
        assert _rows(flow_db, sql) == _rows(plain_db, sql)
    assert plain["new"] == _counts(flow_db)["articles"] and plain["rejected"] == 3
    again = run_inputs([str(inbox)], settings, report=str(tmp_path / "p.html"))
    assert again["new"] == 0 and again["skipped"] == plain["seen"]
    assert _rows(plain_db, "SELECT status FROM runs") == [("completed",), ("completed",)]


def test_a_url_that_fails_once_and_then_serves_its_page_again_is_no_reject(tmp_path):
    """Its page is unchanged, so the run skips it; the fetch reject of the failed run must
    still go, or the report counts a refused input that is not refused."""
    from http.server import BaseHTTPRequestHandler

    from benchmarks.faults import http_server
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings
    from tests.test_fetch import ARTICLE

    down = threading.Event()

    class Flaky(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404 if down.is_set() else 200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.end_headers()
            if not down.is_set():
                self.wfile.write(ARTICLE.encode("gbk"))

        def log_message(self, *args: object) -> None:
            pass

    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    with http_server(Flaky) as server:
        (tmp_path / "pages.urls").write_text(f"{server}/a\n", "utf-8")
        inputs = [str(tmp_path / "pages.urls")]
        runs = [run_inputs(inputs, settings)]
        down.set()
        runs.append(run_inputs(inputs, settings))
        down.clear()
        runs.append(run_inputs(inputs, settings))
    assert [(r["new"], r["skipped"], r["rejected"]) for r in runs] == [
        (1, 0, 0),
        (0, 0, 1),
        (0, 1, 0),
    ]
    assert _counts(db)["rejects"] == 0 and _counts(db)["articles"] == 1


def test_a_failed_url_taken_off_every_list_is_no_reject_any_more(tmp_path):
    """A URL that failed to fetch is never fetched again once taken off its list, so its
    reject stayed listed as refused for good. It goes once no list lists it (taken off, or its
    list deleted); a URL another list still lists, or one a list outside the run lists, stays
    refused; a line fixed in place is no bad URL any more."""
    from http.server import BaseHTTPRequestHandler

    from benchmarks.faults import http_server
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    class Missing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    box, elsewhere = tmp_path / "box", tmp_path / "elsewhere"
    box.mkdir()
    elsewhere.mkdir()
    refused = "SELECT regexp_extract(source, '[^/]+$'), reason FROM rejects"
    with http_server(Missing) as server:
        (box / "a.urls").write_text(f"{server}/gone\n{server}/twice\nwww.no-scheme.cn/x\n")
        (box / "b.urls").write_text(f"{server.upper()}/twice\n{server}/b-only\n")
        (elsewhere / "c.urls").write_text(f"{server}/c-only\n")
        run_inputs([str(box), str(elsewhere)], settings)
        assert len(_rows(db, refused)) == 5
        (box / "a.urls").write_text(f"{server}/page\n")  # gone, twice and the bad line off
        (box / "b.urls").unlink()
        (elsewhere / "c.urls").write_text("# emptied, but not read by the next run\n")
        run_inputs([str(box)], settings)
        assert _rows(db, refused) == [("c-only", "http-404"), ("page", "http-404")]
        (box / "b.urls").write_text(f"{server}/twice\n")
        (box / "a.urls").write_text(f"{server}/twice\n")
        run_inputs([str(box)], settings)
        # unreadable: which URLs it lists is not known, so none of them is off
        (box / "a.urls").write_bytes(f"# 英伟达\n{server}/twice\n".encode("gbk"))
        (box / "b.urls").write_text(f"{server}/b-only\n")
        run_inputs([str(box)], settings)
    assert _rows(db, refused) == [
        ("a.urls", "unreadable-url-list"),
        ("b-only", "http-404"),
        ("c-only", "http-404"),
        ("twice", "http-404"),
    ]


def test_a_page_whose_new_copy_is_refused_keeps_its_last_good_article(tmp_path):
    """A scraper overwrote a page with a login wall: the run records the refusal and keeps the
    article read before, with its claims; the page mended, the reject goes."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings
    from tests.test_fetch import ARTICLE

    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    box = tmp_path / "box"
    box.mkdir()
    page = box / "a.html"
    page.write_text(ARTICLE, "utf-8")
    run_inputs([str(box)], settings)
    kept = (
        "SELECT a.title, count(p.id) FROM pages g JOIN articles a ON a.id = g.article_id "
        "LEFT JOIN predictions p ON p.article_id = a.id GROUP BY a.title"
    )
    before = _rows(db, kept)
    assert before and before[0][1] > 0
    page.write_text("<html><body><p>请先登录</p></body></html>", "utf-8")
    assert run_inputs([str(box)], settings)["rejected"] == 1
    assert _rows(db, kept) == before
    assert _rows(db, "SELECT regexp_extract(source, '[^/]+$') FROM rejects") == [("a.html",)]
    page.write_text(ARTICLE, "utf-8")
    run_inputs([str(box)], settings)
    assert _rows(db, kept) == before and _counts(db)["rejects"] == 0


def test_a_record_with_half_an_emoji_or_a_nul_is_written_with_the_others(tmp_path):
    """(input probe) A JavaScript scraper cut an author in the middle of an emoji ("老王\\ud83d"):
    Python reads the half, no UTF-8 store takes it, and the run failed whole, the other pages of
    its batch unwritten and nothing in rejects. The half and NULs are taken out; all is kept."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    text = "我一直觉得英伟达的护城河比很多人想的要深。我预计明年英伟达的数据中心收入还会继续增长。"
    box = tmp_path / "box"
    box.mkdir()
    records = [
        {"url": "https://example.com/1", "text": text},
        {
            "url": "https://example.com/2\ud83d",
            "text": text + "二",
            "title": "标题\udc00二",
            "author": "老王\ud83d",
            "site": "站\u0000点",
        },
    ]
    (box / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    db = tmp_path / "w.duckdb"
    counts = run_inputs([str(box)], load_settings().with_overrides(db=str(db), workers=1))
    assert counts["new"] == 2 and counts["rejected"] == 0
    assert _rows(db, "SELECT url, title, author, site FROM articles ORDER BY url") == [
        ("https://example.com/1", None, None, None),
        ("https://example.com/2", "标题二", "老王", "站点"),
    ]


def test_a_large_crawl_file_is_read_in_parts_and_remembered_once_all_are_written(tmp_path):
    """A WARC of many pages is a batch per part (side by side on the workers, each written when
    done): the run writes what reading it whole writes, and remembers the file only once its
    last part is written, so a run that stops midway leaves it to the next run, not half read."""
    from concurrent.futures import Future

    from pipeline.batch import analyze_to_spill
    from pipeline.ingest import analyze_and_write, plan, recorded_run, run_inputs, split_large
    from pipeline.settings import load_settings
    from pipeline.sources import discover
    from tests.test_sources import _container

    crawl = str(_container(tmp_path, "crawl.warc.gz"))  # 11 records: 8 pages, 3 images
    whole = load_settings().with_overrides(db=str(tmp_path / "whole.duckdb"), workers=2)
    parts = whole.with_overrides(db=str(tmp_path / "parts.duckdb"), batch_size=3)
    assert run_inputs([crawl], whole)["new"] == 8

    def submit(files, pages, known, spill_dir):
        future: Future = Future()
        if files[0].part.first == 3:  # the second of four parts
            future.set_exception(RuntimeError("worker died"))
        else:
            future.set_result(analyze_to_spill(files, pages, parts, known, None))
        return future

    with (
        pytest.raises(RuntimeError, match="worker died"),
        recorded_run(parts, [crawl], {}, False) as run,
    ):
        work = plan(split_large(run, discover([crawl]), parts, False), [], 3, 1)
        assert len(work) == 4
        analyze_and_write(run, work, submit, parts, False, 1, None)
    assert _rows(parts.db_path(), "SELECT count(*) FROM pages") == [(2,)]
    assert _rows(parts.db_path(), "SELECT * FROM seen_inputs") == []

    first = run_inputs([crawl], parts)
    assert (first["seen"], first["new"], first["unchanged"]) == (8, 6, 2)
    sql = "SELECT p.source, a.url FROM pages p JOIN articles a ON a.id = p.article_id"
    assert _rows(parts.db_path(), sql) == _rows(whole.db_path(), sql)
    remembered = "SELECT input, pages FROM seen_inputs"
    assert _rows(parts.db_path(), remembered) == [(crawl, 8)]
    again = run_inputs([crawl], parts)
    assert (again["skipped"], again["new"], again["seen"]) == (8, 0, 8)


def _sigint_disposition() -> bool:
    import signal

    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_worker_processes_leave_ctrl_c_to_the_run(prefect_harness):
    """A terminal's Ctrl-C reaches every process of the run: workers that died on it mid-batch
    left the run's exit waiting on a broken pool for minutes, with hundreds of lines of
    tracebacks. The run itself stops them; its workers ignore the signal."""
    from prefect import flow, task

    from flows.batch import analysis_runner

    @task
    def disposition() -> bool:
        return _sigint_disposition()

    @flow(task_runner=analysis_runner(2, None))
    def probe() -> list[bool]:
        return [f.result() for f in [disposition.submit() for _ in range(2)]]

    import signal

    # As from a terminal: a shell that started the tests in the background may have had Ctrl-C
    # ignored from the start, which the workers would inherit whatever the run does.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert probe() == [True, True]
        assert not _sigint_disposition()  # the run's own process still stops on Ctrl-C
    finally:
        signal.signal(signal.SIGINT, before)


def _slow_batch(started: str, done: str) -> None:
    """A batch that would take long: says it started, then would write done a minute later."""
    import os
    import time
    from pathlib import Path

    # Written aside, then renamed: the flow waits for the file to exist, and read between its
    # creation and its write it held nothing (a CI run failed on int(''))
    aside = Path(f"{started}.part")
    aside.write_text(str(os.getpid()))
    aside.rename(started)
    time.sleep(60)
    Path(done).write_text("finished")


def test_an_interrupted_run_ends_its_workers_instead_of_waiting_for_their_batches(
    prefect_harness, tmp_path
):
    """Ctrl-C during a run: the pool waited for the batches in flight, which are never written
    (the writer has stopped), for up to a batch's time (66 s measured with batches of 500
    pages). The workers are ended now: the batch running at the interrupt never finishes."""
    import os
    import time

    from prefect import flow, task

    from flows.batch import analysis_runner

    started, done = tmp_path / "started", tmp_path / "done"
    slow = task(_slow_batch)

    @flow
    def interrupted() -> None:
        with analysis_runner(2, None) as runner:
            runner.submit(slow, parameters={"started": str(started), "done": str(done)})
            while not started.exists():
                time.sleep(0.1)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert not done.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(int(started.read_text()), 0)  # the worker is gone, not left running


def test_a_file_named_in_bytes_that_are_not_utf8_is_read_and_named_readably(tmp_path):
    """A file named on a GBK system (or unpacked from an archive without a name encoding)
    crashed the whole run's write; its page is stored under a readable name, the other
    pages beside it too, and the next run skips it as unchanged."""
    import os

    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    inbox = tmp_path / "in"
    inbox.mkdir()
    page = "<html><head><title>英伟达的护城河</title></head><body><p>{}</p></body></html>"
    body = "英伟达的护城河在于CUDA生态，短期内难以被撼动，我继续看好它的长期表现。" * 3
    (inbox / "good.html").write_text(page.format(body), "utf-8")
    with open(os.path.join(os.fsencode(inbox), b"\xff\xfe" + "报告.html".encode("gbk")), "wb") as f:
        f.write(page.format(body.replace("看好", "相信")).encode("utf-8"))
    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    first = run_inputs([str(inbox)], settings)
    assert (first["new"], first["rejected"]) == (2, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        sources = sorted(r[0] for r in con.execute("SELECT source FROM pages").fetchall())
    assert sources[0].endswith("/in/\\xff\\xfe\\xb1\\xa8\\xb8\\xe6.html")
    again = run_inputs([str(inbox)], settings)
    assert (again["new"], again["skipped"]) == (0, 2)


def test_a_fifo_and_a_dead_jsonl_link_in_a_folder_are_rejects_not_a_hang_or_a_crash(tmp_path):
    """The FIFO was opened to hash it, which blocks for ever; the link was opened to look for a
    UTF-16 mark, which failed the whole run."""
    import os

    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    inbox = tmp_path / "in"
    inbox.mkdir()
    body = "英伟达的护城河在于CUDA生态，短期内难以被撼动，我继续看好它的长期表现。" * 3
    (inbox / "good.html").write_text(f"<html><body><p>{body}</p></body></html>", "utf-8")
    os.mkfifo(inbox / "pipe.html")
    (inbox / "dead.jsonl").symlink_to(tmp_path / "gone.jsonl")
    db = tmp_path / "w.duckdb"
    summary = run_inputs([str(inbox)], load_settings().with_overrides(db=str(db), workers=1))
    assert (summary["new"], summary["rejected"]) == (1, 2)
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = sorted(r for (r,) in con.execute("SELECT reason FROM rejects").fetchall())
    assert reasons == ["broken-link", "not-a-file"]


def test_rejects_of_inputs_since_deleted_or_mended_are_cleared_and_others_kept(tmp_path):
    """rejects lists what is refused now: a page deleted, a link and a URL list mended stayed
    listed for good (nothing reads them through again to clear them). What is still refused,
    and what another folder's run refused, stays."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    box, other = tmp_path / "in", tmp_path / "other"
    box.mkdir()
    other.mkdir()
    body = "英伟达的护城河在于CUDA生态，短期内难以被撼动，我继续看好它的长期表现。" * 3
    (box / "good.html").write_text(f"<html><body><p>{body}</p></body></html>", "utf-8")
    for folder in (box, other):
        (folder / "short.txt").write_text("太短。\n", "utf-8")
    (box / "still-short.txt").write_text("也太短。\n", "utf-8")
    (box / "empty.urls").write_text("# nothing yet\n", "utf-8")
    (box / "still-empty.urls").write_text("# nothing yet\n", "utf-8")
    (box / "link.html").symlink_to(tmp_path / "later.html")
    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    run_inputs([str(other)], settings)
    assert run_inputs([str(box)], settings)["rejected"] == 5

    (box / "short.txt").unlink()
    (box / "empty.urls").unlink()
    (tmp_path / "later.html").write_text(f"<html><body><p>{body}看多。</p></body></html>", "utf-8")
    run_inputs([str(box)], settings)
    with duckdb.connect(str(db), read_only=True) as con:
        rejects = con.execute("SELECT source, reason FROM rejects ORDER BY ALL").fetchall()
    assert [(s.removeprefix(str(tmp_path)), r) for s, r in rejects] == [
        ("/in/still-empty.urls", "empty-url-list"),
        ("/in/still-short.txt", "no-body"),
        ("/other/short.txt", "no-body"),
    ]


def test_rejects_of_files_a_walk_passes_over_or_cannot_see_are_kept(tmp_path):
    """A hidden folder and a README given as inputs of their own are passed over by a run over
    their parent, which knows nothing of them: their rejects stay (the first version of the
    clean-up took them for gone, found in review)."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    box = tmp_path / "in"
    (box / ".drafts").mkdir(parents=True)
    (box / ".drafts" / "short.txt").write_text("太短。\n", "utf-8")
    (box / "README.pdf").write_bytes(b"%PDF-1.4")
    body = "英伟达的护城河在于CUDA生态，短期内难以被撼动，我继续看好它的长期表现。" * 3
    (box / "good.html").write_text(f"<html><body><p>{body}</p></body></html>", "utf-8")
    settings = load_settings().with_overrides(db=str(tmp_path / "w.duckdb"), workers=1)
    run_inputs([str(box / ".drafts"), str(box / "README.pdf")], settings)
    run_inputs([str(box)], settings)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rejects = con.execute("SELECT source, reason FROM rejects ORDER BY ALL").fetchall()
    assert [(s.removeprefix(str(box)), r) for s, r in rejects] == [
        ("/.drafts/short.txt", "no-body"),
        ("/README.pdf", "unsupported-type"),
    ]


def _crawl(path, copies):
    """A WARC file of (url, title, WARC-Date) responses, each page's text its own."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, title, fetched in copies:
            text = (
                f"{title}：英伟达的数据中心需求依然旺盛，财报再次超出预期，明年出货量还会继续增长。"
            )
            page = f"<html><head><title>{title}</title></head><body><p>{text * 3}</p></body></html>"
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": fetched},
            )
            writer.write_record(record)


def test_copies_of_one_page_in_a_run_keep_the_newest_crawl_and_add_up(tmp_path):
    """Two crawls of a URL in one WARC file (the newer first) and a third in another file, read
    in a batch of its own: the newest crawl is the page, the other copies are counted as
    repeating it, and a database that was empty reports nothing unchanged."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    box = tmp_path / "box"
    box.mkdir()
    url = "https://example.com/p"
    _crawl(
        box / "a.warc",
        [(url, "新版", "2025-03-05T00:00:00Z"), (url, "旧版", "2025-03-01T00:00:00Z")],
    )
    _crawl(box / "b.warc", [(url, "中版", "2025-03-03T00:00:00Z")])
    db = tmp_path / "w.duckdb"
    summary = run_inputs([str(box)], load_settings().with_overrides(db=str(db), workers=2))
    counts = ("seen", "articles", "new", "updated", "unchanged", "repeated", "rejected", "skipped")
    assert [summary[c] for c in counts] == [3, 3, 1, 0, 0, 2, 0, 0]
    assert _rows(db, f"SELECT {', '.join(counts)} FROM runs") == [(3, 3, 1, 0, 0, 2, 0, 0)]
    stored = "SELECT p.page_key, a.title FROM pages p JOIN articles a ON a.id = p.article_id"
    assert _rows(db, stored) == [(url, "新版")]
    assert _counts(db)["articles"] == 1


def test_an_older_crawl_read_in_a_later_run_does_not_turn_the_page_back(tmp_path):
    """A backfill of an archive read after a newer crawl: the stored newer copy stays and the
    older one counts as repeating it; a crawl newer still replaces it (review)."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    url = "https://example.com/p"
    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=2)
    stored = "SELECT p.page_key, a.title FROM pages p JOIN articles a ON a.id = p.article_id"
    counts = ("seen", "articles", "new", "updated", "unchanged", "repeated")
    for name, title, at, expected in (
        ("new.warc", "新版", "2025-03-05T00:00:00Z", [1, 1, 1, 0, 0, 0]),
        ("old.warc", "旧版", "2025-03-01T00:00:00Z", [1, 1, 0, 0, 0, 1]),
        ("newer.warc", "更新版", "2025-03-09T00:00:00Z", [1, 1, 0, 1, 0, 0]),
    ):
        _crawl(tmp_path / name, [(url, title, at)])
        summary = run_inputs([str(tmp_path / name)], settings)
        assert [summary[c] for c in counts] == expected, name
    assert _rows(db, stored) == [(url, "更新版")]
    assert _counts(db)["articles"] == 1


def test_a_url_listed_twice_or_with_a_fragment_is_fetched_once_as_one_page(tmp_path):
    """The server never sees a #fragment: the same URL three times in one list, once more with
    a fragment and again in a second list is one request and one page, and a first run into an
    empty database reports it new, nothing unchanged."""
    from http.server import BaseHTTPRequestHandler

    from benchmarks.faults import http_server
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings
    from tests.test_fetch import ARTICLE

    hits: list[str] = []

    class Counting(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.end_headers()
            self.wfile.write(ARTICLE.encode("gbk"))

        def log_message(self, *args: object) -> None:
            pass

    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=2, fetch_host_interval_ms=0)
    with http_server(Counting) as server:
        url = f"{server}/a"
        (tmp_path / "one.urls").write_text(f"{url}\n{url}\n{url}#comments\n{url}\n", "utf-8")
        (tmp_path / "two.urls").write_text(f"{url}#top\n", "utf-8")
        summary = run_inputs([str(tmp_path / "one.urls"), str(tmp_path / "two.urls")], settings)
    assert hits == ["/a"]
    counts = ("seen", "articles", "new", "updated", "unchanged", "repeated")
    assert [summary[c] for c in counts] == [1, 1, 1, 0, 0, 0]
    assert _rows(db, "SELECT page_key FROM pages") == [(url,)]


def test_a_copy_takes_over_the_article_of_a_page_whose_file_is_deleted(tmp_path):
    """The original deleted, its unchanged repost was skipped run after run: the article kept
    the deleted page's byline, site and date for good (the README promised the copy takes it
    over). The run that sees it gone reads the copy again, and it takes the article over; the
    next run changes nothing."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    body = (
        "有人说国产大模型已经追平了，我看未必。\n\n推理成本下降会刺激更多应用落地，整体算力需求只会更大。"
        "\n\n我认为英伟达的股价在明年六月前一定会再涨三成。\n\n欢迎留言讨论。\n"
    )
    box = tmp_path / "box"
    box.mkdir()
    for name, byline in (
        ("orig.txt", "作者：张三 2025-03-01 来源：甲站"),
        ("repost.txt", "作者：搬运工 2025-05-01 来源：乙站"),
    ):
        (box / name).write_text(
            f"首页 > 评论 > 正文\n\n算力需求只会更大\n\n{byline}\n\n{body}", "utf-8"
        )
    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)
    run_inputs([str(box)], settings, report=str(tmp_path / "r.html"))
    assert _rows(db, "SELECT author FROM articles") == [("张三",)]
    (box / "orig.txt").unlink()
    gone = run_inputs([str(box)], settings, report=str(tmp_path / "r.html"))
    assert (gone["seen"], gone["skipped"]) == (1, 0)
    assert _rows(db, "SELECT author, site, published FROM articles") == [
        ("搬运工", "乙站", date(2025, 5, 1))
    ]
    again = run_inputs([str(box)], settings, report=str(tmp_path / "r.html"))
    assert (again["new"], again["updated"], again["skipped"]) == (0, 0, 1)


@pytest.mark.parametrize("runner", ["run_inputs", "flow"])
def test_editing_the_original_hands_the_old_text_to_its_repost_in_the_same_run(
    runner, tmp_path, prefect_harness
):
    """The original edited, its unchanged repost still reads the old text: the run reads the
    repost again, which takes the old article over with its own byline and date, so the
    original author's claims are not counted twice (once on each text) until the next run."""
    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    body = (
        "有人说国产大模型已经追平了，我看未必。\n\n推理成本下降会刺激更多应用落地，整体算力需求"
        "只会更大。\n\n我认为英伟达的股价在明年六月前一定会再涨三成。\n\n欢迎留言讨论。\n"
    )
    box = tmp_path / "box"
    box.mkdir()

    def write(name: str, byline: str, text: str) -> None:
        (box / name).write_text(
            f"首页 > 评论 > 正文\n\n算力需求只会更大\n\n{byline}\n\n{text}", "utf-8"
        )

    write("orig.txt", "作者：张三 2025-03-01 来源：甲站", body)
    write("repost.txt", "作者：搬运工 2025-05-01 来源：乙站", body)
    db = tmp_path / "w.duckdb"
    settings = load_settings().with_overrides(db=str(db), workers=1)

    def run() -> dict:
        if runner == "flow":
            from flows.batch import batch_flow

            return batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"))
        return run_inputs([str(box)], settings, report=str(tmp_path / "r.html"))

    run()
    write("orig.txt", "作者：张三 2025-03-01 来源：甲站", body.replace("欢迎留言讨论", "欢迎转发"))
    edited = run()
    # two files, two pages written: the repost read again is not counted as skipped as well
    counts = ("seen", "articles", "updated", "skipped")
    assert [edited[c] for c in counts] == [2, 2, 2, 0]
    authors = (
        "SELECT a.author, count(p.id) FROM articles a JOIN predictions p ON p.article_id = a.id"
    )
    # each text once, under its own page's byline: the claims of the old text are the repost's
    [(first, mine), (second, theirs)] = _rows(db, authors + " GROUP BY a.author")
    assert (first, second) == ("张三", "搬运工") and mine == theirs > 0
    again = run()
    assert (again["new"], again["updated"], again["skipped"]) == (0, 0, 2)
