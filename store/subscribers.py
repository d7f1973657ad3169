"""The weekly email's readers: double opt-in, one-click unsubscribe, and each mailing sent at most once.

An address is on the list only after its owner follows the confirmation link sent to it (the link's
token is kept only as a hash). Asking again within `CONFIRM_EVERY` sends nothing more, so the
sign-up form cannot be used to flood someone's inbox. Unsubscribing deletes the row: the address is
gone, not flagged. Unconfirmed sign-ups are forgotten after `FORGET_UNCONFIRMED`.

Each mailing goes to each subscriber at most once: a delivery row is written `sending` (and
committed) before the message goes and `sent` after; a crash in between leaves `sending`, which
no later run sends again.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from store.models import EmailSubscriber, Mailing, MailingDelivery, rowcount, utcnow

CONFIRM_EVERY = timedelta(hours=24)
CONFIRM_VALID = timedelta(days=7)
FORGET_UNCONFIRMED = timedelta(days=7)
# Deliberately plain: one @, no spaces or control characters (so no header injection), a dot in the domain.
_ADDRESS = re.compile(r"[^@\s\x00-\x1f\x7f<>()\[\],;:\"\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?\.[A-Za-z]{2,63}")
SENDING, SENT, FAILED, UNKNOWN = "sending", "sent", "failed", "unknown"


class BadAddress(ValueError):
    """Not an email address we will write to."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_address(address: str) -> str:
    """The address as stored: trimmed and in lower case (so Jo@ and jo@ are one subscriber; no mail
    system in use treats them as two people). BadAddress when it is not one."""
    address = (address or "").strip()
    if len(address) > 254 or not _ADDRESS.fullmatch(address):
        raise BadAddress("that does not look like an email address")
    return address.lower()


@dataclass(frozen=True)
class SignUp:
    """What `subscribe` decided: the confirmation token to email, if one is to be sent now."""

    email: str
    confirm_token: str | None


def subscribe(session: Session, address: str, now: datetime | None = None) -> SignUp:
    """Start (or restart) a subscription. The answer to show is the same whatever the state, so the
    form never tells anyone whether an address is subscribed."""
    now = now or utcnow()
    email = normalise_address(address)
    row = session.scalar(select(EmailSubscriber).where(EmailSubscriber.email == email))
    if row is None:
        row = EmailSubscriber(email=email, unsubscribe_token=secrets.token_urlsafe(32), created_at=now)
        session.add(row)
    elif row.confirmed_at is not None or (row.confirm_sent_at and now - row.confirm_sent_at < CONFIRM_EVERY):
        return SignUp(email, None)
    token = secrets.token_urlsafe(32)
    row.confirm_hash, row.confirm_sent_at = _hash(token), now
    session.flush()
    return SignUp(email, token)


def confirm(session: Session, token: str, now: datetime | None = None) -> str | None:
    """Confirm the subscription the token was sent for; returns the address, or None for a token that
    is unknown, used or expired."""
    now = now or utcnow()
    row = session.scalar(select(EmailSubscriber).where(EmailSubscriber.confirm_hash == _hash(token or "")))
    if row is None or row.confirm_sent_at is None or now - row.confirm_sent_at > CONFIRM_VALID:
        return None
    row.confirmed_at, row.confirm_hash = now, None
    session.flush()
    return row.email


def unsubscribe(session: Session, token: str) -> bool:
    """Delete the subscriber the token belongs to (address and delivery history). False if none."""
    if not token:
        return False
    return rowcount(session.execute(delete(EmailSubscriber).where(EmailSubscriber.unsubscribe_token == token))) > 0


def forget_unconfirmed(session: Session, now: datetime | None = None) -> int:
    """Delete sign-ups never confirmed within `FORGET_UNCONFIRMED`."""
    cutoff = (now or utcnow()) - FORGET_UNCONFIRMED
    return rowcount(session.execute(delete(EmailSubscriber).where(EmailSubscriber.confirmed_at.is_(None),
                                                                  EmailSubscriber.created_at < cutoff)))


def subscriber_counts(session: Session) -> dict[str, int]:
    """{"confirmed": n, "waiting": n}: numbers only, for the admin page."""
    confirmed = func.count(EmailSubscriber.confirmed_at)
    total = func.count(EmailSubscriber.id)
    c, t = session.execute(select(confirmed, total)).one()
    return {"confirmed": c, "waiting": t - c}


# --- mailings -----------------------------------------------------------------------------------------

def mailing_for(session: Session, key: str, start: datetime, end: datetime, now: datetime | None = None) -> Mailing:
    """The mailing for a period, made the first time it is asked for (a rerun resumes it)."""
    row = session.scalar(select(Mailing).where(Mailing.key == key))
    if row is None:
        row = Mailing(key=key, period_start=start, period_end=end, created_at=now or utcnow(), posts=0, recipients=0)
        session.add(row)
        session.flush()
    return row


@dataclass(frozen=True)
class Recipient:
    subscriber_id: int
    email: str
    unsubscribe_token: str


def recipients_due(session: Session, mailing_id: int, limit: int = 50, exclude: set[int] | None = None
                   ) -> list[Recipient]:
    """Confirmed subscribers this mailing has not been sent to, nor is being sent to (failed ones again),
    leaving out `exclude` (those already tried in this run)."""
    handled = select(MailingDelivery.subscriber_id).where(MailingDelivery.mailing_id == mailing_id,
                                                          MailingDelivery.state != FAILED)
    q = (select(EmailSubscriber.id, EmailSubscriber.email, EmailSubscriber.unsubscribe_token)
         .where(EmailSubscriber.confirmed_at.is_not(None), EmailSubscriber.id.not_in(handled))
         .order_by(EmailSubscriber.id).limit(limit))
    if exclude:
        q = q.where(EmailSubscriber.id.not_in(sorted(exclude)))
    return [Recipient(*row) for row in session.execute(q)]


def start_delivery(session: Session, mailing_id: int, subscriber_id: int, now: datetime | None = None) -> bool:
    """Write `sending` for one recipient (commit before sending). False if someone got there first."""
    row = session.get(MailingDelivery, (mailing_id, subscriber_id))
    if row is not None and row.state != FAILED:
        return False
    if row is None:
        session.add(MailingDelivery(mailing_id=mailing_id, subscriber_id=subscriber_id, state=SENDING,
                                    at=now or utcnow()))
    else:
        row.state, row.at, row.error = SENDING, now or utcnow(), None
    session.flush()
    return True


def finish_delivery(session: Session, mailing_id: int, subscriber_id: int, error: str | None = None,
                    now: datetime | None = None) -> None:
    row = session.get(MailingDelivery, (mailing_id, subscriber_id))
    if row is None:  # unsubscribed while the message was on its way
        return
    row.state, row.at, row.error = (FAILED if error else SENT), now or utcnow(), (error[:500] if error else None)
    session.flush()


def give_up_on_interrupted(session: Session, mailing_id: int) -> int:
    """Deliveries a crashed run left `sending`: marked `unknown` and never sent again."""
    rows = session.scalars(select(MailingDelivery).where(MailingDelivery.mailing_id == mailing_id,
                                                         MailingDelivery.state == SENDING)).all()
    for row in rows:
        row.state = UNKNOWN
    session.flush()
    return len(rows)


def delivery_counts(session: Session, mailing_id: int) -> dict[str, int]:
    return dict(session.execute(select(MailingDelivery.state, func.count())
                                .where(MailingDelivery.mailing_id == mailing_id)
                                .group_by(MailingDelivery.state)).all())
