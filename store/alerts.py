"""Which risky posts still owe moderators an alert, and the record of the last one sent.

An alert is owed for a live, undecided post on each configured channel when its current level is
high (2) or crisis (3), or unknown because classification failed, and is higher than the level last
sent on that channel (nothing sent counts as lowest). So a post alerted as high is alerted again,
once, when it rises to crisis; a fall or an unchanged level owes nothing. The current level is the
review item's: a moderator's correction wins over the model's reading, and a failed classification
leaves it empty ("unknown").

An unknown level is stored as `UNKNOWN_LEVEL` (-1), below every real level: a post alerted as
unknown is alerted again when a later classification (or a moderator) finds it high or crisis,
because that is news the duty moderator needs; a repeated failure owes nothing more.

A failed send is retried on every run until it is delivered or a person has decided the post, however
old the post is; `attempts` counts the failures in a row (`failing_alerts` shows them to moderators).
A post published long before it was first seen (an import, a new source's back catalogue) is not
alerted one by one: `quiet_alerts` records it as `quiet` (it is still held in the queue) and the run
sends one summary instead.

Sending is claimed first: a run inserts the row, or takes over a failed one, a stale claim, or a
`sent` row at a lower level, as `sending` in its own transaction. The unique (post, channel) row and
a conditional update decide the winner, so two alert runs at once never both send. A claim left
`sending` by a process that died is retried once it is older than `STALE_CLAIM`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from store.models import AlertSent, Classification, Post, ReviewItem, ReviewState, rowcount, utcnow

ALERT_LEVELS = (2, 3)
# `alerts_sent.level` for an alert about a post whose classification failed (the column is NOT NULL,
# and -1 sorts below every real level, which is the comparison we want).
UNKNOWN_LEVEL = -1
SENT, SENDING, FAILED, QUIET = "sent", "sending", "failed", "quiet"
STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class AlertDue:
    """A post and channel that still need an alert. Carries no post text, by design.

    `level` is None when the post's classification failed and its risk is unknown.
    """

    post_id: int
    level: int | None
    channel: str

    @property
    def stored_level(self) -> int:
        return UNKNOWN_LEVEL if self.level is None else self.level


def alerts_due(session: Session, channels: list[str], since: datetime | None = None, now: datetime | None = None,
               limit: int = 500, fallback: dict[str, tuple[str, int]] | None = None) -> list[AlertDue]:
    """Alerts owed on `channels`: undecided posts at crisis, high or unknown level with no alert sent
    at that level yet, however long ago they were read (an alert run that was down for days still
    owes them; `pipelines.alerts` holds posts published long before they were found quietly).

    A post a person has already hidden or approved needs no alert; a pending or escalated one does.
    With `since`, only posts read or changed since then, and sends that failed or were left claimed.
    `fallback` names channels used only when another has failed: {channel: (primary, failures)}.
    """
    now = now or utcnow()
    current = func.coalesce(ReviewItem.level, UNKNOWN_LEVEL)
    stale_claim = and_(AlertSent.status == SENDING, AlertSent.sent_at <= now - STALE_CLAIM)
    out: list[AlertDue] = []
    for channel in channels:
        primary = aliased(AlertSent)
        q = (
            select(Post.id, ReviewItem.level)
            .join(ReviewItem, ReviewItem.post_id == Post.id)
            .join(Classification, Classification.post_id == Post.id)
            # At most one row per (post, channel): the unique constraint.
            .outerjoin(AlertSent, and_(AlertSent.post_id == Post.id, AlertSent.channel == channel))
            .where(or_(ReviewItem.level.in_(ALERT_LEVELS), ReviewItem.level.is_(None)),
                   Post.deleted_at.is_(None),
                   ReviewItem.state.in_((ReviewState.PENDING.value, ReviewState.ESCALATED.value)),
                   or_(AlertSent.id.is_(None),
                       AlertSent.status == FAILED,
                       stale_claim,
                       and_(AlertSent.status.in_((SENT, QUIET)), AlertSent.level < current)))
            .order_by(current.desc(), Post.id)
            .limit(limit)
        )
        if since is not None:
            q = q.where(or_(Classification.classified_at >= since, ReviewItem.updated_at >= since,
                            AlertSent.status == FAILED, stale_claim))
        if fallback and channel in fallback:
            other, failures = fallback[channel]
            q = q.where(exists().where(primary.post_id == Post.id, primary.channel == other,
                                       primary.status == FAILED, primary.attempts >= failures))
        out.extend(AlertDue(pid, lvl, channel) for pid, lvl in session.execute(q))
    return out


def published_before(session: Session, dues: list[AlertDue], cutoff: datetime) -> set[int]:
    """The posts among `dues` published before `cutoff` that no alert was ever sent or tried for."""
    ids = list({d.post_id for d in dues})
    if not ids:
        return set()
    q = (select(Post.id).where(Post.id.in_(ids), Post.published_at < cutoff,
                               ~exists().where(AlertSent.post_id == Post.id, AlertSent.status != QUIET)))
    return set(session.scalars(q))


def quiet_alerts(session: Session, dues: list[AlertDue], now: datetime | None = None) -> None:
    """Record these alerts as `quiet`: the posts stay held in the queue; no alert is sent for them
    unless their level rises. Commit right after (a concurrent run may have claimed some first)."""
    now = now or utcnow()
    insert = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)
    for due in dues:
        session.execute(insert(AlertSent).values(post_id=due.post_id, channel=due.channel, level=due.stored_level,
                                                 status=QUIET, sent_at=now)
                        .on_conflict_do_nothing(index_elements=["post_id", "channel"]))


def failing_alerts(session: Session, min_attempts: int = 1, limit: int = 50) -> list[AlertSent]:
    """Alerts that failed and are still owed (the post is undecided), most failures first."""
    q = (select(AlertSent).join(ReviewItem, ReviewItem.post_id == AlertSent.post_id)
         .where(AlertSent.status == FAILED, AlertSent.attempts >= min_attempts,
                ReviewItem.state.in_((ReviewState.PENDING.value, ReviewState.ESCALATED.value)))
         .order_by(AlertSent.attempts.desc(), AlertSent.post_id).limit(limit))
    return list(session.scalars(q))


def claim_alert(session: Session, due: AlertDue, now: datetime | None = None) -> bool:
    """Mark the alert as being sent; False when another run holds or finished it. Commit right after."""
    now = now or utcnow()
    row = session.scalar(select(AlertSent).where(AlertSent.post_id == due.post_id,
                                                 AlertSent.channel == due.channel))
    if row is None:
        insert = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)
        values = insert(AlertSent).values(post_id=due.post_id, channel=due.channel, level=due.stored_level,
                                          status=SENDING, sent_at=now)
        # A concurrent run that inserted first wins; this one then has nothing to send.
        stmt = values.on_conflict_do_nothing(index_elements=["post_id", "channel"]).returning(AlertSent.id)
        return session.execute(stmt).first() is not None
    # The conditions are checked again by the UPDATE itself, not by what was read above: of two runs
    # racing for the same rise, the second's update finds the row `sending` and matches nothing.
    res = session.execute(
        update(AlertSent)
        .where(AlertSent.id == row.id,
               or_(AlertSent.status == FAILED,
                   and_(AlertSent.status == SENDING, AlertSent.sent_at <= now - STALE_CLAIM),
                   and_(AlertSent.status.in_((SENT, QUIET)), AlertSent.level < due.stored_level)))
        .values(status=SENDING, level=due.stored_level, sent_at=now)
        .execution_options(synchronize_session=False)
    )
    return rowcount(res) == 1


def record_alert(session: Session, due: AlertDue, error: str | None, now: datetime | None = None) -> None:
    """Record the outcome of a claimed send: `sent`, or `failed` with the error (retried next run)."""
    session.execute(
        update(AlertSent)
        .where(AlertSent.post_id == due.post_id, AlertSent.channel == due.channel)
        .values(status=FAILED if error else SENT, error=error, sent_at=now or utcnow(),
                attempts=AlertSent.attempts + 1 if error else 0)
        .execution_options(synchronize_session=False)
    )


def alert_history(session: Session, post_id: int) -> dict[str, AlertSent]:
    """The alert rows of one post, by channel (for the dashboard and tests)."""
    return {a.channel: a for a in session.scalars(select(AlertSent).where(AlertSent.post_id == post_id))}
