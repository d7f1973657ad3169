"""Classifier output in the database, and the rule that decides what is held for review.

The store never imports the classifier: it takes any object with the classifier's result fields
(`topics`, `topic_scores`, `distress`, `distress_score`, `needs_review`, `reasons`, `model_version`).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any, Mapping, Sequence

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from store.models import Classification, CurrentModel, Post, PostTopic, ReviewItem, ReviewState, utcnow
from store.posts import judged_text

MODEL = "model"  # `decided_by` of a post the model published
# One in this many posts the model publishes is also put before a person (`spot_check_queue`), so
# its live precision and recall can be estimated from what it let through, not only what it held.
SPOT_CHECK_EVERY = 20


def spot_checked(judged_hash: str | None, every: int = SPOT_CHECK_EVERY) -> bool:
    """Whether a post the model publishes is sampled for a spot check: 1 in `every`, decided by its
    text hash, so the choice is random with respect to the post yet the same on every re-reading."""
    if not judged_hash:
        return False
    return every > 0 and int(judged_hash[:8], 16) % every == 0

# Queue priority: crisis first, then high, then posts the model could not read, then concern.
PRIORITY = {3: 30, 2: 20, 1: 10, 0: 0}
FAILED_PRIORITY = 15
ESCALATED_BONUS = 100  # escalated items stand above every level


def queue_priority(level: int | None, escalated: bool = False) -> int:
    """Where an item sits in the moderators' queue: higher first."""
    base = FAILED_PRIORITY if level is None else PRIORITY.get(level, 0)
    return base + (ESCALATED_BONUS if escalated else 0)


def set_current_model(session: Session, version: str, now: datetime | None = None) -> bool:
    """Name the model the classify step runs now; True when that changed the current model.

    Only the current model's readings clear posts (store/publication.py): when it changes, what the
    old one published leaves the channels until the new one has read it (`posts_to_classify`).
    """
    row = session.get(CurrentModel, 1)
    if row is not None and row.version == version:
        return False
    if row is None:
        session.add(CurrentModel(id=1, version=version, since=now or utcnow()))
    else:
        row.version, row.since = version, now or utcnow()
    session.flush()
    return True


def current_model_version(session: Session) -> str | None:
    """The version named by `set_current_model`, or None before any classify run named one."""
    return session.scalar(select(CurrentModel.version).where(CurrentModel.id == 1))


def published_by_model():
    """The SQL condition "the model published this post" (join ReviewItem first). Not the gate:
    whether readers may see it is `store.publication.cleared()`'s to say."""
    return and_(ReviewItem.state == ReviewState.APPROVED.value, ReviewItem.decided_by == MODEL)


def needing_a_reading(q: Select, model_version: str | None = None) -> Select:
    """Restrict a select over `Post` to live posts whose current text has no reading yet.

    That is a post never classified, and a post edited upstream since its reading. With
    `model_version`, also the posts another model version read and either failed on or published:
    a new model gets one try at each post an older one could not read (a post that fails again is
    not retried until the version changes again), and re-reads what the old model cleared, because
    only the current model's readings clear a post.
    """
    todo = or_(Classification.id.is_(None), Classification.text_hash.is_(None),
               Classification.text_hash != Post.text_hash)
    if model_version is not None:
        todo = or_(todo, and_(Classification.model_version != model_version,
                              or_(Classification.error.is_not(None), published_by_model())))
    return (q.outerjoin(Classification, Classification.post_id == Post.id)
            .outerjoin(ReviewItem, ReviewItem.post_id == Post.id)
            .where(todo, Post.deleted_at.is_(None)))


def posts_to_classify(session: Session, limit: int = 1000, after_id: int = 0,
                      model_version: str | None = None) -> list[tuple[int, str]]:
    """(post id, judged text) of the posts `needing_a_reading`, oldest id first."""
    q = needing_a_reading(select(Post.id, Post.title, Post.content_text, Post.content_warning, Post.extra),
                          model_version)
    q = q.where(Post.id > after_id).order_by(Post.id).limit(limit)
    return [(pid, judged_text(cw, title, text, extra)) for pid, title, text, cw, extra in session.execute(q)]


def _field(result: Any, name: str):
    return result[name] if isinstance(result, dict) else getattr(result, name)


