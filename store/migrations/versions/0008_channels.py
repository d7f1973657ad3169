"""channels: the Bluesky feed, the fediverse account and the weekly email

- `channel_settings`: one row per outward channel: on or paused, its options, what it published
  about itself (the Bluesky feed records), and the lease of the one publisher running it.

Revision ID: 0008
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

import store.models

revision = "0008"
down_revision = "0004"
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


def downgrade() -> None:
    op.drop_table("channel_settings")
