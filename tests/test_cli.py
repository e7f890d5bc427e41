"""Every command as a user types it (click's CliRunner), over a warehouse built without Prefect."""

import csv
import io
import json
import logging
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.batch import process_pages, read_inputs
from pipeline.cli import main
from pipeline.sources import discover
from pipeline.warehouse import connect
from pipeline.warehouse.load import write_results
from tests.conftest import SAMPLES

COMMANDS = [
    ["run"],
    ["serve"],
    ["analyze"],
    ["extract"],
    ["sql"],
    ["report"],
    ["setup"],
    ["eval"],
    ["predictions"],
    ["predictions", "due"],
    ["predictions", "list"],
    ["predictions", "resolve"],
    ["predictions", "scores"],
    ["export"],
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, settings):
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    results = process_pages(read_inputs(discover([SAMPLES]), settings), settings)
    con = connect(path)
    write_results(con, results, "test", settings.model)
    con.close()
    return path


@pytest.fixture
def db_copy(db, tmp_path):
    """A private copy for tests that record outcomes, so test order does not matter."""
    import shutil

    return shutil.copy(db, tmp_path / "copy.duckdb")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_top_level_help_lists_every_command():
    out = invoke("--help")
    assert out.exit_code == 0
    documented = {
        line.split()[0] for line in out.output.split("Commands:")[1].splitlines() if line.strip()
    }
    assert (
        documented
        == set(main.commands)
        >= {
            "run",
            "serve",
            "analyze",
            "extract",
            "sql",
            "report",
            "predictions",
            "eval",
            "export",
            "setup",
        }
    )


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(cmd):
    out = invoke(*cmd, "--help")
    assert out.exit_code == 0, out.output
    assert "Example" in out.output and "duokong" in out.output


def test_extract_jsonl_has_no_analysis(tmp_path):
    page = next((SAMPLES / "wechat").glob("*.html"))
    out = invoke("extract", page, "--format", "jsonl")
    obj = json.loads(out.output)
    assert obj["error"] is None and obj["title"] and obj["body"]
    assert "stances" not in obj and "predictions" not in obj


def test_analyze_bad_page_yields_error_object_in_input_order(tmp_path):
    (tmp_path / "a.html").write_bytes(b"")
    page = next((SAMPLES / "news").glob("*.html"))
    out = invoke("analyze", tmp_path / "a.html", page, "--format", "jsonl")
    assert out.exit_code == 0
    lines = out.output.splitlines()
    first, second = (json.loads(line) for line in lines[:2])
    assert first["error"] and "no content" in first["error"] and first["stances"] is None
    assert second["error"] is None and len(second["stances"]) == 2
    assert lines[2] == "error: 1 of 2 page(s) refused"


def test_every_page_refused_is_a_failure_for_scripts(tmp_path):
    """An empty or binary page alone exited 0, as if all was well (input-format probe)."""
    (tmp_path / "a.html").write_bytes(b"")
    (tmp_path / "b.html").write_bytes(bytes(range(256)) * 40)
    out = invoke("extract", tmp_path / "a.html", tmp_path / "b.html", "--format", "text")
    assert out.exit_code == 1
    assert (
        "ERROR: " in out.output and out.output.splitlines()[-1] == "error: 2 of 2 page(s) refused"
    )


def test_missing_input_is_a_record_and_the_other_paths_are_still_read(tmp_path):
    page = next((SAMPLES / "news").glob("*.html"))
    out = invoke("analyze", tmp_path / "nope.html", page, "--format", "jsonl")
    assert out.exit_code == 1
    lines = out.output.splitlines()
    missing, found = (json.loads(line) for line in lines[:2])
    assert "does not exist" in missing["error"] and missing["stances"] is None
    assert found["error"] is None and len(found["stances"]) == 2
    assert "not found" in lines[-1] and "nope.html" in lines[-1]


def test_sql_groups_stances(db):
    out = invoke(
        "sql",
        "select target, label, count(*) as n from stances group by all order by all",
        "--db",
        db,
        "--format",
        "json",
    )
    rows = json.loads(out.output)
    assert {r["target"] for r in rows} == {"nvidia", "deepseek"}
    assert {r["label"] for r in rows} <= {"bullish", "bearish", "neutral", "none"}


def test_sql_csv_pipes_cleanly(db):
    out = invoke(
        "sql", "select title from articles order by title limit 3", "--db", db, "--format", "csv"
    )
    lines = out.output.splitlines()
    assert lines[0] == "title" and len(lines) == 4
    # lines end in \n, as DuckDB's CSV: [ "$(duokong sql … | tail -1)" = x ] failed on \r\n
    import subprocess
    import sys

    command = [sys.executable, "-m", "pipeline.cli", "sql", "select 42 as a", "--db", str(db)]
    piped = subprocess.run([*command, "--format", "csv"], capture_output=True, check=True)
    assert piped.stdout == b"a\n42\n"


def test_sql_refuses_writes(db):
    out = invoke("sql", "delete from articles", "--db", db)
    assert out.exit_code != 0 and "read-only" in out.output


def test_sql_refuses_several_statements_instead_of_showing_the_last(db):
    out = invoke("sql", "select count(*) from articles; select 42 as answer", "--db", db)
    assert out.exit_code != 0 and "one statement" in out.output and "42" not in out.output
    trailing = invoke("sql", "select 42 as answer;", "--db", db, "--format", "csv")
    assert trailing.exit_code == 0 and trailing.output.split() == ["answer", "42"]


def test_sql_without_database_says_what_to_do(tmp_path):
    out = invoke("sql", "select 1", "--db", tmp_path / "none.duckdb")
    assert out.exit_code != 0 and "duokong run" in out.output


def test_report_writes_self_contained_html(db, tmp_path):
    out = invoke("report", "--db", db, "--out", tmp_path / "r.html")
    assert out.exit_code == 0, out.output
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "<svg" in html and "nvidia" in html and "deepseek" in html
    assert "<script" not in html and "http://" not in html.split("<body>")[0]


def test_report_markdown_for_one_target(db, tmp_path):
    out = invoke(
        "report",
        "--db",
        db,
        "--out",
        tmp_path / "r.md",
        "--format",
        "markdown",
        "--target",
        "nvidia",
        "--freq",
        "month",
    )
    text = (tmp_path / "r.md").read_text("utf-8")
    assert out.exit_code == 0 and "## NVIDIA" in text and "## DeepSeek" not in text


def test_predictions_due_list_and_resolve(db_copy):
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    assert listed and all(p["status"] in {"open", "due"} for p in listed)
    due = json.loads(
        invoke(
            "predictions", "due", "--db", db_copy, "--as-of", "2030-01-01", "--format", "json"
        ).output
    )
    assert due
    pid = due[0]["id"]
    out = invoke(
        "predictions",
        "resolve",
        pid,
        "--outcome",
        "wrong",
        "--note",
        "did not happen",
        "--db",
        db_copy,
    )
    assert out.exit_code == 0 and "wrong" in out.output
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    assert [p["status"] for p in listed if p["id"] == pid] == ["wrong"]


