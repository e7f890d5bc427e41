"""Faults and bad input, the quick cases, without Prefect: every case of benchmarks/faults.py but
the slow and URL ones (that script runs them all through `duokong run` and prints the table),
incremental skipping, the run lock, a run SIGKILLed mid-write, a read-only database.

Decoding and reading details live in test_decode.py and test_sources.py; here each case goes the
whole way (read → decode → extract → analyse → write) and is judged by what the warehouse holds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from benchmarks.faults import build_cases, check_case, table_counts, write_case
from pipeline.batch import analyze_batch, input_keys
from pipeline.cli import main
from pipeline.incremental import pipeline_version
from pipeline.lock import RunLocked, lock_path, run_lock
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.sources import discover
from pipeline.warehouse import connect
from pipeline.warehouse.load import known_inputs, write_results
from pipeline.warehouse.runs import WriteCounts
from tests.conftest import SAMPLES

QUICK = build_cases(server=None, slow=False)


def plain_run(
    inputs: list[Path], db: Path, settings: Settings, full: bool = False, version: str = "v1"
) -> WriteCounts:
    """What the flow does, without Prefect: take the lock, skip what is unchanged, write once."""
    files = [i for i in discover(inputs) if i.kind != "urls"]
    with run_lock(db):
        con = connect(db)
        try:
            known = {} if full else known_inputs(con, input_keys(files, []), version)
            out = analyze_batch(files, [], settings, known)
            counts = write_results(con, out.results, "test", settings.model, out.seen, version)
            counts.skipped = out.skipped_pages
            return counts
        finally:
            con.close()


@pytest.fixture(scope="module")
def landed(tmp_path_factory, settings):
    """Every quick case in one inbox: a run, the new content, a rerun, another, one --full."""
    tmp = tmp_path_factory.mktemp("faults")
    inbox, db = tmp / "inbox", tmp / "w.duckdb"
    for case in QUICK:
        write_case(inbox, case)
    first = plain_run([inbox], db, settings)
    for case in QUICK:
        write_case(inbox, case, later=True)
    second = plain_run([inbox], db, settings)
    tables = [table_counts(db)]
    third = plain_run([inbox], db, settings)
    tables.append(table_counts(db))
    plain_run([inbox], db, settings, full=True)
    tables.append(table_counts(db))
    return inbox, db, (first, second, third), tables


@pytest.mark.parametrize("case", QUICK, ids=lambda c: c.name)
def test_each_case_lands_once_or_is_rejected_with_stage_and_reason(landed, case):
    inbox, db, _, _ = landed
    con = duckdb.connect(str(db), read_only=True)
    try:
        f = check_case(con, inbox, case)
    finally:
        con.close()
    assert (f.lost, f.garbled, f.duplicates, f.rejects) == (0, 0, 0, f.rejects_expected), f.problems


def test_reruns_skip_unchanged_inputs_and_converge(landed):
    _, _, (first, second, third), tables = landed
    assert first.new > 0 and first.rejected > 0
    assert second.new == 0 and second.updated == 1  # the new crawl file: the same URL, new text
    assert third.articles == third.new == third.updated == third.rejected == 0
    assert third.skipped == first.articles + first.rejected + 1
    assert tables[0] == tables[1] == tables[2]  # rerun and --full rerun change nothing


def test_single_line_case_is_long_enough():
    [case] = [c for c in QUICK if c.name.startswith("200,000")]
    text = next(iter(case.files.values())).decode()
    assert "\n" not in text and len(text) >= 200_000


def test_page_with_a_huge_inline_script_keeps_its_article(tmp_path, settings):
    from benchmarks.faults import DEEPSEEK, NVIDIA, page

    bulk = "<script>var state = '" + "x" * 11_000_000 + "';</script>"
    (tmp_path / "big.html").write_text(page([NVIDIA, DEEPSEEK], "大页面", head=bulk), "utf-8")
    [result] = analyze_batch(discover([tmp_path]), [], settings).results
    assert result.ok and NVIDIA in result.article.body


def test_changed_input_and_new_pipeline_version_are_reprocessed(tmp_path, settings):
    box, db = tmp_path / "box", tmp_path / "w.duckdb"
    box.mkdir()
    pages = sorted((SAMPLES / "news").glob("*.html"))[:2]
    for p in pages:
        (box / p.name).write_bytes(p.read_bytes())
    (box / "empty.html").write_bytes(b"")
    plain_run([box], db, settings)
    before = duckdb.connect(str(db), read_only=True)
    reject_at = before.execute("SELECT last_at FROM rejects").fetchall()
    before.close()

    (box / pages[0].name).write_bytes(pages[0].read_bytes() + b"\n")
    again = plain_run([box], db, settings)
    assert (again.articles, again.skipped, again.rejected) == (1, 2, 0)
    after = duckdb.connect(str(db), read_only=True)
    assert after.execute("SELECT last_at FROM rejects").fetchall() == reject_at  # left alone
    after.close()

    assert plain_run([box], db, settings, version="v2").unchanged == 2
    assert plain_run([box], db, settings, full=True).skipped == 0


def test_renamed_input_is_counted_repeated_not_new(tmp_path, settings):
    box, db = tmp_path / "box", tmp_path / "w.duckdb"
    box.mkdir()
    page = sorted((SAMPLES / "news").glob("*.html"))[0]
    (box / page.name).write_bytes(page.read_bytes())
    assert plain_run([box], db, settings).new == 1
    (box / page.name).rename(box / f"renamed-{page.name}")
    again = plain_run([box], db, settings)
    assert (again.new, again.unchanged, again.repeated) == (0, 0, 1)
    assert table_counts(db)["articles"] == 1


def test_pipeline_version_follows_model_and_lexicons(tmp_path, settings):
    base = pipeline_version(settings)
    assert base == pipeline_version(settings)
    assert pipeline_version(settings.with_overrides(model=settings.model + "-retrained")) != base
    targets = tmp_path / "targets.toml"
    targets.write_text(settings.path("targets_file").read_text("utf-8") + "\n# edited\n", "utf-8")
    assert pipeline_version(settings.with_overrides(targets_file=str(targets))) != base


def test_pipeline_version_follows_a_retrained_artifact_under_the_same_name(tmp_path, settings):
    """Retraining the claim filter in place changes what pages become: the next run redoes them."""
    import shutil

    models = tmp_path / "models"
    for name in (settings.model, settings.claim_model):
        shutil.copytree(settings.model_dir(name), models / name.replace(".", "-"))
    copied = settings.with_overrides(models_dir=str(models))
    base = pipeline_version(copied)
    artifact = copied.model_dir(settings.claim_model) / "model.skops"
    artifact.write_bytes(artifact.read_bytes() + b"\0")
    assert pipeline_version(copied) != base


def test_pipeline_version_follows_the_claim_threshold_but_not_the_model_card(tmp_path, settings):
    """The filter's threshold lives in duokong.json beside the weights: editing it changes which
    claims are kept, so the next run redoes every page; rewording the model card redoes none."""
    import json
    import shutil

    models = tmp_path / "models"
    for name in (settings.model, settings.claim_model):
        shutil.copytree(settings.model_dir(name), models / name.replace(".", "-"))
    copied = settings.with_overrides(models_dir=str(models))
    base = pipeline_version(copied)
    folder = copied.model_dir(settings.claim_model)
    card = folder / "README.md"
    card.write_text(card.read_text("utf-8") + "\nA reworded line.\n", "utf-8")
    assert pipeline_version(copied) == base
    config_file = folder / "duokong.json"
    config = json.loads(config_file.read_text("utf-8"))
    config["threshold"] = round(config["threshold"] + 0.05, 3)
    config_file.write_text(json.dumps(config), "utf-8")
    assert pipeline_version(copied) != base


# ---- the run lock -----------------------------------------------------------------------------

HOLDER = """
import sys
from pipeline.lock import run_lock
with run_lock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def holder(tmp_path):
    """Another process holding the run lock of tmp_path/w.duckdb until it is killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "w.duckdb")],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_a_served_run_falling_due_while_the_last_is_going_is_skipped_in_a_line(tmp_path, holder):
    """A scheduled run that found the last one still going failed with a 23-line traceback;
    serve asks for skip_if_busy, `duokong run` still refuses."""
    from flows.batch import batch_flow
    from flows.serve import serve_options

    params = serve_options("* * * * *", [str(SAMPLES / "news")], str(tmp_path / "w.duckdb"))
    assert params["parameters"]["skip_if_busy"] is True
    summary = batch_flow(**params["parameters"])
    assert "another duokong run" in summary["skipped"]
    with pytest.raises(RunLocked):
        batch_flow(inputs=[str(SAMPLES / "news")], db=str(tmp_path / "w.duckdb"))


def test_second_run_is_refused_naming_the_holder_and_gets_the_lock_when_it_dies(tmp_path, holder):
    db = tmp_path / "w.duckdb"
    with pytest.raises(RunLocked) as err, run_lock(db):
        pass
    assert f"pid {holder.pid}" in str(err.value) and str(lock_path(db)) in str(err.value)

    got = threading.Event()

    def wait_for_it() -> None:
        with run_lock(db, wait_s=120):
            got.set()

    waiter = threading.Thread(target=wait_for_it)
    waiter.start()
    holder.send_signal(signal.SIGKILL)  # the kernel drops a dead process's flock
    waiter.join()
    assert got.is_set()


def test_lock_is_reentrant_in_a_thread_and_exclusive_between_threads(tmp_path):
    db = tmp_path / "w.duckdb"
    outcome = []

    def other() -> None:
        try:
            with run_lock(db):
                outcome.append("got it")
        except RunLocked:
            outcome.append("refused")

    with run_lock(db), run_lock(db):
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert outcome == ["refused"]
    with run_lock(db):  # released by the outer block
        pass


def test_cli_run_refuses_in_one_line_while_another_run_holds_the_database(tmp_path, holder):
    out = CliRunner().invoke(
        main, ["run", str(SAMPLES / "news"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert out.exit_code == 1
    assert out.output.count("\n") == 1 and out.output.startswith("Error: another duokong run holds")
    assert f"pid {holder.pid}" in out.output and "--wait" in out.output


def test_cli_run_refuses_a_read_only_database_in_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    db.chmod(0o444)
    out = CliRunner().invoke(main, ["run", str(SAMPLES / "news"), "--db", str(db)])
    assert out.exit_code == 1 and "Traceback" not in out.output
    assert out.output.count("\n") == 1 and "is read-only" in out.output and "chmod" in out.output


def test_missing_database_folder_is_created(tmp_path):
    db = tmp_path / "no" / "such" / "folder" / "w.duckdb"
    with run_lock(db):
        connect(db).close()
    assert db.is_file() and lock_path(db).is_file()


def test_cli_run_names_a_missing_input_in_one_line(tmp_path):
    out = CliRunner().invoke(
        main, ["run", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert out.exit_code == 1 and out.output.count("\n") == 1 and "does not exist" in out.output


# ---- SIGKILL in the middle of a write -----------------------------------------------------------

# The process kills itself inside the transaction of its second write of pages, before COMMIT.
KILL_ON_SECOND_WRITE = """
import os, signal, sys
import pipeline.warehouse.load as load

