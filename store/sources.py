"""Sources in the database: sync from the sources file, due checks, and per-fetch health."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from collectors.base import FetchResult, SourceState, StreamBatch, StreamPosition
from peerfeed.sources import SourceConfig
from peerfeed.records import Platform
from store.models import FetchRun, Post, Source, Stream, get_existing, rowcount, utcnow
from store.posts import UpsertCounts, apply_deletions, upsert_posts

log = logging.getLogger(__name__)

BASE_BACKOFF = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=24)
# Option key remembering the URL in the sources file after a permanent redirect moved the source.
MOVED_FROM = "moved_from"


def sync_sources(session: Session, configs: Sequence[SourceConfig], disable_missing: bool = False) -> list[Source]:
    """Create or update sources by name; health and cursors are kept. Returns them in file order."""
    by_name = {s.name: s for s in session.scalars(select(Source))}
    out = []
    for cfg in configs:
        src = by_name.get(cfg.name)
        if src is None:
            src = Source(name=cfg.name, platform=cfg.platform.value, kind=cfg.kind, url=cfg.url,
                         enabled=cfg.enabled, options=dict(cfg.options), consecutive_failures=0)
            session.add(src)
        else:
            configured = (src.options or {}).get(MOVED_FROM)
            url = src.url if cfg.url == configured else cfg.url  # keep a permanent redirect's URL
            if url != src.url:
                # The file moved the source: old validators and cursors no longer apply.
                src.etag = src.last_modified = src.cursor = None
            options = dict(cfg.options)
            if url != cfg.url:
                options[MOVED_FROM] = configured
            src.platform, src.kind, src.url = cfg.platform.value, cfg.kind, url
            src.enabled, src.options = cfg.enabled, options
        out.append(src)
    if disable_missing:
        names = {c.name for c in configs}
        for name, src in by_name.items():
            if name not in names:
                src.enabled = False
    session.flush()
    return out


def set_source_enabled(session: Session, name: str, enabled: bool) -> bool:
    """Enable or disable a source by name in the store alone; False when there is no such source.

    For sources that live only in the database (the demo's, which `peerfeed demo` syncs from its
    own sample file): a sync of the sources file leaves them as they are.
    """
    src = session.scalar(select(Source).where(Source.name == name))
    if src is None:
        return False
    src.enabled = enabled
    session.flush()
    return True


def to_config(src: Source) -> SourceConfig:
    options = {k: v for k, v in (src.options or {}).items() if k != MOVED_FROM}
    return SourceConfig(name=src.name, platform=Platform(src.platform), url=src.url, kind=src.kind,
                        enabled=src.enabled, options=options)


def to_state(src: Source) -> SourceState:
    return SourceState(etag=src.etag, last_modified=src.last_modified, cursor=src.cursor)


def due_sources(session: Session, now: datetime | None = None, only: str | None = None,
                ignore_backoff: bool = False) -> list[Source]:
    """Enabled sources whose backoff has passed (or the one named `only`, whatever its backoff)."""
    now = now or utcnow()
    q = select(Source).where(Source.enabled.is_(True)).order_by(Source.id)
    if only:
        q = select(Source).where(Source.name == only)
    sources = list(session.scalars(q))
    if only or ignore_backoff:
        return sources
    return [s for s in sources if s.next_attempt_at is None or s.next_attempt_at <= now]


def start_fetch_run(session: Session, source_id: int, now: datetime | None = None) -> int:
    """Record that a fetch began (its own transaction, so a crash leaves a visible trace)."""
    run = FetchRun(source_id=source_id, started_at=now or utcnow(), status="running")
    session.add(run)
    session.flush()
    return run.id


def close_interrupted_runs(session: Session) -> int:
    """Runs left 'running' by a killed process are marked interrupted (their work was rolled back)."""
    res = session.execute(
        update(FetchRun).where(FetchRun.status == "running").values(
            status="interrupted", finished_at=utcnow(), error="process ended before the fetch was stored"
        )
    )
    return rowcount(res) or 0


def backoff(failures: int, retry_after_s: float | None = None) -> timedelta:
    """Exponential backoff from 5 minutes to a day; a server's Retry-After wins when longer."""
    delay = min(BASE_BACKOFF * (2 ** max(failures - 1, 0)), MAX_BACKOFF)
    if retry_after_s:
        delay = max(delay, timedelta(seconds=min(retry_after_s, MAX_BACKOFF.total_seconds())))
    return delay


