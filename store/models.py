"""Typed SQLAlchemy 2 models."""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Any, TypeVar, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

_Row = TypeVar("_Row")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class RowGone(LookupError):
    """A row the caller had just written, claimed or listed is no longer in the database."""


def get_existing(session: Session, model: type[_Row], key: object) -> _Row:
    """`session.get` for a row the caller knows is there (it just created, claimed or listed it).

    Another process can still delete it meanwhile (a source removed from the sources file during a
    fetch, say): that raises `RowGone` naming the row, not an AttributeError on None further on.
    """
    row = session.get(model, key)
    if row is None:
        raise RowGone(f"{model.__name__} {key!r} is no longer in the database (deleted meanwhile?)")
    return row


def rowcount(result: Result[Any]) -> int:
    """How many rows an executed UPDATE or DELETE matched. `Session.execute` is typed as returning a
    plain `Result`; for DML it is always a `CursorResult`, which has the count."""
    return cast(CursorResult[Any], result).rowcount


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict: JSON, list: JSON}


# The open-queue condition as a literal, so both planners can match it to the partial index.
QUEUE_SQL = "state IN ('pending', 'escalated')"


class ReviewState(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"
    ESCALATED = "escalated"


class Role(str, enum.Enum):
    READER = "reader"
    MODERATOR = "moderator"
    LEAD = "lead"  # a lead moderator: takes escalated items, sees the team's log and activity
    STAFF = "staff"
    ADMIN = "admin"


class Source(Base):
    """A place posts come from: a blog feed, a Mastodon hashtag/account/list, a Bluesky query/feed."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30), default="feed")
    url: Mapped[str] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    options: Mapped[dict] = mapped_column(default=dict)
    # Conditional GET and incremental cursors
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    cursor: Mapped[str | None] = mapped_column(Text)
    # Health, as Miniflux keeps it
    last_fetched_at: Mapped[datetime | None]
    last_status: Mapped[str | None] = mapped_column(String(20))
    last_error_kind: Mapped[str | None] = mapped_column(String(20))
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Items the last fetch left out (unreadable, or refused by the store), listed without their text
    # (migration 0005). The fetch itself was stored and the cursor moved past them.
    last_warning: Mapped[str | None] = mapped_column(Text)


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("platform", "platform_id", name="uq_posts_platform_id"),
        Index("ix_posts_published_at", "published_at"),
        Index("ix_posts_fingerprint", "fingerprint"),
        Index("ix_posts_canonical_url", "canonical_url"),
        Index("ix_posts_story_id", "story_id"),
        Index("ix_posts_source_published", "source_id", "published_at"),  # migration 0002
        Index("ix_posts_platform_author", "platform", "author"),  # migration 0009: an author's other posts
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    platform_id: Mapped[str] = mapped_column(String(1000))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    story_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    author_url: Mapped[str | None] = mapped_column(Text)
    content_html: Mapped[str] = mapped_column(Text, default="")
    content_text: Mapped[str] = mapped_column(Text, default="")
    content_warning: Mapped[str | None] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(20))
    tags: Mapped[list] = mapped_column(default=list)
    links: Mapped[list] = mapped_column(default=list)
    reply_to: Mapped[str | None] = mapped_column(Text)
    thread_url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]
    collected_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]
    # SHA-256 of the text a reader would read (content warning, title, text: `store.posts.judged_text`).
    # Every clearance names the hash it judged, so an edit upstream voids it (store/publication.py).
    text_hash: Mapped[str | None] = mapped_column(String(64))
    # What the collector knew beyond the columns (migration 0005): the status id on the source's
    # instance (for re-checks on any server), media descriptions (alt text), the quoted post, who
    # boosted or reposted it, the Bluesky CID. See peerfeed/records.py.
    extra: Mapped[dict | None] = mapped_column(JSON)

    source: Mapped[Source | None] = relationship()
    classification: Mapped[Classification | None] = relationship(back_populates="post", uselist=False)
    review: Mapped[ReviewItem | None] = relationship(back_populates="post", uselist=False)


class Classification(Base):
    __tablename__ = "classifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    model_version: Mapped[str] = mapped_column(String(100))
    topics: Mapped[list] = mapped_column(default=list)
    topic_scores: Mapped[dict] = mapped_column(default=dict)
    distress: Mapped[int | None] = mapped_column(Integer)
    distress_score: Mapped[float | None] = mapped_column(Float)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=True)
    reasons: Mapped[list] = mapped_column(default=list)
    error: Mapped[str | None] = mapped_column(Text)
    classified_at: Mapped[datetime] = mapped_column(default=utcnow)
    text_hash: Mapped[str | None] = mapped_column(String(64))  # the hash of the text this reading judged

    post: Mapped[Post] = relationship(back_populates="classification")


class PostTopic(Base):
    """One row per (post, topic) the post currently carries: indexed filtering and theme counts."""

    __tablename__ = "post_topics"
    __table_args__ = (Index("ix_post_topics_topic", "topic", "post_id"),)

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(40), primary_key=True)


class ReviewItem(Base):
    """A post's place in moderation. Readers see a post only when its item is approved."""

    __tablename__ = "review_items"
    __table_args__ = (
        Index("ix_review_items_state", "state"),
        # The moderators' queue reads open items in this order; a partial index keeps it a short
        # index walk however many decided items pile up (see benchmarks/queries.py).
        Index("ix_review_queue_open", text("priority DESC"), "created_at", "id",
              sqlite_where=text(QUEUE_SQL), postgresql_where=text(QUEUE_SQL)),
        Index("ix_review_queue_level", "level",
              sqlite_where=text(QUEUE_SQL), postgresql_where=text(QUEUE_SQL)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=ReviewState.PENDING.value)
    level: Mapped[int | None] = mapped_column(Integer)
    # Higher first: escalated +100, then crisis 30, high 20, failed classification 15, concern 10.
    priority: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(Text)
    assignee: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # The text hash an approval (a moderator's or the model's) was given for; None when not approved.
    cleared_hash: Mapped[str | None] = mapped_column(String(64))
    # Chosen for a spot check: a post the model published, sampled 1 in N for a person to look at.
    spot_check: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))

    post: Mapped[Post] = relationship(back_populates="review")