def _values(r: Any) -> dict:
    """The stored fields of one result. Raises ValueError for a reading that cannot be trusted."""
    distress = int(_field(r, "distress"))
    score = float(_field(r, "distress_score"))
    topic_scores = {k: float(v) for k, v in dict(_field(r, "topic_scores")).items()}
    if distress not in PRIORITY:
        raise ValueError(f"distress level {distress} is not 0-3")
    if not math.isfinite(score) or not all(math.isfinite(v) for v in topic_scores.values()):
        raise ValueError("the model gave a score that is not a finite number")
    return {
        "model_version": str(_field(r, "model_version")),
        "topics": list(_field(r, "topics")),
        "topic_scores": topic_scores,
        "distress": distress,
        "distress_score": score,
        "needs_review": bool(_field(r, "needs_review")) or distress > 0,
        "reasons": list(_field(r, "reasons")),
        "error": None,
    }


def record_classifications(session: Session, results: Sequence[tuple[int, Any]],
                           judged: Mapping[int, str] | None = None) -> int:
    """Store classifier results and put each post in review: level 0 published, others held.

    `judged` maps each post id to the hash of the text the model read (`store.posts.text_hash` of
    what `posts_to_classify` gave). The classify step passes it, because the post may be edited
    while the model reads: a reading of the old text then clears nothing. Without it, the post's
    current text is taken as the one read (right for callers that read and record in one go).

    A post already decided by a person keeps that decision for the text the person saw, except that
    a post the model now rates higher than before goes back to the queue: a new reading of risk
    always reaches a person. A result with a non-finite score is recorded as a failure (held).
    Posts seen for the first time (the usual case) are written in bulk.

    The classify step names its model current first (`set_current_model`); when no model has been
    named at all, the first one to record a reading becomes current.
    """
    now = utcnow()
    if results and session.get(CurrentModel, 1) is None:
        set_current_model(session, str(_field(results[0][1], "model_version")), now)
    latest: dict[int, dict] = {}
    for post_id, r in results:  # one result per post: the last
        try:
            latest[post_id] = _values(r)
        except (ValueError, TypeError) as exc:
            latest.pop(post_id, None)
            record_classification_failure(session, post_id, str(exc), str(_field(r, "model_version")),
                                          judged_hash=(judged or {}).get(post_id))
    ids = list(latest)
    hashes: dict[int, str | None] = dict(judged or {})
    missing = [pid for pid in ids if pid not in hashes]
    for start in range(0, len(missing), 500):
        hashes.update(session.execute(select(Post.id, Post.text_hash)
                                      .where(Post.id.in_(missing[start:start + 500]))).all())
    for pid in ids:
        latest[pid]["text_hash"] = hashes.get(pid)
    seen: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        seen.update(session.scalars(select(Classification.post_id).where(Classification.post_id.in_(chunk))))
        seen.update(session.scalars(select(ReviewItem.post_id).where(ReviewItem.post_id.in_(chunk))))
    fresh = [pid for pid in ids if pid not in seen]
    if fresh:
        # A run reading the same posts at once may record them between the check above and here:
        # its rows stand, and this reading is recorded over them like any later one.
        written = _insert_new(session, Classification, [
            {"post_id": pid, "classified_at": now, **latest[pid]} for pid in fresh])
        seen.update(pid for pid in fresh if pid not in written)
        fresh = [pid for pid in fresh if pid in written]
        topic_rows = [{"post_id": pid, "topic": t} for pid in fresh for t in dict.fromkeys(latest[pid]["topics"])]
        if topic_rows:
            session.execute(insert(PostTopic), topic_rows)
        if fresh:
            session.execute(insert(ReviewItem), [_new_item(pid, latest[pid], now) for pid in fresh])
    for pid in ids:
        if pid in seen:
            _record_again(session, pid, latest[pid], now)
    session.flush()
    return len(ids)


def _insert_new(session: Session, table, rows: list[dict]) -> set[int]:
    """Insert rows keyed by a unique post_id, skipping posts that already have one; the ids written."""
    dialect = session.get_bind().dialect.name
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    return set(session.scalars(stmt.on_conflict_do_nothing(index_elements=["post_id"]).returning(table.post_id), rows))


def _new_item(post_id: int, v: dict, now) -> dict:
    held = v["needs_review"]
    return {"post_id": post_id, "state": (ReviewState.PENDING if held else ReviewState.APPROVED).value,
            "level": v["distress"], "priority": PRIORITY.get(v["distress"], 0),
            "reason": "; ".join(v["reasons"][:3]) or None, "decided_by": None if held else MODEL,
            "decided_at": None if held else now, "cleared_hash": None if held else v["text_hash"],
            "spot_check": not held and spot_checked(v["text_hash"]),
            "created_at": now, "updated_at": now, "version": 1}


