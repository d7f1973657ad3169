"""Posts for the published digest: only what the publication gate clears, newly approved in a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Classification, Post, ReviewItem, Source
from store.publication import cleared, cleared_by


@dataclass(frozen=True)
class DigestEntry:
    post_id: int
    platform: str
    platform_id: str
    url: str
    title: str | None
    author: str
    author_url: str | None
    content_html: str
    content_warning: str | None
    published_at: datetime
    approved_at: datetime
    source_name: str | None
    topics: tuple[str, ...]
    topic_scores: dict[str, float]
    cleared_by: str  # "moderator" or "model": each channel tells readers which


def digest_entries(session: Session, since: datetime, until: datetime, limit: int = 300,
                   reviewed_only: bool = False) -> list[DigestEntry]:
    """Posts approved in [since, until) that the gate clears, newest published first (with
    `reviewed_only`, only those a person approved: the weekly email's).

    The period is by approval, not publication: a post held for review a few days enters the next
    digest after a moderator approves it, instead of never appearing.
    """
    q = (
        select(Post, ReviewItem.decided_at, Source.name, Classification.topics, Classification.topic_scores,
               cleared_by())
        .join(ReviewItem, ReviewItem.post_id == Post.id)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .outerjoin(Source, Source.id == Post.source_id)
        .where(cleared(reviewed_only), ReviewItem.decided_at >= since, ReviewItem.decided_at < until)
        .order_by(Post.published_at.desc(), Post.id.desc())
        .limit(limit)
    )
    return [
        DigestEntry(post_id=p.id, platform=p.platform, platform_id=p.platform_id, url=p.url, title=p.title,
                    author=p.author, author_url=p.author_url, content_html=p.content_html,
                    content_warning=p.content_warning, published_at=p.published_at, approved_at=decided,
                    source_name=source, topics=tuple(topics or ()), topic_scores=dict(scores or {}),
                    cleared_by=by)
        for p, decided, source, topics, scores, by in session.execute(q)
    ]
