"""Moderators' commands on review items, with optimistic locking and an audit entry each.

Every command takes the item's `version` as the moderator saw it. If another moderator acted in
between, or the post was edited upstream, the update matches no row and `ReviewConflict` is raised:
the second moderator is told, never silently overwritten, and never approves text they did not see.

Every command first checks the actor's role as the store holds it at that moment
(`require_moderator`), so a demotion takes effect at once, even on a page already open. An actor
with no account at all is someone running the store's functions directly (an operator's script,
who holds the database anyway); the dashboard, where every actor is a person, also requires the
account to exist (`dashboard.moderation`), so removing an account takes effect at once there too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlalchemy import and_, case, select, update
from sqlalchemy.orm import Session

from store.classification import ESCALATED_BONUS, MODEL, SPOT_CHECK_EVERY, queue_priority, set_topics
from store.models import (AuditEntry, Classification, Label, Post, ReviewItem, ReviewState, Role, User, rowcount,
                          utcnow)

LEVELS = range(0, 4)
MODERATOR_ROLES = (Role.MODERATOR.value, Role.LEAD.value, Role.ADMIN.value)


class NotAuthorised(PermissionError):
    """The actor may not moderate (no such user, or their role no longer allows it)."""


def require_moderator(session: Session, actor: str, account_required: bool = False) -> None:
    """Refuse an actor whose account's role, read now, does not let them moderate (and, with
    `account_required`, an actor with no account)."""
    role = session.scalar(select(User.role).where(User.username == actor))
    if role is None and not account_required:
        return
    if role not in MODERATOR_ROLES:
        raise NotAuthorised(f"{actor!r} cannot moderate (role: {role or 'no such user'}); "
                            "nothing was changed. Ask an admin if this is wrong.")


class ReviewConflict(Exception):
    """Someone else changed the item since it was read; reload and decide again."""

    def __init__(self, item_id: int, expected: int, current: ReviewItem | None):
        self.item_id, self.expected, self.current = item_id, expected, current
        who = f" by {current.decided_by or current.assignee}" if current is not None and (current.decided_by or current.assignee) else ""
        state = f" (now {current.state}{who})" if current is not None else " (it no longer exists)"
        super().__init__(f"review item {item_id} was changed by someone else{state}; reload it and try again")


def _change(session: Session, item_id: int, expected_version: int, actor: str, action: str,
            values: dict, detail: dict | None = None, now: datetime | None = None) -> ReviewItem:
    require_moderator(session, actor)
    now = now or utcnow()
    res = session.execute(
        update(ReviewItem)
        .where(ReviewItem.id == item_id, ReviewItem.version == expected_version)
        .values(**values, updated_at=now, version=ReviewItem.version + 1)
        .execution_options(synchronize_session=False)
    )
    if rowcount(res) != 1:
        current = session.get(ReviewItem, item_id, populate_existing=True)
        raise ReviewConflict(item_id, expected_version, current)
    item = session.get_one(ReviewItem, item_id, populate_existing=True)  # just updated: it is there
    session.add(AuditEntry(at=now, actor=actor, action=action, review_item_id=item_id, post_id=item.post_id,
                           detail=detail or {}))
    session.flush()
    return item


def _decide(state: ReviewState, actor: str, now: datetime) -> dict:
    return dict(state=state.value, decided_by=actor, decided_at=now, cleared_hash=None)


def approve(session: Session, item_id: int, version: int, actor: str, note: str | None = None,
            level: int | None = None) -> ReviewItem:
    """Publish the post: fit to publish, for the text the moderator saw (the version they read).

    An approval says nothing about distress. Only when the moderator states the level (`level`,
    e.g. confirming the level shown, or correcting it) is a training label recorded.
    """
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be 0-3, got {level}")
    now = utcnow()
    values = _decide(ReviewState.APPROVED, actor, now)
    # The version check in _change guarantees the text is the one the moderator read: an edit
    # upstream moves the version on (store/posts.py).
    values["cleared_hash"] = select(Post.text_hash).where(Post.id == ReviewItem.post_id).scalar_subquery()
    if note:
        values["note"] = note
    detail = {k: v for k, v in (("note", note), ("level", level)) if v is not None}
    checking = _spot_check_weight(session, item_id)  # read before the approval changes who decided
    item = _change(session, item_id, version, actor, "approve", values, detail or None, now)
    if level is not None:
        _label(session, item, actor, level, None, now, weight=checking)
    return item


def _spot_check_weight(session: Session, item_id: int) -> float:
    """How many posts a label given now stands for: a spot check of a post the model published,
    sampled 1 in SPOT_CHECK_EVERY, stands for that many; anything else for itself."""
    row = session.execute(select(ReviewItem.spot_check, ReviewItem.decided_by, ReviewItem.state)
                          .where(ReviewItem.id == item_id)).first()
    if row is not None and row.spot_check and row.decided_by == MODEL and row.state == ReviewState.APPROVED.value:
        return float(SPOT_CHECK_EVERY)  # (the item is read as it was before this action)
    return 1.0


def _label(session: Session, item: ReviewItem, actor: str, level: int | None, topics, now: datetime,
           weight: float = 1.0) -> None:
    """A moderator's statement about a post, kept for training and for the model's live figures,
    with the model's own reading of the same post beside it."""
    reading = session.execute(select(Classification.model_version, Classification.distress)
                              .where(Classification.post_id == item.post_id)).first()
    session.add(Label(post_id=item.post_id, actor=actor, distress=level, topics=topics, created_at=now,
                      model_version=reading.model_version if reading else None,
                      model_level=reading.distress if reading else None, weight=weight))


