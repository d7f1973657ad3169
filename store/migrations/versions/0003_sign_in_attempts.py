"""sign-in attempts: failed local sign-ins, counted to refuse password guessing

One row per failed attempt (user name as typed, client address when known, time); no password.
`store.sign_in_attempts` derives per-name and per-client lockouts from these rows and prunes old ones.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
import store.models


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=True),
        sa.Column("at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sign_in_attempts_username", "sign_in_attempts", ["username", "at"])
    op.create_index("ix_sign_in_attempts_client", "sign_in_attempts", ["client", "at"])
    op.create_index("ix_sign_in_attempts_at", "sign_in_attempts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_attempts_at", table_name="sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_client", table_name="sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_username", table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
