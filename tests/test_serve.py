"""`duokong serve`: the batch flow's cron deployment, and one of its scheduled runs executed by
a Prefect runner (run_once) against the session's local test server on 127.0.0.1; the
`prefect.yaml` deployment for users with a Prefect server and workers."""

import asyncio
from datetime import UTC, datetime

import duckdb
import pytest
import yaml

from pipeline.settings import PROJECT_ROOT
from tests.conftest import SAMPLES

pytestmark = pytest.mark.flow


def test_a_scheduled_run_of_the_served_deployment_executes(prefect_harness, tmp_path):
    from prefect import get_client
    from prefect.runner import Runner
    from prefect.states import Scheduled

    from flows.batch import batch_flow
    from flows.serve import serve_options

    db, report = tmp_path / "w.duckdb", tmp_path / "stance-report.html"
    options = serve_options("0 * * * *", [str(SAMPLES / "news")], str(db), workers=1)
    runner = Runner(query_seconds=1)
    deployment_id = runner.add_flow(batch_flow, **options)

    async def schedule_now_and_run_once():
        async with get_client() as client:
            deployment = await client.read_deployment(deployment_id)
            # What the scheduler service does when the cron time comes: a Scheduled run.
            run = await client.create_flow_run_from_deployment(
                deployment_id,
                state=Scheduled(scheduled_time=datetime.now(UTC)),
                parameters={"report": str(report)},
            )
        await runner.start(run_once=True)
        async with get_client() as client:
            return deployment, await client.read_flow_run(run.id)

    deployment, run = asyncio.run(schedule_now_and_run_once())
    assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
    assert run.state.is_completed(), run.state
    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    status = con.execute("SELECT status FROM runs").fetchall()
    con.close()
    assert articles == len(list((SAMPLES / "news").glob("*.html"))) and status == [("completed",)]
    assert "<svg" in report.read_text("utf-8")  # the report after the batch


def test_two_serves_on_one_machine_have_deployments_of_their_own(tmp_path, monkeypatch):
    """Both registered "duokong-batch-scheduled" in the one Prefect store: the last to start set
    the parameters of both, so a serve of database A wrote B's inputs into B, and a later serve
    ran the runs an earlier one left, against that one's database, relative to its own folder."""
    from flows.serve import serve_options

    monkeypatch.chdir(tmp_path)
    a = serve_options("* * * * *", ["in-a"], "a/a.duckdb")
    b = serve_options("* * * * *", ["in-b", "https://example.com/list.urls"], "b/b.duckdb")
    assert a["name"] != b["name"]
    assert a["parameters"]["db"] == str(tmp_path / "a" / "a.duckdb")
    assert b["parameters"]["inputs"] == [str(tmp_path / "in-b"), "https://example.com/list.urls"]
    monkeypatch.chdir(tmp_path / "..")  # the same database from another folder: the same deployment
    assert serve_options("* * * * *", None, str(tmp_path / "a/a.duckdb"))["name"] == a["name"]


def test_prefect_yaml_deployments_load_and_take_the_flows_parameters():
    from prefect.flows import load_flow_from_entrypoint

    spec = yaml.safe_load((PROJECT_ROOT / "prefect.yaml").read_text("utf-8"))
    assert spec["deployments"]
    for dep in spec["deployments"]:
        flow = load_flow_from_entrypoint(str(PROJECT_ROOT / dep["entrypoint"]))
        assert set(dep.get("parameters", {})) <= set(flow.parameters.properties)
        assert all("cron" in s for s in dep.get("schedules", []))


def test_a_run_without_a_server_shares_one_embedded_api_with_its_workers(monkeypatch):
    """Worker processes inherit PREFECT_API_URL: without it, each started an API server of its
    own (three servers for two workers, about 225 MB each)."""
    import os

    import prefect.server.api.server as server_module

    from flows import shared_ephemeral_api

    started = []

    class FakeServer:
        api_url = "http://127.0.0.1:8123/api"

        def start(self, timeout=None):
            started.append(timeout)

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(server_module, "SubprocessASGIServer", FakeServer)
    with shared_ephemeral_api():
        assert os.environ["PREFECT_API_URL"] == FakeServer.api_url
    assert len(started) == 1 and "PREFECT_API_URL" not in os.environ
    monkeypatch.setenv("PREFECT_API_URL", "http://server.example/api")
    with shared_ephemeral_api():  # a configured server is used as it is
        assert os.environ["PREFECT_API_URL"] == "http://server.example/api"
    assert len(started) == 1


def test_serve_refuses_a_bad_schedule_input_or_worker_count_before_starting(monkeypatch):
    """Each was found only once the server ran: a bad cron as a 73-line traceback, a missing
    input and --workers -3 as a failed run with a traceback every time the schedule fired."""
    from click.testing import CliRunner

    import flows.serve
    from pipeline.cli import main

    started = []
    monkeypatch.setattr(flows.serve, "serve_batch", lambda *a, **k: started.append(a))
    for args, says in (
        (["--cron", "61 * * * *"], "is not a cron schedule"),
        (["--cron", "not a cron"], "is not a cron schedule"),
        (["--input", "/nonexistent/dir"], "input /nonexistent/dir does not exist"),
        (["--workers", "-3"], "workers must be 0"),
    ):
        result = CliRunner().invoke(main, ["serve", *args])
        assert result.exit_code != 0 and says in result.output, args
        assert "Traceback" not in result.output
    assert started == []
    assert CliRunner().invoke(main, ["serve", "--cron", "*/15 * * * *"]).exit_code == 0
    assert started and started[0][0] == "*/15 * * * *"
