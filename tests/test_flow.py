"""The batch flow end to end under Prefect: idempotent reruns, updates, rejects, the run log."""

import shutil

import duckdb
import pytest
from click.testing import CliRunner

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
    assert second["new"] == 0 and second["unchanged"] == goods
    after_second = _counts(db)
    assert {t: after_second[t] for t in DATA_TABLES} == {t: after_first[t] for t in DATA_TABLES}
    assert after_second["runs"] == after_first["runs"] + 1

    con = duckdb.connect(str(db), read_only=True)
    rejects = dict(
        con.execute("SELECT split_part(source, '/', -1), reason FROM rejects").fetchall()
    )
    runs = con.execute("SELECT status, seen, rejected FROM runs ORDER BY started").fetchall()
    con.close()
    assert rejects == {
        "empty.html": "empty-file",
        "picture.html": "binary-file",
        "truncated.html": "truncated-html",
    }
    assert runs == [("completed", goods + 3, 3), ("completed", goods + 3, 3)]
    assert "<svg" in (tmp_path / "r.html").read_text("utf-8")

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["duokong-batch-summary"]))
        )
    assert artifacts and f"**articles**: {goods}" in artifacts[0].data


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
    summary = batch_flow(inputs=[str(box)], db=str(db), report=str(tmp_path / "r.html"))
    assert summary["updated"] == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert "补充一句" in con.execute("SELECT body FROM articles").fetchone()[0]


def test_cli_run_prints_database_and_report(prefect_harness, inbox, tmp_path):
    db, report = tmp_path / "cli.duckdb", tmp_path / "cli.html"
    out = CliRunner().invoke(
        main, ["run", str(inbox / "news"), "--db", str(db), "--report", str(report)]
    )
    assert out.exit_code == 0, out.output
    assert f"database: {db}" in out.output and f"report:   {report}" in out.output
    assert report.is_file()
