"""`duokong reanalyze`: the stored articles read again from their stored text, for a target
added to the catalogue or another model, when the inputs they came from are gone."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from pipeline.analyze import Analyzer
from pipeline.ingest import recorded_run
from pipeline.ledger import resolve
from pipeline.reanalyze import analyze_stored, reanalyze, reanalyze_warehouse
from pipeline.records import RawPage
from pipeline.settings import PROJECT_ROOT, Settings, load_settings
from pipeline.warehouse import connect
from pipeline.warehouse.load import write_results

AMD = """
[[target]]
id = "amd"
label = "AMD"
names = ["AMD", "超威半导体"]
people = ["苏姿丰"]
"""
PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{day}"></head><body><h1>{title}</h1>
<div class="entry-content">{paragraphs}</div></body></html>"""
ARTICLES = {
    "gone-amd.html": (
        "AMD的机会来了",
        "2025-03-01",
        [
            "我非常看好AMD，苏姿丰这几年把公司带得很好，MI300的订单供不应求。",
            "我认为AMD的股价今年年底前会创新高，英伟达的份额会被它蚕食一部分。",
            "这篇文章是我们为测试写的，段落足够长，才能算作一篇正文而不是页面的零碎。",
        ],
    ),
    "gone-nvidia.html": (
        "英伟达财报点评",
        "2025-04-01",
        [
            "英伟达的财报非常强劲，数据中心业务增长很快，需求只会更大。",
            "我认为英伟达明年股价还会上涨，算力的需求远没有到头。",
            "这篇文章是我们为测试写的，段落足够长，才能算作一篇正文而不是页面的零碎。",
        ],
    ),
}


def _settings(db: Path, **over) -> Settings:
    return load_settings().with_overrides(db=str(db), model="lexicon.v1", workers=1, **over)


def _with_amd(tmp_path: Path) -> str:
    catalogue = tmp_path / "targets.toml"
    base = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text(encoding="utf-8")
    catalogue.write_text(base + AMD, encoding="utf-8")
    return str(catalogue)


@pytest.fixture
def stored(tmp_path: Path, lexicon_analyzer: Analyzer) -> Path:
    """A warehouse of two articles read with the default catalogue, whose input files are gone
    (they never existed: the pages were handed to the writer)."""
    db = tmp_path / "stored.duckdb"
    results = []
    for name, (title, day, paragraphs) in ARTICLES.items():
        html = PAGE.format(
            title=title, day=day, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)
        )
        source = str(tmp_path / name)
        results.append(lexicon_analyzer.process(RawPage(source, html.encode(), "html")))
    assert all(r.ok for r in results)
    con = connect(db)
    write_results(con, results, "r0", "lexicon.v1")
    con.close()
    return db


def _table(db: Path, sql: str) -> list[tuple]:
    con = connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_target_added_is_read_in_articles_whose_inputs_are_gone(stored, tmp_path):
    before = _table(stored, "SELECT * FROM articles ORDER BY id")
    pages = _table(stored, "SELECT * FROM pages ORDER BY page_key")
    settings = _settings(stored, targets_file=_with_amd(tmp_path))

    done = reanalyze_warehouse(settings, missing=True, report=str(tmp_path / "r.html"))

    assert (done["seen"], done["updated"], done["unchanged"], done["rejected"]) == (2, 2, 0, 0)
    amd = dict(
        _table(
            stored,
            "SELECT a.title, s.label FROM stances s JOIN articles a ON a.id = s.article_id "
            "WHERE s.target = 'amd'",
        )
    )
    assert amd == {"AMD的机会来了": "bullish", "英伟达财报点评": "none"}
    # The text, the metadata and the pages are as they were extracted: only the analysis moved.
    assert _table(stored, "SELECT * FROM articles ORDER BY id") == before
    assert _table(stored, "SELECT * FROM pages ORDER BY page_key") == pages
    # AMD's claim is in the ledger now, due at the end of the article's year.
    assert ("amd", "up") in _table(stored, "SELECT target, direction FROM predictions")
    [run] = _table(
        stored, "SELECT status, inputs, updated FROM runs WHERE parameters LIKE '%missing%'"
    )
    assert run == ("completed", ["(articles stored in the warehouse)"], 2)


