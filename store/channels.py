"""Each outward channel's settings row: on or paused, its options, its own published state, its lease.

Secrets (tokens, app passwords) are never stored here: they come from `peerfeed.settings`. What an
admin may change while peerfeed runs (pause a channel, which topics get a feed of their own) is
stored here, set from the admin Channels page or the CLI, and read by each channel on every run or
request. A channel with no row is on, with default options.

The lease makes one publisher per channel at a time (the fediverse outbox): a second run finds the
lease held and stops. A lease whose holder died is taken over when it expires, or at once when the
holder was a process on this host that no longer exists (a kill -9 leaves no time to let go).
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from store.models import ChannelSetting, rowcount, utcnow


def channel_setting(session: Session, channel: str) -> ChannelSetting:
    """The channel's row, created (on, default options) if there is none yet."""
    row = session.get(ChannelSetting, channel)
    if row is None:
        row = ChannelSetting(channel=channel, enabled=True, options={}, state={}, updated_at=utcnow())
        session.add(row)
        session.flush()
    return row


def channel_enabled(session: Session, channel: str) -> bool:
    """False when an admin paused the channel (no row: on)."""
    row = session.get(ChannelSetting, channel)
    return True if row is None else bool(row.enabled)


def channel_options(session: Session, channel: str) -> dict[str, Any]:
    row = session.get(ChannelSetting, channel)
    return dict(row.options or {}) if row is not None else {}


def channel_state(session: Session, channel: str) -> dict[str, Any]:
    row = session.get(ChannelSetting, channel)
    return dict(row.state or {}) if row is not None else {}


def configure_channel(session: Session, channel: str, actor: str, enabled: bool | None = None,
                      options: dict[str, Any] | None = None) -> ChannelSetting:
    """Pause or resume a channel and/or replace its options, noting who did it."""
    row = channel_setting(session, channel)
    if enabled is not None:
        row.enabled = enabled
    if options is not None:
        row.options = dict(options)
    row.updated_at, row.updated_by = utcnow(), actor
    session.flush()
    return row


def record_channel_state(session: Session, channel: str, **state: Any) -> None:
    """Merge `state` into what the channel remembers about itself (e.g. its published records)."""
    row = channel_setting(session, channel)
    row.state = {**(row.state or {}), **state}
    session.flush()


# --- one publisher per channel -----------------------------------------------------------------------

def this_process() -> str:
    """A lease holder's name: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _holder_is_gone(owner: str | None) -> bool:
    if not owner:
        return True
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's process: only its lease expiry tells
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def take_lease(session: Session, channel: str, ttl: timedelta, owner: str | None = None,
               now: datetime | None = None) -> bool:
    """Hold the channel for `ttl`; False when a live publisher holds it. Renewing one's own lease
    is taking it again."""
    owner, now = owner or this_process(), now or utcnow()
    row = channel_setting(session, channel)
    held_by_other = row.lease_owner not in (None, owner) and row.lease_until is not None and row.lease_until > now
    if held_by_other and not _holder_is_gone(row.lease_owner):
        return False
    # Compare-and-set on what was read, so two processes taking a free lease at once get one winner.
    result = session.execute(
        update(ChannelSetting)
        .where(ChannelSetting.channel == channel,
               or_(ChannelSetting.lease_owner.is_(None), ChannelSetting.lease_owner == row.lease_owner))
        .values(lease_owner=owner, lease_until=now + ttl)
        .execution_options(synchronize_session=False))
    session.expire(row)
    return rowcount(result) == 1


def release_lease(session: Session, channel: str, owner: str | None = None) -> None:
    session.execute(update(ChannelSetting)
                    .where(ChannelSetting.channel == channel, ChannelSetting.lease_owner == (owner or this_process()))
                    .values(lease_owner=None, lease_until=None)
                    .execution_options(synchronize_session=False))


def pause_until(session: Session, channel: str, until: datetime | None) -> None:
    """Remember a remote's rate-limit reset: nothing is sent on the channel before it."""
    channel_setting(session, channel).paused_until = until
    session.flush()
