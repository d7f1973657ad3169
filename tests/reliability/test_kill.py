"""kill -9 of a collect mid-run, then a re-run: every post exactly once, no half-written source."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import yaml
from sqlalchemy import func, select

from peerfeed.settings import Settings
from store.db import make_engine, transaction
from store.models import FetchRun, Post

FEEDS, ITEMS = 10, 25


def feed_xml(n: int) -> bytes:
    items = "".join(
        f"<item><title>Peer support note {n}-{i}</title><link>https://blog{n}.example/p/{i}</link>"
        f"<guid>https://blog{n}.example/p/{i}</guid><pubDate>Mon, 02 Nov 2026 09:{i:02d}:00 GMT</pubDate>"
        f"<description>Our group talked about care plans and recovery, week {i}.</description></item>"
        for i in range(ITEMS)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog {n}</title>{items}</channel></rss>'.encode()


def _slow_feed(h) -> None:
    time.sleep(0.3)  # slow enough that a kill lands between sources
    n = int(h.path.split("?")[0].strip("/").split(".")[0].removeprefix("feed"))
    body = feed_xml(n)
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


@pytest.fixture
def slow_feeds(fixture_server):
    for n in range(FEEDS):
        fixture_server.route(f"/feed{n}.xml", _slow_feed)
    return fixture_server.url("")


def collect_cmd(database_url, sources_file):
    return [sys.executable, "-m", "peerfeed.cli", "--db", database_url, "collect", "--sources", str(sources_file)]


def test_killed_collect_then_rerun_stores_every_post_once(database_url, slow_feeds, tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [
        {"name": f"Blog {n}", "platform": "rss", "url": f"{slow_feeds}/feed{n}.xml"} for n in range(FEEDS)
    ]}))
    engine = make_engine(database_url)
    proc = subprocess.Popen(collect_cmd(database_url, sources), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 60
        done = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with transaction(engine) as s:
                    done = s.scalar(select(func.count()).select_from(FetchRun).where(FetchRun.status == "ok"))
            except Exception:  # noqa: BLE001 - schema not there yet on the first polls
                done = 0
            if done >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"collect finished before it could be killed: {proc.communicate()}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    with transaction(engine) as s:
        stored = s.scalar(select(func.count()).select_from(Post))
        ok_runs = s.scalar(select(func.count()).select_from(FetchRun).where(FetchRun.status == "ok"))
    assert 3 <= ok_runs < FEEDS
    assert stored == ok_runs * ITEMS  # whole sources only: nothing half-written

    rerun = subprocess.run(collect_cmd(database_url, sources), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with transaction(engine) as s:
        total = s.scalar(select(func.count()).select_from(Post))
        distinct = s.scalar(select(func.count(func.distinct(Post.platform_id))))
        statuses = dict(s.execute(select(FetchRun.status, func.count()).group_by(FetchRun.status)).all())
    assert total == distinct == FEEDS * ITEMS
    assert "running" not in statuses
    # only the sources in flight when the kill landed (collect_concurrency of them at most)
    assert statuses.get("interrupted", 0) <= Settings(_env_file=None).collect_concurrency
    engine.dispose()
