"""WordPress comment threads via wfw:commentRss, and the demo's sample server end to end."""

from __future__ import annotations

import logging
from pathlib import Path

from collectors.base import SourceState
from collectors.comments import comments_from_feed
from collectors.rss import fetch_feed, parse_feed
from peerfeed.records import Platform
from peerfeed.sample_server import SampleServer
from peerfeed.sources import SourceConfig

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "rss"


def bridges_source(url: str, **options) -> SourceConfig:
    return SourceConfig("Bridges", Platform.RSS, url, options=options)


def test_comments_become_replies_to_their_post():
    feed_url = "http://127.0.0.1:8000/rss/bridges-peer-support.xml"
    posts = parse_feed((SAMPLES / "bridges-peer-support.xml").read_bytes(), "Bridges", feed_url)
    post = next(p for p in posts if p.platform_id == "https://bridgespeer.example/?p=2219")
    thread = (SAMPLES / "comments" / "bridges-running-on-empty.xml").read_bytes()
    comments = comments_from_feed(thread, post, post.extra["comments_feed"])
    assert [c.author for c in comments] == ["Priya Natarajan", "Alan W."]
    for c in comments:
        assert c.reply_to == post.platform_id
        assert c.platform_id.startswith("https://bridgespeer.example/?p=2219#comment-")
        assert c.source == "Bridges"
        # Not the post's canonical URL, or dedupe would fold the comment into the post.
        assert c.canonical_url is None
        assert c.title is None and c.thread_url == post.thread_url
    assert "worn out and lonely" in comments[1].content_text


def test_fetch_feed_collects_threads_only_when_asked_and_only_where_there_are_comments(settings):
    with SampleServer() as samples:
        url = f"{samples.url}/rss/bridges-peer-support.xml"
        plain = fetch_feed(bridges_source(url), SourceState(), settings)
        with_threads = fetch_feed(bridges_source(url, comments=True), SourceState(), settings)
    assert plain.ok and len(plain.posts) == 10
    assert with_threads.ok, with_threads.error
    comments = [p for p in with_threads.posts if p.reply_to]
    # Two posts have slash:comments > 0; the eight with none (and .example URLs) were never asked for.
    assert len(with_threads.posts) == 14 and len(comments) == 4
    assert {c.reply_to for c in comments} == {"https://bridgespeer.example/?p=2219", "https://bridgespeer.example/?p=2284"}
    bev = next(c for c in comments if c.author == "Bev")
    assert "javascript" not in bev.content_html


def test_a_failing_comment_thread_is_logged_and_the_blog_still_counts(server, settings, caplog):
    feed = (SAMPLES / "bridges-peer-support.xml").read_bytes()
    url = server.reply("/rss/bridges-peer-support.xml", feed)
    server.reply("/rss/comments/bridges-running-on-empty.xml", b"", status=500)
    server.reply("/rss/comments/bridges-leaving-x.xml", (SAMPLES / "comments" / "bridges-leaving-x.xml").read_bytes())
    with caplog.at_level(logging.WARNING, logger="collectors.comments"):
        result = fetch_feed(bridges_source(url, comments=True), SourceState(), settings)
    assert result.ok and len(result.posts) == 12
    (record,) = [r for r in caplog.records if r.name == "collectors.comments"]
    assert record.source == "Bridges" and record.post_id == "https://bridgespeer.example/?p=2219"
    assert "HTTP 500" in record.getMessage()


def test_thread_count_is_capped(server, settings):
    feed = (SAMPLES / "bridges-peer-support.xml").read_bytes()
    url = server.reply("/rss/bridges-peer-support.xml", feed)
    server.reply("/rss/comments/bridges-leaving-x.xml", (SAMPLES / "comments" / "bridges-leaving-x.xml").read_bytes())
    result = fetch_feed(bridges_source(url, comments=True, comments_max_threads=1), SourceState(), settings)
    # The newest post with comments (21 Nov) wins; the 24 Oct thread is left for another day.
    assert [r.path for r in server.requests if "comments" in r.path] == ["/rss/comments/bridges-leaving-x.xml"]
    assert len(result.posts) == 12


def test_sample_server_plays_both_sample_feeds(settings):
    with SampleServer() as samples:
        for name in ("bridges-peer-support", "coproduction-notebook"):
            result = fetch_feed(SourceConfig(name, Platform.RSS, f"{samples.url}/rss/{name}.xml"), SourceState(), settings)
            assert result.ok and len(result.posts) == 10


def test_comment_feeds_on_other_hosts_are_not_followed(server, settings, caplog):
    feed = (SAMPLES / "bridges-peer-support.xml").read_bytes().replace(
        b"<wfw:commentRss>/rss/comments/bridges-leaving-x.xml",
        b"<wfw:commentRss>http://169.254.169.254/latest/meta-data/",
    )
    url = server.reply("/rss/bridges-peer-support.xml", feed)
    server.reply("/rss/comments/bridges-running-on-empty.xml",
                 (SAMPLES / "comments" / "bridges-running-on-empty.xml").read_bytes())
    with caplog.at_level(logging.WARNING, logger="collectors.comments"):
        result = fetch_feed(bridges_source(url, comments=True), SourceState(), settings)
    assert result.ok and len([p for p in result.posts if p.reply_to]) == 2
    assert any("169.254.169.254" in r.getMessage() for r in caplog.records)
