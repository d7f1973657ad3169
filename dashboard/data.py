"""Cached reads for the pages: one engine per database URL, query results cached with a TTL.

Every cached function takes the database URL first, so two databases (or two test runs) never share
entries, and returns plain dicts (cheap to pickle, no lazy loads after the session closes).
After a moderator acts, `after_review_action()` clears what the action changed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import streamlit as st
from sqlalchemy.engine import Engine

from dashboard.views import digest_row, queue_entry_row
from store import desk, queries
from store.db import make_engine, transaction


@st.cache_resource(show_spinner=False)
def engine(database_url: str) -> Engine:
    """One engine (and pool) per database URL for the whole server."""
    return make_engine(database_url)


@st.cache_data(ttl=15, show_spinner=False)
def queue_page(database_url: str, page: int, per_page: int, assignee: str | None = None,
               post_id: int | None = None) -> dict:
    """One page of the review queue with thread context, riskiest first (or just one post's item)."""
    with transaction(engine(database_url)) as s:
        result = queries.review_page(s, page=page, per_page=per_page, assignee=assignee, post_id=post_id)
        rows = [queue_entry_row(e, queries.thread_context(s, e.post)) for e in result.rows]
    return {"rows": rows, "has_next": result.has_next}


@st.cache_data(ttl=15, show_spinner=False)
def queue_counts(database_url: str) -> dict[str, int]:
    with transaction(engine(database_url)) as s:
        return queries.queue_counts(s)


@st.cache_data(ttl=30, show_spinner=False)
def digest_page(database_url: str, page: int, per_page: int, topic: str | None = None,
                platform: str | None = None, days: int | None = None, search: str | None = None) -> dict:
    """One page of posts the gate clears; `days` limits to the last N days (whole days, so a cached page
    stays right). Cached for 30 s: a post withdrawn elsewhere leaves this page within a minute."""
    since = datetime.now(timezone.utc) - timedelta(days=days) if days else None
    with transaction(engine(database_url)) as s:
        result = queries.digest_page(s, page=page, per_page=per_page, topic=topic, platform=platform,
                                     since=since, search=search)
        rows = [digest_row(p) for p in result.rows]
    return {"rows": rows, "has_next": result.has_next}


@st.cache_data(ttl=600, show_spinner=False)
def platforms(database_url: str) -> list[str]:
    with transaction(engine(database_url)) as s:
        return queries.platforms(s)


@st.cache_data(ttl=600, show_spinner=False)
def themes(database_url: str, days: int, period: str = "week", k: int = queries.K_MIN) -> dict:
    """Theme figures for the last `days` days by day or week: from the themes flow's daily snapshots
    when there are any (and `period` is day), else computed live with the same k-suppression."""
    now = datetime.now(timezone.utc)
    since = (now - timedelta(days=days)).replace(hour=0, minute=0, second=0, microsecond=0)
    with transaction(engine(database_url)) as s:
        snaps = queries.theme_snapshots(s, since) if period == "day" else []
        # Snapshots only when they cover the period: a flow that began last week must not turn
        # "last 365 days" into a handful of points (the figures are then computed live instead).
        if snaps and _as_utc(snaps[0].period_start) <= since + timedelta(days=1):
            from dashboard.themes import from_snapshots

            out = from_snapshots(snaps, k)
        else:
            out = {
                "source": "live",
                "topics": queries.topic_volumes(s, since, now, k, period),
                "distress": queries.distress_trend(s, since, now, k, period),
                "terms": queries.emerging_terms(s, now, k=k),
            }
        out["sources"] = queries.source_activity(s, since, now, k, period)
    return out


def _as_utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)  # SQLite returns naive UTC


@st.cache_data(ttl=30, show_spinner=False)
def sources(database_url: str) -> list[dict]:
    """Each source's health and stored posts."""
    with transaction(engine(database_url)) as s:
        return [{
            "name": src.name, "platform": src.platform, "kind": src.kind, "url": src.url,
            "enabled": src.enabled, "last_fetched_at": src.last_fetched_at, "status": src.last_status,
            "error_kind": src.last_error_kind, "error": src.last_error,
            "failures": src.consecutive_failures, "next_attempt_at": src.next_attempt_at, "posts": n,
            "warning": src.last_warning,
        } for src, n in queries.sources_health(s)]


@st.cache_data(ttl=15, show_spinner=False)
def streams(database_url: str) -> list[dict]:
    """Each stream's status and lag (`store.sources.stream_health`)."""
    from dataclasses import asdict

    from store.sources import stream_health

    with transaction(engine(database_url)) as s:
        return [asdict(h) for h in stream_health(s)]


@st.cache_data(ttl=60, show_spinner=False)
def model_status(database_url: str, model_path: str | None) -> dict:
    """The current model, the model file's card, moderators' levels for it and spot checks waiting."""
    from pathlib import Path

    from dashboard.model_status import default_model_path, model_file_card

    with transaction(engine(database_url)) as s:
        current = queries.current_model(s)
        version = current.version if current else None
        pairs = queries.level_checks(s, model_version=version) if version else []
        waiting = len(queries.spot_check_queue(s, limit=1000))
    path = Path(model_path) if model_path else default_model_path()
    return {"version": version, "since": current.since if current else None, "pairs": pairs,
            "waiting": waiting, "card": model_file_card(path), "path": str(path) if path else None}


