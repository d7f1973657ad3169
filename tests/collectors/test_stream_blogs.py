"""`peerfeed stream` and the sources no stream can follow: blogs (and Bluesky custom feeds) are
polled every `stream_poll_interval_s` with conditional GET, and what they bring is classified and
alerted at once, like everything a stream delivers."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from peerfeed.records import Platform
from peerfeed.sources import SourceConfig
from pipelines.streaming import plan, run_stream
from store.db import make_engine, transaction
from store.models import Classification, Post
from tests.pipelines.doubles import KeywordModel


def rss(*titles: str) -> bytes:
    items = "".join(f"<item><guid>https://blog.example/{t}</guid><title>{t}</title>"
                    f"<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><description>{t} notes</description></item>"
                    for t in titles)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>B</title>{items}</channel></rss>".encode()


def test_which_sources_are_streamed_and_which_polled():
    blog = SourceConfig(name="blog", platform=Platform.RSS, url="https://blog.example/feed")
    tag = SourceConfig(name="tag", platform=Platform.MASTODON, url="https://m.example", kind="hashtag",
                       options={"tag": "x"})
    account = SourceConfig(name="acct", platform=Platform.MASTODON, url="https://m.example", kind="account",
                           options={"acct": "a"})
    search = SourceConfig(name="search", platform=Platform.BLUESKY, url="https://b.example", kind="search",
                          options={"q": "x"})
    feed = SourceConfig(name="feed", platform=Platform.BLUESKY, url="https://b.example", kind="feed",
                        options={"feed": "at://x"})
    streamed, polled = plan([blog, tag, account, search, feed])
    assert streamed == {Platform.MASTODON: [tag], Platform.BLUESKY: [search]}
    assert polled == [blog, account, feed]


def test_a_blog_is_polled_with_conditional_get_and_classified_at_once(server, settings, sqlite_url):
    body = [rss("struggling this week", "a good day")]
    etag = ['"v1"']
    feed = server.conditional("/feed.xml", lambda: (body[0], etag[0]))
    settings = settings.model_copy(update={"database_url": sqlite_url, "stream_poll_interval_s": 5.0})
    engine = make_engine(sqlite_url)
    stop = threading.Event()
    runner = threading.Thread(target=run_stream, args=(engine, settings, [
        SourceConfig(name="blog", platform=Platform.RSS, url=feed)]), kwargs={"model": KeywordModel(), "stop": stop},
        daemon=True)
    runner.start()
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with transaction(engine) as s:
                if s.scalar(select(func.count()).select_from(Classification)) == 2:
                    break
            time.sleep(0.2)
        body[0], etag[0] = rss("struggling this week", "a good day", "new post"), '"v2"'
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with transaction(engine) as s:
                if s.scalar(select(func.count()).select_from(Post)) == 3:
                    break
            time.sleep(0.2)
    finally:
        stop.set()
        runner.join(30)
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 3
        assert s.scalar(select(func.count()).select_from(Classification)) == 3
    assert server.requests_to("/feed.xml")[1].headers.get("if-none-match") == '"v1"'
    engine.dispose()
