"""The Trash: a deleted walk keeps its rows and gets `walks.trashed_at` (UTC) until it is
restored, the Trash is emptied, or its 30 days are over.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:30:00

Adding a nullable column is done in place (no table rebuild). Going back drops the column
in place too: rebuilding `walks` would drop the old table, and with foreign keys on that
deletes every note, visit and action item of every walk by ON DELETE CASCADE. After a
downgrade, walks that were in the Trash are ordinary walks again — nothing is deleted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("walks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trashed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # recreate="never": ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL), never a
    # copy-and-drop of the walks table (see the module docstring).
    with op.batch_alter_table("walks", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("trashed_at")
