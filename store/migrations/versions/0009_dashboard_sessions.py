"""dashboard sessions: signed-in browsers that survive a reload

One row per signed-in browser: the SHA-256 of its cookie's random token (never the token), the
one-time hand-off code's hash, whose session it is, when it began, was last used, must end at the
latest, and when and why it ended. `store.sessions` is the only reader and writer.

Also an index on posts (platform, author), for the review desk's "same author" context on each card.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

import store.models

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("handoff_hash", sa.String(length=64), nullable=True),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("created_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_why", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash", name="uq_dashboard_sessions_token"),
        sa.UniqueConstraint("handoff_hash", name="uq_dashboard_sessions_handoff"),
    )
    op.create_index("ix_dashboard_sessions_username", "dashboard_sessions", ["username"])
    op.create_index("ix_posts_platform_author", "posts", ["platform", "author"])


def downgrade() -> None:
    op.drop_index("ix_posts_platform_author", table_name="posts")
    op.drop_index("ix_dashboard_sessions_username", table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
