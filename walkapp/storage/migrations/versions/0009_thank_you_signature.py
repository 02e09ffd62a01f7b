"""Signing thank-you notes with the walkers' names (a setting of its own), and room, grade
and subject out of the records of walks made before that became the default.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 16:30:00

- `walks.sign_thank_you_with_names`: a thank-you note to a host is signed "the
  learning-walk group" unless the facilitator turns this on for the walk; then it is signed
  with the names of the walk's walkers. It is its own choice, not part of
  `attribute_commitments` (which names commitments in the debrief). Existing walks get it
  off (`server_default` false). Added in place (ALTER TABLE ADD COLUMN): nothing is rebuilt.
- `walks.include_visit_details` is turned **off for every walk already in the database**.
  It used to default to on, so almost every walk made before has it on without anyone
  having chosen it; privacy by default means room, grade and subject stay out of the
  records (debrief, journal, thank-you notes) until a facilitator turns the setting back on
  for a walk (Plan ▸ Details ▸ Privacy). Nothing is deleted: the visits keep their rooms,
  grades and subjects, and turning the setting on brings them back into the records. The
  papers of the day (agenda, note-catcher, walk kit) show the route's rooms either way.

Going back drops the new column in place; it does not turn `include_visit_details` on
again (which walks had it on by choice is not known, and off is the safe side).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # recreate="never": ALTER TABLE … ADD COLUMN, never a copy-and-drop of the walks table.
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("sign_thank_you_with_names", sa.Boolean(),
                                      nullable=False, server_default=sa.false()))
    # Only the column: `updated_at` stays each walk's own last change.
    walks = sa.table("walks", sa.column("include_visit_details", sa.Boolean()))
    op.execute(walks.update().where(walks.c.include_visit_details.is_(sa.true()))
               .values(include_visit_details=False))


def downgrade() -> None:
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("sign_thank_you_with_names")