# What a bad value makes the database driver raise: a refused character (UnicodeEncodeError on
# SQLite, psycopg's DataError for a NUL on PostgreSQL), a value out of range, a type it cannot bind.
STORE_ERRORS = (SQLAlchemyError, UnicodeError, ValueError, TypeError, OverflowError)
MAX_SKIPPED_LISTED = 20


def printable_id(platform_id: str, limit: int = 200) -> str:
    """A post id safe to put in a message and a text column (escaped, never the post's text)."""
    return platform_id[:limit].encode("ascii", "backslashreplace").decode("ascii")


def storable(message: str | None) -> str | None:
    """An error or warning message any text column takes: no NUL, no lone surrogate."""
    if message is None:
        return None
    return message.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def upsert_posts_isolating(session: Session, posts, source_id: int | None) -> tuple[UpsertCounts, list[str]]:
    """`upsert_posts`, but a post the database refuses costs only itself.

    The batch is tried in a savepoint; if the database refuses it, each post is tried in its own
    savepoint and the refused ones are returned as "post <id>: <error type>" (never their text,
    never the driver's message, which quotes the parameters).
    """
    try:
        with session.begin_nested():
            return upsert_posts(session, posts, source_id), []
    except STORE_ERRORS:
        pass
    counts, refused = UpsertCounts(), []
    for post in posts:
        try:
            with session.begin_nested():
                counts += upsert_posts(session, [post], source_id)
        except STORE_ERRORS as exc:
            cause = getattr(exc, "orig", None) or exc
            refused.append(f"post {printable_id(post.platform_id)}: refused by the store ({type(cause).__name__})")
    return counts, refused


def skipped_summary(skipped: Sequence[str]) -> str | None:
    """One line for the source's health: how many items were left out, and the first few."""
    if not skipped:
        return None
    listed = "; ".join(skipped[:MAX_SKIPPED_LISTED])
    more = f"; and {len(skipped) - MAX_SKIPPED_LISTED} more" if len(skipped) > MAX_SKIPPED_LISTED else ""
    return storable(f"{len(skipped)} item(s) skipped: {listed}{more}")


def record_fetch(session: Session, source_id: int, run_id: int, result: FetchResult,
                 now: datetime | None = None) -> UpsertCounts:
    """Store one fetch's posts, deletions and the source's health in the caller's transaction.

    Items the collector could not read (`result.skipped`) and posts the database refuses are left
    out and listed on the source (`last_warning`) and the run (`items_skipped`); the rest is stored
    and the cursor moves on, so one bad item never stalls a source.
    """
    now = now or utcnow()
    src = get_existing(session, Source, source_id)
    run = get_existing(session, FetchRun, run_id)
    counts = UpsertCounts()
    deleted = 0
    skipped = list(result.skipped)
    # Write first: on SQLite this takes the write lock (waiting for it) before the savepoints below,
    # which would otherwise start a read transaction that cannot be upgraded while another writes.
    src.last_fetched_at = now
    session.flush()
    if result.ok:
        counts, refused = upsert_posts_isolating(session, result.posts, source_id)
        skipped += refused
        deleted = apply_deletions(session, result.deletions, now)
        st = result.state
        if not result.not_modified:
            src.etag, src.last_modified = st.etag, st.last_modified
        if st.cursor is not None:
            src.cursor = st.cursor
        if st.url and st.url != src.url:
            src.options = {**(src.options or {}), MOVED_FROM: (src.options or {}).get(MOVED_FROM, src.url)}
            src.url = st.url
        src.consecutive_failures = 0
        src.last_error = src.last_error_kind = None
        # A healthy fetch can still ask us to wait (a rate-limit budget nearly spent).
        src.next_attempt_at = now + timedelta(seconds=result.retry_after_s) if result.retry_after_s else None
        src.last_status = "not_modified" if result.not_modified else "ok"
    else:
        src.consecutive_failures = (src.consecutive_failures or 0) + 1
        src.last_status = "error"
        src.last_error_kind = result.error_kind.value if result.error_kind else "unknown"
        src.last_error = storable(result.error)
        src.next_attempt_at = now + backoff(src.consecutive_failures, result.retry_after_s)
    src.last_fetched_at = now
    src.last_warning = skipped_summary(skipped)
    run.finished_at = now
    run.status = src.last_status
    run.error_kind = src.last_error_kind if not result.ok else None
    run.error = storable(result.error) if result.error else src.last_warning
    run.items_skipped = len(skipped)
    if counts.collisions:
        # Not an error (every entry was kept), but the source's record says it happened.
        note = (f"{len(counts.collisions)} ids were each shared by entries with different text; all were "
                f"kept (the later ones as <id>#<hash of text>): {', '.join(counts.collisions[:5])}")[:1000]
        run.error = f"{run.error}; {note}" if run.error else note
        log.warning("source %s: %s", src.name, note)
    run.items_new, run.items_updated, run.items_deleted = counts.new, counts.updated, deleted
    run.cursor, run.etag, run.http_status = src.cursor, src.etag, result.http_status
    return counts


