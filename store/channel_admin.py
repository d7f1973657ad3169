"""What the admin Channels page shows and does: each channel's state, and what was published where, when.

Read-only queries plus two small commands (pause or resume a channel, retry a failed outbox action),
each recorded with who did it. Nothing here shows a post's text: titles, links and states only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.channels import channel_setting, configure_channel
from store.models import ChannelSetting, Mailing, OutboxAction, Post, Publication, utcnow
from store.publication import CHANNELS
from store.subscribers import subscriber_counts


def channels_overview(session: Session) -> list[dict]:
    """One row per registered channel: kind, on or paused, who changed it last, live copies."""
    rows = {r.channel: r for r in session.scalars(select(ChannelSetting))}
    live = dict(session.execute(select(Publication.channel, func.count())
                                .where(Publication.withdrawn_at.is_(None)).group_by(Publication.channel)).all())
    out = []
    for name, spec in CHANNELS.items():
        row = rows.get(name)
        out.append({"channel": name, "kind": spec.kind, "reviewed_only": spec.reviewed_only,
                    "enabled": True if row is None else row.enabled, "options": dict(row.options or {}) if row else {},
                    "state": dict(row.state or {}) if row else {}, "updated_by": row.updated_by if row else None,
                    "updated_at": row.updated_at if row else None, "paused_until": row.paused_until if row else None,
                    "lease_owner": row.lease_owner if row else None, "live_copies": live.get(name, 0)})
    return out


def recent_publications(session: Session, channel: str | None = None, limit: int = 200) -> list[dict]:
    """Copies made by the channels that leave copies, newest first: where, when, withdrawn when and why."""
    q = (select(Publication, Post.platform, Post.title, Post.author, Post.url)
         .join(Post, Post.id == Publication.post_id)
         .order_by(Publication.published_at.desc(), Publication.id.desc()).limit(limit))
    if channel:
        q = q.where(Publication.channel == channel)
    return [{"channel": p.channel, "kind": p.kind, "post_id": p.post_id, "post": title or f"{author} on {platform}",
             "post_url": url, "location": p.location, "cleared_by": p.cleared_by, "published_at": p.published_at,
             "withdrawn_at": p.withdrawn_at, "withdraw_reason": p.withdraw_reason}
            for p, platform, title, author, url in session.execute(q)]


def outbox_summary(session: Session, channel: str) -> dict[str, int]:
    return dict(session.execute(select(OutboxAction.state, func.count()).where(OutboxAction.channel == channel)
                                .group_by(OutboxAction.state)).all())


def outbox_problems(session: Session, channel: str, limit: int = 50) -> list[dict]:
    """Failed actions, and pending ones that have failed before (with their last error)."""
    q = (select(OutboxAction).where(OutboxAction.channel == channel, OutboxAction.error.is_not(None),
                                    OutboxAction.state.in_(("failed", "pending")))
         .order_by(OutboxAction.id.desc()).limit(limit))
    return [{"id": a.id, "key": a.key, "action": a.action, "state": a.state, "attempts": a.attempts,
             "next_attempt_at": a.next_attempt_at, "error": a.error} for a in session.scalars(q)]


def retry_action(session: Session, action_id: int, actor: str, now: datetime | None = None) -> bool:
    """Put a failed publish action back in the queue (the gate is asked again when it is claimed)."""
    row = session.get(OutboxAction, action_id)
    if row is None or row.state != "failed":
        return False
    row.state, row.next_attempt_at, row.error = "pending", now or utcnow(), f"retried by {actor}"
    session.flush()
    return True


def set_channel_enabled(session: Session, channel: str, enabled: bool, actor: str) -> None:
    """Pause or resume a channel. Paused: nothing new goes out; take-downs still do."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    configure_channel(session, channel, actor, enabled=enabled)


def set_channel_options(session: Session, channel: str, options: dict, actor: str) -> None:
    channel_setting(session, channel)
    configure_channel(session, channel, actor, options=options)


def recent_mailings(session: Session, limit: int = 12) -> list[dict]:
    return [{"key": m.key, "period_start": m.period_start, "posts": m.posts, "recipients": m.recipients,
             "finished_at": m.finished_at}
            for m in session.scalars(select(Mailing).order_by(Mailing.period_start.desc()).limit(limit))]


def email_audience(session: Session) -> dict[str, int]:
    """Subscriber counts only: the admin page never lists addresses."""
    return subscriber_counts(session)
