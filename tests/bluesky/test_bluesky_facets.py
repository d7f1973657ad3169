"""Facets become links, profile links and hashtag links at the right UTF-8 byte offsets."""

from atproto_client import models
from atproto_client.models.utils import get_or_create

from collectors.bluesky_parse import facets_to_html, post_from_view


def facet(text: str, fragment: str, feature: dict) -> models.AppBskyRichtextFacet.Main:
    start = len(text[: text.index(fragment)].encode("utf-8"))
    raw = {"index": {"byteStart": start, "byteEnd": start + len(fragment.encode("utf-8"))}, "features": [feature]}
    return get_or_create(raw, models.AppBskyRichtextFacet.Main)


LINK = "app.bsky.richtext.facet#link"
MENTION = "app.bsky.richtext.facet#mention"
TAG = "app.bsky.richtext.facet#tag"


def test_offsets_count_utf8_bytes_after_emoji_and_accents():
    text = "🌱 Café chat with @devraj.example — merci! #peersupport https://hub.example/x"
    rich = facets_to_html(text, [
        facet(text, "@devraj.example", {"$type": MENTION, "did": "did:plc:devrajdevrajdevrajdevraj"}),
        facet(text, "#peersupport", {"$type": TAG, "tag": "peersupport"}),
        facet(text, "https://hub.example/x", {"$type": LINK, "uri": "https://hub.example/x"}),
    ])
    assert '<a href="https://bsky.app/profile/did:plc:devrajdevrajdevrajdevraj" rel="noopener noreferrer nofollow ugc">@devraj.example</a>' in rich.html
    assert '<a href="https://bsky.app/hashtag/peersupport" rel="noopener noreferrer nofollow ugc">#peersupport</a>' in rich.html
    assert '>https://hub.example/x</a>' in rich.html
    assert rich.html.startswith("<p>🌱 Café chat with <a")
    assert rich.mentions == ("did:plc:devrajdevrajdevrajdevraj",)
    assert rich.tags == ("peersupport",)
    assert rich.links == ("https://hub.example/x",)


def test_text_is_escaped_and_unsafe_links_are_dropped():
    text = "<script>alert(1)</script> click here & see"
    rich = facets_to_html(text, [facet(text, "click here", {"$type": LINK, "uri": "javascript:alert(2)"})])
    assert "<script" not in rich.html
    assert "&lt;script&gt;" in rich.html
    assert "javascript:" not in rich.html
    assert "<a" not in rich.html
    assert "&lt;/script&gt; click here &amp; see" in rich.html
    assert rich.links == ()


def test_broken_facets_keep_the_text_unlinked():
    text = "né #tag"
    bad = [
        get_or_create({"index": {"byteStart": 0, "byteEnd": 2}, "features": [{"$type": TAG, "tag": "x"}]},
                      models.AppBskyRichtextFacet.Main),  # ends inside the two bytes of "é"
        get_or_create({"index": {"byteStart": 4, "byteEnd": 99}, "features": [{"$type": TAG, "tag": "y"}]},
                      models.AppBskyRichtextFacet.Main),  # runs past the text
    ]
    rich = facets_to_html(text, bad)
    assert rich.html == "<p>né #tag</p>"
    assert rich.tags == ()


def test_overlapping_facet_is_ignored_after_the_first():
    text = "see https://a.example/long"
    first = facet(text, "https://a.example/long", {"$type": LINK, "uri": "https://a.example/long"})
    inner = facet(text, "a.example", {"$type": LINK, "uri": "https://evil.example/"})
    rich = facets_to_html(text, [inner, first][::-1])
    assert rich.html.count("<a ") == 1
    assert "evil.example" not in rich.html


def test_paragraphs_and_line_breaks():
    rich = facets_to_html("line one\nline two\n\nsecond para", [])
    assert rich.html == "<p>line one<br>line two</p><p>second para</p>"


def test_post_from_view_with_record_the_sdk_could_not_type():
    # A record with an unexpected field shape falls back to a DotDict in the SDK; it still parses.
    view = get_or_create({
        "uri": "at://did:plc:abcabcabcabcabcabcabcabc/app.bsky.feed.post/3n2q4krr2222b",
        "cid": "bafyreibg3jsc627hfdqs3cr4craemckit6kfnvbd7uu2c7du45enrlupz4",
        "author": {"did": "did:plc:abcabcabcabcabcabcabcabc", "handle": "handle.invalid"},
        "record": {"$type": "app.bsky.feed.post", "text": "hello ✨ #x", "createdAt": "2099-01-01T00:00:00Z",
                   "facets": [{"index": {"byteStart": 10, "byteEnd": 12}, "features": [{"$type": TAG, "tag": "x"}]}],
                   "langs": "not-a-list"},
        "indexedAt": "2026-11-20T08:00:00.412Z",
    }, models.AppBskyFeedDefs.PostView, strict=False)
    post = post_from_view(view, "test")
    assert post.url == "https://bsky.app/profile/did:plc:abcabcabcabcabcabcabcabc/post/3n2q4krr2222b"
    # createdAt in the future is not believed; indexedAt is.
    assert post.published_at.isoformat() == "2026-11-20T08:00:00.412000+00:00"
    assert post.tags == ("x",)
    assert '<a href="https://bsky.app/hashtag/x"' in post.content_html
