"""The walks list counts notes, not the answers to a protocol's visit form.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 09:00:00

Answers to a per-visit form are stored as notes (`notes.form_key`, migration 0010), but a
walk's "12 notes" in the list means what the walkers wrote as notes: a data walk of eight
stations with five questions each would otherwise show hundreds. The notes triggers of
`walk_counts` (migration 0007) are made again to count only rows without a `form_key`,
and to follow a change of it; the counts already there are worked out again by the same
rule. Going back restores 0007's triggers and counts.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_OLD = ("{row}.deleted_at IS NULL AND {row}.conflict_of IS NULL",
        "walk_id, deleted_at, conflict_of")
_NEW = ("{row}.deleted_at IS NULL AND {row}.conflict_of IS NULL AND {row}.form_key IS NULL",
        "walk_id, deleted_at, conflict_of, form_key")
NAMES = tuple(f"walk_counts_notes_{what}" for what in ("added", "removed", "changed"))


def _make(counted: str, depends: str) -> None:
    old, new = counted.format(row="OLD"), counted.format(row="NEW")
    for name in NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"CREATE TRIGGER walk_counts_notes_added AFTER INSERT ON notes WHEN {new}"
               " BEGIN UPDATE walk_counts SET notes = notes + 1"
               " WHERE walk_id = NEW.walk_id; END")
    op.execute(f"CREATE TRIGGER walk_counts_notes_removed AFTER DELETE ON notes WHEN {old}"
               " BEGIN UPDATE walk_counts SET notes = notes - 1"
               " WHERE walk_id = OLD.walk_id; END")
    op.execute(f"CREATE TRIGGER walk_counts_notes_changed AFTER UPDATE OF {depends} ON notes"
               f" WHEN OLD.walk_id IS NOT NEW.walk_id OR ({old}) IS NOT ({new})"
               f" BEGIN UPDATE walk_counts SET notes = notes - ({old})"
               " WHERE walk_id = OLD.walk_id;"
               f" UPDATE walk_counts SET notes = notes + ({new})"
               " WHERE walk_id = NEW.walk_id; END")
    op.execute("UPDATE walk_counts SET notes = (SELECT count(*) FROM notes n"
               f" WHERE n.walk_id = walk_counts.walk_id AND {counted.format(row='n')})")


def upgrade() -> None:
    _make(*_NEW)


def downgrade() -> None:
    _make(*_OLD)
