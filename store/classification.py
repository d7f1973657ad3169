"""Classifier output in the database, and the rule that decides what is held for review.

The store never imports the classifier: it takes any object with the classifier's result fields
(`topics`, `topic_scores`, `distress`, `distress_score`, `needs_review`, `reasons`, `model_version`).
"""

from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from store.models import Classification, Post, PostTopic, ReviewItem, ReviewState, utcnow

# Queue priority: crisis first, then high, then posts the model could not read, then concern.
PRIORITY = {3: 30, 2: 20, 1: 10, 0: 0}
FAILED_PRIORITY = 15
ESCALATED_BONUS = 100  # escalated items stand above every level


def queue_priority(level: int | None, escalated: bool = False) -> int:
    """Where an item sits in the moderators' queue: higher first."""
    base = FAILED_PRIORITY if level is None else PRIORITY.get(level, 0)
    return base + (ESCALATED_BONUS if escalated else 0)


def posts_to_classify(session: Session, limit: int = 1000, after_id: int = 0,
                      model_version: str | None = None) -> list[tuple[int, str]]:
    """(post id, text) of live posts with no classification yet, oldest id first.

    With `model_version`, also the posts whose classification failed under another model version:
    a new model (after retraining or a fix) gets one try at each post an older one could not read,
    and a post that fails again is not retried until the version changes again.
    """
    todo = Classification.id.is_(None)
    if model_version is not None:
        todo = or_(todo, and_(Classification.error.is_not(None), Classification.model_version != model_version))
    q = (
        select(Post.id, Post.title, Post.content_text, Post.content_warning)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .where(todo, Post.deleted_at.is_(None), Post.id > after_id)
        .order_by(Post.id)
        .limit(limit)
    )
    out = []
    for pid, title, text, cw in session.execute(q):
        parts = [p for p in (cw, title, text) if p]
        out.append((pid, "\n\n".join(parts)))
    return out


def _field(result: Any, name: str):
    return result[name] if isinstance(result, dict) else getattr(result, name)


def _values(r: Any) -> dict:
    distress = int(_field(r, "distress"))
    return {
        "model_version": str(_field(r, "model_version")),
        "topics": list(_field(r, "topics")),
        "topic_scores": {k: float(v) for k, v in dict(_field(r, "topic_scores")).items()},
        "distress": distress,
        "distress_score": float(_field(r, "distress_score")),
        "needs_review": bool(_field(r, "needs_review")) or distress > 0,
        "reasons": list(_field(r, "reasons")),
        "error": None,
    }


def record_classifications(session: Session, results: Sequence[tuple[int, Any]]) -> int:
    """Store classifier results and put each post in review: level 0 published, others held.

    A post already decided by a person keeps that decision, except that a post the model now
    rates higher than before goes back to the queue: a new reading of risk always reaches a person.
    Posts seen for the first time (the usual case) are written in bulk.
    """
    now = utcnow()
    latest = {post_id: _values(r) for post_id, r in results}  # one result per post: the last
    ids = list(latest)
    seen: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        seen.update(session.scalars(select(Classification.post_id).where(Classification.post_id.in_(chunk))))
        seen.update(session.scalars(select(ReviewItem.post_id).where(ReviewItem.post_id.in_(chunk))))
    fresh = [pid for pid in ids if pid not in seen]
    if fresh:
        session.execute(insert(Classification), [
            {"post_id": pid, "classified_at": now, **latest[pid]} for pid in fresh])
        topic_rows = [{"post_id": pid, "topic": t} for pid in fresh for t in dict.fromkeys(latest[pid]["topics"])]
        if topic_rows:
            session.execute(insert(PostTopic), topic_rows)
        session.execute(insert(ReviewItem), [_new_item(pid, latest[pid], now) for pid in fresh])
    for pid in ids:
        if pid in seen:
            _record_again(session, pid, latest[pid], now)
    session.flush()
    return len(ids)


