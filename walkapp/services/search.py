"""Search everything a walk holds: notes, reflections, commitments, patterns, next steps,
action items (and what later walks said of them) and the walk's details.

    results = services.search.search("lazy", walk_id=None, limit=50, offset=0)
    for hit in results.hits:        # best first (bm25)
        hit.kind, hit.walk_title, hit.visit_number, hit.note_state
        "".join(part.text for part in hit.snippet)   # part.is_match: a matched word

What the user types is never a query language they must know (`search_query`): words are
ANDed and matched as word starts, "quoted phrases" as phrases, anything else is text.
The index (migration 0012: `search_docs`, and `search_fts` over it) is kept in step by
SQLite triggers on every write; results honour, at query time:

- the walk's privacy settings: a visit's room, grade, subject or teacher name is found
  and shown only while the setting that lets it out of the laptop is on
  (`walkapp.visit_fields`, as the records decide);
- note states (`walkapp.note_states`): each note found says whether it is in the record,
  set aside, flagged or kept; nothing is hidden, as on the evidence wall;
- the Trash: a trashed walk's texts are found only with `include_trashed`;
- walker mode: in a walk on a walker's laptop, only that walker's own notes, reflections
  and commitments (and the walk's shared texts) are found. The library of such a laptop
  passes the walk's id (`walk_id`) to search only it.

On PostgreSQL (district mode) there is no FTS5: the same texts are searched with ILIKE
and ranked simply (`search_fallback`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from walkapp import domain as d
from walkapp import note_states
from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.services import search_query
from walkapp.services.base import ServiceBase
from walkapp.services.search_rules import Found, day, privacy_sql, walker_sql
from walkapp.services.search_snippet import (
    CLOSE,
    ELLIPSIS,
    OPEN,
    SNIPPET_TOKENS,
    SnippetPart,
    from_marked,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
# Matches past which results come newest first rather than by bm25 (see `_match`).
RANK_LIMIT = 20_000
# Words a word start may stand for, written out (see `_plan`).
MAX_EXPANSION = 32


class ResultKind(StrEnum):
    NOTE = "note"
    REFLECTION = "reflection"
    COMMITMENT = "commitment"
    PATTERN = "pattern"
    NEXT_STEP = "next_step"
    ACTION_ITEM = "action_item"
    WALK = "walk"


# The index's `kind` (the table a text comes from) → what a result is.
KINDS: dict[str, ResultKind] = {
    "notes": ResultKind.NOTE, "reflections": ResultKind.REFLECTION,
    "commitments": ResultKind.COMMITMENT, "patterns": ResultKind.PATTERN,
    "next_steps": ResultKind.NEXT_STEP, "action_items": ResultKind.ACTION_ITEM,
    "action_follow_ups": ResultKind.ACTION_ITEM, "walks": ResultKind.WALK,
    "visits": ResultKind.WALK,
}
@dataclass(frozen=True)
class SearchHit:
    """One text that matched: what it is, where it is, and the passage that matched.

    `field`: which text of the row matched ("text"; "review_note" of a commitment;
    "owner_name" of an action item; "title", "focus", "school" of a walk; a visit field's
    name). `row_id`: the row (note, reflection…; the walk's own id for its title, focus
    and school; the visit's id for a visit field; the follow-up's id for `follow_up`).
    """

    kind: ResultKind
    field: str
    row_id: str
    walk_id: str
    walk_title: str
    walk_date: date
    snippet: tuple[SnippetPart, ...]
    rank: float                       # bm25: lower is better (0 where ranked simply)
    visit_id: str | None = None
    visit_number: int | None = None   # "Visit 3"
    visit_removed: bool = False       # the visit was taken off the route
    stem: d.Stem | None = None        # a note's
    stem_key: str = ""
    form_key: str | None = None       # a note that answers the visit form
    note_state: note_states.NoteState | None = None   # a note's (None for the rest)
    other_version: bool = False       # a conflict copy (changed on two laptops)
    action_item_id: str | None = None  # an action item's, or the one a follow-up is about
    follow_up: bool = False           # what a later walk said of an action item
    pattern_kind: d.PatternKind | None = None
    in_trash: bool = False

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.snippet)


@dataclass(frozen=True)
class SearchResults:
    text: str                  # what was searched for, as typed
    hits: tuple[SearchHit, ...]
    offset: int
    limit: int
    more: bool                 # there are results after these (ask with offset + limit)
    cut_short: bool = False    # only the first MAX_TERMS words were looked for


def _check_limit(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(tr("The number of results must be between 1 and {most}.")
                              .format(most=MAX_LIMIT))
    if offset < 0:
        raise ValidationError(tr("The first result cannot be before the first."))


_MATCH = (
    "SELECT d.kind, d.field, d.source_id, d.walk_id, search_fts.rank,"
    " snippet(search_fts, 0, ?, ?, ?, ?), w.title, w.walk_date, w.trashed_at"
    " FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid"
    " JOIN walks w ON w.id = d.walk_id"
    " WHERE search_fts MATCH ? AND {filters}"
    " ORDER BY {order} LIMIT ? OFFSET ?")
_WALKS = (
    "SELECT DISTINCT d.walk_id FROM search_fts JOIN search_docs d"
    " ON d.id = search_fts.rowid JOIN walks w ON w.id = d.walk_id"
    " WHERE search_fts MATCH ? AND {filters}")


def _filters(walk_id: str | None, include_trashed: bool) -> tuple[str, list[Any]]:
    parts = [privacy_sql(), walker_sql()]
    values: list[Any] = []
    if not include_trashed:
        parts.append("w.trashed_at IS NULL")
    if walk_id is not None:
        parts.append("d.walk_id = ?")
        values.append(walk_id)
    return " AND ".join(parts), values


class SearchService(ServiceBase):
    def search(self, text: str, *, walk_id: str | None = None, limit: int = DEFAULT_LIMIT,
               offset: int = 0, include_trashed: bool = False) -> SearchResults:
        """The texts matching `text`, best first: `limit` of them from `offset` on.

        Any text at all is a fair search (never an error); one with no word in it finds
        nothing. `walk_id`: that walk's texts only. `include_trashed`: walks in the Trash
        too (their hits say `in_trash`)."""
        _check_limit(limit, offset)
        query = search_query.parse(text)
        if query.empty:
            return SearchResults(text, (), offset, limit, False, query.cut_short)
        if self._fts():
            found = self._match(query, walk_id, include_trashed, limit + 1, offset)
        else:
            from walkapp.services import search_fallback

            found = search_fallback.match(self.db, query, walk_id, include_trashed,
                                          limit + 1, offset)
        hits = tuple(self._details(found[:limit]))
        return SearchResults(text, hits, offset, limit, len(found) > limit, query.cut_short)

    def matching_walk_ids(self, text: str, *, include_trashed: bool = False) -> set[str]:
        """The walks with any text matching `text` (the walks library's search)."""
        query = search_query.parse(text)
        if query.empty:
            return set()
        if not self._fts():
            from walkapp.services import search_fallback

            return search_fallback.walk_ids(self.db, query, include_trashed)
        filters, values = _filters(None, include_trashed)
        with self.db.connection("searching") as raw:
            return {str(r[0]) for r in raw.execute(_WALKS.format(filters=filters),
                                                   [query.fts(), *values])}

    # None: the index wherever there is one (SQLite); False: search the tables themselves
    # as on PostgreSQL (tests run the fallback on SQLite with it).
    use_index: bool | None = None

    def _fts(self) -> bool:
        if self.use_index is not None:
            return self.use_index
        return self.db.engine.dialect.name == "sqlite"

    def _match(self, query: search_query.Query, walk_id: str | None, include_trashed: bool,
               limit: int, offset: int) -> list[Found]:
        filters, values = _filters(walk_id, include_trashed)
        with self.db.connection("searching") as raw:
            # bm25 ranks every match before the first is given: past RANK_LIMIT matches
            # (a word in a fifth of a million notes) the newest come first instead, read
            # in the index's order and given as soon as there are enough.
            estimate, expression = _plan(raw, query)
            if estimate == 0:
                return []  # a word that no text holds
            sql = _MATCH.format(filters=filters, order="search_fts.rank"
                                if estimate <= RANK_LIMIT else "search_fts.rowid DESC")
            rows = raw.execute(sql, [OPEN, CLOSE, ELLIPSIS, SNIPPET_TOKENS, expression,
                                     *values, limit, offset]).fetchall()
        return [Found(r[0], r[1], r[2], r[3], float(r[4]), from_marked(r[5] or ""), r[6],
                      day(r[7]), r[8] is not None) for r in rows]

    # -- details of the hits: a few queries by id, for one page of results ----------------
    def _details(self, found: list[Found]) -> list[SearchHit]:
        if not found:
            return []
        by_kind: dict[str, list[str]] = {}
        for item in found:
            by_kind.setdefault(item.kind, []).append(item.source_id)
        with self.db.connection("reading what was found") if self._fts() else \
                _RawFromEngine(self.db) as raw:
            extra = {kind: _READERS[kind](raw, ids) for kind, ids in by_kind.items()
                     if kind in _READERS}
        hits = []
        for item in found:
            details = extra.get(item.kind, {}).get(item.source_id, {})
            hits.append(SearchHit(
                kind=KINDS[item.kind], field="follow_up" if item.kind == "action_follow_ups"
                else item.field, row_id=item.source_id, walk_id=item.walk_id,
                walk_title=item.walk_title, walk_date=item.walk_date, snippet=item.snippet,
                rank=item.rank, in_trash=item.in_trash,
                follow_up=item.kind == "action_follow_ups", **details))
        return hits


class _RawFromEngine:
    """A DB-API connection of a database that is not SQLite (PostgreSQL), for reading."""

    def __init__(self, db: Any) -> None:
        self._pooled = db.engine.raw_connection()
        self._qmark = db.engine.dialect.paramstyle == "qmark"

    def __enter__(self) -> Any:
        return _Dbapi(self._pooled.dbapi_connection, self._qmark)

    def __exit__(self, *exc: object) -> None:
        self._pooled.close()


class _Dbapi:
    """`execute(sql, values)` on a DB-API connection, in sqlite3's style; '?' becomes
    the driver's '%s'."""

    def __init__(self, connection: Any, qmark: bool) -> None:
        self._connection = connection
        self._qmark = qmark

    def execute(self, sql: str, values: list[Any]) -> Any:
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql if self._qmark else sql.replace("?", "%s"), values)
            return cursor.fetchall()
        finally:
            cursor.close()


