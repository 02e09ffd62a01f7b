"""Writing a checked owner's export into this database, one walk at a time.

- A walk that is not here is **recreated**: every row as it was, with its ids, times,
  versions and history (`recreate`), so an export imported into an empty data folder gives
  back the same records, row for row.
- A walk that is here is **merged** (`merge`): its notes, reflections, commitments,
  feedback answers and counts by the notes files' merge (the union of version histories;
  changes made on both sides are both kept, as conflicts to resolve), with the owner's
  trust: every writer on the walk's roster may be in the file. Every other record (the
  plan, the roster, patterns, next steps, action items, decisions at the evidence wall,
  note histories…) is added when it is missing here, left alone when it is the same, and
  when it differs the later edit is kept (the row's `updated_at`; without one, this
  laptop's) and the report says which. A backup is made before any import, so nothing
  that is replaced is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.bundles.merge import merge_entity
from walkapp.bundles.refs import Refs, Tally
from walkapp.bundles.report import Rejected
from walkapp.bundles.versions import EntitySpec, LocalState, Node
from walkapp.exports.owner_read import TRAVELLING, DataFile, Row
from walkapp.exports.tables import WRITTEN_BY_MERGE, exported_tables, scope_of

MERGED = frozenset(spec.model.__tablename__ for spec in TRAVELLING)


@dataclass
class OwnerRefs(Refs):
    """The notes-file merge's references, for the owner's own export: every writer on the
    walk's roster may be in it (a walker's notes file may change only that walker's)."""

    @classmethod
    def for_walk(cls, session: Session, walk_id: str) -> OwnerRefs:
        base = Refs.load(session, walk_id, "")
        return cls(**{name: getattr(base, name) for name in base.__dataclass_fields__})

    def ownership_problem(self, local: LocalState, family: str, rows: list[str],
                          nodes: list[Node], known_nodes: list[Node],
                          heads: Any) -> str | None:
        for node in nodes:
            mine = local.nodes.get(node.id)
            if mine is not None and mine != node:
                return fmt.tr("its history does not match the one this laptop has (a forged "
                              "file?)")
        return None

    def problem(self, spec: EntitySpec, content: dict[str, Any]) -> str | None:
        author = content.get(spec.author_field)
        if author is not None and author not in self.participants:
            return fmt.tr("its writer is not on this walk's roster on this laptop")
        return None