def audit_trail(database_url: str, review_item_id: int) -> list[dict]:
    """Who did what to one item (not cached: read when a moderator opens it)."""
    with transaction(engine(database_url)) as s:
        return [{"at": a.at, "actor": a.actor, "action": a.action, "detail": a.detail}
                for a in queries.audit_trail(s, review_item_id)]


@st.cache_data(ttl=15, show_spinner=False)
def desk_queue(database_url: str, f: desk.QueueFilter, page: int = 1, per_page: int = 25) -> dict:
    """One page of the queue as the moderator filtered and sorted it, each row with its context: the
    thread around it, the author's other posts (and where they stand), and every note left on it."""
    page = max(1, page)
    with transaction(engine(database_url)) as s:
        entries = desk.queue(s, f, limit=per_page + 1, offset=(page - 1) * per_page)
        return {"rows": [_desk_row(s, e) for e in entries[:per_page]], "has_next": len(entries) > per_page}


@st.cache_data(ttl=15, show_spinner=False)
def resolved(database_url: str, state: str | None = None, text: str = "", limit: int = 30) -> list[dict]:
    """Decided items, most recent first, for the Resolved view."""
    with transaction(engine(database_url)) as s:
        return [_desk_row(s, e, context=False) for e in desk.resolved(s, limit=limit, state=state, text=text)]


def _desk_row(s, entry, context: bool = True) -> dict:
    row = queue_entry_row(entry, queries.thread_context(s, entry.post) if context else ())
    row["decided_at"] = entry.item.decided_at
    row["notes"] = [{"at": n.at, "actor": n.actor, "action": n.action, "note": n.detail["note"]}
                    for n in desk.notes(s, entry.item.id)]
    # An item reopened after a decision waits from the reopening, not from when it was first queued.
    reopened = [a.at for a in queries.audit_trail(s, entry.item.id, limit=50) if a.action == "reopen"]
    row["entered_review"] = max([entry.item.created_at, *reopened])
    return row


def author_posts(database_url: str, post_id: int) -> list[dict]:
    """The author's other posts and where they stand, for the card in focus (read when shown)."""
    from store.models import Post

    with transaction(engine(database_url)) as s:
        post = s.get(Post, post_id)
        return [dict(vars(a)) for a in desk.author_context(s, post)] if post is not None else []


@st.cache_data(ttl=15, show_spinner=False)
def failing_alerts(database_url: str) -> list[dict]:
    """Alerts that failed and are still owed (store.alerts.failing_alerts), for the desk's warning."""
    from store.alerts import failing_alerts as owed

    with transaction(engine(database_url)) as s:
        return [{"post_id": a.post_id, "channel": a.channel, "attempts": a.attempts} for a in owed(s)]


@st.cache_data(ttl=15, show_spinner=False)
def shift_counts(database_url: str, username: str) -> dict:
    with transaction(engine(database_url)) as s:
        return vars(desk.shift_counts(s, username))


def item_for_post(database_url: str, post_id: int) -> dict | None:
    """Where an alert's post stands now (None: no such post), for the message when it is not open."""
    from sqlalchemy import select

    from store.models import Post, ReviewItem

    with transaction(engine(database_url)) as s:
        row = s.execute(select(Post.deleted_at, ReviewItem.state, ReviewItem.decided_by, ReviewItem.decided_at)
                        .outerjoin(ReviewItem, ReviewItem.post_id == Post.id).where(Post.id == post_id)).first()
        if row is None:
            return None
        return {"deleted": row.deleted_at is not None, "state": row.state, "decided_by": row.decided_by,
                "decided_at": row.decided_at, "last": _last(s, post_id)}


def _last(s, post_id: int) -> dict | None:
    from sqlalchemy import select

    from store.models import AuditEntry

    a = s.scalar(select(AuditEntry).where(AuditEntry.post_id == post_id)
                 .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1))
    return {"actor": a.actor, "action": a.action, "at": a.at} if a else None


def moderators(database_url: str) -> list[str]:
    """People an item can be assigned to."""
    from store.review import MODERATOR_ROLES
    from store.users import list_users

    with transaction(engine(database_url)) as s:
        return [u.username for u in list_users(s) if u.role in MODERATOR_ROLES]


def team_log(database_url: str, actor: str | None, action: str | None, days: int) -> list[dict]:
    since = datetime.now(timezone.utc) - timedelta(days=days)
    with transaction(engine(database_url)) as s:
        return [vars(e) for e in desk.team_log(s, actor=actor, action=action, since=since)]


def activity(database_url: str, days: int) -> list[tuple[str, str, int]]:
    with transaction(engine(database_url)) as s:
        return desk.activity(s, datetime.now(timezone.utc) - timedelta(days=days))


def after_review_action() -> None:
    """A moderator changed an item: the queue, its counts and the digest must be read afresh."""
    queue_page.clear()
    queue_counts.clear()
    desk_queue.clear()
    resolved.clear()
    shift_counts.clear()
    digest_page.clear()


def after_sources_change() -> None:
    sources.clear()
    streams.clear()
    platforms.clear()
