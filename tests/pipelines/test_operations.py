"""Running the flows as an operator sees them: what each run records, what its log says (with
context, in Prefect's run logs), runs that fail when they should, stuck runs tidied, an old schema
refused, transient database errors retried, and `peerfeed status`.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from peerfeed.cli import app
from peerfeed.records import Platform
from peerfeed.sources import SourceConfig
from pipelines.collecting import SourceReport, prepare_sources
from pipelines.run_records import alert_rows, collect_rows
from store.db import make_engine, transaction, upgrade
from store.models import AlertSent, FetchRun, Source
from tests.pipelines.test_flows import SQLITE, read_artifact

NOW = datetime.now(timezone.utc)


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _waiting_source(engine, name="Flaky blog", minutes=40) -> None:
    prepare_sources(engine, [SourceConfig(name=name, platform=Platform.RSS, url="http://127.0.0.1:9/feed.xml")])
    with transaction(engine) as s:
        src = s.scalar(select(Source).where(Source.name == name))
        src.last_status, src.last_error_kind, src.consecutive_failures = "error", "http_5xx", 3
        src.last_error = f"HTTP 503 from http://127.0.0.1:9/feed.xml ({name})"
        src.next_attempt_at = NOW + timedelta(minutes=minutes)


# --- Plain functions: the rows each run records --------------------------------------------------------

def test_a_collect_report_keeps_the_sources_waiting_in_backoff(engine):
    _waiting_source(engine)
    with transaction(engine) as s:
        waiting = s.scalars(select(Source)).all()
        rows, summary = collect_rows([SourceReport("Good blog", "ok", new=3)], waiting, NOW)
    assert [r["source"] for r in rows] == ["Good blog", "Flaky blog"]
    assert rows[1]["status"] == "waiting (backoff)" and rows[1]["error"].startswith("[http_5xx] HTTP 503")
    assert summary == "1 sources, 3 new posts, 0 failed; 1 in error, 1 waiting for a later attempt"


def test_an_alert_report_says_what_was_sent_and_what_failed():
    from pipelines.alerts import AlertReport

    rows, summary = alert_rows(AlertReport(sent=2, failed=1, errors=["post 7 webhook: HTTPStatusError: 500"]))
    assert summary == "alerts sent 2, failed 1, skipped 0" and rows[0]["errors"].startswith("post 7 webhook")


def test_transient_database_errors_are_retried_and_nothing_else():
    from sqlalchemy.exc import IntegrityError, OperationalError

    from pipelines.flows import is_transient_database_error, retry_database
    from prefect.states import Failed

    dropped = OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))
    assert is_transient_database_error(dropped)
    assert not is_transient_database_error(IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert not is_transient_database_error(ValueError("a bug"))
    assert retry_database(None, None, Failed(data=dropped))
    assert not retry_database(None, None, Failed(data=ValueError("a bug")))


# --- `peerfeed status` and `peerfeed collect` ------------------------------------------------------------

def test_status_lists_what_needs_attention_and_check_exits_1(engine, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    _waiting_source(engine)
    from store.classification import record_classifications
    from store.posts import upsert_posts
    from tests.store.helpers import blog_post

    with transaction(engine) as s:
        upsert_posts(s, [blog_post(1), blog_post(2)])
        record_classifications(s, [(1, {"topics": [], "topic_scores": {}, "distress": 3, "distress_score": 0.9,
                                        "needs_review": True, "reasons": [], "model_version": "t"})])
        s.add(AlertSent(post_id=1, level=3, channel="webhook", status="failed", error="HTTPStatusError: 500"))
        src = s.scalar(select(Source))
        s.add(FetchRun(source_id=src.id, started_at=NOW - timedelta(hours=2), status="running"))
    result = CliRunner().invoke(app, ["--db", _url(engine), "status"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == ["review queue: 1 waiting (crisis 1)", "unclassified posts: 1",
                         "failed alerts (retried by the next alert run): 1", "sources in error or backoff: 1"]
    assert lines[4].startswith("  Flaky blog: error (http_5xx, 3 in a row), next attempt ")
    assert lines[5] == "fetch runs left running by a dead process: 1"
    assert CliRunner().invoke(app, ["--db", _url(engine), "status", "--check"]).exit_code == 1


def test_collect_names_the_sources_it_left_alone_in_backoff(engine, tmp_path):
    _waiting_source(engine)
    (tmp_path / "empty.yaml").write_text("sources: []\n")
    result = CliRunner().invoke(app, ["--db", _url(engine), "collect", "--sources", str(tmp_path / "empty.yaml")])
    assert result.exit_code == 0, result.output
    assert "Flaky blog: waiting until " in result.output and "[http_5xx] HTTP 503" in result.output
    assert result.output.strip().endswith("0 sources, 0 new posts, 0 updated, 0 items skipped, 0 failed; 1 more in error or backoff, not tried this time")


# --- The flows, on the session's Prefect server -----------------------------------------------------------

pytest_flows = pytest.mark.usefixtures("prefect_server")


def _run_logs(flow_run_id) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()

    async def read():
        async with get_client() as client:
            logs = await client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
            return [f"{log.name}: {log.message}" for log in logs]

    return asyncio.run(read())


@SQLITE
@pytest_flows
def test_peerfeeds_own_log_lines_reach_the_run_logs_with_their_context(engine):
    from pipelines.flows import collect_flow

    prepare_sources(engine, [SourceConfig(name="Gone quiet blog", platform=Platform.RSS,
                                          url="http://127.0.0.1:9/rss/feed.xml")])
    _waiting_source(engine, "Flaky blog")
    state = collect_flow(database_url=_url(engine), retries=0, return_state=True)
    assert state.is_completed()
    logs = _run_logs(state.state_details.flow_run_id)
    text = "\n".join(logs)
    # The collector's own line (logger collectors.rss), its fixed keys written into the message:
    assert any(line.startswith("collectors.") and "source=\"Gone quiet blog\"" in line
               and "url=http://127.0.0.1:9/rss/feed.xml" in line for line in logs), text
    assert "source=\"Flaky blog\"" in text and "source waiting" in text  # backoff is not silence
    table = read_artifact("collect-report")
    assert "1 failed; 2 in error, 1 waiting for a later attempt" in table.description


@SQLITE
@pytest_flows
def test_an_alert_run_with_a_failed_send_ends_failed_and_says_so(engine, webhook, monkeypatch):
    from pipelines.flows import alert_flow
    from store.classification import record_classifications
    from store.posts import upsert_posts
    from store.models import utcnow
    from tests.store.helpers import blog_post

    with transaction(engine) as s:
        upsert_posts(s, [blog_post(1, published_at=utcnow())])  # recent: alerted on its own
        record_classifications(s, [(1, {"topics": [], "topic_scores": {}, "distress": 3, "distress_score": 0.9,
                                        "needs_review": True, "reasons": [], "model_version": "t"})])
    monkeypatch.setenv("PEERFEED_ALERT_WEBHOOK_URL", webhook.url)
    webhook.fail_next = 1
    state = alert_flow(database_url=_url(engine), return_state=True)
    assert state.is_failed() and "1 alerts failed and will be retried" in state.message
    assert "alerts sent 0, failed 1" in read_artifact("alert-report").description
    assert alert_flow(database_url=_url(engine), return_state=True).is_completed()  # the retry goes out
    assert [m["level"] for m in webhook.received] == [3]


@pytest_flows
def test_a_flow_refuses_a_database_whose_schema_is_behind(tmp_path):
    from pipelines.flows import classify_flow

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = make_engine(url)
    upgrade(old, "0001")
    old.dispose()
    state = classify_flow(database_url=url, return_state=True)
    assert state.is_failed() and "run `peerfeed db upgrade`" in state.message


@pytest_flows
def test_a_run_left_running_by_a_dead_worker_is_marked_crashed():
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.states import Running

    from pipelines.stuck_runs import reconcile_stuck_runs

    @flow(name="collect")
    def stand_in():  # a run of a flow named "collect", as the dead worker left it
        pass

    with get_client(sync_client=True) as client:
        run = client.create_flow_run(stand_in, name="killed-mid-run")
        client.set_flow_run_state(run.id, Running(), force=True)
        assert reconcile_stuck_runs(dry_run=True, client=client) == []  # not past its timeout yet
        later = datetime.now(timezone.utc) + timedelta(hours=1)
        found = reconcile_stuck_runs(now=later, dry_run=True, client=client)
        assert [r.run_name for r in found] == ["killed-mid-run"]
        assert client.read_flow_run(run.id).state.is_running()  # a dry run changes nothing
        reconcile_stuck_runs(now=later, client=client)
        state = client.read_flow_run(run.id).state
    assert state.is_crashed() and "its worker died" in state.message
