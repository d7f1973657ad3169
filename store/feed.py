"""The Bluesky custom feed's listing: cleared Bluesky posts, newest first, paged by a cursor.

A live channel: the feed generator (pipelines/feedgen.py) asks on every request, so a post that is
hidden, re-held, edited or deleted is gone from the very next page anyone loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from peerfeed.records import Platform
from store.models import Post, PostTopic
from store.publication import cleared, cleared_by

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MAX_LIMIT = 100  # app.bsky.feed.getFeedSkeleton's own bound


class BadCursor(ValueError):
    """A cursor this feed did not make."""


@dataclass(frozen=True)
class FeedItem:
    post_id: int
    uri: str  # the post's at:// URI
    published_at: datetime
    cleared_by: str


def encode_cursor(item: FeedItem) -> str:
    """Where the next page starts: just after this item (microseconds since the epoch, post id)."""
    micros = (item.published_at - EPOCH) // timedelta(microseconds=1)  # exact: no float rounding
    return f"{micros}.{item.post_id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        micros, post_id = cursor.split(".")
        return EPOCH + timedelta(microseconds=int(micros)), int(post_id)
    except (ValueError, OverflowError, OSError):
        raise BadCursor(f"not a cursor of this feed: {cursor[:100]!r}") from None


def feed_page(session: Session, limit: int = 50, cursor: str | None = None,
              topic: str | None = None) -> tuple[list[FeedItem], str | None]:
    """One page of the feed (`topic`: only posts carrying that topic) and the cursor of the next,
    None at the end. Order: published time, newest first, then post id."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    q = (select(Post.id, Post.platform_id, Post.published_at, cleared_by())
         .where(Post.platform == Platform.BLUESKY.value, Post.platform_id.startswith("at://"), cleared())
         .order_by(Post.published_at.desc(), Post.id.desc())
         .limit(limit + 1))
    if topic:
        q = q.join(PostTopic, and_(PostTopic.post_id == Post.id, PostTopic.topic == topic))
    if cursor:
        when, post_id = decode_cursor(cursor)
        q = q.where(or_(Post.published_at < when, and_(Post.published_at == when, Post.id < post_id)))
    rows = [FeedItem(pid, uri, at, by) for pid, uri, at, by in session.execute(q)]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1]) if more and rows else None)
