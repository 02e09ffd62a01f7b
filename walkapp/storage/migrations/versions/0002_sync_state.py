"""Sync state for merging notes files: version ids with parent links, and which version
each travelling row shows (with its revision at the last merge).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_versions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("lane_id", sa.String(length=36), nullable=False),
        sa.Column("parents", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_sync_versions_walk_id_walks"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_versions")),
    )
    with op.batch_alter_table("sync_versions", schema=None) as batch_op:
        batch_op.create_index("ix_sync_versions_walk_entity", ["walk_id", "entity"],
                              unique=False)

    op.create_table(
        "sync_rows",
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("version_id", sa.String(length=64), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_sync_rows_walk_id_walks"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_rows")),
    )
    with op.batch_alter_table("sync_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_rows_walk_id"), ["walk_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_rows_walk_id"))
    op.drop_table("sync_rows")
    with op.batch_alter_table("sync_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_versions_walk_entity")
    op.drop_table("sync_versions")
