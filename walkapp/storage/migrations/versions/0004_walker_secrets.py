"""Trust between laptops: the walk's kit secret (facilitator), the walker's secret (walker's
laptop), who started each family of versions that came in a notes file, and the earlier
texts of notes that someone other than their author replaced.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:00:00

Only new tables: going back drops them and touches nothing else. Walks from before this
migration get their kit secret when their next kit or notes file is written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _walk_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                   name=op.f(f"fk_{table}_walk_id_walks"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "walk_keys",
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _walk_fk("walk_keys"),
        sa.PrimaryKeyConstraint("walk_id", name=op.f("pk_walk_keys")),
    )
    op.create_table(
        "walker_keys",
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        _walk_fk("walker_keys"),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"],
                                name=op.f("fk_walker_keys_participant_id_participants"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("walk_id", name=op.f("pk_walker_keys")),
    )
    with op.batch_alter_table("walker_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_walker_keys_participant_id"), ["participant_id"],
                              unique=False)
    op.create_table(
        "sync_families",
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        _walk_fk("sync_families"),
        sa.PrimaryKeyConstraint("entity", "family_id", name=op.f("pk_sync_families")),
    )
    with op.batch_alter_table("sync_families", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_families_walk_id"), ["walk_id"],
                              unique=False)
    op.create_table(
        "note_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_by", sa.String(length=36), nullable=True),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        _walk_fk("note_history"),
        sa.ForeignKeyConstraint(["note_id"], ["notes.id"],
                                name=op.f("fk_note_history_note_id_notes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_history")),
    )
    with op.batch_alter_table("note_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_history_note_id"), ["note_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_history_note_id"))
    op.drop_table("note_history")
    with op.batch_alter_table("sync_families", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_families_walk_id"))
    op.drop_table("sync_families")
    with op.batch_alter_table("walker_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_walker_keys_participant_id"))
    op.drop_table("walker_keys")
    op.drop_table("walk_keys")
