"""The few columns the walks library's list reads, as plain SQLAlchemy Core tables
(`sqlalchemy.table`), not the ORM's models: listing walks, the Trash's ids and which walks
have conflict copies need no mapped class, so the desktop app's first window is shown
without importing or mapping the 26 models (see walkapp.storage). Same tables and column
types as walkapp.storage.models (tests/core/test_lazy_models.py compares them)."""

from __future__ import annotations

from sqlalchemy import Date, Integer, String, TableClause, Text, column, table

from walkapp.storage.types import UTCDateTime

walks = table(
    "walks", column("id", String), column("title", String), column("walk_date", Date),
    column("school", String), column("focus", Text), column("protocol_id", String),
    column("status", String), column("current_phase", String),
    column("local_mode", String), column("created_at", UTCDateTime()),
    column("updated_at", UTCDateTime()), column("trashed_at", UTCDateTime()),
    column("series_id", String))

walk_counts = table("walk_counts", column("walk_id", String), column("walkers", Integer),
                    column("visits", Integer), column("notes", Integer))


def _copies(name: str) -> TableClause:
    extra = (column("form_key", String),) if name == "notes" else ()  # answers: not notes
    return table(name, column("id", String), column("walk_id", String),
                 column("conflict_of", String), column("deleted_at", UTCDateTime()), *extra)


# Each travelling table's columns that find its conflict copies (`ix_<table>_copies`).
COPIES = {name: _copies(name) for name in ("notes", "reflections", "commitments", "feedback")}
