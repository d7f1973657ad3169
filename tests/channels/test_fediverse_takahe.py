"""The fediverse publisher against a real Mastodon-API server (Takahe): boosts and link toots appear on
the community account's timeline, disappear when taken down, and are not doubled by a kill -9.

The community account is sian; dev follows it and reads its posts in their home timeline; jo posts
the Mastodon statuses peerfeed collects. Every test uses links of its own (the server is shared).
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from collectors.mastodon_parse import status_to_post
from peerfeed.settings import Settings
from pipelines.fediverse import run_fediverse
from store.db import transaction
from store.models import OutboxAction, utcnow
from tests.channels.conftest import poll
from tests.channels.helpers import decide, hide, read, store
from tests.conftest import REPO
from tests.store.helpers import blog_post, skeet

NOW = utcnow()


@pytest.fixture(scope="module")
def follower(takahe):
    """dev follows the community account (sian), so sian's boosts and toots reach dev's home timeline."""
    sian = takahe.tokens["sian"]["id"]
    with takahe.client("dev") as dev:
        dev.post(f"/api/v1/accounts/{sian}/follow").raise_for_status()
        poll(lambda: dev.get("/api/v1/accounts/relationships", params={"id[]": sian}).json()[0]["following"])
    return takahe


def settings_for(takahe, database_url: str, **kw) -> Settings:
    return Settings(_env_file=None, database_url=database_url, fediverse_instance_url=takahe.url,
                    fediverse_access_token=takahe.tokens["sian"]["token"], fediverse_pause_s=0, **kw)


def env_for(takahe, database_url: str, pause_s: float = 0) -> dict:
    return {**os.environ, "PEERFEED_DATABASE_URL": database_url, "PEERFEED_FEDIVERSE_INSTANCE_URL": takahe.url,
            "PEERFEED_FEDIVERSE_ACCESS_TOKEN": takahe.tokens["sian"]["token"],
            "PEERFEED_FEDIVERSE_PAUSE_S": str(pause_s), "PEERFEED_FEDIVERSE_ACTIONS_PER_RUN": "100"}


def jo_posts(takahe, *texts) -> list[dict]:
    with takahe.client("jo") as jo:
        return [jo.post("/api/v1/statuses", data={"status": t, "visibility": "public"}).json() for t in texts]


def links_tooted(takahe, links) -> dict[str, int]:
    """How many of the community account's own statuses link each of `links`."""
    counts = dict.fromkeys(links, 0)
    with takahe.client("sian") as sian:
        statuses = sian.get(f"/api/v1/accounts/{takahe.tokens['sian']['id']}/statuses", params={"limit": 40}).json()
    for status in statuses:
        for link in links:
            counts[link] += f'href="{html.escape(link, quote=True)}"' in status["content"]
    return counts


def boosted_by_community(takahe, status_id: str) -> bool:
    with takahe.client("sian") as sian:
        accounts = sian.get(f"/api/v1/statuses/{status_id}/reblogged_by").json()
    return [a["id"] for a in accounts].count(takahe.tokens["sian"]["id"]) == 1


def home_of_dev(takahe) -> list[dict]:
    with takahe.client("dev") as dev:
        return dev.get("/api/v1/timelines/home", params={"limit": 40}).json()


def test_boosts_and_link_toots_reach_followers_and_leave_when_taken_down(community, follower, database_url):
    takahe, run = follower, uuid.uuid4().hex[:8]
    calm, other, low = jo_posts(takahe, f"Peer support walk on Saturday ({run})",
                                f"Carers' café notes are up ({run})", f"Everything feels pointless this week ({run})")
    blog = blog_post(1, "Our care planning workshop.", title=f"Care planning workshop ({run})",
                     url=f"https://carersvoice.example/{run}/workshop/", content_warning="mentions of hospital",
                     published_at=NOW - timedelta(hours=2))
    sky = skeet(1, "Co-production notes.", url=f"https://bsky.app/profile/sam.example/post/{run}",
                published_at=NOW - timedelta(hours=1))
    ids = store(community, *[status_to_post(s, "jo on takahe") for s in (calm, other, low)], blog, sky)
    low_id = ids[low["uri"]]
    read(community, {low_id: 2})
    settings = settings_for(takahe, database_url)

    report = run_fediverse(community, settings)
    assert report.done == {"boost": 2, "toot": 2} and not report.errors, report

    def everything_arrived():
        timeline = home_of_dev(takahe)
        boosts = {s["reblog"]["id"] for s in timeline if s.get("reblog")}
        toots = [s for s in timeline if not s.get("reblog") and s["account"]["id"] == takahe.tokens["sian"]["id"]
                 and run in s["content"] + s["spoiler_text"] + str(s.get("card"))]
        return (boosts, toots) if {calm["id"], other["id"]} <= boosts and len(toots) >= 2 else None

    boosts, toots = poll(everything_arrived)
    assert low["id"] not in boosts
    assert links_tooted(takahe, [blog.url, sky.url]) == {blog.url: 1, sky.url: 1}
    blog_toot = next(t for t in toots if blog.url.replace("&", "&amp;") in t["content"])
    assert blog_toot["spoiler_text"] == "mentions of hospital" and blog_toot["sensitive"]
    assert "Published automatically, not yet reviewed by a person." in blog_toot["content"]
    assert "Our care planning workshop." not in blog_toot["content"]  # the link, never the text

    decide(community, ids[calm["uri"]], hide)
    decide(community, ids[blog.platform_id], hide)
    assert run_fediverse(community, settings).done == {"unboost": 1, "delete": 1}
    assert not boosted_by_community(takahe, calm["id"]) and boosted_by_community(takahe, other["id"])
    with takahe.client("sian") as sian:
        assert sian.get(f"/api/v1/statuses/{blog_toot['id']}").status_code == 404
    poll(lambda: calm["id"] not in {s["reblog"]["id"] for s in home_of_dev(takahe) if s.get("reblog")})
    assert links_tooted(takahe, [blog.url, sky.url]) == {blog.url: 0, sky.url: 1}