def _new_item(post_id: int, v: dict, now) -> dict:
    held = v["needs_review"]
    return {"post_id": post_id, "state": (ReviewState.PENDING if held else ReviewState.APPROVED).value,
            "level": v["distress"], "priority": PRIORITY.get(v["distress"], 0),
            "reason": "; ".join(v["reasons"][:3]) or None, "decided_by": None if held else "model",
            "decided_at": None if held else now, "created_at": now, "updated_at": now, "version": 1}


def _record_again(session: Session, post_id: int, v: dict, now) -> None:
    """A post classified before (a new model, or after a failure): update it, and its review place."""
    row = session.scalar(select(Classification).where(Classification.post_id == post_id))
    previous_level = row.distress if row is not None else None
    if row is None:
        row = Classification(post_id=post_id)
        session.add(row)
    for key, value in v.items():
        setattr(row, key, value)
    row.classified_at = now
    set_topics(session, post_id, row.topics)
    _place_in_review(session, post_id, v["distress"], v["needs_review"], previous_level,
                     reason="; ".join(row.reasons[:3]) or None, now=now)


def record_classification_failure(session: Session, post_id: int, error: str, model_version: str = "unknown") -> None:
    """A post the model could not classify is held for review with the reason, never published."""
    now = utcnow()
    row = session.scalar(select(Classification).where(Classification.post_id == post_id))
    if row is None:
        row = Classification(post_id=post_id)
        session.add(row)
    row.model_version = model_version
    row.topics, row.topic_scores, row.reasons = [], {}, [f"classification failed: {error}"]
    row.distress, row.distress_score, row.needs_review = None, None, True
    row.error = error
    row.classified_at = now
    item = session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
    if item is None:
        session.add(ReviewItem(post_id=post_id, state=ReviewState.PENDING.value, level=None,
                               priority=FAILED_PRIORITY, reason=f"classification failed: {error}",
                               created_at=now, updated_at=now, version=1))
    elif item.decided_by is None or item.state == ReviewState.APPROVED.value and item.decided_by == "model":
        session.execute(update(ReviewItem).where(ReviewItem.id == item.id).values(
            state=ReviewState.PENDING.value, priority=FAILED_PRIORITY, decided_by=None, decided_at=None,
            reason=f"classification failed: {error}", updated_at=now, version=ReviewItem.version + 1))
    session.flush()


def set_topics(session: Session, post_id: int, topics) -> None:
    """Replace the post's topic rows (used for filtering and theme counts)."""
    session.execute(delete(PostTopic).where(PostTopic.post_id == post_id))
    session.add_all(PostTopic(post_id=post_id, topic=t) for t in dict.fromkeys(topics))


def _place_in_review(session: Session, post_id: int, level: int, needs_review: bool,
                     previous_level: int | None, reason: str | None, now) -> None:
    item = session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
    held = needs_review or level > 0
    state = ReviewState.PENDING.value if held else ReviewState.APPROVED.value
    decided_by = None if held else "model"
    if item is None:
        session.add(ReviewItem(post_id=post_id, state=state, level=level, priority=PRIORITY.get(level, 0),
                               reason=reason, decided_by=decided_by, decided_at=None if held else now,
                               created_at=now, updated_at=now, version=1))
        return
    human_decided = item.decided_by not in (None, "model")
    risen = previous_level is not None and level > previous_level
    if human_decided and not risen:
        return  # a person's decision stands against an equal or lower new reading
    if item.state == ReviewState.ESCALATED.value and not risen:
        return
    escalated = item.state == ReviewState.ESCALATED.value
    values = dict(level=level, priority=queue_priority(level, escalated), reason=reason, updated_at=now,
                  version=ReviewItem.version + 1)
    if held:
        values.update(state=ReviewState.PENDING.value if item.state != ReviewState.ESCALATED.value else item.state,
                      decided_by=None, decided_at=None)
    elif item.decided_by in (None, "model") and item.state == ReviewState.PENDING.value and item.level is None:
        values.update(state=ReviewState.APPROVED.value, decided_by="model", decided_at=now)
    session.execute(update(ReviewItem).where(ReviewItem.id == item.id).values(**values))
