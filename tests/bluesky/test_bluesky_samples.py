"""The bundled samples, served on 127.0.0.1 and read by the real atproto client."""

import json

from collectors.base import SourceState
from collectors.bluesky import check_deleted, fetch_bluesky
from peerfeed.records import Platform
from peerfeed.sample_server import SAMPLES_DIR

AMARA = "did:plc:q4mn7vbyk2ptw3xh5ahz6lre"
KIT_GOODBYE = "at://did:plc:y6fsl3dpc4qwz7mnhxkbr2ot/app.bsky.feed.post/3n2rd5iyhyk2b"
PRIYA_PAY = "at://did:plc:hx3o7ksl2d5ewqzr4mb6yjvu/app.bsky.feed.post/3n2q6jjyshs2b"
WORKSHOP = "at://did:plc:q4mn7vbyk2ptw3xh5ahz6lre/app.bsky.feed.post/3n2q4krr2222b"


def test_search_sample_becomes_posts(sample_server, settings, make_source):
    source = make_source(sample_server.url, "search", q="peer support")
    result = fetch_bluesky(source, SourceState(), settings)
    assert result.ok, result.error
    raw = json.loads((SAMPLES_DIR / "bluesky/xrpc/app.bsky.feed.searchPosts.json").read_text())
    assert [p.platform_id for p in result.posts] == [p["uri"] for p in raw["posts"]]
    post = next(p for p in result.posts if p.platform_id == WORKSHOP)
    assert post.platform is Platform.BLUESKY
    assert post.url == "https://bsky.app/profile/amara.peerhub.example/post/3n2q4krr2222b"
    assert post.author == "Amara Okafor"
    assert post.author_url == "https://bsky.app/profile/amara.peerhub.example"
    assert post.published_at.isoformat() == "2026-11-20T08:00:00+00:00"
    assert post.tags == ("coproduction", "CarePlanning")
    assert post.links == ("https://hub.example/care-plans?utm_source=bluesky",)
    assert '>hub.example/care-plans</a>' in post.content_html
    assert post.content_text.startswith("Care planning workshop at the Hub")


def test_reply_keeps_its_parent(sample_server, settings, make_source):
    result = fetch_bluesky(make_source(sample_server.url, "search", q="x"), SourceState(), settings)
    reply = next(p for p in result.posts if p.content_text.startswith("@kit-wren.example please call"))
    assert reply.reply_to == KIT_GOODBYE
    assert reply.thread_url == "https://bsky.app/profile/did:plc:y6fsl3dpc4qwz7mnhxkbr2ot/post/3n2rd5iyhyk2b"
    assert reply.mentions == ("did:plc:y6fsl3dpc4qwz7mnhxkbr2ot",)


def test_author_feed_repost_is_the_original_post(sample_server, settings, make_source):
    result = fetch_bluesky(make_source(sample_server.url, "author", actor="amara.peerhub.example"), SourceState(), settings)
    assert result.ok, result.error
    assert len(result.posts) == 4
    repost = next(p for p in result.posts if p.platform_id == PRIYA_PAY)
    assert repost.author == "Priya Shah (she/her)"  # the original author, not the reposter
    assert repost.extra["reposted_by"] == ["amara.peerhub.example"]
    assert repost.extra["did"] != AMARA


def test_second_collect_finds_nothing_new(sample_server, settings, make_source):
    for kind, options in [("search", {"q": "x"}), ("hashtag", {"tag": "peersupport"}), ("author", {"actor": "a.example"})]:
        source = make_source(sample_server.url, kind, **options)
        first = fetch_bluesky(source, SourceState(), settings)
        assert first.ok and first.posts
        again = fetch_bluesky(source, first.state, settings)
        assert again.ok, again.error
        assert again.posts == [], kind


def test_check_deleted_reports_posts_getposts_leaves_out(sample_server, settings, make_source):
    source = make_source(sample_server.url, "search", q="x")
    posts = fetch_bluesky(source, SourceState(), settings).posts
    result = check_deleted(source, [p.platform_id for p in posts] + ["not a uri"], settings)
    assert result.ok, result.error
    assert [d.platform_id for d in result.deletions] == [KIT_GOODBYE]
    assert result.deletions[0].platform is Platform.BLUESKY


def test_check_deleted_leaves_handle_form_and_foreign_uris_alone(sample_server, settings, make_source):
    source = make_source(sample_server.url, "search", q="x")
    odd = ["at://kit-wren.example/app.bsky.feed.post/3n2rd5iyhyk2b",
           "at://did:plc:y6fsl3dpc4qwz7mnhxkbr2ot/app.bsky.feed.like/3n2rd5iyhyk2b",
           "https://bsky.app/profile/kit-wren.example/post/3n2rd5iyhyk2b"]
    result = check_deleted(source, odd + [KIT_GOODBYE], settings, max_checks=10)
    assert [d.platform_id for d in result.deletions] == [KIT_GOODBYE]
    assert check_deleted(source, [WORKSHOP, KIT_GOODBYE], settings, max_checks=1).deletions == []


def test_a_shared_http_client_is_used_and_left_open(sample_server, settings, make_source):
    import httpx

    seen = []
    with httpx.Client(event_hooks={"request": [lambda r: seen.append(r.url.path)]}) as http:
        source = make_source(sample_server.url, "author", actor="amara.peerhub.example")
        result = fetch_bluesky(source, SourceState(), settings, client=http)
        assert result.ok and len(result.posts) == 4
        assert seen[0] == "/xrpc/app.bsky.feed.getAuthorFeed"
        assert not http.is_closed


def test_samples_pass_the_sdks_strict_validation_including_string_formats():
    from atproto_client import models
    from atproto_client.models.utils import get_or_create

    shapes = {
        "app.bsky.feed.searchPosts": models.AppBskyFeedSearchPosts.Response,
        "app.bsky.feed.getAuthorFeed": models.AppBskyFeedGetAuthorFeed.Response,
        "app.bsky.feed.getPosts": models.AppBskyFeedGetPosts.Response,
    }
    for nsid, shape in shapes.items():
        data = json.loads((SAMPLES_DIR / f"bluesky/xrpc/{nsid}.json").read_text())
        assert isinstance(get_or_create(data, shape, strict=True, strict_string_format=True), shape)
