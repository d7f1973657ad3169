"""Dashboard sessions: a signed-in browser that survives a reload, kept on the server.

The browser holds only a random 256-bit token in an httpOnly, SameSite=Strict cookie; the table
holds its SHA-256, so a copy of the table signs nobody in. A session ends when it has been idle
longer than `SessionPolicy.idle`, at `SessionPolicy.absolute` after sign-in however active, when
its person signs out (this browser, or everywhere), and at once when an admin changes the account's
role or the account goes (`end_all`, called by `store.users.set_role`; `check` also refuses a
session whose account no longer exists).

Because Streamlit talks over a WebSocket, which cannot set a cookie, the sign-in page gets a one-time
hand-off code (valid `HANDOFF_TTL`) and sends the browser to a small HTTP route
(`dashboard.server`), which trades it for the cookie with `collect_handoff`. The token changes at
that moment, so a code seen in a log or history is worth nothing afterwards.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from store.models import DashboardSession, User, rowcount, utcnow

COOKIE = "peerfeed_session"
HANDOFF_TTL = timedelta(seconds=60)
# last_seen_at is written at most this often, so a busy page is not a write per rerun.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    """How long a session lasts: `idle` without use, `absolute` from sign-in whatever happens."""

    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class Started:
    """A new session: its id (for this tab's server-side state) and the one-time hand-off code."""

    id: int
    handoff: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, username: str, policy: SessionPolicy, now: datetime | None = None) -> Started:
    """Begin a session for `username` (already authenticated by the caller)."""
    now = now or utcnow()
    handoff = secrets.token_urlsafe(32)
    row = DashboardSession(token_hash=token_hash(secrets.token_urlsafe(32)), handoff_hash=token_hash(handoff),
                           username=username, created_at=now, last_seen_at=now, expires_at=now + policy.absolute)
    session.add(row)
    session.flush()
    return Started(row.id, handoff)


def collect_handoff(session: Session, code: str, policy: SessionPolicy, now: datetime | None = None) -> str | None:
    """Trade a fresh one-time hand-off code for the session's cookie token (a new one), or None.

    A code works once, within HANDOFF_TTL of sign-in, for a session that is still live.
    """
    now = now or utcnow()
    if not code:
        return None
    row = session.scalar(select(DashboardSession).where(DashboardSession.handoff_hash == token_hash(code)))
    if row is None:
        return None
    row.handoff_hash = None  # used or stale: never again
    if now - row.created_at > HANDOFF_TTL or _ended(session, row, policy, now):
        session.flush()
        return None
    token = secrets.token_urlsafe(32)
    row.token_hash = token_hash(token)
    row.last_seen_at = now
    session.flush()
    return token


def check(session: Session, policy: SessionPolicy, *, token: str | None = None, session_id: int | None = None,
          now: datetime | None = None) -> DashboardSession | None:
    """The live session for this cookie token or session id (None when there is none), marked as
    used now. A session found to be past its idle or absolute limit, or whose account has gone, is
    ended here and None returned."""
    now = now or utcnow()
    if session_id is not None:
        row = session.get(DashboardSession, session_id)
    elif token:
        row = session.scalar(select(DashboardSession).where(DashboardSession.token_hash == token_hash(token)))
    else:
        return None
    if row is None or _ended(session, row, policy, now):
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.flush()
    return row


def _ended(session: Session, row: DashboardSession, policy: SessionPolicy, now: datetime) -> bool:
    """True when the session is over (ending it now, with the reason, if it just ran out)."""
    if row.ended_at is not None:
        return True
    why = None
    if now >= row.expires_at:
        why = "absolute limit"
    elif now - row.last_seen_at > policy.idle:
        why = "idle"
    elif session.scalar(select(User.id).where(User.username == row.username)) is None:
        why = "account removed"
    if why is None:
        return False
    row.ended_at, row.ended_why, row.handoff_hash = now, why, None
    session.flush()
    return True


def end(session: Session, session_id: int, why: str = "signed out", now: datetime | None = None) -> None:
    """End one session (signing out of this browser)."""
    session.execute(update(DashboardSession)
                    .where(DashboardSession.id == session_id, DashboardSession.ended_at.is_(None))
                    .values(ended_at=now or utcnow(), ended_why=why, handoff_hash=None)
                    .execution_options(synchronize_session=False))


def end_all(session: Session, username: str, why: str = "signed out everywhere", now: datetime | None = None) -> int:
    """End every live session of `username`; returns how many there were."""
    res = session.execute(update(DashboardSession)
                          .where(DashboardSession.username == username, DashboardSession.ended_at.is_(None))
                          .values(ended_at=now or utcnow(), ended_why=why, handoff_hash=None)
                          .execution_options(synchronize_session=False))
    return rowcount(res)


def live_sessions(session: Session, username: str) -> list[DashboardSession]:
    """`username`'s sessions not yet ended (some may be past a limit and end when next used)."""
    return list(session.scalars(select(DashboardSession)
                                .where(DashboardSession.username == username, DashboardSession.ended_at.is_(None))
                                .order_by(DashboardSession.created_at)))
