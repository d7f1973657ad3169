"""The Bluesky collector through the real collect pipeline into a real SQLite store."""

import pytest
from sqlalchemy import select

from pipelines.deletions import check_deletions
from pipelines.local import run_collect
from store.db import make_engine, transaction
from store.models import Post

pytestmark = pytest.mark.bluesky


def stored(settings) -> dict[str, Post]:
    engine = make_engine(settings.database_url)
    try:
        with transaction(engine) as session:
            return {p.platform_id: p for p in session.scalars(select(Post))}
    finally:
        engine.dispose()


def test_collect_store_again_then_erase_a_post_deleted_upstream(bsky_network, store_settings, make_source):
    # Other tests share the network: this one only reads joanne's posts and deletes its own.
    net = bsky_network.info
    keep = bsky_network.post("dev", "Carers' drop-in moved to Wednesdays from next month.")
    victim = bsky_network.post("dev", "Rough night with my son, posting this to get it out of my head.")
    sources = [make_source(bsky_network.appview, "author", name="joanne on bluesky", actor="joanne.test"),
               make_source(bsky_network.appview, "author", name="devraj on bluesky", actor="devraj.test")]
    first = run_collect(store_settings, configs=sources)
    second = run_collect(store_settings, configs=sources)
    assert [r.status for r in first] == ["ok", "ok"]
    assert first[0].new == 23  # 20 diary posts, the low post, the reply and amara's reposted plan
    assert [r.new for r in second] == [0, 0]
    rows = stored(store_settings)
    assert rows[net["posts"]["reply"]].reply_to == net["posts"]["plan"]
    assert rows[net["posts"]["plan"]].author == "Amara (peer worker)"  # the original, not the repost

    # Devraj deletes a post after it was stored: the periodic check erases its text, nothing else.
    bsky_network.delete("dev", victim)
    engine = make_engine(store_settings.database_url)
    try:
        reports = {r.source: r for r in check_deletions(engine, store_settings)}
    finally:
        engine.dispose()
    assert reports["devraj on bluesky"].error is None
    assert (reports["devraj on bluesky"].erased, reports["joanne on bluesky"].erased) == (1, 0)
    rows = stored(store_settings)
    assert rows[victim].deleted_at is not None
    assert rows[victim].content_text == "" and rows[victim].content_html == ""
    assert rows[keep].deleted_at is None and rows[keep].content_text.startswith("Carers' drop-in")
