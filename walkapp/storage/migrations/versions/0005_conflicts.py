"""Conflicts for every travelling row: `conflict_of` on reflections, commitments and
feedback, as notes have had since the start.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01 14:45:00

When two laptops changed the same reflection (commitment, feedback answer), the merge kept
the losing text as its own row; until now nothing said that row was a conflict copy, so
lists showed it as a second ordinary item (two commitments for one walker). Rows already
merged are marked here from the sync state: a row that shows a version of another family
is that family's conflict copy.

Adding nullable columns is done in place (no table rebuild, which would delete dependent
rows by ON DELETE CASCADE); going back drops them in place too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, entity name in sync_rows)
TABLES = (("reflections", "reflection"), ("commitments", "commitment"),
          ("feedback", "feedback"))


def upgrade() -> None:
    for table, entity in TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.add_column(sa.Column("conflict_of", sa.String(length=36), nullable=True))
        op.execute(sa.text(
            f"UPDATE {table} SET conflict_of = ("
            " SELECT v.family_id FROM sync_rows r JOIN sync_versions v ON v.id = r.version_id"
            f" WHERE r.entity = :entity AND r.row_id = {table}.id AND v.family_id != {table}.id)"
        ).bindparams(entity=entity))


def downgrade() -> None:
    for table, _entity in TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_column("conflict_of")
