"""channels: the Bluesky feed, the fediverse account and the weekly email

- `channel_settings`: one row per outward channel: on or paused, its options, what it published
  about itself (the Bluesky feed records), and the lease of the one publisher running it.
- `outbox`: the fediverse account's intended actions (boost, link toot, undo, restate), each with a
  unique key, claimed and completed in separate transactions, so nothing is posted twice.
- `email_subscribers`, `mailings`, `mailing_deliveries`: the weekly email's double opt-in readers,
  each week's mailing, and who has been sent it (at most once).

Revision ID: 0008
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

import store.models

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_settings",
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("updated_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=True),
        sa.Column("lease_owner", sa.String(length=200), nullable=True),
        sa.Column("lease_until", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paused_until", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("channel"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("publication_id", sa.Integer(), nullable=True),
        sa.Column("cleared_by", sa.String(length=20), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("remote_id", sa.String(length=200), nullable=True),
        sa.Column("remote_url", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("claimed_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("next_attempt_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["publication_id"], ["publications.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", name="uq_outbox_key"),
    )
    op.create_index("ix_outbox_due", "outbox", ["channel", "state", "next_attempt_at"])
    op.create_index("ix_outbox_post", "outbox", ["post_id"])
    op.create_table(
        "email_subscribers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("confirmed_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("confirm_hash", sa.String(length=64), nullable=True),
        sa.Column("confirm_sent_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("unsubscribe_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email", name="uq_email_subscribers_email"),
        sa.UniqueConstraint("unsubscribe_token", name="uq_email_subscribers_unsubscribe"),
    )
    op.create_table(
        "mailings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("period_start", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("period_end", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", name="uq_mailings_key"),
    )
    op.create_table(
        "mailing_deliveries",
        sa.Column("mailing_id", sa.Integer(), nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["mailing_id"], ["mailings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["subscriber_id"], ["email_subscribers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("mailing_id", "subscriber_id"),
    )


def downgrade() -> None:
    op.drop_table("mailing_deliveries")
    op.drop_table("mailings")
    op.drop_table("email_subscribers")
    op.drop_index("ix_outbox_post", table_name="outbox")
    op.drop_index("ix_outbox_due", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("channel_settings")
