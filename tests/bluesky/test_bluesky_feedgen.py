"""Our feed generator through Bluesky's own AppView (@atproto/dev-env): after `peerfeed feedgen publish`,
`app.bsky.feed.getFeed` returns exactly the cleared posts, newest first, pages with the cursor, and
drops a post a moderator hides on the very next call."""

from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from peerfeed.cli import app
from pipelines.feedgen import feedgen_app
from pipelines.local import run_collect
from pipelines.web import BackgroundServer, free_port
from store.db import make_engine, transaction
from store.models import Post
from tests.channels.helpers import approve, decide, hide, read
from tests.conftest import add_users

pytestmark = pytest.mark.bluesky


def get_feed(appview: httpx.Client, feed: str, **params) -> dict:
    resp = appview.get("/xrpc/app.bsky.feed.getFeed", params={"feed": feed, **params})
    assert resp.status_code == 200, resp.text
    return resp.json()


def wait_until_indexed(appview: httpx.Client, feed: str, timeout_s: float = 30) -> dict:
    """The AppView learns of the new record from the PDS's firehose a moment after it is written."""
    deadline = time.monotonic() + timeout_s
    while True:
        resp = appview.get("/xrpc/app.bsky.feed.getFeedGenerator", params={"feed": feed})
        if resp.status_code == 200:
            return resp.json()
        assert time.monotonic() < deadline, f"the AppView never indexed {feed}: {resp.text}"
        time.sleep(0.25)


def test_the_appview_serves_exactly_our_cleared_posts_in_order_and_drops_a_hidden_one(
        bsky_network, store_settings, make_source):
    net = bsky_network.info
    run_collect(store_settings, configs=[make_source(bsky_network.appview, "author", name="joanne on bluesky",
                                                     actor="joanne.test")])
    engine = make_engine(store_settings.database_url)
    add_users(engine)
    with transaction(engine) as s:
        ids = dict(s.execute(select(Post.platform_id, Post.id)).all())
    posts = net["posts"]
    low, reply, diary = ids[posts["low"]], ids[posts["reply"]], ids[posts["diary7"]]
    read(engine, {low: 2, reply: 1})  # the low post is held; the reply waits for a moderator ...
    decide(engine, reply, approve)  # ... who approves it
    decide(engine, diary, hide)  # and hides a diary post the model had published
    with transaction(engine) as s:
        rows = s.execute(select(Post.platform_id, Post.id, Post.published_at)).all()
    expected = [uri for uri, pid, at in sorted(rows, key=lambda r: (r[2], r[1]), reverse=True)
                if pid not in (low, diary)]
    assert len(expected) == len(rows) - 2 == 21

    port = free_port()
    settings = store_settings.model_copy(update={"feedgen_hostname": f"localhost:{port}"})
    env = {"PEERFEED_DATABASE_URL": store_settings.database_url, "PEERFEED_FEEDGEN_HOSTNAME": f"localhost:{port}",
           "PEERFEED_FEEDGEN_HANDLE": net["handles"]["amara"], "PEERFEED_FEEDGEN_APP_PASSWORD": net["app_password"],
           "PEERFEED_FEEDGEN_LOGIN_URL": bsky_network.pds}
    with BackgroundServer(feedgen_app(engine, settings), port=port), \
            httpx.Client(base_url=bsky_network.appview, timeout=30) as appview:
        result = CliRunner().invoke(app, ["feedgen", "publish"], env=env)
        assert result.exit_code == 0, result.output
        feed = f"at://{net['did']['amara']}/app.bsky.feed.generator/peerfeed"
        assert feed in result.output
        view = wait_until_indexed(appview, feed)["view"]
        assert view["did"] == f"did:web:localhost%3A{port}" and "moderator" in view["description"]

        # Paged through the AppView with the cursor our generator hands out: every cleared post, in order.
        seen, cursor, pages = [], None, 0
        while True:
            body = get_feed(appview, feed, limit=8, **({"cursor": cursor} if cursor else {}))
            seen += [item["post"]["uri"] for item in body["feed"]]
            pages += 1
            cursor = body.get("cursor")
            if not cursor:
                break
        assert seen == expected
        assert pages == 3

        # A moderator hides the newest post: the next call to the AppView no longer has it.
        decide(engine, ids[expected[0]], hide)
        first = get_feed(appview, feed, limit=8)
        assert [item["post"]["uri"] for item in first["feed"]] == expected[1:9]
    engine.dispose()