def hide(session: Session, item_id: int, version: int, actor: str, note: str | None = None) -> ReviewItem:
    """Keep the post out of every channel for good (it stays in the store for the audit trail)."""
    now = utcnow()
    values = _decide(ReviewState.HIDDEN, actor, now)
    if note:
        values["note"] = note
    return _change(session, item_id, version, actor, "hide", values, {"note": note} if note else None, now)


def escalate(session: Session, item_id: int, version: int, actor: str, note: str | None = None,
             reason: str | None = None) -> ReviewItem:
    """Pass to a lead moderator (role `lead`, or an admin), with the reason why; it stays out of the
    digest, on top of the queue and in the leads' Escalated view until one of them decides."""
    now = utcnow()
    values = dict(state=ReviewState.ESCALATED.value, decided_by=actor, decided_at=now, cleared_hash=None,
                  priority=ReviewItem.priority % ESCALATED_BONUS + ESCALATED_BONUS)
    if note:
        values["note"] = note
    detail = {k: v for k, v in (("note", note), ("reason", reason)) if v}
    return _change(session, item_id, version, actor, "escalate", values, detail or None, now)


OPEN_STATES = (ReviewState.PENDING.value, ReviewState.ESCALATED.value)


def reopen(session: Session, item_id: int, version: int, actor: str, to_state: str = ReviewState.PENDING.value,
           note: str | None = None) -> ReviewItem:
    """Reverse a decision: the post leaves every channel at once and waits in the queue again
    (`to_state` pending, or escalated when undoing a step that took it from there).

    Failing toward review: a reversal never publishes anything; to publish again, someone approves
    the post again, for the text they see then. Audited as "reopen" with the state it left.
    """
    if to_state not in OPEN_STATES:
        raise ValueError(f"a decision is reversed to pending or escalated, not {to_state!r}")
    before = session.scalar(select(ReviewItem.state).where(ReviewItem.id == item_id))
    bonus = ESCALATED_BONUS if to_state == ReviewState.ESCALATED.value else 0
    values = dict(state=to_state, cleared_hash=None, decided_by=None, decided_at=None,
                  priority=ReviewItem.priority % ESCALATED_BONUS + bonus)
    detail = {"from": before, "to": to_state}
    if note:
        detail["note"] = note
    return _change(session, item_id, version, actor, "reopen", values, detail)


def correct(session: Session, item_id: int, version: int, actor: str, level: int | None = None,
            topics: Sequence[str] | None = None) -> ReviewItem:
    """Correct the level and/or topics; kept as a training label.

    The item stays where it is, except that a level above 0 sends a post only the model had
    published back to the queue (held) until someone decides it.
    """
    if level is None and topics is None:
        raise ValueError("correct needs a level or topics")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be 0-3, got {level}")
    values: dict = {}
    if level is not None:
        values.update(level=level, priority=case(
            (ReviewItem.state == ReviewState.ESCALATED.value, queue_priority(level, escalated=True)),
            else_=queue_priority(level)))
        if level > 0:
            # A person's reading of risk takes down what only the model had published.
            published_by_model = and_(ReviewItem.state == ReviewState.APPROVED.value, ReviewItem.decided_by == MODEL)
            values.update(
                state=case((published_by_model, ReviewState.PENDING.value), else_=ReviewItem.state),
                cleared_hash=case((published_by_model, None), else_=ReviewItem.cleared_hash),
                decided_at=case((published_by_model, None), else_=ReviewItem.decided_at),
                decided_by=case((published_by_model, None), else_=ReviewItem.decided_by))
    checking = _spot_check_weight(session, item_id) if level is not None else 1.0
    item = _change(session, item_id, version, actor, "correct", values,
                   {"level": level, "topics": list(topics) if topics is not None else None})
    _label(session, item, actor, level, list(topics) if topics is not None else None, utcnow(), weight=checking)
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


BULK_ACTIONS = ("approve", "hide", "escalate")


def bulk_decide(session: Session, action: str, items: Sequence[tuple[int, int]], actor: str,
                reason: str | None = None) -> list[ReviewItem]:
    """Approve, hide or escalate several items at once ((id, version) pairs), all or nothing.

    Approval keeps bulk_approve's rule (level 1 only: a high-risk post is never published by a bulk
    click); hiding and escalating, which fail toward review, take any level.
    """
    if action not in BULK_ACTIONS:
        raise ValueError(f"bulk action is one of {', '.join(BULK_ACTIONS)}")
    if action == "approve":
        return bulk_approve(session, items, actor)
    require_moderator(session, actor)
    if action == "hide":
        return [hide(session, i, v, actor, note=reason) for i, v in items]
    return [escalate(session, i, v, actor, reason=reason) for i, v in items]


def bulk_approve(session: Session, items: Sequence[tuple[int, int]], actor: str) -> list[ReviewItem]:
    """Approve several level-1 items at once ((id, version) pairs). Higher levels are refused.

    All or nothing: one conflict or one item above level 1 rolls the whole batch back (the caller's
    transaction), so a moderator never publishes a high-risk post by a bulk click.
    """
    require_moderator(session, actor)
    done = []
    for item_id, version in items:
        item = session.get(ReviewItem, item_id)
        if item is None:
            raise ReviewConflict(item_id, version, None)
        if item.level is None or item.level > 1:
            raise ValueError(f"review item {item_id} is level {item.level}: only level-1 items can be bulk approved")
        done.append(approve(session, item_id, version, actor))
    return done