@dataclass
class Outcome:
    """What importing one walk did to its other records (not notes and the like)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_here: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)


def _key(table: Table, row: Row) -> Any:
    return [table.c[c.name] == row[c.name] for c in table.primary_key.columns]


def _serial(table: Table) -> bool:
    """A table keyed by a number the database hands out (a note's history)."""
    columns = list(table.primary_key.columns)
    return len(columns) == 1 and columns[0].autoincrement is True \
        and columns[0].type.python_type is int


def ids_taken(session: Session, data: DataFile, walk_id: str) -> str | None:
    """Why a walk that is not here cannot be recreated as it is: a row id the file gives it
    is used by something else on this laptop (only a forged file does that)."""
    for table in exported_tables():
        if scope_of(table)[0] == "used" or _serial(table):
            continue
        for row in data.rows_of(table.name, walk_id):
            if session.execute(select(*table.primary_key.columns).where(
                    *_key(table, row))).first() is not None:
                return fmt.tr("a record in it uses an id that belongs to something else on "
                              "this laptop (table “{name}”)").format(name=table.name)
    return None


def recreate(session: Session, data: DataFile, walk_id: str, tally: Tally) -> Outcome:
    """Insert every row of a walk that is not here, as the export holds it. A row that
    points at a record neither here nor in the file (a follow-up of an action item of an
    earlier walk that was not exported with it) is left out, and the report says so."""
    outcome = Outcome()
    people = _people(data, walk_id)
    for table in exported_tables():
        if scope_of(table)[0] == "used":
            rows = [r for r in data.tables[table.name] if r["id"] in people]
            _add_missing(session, table, rows, outcome)
            continue
        rows = _with_targets(session, table, data.rows_of(table.name, walk_id), tally)
        if _serial(table):
            rows = _free_serials(session, table, rows)
        if rows:
            session.execute(insert(table), rows)
            if table.name not in MERGED and table.name not in WRITTEN_BY_MERGE:
                outcome.added += len(rows)  # notes and the like are counted by kind
    return outcome


def _with_targets(session: Session, table: Table, rows: list[Row], tally: Tally
                  ) -> list[Row]:
    """`rows` without those that point at a record that is not here (checked in bulk)."""
    for column in table.columns:
        for key in column.foreign_keys:
            values = sorted({r[column.name] for r in rows if r[column.name] is not None})
            present: set[Any] = set()
            for start in range(0, len(values), 500):
                present.update(session.scalars(select(key.column).where(
                    key.column.in_(values[start:start + 500]))))
            kept = []
            for row in rows:
                if row[column.name] is None or row[column.name] in present:
                    kept.append(row)
                else:
                    tally.rejected.append(Rejected(what=_describe(table, row), reason=fmt.tr(
                        "it refers to a record of another walk that is not in this export "
                        "or on this laptop; export that walk too")))
            rows = kept
    return rows


def _people(data: DataFile, walk_id: str) -> set[str]:
    named: set[str] = set()
    for table in exported_tables():
        for column in table.columns:
            if any(k.column.table.name == "people" for k in column.foreign_keys):
                named.update(r[column.name] for r in data.rows_of(table.name, walk_id)
                             if r[column.name] is not None)
    return named


def _free_serials(session: Session, table: Table, rows: list[Row]) -> list[Row]:
    """Rows keyed by a database number keep it where it is free here, else get a new one."""
    key = next(iter(table.primary_key.columns))
    taken = set(session.scalars(select(key).where(key.in_([r[key.name] for r in rows]))))
    return [r if r[key.name] not in taken else {k: v for k, v in r.items() if k != key.name}
            for r in rows]


def _add_missing(session: Session, table: Table, rows: list[Row], outcome: Outcome) -> None:
    for row in rows:
        if session.execute(select(*table.primary_key.columns).where(
                *_key(table, row))).first() is None:
            session.execute(insert(table), [row])
            outcome.added += 1
        else:
            outcome.unchanged += 1


def merge(session: Session, data: DataFile, walk_id: str, tally: Tally) -> Outcome:
    """Bring a walk that is here up to date with the file (see the module's doc)."""
    outcome = Outcome()
    people = _people(data, walk_id)
    later = [t for t in exported_tables()
             if any(k.column.table.name in MERGED for c in t.columns for k in c.foreign_keys)
             or t.name == "sync_families"]
    later = [t for t in later if t.name not in WRITTEN_BY_MERGE and t.name not in MERGED]
    for table in exported_tables():
        if table.name in MERGED or table.name in WRITTEN_BY_MERGE or table in later:
            continue
        rows = data.rows_of(table.name, walk_id) if scope_of(table)[0] != "used" else \
            [r for r in data.tables[table.name] if r["id"] in people]
        _merge_rows(session, table, rows, walk_id, outcome, tally)
    session.flush()
    refs = OwnerRefs.for_walk(session, walk_id)
    states: dict[tuple[str, str], LocalState] = {}
    for spec in TRAVELLING:
        merge_entity(session, walk_id, data.parts[(walk_id, spec.name)], refs, tally, states)
    for table in later:
        _merge_rows(session, table, data.rows_of(table.name, walk_id), walk_id, outcome,
                    tally)
    return outcome


def _describe(table: Table, row: Row) -> str:
    words = next((str(row[c]) for c in ("title", "text", "display_name", "name", "step_title")
                  if row.get(c)), "")
    words = " ".join(words.split())
    if len(words) > 50:
        words = words[:49] + "…"
    return (fmt.tr("a record of “{table}” (“{words}”)").format(table=table.name, words=words)
            if words else fmt.tr("a record of “{table}”").format(table=table.name))


def _merge_rows(session: Session, table: Table, rows: list[Row], walk_id: str,
                outcome: Outcome, tally: Tally) -> None:
    serial = _serial(table)
    for row in rows:
        missing = _missing_target(session, table, row)
        if missing:
            tally.rejected.append(Rejected(what=_describe(table, row), reason=fmt.tr(
                "it refers to something that is no longer part of the walk here")))
            continue
        if serial:
            others = {k: v for k, v in row.items() if not table.c[k].primary_key}
            found = session.execute(select(table).where(
                *[table.c[k] == v if v is not None else table.c[k].is_(None)
                  for k, v in others.items()])).first()
            if found is None:
                session.execute(insert(table), [others])
                outcome.added += 1
            else:
                outcome.unchanged += 1
            continue
        here = session.execute(select(table).where(*_key(table, row))).first()
        if here is None:
            session.execute(insert(table), [row])
            outcome.added += 1
            continue
        mapping = dict(here._mapping)
        scope = scope_of(table)
        if scope[0] == "column" and mapping[scope[1]] != walk_id:
            tally.rejected.append(Rejected(what=_describe(table, row), reason=fmt.tr(
                "its id is already used by something else on this laptop")))
            continue
        if mapping == row:
            outcome.unchanged += 1
            continue
        if "updated_at" in row and row["updated_at"] > mapping["updated_at"]:
            session.execute(update(table).where(*_key(table, row)).values(**row))
            outcome.updated += 1
            outcome.taken.append(_describe(table, row))
        else:
            outcome.kept_here.append(_describe(table, mapping))


def _missing_target(session: Session, table: Table, row: Row) -> bool:
    for column in table.columns:
        value = row[column.name]
        for key in column.foreign_keys:
            target = key.column
            if value is not None and session.execute(
                    select(target).where(target == value)).first() is None:
                return True
    return False
