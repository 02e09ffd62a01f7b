"""Note reviews (the facilitator's decision on a note at the evidence wall) and walk series.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 23:30:00

- `note_reviews`: one row per note the facilitator decided on at the evidence wall: kept
  in the record although the nudge or the name caution fired (`kept`), or set aside (kept,
  never in a record: `set_aside`). A note without a row is "in the record" unless it is
  flagged. It is its own table, not a column of `notes`: the decision is the facilitator's,
  not part of the walker's note, so it never changes the note's version id, never travels
  in a walker's notes file and is never overwritten by a merge. Deleting the note (or the
  walk) removes it by ON DELETE CASCADE (a note deleted as a tombstone has its review
  removed by the services and the merge). `text_hash`: for `kept`, the hash of the text
  the facilitator kept (walkapp.note_states.text_hash); when a merge brings another text
  and the nudge fires on it, the note is flagged again. A set-aside note stays aside
  whatever its text.
- `walks.series_id`: the walks a group runs over a term, continued by "Plan again". The
  first walk of a series is its own series (NULL until a walk is planned again from it).
  Added in place (ALTER TABLE ADD COLUMN): nothing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "note_reviews",
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=True),
        sa.CheckConstraint("state IN ('kept', 'set_aside')", name=op.f("ck_note_reviews_state")),
        sa.ForeignKeyConstraint(["note_id"], ["notes.id"],
                                name=op.f("fk_note_reviews_note_id_notes"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_note_reviews_walk_id_walks"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_note_reviews")),
    )
    with op.batch_alter_table("note_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_reviews_walk_id"), ["walk_id"], unique=False)
    # recreate="never": ALTER TABLE … ADD COLUMN, never a copy-and-drop of the walks table.
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_walks_series_id"), ["series_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.drop_index(batch_op.f("ix_walks_series_id"))
        batch_op.drop_column("series_id")
    op.drop_table("note_reviews")
