"""What a moderator's shift reads: the queue filtered and sorted, its counts, decided items, an
author's context, and the team's log. Read only; every change goes through `store.review`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from store.classification import MODEL
from store.models import AuditEntry, Classification, Post, ReviewItem, ReviewState, Source, utcnow
from store.queries import QUEUE_STATES, QueueEntry, _open_items

SORTS = {"risk": "riskiest first", "oldest": "longest waiting first", "newest": "newest first"}


@dataclass(frozen=True)
class QueueFilter:
    """What the moderator chose to see. Empty tuples mean "any"; `levels` may hold None for posts
    the model could not read; `min_wait` keeps items that have waited at least that long."""

    levels: tuple = ()
    platforms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    states: tuple[str, ...] = QUEUE_STATES
    min_wait: timedelta | None = None
    text: str = ""
    assignee: str | None = None
    post_id: int | None = None
    sort: str = "risk"


def _filtered(q, f: QueueFilter, now: datetime):
    if f.levels:
        known = [lvl for lvl in f.levels if lvl is not None]
        conds = [ReviewItem.level.in_(known)] if known else []
        if None in f.levels:
            conds.append(ReviewItem.level.is_(None))
        q = q.where(or_(*conds))
    if f.platforms:
        q = q.where(Post.platform.in_(f.platforms))
    if f.sources:
        q = q.where(Source.name.in_(f.sources))
    if f.min_wait is not None:
        q = q.where(ReviewItem.created_at <= now - f.min_wait)
    if f.text.strip():
        # Moderators search what they see: a plain, case-insensitive substring, LIKE wildcards escaped.
        needle = "%" + f.text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(func.lower(Post.content_text).like(needle, escape="\\"),
                        func.lower(Post.author).like(needle, escape="\\"),
                        func.lower(func.coalesce(Post.title, "")).like(needle, escape="\\")))
    if f.assignee is not None:
        q = q.where(ReviewItem.assignee == f.assignee)
    if f.post_id is not None:
        q = q.where(ReviewItem.post_id == f.post_id)
    return q


def queue(session: Session, f: QueueFilter = QueueFilter(), limit: int = 50, offset: int = 0,
          now: datetime | None = None) -> list[QueueEntry]:
    """Open items (or `f.states`) matching the filter, in the chosen order; posts deleted upstream
    are left out."""
    now = now or utcnow()
    order = {"risk": (ReviewItem.priority.desc(), ReviewItem.created_at, ReviewItem.id),
             "oldest": (ReviewItem.created_at, ReviewItem.id),
             "newest": (ReviewItem.created_at.desc(), ReviewItem.id.desc())}[f.sort if f.sort in SORTS else "risk"]
    q = (select(ReviewItem, Post, Classification, Source.name)
         .join(Post, Post.id == ReviewItem.post_id)
         .outerjoin(Classification, Classification.post_id == Post.id)
         .outerjoin(Source, Source.id == Post.source_id)
         .where(_open_items(f.states), Post.deleted_at.is_(None))
         .order_by(*order).limit(limit).offset(offset))
    return [QueueEntry(i, p, c, s) for i, p, c, s in session.execute(_filtered(q, f, now))]


@dataclass(frozen=True)
class ShiftCounts:
    waiting: int
    escalated: int
    assigned_to_me: int
    oldest_since: datetime | None  # when the longest-waiting open item entered review


def shift_counts(session: Session, username: str) -> ShiftCounts:
    """The three figures a shift watches: escalated, assigned to me, and the oldest wait."""
    open_ = _open_items(QUEUE_STATES)
    row = session.execute(select(
        func.count(),
        func.count().filter(ReviewItem.state == ReviewState.ESCALATED.value),
        func.count().filter(ReviewItem.assignee == username),
    ).select_from(ReviewItem).where(open_)).one()
    # (min() would bypass the column's type, and with it UTC on SQLite)
    oldest = session.scalar(select(ReviewItem.created_at).where(open_).order_by(ReviewItem.created_at).limit(1))
    return ShiftCounts(row[0], row[1], row[2], oldest)


def resolved(session: Session, limit: int = 30, offset: int = 0, decided_by: str | None = None,
             state: str | None = None, text: str = "") -> list[QueueEntry]:
    """Decided items (no longer in the queue: published or hidden, by a person or the model), most
    recently decided first; `state` narrows to one state."""
    f = QueueFilter(text=text)
    q = (select(ReviewItem, Post, Classification, Source.name)
         .join(Post, Post.id == ReviewItem.post_id)
         .outerjoin(Classification, Classification.post_id == Post.id)
         .outerjoin(Source, Source.id == Post.source_id)
         .where(ReviewItem.state.not_in(QUEUE_STATES) if state is None else ReviewItem.state == state)
         .order_by(ReviewItem.decided_at.desc().nulls_last(), ReviewItem.id.desc()).limit(limit).offset(offset))
    if decided_by:
        q = q.where(ReviewItem.decided_by == decided_by)
    return [QueueEntry(i, p, c, s) for i, p, c, s in session.execute(_filtered(q, f, utcnow()))]


@dataclass(frozen=True)
class AuthorPost:
    post_id: int
    item_id: int | None
    published_at: datetime
    text: str
    state: str | None
    level: int | None
    decided_by: str | None
    open: bool


def author_context(session: Session, post: Post, limit: int = 6) -> list[AuthorPost]:
    """The same author's other posts on the same platform, newest first, each with where it stands
    (in the queue, approved or hidden, and by whom). An empty or unknown author links nothing."""
    if not (post.author or "").strip():
        return []
    q = (select(Post, ReviewItem)
         .outerjoin(ReviewItem, ReviewItem.post_id == Post.id)
         .where(Post.platform == post.platform, Post.author == post.author, Post.id != post.id,
                Post.deleted_at.is_(None))
         .order_by(Post.published_at.desc(), Post.id.desc()).limit(limit))
    return [AuthorPost(p.id, i.id if i else None, p.published_at, p.content_text, i.state if i else None,
                       i.level if i else None, i.decided_by if i else None,
                       bool(i and i.state in QUEUE_STATES)) for p, i in session.execute(q)]


def notes(session: Session, review_item_id: int) -> list[AuditEntry]:
    """Every note left on an item, oldest first: notes are appended, never overwritten."""
    rows = session.scalars(select(AuditEntry).where(AuditEntry.review_item_id == review_item_id)
                           .order_by(AuditEntry.at, AuditEntry.id))
    return [a for a in rows if (a.detail or {}).get("note")]


def last_change(session: Session, review_item_id: int) -> AuditEntry | None:
    """The latest action on an item: who changed what, for a conflict message."""
    return session.scalar(select(AuditEntry).where(AuditEntry.review_item_id == review_item_id)
                          .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1))


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    actor: str
    action: str
    post_id: int | None
    review_item_id: int | None
    detail: dict = field(default_factory=dict)


def team_log(session: Session, actor: str | None = None, action: str | None = None,
             since: datetime | None = None, limit: int = 200) -> list[LogEntry]:
    """Who did what, when, newest first: every audited action, and the model's own publications
    (actor "model", action "published"), which are not audit rows but the model's decisions."""
    people = select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.post_id,
                    AuditEntry.review_item_id, AuditEntry.detail)
    if actor:
        people = people.where(AuditEntry.actor == actor)
    if action:
        people = people.where(AuditEntry.action == action)
    if since is not None:
        people = people.where(AuditEntry.at >= since)
    rows = [LogEntry(at, who, what, pid, iid, detail or {}) for at, who, what, pid, iid, detail
            in session.execute(people.order_by(AuditEntry.at.desc()).limit(limit))]
    if actor in (None, MODEL) and action in (None, "published"):
        model = (select(ReviewItem.decided_at, ReviewItem.post_id, ReviewItem.id, ReviewItem.level)
                 .where(ReviewItem.decided_by == MODEL, ReviewItem.decided_at.is_not(None)))
        if since is not None:
            model = model.where(ReviewItem.decided_at >= since)
        rows += [LogEntry(at, MODEL, "published", pid, iid, {"level": lvl})
                 for at, pid, iid, lvl in session.execute(model.order_by(ReviewItem.decided_at.desc()).limit(limit))
                 if at is not None]  # (the query asks for decided_at IS NOT NULL; this tells the type checker)
    rows.sort(key=lambda e: e.at, reverse=True)
    return rows[:limit]


def activity(session: Session, since: datetime) -> list[tuple[str, str, int]]:
    """(moderator, action, count) since `since`, for a lead's view of the team; busiest first."""
    q = (select(AuditEntry.actor, AuditEntry.action, func.count())
         .where(AuditEntry.at >= since, AuditEntry.actor != literal("system"))
         .group_by(AuditEntry.actor, AuditEntry.action).order_by(func.count().desc()))
    return [(a, act, n) for a, act, n in session.execute(q)]