def _record_again(session: Session, post_id: int, v: dict, now) -> None:
    """A post read before (a new model, an edit, or after a failure): update it, and its review place."""
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
                     reason="; ".join(row.reasons[:3]) or None, judged_hash=v["text_hash"], now=now)


def record_classification_failure(session: Session, post_id: int, error: str, model_version: str = "unknown",
                                  judged_hash: str | None = None) -> None:
    """A post the model could not classify is held for review with the reason, never published.

    A person's approval of the same text stands (they read it); an approval of other text, or the
    model's own, does not.
    """
    now = utcnow()
    if judged_hash is None:
        judged_hash = session.scalar(select(Post.text_hash).where(Post.id == post_id))
    row = session.scalar(select(Classification).where(Classification.post_id == post_id))
    if row is None:
        row = Classification(post_id=post_id)
        session.add(row)
    row.model_version = model_version
    row.topics, row.topic_scores, row.reasons = [], {}, [f"classification failed: {error}"]
    row.distress, row.distress_score, row.needs_review = None, None, True
    row.error = error
    row.classified_at = now
    row.text_hash = judged_hash
    item = session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
    if item is None:
        session.add(ReviewItem(post_id=post_id, state=ReviewState.PENDING.value, level=None,
                               priority=FAILED_PRIORITY, reason=f"classification failed: {error}",
                               created_at=now, updated_at=now, version=1))
    elif item.decided_by is None or item.state == ReviewState.APPROVED.value and (
            item.decided_by == MODEL or item.cleared_hash != judged_hash):
        session.execute(update(ReviewItem).where(ReviewItem.id == item.id).values(
            state=ReviewState.PENDING.value, priority=FAILED_PRIORITY, decided_by=None, decided_at=None,
            cleared_hash=None, reason=f"classification failed: {error}", updated_at=now,
            version=ReviewItem.version + 1))
    session.flush()


def set_topics(session: Session, post_id: int, topics) -> None:
    """Replace the post's topic rows (used for filtering and theme counts)."""
    session.execute(delete(PostTopic).where(PostTopic.post_id == post_id))
    session.add_all(PostTopic(post_id=post_id, topic=t) for t in dict.fromkeys(topics))


def _place_in_review(session: Session, post_id: int, level: int, needs_review: bool,
                     previous_level: int | None, reason: str | None, judged_hash: str | None, now) -> None:
    item = session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
    held = needs_review or level > 0
    if item is None:
        session.add(ReviewItem(post_id=post_id, state=ReviewState.PENDING.value if held else ReviewState.APPROVED.value,
                               level=level, priority=PRIORITY.get(level, 0), reason=reason,
                               decided_by=None if held else MODEL, decided_at=None if held else now,
                               cleared_hash=None if held else judged_hash, created_at=now, updated_at=now, version=1,
                               spot_check=not held and spot_checked(judged_hash)))
        return
    approved = item.state == ReviewState.APPROVED.value
    human_decided = item.decided_by not in (None, MODEL)
    # A person's approval holds for the text they read; after an edit it is no decision at all.
    stale = approved and human_decided and item.cleared_hash != judged_hash
    risen = previous_level is not None and level > previous_level
    if human_decided and not risen and not stale:
        return  # a person's decision stands against an equal or lower new reading of the same text
    escalated = item.state == ReviewState.ESCALATED.value
    if escalated and not risen:
        return
    values = dict(level=level, priority=queue_priority(level, escalated), reason=reason, updated_at=now,
                  version=ReviewItem.version + 1)
    if held:
        values.update(state=item.state if escalated else ReviewState.PENDING.value,
                      decided_by=None, decided_at=None, cleared_hash=None)
    elif approved and (item.decided_by == MODEL or stale) or (
            item.decided_by is None and item.state == ReviewState.PENDING.value and item.level is None):
        # The model publishes again what it published before, what a person approved before an
        # edit, and a post held only because an earlier reading failed.
        values.update(state=ReviewState.APPROVED.value, decided_by=MODEL, decided_at=now, cleared_hash=judged_hash,
                      spot_check=spot_checked(judged_hash))
    session.execute(update(ReviewItem).where(ReviewItem.id == item.id).values(**values))
