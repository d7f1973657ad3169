"""The Bluesky feed generator over HTTP: cleared Bluesky posts, newest first, paged; nothing else, ever.

The end-to-end proof through Bluesky's own AppView is tests/bluesky/test_bluesky_feedgen.py.
"""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from peerfeed.settings import Settings
from pipelines.feedgen import (MAIN_FEED, TOPIC_FEEDS, feed_definitions, feed_uri, feedgen_app, service_did,
                               service_url)
from pipelines.web import BackgroundServer
from store.channels import configure_channel, record_channel_state
from store.db import transaction
from peerfeed.records import Deletion, Platform
from store.posts import apply_deletions
from tests.channels.helpers import decide, escalate, hide, read, store
from tests.store.helpers import T0, blog_post, skeet, toot

SKELETON = "/xrpc/app.bsky.feed.getFeedSkeleton"


@pytest.fixture
def settings():
    return Settings(_env_file=None, feedgen_hostname="feeds.peerfeed.example")


@pytest.fixture
def feedgen(community, settings):
    with BackgroundServer(feedgen_app(community, settings)) as server, httpx.Client(base_url=server.url) as client:
        yield client


def page(client, feed, **params):
    resp = client.get(SKELETON, params={"feed": feed, **params})
    assert resp.status_code == 200, resp.text
    return resp.json()


def every_page(client, feed, limit):
    uris, cursor, pages = [], None, 0
    while True:
        body = page(client, feed, limit=limit, **({"cursor": cursor} if cursor else {}))
        uris += [e["post"] for e in body["feed"]]
        pages += 1
        cursor = body.get("cursor")
        if not cursor:
            return uris, pages


def main_feed(settings):
    return feed_uri(service_did(settings), MAIN_FEED)


def test_the_service_document_names_this_server_as_the_feed_generator(feedgen, settings):
    doc = feedgen.get("/.well-known/did.json").json()
    assert doc["id"] == "did:web:feeds.peerfeed.example"
    assert doc["service"] == [{"id": "#bsky_fg", "type": "BskyFeedGenerator",
                               "serviceEndpoint": "https://feeds.peerfeed.example"}]
    described = feedgen.get("/xrpc/app.bsky.feed.describeFeedGenerator").json()
    assert described == {"did": "did:web:feeds.peerfeed.example",
                         "feeds": [{"uri": "at://did:web:feeds.peerfeed.example/app.bsky.feed.generator/peerfeed"}]}


def test_a_local_host_and_port_make_a_did_web_with_an_encoded_port():
    s = Settings(_env_file=None, feedgen_hostname="localhost:8503")
    assert (service_did(s), service_url(s)) == ("did:web:localhost%3A8503", "http://localhost:8503")


def test_cleared_bluesky_posts_only_newest_first_across_pages(feedgen, settings, community):
    skeets = [skeet(i, f"Peer support note {i}: a walk and a call with my peer worker.", published_at=T0 + timedelta(hours=i))
              for i in range(7)]
    ids = store(community, *skeets, blog_post(1), toot(1, "Our carers' café is open on Thursday."))
    low = ids[skeets[3].platform_id]
    read(community, {low: 2})  # held for review
    decide(community, ids[skeets[5].platform_id], hide)  # a moderator hides one the model published
    uris, pages = every_page(feedgen, main_feed(settings), limit=2)
    want = [s.platform_id for s in reversed(skeets) if s not in (skeets[3], skeets[5])]
    assert uris == want
    assert pages == 3


def test_a_post_taken_down_leaves_the_feed_on_the_next_request(feedgen, settings, community):
    skeets = [skeet(i, f"Care plan review day {i}, went better than expected.") for i in range(3)]
    ids = store(community, *skeets)
    read(community)
    feed = main_feed(settings)
    assert len(page(feedgen, feed)["feed"]) == 3
    decide(community, ids[skeets[0].platform_id], escalate)
    with transaction(community) as s:
        apply_deletions(s, [Deletion(Platform.BLUESKY, skeets[1].platform_id, "bluesky")])
    assert [e["post"] for e in page(feedgen, feed)["feed"]] == [skeets[2].platform_id]


def test_a_moderator_may_pause_the_feed(feedgen, settings, community):
    store(community, skeet(1, "Co-production meeting notes are up on the wiki."))
    read(community)
    with transaction(community) as s:
        configure_channel(s, "bluesky_feed", "admin.sam", enabled=False)
    assert page(feedgen, main_feed(settings)) == {"feed": []}


def test_topic_feeds_list_only_their_topic(feedgen, settings, community):
    a, b = skeet(1, "Carers' café on Thursday."), skeet(2, "Peer support group moved to the library.")
    ids = store(community, a, b)
    read(community, topics={ids[a.platform_id]: ("carers",), ids[b.platform_id]: ("peer_support",)})
    with transaction(community) as s:
        configure_channel(s, "bluesky_feed", "admin.sam", options={"topics": ["carers"]})
    feeds = [f["uri"] for f in feedgen.get("/xrpc/app.bsky.feed.describeFeedGenerator").json()["feeds"]]
    assert feeds == [main_feed(settings), feed_uri(service_did(settings), "carers")]
    assert [e["post"] for e in page(feedgen, feeds[1])["feed"]] == [a.platform_id]
    assert len(page(feedgen, feeds[0])["feed"]) == 2


def test_once_published_the_feeds_answer_for_the_community_accounts_uris(feedgen, settings, community):
    with transaction(community) as s:
        record_channel_state(s, "bluesky_feed", owner_did="did:plc:community")
    ours = feed_uri("did:plc:community", MAIN_FEED)
    assert page(feedgen, ours) == {"feed": []}
    assert feedgen.get(SKELETON, params={"feed": main_feed(settings)}).json()["error"] == "UnknownFeed"


@pytest.mark.parametrize("params, error", [
    ({"feed": "at://did:plc:someone/app.bsky.feed.generator/whats-hot"}, "UnknownFeed"),
    ({"feed": ""}, "UnknownFeed"),
    ({"limit": "0"}, "InvalidRequest"),
    ({"limit": "101"}, "InvalidRequest"),
    ({"limit": "ten"}, "InvalidRequest"),
    ({"cursor": "not-ours"}, "InvalidRequest"),
    ({"cursor": "99999999999999999999999.1"}, "InvalidRequest"),
])
def test_bad_requests_get_an_xrpc_error(feedgen, settings, params, error):
    resp = feedgen.get(SKELETON, params={"feed": main_feed(settings), **params})
    assert resp.status_code == 400 and resp.json()["error"] == error


def test_feed_names_fit_bluesky_limits():
    feeds = feed_definitions({"topics": list(TOPIC_FEEDS)})
    assert len(feeds) == 1 + len(TOPIC_FEEDS)
    for f in feeds:
        assert len(f.rkey) <= 15 and len(f.display_name) <= 24 and len(f.description) <= 300
    assert "Reviewed" not in feeds[0].description and "moderator" in feeds[0].description