def test_the_ledger_shows_the_time_a_due_date_comes_from_and_whether_it_was_inherited(tmp_path):
    """A claim that took its time from another claim was listed with a due date and nothing to
    say that its author gave that time elsewhere (ledger probe)."""
    page = tmp_path / "pages" / "p.txt"
    page.parent.mkdir()
    page.write_text(
        "英伟达的护城河\n发布时间：2025-03-01\n作者：老周\n"
        "我认为英伟达的护城河会继续加深。\n英伟达下个季度的营收会再创新高。\n"
        "这件事一年以内就会见分晓。\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    assert invoke("run", page.parent, "--db", db, "--report", tmp_path / "r.html").exit_code == 0
    query = (
        "select id, horizon, horizon_source from predictions "
        "where due is not null order by horizon_source"
    )
    rows = json.loads(invoke("sql", query, "--db", db, "--format", "json").output)
    assert {r["horizon_source"] for r in rows} == {"stated", "inherited"}
    for command in (["list"], ["due", "--as-of", "2030-01-01"]):
        # for further work: the whole id, which joins the table, and the source in a column
        out = invoke("predictions", *command, "--db", db, "--format", "json").output
        given = {p["id"]: (p["horizon"], p["horizon_source"]) for p in json.loads(out)}
        listed = [r for r in rows if r["id"] in given]
        assert {r["horizon_source"] for r in listed} == {"stated", "inherited"}
        assert all(given[r["id"]] == (r["horizon"], r["horizon_source"]) for r in listed)
        # for reading: the id resolve takes, and the horizon marked
        out = invoke("predictions", *command, "--db", db, "--format", "markdown").output
        for r in listed:
            suffix = " (inherited)" if r["horizon_source"] == "inherited" else ""
            assert f"| {r['id'][:12]} | " in out and f"| {r['horizon']}{suffix} |" in out


def test_a_target_is_named_as_users_write_it_or_refused_clearly(db, tmp_path):
    by_name = invoke("predictions", "list", "--target", "輝達", "--db", db, "--format", "json")
    assert by_name.exit_code == 0
    assert {p["target"] for p in json.loads(by_name.output)} == {"nvidia"}
    out = invoke("report", "--db", db, "--target", "tesla", "--out", tmp_path / "r.md")
    assert out.exit_code != 0 and "unknown target 'tesla'" in out.output
    assert "nvidia" in out.output and not (tmp_path / "r.md").exists()


def test_resolve_unknown_id_fails_clearly(db_copy):
    out = invoke("predictions", "resolve", "zzzzzz", "--outcome", "void", "--db", db_copy)
    assert out.exit_code != 0 and "no prediction has an id starting with 'zzzzzz'" in out.output


def test_resolve_refuses_an_id_too_short_to_be_sure_of(db_copy):
    """One character that happens to match a single claim must not record a verdict on it."""
    [first] = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)[
        :1
    ]
    out = invoke("predictions", "resolve", first["id"][:3], "--outcome", "void", "--db", db_copy)
    assert out.exit_code != 0 and "too short" in out.output
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    assert all(p["status"] != "void" for p in listed)


def test_resolve_with_a_mistyped_database_creates_nothing(tmp_path):
    missing = tmp_path / "nope.duckdb"
    out = invoke("predictions", "resolve", "abc", "--outcome", "void", "--db", missing)
    assert out.exit_code != 0 and "does not exist" in out.output and not missing.exists()


def test_resolving_again_needs_replace_and_keeps_the_old_outcome(db_copy):
    pid = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)[0][
        "id"
    ]
    first = invoke(
        "predictions", "resolve", pid.upper(), "--outcome", "correct", "--note", "shipped",
        "--evidence", "https://example.com/a", "--db", db_copy,
    )  # fmt: skip
    again = invoke("predictions", "resolve", pid, "--outcome", "wrong", "--db", db_copy)
    assert first.exit_code == 0 and again.exit_code != 0 and "--replace" in again.output
    replaced = invoke(
        "predictions", "resolve", pid, "--outcome", "wrong", "--replace", "--db", db_copy
    )
    assert replaced.exit_code == 0 and "(was correct)" in replaced.output
    verdict = duckdb.connect(str(db_copy), read_only=True)
    changed = verdict.execute(
        "SELECT outcome, note, evidence FROM prediction_outcomes WHERE starts_with(prediction_id, ?)",
        [pid],
    ).fetchall()
    verdict.close()
    assert changed == [("wrong", None, None)]  # the reasons for "correct" do not carry over
    for extra in (["--note", "missed"], ["--evidence", "https://example.com/b"]):
        invoke(
            "predictions",
            "resolve",
            pid,
            "--outcome",
            "wrong",
            "--replace",
            *extra,
            "--db",
            db_copy,
        )
    con = duckdb.connect(str(db_copy), read_only=True)
    now = con.execute(
        "SELECT outcome, note, evidence FROM prediction_outcomes WHERE starts_with(prediction_id, ?)",
        [pid],
    ).fetchall()
    history = con.execute(
        "SELECT outcome, note FROM prediction_outcome_history WHERE starts_with(prediction_id, ?) "
        "ORDER BY replaced_at",
        [pid],
    ).fetchall()
    con.close()
    assert now == [("wrong", "missed", "https://example.com/b")]  # the same verdict's do
    assert history == [("correct", "shipped"), ("wrong", None), ("wrong", "missed")]


