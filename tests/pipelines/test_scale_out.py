"""Scale-out: deploy prefect.yaml to a real Prefect server and run `collect` through a process worker.

The server is the session's `prefect server start` on 127.0.0.1 (throwaway PREFECT_HOME); the
worker is a separate `prefect worker start` process polling the `peerfeed-process` work pool, and
the flow run it starts writes to a throwaway PostgreSQL database. About 30 s.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from peerfeed.sample_server import SampleServer
from store.db import transaction
from store.models import Classification, Post, ReviewItem
from tests.pipelines.feeds import write_feeds

REPO = Path(__file__).resolve().parents[2]
KEYWORD_MODEL = "tests.pipelines.doubles:make_keyword_model"
DEPLOYMENTS = {"collect", "classify", "classify-backlog", "alert", "digest-daily", "digest-weekly",
               "themes-daily", "themes-weekly", "check-deletions", "retrain-weekly", "fediverse", "weekly-email",
               "stream"}


def read_deployments_and_run(run_id):
    from prefect.client.orchestration import get_client

    async def read():
        async with get_client() as client:
            deployments = await client.read_deployments()
            run = await client.read_flow_run(run_id)
            return deployments, run

    return asyncio.run(read())


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_process_worker_runs_the_collect_deployment_into_postgresql(prefect_server, engine, database_url,
                                                                      tmp_path, webhook):
    from prefect.deployments import run_deployment

    root = tmp_path / "served"
    names = write_feeds(root, 2, 3)
    names += write_feeds(root, 1, 1, texts=["Goodbye everyone, this is the last thing I will write"], prefix="last")
    sources_file = tmp_path / "sources.yaml"

    with SampleServer(root=root) as feeds:
        sources_file.write_text(yaml.safe_dump({"sources": [
            {"name": n, "platform": "rss", "url": f"{feeds.url}/rss/{n}.xml"} for n in names]}))
        prefect_server.cli("work-pool", "create", "peerfeed-process", "--type", "process")
        prefect_server.cli("--no-prompt", "deploy", "--all", cwd=REPO, timeout=120,
                           extra_env={"PEERFEED_CODE_DIR": str(REPO)})
        run = run_deployment("collect/collect", timeout=0,
                             parameters={"model_factory": KEYWORD_MODEL, "then_classify": True})
        # The worker's environment is where a deployment's settings live, secrets included.
        prefect_server.cli("worker", "start", "--pool", "peerfeed-process", "--type", "process", "--run-once",
                           timeout=90, extra_env={"PEERFEED_DATABASE_URL": database_url,
                                                  "PEERFEED_SOURCES_FILE": str(sources_file),
                                                  "PEERFEED_ALERT_WEBHOOK_URL": webhook.url})

    deployments, finished = read_deployments_and_run(run.id)
    assert finished.state.is_completed(), finished.state
    assert {d.name for d in deployments} == DEPLOYMENTS
    collect = next(d for d in deployments if d.name == "collect")
    assert [s.schedule.cron for s in collect.schedules] == ["*/15 * * * *"]
    assert collect.work_pool_name == "peerfeed-process"
    assert collect.parameters["then_classify"] is True
    assert collect.global_concurrency_limit.limit == 1
    assert collect.concurrency_options.collision_strategy == "CANCEL_NEW"
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 7
        assert s.scalar(select(func.count()).select_from(Classification)) == 7
        assert s.scalars(select(ReviewItem.level).where(ReviewItem.state == "pending")).all() == [3]
    assert [m["level"] for m in webhook.received] == [3]
