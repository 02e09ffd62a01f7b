"""The communication log, and a walker's consent to be named in the portfolio.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 10:00:00

- `log_entries`: the facilitator's dated notes of meetings, messages and other exchanges
  with teachers (walkapp.storage.models_log). An entry may point at a walk; removing the
  walk for good leaves the entry, unlinked (ON DELETE SET NULL). It is nobody else's: no
  kit, notes file, export or merge carries it.
- `people.reflections_named`: the walker agreed to be named beside their reflections in
  the facilitator's portfolio; off (the default, and for everyone already here) their
  reflections are printed under "Walker A", "Walker B"… Added in place (ALTER TABLE ADD
  COLUMN): nothing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("with_whom", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('meeting', 'message', 'note')",
                           name=op.f("ck_log_entries_kind")),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_log_entries_walk_id_walks"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entries")),
    )
    with op.batch_alter_table("log_entries", schema=None) as batch_op:
        batch_op.create_index("ix_log_entries_entry_date", ["entry_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_log_entries_walk_id"), ["walk_id"], unique=False)
    with op.batch_alter_table("people", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("reflections_named", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("reflections_named")
    op.drop_table("log_entries")