def test_report_to_standard_output_says_how_the_net_index_moved(db_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    # the sections of the HTML report, before anything is resolved too (catalogue probe)
    assert "## Resolved predictions\n\nNo prediction has been resolved yet." in before
    assert "## How this was made" in before
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    listed = sorted(listed, key=lambda p: p["target"] != "nvidia")  # one of NVIDIA's first
    for p, outcome in zip(listed[:3], ["correct", "wrong", "void"], strict=True):
        invoke("predictions", "resolve", p["id"], "--outcome", outcome, "--db", db_copy)
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown")
    assert out.exit_code == 0 and out.output.startswith("#") and not (tmp_path / "-").exists()
    moves = [line for line in out.output.splitlines() if "net index" in line]
    assert moves and all(" by " in m and ("rose" in m or "fell" in m) for m in moves)
    assert "None/" not in out.output
    for section in ("## Sources and authors", "## Predictions due", "## Falling due later"):
        assert section in out.output  # the sections of the HTML report
    resolved = out.output.split("## Resolved predictions")[1]
    assert "wrong" in resolved and "void" in resolved
    assert "own claims only" in resolved  # why its hit rates differ from predictions scores
    assert "\n- NVIDIA: " in resolved  # the catalogue's label, as the trends are headed


def test_report_says_why_inputs_were_refused(db_copy, tmp_path):
    from pipeline.records import Reject
    from pipeline.warehouse.rejects import write_rejects

    con = connect(db_copy)
    write_rejects(
        con,
        [
            Reject.now("http://a.example/1", "fetch", "http-404", "gone"),
            Reject.now("http://a.example/2", "fetch", "http-404", "gone"),
            Reject.now("x.png", "read", "binary-file", "a picture"),
        ],
        "test",
    )
    con.close()
    markdown = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    assert "3 rejected inputs (2 http-404, 1 binary-file)" in markdown
    invoke("report", "--db", db_copy, "--out", tmp_path / "r.html")
    assert "2 http-404, 1 binary-file" in (tmp_path / "r.html").read_text("utf-8")


def test_report_says_what_its_counts_leave_out(db_copy, monkeypatch):
    """A reader compares the report with the ledger and with SQL: an undated article is in no
    week, a long list is cut, an edited page's old version stays for its resolved claim, and a
    date range does not narrow the ledger; the report says each, with the right numbers."""
    from pipeline import report

    due = json.loads(invoke("predictions", "due", "--db", db_copy, "--format", "json").output)
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    kept = listed[-1]
    resolved = invoke("predictions", "resolve", kept["id"], "--outcome", "wrong", "--db", db_copy)
    assert resolved.exit_code == 0, resolved.output
    con = connect(db_copy)
    [(undated,)] = con.execute(
        "SELECT a.id FROM articles a JOIN latest_stances s ON s.article_id = a.id "
        "WHERE s.target = 'nvidia' AND s.label = 'bullish' ORDER BY a.id LIMIT 1"
    ).fetchall()
    con.execute("UPDATE articles SET published = NULL WHERE id = ?", [undated])
    [(article,)] = con.execute(
        "SELECT article_id FROM predictions WHERE starts_with(id, ?)", [kept["id"]]
    ).fetchall()
    con.execute("DELETE FROM pages WHERE article_id = ?", [article])  # its page was edited
    [(articles,)] = con.execute("SELECT count(*) FROM articles").fetchall()
    con.close()
    monkeypatch.setitem(report.SHOWN, "predictions_due", 2)
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    nvidia = out.split("## NVIDIA")[1].split("## ")[0]
    assert "1 more article about NVIDIA has no publish date" in nvidia
    assert f"Showing 2 of {len(due)}, the earliest due" in out
    assert f"{articles - 1} articles (and 1 earlier version kept" in out
    assert "not read by it" not in out  # the kept version is no article the model skipped
    assert "The whole ledger" not in out
    con = connect(db_copy)
    con.execute("UPDATE articles SET published = NULL")  # every target's articles undated
    con.close()
    undated = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    assert "## NVIDIA" in undated and "## DeepSeek" in undated
    assert "more articles about DeepSeek have no publish date" in undated
    ranged = invoke(
        "report", "--db", db_copy, "--out", "-", "--format", "markdown", "--since", "2025-01-01"
    )
    assert "The whole ledger" in ranged.output and "no publish date" not in ranged.output


def test_report_csv_has_one_row_per_period_and_target(db, tmp_path):
    out = invoke(
        "report", "--db", db, "--out", tmp_path / "r.csv", "--format", "csv", "--freq", "month"
    )
    lines = (tmp_path / "r.csv").read_text("utf-8").splitlines()
    assert out.exit_code == 0 and lines[0] == "target,month,bullish,bearish,neutral,articles,net"
    assert {line.split(",")[0] for line in lines[1:]} == {"nvidia", "deepseek"}


def test_export_then_scores(db_copy, tmp_path):
    out = invoke("export", tmp_path / "x", "--db", db_copy, "--format", "csv")
    assert out.exit_code == 0 and (tmp_path / "x" / "articles.csv").is_file()
    assert "articles" in out.output
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    first = next(p for p in listed if p["speaker"] == "author")  # only the author's are scored
    invoke("predictions", "resolve", first["id"], "--outcome", "correct", "--db", db_copy)
    rows = json.loads(invoke("predictions", "scores", "--db", db_copy, "--format", "json").output)
    assert any(r["correct"] >= 1 and r["hit_rate"] is not None for r in rows)
    stated = {"certain": 0.95, "likely": 0.75, "possible": 0.55}[first["hedge"]]
    own = [r for r in rows if r["resolved"] == 1]
    assert first["speaker"] == "author" and all(r["reported_resolved"] == 0 for r in rows)
    # the Brier score whole (0.0625), not rounded to 0.062
    assert own and all(r["brier"] == pytest.approx((1 - stated) ** 2, abs=1e-9) for r in own)


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"title": "英伟达"}\n', "gold.jsonl:1 is not a gold record"),
        ("[1, 2, 3]\n", "gold.jsonl:1 is not a gold record"),
        ('\n{"title": "英伟达"\n', "gold.jsonl:2 is not valid JSON"),
        ("", "no gold records"),
    ],
)
def test_eval_on_a_file_that_is_no_gold_says_so(tmp_path, content, message):
    (tmp_path / "gold.jsonl").write_text(content, "utf-8")
    out = invoke("eval", "--model", "lexicon.v1", "--data", tmp_path / "gold.jsonl")
    assert out.exit_code != 0 and message in out.output and "Traceback" not in out.output


def test_eval_reads_the_folder_its_help_names_as_the_default(tmp_path):
    """--data data/labelled/samples-gold (a folder of sample gold files) is read as the default
    is, not as labelled stance data."""
    from pipeline.settings import load_settings

    folder = load_settings().path("samples").parent / "labelled" / "samples-gold"
    out = invoke("eval", "--model", "lexicon.v1", "--data", folder)
    assert out.exit_code == 0, out.output
    assert "predictions: precision" in out.output and "due date" in out.output


