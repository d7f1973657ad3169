"""publication gate: text hashes on posts and decisions, the current model, published artefacts

- `posts.text_hash`: SHA-256 of what a reader reads (content warning, title, text).
- `classifications.text_hash`, `review_items.cleared_hash`: the text each reading and approval
  judged, so an edit upstream voids them.
- `current_model`: the classifier version whose readings may clear posts.
- `publications`: which post is in which published artefact, so removal can withdraw it.
- `alerts_sent.attempts`: failed sends in a row, shown to moderators.
- `review_items.spot_check`, `labels.model_version/model_level/weight`: posts the model published,
  sampled for a person to check, and what each moderator's label says of the model's reading.

Existing rows are given the hash of their current text: what was approved before this revision is
taken as approved for the text stored now (no text changed without a re-fetch, and a re-fetch after
this revision compares hashes). No current model is set: posts the model published stay out of
every channel until the next classify run names its model (fail toward review).

Revision ID: 0004
Revises: 0003
"""
import hashlib

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 1000


def _hash(cw, title, text) -> str:
    # The same rule as store.posts.judged_text + text_hash, frozen here as the migration's own copy.
    judged = "\n\n".join(p for p in (cw, title, text) if p)
    return hashlib.sha256(judged.encode("utf-8", "surrogatepass")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("text_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("classifications") as batch:
        batch.add_column(sa.Column("text_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("review_items") as batch:
        batch.add_column(sa.Column("cleared_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("spot_check", sa.Boolean(), server_default=sa.text("false"), nullable=False))
    with op.batch_alter_table("labels") as batch:
        batch.add_column(sa.Column("model_version", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("model_level", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("weight", sa.Float(), server_default="1", nullable=False))
    with op.batch_alter_table("alerts_sent") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "current_model",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("since", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("cleared_by", sa.String(length=20), nullable=False),
        sa.Column("published_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdraw_reason", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "location", "post_id", name="uq_publication"),
    )
    op.create_index("ix_publications_live", "publications", ["withdrawn_at", "post_id"])

    conn = op.get_bind()
    posts = sa.table("posts", sa.column("id", sa.Integer), sa.column("title", sa.Text),
                     sa.column("content_text", sa.Text), sa.column("content_warning", sa.Text),
                     sa.column("text_hash", sa.String))
    last = 0
    while True:
        rows = conn.execute(sa.select(posts.c.id, posts.c.content_warning, posts.c.title, posts.c.content_text)
                            .where(posts.c.id > last).order_by(posts.c.id).limit(BATCH)).all()
        if not rows:
            break
        last = rows[-1][0]
        conn.execute(posts.update().where(posts.c.id == sa.bindparam("pid")).values(text_hash=sa.bindparam("h")),
                     [{"pid": pid, "h": _hash(cw, title, text)} for pid, cw, title, text in rows])
    conn.execute(sa.text("UPDATE classifications SET text_hash = "
                         "(SELECT text_hash FROM posts WHERE posts.id = classifications.post_id)"))
    conn.execute(sa.text("UPDATE review_items SET cleared_hash = "
                         "(SELECT text_hash FROM posts WHERE posts.id = review_items.post_id) "
                         "WHERE state = 'approved'"))


def downgrade() -> None:
    op.drop_index("ix_publications_live", table_name="publications")
    op.drop_table("publications")
    op.drop_table("current_model")
    with op.batch_alter_table("alerts_sent") as batch:
        batch.drop_column("attempts")
    with op.batch_alter_table("labels") as batch:
        batch.drop_column("weight")
        batch.drop_column("model_level")
        batch.drop_column("model_version")
    with op.batch_alter_table("review_items") as batch:
        batch.drop_column("spot_check")
        batch.drop_column("cleared_hash")
    with op.batch_alter_table("classifications") as batch:
        batch.drop_column("text_hash")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("text_hash")