real, writes = load.insert_rows, []
def insert(con, table, rows, conflict):
    real(con, table, rows, conflict)
    if table == "pages":
        writes.append(table)
        if len(writes) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
load.insert_rows = insert
"""

KILLED_WRITER = (
    KILL_ON_SECOND_WRITE
    + """
from pathlib import Path
from pipeline.settings import load_settings
from tests.test_faults import plain_run

box, db = Path(sys.argv[1]), Path(sys.argv[2])
plain_run([box / "a"], db, load_settings())
plain_run([box / "b"], db, load_settings())
"""
)


def _killed_by_itself(script: str, box: Path, db: Path) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", script, str(box), str(db)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]


def test_run_killed_during_the_write_converges_on_rerun(tmp_path, settings):
    box, db = tmp_path / "box", tmp_path / "w.duckdb"
    for sub, folder in (("a", "news"), ("b", "wechat")):
        (box / sub).mkdir(parents=True)
        for p in sorted((SAMPLES / folder).glob("*.html"))[:3]:
            (box / sub / p.name).write_bytes(p.read_bytes())
    _killed_by_itself(KILLED_WRITER, box, db)
    assert table_counts(db)["pages"] == 3  # the first write committed, the second did not

    rerun = plain_run([box / "a", box / "b"], db, settings)  # the lock died with its holder
    assert (rerun.skipped, rerun.new) == (3, 3)
    counts = table_counts(db)
    assert counts["pages"] == counts["seen_inputs"] == 6
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) - count(DISTINCT page_key) FROM pages").fetchone()[0] == 0
    con.close()
    assert plain_run([box / "a", box / "b"], db, settings).skipped == 6


def test_batch_finishing_after_its_run_stopped_hands_over_nothing(tmp_path, settings, caplog):
    """A run stopped by SIGTERM removes its spill folder while workers still analyse: such a
    batch hands over nothing, so none of its inputs is remembered and the next run redoes them."""
    from pipeline.batch import analyze_to_spill

    items = discover([SAMPLES / "news"])[:2]
    gone = tmp_path / "run-folder-already-removed"
    out = analyze_to_spill(items, [], settings, {}, str(gone))
    assert out.results == [] and out.seen == []
    assert "the next run processes them" in caplog.text
    kept = analyze_to_spill(items, [], settings, {}, str(tmp_path))
    assert Path(kept).is_file()


KILLED_RUN = (
    KILL_ON_SECOND_WRITE
    + """
