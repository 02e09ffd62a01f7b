"""Every table of a walk, read from the models' metadata: which rows belong to which walk,
and how each column's values are written in a data export and checked on the way back.

One source of truth: the SQLAlchemy metadata. A table added to the models is exported
with no change here as soon as it has a `walk_id` column (or is named in `SCOPES`); a
table that is neither exported nor named in `LEFT_OUT` with its reason fails
tests/core/test_data_export_tables.py, and so does a column the export does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, String, Table, Text

from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.storage import models as m
from walkapp.storage.types import UTCDateTime

# Tables that are not part of any walk's record, and why (a test holds every table of the
# metadata to be exported or named here).
LEFT_OUT: dict[str, str] = {
    "app_meta": "this laptop's own facts (its device id, settings), not a walk's",
    "walk_counts": "kept by triggers from the walk's rows: recounted when they are written",
    # The facilitator's notes of meetings with teachers name colleagues: not a walk's
    # record, so no export of walks carries them, not even the owner's (which is handed to
    # another laptop or archived); they leave only in a portfolio, as chosen there
    # (walkapp.exports.portfolio), and stay in the data folder's backups.
    "log_entries": "the facilitator's communication log: not a walk's record, it names "
                   "colleagues; it leaves only in a portfolio, as chosen there",
}

# How a table's rows belong to a walk when it has no `walk_id` column of its own.
#   ("column", name): the walk is the value of that column;
#   ("via", column, table): the row belongs to the walk of the `table` row it points at;
#   ("used", ...): rows the walk's rows point at (people on the roster, owners of action
#   items), exported with any walk that points at them.
SCOPES: dict[str, tuple[str, ...]] = {
    "walks": ("column", "id"),
    "action_items": ("column", "origin_walk_id"),
    "note_look_fors": ("via", "note_id", "notes"),
    "people": ("used",),
}

# Tables whose rows are merged by the notes-file merge (walkapp.bundles.merge) when a walk
# that is already here is imported, and the tables that merge writes itself.
WRITTEN_BY_MERGE = frozenset({"note_look_fors", "sync_versions", "sync_rows"})


def exported_tables() -> list[Table]:
    """The tables of a data export, parents before children (the order rows go in)."""
    return [t for t in m.Base.metadata.sorted_tables if t.name not in LEFT_OUT]


def scope_of(table: Table) -> tuple[str, ...]:
    if table.name in SCOPES:
        return SCOPES[table.name]
    if "walk_id" in table.c:
        return ("column", "walk_id")
    raise LookupError(f"table {table.name!r} belongs to no walk: add it to SCOPES or "
                      "LEFT_OUT in walkapp/exports/tables.py")


@dataclass(frozen=True)
class ColumnKind:
    """How one column is written: "text", "int", "bool", "date" or "time"."""

    kind: str
    limit: int = 0


def kind_of(column: Column[Any]) -> ColumnKind:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return ColumnKind("time")
    if isinstance(kind, Date):
        return ColumnKind("date")
    if isinstance(kind, Boolean):
        return ColumnKind("bool")
    if isinstance(kind, Integer):
        return ColumnKind("int")
    if isinstance(kind, Text):
        return ColumnKind("text", 0)
    if isinstance(kind, String):
        return ColumnKind("text", kind.length or 0)
    raise LookupError(f"column {column.table.name}.{column.name}: no export spelling for "
                      f"{kind!r}")


def encode(column: Column[Any], value: Any) -> Any:
    """A stored value as JSON (times in the notes files' one UTC spelling)."""
    if value is None:
        return None
    kind = kind_of(column).kind
    if kind == "time":
        assert isinstance(value, datetime)
        return f.format_time(value)
    if kind == "date":
        assert isinstance(value, date)
        return value.isoformat()
    if kind == "bool":
        return bool(value)
    return value


# Texts with no length of their own in the models: the longest a note may be, and a little
# more (a protocol snapshot is the longest text a walk stores: well under 1 MB).
MAX_TEXT_CHARS = 4 * 1024 * 1024
_INT_RANGE = (-(2**63), 2**63 - 1)


def decode(column: Column[Any], raw: Any, where: str) -> Any:
    """`raw` as the column stores it; anything else refuses the whole file (`where` names
    the table and row, in words)."""
    what = f"“{column.name}”"
    if raw is None:
        if not column.nullable or column.primary_key:
            raise s.damaged(where, fmt.tr("{what} is missing").format(what=what))
        return None
    spec = kind_of(column)
    if spec.kind == "time":
        s.time({column.name: raw}, column.name, where)
        return f.parse_time(raw)
    if spec.kind == "date":
        try:
            return date.fromisoformat(s.day({column.name: raw}, column.name, where))
        except ValueError:
            raise s.damaged(where, fmt.tr("{what} is not a date").format(what=what)) from None
    if spec.kind == "bool":
        if not isinstance(raw, bool):
            raise s.damaged(where, fmt.tr("{what} should be true or false").format(what=what))
        return raw
    if spec.kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int) \
                or not _INT_RANGE[0] <= raw <= _INT_RANGE[1]:
            raise s.damaged(where, fmt.tr("{what} should be a whole number").format(what=what))
        return raw
    return s.text({column.name: raw}, column.name, where, spec.limit or MAX_TEXT_CHARS)
