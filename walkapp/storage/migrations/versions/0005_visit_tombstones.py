"""Stale references keep their text: visit tombstones (`visits.deleted_at`), the look-for
tags a note carries that are not part of the walk here (`notes.stale_look_for_ids`), the
names of removed look-fors (`removed_look_fors`), and when walk kits were made and notes
files came back (`bundle_log`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:40:00

Columns are added (and on the way back dropped) in place, never by rebuilding `visits` or
`notes`: a rebuild drops the old table, and with foreign keys on that deletes rows by
ON DELETE CASCADE. After a downgrade, removed visits are ordinary visits on the route
again (with their notes) — nothing is deleted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stale_look_for_ids", sa.Text(), nullable=True))
    op.create_table(
        "removed_look_fors",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_removed_look_fors_walk_id_walks"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removed_look_fors")),
    )
    with op.batch_alter_table("removed_look_fors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removed_look_fors_walk_id"), ["walk_id"],
                              unique=False)
    op.create_table(
        "bundle_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('kit', 'notes')", name=op.f("ck_bundle_log_kind")),
        sa.ForeignKeyConstraint(["participant_id"], ["participants.id"],
                                name=op.f("fk_bundle_log_participant_id_participants"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_bundle_log_walk_id_walks"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_log")),
    )
    with op.batch_alter_table("bundle_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bundle_log_walk_id"), ["walk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bundle_log_participant_id"), ["participant_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bundle_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundle_log_participant_id"))
        batch_op.drop_index(batch_op.f("ix_bundle_log_walk_id"))
    op.drop_table("bundle_log")
    with op.batch_alter_table("removed_look_fors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removed_look_fors_walk_id"))
    op.drop_table("removed_look_fors")
    # recreate="never": ALTER TABLE … DROP COLUMN, never a copy-and-drop (module docstring).
    with op.batch_alter_table("notes", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("stale_look_for_ids")
    with op.batch_alter_table("visits", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("deleted_at")
