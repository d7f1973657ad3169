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

Sending is claimed first: a run inserts the row, or takes over a failed one, a stale claim, or a
`sent` row at a lower level, as `sending` in its own transaction. The unique (post, channel) row and
a conditional update decide the winner, so two alert runs at once never both send. A claim left
`sending` by a process that died is retried once it is older than `STALE_CLAIM`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import AlertSent, Classification, Post, ReviewItem, ReviewState, utcnow

ALERT_LEVELS = (2, 3)
# `alerts_sent.level` for an alert about a post whose classification failed (the column is NOT NULL,
# and -1 sorts below every real level, which is the comparison we want).
UNKNOWN_LEVEL = -1
SENT, SENDING, FAILED = "sent", "sending", "failed"
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


def alerts_due(session: Session, channels: list[str], since: datetime, now: datetime | None = None,
               limit: int = 500) -> list[AlertDue]:
    """Alerts owed on `channels` for posts whose level is new since `since`; crisis, high, unknown.

    A post a person has already hidden or approved needs no alert; a pending or escalated one does.
    "New" is a classification or a change to the review item (a moderator's correction) since `since`.
    """
    now = now or utcnow()
    current = func.coalesce(ReviewItem.level, UNKNOWN_LEVEL)
    out: list[AlertDue] = []
    for channel in channels:
        q = (
            select(Post.id, ReviewItem.level)
            .join(ReviewItem, ReviewItem.post_id == Post.id)
            .join(Classification, Classification.post_id == Post.id)
            # At most one row per (post, channel): the unique constraint.
            .outerjoin(AlertSent, and_(AlertSent.post_id == Post.id, AlertSent.channel == channel))
            .where(or_(ReviewItem.level.in_(ALERT_LEVELS), ReviewItem.level.is_(None)),
                   Post.deleted_at.is_(None),
                   ReviewItem.state.in_((ReviewState.PENDING.value, ReviewState.ESCALATED.value)),
                   or_(Classification.classified_at >= since, ReviewItem.updated_at >= since),
                   or_(AlertSent.id.is_(None),
                       AlertSent.status == FAILED,
                       and_(AlertSent.status == SENDING, AlertSent.sent_at <= now - STALE_CLAIM),
                       and_(AlertSent.status == SENT, AlertSent.level < current)))
            .order_by(current.desc(), Post.id)
            .limit(limit)
        )
        out.extend(AlertDue(pid, lvl, channel) for pid, lvl in session.execute(q))
    return out


def claim_alert(session: Session, due: AlertDue, now: datetime | None = None) -> bool:
    """Mark the alert as being sent; False when another run holds or finished it. Commit right after."""
    now = now or utcnow()
    row = session.scalar(select(AlertSent).where(AlertSent.post_id == due.post_id,
                                                 AlertSent.channel == due.channel))
    if row is None:
        insert = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)
        stmt = insert(AlertSent).values(post_id=due.post_id, channel=due.channel, level=due.stored_level,
                                        status=SENDING, sent_at=now)
        # A concurrent run that inserted first wins; this one then has nothing to send.
        stmt = stmt.on_conflict_do_nothing(index_elements=["post_id", "channel"]).returning(AlertSent.id)
        return session.execute(stmt).first() is not None
    # The conditions are checked again by the UPDATE itself, not by what was read above: of two runs
    # racing for the same rise, the second's update finds the row `sending` and matches nothing.
    res = session.execute(
        update(AlertSent)
        .where(AlertSent.id == row.id,
               or_(AlertSent.status == FAILED,
                   and_(AlertSent.status == SENDING, AlertSent.sent_at <= now - STALE_CLAIM),
                   and_(AlertSent.status == SENT, AlertSent.level < due.stored_level)))
        .values(status=SENDING, level=due.stored_level, sent_at=now)
        .execution_options(synchronize_session=False)
    )
    return res.rowcount == 1


def record_alert(session: Session, due: AlertDue, error: str | None, now: datetime | None = None) -> None:
    """Record the outcome of a claimed send: `sent`, or `failed` with the error (retried next run)."""
    session.execute(
        update(AlertSent)
        .where(AlertSent.post_id == due.post_id, AlertSent.channel == due.channel)
        .values(status=FAILED if error else SENT, error=error, sent_at=now or utcnow())
        .execution_options(synchronize_session=False)
    )


def alert_history(session: Session, post_id: int) -> dict[str, AlertSent]:
    """The alert rows of one post, by channel (for the dashboard and tests)."""
    return {a.channel: a for a in session.scalars(select(AlertSent).where(AlertSent.post_id == post_id))}
