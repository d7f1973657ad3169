"""Changes upstream reach the store when polling Bluesky's own AppView (tests/bluesky/network.mjs):
a late post (a phone whose clock is behind) and an edit (putRecord keeps createdAt).

These tests post as `bulk` (bulkposter.test), whom no other test reads.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from collectors.base import SourceState
from collectors.bluesky import fetch_bluesky

pytestmark = pytest.mark.bluesky


def stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def post_record(text: str, created: datetime) -> dict:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp(created)}


def collect(source, settings, state):
    result = fetch_bluesky(source, state, settings)
    assert result.ok, result.error
    return result


def test_a_post_from_a_phone_a_minute_behind_is_collected(bsky_network, settings, make_source):
    source = make_source(bsky_network.appview, "author", name="bulk author", actor="bulkposter.test")
    bsky_network.post("bulk", "Peer support check-in: anyone around this evening?")
    first = collect(source, settings, SourceState())
    # Written now, but the phone's clock says a minute ago: it sorts below what the first run saw.
    late = bsky_network.create("bulk", post_record("Late night, phone clock wrong, still here.",
                                                   datetime.now(timezone.utc) - timedelta(minutes=1)))
    second = collect(source, settings, first.state)
    assert late["uri"] in {p.platform_id for p in second.posts}
    # The old rule (stop at the first post already seen) never gets to it.
    no_window = make_source(bsky_network.appview, "author", name="bulk author", actor="bulkposter.test",
                            overlap_s=1)
    assert late["uri"] not in {p.platform_id for p in collect(no_window, settings, first.state).posts}
    assert collect(source, settings, second.state).posts == []


def test_an_edit_is_collected_with_its_new_text(bsky_network, settings, make_source):
    source = make_source(bsky_network.appview, "author", name="bulk author", actor="bulkposter.test")
    created = datetime.now(timezone.utc)
    original = bsky_network.create("bulk", post_record("Call me on 07700 900123 if you need to talk", created))
    first = collect(source, settings, SourceState())
    assert original["uri"] in {p.platform_id for p in first.posts}
    edited = bsky_network.put("bulk", original["uri"], post_record("DM me if you need to talk", created))
    assert edited["cid"] != original["cid"]
    for _ in range(20):  # the AppView indexes the update a moment after the PDS answers
        second = collect(source, settings, first.state)
        if second.posts:
            break
        time.sleep(0.25)
    [post] = [p for p in second.posts if p.platform_id == original["uri"]]
    assert post.content_text == "DM me if you need to talk" and post.extra["cid"] == edited["cid"]


# A 1x1 transparent PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_alt_text_and_quotes_are_kept(bsky_network, settings, make_source):
    now = datetime.now(timezone.utc)
    quoted = bsky_network.create("bulk", post_record("Peer circle tonight at 7", now))
    blob = bsky_network.blob("bulk", PNG)
    record = post_record("Quoting myself, with the plan attached", now)
    record["embed"] = {
        "$type": "app.bsky.embed.recordWithMedia",
        "record": {"$type": "app.bsky.embed.record", "record": {"uri": quoted["uri"], "cid": quoted["cid"]}},
        "media": {"$type": "app.bsky.embed.images",
                  "images": [{"image": blob, "alt": "A handwritten crisis plan with phone numbers"}]},
    }
    created = bsky_network.create("bulk", record)
    source = make_source(bsky_network.appview, "author", name="bulk author", actor="bulkposter.test")
    [post] = [p for p in collect(source, settings, SourceState()).posts if p.platform_id == created["uri"]]
    quote_url = f"https://bsky.app/profile/bulkposter.test/post/{quoted['uri'].rsplit('/', 1)[1]}"
    assert post.extra["quote"] == {"uri": quoted["uri"], "url": quote_url}
    assert quote_url in post.links
    assert post.extra["media"] == [{"type": "image", "description": "A handwritten crisis plan with phone numbers"}]
