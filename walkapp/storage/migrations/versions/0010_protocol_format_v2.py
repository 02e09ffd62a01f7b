"""What protocol format version 2 adds to a walk: the protocol's own stems and debrief
stages, observation roles, per-visit forms, tallies, rating scales with "not applicable",
and the choices made at planning.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 19:30:00

- `notes.stem_key`: the protocol's own stem ("warm", "cool"); `notes.stem` keeps the one of
  walkapp's four that it is written like, which older readers go by.
- `notes.form_key`: the per-visit form question a note answers (answers are notes).
- `patterns.stage_key`: the protocol's own debrief stage a statement belongs to.
- `participants.protocol_role`, `participants.role_detail`: the role given at planning.
- `feedback.not_applicable`: "not applicable" chosen on a scale that offers it.
- `walks.plan_choices`: steps left out, variants chosen, phases held on another date (JSON).
- `tallies`: each walker's counts and timed durations per visit (a travelling row, merged
  like notes).

Every column is added in place (ALTER TABLE ADD COLUMN, nullable or with a server default):
no table is rebuilt, so no dependent row is touched. Going back drops them the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TEXT_DEFAULT = sa.text("''")


def upgrade() -> None:
    with op.batch_alter_table("notes", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("stem_key", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("form_key", sa.String(length=60), nullable=True))
    with op.batch_alter_table("patterns", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("stage_key", sa.String(length=60), nullable=True))
    with op.batch_alter_table("participants", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("protocol_role", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("role_detail", sa.String(length=200), nullable=False,
                                      server_default=_TEXT_DEFAULT))
    with op.batch_alter_table("feedback", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("not_applicable", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("plan_choices", sa.Text(), nullable=False,
                                      server_default=_TEXT_DEFAULT))
    op.create_table(
        "tallies",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("tally_key", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("conflict_of", sa.String(length=36), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["participants.id"],
                                name=op.f("fk_tallies_author_id_participants"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_tallies_visit_id_visits"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_tallies_walk_id_walks"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tallies")),
    )
    with op.batch_alter_table("tallies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tallies_author_id"), ["author_id"], unique=False)
        batch_op.create_index("ix_tallies_walk_visit", ["walk_id", "visit_id"], unique=False)
        batch_op.create_index("ix_tallies_copies", ["walk_id", "conflict_of", "deleted_at"],
                              unique=False, sqlite_where=sa.text("conflict_of IS NOT NULL"))
        batch_op.create_index(batch_op.f("ix_tallies_walk_id"), ["walk_id"], unique=False)


def downgrade() -> None:
    op.drop_table("tallies")
    for table, columns in (("walks", ("plan_choices",)), ("feedback", ("not_applicable",)),
                           ("participants", ("role_detail", "protocol_role")),
                           ("patterns", ("stage_key",)), ("notes", ("form_key", "stem_key"))):
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            for column in columns:
                batch_op.drop_column(column)