def test_sql_json_carries_every_duckdb_value(db):
    out = invoke(
        "sql",
        "select 0.5 as half, interval 90 minute as span, 'inf'::double as inf",
        "--db",
        db,
        "--format",
        "json",
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == [{"half": 0.5, "span": "1:30:00", "inf": None}]


def test_sql_table_truncates_wide_chinese_text(db):
    out = invoke("sql", "select title, body from articles limit 3", "--db", db)
    assert out.exit_code == 0 and "…" in out.output
    assert max(len(line) for line in out.output.splitlines()) <= 160


def test_sql_cannot_touch_files(db, tmp_path):
    out = invoke("sql", f"COPY (select 42) TO '{tmp_path / 'x.csv'}'", "--db", db)
    assert out.exit_code != 0 and not (tmp_path / "x.csv").exists()


def test_predictions_list_filters_by_site_and_author(db):
    rows = json.loads(invoke("predictions", "list", "--db", db, "--format", "json").output)
    site = next(r["site"] for r in rows if r["site"])
    by_site = json.loads(
        invoke("predictions", "list", "--db", db, "--site", site, "--format", "json").output
    )
    assert by_site and {r["site"] for r in by_site} == {site} and len(by_site) < len(rows)
    author = next(r["author"] for r in rows if r["author"])
    by_author = json.loads(
        invoke("predictions", "list", "--db", db, "--author", author, "--format", "json").output
    )
    assert by_author and {r["author"] for r in by_author} == {author}


def test_predictions_due_filters_by_target_site_and_author_as_list_does(db):
    """`due` took no --target, --site or --author, and its table showed no author, while
    `list` had both (ledger probe): a user checking one commentator's calls due had to write SQL."""

    def due(*extra):
        args = ("predictions", "due", "--db", db, "--as-of", "2030-01-01", "--format", "json")
        return json.loads(invoke(*args, *extra).output)

    rows = due()
    assert rows and all("author" in r for r in rows)
    site = next(r["site"] for r in rows if r["site"])
    by_site = due("--site", site)
    assert by_site and {r["site"] for r in by_site} == {site} and len(by_site) < len(rows)
    author = next(r["author"] for r in rows if r["author"])
    assert {r["author"] for r in due("--author", author)} == {author}
    by_target = due("--target", "英伟达")  # a name, as list takes it
    assert by_target and {r["target"] for r in by_target} == {"nvidia"}
    table = invoke("predictions", "due", "--db", db, "--as-of", "2030-01-01", "--author", "nobody")
    assert table.exit_code == 0
    assert "No prediction is due as of 2030-01-01 (none matches --author 'nobody'" in table.output
    assert "author" in invoke("predictions", "due", "--db", db, "--as-of", "2030-01-01").output


def test_analyze_reads_a_page_from_standard_input():
    page = next((SAMPLES / "news").glob("*.html")).read_bytes()
    out = CliRunner().invoke(main, ["analyze", "-", "--format", "jsonl"], input=page)
    [obj] = [json.loads(line) for line in out.output.splitlines()]
    assert out.exit_code == 0 and obj["source"] == "<stdin>" and obj["error"] is None
    assert obj["title"] and len(obj["stances"]) >= 2


@pytest.mark.parametrize("query", ["", ";", "  -- only a comment"])
def test_sql_without_a_statement_says_so(db, query):
    out = invoke("sql", query, "--db", db)
    assert out.exit_code == 1 and "no SQL statement" in out.output
    assert "Traceback" not in out.output


def test_report_to_a_folder_or_nowhere_is_one_line(db, tmp_path):
    folder = invoke("report", "--db", db, "--out", tmp_path)
    assert folder.exit_code == 1 and "is a folder" in folder.output
    blocked = tmp_path / "file"
    blocked.write_text("")
    nowhere = invoke("report", "--db", db, "--out", blocked / "r.html")
    assert nowhere.exit_code == 1 and "cannot create its folder" in nowhere.output


def test_a_report_over_the_database_itself_is_refused_and_the_database_kept(db_copy, tmp_path):
    """--out and --db mixed up replaced the whole warehouse with HTML, exit 0."""
    before = Path(db_copy).read_bytes()
    out = invoke("report", "--db", db_copy, "--out", db_copy)
    assert out.exit_code == 1 and "is the database itself" in out.output
    assert Path(db_copy).read_bytes() == before
    page = next((SAMPLES / "news").glob("*.html"))
    out = invoke("run", page, "--db", db_copy, "--report", db_copy)
    assert out.exit_code == 1 and "is the database itself" in out.output
    assert Path(db_copy).read_bytes() == before


def test_a_report_that_cannot_be_written_keeps_the_last_one_whole(db, tmp_path, monkeypatch):
    """Written in place, a report cut short by a full disk left a truncated file where the
    last whole one had been, and a traceback."""
    import errno

    from pipeline import report

    out = tmp_path / "r.html"
    out.write_text("<html>the last whole report</html>", "utf-8")

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report.os, "replace", full_disk)
    result = invoke("report", "--db", db, "--out", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot write the report" in result.output and "No space left" in result.output
    assert out.read_text("utf-8") == "<html>the last whole report</html>"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no half-written file beside it


def test_the_report_buckets_by_the_report_freq_setting_unless_told(db, monkeypatch):
    """--freq defaulted to week whatever report_freq said, so `duokong report` and a run's own
    report of the same database bucketed differently."""
    monkeypatch.setenv("DUOKONG_REPORT_FREQ", "month")
    assert invoke("report", "--db", db, "--out", "-", "--format", "csv").output.startswith(
        "target,month,"
    )
    weekly = invoke("report", "--db", db, "--out", "-", "--format", "csv", "--freq", "week")
    assert weekly.output.startswith("target,week,")


def test_relative_paths_in_variables_are_read_from_the_working_directory(db, tmp_path, monkeypatch):
    """DUOKONG_TARGETS_FILE=mycat.toml means the mycat.toml beside the user, as --db does; the
    checkout's own defaults (the bundled catalogue) are still read from the checkout."""
    from pipeline.settings import PROJECT_ROOT

    bundled = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    (tmp_path / "mycat.toml").write_text(
        bundled + '\n[[target]]\nid = "amd"\nnames = ["AMD", "超威"]\n', "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DUOKONG_TARGETS_FILE", "mycat.toml")
    monkeypatch.setenv("DUOKONG_REPORT", "my-report.html")
    out = invoke("report", "--db", db, "--target", "AMD")
    assert out.exit_code == 0, out.output
    assert out.output.strip() == str(tmp_path / "my-report.html")
    assert (tmp_path / "my-report.html").is_file()
    monkeypatch.delenv("DUOKONG_TARGETS_FILE")
    out = invoke("report", "--db", db, "--target", "AMD", "--out", "-")
    assert out.exit_code == 1 and "unknown target 'AMD'" in out.output
    assert str(PROJECT_ROOT / "data" / "lexicons" / "targets.toml") in out.output


def test_the_default_report_sits_beside_the_default_database(db, tmp_path, monkeypatch):
    """Two projects, each with ./data/duokong.duckdb: each report lands in its own reports/,
    not in one file of the checkout that the second run would overwrite."""
    import shutil

    for name in ("a", "b"):
        (tmp_path / name / "data").mkdir(parents=True)
        shutil.copy(db, tmp_path / name / "data" / "duokong.duckdb")
    for name in ("a", "b"):
        monkeypatch.chdir(tmp_path / name)
        out = invoke("report")
        assert out.exit_code == 0, out.output
        assert out.output.strip() == str(Path("reports", "stance-report.html"))
    for name in ("a", "b"):
        assert (tmp_path / name / "reports" / "stance-report.html").is_file()


def test_run_refuses_a_bad_report_path_and_model_before_it_starts(tmp_path, monkeypatch):
    page = next((SAMPLES / "news").glob("*.html"))
    db = tmp_path / "w.duckdb"
    out = invoke("run", page, "--db", db, "--report", tmp_path)
    assert out.exit_code == 1 and "is a folder" in out.output and not db.exists()
    monkeypatch.setenv("DUOKONG_MODEL", "nosuch.v9")
    out = invoke("run", page, "--db", db)
    assert out.exit_code == 1 and "unknown stance model 'nosuch.v9'" in out.output
    assert out.output.count("\n") == 1 and not db.exists()


def test_a_database_that_is_a_folder_or_not_duckdb_is_named_as_such(tmp_path):
    junk = tmp_path / "notes.duckdb"
    junk.write_text("not a database")
    for args, says in (
        (("sql", "select 1", "--db", tmp_path), "is a folder"),
        (
            ("run", SAMPLES / "news", "--db", tmp_path, "--report", tmp_path / "r" / "x.html"),
            "is a folder",
        ),
        (("sql", "select 1", "--db", junk), "is not a DuckDB database"),
        (("predictions", "resolve", "abc", "--outcome", "void", "--db", junk), "is not a DuckDB"),
    ):
        out = invoke(*args)
        assert out.exit_code == 1 and says in out.output, args
    assert not (tmp_path.parent / f"{tmp_path.name}.lock").exists()
    assert not (tmp_path / "r").exists()  # a refused run leaves no report folder either


def test_a_scrapers_json_record_piped_in_is_read_as_its_record(tmp_path):
    page = next((SAMPLES / "news").glob("*.html")).read_text("utf-8", errors="replace")
    record = json.dumps({"url": "https://example.com/a", "html": page}, ensure_ascii=False)
    out = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=record)
    obj = json.loads(out.output)
    assert obj["url"] == "https://example.com/a" and '"html"' not in obj["body"]
    assert "\\n" not in obj["body"]  # no escapes of the JSON left in the text


def test_json_output_is_a_list_unless_one_page_file_is_named(tmp_path):
    """A folder holding one page printed a bare object, a folder of two a list: a script could
    not rely on the shape. One page file named alone prints its object, as the README shows."""
    (tmp_path / "in").mkdir()
    page = "<html><body><p>{}</p></body></html>".format(
        "英伟达的护城河在于CUDA生态，短期内难以被撼动。" * 4
    )
    (tmp_path / "in" / "a.html").write_text(page, "utf-8")
    runner = CliRunner()
    folder = runner.invoke(main, ["extract", str(tmp_path / "in"), "--format", "json"])
    one = runner.invoke(main, ["extract", str(tmp_path / "in" / "a.html"), "--format", "json"])
    assert folder.exit_code == one.exit_code == 0
    assert isinstance(json.loads(folder.output), list) and len(json.loads(folder.output)) == 1
    assert isinstance(json.loads(one.output), dict)


