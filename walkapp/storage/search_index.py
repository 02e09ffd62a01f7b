"""The search index's tables (migration 0012) as storage knows them: which tables are the
index's, and how to make it forget the words of rows deleted for good.

`search_docs` holds every searchable text; `search_fts` is the FTS5 index over it, with
the shadow tables FTS5 makes for itself. They are not models (SQLAlchemy cannot map a
virtual table): the search service reads them with SQL (walkapp.services.search), and
comparisons of the schema with the models leave them out (`include_name`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Runs one SQL statement and gives a cursor: sqlite3's `connection.execute`, or
# SQLAlchemy's `connection.exec_driver_sql`.
Run = Callable[..., Any]

DOCS = "search_docs"
FTS = "search_fts"
# FTS5's own tables for an external-content index (data, term index, sizes, settings).
SHADOWS = tuple(f"{FTS}_{suffix}" for suffix in ("data", "idx", "docsize", "config"))
TERMS = "search_terms"  # the index's vocabulary (fts5vocab): texts per word
TABLES = frozenset({DOCS, FTS, TERMS, *SHADOWS})


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """For Alembic's comparisons: everything but the index's tables."""
    return not (type_ == "table" and name in TABLES)


def has_index(run: Run) -> bool:
    return run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'"
               ).fetchone() is not None


def forget_deleted(run: Run) -> None:
    """Merge the index into one segment, so that no page of it keeps the words of a row
    deleted since (FTS5 marks a deletion in a newer segment and drops the words only when
    segments are merged; `secure_delete` then zeroes the freed pages). For after texts are
    removed for good: its cost grows with the index (seconds at a million notes)."""
    if has_index(run):
        run(f"INSERT INTO {FTS} ({FTS}) VALUES ('optimize')")
