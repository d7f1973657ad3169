"""collect streams: what collectors know beyond the columns, skipped items, stream positions

- posts.extra (JSON): the status id on the source's instance (re-checks for edits and deletions
  work on any server software), media descriptions, the quoted post, boosters and reposters, the
  Bluesky CID.
- sources.last_warning, fetch_runs.items_skipped: items a fetch left out (unreadable, or refused by
  the store), without their text; the rest of the fetch was stored and the cursor moved on.

Revision ID: 0005
Revises: 0003 (the lead re-chains it after 0004 at merge)
"""
from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no table rebuild: posts carries the search triggers).
    op.add_column("posts", sa.Column("extra", sa.JSON(), nullable=True))
    op.add_column("sources", sa.Column("last_warning", sa.Text(), nullable=True))
    op.add_column("fetch_runs", sa.Column("items_skipped", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fetch_runs") as batch:
        batch.drop_column("items_skipped")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("last_warning")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("extra")