@pytest.mark.parametrize(
    "claim_model, said, encoder",
    [
        ("claims.v3", "claims.v3", True),
        ("claims.v2", "claims.v2", False),
        ("", "every claim", False),
    ],
)
def test_setup_names_the_prediction_filter_and_checks_the_encoder_it_needs(
    claim_model, said, encoder
):
    """With linear.v1, only claims.v3 needs the sentence encoder: setup loads and tries it then,
    so a broken install shows before the first run."""
    out = CliRunner().invoke(
        main, ["setup"], env={"DUOKONG_MODEL": "linear.v1", "DUOKONG_CLAIM_MODEL": claim_model}
    )
    assert out.exit_code == 0, out.output
    assert f"predictions: {said}" in out.output
    assert ("encoder:" in out.output) == encoder


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--batch-size", "0"], "batch_size must be at least 1, got 0"),
        (["--workers", "-1"], "workers must be 0 (one per core) or more, got -1"),
    ],
)
def test_run_refuses_a_bad_batch_size_or_worker_count_in_one_line(tmp_path, option, message):
    """Checked inside the flow, these printed a Prefect error block with a traceback before
    the message; refused before the flow starts, the message is all there is."""
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "w.duckdb"), *option])
    assert result.exit_code != 0
    assert result.output.strip() == f"Error: {message}"
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize(
    "args", [["analyze", ""], ["extract", "", "x.html"], ["run", "--db", "w.duckdb", ""]]
)
def test_an_empty_path_is_refused_not_read_as_the_working_directory(tmp_path, monkeypatch, args):
    """duokong analyze "$F" with F unset read the working directory: in a checkout, every file
    of the tree and its .venv, for many minutes. It is refused before anything is read."""
    (tmp_path / "page.html").write_text("<html><body><p>英伟达会涨。</p></body></html>", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "a PATH is empty" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_a_long_note_is_cut_short_in_the_message_and_an_empty_id_is_too_short(db_copy):
    """The resolve-again error repeated the whole note (a pasted article of 100 KB filled the
    terminal), and an empty id was looked up rather than called too short."""
    pid = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)[0][
        "id"
    ]
    note = "英伟达" * 2000
    first = invoke(
        "predictions", "resolve", pid, "--outcome", "wrong", "--note", note, "--db", db_copy
    )
    again = invoke("predictions", "resolve", pid, "--outcome", "correct", "--db", db_copy)
    assert first.exit_code == 0 and again.exit_code != 0
    assert "--replace" in again.output and len(again.output) < 400 and "…);" in again.output
    empty = invoke("predictions", "resolve", "", "--outcome", "void", "--db", db_copy)
    assert empty.exit_code != 0 and "too short" in empty.output


def test_sql_json_keeps_columns_of_one_name_and_csv_writes_lists_as_json(db):
    """A self-join's two label columns came out as one JSON key holding the second's value;
    CSV wrote a list as Python's ['a', 'b']."""
    out = invoke("sql", "select 1 as a, 2 as a, 3 as a_2", "--db", db, "--format", "json")
    assert json.loads(out.output) == [{"a": 1, "a_3": 2, "a_2": 3}]
    out = invoke(
        "sql", "select ['英伟达', 'x'] as l, 'nan'::double as n", "--db", db, "--format", "csv"
    )
    rows = list(csv.reader(io.StringIO(out.output)))
    assert rows == [["l", "n"], ['["英伟达", "x"]', "nan"]]


def test_sql_writes_results_larger_than_a_batch_whole_in_every_format(db):
    """CSV, JSON and Markdown are written batch by batch (the whole result held in memory took
    2.1 GB for 20 million rows): the text is what one write of every row gives."""
    query = "select i, [i, 2] as l, {'a': 'x|' || i} as s from range(12001) t(i) order by i"
    rows = [{"i": i, "l": [i, 2], "s": {"a": f"x|{i}"}} for i in range(12001)]
    out = invoke("sql", query, "--db", db, "--format", "json")
    assert out.exit_code == 0 and out.output == json.dumps(rows, indent=2) + "\n"
    out = invoke("sql", query, "--db", db, "--format", "csv")
    lines = list(csv.reader(io.StringIO(out.output)))
    assert len(lines) == 12002 and lines[-1] == ["12000", "[12000, 2]", '{"a": "x|12000"}']
    out = invoke("sql", query, "--db", db, "--format", "markdown")
    lines = out.output.splitlines()
    assert len(lines) == 12003 and lines[-1].startswith("| 12000 | ")
    empty = invoke("sql", "select 1 as a where false", "--db", db, "--format", "json")
    assert empty.output == "[]\n"


def test_sql_error_after_the_first_rows_is_one_line(db):
    query = "select case when i = 9000 then error('boom') else i end as x from range(10000) t(i)"
    out = invoke("sql", query, "--db", db, "--format", "csv")
    assert out.exit_code == 1 and "query failed" in out.output and "boom" in out.output
    assert "Traceback" not in out.output


def test_a_duckdb_file_duokong_did_not_make_is_named_as_such(tmp_path):
    """report, export and predictions failed on its first missing table with a traceback;
    duokong sql still reads any DuckDB file."""
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS a")
    for args in (
        ("report", "--db", foreign, "--out", tmp_path / "r.html"),
        ("export", tmp_path / "out", "--db", foreign),
        ("predictions", "list", "--db", foreign),
    ):
        out = invoke(*args)
        assert out.exit_code == 1 and "duokong did not make" in out.output, args
        assert "Traceback" not in out.output
    assert invoke("sql", "select a from t", "--db", foreign, "--format", "csv").output == "a\n1\n"


def test_no_command_writes_duokongs_tables_into_a_database_it_did_not_make(tmp_path):
    """predictions resolve (and run) wrote duokong's twenty tables and views into another
    project's DuckDB file, then said no prediction had that id."""
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS a")
    for args in (
        ("predictions", "resolve", "abcdef", "--outcome", "void", "--db", foreign),
        ("run", SAMPLES / "dumps" / "chashuijian-2025-06-05-r1-0528.txt", "--db", foreign),
    ):
        out = invoke(*args)
        assert out.exit_code == 1 and "duokong did not make" in out.output, args
        assert "nothing was written" in out.output
    with duckdb.connect(str(foreign), read_only=True) as con:
        assert con.execute("SHOW TABLES").fetchall() == [("t",)]


def test_a_damaged_database_is_called_damaged_not_busy(db, tmp_path):
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(Path(db).read_bytes()[:100_000])
    out = invoke("sql", "select 1", "--db", cut)
    assert out.exit_code == 1 and "looks damaged" in out.output
    assert "writing to it now" not in out.output


def test_export_quotes_a_users_table_names_and_says_where_it_cannot_write(db_copy, tmp_path):
    with duckdb.connect(str(db_copy)) as con:
        con.execute('CREATE TABLE "My Notes" AS SELECT 1 AS "my note"')
        con.execute("CREATE SCHEMA s2")
        con.execute("CREATE TABLE s2.extra AS SELECT 1 AS a")
    out = invoke("export", tmp_path / "out", "--db", db_copy, "--format", "csv")
    assert out.exit_code == 0, out.output
    assert (tmp_path / "out" / "My Notes.csv").read_text("utf-8") == "my note\n1\n"
    (tmp_path / "afile").write_text("x", "utf-8")
    out = invoke("export", tmp_path / "afile" / "sub", "--db", db_copy)
    assert out.exit_code == 1 and "cannot export into" in out.output
    assert "Traceback" not in out.output


