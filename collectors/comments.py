"""WordPress comment threads: each post's wfw:commentRss feed, read as replies to that post.

Only for sources with `options: {comments: true}`. A comment is a `Post` whose `reply_to` is the
blog post's `platform_id`. A comment feed that fails does not fail the source (the blog's own posts
are what it is for); it is logged with the source, URL and post id.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from collectors.http import FetchError, fetch_url
from collectors.rss import FEED_ACCEPT, FeedParseError, fetch_limits, parse_feed
from peerfeed.records import Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

# Feeds carry the newest ten or so posts; threads on older ones rarely move, and every thread is
# one more request to someone's small blog.
DEFAULT_MAX_THREADS = 10


def comments_from_feed(
    data: bytes, post: Post, url: str, headers: dict | None = None, now: datetime | None = None
) -> list[Post]:
    """Parse one comment feed into replies to `post` (pure; raises FeedParseError like parse_feed)."""
    comments = parse_feed(data, post.source, url, headers=headers, now=now)
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


def fetch_comment_threads(
    posts: list[Post],
    source: SourceConfig,
    settings: Settings,
    feed_url: str,
    client: httpx.Client | None = None,
) -> list[Post]:
    """Fetch the comment feeds of the newest posts that have comments; return the comments.

    Only feeds on the blog's own host (the feed's or the post's) are followed.
    """
    opts = source.options or {}
    limit = int(opts.get("comments_max_threads", DEFAULT_MAX_THREADS))
    wanted = [
        p for p in posts
        if p.extra.get("comments_feed") and p.extra.get("comment_count", 1) > 0 and p.reply_to is None
    ]
    wanted.sort(key=lambda p: p.published_at, reverse=True)
    now = datetime.now(timezone.utc)
    out: list[Post] = []
    for post in wanted[:limit]:
        url = post.extra["comments_feed"]
        if urlsplit(url).hostname not in _hosts(post, feed_url):
            # A feed should not be able to send us to arbitrary hosts (an internal address, say).
            log.warning("comment feed on another host skipped: %s", url,
                        extra={"source": source.name, "url": url, "post_id": post.platform_id})
            continue
        try:
            response = fetch_url(url, settings, client=client, accept=FEED_ACCEPT, **fetch_limits(source))
            if response.not_modified:
                continue
            out += comments_from_feed(response.body, post, response.url, dict(response.headers), now=now)
        except (FetchError, FeedParseError) as exc:
            log.warning("comment thread not collected: %s", exc,
                        extra={"source": source.name, "url": url, "post_id": post.platform_id})
    return out
