"""Search without FTS5 (PostgreSQL, district mode): the same texts, the same rules, found
with ILIKE and ranked simply.

Each term of the query (`search_query`) must be in the text, as typed, case-blind (not
accent-blind: PostgreSQL's `unaccent` is an extension a server may not have); results come
newest walk first, then by kind. Privacy settings, walker mode and the Trash apply as in
the index's search (the same SQL conditions, `search.privacy_sql` and `walker_sql`). Slower
than the index on a big database, but a district's server is not a laptop.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, column, literal, select, table, text, union_all
from sqlalchemy.sql.elements import ColumnElement, TextClause

from walkapp.services import search_query
from walkapp.services.search_rules import FIELDS, Found, day, privacy_sql, walker_sql
from walkapp.services.search_snippet import made_here
from walkapp.storage.db import Database

# table → (its walk's column, its author's column or None, has a tombstone)
_SOURCES: dict[str, tuple[str, str | None, bool]] = {
    "notes": ("walk_id", "author_id", True),
    "reflections": ("walk_id", "author_id", True),
    "commitments": ("walk_id", "participant_id", True),
    "patterns": ("walk_id", None, False),
    "next_steps": ("walk_id", None, False),
    "action_items": ("origin_walk_id", None, False),
    "action_follow_ups": ("walk_id", None, False),
    "walks": ("id", None, False),
    "visits": ("walk_id", None, True),
}


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _selects(query: search_query.Query, walk_id: str | None,
             include_trashed: bool) -> list[Any]:
    walks = table("walks", column("id"), column("title"), column("walk_date"),
                  column("trashed_at"), column("local_mode"), column("local_participant_id"),
                  *(column(name) for name in ("show_teacher_names", "include_visit_details")))
    w = walks.alias("w")
    selects = []
    for name, (walk_column, author, tombstone) in _SOURCES.items():
        for field in FIELDS[name]:
            cols = {"id", field, walk_column, *([author] if author else []),
                    *(["deleted_at"] if tombstone else [])}
            source = table(name, *(column(c) for c in sorted(cols))).alias("s")
            body = source.c[field]
            found: list[ColumnElement[bool] | TextClause] = [
                body.ilike(f"%{_escape(term.typed or ' '.join(term.tokens))}%", escape="\\")
                for term in query.terms]
            if tombstone:
                found.append(source.c.deleted_at.is_(None))
            if not include_trashed:
                found.append(w.c.trashed_at.is_(None))
            if walk_id is not None:
                found.append(source.c[walk_column] == walk_id)
            author_sql = f"s.{author}" if author else "NULL"
            found.append(text(privacy_sql(doc="d").replace("d.kind", f"'{name}'")
                              .replace("d.field", f"'{field}'")))
            found.append(text(walker_sql(doc="d").replace("d.author_id", author_sql)))
            selects.append(
                select(literal(name).label("kind"), literal(field).label("field"),
                       source.c.id.label("source_id"), w.c.id.label("walk_id"),
                       body.label("body"), w.c.title, w.c.walk_date, w.c.trashed_at)
                .select_from(source.join(w, w.c.id == source.c[walk_column]))
                .where(and_(*found)))
    return selects


def match(db: Database, query: search_query.Query, walk_id: str | None,
          include_trashed: bool, limit: int, offset: int) -> list[Any]:
    every = union_all(*_selects(query, walk_id, include_trashed)).subquery()
    statement = (select(every).order_by(every.c.walk_date.desc(), every.c.kind,
                                        every.c.source_id, every.c.field)
                 .limit(limit).offset(offset))
    words = query.words()
    with db.transaction("searching") as session:
        rows = session.connection().execute(statement).all()
    return [Found(r.kind, r.field, r.source_id, r.walk_id, 0.0, made_here(r.body or "", words),
                  r.title, day(r.walk_date), r.trashed_at is not None) for r in rows]


def walk_ids(db: Database, query: search_query.Query, include_trashed: bool) -> set[str]:
    every = union_all(*_selects(query, None, include_trashed)).subquery()
    with db.transaction("searching") as session:
        return {str(r[0]) for r in session.connection().execute(
            select(every.c.walk_id).distinct())}