class AuditEntry(Base):
    """Every moderator action: who, when, what, on which item."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_review_item", "review_item_id", "at"),)  # migration 0002

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    review_item_id: Mapped[int | None] = mapped_column(ForeignKey("review_items.id", ondelete="SET NULL"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    detail: Mapped[dict] = mapped_column(default=dict)


class Label(Base):
    """A moderator's correction, kept as a training label for the classifier."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(200))
    distress: Mapped[int | None] = mapped_column(Integer)
    topics: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What the model said when the moderator stated the level, and how many posts this label stands
    # for: a spot check of a post the model published, sampled 1 in N, stands for N (monitoring).
    model_version: Mapped[str | None] = mapped_column(String(100))
    model_level: Mapped[int | None] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float, default=1.0, server_default="1")


class FetchRun(Base):
    __tablename__ = "fetch_runs"
    __table_args__ = (Index("ix_fetch_runs_source", "source_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20), default="running")
    error_kind: Mapped[str | None] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    items_updated: Mapped[int] = mapped_column(Integer, default=0)
    items_deleted: Mapped[int] = mapped_column(Integer, default=0)
    items_skipped: Mapped[int | None] = mapped_column(Integer, default=0)  # migration 0005
    cursor: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)


class Stream(Base):
    """A live stream `peerfeed stream` follows (migration 0005): where it is and how far behind.

    One row per stream: the Bluesky firehose (one for every streamed Bluesky source) or one
    Mastodon source's stream. `cursor` is the firehose's sequence number, stored in the same
    transaction as the posts it delivered (Mastodon streams move their sources' cursors instead).
    Lag is `last_received_at - last_event_at`; `now - last_received_at` says whether it is alive.
    """

    __tablename__ = "streams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    cursor: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="connected")
    last_event_at: Mapped[datetime | None]  # upstream time of the newest event handled
    last_received_at: Mapped[datetime | None]  # when we handled it
    events_seen: Mapped[int] = mapped_column(BigInteger, default=0)
    events_kept: Mapped[int] = mapped_column(BigInteger, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default=Role.READER.value)
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignInAttempt(Base):
    """One failed (or still being checked) local sign-in: which name, from where, when. Never a password.

    Locks are not stored; `store.sign_in_attempts` derives them from these rows. Rows older than the
    throttle window are pruned whenever a new one is recorded.
    """

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_username", "username", "at"),
        Index("ix_sign_in_attempts_client", "client", "at"),
        Index("ix_sign_in_attempts_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200))  # as typed (trimmed): unknown names count too
    client: Mapped[str | None] = mapped_column(String(64))  # the client's IP address, when known
    at: Mapped[datetime] = mapped_column(default=utcnow)


class DashboardSession(Base):
    """A signed-in browser: the hash of its cookie's random token, whose it is, and its clocks.

    The token itself is never stored (a copy of the table signs nobody in). `store.sessions` ends a
    session when it is idle too long, past its absolute limit, signed out (one or everywhere), or when
    its account's role changes or the account goes. `handoff_hash` is a one-time code, valid for a
    minute, that the sign-in page hands to the browser to collect the httpOnly cookie with.
    """

    __tablename__ = "dashboard_sessions"
    __table_args__ = (
        Index("ix_dashboard_sessions_username", "username"),
        UniqueConstraint("token_hash", name="uq_dashboard_sessions_token"),
        UniqueConstraint("handoff_hash", name="uq_dashboard_sessions_handoff"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    handoff_hash: Mapped[str | None] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]  # the absolute limit, however active the session is
    ended_at: Mapped[datetime | None]
    ended_why: Mapped[str | None] = mapped_column(String(40))


class ThemeSnapshot(Base):
    """Aggregate themes for one period: topic volumes, emerging terms, distress rates (k-suppressed)."""

    __tablename__ = "theme_snapshots"
    __table_args__ = (UniqueConstraint("period", "period_start", name="uq_theme_snapshot_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10))  # day | week
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    topic_volumes: Mapped[dict] = mapped_column(default=dict)
    emerging_terms: Mapped[list] = mapped_column(default=list)
    distress_rates: Mapped[dict] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CurrentModel(Base):
    """The classifier version the classify step runs now (one row). Only its readings clear posts."""

    __tablename__ = "current_model"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    version: Mapped[str] = mapped_column(String(100))
    since: Mapped[datetime] = mapped_column(default=utcnow)


class Publication(Base):
    """One post in one published artefact: a static digest file, a remote boost, an email.

    `withdrawn_at` is None while the post is believed to be out there. The publication gate
    (store/publication.py) withdraws every row whose post is no longer cleared: file artefacts at
    once, remote ones through their channel's outbox.
    """

    __tablename__ = "publications"
    __table_args__ = (
        UniqueConstraint("channel", "location", "post_id", name="uq_publication"),
        Index("ix_publications_live", "withdrawn_at", "post_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10), default="file")  # file | remote | sent
    location: Mapped[str] = mapped_column(Text)  # a file path, a remote id, a mailing
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    cleared_by: Mapped[str] = mapped_column(String(20))  # moderator | model, as the artefact says
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    withdraw_reason: Mapped[str | None] = mapped_column(String(40))


class AlertSent(Base):
    """One alert per post and channel, so a re-run never alerts twice (and a failed send is retried)."""

    __tablename__ = "alerts_sent"
    __table_args__ = (UniqueConstraint("post_id", "channel", name="uq_alert_post_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(20))  # webhook | email
    status: Mapped[str] = mapped_column(String(20), default="sent")
    error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # failed sends in a row


class ChannelSetting(Base):
    """How an admin set one outward channel (store/channels.py): on or paused, its options, what it
    last published about itself (`state`), and which publisher holds it now (`lease_*`)."""

    __tablename__ = "channel_settings"

    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    options: Mapped[dict] = mapped_column(default=dict)
    state: Mapped[dict] = mapped_column(default=dict)  # e.g. the Bluesky feed records and their owner
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None]
    paused_until: Mapped[datetime | None]  # a remote's rate limit: nothing is sent before then


class OutboxAction(Base):
    """One thing a remote channel's publisher means to do (boost, toot, undo, restate), exactly once.

    `key` is unique, so an action is planned once; it is claimed and completed in separate
    transactions, and a claim that never completed (a crash) is reconciled with the remote before it
    is tried again (store/outbox.py, pipelines/fediverse.py).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("key", name="uq_outbox_key"),
        Index("ix_outbox_due", "channel", "state", "next_attempt_at"),
        Index("ix_outbox_post", "post_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(200))  # publish:<post>:<n> | withdraw:<publication>:<n> | restate:...
    action: Mapped[str] = mapped_column(String(20))  # boost | toot | unboost | delete | restate
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    publication_id: Mapped[int | None] = mapped_column(ForeignKey("publications.id", ondelete="SET NULL"))
    cleared_by: Mapped[str | None] = mapped_column(String(20))  # the clearance a toot states
    target: Mapped[str | None] = mapped_column(Text)  # the post to boost (its URI), the toot to delete...
    remote_id: Mapped[str | None] = mapped_column(String(200))  # our status (or the boosted one) on the instance
    remote_url: Mapped[str | None] = mapped_column(Text)  # where people see it
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending|claimed|done|cancelled|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]


class EmailSubscriber(Base):
    """A reader of the weekly email. Confirmed only by following the link sent to the address (double
    opt-in); unsubscribing deletes the row, and with it the address (store/subscribers.py)."""

    __tablename__ = "email_subscribers"
    __table_args__ = (
        UniqueConstraint("email", name="uq_email_subscribers_email"),
        UniqueConstraint("unsubscribe_token", name="uq_email_subscribers_unsubscribe"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    confirmed_at: Mapped[datetime | None]
    confirm_hash: Mapped[str | None] = mapped_column(String(64))  # SHA-256 of the emailed token; None once used
    confirm_sent_at: Mapped[datetime | None]
    unsubscribe_token: Mapped[str] = mapped_column(String(64))  # in every email's unsubscribe link
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Mailing(Base):
    """One weekly email: its period, and how far sending it has got."""

    __tablename__ = "mailings"
    __table_args__ = (UniqueConstraint("key", name="uq_mailings_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))  # weekly:<ISO year>-W<week>
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    posts: Mapped[int] = mapped_column(Integer, default=0)
    recipients: Mapped[int] = mapped_column(Integer, default=0)


class MailingDelivery(Base):
    """One mailing to one subscriber: written `sending` before the message goes, `sent` after. A crash
    in between leaves `sending`, which is never sent again (an email cannot be taken back, and a
    second copy is worse than a missing one)."""

    __tablename__ = "mailing_deliveries"

    mailing_id: Mapped[int] = mapped_column(ForeignKey("mailings.id", ondelete="CASCADE"), primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("email_subscribers.id", ondelete="CASCADE"),
                                               primary_key=True)
    state: Mapped[str] = mapped_column(String(20))  # sending | sent | failed | unknown
    at: Mapped[datetime] = mapped_column(default=utcnow)
    error: Mapped[str | None] = mapped_column(Text)