def test_an_article_read_by_a_page_of_another_source_is_read_again(stored, tmp_path):
    """(README walkthrough) A feed's item read again by its link's URL reads its article under
    another source: reanalyze --missing passed the article over, while the report sent the user
    back to it."""
    con = connect(stored)
    con.execute("UPDATE pages SET source = 'http://127.0.0.1:8000/amd' WHERE source LIKE '%amd%'")
    con.close()
    settings = _settings(stored, targets_file=_with_amd(tmp_path))

    done = reanalyze_warehouse(settings, missing=True, report=str(tmp_path / "r.html"))

    assert done["seen"] == 2
    assert ("amd", "up") in _table(stored, "SELECT target, direction FROM predictions")


def test_a_second_reanalysis_changes_nothing(stored, tmp_path):
    settings = _settings(stored, targets_file=_with_amd(tmp_path))
    reanalyze_warehouse(settings, report=str(tmp_path / "r.html"))
    tables = ["stances", "predictions"]
    before = {
        t: _table(stored, f"SELECT * EXCLUDE (created_at) FROM {t} ORDER BY ALL") for t in tables
    }

    again = reanalyze_warehouse(settings, report=str(tmp_path / "r.html"))
    missing = reanalyze_warehouse(settings, missing=True, report=str(tmp_path / "r.html"))

    assert (again["seen"], again["updated"], again["unchanged"]) == (2, 0, 2)
    assert missing["seen"] == 0  # every article has a stance on every target now
    assert {
        t: _table(stored, f"SELECT * EXCLUDE (created_at) FROM {t} ORDER BY ALL") for t in tables
    } == before


def test_a_resolved_claim_keeps_its_outcome(stored, tmp_path):
    con = connect(stored)
    [(pid,)] = con.execute(
        "SELECT id FROM predictions WHERE target = 'nvidia' AND quote LIKE '%明年股价%'"
    ).fetchall()
    resolve(con, pid, "correct", note="checked")
    con.close()

    reanalyze_warehouse(
        _settings(stored, targets_file=_with_amd(tmp_path)), report=str(tmp_path / "r.html")
    )

    assert _table(stored, "SELECT prediction_id, outcome FROM prediction_outcomes") == [
        (pid, "correct")
    ]


def test_another_model_reads_every_article_beside_the_old_one(stored, tmp_path):
    settings = _settings(stored).with_overrides(model="linear.v1")

    done = reanalyze_warehouse(settings, missing=True, report=str(tmp_path / "r.html"))

    assert done["seen"] == 2
    by_model = dict(_table(stored, "SELECT model, count(*) FROM stances GROUP BY model"))
    assert by_model == {"lexicon.v1": 4, "linear.v1": 4}
    assert _table(stored, "SELECT value FROM meta WHERE key = 'current_model'") == [("linear.v1",)]
    # back to the first model: nothing is missing, yet the views read it again (they stayed
    # on the model before, reanalyze probe)
    back = reanalyze_warehouse(_settings(stored), missing=True, report=str(tmp_path / "r.html"))
    assert back["seen"] == 0
    assert _table(stored, "SELECT value FROM meta WHERE key = 'current_model'") == [("lexicon.v1",)]


