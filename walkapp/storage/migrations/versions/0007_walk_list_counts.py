"""The walks list without counting rows: `walk_counts` (walkers, visits, notes per walk)
kept by triggers, a covering index of the list's columns, and an index of conflict copies.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 17:45:00

Listing the walks used to count every live note of every walk (1.3 s of SQL at a million
notes, with no index on `deleted_at`) and to read whole walk rows, protocol snapshot and
all (about 8.5 KB a walk). Now:

- `walk_counts` holds, per walk, its walkers (participants in the walker role), its visits
  that are not removed (`deleted_at` NULL) and its notes that are live and not conflict
  copies. Triggers on `participants`, `visits` and `notes` keep it: every insert, delete
  (by ON DELETE CASCADE too) and change of the columns a count depends on moves it, in the
  same transaction as the change, whatever code made it. A note's text being saved does
  not touch it. It is its own narrow table, not columns of `walks`: a walk row carries the
  protocol snapshot, and rewriting it (overflow pages and all) at every new note would make
  each note save several pages dearer.
- `ix_walks_summary` covers the list's columns and what its search looks in, so the list is
  read from the index alone. The snapshot sits between the row's first columns and its
  last ones (status, phase, mode, `trashed_at`), so even a query of those columns alone
  read every snapshot's overflow pages.
- `ix_notes_copies` (conflict copies only), and the same on reflections, commitments and
  feedback: the list counts once each note family whose own row was deleted while a copy
  lives on, and the conflict counts find the walks with conflicts, from them.

Nothing is rebuilt (a table rebuild deletes rows by ON DELETE CASCADE); going back drops
what was added, in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Tables whose conflict copies get an index of their own (`ix_<table>_copies`).
COPIES = ("notes", "reflections", "commitments", "feedback")

# What each table adds to its walk's count, as an SQL expression of OLD or NEW (0 or 1).
_COUNTED = {
    "participants": ("walkers", "{row}.role = 'walker'"),
    "visits": ("visits", "{row}.deleted_at IS NULL"),
    "notes": ("notes", "{row}.deleted_at IS NULL AND {row}.conflict_of IS NULL"),
}
# The columns whose change can move a count (an UPDATE of others fires nothing).
_DEPENDS = {
    "participants": "walk_id, role",
    "visits": "walk_id, deleted_at",
    "notes": "walk_id, deleted_at, conflict_of",
}


def _triggers() -> list[str]:
    statements = [
        # Every walk has its row of counts from the start; it goes with the walk (FK).
        "CREATE TRIGGER walk_counts_walk_added AFTER INSERT ON walks BEGIN"
        " INSERT OR IGNORE INTO walk_counts (walk_id, walkers, visits, notes)"
        " VALUES (NEW.id, 0, 0, 0); END",
    ]
    for table, (column, counted) in _COUNTED.items():
        old, new = counted.format(row="OLD"), counted.format(row="NEW")
        statements += [
            f"CREATE TRIGGER walk_counts_{table}_added AFTER INSERT ON {table}"
            f" WHEN {new} BEGIN UPDATE walk_counts SET {column} = {column} + 1"
            " WHERE walk_id = NEW.walk_id; END",
            f"CREATE TRIGGER walk_counts_{table}_removed AFTER DELETE ON {table}"
            f" WHEN {old} BEGIN UPDATE walk_counts SET {column} = {column} - 1"
            " WHERE walk_id = OLD.walk_id; END",
            f"CREATE TRIGGER walk_counts_{table}_changed AFTER UPDATE OF {_DEPENDS[table]}"
            f" ON {table} WHEN OLD.walk_id IS NOT NEW.walk_id OR ({old}) IS NOT ({new})"
            f" BEGIN UPDATE walk_counts SET {column} = {column} - ({old})"
            f" WHERE walk_id = OLD.walk_id;"
            f" UPDATE walk_counts SET {column} = {column} + ({new})"
            " WHERE walk_id = NEW.walk_id; END",
        ]
    return statements


def trigger_names() -> list[str]:
    """Every trigger this migration makes (tests check they are all there)."""
    return ["walk_counts_walk_added"] + [f"walk_counts_{table}_{what}" for table in _COUNTED
                                         for what in ("added", "removed", "changed")]


def upgrade() -> None:
    op.create_table(
        "walk_counts",
        sa.Column("walk_id", sa.String(length=36), nullable=False),
        sa.Column("walkers", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["walk_id"], ["walks.id"],
                                name=op.f("fk_walk_counts_walk_id_walks"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("walk_id", name=op.f("pk_walk_counts")),
        sqlite_with_rowid=False,
    )
    # The counts of the walks already here, by the same rules as the triggers.
    op.execute(
        "INSERT INTO walk_counts (walk_id, walkers, visits, notes) SELECT w.id,"
        " (SELECT count(*) FROM participants p WHERE p.walk_id = w.id"
        "  AND p.role = 'walker'),"
        " (SELECT count(*) FROM visits v WHERE v.walk_id = w.id AND v.deleted_at IS NULL),"
        " (SELECT count(*) FROM notes n WHERE n.walk_id = w.id AND n.deleted_at IS NULL"
        "  AND n.conflict_of IS NULL)"
        " FROM walks w")
    for statement in _triggers():
        op.execute(statement)
    op.execute(
        "CREATE INDEX ix_walks_summary ON walks (trashed_at, walk_date, created_at, id,"
        " title, school, focus, protocol_id, status, current_phase, local_mode, updated_at)")
    for table in COPIES:
        op.execute(f"CREATE INDEX ix_{table}_copies ON {table} (walk_id, conflict_of,"
                   " deleted_at) WHERE conflict_of IS NOT NULL")


def downgrade() -> None:
    for table in COPIES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_copies")
    op.execute("DROP INDEX IF EXISTS ix_walks_summary")
    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("walk_counts")
