"""WordPress comment threads via wfw:commentRss, and the demo's sample server end to end."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from collectors.base import SourceState
from collectors.comments import Thread, comments_from_feed, load_threads
from collectors.rss import fetch_feed, parse_feed
from peerfeed.records import Platform
from peerfeed.sample_server import SampleServer
from peerfeed.sources import SourceConfig

SAMPLES = Path(__file__).resolve().parents[2] / "peerfeed" / "samples" / "rss"


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


def test_a_saved_thread_needs_its_source_name():
    # A Thread (the cursor's record of a comment feed) has no source of its own: without
    # source_name this was an AttributeError; the one caller passes it.
    saved = Thread(platform_id="https://bridgespeer.example/?p=2219", feed="http://127.0.0.1:8000/comments.xml",
                   published="2026-01-01T00:00:00+00:00")
    thread = (SAMPLES / "comments" / "bridges-running-on-empty.xml").read_bytes()
    with pytest.raises(ValueError, match="source_name"):
        comments_from_feed(thread, saved, saved.feed)
    comments = comments_from_feed(thread, saved, saved.feed, source_name="Bridges")
    assert comments and {c.source for c in comments} == {"Bridges"}
    assert {c.reply_to for c in comments} == {saved.platform_id}


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
    result = fetch_feed(bridges_source(url, comments=True, comments_max_threads=2), SourceState(), settings)
    # The two newest threads are followed: 25 Nov (no comments yet, so not asked for this time)
    # and 21 Nov; the 24 Oct thread is left out.
    assert [r.path for r in server.requests if "comments" in r.path] == ["/rss/comments/bridges-leaving-x.xml"]
    assert len(result.posts) == 12
    assert [t.platform_id for t in load_threads(result.state.cursor)] == [
        "https://bridgespeer.example/?p=2291", "https://bridgespeer.example/?p=2284"]


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


# --- New comments on a blog whose posts did not change --------------------------------------------

NEW_COMMENT = b"""<item>
		<title>By: Sam</title>
		<link>https://bridgespeer.example/2026/11/25/im-sorry/#comment-520</link>
		<dc:creator><![CDATA[Sam]]></dc:creator>
		<pubDate>Thu, 26 Nov 2026 01:10:00 +0000</pubDate>
		<guid isPermaLink="false">https://bridgespeer.example/?p=2291#comment-520</guid>
		<description><![CDATA[Reading this at 1am. Same here, I don't see the point any more.]]></description>
	</item>
</channel>"""


class WordPressBlog:
    """A blog as WordPress serves it: the posts feed says 304 while no *post* changed, whatever the
    comments do; each comment feed has its own ETag."""

    def __init__(self, server) -> None:
        import re

        feed = (SAMPLES / "bridges-peer-support.xml").read_bytes()
        # Every thread served here (the sample's absolute ones point at a host that does not exist).
        feed = re.sub(rb"<wfw:commentRss>https://bridgespeer\.example/\d+/\d+/\d+/([\w-]+)/feed/</wfw:commentRss>",
                      rb"<wfw:commentRss>/rss/comments/bridges-\1.xml</wfw:commentRss>", feed)
        self.threads: dict[str, bytes] = {}
        for slug in re.findall(rb"/rss/comments/bridges-([\w-]+)\.xml", feed):
            path = f"/rss/comments/bridges-{slug.decode()}.xml"
            sample = SAMPLES / "comments" / f"bridges-{slug.decode()}.xml"
            self.threads[path] = sample.read_bytes() if sample.is_file() else EMPTY_THREAD
            server.conditional(path, self._current(path))
        self.posts = feed
        self.url = server.conditional("/rss/bridges-peer-support.xml", self._current(None))

    def _current(self, path):
        """(body, ETag) as the blog has it now: the ETag changes when the body does."""
        def current():
            body = self.posts if path is None else self.threads[path]
            return body, f'"{hash(body)}"'
        return current


EMPTY_THREAD = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Comments on: a post</title><link>https://bridgespeer.example/</link><description></description>
</channel>
</rss>"""


def test_a_new_comment_is_collected_while_the_blog_answers_304_and_only_once(server, settings, sqlite_url):
    from sqlalchemy import select

    from pipelines.collecting import collect_all
    from store.db import make_engine, transaction
    from store.models import Post as PostRow

    blog = WordPressBlog(server)
    engine = make_engine(sqlite_url)
    sources = [bridges_source(blog.url, comments=True)]

    def replies() -> list[tuple[str, str]]:
        with transaction(engine) as s:
            return sorted(s.execute(select(PostRow.author, PostRow.reply_to).where(PostRow.reply_to.is_not(None))).all())

    def thread_requests() -> list[tuple[str, str | None]]:
        seen = [(r.path, {k.lower(): v for k, v in r.headers.items()}.get("if-none-match"))
                for r in server.requests if "/comments/" in r.path]
        server.requests.clear()
        return seen

    (first,) = collect_all(engine, settings, sources)
    assert first.error_kind is None and len(replies()) == 4
    # Only the two threads the feed counts comments on were asked for.
    assert {p for p, _ in thread_requests()} == {"/rss/comments/bridges-leaving-x.xml",
                                                 "/rss/comments/bridges-running-on-empty.xml"}

    # Someone answers the newest post overnight; no post changes, so the posts feed says 304.
    path = "/rss/comments/bridges-im-sorry.xml"
    blog.threads[path] = blog.threads[path].replace(b"</channel>", NEW_COMMENT)
    (second,) = collect_all(engine, settings, sources)
    assert second.error_kind is None and second.new == 1
    assert ("Sam", "https://bridgespeer.example/?p=2291") in replies() and len(replies()) == 5
    # Every remembered thread was re-read, conditionally where we had its ETag.
    asked = dict(thread_requests())
    assert len(asked) == 10 and asked["/rss/comments/bridges-leaving-x.xml"] is not None

    (third,) = collect_all(engine, settings, sources)
    assert third.error_kind is None and third.new == 0 and len(replies()) == 5
    assert all(etag is not None for _, etag in thread_requests())  # all conditional now: 304s
    engine.dispose()


def test_an_unreadable_thread_cursor_is_dropped_not_fatal(caplog):
    from collectors.comments import Thread, dump_threads

    thread = Thread("https://blog.example/?p=1", "https://blog.example/?p=1&feed=rss2", "2026-11-26T01:00:00+00:00",
                    etag='"7"')
    assert load_threads(dump_threads([thread])) == [thread]
    for cursor in ("not json", '["a list"]', '{"comment_threads": [{"unknown": 1}]}', None, ""):
        assert load_threads(cursor) == []