from concurrent.futures import Future
from pipeline.batch import analyze_batch
from pipeline.ingest import analyze_and_write, plan, recorded_run
from pipeline.settings import load_settings
from pipeline.sources import discover

def submit(files, pages, known, spill_dir):  # in this process: nothing outlives the kill
    done = Future()
    done.set_result(analyze_batch(files, pages, settings, known))
    return done

settings = load_settings().with_overrides(db=sys.argv[2], workers=1, batch_size=3)
with recorded_run(settings, [sys.argv[1]], {}, False) as run:
    work = plan(discover([sys.argv[1]]), [], 3, 1)
    analyze_and_write(run, work, submit, settings, False, 1, None)
"""
)


def test_a_killed_run_records_the_batches_it_wrote(tmp_path, settings):
    """The runs row counts each batch as it is written: killed midway, it shows what it wrote
    (it said seen 0 when 150 of its pages were in the warehouse)."""
    box, db = tmp_path / "box", tmp_path / "w.duckdb"
    box.mkdir()
    for p in sorted((SAMPLES / "news").glob("*.html"))[:6]:
        (box / p.name).write_bytes(p.read_bytes())
    _killed_by_itself(KILLED_RUN, box, db)
    con = duckdb.connect(str(db), read_only=True)
    [(status, seen, new)] = con.execute("SELECT status, seen, new FROM runs").fetchall()
    pages = con.execute("SELECT count(*) FROM pages").fetchone()[0]
    con.close()
    assert (status, seen, new, pages) == ("running", 3, 3, 3)


def test_a_run_stopped_by_the_user_is_recorded_as_interrupted(tmp_path):
    from pipeline.ingest import recorded_run
    from pipeline.settings import load_settings

    settings = load_settings().with_overrides(db=str(tmp_path / "w.duckdb"))
    with pytest.raises(KeyboardInterrupt), recorded_run(settings, [], {}, False):
        raise KeyboardInterrupt  # Ctrl-C, or SIGTERM as duokong run turns it
    with pytest.raises(ValueError), recorded_run(settings, [], {}, False):
        raise ValueError("a bug")
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started").fetchall()]
    con.close()
    assert statuses == ["interrupted", "failed"]


def test_ctrl_c_while_duckdb_writes_is_recorded_as_interrupted(tmp_path):
    """DuckDB turns Ctrl-C during a statement into its own error: the run was recorded
    'failed' (config probe)."""
    from pipeline.ingest import recorded_run
    from pipeline.settings import load_settings

    settings = load_settings().with_overrides(db=str(tmp_path / "w.duckdb"))
    with pytest.raises(duckdb.InterruptException), recorded_run(settings, [], {}, False):
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
    with pytest.raises(RuntimeError), recorded_run(settings, [], {}, False):
        raise RuntimeError("Query interrupted")
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started").fetchall()]
    con.close()
    assert statuses == ["interrupted", "interrupted"]


@pytest.mark.parametrize(
    "stop",
    [KeyboardInterrupt(), duckdb.InterruptException("INTERRUPT Error: Interrupted!")],
    ids=["ctrl-c", "ctrl-c-inside-duckdb"],
)
def test_cli_run_stopped_by_the_user_says_what_it_kept_and_exits_130(tmp_path, monkeypatch, stop):
    """Ctrl-C printed click's bare Aborted! and exited 1, as a refused input does: a script
    could not tell a stop from a failure, nor the user what was kept."""
    import flows.batch

    def stopped(**_: object) -> None:
        raise stop

    monkeypatch.setattr(flows.batch, "batch_flow", stopped)
    out = CliRunner().invoke(
        main, ["run", str(SAMPLES / "news"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert out.exit_code == 130, out.output
    assert "Aborted" not in out.output and "Traceback" not in out.output
    assert "interrupted" in out.output and "run the same command again" in out.output


def test_a_database_named_through_a_link_takes_the_same_lock(tmp_path):
    """A run through a symlink to the database took link.duckdb.lock, not w.duckdb.lock: two
    runs held a lock each on one database (config probe)."""
    db = tmp_path / "w.duckdb"
    db.touch()
    (tmp_path / "link.duckdb").symlink_to(db)
    outcome = []

    def other() -> None:
        try:
            with run_lock(tmp_path / "link.duckdb"):
                outcome.append("got it")
        except RunLocked:
            outcome.append("refused")

    with run_lock(db):
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert outcome == ["refused"]


def test_a_run_into_memory_is_refused_before_it_reads_anything(tmp_path):
    """--db :memory: read and analysed every page, then failed at the report."""
    out = CliRunner().invoke(main, ["run", str(SAMPLES / "news"), "--db", ":memory:"])
    assert out.exit_code == 1 and ":memory: keeps nothing" in out.output, out.output


def test_more_workers_than_cores_is_warned_of(caplog):
    import os

    from pipeline.preflight import check_run_settings
    from pipeline.settings import load_settings

    cores = os.cpu_count() or 1
    check_run_settings(load_settings().with_overrides(workers=cores * 4))
    assert f"{cores * 4} workers on {cores} cores" in caplog.text


# Another process writing to a database: it holds DuckDB's write lock until its stdin closes
# or it has held it for the given seconds.
WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


@pytest.mark.parametrize(
    "command",
    [
        ["sql", "select count(*) from articles"],
        ["report", "--out", "-"],
        ["predictions", "due"],
        ["predictions", "list"],
        ["predictions", "scores"],
    ],
)
def test_a_reader_waits_for_a_run_writing_when_asked_and_says_how_otherwise(tmp_path, command):
    """sql, report and the ledger's listings failed at once while a run wrote, though the
    README said queries wait (analyst probe): --wait (or lock_wait_s) waits, and the refusal
    says how to."""
    db = tmp_path / "w.duckdb"
    connect(db).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "6"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "held"
        refused = CliRunner().invoke(main, [*command, "--db", str(db)])
        assert refused.exit_code == 1 and "a run is writing to it" in refused.output
        assert "--wait SECONDS" in refused.output
        waited = CliRunner().invoke(main, [*command, "--db", str(db), "--wait", "30"])
        assert waited.exit_code == 0, waited.output
    finally:
        writer.kill()
        writer.wait()


def test_resolving_an_outcome_waits_for_a_run_writing_when_asked(tmp_path):
    """predictions resolve writes the warehouse: during a run it was refused with no way to
    queue behind it, unlike run and reanalyze."""
    db = tmp_path / "w.duckdb"
    page = tmp_path / "pages" / "post.txt"
    page.parent.mkdir()
    page.write_text(
        "英伟达还能涨多久\n发布时间：2025-03-01\n作者：老周\n"
        "我一直看好英伟达，数据中心的订单排到了明年。我认为英伟达明年股价一定会继续上涨。\n",
        encoding="utf-8",
    )
    invoke_run = CliRunner().invoke(main, ["run", str(page.parent), "--db", str(db)])
    assert invoke_run.exit_code == 0, invoke_run.output
    con = connect(db)
    claim = con.execute("SELECT id FROM predictions ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    resolve = ["predictions", "resolve", claim[:12], "--outcome", "void", "--db", str(db)]
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "6"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "held"
        refused = CliRunner().invoke(main, resolve)
        assert refused.exit_code == 1 and "--wait SECONDS" in refused.output
        waited = CliRunner().invoke(main, [*resolve, "--wait", "30"])
        assert waited.exit_code == 0 and f"{claim[:12]}: void" in waited.output, waited.output
    finally:
        writer.kill()
        writer.wait()
    con = connect(db)
    assert con.execute("SELECT outcome FROM prediction_outcomes").fetchall() == [("void",)]