def test_json_records_piped_in_print_a_list_however_many_there_are():
    """A list of two records printed a list and a list of one an object, where the same file
    given by name prints a list either way: a script's parsing depended on the count."""
    text = "英伟达的数据中心需求依然旺盛，我继续看好它的长期表现。" * 3
    for n in (1, 2):
        records = [{"url": f"http://x/{i}", "text": f"{i}：{text}"} for i in range(n)]
        out = CliRunner().invoke(
            main, ["extract", "-"], input=json.dumps(records, ensure_ascii=False)
        )
        assert out.exit_code == 0 and isinstance(json.loads(out.output), list), n
    page = f"<html><body><p>{text}</p></body></html>"
    out = CliRunner().invoke(main, ["extract", "-"], input=page)
    assert json.loads(out.output)["source"] == "<stdin>"  # one page piped in: its object


def test_an_empty_path_is_an_error_not_the_default_or_the_working_directory(
    db, tmp_path, monkeypatch
):
    """--out "$UNSET" wrote the default report, export "" the working directory's thirteen
    files, DUOKONG_DB= said "database . is a folder" without naming the variable."""
    monkeypatch.chdir(tmp_path)
    out = invoke("report", "--db", db, "--out", "")
    assert out.exit_code == 2 and "--out is empty" in out.output
    out = invoke("export", "", "--db", db)
    assert out.exit_code == 2 and "OUT_DIR is empty" in out.output
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("DUOKONG_DB", "")
    out = invoke("sql", "select 1")
    assert out.exit_code == 1 and "DUOKONG_DB is set but empty" in out.output


def test_a_query_opening_with_an_sql_comment_is_the_query(db):
    """Copied from the README with its -- comment line, it failed with 'No such option'."""
    out = invoke("sql", "-- how many\nselect 42 as n", "--db", db, "--format", "csv")
    assert out.exit_code == 0 and out.output == "n\n42\n"
    typo = invoke("sql", "select 1", "--fromat", "json", "--db", db)  # still a mistyped option
    assert typo.exit_code == 2 and "Did you mean '--format'?" in typo.output


def test_the_report_says_how_many_open_predictions_name_no_time(db):
    """Half the samples' open predictions have no due date; 'Falling due later' listed the
    others and said nothing of them."""
    undated = invoke(
        "sql",
        "select count(*) from prediction_status where status = 'open' and due is null",
        "--db",
        db,
        "--format",
        "csv",
    ).output.split()[1]
    assert int(undated) > 0
    markdown = invoke("report", "--db", db, "--out", "-", "--format", "markdown").output
    assert f"{undated} more open predictions name no time" in markdown
    html = invoke("report", "--db", db, "--out", "-").output
    assert f"{undated} more open predictions name no time" in html


def test_an_impossible_day_a_filter_matching_nothing_and_a_negative_wait_say_so(db, tmp_path):
    """--as-of 2025-02-30 said it did not match the format '%Y-%m-%d' (it does); list --author
    nobody printed an empty table, and a leading space matched no one; --wait -5 was taken."""
    out = invoke("predictions", "due", "--as-of", "2025-02-30", "--db", db)
    assert out.exit_code == 2 and "no day of the calendar" in out.output
    out = invoke("predictions", "due", "--as-of", "2025/02/03", "--db", db)
    assert out.exit_code == 2 and "YYYY-MM-DD" in out.output
    out = invoke("predictions", "list", "--author", "nobody", "--db", db)
    assert out.exit_code == 0 and "No prediction matches --author 'nobody'" in out.output
    listed = json.loads(invoke("predictions", "list", "--db", db, "--format", "json").output)
    author = next(p["author"] for p in listed if p["author"])
    spaced = invoke(
        "predictions", "list", "--author", f" {author} ", "--db", db, "--format", "json"
    )
    assert {p["author"] for p in json.loads(spaced.output)} == {author}
    out = invoke("run", SAMPLES / "news", "--db", tmp_path / "w.duckdb", "--wait", "-5")
    assert out.exit_code == 2 and "--wait" in out.output


def test_a_bad_cron_setting_is_named_where_it_was_set(monkeypatch, tmp_path):
    monkeypatch.setenv("DUOKONG_CRON", "bogus")
    out = invoke("serve", "--db", tmp_path / "w.duckdb")
    assert out.exit_code == 2 and "DUOKONG_CRON" in out.output and "--cron" not in out.output


def test_list_finds_a_name_in_either_script_and_case_and_the_names_scores_gives_missing_ones(
    db_copy,
):
    """--author 麦志强 did not find 麥志強, 阿ken not 阿Ken, and `(unknown author)`, as `scores`
    names a missing author, matched nothing."""
    con = duckdb.connect(str(db_copy))
    [(article,)] = con.execute(
        "SELECT article_id FROM predictions GROUP BY article_id ORDER BY article_id LIMIT 1"
    ).fetchall()
    con.execute("UPDATE articles SET author = '阿Ken麥志強' WHERE id = ?", [article])
    con.execute(
        "UPDATE articles SET author = NULL WHERE id = (SELECT article_id FROM predictions "
        "WHERE article_id <> ? GROUP BY article_id ORDER BY article_id LIMIT 1)",
        [article],
    )
    unknown = con.execute(
        "SELECT count(*) FROM predictions p JOIN articles a ON a.id = p.article_id "
        "WHERE a.author IS NULL"
    ).fetchone()[0]
    con.close()
    found = invoke(
        "predictions", "list", "--author", "阿ken麦志强", "--db", db_copy, "--format", "json"
    )
    assert {p["author"] for p in json.loads(found.output)} == {"阿Ken麥志強"}
    missing = invoke(
        "predictions", "list", "--author", "(unknown author)", "--db", db_copy, "--format", "json"
    )
    rows = json.loads(missing.output)
    # shown as `scores` shows it (it showed "" in list and due, and their rows joined no score)
    assert len(rows) == unknown > 0 and {p["author"] for p in rows} == {"(unknown author)"}
    pid = rows[0]["id"]
    assert (
        invoke("predictions", "resolve", pid, "--outcome", "wrong", "--db", db_copy).exit_code == 0
    )
    scores = json.loads(invoke("predictions", "scores", "--db", db_copy, "--format", "json").output)
    assert (rows[0]["site"], "(unknown author)") in {(r["site"], r["author"]) for r in scores}


def test_scores_as_data_leave_the_whole_sites_author_empty(db_copy):
    """The whole site's row said "(all authors)" in csv and json, where the view has NULL."""
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    pid = next(p["id"] for p in listed if p["author"])
    assert (
        invoke("predictions", "resolve", pid, "--outcome", "void", "--db", db_copy).exit_code == 0
    )
    rows = json.loads(invoke("predictions", "scores", "--db", db_copy, "--format", "json").output)
    assert None in {r["author"] for r in rows} and "(all authors)" not in {
        r["author"] for r in rows
    }
    table = invoke("predictions", "scores", "--db", db_copy).output
    assert "(all authors)" in table


