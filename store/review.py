"""Moderators' commands on review items, with optimistic locking and an audit entry each.

Every command takes the item's `version` as the moderator saw it. If another moderator acted in
between, the update matches no row and `ReviewConflict` is raised: the second moderator is told,
never silently overwritten.
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from store.models import AuditEntry, Classification, Label, ReviewItem, ReviewState, utcnow

LEVELS = range(0, 4)


class ReviewConflict(Exception):
    """Someone else changed the item since it was read; reload and decide again."""

    def __init__(self, item_id: int, expected: int, current: ReviewItem | None):
        self.item_id, self.expected, self.current = item_id, expected, current
        who = f" by {current.decided_by or current.assignee}" if current is not None and (current.decided_by or current.assignee) else ""
        state = f" (now {current.state}{who})" if current is not None else " (it no longer exists)"
        super().__init__(f"review item {item_id} was changed by someone else{state}; reload it and try again")


def _change(session: Session, item_id: int, expected_version: int, actor: str, action: str,
            values: dict, detail: dict | None = None, now: datetime | None = None) -> ReviewItem:
    now = now or utcnow()
    res = session.execute(
        update(ReviewItem)
        .where(ReviewItem.id == item_id, ReviewItem.version == expected_version)
        .values(**values, updated_at=now, version=ReviewItem.version + 1)
        .execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:
        current = session.get(ReviewItem, item_id, populate_existing=True)
        raise ReviewConflict(item_id, expected_version, current)
    item = session.get(ReviewItem, item_id, populate_existing=True)
    session.add(AuditEntry(at=now, actor=actor, action=action, review_item_id=item_id, post_id=item.post_id,
                           detail=detail or {}))
    session.flush()
    return item


def _decide(state: ReviewState, actor: str, now: datetime) -> dict:
    return dict(state=state.value, decided_by=actor, decided_at=now)


def approve(session: Session, item_id: int, version: int, actor: str, note: str | None = None) -> ReviewItem:
    """Publish the post to the digest. With no correction on record, that says 'level 0' to training."""
    now = utcnow()
    values = _decide(ReviewState.APPROVED, actor, now)
    if note:
        values["note"] = note
    item = _change(session, item_id, version, actor, "approve", values, {"note": note} if note else None, now)
    corrected = session.scalar(select(Label.id).where(Label.post_id == item.post_id, Label.distress.is_not(None)))
    if corrected is None:
        session.add(Label(post_id=item.post_id, actor=actor, distress=0, topics=None, created_at=now))
    return item


def hide(session: Session, item_id: int, version: int, actor: str, note: str | None = None) -> ReviewItem:
    """Keep the post out of the digest for good (it stays in the store for the audit trail)."""
    now = utcnow()
    values = _decide(ReviewState.HIDDEN, actor, now)
    if note:
        values["note"] = note
    return _change(session, item_id, version, actor, "hide", values, {"note": note} if note else None, now)


def escalate(session: Session, item_id: int, version: int, actor: str, note: str | None = None) -> ReviewItem:
    """Pass to a senior moderator or clinician; it stays out of the digest and top of their queue."""
    now = utcnow()
    from store.classification import ESCALATED_BONUS

    values = dict(state=ReviewState.ESCALATED.value, decided_by=actor, decided_at=now,
                  priority=ReviewItem.priority % ESCALATED_BONUS + ESCALATED_BONUS)
    if note:
        values["note"] = note
    return _change(session, item_id, version, actor, "escalate", values, {"note": note} if note else None, now)


def correct(session: Session, item_id: int, version: int, actor: str, level: int | None = None,
            topics: Sequence[str] | None = None) -> ReviewItem:
    """Correct the level and/or topics; kept as a training label. The item stays where it is."""
    if level is None and topics is None:
        raise ValueError("correct needs a level or topics")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be 0-3, got {level}")
    from store.classification import queue_priority, set_topics

    values: dict = {}
    if level is not None:
        values.update(level=level, priority=case(
            (ReviewItem.state == ReviewState.ESCALATED.value, queue_priority(level, escalated=True)),
            else_=queue_priority(level)))
    item = _change(session, item_id, version, actor, "correct", values,
                   {"level": level, "topics": list(topics) if topics is not None else None})
    session.add(Label(post_id=item.post_id, actor=actor, distress=level,
                      topics=list(topics) if topics is not None else None))
    if topics is not None:
        cls = session.scalar(select(Classification).where(Classification.post_id == item.post_id))
        if cls is not None:
            cls.topics = list(topics)
        set_topics(session, item.post_id, topics)
    session.flush()
    return item


def add_note(session: Session, item_id: int, version: int, actor: str, note: str) -> ReviewItem:
    return _change(session, item_id, version, actor, "note", {"note": note}, {"note": note})


def assign(session: Session, item_id: int, version: int, actor: str, assignee: str | None = None) -> ReviewItem:
    """Assign to `assignee` (default: the actor, 'assign to me'); None-able via unassign."""
    who = assignee if assignee is not None else actor
    return _change(session, item_id, version, actor, "assign", {"assignee": who}, {"assignee": who})


def unassign(session: Session, item_id: int, version: int, actor: str) -> ReviewItem:
    return _change(session, item_id, version, actor, "unassign", {"assignee": None}, {})


def bulk_approve(session: Session, items: Sequence[tuple[int, int]], actor: str) -> list[ReviewItem]:
    """Approve several level-1 items at once ((id, version) pairs). Higher levels are refused.

    All or nothing: one conflict or one item above level 1 rolls the whole batch back (the caller's
    transaction), so a moderator never publishes a high-risk post by a bulk click.
    """
    done = []
    for item_id, version in items:
        item = session.get(ReviewItem, item_id)
        if item is None:
            raise ReviewConflict(item_id, version, None)
        if item.level is None or item.level > 1:
            raise ValueError(f"review item {item_id} is level {item.level}: only level-1 items can be bulk approved")
        done.append(approve(session, item_id, version, actor))
    return done
