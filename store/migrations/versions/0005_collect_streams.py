"""collect streams: what collectors know beyond the columns, skipped items, stream positions

- posts.extra (JSON): the status id on the source's instance (re-checks for edits and deletions
  work on any server software), media descriptions, the quoted post, boosters and reposters, the
  Bluesky CID.
- sources.last_warning, fetch_runs.items_skipped: items a fetch left out (unreadable, or refused by
  the store), without their text; the rest of the fetch was stored and the cursor moved on.
- streams: each live stream `peerfeed stream` follows, its cursor (stored with the posts it
  delivered), status and lag.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa
import store.models


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no table rebuild: posts carries the search triggers).
    op.add_column("posts", sa.Column("extra", sa.JSON(), nullable=True))
    op.add_column("sources", sa.Column("last_warning", sa.Text(), nullable=True))
    op.add_column("fetch_runs", sa.Column("items_skipped", sa.Integer(), nullable=True))
    op.create_table(
        "streams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("last_event_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_received_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("events_seen", sa.BigInteger(), nullable=False),
        sa.Column("events_kept", sa.BigInteger(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("streams")
    with op.batch_alter_table("fetch_runs") as batch:
        batch.drop_column("items_skipped")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("last_warning")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("extra")
