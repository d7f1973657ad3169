"""Read-side queries for the CLI, flows and dashboard.

The reader rule lives here and only here: a post reaches a reader when its review item is
approved and it has not been deleted upstream. Held, hidden and escalated posts never match
`visible_to_readers()`, whatever filters a caller adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session, joinedload

from store.models import QUEUE_SQL, Classification, Post, PostTopic, ReviewItem, ReviewState, Source

QUEUE_STATES = (ReviewState.PENDING.value, ReviewState.ESCALATED.value)


def visible_to_readers():
    """The SQL condition for 'a reader may see this post' (join ReviewItem first)."""
    return and_(ReviewItem.state == ReviewState.APPROVED.value, Post.deleted_at.is_(None))


def _open_items(states):
    """The queue's state filter; the default one as literal SQL so the partial index applies."""
    if tuple(states) == QUEUE_STATES:
        return text(f"review_items.{QUEUE_SQL}")
    return ReviewItem.state.in_(states)


@dataclass(frozen=True)
class QueueEntry:
    item: ReviewItem
    post: Post
    classification: Classification | None
    source_name: str | None


def review_queue(session: Session, limit: int = 50, offset: int = 0, states=QUEUE_STATES,
                 assignee: str | None = None) -> list[QueueEntry]:
    """Items awaiting a moderator: escalated and highest level first, then longest waiting.

    Escalation adds 100 to an item's priority (store/classification.py: queue_priority).
    """
    q = (
        select(ReviewItem, Post, Classification, Source.name)
        .join(Post, Post.id == ReviewItem.post_id)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .outerjoin(Source, Source.id == Post.source_id)
        .where(_open_items(states), Post.deleted_at.is_(None))
        .order_by(ReviewItem.priority.desc(), ReviewItem.created_at, ReviewItem.id)
        .limit(limit).offset(offset)
    )
    if assignee is not None:
        q = q.where(ReviewItem.assignee == assignee)
    return [QueueEntry(i, p, c, s) for i, p, c, s in session.execute(q)]


def queue_counts(session: Session) -> dict[str, int]:
    """Items waiting, by level ('failed' for posts the model could not read)."""
    # No join to posts: an upstream deletion hides the item (store/posts.py: apply_deletions).
    q = select(ReviewItem.level, func.count()).where(_open_items(QUEUE_STATES)).group_by(ReviewItem.level)
    return {("failed" if lvl is None else str(lvl)): n for lvl, n in session.execute(q)}


def digest(session: Session, limit: int = 20, offset: int = 0, topic: str | None = None,
           platform: str | None = None, since: datetime | None = None, until: datetime | None = None) -> list[Post]:
    """Approved, live posts, newest first, with optional filters."""
    q = (
        select(Post)
        .join(ReviewItem, ReviewItem.post_id == Post.id)
        .options(joinedload(Post.classification), joinedload(Post.source))
        .where(visible_to_readers())
        .order_by(Post.published_at.desc(), Post.id.desc())
        .limit(limit).offset(offset)
    )
    if platform:
        q = q.where(Post.platform == platform)
    if since:
        q = q.where(Post.published_at >= since)
    if until:
        q = q.where(Post.published_at < until)
    if topic:
        q = q.where(select(PostTopic.post_id).where(PostTopic.post_id == Post.id, PostTopic.topic == topic).exists())
    return list(session.scalars(q).unique())


def sources_health(session: Session) -> list[tuple[Source, int]]:
    """Every source with its number of stored posts."""
    counts = dict(session.execute(select(Post.source_id, func.count()).group_by(Post.source_id)).all())
    return [(s, counts.get(s.id, 0)) for s in session.scalars(select(Source).order_by(Source.name))]


def export_rows(session: Session, batch: int = 1000) -> Iterator[dict]:
    """Every post with its classification and review state, as plain dicts (for `peerfeed export`)."""
    last = 0
    while True:
        q = (
            select(Post, Classification, ReviewItem, Source.name)
            .outerjoin(Classification, Classification.post_id == Post.id)
            .outerjoin(ReviewItem, ReviewItem.post_id == Post.id)
            .outerjoin(Source, Source.id == Post.source_id)
            .where(Post.id > last).order_by(Post.id).limit(batch)
        )
        rows = session.execute(q).all()
        if not rows:
            return
        for post, cls, item, source_name in rows:
            last = post.id
            yield {
                "id": post.id,
                "platform": post.platform,
                "platform_id": post.platform_id,
                "source": source_name,
                "url": post.url,
                "canonical_url": post.canonical_url,
                "story_id": post.story_id,
                "title": post.title,
                "author": post.author,
                "content_warning": post.content_warning,
                "text": post.content_text,
                "tags": post.tags,
                "published_at": post.published_at.isoformat(),
                "deleted": post.deleted_at is not None,
                "classification": None if cls is None else {
                    "model_version": cls.model_version, "topics": cls.topics, "topic_scores": cls.topic_scores,
                    "distress": cls.distress, "distress_score": cls.distress_score,
                    "needs_review": cls.needs_review, "reasons": cls.reasons, "error": cls.error,
                },
                "review": None if item is None else {
                    "state": item.state, "level": item.level, "assignee": item.assignee, "note": item.note,
                    "decided_by": item.decided_by, "version": item.version,
                },
            }