def test_a_reanalysis_stopped_midway_leaves_the_views_on_the_model_before(stored, tmp_path):
    """Stopped after its first batch, a re-analysis by another model made that model current:
    the views and the report read the few articles it had written (reanalyze probe)."""
    settings = _settings(stored, batch_size=1).with_overrides(model="linear.v1")
    calls = []

    def stops_second(articles):
        future: Future = Future()
        calls.append(articles)
        if len(calls) == 1:
            future.set_result(analyze_stored(articles, settings))
        else:
            future.set_exception(KeyboardInterrupt())
        return future

    with pytest.raises(KeyboardInterrupt), recorded_run(settings, ["stored"], {}, False) as run:
        ids = [i for (i,) in run.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        reanalyze(run, ids, stops_second, settings, 1)
    assert _table(
        stored, "SELECT count(DISTINCT article_id) FROM stances WHERE model = 'linear.v1'"
    ) == [(1,)]
    assert _table(stored, "SELECT value FROM meta WHERE key = 'current_model'") == [("lexicon.v1",)]
    assert _table(stored, "SELECT status FROM runs WHERE inputs = ['stored']") == [("interrupted",)]


def test_a_removed_target_goes_and_an_article_kept_for_its_outcome_is_left_alone(stored, tmp_path):
    """Only articles a page reads are analysed: an earlier version of an edited page, kept for
    its resolved claims, is a record of what was said then."""
    con = connect(stored)
    con.execute("DELETE FROM pages WHERE source LIKE '%gone-amd.html'")  # edited: no page reads it
    con.close()
    catalogue = tmp_path / "nvidia-only.toml"
    base = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text(encoding="utf-8")
    catalogue.write_text(base.split('[[target]]\nid = "deepseek"')[0], encoding="utf-8")

    done = reanalyze_warehouse(
        _settings(stored, targets_file=str(catalogue)), report=str(tmp_path / "r.html")
    )

    assert done["seen"] == 1
    assert _table(stored, "SELECT DISTINCT target FROM stances") == [("nvidia",)]


def test_an_article_that_trips_the_analysis_is_recorded_and_the_others_written(
    stored, tmp_path, monkeypatch
):
    settings = _settings(stored)
    real = Analyzer.analyze_article

    def trips(self, article):
        if "AMD" in (article.title or ""):
            raise ValueError("a bug")
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyze_article", trips)

    def in_thread(articles):  # the worker's work, here, so that the patch holds
        future: Future = Future()
        future.set_result(analyze_stored(articles, settings))
        return future

    with recorded_run(settings, ["stored"], {}, False) as run:
        con = run.con
        ids = [i for (i,) in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        con.execute("UPDATE stances SET label = 'bearish' WHERE target = 'nvidia'")
        counts = reanalyze(run, ids, in_thread, settings, 1)
        rejects = con.execute("SELECT stage, reason, detail FROM rejects").fetchall()
        labels = con.execute(
            "SELECT a.title, s.label FROM stances s JOIN articles a ON a.id = s.article_id "
            "WHERE s.target = 'nvidia' ORDER BY 1"
        ).fetchall()

    assert (counts.updated, counts.rejected) == (1, 1)
    [(stage, reason, detail)] = rejects
    assert (stage, reason) == ("analyze", "internal-error")
    assert "gone-amd.html" in detail and "ValueError: a bug" in detail
    # the other article was read again; the one that failed keeps what it had
    assert labels == [("AMD的机会来了", "bearish"), ("英伟达财报点评", "bullish")]


@pytest.mark.flow
def test_cli_reanalyze_runs_the_flow_and_prints_what_it_did(prefect_harness, stored, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    report = tmp_path / "again.html"
    args = ["reanalyze", "--db", str(stored), "--report", str(report), "--workers", "1"]

    out = CliRunner().invoke(main, [*args, "--model", "linear.v1", "--missing"])

    assert out.exit_code == 0, out.output
    assert "2 stored articles analysed again: 2 updated, 0 unchanged, 0 failed" in out.output
    assert f"database: {stored}" in out.output and report.is_file()
    assert _table(stored, "SELECT count(*) FROM stances WHERE model = 'linear.v1'") == [(4,)]

    refused = CliRunner().invoke(main, [*args, "--model", "linear.v9"])
    assert refused.exit_code != 0 and "linear.v9" in refused.output
    assert "Traceback" not in refused.output
    assert _table(stored, "SELECT count(*) FROM runs WHERE model = 'linear.v9'") == [(0,)]


def test_reanalyze_refuses_a_database_that_does_not_exist(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    db = tmp_path / "typo.duckdb"
    out = CliRunner().invoke(main, ["reanalyze", "--db", str(db)])

    assert out.exit_code != 0 and f"database {db} does not exist" in out.output
    assert not db.exists()


def test_a_run_after_a_reanalysis_under_another_catalogue_reads_its_inputs_again(tmp_path):
    """Probe: run with the shipped catalogue, reanalyze with AMD added, run again with the
    shipped one. The last run skipped every page as unchanged since the first (same version),
    so AMD's claims and the labels read beside AMD stayed, as if AMD were still followed."""
    from pipeline.ingest import run_inputs

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, (title, day, paragraphs) in ARTICLES.items():
        html = PAGE.format(
            title=title, day=day, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)
        )
        (inbox / name).write_text(html, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    shipped = _settings(db)
    report = str(tmp_path / "r.html")
    run_inputs([str(inbox)], shipped, report=report)
    first = _table(db, "SELECT target, direction FROM predictions ORDER BY ALL")

    reanalyze_warehouse(
        _settings(db, targets_file=_with_amd(tmp_path)), missing=True, report=report
    )
    assert ("amd", "up") in _table(db, "SELECT target, direction FROM predictions")

    again = run_inputs([str(inbox)], shipped, report=report)

    assert again["skipped"] == 0
    assert _table(db, "SELECT target, direction FROM predictions ORDER BY ALL") == first
    assert _table(db, "SELECT count(*) FROM stances WHERE target = 'amd'") == [(0,)]
    # and read under the shipped catalogue, the pages are remembered at its version again
    assert run_inputs([str(inbox)], shipped, report=report)["skipped"] == 2