# --- Live streams (pipelines/streaming.py) -------------------------------------------------------

@dataclass(frozen=True)
class StreamHealth:
    """One stream as the Sources page shows it."""

    name: str
    platform: str
    status: str
    lag_s: float | None  # how far behind upstream the newest event was when handled
    silent_s: float | None  # how long since anything was handled
    events_seen: int
    events_kept: int
    last_error: str | None


def stream_cursor(session: Session, name: str) -> str | None:
    """The saved cursor of a stream (the firehose's sequence number), or None."""
    return session.scalar(select(Stream.cursor).where(Stream.name == name))


def record_stream(session: Session, position: StreamPosition, now: datetime | None = None) -> None:
    """Save a stream's position, status and counts (in the caller's transaction, with its posts)."""
    now = now or utcnow()
    row = session.scalar(select(Stream).where(Stream.name == position.stream))
    if row is None:
        row = Stream(name=position.stream, platform=position.platform, url=position.url, events_seen=0,
                     events_kept=0)
        session.add(row)
    if position.cursor is not None:
        row.cursor = position.cursor
    if position.event_time is not None and (row.last_event_at is None or position.event_time >= row.last_event_at):
        row.last_event_at = position.event_time
        row.last_received_at = now
    elif position.events:
        row.last_received_at = now
    row.status = position.status
    row.last_error = storable(position.error) if position.error else (row.last_error if position.status != "connected" else None)
    row.events_seen = (row.events_seen or 0) + position.events
    row.events_kept = (row.events_kept or 0) + position.kept
    row.url = position.url
    row.updated_at = now


def store_stream_batches(session: Session, batches: Sequence[StreamBatch], position: StreamPosition,
                         now: datetime | None = None) -> UpsertCounts:
    """Store what a stream delivered and where it got to, in the caller's one transaction.

    Each batch's posts and deletions go to its source (by name); a batch's `cursor` becomes the
    source's polling cursor. A post the database refuses costs only itself (listed on the source).
    """
    now = now or utcnow()
    counts = UpsertCounts()
    if batches:
        names = {b.source for b in batches}
        sources = {s.name: s for s in session.scalars(select(Source).where(Source.name.in_(names)))}
        session.flush()
        for batch in batches:
            src = sources.get(batch.source)
            if src is None:
                continue  # a source removed while the stream ran
            got, refused = upsert_posts_isolating(session, batch.posts, src.id)
            counts += got
            apply_deletions(session, batch.deletions, now)
            if batch.cursor is not None:
                src.cursor = batch.cursor
            skipped = list(batch.skipped) + refused
            if skipped:
                src.last_warning = skipped_summary(skipped)
            if batch.posts or batch.deletions:
                src.last_fetched_at = now
                src.last_status = "ok"
    record_stream(session, position, now)
    return counts


def stream_health(session: Session, now: datetime | None = None) -> list[StreamHealth]:
    """Every stream with its status and lag, for the Sources page and `peerfeed stream --status`."""
    now = now or utcnow()
    out = []
    for row in session.scalars(select(Stream).order_by(Stream.name)):
        lag = (row.last_received_at - row.last_event_at).total_seconds() if row.last_event_at and row.last_received_at else None
        silent = (now - row.last_received_at).total_seconds() if row.last_received_at else None
        out.append(StreamHealth(row.name, row.platform, row.status, lag, silent, row.events_seen or 0,
                                row.events_kept or 0, row.last_error))
    return out


def known_posts(session: Session, platform: str, since: datetime) -> dict[str, str]:
    """Live posts of a platform collected since `since`: platform id -> source name (a stream keeps
    their edits and deletions whether or not they still match its filter)."""
    q = (select(Post.platform_id, Source.name).join(Source, Source.id == Post.source_id)
         .where(Post.platform == platform, Post.deleted_at.is_(None), Post.collected_at >= since))
    return dict(session.execute(q).all())


def known_status_ids(session: Session, source_id: int, since: datetime) -> dict[str, str]:
    """A Mastodon source's live posts since `since`: status id on its instance -> platform id."""
    q = select(Post.platform_id, Post.extra).where(Post.source_id == source_id, Post.deleted_at.is_(None),
                                                   Post.collected_at >= since)
    return {str(extra["status_id"]): pid for pid, extra in session.execute(q) if extra and extra.get("status_id")}
