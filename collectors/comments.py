"""WordPress comment threads: each post's wfw:commentRss feed, read as replies to that post.

Only for sources with `options: {comments: true}`. A comment is a `Post` whose `reply_to` is the
blog post's `platform_id`. A comment feed that fails does not fail the source (the blog's own posts
are what it is for); it is logged with the source, URL and post id.

The threads of the newest posts are remembered in the source's cursor, with each thread's own
ETag / Last-Modified. WordPress answers a main feed's conditional GET with 304 when no *post*
changed, however many comments arrived, so a blog that publishes weekly would otherwise hide a new
comment (someone answering "how are you all doing?" at their lowest) for up to a week. Each run
therefore re-reads the remembered threads with conditional GETs, which cost a 304 when nothing is
new. When the main feed itself comes back (200), its `slash:comments` counts are current, and a
thread it says is empty is not fetched that time.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from collectors.base import FetchError
from collectors.feed_parse import FEED_ACCEPT, FeedParseError, fetch_limits, parse_feed
from collectors.http import fetch_url
from peerfeed.records import Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

# Feeds carry the newest ten or so posts; every thread is one more request to someone's small blog.
DEFAULT_MAX_THREADS = 10


@dataclass(frozen=True)
class Thread:
    """One post's comment feed as the source's cursor remembers it."""

    platform_id: str  # the blog post's
    feed: str
    published: str  # ISO 8601, UTC: the newest threads are kept
    thread_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    count: int | None = None  # slash:comments when the main feed last came back; None if unknown


def load_threads(cursor: str | None) -> list[Thread]:
    """The threads saved in an RSS source's cursor (none for an empty or unreadable cursor)."""
    if not cursor:
        return []
    try:
        rows = json.loads(cursor).get("comment_threads") or []
        return [Thread(**row) for row in rows]
    except (ValueError, TypeError, AttributeError):
        log.warning("unreadable comment-thread cursor ignored")
        return []


def dump_threads(threads: list[Thread]) -> str:
    """The cursor that `load_threads` reads back (an empty list too, so the store clears old threads)."""
    return json.dumps({"comment_threads": [asdict(t) for t in threads]}, separators=(",", ":"))


def comments_from_feed(
    data: bytes, post: Post | Thread, url: str, headers: dict | None = None, now: datetime | None = None,
    source_name: str | None = None,
) -> list[Post]:
    """Parse one comment feed into replies to `post` (pure; raises FeedParseError like parse_feed)."""
    name = source_name or (post.source if isinstance(post, Post) else None)
    if name is None:  # a saved Thread does not know its source
        raise ValueError("comments_from_feed needs source_name for a saved comment thread")
    comments = parse_feed(data, name, url, headers=headers, now=now)
    # A comment's link is the post's URL plus #comment-N: its canonical URL would be the post's
    # own, and dedupe would fold the comment into the post.
    return [
        replace(c, reply_to=post.platform_id, canonical_url=None, thread_url=post.thread_url,
                title=None, tags=(), extra={k: v for k, v in c.extra.items() if k != "feed_title"})
        for c in comments
        if c.platform_id != post.platform_id
    ]


def _hosts(post: Post, feed_url: str) -> set[str | None]:
    return {urlsplit(feed_url).hostname, urlsplit(post.url).hostname}


def threads_to_follow(saved: list[Thread], posts: list[Post], source: SourceConfig, feed_url: str) -> list[Thread]:
    """The newest `comments_max_threads` threads, from this fetch's posts and the saved ones.

    Only feeds on the blog's own host (the feed's or the post's) are followed; a saved thread keeps
    its validators, and a post in this fetch brings its current comment count.
    """
    opts = source.options or {}
    limit = int(opts.get("comments_max_threads", DEFAULT_MAX_THREADS))
    by_post = {t.platform_id: t for t in saved}
    for post in posts:
        url = post.extra.get("comments_feed")
        if not url or post.reply_to is not None:
            continue
        if urlsplit(url).hostname not in _hosts(post, feed_url):
            # A feed should not be able to send us to arbitrary hosts (an internal address, say).
            log.warning("comment feed on another host skipped source=%s url=%s post_id=%s", source.name, url,
                        post.platform_id, extra={"source": source.name, "url": url, "post_id": post.platform_id})
            continue
        old = by_post.get(post.platform_id)
        same_feed = old if old is not None and old.feed == url else None  # keeps its validators
        by_post[post.platform_id] = Thread(
            platform_id=post.platform_id, feed=url, published=post.published_at.astimezone(timezone.utc).isoformat(),
            thread_url=post.thread_url, etag=same_feed.etag if same_feed else None,
            last_modified=same_feed.last_modified if same_feed else None, count=post.extra.get("comment_count"))
    return sorted(by_post.values(), key=lambda t: t.published, reverse=True)[:limit]


def fetch_comment_threads(
    threads: list[Thread],
    source: SourceConfig,
    settings: Settings,
    client: httpx.Client | None = None,
    *,
    skip_empty: bool = False,
) -> tuple[list[Post], list[Thread]]:
    """Read each thread with a conditional GET; return the comments and the threads' new validators.

    `skip_empty`: the main feed just came back, so a thread whose count it gives as 0 is empty and
    is not asked for this time. A thread that fails keeps its old validators (tried again next run).
    """
    now = datetime.now(timezone.utc)
    out: list[Post] = []
    kept: list[Thread] = []
    for thread in threads:
        if skip_empty and thread.count == 0:
            kept.append(thread)
            continue
        try:
            response = fetch_url(thread.feed, settings, client=client, etag=thread.etag,
                                 last_modified=thread.last_modified, accept=FEED_ACCEPT, **fetch_limits(source))
            if not response.not_modified:
                out += comments_from_feed(response.body, thread, response.url, dict(response.headers), now=now,
                                          source_name=source.name)
            thread = replace(thread, etag=response.etag or thread.etag,
                             last_modified=response.last_modified or thread.last_modified)
        except (FetchError, FeedParseError) as exc:
            log.warning("comment thread not collected source=%s url=%s post_id=%s error=%s", source.name,
                        thread.feed, thread.platform_id, exc, extra={"source": source.name, "url": thread.feed, "post_id": thread.platform_id})
        kept.append(thread)
    return out, kept