def _plan(raw: sqlite3.Connection, query: search_query.Query) -> tuple[int, str]:
    """At most how many texts the query matches, and its MATCH expression, from the
    index's vocabulary (`search_terms`): a term's count is its rarest word's (a word start:
    the sum over the words it starts, until RANK_LIMIT is passed), the query's its rarest
    term's. A word start that starts at most MAX_EXPANSION words is written as those words
    ORed: FTS5 then reads their lists as it goes, where a prefix list is merged whole first
    (0.1 s for a word in most of a million notes)."""
    best: int | None = None
    parts = []
    for term in query.terms:
        counts = []
        expression = None
        for index, token in enumerate(term.tokens):
            if term.prefix and index == len(term.tokens) - 1:
                total, words = 0, []
                for word, count in raw.execute(
                        "SELECT term, doc FROM search_terms WHERE term >= ? AND term < ?",
                        (token, token + "\U0010ffff")):
                    total += int(count)
                    words.append(str(word))
                    if total > RANK_LIMIT and len(words) > MAX_EXPANSION:
                        break
                counts.append(total)
                if len(words) <= MAX_EXPANSION and words:
                    head = " ".join(term.tokens[:-1])
                    expression = "(" + " OR ".join(
                        '"' + (f"{head} {word}" if head else word) + '"' for word in words) + ")"
            else:
                row = raw.execute("SELECT doc FROM search_terms WHERE term = ?",
                                  (token,)).fetchone()
                counts.append(int(row[0]) if row else 0)
        estimate = min(counts)
        best = estimate if best is None else min(best, estimate)
        parts.append(expression or search_query.Query((term,)).fts())
    return best or 0, " AND ".join(parts)


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def _notes(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = list(raw.execute(
        "SELECT n.id, n.visit_id, v.position, v.deleted_at, n.stem, n.stem_key, n.form_key,"
        " n.conflict_of, n.text, r.state, r.text_hash, w.language,"
        " EXISTS (SELECT 1 FROM note_history h WHERE h.note_id = n.id)"
        " FROM notes n JOIN walks w ON w.id = n.walk_id"
        " LEFT JOIN visits v ON v.id = n.visit_id"
        " LEFT JOIN note_reviews r ON r.note_id = n.id"
        f" WHERE n.id IN ({_marks(ids)})", ids))
    out = {}
    for (note_id, visit_id, position, removed, stem, stem_key, form_key, conflict_of, text,
         state, text_hash, language, rewritten) in rows:
        review = d.NoteReview(note_id, state, text_hash) if state else None
        status = note_states.status_of(text or "", review, rewritten=bool(rewritten),
                                       language=language or "en")
        out[note_id] = {"visit_id": visit_id, "visit_number": position,
                        "visit_removed": removed is not None,
                        "stem": d.Stem(stem) if stem in d.Stem.__members__.values() else None,
                        "stem_key": stem_key or "", "form_key": form_key,
                        "note_state": status.state, "other_version": conflict_of is not None}
    return out


def _copies(table: str) -> Any:
    def read(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {row[0]: {"other_version": row[1] is not None} for row in raw.execute(
            f"SELECT id, conflict_of FROM {table} WHERE id IN ({_marks(ids)})", ids)}
    return read


def _visits(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {row[0]: {"visit_id": row[0], "visit_number": row[1]} for row in raw.execute(
        f"SELECT id, position FROM visits WHERE id IN ({_marks(ids)})", ids)}


def _patterns(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    kinds = {k.value: k for k in d.PatternKind}
    return {row[0]: {"pattern_kind": kinds.get(row[1])} for row in raw.execute(
        f"SELECT id, kind FROM patterns WHERE id IN ({_marks(ids)})", ids)}


def _action_items(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {i: {"action_item_id": i} for i in ids}


def _follow_ups(raw: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {row[0]: {"action_item_id": row[1]} for row in raw.execute(
        f"SELECT id, action_item_id FROM action_follow_ups WHERE id IN ({_marks(ids)})",
        ids)}


_READERS = {"notes": _notes, "reflections": _copies("reflections"),
            "commitments": _copies("commitments"), "visits": _visits,
            "patterns": _patterns, "action_items": _action_items,
            "action_follow_ups": _follow_ups}

__all__ = ["DEFAULT_LIMIT", "ResultKind", "SearchHit", "SearchResults", "SearchService",
           "SnippetPart"]