def _a_batch(community, takahe, run: str, toots: int, boosts: int):
    """`toots` blog posts and `boosts` of jo's statuses, all cleared by the model, oldest first."""
    blogs = [blog_post(i, f"Peer support note {i}.", title=f"Note {i} ({run})", published_at=NOW - timedelta(hours=50 - i),
                       url=f"https://carersvoice.example/{run}/note-{i}/") for i in range(toots)]
    statuses = jo_posts(takahe, *[f"Boost me {i} ({run})" for i in range(boosts)])
    store(community, *blogs, *[status_to_post(s, "jo on takahe") for s in statuses])
    read(community)
    return [b.url for b in blogs], statuses


def _outbox_states(community) -> dict[str, int]:
    with transaction(community) as s:
        return dict(s.execute(select(OutboxAction.state, func.count()).group_by(OutboxAction.state)).all())


def _cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peerfeed.cli", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def only_on(request, backend: str) -> None:
    """The kill tests are about the remote and the process, not the database: each runs on one backend."""
    if request.node.callspec.params.get("database_url") != backend:
        pytest.skip(f"runs on {backend} only (the store's outbox is tested on both in test_fediverse.py)")


def test_a_kill_9_between_posting_a_toot_and_recording_it_does_not_post_it_twice(
        community, takahe, database_url, request):
    only_on(request, "sqlite")
    run = uuid.uuid4().hex[:8]
    links, statuses = _a_batch(community, takahe, run, toots=5, boosts=2)
    env = env_for(takahe, database_url)
    died = subprocess.run([sys.executable, "-m", "tests.channels.publish_and_die", "3"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert died.returncode == -9, died.stderr[-2000:]
    assert _outbox_states(community) == {"done": 2, "claimed": 1, "pending": 4}
    assert sum(links_tooted(takahe, links).values()) == 3  # the third toot is out, but not recorded

    again = _cli("fediverse", "publish", env=env)
    assert again.returncode == 0, again.stderr
    assert "reconciled 1" in again.stdout
    assert links_tooted(takahe, links) == dict.fromkeys(links, 1)
    assert all(boosted_by_community(takahe, s["id"]) for s in statuses)
    assert _outbox_states(community) == {"done": 7}


def test_a_kill_9_mid_batch_then_a_rerun_leaves_every_post_out_exactly_once(community, takahe, database_url, request):
    only_on(request, "postgresql")
    run = uuid.uuid4().hex[:8]
    links, statuses = _a_batch(community, takahe, run, toots=8, boosts=2)
    env = env_for(takahe, database_url, pause_s=0.2)
    proc = subprocess.Popen([sys.executable, "-m", "peerfeed.cli", "fediverse", "publish"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        poll(lambda: _outbox_states(community).get("done", 0) >= 3, timeout_s=120, every_s=0.05)
    finally:
        proc.kill()  # SIGKILL: no cleanup, no lease released
        proc.wait()
    states = _outbox_states(community)
    assert states.get("done", 0) < 10, f"the kill came too late to test anything: {states}"

    again = _cli("fediverse", "publish", env=env)
    assert again.returncode == 0, again.stderr
    assert links_tooted(takahe, links) == dict.fromkeys(links, 1)
    assert all(boosted_by_community(takahe, s["id"]) for s in statuses)
    assert _outbox_states(community) == {"done": 10}
    assert _cli("fediverse", "publish", env=env).stdout.startswith("nothing sent")
