"""The owner's export: every record of the chosen walks, row by row, as one JSON file.

Written generically from the models' metadata (`walkapp.exports.tables`): every column of
every table a walk has rows in, so nothing is lost and a table added later is carried with
no change here. Before the rows are read, edits made here since the last merge are
recorded as versions (as writing a notes file does), so every note, reflection,
commitment, feedback answer and count carries the version that hashes its content: an
import into a database that has the walk merges them under the notes files' laws.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from walkapp import __version__
from walkapp import formatting as fmt
from walkapp.bundles import format as bf
from walkapp.bundles.errors import BundleError
from walkapp.bundles.versions import ENTITIES, TALLY, LocalState
from walkapp.errors import NotFoundError, WalkInTrashError
from walkapp.exports import format as xf
from walkapp.exports.tables import encode, exported_tables, scope_of
from walkapp.storage import models as m

_CHUNK = 500


def chosen_walks(session: Session, walk_ids: Sequence[str] | None) -> list[m.Walk]:
    """The walks to export, oldest first: `walk_ids`, or every walk not in the Trash."""
    if walk_ids is None:
        return list(session.scalars(select(m.Walk).where(m.Walk.trashed_at.is_(None))
                                    .order_by(m.Walk.walk_date, m.Walk.created_at)))
    walks = []
    for walk_id in dict.fromkeys(walk_ids):
        walk = session.get(m.Walk, walk_id)
        if walk is None:
            raise NotFoundError(fmt.tr("No walk with the id {id} on this laptop.").format(
                id=walk_id))
        if walk.trashed_at is not None:
            raise WalkInTrashError(walk.id, walk.title)
        walks.append(walk)
    return sorted(walks, key=lambda w: (w.walk_date, w.created_at))


def record_unsent_edits(session: Session, walk_ids: Sequence[str]) -> None:
    """Every travelling row's edits made here since its last merge become a version, so
    each row's version id hashes what it says (as a notes file's items do)."""
    for walk_id in walk_ids:
        for spec in (*ENTITIES, TALLY):
            LocalState(session, spec, walk_id).commit_dirty(for_export=True)
    session.flush()


def _rows(session: Session, table: Table, walk_ids: list[str],
          people: set[str]) -> list[list[Any]]:
    scope = scope_of(table)
    order = list(table.primary_key.columns)
    found: list[Any] = []
    if scope[0] == "used":
        wanted = sorted(people)
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            found += session.execute(select(table).where(order[0].in_(chunk))).all()
    else:
        for start in range(0, len(walk_ids), _CHUNK):
            chunk = walk_ids[start:start + _CHUNK]
            if scope[0] == "column":
                where = table.c[scope[1]].in_(chunk)
            else:  # ("via", column, parent table): the parent row's walk
                parent = m.Base.metadata.tables[scope[2]]
                where = table.c[scope[1]].in_(select(parent.c.id).where(
                    parent.c.walk_id.in_(chunk)))
            found += session.execute(select(table).where(where)).all()
    found.sort(key=lambda row: tuple(str(row._mapping[c.name]) for c in order))
    columns = list(table.columns)
    rows = [[encode(c, row._mapping[c.name]) for c in columns] for row in found]
    # Rows of the walk point at people (a roster entry, an action item's owner): they go
    # with it, and only they.
    for column in columns:
        for key in column.foreign_keys:
            if key.column.table.name == "people":
                index = columns.index(column)
                people.update(r[index] for r in rows if r[index] is not None)
    return rows


def build_owner_export(session: Session, walk_ids: Sequence[str] | None) -> dict[str, Any]:
    """The owner's export of `walk_ids` (None: every walk not in the Trash), as JSON
    values. A write: unsent edits are recorded as versions first."""
    walks = chosen_walks(session, walk_ids)
    if not walks:
        raise BundleError(fmt.tr("There are no walks to export on this laptop."))
    ids = [w.id for w in walks]
    record_unsent_edits(session, ids)
    people: set[str] = set()
    tables: dict[str, dict[str, Any]] = {}
    # People last: which of them go is known once the walk's rows are read.
    ordered = exported_tables()
    ordered.sort(key=lambda t: scope_of(t)[0] == "used")
    for table in ordered:
        tables[table.name] = {"columns": [c.name for c in table.columns],
                              "rows": _rows(session, table, ids, people)}
    tables = {t.name: tables[t.name] for t in exported_tables()}
    return {"format": xf.FORMAT, "format_version": xf.FORMAT_VERSION, "kind": xf.OWNER,
            "app_version": __version__,
            "created_at": bf.format_time(datetime.now(UTC)),
            "walks": [{"id": w.id, "title": w.title, "walk_date": w.walk_date.isoformat()}
                      for w in walks],
            "counts": {name: len(part["rows"]) for name, part in tables.items()},
            "tables": tables}
