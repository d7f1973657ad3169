"""The Prefect flows, run against one real Prefect server for the session (see prefect_server.py).

Logic is tested on the plain functions elsewhere; these check the shells: one task per source,
failures reported not raised, artifacts, classify-then-alert, idempotence, and Dask.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from peerfeed.records import Platform
from peerfeed.sources import SourceConfig
from pipelines.collecting import prepare_sources
from store.db import transaction
from store.models import AlertSent, Classification, FetchRun, Post, ReviewItem, Source, ThemeSnapshot
from store.posts import upsert_posts
from tests.pipelines.helpers import toot
from tests.pipelines.feeds import FeedServer, feed_sources, write_feeds

KEYWORD_MODEL = "tests.pipelines.doubles:make_keyword_model"
# One backend each: the flows do not touch SQL themselves, and a flow run costs about a second.
pytestmark = pytest.mark.usefixtures("prefect_server")
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
POSTGRES = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@pytest.fixture
def feeds(tmp_path):
    root = tmp_path / "served"
    names = write_feeds(root, 3, 4)
    write_feeds(root, 1, 2, texts=["Goodbye everyone, I can't do this any more", "Peer support meets on Tuesday"],
                prefix="crisis")
    server = FeedServer(root, latency_s=0.5)  # slow enough that fetches surely overlap
    yield server, names
    server.close()


def dead_source() -> SourceConfig:
    # Port 9 (discard) is closed on 127.0.0.1: a network error, which is transient.
    return SourceConfig(name="Gone quiet blog", platform=Platform.RSS, url="http://127.0.0.1:9/rss/feed.xml")


def read_artifact(key: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                                                limit=1, sort="CREATED_DESC")
            return found[0]

    return asyncio.run(latest())


@POSTGRES
def test_collect_flow_stores_every_source_and_reports_a_failing_one(engine, feeds):
    from pipelines.flows import collect_flow

    server, names = feeds
    missing = SourceConfig(name="Moved blog", platform=Platform.RSS, url=f"{server.url}/rss/gone.xml")
    prepare_sources(engine, feed_sources(server.url, names) + [dead_source(), missing])
    url = engine.url.render_as_string(hide_password=False)

    state = collect_flow(database_url=url, concurrency=2, retries=1, retry_delay_s=0.05, return_state=True)

    assert state.is_completed()  # a failing source does not fail the run
    assert server.max_in_flight == 2  # one task per source, two at a time
    reports = {r.source: r for r in state.result()}
    assert [reports[n].new for n in names] == [4, 4, 4]
    assert reports["Gone quiet blog"].error_kind == "network"
    assert reports["Moved blog"].error_kind == "http_4xx"
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 12
        # The network failure was tried twice (one retry), each attempt on record; a 404 only once.
        attempts = dict(s.execute(select(Source.name, func.count()).join(FetchRun, FetchRun.source_id == Source.id)
                                  .where(FetchRun.status == "error").group_by(Source.name)).all())
        assert attempts == {"Gone quiet blog": 2, "Moved blog": 1}
    table = read_artifact("collect-report")
    assert "5 sources, 12 new posts, 2 failed" in table.description
    assert "Gone quiet blog" in str(table.data) and "network" in str(table.data)


@SQLITE
def test_collect_then_classify_alerts_a_crisis_post_in_the_same_run(engine, feeds, webhook, monkeypatch):
    from pipelines.flows import collect_flow

    server, _ = feeds
    monkeypatch.setenv("PEERFEED_ALERT_WEBHOOK_URL", webhook.url)
    prepare_sources(engine, feed_sources(server.url, ["crisis-000"]))
    url = engine.url.render_as_string(hide_password=False)

    collect_flow(database_url=url, then_classify=True, model_factory=KEYWORD_MODEL)

    assert [m["level"] for m in webhook.received] == [3]
    with transaction(engine) as s:
        held = s.scalars(select(ReviewItem.level).where(ReviewItem.state == "pending")).all()
        assert held == [3]
        assert s.scalar(select(AlertSent.status)) == "sent"


@SQLITE
def test_classify_flow_holds_risky_posts_and_a_rerun_does_nothing(engine):
    from pipelines.flows import classify_flow

    with transaction(engine) as s:
        upsert_posts(s, [toot(1, "I'm struggling tonight"), toot(2, "Peer support on Tuesday"),
                         toot(3, "Goodbye everyone")])
    url = engine.url.render_as_string(hide_password=False)

    first = classify_flow(batch_size=2, model_factory=KEYWORD_MODEL, database_url=url)
    again = classify_flow(batch_size=2, model_factory=KEYWORD_MODEL, database_url=url)

    assert (first.classified, first.held, first.by_level) == (3, 2, {0: 1, 1: 1, 3: 1})
    assert again.classified == 0
    with transaction(engine) as s:
        states = dict(s.execute(select(ReviewItem.level, ReviewItem.state)).all())
    assert states == {0: "approved", 1: "pending", 3: "pending"}


@POSTGRES
def test_a_backlog_classifies_on_a_local_dask_cluster(engine):
    from pipelines.flows import classify_flow

    texts = ["Peer support on Tuesday", "carer here, struggling", "I can't go on", "care plan review went well"]
    with transaction(engine) as s:
        upsert_posts(s, [toot(i, f"{texts[i % 4]} ({i})") for i in range(400)])

    report = classify_flow(batch_size=50, model_factory=KEYWORD_MODEL, dask_workers=2, alert=False,
                           database_url=engine.url.render_as_string(hide_password=False))

    assert report.classified == 400 and report.by_level == {0: 200, 1: 100, 2: 100}
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Classification)) == 400


@SQLITE
def test_digest_themes_alert_and_deletions_flows_run_their_functions(engine, tmp_path, monkeypatch):
    from pipelines.flows import alert_flow, deletions_flow, digest_flow, themes_flow

    monkeypatch.setenv("PEERFEED_SITE_DIR", str(tmp_path / "site"))
    url = engine.url.render_as_string(hide_password=False)

    digest = digest_flow(period="weekly", database_url=url)
    themes = themes_flow(day=date.today() - timedelta(days=1), database_url=url)
    alerts = alert_flow(database_url=url)
    deletions = deletions_flow(database_url=url)

    assert digest["entries"] == 0 and (tmp_path / "site" / "digest" / "weekly.atom").exists()
    assert themes["post_count"] == 0
    assert alerts.sent == 0
    assert deletions == []  # no Mastodon or Bluesky source to ask
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(ThemeSnapshot)) == 1


@SQLITE
def test_the_cli_runs_the_collect_flow_in_process_when_asked(engine, feeds):
    from peerfeed.settings import Settings
    from pipelines.local import run_collect

    server, names = feeds
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(_env_file=None, database_url=url, prefect_local_runs=True)

    reports = run_collect(settings, configs=feed_sources(server.url, names[:2]))

    assert [(r.source, r.new) for r in reports] == [(names[0], 4), (names[1], 4)]
    assert "2 sources, 8 new posts, 0 failed" in read_artifact("collect-report").description
    with pytest.raises(LookupError):
        run_collect(settings, configs=[], only="No such blog")
