"""Failed sign-ins, counted per user name and per client address, so passwords cannot be guessed online.

Each attempt is written as a row *before* its password is checked (and removed again by a success),
so a crash or a slow check still counts, and concurrent attempts are counted one by one: the row is
inserted and the earlier rows counted in one transaction that holds the table's write lock (SQLite's
single writer; an explicit table lock on PostgreSQL). Locks are not stored: they are derived from
the rows, which hold no password and are pruned once older than the throttle's window.

The rule, for a user name (threshold `max_failures`) and for a client address (threshold
`max_client_failures`) alike: with `failures` failed attempts in the last `window`, and
`failures >= threshold`, attempts are refused until the latest failure plus
`lockout * 2 ** (failures - threshold)`, at most `max_lockout`. A refused attempt is not recorded
and its password is never checked. User names are counted as typed, whether or not such an account
exists, so a lockout says nothing about which names are real.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from store.models import SignInAttempt, rowcount

NAME_LENGTH, CLIENT_LENGTH = 200, 64  # the columns' sizes; longer input is cut, never refused


@dataclass(frozen=True)
class Throttle:
    """How many failures lock a name or a client, for how long; built from Settings by the caller."""

    max_failures: int = 5
    max_client_failures: int = 20
    window: timedelta = timedelta(hours=24)
    lockout: timedelta = timedelta(minutes=1)
    max_lockout: timedelta = timedelta(minutes=30)

    def lockout_after(self, failures: int, threshold: int) -> timedelta:
        """The lock that `failures` (at least `threshold`) earn: doubling per extra failure, capped."""
        extra = min(failures - threshold, 40)  # 2**40 minutes is far past any sane cap
        return min(self.lockout * 2**extra, self.max_lockout)


@dataclass(frozen=True)
class Lock:
    """Attempts are refused until `until`; `scope` is "user" or "client" (for logs, never shown)."""

    scope: str
    failures: int
    until: datetime


def attempt_name(username: str | None) -> str:
    """The key a typed user name is counted under (trimmed, as `store.users` matches names)."""
    return (username or "").strip()[:NAME_LENGTH]


def _client_key(client: str | None) -> str | None:
    return client[:CLIENT_LENGTH] if client else None


def begin_attempt(session: Session, throttle: Throttle, username: str, client: str | None,
                  now: datetime) -> Lock | None:
    """Record an attempt as failed before its password is checked; return the Lock if it is refused.

    When the earlier failures already lock the name or the client, nothing is recorded and the
    Lock comes back: the caller must not check the password. Otherwise the row stays (a successful
    check removes it with `clear_failures`). Also prunes rows older than the window.
    """
    if session.get_bind().dialect.name == "postgresql":
        # Serialise attempts (each holds the lock for a few statements, not for the hash), so two at
        # once cannot both see "one failure left". SQLite's first INSERT takes its only write lock.
        session.execute(text("LOCK TABLE sign_in_attempts IN SHARE ROW EXCLUSIVE MODE"))
    row = SignInAttempt(username=attempt_name(username), client=_client_key(client), at=now)
    session.add(row)
    session.flush()
    lock = current_lock(session, throttle, username, client, now, exclude_id=row.id)
    if lock is not None:
        session.delete(row)
    session.execute(delete(SignInAttempt).where(SignInAttempt.at < now - throttle.window))
    session.flush()
    return lock


def current_lock(session: Session, throttle: Throttle, username: str, client: str | None, now: datetime,
                 exclude_id: int | None = None) -> Lock | None:
    """The lock in force at `now` on this name or this client (the one that ends later), or None."""
    checks = [("user", SignInAttempt.username == attempt_name(username), throttle.max_failures)]
    if client:
        checks.append(("client", SignInAttempt.client == _client_key(client), throttle.max_client_failures))
    locks = []
    for scope, matches, threshold in checks:
        query = select(func.count(), func.max(SignInAttempt.at)).where(matches,
                                                                       SignInAttempt.at > now - throttle.window)
        if exclude_id is not None:
            query = query.where(SignInAttempt.id != exclude_id)
        failures, latest = session.execute(query).one()
        if failures >= threshold:
            until = latest + throttle.lockout_after(failures, threshold)
            if until > now:
                locks.append(Lock(scope, failures, until))
    return max(locks, key=lambda lock: lock.until, default=None)


def failure_count(session: Session, username: str) -> int:
    """How many failed attempts are remembered for this user name (any age within the table)."""
    return session.execute(select(func.count()).where(SignInAttempt.username == attempt_name(username))).scalar_one()


def clear_failures(session: Session, username: str) -> int:
    """Forget a user name's failed attempts (a successful sign-in, or an admin's unlock); how many."""
    result = session.execute(delete(SignInAttempt).where(SignInAttempt.username == attempt_name(username)))
    return rowcount(result)


def clear_client_failures(session: Session, client: str) -> int:
    """Forget a client address's failed attempts (an admin's unlock); how many were forgotten."""
    result = session.execute(delete(SignInAttempt).where(SignInAttempt.client == _client_key(client)))
    return rowcount(result)