def test_a_terminal_without_chinese_gets_question_marks_not_a_traceback(db):
    """PYTHONIOENCODING=latin-1 ended every command that printed Chinese in a
    UnicodeEncodeError."""
    import os
    import subprocess
    import sys

    duokong = Path(sys.executable).with_name("duokong")
    env = os.environ | {"PYTHONIOENCODING": "latin-1"}
    done = subprocess.run(
        [str(duokong), "sql", "select '英伟达' AS name", "--db", str(db), "--format", "csv"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("latin-1")
    assert done.stdout.decode("latin-1").splitlines() == ["name", "???"]


def test_the_reports_days_are_read_as_the_ledgers_are(db):
    """report --since 2025-02-30 said it did not match the format (it does), where --as-of
    names an impossible day as such."""
    out = invoke("report", "--db", db, "--out", "-", "--since", "2025-02-30")
    assert out.exit_code == 2 and "no day of the calendar" in out.output
    out = invoke(
        "report", "--db", db, "--out", "-", "--since", "2025-03-01", "--until", "2025-02-01"
    )
    assert out.exit_code == 1 and "--since 2025-03-01 is after --until 2025-02-01" in out.output


def test_markup_in_a_page_shows_as_text_in_the_markdown_report(db_copy):
    """A title or a quote holding <script> went into the Markdown report as markup (the HTML
    report escaped it)."""
    con = duckdb.connect(str(db_copy))
    con.execute("UPDATE articles SET title = '<script>alert(1)</script>' || coalesce(title, '')")
    con.execute("UPDATE predictions SET quote = quote || '<img src=x>'")
    con.close()
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown")
    assert out.exit_code == 0
    assert "<script>" not in out.output and "<img" not in out.output
    assert "&lt;script&gt;" in out.output and "&lt;img src=x&gt;" in out.output


def test_sql_csv_writes_a_blob_as_duckdb_does(db, tmp_path):
    """A BLOB came out as Python's b'\\xaa' repr, which no other program reads back."""
    query = r"select '\xAA\x00a\x5Cb\x22'::blob as b"
    out = invoke("sql", query, "--db", db, "--format", "csv")
    with duckdb.connect() as con:
        con.execute(f"COPY ({query}) TO '{tmp_path / 'ref.csv'}' (HEADER)")
    assert out.exit_code == 0
    assert list(csv.reader(io.StringIO(out.output))) == list(
        csv.reader(io.StringIO((tmp_path / "ref.csv").read_text("utf-8")))
    )


def test_an_undated_articles_evidence_is_listed_as_the_report_says(db_copy):
    """The report said undated articles were listed with the evidence; the newest dated ones
    took every place, so they never were (catalogue probe)."""
    con = connect(db_copy)
    [(article, title)] = con.execute(
        "SELECT a.id, a.title FROM articles a JOIN latest_stances s ON s.article_id = a.id "
        "WHERE s.target = 'nvidia' AND s.label = 'bullish' ORDER BY a.published LIMIT 1"
    ).fetchall()
    con.execute("UPDATE articles SET published = NULL WHERE id = ?", [article])
    con.close()
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    nvidia = out.split("## NVIDIA")[1].split("## ")[0]
    assert "has no publish date" in nvidia and title in nvidia


def test_the_report_says_how_many_articles_were_read_before_a_target_was_added(db_copy):
    """A run over a new folder reads it for a target just added; the articles stored before say
    nothing of it, and the trend showed a part as if it were all (catalogue probe)."""
    con = connect(db_copy)
    con.execute(
        "DELETE FROM stances WHERE target = 'deepseek' AND article_id IN "
        "(SELECT article_id FROM stances WHERE target = 'deepseek' ORDER BY article_id LIMIT 3)"
    )
    con.close()
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown").output
    deepseek = out.split("## DeepSeek")[1].split("## ")[0]
    assert "3 more articles were read before DeepSeek was in the catalogue" in deepseek
    assert "read before" not in out.split("## NVIDIA")[1].split("## ")[0]


def test_report_sections_are_headed_by_the_catalogues_labels(db_copy, tmp_path, monkeypatch):
    """Each section was headed by the target's id (nvidia), not what the catalogue calls it; a
    label changed in the catalogue heads the next report, and a target no longer there keeps
    its id."""
    from pipeline.settings import PROJECT_ROOT

    bundled = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    assert 'label = "NVIDIA"' in bundled
    (tmp_path / "mycat.toml").write_text(
        bundled.replace('label = "NVIDIA"', 'label = "英伟达 NVIDIA"').split(
            '\n[[target]]\nid = "deepseek"'
        )[0],
        "utf-8",
    )
    monkeypatch.setenv("DUOKONG_TARGETS_FILE", str(tmp_path / "mycat.toml"))
    out = invoke("report", "--db", db_copy, "--out", "-", "--format", "markdown")
    assert out.exit_code == 0, out.output
    assert "## 英伟达 NVIDIA\n" in out.output and "## deepseek\n" in out.output
    html = invoke("report", "--db", db_copy, "--out", "-").output
    assert "<h2>英伟达 NVIDIA</h2>" in html and "<h2>deepseek</h2>" in html


def test_a_nickname_byline_prints_no_jieba_lines(tmp_path):
    """A byline such as 老猫 sent the extractor to jieba before its log level was set: its DEBUG
    lines about building the dictionary reached the user's terminal (catalogue probe)."""
    import subprocess
    import sys

    page = tmp_path / "p.txt"
    page.write_text(
        "码农茶馆\n\n超威的新卡值得一试\n\n老猫 2026-01-10\n\n"
        "超威的新卡在推理上表现非常好，价格也便宜，我非常看好它的前景，推荐各位尝试。"
        "它的软件生态这两年补上了不少短板，开发者的迁移成本比以前低了很多。\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "jieba" not in done.stderr, done.stderr


def test_another_tools_schema_migrations_is_not_taken_for_duokongs(tmp_path):
    """A file with a schema_migrations of its own (Rails, dbmate) was "upgraded" by duokong sql:
    twenty-odd tables written into another tool's database (config probe)."""
    foreign = tmp_path / "app.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute(
            "CREATE TABLE schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)"
        )
        con.execute("INSERT INTO schema_migrations VALUES (1, 'create_users', now())")
        con.execute("CREATE TABLE users AS SELECT 7 AS id")
    out = invoke("sql", "select count(*) as n from users", "--db", foreign, "--format", "csv")
    assert out.exit_code == 0 and out.output == "n\n1\n"
    out = invoke("predictions", "list", "--db", foreign)
    assert out.exit_code == 1 and "duokong did not make" in out.output
    with duckdb.connect(str(foreign), read_only=True) as con:
        tables = {
            t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert tables == {"schema_migrations", "users"}


def test_a_database_a_newer_duokong_made_is_not_written(db_copy):
    with duckdb.connect(str(db_copy)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', now())")
    out = invoke("predictions", "resolve", "0000", "--outcome", "void", "--db", db_copy)
    assert out.exit_code == 1 and "newer duokong" in out.output, out.output


def test_the_report_is_not_written_over_another_database_or_a_lock(db, tmp_path):
    """report --db a --out b.duckdb replaced the warehouse b with HTML and said nothing; the
    run's lock file was taken too (config probe)."""
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS a")
    size = other.stat().st_size
    for out in (other, tmp_path / "w.duckdb.lock"):
        done = invoke("report", "--db", db, "--out", out)
        assert done.exit_code == 1 and "not a report" in done.output, done.output
    assert other.stat().st_size == size and not (tmp_path / "w.duckdb.lock").exists()


@pytest.mark.parametrize(
    "env, extra, says",
    [
        ({"DUOKONG_USERDICT": "nope.txt"}, (), "jieba dictionary"),
        ({"DUOKONG_MODELS_DIR": "nomodels"}, (), "has no model at"),
        # a backend there is but no model of it trained (reanalyze probe)
        (
            {"DUOKONG_MODELS_DIR": "nomodels", "DUOKONG_MODEL": "transformer.v1"},
            (),
            "no trained model",
        ),
        ({"DUOKONG_STANCE_CUES": "nope.toml"}, (), "nope.toml"),
        ({}, ("--dask", "not an address"), "is not a Dask scheduler address"),
        ({}, ("--dask", "tcp://127.0.0.1:9"), "no Dask scheduler answers"),
    ],
)
def test_run_refuses_a_setting_every_page_would_trip_on_before_it_starts(
    tmp_path, monkeypatch, env, extra, says
):
    """A missing dictionary, model or lexicon, or a Dask scheduler that is none, failed inside
    the flow: some 225 lines and three tracebacks, the database created and a failed run
    recorded (config probe)."""
    for key, value in env.items():
        monkeypatch.setenv(key, value if key == "DUOKONG_MODEL" else str(tmp_path / value))
    page = next((SAMPLES / "news").glob("*.html"))
    db = tmp_path / "w.duckdb"
    out = invoke("run", page, "--db", db, *extra)
    assert out.exit_code == 1 and says in out.output, out.output
    assert "Traceback" not in out.output and not db.exists()


def test_serve_refuses_a_database_file_every_run_would_refuse(tmp_path):
    junk = tmp_path / "notes.duckdb"
    junk.write_text("not a database")
    out = invoke("serve", "--db", junk, "--cron", "* * * * *", "--input", SAMPLES / "news")
    assert out.exit_code == 1 and "is not a DuckDB database" in out.output, out.output


def test_sql_markdown_gives_whole_values_and_a_table_says_it_cut_one(db):
    """Markdown, made for pasting, cut every value at 40 characters, and a table did so
    silently (analyst probe)."""
    long = "x" * 300
    md = invoke("sql", f"select '{long}' as v", "--db", db, "--format", "markdown")
    assert md.exit_code == 0 and f"| {long} |" in md.output
    table = CliRunner().invoke(main, ["sql", f"select '{long}' as v", "--db", str(db)])
    assert long not in table.stdout and "…" in table.stdout
    assert "cut" in table.stderr and "--format markdown, csv or json" in table.stderr
    short = CliRunner().invoke(main, ["sql", "select 'x' as v", "--db", str(db)])
    assert short.stderr == ""


def test_a_csv_file_given_as_the_database_is_named_for_what_it_is(tmp_path):
    """--db long.csv said the database looked damaged (or that duokong did not make it)."""
    csv_file = tmp_path / "long.csv"
    csv_file.write_text("a,b\n1,2\n" * 100, "utf-8")
    for args in (["sql", "select 1"], ["report", "--out", "-"], ["run", str(SAMPLES / "news")]):
        out = invoke(*args, "--db", str(csv_file))
        assert out.exit_code == 1 and "is not a DuckDB database (a .csv file)" in out.output
        assert "damaged" not in out.output
    assert csv_file.read_text("utf-8") == "a,b\n1,2\n" * 100


def test_a_report_of_a_range_without_articles_says_so_not_to_run_first(db):
    """A range with no article said "No stances in this range yet. Run duokong run first."
    over a full database; Markdown said nothing, nor which range it covers (analyst probe)."""
    html = invoke("report", "--db", db, "--since", "2030-01-01", "--out", "-").output
    assert "Run <code>duokong run</code> first" not in html
    assert "No article about a target in this range (since 2030-01-01); the database holds" in html
    md = invoke(
        "report", "--db", db, "--since", "2030-01-01", "--out", "-", "--format", "markdown"
    ).output
    assert "_per week · since 2030-01-01_" in md and "No article about a target in this range" in md
    runs = json.loads(
        invoke("sql", "select count(*) as n from runs", "--db", db, "--format", "json").output
    )[0]["n"]
    assert f" {runs} run{'' if runs == 1 else 's'}; " in md
    # (ledger probe) a target asked for with no article in the range: an empty table, no word
    for fmt in ("markdown", "html"):
        out = invoke(
            "report", "--db", db, "--since", "2030-01-01", "--target", "deepseek", "--out", "-",
            "--format", fmt,
        ).output  # fmt: skip
        assert "No dated article about DeepSeek in this range (since 2030-01-01)." in out
        assert "| week | bullish |" not in out and "weeks in a table" not in out


def test_a_run_with_another_model_says_the_views_now_read_it_and_what_it_has_not_read(
    db_copy, tmp_path, monkeypatch
):
    """A run over one page with another model made that model the one the views read, and the
    trend of every article stored before went empty without a word (analyst probe)."""
    one = tmp_path / "one"
    one.mkdir()
    page = sorted((SAMPLES / "news").glob("*.html"))[0]
    (one / page.name).write_bytes(page.read_bytes())
    monkeypatch.setenv("DUOKONG_MODEL", "lexicon.v1")
    out = CliRunner().invoke(
        main, ["run", str(one), "--db", str(db_copy), "--report", str(tmp_path / "r.html")]
    )
    assert out.exit_code == 0, out.output
    assert "the views and the report now read lexicon.v1, which has not read" in out.stderr
    assert "duokong reanalyze --missing --model lexicon.v1" in out.stderr


def test_a_run_with_a_catalogue_that_leaves_a_target_out_says_what_it_dropped(
    db_copy, tmp_path, monkeypatch, caplog
):
    """A user's catalogue replaces the shipped one: one listing only the targets added dropped
    every DeepSeek stance while the run said nothing (catalogue probe)."""
    from pipeline.settings import PROJECT_ROOT

    bundled = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    (tmp_path / "mycat.toml").write_text(bundled.split('\n[[target]]\nid = "deepseek"')[0], "utf-8")
    con = duckdb.connect(str(db_copy), read_only=True)
    [(held,)] = con.execute("SELECT count(*) FROM stances WHERE target = 'deepseek'").fetchall()
    con.close()
    assert held > 0
    monkeypatch.setenv("DUOKONG_TARGETS_FILE", str(tmp_path / "mycat.toml"))
    page = tmp_path / "pages" / "p.txt"
    page.parent.mkdir()
    page.write_text(
        "英伟达还能涨吗\n发布时间：2025-03-01\n我一直看好英伟达，订单排到了明年。\n", "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        out = invoke("run", page.parent, "--db", db_copy, "--report", tmp_path / "r.html")
    assert out.exit_code == 0, out.output
    said = caplog.text + out.output
    assert f"deepseek no longer in the catalogue {tmp_path / 'mycat.toml'}" in said
    assert f"{held} stances of deepseek dropped" in said and "duokong reanalyze" in said


def test_the_claims_of_a_removed_target_are_listed_by_its_id(db_copy):
    """A removed target's claims stay with its id (its stances go): `predictions list --target
    qwen` refused the id as unknown (catalogue probe)."""
    con = duckdb.connect(str(db_copy))
    [(claim,)] = con.execute(
        "UPDATE predictions SET target = 'qwen' WHERE id = (SELECT min(id) FROM predictions) "
        "RETURNING id"
    ).fetchall()
    con.close()
    out = invoke("predictions", "list", "--target", "qwen", "--db", db_copy, "--format", "csv")
    assert out.exit_code == 0, out.output
    assert [row["id"] for row in csv.DictReader(io.StringIO(out.output))] == [claim]


def test_resolve_on_a_past_day_records_that_day(db_copy):
    """(ledger probe) resolved_on was always the day the command ran: a ledger caught up on
    late dated every verdict that day. --on records the day the outcome became known; a day to
    come is refused."""
    listed = json.loads(invoke("predictions", "list", "--db", db_copy, "--format", "json").output)
    pid = listed[0]["id"]
    ahead = invoke(
        "predictions", "resolve", pid, "--outcome", "wrong", "--on", "2999-01-01", "--db", db_copy
    )
    assert ahead.exit_code != 0 and "still to come" in ahead.output
    done = invoke(
        "predictions", "resolve", pid, "--outcome", "wrong", "--on", "2025-09-01", "--db", db_copy
    )
    assert done.exit_code == 0, done.output
    con = duckdb.connect(str(db_copy), read_only=True)
    day = con.execute(
        "SELECT resolved_on FROM prediction_outcomes WHERE prediction_id = ?", [pid]
    ).fetchone()[0]
    con.close()
    assert str(day) == "2025-09-01"
